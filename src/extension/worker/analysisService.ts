// The analysis worker's side: per-document analysis (structure, entities, quotes) for batches of
// texts, a content-addressed cache of those analyses, and corpus-wide entity resolution. Pure: no
// vscode, no Node built-ins, no I/O, so the same code runs in a Node worker_threads Worker, a browser
// Web Worker, or (as a fallback and in unit tests) on the caller's own thread. Callers read and write
// the bytes of the cache file themselves (vscode.workspace.fs works on every platform).
//
// Where things live (measured on the generated 20,000-article workspace, bench/scale.ts):
//  - per-document analysis: here (the heaviest part of a scan, ~8 s of CPU for 20k articles);
//  - entity resolution over all documents: here too (EntityResolver.resolve takes ~15 s for 20k
//    articles and re-runs after any change, which would freeze the extension host), the host showing
//    the last snapshot plus provisional ids for edited documents (Corpus.resolveIdentitiesElsewhere);
//  - the shared-passage index: in the extension host, with the documents. Views ask it synchronously
//    for one document at a time (a few ms each), an edit re-indexes one document there without a
//    round trip, and keeping a second copy here would double one of the largest structures in memory.
//    Its expensive half is done here, though: each analysis carries its fingerprints (typed arrays,
//    moved to the host without a copy) and what its text says of its outlet; the host only inserts
//    postings, and tokenises a text only when it aligns it.
//  - the cache: each entry keeps the analysis as JSON and the fingerprints beside it, so a warm start
//    neither analyses, tokenises nor parses: a cached analysis crosses to the host as its JSON bytes
//    and is parsed there when first read (most never are in a session). The entries a Node worker
//    makes wait in a spill file until saved (SpillFile).
import { analyzeText, type DocumentParts, type IdentitySnapshot } from '../../core/corpus';
import { DEFAULT_PASSAGE_OPTIONS, preparePassages, type PreparedPassages } from '../../core/passages/passageIndex';
import { decodeFingerprints, encodeFingerprints } from '../../core/passages/fingerprints';
import type { OutletInfo } from '../../core/outlets';
import { decodeArticleBytes } from '../../core/textDecoding';
import { parseKnowledgeFile, type CorpusEntity, type EntityMention } from '../../core/entities';
import { resolveSummaries, summarize, summaryFromCounts } from '../../core/entities/resolve';
import { SummaryCodec } from './summaryCodec';

declare const NEWS_ANALYZER_VERSION: string | undefined;

/** Changes whenever the analysers' code changes (esbuild defines it from a hash of src/core). */
export const ANALYZER_VERSION: string = typeof NEWS_ANALYZER_VERSION === 'string' ? NEWS_ANALYZER_VERSION : 'dev';

export const CACHE_FORMAT = 'news-annotator-analysis-cache/3';
/** The cache line holding the last identity resolution (not a content hash). */
const IDENTITIES = '#identities';

type DocSummary = ReturnType<typeof summarize>;

export interface AnalyzedDocument {
  path: string;
  /** The text, when the worker read the file itself. */
  text?: string;
  hash: string;
  parts: DocumentParts;
  /** Whether the analysis came from the cache. */
  cached: boolean;
}

/**
 * An analysis as it crosses threads for a `lazy` request: it travels as the JSON the cache holds, as
 * ASCII bytes in a buffer of its own (moved to the other thread, not copied; thousands of small
 * objects would be), with its passage fingerprints beside it. AnalysisClient turns it back into
 * parts that parse on first use.
 */
export interface WireAnalyzedDocument extends Omit<AnalyzedDocument, 'parts'> {
  parts?: DocumentParts;
  partsJson?: Uint8Array;
  passages?: PreparedPassages;
}

/**
 * Parts that parse their JSON (as text, or as the UTF-8 bytes of the cache) when first read. A warm
 * start of a large workspace restores every analysis, but a session looks at few of them: the rest
 * stay compact, never parsed. Bytes rather than a string: they stay outside the JS heap, whose limit
 * V8 sets as a multiple of what is live on it (~70 MB of JSON at 20,000 articles). JSON that turns
 * out damaged (or bytes that are not UTF-8) is analysed again from the text (`reanalyse`).
 */
