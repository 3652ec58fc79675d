// Keeping annotations on their words.
//
// (a) Live edits: `moveSpan` carries a span through the changes an editor reports. Text inserted
//     before it shifts it; text inserted strictly inside it becomes part of it; an insertion exactly at
//     either boundary stays outside; a deletion that overlaps it trims it; a change that removes all of
//     its characters leaves `null` (an orphan candidate, to be re-anchored by quote).
// (b) Outside changes: `anchorTarget` re-anchors as Hypothesis does: the stored position if the quote
//     is still there, else a fuzzy search for the quote (approx-string-match, Myers' bit-parallel
//     algorithm) scored with prefix, suffix and distance from the old position. Below the threshold
//     the annotation is an orphan: never attached to other words.

import search from 'approx-string-match';
import { CONTEXT_LENGTH, type AnnotationTarget, type TextChange } from './types';
import type { Span } from '../model';

/** Moves a span through one change (offsets of the text before the change). `null`: its words are gone. */
export function moveSpanThrough(span: Span, change: TextChange): Span | null {
  const { start, end } = span;
  const cs = change.start;
  const ce = change.end;
  const delta = change.newText.length - (ce - cs);
  if (ce <= start) {
    // Entirely before (an insertion exactly at the start stays outside).
    return { start: start + delta, end: end + delta };
  }
  if (cs >= end) return { start, end }; // entirely after (insertion at the end stays outside)
  if (cs <= start && ce >= end) return null; // every character of the span is replaced or deleted
  if (cs > start && ce < end) return { start, end: end + delta }; // strictly inside
  if (cs <= start) {
    // Overlaps the beginning: the deleted head is gone, new text stays before the span.
    return { start: cs + change.newText.length, end: end + delta };
  }
  if (ce >= end) {
    // Overlaps the end: the deleted tail is gone, new text stays after the span.
    return { start, end: cs };
  }
  // cs > start && ce === end is handled above; cs === start && ce < end too. Unreachable.
  return { start, end: end + delta };
}

/** Moves a span through changes applied one after the other (VS Code's `contentChanges` order). */
export function moveSpan(span: Span, changes: readonly TextChange[]): Span | null {
  let s: Span | null = span;
  for (const c of changes) {
    if (!s) return null;
    s = moveSpanThrough(s, c);
    if (s && s.end <= s.start) return null;
  }
  return s;
}

/** Applies changes (one after the other) to a text. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  for (const c of changes) text = text.slice(0, c.start) + c.newText + text.slice(c.end);
  return text;
}

/** A target re-described at a span of a text: quote, context and position. */
export function targetAt(text: string, source: string, span: Span, contextLength = CONTEXT_LENGTH): AnnotationTarget {
  let ps = Math.max(0, span.start - contextLength);
  let se = Math.min(text.length, span.end + contextLength);
  // Do not split a surrogate pair at the edges of the context.
  if (ps > 0 && isLowSurrogate(text.charCodeAt(ps))) ps--;
  if (se < text.length && isLowSurrogate(text.charCodeAt(se))) se++;
  return {
    source,
    exact: text.slice(span.start, span.end),
    prefix: text.slice(ps, span.start),
    suffix: text.slice(span.end, se),
    start: span.start,
    end: span.end,
  };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Quotes at least this long found verbatim exactly once are accepted without context. */
export const UNIQUE_QUOTE_LENGTH = 20;

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export interface Anchored extends Span {
  method: AnchorMethod;
  /** 0..1; 1 for an exact match at the stored position. */
  score: number;
}

export interface AnchorOptions {
  /** Maximum edit errors in the quote, as a fraction of its length (default 0.2). */
  maxErrorRate?: number;
  /** Minimum combined score to accept a match (default 0.75). */
  threshold?: number;
}

/** Similarity 0..1 of `expected` to the best approximate occurrence of it in `actual`. */
function contextScore(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  const m = search(actual, expected, expected.length);
  if (m.length === 0) return 0;
  const errors = Math.min(...m.map((x) => x.errors));
  return Math.max(0, 1 - errors / expected.length);
}

/**
 * Finds where a target's quote is in `text` now. Returns null (orphan) when it cannot be found with
 * enough confidence. Never returns a span whose text differs from the quote by more than
 * `maxErrorRate` of its length.
 */
export function anchorTarget(text: string, target: AnnotationTarget, options: AnchorOptions = {}): Anchored | null {
  const { exact, prefix, suffix } = target;
  const maxErrorRate = options.maxErrorRate ?? 0.2;
  const threshold = options.threshold ?? 0.75;
  const hasPosition = target.start >= 0 && target.end >= target.start;

  // No quote (e.g. an import with only a TextPositionSelector): trust the position if it fits.
  if (exact.length === 0) {
    if (hasPosition && target.end <= text.length && target.end > target.start) {
      return { start: target.start, end: target.end, method: 'position', score: 1 };
    }
    return null;
  }
  // 1. The quote is still at the stored position.
  if (hasPosition && text.slice(target.start, target.end) === exact) {
    return { start: target.start, end: target.end, method: 'position', score: 1 };
  }
  // 2. Search. Exact occurrences first (cheap), then approximate ones.
  const hint = hasPosition ? target.start : undefined;
  type Candidate = { start: number; end: number; errors: number };
  let candidates: Candidate[] = [];
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) {
    candidates.push({ start: i, end: i + exact.length, errors: 0 });
    if (candidates.length > 1000) break;
  }
  const maxErrors = Math.min(256, Math.floor(exact.length * maxErrorRate));
  if (candidates.length === 0 && maxErrors > 0) {
    candidates = search(text, exact, maxErrors);
  }
  if (candidates.length === 0) return null;

  const minErrors = Math.min(...candidates.map((c) => c.errors));
  const scored = candidates.map((c) => {
    const quoteScore = 1 - c.errors / exact.length;
    const prefixScore = contextScore(text.slice(Math.max(0, c.start - prefix.length - 2), c.start), prefix);
    const suffixScore = contextScore(text.slice(c.end, c.end + suffix.length + 2), suffix);
    const posScore = hint === undefined ? 1 : 1 - Math.abs(c.start - hint) / Math.max(1, text.length);
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    return { ...c, score, contextScore: (prefixScore + suffixScore) / 2 };
  });
  scored.sort((a, b) => b.score - a.score || a.start - b.start);
  const best = scored[0];
  // A long quote found verbatim exactly once is those words, whatever happened around it.
  const uniqueLongExact = best.errors === 0 && candidates.length === 1 && exact.length >= UNIQUE_QUOTE_LENGTH;
  if (!uniqueLongExact) {
    if (best.score < threshold) return null;
    // Ambiguity: the quote found in several places with about as good a context is not attached.
    const rivals = scored.filter(
      (c) => c !== best && best.score - c.score < 0.01 && (c.end <= best.start || c.start >= best.end),
    );
    if (rivals.length > 0 && best.contextScore < 0.999) return null;
    // A fuzzy match needs the context to agree as well: a similar phrase elsewhere is not the same words.
    if (best.errors > 0 && best.contextScore < 0.5) return null;
  }
  void minErrors;
  return {
    start: best.start,
    end: best.end,
    method: best.errors === 0 ? 'exact' : 'fuzzy',
    score: best.score,
  };
}
