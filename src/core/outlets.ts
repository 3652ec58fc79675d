// Which outlet published a file, and which wire service it credits: inferred from the page's own
// furniture (site names in headers and footers, syndication disclaimers, "Source link", dateline
// credits such as "TOKYO (AP) —"), and overridden by a `news-sources.json` manifest at the folder
// root. Pure: the caller reads the manifest file and passes its text.
//
// news-sources.json — shape (all fields but `match` optional; dates ISO 8601):
//
//   {
//     "sources": [
//       { "match": "gleaner/*.txt", "outlet": "The Gleaner", "url": "https://jamaica-gleaner.com", "wire": "AP" },
//       { "match": "seeds/002_*.txt", "outlet": "The Epoch Times", "date": "2024-07-28T09:00:00Z" },
//       { "match": "wires/ap-2024-07-28.txt", "outlet": "AP", "wire": "AP", "date": "2024-07-28" }
//     ]
//   }
//
// The object form `{ "<path or glob>": { "outlet": …, "url": …, "date": …, "wire": … } }` is accepted too.
// `match` is a path relative to the folder holding news-sources.json, or a glob (`*` within a
// folder, `**` across folders, `?`, `{a,b}`); a pattern without "/" also matches the bare file name.
// Every matching entry applies in file order (later fields win); an exact path match applies last.

import type { Paragraph } from './model';
import { WIRE_CREDITS } from './boilerplate';
import { compileGlob, type GlobMatcher } from './glob';

export interface ManifestSource {
  match: string;
  outlet?: string;
  url?: string;
  /** ISO 8601 date or date-time of first publication. */
  date?: string;
  /** Wire service the copy comes from ("AP", "Reuters"); equal to `outlet` for the wire's own copy. */
  wire?: string;
}

export interface NewsSourcesManifest {
  sources: ManifestSource[];
}

export type OutletEvidenceKind =
  | 'manifest'
  | 'site-name'
  | 'syndication-notice'
  | 'source-link'
  | 'wire-credit'
  | 'wire-mention'
  | 'path';

export interface OutletEvidence {
  kind: OutletEvidenceKind;
  /** The words that support the inference, as they appear in the text (or the manifest pattern). */
  text: string;
  start?: number;
  end?: number;
}

export interface OutletInfo {
  outlet: string | null;
  wire: string | null;
  /** How sure the wire is: named by the manifest, credited in a dateline/byline, or only mentioned. */
  wireConfidence: 'manifest' | 'credit' | 'mention' | null;
  /** The page says it republishes (a syndicated feed, "Source link"). */
  syndicated: boolean;
  url: string | null;
  date: string | null;
  evidence: OutletEvidence[];
}

// ---- wire services -------------------------------------------------------------------------------

/** Long names that identify a wire in running text; short credits come from WIRE_CREDITS. */
const WIRE_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bAssociated Press\b/g, 'AP'],
  [/\bReuters\b/g, 'Reuters'],
  [/\bAgence France[- ]Presse\b/g, 'AFP'],
  [/\bPress Trust of India\b/g, 'PTI'],
  [/\bAsian News International\b/g, 'ANI'],
  [/\bXinhua\b/g, 'Xinhua'],
  [/\bKyodo News\b/g, 'Kyodo'],
  [/\bYonhap\b/g, 'Yonhap'],
  [/\bBloomberg News\b/g, 'Bloomberg'],
  [/\bDeutsche Presse-Agentur\b/g, 'dpa'],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CREDIT_ALTERNATION = WIRE_CREDITS.map(escape).join('|');
/** "(AP)", "(Reuters) -", "- AFP" at a paragraph's start or end; not "(AP Photo/…)". */
const PAREN_CREDIT = new RegExp(`\\((${CREDIT_ALTERNATION})\\)`, 'g');
/** PAREN_CREDIT without its state: whether the text holds one anywhere (a paragraph is part of the text). */
const PAREN_CREDIT_ANYWHERE = new RegExp(PAREN_CREDIT.source);
/** Every WIRE_NAMES pattern without its word boundaries (a paragraph's edge may fall inside a word of the
 * whole text): no match here, none in any paragraph. */
