// The live shared-passage index. Each document is kept as a folded token stream plus its winnowed
// shingle fingerprints; a hash -> postings map finds, for one document, every other document (or an
// earlier copy in the same one) that shares a fingerprint, and alignment turns those anchors into
// passages with exact word boundaries on both sides. An edit re-indexes only the edited document
// and invalidates the cached results of the documents it shared with (before or after the edit).

import type { Paragraph, ReportShared, ReportSharedMatch } from '../model';
import { resolveOutlet, type NewsSourcesManifest, type OutletInfo } from '../outlets';
import { alignAt, DEFAULT_ALIGN, type AlignParams, type Alignment } from './align';
import { fingerprint, type Fingerprints } from './fingerprints';
import { choosePassageOrigin, type PassageCopy, type PassageOrigin } from './origin';
import { tokenize, type TokenStream } from './tokens';

export interface SharedPassageMatch extends ReportSharedMatch {
  /** True when the match is another copy inside the same file. */
  self: boolean;
  /** Folded words of this copy's span. */
  words: number;
}

export interface SharedPassage extends ReportShared {
  matches: SharedPassageMatch[];
  /** Folded words in this document's span. */
  words: number;
  origin: PassageOrigin;
}

export interface PassageIndexOptions {
  /** Words per shingle. */
  shingle: number;
  /** Winnowing window (in shingles): shared runs of shingle + window - 1 words always get an anchor. */
  window: number;
  /** Fewest matched words for a passage to count. */
  minWords: number;
  /**
   * Longest run of identical words a passage must contain: lists of names and titles ("US Secretary of
   * State Antony Blinken, … Foreign Minister Yoko Kamikawa") share words in short runs only.
   */
  minRun: number;
  /**
   * A fingerprint found in more places than this is treated as site furniture or a stock phrase and
   * never used as an anchor: it keeps one document from being compared with every other.
   */
  maxPostings: number;
  align: AlignParams;
}

export const DEFAULT_PASSAGE_OPTIONS: PassageIndexOptions = {
  shingle: 5,
  window: 4,
  minWords: 10,
  minRun: 7,
  maxPostings: 400,
  align: DEFAULT_ALIGN,
};

interface IndexedDocument {
  id: number;
  path: string;
  text: string;
  tokens: TokenStream;
  fingerprints: Fingerprints;
  paragraphs?: readonly Paragraph[];
  outlet: OutletInfo | null;
}

/** Packs (document id, token position) into one number; positions stay below 2^22 words. */
const POS_BITS = 4194304;

/** An alignment seen from one document: `a` is that document, `other` the matching one. */
interface SideAlignment extends Alignment {
  other: IndexedDocument;
}

export class PassageIndex {
  private readonly options: PassageIndexOptions;
  private readonly byPath = new Map<string, IndexedDocument>();
  private readonly byId = new Map<number, IndexedDocument>();
  /** Fingerprint -> packed (document, position) postings; a single posting is stored unboxed. */
  private readonly postings = new Map<number, number | number[]>();
  private readonly cache = new Map<number, SharedPassage[]>();
  /** Documents each cached result involved, so an edit can invalidate the other side too. */
  private readonly partners = new Map<number, Set<number>>();
  private nextId = 1;
  private manifest: NewsSourcesManifest | undefined;
  private manifestRoot = '';

  constructor(options: Partial<PassageIndexOptions> = {}) {
    this.options = { ...DEFAULT_PASSAGE_OPTIONS, ...options, align: { ...DEFAULT_ALIGN, ...options.align } };
  }

  get size(): number {
    return this.byPath.size;
  }

