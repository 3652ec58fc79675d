// alignAt against the pair-by-pair alignment it replaced (kept below as the reference, verbatim but
// for names): the run-based extension must give exactly the same alignments, runs and character
// spans, on texts built to have many edits, repeats, paragraph breaks at run edges and boilerplate.
import * as assert from 'assert';
import fc from 'fast-check';
import { alignAt, DEFAULT_ALIGN, type AlignParams, type Alignment } from '../../src/core/passages/align';
import { tokenize, type TokenStream } from '../../src/core/passages/tokens';
import type { Paragraph } from '../../src/core/model';

describe('shared passages: alignment by runs', () => {
  const vocabulary = ['the', 'minister', 'said', 'on', 'Tuesday', 'talks', 'would', 'resume', '\u201cwe', 'agree.\u201d', 'defence', 'defense'];
  const word = fc.constantFrom(...vocabulary, '\n\n', 'the');
  const words = fc.array(word, { minLength: 5, maxLength: 70 });
  /** A copy with a few words dropped, added or changed, and a paragraph break or two moved. */
  const copyOf = (base: string[]) =>
    fc.array(fc.record({ at: fc.nat(base.length), op: fc.constantFrom('drop', 'add', 'change', 'break'), w: word }), { maxLength: 6 }).map((edits) => {
      const out = [...base];
      for (const e of edits) {
        const at = Math.min(e.at, out.length);
        if (e.op === 'drop') out.splice(at, 1);
        else if (e.op === 'add') out.splice(at, 0, e.w);
        else if (e.op === 'change') out[at] = e.w;
        else out.splice(at, 0, '\n\n');
      }
      return out;
    });
  const text = (ws: string[]) => ws.join(' ').replace(/ ?\n\n ?/g, '\n\n');
  const params = fc.oneof(
    fc.constant(DEFAULT_ALIGN),
    fc.record({ maxGap: fc.integer({ min: 1, max: 4 }), resync: fc.integer({ min: 1, max: 4 }), gapPenalty: fc.constantFrom(0.5, 1, 1.5, 2.5), xDrop: fc.integer({ min: 2, max: 12 }) }),
  );

  /** Every anchor of k identical words in A and B (all of them: the texts are short). */
  function compareAll(A: TokenStream, B: TokenStream, textA: string, textB: string, k: number, p: AlignParams, minWords: number, minRun: number): number {
    let found = 0;
    for (let pa = 0; pa + k <= A.length; pa++) {
      for (let pb = 0; pb + k <= B.length; pb++) {
        if (A.ids[pa] !== B.ids[pb]) continue;
        const got = alignAt(A, B, textA, textB, pa, pb, k, p, minWords, minRun);
        const want = referenceAlignAt(A, B, textA, textB, pa, pb, k, p, minWords, minRun);
        assert.deepStrictEqual(got && { ...got, runs: [...got.runs] }, want && { ...want, runs: [...want.runs] }, `anchor ${pa}, ${pb}`);
        if (got) found++;
      }
    }
    return found;
  }

  it('gives the alignments of the pair-by-pair extension, between two copies and within one text', () => {
    let found = 0;
    fc.assert(
      fc.property(
        words.chain((base) => fc.tuple(fc.constant(base), copyOf(base))),
        params,
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 8 }),
        fc.option(fc.tuple(fc.nat(200), fc.nat(60)), { nil: undefined }),
        ([a, b], p, k, minWords, minRun, boiler) => {
          const textA = text(a);
          const textB = text(b);
          // Part of B marked as boilerplate: never aligned across.
          const paragraphs: Paragraph[] | undefined = boiler ? [{ start: boiler[0], end: boiler[0] + boiler[1], kind: 'boilerplate' } as Paragraph] : undefined;
          const A = tokenize(textA);
          const B = tokenize(textB, paragraphs);
          found += compareAll(A, B, textA, textB, k, p, minWords, minRun);
          // A text with itself: repeats inside one document.
          found += compareAll(A, A, textA, textA, k, p, minWords, minRun);
        },
      ),
      { numRuns: 300, seed: 31 },
    );
    // The comparison is only worth something if many anchors do align.
    assert.ok(found > 1000, `${found} alignments compared`);
  });
});

// ---- the reference: the pair-by-pair alignment as it was before runs --------------------------

/** (dx, dy) edits to try at a mismatch, cheapest first, substitutions before one-sided gaps; flat. */
function gapMoves(maxGap: number): Int32Array {
  const moves: Array<[number, number]> = [];
  for (let dx = 0; dx <= maxGap; dx++) for (let dy = 0; dy <= maxGap; dy++) if (dx + dy > 0) moves.push([dx, dy]);
  moves.sort((p, q) => p[0] + p[1] - (q[0] + q[1]) || Math.abs(p[0] - p[1]) - Math.abs(q[0] - q[1]));
  return Int32Array.from(moves.flat());
}
const movesCache = new Map<number, Int32Array>();

// Scratch buffers for the pairs found while extending (reused: alignment runs in one thread).
let scratchBack = new Int32Array(1024);
let scratchFwd = new Int32Array(1024);

/** Bounds of the region each side may use (a repeat inside one file must not overlap itself). */
let loA = 0;
let hiA = 0;
let loB = 0;
let hiB = 0;