const WIRE_NAME_ANYWHERE = new RegExp(WIRE_NAMES.map(([re]) => re.source.replace(/\\b/g, '')).join('|'));
const BYLINE_CREDIT = new RegExp(`^(?:by\\b.*?[,|]\\s*|from\\s+)(${CREDIT_ALTERNATION}|Associated Press|Reuters|Agence France-Presse)\\.?$`, 'i');
/** A credit mention inside a photo caption says who took the picture, not who wrote the story. */
const PHOTO_CREDIT = /\b(?:photo|photograph|picture|image)s?\s*(?:by|:|\/|credit)?\s*$/i;

// ---- outlet names --------------------------------------------------------------------------------

const NAME = "([\\p{Lu}][\\p{L}\\p{N}&.'’]*(?: [\\p{Lu}][\\p{L}\\p{N}&.'’]*){0,3})";
/** Sentences that name the publishing site (matched within header, footer and boilerplate paragraphs). */
/** Each site-name pattern with its fixed words (a regular-expression source, case aside), which every
 * match contains: a paragraph with none of them is not tried (a pre-check for speed, one per pattern
 * so a new pattern cannot be added without its words). */
const SITE_NAME_PATTERNS: ReadonlyArray<{ pattern: RegExp; kind: OutletEvidenceKind; words: string }> = [
  { pattern: new RegExp(`\\bedited by ${NAME} staff\\b`, 'gu'), kind: 'syndication-notice', words: 'edited by ' },
  { pattern: new RegExp(`\\bheadlines from ${NAME}(?= straight| directly| in | to |\\.|$)`, 'gu'), kind: 'site-name', words: 'headlines from ' },
  { pattern: new RegExp(`(?:^|\\. )${NAME} reports are available\\b`, 'gu'), kind: 'site-name', words: ' reports are available' },
  { pattern: new RegExp(`(?:©|\\bcopyright\\b)\\s*(?:\\d{4}\\s*)?${NAME}`, 'giu'), kind: 'site-name', words: '©|copyright' },
  { pattern: new RegExp(`\\b(?:originally|first) (?:appeared|published) (?:on|in) ${NAME}`, 'gu'), kind: 'site-name', words: '(?:originally|first) (?:appeared|published) (?:on|in) ' },
];
/** Any pattern's fixed words: a paragraph without them matches no site-name pattern. */
const SITE_NAME_WORDS = new RegExp(SITE_NAME_PATTERNS.map((p) => p.words).join('|'), 'i');
/** A masthead with a tagline ("Occasional Digest - a story for you"); only in page furniture, since a
 * headline ("Brexit - what happens next") has the same shape. */
const MASTHEAD = new RegExp(`^${NAME} [-–—|] (?:a |an |the |your )?\\p{Ll}[^.!?]{0,60}$`, 'u');
const SYNDICATED = /\b(?:published from a syndicated feed|syndicated (?:feed|content|story))\b/i;
const SOURCE_LINK = /^source link$/i;
const DOMAIN_SEGMENT = /^(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|news|co\.uk|co\.jp|com\.au|co\.in|in|jp|uk|de|fr|info))$/i;

/** How many paragraphs at each end of a document count as header or footer. */
const EDGE_PARAGRAPHS = 4;

function edgeAndBoilerplateParagraphs(text: string, paragraphs: readonly Paragraph[] | undefined): Array<Paragraph & { furniture: boolean }> {
  const known = !!(paragraphs && paragraphs.length);
  const spans = known ? paragraphs! : linesAsParagraphs(text);
  const out: Array<Paragraph & { furniture: boolean }> = [];
  spans.forEach((p, i) => {
    const edge = i < EDGE_PARAGRAPHS || i >= spans.length - EDGE_PARAGRAPHS;
    // Without paragraph kinds, the first two lines stand in for the page header.
    const furniture = known ? p.kind === 'boilerplate' : i < 2;
    if (edge || p.kind === 'boilerplate') out.push({ start: p.start, end: p.end, kind: p.kind, furniture });
  });
  return out;
}

function linesAsParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length, kind: 'body' });
  return out;
}

/** Infers the outlet and wire of one document from its own text (and a path that names a site). */
export function inferOutlet(text: string, paragraphs?: readonly Paragraph[], path?: string): OutletInfo {
  return withPathFallback(inferOutletFromText(text, paragraphs), path);
}

/**
 * What the text alone says of its outlet (site names, credits, wires): the costly part of
 * inferOutlet, independent of the file's path, so a worker can compute and cache it by content.
 */
export function inferOutletFromText(text: string, paragraphs?: readonly Paragraph[]): OutletInfo {
  const evidence: OutletEvidence[] = [];
  const names = new Map<string, number>();
  let syndicated = false;

  for (const p of edgeAndBoilerplateParagraphs(text, paragraphs)) {
    const para = text.slice(p.start, p.end).trim();
    const offset = p.start + text.slice(p.start, p.end).indexOf(para);
    if (SYNDICATED.test(para)) {
      syndicated = true;
      evidence.push({ kind: 'syndication-notice', text: para, start: offset, end: offset + para.length });
    }
    if (SOURCE_LINK.test(para)) {
      syndicated = true;
      evidence.push({ kind: 'source-link', text: para, start: offset, end: offset + para.length });
    }
    if (para.length > 300) continue;
    const masthead = p.furniture ? MASTHEAD.exec(para) : null;
    if (masthead && !WIRE_CREDITS.includes(masthead[1])) {
      evidence.push({ kind: 'site-name', text: masthead[1], start: offset, end: offset + masthead[1].length });
      names.set(masthead[1], (names.get(masthead[1]) ?? 0) + 1);
    }
    // One pass for the patterns' fixed words first: most paragraphs hold none of them.
    if (SITE_NAME_WORDS.test(para)) for (const { pattern, kind } of SITE_NAME_PATTERNS) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(para); m; m = pattern.exec(para)) {
        const name = m[1].replace(/[.'’]+$/, '');
        if (WIRE_CREDITS.includes(name)) continue;
        const at = offset + m.index + m[0].indexOf(m[1]);
        evidence.push({ kind, text: m[1], start: at, end: at + m[1].length });
        names.set(name, (names.get(name) ?? 0) + 1);
      }
    }
  }

  const outlet = pickName(names);
  const { wire, confidence } = inferWire(text, paragraphs, evidence);
  return { outlet, wire, wireConfidence: confidence, syndicated, url: null, date: null, evidence };
}

/** A text that names no site takes its outlet from a domain-like folder in its path ("apnews.com/…"). */
export function withPathFallback(info: OutletInfo, path: string | undefined): OutletInfo {
  if (info.outlet || !path) return info;
  for (const segment of path.split(/[\\/]/)) {
    const m = DOMAIN_SEGMENT.exec(segment);
    if (m && !/\.(txt|md|html?)$/i.test(segment)) {
      // Path evidence goes last, where inference put it before the wire's.
      const evidence = [...info.evidence];
      const wireAt = evidence.findIndex((e) => e.kind === 'wire-credit' || e.kind === 'wire-mention');
      evidence.splice(wireAt < 0 ? evidence.length : wireAt, 0, { kind: 'path', text: segment });
      return { ...info, outlet: m[1].toLowerCase(), evidence };
    }
  }
  return info;
}

/** The most often named site; among spellings of one name ("Newsx", "NewsX") the most frequent. */
function pickName(names: Map<string, number>): string | null {
  const byKey = new Map<string, { total: number; best: string; bestCount: number }>();
  for (const [name, count] of names) {
    const key = name.toLowerCase();
    const entry = byKey.get(key) ?? { total: 0, best: name, bestCount: 0 };
    entry.total += count;
    if (count > entry.bestCount || (count === entry.bestCount && upperCount(name) > upperCount(entry.best))) {
      entry.best = name;
      entry.bestCount = count;
    }
    byKey.set(key, entry);
  }
  let winner: { total: number; best: string } | null = null;
  for (const entry of byKey.values()) if (!winner || entry.total > winner.total) winner = entry;
  return winner ? winner.best : null;
}

