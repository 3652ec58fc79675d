// What the Coverage view draws: for every pair of articles, how much of one article's own text is
// found in the other, and for every article the share of its text found in no other. Lengths count the
// article's story paragraphs (not site boilerplate or a repeated copy). Pure (no vscode import).
import type { ReportDocument, Span } from '../../core/model';
import { outletLabel } from '../layers/outletNames';
import type { CoverageArticle, CoverageData } from './coverageProtocol';

export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).slice().sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Total length of the intersection of two merged, sorted span lists. */
export function overlapLength(a: readonly Span[], b: readonly Span[]): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (end > start) total += end - start;
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return total;
}

export function storySpans(report: Pick<ReportDocument, 'paragraphs'>, textLength: number): Span[] {
  const story = report.paragraphs.filter((p) => p.kind !== 'boilerplate' && p.repeatOf === undefined);
  return mergeSpans(story.length ? story : [{ start: 0, end: textLength }]);
}

export function coverageModel(reports: readonly ReportDocument[], textLength: (path: string) => number): CoverageData {
  const articles: CoverageArticle[] = [];
  const index = new Map(reports.map((r, i) => [r.path, i]));
  const shares: number[][] = reports.map(() => reports.map(() => 0));
  reports.forEach((report, i) => {
    const story = storySpans(report, textLength(report.path));
    const storyLength = story.reduce((n, s) => n + s.end - s.start, 0) || 1;
    const byOther = new Map<number, Span[]>();
    for (const shared of report.shared) {
      for (const match of shared.matches) {
        const j = index.get(match.path);
        if (j === undefined || j === i) continue;
        if (!byOther.has(j)) byOther.set(j, []);
        byOther.get(j)!.push(shared);
      }
    }
    for (const [j, spans] of byOther) shares[i][j] = Math.min(1, overlapLength(story, mergeSpans(spans)) / storyLength);
    const sharedAny = overlapLength(story, mergeSpans(report.shared));
    articles.push({
      path: report.path,
      outlet: outletLabel(report.path, report.outlet),
      storyCharacters: storyLength,
      original: Math.max(0, 1 - sharedAny / storyLength),
      sharedPassages: report.shared.length,
    });
  });
  return { articles, shares };
}
