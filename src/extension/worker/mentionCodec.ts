// What the analysis worker keeps of each document's entity mentions between two resolutions, as a few
// bytes per mention instead of objects on the JS heap.
//
// Why bytes: V8 sizes a heap's next limit as a multiple of what is live after a collection, so every
// long-lived object costs up to ~4x its size in RSS while the heap grows (a cold scan of 20,000
// articles). The per-document entity summaries the worker used to keep were its largest live part
// (~90 MB of small objects); as bytes the same information is ~6 bytes a mention, outside the heap.
// A resolution decodes them document by document (summarize() over each), and what it built is
// garbage once it has replied.
import type { EntityType } from '../../core/model';
import type { SummaryMention } from '../../core/entities/resolve';

/**
 * Encodes mentions as varints (type, key, surface, role: indices into one table of distinct strings,
 * shared by every document of the worker). A surface written as the key, and a missing role, cost
 * one byte each.
 */
export class MentionCodec {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];
  private scratch = new Uint8Array(4096);
  private at = 0;

  /** How many distinct strings the table holds (it only grows: see AnalysisService's compaction). */
  get size(): number {
    return this.strings.length;
  }

  encode(mentions: readonly SummaryMention[]): Uint8Array {
    this.at = 0;
    this.varint(mentions.length);
    for (const m of mentions) {
      this.varint(this.intern(m.type));
      const key = this.intern(m.key);
      this.varint(key);
      this.varint(m.surface === m.key ? 0 : this.intern(m.surface) + 1);
      this.varint(m.role ? this.intern(m.role) + 1 : 0);
    }
    return this.scratch.slice(0, this.at);
  }

  /** The mentions `encode` was given, as far as a summary reads them (a falsy role reads as none). */
  decode(bytes: Uint8Array): SummaryMention[] {
    let at = 0;
    const next = (): number => {
      let v = 0;
      let shift = 0;
      for (;;) {
        const b = bytes[at++];
        v += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return v;
        shift += 7;
      }
    };
    const count = next();
    const out: SummaryMention[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const type = this.strings[next()] as EntityType;
      const key = this.strings[next()];
      const surface = next();
      const role = next();
      const m: SummaryMention = { type, key, surface: surface === 0 ? key : this.strings[surface - 1] };
      if (role !== 0) m.role = this.strings[role - 1];
      out[i] = m;
    }
    return out;
  }

  private intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      // A copy, not a slice: a mention's strings are often slices of its text, which V8 would keep
      // whole for as long as the slice lives.
      const own = (' ' + s).slice(1);
      id = this.strings.push(own) - 1;
      this.ids.set(own, id);
    }
    return id;
  }

  private varint(v: number): void {
    if (this.at + 5 > this.scratch.length) {
      const grown = new Uint8Array(this.scratch.length * 2);
      grown.set(this.scratch);
      this.scratch = grown;
    }
    while (v >= 0x80) {
      this.scratch[this.at++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.scratch[this.at++] = v;
  }
}
