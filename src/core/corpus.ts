// The corpus: every article the user works on, each analysed once per version of its text, and the
// report that the CLI prints and the extension exports. Callers (CLI, extension, worker) feed it
// texts; it never reads files itself, so it runs anywhere the core runs.
//
// Per document (recomputed only when that document's text changes): paragraphs, entity mentions,
// quotes. Across documents (recomputed lazily, after any change, when asked): entity identities,
// shared passages (the PassageIndex updates incrementally), outlets.

import { analyzeDocument, type ArticleStructure } from './article';
import { EntityResolver, parseKnowledgeFile, recognizeEntities, type CorpusEntity, type EntityMention, type KnowledgeEntry } from './entities';
import { SCAN_SCHEMA, type QuoteCopy, type ReportDocument, type ReportShared, type ReportEntity, type ReportEntityMention, type ScanReport } from './model';
import { parseManifest, type NewsSourcesManifest, type OutletInfo } from './outlets';
import { PassageIndex, type PassageIndexOptions, type PreparedPassages } from './passages/passageIndex';
import { copiesFor, findQuotes, linkQuoteCopies, toReportQuotes, type LinkResult, type Quote, type QuoteDoc, type QuoteGroup } from './quotes';
import { prepareQuoteWords } from './quotes/link';

export interface DocumentAnalysis {
  path: string;
  text: string;
  /** Increases whenever the text changes; lets callers cache derived views per version. */
  version: number;
  structure: ArticleStructure;
  mentions: EntityMention[];
  quotes: Quote[];
}

/** The per-document part of an analysis: a function of the text alone, so it can be cached by content. */
export interface DocumentParts {
  structure: ArticleStructure;
  mentions: EntityMention[];
  quotes: Quote[];
  /** The passage index's tokens and fingerprints, when made elsewhere (preparePassages). */
  passages?: PreparedPassages;
}

/** The per-document analysis of one text (what a worker or a cache can do ahead of the corpus). */
export function analyzeText(text: string): DocumentParts {
  const structure = analyzeDocument(text);
  const mentions = recognizeEntities(text, structure.paragraphs).sort((a, b) => a.start - b.start || b.end - a.end);
  const quotes = findQuotes(text, structure.paragraphs, mentions);
  return { structure, mentions, quotes };
}

/**
 * Entity identities resolved elsewhere (a worker holding every document's mentions), for corpora
 * where resolving on the caller's thread after every change costs too much (see bench/scale.ts).
 */
export interface IdentitySnapshot {
  entities: CorpusEntity[];
  /** The id of each mention of `path`, for the text version the snapshot was made from. */
  idsFor(path: string): readonly string[] | undefined;
  /** The id the snapshot gave a document-local cluster (`type + '\u0000' + key`), for provisional ids. */
  idOfKey(typeKey: string): string | undefined;
}

export interface CorpusOptions {
  passages?: Partial<PassageIndexOptions>;
}

/** Copies listed per quote, one per other document; enough for any hover or panel. */
const MAX_QUOTE_COPIES = 50;

interface QuoteLinks {
  index: Map<string, number>;
  docs: QuoteDoc[];
  result: LinkResult;
  /** `doc:quote` → the speaker id taken from the quote's other copies. */
  borrowedSpeakers: Map<string, string>;
  /** `doc:quote` → the group of copies it belongs to. */
  groupOf: Map<string, QuoteGroup>;
}

interface Identities {
  entities: CorpusEntity[];
  idsFor(path: string): string[];
}

export class Corpus {
  private readonly documents = new Map<string, DocumentAnalysis>();
  private readonly passages: PassageIndex;
  private readonly resolver = new EntityResolver();
  /** Documents whose entity summary must be refreshed before the next resolution. */
  private readonly staleEntities = new Set<string>();
  private identities: Identities | undefined;
  /** The copies of each quote across documents; recomputed lazily after any change. */
  private quoteLinks: QuoteLinks | undefined;
  private knowledge: KnowledgeEntry[] = [];
  private nextVersion = 1;
  /** Set when identities come from elsewhere (setIdentitySnapshot) instead of being resolved here. */
  private externalIdentities: { snapshot: IdentitySnapshot; versions: ReadonlyMap<string, number> } | undefined;
  private identitiesElsewhere = false;
  /** Shared passages found by an outside tool (passim), per path, for the text they were found in. */
  private external = new Map<string, { text: string; shared: ReportShared[] }>();

  constructor(options: CorpusOptions = {}) {
    this.passages = new PassageIndex(options.passages);
  }

  /** Adds or replaces a document. Unchanged text keeps its analysis (and version). */
  upsert(path: string, text: string): DocumentAnalysis {
    const existing = this.documents.get(path);
    if (existing && existing.text === text) return existing;
    return this.upsertAnalyzed(path, text, analyzeText(text));
  }