function same(A: TokenStream, B: TokenStream, x: number, y: number): boolean {
  return x >= loA && x < hiA && y >= loB && y < hiB && A.ids[x] === B.ids[y] && A.excluded[x] === 0 && B.excluded[y] === 0;
}

/**
 * Extends from (x, y) in direction `dir`, writing matched pairs into the scratch buffer after
 * `used` entries (flat x, y); returns the new number of entries, trimmed to the best score.
 */
function extend(A: TokenStream, B: TokenStream, x: number, y: number, dir: 1 | -1, params: AlignParams, forward: boolean, used: number): number {
  let moves = movesCache.get(params.maxGap);
  if (!moves) movesCache.set(params.maxGap, (moves = gapMoves(params.maxGap)));
  let out = forward ? scratchFwd : scratchBack;
  const resync = params.resync;
  let score = 0;
  let best = 0;
  let bestLength = used;
  let length = used;
  for (;;) {
    if (same(A, B, x, y)) {
      if (length + 2 > out.length) {
        const bigger = new Int32Array(out.length * 2);
        bigger.set(out);
        out = bigger;
        if (forward) scratchFwd = out;
        else scratchBack = out;
      }
      out[length++] = x;
      out[length++] = y;
      score += 1;
      if (score > best) {
        best = score;
        bestLength = length;
      }
      x += dir;
      y += dir;
      continue;
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
function referenceAlignAt(
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
): (Omit<Alignment, 'runs'> & { runs: Int32Array }) | null {
  const selfRepeat = A === B;
  if (selfRepeat && pb - pa < k) return null;
  loA = 0;
  hiA = A.length;
  loB = selfRepeat ? pa + k : 0;
  hiB = B.length;
  for (let i = 0; i < k; i++) if (!same(A, B, pa + i, pb + i)) return null;

  const backLength = extend(A, B, pa - 1, pb - 1, -1, params, false, 0);
  const back = scratchBack;
  const bStart = backLength ? back[backLength - 1] : pb;
  if (selfRepeat) hiA = bStart;
  if (scratchFwd.length < 2 * k) scratchFwd = new Int32Array(4 * k);
  for (let i = 0; i < k; i++) {
    scratchFwd[2 * i] = pa + i;
    scratchFwd[2 * i + 1] = pb + i;
  }
  const fwdLength = extend(A, B, pa + k, pb + k, 1, params, true, 2 * k);
  const fwd = scratchFwd;

  const total = backLength / 2 + fwdLength / 2;
  // Most anchors between unrelated texts are stock phrases: reject them before allocating anything.
  if (total < minWords || total < minRun) return null;
  // All pairs in order: the backward ones reversed, then the forward ones.
  if (scratchOrdered.length < 2 * total) scratchOrdered = new Int32Array(4 * total);
  const ord = scratchOrdered;
  let n = 0;
  for (let i = backLength - 2; i >= 0; i -= 2) {
    ord[n++] = back[i];
    ord[n++] = back[i + 1];
  }
  for (let i = 0; i < fwdLength; i++) ord[n++] = fwd[i];

  // A word or two carried over a paragraph break at either end ("…Photo: Reuters¶The statement …")
  // is a coincidence of the texts around the passage, not part of it.
  let from = 0;
  let to = total - 1;
  for (let i = 0; i < EDGE_WORDS && i < to; i++) if (breakAfter(A, B, textA, textB, ord, i)) from = i + 1;
  for (let i = to - 1; i >= to - EDGE_WORDS && i >= from; i--) {
    if (breakAfter(A, B, textA, textB, ord, i)) {
      to = i;
      break;
    }
  }
  const count = to - from + 1;
  if (count < minWords || count < minRun) return null;

  // Runs of pairs along one diagonal.
  let runCount = 1;
  let longest = 1;
  let length = 1;
  for (let i = from + 1; i <= to; i++) {
    if (ord[2 * i] === ord[2 * i - 2] + 1 && ord[2 * i + 1] === ord[2 * i - 1] + 1) length++;
    else {
      runCount++;
      length = 1;
    }
    if (length > longest) longest = length;
  }
  if (longest < minRun) return null;
  const runs = new Int32Array(3 * runCount);
  let r = 0;
  runs[0] = ord[2 * from];
  runs[1] = ord[2 * from + 1];
  runs[2] = 1;
  for (let i = from + 1; i <= to; i++) {
    if (ord[2 * i] === ord[2 * i - 2] + 1 && ord[2 * i + 1] === ord[2 * i - 1] + 1) runs[r + 2]++;
    else {
      r += 3;
      runs[r] = ord[2 * i];
      runs[r + 1] = ord[2 * i + 1];
      runs[r + 2] = 1;
    }
  }
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

let scratchOrdered = new Int32Array(1024);

/** Whether a paragraph break separates matched pair i from pair i + 1 in either text. */
function breakAfter(A: TokenStream, B: TokenStream, textA: string, textB: string, ord: Int32Array, i: number): boolean {
  return (
    hasNewline(textA, A.ends[ord[2 * i]], A.starts[ord[2 * i + 2]]) || hasNewline(textB, B.ends[ord[2 * i + 1]], B.starts[ord[2 * i + 3]])
  );
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
