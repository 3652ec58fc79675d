// The comparison: a passage of this article and its copy in another, side by side in VS Code's diff
// editor. Both sides come from a read-only content provider (scheme `news-passage`) that serves just the
// passage, one sentence per line, so the diff is trimmed to the passage and word changes stand out.
import * as vscode from 'vscode';
import type { ArticleReports } from '../layers/articleReports';
import { excerpt, fileStem } from '../layers/outletNames';
import type { ComparisonRequest, PassageTarget } from '../lenses/sharedParagraphs';
import { decodePassageQuery, encodePassageQuery, PASSAGE_SCHEME, sentencesPerLine } from './passageText';

export { PASSAGE_SCHEME };

export class PassageContentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly reports: ArticleReports) {
    this.subscription = reports.onDidChange(() => {
      for (const document of vscode.workspace.textDocuments) {
        if (document.uri.scheme === PASSAGE_SCHEME) this.changed.fire(document.uri);
      }
    });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const query = decodePassageQuery(uri.query);
    if (!query) return '';
    const text = this.reports.textOf(query.path);
    if (text === undefined) return vscode.l10n.t('{0} is no longer in the corpus.', query.path);
    return sentencesPerLine(text.slice(query.start, query.end)) + '\n';
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function passageUri(reports: ArticleReports, target: PassageTarget): vscode.Uri {
  // No file extension: the passage must never look like an article file to the include globs.
  const label = `${reports.outletOf(target.path)} — ${fileStem(target.path)} (passage)`.replace(/[\\/?#]/g, '_');
  return vscode.Uri.from({ scheme: PASSAGE_SCHEME, path: `/${label}`, query: encodePassageQuery(target) });
}

export async function openComparison(reports: ArticleReports, request: ComparisonRequest): Promise<void> {
  const left = passageUri(reports, request.left);
  const right = passageUri(reports, request.right);
  const words = excerpt(reports.textOf(request.left.path)?.slice(request.left.start, request.left.end) ?? '', 40);
  const title = vscode.l10n.t('{0} ↔ {1}: “{2}”', reports.outletOf(request.left.path), reports.outletOf(request.right.path), words);
  // Not a preview: it must not replace the article's own (preview) tab.
  await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: false });
}

/** Opens a corpus document with a span selected and revealed. */
export async function openPassage(reports: ArticleReports, target: PassageTarget, options: { preserveFocus?: boolean; viewColumn?: vscode.ViewColumn } = {}): Promise<vscode.TextEditor | undefined> {
  const uri = reports.uriFor(target.path);
  if (!uri) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Cannot find {0} in the workspace.', target.path));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const range = new vscode.Range(document.positionAt(target.start), document.positionAt(target.end));
  return vscode.window.showTextDocument(document, {
    selection: range,
    preserveFocus: options.preserveFocus,
    viewColumn: options.viewColumn,
    preview: true,
  });
}