  paths(): string[] {
    return [...this.byPath.keys()];
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  /**
   * Sets the news-sources.json manifest used for outlets and origins. `root` is the folder that holds
   * it, as a prefix of the indexed paths; manifest patterns match paths relative to it.
   */
  setManifest(manifest: NewsSourcesManifest | undefined, root = ''): void {
    this.manifest = manifest;
    this.manifestRoot = root.replace(/\\/g, '/').replace(/\/$/, '');
    for (const doc of this.byPath.values()) doc.outlet = null;
    this.cache.clear();
  }

  /** The outlet of one indexed document (manifest over inference). */
  outletFor(path: string): OutletInfo | null {
    const doc = this.byPath.get(path);
    return doc ? this.outletOf(doc) : null;
  }

  /** Adds or replaces a document. `paragraphs` (from analyzeDocument) keeps boilerplate out of passages. */
  upsert(path: string, text: string, paragraphs?: readonly Paragraph[]): void {
    const existing = this.byPath.get(path);
    if (existing && existing.text === text && existing.paragraphs === paragraphs) return;
    if (existing) this.unindex(existing);
    const tokens = tokenize(text, paragraphs);
    const doc: IndexedDocument = {
      id: existing ? existing.id : this.nextId++,
      path,
      text,
      tokens,
      fingerprints: fingerprint(tokens, this.options.shingle, this.options.window),
      paragraphs,
      outlet: null,
    };
    this.byPath.set(path, doc);
    this.byId.set(doc.id, doc);
    this.index(doc);
    // Whoever shares a fingerprint with the new text may now share a passage with it.
    if (this.cache.size > 0) for (const other of this.candidateDocuments(doc)) this.invalidate(other);
  }

  remove(path: string): boolean {
    const doc = this.byPath.get(path);
    if (!doc) return false;
    this.unindex(doc);
    this.byPath.delete(path);
    this.byId.delete(doc.id);
    return true;
  }

  rename(from: string, to: string): void {
    const doc = this.byPath.get(from);
    if (!doc || from === to) return;
    if (this.byPath.has(to)) this.remove(to);
    this.byPath.delete(from);
    doc.path = to;
    doc.outlet = null;
    this.byPath.set(to, doc);
    // Paths appear in the partners' results; ids, postings and alignments are unchanged.
    this.invalidate(doc.id);
    for (const partner of this.partners.get(doc.id) ?? []) this.invalidate(partner);
  }

  /** Shared passages of one document, sorted by start; cached until a related document changes. */
  sharedFor(path: string): SharedPassage[] {
    const doc = this.byPath.get(path);
    if (!doc) return [];
    const cached = this.cache.get(doc.id);
    if (cached) return cached;
    const alignments: SideAlignment[] = [];
    for (const [otherId, anchors] of this.anchorsFor(doc)) {
      const other = this.byId.get(otherId)!;
      for (const alignment of this.alignPair(doc, other, anchors)) alignments.push(alignment);
    }
    return this.store(doc, alignments);
  }

  /**
   * Every document's shared passages. Each pair is aligned once (from its lower id) and the result
   * given to both sides, which halves the work of calling sharedFor on every path.
   */
  scanAll(): Map<string, SharedPassage[]> {
    const perDoc = new Map<number, SideAlignment[]>();
    const docs = [...this.byId.values()].sort((x, y) => x.id - y.id);
    for (const doc of docs) perDoc.set(doc.id, []);
    for (const doc of docs) {
      if (this.cache.has(doc.id)) continue;
      // Pairs with a lower id were aligned from the other side, unless that side was cached.
      const minOther = this.cache.size === 0 ? doc.id : 0;
      for (const [otherId, anchors] of this.anchorsFor(doc, minOther)) {
        if (otherId < doc.id && !this.cache.has(otherId)) continue;
        const other = this.byId.get(otherId)!;
        for (const alignment of this.alignPair(doc, other, anchors)) {
          perDoc.get(doc.id)!.push(alignment);
          if (other !== doc && !this.cache.has(otherId)) perDoc.get(otherId)!.push(flip(alignment, doc));
        }
      }
    }
    const result = new Map<string, SharedPassage[]>();
    for (const doc of docs) {
      const cached = this.cache.get(doc.id);
      result.set(doc.path, cached ?? this.store(doc, perDoc.get(doc.id)!));
    }
    return result;
  }

  // ---- indexing ----------------------------------------------------------------------------------

  private index(doc: IndexedDocument): void {
    const { hashes, positions, length } = doc.fingerprints;
    const base = doc.id * POS_BITS;
    for (let i = 0; i < length; i++) {
      const list = this.postings.get(hashes[i]);
      if (list === undefined) this.postings.set(hashes[i], base + positions[i]);
      else if (typeof list === 'number') this.postings.set(hashes[i], [list, base + positions[i]]);
      else list.push(base + positions[i]);
    }
  }

  private unindex(doc: IndexedDocument): void {
    const { hashes, length } = doc.fingerprints;
    const lo = doc.id * POS_BITS;
    const hi = lo + POS_BITS;
    for (let i = 0; i < length; i++) {
      const list = this.postings.get(hashes[i]);
      if (list === undefined) continue;
      if (typeof list === 'number') {
        if (list >= lo && list < hi) this.postings.delete(hashes[i]);
        continue;
      }
      let w = 0;
      for (let r = 0; r < list.length; r++) if (list[r] < lo || list[r] >= hi) list[w++] = list[r];
      if (w === 0) this.postings.delete(hashes[i]);
      else if (w === 1) this.postings.set(hashes[i], list[0]);
      else list.length = w;
    }
    this.invalidate(doc.id);
    for (const partner of this.partners.get(doc.id) ?? []) this.invalidate(partner);
    this.partners.delete(doc.id);
  }

  private invalidate(id: number): void {
    this.cache.delete(id);
  }

  private candidateDocuments(doc: IndexedDocument): Set<number> {
    const ids = new Set<number>();
    const { hashes, length } = doc.fingerprints;
    for (let i = 0; i < length; i++) {
      const list = this.postings.get(hashes[i]);
      if (typeof list !== 'object' || list.length > this.options.maxPostings) continue;
      for (const packed of list) ids.add(Math.floor(packed / POS_BITS));
    }
    return ids;
  }

  /** Anchors (flat pa, pb pairs, in order of pa) per document sharing fingerprints with `doc`. */
  private anchorsFor(doc: IndexedDocument, minOther = 0): Map<number, number[]> {
    const anchors = new Map<number, number[]>();
    const { hashes, positions, length } = doc.fingerprints;
    const k = this.options.shingle;
    for (let i = 0; i < length; i++) {
      const list = this.postings.get(hashes[i]);
      if (typeof list !== 'object' || list.length > this.options.maxPostings) continue;
      const pa = positions[i];
      for (const packed of list) {
        const otherId = Math.floor(packed / POS_BITS);
        if (otherId < minOther) continue;
        const pb = packed - otherId * POS_BITS;
        // Within one document, pair each earlier copy with each later one, never a copy with itself.
        if (otherId === doc.id && pb - pa < k) continue;
        let bucket = anchors.get(otherId);
        if (!bucket) anchors.set(otherId, (bucket = []));
        bucket.push(pa, pb);
      }
    }
    return anchors;
  }

  private alignPair(doc: IndexedDocument, other: IndexedDocument, anchors: number[]): SideAlignment[] {
    const found: SideAlignment[] = [];
    const { shingle, minWords, align } = this.options;
    for (let i = 0; i < anchors.length; i += 2) {
      const pa = anchors[i];
      const pb = anchors[i + 1];
      if (found.some((f) => pa >= f.aStart && pa < f.aEnd && pb >= f.bStart && pb < f.bEnd)) continue;
      const alignment = alignAt(doc.tokens, other.tokens, doc.text, other.text, pa, pb, shingle, align, minWords, this.options.minRun);
      if (!alignment) continue;
      (alignment as SideAlignment).other = other;
      found.push(alignment as SideAlignment);
    }
    if (other === doc) {
      // A repeat inside one file is seen from both copies.
      for (const f of [...found]) found.push(flip(f, doc));
    }
    return found;
  }

  private outletOf(doc: IndexedDocument): OutletInfo {
    if (!doc.outlet) {
      const relative = this.manifestRoot && doc.path.startsWith(this.manifestRoot + '/') ? doc.path.slice(this.manifestRoot.length + 1) : doc.path;
      doc.outlet = resolveOutlet(doc.text, doc.paragraphs, doc.path, this.manifest, relative);
    }
    return doc.outlet;
  }

  private store(doc: IndexedDocument, alignments: SideAlignment[]): SharedPassage[] {
    const passages = this.buildPassages(doc, alignments);
    const partners = new Set<number>();
    for (const a of alignments) if (a.other !== doc) partners.add(a.other.id);
    this.partners.set(doc.id, partners);
    for (const p of partners) {
      let back = this.partners.get(p);
      if (!back) this.partners.set(p, (back = new Set()));
      back.add(doc.id);
    }
    this.cache.set(doc.id, passages);
    return passages;
  }

  // ---- passages ----------------------------------------------------------------------------------

  /**
   * Cuts the document into segments where the set of matching copies is constant, so every match of
   * a passage covers the whole passage; slivers of a few words (copies that start or stop a word or
   * two apart) are merged into their neighbour rather than reported alone.
   */
  private buildPassages(doc: IndexedDocument, alignments: SideAlignment[]): SharedPassage[] {
    if (alignments.length === 0) return [];
    const cuts = new Set<number>();
    for (const a of alignments) {
      cuts.add(a.aStart);
      cuts.add(a.aEnd);
    }
    const points = [...cuts].sort((x, y) => x - y);
    const sorted = [...alignments].sort((x, y) => x.aStart - y.aStart);
    interface Segment {
      start: number;
      end: number;
      members: SideAlignment[];
    }
    const segments: Segment[] = [];
    let active: SideAlignment[] = [];
    let next = 0;
    for (let i = 0; i + 1 < points.length; i++) {
      const start = points[i];
      const end = points[i + 1];
      while (next < sorted.length && sorted[next].aStart <= start) active.push(sorted[next++]);
      active = active.filter((a) => a.aEnd > start);
      if (active.length === 0) continue;
      segments.push({ start, end, members: [...active] });
    }
    const minSegment = Math.max(2, Math.floor(this.options.minWords / 2));
    const merged: Segment[] = [];
    for (const seg of segments) {
      const prev = merged[merged.length - 1];
      if (prev && prev.end === seg.start && (seg.end - seg.start < minSegment || prev.end - prev.start < minSegment)) {
        prev.end = seg.end;
        for (const m of seg.members) if (!prev.members.includes(m)) prev.members.push(m);
      } else merged.push({ ...seg, members: [...seg.members] });
    }

    const out: SharedPassage[] = [];
    const T = doc.tokens;
    for (const seg of merged) {
      const matches: SharedPassageMatch[] = [];
      let first = Infinity;
      let last = -1;
      for (const a of seg.members) {
        const lo = lowerBound(a.pairsA, seg.start);
        const hi = lowerBound(a.pairsA, seg.end) - 1;
        if (hi < lo) continue;
        const matched = hi - lo + 1;
        // A copy that only touches this segment at its edge (a sliver merged in) is not listed.
        if (matched < minSegment && matched * 2 < seg.end - seg.start) continue;
        const aFirst = a.pairsA[lo];
        const aLast = a.pairsA[hi];
        const bFirst = a.pairsB[lo];
        const bLast = a.pairsB[hi];
        const O = a.other.tokens;
        const spanB = bLast - bFirst + 1;
        matches.push({
          path: a.other.path,
          start: lo === 0 ? a.bCharStart : widenStart(a.other.text, O.starts[bFirst]),
          end: hi === a.pairsA.length - 1 ? a.bCharEnd : widenEnd(a.other.text, O.ends[bLast]),
          similarity: round3((2 * matched) / (aLast - aFirst + 1 + spanB)),
          self: a.other === doc,
          words: spanB,
        });
        if (aFirst < first) first = aFirst;
        if (aLast > last) last = aLast;
      }
      if (last < 0 || matches.length === 0) continue;
      // Where a copy's run starts or ends, only punctuation both texts carry is included; where a
      // copy runs on past the cut, the punctuation attached to the word is shared with it.
      const ownStart = widenStart(doc.text, T.starts[first]);
      const ownEnd = widenEnd(doc.text, T.ends[last]);
      let start = T.starts[first];
      let end = T.ends[last];
      for (const a of seg.members) {
        if (a.aStart === first) start = Math.min(start, a.aCharStart);
        else if (a.aStart < first && a.aEnd > first) start = Math.min(start, ownStart);
        if (a.aEnd - 1 === last) end = Math.max(end, a.aCharEnd);
        else if (a.aEnd - 1 > last && a.aStart <= last) end = Math.max(end, ownEnd);
      }
      matches.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start));
      const words = last - first + 1;
      const copies: PassageCopy[] = [{ path: doc.path, start, end, words, outlet: this.outletOf(doc) }];
      for (const m of matches) copies.push({ path: m.path, start: m.start, end: m.end, words: m.words, outlet: this.outletOf(this.byPath.get(m.path)!) });
      out.push({ start, end, words, matches, origin: choosePassageOrigin(copies) });
    }
    return out;
  }
}

