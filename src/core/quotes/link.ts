// One quote, many outlets: group the copies of a quote printed by several documents, mark the words
// where a copy differs from the fullest one (added, removed, changed — not spelling or punctuation),
// and give a copy without an attribution the speaker its other copies agree on (the Quootstrap idea:
// a quote seen in several outlets is easier to attribute), saying so (`via: 'other-copy'`).

import { diffArrays } from 'diff';
import type { QuoteCopy, QuoteKind } from '../model';
import type { Quote, QuoteSpeaker } from './attribute';

export interface QuoteDoc {
  path: string;
  quotes: readonly Quote[];
}

export interface WordDifference {
  kind: 'added' | 'removed' | 'changed';
  /** The words as the fullest copy prints them (for `added`: the words this copy adds). */
  text: string;
  /** For `changed`: the words this copy prints instead. */
  replacement?: string;
  /** Where in the quote: a trimmed quote loses words at its start or end. */
  position: 'start' | 'inside' | 'end';
}

export type CopyRelation = 'identical' | 'spelling' | 'trimmed' | 'edited';

export interface LinkedCopy {
  doc: number;
  path: string;
  /** Index of the quote in its document's `quotes`. */
  quote: number;
  start: number;
  end: number;
  text: string;
  /** How this copy relates to the group's fullest copy. */
  relation: CopyRelation;
  /** Word-level differences against the fullest copy; empty when alike but for spelling and punctuation. */
  differences: WordDifference[];
  speakerName: string | null;
  /** `own`: this copy's attribution; `other-copy`: filled from the other copies; null: nobody knows. */
  speakerSource: 'own' | 'other-copy' | null;
}

export interface QuoteGroup {
  /** Stable id from the fullest copy's normalised words. */
  id: string;
  /** The fullest copy's words. */
  text: string;
  kind: QuoteKind;
  /** The speaker most copies give (by entity id when `speakerId` is given, else by name). */
  speakerName: string | null;
  /** Copies disagree on who said it. */
  conflict: boolean;
  /** The copy the others are compared against (the one with the most words). */
  canonical: number;
  copies: LinkedCopy[];
}

export interface LinkResult {
  groups: QuoteGroup[];
  /** The documents' quotes with missing speakers filled from other copies (same order as the input). */
  quotes: Quote[][];
}

export interface LinkOptions {
  /** Corpus-wide id of a quote's speaker (from the entities layer); speakers are compared by name without it. */
  speakerId?: (doc: number, quote: number) => string | null;
  /** Shortest quote (in words) linked by containment or edits; shorter ones must match exactly. Default 4. */
  minWords?: number;
}

// ---- normalisation ------------------------------------------------------------------------------------

const OUR_KEEP = new Set(['four', 'hour', 'your', 'tour', 'pour', 'sour', 'flour', 'dour', 'contour', 'detour', 'devour', 'amour', 'our', 'hours', 'yours', 'tours', 'ours']);
const WORD_VARIANTS: Record<string, string> = {
  defence: 'defense', offence: 'offense', licence: 'license', pretence: 'pretense', programme: 'program',
  programmes: 'programs', catalogue: 'catalog', dialogue: 'dialog', grey: 'gray', cheque: 'check',
  aluminium: 'aluminum', tyre: 'tire', tyres: 'tires', kerb: 'curb', plough: 'plow', mould: 'mold',
  whilst: 'while', amongst: 'among', percent: 'percent', learnt: 'learned', spelt: 'spelled', burnt: 'burned',
  us: 'us', uk: 'uk', judgement: 'judgment', ageing: 'aging', storey: 'story', sceptical: 'skeptical',
};

/**
 * Keys already made, by word as written: a corpus repeats its vocabulary endlessly, and the folding
 * below (Unicode normalisation and a chain of regular expressions) is the costliest part of linking.
 * Emptied when it grows large, so a long-lived extension never holds an unbounded vocabulary.
 */
const wordKeys = new Map<string, string>();
const MAX_WORD_KEYS = 200_000;

