// Hovers over an article: the entity card, the quote (speaker and other outlets' copies) and the shared
// passage (outlets, similarity, origin, comparison links). Reads the cached reports; never analyses.
import * as vscode from 'vscode';
import type { ReportDocument } from '../../core/model';
import type { ArticleReports } from '../layers/articleReports';
import { visibleShared } from '../layers/layerPlan';
import { comparisonFor } from '../lenses/sharedParagraphs';
import {
  entityHoverMarkdown,
  HOVER_COMMANDS,
  quoteHoverMarkdown,
  sharedHoverMarkdown,
  type EntityMentionsByPath,
  type HoverContext,
} from './hoverContent';

export function hoverContext(reports: ArticleReports): HoverContext {
  return {
    t: (message, ...args) => vscode.l10n.t(message, ...args),
    outletOf: (path) => reports.outletOf(path),
    textOf: (target) => reports.textOf(target.path)?.slice(target.start, target.end),
  };
}

/** Every mention of an entity across the corpus, grouped by document. */
export function mentionsOfEntity(reports: ArticleReports, id: string): EntityMentionsByPath[] {
  const out: EntityMentionsByPath[] = [];
  for (const report of reports.documents()) {
    const mentions = report.entities.filter((m) => m.id === id).map((m) => ({ start: m.start, end: m.end }));
    if (mentions.length) out.push({ path: report.path, mentions });
  }
  return out;
}

function trusted(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown);
  md.isTrusted = { enabledCommands: Object.values(HOVER_COMMANDS) };
  md.supportThemeIcons = false;
  return md;
}

export class ArticleHoverProvider implements vscode.HoverProvider {
  constructor(private readonly reports: ArticleReports) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const article = this.reports.current(document);
    if (!article) return undefined;
    const offset = document.offsetAt(position);
    const sections = this.sections(article.report, article.analysis.text, offset);
    if (!sections.length) return undefined;
    const range = sections[0].range;
    return new vscode.Hover(
      sections.map((s) => trusted(s.markdown)),
      new vscode.Range(document.positionAt(range.start), document.positionAt(range.end)),
    );
  }

  private sections(report: ReportDocument, text: string, offset: number): { markdown: string; range: { start: number; end: number } }[] {
    const ctx = hoverContext(this.reports);
    const out: { markdown: string; range: { start: number; end: number } }[] = [];
    const inside = (s: { start: number; end: number }, pad = 0) => s.start - pad <= offset && offset < s.end + pad;

    const mention = report.entities.find((m) => inside(m));
    if (mention) {
      const entity = this.reports.entitiesById().get(mention.id) ?? { id: mention.id, type: mention.type, name: text.slice(mention.start, mention.end), aliases: [], roles: [] };
      out.push({ markdown: entityHoverMarkdown(entity, mentionsOfEntity(this.reports, mention.id), ctx), range: mention });
    }
    const quote = report.quotes.find((q) => inside(q, 1));
    if (quote) {
      const entityName = quote.speaker ? this.reports.entitiesById().get(quote.speaker)?.name ?? null : null;
      out.push({ markdown: quoteHoverMarkdown(quote, { name: quote.speakerName ?? null, entityName }, ctx, report.path), range: quote });
    }
    const passage = visibleShared(report, text, this.reports.thresholds()).find((s) => inside(s));
    if (passage) {
      const comparisons = passage.matches.map((m) => comparisonFor(report.path, passage, m));
      out.push({ markdown: sharedHoverMarkdown(report.path, passage, comparisons, ctx), range: passage });
    }
    return out;
  }
}
