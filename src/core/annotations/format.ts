// The annotation file of a workspace folder: `.news-annotations.jsonld`.
//
// It is a W3C AnnotationCollection whose embedded first page holds every annotation:
//
//   {
//     "@context": "http://www.w3.org/ns/anno.jsonld",
//     "type": "AnnotationCollection",
//     "label": "News Annotator annotations",
//     "first": {
//       "type": "AnnotationPage",
//       "items": [
//         { "id": "urn:uuid:…", "type": "Annotation", "created": …, "modified": …, "motivation": …,
//           "body": [ … ], "target": { "source": "folder/article.txt", "selector": [
//             { "type": "TextQuoteSelector", "exact": …, "prefix": …, "suffix": … },
//             { "type": "TextPositionSelector", "start": …, "end": … } ] } },
//         …
//       ]
//     }
//   }
//
// Written with two-space indentation, keys in a fixed order, items sorted by source then start,
// and no running total, so that two branches adding annotations touch different lines.
// Reading never throws: syntax errors are reported with line:column and every intact annotation
// object in the text is still recovered; items of the wrong shape are reported one by one and kept
// verbatim, so writing the file back never loses them.

import { lineColumn, parseJson, parseJsonAt, type JsonValue } from './json';
import { TOMBSTONE_DAYS, type HandAnnotation, type Problem, type Tombstone } from './types';
import { ANNO_CONTEXT, compareAnnotations, fromW3C, sameAnnotation, toW3C } from './w3c';

export const ANNOTATION_FILE_NAME = '.news-annotations.jsonld';
export const COLLECTION_LABEL = 'News Annotator annotations';

export interface ParsedAnnotationFile {
  annotations: HandAnnotation[];
  /** Items that are valid JSON but not readable annotations; written back unchanged. */
  unreadable: JsonValue[];
  /** Removals recorded by the editor (`"news:removed"`), so other windows apply them. */
  removed: Tombstone[];
  problems: Problem[];
  /**
   * The text is not valid JSON or not an annotation collection. `annotations` then holds what could be
   * salvaged, and the file must not be overwritten until the user decides.
   */
  corrupt: boolean;
}

type JsonObject = { [key: string]: JsonValue };
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function problem(text: string, offset: number, message: string, severity: Problem['severity'], id?: string): Problem {
  const { line, column } = lineColumn(text, offset);
  const p: Problem = { message, offset, line, column, severity };
  if (id !== undefined) p.id = id;
  return p;
}

/** Formats a problem as `file:line:column: message`. */
export function formatProblem(p: Problem, file = ANNOTATION_FILE_NAME): string {
  return `${file}:${p.line}:${p.column}: ${p.message}`;
}

/** Where the annotation items are in a parsed document, or undefined when the shape is unknown. */
function findItems(doc: JsonValue): JsonValue[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) return undefined;
  if (doc.type === 'Annotation' || (doc.target !== undefined && doc.items === undefined && doc.first === undefined)) return [doc];
  if (Array.isArray(doc.items)) return doc.items;
  if (isObject(doc.first)) {
    const items: JsonValue[] = [];
    // An embedded page, possibly followed by embedded `next` pages.
    let page: JsonValue | undefined = doc.first;
    const seen = new Set<unknown>();
    while (isObject(page) && !seen.has(page)) {
      seen.add(page);
      if (Array.isArray(page.items)) items.push(...page.items);
      page = page.next;
    }
    return items;
  }
  if (Array.isArray(doc.first)) return doc.first;
  if (Array.isArray(doc.annotations)) return doc.annotations; // Hypothesis export
  if (Array.isArray(doc.rows)) return doc.rows; // Hypothesis API search result
  return undefined;
}

export interface ParseOptions {
  /** Lenient reading for imports: generate missing ids/dates, map sources. */
  read?: import('./w3c').ReadOptions;
}

/** Reads an annotation file. Never throws. */
export function parseAnnotationFile(text: string, options: ParseOptions = {}): ParsedAnnotationFile {
  const result: ParsedAnnotationFile = { annotations: [], unreadable: [], removed: [], problems: [], corrupt: false };
  if (text.trim().length === 0) return result;
  const parsed = parseJson(text);
  if (parsed.ok) {
    const items = findItems(parsed.value);
    if (items === undefined) {
      result.corrupt = true;
      result.problems.push(problem(text, parsed.positions.get(parsed.value as object) ?? 0, 'Not an annotation collection: expected "first": {"items": [...]} or an array of annotations', 'error'));
      return result;
    }
    for (const item of items) {
      const at = (isObject(item) || Array.isArray(item) ? parsed.positions.get(item) : undefined) ?? 0;
      readItem(text, item, at, result, options);
    }
    if (isObject(parsed.value)) result.removed = readTombstones(parsed.value[REMOVED_KEY]);
  } else {
    result.corrupt = true;
    result.problems.push(problem(text, parsed.offset, parsed.message, 'error'));
    salvage(text, result, options);
  }
  dedupe(text, result);
  result.annotations.sort(compareAnnotations);
  return result;
}