/** A word's spelling-neutral key: British/American variants, diacritics, apostrophes and dots folded. */
export function wordKey(word: string): string {
  let key = wordKeys.get(word);
  if (key === undefined) {
    if (wordKeys.size >= MAX_WORD_KEYS) wordKeys.clear();
    wordKeys.set(word, (key = foldWord(word)));
  }
  return key;
}

function foldWord(word: string): string {
  let w = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’'.]/g, '');
  const v = WORD_VARIANTS[w];
  if (v) return v;
  if (w.length > 4 && !OUR_KEEP.has(w)) w = w.replace(/our(s|ed|ing|ite|ites|able)?$/, 'or$1');
  if (w.length > 5) w = w.replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1').replace(/ys(e|es|ed|ing)$/, 'yz$1');
  if (w.length > 5) w = w.replace(/([aeiou])ll(ed|ing|er|ers)$/, '$1l$2');
  if (w.length > 4) w = w.replace(/tre(s?)$/, 'ter$1');
  return w;
}

interface Words {
  /** The text they were split from. */
  text: string;
  /**
   * Each word's offsets in the quote text, flat: word i is `bounds[2i]` to `bounds[2i + 1]`. Numbers
   * only (not an object and a string per word): every speech quote's words live as long as the quote,
   * and a scan's scavenges copied ~100k such objects (~9 MB) over and over.
   */
  bounds: number[];
  keys: string[];
  /** `keys` joined by spaces: equal for copies alike but for spelling and punctuation. */
  key: string;
  /** Its distinct three-word shingles, in order of first occurrence, and their hashes (made when first asked for). */
  shingles?: Shingles;
}

/** A quote's distinct shingles: each is three consecutive `keys` from `at[j]`, with its hash. */
interface Shingles {
  keys: readonly string[];
  at: Int32Array;
  hashes: Int32Array;
}

/**
 * The words of each quote, kept while the quote object lives: a corpus links its quotes after every
 * change and lists each quote's copies word by word, so the same quotes are split again and again.
 * Checked against the quote's text all the same, in case a caller reuses a quote object for other words.
 */
const wordsOfQuote = new WeakMap<Quote, Words>();

function quoteWords(q: Quote): Words {
  let w = wordsOfQuote.get(q);
  if (!w || w.text !== q.text) {
    w = words(q.text);
    wordsOfQuote.set(q, w);
  }
  return w;
}

const WORD = /[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*/gu;

function words(text: string): Words {
  const out: Words = { text, bounds: [], keys: [], key: '' };
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0];
    if (!word.includes('-')) {
      out.bounds.push(m.index, m.index + word.length);
      out.keys.push(wordKey(word));
      continue;
    }
    // `per cent` and `percent`, `7.2-per-cent`: split hyphenated compounds into their words
    let off = m.index;
    for (const part of word.split('-')) {
      if (part) {
        out.bounds.push(off, off + part.length);
        out.keys.push(wordKey(part));
      }
      off += part.length + 1;
    }
  }
  // `per cent` → `percent`
  for (let i = 0; i + 1 < out.keys.length; i++) {
    if (out.keys[i] === 'per' && out.keys[i + 1] === 'cent') {
      out.keys.splice(i, 2, 'percent');
      out.bounds.splice(2 * i + 1, 2); // word i now ends where word i + 1 did
    }
  }
  out.key = out.keys.join(' ');
  return out;
}

const SHINGLE = 3;

/**
 * Splits a document's speech quotes into words and shingles now, for the linking that will follow (a
 * caller with time to spare, such as the CLI while worker threads analyse other articles). Changes no result.
 */
export function prepareQuoteWords(quotes: readonly Quote[]): void {
  for (const q of quotes) if (q.kind === 'speech') shinglesOf(quoteWords(q));
}

