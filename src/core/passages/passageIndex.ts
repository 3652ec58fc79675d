// The live shared-passage index. Each document is kept as its winnowed shingle fingerprints, and a
// folded token stream made when it is aligned (the most recently used streams are kept); a hash ->
// postings table (postings.ts) finds, for one document, every other document (or an earlier copy in
// the same one) that shares a fingerprint, and alignment turns those anchors into
// passages with exact word boundaries on both sides. Each pair of documents is aligned as its
// path-first document sees it, so results do not depend on the order documents were added or read,
// and a match from A to B is mirrored from B to A. An edit re-indexes only the edited document and
// invalidates the cached results of every document sharing a usable fingerprint with it (before or
// after the edit).

import type { Paragraph, ReportShared, ReportSharedMatch } from '../model';
import { applyManifest, inferOutletFromText, withPathFallback, type NewsSourcesManifest, type OutletInfo } from '../outlets';
import { alignAt, DEFAULT_ALIGN, type AlignParams, type Alignment } from './align';
import { fingerprint, type Fingerprints } from './fingerprints';
import { choosePassageOrigin, type PassageCopy, type PassageOrigin } from './origin';
import { PostingTable } from './postings';
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
  /** Words of token streams kept for alignment; older streams are dropped and made again when needed. */
  tokenBudget: number;
  align: AlignParams;
}

export const DEFAULT_PASSAGE_OPTIONS: PassageIndexOptions = {
  shingle: 5,
  window: 4,
  minWords: 10,
  minRun: 7,
  maxPostings: 400,
  tokenBudget: 12_000_000,
  align: DEFAULT_ALIGN,
};

interface IndexedDocument {
  id: number;
  path: string;
  text: string;
  /** Made when an alignment needs them, and dropped again when the index keeps too many (tokensOf). */
  tokens: TokenStream | null;
  /** When the stream was last used (a clock of the index). */
  tokensUsed: number;
  fingerprints: Fingerprints;
  /** Or how to get them: a document restored from a cache parses its analysis only when used. */
  paragraphs?: readonly Paragraph[] | (() => readonly Paragraph[]);
  /** What the text says of its outlet (made in a worker with the fingerprints, or on first use). */
  textOutlet: OutletInfo | null;
  outlet: OutletInfo | null;
}

/** An alignment seen from one document: `a` is that document, `other` the matching one. */
interface SideAlignment extends Alignment {
  other: IndexedDocument;
  /** 1 when this is the other document's alignment turned around: `runs` then list (b, a, length). */
  flipped?: 0 | 1;
}

/** A document's token stream and fingerprints, made ahead of PassageIndex.upsert (plain data, typed arrays). */
export interface PreparedPassages {
  shingle: number;
  window: number;
  textLength: number;
  /** Left out when the index may make them itself when it needs them (lighter to move and keep). */
  tokens?: TokenStream;
  fingerprints: Fingerprints;
  /** inferOutletFromText of the same text and paragraphs. */
  outlet?: OutletInfo;
}

/** What PassageIndex.upsert would compute for this text: callable on another thread. */
export function preparePassages(
  text: string,
  paragraphs: readonly Paragraph[] | undefined,
  options: Pick<PassageIndexOptions, 'shingle' | 'window'> = DEFAULT_PASSAGE_OPTIONS,
  parts: { tokens?: boolean; outlet?: boolean } = { tokens: true },
): PreparedPassages {
  const t = tokenize(text, paragraphs);
  const f = fingerprint(t, options.shingle, options.window);
  // Exact-size copies: the streams are views of larger growth buffers, which would otherwise be kept
  // (and moved between threads) whole.
  const fingerprints: Fingerprints = { hashes: f.hashes.slice(), positions: f.positions.slice(), length: f.length };
  const prepared: PreparedPassages = { shingle: options.shingle, window: options.window, textLength: text.length, fingerprints };
  if (parts.tokens) prepared.tokens = { ids: t.ids.slice(), starts: t.starts.slice(), ends: t.ends.slice(), excluded: t.excluded, length: t.length };
  if (parts.outlet) prepared.outlet = inferOutletFromText(text, paragraphs);
  return prepared;
}

