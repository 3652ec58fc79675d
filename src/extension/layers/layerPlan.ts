// What the three annotation layers draw for one article, computed from its report. Pure (no vscode
// import): the decoration adapter turns these offsets into ranges, and unit tests check them directly.
import type { EntityType, ReportDocument, ReportEntity, ReportQuote, ReportShared, Span } from '../../core/model';
import { excerpt, outletsOf, type OutletLookup } from './outletNames';

/** Longest speaker label drawn inline; a long attribution phrase is cut with an ellipsis. */
export const SPEAKER_LABEL_MAX = 28;

export interface PassageThresholds {
  /** Shared passages shorter than this many words are not shown. */
  minimumWords: number;
  /** Matches less similar than this (0–1) are not shown. */
  minimumSimilarity: number;
}

export const DEFAULT_THRESHOLDS: PassageThresholds = { minimumWords: 0, minimumSimilarity: 0 };

/** Strength of a shared passage: how many other outlets carry it (3 means three or more). */
export type SharedStrength = 1 | 2 | 3;

export interface SpeakerLabel {
  /** Where the label goes: just after the closing quote mark. */
  offset: number;
  label: string;
}

export interface LayerPlan {
  quotes: { speech: Span[]; term: Span[] };
  speakerLabels: SpeakerLabel[];
  entities: Record<EntityType, Span[]>;
  shared: Record<SharedStrength, Span[]>;
}

const CLOSING_MARKS = new Set(['”', '"', '’', "'", '»', '“', '›', '」', '』']);

export function wordCount(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu);
  return words ? words.length : 0;
}

/** The shared passages worth showing: matches in other articles above the similarity floor, passages above the length floor. */
export function visibleShared(report: Pick<ReportDocument, 'shared' | 'path'>, text: string, thresholds: PassageThresholds = DEFAULT_THRESHOLDS): ReportShared[] {
  const out: ReportShared[] = [];
  for (const shared of report.shared) {
    // A copy inside the same file (a page that prints the story twice) is the structure layer's business.
    const matches = shared.matches.filter((m) => m.path !== report.path && m.similarity >= thresholds.minimumSimilarity);
    if (matches.length === 0) continue;
    if (thresholds.minimumWords > 0 && wordCount(text.slice(shared.start, shared.end)) < thresholds.minimumWords) continue;
    out.push(matches.length === shared.matches.length ? shared : { ...shared, matches });
  }
  return out;
}

export function sharedStrength(outletCount: number): SharedStrength {
  return outletCount >= 3 ? 3 : outletCount === 2 ? 2 : 1;
}

/** The name shown after a quote: the attribution's own words, else the speaker entity's name. */
export function speakerNameOf(quote: ReportQuote, entitiesById: ReadonlyMap<string, ReportEntity>): string | null {
  if (quote.speakerName && quote.speakerName.trim()) return quote.speakerName.trim();
  if (quote.speaker) return entitiesById.get(quote.speaker)?.name ?? null;
  return null;
}

export function speakerLabelOffset(text: string, quote: Span): number {
  return quote.end < text.length && CLOSING_MARKS.has(text[quote.end]) ? quote.end + 1 : quote.end;
}

export function planLayers(
  report: ReportDocument,
  text: string,
  entitiesById: ReadonlyMap<string, ReportEntity>,
  lookup: OutletLookup,
  thresholds: PassageThresholds = DEFAULT_THRESHOLDS,
): LayerPlan {
  const plan: LayerPlan = {
    quotes: { speech: [], term: [] },
    speakerLabels: [],
    entities: { PERSON: [], ORG: [], PLACE: [] },
    shared: { 1: [], 2: [], 3: [] },
  };
  const inText = (s: Span) => s.start >= 0 && s.end <= text.length && s.start < s.end;
  for (const quote of report.quotes) {
    if (!inText(quote)) continue;
    (quote.kind === 'term' ? plan.quotes.term : plan.quotes.speech).push({ start: quote.start, end: quote.end });
    if (quote.kind === 'term') continue;
    const name = speakerNameOf(quote, entitiesById);
    if (name) plan.speakerLabels.push({ offset: speakerLabelOffset(text, quote), label: `— ${excerpt(name, SPEAKER_LABEL_MAX)}` });
  }
  for (const mention of report.entities) {
    if (!inText(mention)) continue;
    const type = (mention.type in plan.entities ? mention.type : entitiesById.get(mention.id)?.type) as EntityType | undefined;
    if (type && type in plan.entities) plan.entities[type].push({ start: mention.start, end: mention.end });
  }
  for (const shared of visibleShared(report, text, thresholds)) {
    if (!inText(shared)) continue;
    plan.shared[sharedStrength(outletsOf(shared, lookup).length)].push({ start: shared.start, end: shared.end });
  }
  return plan;
}
