// passim (Viral Texts' text-reuse detector, https://github.com/dasmiq/passim) for corpora too big for one
// machine: export the corpus as passim's input and import passim's output as shared passages.
//
// Input (what passim reads): JSON lines, one document per line, `{"id", "series", "text"}`. `id` is the
// corpus path (unique, and what the import maps back to), `series` the outlet (passim ignores reuse
// within one series), else the document's top folder. The text is exported verbatim.
//
// Output (what passim writes, `out.json/part-*`): JSON lines, one record per reused passage, echoing
// the input fields and adding `cluster` (cluster id), `size` (passages in the cluster), `begin` and
// `end` (offsets of the passage in the document's text) and `text` (the passage). A JSON array of such
// records is read too. Offsets are checked against the passage text: passim 1 (JVM) counts UTF-16
// code units, passim 2 (Python) code points, and a passim that reads the text as XML counts in the
// markup-free text; a passage whose offsets do not line up is found by its `text` near `begin`.
// Every passage of a cluster becomes a ReportShared (with `source: 'passim'`) whose matches are the
// cluster's other passages. Pure: no vscode, no Node built-ins.

import type { ReportShared, ReportSharedMatch, Span } from './model';

export interface PassimInputDocument {
  path: string;
  text: string;
  outlet?: string | null;
}

export interface PassimInputRecord {
  id: string;
  series: string;
  text: string;
}

/** passim's series of a document: its outlet, else its top folder, else the file itself. */
export function passimSeries(path: string, outlet?: string | null): string {
  if (outlet && outlet.trim()) return outlet.trim();
  const slash = path.indexOf('/');
  return slash > 0 ? path.slice(0, slash) : path;
}

export function toPassimRecords(documents: readonly PassimInputDocument[]): PassimInputRecord[] {
  return documents.map((d) => ({ id: d.path, series: passimSeries(d.path, d.outlet), text: d.text }));
}

/** The corpus as passim input: one JSON record per line (JSON.stringify escapes line breaks inside the text). */
export function toPassimInput(documents: readonly PassimInputDocument[]): string {
  return toPassimRecords(documents)
    .map((r) => JSON.stringify(r).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'))
    .map((line) => line + '\n')
    .join('');
}

/** One record of passim's output (extra fields are kept). */
export interface PassimRecord {
  cluster: string;
  size?: number;
  id: string;
  series?: string;
  begin: number;
  end: number;
  text?: string;
  date?: string;
  [extra: string]: unknown;
}

export interface PassimParseResult {
  records: PassimRecord[];
  /** Lines that are not passim records, with their line numbers (1-based). */
  errors: string[];
}

/** Reads passim output: JSON lines (blank lines skipped), or one JSON array of records. */
export function parsePassimOutput(content: string): PassimParseResult {
  const records: PassimRecord[] = [];
  const errors: string[] = [];
  const body = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const trimmed = body.trimStart();
  const accept = (value: unknown, where: string) => {
    const record = asRecord(value);
    if (typeof record === 'string') errors.push(`${where}: ${record}`);
    else records.push(record);
  };
  if (trimmed.startsWith('[')) {
    let values: unknown;
    try {
      values = JSON.parse(trimmed);
    } catch (error) {
      return { records, errors: [`not valid JSON: ${(error as Error).message}`] };
    }
    if (!Array.isArray(values)) return { records, errors: ['expected an array of passim records'] };
    values.forEach((v, i) => accept(v, `record ${i + 1}`));
    return { records, errors };
  }
  const lines = body.split(/\r\n|\n|\r/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      errors.push(`line ${i + 1}: not valid JSON (${(error as Error).message})`);
      return;
    }
    accept(value, `line ${i + 1}`);
  });
  return { records, errors };
}

function asRecord(value: unknown): PassimRecord | string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || !v.id) return 'no "id"';
  if (typeof v.cluster !== 'string' && typeof v.cluster !== 'number') return 'no "cluster"';
  const begin = v.begin;
  const end = v.end;
  if (typeof begin !== 'number' || typeof end !== 'number' || !Number.isInteger(begin) || !Number.isInteger(end) || begin < 0 || end < begin) {
    return `"begin" and "end" must be whole numbers with 0 <= begin <= end (got ${JSON.stringify(begin)}, ${JSON.stringify(end)})`;
  }
  return { ...v, cluster: String(v.cluster), id: v.id, begin, end, text: typeof v.text === 'string' ? v.text : undefined } as PassimRecord;
}

export interface PassimImport {
  /** Shared passages per corpus path, sorted by start. */
  passages: Map<string, ReportShared[]>;
  /** Clusters with at least two passages placed in the corpus. */
  clusters: number;
  /** Records placed in a corpus document. */
  placed: number;
  /** Records that could not be placed (unknown document, passage not found), one message each. */
  problems: string[];
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `at` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
}

