// The "Entities" tree: people, organisations and places of the active article (or the whole corpus),
// by type; each entity lists its mentions, which open at the mention.
import * as vscode from 'vscode';
import type { EntityType, ReportEntity } from '../../core/model';
import type { ArticleReports } from '../layers/articleReports';
import { excerpt } from '../layers/outletNames';
import { ScopedReportTree } from './reportTree';

type TypeNode = { kind: 'type'; type: EntityType; entities: EntityNode[] };
type EntityNode = { kind: 'entity'; entity: ReportEntity; mentions: MentionNode[] };
type MentionNode = { kind: 'mention'; path: string; start: number; end: number; context: string };
export type EntitiesNode = TypeNode | EntityNode | MentionNode;

const TYPE_ORDER: EntityType[] = ['PERSON', 'ORG', 'PLACE'];
const TYPE_ICON: Record<EntityType, string> = { PERSON: 'person', ORG: 'organization', PLACE: 'location' };

/** A mention with a little of the sentence around it. */
export function mentionContext(text: string, start: number, end: number, width = 30): string {
  const before = text.slice(Math.max(0, start - width), start).replace(/^\S*\s/, '');
  const after = text.slice(end, end + width).replace(/\s\S*$/, '');
  return `${start - width > 0 ? '…' : ''}${before}${text.slice(start, end)}${after}…`.replace(/\s+/g, ' ');
}

export class EntitiesTree extends ScopedReportTree<EntitiesNode> {
  private roots: TypeNode[] = [];

  constructor(reports: ArticleReports) {
    super('newsAnnotator.entities', 'newsAnnotator.entitiesScope', reports);
    this.rebuild();
  }

  types(): readonly TypeNode[] {
    return this.roots;
  }

  protected build(): void {
    const byId = this.reports.entitiesById();
    const nodes = new Map<string, EntityNode>();
    for (const report of this.documentsInScope()) {
      const text = this.reports.textOf(report.path) ?? '';
      for (const m of report.entities) {
        let node = nodes.get(m.id);
        if (!node) {
          const entity = byId.get(m.id) ?? { id: m.id, type: m.type, name: text.slice(m.start, m.end), aliases: [], roles: [] };
          node = { kind: 'entity', entity, mentions: [] };
          nodes.set(m.id, node);
        }
        node.mentions.push({ kind: 'mention', path: report.path, start: m.start, end: m.end, context: mentionContext(text, m.start, m.end) });
      }
    }
    this.roots = TYPE_ORDER.map((type) => ({
      kind: 'type' as const,
      type,
      entities: [...nodes.values()]
        .filter((n) => (n.entity.type as string) === type)
        .sort((a, b) => b.mentions.length - a.mentions.length || a.entity.name.localeCompare(b.entity.name)),
    })).filter((t) => t.entities.length > 0);
    this.view.description = this.scope.current === 'corpus' ? vscode.l10n.t('whole corpus') : vscode.l10n.t('this article');
    this.changed.fire();
  }

  getTreeItem(node: EntitiesNode): vscode.TreeItem {
    if (node.kind === 'type') {
      const names: Record<EntityType, string> = { PERSON: vscode.l10n.t('People'), ORG: vscode.l10n.t('Organisations'), PLACE: vscode.l10n.t('Places') };
      const item = new vscode.TreeItem(names[node.type], vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.entities.length);
      item.iconPath = new vscode.ThemeIcon(TYPE_ICON[node.type]);
      return item;
    }
    if (node.kind === 'entity') {
      const item = new vscode.TreeItem(node.entity.name, vscode.TreeItemCollapsibleState.Collapsed);
      const outlets = new Set(node.mentions.map((m) => m.path)).size;
      item.description = this.scope.current === 'corpus'
        ? vscode.l10n.t('{0} mentions in {1} articles', node.mentions.length, outlets)
        : node.mentions.length === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', node.mentions.length);
      const tip = new vscode.MarkdownString();
      tip.appendMarkdown(`**`).appendText(node.entity.name).appendMarkdown(`**`);
      if (node.entity.roles.length) tip.appendText(`\n${node.entity.roles.join('; ')}`);
      if (node.entity.aliases.length) tip.appendText(`\n${vscode.l10n.t('Also called')}: ${node.entity.aliases.join(', ')}`);
      item.tooltip = tip;
      item.contextValue = 'newsEntity';
      item.id = `entity:${node.entity.id}`;
      return item;
    }
    const item = new vscode.TreeItem(excerpt(node.context, 70), vscode.TreeItemCollapsibleState.None);
    item.description = this.reports.outletOf(node.path);
    item.command = { command: 'newsAnnotator.openPassage', title: vscode.l10n.t('Go to Mention'), arguments: [{ path: node.path, start: node.start, end: node.end }] };
    return item;
  }

  getChildren(node?: EntitiesNode): EntitiesNode[] {
    if (!node) return this.roots;
    if (node.kind === 'type') return node.entities;
    if (node.kind === 'entity') return node.mentions;
    return [];
  }

}