export class PassageIndex {
  private readonly options: PassageIndexOptions;
  private readonly byPath = new Map<string, IndexedDocument>();
  /** Documents by id (dense: ids are small integers given out in order; a removed one leaves a hole). */
  private readonly byId: Array<IndexedDocument | undefined> = [];
  /**
   * Each id's place in path order, while `ranked` (set by scanAll, cleared when a path comes, goes
   * or changes): integer comparisons instead of string ones in the per-partner and per-match loops.
   */
  private rank = new Int32Array(0);
  private ranked = false;
  /** Fingerprint -> (document, position) postings, highest document first. */
  private readonly postings = new PostingTable();
  private readonly cache = new Map<number, SharedPassage[]>();
  /** Documents each cached result involved, so an edit can invalidate the other side too. */
  private readonly partners = new Map<number, Set<number>>();
  private nextId = 1;
  /** Documents holding a token stream, and their words in all. */
  private readonly withTokens = new Set<IndexedDocument>();
  private keptTokens = 0;
  private tokenClock = 0;
  private generation = 0;
  private slotStamp = new Int32Array(64);
  /** Per-document anchor lists of the current alignmentsFor call (ids are small integers). */
  private readonly slots: number[][] = [];
  /** Alignments found so far with each partner in the current alignmentsFor call. */
  private readonly alignedSlots: SideAlignment[][] = [];
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

  /**
   * Adds or replaces a document. `paragraphs` (from analyzeDocument) keeps boilerplate out of passages.
   * `paragraphs` may be a function giving them, called only if tokens or outlet evidence are made here.
   * `prepared` (preparePassages of the same text and paragraphs, made elsewhere, e.g. in a worker)
   * saves tokenising and fingerprinting here; it is ignored when made with other shingle/window sizes.
   */
  upsert(path: string, text: string, paragraphs?: readonly Paragraph[] | (() => readonly Paragraph[]), prepared?: PreparedPassages): void {
    const existing = this.byPath.get(path);
    if (existing && existing.text === text && sameBoilerplate(paragraphsOf(existing), typeof paragraphs === 'function' ? paragraphs() : paragraphs)) return;
    // Lists the old text was in were handled when it left: the new text need not walk them again.
    const handled = existing && this.cache.size > 0 ? new Set(existing.fingerprints.hashes) : undefined;
    if (existing) this.unindex(existing);
    const usable = prepared && prepared.shingle === this.options.shingle && prepared.window === this.options.window && prepared.textLength === text.length;
    const tokens = usable ? prepared.tokens ?? null : tokenize(text, typeof paragraphs === 'function' ? paragraphs() : paragraphs);
    const doc: IndexedDocument = {
      id: existing ? existing.id : this.nextId++,
      path,
      text,
      tokens,
      tokensUsed: 0,
      fingerprints: usable ? prepared.fingerprints : fingerprint(tokens!, this.options.shingle, this.options.window),
      paragraphs,
      textOutlet: (usable && prepared.outlet) || null,
      outlet: null,
    };
    if (existing) this.forgetTokens(existing);
    if (tokens) this.keepTokens(doc);
    if (!existing) this.ranked = false;
    this.byPath.set(path, doc);
    this.byId[doc.id] = doc;
    this.index(doc, handled);
  }

  remove(path: string): boolean {
    const doc = this.byPath.get(path);
    if (!doc) return false;
    this.unindex(doc);
    this.forgetTokens(doc);
    this.byPath.delete(path);
    this.byId[doc.id] = undefined;
    this.ranked = false;
    return true;
  }

  rename(from: string, to: string): void {
    const doc = this.byPath.get(from);
    if (!doc || from === to) return;
    if (this.byPath.has(to)) this.remove(to);
    this.byPath.delete(from);
    this.ranked = false;
    doc.path = to;
    doc.outlet = null;
    this.byPath.set(to, doc);
    // Paths appear in the partners' results, and a pair is aligned from its path-first side.
    this.invalidateAround(doc, 0);
    this.invalidate(doc.id);
    for (const partner of this.partners.get(doc.id) ?? []) this.invalidate(partner);
  }

  /** Shared passages of one document, sorted by start; cached until a related document changes. */
  sharedFor(path: string): SharedPassage[] {
    const doc = this.byPath.get(path);
    if (!doc) return [];
    const cached = this.cache.get(doc.id);
    if (cached) return cached;
    return this.store(doc, this.alignmentsFor(doc));
  }

