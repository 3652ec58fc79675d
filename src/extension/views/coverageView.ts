// The Coverage webview view: outlets against outlets (how much of each article another one carries)
// and each article's share of original text. The page is built from media/coverage.{js,css} under a
// strict CSP with a fresh nonce; the data goes over the typed protocol in coverageProtocol.ts and the
// script writes every string with textContent, so article text is never parsed as HTML.
import * as vscode from 'vscode';
import type { ArticleReports } from '../layers/articleReports';
import { comparisonFor } from '../lenses/sharedParagraphs';
import { openComparison } from '../compare/passageComparison';
import { coverageModel } from './coverageModel';
import { isCoverageFromWebview, type CoverageStrings, type CoverageToWebview } from './coverageProtocol';

export function nonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  // btoa, not Buffer: the extension also runs in the browser (VS Code for the Web).
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/[+/=]/g, (c) => (c === '+' ? '-' : c === '/' ? '_' : ''));
}

export function coverageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, scriptNonce: string): string {
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${scriptNonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('coverage.css')}">
<title>Coverage</title>
</head>
<body>
<main id="root" aria-live="polite"></main>
<script nonce="${scriptNonce}" src="${media('coverage.js')}"></script>
</body>
</html>`;
}

export class CoverageViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'newsAnnotator.coverage';
  private view: vscode.WebviewView | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private pending: ReturnType<typeof setTimeout> | undefined;
  /** The last message posted (tests read it). */
  lastMessage: CoverageToWebview | undefined;

  constructor(private readonly reports: ArticleReports, private readonly extensionUri: vscode.Uri) {
    this.subscriptions.push(
      reports.onDidChange(() => this.schedule()),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] };
    view.webview.html = coverageHtml(view.webview, this.extensionUri, nonce());
    this.subscriptions.push(
      view.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      view.onDidChangeVisibility(() => view.visible && this.post()),
      view.onDidDispose(() => (this.view = undefined)),
    );
  }

  private schedule(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.post();
    }, 150);
  }

  message(): CoverageToWebview {
    if (!vscode.workspace.workspaceFolders?.length && this.reports.paths().length === 0) {
      return { type: 'empty', message: vscode.l10n.t('Open a folder of news articles to compare their coverage.'), action: { label: vscode.l10n.t('Open Folder'), command: 'openFolder' } };
    }
    const documents = this.reports.documents();
    if (documents.length < 2) {
      return { type: 'empty', message: vscode.l10n.t('Scan the workspace to see how much each article shares with the others.'), action: { label: vscode.l10n.t('Scan Workspace'), command: 'scan' } };
    }
    const data = coverageModel(documents, (p) => this.reports.textOf(p)?.length ?? 0);
    const active = this.reports.latest(vscode.window.activeTextEditor?.document)?.path ?? null;
    const strings: CoverageStrings = {
      matrixTitle: vscode.l10n.t('Shared text'),
      matrixHelp: vscode.l10n.t('Each row is an article; a cell is how much of that article the column’s article also prints. Click a cell to compare.'),
      originalTitle: vscode.l10n.t('Original text'),
      originalHelp: vscode.l10n.t('How much of each article appears in no other article.'),
      rowHeader: vscode.l10n.t('Article'),
      cellTitle: vscode.l10n.t('{0} of {1} is also in {2}'),
      originalBarTitle: vscode.l10n.t('{0}: {1} original text'),
    };
    return { type: 'coverage', data, activePath: active, strings };
  }

  post(): void {
    if (!this.view?.visible) return;
    this.lastMessage = this.message();
    void this.view.webview.postMessage(this.lastMessage);
  }

  private async receive(message: unknown): Promise<void> {
    if (!isCoverageFromWebview(message)) return;
    switch (message.type) {
      case 'ready':
        this.post();
        return;
      case 'openArticle': {
        const uri = this.reports.uriFor(message.path);
        if (uri) await vscode.window.showTextDocument(uri, { preview: true });
        return;
      }
      case 'compareArticles': {
        const report = this.reports.forPath(message.from);
        let best: { shared: NonNullable<typeof report>['shared'][number]; match: NonNullable<typeof report>['shared'][number]['matches'][number] } | undefined;
        for (const shared of report?.shared ?? []) {
          for (const match of shared.matches) {
            if (match.path !== message.to) continue;
            if (!best || shared.end - shared.start > best.shared.end - best.shared.start) best = { shared, match };
          }
        }
        if (best) await openComparison(this.reports, comparisonFor(message.from, best.shared, best.match));
        return;
      }
      case 'runAction':
        await vscode.commands.executeCommand(message.command === 'scan' ? 'newsAnnotator.scanWorkspace' : 'vscode.openFolder');
        return;
    }
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    for (const s of this.subscriptions) s.dispose();
  }
}