export function lazyParts(json: string | Uint8Array, passages: PreparedPassages | undefined, reanalyse: () => DocumentParts): DocumentParts {
  let parsed: DocumentParts | undefined;
  let source: string | Uint8Array | undefined = json;
  const get = (): DocumentParts => {
    if (!parsed) {
      parsed = parseParts(source!) ?? reanalyse();
      source = undefined; // the JSON is not kept beside its objects
    }
    return parsed;
  };
  return Object.defineProperties({ passages } as DocumentParts, {
    structure: { get: () => get().structure, enumerable: true },
    mentions: { get: () => get().mentions, enumerable: true },
    quotes: { get: () => get().quotes, enumerable: true },
  });
}

export type AnalysisRequest =
  | {
      kind: 'analyze';
      /** `file`: the worker reads it (only where it can read files: AnalysisService's `files` option). */
      docs: ({ path: string; text: string } | { path: string; file: string })[];
      maxBytes?: number;
      /** Cached analyses may come back as JSON (WireAnalyzedDocument; AnalysisClient asks for this). */
      lazy?: boolean;
    }
  | {
      kind: 'loadCache';
      bytes: Uint8Array | undefined;
      /**
       * A file (beside the cache, in the extension's storage) where a worker that can write files
       * keeps the entries it makes until they are saved, instead of in memory (see SpillFile).
       */
      spill?: string;
    }
  | {
      kind: 'saveCache';
      /** Where the worker writes the file itself, when it can (a Node worker): the bytes never cross to the host. */
      file?: string;
    }
  | {
      /**
       * The analysis of an edited document's live text, for the live analysis worker (a second worker
       * of its own, so that it never waits behind a scan): `analyzeText` plus the passage index's
       * tokens and fingerprints, nothing kept, no cache. The reply is LiveReply.
       */
      kind: 'live';
      text: string;
    }
  | { kind: 'forget'; paths: string[] }
  | { kind: 'rename'; from: string; to: string }
  | {
      kind: 'resolve';
      /** `mentions` only for documents the worker did not analyse in their current version. */
      docs: { path: string; outlet: string | null; mentions?: EntityMention[] }[];
      knowledge?: string;
    };

export interface AnalyzeReply {
  /** WireAnalyzedDocument for a `lazy` request (AnalysisClient hands AnalyzedDocument on). */
  results: AnalyzedDocument[];
  /** Files the worker read and refused (too big, binary, unreadable), with the reason. */
  skipped?: { path: string; message: string }[];
}

/**
 * A live analysis: plain objects (structured-cloned: ~0.3 ms to read back for a 50 KB article, no
 * parsing left for later), the passages' typed arrays moved, not copied.
 */
export interface LiveReply {
  parts: DocumentParts;
}

/** What a `live` request answers: `analyzeText(text)` with the passages the host's index would make. */
export function liveAnalysis(text: string): LiveReply {
  const parts = analyzeText(text);
  parts.passages = preparePassages(text, parts.structure.paragraphs, DEFAULT_PASSAGE_OPTIONS, { tokens: true, outlet: true });
  return { parts };
}

/** Reads a file's bytes (a Node worker has fs; a browser worker has none). Throws when it cannot. */
export type FileReader = (file: string, maxBytes: number) => Uint8Array | { message: string };
export interface LoadCacheReply {
  entries: number;
  /** Why the cache file was thrown away (corrupt, another analyser version), if it was. */
  discarded?: string;
}
export interface SaveCacheReply {
  /** The file's bytes, for the host to write; empty when the worker wrote `file` itself. */
  bytes: Uint8Array;
  entries: number;
  /** Whether the worker wrote the requested file itself. */
  written?: boolean;
}

/**
 * Writes a file from its chunks, one after the other, and replaces `file` only once all are written (a
 * Node worker has fs; a browser worker has none). Writing the cache chunk by chunk spares a second copy
 * of it (100 MB at 20,000 articles) at the moment of a cold scan's highest memory. A chunk is valid only
 * until the next is asked for (entries read back from the spill file share one buffer).
 */
export type ChunkWriter = (file: string, chunks: Iterable<Uint8Array>) => void;