  /**
   * Every document's shared passages. Each pair is aligned once and the result given to both sides,
   * which halves the work of calling sharedFor on every path. Documents are taken in path order, so
   * the side that aligns a pair is the one that walks first (path-first), anchors in its own order:
   * the other side never has to collect and sort anchors (see alignPair) unless its partner's result
   * was cached before.
   */
  scanAll(): Map<string, SharedPassage[]> {
    const byPath = this.rankByPath();
    const rank = this.rank;
    const result = new Map<string, SharedPassage[]>();
    const cachedBefore = new Set(this.cache.keys());
    // Each pair is aligned from its path-first side (unless that side was cached) and handed over.
    const pending: Array<HandedOver[] | undefined> = [];
    // Posting lists run from the highest id down, and every id below the lowest id still to come in
    // path order belongs to a document already done (whose pairs were handed over): a walk stops
    // there. (Only when nothing was cached before: a cached partner's pairs are aligned here.)
    const stopBelow = new Int32Array(byPath.length + 1);
    stopBelow[byPath.length] = cachedBefore.size === 0 ? this.nextId : 0;
    for (let r = byPath.length - 1; r >= 0; r--) stopBelow[r] = cachedBefore.size === 0 ? Math.min(byPath[r].id, stopBelow[r + 1]) : 0;
    for (const doc of byPath) {
      const cached = this.cache.get(doc.id);
      if (cached) {
        result.set(doc.path, cached);
        continue;
      }
      const mine = pending[doc.id];
      pending[doc.id] = undefined;
      const own = rank[doc.id];
      const handOver = (other: IndexedDocument, list: SideAlignment[], turn: boolean) => {
        if (rank[other.id] < own || cachedBefore.has(other.id)) return;
        const entry: HandedOver = { from: doc, list, turn };
        const lists = pending[other.id];
        if (lists) lists.push(entry);
        else pending[other.id] = [entry];
      };
      const skip = (otherId: number) => rank[otherId] < own && !cachedBefore.has(otherId);
      const alignments = this.alignmentsFor(doc, { minOther: stopBelow[own], skip, given: mine, handOver });
      // Every pair of this document is known now: build its passages and let the alignments go.
      result.set(doc.path, this.store(doc, alignments));
    }
    const out = new Map<string, SharedPassage[]>();
    for (const d of this.byId) if (d) out.set(d.path, result.get(d.path)!);
    return out;
  }

  /** The documents in path order, each id's place in it written to `rank`. */
  private rankByPath(): IndexedDocument[] {
    const docs = [...this.byPath.values()].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    if (this.rank.length < this.nextId) this.rank = new Int32Array(Math.max(this.nextId * 2, 64));
    docs.forEach((d, i) => (this.rank[d.id] = i));
    this.ranked = true;
    return docs;
  }

  /** Whether `x` comes before `y` in path order. */
  private before(x: IndexedDocument, y: IndexedDocument): boolean {
    return this.ranked ? this.rank[x.id] < this.rank[y.id] : x.path < y.path;
  }

  // ---- indexing ----------------------------------------------------------------------------------

  private index(doc: IndexedDocument, handled?: Set<number>): void {
    const { hashes, positions, length } = doc.fingerprints;
    // Whoever shares a fingerprint with the new text may now share a passage with it.
    this.invalidateAround(doc, 1, handled);
    for (let i = 0; i < length; i++) this.postings.add(hashes[i], doc.id, positions[i]);
  }

  private unindex(doc: IndexedDocument): void {
    this.invalidateAround(doc, -1);
    const { hashes, length } = doc.fingerprints;
    for (let i = 0; i < length; i++) this.postings.removeDocument(hashes[i], doc.id);
    this.invalidate(doc.id);
    for (const partner of this.partners.get(doc.id) ?? []) this.invalidate(partner);
    this.partners.delete(doc.id);
  }

  private invalidate(id: number): void {
    this.cache.delete(id);
  }

  /**
   * Drops the cached results that adding (`sign` 1, before its postings go in), removing (-1,
   * before they go out) or renaming (0) `doc` can change: every document in a posting list the document is in, as
   * long as that list is usable as an anchor before or after the change.
   */
  private invalidateAround(doc: IndexedDocument, sign: 1 | 0 | -1, handled?: Set<number>): void {
    if (this.cache.size === 0) return;
    const { hashes, length } = doc.fingerprints;
    const max = this.options.maxPostings;
    const stamps = this.stamps();
    const generation = ++this.generation;
    const cache = this.cache;
    const table = this.postings;
    const { docs, next } = table;
    for (let i = 0; i < length; i++) {
      if (handled && handled.has(hashes[i])) continue;
      const slot = table.find(hashes[i]);
      if (slot < 0) continue;
      const count = table.count(slot);
      if (count > max) {
        // Too common to anchor now; it only matters if removing this document brings it back.
        if (sign >= 0) continue;
        let own = 0;
        for (let n = table.first(slot); n >= 0; n = next[n]) if (docs[n] === doc.id) own++;
        if (count - own > max) continue;
      }
      for (let n = table.first(slot); n >= 0; n = next[n]) {
        const id = docs[n];
        if (stamps[id] !== generation) {
          stamps[id] = generation;
          cache.delete(id);
        }
      }
    }
  }