  /**
   * Adds or replaces a document whose per-document analysis was made elsewhere (a worker, a cache):
   * `parts` must be what `analyzeText(text)` gives for this text. Only the cross-document indexes
   * (shared passages, entity summaries) are updated here.
   */
  upsertAnalyzed(path: string, text: string, parts: DocumentParts): DocumentAnalysis {
    const existing = this.documents.get(path);
    if (existing && existing.text === text) return existing;
    // Read through: parts restored from a cache may parse themselves only when first used.
    const analysis = Object.defineProperties({ path, text, version: this.nextVersion++ } as DocumentAnalysis, {
      structure: { get: () => parts.structure, enumerable: true },
      mentions: { get: () => parts.mentions, enumerable: true },
      quotes: { get: () => parts.quotes, enumerable: true },
    });
    this.documents.set(path, analysis);
    this.passages.upsert(path, text, () => parts.structure.paragraphs, parts.passages);
    this.staleEntities.add(path);
    this.identities = undefined;
    this.quoteLinks = undefined;
    return analysis;
  }

  /**
   * Computes now what the corpus-wide steps will ask of this document (its outlet, its entity summary,
   * its quotes' words), so that a caller with time to spare pays for it early: the CLI does it while
   * worker threads analyse the other articles. Changes no result.
   */
  prepareForReport(path: string): void {
    const analysis = this.documents.get(path);
    if (!analysis) return;
    const outlet = this.outletOf(path)?.outlet ?? null;
    if (!this.identitiesElsewhere && this.staleEntities.delete(path)) this.resolver.setDocument(path, outlet, analysis.mentions);
    prepareQuoteWords(analysis.quotes);
  }

  remove(path: string): boolean {
    if (!this.documents.delete(path)) return false;
    this.passages.remove(path);
    this.resolver.removeDocument(path);
    this.staleEntities.delete(path);
    this.identities = undefined;
    this.quoteLinks = undefined;
    return true;
  }

  rename(from: string, to: string): void {
    const analysis = this.documents.get(from);
    if (!analysis || from === to) return;
    this.documents.delete(from);
    this.documents.set(to, { ...analysis, path: to });
    this.passages.rename(from, to);
    this.resolver.removeDocument(from);
    this.staleEntities.delete(from);
    this.staleEntities.add(to);
    this.identities = undefined;
    this.quoteLinks = undefined;
  }

  get(path: string): DocumentAnalysis | undefined {
    return this.documents.get(path);
  }

  get size(): number {
    return this.documents.size;
  }

  paths(): string[] {
    return [...this.documents.keys()].sort();
  }

  /**
   * The news-sources.json manifest (outlets, dates, wires). `root` is the folder holding it as a
   * prefix of the corpus paths ('' when paths are relative to it). Returns the manifest's problems.
   */
  setManifest(manifestText: string | undefined, root = ''): string[] {
    let manifest: NewsSourcesManifest | undefined;
    let errors: string[] = [];
    if (manifestText !== undefined) ({ manifest, errors } = parseManifest(manifestText));
    this.passages.setManifest(manifest, root);
    for (const path of this.documents.keys()) this.staleEntities.add(path); // mention counts are per outlet
    this.identities = undefined;
    this.quoteLinks = undefined;
    return errors;
  }

  /** The user's news-entities.json. A malformed file is ignored whole; its error comes back. */
  setKnowledge(knowledgeText: string | undefined): string | undefined {
    if (knowledgeText === undefined) {
      this.knowledge = [];
      this.identities = undefined;
      this.quoteLinks = undefined;
      return undefined;
    }
    const result = parseKnowledgeFile(knowledgeText);
    if (!result.ok) return `line ${result.error.line}, column ${result.error.column}: ${result.error.message}`;
    this.knowledge = result.entries;
    this.identities = undefined;
    this.quoteLinks = undefined;
    return undefined;
  }

  outletOf(path: string): OutletInfo | null {
    return this.passages.outletFor(path);
  }

  /** One document's layers in the report's shape (what the editor views draw). */
  documentReport(path: string): ReportDocument | undefined {
    return this.buildDocumentReport(path, this.quoteLinks);
  }

