// Quote-mark detection: which marks open and close a quotation, read from their context rather
// than their glyph (real copy prints `,“` as a closing mark and `”Now` as an opening one), with
// apostrophes and elisions (`don’t`, `Biden ‘s`, `’90s`, `allies’`) left alone. One pass over
// the marks of each paragraph, a bounded stack: linear in the text, never throws.

import type { Span } from '../model';

export type MarkFamily = 'double' | 'single';

export interface RawQuote extends Span {
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark; -1 when the quote runs to the end of its paragraph. */
  close: number;
  family: MarkFamily;
  /** Index into the paragraph spans the detection ran over. */
  paragraph: number;
  /** Index (in the returned array) of the quote this one continues from the paragraph before; -1 if none. */
  continues: number;
  /** No closing mark and no continuation: the quote was read to the end of its paragraph. */
  unclosed: boolean;
}

const DOUBLE_MARKS = '"“”„‟«»';

/** Whether a UTF-16 code unit is a quote mark: `"“”„‟«»'‘’‚‛‹›` (U+2018–U+201F also holds ‟ and ‛). */
function isMarkCode(c: number): boolean {
  if (c < 0xab) return c === 34 || c === 39;
  return c === 0xab || c === 0xbb || (c >= 0x2018 && c <= 0x201f) || c === 0x2039 || c === 0x203a;
}
const OPEN_PUNCT = '([{—–-/“‘"\'«‹„‚';
const CLOSE_PUNCT = '.,;:!?)]}…—–-/”’"\'»›';
const ALNUM = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
/** Elisions after a mark that stands where letters were dropped: `’s`, `’90s`, `‘em`, `’til`. */
const ELISION = /^(?:[stdm]|re|ll|ve|em|n|til|[Tt]is|[Tt]was|[Cc]ause|\d\ds?|\d0s)(?![\p{L}\p{N}])/u;
const MAX_DEPTH = 4;
/** Words that follow a closing mark rather than a plural possessive (`… in years' on Monday`). */
const FOLLOWS_CLOSE = /^(?:on|in|at|is|are|was|were|and|or|but|to|for|with|by|from|as|that|which|has|have|had|will|would|said|says|after|before|when|while|if|because)(?![\p{L}])/u;
/** An unclosed quote (no closing mark, no continuation) needs at least this many words to be read as one. */
const MIN_UNCLOSED_WORDS = 3;

export function isSpace(c: string | undefined): boolean {
  if (c === undefined || c === '') return true;
  const code = c.charCodeAt(0);
  return (
    code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000 ||
    code === 0xfeff || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 12 || code === 11
  );
}

/** Paragraphs when none are given: each non-blank line, trimmed. */
export function lineParagraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      let s = start;
      let e = i;
      while (s < e && isSpace(text[s])) s++;
      while (e > s && isSpace(text[e - 1])) e--;
      if (e > s) out.push({ start: s, end: e });
      start = i + 1;
    }
  }
  return out;
}

type Role = 'open' | 'close' | 'either' | 'none';

function roleOf(text: string, i: number, lo: number, hi: number): Role {
  const prev = i - 1 >= lo ? text[i - 1] : undefined;
  const next = i + 1 < hi ? text[i + 1] : undefined;
  const prevSpace = isSpace(prev);
  const nextSpace = isSpace(next);
  if (prevSpace && nextSpace) return 'none';
  const left = !nextSpace && (prevSpace || OPEN_PUNCT.includes(prev as string));
  const right = !prevSpace && (nextSpace || CLOSE_PUNCT.includes(next as string));
  if (left && !right) return 'open';
  if (right && !left) return 'close';
  return 'either';
}

function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text[end - 1])) end--;
  return end;
}

/**
 * Every quotation in `text`, in document order, outermost only (a quote inside another quote is
 * part of it). `paragraphs` must be sorted and disjoint; quotes never cross a paragraph except as a
 * continuation (a paragraph left open whose successor opens with a new mark).
 */
