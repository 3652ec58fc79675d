// The status bar item of the active article: quotes, entity mentions, shared passages and its share of
// original text. Clicking it opens the News Sources panel.
import * as vscode from 'vscode';
import type { ArticleReports } from './layers/articleReports';
import { visibleShared } from './layers/layerPlan';
import { percent } from './layers/outletNames';
import { timed } from './trace';
import { mergeSpans, overlapLength, storySpans } from './views/coverageModel';

export class ArticleStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('newsAnnotator.articleStatus', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly reports: ArticleReports) {
    this.item.name = vscode.l10n.t('News Annotator: article summary');
    this.item.command = 'newsAnnotator.showSourcesPanel';
    this.subscriptions.push(
      this.item,
      reports.onDidChange(() => timed('statusBar', () => this.update())),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('newsAnnotator.passages') && this.update()),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const latest = this.reports.latest(editor?.document);
    if (!latest) {
      this.item.hide();
      return;
    }
    const text = this.reports.textOf(latest.path) ?? '';
    const shared = visibleShared(latest.report, text, this.reports.thresholds());
    const story = storySpans(latest.report, text.length);
    const storyLength = story.reduce((n, s) => n + s.end - s.start, 0) || 1;
    const original = Math.max(0, 1 - overlapLength(story, mergeSpans(shared)) / storyLength);
    const quotes = latest.report.quotes.filter((q) => q.kind === 'speech').length;
    const entities = new Set(latest.report.entities.map((e) => e.id)).size;
    this.item.text = `$(quote) ${quotes}  $(person) ${entities}  $(files) ${shared.length}  ${vscode.l10n.t('{0} original', percent(original))}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${vscode.l10n.t('News Annotator')}** — `).appendText(this.reports.outletOf(latest.path));
    tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('{0} quotes · {1} entities · {2} shared passages', quotes, entities, shared.length));
    tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('{0} of the story appears in no other article of the corpus.', percent(original)));
    tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Click to open the News Sources panel.'));
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: vscode.l10n.t('{0} quotes, {1} entities, {2} shared passages, {3} original text', quotes, entities, shared.length, percent(original)),
    };
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