/**
 * Bytes appended to a file and read back by position (a Node worker has fs; a browser worker has
 * none). The cache entries a cold scan makes (100 MB at 20,000 articles, with fingerprints) are only
 * read again when saved, or when a text's content comes back: on disk they cost no memory at the
 * scan's largest moment. The file is the worker's alone (removed as soon as it is open, where the
 * platform allows; gone when the process ends).
 */
export interface SpillFile {
  /** Appends `bytes`; returns where they start. Throws when it cannot (the entry stays in memory). */
  append(bytes: Uint8Array): number;
  /** The bytes at `at`: in `into` (a view of it) when it is long enough, else in a new array. */
  read(at: number, length: number, into?: Uint8Array): Uint8Array;
}
export type SpillOpener = (file: string) => SpillFile;
/**
 * Identities in a form that crosses threads cheaply (a few typed arrays and short string tables, not
 * a million small strings): `mentionIds[offsets[i] + m]` indexes `idTable` for mention m of paths[i].
 */
export interface ResolveReply {
  entities: CorpusEntity[];
  idTable: string[];
  paths: string[];
  offsets: Int32Array;
  mentionIds: Int32Array;
  /** `type + '\u0000' + key` of every document cluster, and the idTable index each got. */
  keys: string[];
  keyIds: Int32Array;
}

/** The corpus's view of a reply (Corpus.setIdentitySnapshot), expanding one document's ids on demand. */
export function identitySnapshot(reply: ResolveReply): IdentitySnapshot {
  const row = new Map<string, number>();
  reply.paths.forEach((p, i) => row.set(p, i));
  let byKey: Map<string, string> | undefined;
  return {
    entities: reply.entities,
    idsFor(path) {
      const i = row.get(path);
      if (i === undefined) return undefined;
      const out: string[] = [];
      for (let k = reply.offsets[i]; k < reply.offsets[i + 1]; k++) out.push(reply.idTable[reply.mentionIds[k]]);
      return out;
    },
    idOfKey(typeKey) {
      if (!byKey) {
        byKey = new Map();
        reply.keys.forEach((k, i) => byKey!.set(k, reply.idTable[reply.keyIds[i]]));
      }
      return byKey.get(typeKey);
    },
  };
}

/** A content hash: length plus two independent 32-bit hashes of the UTF-16 code units (~2^-64 collisions). */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  b = Math.imul(b ^ (b >>> 15), 0xc2b2ae35);
  return `${text.length.toString(36)}-${(a >>> 0).toString(16).padStart(8, '0')}${((b ^ (b >>> 16)) >>> 0).toString(16).padStart(8, '0')}`;
}

function looksLikeParts(value: unknown): value is DocumentParts {
  const v = value as DocumentParts | null;
  return !!v && typeof v === 'object' && !!v.structure && Array.isArray(v.structure.paragraphs) && Array.isArray(v.mentions) && Array.isArray(v.quotes);
}

