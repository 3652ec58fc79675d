// What the user sees of hand annotations: a decoration layer with hovers, and the "Annotations" tree
// in the News Sources container (by file and kind, orphans apart, a broken file on top).
import * as vscode from 'vscode';
import { ANNOTATION_FILE_NAME, formatProblem, type HandAnnotation } from '../../core/annotations';
import type { AnnotationStore } from './store';
import type { LiveAnchor } from './tracker';

const color = (id: string) => new vscode.ThemeColor(`newsAnnotator.${id}`);

export const CORRECTION_LABELS: Record<string, string> = {
  'not-quote': 'Not a quote',
  'set-speaker': 'Speaker set',
  'not-entity': 'Not an entity',
  'same-entity-as': 'Same entity as',
  'different-entity': 'Different entity',
  'not-shared': 'Not shared / boilerplate',
};

/** A short human label: the kind, or the correction. */
export function describe(a: HandAnnotation): string {
  if (a.correction) {
    const label = CORRECTION_LABELS[a.correction.type] ?? a.correction.type;
    const entity = 'entity' in a.correction && a.correction.entity ? ` ${a.correction.entity}` : '';
    return label + entity;
  }
  return a.kind ?? 'Note';
}

export function shorten(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? oneLine.slice(0, max - 1) + '…' : oneLine;
}

export const HOVER_COMMANDS = ['newsAnnotator.editAnnotation', 'newsAnnotator.removeAnnotation'];

export function hoverFor(a: HandAnnotation): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  md.appendMarkdown(`**${a.correction ? vscode.l10n.t('Correction') : vscode.l10n.t('Annotation')}:** `);
  md.appendText(describe(a));
  if (a.comment) {
    md.appendMarkdown('\n\n');
    md.appendText(a.comment);
  }
  const args = encodeURIComponent(JSON.stringify([a.id]));
  md.appendMarkdown(
    `\n\n[${vscode.l10n.t('Edit')}](command:newsAnnotator.editAnnotation?${args}) · [${vscode.l10n.t('Remove')}](command:newsAnnotator.removeAnnotation?${args})`,
  );
  md.appendMarkdown(`\n\n_${vscode.l10n.t('modified {0}', a.modified.slice(0, 16).replace('T', ' '))}_`);
  return md;
}

export class AnnotationDecorations implements vscode.Disposable {
  private readonly hand: vscode.TextEditorDecorationType;
  private readonly correction: vscode.TextEditorDecorationType;