function flip(a: SideAlignment, from: IndexedDocument): SideAlignment {
  return {
    aStart: a.bStart,
    aEnd: a.bEnd,
    bStart: a.aStart,
    bEnd: a.aEnd,
    pairsA: a.pairsB,
    pairsB: a.pairsA,
    aCharStart: a.bCharStart,
    aCharEnd: a.bCharEnd,
    bCharStart: a.aCharStart,
    bCharEnd: a.aCharEnd,
    other: from,
  };
}

// Punctuation that belongs with the word before it (closing) or after it (opening).
const CLOSING = new Set([...'.,;:!?\u2026"\'\u201d\u2019)]'].map((c) => c.charCodeAt(0)));
const OPENING = new Set([...'"\'\u201c\u2018(['].map((c) => c.charCodeAt(0)));

/** Widens a span cut inside an alignment over the punctuation attached to its last word. */
function widenEnd(text: string, end: number): number {
  const limit = Math.min(text.length, end + 4);
  while (end < limit && CLOSING.has(text.charCodeAt(end))) end++;
  return end;
}

/** … and over the punctuation attached to its first word. */
function widenStart(text: string, start: number): number {
  const limit = Math.max(0, start - 3);
  while (start > limit && OPENING.has(text.charCodeAt(start - 1))) start--;
  return start;
}

function lowerBound(values: Int32Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