function upperCount(s: string): number {
  let n = 0;
  for (const c of s) if (c !== c.toLowerCase()) n++;
  return n;
}

function inferWire(
  text: string,
  paragraphs: readonly Paragraph[] | undefined,
  evidence: OutletEvidence[],
): { wire: string | null; confidence: 'credit' | 'mention' | null } {
  const spans = paragraphs && paragraphs.length ? paragraphs : linesAsParagraphs(text);
  let credit: string | null = null;
  const mentions = new Map<string, number>();
  // One search of the whole text each says whether any paragraph can hold a credit or a wire's
  // name: most articles hold neither, and every paragraph tried eleven patterns for nothing.
  const anyCredit = PAREN_CREDIT_ANYWHERE.test(text);
  const anyWireName = WIRE_NAME_ANYWHERE.test(text);
  spans.forEach((p, index) => {
    const kind = (p as Paragraph).kind;
    // Nothing below can match this paragraph: leave it unsliced.
    if (!anyCredit && !anyWireName && kind !== 'byline' && p.end - p.start >= 80) return;
    const para = text.slice(p.start, p.end);
    const nearTop = index < 8 || kind === 'dateline' || kind === 'byline';
    PAREN_CREDIT.lastIndex = 0;
    if (anyCredit) for (let m = PAREN_CREDIT.exec(para); m; m = PAREN_CREDIT.exec(para)) {
      // A dateline credit ("TOKYO (AP) —") near the top, or a lone "(AP)" paragraph.
      const beforeIsDateline = /^[\p{L}\d .,'-]{0,40}$/u.test(para.slice(0, m.index));
      if (nearTop && beforeIsDateline) {
        credit ??= m[1];
        evidence.push({ kind: 'wire-credit', text: para.slice(0, m.index + m[0].length).trim(), start: p.start, end: p.start + m.index + m[0].length });
      }
    }
    const byline = kind === 'byline' || para.length < 80 ? BYLINE_CREDIT.exec(para.trim()) : null;
    if (byline) {
      const wire = canonicalWire(byline[1]);
      credit ??= wire;
      evidence.push({ kind: 'wire-credit', text: para.trim(), start: p.start, end: p.end });
    }
    if (anyWireName) for (const [pattern, wire] of WIRE_NAMES) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(para); m; m = pattern.exec(para)) {
        if (PHOTO_CREDIT.test(para.slice(Math.max(0, m.index - 20), m.index))) continue;
        mentions.set(wire, (mentions.get(wire) ?? 0) + 1);
        const from = Math.max(0, para.lastIndexOf(' ', Math.max(0, m.index - 25)));
        evidence.push({ kind: 'wire-mention', text: para.slice(from, m.index + m[0].length + 15).trim(), start: p.start + m.index, end: p.start + m.index + m[0].length });
      }
    }
  });
  if (credit) return { wire: canonicalWire(credit), confidence: 'credit' };
  let best: string | null = null;
  for (const [wire, count] of mentions) if (!best || count > mentions.get(best)!) best = wire;
  return { wire: best, confidence: best ? 'mention' : null };
}

function canonicalWire(name: string): string {
  for (const [pattern, wire] of WIRE_NAMES) {
    pattern.lastIndex = 0;
    if (pattern.test(name)) return wire;
  }
  return name === 'DPA' ? 'dpa' : name;
}

// ---- manifest ------------------------------------------------------------------------------------

export interface ManifestParseResult {
  manifest: NewsSourcesManifest;
  errors: string[];
}

