// Alignment: grows an anchor (a few identical folded words in two token streams) into the longest
// run of shared words, stepping over small edits (a dropped, added or changed word, an inserted
// credit) and stopping where the texts stop agreeing. The run is then trimmed so that it starts and
// ends on words that match exactly in both texts (X-drop: a gap is kept only if matches pay for it).

import type { TokenStream } from './tokens';

export interface AlignParams {
  /** Largest number of words skipped on one side at one edit. */
  maxGap: number;
  /** Words that must match in a row after an edit before it is accepted. */
  resync: number;
  /** Score lost per skipped word (a match scores 1). */
  gapPenalty: number;
  /** Stop once the score falls this far below its best. */
  xDrop: number;
}

export const DEFAULT_ALIGN: AlignParams = { maxGap: 4, resync: 3, gapPenalty: 1.5, xDrop: 8 };

/** One aligned run between document `a` (this side) and document `b`. Token ranges end-exclusive. */
export interface Alignment {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  /**
   * Runs of identical words, increasing in both: flat (a, b, length) triples. A plain array of small
   * integers: a whole-corpus scan makes one per aligned pair, and a small typed array costs twice
   * as much to allocate and collect.
   */
  runs: number[];
  /** Words matched (the sum of the runs' lengths). */
  matched: number;
  /** Character span, widened over punctuation that both texts carry around the words. */
  aCharStart: number;
  aCharEnd: number;
  bCharStart: number;
  bCharEnd: number;
}

/** (dx, dy) edits to try at a mismatch, cheapest first, substitutions before one-sided gaps; flat. */
function gapMoves(maxGap: number): Int32Array {
  const moves: Array<[number, number]> = [];
  for (let dx = 0; dx <= maxGap; dx++) for (let dy = 0; dy <= maxGap; dy++) if (dx + dy > 0) moves.push([dx, dy]);
  moves.sort((p, q) => p[0] + p[1] - (q[0] + q[1]) || Math.abs(p[0] - p[1]) - Math.abs(q[0] - q[1]));
  return Int32Array.from(moves.flat());
}
const movesCache = new Map<number, Int32Array>();

// Scratch buffers for the runs found while extending (reused: alignment runs in one thread): flat
// (x, y, length) triples, (x, y) the run's first pair in the direction of the walk. Runs, not single
// pairs: a whole-corpus scan aligns tens of millions of words, nearly all of them in long runs.
let scratchBack = new Int32Array(1536);
let scratchFwd = new Int32Array(1536);

/** Bounds of the region each side may use (a repeat inside one file must not overlap itself). */
let loA = 0;
let hiA = 0;
let loB = 0;
let hiB = 0;

function same(A: TokenStream, B: TokenStream, x: number, y: number): boolean {
  return x >= loA && x < hiA && y >= loB && y < hiB && A.ids[x] === B.ids[y] && A.excluded[x] === 0 && B.excluded[y] === 0;
}

/**
 * Extends from (x, y) in direction `dir`, writing runs of matched pairs into the scratch buffer after
 * `used` entries; returns the new number of entries, trimmed to the best score (always at the end of
 * a run, since a run only adds to the score).
 */
function extend(A: TokenStream, B: TokenStream, x: number, y: number, dir: 1 | -1, params: AlignParams, forward: boolean, used: number): number {
  let moves = movesCache.get(params.maxGap);
  if (!moves) movesCache.set(params.maxGap, (moves = gapMoves(params.maxGap)));
  let out = forward ? scratchFwd : scratchBack;
  const resync = params.resync;
  // same(A, B, ·, ·) inlined with its operands in locals: this loop runs for every word of every
  // aligned pair, the hottest loop of a whole-corpus scan.
  const aIds = A.ids;
  const bIds = B.ids;
  const aEx = A.excluded;
  const bEx = B.excluded;
  const la = loA;
  const ha = hiA;
  const lb = loB;
  const hb = hiB;
  let score = 0;
  let best = 0;
  let bestLength = used;
  let length = used;
  for (;;) {
    const x0 = x;
    const y0 = y;
    while (x >= la && x < ha && y >= lb && y < hb && aIds[x] === bIds[y] && aEx[x] === 0 && bEx[y] === 0) {
      x += dir;
      y += dir;
      score += 1;
    }
    if (x !== x0) {
      if (length + 3 > out.length) {
        const bigger = new Int32Array(out.length * 2);
        bigger.set(out);
        out = bigger;
        if (forward) scratchFwd = out;
        else scratchBack = out;
      }
      out[length++] = x0;
      out[length++] = y0;
      out[length++] = (x - x0) * dir;
      if (score > best) {
        best = score;
        bestLength = length;
      }
    }
    let moved = false;
    for (let m = 0; m < moves.length; m += 2) {
      const dx = moves[m];
      const dy = moves[m + 1];
      const nx = x + dx * dir;
      const ny = y + dy * dir;
      let r = 0;
      while (r < resync && same(A, B, nx + r * dir, ny + r * dir)) r++;
      if (r === resync) {
        x = nx;
        y = ny;
        score -= params.gapPenalty * (dx > dy ? dx : dy);
        moved = true;
        break;
      }
    }
    if (!moved || best - score > params.xDrop) break;
  }
  return bestLength;
}