  constructor() {
    const closed = vscode.DecorationRangeBehavior.ClosedClosed;
    this.hand = vscode.window.createTextEditorDecorationType({
      backgroundColor: color('annotationBackground'),
      borderColor: color('annotationBorder'),
      borderStyle: 'solid',
      borderWidth: '0 0 2px 0',
      overviewRulerColor: color('annotationOverviewRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: closed,
    });
    this.correction = vscode.window.createTextEditorDecorationType({
      backgroundColor: color('correctionBackground'),
      borderColor: color('correctionBorder'),
      borderStyle: 'dashed',
      borderWidth: '0 0 2px 0',
      overviewRulerColor: color('annotationOverviewRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: closed,
    });
  }

  apply(editor: vscode.TextEditor, anchors: readonly LiveAnchor[], enabled = true): void {
    const hand: vscode.DecorationOptions[] = [];
    const corrections: vscode.DecorationOptions[] = [];
    if (enabled) {
      const doc = editor.document;
      for (const { annotation, span } of anchors) {
        if (!span) continue;
        const range = new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
        (annotation.correction ? corrections : hand).push({ range, hoverMessage: hoverFor(annotation) });
      }
    }
    editor.setDecorations(this.hand, hand);
    editor.setDecorations(this.correction, corrections);
  }

  dispose(): void {
    this.hand.dispose();
    this.correction.dispose();
  }
}

// ---- Tree ------------------------------------------------------------------------------------------

export type AnnotationNode =
  | { type: 'problem'; store: AnnotationStore }
  | { type: 'file'; store: AnnotationStore; source: string }
  | { type: 'group'; store: AnnotationStore; source: string; label: string }
  | { type: 'annotation'; store: AnnotationStore; annotation: HandAnnotation; orphan: boolean }
  | { type: 'orphans' };

export interface TreeModel {
  stores(): AnnotationStore[];
  /** Ids of orphaned annotations of a store (computed against the current text of each source). */
  orphanIds(store: AnnotationStore): Promise<ReadonlySet<string>>;
}

const groupOf = (a: HandAnnotation) => (a.correction ? vscode.l10n.t('Corrections') : (a.kind ?? 'Note'));

export class AnnotationsTree implements vscode.TreeDataProvider<AnnotationNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AnnotationNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: vscode.TreeView<AnnotationNode> | undefined;

  constructor(private readonly model: TreeModel) {
    try {
      this.view = vscode.window.createTreeView('newsAnnotator.annotations', { treeDataProvider: this, showCollapseAll: true });
    } catch {
      // The view is not contributed (package.json not updated yet): the tree is simply not shown.
      this.view = undefined;
    }
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  private multiRoot(): boolean {
    return this.model.stores().length > 1;
  }

  getTreeItem(node: AnnotationNode): vscode.TreeItem {
    switch (node.type) {
      case 'problem': {
        const p = node.store.problems.find((x) => x.severity === 'error') ?? node.store.problems[0];
        const item = new vscode.TreeItem(vscode.l10n.t('{0} cannot be read', ANNOTATION_FILE_NAME), vscode.TreeItemCollapsibleState.None);
        item.description = p ? `${p.line}:${p.column} ${p.message}` : '';
        item.tooltip = p ? formatProblem(p) : undefined;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.command = { command: 'newsAnnotator.openAnnotationFile', title: vscode.l10n.t('Open File'), arguments: [node.store.folder.uri.toString()] };
        item.contextValue = 'newsAnnotationProblem';
        return item;
      }
      case 'file': {
        const label = this.multiRoot() ? `${node.store.folder.name}/${node.source}` : node.source;
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
        item.resourceUri = vscode.Uri.joinPath(node.store.folder.uri, node.source);
        item.iconPath = vscode.ThemeIcon.File;
        item.contextValue = 'newsAnnotationFile';
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon(node.label === vscode.l10n.t('Corrections') ? 'edit' : 'tag');
        return item;
      }
      case 'orphans': {
        const item = new vscode.TreeItem(vscode.l10n.t('Orphaned annotations'), vscode.TreeItemCollapsibleState.Expanded);
        item.tooltip = vscode.l10n.t('Their words are no longer in the file. They are kept; edit or remove them.');
        item.iconPath = new vscode.ThemeIcon('debug-disconnect');
        return item;
      }
      case 'annotation': {
        const a = node.annotation;
        const item = new vscode.TreeItem(`“${shorten(a.target.exact || `${a.target.start}–${a.target.end}`, 50)}”`, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.store.folder.uri.toString()}#${a.id}`;
        item.description = node.orphan ? `${a.target.source} · ${describe(a)}` : a.correction ? describe(a) : (a.comment ? shorten(a.comment, 40) : '');
        const tip = new vscode.MarkdownString();
        tip.appendText(`${describe(a)}${a.comment ? `\n\n${a.comment}` : ''}${node.orphan ? `\n\n${vscode.l10n.t('Orphan: its words are no longer in {0}.', a.target.source)}` : ''}`);
        item.tooltip = tip;
        item.iconPath = new vscode.ThemeIcon(node.orphan ? 'warning' : a.correction ? 'edit' : 'note');
        item.contextValue = node.orphan ? 'newsAnnotation.orphan' : 'newsAnnotation';
        item.command = { command: 'newsAnnotator.revealAnnotation', title: vscode.l10n.t('Show'), arguments: [a.id] };
        return item;
      }
    }
  }

  async getChildren(node?: AnnotationNode): Promise<AnnotationNode[]> {
    const stores = this.model.stores();
    if (!node) {
      const out: AnnotationNode[] = [];
      for (const store of stores) if (store.state === 'corrupt') out.push({ type: 'problem', store });
      let anyOrphan = false;
      for (const store of stores) {
        const orphans = await this.model.orphanIds(store);
        const sources = new Set<string>();
        for (const a of store.list()) {
          if (orphans.has(a.id)) anyOrphan = true;
          else sources.add(a.target.source);
        }
        for (const source of [...sources].sort()) out.push({ type: 'file', store, source });
      }
      if (anyOrphan) out.push({ type: 'orphans' });
      return out;
    }
    if (node.type === 'file') {
      const orphans = await this.model.orphanIds(node.store);
      const groups = new Set<string>();
      for (const a of node.store.list()) if (a.target.source === node.source && !orphans.has(a.id)) groups.add(groupOf(a));
      return [...groups].sort().map((label) => ({ type: 'group', store: node.store, source: node.source, label }));
    }
    if (node.type === 'group') {
      const orphans = await this.model.orphanIds(node.store);
      return node.store
        .list()
        .filter((a) => a.target.source === node.source && groupOf(a) === node.label && !orphans.has(a.id))
        .sort((x, y) => x.target.start - y.target.start)
        .map((annotation) => ({ type: 'annotation', store: node.store, annotation, orphan: false }));
    }
    if (node.type === 'orphans') {
      const out: AnnotationNode[] = [];
      for (const store of stores) {
        const orphans = await this.model.orphanIds(store);
        for (const a of store.list()) if (orphans.has(a.id)) out.push({ type: 'annotation', store, annotation: a, orphan: true });
      }
      return out;
    }
    return [];
  }

  dispose(): void {
    this.view?.dispose();
    this.changed.dispose();
  }
}
