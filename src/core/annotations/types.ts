// Hand annotations: the in-memory shape. The on-disk shape is W3C Web Annotation JSON-LD (see
// format.ts and docs in README of this folder). Pure data; no `vscode`, no Node built-ins.

/** Kinds offered by "Annotate Selection…". Any other non-empty string is a user tag. */
export const BUILTIN_KINDS = ['Quote', 'Person', 'Organisation', 'Place', 'Claim', 'Note'] as const;
export type BuiltinKind = (typeof BUILTIN_KINDS)[number];

export function isBuiltinKind(kind: string): kind is BuiltinKind {
  return (BUILTIN_KINDS as readonly string[]).includes(kind);
}

/** Corrections of the automatic layers. `entity` is an entity id as in the scan report. */
export type Correction =
  | { type: 'not-quote' }
  | { type: 'set-speaker'; entity: string }
  | { type: 'not-entity' }
  | { type: 'same-entity-as'; entity: string }
  | { type: 'different-entity'; entity?: string }
  | { type: 'not-shared' };

export type CorrectionType = Correction['type'];
export const CORRECTION_TYPES: readonly CorrectionType[] = [
  'not-quote',
  'set-speaker',
  'not-entity',
  'same-entity-as',
  'different-entity',
  'not-shared',
];

/**
 * Where the annotation is: the two selectors Hypothesis and Recogito store. `start`/`end` are UTF-16
 * offsets (end exclusive) in the source text as it was when the annotation was last anchored; `exact`
 * is the text there, `prefix`/`suffix` up to {@link CONTEXT_LENGTH} characters around it.
 */
export interface AnnotationTarget {
  /** Path relative to the workspace folder, with `/` separators. */
  source: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface HandAnnotation {
  /** An IRI, usually `urn:uuid:…`. Unique within a file. */
  id: string;
  /** ISO 8601 date-times. */
  created: string;
  modified: string;
  creator?: string;
  /** Quote/Person/Organisation/Place/Claim/Note, or a user tag. */
  kind?: string;
  comment?: string;
  correction?: Correction;
  target: AnnotationTarget;
  /** Properties of the stored object this program does not know, kept so a rewrite does not drop them. */
  extra?: Record<string, unknown>;
}

/**
 * A removal made in the editor, kept in the file for a while (`"news:removed"`) so that other windows
 * apply it instead of treating the missing annotation as lost. ISO date-time.
 */
export interface Tombstone {
  id: string;
  removed: string;
}

/** Tombstones older than this are dropped when the file is written. */
export const TOMBSTONE_DAYS = 90;

/** Characters of context kept before and after the quote. Hypothesis keeps 32. */
export const CONTEXT_LENGTH = 32;

/** One change as VS Code reports it: offsets into the text *before this change*, end exclusive. */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
}

/** What a corruption or shape problem is, and where (1-based line and column, UTF-16 offset). */
export interface Problem {
  message: string;
  offset: number;
  line: number;
  column: number;
  /** `error`: the file cannot be rewritten safely as it is; `warning`: something was skipped or fixed. */
  severity: 'error' | 'warning';
  /** The annotation id concerned, when known. */
  id?: string;
}
