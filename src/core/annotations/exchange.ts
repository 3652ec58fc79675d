// Export (W3C JSON-LD with the automatic layers, CSV) and import (W3C / Hypothesis files).

import type { ReportDocument, Span } from '../model';
import { formatProblem, parseAnnotationFile } from './format';
import type { JsonValue } from './json';
import type { HandAnnotation, Problem } from './types';
import { ANNO_CONTEXT, compareAnnotations, newAnnotationId, toW3C } from './w3c';

/** A span of an automatic layer, as plain data. */
export interface AutoSpan extends Span {
  source: string;
  /** 'quote' | 'entity' | 'shared' | 'paragraph' | … */
  layer: string;
  /** Quote kind, entity type, paragraph kind… */
  kind?: string;
  /** Speaker of a quote (name or entity id). */
  speaker?: string | null;
  /** Entity id of a mention. */
  entity?: string;
  /** Text at the span, when known. */
  exact?: string;
  comment?: string;
}

/** Plain spans of a scan-report document (quotes, entity mentions, shared passages). */
export function autoSpansFromReport(doc: ReportDocument, text?: string): AutoSpan[] {
  const spans: AutoSpan[] = [];
  const ex = (s: Span) => (text === undefined ? {} : { exact: text.slice(s.start, s.end) });
  for (const q of doc.quotes) {
    spans.push({ source: doc.path, layer: 'quote', kind: q.kind, speaker: q.speaker, start: q.start, end: q.end, ...ex(q) });
  }
  for (const e of doc.entities) {
    spans.push({ source: doc.path, layer: 'entity', kind: e.type, entity: e.id, start: e.start, end: e.end, ...ex(e) });
  }
  for (const s of doc.shared) {
    const with_ = s.matches.map((m) => `${m.path} (${Math.round(m.similarity * 100)}%)`).join(', ');
    spans.push({ source: doc.path, layer: 'shared', start: s.start, end: s.end, comment: with_ ? `shared with ${with_}` : undefined, ...ex(s) });
  }
  return spans;
}

const AUTO_KIND: Record<string, string> = { PERSON: 'Person', ORG: 'Organisation', PLACE: 'Place' };

function autoToW3C(s: AutoSpan, sourceIri: (source: string) => string, created: string): { [k: string]: JsonValue } {
  const body: JsonValue[] = [];
  const kind = s.layer === 'quote' ? 'Quote' : s.layer === 'entity' ? (AUTO_KIND[s.kind ?? ''] ?? s.kind ?? 'Entity') : s.layer === 'shared' ? 'Shared' : (s.kind ?? s.layer);
  body.push({ type: 'TextualBody', purpose: 'classifying', value: kind });
  if (s.layer === 'quote' && s.kind) body.push({ type: 'TextualBody', purpose: 'tagging', value: s.kind });
  const who = s.entity ?? s.speaker;
  if (who) body.push({ type: 'TextualBody', purpose: 'identifying', value: who });
  if (s.comment) body.push({ type: 'TextualBody', purpose: 'commenting', value: s.comment, format: 'text/plain' });
  const selector: JsonValue[] = [];
  if (s.exact !== undefined) selector.push({ type: 'TextQuoteSelector', exact: s.exact });
  selector.push({ type: 'TextPositionSelector', start: s.start, end: s.end });
  return {
    id: `urn:news-annotator:auto:${encodeURIComponent(s.source)}:${s.layer}:${s.start}-${s.end}`,
    type: 'Annotation',
    created,
    generator: { id: 'urn:news-annotator', type: 'Software', name: 'News Annotator' },
    motivation: s.layer === 'shared' ? 'linking' : 'classifying',
    body,
    target: { source: sourceIri(s.source), selector },
  };
}

export interface JsonLdExportOptions {
  /** Turns a workspace-relative source into the IRI written (e.g. a file: URI). Default: unchanged. */
  sourceIri?: (source: string) => string;
  /** Date stamped on automatic annotations (default: now). */
  generated?: string;
  label?: string;
}