/** Parses news-sources.json text; malformed entries are reported and skipped, never thrown. */
export function parseManifest(json: string): ManifestParseResult {
  const errors: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return { manifest: { sources: [] }, errors: [`news-sources.json is not valid JSON: ${(e as Error).message}`] };
  }
  const entries: unknown[] = [];
  if (Array.isArray(raw)) entries.push(...raw);
  else if (raw && typeof raw === 'object' && Array.isArray((raw as { sources?: unknown }).sources)) entries.push(...(raw as { sources: unknown[] }).sources);
  else if (raw && typeof raw === 'object') {
    for (const [match, value] of Object.entries(raw as Record<string, unknown>)) {
      entries.push(value && typeof value === 'object' ? { ...(value as object), match } : value);
    }
  } else errors.push('news-sources.json must be an object with a "sources" array');

  const sources: ManifestSource[] = [];
  entries.forEach((entry, i) => {
    if (!entry || typeof entry !== 'object') return void errors.push(`entry ${i}: not an object`);
    const e = entry as Record<string, unknown>;
    const match = typeof e.match === 'string' ? e.match : typeof e.path === 'string' ? e.path : typeof e.glob === 'string' ? e.glob : null;
    if (!match) return void errors.push(`entry ${i}: missing "match" (a path or glob)`);
    const source: ManifestSource = { match: normalizePath(match) };
    for (const field of ['outlet', 'url', 'date', 'wire'] as const) {
      if (e[field] === undefined || e[field] === null) continue;
      if (typeof e[field] !== 'string') errors.push(`entry ${i}: "${field}" must be a string`);
      else source[field] = e[field] as string;
    }
    if (source.date !== undefined && Number.isNaN(Date.parse(source.date))) {
      errors.push(`entry ${i}: "date" ${JSON.stringify(source.date)} is not an ISO 8601 date`);
      delete source.date;
    }
    sources.push(source);
  });
  return { manifest: { sources }, errors };
}

function normalizePath(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '');
}

const globCache = new Map<string, GlobMatcher>();

/** `*` (not across "/"), `**` (any folders), `?`, `{a,b}`; everything else literal. Linear-time matching. */
export function globMatcher(glob: string): GlobMatcher {
  let cached = globCache.get(glob);
  if (!cached) globCache.set(glob, (cached = compileGlob(glob)));
  return cached;
}

/** The manifest's fields for one file (path relative to the manifest's folder), merged; null if none. */
export function manifestEntryFor(manifest: NewsSourcesManifest, relativePath: string): Omit<ManifestSource, 'match'> & { matched: string[] } | null {
  const path = normalizePath(relativePath);
  const base = path.slice(path.lastIndexOf('/') + 1);
  const merged: Omit<ManifestSource, 'match'> & { matched: string[] } = { matched: [] };
  let exact: ManifestSource | null = null;
  for (const source of manifest.sources) {
    if (source.match === path) {
      exact = source;
      continue;
    }
    const re = globMatcher(source.match);
    if (re.test(path) || (!source.match.includes('/') && re.test(base))) {
      Object.assign(merged, fields(source));
      merged.matched.push(source.match);
    }
  }
  if (exact) {
    Object.assign(merged, fields(exact));
    merged.matched.push(exact.match);
  }
  return merged.matched.length ? merged : null;
}

function fields(source: ManifestSource): Omit<ManifestSource, 'match'> {
  const { match: _match, ...rest } = source;
  return rest;
}

/** Inference, then the manifest's fields on top. */
export function resolveOutlet(
  text: string,
  paragraphs: readonly Paragraph[] | undefined,
  path: string,
  manifest?: NewsSourcesManifest,
  relativePath?: string,
): OutletInfo {
  return applyManifest(inferOutlet(text, paragraphs, path), manifest, relativePath ?? path);
}

/** An outlet as news-sources.json overrides it for the file at `relativePath` (unchanged without an entry). */
export function applyManifest(info: OutletInfo, manifest: NewsSourcesManifest | undefined, relativePath: string): OutletInfo {
  const entry = manifest ? manifestEntryFor(manifest, relativePath) : null;
  if (!entry) return info;
  const evidence: OutletEvidence = { kind: 'manifest', text: `news-sources.json: ${entry.matched.join(', ')}` };
  return {
    ...info,
    outlet: entry.outlet ?? info.outlet,
    wire: entry.wire ?? info.wire,
    wireConfidence: entry.wire ? 'manifest' : info.wireConfidence,
    url: entry.url ?? info.url,
    date: entry.date ?? info.date,
    evidence: [evidence, ...info.evidence],
  };
}