  /** The per-document stamp array, large enough for every id given out. */
  private stamps(): Int32Array {
    if (this.slotStamp.length < this.nextId) {
      const grown = new Int32Array(Math.max(this.nextId * 2, 64));
      grown.set(this.slotStamp);
      this.slotStamp = grown;
    }
    // Per-id slots filled in order, so that the arrays keep fast (not dictionary) elements.
    while (this.slots.length < this.slotStamp.length) {
      this.slots.push(SKIPPED);
      this.alignedSlots.push(NONE);
    }
    return this.slotStamp;
  }

  /**
   * Aligns `doc` with every document (and itself) that shares an anchor with it. Each pair is
   * aligned from the document with the smaller path, its anchors taken in order of position there,
   * so a pair's passages do not depend on which side asks, on what was asked before or on the order
   * documents came in; the other side gets the same alignments turned around. Returns them with the
   * partners in path order (self first).
   */
  private alignmentsFor(
    doc: IndexedDocument,
    scan?: {
      /** Lowest partner id whose postings need reading (the lower ones were all handed over). */
      minOther: number;
      /** Partners whose pair was aligned elsewhere (and handed over in `given`). */
      skip: (otherId: number) => boolean;
      given: HandedOver[] | undefined;
      /** `turn`: the list is as this side sees it, to be turned around (in place) when received. */
      handOver: (other: IndexedDocument, list: SideAlignment[], turn: boolean) => void;
    },
  ): SideAlignment[] {
    const { hashes, positions, length } = doc.fingerprints;
    const { shingle: k, maxPostings } = this.options;
    const minOther = scan ? scan.minOther : 0;
    // Anchors by partner, flat (position here, position there), in dense per-id slots.
    const stamps = this.stamps();
    const generation = ++this.generation;
    const slots = this.slots;
    const aligned = this.alignedSlots;
    const ids: number[] = [];
    const { minWords, minRun, align } = this.options;
    const table = this.postings;
    for (let i = 0; i < length; i++) {
      const slot = table.find(hashes[i]);
      if (slot < 0) continue;
      const count = table.count(slot);
      if (count < 2 || count > maxPostings) continue;
      const pa = positions[i];
      const { docs: postingDocs, positions: postingPositions, next } = table;
      for (let n = table.first(slot); n >= 0; n = next[n]) {
        const otherId = postingDocs[n];
        if (otherId < minOther) break;
        const pb = postingPositions[n];
        // Within one document, pair each earlier copy with each later one, never a copy with itself.
        if (otherId === doc.id && pb - pa < k) continue;
        let found: number[];
        if (stamps[otherId] === generation) found = slots[otherId];
        else {
          stamps[otherId] = generation;
          const skipped = scan && scan.skip(otherId);
          const other = otherId === doc.id ? doc : this.byId[otherId]!;
          // This side aligns the pair on the spot when it is the pair's first (by path), in the order
          // the walk visits the anchors: position here ascending, position there descending.
          found = slots[otherId] = skipped ? SKIPPED : other === doc || this.before(doc, other) ? INLINE : [];
          if (!skipped) {
            ids.push(otherId);
            // Most partners met through a stock phrase never align: their list is made on the first.
            aligned[otherId] = NONE;
          }
        }
        if (found === SKIPPED) continue;
        if (found !== INLINE) {
          found.push(pa, pb);
          continue;
        }
        const done = aligned[otherId];
        let covered = false;
        for (let f = done.length - 1; f >= 0; f--) {
          const a = done[f];
          if (pa >= a.aStart && pa < a.aEnd && pb >= a.bStart && pb < a.bEnd) {
            covered = true;
            break;
          }
        }
        if (covered) continue;
        const other = otherId === doc.id ? doc : this.byId[otherId]!;
        const alignment = alignAt(this.tokensOf(doc), this.tokensOf(other), doc.text, other.text, pa, pb, k, align, minWords, minRun) as SideAlignment | null;
        if (!alignment) continue;
        alignment.other = other;
        alignment.flipped = 0;
        if (done === NONE) aligned[otherId] = [alignment];
        else done.push(alignment);
      }
    }
    const partners = ids.map((id) => this.byId[id]!);
    if (scan?.given) {
      // Pairs aligned by the other side (its walk skipped them here): turned around now, in place,
      // since their giver has built its passages and no longer reads them.
      for (const h of scan.given) {
        const id = h.from.id;
        if (h.turn) for (const a of h.list) turnAround(a, h.from);
        stamps[id] = generation;
        slots[id] = GIVEN;
        aligned[id] = h.list;
        partners.push(h.from);
        ids.push(id);
      }
    }
    if (this.ranked) {
      const rank = this.rank;
      partners.sort((x, y) => (x === doc ? -1 : y === doc ? 1 : rank[x.id] - rank[y.id]));
    } else partners.sort((x, y) => (x === doc ? -1 : y === doc ? 1 : x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    const out: SideAlignment[] = [];
    for (const other of partners) {
      const flat = slots[other.id];
      if (flat === GIVEN) {
        for (const a of aligned[other.id]) out.push(a);
        continue;
      }
      if (other === doc) {
        const self = aligned[doc.id];
        // A repeat inside one file is seen from both copies.
        for (const a of self) out.push(a);
        for (const a of self) out.push(flip(a, doc));
        continue;
      }
      const mineFirst = this.before(doc, other);
      const canonical = mineFirst ? aligned[other.id] : this.alignPair(other, doc, flat);
      const mine = mineFirst ? canonical : canonical.map((a) => flip(a, other));
      for (const a of mine) out.push(a);
      // A partner met only through stock phrases has no alignment: nothing to hand over (the other
      // side skips the pair anyway, its rank being later).
      // This side's own objects are handed over when it aligned the pair: the other side turns them
      // around once this one is done with them (no second object per alignment).
      if (scan && canonical.length > 0) scan.handOver(other, canonical, mineFirst);
    }
    for (const id of ids) {
      slots[id] = SKIPPED;
      aligned[id] = NONE;
    }
    return out;
  }

  /**
   * Aligns `x` with `y` at the anchors `y`'s walk collected (flat (position in y, position in x)),
   * taken in the order x's own walk would visit them (position in x ascending, then in y descending),
   * so the result is the one x computes; an anchor inside a run already aligned costs one comparison.
   */
  private alignPair(x: IndexedDocument, y: IndexedDocument, flat: number[]): SideAlignment[] {
    const { shingle: k, minWords, minRun, align } = this.options;
    const n = flat.length / 2;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = flat[2 * i + 1] * POS_BITS + (POS_BITS - 1 - flat[2 * i]);
    keys.sort();
    const found: SideAlignment[] = [];
    for (let i = 0; i < n; i++) {
      const pa = Math.floor(keys[i] / POS_BITS);
      const pb = POS_BITS - 1 - (keys[i] - pa * POS_BITS);
      let covered = false;
      for (let f = found.length - 1; f >= 0; f--) {
        const a = found[f];
        if (pa >= a.aStart && pa < a.aEnd && pb >= a.bStart && pb < a.bEnd) {
          covered = true;
          break;
        }
      }
      if (covered) continue;
      const alignment = alignAt(this.tokensOf(x), this.tokensOf(y), x.text, y.text, pa, pb, k, align, minWords, minRun) as SideAlignment | null;
      if (!alignment) continue;
      alignment.other = y;
      alignment.flipped = 0;
      found.push(alignment);
    }
    return found;
  }

  /**
   * A document's token stream, made again from its text if it was dropped. Streams take ~12 bytes a
   * word, so a large workspace keeps only the most recently used ones (most documents are never
   * aligned in a session: only those opened and their partners).
   */
  private tokensOf(doc: IndexedDocument): TokenStream {
    // Called for every anchor: a stamp, not a reordered list, records the use.
    doc.tokensUsed = ++this.tokenClock;
    if (doc.tokens) return doc.tokens;
    doc.tokens = tokenize(doc.text, paragraphsOf(doc));
    this.keepTokens(doc);
    return doc.tokens;
  }

  private keepTokens(doc: IndexedDocument): void {
    doc.tokensUsed = ++this.tokenClock;
    this.withTokens.add(doc);
    this.keptTokens += doc.tokens!.length;
    if (this.keptTokens <= this.options.tokenBudget) return;
    // Over budget (rare): drop the least recently used streams down to three quarters of it.
    const byAge = [...this.withTokens].sort((x, y) => x.tokensUsed - y.tokensUsed);
    for (const kept of byAge) {
      if (this.keptTokens <= this.options.tokenBudget * 0.75 || kept === doc) break;
      this.forgetTokens(kept);
    }
  }

  private forgetTokens(doc: IndexedDocument): void {
    if (!doc.tokens) return;
    this.keptTokens -= doc.tokens.length;
    doc.tokens = null;
    this.withTokens.delete(doc);
  }

  private outletOf(doc: IndexedDocument): OutletInfo {
    if (!doc.outlet) {
      const relative = this.manifestRoot && doc.path.startsWith(this.manifestRoot + '/') ? doc.path.slice(this.manifestRoot.length + 1) : doc.path;
      doc.textOutlet ??= inferOutletFromText(doc.text, paragraphsOf(doc));
      doc.outlet = applyManifest(withPathFallback(doc.textOutlet, doc.path), this.manifest, relative);
    }
    return doc.outlet;
  }

  /** Whether a document's outlet can decide an origin (a date or a wire credit). */
  private informs(doc: IndexedDocument): boolean {
    const o = this.outletOf(doc);
    return !!o.date || (!!o.wire && o.wireConfidence !== 'mention');
  }

  private origin(doc: IndexedDocument, start: number, end: number, words: number, matches: SharedPassageMatch[], others: IndexedDocument[]): PassageOrigin {
    if (this.informs(doc) || others.some((o) => this.informs(o))) {
      const copies: PassageCopy[] = [{ path: doc.path, start, end, words, outlet: this.outletOf(doc) }];
      matches.forEach((m, i) => copies.push({ path: m.path, start: m.start, end: m.end, words: m.words, outlet: this.outletOf(others[i]) }));
      return choosePassageOrigin(copies);
    }
    // Nothing but completeness to go on (the common case): decide without building copies.
    let most = words;
    for (const m of matches) if (m.words > most) most = m.words;
    let best: { path: string; start: number; end: number } | null = words === most ? { path: doc.path, start, end } : null;
    let lo = Infinity;
    let hi = -1;
    const consider = (c: { path: string; start: number; end: number }, w: number) => {
      if (w < most) {
        if (w < lo) lo = w;
        if (w > hi) hi = w;
      } else if (!best || c.path < best.path || (c.path === best.path && c.start < best.start)) best = c;
    };
    if (words < most) consider({ path: doc.path, start, end }, words);
    for (const m of matches) consider(m, m.words);
    const chosen = best!;
    const why = hi < 0 ? `copies are equally complete (${most} words); first by path` : `most complete copy (${most} words; others ${lo}–${hi})`;
    return { path: chosen.path, start: chosen.start, end: chosen.end, basis: 'most-complete', why };
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
    const sorted = alignments.length > 1 ? [...alignments].sort((x, y) => x.aStart - y.aStart) : alignments;
    const points = new Int32Array(alignments.length * 2);
    alignments.forEach((a, i) => {
      points[2 * i] = a.aStart;
      points[2 * i + 1] = a.aEnd;
    });
    points.sort();
    // Elementary intervals between cut points that some alignment covers; slivers merge into the
    // interval before them (or absorb into the next one when they come first).
    const minSegment = Math.max(2, Math.floor(this.options.minWords / 2));
    const merged: number[] = []; // flat start, end
    let next = 0;
    let maxEnd = -1;
    for (let i = 0; i + 1 < points.length; i++) {
      const start = points[i];
      const end = points[i + 1];
      if (end === start) continue;
      while (next < sorted.length && sorted[next].aStart <= start) maxEnd = Math.max(maxEnd, sorted[next++].aEnd);
      if (maxEnd <= start) continue;
      const m = merged.length;
      if (m > 0 && merged[m - 1] === start && (end - start < minSegment || merged[m - 1] - merged[m - 2] < minSegment)) merged[m - 1] = end;
      else merged.push(start, end);
    }

    const out: SharedPassage[] = [];
    const T = this.tokensOf(doc);
    const rank = this.ranked ? this.rank : null;
    for (let s = 0; s < merged.length; s += 2) {
      const segStart = merged[s];
      const segEnd = merged[s + 1];
      // Copies inside this file that overlap the passage itself are left out (and the passage re-cut).
      let dropped: Set<SideAlignment> | null = null;
      for (;;) {
        const matches: SharedPassageMatch[] = [];
        const others: IndexedDocument[] = [];
        const sources: SideAlignment[] = [];
        const members: SideAlignment[] = [];
        let first = Infinity;
        let last = -1;
        for (const a of sorted) {
          if (a.aStart >= segEnd) break;
          if (a.aEnd <= segStart) continue;
          if (dropped && dropped.has(a)) continue;
          members.push(a);
          if (!clipRuns(a.runs, a.flipped ?? 0, segStart, segEnd)) continue;
          const matched = clip.matched;
          const aFirst = clip.aFirst;
          const aLast = clip.aLast;
          const bFirst = clip.bFirst;
          const bLast = clip.bLast;
          // A copy that only touches this segment at its edge (a sliver merged in) is not listed.
          if (matched < minSegment && matched * 2 < segEnd - segStart) continue;
          const O = this.tokensOf(a.other);
          const spanB = bLast - bFirst + 1;
          matches.push({
            path: a.other.path,
            start: aFirst === a.aStart ? a.bCharStart : widenStart(a.other.text, O.starts[bFirst]),
            end: aLast === a.aEnd - 1 ? a.bCharEnd : widenEnd(a.other.text, O.ends[bLast]),
            similarity: round3((2 * matched) / (aLast - aFirst + 1 + spanB)),
            self: a.other === doc,
            words: spanB,
          });
          others.push(a.other);
          sources.push(a);
          if (aFirst < first) first = aFirst;
          if (aLast > last) last = aLast;
        }
        if (last < 0 || matches.length === 0) break;
        // Where a copy's run starts or ends, only punctuation both texts carry is included; where a
        // copy runs on past the cut, the punctuation attached to the word is shared with it.
        const ownStart = widenStart(doc.text, T.starts[first]);
        const ownEnd = widenEnd(doc.text, T.ends[last]);
        let start = T.starts[first];
        let end = T.ends[last];
        for (const a of members) {
          if (a.aStart === first) start = Math.min(start, a.aCharStart);
          else if (a.aStart < first && a.aEnd > first) start = Math.min(start, ownStart);
          if (a.aEnd - 1 === last) end = Math.max(end, a.aCharEnd);
          else if (a.aEnd - 1 > last && a.aStart <= last) end = Math.max(end, ownEnd);
        }
        let overlapping = false;
        for (let i = 0; i < matches.length; i++) {
          const m = matches[i];
          if (m.self && m.start < end && m.end > start) {
            (dropped ??= new Set()).add(sources[i]);
            overlapping = true;
          }
        }
        if (overlapping) continue;
        // The same copy reached through two alignments is listed once (the closer of the two).
        const order = matches.map((_, i) => i);
        // In a whole-corpus scan, path order is known as integers (no string comparisons per match).
        if (rank) order.sort((i, j) => rank[others[i].id] - rank[others[j].id] || compareSpans(matches[i], matches[j]));
        else order.sort((i, j) => compareMatches(matches[i], matches[j]));
        const unique: SharedPassageMatch[] = [];
        const uniqueOthers: IndexedDocument[] = [];
        for (const i of order) {
          const prev = unique[unique.length - 1];
          if (prev && prev.path === matches[i].path && prev.start === matches[i].start && prev.end === matches[i].end) continue;
          unique.push(matches[i]);
          uniqueOthers.push(others[i]);
        }
        const words = last - first + 1;
        const origin = this.origin(doc, start, end, words, unique, uniqueOthers);
        out.push({ start, end, words, matches: unique, origin });
        break;
      }
    }
    return out;
  }
}

/** Matches by path, then span, the closest and longest first among copies with the same span. */
function compareMatches(x: SharedPassageMatch, y: SharedPassageMatch): number {
  if (x.path !== y.path) return x.path < y.path ? -1 : 1;
  return compareSpans(x, y);
}

/** compareMatches of two matches in the same file. */
function compareSpans(x: SharedPassageMatch, y: SharedPassageMatch): number {
  return x.start - y.start || x.end - y.end || y.similarity - x.similarity || y.words - x.words;
}

/** Packs two token positions into one sortable number; positions stay below 2^22 words. */
const POS_BITS = 4194304;

/** Marks a partner whose pair with the current document is aligned elsewhere. */
const SKIPPED: number[] = [];
/** Marks a partner aligned on the spot (no anchors collected). */
const INLINE: number[] = [];
/** Marks a partner whose alignments were handed over by it (in alignedSlots). */
const GIVEN: number[] = [];
const NONE: SideAlignment[] = [];

/** Alignments of a pair that one side of a whole-corpus scan aligned for the other. */
interface HandedOver {
  from: IndexedDocument;
  list: SideAlignment[];
  /** Whether the list is as `from` sees it (turned around on receipt). */
  turn: boolean;
}

/** flip() in place: the object becomes the other side's view, seen from `from`. */
function turnAround(a: SideAlignment, from: IndexedDocument): void {
  const { aStart, aEnd, aCharStart, aCharEnd } = a;
  a.aStart = a.bStart;
  a.aEnd = a.bEnd;
  a.bStart = aStart;
  a.bEnd = aEnd;
  a.aCharStart = a.bCharStart;
  a.aCharEnd = a.bCharEnd;
  a.bCharStart = aCharStart;
  a.bCharEnd = aCharEnd;
  a.flipped = a.flipped ? 0 : 1;
  a.other = from;
}

function flip(a: SideAlignment, from: IndexedDocument): SideAlignment {
  return {
    aStart: a.bStart,
    aEnd: a.bEnd,
    bStart: a.aStart,
    bEnd: a.aEnd,
    runs: a.runs,
    flipped: a.flipped ? 0 : 1,
    matched: a.matched,
    aCharStart: a.bCharStart,
    aCharEnd: a.bCharEnd,
    bCharStart: a.aCharStart,
    bCharEnd: a.aCharEnd,
    other: from,
  };
}

// Punctuation that belongs with the word before it (closing) or after it (opening), as a table of
// code units (looked up for every match of a whole-corpus scan).
const PUNCTUATION = new Uint8Array(0x2030);
const CLOSING = 1;
const OPENING = 2;
for (const c of '.,;:!?\u2026"\'\u201d\u2019)]') PUNCTUATION[c.charCodeAt(0)] |= CLOSING;
for (const c of '"\'\u201c\u2018([') PUNCTUATION[c.charCodeAt(0)] |= OPENING;

function isPunctuation(c: number, kind: number): boolean {
  return c < 0x2030 && (PUNCTUATION[c] & kind) !== 0;
}

/** Widens a span cut inside an alignment over the punctuation attached to its last word. */
function widenEnd(text: string, end: number): number {
  const limit = Math.min(text.length, end + 4);
  while (end < limit && isPunctuation(text.charCodeAt(end), CLOSING)) end++;
  return end;
}

/** … and over the punctuation attached to its first word. */
function widenStart(text: string, start: number): number {
  const limit = Math.max(0, start - 3);
  while (start > limit && isPunctuation(text.charCodeAt(start - 1), OPENING)) start--;
  return start;
}

function paragraphsOf(doc: IndexedDocument): readonly Paragraph[] | undefined {
  if (typeof doc.paragraphs === 'function') doc.paragraphs = doc.paragraphs();
  return doc.paragraphs;
}

/** Whether two paragraph lists exclude the same spans (analyzeDocument returns new arrays each call). */
function sameBoilerplate(a: readonly Paragraph[] | undefined, b: readonly Paragraph[] | undefined): boolean {
  if (a === b) return true;
  const spans = (list: readonly Paragraph[] | undefined) => (list ?? []).filter((p) => p.kind === 'boilerplate').map((p) => `${p.start}-${p.end}`).join(',');
  return spans(a) === spans(b);
}

/** The part of an alignment's runs inside a token range (written to `clip`, no allocation). */
const clip = { matched: 0, aFirst: -1, aLast: -1, bFirst: -1, bLast: -1 };

/** Clips an alignment's runs to tokens [start, end) of its own side; false if nothing is left. */
function clipRuns(runs: readonly number[], flipped: 0 | 1, start: number, end: number): boolean {
  // Runs list (a, b, length); a flipped alignment reads them from the b side.
  const own = flipped;
  const theirs = 1 - flipped;
  let matched = 0;
  clip.aFirst = -1;
  // Runs increase on both sides: the first one ending after `start` is found by bisection (a long
  // alignment with many edits is clipped once per passage it crosses).
  let lo = 0;
  let hi = runs.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[3 * mid + own] + runs[3 * mid + 2] <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = 3 * lo; i < runs.length; i += 3) {
    const a = runs[i + own];
    const length = runs[i + 2];
    if (a + length <= start) continue;
    if (a >= end) break;
    const from = a > start ? a : start;
    const to = a + length < end ? a + length : end;
    if (clip.aFirst < 0) {
      clip.aFirst = from;
      clip.bFirst = runs[i + theirs] + (from - a);
    }
    clip.aLast = to - 1;
    clip.bLast = runs[i + theirs] + (to - 1 - a);
    matched += to - from;
  }
  clip.matched = matched;
  return matched > 0;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
