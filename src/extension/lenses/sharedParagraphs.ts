// Shared passages grouped by the paragraph they sit in: what the CodeLens, the Shared paragraphs tree,
// the hover and next/previous navigation show. Pure (no vscode import).
import type { Paragraph, ReportDocument, ReportShared, ReportSharedMatch, Span } from '../../core/model';
import { visibleShared, type PassageThresholds } from '../layers/layerPlan';
import { outletsOf, type OutletLookup } from '../layers/outletNames';

export interface PassageTarget extends Span {
  path: string;
}

/** What the comparison opens: one passage of this article and the copy of it in another. */
export interface ComparisonRequest {
  left: PassageTarget;
  right: PassageTarget;
  similarity: number;
}

export interface SharedParagraph {
  /** The paragraph (or, outside any paragraph, the passage itself). */
  paragraph: Span & { kind?: Paragraph['kind'] };
  passages: ReportShared[];
  /** Distinct outlets carrying any passage of the paragraph, most similar first. */
  outlets: { outlet: string; path: string; similarity: number }[];
  origin: { path: string; why: string } | null;
  /** The comparison the lens opens: the longest passage against its origin copy or its closest copy. */
  comparison: ComparisonRequest;
}

function bestMatch(shared: ReportShared): ReportSharedMatch {
  const origin = shared.origin?.path;
  const fromOrigin = origin ? shared.matches.find((m) => m.path === origin) : undefined;
  if (fromOrigin) return fromOrigin;
  return shared.matches.reduce((best, m) => (m.similarity > best.similarity ? m : best));
}

export function comparisonFor(path: string, shared: ReportShared, match: ReportSharedMatch = bestMatch(shared)): ComparisonRequest {
  return {
    left: { path, start: shared.start, end: shared.end },
    right: { path: match.path, start: match.start, end: match.end },
    similarity: match.similarity,
  };
}

/**
 * The comparison for a whole paragraph: the copy in one other article (the likely origin when it is
 * another article, else the one that matches most of the paragraph), both sides spanning every passage
 * of the paragraph found in that copy, so a paragraph cut into several passages is compared at once.
 */
export function paragraphComparison(path: string, passages: readonly ReportShared[], originPath?: string | null): ComparisonRequest | undefined {
  const coverage = new Map<string, number>();
  for (const p of passages) for (const m of p.matches) if (m.path !== path) coverage.set(m.path, (coverage.get(m.path) ?? 0) + (p.end - p.start));
  if (coverage.size === 0) return undefined;
  const target = originPath && coverage.has(originPath) ? originPath : [...coverage].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  let left: Span | undefined;
  let right: Span | undefined;
  let weighted = 0;
  let length = 0;
  for (const p of passages) {
    const match = p.matches.filter((m) => m.path === target).sort((a, b) => b.similarity - a.similarity)[0];
    if (!match) continue;
    // Keep the right side in one place: a second copy far from the first (a repeat) is left out.
    if (right && (match.start > right.end + 2000 || match.end < right.start - 2000)) continue;
    left = left ? { start: Math.min(left.start, p.start), end: Math.max(left.end, p.end) } : { start: p.start, end: p.end };
    right = right ? { start: Math.min(right.start, match.start), end: Math.max(right.end, match.end) } : { start: match.start, end: match.end };
    weighted += match.similarity * (p.end - p.start);
    length += p.end - p.start;
  }
  if (!left || !right) return undefined;
  return { left: { path, ...left }, right: { path: target, ...right }, similarity: length ? weighted / length : 0 };
}

export function groupSharedByParagraph(
  report: ReportDocument,
  text: string,
  lookup: OutletLookup,
  thresholds?: PassageThresholds,
): SharedParagraph[] {
  const groups = new Map<number, SharedParagraph>();
  const paragraphs = report.paragraphs;
  const shared = visibleShared(report, text, thresholds).slice().sort((a, b) => a.start - b.start);
  for (const passage of shared) {
    const paragraph = paragraphs.find((p) => p.start <= passage.start && passage.start < p.end) ?? { start: passage.start, end: passage.end };
    let group = groups.get(paragraph.start);
    if (!group) {
      group = { paragraph, passages: [], outlets: [], origin: null, comparison: comparisonFor(report.path, passage) };
      groups.set(paragraph.start, group);
    }
    group.passages.push(passage);
  }
  for (const group of groups.values()) {
    const all: ReportShared = { start: group.paragraph.start, end: group.paragraph.end, matches: group.passages.flatMap((p) => p.matches) };
    group.outlets = outletsOf(all, lookup).sort((a, b) => b.similarity - a.similarity);
    const longest = group.passages.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    group.origin = longest.origin ?? group.passages.find((p) => p.origin)?.origin ?? null;
    group.comparison = paragraphComparison(report.path, group.passages, group.origin?.path) ?? comparisonFor(report.path, longest);
  }
  return [...groups.values()].sort((a, b) => a.paragraph.start - b.paragraph.start);
}

/** "Shared with 3 outlets: AP · Epoch Times · Gleaner" (the caller localises the words). */
export function lensTitle(outlets: readonly { outlet: string }[], words: { one: string; many: string } = { one: 'Shared with 1 outlet', many: 'Shared with {0} outlets' }): string {
  const head = outlets.length === 1 ? words.one : words.many.replace('{0}', String(outlets.length));
  return `${head}: ${outlets.map((o) => o.outlet).join(' · ')}`;
}

/** The shared passage after (direction 1) or before (-1) an offset, wrapping around. */
export function adjacentPassage(passages: readonly Span[], offset: number, direction: 1 | -1): Span | undefined {
  if (passages.length === 0) return undefined;
  const sorted = passages.slice().sort((a, b) => a.start - b.start);
  if (direction === 1) return sorted.find((p) => p.start > offset) ?? sorted[0];
  // From inside a passage, "previous" means the one before it, not its own start.
  const inside = sorted.find((p) => p.start < offset && offset < p.end);
  const reference = inside ? inside.start : offset;
  const candidates = sorted.filter((p) => p.start < reference);
  return candidates[candidates.length - 1] ?? sorted[sorted.length - 1];
}
