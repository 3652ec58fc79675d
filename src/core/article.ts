// The article model: where each paragraph of a news text file starts and ends, and what it is
// (headline, dateline, byline, body, caption, boilerplate). Every later layer reads these spans.
// Linear in the text; no regex here runs over more than one paragraph at a time.

import type { Paragraph, ParagraphKind, Span } from './model';
import {
  BOILERPLATE_LINES,
  CAPTION_CUES,
  DATE_ONLY_LINE,
  GLUED_BOILERPLATE_PREFIXES,
  NON_TERMINAL_ABBREVIATIONS,
  PUBLICATION_LINE,
  WIRE_CREDITS,
} from './boilerplate';

export interface ArticleStructure {
  paragraphs: Paragraph[];
  /** Index in `paragraphs` of the main headline, or -1 when none was recognised. */
  headline: number;
}

/** A paragraph of at least this many characters with sentence punctuation reads as body copy. */
const BODY_LENGTH = 120;
const WIRE_ALTERNATION = WIRE_CREDITS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
/** "TOKYO (AP) —", "TOKYO—", "WASHINGTON, July 28 (Reuters) -", at the start of a paragraph. */
const DATELINE_PREFIX = new RegExp(
  `^(?:[A-Z][A-Z.'\\- ]{1,30}[A-Z.]|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})` +
    `(?:,\\s*[A-Z][A-Za-z.]+(?: [A-Z][a-z]+)?)?` + // ", Maine", ", N.J."
    `(?:,\\s*[A-Z][a-z]{2,8}\\.? \\d{1,2})?` +
    `(?:\\s*\\((?:${WIRE_ALTERNATION})\\))?` +
    // An em/en dash, or a hyphen with a space before it: "US-Japan" is not a dateline.
    `(?:\\s*[—–]{1,2}|\\s+-{1,2})\\s*(?=\\S)`,
);
const DATELINE_ALONE = new RegExp(
  `^[A-Z][A-Za-z.'\\- ]{1,30}(?:,\\s*[A-Z][a-z]{2,8}\\.? \\d{1,2})?\\s*\\((?:${WIRE_ALTERNATION})\\)\\s*[—–-]{0,2}$`,
);
const BYLINE = /^(?:by|written by|reporting by|words by|author:?)\s+\p{Lu}[\p{L}.'\- ]*(?:(?:,| and| &|;)\s*[\p{L}.'\- ]+)*$/iu;
/** White space, including no-break and zero-width spaces that scraped pages leave on "blank" lines. */
function isSpaceCode(c: number): boolean {
  if (c > 32 && c < 0xa0) return false; // most characters: printable ASCII
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || c === 0x1680;
}

export function analyzeDocument(text: string): ArticleStructure {
  const lines = splitLines(text);
  const blocks = groupIntoParagraphs(text, lines);
  const pieces: Span[] = [];
  for (const block of blocks) splitGluedParagraphs(text, block, pieces);
  return classify(text, pieces);
}