  private buildDocumentReport(path: string, corpusLinks: QuoteLinks | undefined): ReportDocument | undefined {
    const analysis = this.documents.get(path);
    if (!analysis) return undefined;
    const ids = this.resolve().idsFor(path);
    // Plain literals, no spreads: one object shape each, made once per mention of the corpus.
    const entities: ReportEntityMention[] = analysis.mentions.map((m, i) =>
      m.role ? { start: m.start, end: m.end, type: m.type, id: ids[i], surface: m.surface, role: m.role } : { start: m.start, end: m.end, type: m.type, id: ids[i], surface: m.surface },
    );
    const shared = this.sharedFor(path, analysis.text);
    // Copies of its quotes: from the corpus-wide linking when it is current, else among the documents
    // this one shares passages with (where reprinted quotes are), so an edit never relinks the corpus.
    const links = corpusLinks ?? this.linkQuotes([path, ...partnersOf(path, shared)]);
    const di = links.index.get(path)!;
    const quotes = toReportQuotes(links.result.quotes[di], (mention) => ids[mention] ?? null).map((q, qi) => {
      const copies = this.copiesInOtherDocuments(links, di, qi);
      const borrowed = links.borrowedSpeakers.get(`${di}:${qi}`);
      return { ...q, ...(borrowed && !q.speaker ? { speaker: borrowed } : {}), ...(copies.length ? { copies } : {}) };
    });
    const outlet = this.outletOf(path);
    const paragraphs = analysis.structure.paragraphs;
    return outlet?.wire
      ? { path, outlet: outlet.outlet ?? null, wire: outlet.wire, paragraphs, quotes, entities, shared }
      : { path, outlet: outlet?.outlet ?? null, paragraphs, quotes, entities, shared };
  }

  /**
   * Shared passages found outside (passim's clusters), merged into each document's `shared`. Each is
   * kept while its document's text is the one it was found in; a new call replaces the previous set.
   */
  setExternalPassages(byPath: ReadonlyMap<string, ReportShared[]>): void {
    this.external = new Map();
    for (const [path, shared] of byPath) {
      const analysis = this.documents.get(path);
      if (analysis && shared.length) this.external.set(path, { text: analysis.text, shared });
    }
  }