function readItem(text: string, item: JsonValue, at: number, result: ParsedAnnotationFile, options: ParseOptions): void {
  const r = fromW3C(item, options.read);
  if (r.ok) {
    result.annotations.push(r.annotation);
    for (const w of r.warnings) result.problems.push(problem(text, at, w, 'warning', r.annotation.id));
    positions.set(r.annotation, at);
  } else {
    result.unreadable.push(item);
    result.problems.push(problem(text, at, `${r.message}; the item is kept as it is`, 'warning', r.id));
  }
}

const positions = new WeakMap<HandAnnotation, number>();

/** The collection property holding removals: `[{ "id": …, "removed": date }]`. */
export const REMOVED_KEY = 'news:removed';

function readTombstones(value: JsonValue | undefined): Tombstone[] {
  if (!Array.isArray(value)) return [];
  const out: Tombstone[] = [];
  for (const t of value) {
    if (isObject(t) && typeof t.id === 'string' && typeof t.removed === 'string' && !Number.isNaN(Date.parse(t.removed))) out.push({ id: t.id, removed: t.removed });
  }
  return out;
}

/** Recovers every intact annotation object from a text that is not valid JSON. */
function salvage(text: string, result: ParsedAnnotationFile, options: ParseOptions): void {
  let i = text.indexOf('{');
  while (i >= 0) {
    const r = parseJsonAt(text, i);
    if (r.ok && isObject(r.value) && looksLikeAnnotation(r.value)) {
      readItem(text, r.value, i, result, options);
      i = text.indexOf('{', r.end);
    } else {
      i = text.indexOf('{', i + 1);
    }
  }
  if (result.annotations.length > 0 || result.unreadable.length > 0) {
    const n = result.annotations.length;
    result.problems[0].message += ` (${n} annotation${n === 1 ? '' : 's'} recovered from the rest of the file)`;
  }
}

function looksLikeAnnotation(o: JsonObject): boolean {
  return o.type === 'Annotation' || (o.target !== undefined && (o.body !== undefined || o.id !== undefined));
}

/** Duplicate ids (e.g. after a hand-resolved git conflict): identical copies collapse; others get new ids. */
function dedupe(text: string, result: ParsedAnnotationFile): void {
  const byId = new Map<string, HandAnnotation>();
  const out: HandAnnotation[] = [];
  for (const a of result.annotations) {
    const prev = byId.get(a.id);
    if (!prev) {
      byId.set(a.id, a);
      out.push(a);
      continue;
    }
    if (sameAnnotation(prev, a)) {
      result.problems.push(problem(text, positions.get(a) ?? 0, `Annotation ${a.id} appears twice; the identical copy is dropped`, 'warning', a.id));
      continue;
    }
    let n = 2;
    while (byId.has(`${a.id}#${n}`)) n++;
    const renamed = { ...a, id: `${a.id}#${n}` };
    byId.set(renamed.id, renamed);
    out.push(renamed);
    result.problems.push(problem(text, positions.get(a) ?? 0, `Another annotation already has id ${a.id}; this one is renamed ${renamed.id}`, 'warning', a.id));
  }
  result.annotations = out;
}

function indent(json: string, by: string): string {
  return json.replace(/\n/g, `\n${by}`);
}

/**
 * Writes the annotation file text: stable key order, one annotation per block, sorted by source then
 * start. `unreadable` items (from {@link parseAnnotationFile}) are written back after them unchanged.
 */
export function serializeAnnotationFile(
  annotations: readonly HandAnnotation[],
  unreadable: readonly JsonValue[] = [],
  removed: readonly Tombstone[] = [],
  now: Date = new Date(),
): string {
  const items = [...annotations].sort(compareAnnotations).map((a) => toW3C(a) as JsonValue);
  items.push(...unreadable);
  const pad = '      ';
  const body = items.map((item) => pad + indent(JSON.stringify(item, null, 2), pad)).join(',\n');
  // Recent removals of annotations no longer in the file, one per line, sorted by id.
  const present = new Set(annotations.map((a) => a.id));
  const cutoff = now.getTime() - TOMBSTONE_DAYS * 86_400_000;
  const tombstones = [...new Map(removed.filter((t) => !present.has(t.id) && Date.parse(t.removed) >= cutoff).map((t) => [t.id, t])).values()].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const tail = tombstones.length === 0 ? '' : `,\n  ${JSON.stringify(REMOVED_KEY)}: [\n${tombstones.map((t) => `    ${JSON.stringify({ id: t.id, removed: t.removed })}`).join(',\n')}\n  ]`;
  return (
    '{\n' +
    `  "@context": ${JSON.stringify(ANNO_CONTEXT)},\n` +
    '  "type": "AnnotationCollection",\n' +
    `  "label": ${JSON.stringify(COLLECTION_LABEL)},\n` +
    '  "first": {\n' +
    '    "type": "AnnotationPage",\n' +
    (items.length === 0 ? '    "items": []\n' : `    "items": [\n${body}\n    ]\n`) +
    '  }' +
    tail +
    '\n}\n'
  );
}
