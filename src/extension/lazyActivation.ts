// The extension's entry: activation registers stand-ins for its contributions and loads the rest
// (`main`: the analysis core, the layers, views and commands; ~400 KB minified) only when it is needed.
//
// Why: the first article opened in a folder pays for VS Code activating the extension on the article's
// language (a few hundred ms after its text is drawn), loading the code and analysing on a cold JIT.
// Activating at startup avoids all of that, but the folders worth it cannot be told apart by
// `workspaceContains` alone: `*.txt` / `*.md` at the root also match a repository's LICENSE.txt or
// README.md. So the extension activates on those too, and this entry (a few KB) decides: `main` loads
// at once when an article is open; in idle time when a folder root says it holds articles (a news
// folder's own files, a `.news` article, or several text files that are not a repository's usual
// ones); otherwise not until an article opens, a command runs or a view of ours is shown. In an
// unrelated workspace activation then costs this file and one listing of the folder root: no analysis
// code, no warm-up, no scan.
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from './api';
import { looksLikeArticleFolder } from './articleFolder';

/** What `main` exports (src/extension/extension.ts). */
export interface MainModule {
  activate(context: vscode.ExtensionContext): NewsAnnotatorApi;
  deactivate(): Promise<void>;
  resolveCoverageView(view: vscode.WebviewView, context: vscode.WebviewViewResolveContext, token: vscode.CancellationToken): void | Thenable<void>;
}

/** Languages of the documents the extension annotates (package.json's `onLanguage` events). */
const ARTICLE_LANGUAGES = new Set(['plaintext', 'markdown', 'news']);
/** View ids contributed in package.json, with stand-ins until `main` provides them. */
const TREE_VIEWS = ['newsAnnotator.sharedParagraphs', 'newsAnnotator.entities', 'newsAnnotator.quotes', 'newsAnnotator.annotations'];
const COVERAGE_VIEW = 'newsAnnotator.coverage';

export function isArticleLanguage(document: vscode.TextDocument): boolean {
  return ARTICLE_LANGUAGES.has(document.languageId);
}

export function activateLazily(context: vscode.ExtensionContext, loadMain: () => MainModule): { api: NewsAnnotatorApi; deactivate: () => Promise<void> } {
  let main: MainModule | undefined;
  let api: NewsAnnotatorApi | undefined;
  const standIns: vscode.Disposable[] = [];
  let disposed = false;
  context.subscriptions.push({ dispose: () => ((disposed = true), standIns.splice(0).forEach((d) => d.dispose())) });
  const load = (): NewsAnnotatorApi => {
    if (api) return api;
    // Stand-ins go first: `main` registers the real commands and views under the same ids.
    for (const d of standIns.splice(0)) d.dispose();
    main = loadMain();
    api = main.activate(context);
    return api;
  };
  const lazyApi: NewsAnnotatorApi = {
    version: 1,
    get annotations() {
      return load().annotations;
    },
    analysisFor: (document) => load().analysisFor(document),
  };
  const deactivate = async () => main?.deactivate();

  // A command of ours: load, then run it.
  const commands = ((context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? []).map((c) => c.command);
  for (const id of commands) {
    standIns.push(
      vscode.commands.registerCommand(id, (...args: unknown[]) => {
        load();
        return vscode.commands.executeCommand(id, ...args);
      }),
    );
  }
  // Activated for an article's language (or with one restored at startup): load just after activation
  // returns (the article's layers wait for that anyway: main draws them a macrotask after its
  // activate), so that VS Code goes on with the other extensions of the same event meanwhile and
  // activation itself stays a few ms. Until then the command stand-ins answer.
  if (vscode.workspace.textDocuments.some(isArticleLanguage)) {
    setTimeout(() => disposed || load(), 0);
    return { api: lazyApi, deactivate };
  }
  // A view of ours shown while nothing else loaded `main`: load (the real providers replace these and
  // fill the views). Only in a folder that stays dormant: where `main` loads anyway, views it provides
  // are never first registered to a stand-in.
  const standInViews = () => {
    for (const id of TREE_VIEWS) {
      standIns.push(
        vscode.window.registerTreeDataProvider<never>(id, {
          getTreeItem: (x) => x,
          getChildren: () => {
            setTimeout(load, 0);
            return [];
          },
        }),
      );
    }
    standIns.push(
      vscode.window.registerWebviewViewProvider(COVERAGE_VIEW, {
        resolveWebviewView: (view, resolveContext, token) => {
          load();
          return main!.resolveCoverageView(view, resolveContext, token);
        },
      }),
    );
  };
  // An article opened.
  const opened = vscode.workspace.onDidOpenTextDocument((document) => {
    if (isArticleLanguage(document)) load();
  });
  standIns.push(opened);
  // A folder of articles: load in idle time, so the first article opens warm.
  void (async () => {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (api) return;
      const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(folder.uri)).catch(() => [] as [string, vscode.FileType][]);
      const names = entries.filter(([, type]) => type & vscode.FileType.File).map(([name]) => name);
      if (looksLikeArticleFolder(names)) {
        setTimeout(() => disposed || load(), 0);
        return;
      }
    }
    if (!api && !disposed) standInViews();
  })();
  return { api: lazyApi, deactivate };
}