function parseParts(json: string | Uint8Array): DocumentParts | undefined {
  try {
    const parsed: unknown = JSON.parse(typeof json === 'string' ? json : strictDecoder.decode(json));
    return looksLikeParts(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One cache entry is `meta<TAB>parts`: the per-document analysis as JSON, kept unparsed until used,
 * and before it what the passage index needs of the text (its fingerprints, encoded, and what the
 * text says of its outlet), so a warm start neither tokenises nor parses.
 */
interface EntryMeta {
  fingerprints?: string;
  outlet?: OutletInfo;
}

/**
 * An entry's meta and parts JSON (a view of the entry's bytes, decoded only when parsed); undefined
 * when the entry is damaged where it can be seen without parsing the parts.
 */
function splitEntry(stored: Uint8Array): { meta: EntryMeta; partsJson: Uint8Array } | undefined {
  const tab = stored.indexOf(9 /* \t */); // JSON escapes tabs inside strings: the first is the separator
  if (tab < 0 || stored[tab + 1] !== 123 /* { */ || stored[stored.length - 1] !== 125 /* } */) return undefined;
  try {
    const meta = JSON.parse(strictDecoder.decode(stored.subarray(0, tab))) as EntryMeta | null;
    return meta && typeof meta === 'object' ? { meta, partsJson: stored.subarray(tab + 1) } : undefined;
  } catch {
    return undefined;
  }
}

function passagesFromMeta(meta: EntryMeta, textLength: number): PreparedPassages | undefined {
  const fingerprints = typeof meta.fingerprints === 'string' ? decodeFingerprints(meta.fingerprints) : null;
  if (!fingerprints || !meta.outlet || typeof meta.outlet !== 'object') return undefined;
  const { shingle, window } = DEFAULT_PASSAGE_OPTIONS;
  return { shingle, window, textLength, fingerprints, outlet: meta.outlet };
}

/**
 * JSON with every non-ASCII character escaped. The next session decodes the cache file into one
 * string whose slices are its entries: a single curly quote anywhere would make that string two
 * bytes a character, doubling the largest thing the worker keeps.
 */
const NEWLINE = new Uint8Array([10]);
const entryEncoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** Bytes of the cache file as text, or undefined when they are not UTF-8 (a damaged entry). */
function decodeEntry(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * `JSON.stringify(reply)` with each Int32Array as `{"i32":[...]}`, in pieces of ~64 KB: the JSON of
 * 20,000 articles' identities (~10 MB, and as many again as an array of numbers, then as ASCII, then
 * as bytes) is never made whole at the end of a cold scan, the moment of its highest memory.
 */
export function* replyJson(reply: ResolveReply): Generator<string> {
  const asJson = (v: unknown) => JSON.stringify(v, (_, x) => (x instanceof Int32Array ? { i32: Array.from(x) } : x)) ?? 'null';
  let out = '{';
  let first = true;
  for (const [key, value] of Object.entries(reply)) {
    if (value === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':';
    first = false;
    const items: ArrayLike<unknown> | undefined = value instanceof Int32Array || Array.isArray(value) ? value : undefined;
    if (!items) {
      out += asJson(value);
      continue;
    }
    out += value instanceof Int32Array ? '{"i32":[' : '[';
    for (let i = 0; i < items.length; i++) {
      out += (i ? ',' : '') + (value instanceof Int32Array ? String(items[i]) : asJson(items[i]));
      if (out.length > 65536) {
        yield out;
        out = '';
      }
    }
    out += value instanceof Int32Array ? ']}' : ']';
  }
  yield out + '}';
}

function asciiJson(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

export class AnalysisService {
  /**
   * hash -> its entry (`meta<TAB>parts` JSON) as ASCII bytes (made this session or from the loaded
   * file), or where the spill file holds it.
   */
  private cache = new Map<string, Uint8Array | { at: number; length: number }>();
  private spill: SpillFile | undefined;
  /** Whether the cache changed since it was loaded or saved. */
  private dirty = false;
  /** Mentions of documents analysed elsewhere (the host's live edits); others are read from the cache. */
  private readonly mentionsByPath = new Map<string, EntityMention[]>();
  /** Whether analyses carry the passage index's tokens (off in tests comparing with analyzeText). */
  preparePassages = true;
  private readonly hashByPath = new Map<string, string>();
  /**
   * Each document's entity summary (what the resolver keeps of its mentions: its clusters' counts),
   * made when the document is analysed here, while its mentions are in hand, and kept encoded as
   * bytes (SummaryCodec): a resolution then neither parses every analysis again nor holds them all at
   * once (the largest moment of a cold scan of 20,000 articles was that re-reading). Bytes, not the
   * summaries themselves: those were the worker's largest live part of the JS heap (~90 MB at 20,000
   * articles), which V8 lets grow to several times what is live. A resolution decodes them document
   * by document (summaryFromCounts), dropped once it has replied. Outlet- and path-free: the
   * resolve request's outlet is given when decoded. `source` is the content hash they were made from
   * (or the host's mentions array).
   */
  private readonly summaries = new Map<string, { source: string | EntityMention[]; summary: Uint8Array }>();
  private codec = new SummaryCodec();
  /** The codec's table size after its last compaction (it grows with every new string seen). */
  private codecCompacted = 0;
  /** How many strings past twice that size the table may grow before it is compacted (tests lower it). */
  codecSlack = 50_000;
  /** Outlet names as one string each (every cluster of a summary points to its document's outlet). */
  private readonly outletNames = new Map<string, string>();
  /**
   * The last resolution and what it was made from (every path, content hash and outlet, and the
   * knowledge file): a warm start whose workspace did not change gets its identities without resolving.
   */
  private identities: { key: string; json?: string; reply?: ResolveReply } | undefined;

  handle(request: AnalysisRequest): AnalyzeReply | LoadCacheReply | SaveCacheReply | ResolveReply | LiveReply | Record<string, never> {
    switch (request.kind) {
      case 'live':
        return liveAnalysis(request.text);
      case 'analyze':
        return this.analyzeBatch(request.docs, request.maxBytes, request.lazy);
      case 'loadCache':
        return this.loadCache(request.bytes, request.spill);
      case 'saveCache':
        return this.saveCache(request.file);
      case 'forget':
        for (const path of request.paths) {
          this.mentionsByPath.delete(path);
          this.hashByPath.delete(path);
          this.summaries.delete(path);
        }
        return {};
      case 'rename': {
        const mentions = this.mentionsByPath.get(request.from);
        const hash = this.hashByPath.get(request.from);
        const kept = this.summaries.get(request.from); // path-free: a summary is made from it under the new path
        this.mentionsByPath.delete(request.from);
        this.hashByPath.delete(request.from);
        this.summaries.delete(request.from);
        if (mentions) this.mentionsByPath.set(request.to, mentions);
        if (hash) this.hashByPath.set(request.to, hash);
        if (kept) this.summaries.set(request.to, kept);
        return {};
      }
      case 'resolve':
        return this.resolve(request.docs, request.knowledge);
      default:
        throw new Error(`unknown request ${JSON.stringify((request as { kind?: unknown }).kind)}`);
    }
  }

  constructor(
    private readonly files?: FileReader,
    private readonly writeChunks?: ChunkWriter,
    private readonly openSpill?: SpillOpener,
  ) {}

  /** An entry's bytes (read back from the spill file if it is there, into `scratch` if given). */
  private stored(hash: string, scratch?: Uint8Array): Uint8Array | undefined {
    const stored = this.cache.get(hash);
    if (stored === undefined || stored instanceof Uint8Array) return stored;
    try {
      return this.spill!.read(stored.at, stored.length, scratch);
    } catch {
      return undefined; // unreadable: analysed again
    }
  }

  /** Keeps a new entry: in the spill file when there is one (and it can be written), else in memory. */
  private keep(hash: string, bytes: Uint8Array): void {
    if (this.spill) {
      try {
        this.cache.set(hash, { at: this.spill.append(bytes), length: bytes.length });
        return;
      } catch {
        // a full disk: in memory
      }
    }
    this.cache.set(hash, bytes);
  }

  private analyzeBatch(docs: ({ path: string; text: string } | { path: string; file: string })[], maxBytes = 5 * 1024 * 1024, lazy = false): AnalyzeReply {
    const results: WireAnalyzedDocument[] = [];
    const skipped: { path: string; message: string }[] = [];
    for (const d of docs) {
      if ('text' in d) {
        results.push(this.analyze(d.path, d.text, lazy));
        continue;
      }
      if (!this.files) throw new Error('this worker cannot read files');
      let message: string;
      try {
        const bytes = this.files(d.file, maxBytes);
        if (bytes instanceof Uint8Array) {
          const decoded = decodeArticleBytes(bytes, { maxBytes });
          if (decoded.ok) {
            results.push({ ...this.analyze(d.path, decoded.text, lazy), text: decoded.text });
            continue;
          }
          message = decoded.message;
        } else message = bytes.message;
      } catch (error) {
        message = error instanceof Error ? error.message : String(error);
      }
      skipped.push({ path: d.path, message });
    }
    // WireAnalyzedDocument only when lazy (the caller's AnalysisClient turns them into AnalyzedDocument).
    const reply = { results: results as AnalyzedDocument[] };
    return skipped.length ? { ...reply, skipped } : reply;
  }

  /**
   * One text's analysis, from the cache when its content was seen before. `lazy`: it comes back as its
   * cache JSON (WireAnalyzedDocument) instead of parsed objects.
   */
  analyze(path: string, text: string): AnalyzedDocument;
  analyze(path: string, text: string, lazy: boolean): WireAnalyzedDocument;
  analyze(path: string, text: string, lazy = false): WireAnalyzedDocument {
    const hash = contentHash(text);
    // Not kept as objects: resolve() parses the mentions again from the cache's string (memory over time).
    this.mentionsByPath.delete(path);
    this.hashByPath.set(path, hash);
    const stored = this.stored(hash);
    // A damaged entry is analysed again and replaced.
    const entry = stored === undefined ? undefined : splitEntry(stored);
    // Fingerprints (typed arrays, moved to the host without a copy) and the text's outlet: the host's
    // passage index then only inserts postings; it tokenises a text when it aligns it.
    let passages = entry && this.preparePassages ? passagesFromMeta(entry.meta, text.length) : undefined;
    // A copy of the entry's bytes in a buffer of its own: it moves to the host, the cache keeps its entry.
    if (entry && lazy && (passages || !this.preparePassages)) return { path, hash, partsJson: entry.partsJson.slice(), passages, cached: true };
    let parts = entry ? parseParts(entry.partsJson) : undefined;
    const cached = parts !== undefined;
    let changed = false;
    if (!parts) {
      parts = analyzeText(text);
      changed = true;
    }
    if (this.preparePassages && !passages) {
      passages = preparePassages(text, parts.structure.paragraphs, DEFAULT_PASSAGE_OPTIONS, { outlet: true });
      changed = true;
    }
    this.summaries.set(path, { source: hash, summary: this.codec.encode(summarize(path, null, parts.mentions)) });
    let partsJson: Uint8Array | undefined;
    if (changed) {
      const meta: EntryMeta = passages ? { fingerprints: encodeFingerprints(passages.fingerprints), outlet: passages.outlet } : {};
      // Kept as ASCII bytes, as a loaded cache file's entries are: outside the JS heap, whose
      // collector lets garbage grow with what the heap holds (a cold scan's largest live part).
      const bytes = entryEncoder.encode(asciiJson(`${JSON.stringify(meta)}\t${JSON.stringify(parts)}`));
      this.keep(hash, bytes);
      this.dirty = true;
      if (lazy) partsJson = bytes.slice(bytes.indexOf(9 /* \t */) + 1);
    }
    // A new analysis travels as the JSON just made for the cache too: a cold scan then holds on the
    // host what a warm start holds, compact bytes parsed when read.
    if (lazy && partsJson !== undefined && (passages || !this.preparePassages)) return { path, hash, partsJson, passages, cached };
    if (passages) parts.passages = passages;
    return { path, hash, parts, cached };
  }

  /** Reads a cache file; one from another analyser version or in another format is discarded whole. */
  loadCache(bytes: Uint8Array | undefined, spill?: string): LoadCacheReply {
    if (spill !== undefined && this.openSpill && !this.spill) {
      try {
        this.spill = this.openSpill(spill);
      } catch {
        this.spill = undefined; // entries stay in memory
      }
    }
    this.cache = new Map();
    this.identities = undefined;
    this.dirty = false;
    if (!bytes || bytes.length === 0) return { entries: 0 };
    // The file is ASCII (saveCache escapes the rest): entries stay byte ranges of it, decoded one at a
    // time when asked, instead of one 100 MB string beside the bytes at the largest moment of a warm start.
    let firstBreak = bytes.indexOf(10);
    if (firstBreak < 0) firstBreak = bytes.length;
    let header: { format?: unknown; analyzer?: unknown } | undefined;
    try {
      header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, firstBreak)));
    } catch {
      header = undefined;
    }
    if (!header || typeof header !== 'object' || header.format !== CACHE_FORMAT) {
      this.dirty = true;
      return { entries: 0, discarded: 'unknown format' };
    }
    if (header.analyzer !== ANALYZER_VERSION) {
      this.dirty = true;
      return { entries: 0, discarded: `analyser version ${String(header.analyzer)}, not ${ANALYZER_VERSION}` };
    }
    let at = firstBreak + 1;
    while (at < bytes.length) {
      let end = bytes.indexOf(10, at);
      if (end < 0) end = bytes.length;
      const tab = bytes.indexOf(9, at);
      // Lines are `hash<TAB>entry`; a damaged line is skipped (its entry will be analysed again).
      if (tab > at && tab < end && bytes[end - 1] === 125 /* } */) {
        const hash = decodeEntry(bytes.subarray(at, tab));
        if (hash === IDENTITIES) {
          const json = decodeEntry(bytes.subarray(tab + 1, end));
          const keyEnd = json === undefined ? -1 : json.indexOf('\t');
          if (json !== undefined && keyEnd > 0) this.identities = { key: json.slice(0, keyEnd), json: json.slice(keyEnd + 1) };
        } else if (hash !== undefined) this.cache.set(hash, bytes.subarray(tab + 1, end));
      } else this.dirty = true;
      at = end + 1;
    }
    return { entries: this.cache.size };
  }

  /**
   * The cache file: the entries of the documents currently known (older ones are dropped). With `file`
   * and a writer, written there chunk by chunk (the reply's bytes are then empty); else returned whole.
   */
  saveCache(file?: string): SaveCacheReply {
    const live = new Set(this.hashByPath.values());
    for (const hash of [...this.cache.keys()]) if (!live.has(hash)) this.cache.delete(hash);
    const encoder = new TextEncoder();
    let entries = 0;
    // Made as they are written: a spilled entry is read back from its file only for its turn, into
    // one reused buffer when the chunks are written one by one (else 100 MB of short-lived buffers,
    // which V8 frees only when their total grows large, would raise the peak).
    const self = this;
    function* made(reuse: boolean): Generator<Uint8Array> {
      yield encoder.encode(JSON.stringify({ format: CACHE_FORMAT, analyzer: ANALYZER_VERSION }) + '\n');
      let scratch = reuse ? new Uint8Array(1 << 16) : undefined;
      for (const hash of live) {
        const spilled = scratch && self.cache.get(hash);
        if (scratch && spilled && !(spilled instanceof Uint8Array) && spilled.length > scratch.length) scratch = new Uint8Array(spilled.length * 2);
        const stored = self.stored(hash, scratch);
        if (stored === undefined) continue;
        yield encoder.encode(hash + '\t');
        yield stored;
        yield NEWLINE;
        entries++;
      }
      const identities = self.identities;
      if (identities && (identities.json || identities.reply)) {
        yield encoder.encode(`${IDENTITIES}\t${identities.key}\t`);
        if (identities.json !== undefined) yield encoder.encode(asciiJson(identities.json));
        else for (const piece of replyJson(identities.reply!)) yield encoder.encode(asciiJson(piece));
        yield NEWLINE;
      }
    }
    if (file !== undefined && this.writeChunks) {
      this.writeChunks(file, made(true)); // throws when it cannot: the cache stays dirty, saved next time
      this.dirty = false;
      return { bytes: new Uint8Array(0), entries, written: true };
    }
    const chunks = [...made(false)];
    this.dirty = false;
    let size = 0;
    for (const c of chunks) size += c.length;
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    return { bytes, entries };
  }

  get needsSaving(): boolean {
    return this.dirty;
  }

  resolve(docs: { path: string; outlet: string | null; mentions?: EntityMention[] }[], knowledge?: string): ResolveReply {
    for (const d of docs) {
      if (!d.mentions) continue;
      this.mentionsByPath.set(d.path, d.mentions);
      this.hashByPath.delete(d.path); // analysed elsewhere: its text's hash is not known here
    }
    const parts: string[] = [ANALYZER_VERSION, knowledge ?? ''];
    for (const d of docs) parts.push(d.path, d.outlet ?? '', this.hashByPath.get(d.path) ?? contentHash(JSON.stringify(this.mentionsByPath.get(d.path) ?? [])));
    const key = contentHash(parts.join('\u0000'));
    const known = this.identities;
    if (known && known.key === key) {
      if (!known.reply && known.json) {
        try {
          known.reply = JSON.parse(known.json, (_, v) => (v && typeof v === 'object' && Array.isArray(v.i32) ? Int32Array.from(v.i32) : v));
        } catch {
          known.reply = undefined;
        }
      }
      if (known.reply && Array.isArray(known.reply.paths) && known.reply.paths.length === docs.length) return known.reply;
    }
    const reply = this.resolveNow(docs, knowledge);
    this.compactCodec();
    this.identities = { key, reply };
    this.dirty = true;
    return reply;
  }

  /**
   * `path`'s summary under `outlet`, decoded from its kept form (made again from its mentions when
   * missing or stale).
   */
  private summaryOf(path: string, outlet: string | null): DocSummary {
    const source = this.mentionsByPath.get(path) ?? this.hashByPath.get(path) ?? '';
    let known = this.summaries.get(path);
    if (!known || known.source !== source) {
      known = { source, summary: this.codec.encode(summarize(path, null, this.mentionsOf(path))) };
      this.summaries.set(path, known);
    }
    let name = outlet;
    if (outlet !== null) {
      name = this.outletNames.get(outlet) ?? outlet;
      if (name === outlet) this.outletNames.set(outlet, outlet);
    }
    const { clusters, clusterOf } = this.codec.decode(known.summary);
    return summaryFromCounts(path, name, clusters, clusterOf);
  }

  /**
   * The codec's string table only grows (edits bring new names; forgotten documents leave theirs):
   * once it has doubled, every kept document is encoded again in a new table of the strings in use.
   */
  private compactCodec(): void {
    if (this.codec.size <= 2 * this.codecCompacted + this.codecSlack) return;
    const old = this.codec;
    this.codec = new SummaryCodec();
    for (const known of this.summaries.values()) known.summary = this.codec.encode(old.decode(known.summary));
    this.codecCompacted = this.codec.size;
  }

  private mentionsOf(path: string): EntityMention[] {
    const given = this.mentionsByPath.get(path);
    if (given) return given;
    const hash = this.hashByPath.get(path);
    const stored = hash === undefined ? undefined : this.stored(hash);
    const entry = stored === undefined ? undefined : splitEntry(stored);
    return (entry && parseParts(entry.partsJson)?.mentions) ?? [];
  }

  private resolveNow(docs: { path: string; outlet: string | null }[], knowledge?: string): ResolveReply {
    // In path order, as EntityResolver resolves (ids are deterministic whatever the order, but the
    // order of the reply's tables follows it). Summaries are decoded one document at a time from the
    // kept bytes and live only for this resolution; documents no longer sent are dropped.
    const order = docs.map((d, i) => i).sort((a, b) => (docs[a].path < docs[b].path ? -1 : docs[a].path > docs[b].path ? 1 : 0));
    const summaries = order.map((i) => this.summaryOf(docs[i].path, docs[i].outlet));
    if (this.summaries.size > docs.length) {
      const sent = new Set(docs.map((d) => d.path));
      for (const path of this.summaries.keys()) if (!sent.has(path)) this.summaries.delete(path);
    }
    const parsed = knowledge === undefined ? undefined : parseKnowledgeFile(knowledge);
    const { entities, idOf } = resolveSummaries(summaries, parsed && parsed.ok ? parsed.entries : []);
    // Ids per cluster, then per mention through each summary's mention -> cluster table (no string
    // array per document). keyIds: the id of each `type + key`, the last document's winning, in the
    // order each was first seen (as the provisional ids of edited documents are looked up).
    const table = new Map<string, number>();
    const idTable: string[] = [];
    const indexOf = (id: string) => {
      let i = table.get(id);
      if (i === undefined) table.set(id, (i = idTable.push(id) - 1));
      return i;
    };
    let total = 0;
    for (const s of summaries) total += s.clusterOf.length;
    const offsets = new Int32Array(docs.length + 1);
    const mentionIds = new Int32Array(total);
    const keyIds = new Map<string, number>();
    const clusterIds: number[] = [];
    const rowOf = new Int32Array(docs.length);
    order.forEach((i, k) => (rowOf[i] = k));
    let at = 0;
    docs.forEach((_, i) => {
      offsets[i] = at;
      const k = rowOf[i];
      const summary = summaries[k];
      clusterIds.length = 0;
      summary.clusters.forEach((c, ci) => {
        const id = indexOf(idOf(k, ci));
        clusterIds.push(id);
        keyIds.set(c.type + '\u0000' + c.key, id);
      });
      for (const ci of summary.clusterOf) mentionIds[at++] = clusterIds[ci];
    });
    offsets[docs.length] = at;
    return {
      entities,
      idTable,
      paths: docs.map((d) => d.path),
      offsets,
      mentionIds,
      keys: [...keyIds.keys()],
      keyIds: Int32Array.from(keyIds.values()),
    };
  }
}
