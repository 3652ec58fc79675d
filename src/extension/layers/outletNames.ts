// How the UI names an article: its outlet when the corpus knows it, else its file name without the
// extension. Pure (no vscode import) so views, hovers and exports agree and unit tests can call it.
import type { ReportDocument, ReportShared } from '../../core/model';

export function fileStem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

export function outletLabel(path: string, outlet: string | null | undefined): string {
  return outlet && outlet.trim() ? outlet.trim() : fileStem(path);
}

/** Looks up the outlet of a corpus path; `lookup` returns the document's report (or undefined). */
export type OutletLookup = (path: string) => Pick<ReportDocument, 'outlet'> | undefined;

/** The distinct outlets (in first-seen order) that carry a shared passage, with their best similarity. */
export function outletsOf(shared: Pick<ReportShared, 'matches'>, lookup: OutletLookup): { outlet: string; path: string; similarity: number }[] {
  const byOutlet = new Map<string, { outlet: string; path: string; similarity: number }>();
  for (const match of shared.matches) {
    const outlet = outletLabel(match.path, lookup(match.path)?.outlet);
    const seen = byOutlet.get(outlet);
    if (!seen) byOutlet.set(outlet, { outlet, path: match.path, similarity: match.similarity });
    else if (match.similarity > seen.similarity) Object.assign(seen, { path: match.path, similarity: match.similarity });
  }
  return [...byOutlet.values()];
}

export function percent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–';
  return `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`;
}

/** One line of text, at most `max` characters, cut at a word boundary with an ellipsis. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