/**
 * Aligns around an anchor of `k` words at (pa, pb). For a repeat inside one document (A === B,
 * pa < pb) the two copies are kept from overlapping. Returns null if the anchor is not a real match.
 */
export function alignAt(
  A: TokenStream,
  B: TokenStream,
  textA: string,
  textB: string,
  pa: number,
  pb: number,
  k: number,
  params: AlignParams = DEFAULT_ALIGN,
  minWords = 0,
  minRun = 0,
): Alignment | null {
  const selfRepeat = A === B;
  if (selfRepeat && pb - pa < k) return null;
  loA = 0;
  hiA = A.length;
  loB = selfRepeat ? pa + k : 0;
  hiB = B.length;
  for (let i = 0; i < k; i++) if (!same(A, B, pa + i, pb + i)) return null;

  const backLength = extend(A, B, pa - 1, pb - 1, -1, params, false, 0);
  const back = scratchBack;
  // The backward walk's last pair: its last run's first pair, moved on by the run's length.
  const bStart = backLength ? back[backLength - 2] - back[backLength - 1] + 1 : pb;
  if (selfRepeat) hiA = bStart;
  scratchFwd[0] = pa;
  scratchFwd[1] = pb;
  scratchFwd[2] = k;
  const fwdLength = extend(A, B, pa + k, pb + k, 1, params, true, 3);
  const fwd = scratchFwd;

  let total = 0;
  for (let i = 2; i < backLength; i += 3) total += back[i];
  for (let i = 2; i < fwdLength; i += 3) total += fwd[i];
  // Most anchors between unrelated texts are stock phrases: reject them before allocating anything.
  if (total < minWords || total < minRun) return null;
  // All runs in order: the backward ones reversed, then the forward ones; a run that continues
  // another on the same diagonal (across the anchor) joins it.
  if (scratchOrdered.length < backLength + fwdLength) scratchOrdered = new Int32Array(2 * (backLength + fwdLength));
  const ord = scratchOrdered;
  let n = 0;
  for (let i = backLength - 3; i >= 0; i -= 3) n = appendRun(ord, n, back[i] - back[i + 2] + 1, back[i + 1] - back[i + 2] + 1, back[i + 2]);
  for (let i = 0; i < fwdLength; i += 3) n = appendRun(ord, n, fwd[i], fwd[i + 1], fwd[i + 2]);

  // A word or two carried over a paragraph break at either end ("…Photo: Reuters¶The statement …")
  // is a coincidence of the texts around the passage, not part of it.
  let from = 0;
  let to = total - 1;
  for (let i = 0; i < EDGE_WORDS && i < to; i++) if (breakAfter(A, B, textA, textB, ord, n, total, i)) from = i + 1;
  for (let i = to - 1; i >= to - EDGE_WORDS && i >= from; i--) {
    if (breakAfter(A, B, textA, textB, ord, n, total, i)) {
      to = i;
      break;
    }
  }
  const count = to - from + 1;
  if (count < minWords || count < minRun) return null;

  // The runs of pairs from..to: drop `from` pairs at the start and total - 1 - to at the end.
  let s = 0;
  let skip = from;
  while (skip >= ord[s + 2]) {
    skip -= ord[s + 2];
    s += 3;
  }
  let e = n - 3;
  let cut = total - 1 - to;
  while (cut >= ord[e + 2]) {
    cut -= ord[e + 2];
    e -= 3;
  }
  const runs: number[] = new Array(e - s + 3);
  let longest = 0;
  for (let i = s; i <= e; i += 3) {
    const head = i === s ? skip : 0;
    const length = ord[i + 2] - head - (i === e ? cut : 0);
    runs[i - s] = ord[i] + head;
    runs[i - s + 1] = ord[i + 1] + head;
    runs[i - s + 2] = length;
    if (length > longest) longest = length;
  }
  if (longest < minRun) return null;
  const r = runs.length - 3;
  const aStart = runs[0];
  const bFirst = runs[1];
  const aEnd = runs[r] + runs[r + 2];
  const bEnd = runs[r + 1] + runs[r + 2];
  widenBackward(textA, textB, A.starts[aStart], B.starts[bFirst]);
  const aCharStart = widenedA;
  const bCharStart = widenedB;
  widenForward(textA, textB, A.ends[aEnd - 1], B.ends[bEnd - 1]);
  return { aStart, aEnd, bStart: bFirst, bEnd, runs, matched: count, aCharStart, aCharEnd: widenedA, bCharStart, bCharEnd: widenedB };
}