  private sharedFor(path: string, text: string): ReportShared[] {
    const own = this.passages.sharedFor(path);
    const external = this.external.get(path);
    if (!external || external.text !== text) return own;
    return [...own, ...external.shared].sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** The corpus-wide entity list, one entry per real-world entity, with the quotes each one speaks. */
  entities(): ReportEntity[] {
    const identities = this.resolve();
    // Speakers borrowed from other copies count once the corpus-wide linking has run (a scan, a report).
    const links = this.quoteLinks;
    const quotesBySpeaker = new Map<string, { path: string; start: number; end: number }[]>();
    for (const path of this.paths()) {
      const di = links?.index.get(path);
      const ids = identities.idsFor(path);
      const quotes = di === undefined ? this.documents.get(path)!.quotes : links!.result.quotes[di];
      for (const [qi, q] of quotes.entries()) {
        const id = q.speaker && q.speaker.mention >= 0 ? ids[q.speaker.mention] : links?.borrowedSpeakers.get(`${di}:${qi}`);
        if (!id) continue;
        let list = quotesBySpeaker.get(id);
        if (!list) quotesBySpeaker.set(id, (list = []));
        list.push({ path, start: q.start, end: q.end });
      }
    }
    return identities.entities.map((e) => ({ ...e, quotes: quotesBySpeaker.get(e.id) ?? [] }));
  }

  report(): ScanReport {
    const links = this.links();
    const documents = this.paths().map((path) => this.buildDocumentReport(path, links)!);
    return { schema: SCAN_SCHEMA, documents, entities: this.entities() };
  }

  /**
   * Entity identities are resolved by someone else (a worker): `resolve()` never runs here; reports use
   * the last snapshot given to setIdentitySnapshot, and documents changed since then get provisional
   * ids (the id the snapshot gave the same name elsewhere, else one made from the name) until the next.
   */
  resolveIdentitiesElsewhere(on: boolean): void {
    this.identitiesElsewhere = on;
    this.identities = undefined;
    this.quoteLinks = undefined;
  }

  get resolvesIdentitiesElsewhere(): boolean {
    return this.identitiesElsewhere;
  }

  /** Every document's entity mentions and outlet, for whoever resolves identities (with the versions). */
  identityInput(): { path: string; version: number; outlet: string | null; mentions: EntityMention[] }[] {
    return this.paths().map((path) => {
      const analysis = this.documents.get(path)!;
      // Mentions are read when asked: a worker resolving identities holds most of them already, and
      // an analysis restored from the cache would otherwise be parsed for nothing.
      const input = { path, version: analysis.version, outlet: this.outletOf(path)?.outlet ?? null } as { path: string; version: number; outlet: string | null; mentions: EntityMention[] };
      return Object.defineProperty(input, 'mentions', { get: () => analysis.mentions, enumerable: true });
    });
  }

  /** Identities resolved elsewhere from the documents at `versions` (path -> version when sent). O(1). */
  setIdentitySnapshot(snapshot: IdentitySnapshot, versions: ReadonlyMap<string, number>): void {
    this.externalIdentities = { snapshot, versions };
    this.identities = undefined;
    this.quoteLinks = undefined;
  }

  private snapshotIdentities(): Identities {
    const external = this.externalIdentities;
    return {
      entities: external?.snapshot.entities ?? [],
      idsFor: (path: string) => {
        const analysis = this.documents.get(path);
        if (!analysis) return [];
        const ids = external && external.versions.get(path) === analysis.version ? external.snapshot.idsFor(path) : undefined;
        if (ids && ids.length === analysis.mentions.length) return ids as string[];
        return analysis.mentions.map((m) => external?.snapshot.idOfKey(m.type + '\u0000' + m.key) ?? provisionalId(m));
      },
    };
  }

  /**
   * The copies of one quote in other documents (at most one per document, and a bounded number): an
   * article that repeats a quote many times must not compare every copy with every other.
   */
  private copiesInOtherDocuments(links: QuoteLinks, doc: number, quote: number): QuoteCopy[] {
    const group = links.groupOf.get(`${doc}:${quote}`);
    if (!group) return [];
    const self = group.copies.find((c) => c.doc === doc && c.quote === quote)!;
    const seen = new Set<number>([doc]);
    const others = group.copies.filter((c) => !seen.has(c.doc) && (seen.add(c.doc), true)).slice(0, MAX_QUOTE_COPIES);
    if (others.length === 0) return [];
    return copiesFor(links.docs, { groups: [{ ...group, copies: [self, ...others] }], quotes: links.result.quotes }, doc, quote);
  }

  /**
   * Links the copies of each quote printed by several documents (Quootstrap's idea: a copy whose own
   * attribution is missing takes the speaker its other copies agree on).
   */
  private links(): QuoteLinks {
    if (!this.quoteLinks) this.quoteLinks = this.linkQuotes(this.paths());
    return this.quoteLinks;
  }

  private linkQuotes(paths: string[]): QuoteLinks {
    const identities = this.resolve();
    const docs: QuoteDoc[] = paths.map((path) => ({ path, quotes: this.documents.get(path)!.quotes }));
    const ids = paths.map((path) => identities.idsFor(path));
    const speakerId = (d: number, q: number): string | null => {
      const speaker = docs[d].quotes[q].speaker;
      return speaker && speaker.mention >= 0 ? ids[d][speaker.mention] ?? null : null;
    };
    const result = linkQuoteCopies(docs, { speakerId });
    const borrowedSpeakers = new Map<string, string>();
    const groupOf = new Map<string, QuoteGroup>();
    for (const group of result.groups) {
      for (const c of group.copies) groupOf.set(`${c.doc}:${c.quote}`, group);
      if (group.conflict) continue;
      const own = new Set(group.copies.filter((c) => c.speakerSource === 'own').map((c) => speakerId(c.doc, c.quote)));
      if (own.size !== 1) continue;
      const [id] = own;
      if (!id) continue;
      for (const c of group.copies) if (c.speakerSource === 'other-copy') borrowedSpeakers.set(`${c.doc}:${c.quote}`, id);
    }
    return { index: new Map(paths.map((p, i) => [p, i])), docs, result, borrowedSpeakers, groupOf };
  }

  private resolve(): Identities {
    if (this.identities) return this.identities;
    if (this.identitiesElsewhere) return (this.identities = keepIds(this.snapshotIdentities()));
    for (const path of this.staleEntities) {
      const analysis = this.documents.get(path);
      if (analysis) this.resolver.setDocument(path, this.outletOf(path)?.outlet ?? null, analysis.mentions);
    }
    this.staleEntities.clear();
    this.identities = keepIds(this.resolver.resolve(this.knowledge));
    return this.identities;
  }
}

/** The other documents a document shares passages with. */
function partnersOf(path: string, shared: readonly ReportShared[]): Set<string> {
  const partners = new Set<string>();
  for (const s of shared) for (const m of s.matches) if (m.path !== path) partners.add(m.path);
  return partners;
}

/**
 * Each document's ids made once per resolution: a report asks for them three times per document
 * (its mentions, its quotes' speakers, the entity list), and the views ask again on every refresh.
 */
function keepIds(identities: Identities): Identities {
  const made = new Map<string, string[]>();
  return {
    entities: identities.entities,
    idsFor(path: string): string[] {
      let ids = made.get(path);
      if (!ids) made.set(path, (ids = identities.idsFor(path)));
      return ids;
    },
  };
}

/** An id for a mention nobody has resolved yet: its type and name, as the resolver spells ids. */
function provisionalId(m: EntityMention): string {
  const prefix = m.type === 'PERSON' ? 'person' : m.type === 'ORG' ? 'org' : 'place';
  const slug = m.key.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${prefix}:${slug || 'unnamed'}`;
}
