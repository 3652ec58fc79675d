// The "Quotes" tree: quotes of the active article (or the whole corpus) grouped by speaker; each quote
// opens at its place and says how many other outlets print it.
import * as vscode from 'vscode';
import type { ReportQuote } from '../../core/model';
import type { ArticleReports } from '../layers/articleReports';
import { speakerNameOf } from '../layers/layerPlan';
import { otherCopies } from '../hovers/hoverContent';
import { excerpt } from '../layers/outletNames';
import { ScopedReportTree } from './reportTree';

type SpeakerNode = { kind: 'speaker'; name: string; quotes: QuoteNode[] };
type QuoteNode = { kind: 'quote'; path: string; quote: ReportQuote; text: string };
export type QuotesNode = SpeakerNode | QuoteNode;

export class QuotesTree extends ScopedReportTree<QuotesNode> {
  private roots: SpeakerNode[] = [];

  constructor(reports: ArticleReports) {
    super('newsAnnotator.quotes', 'newsAnnotator.quotesScope', reports);
    this.rebuild();
  }

  speakers(): readonly SpeakerNode[] {
    return this.roots;
  }

  protected build(): void {
    const byId = this.reports.entitiesById();
    const unattributed = vscode.l10n.t('Unattributed');
    const speakers = new Map<string, SpeakerNode>();
    for (const report of this.documentsInScope()) {
      const text = this.reports.textOf(report.path) ?? '';
      for (const quote of report.quotes) {
        if (quote.kind === 'term') continue;
        const name = (quote.speaker && byId.get(quote.speaker)?.name) || speakerNameOf(quote, byId) || unattributed;
        const key = quote.speaker ?? `name:${name}`;
        let node = speakers.get(key);
        if (!node) speakers.set(key, (node = { kind: 'speaker', name, quotes: [] }));
        node.quotes.push({ kind: 'quote', path: report.path, quote, text: text.slice(quote.start, quote.end) });
      }
    }
    this.roots = [...speakers.values()].sort((a, b) => (a.name === unattributed ? 1 : b.name === unattributed ? -1 : b.quotes.length - a.quotes.length || a.name.localeCompare(b.name)));
    this.view.description = this.scope.current === 'corpus' ? vscode.l10n.t('whole corpus') : vscode.l10n.t('this article');
    this.changed.fire();
  }

  getTreeItem(node: QuotesNode): vscode.TreeItem {
    if (node.kind === 'speaker') {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.quotes.length);
      item.iconPath = new vscode.ThemeIcon('person');
      return item;
    }
    const item = new vscode.TreeItem(`“${excerpt(node.text, 70)}”`, vscode.TreeItemCollapsibleState.None);
    const copies = otherCopies(node.path, node.quote.copies).length;
    const parts = [this.scope.current === 'corpus' ? this.reports.outletOf(node.path) : '', copies ? (copies === 1 ? vscode.l10n.t('in 1 other outlet') : vscode.l10n.t('in {0} other outlets', copies)) : ''];
    item.description = parts.filter(Boolean).join(' · ');
    item.tooltip = node.text;
    item.iconPath = new vscode.ThemeIcon('quote');
    item.command = { command: 'newsAnnotator.openPassage', title: vscode.l10n.t('Go to Quote'), arguments: [{ path: node.path, start: node.quote.start, end: node.quote.end }] };
    return item;
  }

  getChildren(node?: QuotesNode): QuotesNode[] {
    if (!node) return this.roots;
    return node.kind === 'speaker' ? node.quotes : [];
  }

}
