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

const TOKEN = /(?:\p{L}\.){2,}|\p{N}+(?:[.,:]\p{N}+)*(?:[’'\-]?\p{L}+)*|[\p{L}\p{N}]+(?:[’'\-&][\p{L}\p{N}]+)*|\S/gu;
const QUOTE_MARK = /["“”„‟«»'‘’‚‛‹›]/;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const ABBREV = new Set(ABBREVIATIONS);

export function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const w = m[0];
    const s = start + m.index;
    const c = w[0];
    const t: Token['t'] = w.length === 1 && QUOTE_MARK.test(c) ? 'mark' : /[\p{L}\p{N}]/u.test(c) ? 'word' : 'punct';
    out.push({ start: s, end: s + w.length, w, lw: w.toLowerCase(), t, cap: UPPER.test(c), q: -1 });
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
  for (let i = para.start; i < para.end; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    let k = i + 1;
    while (k < para.end && '.!?…'.includes(text[k])) k++;
    let closedQuote = false;
    while (k < para.end && '”"’\')»'.includes(text[k])) {
      k++;
      closedQuote = true;
    }
    const pos = k;
    i = k - 1;
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
      while (w > para.start && /[\p{L}.]/u.test(text[w - 1])) w--;
      const word = text.slice(w, pos - 1).toLowerCase();
      if (word.length === 1 || ABBREV.has(word) || word.includes('.')) continue;
    }
    out.push({ start: sStart, end: pos });
    sStart = n;
  }
  out.push({ start: sStart, end: para.end });
  return out;
}
