// What the News Sources trees have in common: a tree view over the article reports that rebuilds only
// while it is visible (a hidden view costs nothing until it is shown), and, for the Entities and Quotes
// trees, a scope switch between the active article and the whole corpus.
import * as vscode from 'vscode';
import type { ReportDocument } from '../../core/model';
import type { ArticleReports } from '../layers/articleReports';
import { ViewScope } from './viewScope';

export abstract class ReportTree<Node> implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  protected readonly changed = new vscode.EventEmitter<Node | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  protected readonly subscriptions: vscode.Disposable[] = [];
  private dirty = true;

  constructor(viewId: string, protected readonly reports: ArticleReports) {
    this.view = vscode.window.createTreeView(viewId, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.view,
      this.changed,
      reports.onDidChange(() => this.rebuild()),
      this.view.onDidChangeVisibility((e) => e.visible && this.dirty && this.refreshNow()),
    );
  }

  /** Rebuilds now when the view is shown, else when it is next shown. */
  protected rebuild(): void {
    if (!this.view?.visible) {
      this.dirty = true;
      return;
    }
    this.refreshNow();
  }

  /** Brings a hidden, out-of-date tree up to date (for readers of its nodes). */
  refreshIfStale(): void {
    if (this.dirty) this.refreshNow();
  }

  /** Rebuilds the tree from the current reports. */
  refreshNow(): void {
    this.dirty = false;
    this.build();
  }

  protected abstract build(): void;
  abstract getTreeItem(node: Node): vscode.TreeItem;
  abstract getChildren(node?: Node): Node[];

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** A report tree showing either the active article or the whole corpus. */
export abstract class ScopedReportTree<Node> extends ReportTree<Node> {
  readonly scope: ViewScope;

  constructor(viewId: string, scopeKey: string, reports: ArticleReports) {
    super(viewId, reports);
    this.scope = new ViewScope(scopeKey);
    this.subscriptions.push(
      this.scope,
      this.scope.onDidChange(() => this.rebuild()),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (this.scope.current === 'article' && e && this.reports.isArticle(e.document)) this.rebuild();
      }),
    );
  }

  protected documentsInScope(): ReportDocument[] {
    if (this.scope.current === 'corpus') return this.reports.documents();
    const latest = this.reports.latest(vscode.window.activeTextEditor?.document);
    return latest ? [latest.report] : [];
  }
}