/** Lines as spans without their terminators; CRLF, lone CR and LF all end a line. */
function splitLines(text: string): Span[] {
  const lines: Span[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < text.length) lines.push({ start, end: text.length });
  return lines;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/**
 * Most article files put one paragraph on a line; some hard-wrap paragraphs and separate them with
 * blank lines. A block of several similar-length lines is read as one wrapped paragraph.
 */
function groupIntoParagraphs(text: string, lines: Span[]): Span[] {
  const paragraphs: Span[] = [];
  let block: Span[] = [];
  const flush = () => {
    if (block.length === 0) return;
    for (const paragraph of looksHardWrapped(block) ? joinWrapped(text, block) : block) paragraphs.push(paragraph);
    block = [];
  };
  for (const line of lines) {
    const trimmed = trimSpan(text, line);
    if (trimmed.start === trimmed.end) flush();
    else block.push(trimmed);
  }
  flush();
  return paragraphs;
}

function looksHardWrapped(block: Span[]): boolean {
  if (block.length < 3) return false;
  const lengths = block.slice(0, -1).map((l) => l.end - l.start);
  const max = lengths.reduce((m, n) => (n > m ? n : m), 0); // no spread: a block may have 100k lines
  if (max > 100 || max < 40) return false;
  const near = lengths.filter((n) => n >= max - 15).length;
  return near / lengths.length >= 0.6;
}

/** Inside a wrapped block a short line ending a sentence closes its paragraph. */
function joinWrapped(text: string, block: Span[]): Span[] {
  const max = block.reduce((m, l) => Math.max(m, l.end - l.start), 0);
  const out: Span[] = [];
  let current: Span | undefined;
  for (const line of block) {
    current = current ? { start: current.start, end: line.end } : { ...line };
    const length = line.end - line.start;
    if (length < max - 20 && /[.!?:"”’)]$/.test(text.slice(line.end - 1, line.end))) {
      out.push(current);
      current = undefined;
    }
  }
  if (current) out.push(current);
  return out;
}

/**
 * Scraped pages glue paragraphs with no newline: `…challenge.”Japan is home…`,
 * `…INDOPACOM.Secretary of State…`, `…beyond.”Related StoriesThe Chinese…`. Split them back.
 */
function splitGluedParagraphs(text: string, span: Span, out: Span[]): void {
  let start = span.start;
  for (let i = span.start + 1; i < span.end - 1; i++) {
    // Character codes first: a one-character string of every character of the corpus was garbage.
    const code = text.charCodeAt(i);
    if (code !== 46 && code !== 33 && code !== 63 && code !== 0x201d && code !== 34) continue;
    const c = text[i];
    const next = text[i + 1];
    if (!isUpper(next) && next !== '“' && next !== '"') continue;
    let cut = -1;
    if ((c === '”' || c === '"') && isSentenceEnd(text, i - 1, start)) {
      // A straight quote after a full stop either closes a quote (cut after it) or opens one (cut before).
      cut = c === '"' && countStraight(text, start, i) % 2 === 0 ? i : i + 1;
    } else if ((c === '.' || c === '!' || c === '?') && isSentenceEnd(text, i, start)) {
      // "INDOPACOM.Secretary" and `race.“We` are glued; "U.S.A" and "3.5" are not. `."X` is decided
      // at the straight quote itself, which may close the sentence's quote or open the next one.
      if ((next === '“' && isLetter(text[i + 2])) || isLower(text[i + 2]) && isUpper(next)) cut = i + 1;
    }
    if (cut > start && cut < span.end) {
      pushWithGluedBoilerplate(text, { start, end: cut }, out);
      start = cut;
    }
  }
  pushWithGluedBoilerplate(text, { start, end: span.end }, out);
}

function countStraight(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text[i] === '"') n++;
  return n;
}

/** Is the punctuation at `i` the end of a sentence (not `U.S.`, `Mr.`, `2.5`)? */
function isSentenceEnd(text: string, i: number, floor: number): boolean {
  const c = text[i];
  if (c === '!' || c === '?') return true;
  if (c !== '.') return false;
  let j = i - 1;
  while (j >= floor && isLetter(text[j])) j--;
  const word = text.slice(j + 1, i);
  if (word.length < 2) return false; // initials, U.S.
  if (text[j] === '.') return false; // e.g. "a.m."
  return !NON_TERMINAL_ABBREVIATIONS.has(word.toLowerCase());
}

function pushWithGluedBoilerplate(text: string, span: Span, out: Span[]): void {
  const piece = trimSpan(text, span);
  if (piece.start === piece.end) return;
  for (const prefix of GLUED_BOILERPLATE_PREFIXES) {
    const end = piece.start + prefix.length;
    if (end < piece.end && text.startsWith(prefix, piece.start) && isUpper(text[end])) {
      out.push({ start: piece.start, end });
      out.push({ start: end, end: piece.end });
      return;
    }
  }
  out.push(piece);
}

function isUpper(c: string | undefined): boolean {
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
}
function isLower(c: string | undefined): boolean {
  return c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
}
function isLetter(c: string | undefined): boolean {
  return c !== undefined && c.toLowerCase() !== c.toUpperCase();
}

interface Piece extends Span {
  body: string;
  words: number;
}

function classify(text: string, spans: Span[]): ArticleStructure {
  const pieces: Piece[] = spans.map((s) => {
    const body = text.slice(s.start, s.end);
    return { start: s.start, end: s.end, body, words: countWords(body) };
  });
  const kinds: (ParagraphKind | undefined)[] = pieces.map((p) => fixedKind(p.body));
  const headline = findHeadline(pieces, kinds);
  const lastBody = findLastBody(pieces, kinds);
  const paragraphs: Paragraph[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    let kind = kinds[i];
    if (i === headline || (headline >= 0 && p.body === pieces[headline].body)) kind = 'headline';
    else if (kind === undefined) {
      // Above the headline: the page's masthead, date and menus.
      kind = headline >= 0 && i < headline ? 'boilerplate' : inBodyKind(p, i, lastBody);
    }
    // A dateline that opens the lead paragraph gets its own span, so shared-passage and quote
    // layers see the lead's words alone.
    if (kind === 'body') {
      const prefix = DATELINE_PREFIX.exec(p.body);
      if (prefix && looksLikeDatelinePlace(prefix[0]) && p.body.length - prefix[0].length >= 40) {
        const cut = p.start + prefix[0].trimEnd().length;
        paragraphs.push({ start: p.start, end: cut, kind: 'dateline' });
        const rest = trimSpan(text, { start: cut, end: p.end });
        pushParagraph(paragraphs, seen, text, { ...rest, kind: 'body' });
        continue;
      }
    }
    pushParagraph(paragraphs, seen, text, { start: p.start, end: p.end, kind });
  }
  const headlineIndex = paragraphs.findIndex((q) => q.kind === 'headline');
  return { paragraphs, headline: headlineIndex };
}

function pushParagraph(paragraphs: Paragraph[], seen: Map<string, number>, text: string, paragraph: Paragraph) {
  // Repeats matter for sentences, not for furniture such as "." or "Read More".
  if (paragraph.kind !== 'boilerplate' && paragraph.end - paragraph.start >= 20) {
    const key = text.slice(paragraph.start, paragraph.end);
    const earlier = seen.get(key);
    if (earlier !== undefined) paragraph.repeatOf = earlier;
    else seen.set(key, paragraphs.length);
  }
  paragraphs.push(paragraph);
}

/** Kinds that a paragraph's own words decide, wherever it stands. */
function fixedKind(body: string): ParagraphKind | undefined {
  if (ANY_BOILERPLATE_LINE.some((re) => re.test(body))) return 'boilerplate';
  if (body.length <= 80 && PUBLICATION_LINE.test(body)) return 'dateline';
  if (body.length <= 60 && BYLINE.test(body)) return 'byline';
  if (DATELINE_ALONE.test(body)) return 'dateline';
  if (body.length < 400 && ANY_CAPTION_CUE.some((re) => re.test(body))) return 'caption';
  return undefined;
}

/**
 * A list of patterns as one alternation per set of flags: `some(re.test)` over the list is a test of
 * the alternation (none is global or sticky, none refers to a group), and one pass over a paragraph
 * costs less than one per pattern; every paragraph of the corpus is tried against both lists.
 */
function alternations(patterns: readonly RegExp[]): RegExp[] {
  const byFlags = new Map<string, string[]>();
  for (const re of patterns) {
    const list = byFlags.get(re.flags) ?? [];
    list.push(`(?:${re.source})`);
    byFlags.set(re.flags, list);
  }
  return [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
}
const ANY_BOILERPLATE_LINE = alternations(BOILERPLATE_LINES);
const ANY_CAPTION_CUE = alternations(CAPTION_CUES);

/**
 * The headline is the first title-like line that is followed closely by body copy. Lines above it are
 * the page's masthead and menus.
 */
function findHeadline(pieces: Piece[], kinds: (ParagraphKind | undefined)[]): number {
  const limit = Math.min(pieces.length, 40);
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < limit; i++) {
    if (kinds[i] !== undefined) continue;
    const p = pieces[i];
    if (p.words < 3 || p.words > 30 || p.body.length > 250) continue;
    if (DATE_ONLY_LINE.test(p.body) || isMasthead(p.body)) continue;
    // A long paragraph that opens with a quote mark is a quote from the story, not its title.
    if (/^[“"‘']/.test(p.body) && p.body.length > 80) continue;
    let score = 1;
    if (!/[.:;,]$/.test(p.body)) score += 2;
    if (titleCaseRatio(p.body) >= 0.6) score += 1;
    if (bodyFollows(pieces, kinds, i)) score += 3;
    else score -= 2;
    if (sentenceCount(p.body) > 1) score -= 2;
    score -= i * 0.05; // earlier is likelier
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
    if (score >= 3.5) break; // the first convincing title wins: later ones are crossheads
  }
  return bestScore >= 3 ? best : -1;
}

function bodyFollows(pieces: Piece[], kinds: (ParagraphKind | undefined)[], i: number): boolean {
  for (let j = i + 1, seen = 0; j < pieces.length && seen < 3; j++) {
    if (kinds[j] === 'boilerplate') continue;
    seen++;
    if (isBodyLike(pieces[j])) return true;
  }
  return false;
}

function isBodyLike(p: Piece): boolean {
  return p.body.length >= BODY_LENGTH && /[.!?”"’)]$/.test(p.body) && p.words >= 15;
}

/** "Occasional Digest - a story for you", "NewsX | Latest news": a site's name and tagline. */
function isMasthead(body: string): boolean {
  const parts = body.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return false;
  const name = parts[0].trim();
  const tagline = parts.slice(1).join(' ');
  if (countWords(name) > 3 || !STARTS_UPPER.test(name)) return false;
  // "Name | Anything" is a masthead; with a dash, only a lower-case tagline ("Digest - a story for you").
  return /\s\|\s/.test(body) || STARTS_LOWER.test(tagline.trim());
}

function findLastBody(pieces: Piece[], kinds: (ParagraphKind | undefined)[]): number {
  for (let i = pieces.length - 1; i >= 0; i--) {
    if (kinds[i] === undefined && isBodyLike(pieces[i])) return i;
  }
  return pieces.length - 1;
}

function inBodyKind(p: Piece, i: number, lastBody: number): ParagraphKind {
  // After the story ends, short lines are the page's footer.
  if (i > lastBody && p.words <= 8 && !/[.!?”"]$/.test(p.body)) return 'boilerplate';
  // A short title-like line between body paragraphs is a crosshead.
  if (p.words <= 10 && p.words >= 2 && !/[.!?,;:]$/.test(p.body) && i < lastBody && isCrosshead(p.body)) return 'headline';
  return 'body';
}

function isCrosshead(body: string): boolean {
  return CROSSHEAD_START.test(body) && !/\d{4}/.test(body);
}

function looksLikeDatelinePlace(prefix: string): boolean {
  const place = prefix.replace(/\s*[—–-]+\s*$/, '');
  return /\((?:[^)]+)\)/.test(place) || place === place.toUpperCase();
}

// Made once: the bundler turns a `\p{…}` literal into `new RegExp(…)`, made again at every call.
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_LOWER = /^\p{Ll}/u;
const STARTS_LETTER = /^\p{L}/u;
const CROSSHEAD_START = /^[‘'“"]?\p{Lu}/u;

function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const w = !isSpaceCode(s.charCodeAt(i));
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

function titleCaseRatio(s: string): number {
  const words = s.split(/\s+/).filter((w) => STARTS_LETTER.test(w) && w.length > 3);
  if (words.length === 0) return 0;
  return words.filter((w) => STARTS_UPPER.test(w)).length / words.length;
}

function sentenceCount(s: string): number {
  return (s.match(/[.!?](?:\s|$)/g) ?? []).length;
}
