// A CodeLens over each shared paragraph: "Shared with 3 outlets: AP · Epoch Times · Gleaner"; clicking
// it opens the comparison with the likely origin (or the closest copy).
import * as vscode from 'vscode';
import type { ArticleReports } from '../layers/articleReports';
import { groupSharedByParagraph, lensTitle } from './sharedParagraphs';

export class SharedPassageLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly reports: ArticleReports, private readonly enabled: () => boolean) {
    this.subscriptions = [
      this.changed,
      reports.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('newsAnnotator.layers') || e.affectsConfiguration('newsAnnotator.passages')) this.changed.fire();
      }),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!this.enabled()) return [];
    const article = await this.reports.whenCurrent(document, token);
    if (!article || token.isCancellationRequested) return [];
    const groups = groupSharedByParagraph(article.report, article.analysis.text, this.reports.outletLookup, this.reports.thresholds());
    const words = { one: vscode.l10n.t('Shared with 1 outlet'), many: vscode.l10n.t('Shared with {0} outlets', '{0}') };
    return groups.map((group) => {
      const at = document.positionAt(group.paragraph.start);
      return new vscode.CodeLens(new vscode.Range(at, at), {
        title: lensTitle(group.outlets, words),
        tooltip: vscode.l10n.t('Compare this passage with the copy in {0}', this.reports.outletOf(group.comparison.right.path)),
        command: 'newsAnnotator.comparePassage',
        arguments: [group.comparison],
      });
    });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
