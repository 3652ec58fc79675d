// Plain data shared by every core feature and by the scan report. Offsets are UTF-16 code-unit
// indices into the document text (what a JavaScript string index and VS Code's `offsetAt` are),
// `end` exclusive. Nothing here may import `vscode` or Node built-ins: the core also runs in a browser.

export interface Span {
  start: number;
  end: number;
}

export type ParagraphKind = 'headline' | 'dateline' | 'byline' | 'body' | 'caption' | 'boilerplate';

export interface Paragraph extends Span {
  kind: ParagraphKind;
  /** When this paragraph repeats an earlier one in the same file (a page that prints the story twice). */
  repeatOf?: number;
}

export type EntityType = 'PERSON' | 'ORG' | 'PLACE';
export type QuoteKind = 'speech' | 'term';

/** Schema of `news-annotator scan --format json`. Later features add fields; none are removed. */
export const SCAN_SCHEMA = 'news-annotator/scan@1';

export interface ReportQuote extends Span {
  kind: QuoteKind;
  speaker: string | null;
  /** The speaker as the text names them at the attribution ("Austin", "the ministers"). */
  speakerName?: string | null;
  /** The same quote as other outlets print it, with the words that differ. */
  copies?: QuoteCopy[];
  [extra: string]: unknown;
}

export interface QuoteCopy extends Span {
  path: string;
  /** Word-level differences of this copy against the quote it is attached to; empty when alike. */
  differences: { kind: 'added' | 'removed' | 'changed'; text: string; replacement?: string }[];
}

export interface ReportEntityMention extends Span {
  type: EntityType;
  id: string;
  [extra: string]: unknown;
}

export interface ReportSharedMatch extends Span {
  path: string;
  similarity: number;
  [extra: string]: unknown;
}

export interface ReportShared extends Span {
  matches: ReportSharedMatch[];
  /** The copy that looks like the origin, and why ("manifest date", "wire credit", "most complete copy"). */
  origin?: { path: string; why: string } | null;
  [extra: string]: unknown;
}

export interface ReportDocument {
  path: string;
  outlet: string | null;
  paragraphs: Paragraph[];
  quotes: ReportQuote[];
  entities: ReportEntityMention[];
  shared: ReportShared[];
  [extra: string]: unknown;
}

export interface ReportEntity {
  id: string;
  type: EntityType | string;
  name: string;
  aliases: string[];
  roles: string[];
  /** Mention counts keyed by outlet (or by path when a document has no outlet). */
  mentionsByOutlet?: Record<string, number>;
  /** Quotes this entity is the speaker of. */
  quotes?: { path: string; start: number; end: number }[];
  description?: string;
  links?: string[];
  [extra: string]: unknown;
}

export interface ScanReport {
  schema: typeof SCAN_SCHEMA;
  documents: ReportDocument[];
  entities: ReportEntity[];
  [extra: string]: unknown;
}