/** Moves an offset off the middle of a surrogate pair. */
function snap(text: string, at: number): number {
  return splitsPair(text, at) ? at - 1 : at;
}

/** The UTF-16 offset of code point `n` of `text` (or -1 past the end). */
function codePointOffset(text: string, n: number): number {
  let cp = 0;
  let i = 0;
  while (cp < n) {
    if (i >= text.length) return -1;
    i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
    cp++;
  }
  return i;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Where a record's passage is in the document text, or undefined when it cannot be placed. */
export function placePassimRecord(record: Pick<PassimRecord, 'begin' | 'end' | 'text'>, text: string): Span | undefined {
  const { begin, end } = record;
  const expected = record.text;
  const inRange = end <= text.length;
  if (expected === undefined || expected === '') {
    return inRange && end > begin ? { start: snap(text, begin), end: snap(text, end) } : undefined;
  }
  const wanted = squash(expected);
  const matches = (s: Span) =>
    s.end <= text.length && !splitsPair(text, s.start) && !splitsPair(text, s.end) && squash(text.slice(s.start, s.end)) === wanted;
  if (inRange && matches({ start: begin, end })) return { start: begin, end };
  const cb = codePointOffset(text, begin);
  const ce = codePointOffset(text, end);
  if (cb >= 0 && ce >= 0 && matches({ start: cb, end: ce })) return { start: cb, end: ce };
  // Offsets counted in another version of the text (markup removed, entities expanded): the passage
  // text itself, the occurrence nearest to `begin`.
  let best = -1;
  for (let at = text.indexOf(expected); at >= 0; at = text.indexOf(expected, at + 1)) {
    if (splitsPair(text, at) || splitsPair(text, at + expected.length)) continue;
    if (best < 0 || Math.abs(at - begin) < Math.abs(best - begin)) best = at;
    if (at > begin) break;
  }
  if (best >= 0) return { start: best, end: best + expected.length };
  return undefined;
}

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []) as string[];
}

/** Share of words two passages have in common (multiset overlap over the longer one), 0–1. */
export function wordSimilarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length === 0 && wb.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return common / Math.max(wa.length, wb.length);
}

/**
 * Turns passim records into shared passages of corpus documents. `textOf` gives a corpus document's
 * text by passim id (the corpus path) or undefined when the corpus has no such document.
 */
export function importPassim(records: readonly PassimRecord[], textOf: (id: string) => string | undefined): PassimImport {
  const problems: string[] = [];
  const byCluster = new Map<string, { record: PassimRecord; span: Span; text: string }[]>();
  let placed = 0;
  for (const record of records) {
    const text = textOf(record.id);
    if (text === undefined) {
      problems.push(`cluster ${record.cluster}: "${record.id}" is not in the corpus`);
      continue;
    }
    const span = placePassimRecord(record, text);
    if (!span) {
      problems.push(`cluster ${record.cluster}: the passage at ${record.begin}–${record.end} is not in "${record.id}" (changed since the export?)`);
      continue;
    }
    placed++;
    let members = byCluster.get(record.cluster);
    if (!members) byCluster.set(record.cluster, (members = []));
    members.push({ record, span, text });
  }
  const passages = new Map<string, ReportShared[]>();
  let clusters = 0;
  for (const [cluster, members] of byCluster) {
    if (members.length < 2) continue;
    clusters++;
    // passim sorts a cluster's passages by date when the input has one: the earliest is the likely origin.
    const dated = members.filter((m) => typeof m.record.date === 'string' && m.record.date);
    dated.sort((a, b) => String(a.record.date).localeCompare(String(b.record.date)));
    const origin = dated.length ? { path: dated[0].record.id, why: `passim: earliest date (${dated[0].record.date})` } : null;
    const slices = members.map((m) => m.text.slice(m.span.start, m.span.end));
    members.forEach((m, i) => {
      const matches: ReportSharedMatch[] = [];
      members.forEach((other, j) => {
        if (j === i || (other.record.id === m.record.id && other.span.start === m.span.start && other.span.end === m.span.end)) return;
        matches.push({ path: other.record.id, start: other.span.start, end: other.span.end, similarity: wordSimilarity(slices[i], slices[j]) });
      });
      if (matches.length === 0) return;
      matches.sort((a, b) => a.path.localeCompare(b.path) || a.start - b.start);
      const shared: ReportShared = { start: m.span.start, end: m.span.end, matches, origin, source: 'passim', cluster };
      let list = passages.get(m.record.id);
      if (!list) passages.set(m.record.id, (list = []));
      list.push(shared);
    });
  }
  for (const list of passages.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return { passages, clusters, placed, problems };
}
