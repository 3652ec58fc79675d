// What the analysis worker keeps of each document's entity summary between two resolutions, as a few
// bytes per cluster instead of objects on the JS heap.
//
// Why bytes: V8 sizes a heap's next limit as a multiple of what is live after a collection, so every
// long-lived object costs up to ~4x its size in RSS while the heap grows (a cold scan of 20,000
// articles). The per-document entity summaries the worker used to keep were its largest live part
// (~90 MB of small objects); as bytes the same information is ~2.5 MB, outside the heap. A
// resolution decodes them document by document (summaryFromCounts), and what it built is garbage
// once it has replied. Clusters, not mentions, are encoded: the counting summarize() does per mention
// is done once, when the document is analysed, not again at every resolution.
import type { EntityType } from '../../core/model';
import type { ClusterCounts } from '../../core/entities/resolve';

/** A summary's clusters and each mention's cluster: what a summary is made from (summaryFromCounts). */
export interface EncodedSummary {
  clusters: readonly ClusterCounts[];
  clusterOf: readonly number[];
}

/**
 * Encodes summaries as varints: strings (types, keys, surfaces, roles) as indices into one table of
 * distinct strings shared by every document of the worker. A cluster always written one way costs
 * a byte for its surface, one without roles a byte for them.
 */
export class SummaryCodec {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];
  private scratch = new Uint8Array(4096);
  private at = 0;

  /** How many distinct strings the table holds (it only grows: see AnalysisService's compaction). */
  get size(): number {
    return this.strings.length;
  }

  encode(summary: EncodedSummary): Uint8Array {
    this.at = 0;
    this.varint(summary.clusters.length);
    for (const c of summary.clusters) {
      this.varint(this.intern(c.type));
      this.varint(this.intern(c.key));
      this.varint(c.count);
      if (typeof c.surfaces === 'string') {
        this.varint(0);
        this.varint(this.intern(c.surfaces));
      } else this.counts(c.surfaces);
      if (c.roles === undefined || c.roles.size === 0) this.varint(0);
      else this.counts(c.roles);
    }
    this.varint(summary.clusterOf.length);
    for (const ci of summary.clusterOf) this.varint(ci);
    return this.scratch.slice(0, this.at);
  }

  /** What `encode` was given (maps in the same order; a cluster without roles has them undefined). */
  decode(bytes: Uint8Array): { clusters: ClusterCounts[]; clusterOf: number[] } {
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
    const counts = (n: number): Map<string, number> => {
      const m = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const s = this.strings[next()];
        m.set(s, next());
      }
      return m;
    };
    const clusters: ClusterCounts[] = new Array(next());
    for (let i = 0; i < clusters.length; i++) {
      const type = this.strings[next()] as EntityType;
      const key = this.strings[next()];
      const count = next();
      const n = next();
      const surfaces = n === 0 ? this.strings[next()] : counts(n);
      const r = next();
      clusters[i] = { type, key, surfaces, roles: r === 0 ? undefined : counts(r), count };
    }
    const clusterOf: number[] = new Array(next());
    for (let i = 0; i < clusterOf.length; i++) clusterOf[i] = next();
    return { clusters, clusterOf };
  }

  private counts(m: ReadonlyMap<string, number>): void {
    this.varint(m.size);
    for (const [s, n] of m) {
      this.varint(this.intern(s));
      this.varint(n);
    }
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
    if (this.at + 8 > this.scratch.length) {
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