/** A W3C AnnotationCollection (JSON-LD text) with the hand annotations followed by the automatic layers. */
export function exportJsonLd(hand: readonly HandAnnotation[], auto: readonly AutoSpan[] = [], options: JsonLdExportOptions = {}): string {
  const sourceIri = options.sourceIri ?? ((s: string) => s);
  const generated = options.generated ?? new Date().toISOString();
  const items: JsonValue[] = [...hand].sort(compareAnnotations).map((a) => {
    const w = toW3C(a);
    (w.target as { source: string }).source = sourceIri(a.target.source);
    return w;
  });
  const autoSorted = [...auto].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.start - b.start || a.end - b.end));
  for (const s of autoSorted) items.push(autoToW3C(s, sourceIri, generated));
  const doc = {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: options.label ?? 'News Annotator export',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** One CSV cell: RFC 4180 quoting, and a leading ' before = + - @ TAB CR so spreadsheets do not run it. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s) || s !== s.trim()) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

export const CSV_COLUMNS = ['file', 'outlet', 'kind', 'text', 'speaker_or_entity', 'comment', 'start', 'end', 'origin', 'id'] as const;

export interface CsvExportOptions {
  outletOf?: (source: string) => string | null | undefined;
  /** Ids of orphaned hand annotations: their row says so in `origin`. */
  orphans?: ReadonlySet<string>;
}

/** CSV, one row per annotation (hand, then automatic), CRLF line ends as RFC 4180 says. */
export function exportCsv(hand: readonly HandAnnotation[], auto: readonly AutoSpan[] = [], options: CsvExportOptions = {}): string {
  const outlet = options.outletOf ?? (() => '');
  const rows: (string | number | null | undefined)[][] = [[...CSV_COLUMNS]];
  for (const a of [...hand].sort(compareAnnotations)) {
    const entity = a.correction && 'entity' in a.correction ? a.correction.entity : '';
    rows.push([
      a.target.source,
      outlet(a.target.source),
      a.correction ? a.correction.type : (a.kind ?? ''),
      a.target.exact,
      entity,
      a.comment ?? '',
      a.target.start,
      a.target.end,
      options.orphans?.has(a.id) ? 'hand (orphan)' : 'hand',
      a.id,
    ]);
  }
  const autoSorted = [...auto].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.start - b.start || a.end - b.end));
  for (const s of autoSorted) {
    rows.push([
      s.source,
      outlet(s.source),
      s.kind ? `${s.layer}:${s.kind}` : s.layer,
      s.exact ?? '',
      s.entity ?? s.speaker ?? '',
      s.comment ?? '',
      s.start,
      s.end,
      'automatic',
      '',
    ]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The workspace file an imported target points at: the same relative path, a path or URL ending with
 * it, or else a unique file with the same base name (with or without extension). Undefined when none
 * or several match.
 */
export function resolveSourcePath(source: string, files: readonly string[]): string | undefined {
  if (files.includes(source)) return source;
  let path = source;
  const url = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/]*(\/[^?#]*)?/.exec(source);
  if (url) path = url[1] ?? '';
  else path = path.replace(/[?#].*$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    /* keep as is */
  }
  path = path.replace(/\\/g, '/');
  if (files.includes(path)) return path;
  const suffixed = files.filter((f) => path === f || path.endsWith('/' + f));
  if (suffixed.length > 0) return suffixed.sort((a, b) => b.length - a.length)[0];
  const base = path.replace(/\/+$/, '').split('/').pop() ?? '';
  if (!base) return undefined;
  const baseOf = (f: string) => f.split('/').pop() as string;
  const same = files.filter((f) => baseOf(f) === base);
  if (same.length === 1) return same[0];
  if (same.length > 1) return undefined;
  const stem = (n: string) => n.replace(/\.[^.]*$/, '');
  const sameStem = files.filter((f) => stem(baseOf(f)) === stem(base));
  return sameStem.length === 1 ? sameStem[0] : undefined;
}

export interface ImportResult {
  annotations: HandAnnotation[];
  problems: Problem[];
  /** Human-readable summary lines (problems formatted). */
  messages: string[];
}

/**
 * Reads a W3C annotation file (collection, page, array or single annotation) or a Hypothesis export
 * (`{"annotations": [...]}`) and maps each target to a workspace file. Items without a matching file
 * or readable selector are reported, not imported. Imported annotations still need anchoring against
 * the file text (a position-only selector gets its quote from there).
 */
export function importAnnotations(
  text: string,
  files: readonly string[],
  options: { now?: string; makeId?: () => string; fileName?: string } = {},
): ImportResult {
  const now = options.now ?? new Date().toISOString();
  const parsed = parseAnnotationFile(text, {
    read: { makeId: options.makeId ?? newAnnotationId, now, resolveSource: (s) => resolveSourcePath(s, files) },
  });
  const problems = parsed.problems.map((p) => (p.severity === 'warning' ? { ...p, message: p.message.replace(/; the item is kept as it is$/, '; not imported') } : p));
  return {
    annotations: parsed.annotations,
    problems,
    messages: problems.map((p) => formatProblem(p, options.fileName ?? 'import')),
  };
}