let scratchOrdered = new Int32Array(1536);

/** Appends run (a, b, length) after `n` entries of `ord`, joining the last run when it continues it. */
function appendRun(ord: Int32Array, n: number, a: number, b: number, length: number): number {
  if (n > 0 && ord[n - 3] + ord[n - 1] === a && ord[n - 2] + ord[n - 1] === b) {
    ord[n - 1] += length;
    return n;
  }
  ord[n] = a;
  ord[n + 1] = b;
  ord[n + 2] = length;
  return n + 3;
}

// The pair found by pairAt.
let pairA = 0;
let pairB = 0;

/** Pair i (of `total`) of the ordered runs, counted from the nearer end (only edge pairs are asked). */
function pairAt(ord: Int32Array, n: number, total: number, i: number): void {
  if (i < total - i) {
    for (let r = 0; ; r += 3) {
      if (i < ord[r + 2]) {
        pairA = ord[r] + i;
        pairB = ord[r + 1] + i;
        return;
      }
      i -= ord[r + 2];
    }
  }
  let fromEnd = total - 1 - i;
  for (let r = n - 3; ; r -= 3) {
    if (fromEnd < ord[r + 2]) {
      pairA = ord[r] + ord[r + 2] - 1 - fromEnd;
      pairB = ord[r + 1] + ord[r + 2] - 1 - fromEnd;
      return;
    }
    fromEnd -= ord[r + 2];
  }
}

/** Whether a paragraph break separates matched pair i from pair i + 1 in either text. */
function breakAfter(A: TokenStream, B: TokenStream, textA: string, textB: string, ord: Int32Array, n: number, total: number, i: number): boolean {
  pairAt(ord, n, total, i);
  const a0 = pairA;
  const b0 = pairB;
  pairAt(ord, n, total, i + 1);
  return hasNewline(textA, A.ends[a0], A.starts[pairA]) || hasNewline(textB, B.ends[b0], B.starts[pairB]);
}

/** Matched words at each end of a run that may be cut off after a paragraph break. */
const EDGE_WORDS = 2;

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2029) return true;
  }
  return false;
}

/** Punctuation compared loosely: every quote mark is one quote, every dash one dash. */
function foldPunctuation(c: string): string {
  switch (c) {
    case '\u201c': case '\u201d': case '\u201e': case '\u201f': case '\u00ab': case '\u00bb': case '\u2033':
      return '"';
    case '\u2018': case '\u2019': case '\u201a': case '\u201b': case '\u2032': case '`':
      return "'";
    case '\u2013': case '\u2014': case '\u2015': case '\u2212':
      return '-';
    default:
      return c;
  }
}

// What may follow the last word or precede the first: closing vs opening punctuation (folded).
const CLOSERS = new Set(['.', ',', ';', ':', '!', '?', '"', "'", ')', ']', '\u2026']);
const OPENERS = new Set(['"', "'", '(', '[']);

// Results of the widening functions (no tuple allocated per alignment).
let widenedA = 0;
let widenedB = 0;

/** Includes closing punctuation (`.”`, `,`) after the last word when both texts have it. */
function widenForward(textA: string, textB: string, a: number, b: number): void {
  while (a < textA.length && b < textB.length) {
    const ca = textA[a];
    const cb = textB[b];
    const fa = foldPunctuation(ca);
    if (!CLOSERS.has(fa) || fa !== foldPunctuation(cb)) break;
    a++;
    b++;
  }
  widenedA = a;
  widenedB = b;
}

/** Includes opening punctuation (`“`) before the first word when both texts have it. */
function widenBackward(textA: string, textB: string, a: number, b: number): void {
  while (a > 0 && b > 0) {
    const ca = textA[a - 1];
    const cb = textB[b - 1];
    const fa = foldPunctuation(ca);
    if (!OPENERS.has(fa) || fa !== foldPunctuation(cb)) break;
    a--;
    b--;
  }
  widenedA = a;
  widenedB = b;
}
