// Applying hand corrections to the automatic layers of a scan report. Pure: returns new objects.
//
// A correction applies to the automatic spans of its layer that it covers: spans overlapping it by at
// least half of their own length, or containing it entirely.
// - not-quote: the quote is removed.            - set-speaker: the quote's speaker becomes the entity.
// - not-entity: the mention is removed.         - not-shared: the shared passage is removed.
// - same-entity-as: the mention's identity is merged into the given one, in every document.
// - different-entity: the mention is split off its identity (into the given entity, or a new one).

import type { ReportDocument, ReportEntity, ScanReport, Span } from '../model';
import type { Correction, HandAnnotation } from './types';

export interface CorrectionSpan extends Span {
  annotationId: string;
  correction: Correction;
  /** The annotated text (used to name a split-off entity). */
  exact?: string;
}

/** Corrections of anchored annotations (pass the current spans; orphans are left out by the caller). */
export function correctionSpans(annotations: readonly { annotation: HandAnnotation; span: Span | null }[]): CorrectionSpan[] {
  const out: CorrectionSpan[] = [];
  for (const { annotation, span } of annotations) {
    if (!annotation.correction || !span) continue;
    out.push({ annotationId: annotation.id, correction: annotation.correction, start: span.start, end: span.end, exact: annotation.target.exact });
  }
  return out;
}

/** Whether a correction span applies to an automatic span. */
export function covers(correction: Span, auto: Span): boolean {
  const overlap = Math.min(correction.end, auto.end) - Math.max(correction.start, auto.start);
  if (overlap <= 0) return auto.start === auto.end && correction.start <= auto.start && auto.start < correction.end;
  return overlap * 2 >= auto.end - auto.start || (auto.start <= correction.start && correction.end <= auto.end);
}

/** Applies corrections (keyed by document path) to a report. Entities merged or split are updated. */
export function applyCorrections(report: ScanReport, corrections: ReadonlyMap<string, readonly CorrectionSpan[]>): ScanReport {
  // Identity merges first: they apply to every document.
  const merges = new Map<string, string>();
  for (const doc of report.documents) {
    for (const c of corrections.get(doc.path) ?? []) {
      if (c.correction.type !== 'same-entity-as') continue;
      const target = c.correction.entity;
      for (const m of doc.entities) if (covers(c, m) && m.id !== target) merges.set(m.id, target);
    }
  }
  const resolve = (id: string): string => {
    const seen = new Set<string>();
    while (merges.has(id) && !seen.has(id)) {
      seen.add(id);
      id = merges.get(id) as string;
    }
    return id;
  };
  const entities = new Map<string, ReportEntity>();
  for (const e of report.entities) entities.set(e.id, { ...e, aliases: [...e.aliases], roles: [...e.roles] });
  for (const [from] of merges) {
    const to = resolve(from);
    const src = entities.get(from);
    const dst = entities.get(to);
    if (src && dst) {
      dst.aliases = [...new Set([...dst.aliases, src.name, ...src.aliases])].filter((n) => n !== dst.name);
      dst.roles = [...new Set([...dst.roles, ...src.roles])];
    }
    entities.delete(from);
  }

  const documents = report.documents.map((doc) => applyToDocument(doc, corrections.get(doc.path) ?? [], resolve, entities));
  return { ...report, documents, entities: [...entities.values()] };
}

/** Corrections of one document (identity merges limited to it). */
export function applyCorrectionsToDocument(doc: ReportDocument, corrections: readonly CorrectionSpan[]): ReportDocument {
  const merged = applyCorrections({ schema: 'news-annotator/scan@1', documents: [doc], entities: [] }, new Map([[doc.path, corrections]]));
  return merged.documents[0];
}

function applyToDocument(
  doc: ReportDocument,
  corrections: readonly CorrectionSpan[],
  resolve: (id: string) => string,
  entities: Map<string, ReportEntity>,
): ReportDocument {
  const of = (t: Correction['type']) => corrections.filter((c) => c.correction.type === t);
  const notQuote = of('not-quote');
  const setSpeaker = of('set-speaker');
  const notEntity = of('not-entity');
  const different = of('different-entity');
  const notShared = of('not-shared');

  const quotes = doc.quotes
    .filter((q) => !notQuote.some((c) => covers(c, q)))
    .map((q) => {
      const c = setSpeaker.find((s) => covers(s, q));
      if (!c || c.correction.type !== 'set-speaker') return q;
      const speaker = resolve(c.correction.entity);
      return { ...q, speaker, speakerName: entities.get(speaker)?.name ?? speaker, correctedBy: c.annotationId };
    });
  const mentions = doc.entities
    .filter((m) => !notEntity.some((c) => covers(c, m)))
    .map((m) => {
      const split = different.find((c) => covers(c, m));
      if (split && split.correction.type === 'different-entity') {
        const id = split.correction.entity ?? `${m.id}~${split.annotationId}`;
        if (!entities.has(id)) {
          const old = entities.get(m.id);
          entities.set(id, { id, type: m.type, name: split.exact ?? old?.name ?? id, aliases: [], roles: [] });
        }
        return { ...m, id, correctedBy: split.annotationId };
      }
      const id = resolve(m.id);
      return id === m.id ? m : { ...m, id };
    });
  const shared = doc.shared.filter((s) => !notShared.some((c) => covers(c, s)));
  return { ...doc, quotes, entities: mentions, shared };
}
