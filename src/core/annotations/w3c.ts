// Conversion between HandAnnotation and W3C Web Annotation JSON-LD objects
// (https://www.w3.org/TR/annotation-model/), with a stable key order so files diff well.

import type { JsonValue } from './json';
import {
  CORRECTION_TYPES,
  isBuiltinKind,
  type AnnotationTarget,
  type Correction,
  type CorrectionType,
  type HandAnnotation,
} from './types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

type JsonObject = { [key: string]: JsonValue };

const KNOWN_KEYS = new Set(['@context', 'id', 'type', 'created', 'modified', 'creator', 'motivation', 'body', 'target']);

/** The W3C motivation that describes an annotation best. */
export function motivationOf(a: Pick<HandAnnotation, 'kind' | 'comment' | 'correction'>): string {
  if (a.correction) return 'editing';
  if (a.kind === undefined || a.kind === 'Note') return 'commenting';
  return isBuiltinKind(a.kind) ? 'classifying' : 'tagging';
}

export function correctionNeedsEntity(type: CorrectionType): boolean {
  return type === 'set-speaker' || type === 'same-entity-as';
}

/** W3C JSON object for one annotation. Keys in a fixed order; unknown stored keys follow, sorted. */
export function toW3C(a: HandAnnotation, withContext = false): JsonObject {
  const out: JsonObject = {};
  if (withContext) out['@context'] = ANNO_CONTEXT;
  out.id = a.id;
  out.type = 'Annotation';
  out.created = a.created;
  out.modified = a.modified;
  if (a.creator !== undefined) out.creator = a.creator;
  out.motivation = motivationOf(a);
  const body: JsonValue[] = [];
  if (a.kind !== undefined) {
    body.push({ type: 'TextualBody', purpose: isBuiltinKind(a.kind) ? 'classifying' : 'tagging', value: a.kind });
  }
  if (a.correction) {
    body.push({ type: 'TextualBody', purpose: 'editing', value: a.correction.type });
    const entity = 'entity' in a.correction ? a.correction.entity : undefined;
    if (entity !== undefined) body.push({ type: 'TextualBody', purpose: 'identifying', value: entity });
  }
  if (a.comment !== undefined) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.comment, format: 'text/plain' });
  out.body = body;
  out.target = targetToW3C(a.target);
  if (a.extra) {
    for (const key of Object.keys(a.extra).sort()) {
      if (!KNOWN_KEYS.has(key)) out[key] = a.extra[key] as JsonValue;
    }
  }
  return out;
}

export function targetToW3C(t: AnnotationTarget): JsonObject {
  return {
    source: t.source,
    selector: [
      { type: 'TextQuoteSelector', exact: t.exact, prefix: t.prefix, suffix: t.suffix },
      { type: 'TextPositionSelector', start: t.start, end: t.end },
    ],
  };
}

export type ReadResult = { ok: true; annotation: HandAnnotation; warnings: string[] } | { ok: false; message: string; id?: string };

