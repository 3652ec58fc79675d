// The "Shared paragraphs" tree: for the active article, each paragraph that other outlets carry, with
// one child per outlet (similarity, likely origin). It follows the cursor; clicking an outlet opens
// that copy at the matching passage.
import * as vscode from 'vscode';
import { corpusKey } from '../corpusKeys';
import type { ArticleReports } from '../layers/articleReports';
import { excerpt, percent } from '../layers/outletNames';
import { ReportTree } from './reportTree';
import { comparisonFor, groupSharedByParagraph, type ComparisonRequest, type SharedParagraph } from '../lenses/sharedParagraphs';

export interface ParagraphNode {
  kind: 'paragraph';
  path: string;
  group: SharedParagraph;
  label: string;
  copies: CopyNode[];
}

export interface CopyNode {
  kind: 'copy';
  parent: ParagraphNode;
  outlet: string;
  comparison: ComparisonRequest;
  isOrigin: boolean;
}

export type SharedNode = ParagraphNode | CopyNode;

export class SharedParagraphsTree extends ReportTree<SharedNode> {
  private nodes: ParagraphNode[] = [];
  private path: string | undefined;

  constructor(reports: ArticleReports) {
    super('newsAnnotator.sharedParagraphs', reports);
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.rebuild()),
      vscode.window.tabGroups.onDidChangeTabs((e) => e.closed.length > 0 && this.rebuild()),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor) this.followCursor(e.textEditor);
      }),
    );
    this.rebuild();
  }

  /** The paragraphs listed now (tests and the status bar read them). */
  paragraphs(): readonly ParagraphNode[] {
    return this.nodes;
  }


  protected build(): void {
    const editor = vscode.window.activeTextEditor;
    // Keep showing the last article while the focus is elsewhere (a comparison, settings) and its tab is open.
    if ((!editor || !this.reports.isArticle(editor.document)) && this.path && this.isOpenInATab(this.path)) return;
    const latest = this.reports.latest(editor?.document);
    this.path = latest?.path;
    this.nodes = [];
    if (latest) {
      const text = this.reports.textOf(latest.path) ?? '';
      const groups = groupSharedByParagraph(latest.report, text, this.reports.outletLookup, this.reports.thresholds());
      this.nodes = groups.map((group) => {
        const node: ParagraphNode = { kind: 'paragraph', path: latest.path, group, label: excerpt(text.slice(group.paragraph.start, group.paragraph.end), 70), copies: [] };
        const seen = new Set<string>();
        const matches = group.passages
          .flatMap((passage) => passage.matches.map((match) => ({ passage, match })))
          .sort((a, b) => b.match.similarity - a.match.similarity);
        for (const { passage, match } of matches) {
          const outlet = this.reports.outletOf(match.path);
          if (seen.has(match.path)) continue;
          seen.add(match.path);
          node.copies.push({ kind: 'copy', parent: node, outlet, comparison: comparisonFor(latest.path, passage, match), isOrigin: group.origin?.path === match.path });
        }
        return node;
      });
    }
    this.view.description = latest ? this.reports.outletOf(latest.path) : undefined;
    this.changed.fire(undefined);
    if (editor) setTimeout(() => this.followCursor(editor), 0);
  }

  private isOpenInATab(path: string): boolean {
    return vscode.window.tabGroups.all.some((group) =>
      group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && corpusKey(tab.input.uri) === path),
    );
  }

  private followCursor(editor: vscode.TextEditor): void {
    if (!this.view.visible || !this.path) return;
    const offset = editor.document.offsetAt(editor.selection.active);
    const node = this.nodes.find((n) => n.group.paragraph.start <= offset && offset <= n.group.paragraph.end);
    if (!node || this.view.selection.includes(node)) return;
    // Show the outlets under the paragraph too: bring its last copy into view, then select the paragraph.
    const last = node.copies[node.copies.length - 1];
    const reveal = (target: SharedNode, options: { select: boolean; expand?: boolean }) =>
      Promise.resolve(this.view.reveal(target, { ...options, focus: false })).then(undefined, () => undefined);
    void (last ? reveal(last, { select: false }) : Promise.resolve()).then(() => reveal(node, { select: true, expand: true }));
  }

  getTreeItem(node: SharedNode): vscode.TreeItem {
    if (node.kind === 'paragraph') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      const n = node.group.outlets.length;
      item.description = n === 1 ? vscode.l10n.t('1 outlet') : vscode.l10n.t('{0} outlets', n);
      item.tooltip = new vscode.MarkdownString().appendText(node.group.outlets.map((o) => `${o.outlet} ${percent(o.similarity)}`).join('\n'));
      item.iconPath = new vscode.ThemeIcon('files');
      item.contextValue = 'newsSharedParagraph';
      item.command = { command: 'newsAnnotator.openPassage', title: vscode.l10n.t('Go to Paragraph'), arguments: [{ path: node.path, ...node.group.paragraph }] };
      return item;
    }
    const item = new vscode.TreeItem(node.outlet, vscode.TreeItemCollapsibleState.None);
    item.description = [percent(node.comparison.similarity), node.isOrigin ? vscode.l10n.t('likely origin') : ''].filter(Boolean).join(' · ');
    item.tooltip = vscode.l10n.t('Open the copy in {0} ({1}) at this passage', node.outlet, node.comparison.right.path);
    item.iconPath = new vscode.ThemeIcon(node.isOrigin ? 'star-full' : 'file-text');
    item.contextValue = 'newsSharedCopy';
    item.command = { command: 'newsAnnotator.openPassage', title: vscode.l10n.t('Open Copy'), arguments: [node.comparison.right, { beside: true }] };
    return item;
  }

  getChildren(node?: SharedNode): SharedNode[] {
    if (!node) return this.nodes;
    return node.kind === 'paragraph' ? node.copies : [];
  }

  getParent(node: SharedNode): SharedNode | undefined {
    return node.kind === 'copy' ? node.parent : undefined;
  }

}
