// The report as CSV (one row per annotation) and as a standalone HTML page. Pure (no vscode import).
// HTML: every piece of article text and every name is escaped; the page has no script and a CSP that
// forbids loading anything.
import type { ReportDocument, ScanReport } from '../../core/model';
import { outletLabel, percent } from '../layers/outletNames';

export function csvField(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  // Also neutralise spreadsheet formulas (a cell that starts with = + - @ is run by some programs).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_HEADER = ['path', 'outlet', 'layer', 'start', 'end', 'kind', 'id', 'name', 'text', 'matches'];

export function reportCsv(report: ScanReport, textOf: (path: string) => string | undefined): string {
  const names = new Map(report.entities.map((e) => [e.id, e.name]));
  const rows: (string | number | null)[][] = [CSV_HEADER];
  for (const d of report.documents) {
    const text = textOf(d.path) ?? '';
    const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end).replace(/\s+/g, ' ');
    const outlet = outletLabel(d.path, d.outlet);
    for (const p of d.paragraphs) rows.push([d.path, outlet, 'paragraph', p.start, p.end, p.kind, null, null, slice(p), null]);
    for (const q of d.quotes) rows.push([d.path, outlet, 'quote', q.start, q.end, q.kind, q.speaker, q.speakerName ?? (q.speaker ? names.get(q.speaker) ?? null : null), slice(q), (q.copies ?? []).map((c) => c.path).join(' ')]);
    for (const e of d.entities) rows.push([d.path, outlet, 'entity', e.start, e.end, e.type, e.id, names.get(e.id) ?? null, slice(e), null]);
    for (const s of d.shared) rows.push([d.path, outlet, 'shared', s.start, s.end, null, null, s.origin ? `origin: ${s.origin.path}` : null, slice(s), s.matches.map((m) => `${m.path}@${m.start}-${m.end}:${m.similarity.toFixed(2)}`).join(' ')]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

interface Mark {
  start: number;
  end: number;
  open: string;
}

/** The text with quotes, entities and shared passages wrapped in escaped-safe <mark>/<span> elements. */
export function annotatedHtml(d: ReportDocument, text: string, names: ReadonlyMap<string, string>): string {
  const marks: Mark[] = [];
  for (const s of d.shared) marks.push({ start: s.start, end: s.end, open: `<mark class="shared" title="${escapeHtml(s.matches.map((m) => `${m.path} ${percent(m.similarity)}`).join(', '))}">` });
  for (const q of d.quotes) marks.push({ start: q.start, end: q.end, open: `<span class="quote ${q.kind}" title="${escapeHtml(q.speakerName ?? (q.speaker ? names.get(q.speaker) ?? '' : ''))}">` });
  for (const e of d.entities) marks.push({ start: e.start, end: e.end, open: `<span class="entity ${escapeHtml(e.type)}" title="${escapeHtml(names.get(e.id) ?? e.id)}">` });
  // Proper nesting: open at start, close at end; a span that crosses an open one is clipped to it.
  const events: { at: number; close: boolean; mark: Mark; order: number }[] = [];
  marks.forEach((mark, order) => {
    if (mark.end <= mark.start || mark.start < 0 || mark.end > text.length) return;
    events.push({ at: mark.start, close: false, mark, order }, { at: mark.end, close: true, mark, order });
  });
  events.sort((a, b) => a.at - b.at || (a.close === b.close ? (a.close ? b.order - a.order : a.order - b.order) : a.close ? -1 : 1));
  let out = '';
  let pos = 0;
  const stack: Mark[] = [];
  const tag = (m: Mark) => (m.open.startsWith('<mark') ? '</mark>' : '</span>');
  for (const ev of events) {
    out += escapeHtml(text.slice(pos, ev.at));
    pos = ev.at;
    if (!ev.close) {
      out += ev.mark.open;
      stack.push(ev.mark);
    } else {
      const i = stack.lastIndexOf(ev.mark);
      if (i < 0) continue;
      const reopen = stack.splice(i + 1);
      for (const m of reopen.slice().reverse()) out += tag(m);
      out += tag(ev.mark);
      stack.splice(i, 1);
      for (const m of reopen) {
        out += m.open;
        stack.push(m);
      }
    }
  }
  out += escapeHtml(text.slice(pos));
  for (const m of stack.reverse()) out += tag(m);
  return out;
}

export function reportHtml(report: ScanReport, textOf: (path: string) => string | undefined, title: string): string {
  const names = new Map(report.entities.map((e) => [e.id, e.name]));
  const articles = report.documents.map((d) => {
    const text = textOf(d.path) ?? '';
    const outlet = outletLabel(d.path, d.outlet);
    return `<article>
<h2>${escapeHtml(outlet)} <small>${escapeHtml(d.path)}</small></h2>
<p class="counts">${d.quotes.length} quotes · ${d.entities.length} entity mentions · ${d.shared.length} shared passages</p>
<pre>${annotatedHtml(d, text, names)}</pre>
</article>`;
  });
  const entities = report.entities
    .map((e) => `<tr><td>${escapeHtml(e.name)}</td><td>${escapeHtml(String(e.type))}</td><td>${escapeHtml(e.aliases.join(', '))}</td><td>${escapeHtml(e.roles.join('; '))}</td></tr>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #1b1b1b; background: #fff; }
pre { white-space: pre-wrap; font: inherit; }
small { color: #666; font-weight: normal; }
.counts { color: #555; }
mark.shared { background: #d6f0e8; }
.quote.speech { background: #f3e5f5; }
.quote.term { font-style: italic; }
.entity { border-bottom: 2px solid; }
.entity.PERSON { border-color: #1565c0; } .entity.ORG { border-color: #ef6c00; } .entity.PLACE { border-color: #2e7d32; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 2px 6px; text-align: left; }
@media (prefers-color-scheme: dark) { body { background: #1e1e1e; color: #ddd; } mark.shared { background: #1f4f44; color: inherit; } .quote.speech { background: #4a2a52; } small, .counts { color: #aaa; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${report.documents.length} articles · ${report.entities.length} entities</p>
${entities ? `<h2>Entities</h2>\n<table><thead><tr><th>Name</th><th>Type</th><th>Also called</th><th>Roles</th></tr></thead><tbody>\n${entities}\n</tbody></table>` : ''}
${articles.join('\n')}
</body>
</html>
`;
}