/** The distinct three-word shingles of a quote's keys (what finds candidate copies). */
function shinglesOf(w: Words): Shingles {
  if (w.shingles) return w.shingles;
  const k = w.keys;
  const n = Math.max(0, k.length - SHINGLE + 1);
  // Distinct by a small hash table of their own, without making the three words into one string.
  let size = 2;
  while (size < 2 * n) size *= 2;
  const slots = new Int32Array(size); // shingle number + 1; 0 is empty
  const at = new Int32Array(n);
  const hashes = new Int32Array(n);
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const h = shingleHash(k, i);
    for (let slot = h & (size - 1); ; slot = (slot + 1) & (size - 1)) {
      const j = slots[slot] - 1;
      if (j < 0) {
        slots[slot] = distinct + 1;
        at[distinct] = i;
        hashes[distinct++] = h;
        break;
      }
      if (hashes[j] === h && sameShingle(k, at[j], k, i)) break;
    }
  }
  return (w.shingles = { keys: k, at: at.slice(0, distinct), hashes: hashes.slice(0, distinct) });
}

function sameShingle(a: readonly string[], i: number, b: readonly string[], j: number): boolean {
  return a[i] === b[j] && a[i + 1] === b[j + 1] && a[i + 2] === b[j + 2];
}

/** FNV-1a over the three words' UTF-16 code units and a separator, mixed so the low bits index a table well. */
function shingleHash(keys: readonly string[], i: number): number {
  let h = 0x811c9dc5;
  for (let w = i; w < i + SHINGLE; w++) {
    const word = keys[w];
    for (let c = 0; c < word.length; c++) h = Math.imul(h ^ word.charCodeAt(c), 0x01000193);
    h = Math.imul(h ^ 32, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** A shingle in more quotes than this is a stock phrase: it links nothing by itself. */
const STOCK_PHRASE_QUOTES = 60;

/**
 * The quotes in each shingle's bucket. Shingles are placed by hash in an open-addressing table and
 * checked word by word, so a bucket holds exactly the quotes sharing those three words; each
 * bucket's quotes (in item order) sit in one flat array. `entries` lists every (item, shingle) in item
 * order; `bucketOf[e]` is the bucket of entry e, and item i's entries are `first[i]` to `first[i + 1]`.
 */
function shingleBuckets(shingles: (Shingles | null)[]): { first: Int32Array; bucketOf: Int32Array; start: Int32Array; members: Int32Array } {
  const first = new Int32Array(shingles.length + 1);
  shingles.forEach((sh, i) => (first[i + 1] = first[i] + (sh ? sh.at.length : 0)));
  const entries = first[shingles.length];
  let size = 2;
  while (size < 2 * entries) size *= 2;
  const slots = new Int32Array(size); // bucket + 1; 0 is empty
  // Each bucket's first shingle (its quote's keys and position), to check a hash match against.
  const bucketKeys: (readonly string[])[] = [];
  const bucketAt: number[] = [];
  const bucketHash: number[] = [];
  const bucketSize: number[] = [];
  const bucketOf = new Int32Array(entries);
  let e = 0;
  for (const sh of shingles) {
    if (!sh) continue;
    for (let j = 0; j < sh.at.length; j++, e++) {
      for (let slot = sh.hashes[j] & (size - 1); ; slot = (slot + 1) & (size - 1)) {
        const b = slots[slot] - 1;
        if (b < 0) {
          slots[slot] = bucketKeys.push(sh.keys);
          bucketAt.push(sh.at[j]);
          bucketHash.push(sh.hashes[j]);
          bucketSize.push(1);
          bucketOf[e] = bucketKeys.length - 1;
          break;
        }
        if (bucketHash[b] === sh.hashes[j] && sameShingle(bucketKeys[b], bucketAt[b], sh.keys, sh.at[j])) {
          bucketSize[b]++;
          bucketOf[e] = b;
          break;
        }
      }
    }
  }
  const start = new Int32Array(bucketSize.length + 1);
  bucketSize.forEach((n, b) => (start[b + 1] = start[b] + n));
  const fill = start.slice(0, bucketSize.length);
  const members = new Int32Array(entries);
  for (let i = 0; i < shingles.length; i++) for (let x = first[i]; x < first[i + 1]; x++) members[fill[bucketOf[x]]++] = i;
  return { first, bucketOf, start, members };
}

// ---- grouping -----------------------------------------------------------------------------------------

interface Item {
  doc: number;
  quote: number;
  q: Quote;
  w: Words;
  key: string;
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

/**
 * Common words (in order) of two key sequences: the length of their longest common subsequence, which
 * is what jsdiff's minimal (Myers) diff keeps unchanged. Counted with one row of integers rather than
 * jsdiff's path objects when the table is small (every candidate pair of quotes asks); jsdiff, whose
 * work grows with the differences only, for long quotes.
 */
function common(a: string[], b: string[]): number {
  if (a.length * b.length > 250_000) {
    let n = 0;
    for (const c of diffArrays(a, b)) if (!c.added && !c.removed) n += c.count ?? c.value.length;
    return n;
  }
  const row = new Int32Array(b.length + 1); // row[j]: LCS of a[0..i) and b[0..j)
  for (let i = 0; i < a.length; i++) {
    const ai = a[i];
    let diag = 0; // LCS of a[0..i-1) and b[0..j-1), before row[j - 1] was overwritten
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = ai === b[j - 1] ? diag + 1 : up > row[j - 1] ? up : row[j - 1];
      diag = up;
    }
  }
  return row[b.length];
}

function isContiguous(inner: string[], outer: string[]): boolean {
  if (inner.length > outer.length) return false;
  outer: for (let i = 0; i + inner.length <= outer.length; i++) {
    for (let j = 0; j < inner.length; j++) if (outer[i + j] !== inner[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Link the copies of each quote across `docs`. Speech quotes only (terms like “2+2” are labels,
 * not quotes to compare). Two quotes are copies when their normalised words are equal, when one is
 * a trimmed part of the other, or when most of their words are shared in order (an edited quote).
 */
export function linkQuoteCopies(docs: readonly QuoteDoc[], options: LinkOptions = {}): LinkResult {
  const minWords = options.minWords ?? 4;
  const items: Item[] = [];
  docs.forEach((d, di) =>
    d.quotes.forEach((q, qi) => {
      if (q.kind !== 'speech') return;
      const w = quoteWords(q);
      if (w.keys.length < 2) return;
      items.push({ doc: di, quote: qi, q, w, key: w.key });
    }),
  );
  const parent = items.map((_, i) => i);
  const union = (a: number, b: number) => {
    const ra = find(parent, a);
    const rb = find(parent, b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  // exact (normalised) matches
  const byKey = new Map<string, number>();
  items.forEach((it, i) => {
    const seen = byKey.get(it.key);
    if (seen === undefined) byKey.set(it.key, i);
    else union(seen, i);
  });
  // candidates sharing a three-word shingle, verified by containment or in-order overlap
  const buckets = shingleBuckets(items.map((it) => (it.w.keys.length >= minWords ? shinglesOf(it.w) : null)));
  // For each quote, the quotes sharing enough of its shingles to be worth a word-level comparison:
  // only quotes in a common shingle bucket are ever compared, so the work follows the copies, not
  // the square of the quotes. Counted in a typed array (touched entries reset), not a map per quote.
  const shingleCount = items.map((it) => Math.max(0, it.w.keys.length - SHINGLE + 1));
  const counts = new Int32Array(items.length);
  const touched: number[] = [];
  for (let a = 0; a < items.length; a++) {
    touched.length = 0;
    for (let x = buckets.first[a]; x < buckets.first[a + 1]; x++) {
      const b0 = buckets.start[buckets.bucketOf[x]];
      const b1 = buckets.start[buckets.bucketOf[x] + 1];
      if (b1 - b0 > STOCK_PHRASE_QUOTES) continue;
      for (let m = b0; m < b1; m++) {
        const b = buckets.members[m];
        if (b > a && counts[b]++ === 0) touched.push(b);
      }
    }
    for (const b of touched) {
      const shared = counts[b];
      counts[b] = 0;
      if (find(parent, a) === find(parent, b)) continue;
      if (shared < 0.5 * Math.min(shingleCount[a], shingleCount[b])) continue;
      const ka = items[a].w.keys;
      const kb = items[b].w.keys;
      const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
      if (isContiguous(short, long)) {
        union(a, b);
        continue;
      }
      const c = common(ka, kb);
      if (c / short.length >= 0.8 || (2 * c) / (ka.length + kb.length) >= 0.6) union(a, b);
    }
  }

  // groups
  const members = new Map<number, number[]>();
  items.forEach((_, i) => {
    const r = find(parent, i);
    const list = members.get(r);
    if (list) list.push(i);
    else members.set(r, [i]);
  });
  const out: Quote[][] = docs.map((d) => d.quotes.slice());
  const groups: QuoteGroup[] = [];
  for (const list of members.values()) {
    if (list.length < 2) continue;
    const canon = list.reduce((best, i) => (items[i].w.keys.length > items[best].w.keys.length ? i : best), list[0]);
    const c = items[canon];
    // speaker vote
    const votes: { n: number; id: string | null; names: string[]; speaker: QuoteSpeaker; from: Item }[] = [];
    for (const i of list) {
      const it = items[i];
      const sp = it.q.speaker;
      if (!sp || sp.via === 'other-copy') continue;
      const id = options.speakerId?.(it.doc, it.quote) ?? null;
      const names = nameTokens(sp.name);
      const v = votes.find((x) => (id !== null && x.id !== null ? x.id === id : sameName(x.names, names)));
      if (v) {
        v.n++;
        if (names.length > v.names.length) {
          v.names = names;
          v.speaker = sp;
          v.from = it;
        }
      } else votes.push({ n: 1, id, names, speaker: sp, from: it });
    }
    const ranked = votes.sort((a, b) => b.n - a.n);
    const top = ranked[0];
    const conflict = ranked.length > 1;
    const copies: LinkedCopy[] = list.map((i) => {
      const it = items[i];
      const { relation, differences } = i === canon ? { relation: 'identical' as CopyRelation, differences: [] } : compare(c, it);
      let speakerName = it.q.speaker ? it.q.speaker.name : null;
      let speakerSource: LinkedCopy['speakerSource'] = it.q.speaker ? 'own' : null;
      if (!it.q.speaker && top && !conflict) {
        const filled: QuoteSpeaker = {
          ...top.speaker,
          mention: -1,
          key: null,
          via: 'other-copy',
          source: docs[top.from.doc].path,
        };
        out[it.doc][it.quote] = { ...it.q, speaker: filled };
        speakerName = filled.name;
        speakerSource = 'other-copy';
      }
      return { doc: it.doc, path: docs[it.doc].path, quote: it.quote, start: it.q.start, end: it.q.end, text: it.q.text, relation, differences, speakerName, speakerSource };
    });
    copies.sort((a, b) => a.doc - b.doc || a.quote - b.quote);
    groups.push({
      id: `q:${hash(c.key)}`,
      text: c.q.text,
      kind: c.q.kind,
      speakerName: top ? top.speaker.name : null,
      conflict,
      canonical: copies.findIndex((x) => x.doc === c.doc && x.quote === c.quote),
      copies,
    });
  }
  groups.sort((a, b) => a.copies[0].doc - b.copies[0].doc || a.copies[0].quote - b.copies[0].quote);
  return { groups, quotes: out };
}

/** Name tokens of a speaker, honorifics dropped: `Mr. Austin` → [austin]. */
function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/^(?:mr|mrs|ms|dr|prof)\.?\s+/, '')
    .split(/[\s,]+/)
    .filter((t) => t && !['the', 'a', 'an'].includes(t));
}

/** Same speaker by name: one name's words contain the other's (`Austin` ⊂ `Lloyd Austin`, `Zhang` ⊂ `Zhang Xiaogang`). */
function sameName(a: string[], b: string[]): boolean {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return s.length > 0 && s.every((t) => l.includes(t));
}

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Word differences of `copy` against the canonical (fullest) copy, ignoring spelling and punctuation. */
function compare(canon: Item, copy: Item): { relation: CopyRelation; differences: WordDifference[] } {
  const a = canon.w;
  const b = copy.w;
  if (a.key === b.key) {
    return { relation: canon.q.text === copy.q.text ? 'identical' : 'spelling', differences: [] };
  }
  const diffs: WordDifference[] = [];
  const textA0 = (from: number, to: number) => canon.q.text.slice(a.bounds[2 * from], a.bounds[2 * to - 1]);
  // a trimmed copy: the fullest copy's words with some cut from its start and end
  for (let i = 0; i + b.keys.length <= a.keys.length; i++) {
    let ok = true;
    for (let j = 0; j < b.keys.length && ok; j++) ok = a.keys[i + j] === b.keys[j];
    if (!ok) continue;
    if (i > 0) diffs.push({ kind: 'removed', text: textA0(0, i), position: 'start' });
    if (i + b.keys.length < a.keys.length) diffs.push({ kind: 'removed', text: textA0(i + b.keys.length, a.keys.length), position: 'end' });
    return { relation: 'trimmed', differences: diffs };
  }
  const changes = diffArrays(a.keys, b.keys);
  let ia = 0;
  let ib = 0;
  const textA = (from: number, to: number) => (to > from ? canon.q.text.slice(a.bounds[2 * from], a.bounds[2 * to - 1]) : '');
  const textB = (from: number, to: number) => (to > from ? copy.q.text.slice(b.bounds[2 * from], b.bounds[2 * to - 1]) : '');
  let lastCommon = -1;
  changes.forEach((ch, k) => {
    if (!ch.added && !ch.removed) lastCommon = k;
  });
  for (let k = 0; k < changes.length; k++) {
    const ch = changes[k];
    const n = ch.count ?? ch.value.length;
    if (!ch.added && !ch.removed) {
      ia += n;
      ib += n;
      continue;
    }
    const position: WordDifference['position'] = ia === 0 && ib === 0 ? 'start' : k > lastCommon ? 'end' : 'inside';
    if (ch.removed) {
      const next = changes[k + 1];
      if (next && next.added) {
        const m = next.count ?? next.value.length;
        diffs.push({ kind: 'changed', text: textA(ia, ia + n), replacement: textB(ib, ib + m), position });
        ia += n;
        ib += m;
        k++;
        continue;
      }
      diffs.push({ kind: 'removed', text: textA(ia, ia + n), position });
      ia += n;
    } else {
      const next = changes[k + 1];
      if (next && next.removed) {
        const m = next.count ?? next.value.length;
        diffs.push({ kind: 'changed', text: textA(ia, ia + m), replacement: textB(ib, ib + n), position });
        ia += m;
        ib += n;
        k++;
        continue;
      }
      diffs.push({ kind: 'added', text: textB(ib, ib + n), position });
      ib += n;
    }
  }
  const trimmed = diffs.every((d) => d.kind === 'removed' && d.position !== 'inside');
  return { relation: trimmed ? 'trimmed' : 'edited', differences: diffs };
}

/**
 * The scan report's `copies` of one quote (`ReportQuote.copies`): every other copy in its group,
 * with the word differences of that copy against this quote. Empty when the quote has no copies.
 */
export function copiesFor(docs: readonly QuoteDoc[], result: LinkResult, doc: number, quote: number): QuoteCopy[] {
  const group = result.groups.find((g) => g.copies.some((c) => c.doc === doc && c.quote === quote));
  if (!group) return [];
  const item = (d: number, q: number): Item => {
    const qq = docs[d].quotes[q];
    const w = quoteWords(qq);
    return { doc: d, quote: q, q: qq, w, key: w.key };
  };
  const base = item(doc, quote);
  return group.copies
    .filter((c) => !(c.doc === doc && c.quote === quote))
    .map((c) => {
      const { differences } = compare(base, item(c.doc, c.quote));
      return {
        path: c.path,
        start: c.start,
        end: c.end,
        differences: differences.map((d) => (d.replacement !== undefined ? { kind: d.kind, text: d.text, replacement: d.replacement } : { kind: d.kind, text: d.text })),
      };
    });
}
