// The fingerprint -> postings table of the shared-passage index, in typed arrays. A 20,000-article
// workspace holds about 2.5 million postings: as a Map of arrays that was seconds of insertion and
// garbage collection on a warm start; here it is an open-addressing hash table over linked lists in
// flat Int32Arrays (12 bytes a posting and a key), and adding a document is a few array writes per
// fingerprint.
//
// Each list is kept in descending (document, position) order from its head: documents new to the
// index get the highest ids, so their postings are prepended, and a walk from the head meets the
// highest ids first and can stop once it reaches ids it does not need.

const EMPTY = -1;
const NONE = -1;

export class PostingTable {
  /** Fingerprint hash of each slot (hashes are 30-bit, never negative), or EMPTY. */
  private keys: Int32Array;
  /** First node of each slot's list, or NONE (a key whose postings all left stays until a rehash). */
  private heads: Int32Array;
  private counts: Int32Array;
  private mask: number;
  /** Slots holding a key, live or emptied. */
  private usedSlots = 0;
  private liveKeys = 0;

  /** Node fields: the posting's document id and token position, and the next node of its list. */
  docs: Int32Array;
  positions: Int32Array;
  next: Int32Array;
  private nodeTop = 0;
  private freeNode = NONE;
  private postingCount = 0;

  constructor(expectedKeys = 1024) {
    let capacity = 16;
    while (capacity < expectedKeys * 2) capacity *= 2;
    this.keys = new Int32Array(capacity).fill(EMPTY);
    this.heads = new Int32Array(capacity).fill(NONE);
    this.counts = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.docs = new Int32Array(1024);
    this.positions = new Int32Array(1024);
    this.next = new Int32Array(1024);
  }

  /** Postings held. */
  get size(): number {
    return this.postingCount;
  }

  /** Fingerprints with at least one posting. */
  get keyCount(): number {
    return this.liveKeys;
  }

  /** The slot of a hash, or -1 when it has none. */
  find(hash: number): number {
    const keys = this.keys;
    const mask = this.mask;
    for (let i = mix(hash) & mask; ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === hash) return i;
      if (k === EMPTY) return -1;
    }
  }

  /** The first (highest) node of a slot's list, or -1. */
  first(slot: number): number {
    return this.heads[slot];
  }

  /** How many postings a slot's list holds. */
  count(slot: number): number {
    return this.counts[slot];
  }

  add(hash: number, doc: number, position: number): void {
    const slot = this.slotFor(hash);
    const node = this.newNode(doc, position);
    const heads = this.heads;
    const docs = this.docs;
    const positions = this.positions;
    const next = this.next;
    let at = heads[slot];
    if (at === NONE) this.liveKeys++;
    if (at === NONE || docs[at] < doc || (docs[at] === doc && positions[at] < position)) {
      next[node] = at;
      heads[slot] = node;
    } else {
      // A document re-indexed under its old id: walk to its place among higher ids.
      for (;;) {
        const n = next[at];
        if (n === NONE || docs[n] < doc || (docs[n] === doc && positions[n] < position)) break;
        at = n;
      }
      next[node] = next[at];
      next[at] = node;
    }
    this.counts[slot]++;
    this.postingCount++;
  }

  /** Drops every posting of `doc` under `hash`. */
  removeDocument(hash: number, doc: number): void {
    const slot = this.find(hash);
    if (slot < 0) return;
    const docs = this.docs;
    const next = this.next;
    let prev = NONE;
    let at = this.heads[slot];
    const had = at !== NONE;
    while (at !== NONE) {
      const n = next[at];
      if (docs[at] === doc) {
        if (prev === NONE) this.heads[slot] = n;
        else next[prev] = n;
        this.releaseNode(at);
        this.counts[slot]--;
        this.postingCount--;
      } else if (docs[at] < doc) break;
      else prev = at;
      at = n;
    }
    if (had && this.heads[slot] === NONE) this.liveKeys--;
  }

  private slotFor(hash: number): number {
    if ((this.usedSlots + 1) * 4 > this.keys.length * 3) this.rehash();
    const keys = this.keys;
    const mask = this.mask;
    for (let i = mix(hash) & mask; ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === hash) {
        if (this.heads[i] === NONE) this.counts[i] = 0;
        return i;
      }
      if (k === EMPTY) {
        keys[i] = hash;
        this.heads[i] = NONE;
        this.counts[i] = 0;
        this.usedSlots++;
        return i;
      }
    }
  }

  /** Rebuilds the key table without the emptied keys, twice as large when the live ones need it. */
  private rehash(): void {
    const oldKeys = this.keys;
    const oldHeads = this.heads;
    const oldCounts = this.counts;
    let capacity = oldKeys.length;
    if ((this.liveKeys + 1) * 2 > capacity) capacity *= 2;
    this.keys = new Int32Array(capacity).fill(EMPTY);
    this.heads = new Int32Array(capacity).fill(NONE);
    this.counts = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.usedSlots = 0;
    const keys = this.keys;
    const mask = this.mask;
    for (let s = 0; s < oldKeys.length; s++) {
      if (oldKeys[s] === EMPTY || oldHeads[s] === NONE) continue;
      let i = mix(oldKeys[s]) & mask;
      while (keys[i] !== EMPTY) i = (i + 1) & mask;
      keys[i] = oldKeys[s];
      this.heads[i] = oldHeads[s];
      this.counts[i] = oldCounts[s];
      this.usedSlots++;
    }
  }

  private newNode(doc: number, position: number): number {
    let node = this.freeNode;
    if (node !== NONE) this.freeNode = this.next[node];
    else {
      if (this.nodeTop === this.docs.length) {
        // Half again, not double: at millions of postings the unused tail is most of the slack.
        const size = Math.ceil(this.docs.length * 1.5);
        this.docs = grow(this.docs, size);
        this.positions = grow(this.positions, size);
        this.next = grow(this.next, size);
      }
      node = this.nodeTop++;
    }
    this.docs[node] = doc;
    this.positions[node] = position;
    return node;
  }

  private releaseNode(node: number): void {
    this.docs[node] = -1;
    this.next[node] = this.freeNode;
    this.freeNode = node;
  }
}

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Spreads the low bits (the hashes are good, but consecutive probing wants them well mixed). */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}
