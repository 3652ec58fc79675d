// The fingerprint -> postings table of the shared-passage index, in typed arrays. A 20,000-article
// workspace holds about 2.5 million postings: as a Map of arrays that was seconds of insertion and
// garbage collection on a warm start; here it is an open-addressing hash table over linked lists in
// flat Int32Arrays (12 bytes a posting and a key), and adding a document is a few array writes per
// fingerprint.
//
// Each list is kept in descending (document, position) order from its head: documents new to the
// index get the highest ids, so their postings are prepended, and a walk from the head meets the
// highest ids first and can stop once it reaches ids it does not need.
//
// A whole-corpus scan looks up every fingerprint of every document, and at millions of keys each
// lookup is a cache miss: a slot's key, list head and count sit side by side (one miss, not three).
// (Laying each list's nodes out contiguously after a bulk load was tried: the relayout cost as much
// as the walks saved.)

const EMPTY = -1;
const NONE = -1;
/** Int32s per slot: key, head, count, (unused: keeps a slot inside one cache line). */
const SLOT = 4;

export class PostingTable {
  /**
   * Slots of SLOT int32s: the fingerprint hash (30-bit, never negative) or EMPTY; the first node of
   * the slot's list, or NONE (a key whose postings all left stays until a rehash); the list's length.
   * A slot number is its offset in this array.
   */
  private table: Int32Array;
  /** Slots in the table (a power of two). */
  private capacity: number;
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
    this.capacity = capacity;
    this.table = emptySlots(capacity);
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
    const table = this.table;
    const mask = this.mask;
    for (let i = mix(hash) & mask; ; i = (i + 1) & mask) {
      const k = table[i * SLOT];
      if (k === hash) return i * SLOT;
      if (k === EMPTY) return -1;
    }
  }

  /** The first (highest) node of a slot's list, or -1. */
  first(slot: number): number {
    return this.table[slot + 1];
  }

  /** How many postings a slot's list holds. */
  count(slot: number): number {
    return this.table[slot + 2];
  }

  add(hash: number, doc: number, position: number): void {
    const slot = this.slotFor(hash);
    const node = this.newNode(doc, position);
    const table = this.table;
    const docs = this.docs;
    const positions = this.positions;
    const next = this.next;
    let at = table[slot + 1];
    if (at === NONE) this.liveKeys++;
    if (at === NONE || docs[at] < doc || (docs[at] === doc && positions[at] < position)) {
      next[node] = at;
      table[slot + 1] = node;
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
    table[slot + 2]++;
    this.postingCount++;
  }

  /** Drops every posting of `doc` under `hash`. */
  removeDocument(hash: number, doc: number): void {
    const slot = this.find(hash);
    if (slot < 0) return;
    const docs = this.docs;
    const next = this.next;
    const table = this.table;
    let prev = NONE;
    let at = table[slot + 1];
    const had = at !== NONE;
    while (at !== NONE) {
      const n = next[at];
      if (docs[at] === doc) {
        if (prev === NONE) table[slot + 1] = n;
        else next[prev] = n;
        this.releaseNode(at);
        table[slot + 2]--;
        this.postingCount--;
      } else if (docs[at] < doc) break;
      else prev = at;
      at = n;
    }
    if (had && table[slot + 1] === NONE) this.liveKeys--;
  }

  private slotFor(hash: number): number {
    if ((this.usedSlots + 1) * 4 > this.capacity * 3) this.rehash();
    const table = this.table;
    const mask = this.mask;
    for (let i = mix(hash) & mask; ; i = (i + 1) & mask) {
      const s = i * SLOT;
      const k = table[s];
      if (k === hash) {
        if (table[s + 1] === NONE) table[s + 2] = 0;
        return s;
      }
      if (k === EMPTY) {
        table[s] = hash;
        table[s + 1] = NONE;
        table[s + 2] = 0;
        this.usedSlots++;
        return s;
      }
    }
  }

  /** Rebuilds the key table without the emptied keys, twice as large when the live ones need it. */
  private rehash(): void {
    const old = this.table;
    let capacity = this.capacity;
    if ((this.liveKeys + 1) * 2 > capacity) capacity *= 2;
    this.capacity = capacity;
    this.table = emptySlots(capacity);
    this.mask = capacity - 1;
    this.usedSlots = 0;
    const table = this.table;
    const mask = this.mask;
    for (let o = 0; o < old.length; o += SLOT) {
      if (old[o] === EMPTY || old[o + 1] === NONE) continue;
      let i = mix(old[o]) & mask;
      while (table[i * SLOT] !== EMPTY) i = (i + 1) & mask;
      const s = i * SLOT;
      table[s] = old[o];
      table[s + 1] = old[o + 1];
      table[s + 2] = old[o + 2];
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

/** A slot table with every key EMPTY. */
function emptySlots(capacity: number): Int32Array {
  const table = new Int32Array(capacity * SLOT);
  for (let s = 0; s < table.length; s += SLOT) {
    table[s] = EMPTY;
    table[s + 1] = NONE;
  }
  return table;
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