export function detectQuotes(text: string, paragraphs: readonly Span[]): RawQuote[] {
  // Collect mark positions once, then hand them out to paragraphs in order.
  const marks: number[] = [];
  // By character code, not a /["“”„‟«»'‘’‚‛‹›]/g exec loop: every apostrophe of the text made a match array.
  for (let i = 0; i < text.length; i++) if (isMarkCode(text.charCodeAt(i))) marks.push(i);

  const found: RawQuote[] = [];
  let mi = 0;
  let pendingContinuation = -1; // index in `found` of a quote left open for the next paragraph
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    while (mi < marks.length && marks[mi] < para.start) mi++;
    const first = mi;
    while (mi < marks.length && marks[mi] < para.end) mi++;
    const last = mi; // exclusive
    const carried = pendingContinuation;
    pendingContinuation = -1;
    const before = found.length;
    const nextPara = paragraphs[p + 1];
    const continuesToNext = (family: MarkFamily): boolean => {
      if (!nextPara) return false;
      const c = text[nextPara.start];
      if (c === undefined || !(family === 'double' ? DOUBLE_MARKS.includes(c) : "'‘’‚‛‹›".includes(c))) return false;
      return roleOf(text, nextPara.start, nextPara.start, nextPara.end) === 'open';
    };

    // Double marks: a stack, roles from context, the state settling the ambiguous ones.
    const stack: number[] = [];
    const links: [number, number][] = []; // [open of a piece, open of the piece continuing it]
    for (let k = first; k < last; k++) {
      const i = marks[k];
      if (!DOUBLE_MARKS.includes(text[i])) continue;
      let role = roleOf(text, i, para.start, para.end);
      // guillemets say which way they face, even with the spaces French puts inside them
      if (text[i] === '«') role = 'open';
      else if (text[i] === '»') role = 'close';
      if (role === 'none' && stack.length === 0) continue; // a lone mark between spaces opens nothing
      if (role === 'none' || role === 'either') role = stack.length > 0 ? 'close' : 'open';
      if (role === 'open') {
        // `…last week. "England were …`: paragraphs of one quote glued into one line. A new sentence
        // opening with a mark while a quote is open continues it, as a new paragraph would.
        if (stack.length === 1 && UPPER.test(text[i + 1] ?? '') && afterSentenceEnd(text, i, para.start)) {
          const end = trimmedEnd(text, stack[0] + 1, i);
          const q = end > stack[0] + 1 ? pushQuote(found, text, stack[0], -1, 'double', p, false, end) : -1;
          if (q >= 0) links.push([stack[0], i]);
          stack.pop();
        }
        if (stack.length >= MAX_DEPTH) stack.shift();
        stack.push(i);
      } else if (stack.length > 0) {
        const o = stack.pop() as number;
        pushQuote(found, text, o, i, 'double', p, false);
      }
    }
    if (stack.length > 0) {
      const o = stack[0];
      const end = trimmedEnd(text, o + 1, para.end);
      const cont = continuesToNext('double');
      if (end > o + 1 && (cont || countWords(text, o + 1, end) >= MIN_UNCLOSED_WORDS)) {
        const q = pushQuote(found, text, o, -1, 'double', p, !cont, end);
        if (q >= 0 && cont) pendingContinuation = q;
      }
    }

    // Single marks: stricter, since most of them are apostrophes.
    let open = -1;
    let weak = -1;
    for (let k = first; k < last; k++) {
      const i = marks[k];
      const c = text[i];
      if (DOUBLE_MARKS.includes(c)) continue;
      const prev = i - 1 >= para.start ? text[i - 1] : undefined;
      const next = i + 1 < para.end ? text[i + 1] : undefined;
      if (prev !== undefined && next !== undefined && ALNUM.test(prev) && ALNUM.test(next)) continue; // don’t
      const role = roleOf(text, i, para.start, para.end);
      if (role === 'none') continue;
      const opensHere =
        role === 'open' || (role === 'either' && open < 0 && next !== undefined && LETTER.test(next) && !ALNUM.test(prev ?? ' '));
      if (opensHere) {
        if (ELISION.test(text.slice(i + 1, i + 8))) continue; // Biden ‘s, ’90s
        if (open >= 0 && weak >= 0) pushQuote(found, text, open, weak, 'single', p, false);
        open = i;
        weak = -1;
        continue;
      }
      if (open < 0) continue; // allies’ with nothing open: an apostrophe
      const isWeak = (prev === 's' || prev === 'S') && isSpace(next) && i + 2 < para.end && LETTER.test(text[i + 2]) && !FOLLOWS_CLOSE.test(text.slice(i + 2, i + 9));
      if (isWeak) {
        if (weak < 0) weak = i;
        continue;
      }
      pushQuote(found, text, open, i, 'single', p, false);
      open = -1;
      weak = -1;
    }
    if (open >= 0 && weak >= 0) pushQuote(found, text, open, weak, 'single', p, false);

    // Order this paragraph's quotes and keep the outermost ones.
    if (found.length - before > 1) {
      const mine = found.splice(before).sort((a, b) => a.open - b.open);
      let reach = -1;
      for (const q of mine) {
        const qEnd = q.close >= 0 ? q.close : q.end;
        if (q.open < reach) {
          continue; // nested in (or crossing) the previous kept quote
        }
        found.push(q);
        reach = qEnd;
      }
      if (pendingContinuation >= 0) {
        // The carried-over quote is the last one opened without a close.
        pendingContinuation = -1;
        for (let j = found.length - 1; j >= before; j--) {
          if (found[j].close < 0 && !found[j].unclosed) {
            pendingContinuation = j;
            break;
          }
        }
      }
    }
    if (carried >= 0) {
      for (let j = before; j < found.length; j++) {
        if (found[j].open === para.start) found[j].continues = carried;
      }
    }
    for (const [from, to] of links) {
      let a = -1;
      let b = -1;
      for (let j = before; j < found.length; j++) {
        if (found[j].open === from) a = j;
        if (found[j].open === to) b = j;
      }
      if (a >= 0 && b >= 0) found[b].continues = a;
    }
  }
  return found;
}

const UPPER = /\p{Lu}/u;

/** The mark at i follows sentence-final punctuation (and spaces) inside its paragraph. */
function afterSentenceEnd(text: string, i: number, lo: number): boolean {
  let k = i - 1;
  if (k < lo || !isSpace(text[k])) return false;
  while (k >= lo && isSpace(text[k])) k--;
  return k >= lo && '.!?…'.includes(text[k]);
}

function countWords(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end && n < 10; i++) {
    const sp = isSpace(text[i]);
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}

function pushQuote(
  found: RawQuote[],
  text: string,
  open: number,
  close: number,
  family: MarkFamily,
  paragraph: number,
  unclosed: boolean,
  endIfOpen?: number,
): number {
  let start = open + 1;
  let end = close >= 0 ? close : (endIfOpen as number);
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (end <= start) return -1;
  found.push({ start, end, open, close, family, paragraph, continues: -1, unclosed });
  return found.length - 1;
}
