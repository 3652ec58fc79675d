// Small text helpers for the quote layer: tokens and sentences over one paragraph at a time.

import type { Span } from '../model';
import { ABBREVIATIONS } from './cues';
import { isSpace } from './marks';

export interface Token extends Span {
  /** The token as written. */
  w: string;
  /** Lower case. */
  lw: string;
  /** 'word' (letters/digits), 'mark' (a quote mark), 'punct' (anything else). */
  t: 'word' | 'mark' | 'punct';
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Index of the quote this token lies inside (words between the marks), -1 outside. */
  q: number;
}

const TOKEN = /((?:\p{L}\.){2,}|\p{N}+(?:[.,:]\p{N}+)*(?:[’'\-]?\p{L}+)*|[\p{L}\p{N}]+(?:[’'\-&][\p{L}\p{N}]+)*)|\S/gu;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const ABBREV = new Set(ABBREVIATIONS);
/** `.`, `!`, `?` and `…`: the characters that can end a sentence. */
function isTerminatorCode(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}
const MARK_CHARS = '"“”„‟«»\'‘’‚‛‹›';

function isUpper(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER.test(c);
}

/**
 * Tokens of text[start, end). `skips` (sorted, disjoint) are long quote interiors that are not
 * split into words: each becomes one placeholder token (w '…', t 'punct', q = its quote).
 */
export function tokenize(text: string, start: number, end: number, skips?: readonly { start: number; end: number; q: number }[]): Token[] {
  const out: Token[] = [];
  let si = 0;
  TOKEN.lastIndex = start;
  for (let m = TOKEN.exec(text); m && m.index < end; m = TOKEN.exec(text)) {
    if (skips && si < skips.length && m.index >= skips[si].start) {
      const sk = skips[si++];
      out.push({ start: sk.start, end: sk.end, w: '…', lw: '…', t: 'punct', cap: false, q: sk.q });
      TOKEN.lastIndex = sk.end;
      continue;
    }
    let w = m[0];
    const s = m.index;
    if (s + w.length > end) w = w.slice(0, end - s);
    const c = w[0];
    const t: Token['t'] = m[1] !== undefined ? 'word' : MARK_CHARS.includes(c) ? 'mark' : 'punct';
    const cap = t === 'word' && isUpper(c);
    out.push({ start: s, end: s + w.length, w, lw: cap || t !== 'word' ? w.toLowerCase() : w, t, cap, q: -1 });
  }
  return out;
}

/**
 * Sentence spans of one paragraph. Sentence punctuation inside a quotation does not end the
 * sentence that carries the quotation (`“We are at a critical juncture. In order …,” she said.`).
 * `inside` lists the quotes of the paragraph as [open mark, end of quote] ranges, sorted.
 */
export function sentences(text: string, para: Span, inside: readonly Span[]): Span[] {
  const out: Span[] = [];
  let sStart = para.start;
  let qi = 0;
  // Terminators found by character code within the paragraph (a /[.!?…]/g exec loop made a match array
  // for each and looked past the paragraph's end for the last one).
  let from = para.start;
  for (;;) {
    let at = from;
    while (at < para.end && !isTerminatorCode(text.charCodeAt(at))) at++;
    if (at >= para.end) break;
    let k = at + 1;
    while (k < para.end && '.!?…'.includes(text[k])) k++;
    let closedQuote = false;
    while (k < para.end && '”"’\')»'.includes(text[k])) {
      k++;
      closedQuote = true;
    }
    const pos = k;
    from = k;
    while (qi < inside.length && inside[qi].end < pos) qi++;
    if (qi < inside.length && inside[qi].start < pos && pos <= inside[qi].end) continue; // inside a quote
    let n = pos;
    while (n < para.end && isSpace(text[n])) n++;
    if (n >= para.end) break;
    const nc = text[n];
    const glued = n === pos;
    if (glued) {
      if (!closedQuote && !(UPPER.test(nc) && LOWER.test(text[n + 1] ?? ''))) continue;
      if (!closedQuote && !UPPER.test(nc)) continue;
    } else if (!(UPPER.test(nc) || /[\p{N}“”"‘’'(«„]/u.test(nc))) continue;
    if (text[pos - 1] === '.' && !closedQuote) {
      // the word before the period
      let w = pos - 1;
      while (w > para.start && /[\p{L}\p{N}.]/u.test(text[w - 1])) w--;
      const word = text.slice(w, pos - 1).toLowerCase();
      if (word.length === 1 || ABBREV.has(word) || word.includes('.')) continue;
    }
    out.push({ start: sStart, end: pos });
    sStart = n;
  }
  out.push({ start: sStart, end: para.end });
  return out;
}