export interface ReadOptions {
  /** Used when the object has no id (imports). Without it a missing id is an error. */
  makeId?: () => string;
  /** Used when created/modified are missing. Without it they are errors. */
  now?: string;
  /** Maps a target source (path or URL) to the workspace-relative path; undefined = not found. */
  resolveSource?: (source: string) => string | undefined;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asArray(v: JsonValue | undefined): JsonValue[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && !Number.isNaN(Date.parse(s));
}

/**
 * Reads one W3C annotation object (also the Hypothesis API shape: `uri`, `text`, `tags`,
 * `target[].selector`). RangeSelector and other selectors are ignored; a TextQuoteSelector or a
 * TextPositionSelector is required.
 */
export function fromW3C(obj: unknown, opts: ReadOptions = {}): ReadResult {
  if (!isObject(obj)) return { ok: false, message: 'An annotation must be a JSON object' };
  const warnings: string[] = [];
  const rawId = obj.id;
  let id: string;
  if (typeof rawId === 'string' && rawId.length > 0) id = rawId;
  else if (opts.makeId) id = opts.makeId();
  else return { ok: false, message: 'Annotation without an "id"' };
  const fail = (message: string): ReadResult => ({ ok: false, message, id: typeof rawId === 'string' ? rawId : undefined });

  if (obj.type !== undefined && obj.type !== 'Annotation' && !(Array.isArray(obj.type) && obj.type.includes('Annotation'))) {
    return fail(`"type" is ${JSON.stringify(obj.type)}, expected "Annotation"`);
  }

  // Dates
  const created = obj.created;
  const modified = obj.modified ?? obj.updated; // Hypothesis: updated
  let createdS: string;
  let modifiedS: string;
  if (isIsoDate(created)) createdS = created;
  else if (created === undefined && opts.now) createdS = opts.now;
  else if (created === undefined && isIsoDate(modified)) createdS = modified;
  else return fail(created === undefined ? 'Annotation without "created"' : '"created" is not a date');
  if (isIsoDate(modified)) modifiedS = modified;
  else if (modified === undefined) modifiedS = createdS;
  else return fail('"modified" is not a date');

  // Target
  let targetObj: JsonValue | undefined = obj.target;
  if (Array.isArray(targetObj)) {
    targetObj = targetObj.find((t) => isObject(t) && t.selector !== undefined) ?? targetObj[0];
  }
  let source: string | undefined;
  let selectors: JsonValue[] = [];
  if (typeof targetObj === 'string') source = targetObj;
  else if (isObject(targetObj)) {
    const s = targetObj.source ?? targetObj.id;
    if (typeof s === 'string') source = s;
    selectors = asArray(targetObj.selector);
  } else return fail('Annotation without a "target"');
  if (source === undefined && typeof obj.uri === 'string') source = obj.uri; // Hypothesis
  if (source === undefined) return fail('"target" has no "source"');
  if (opts.resolveSource) {
    const resolved = opts.resolveSource(source);
    if (resolved === undefined) return fail(`No workspace file matches the target source ${JSON.stringify(source)}`);
    source = resolved;
  }
  // Flatten refinedBy chains are not followed; only top-level selectors are read.
  let quote: JsonObject | undefined;
  let position: JsonObject | undefined;
  for (const sel of selectors) {
    if (!isObject(sel)) continue;
    if (sel.type === 'TextQuoteSelector' && !quote) quote = sel;
    else if (sel.type === 'TextPositionSelector' && !position) position = sel;
  }
  if (!quote && !position) return fail('"target" has neither a TextQuoteSelector nor a TextPositionSelector');
  let exact = '';
  let prefix = '';
  let suffix = '';
  if (quote) {
    if (typeof quote.exact !== 'string') return fail('TextQuoteSelector without a string "exact"');
    exact = quote.exact;
    if (quote.prefix !== undefined && typeof quote.prefix !== 'string') return fail('TextQuoteSelector "prefix" is not a string');
    if (quote.suffix !== undefined && typeof quote.suffix !== 'string') return fail('TextQuoteSelector "suffix" is not a string');
    prefix = (quote.prefix as string | undefined) ?? '';
    suffix = (quote.suffix as string | undefined) ?? '';
  }
  let start = -1;
  let end = -1;
  if (position) {
    const s = position.start;
    const e = position.end;
    if (!Number.isInteger(s) || !Number.isInteger(e) || (s as number) < 0 || (e as number) < (s as number)) {
      if (!quote) return fail('TextPositionSelector needs integer "start" <= "end"');
      warnings.push('TextPositionSelector ignored: it needs integer "start" <= "end"');
    } else {
      start = s as number;
      end = e as number;
      if (quote && end - start !== exact.length) warnings.push('TextPositionSelector length differs from the quote; the quote wins');
    }
  }

  // Bodies
  let kind: string | undefined;
  let comment: string | undefined;
  let correctionType: CorrectionType | undefined;
  let entity: string | undefined;
  const comments: string[] = [];
  const tags: string[] = [];
  for (const b of asArray(obj.body ?? obj.bodyValue)) {
    if (typeof b === 'string') {
      comments.push(b);
      continue;
    }
    if (!isObject(b)) continue;
    const value = b.value ?? b.source;
    if (typeof value !== 'string') continue;
    const purpose = b.purpose ?? (obj.motivation === 'tagging' ? 'tagging' : 'commenting');
    if (purpose === 'classifying' || purpose === 'tagging') tags.push(value);
    else if (purpose === 'editing') {
      if (!(CORRECTION_TYPES as readonly string[]).includes(value)) return fail(`Unknown correction ${JSON.stringify(value)}`);
      correctionType = value as CorrectionType;
    } else if (purpose === 'identifying') entity = value;
    else comments.push(value);
  }
  // Hypothesis: text and tags
  if (typeof obj.text === 'string' && obj.text.length > 0) comments.push(obj.text);
  if (Array.isArray(obj.tags)) for (const t of obj.tags) if (typeof t === 'string' && t.length > 0) tags.push(t);
  if (tags.length > 0) {
    kind = tags.find(isBuiltinKind) ?? tags[0];
    const others = tags.filter((t) => t !== kind);
    if (others.length > 0) comments.push(`[tags: ${others.join(', ')}]`);
  }
  if (comments.length > 0) comment = comments.join('\n\n');

  let correction: Correction | undefined;
  if (correctionType) {
    if (correctionNeedsEntity(correctionType)) {
      if (entity === undefined) return fail(`Correction "${correctionType}" needs an identifying body with the entity id`);
      correction = { type: correctionType, entity } as Correction;
    } else if (correctionType === 'different-entity') {
      correction = entity === undefined ? { type: 'different-entity' } : { type: 'different-entity', entity };
    } else correction = { type: correctionType } as Correction;
  }

  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) if (!KNOWN_KEYS.has(key)) extra[key] = obj[key];

  const annotation: HandAnnotation = {
    id,
    created: createdS,
    modified: modifiedS,
    target: { source, exact, prefix, suffix, start, end },
  };
  if (typeof obj.creator === 'string') annotation.creator = obj.creator;
  else if (obj.creator !== undefined) extra.creator = obj.creator;
  if (kind !== undefined) annotation.kind = kind;
  if (comment !== undefined) annotation.comment = comment;
  if (correction) annotation.correction = correction;
  if (Object.keys(extra).length > 0) annotation.extra = extra;
  return { ok: true, annotation, warnings };
}

/** A random `urn:uuid:` id (crypto.randomUUID when the platform has it). */
export function newAnnotationId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return `urn:uuid:${c.randomUUID()}`;
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `urn:uuid:${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(Math.random() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
}

/** Order used in files and lists: by source, then start, then end, then id. */
export function compareAnnotations(a: HandAnnotation, b: HandAnnotation): number {
  if (a.target.source !== b.target.source) return a.target.source < b.target.source ? -1 : 1;
  if (a.target.start !== b.target.start) return a.target.start - b.target.start;
  if (a.target.end !== b.target.end) return a.target.end - b.target.end;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Structural equality of two annotations (as they would be written). */
export function sameAnnotation(a: HandAnnotation, b: HandAnnotation): boolean {
  return JSON.stringify(toW3C(a)) === JSON.stringify(toW3C(b));
}
