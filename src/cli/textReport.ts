// The human-readable summary that `news-annotator scan` prints without --format json.
import type { ParagraphKind, ScanReport } from '../core/model';

const KIND_ORDER: ParagraphKind[] = ['headline', 'dateline', 'byline', 'body', 'caption', 'boilerplate'];

export function formatTextReport(report: ScanReport, text: (path: string) => string | undefined): string {
  const lines: string[] = [];
  for (const doc of report.documents) {
    const source = text(doc.path) ?? '';
    const headline = doc.paragraphs.find((p) => p.kind === 'headline');
    const credit = [doc.outlet, typeof doc.wire === 'string' && doc.wire !== doc.outlet ? `wire ${doc.wire}` : null].filter(Boolean).join(' · ');
    lines.push(`${doc.path}${credit ? `  [${credit}]` : ''}`);
    if (headline) lines.push(`  headline: ${oneLine(source.slice(headline.start, headline.end), 100)}`);
    const counts = KIND_ORDER.map((kind) => [kind, doc.paragraphs.filter((p) => p.kind === kind).length] as const)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${kind}`);
    lines.push(`  paragraphs: ${doc.paragraphs.length} (${counts.join(', ')})`);
    const speech = doc.quotes.filter((q) => q.kind === 'speech').length;
    const partners = new Set(doc.shared.flatMap((s) => s.matches.map((m) => m.path)).filter((p) => p !== doc.path));
    const sharedChars = coveredLength(doc.shared);
    const bodyChars = doc.paragraphs.filter((p) => p.kind !== 'boilerplate').reduce((n, p) => n + (p.end - p.start), 0);
    lines.push(`  quotes: ${doc.quotes.length} (${speech} speech)  entity mentions: ${doc.entities.length}`);
    lines.push(
      `  shared passages: ${doc.shared.length}` +
        (doc.shared.length ? ` with ${partners.size} other file(s)${doc.shared.some((s) => s.matches.some((m) => m.path === doc.path)) ? ' and itself' : ''}, ~${Math.round((100 * Math.min(sharedChars, bodyChars)) / Math.max(1, bodyChars))}% of its text` : ''),
    );
  }
  lines.push('');
  lines.push(`${report.documents.length} articles, ${report.entities.length} entities`);
  return lines.join('\n') + '\n';
}

/** Characters covered by the union of the spans (passages may overlap). */
function coveredLength(spans: readonly { start: number; end: number }[]): number {
  let total = 0;
  let reach = -1;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const from = Math.max(s.start, reach);
    if (s.end > from) total += s.end - from;
    reach = Math.max(reach, s.end);
  }
  return total;
}

function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
