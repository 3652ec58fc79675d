// The quote, entity and shared-passage layers as editor decorations. Every decoration type is
// created once from contributed theme colours and disposed with the extension; each refresh makes one
// setDecorations call per type, for visible editors only.
import * as vscode from 'vscode';
import type { EntityType, Span } from '../../core/model';
import type { ArticleReports } from './articleReports';
import { planLayers, type LayerPlan, type SharedStrength } from './layerPlan';

export type LayerName = 'quotes' | 'entities' | 'shared';
export const LAYER_NAMES: readonly LayerName[] = ['quotes', 'entities', 'shared'];

const color = (id: string) => new vscode.ThemeColor(`newsAnnotator.${id}`);

const ENTITY_COLORS: Record<EntityType, string> = {
  PERSON: 'personForeground',
  ORG: 'organizationForeground',
  PLACE: 'placeForeground',
};

/** What each layer last drew in an editor, as offsets (read by the diagnostic snapshot command). */
export interface LayerSnapshot {
  path: string;
  enabled: Record<LayerName, boolean>;
  quotes: number;
  speakerLabels: string[];
  entities: Record<EntityType, number>;
  shared: Record<SharedStrength, number>;
}

export class LayerDecorations implements vscode.Disposable {
  private readonly quoteSpeech: vscode.TextEditorDecorationType;
  private readonly quoteTerm: vscode.TextEditorDecorationType;
  private readonly speakerLabel: vscode.TextEditorDecorationType;
  private readonly entity: Record<EntityType, vscode.TextEditorDecorationType>;
  private readonly shared: Record<SharedStrength, vscode.TextEditorDecorationType>;
  private readonly snapshots = new WeakMap<vscode.TextEditor, LayerSnapshot>();

  constructor(extensionUri: vscode.Uri) {
    const closed = vscode.DecorationRangeBehavior.ClosedClosed;
    this.quoteSpeech = vscode.window.createTextEditorDecorationType({
      backgroundColor: color('quoteBackground'),
      borderColor: color('quoteBorder'),
      borderStyle: 'solid',
      borderWidth: '0 0 1px 0',
      rangeBehavior: closed,
    });
    this.quoteTerm = vscode.window.createTextEditorDecorationType({
      fontStyle: 'italic',
      borderColor: color('quoteBorder'),
      borderStyle: 'dotted',
      borderWidth: '0 0 1px 0',
      rangeBehavior: closed,
    });
    this.speakerLabel = vscode.window.createTextEditorDecorationType({
      after: { color: color('quoteSpeakerForeground'), fontStyle: 'italic', margin: '0 0 0 0.4em' },
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedOpen,
    });
    const entityType = (type: EntityType) =>
      vscode.window.createTextEditorDecorationType({
        color: color(ENTITY_COLORS[type]),
        borderColor: color(ENTITY_COLORS[type]),
        borderStyle: type === 'PERSON' ? 'solid' : type === 'ORG' ? 'dashed' : 'dotted',
        borderWidth: '0 0 1px 0',
        rangeBehavior: closed,
      });
    this.entity = { PERSON: entityType('PERSON'), ORG: entityType('ORG'), PLACE: entityType('PLACE') };
    const gutter = (strength: SharedStrength, theme: 'light' | 'dark') =>
      vscode.Uri.joinPath(extensionUri, 'media', `gutter-shared-${strength}-${theme}.svg`);
    const sharedType = (strength: SharedStrength) =>
      vscode.window.createTextEditorDecorationType({
        backgroundColor: color(`sharedPassage${strength}Background`),
        borderColor: color('sharedPassageBorder'),
        borderStyle: 'dashed',
        borderWidth: '0 0 1px 0',
        overviewRulerColor: color(`sharedPassage${strength}OverviewRuler`),
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        light: { gutterIconPath: gutter(strength, 'light'), gutterIconSize: 'contain' },
        dark: { gutterIconPath: gutter(strength, 'dark'), gutterIconSize: 'contain' },
        rangeBehavior: closed,
      });
    this.shared = { 1: sharedType(1), 2: sharedType(2), 3: sharedType(3) };
  }

  /** Draws the layers of one editor; a stale analysis (the text moved on) leaves the decorations where VS Code moved them. */
  apply(editor: vscode.TextEditor, reports: ArticleReports, enabled: Record<LayerName, boolean>): void {
    const article = reports.current(editor.document);
    if (!article) {
      if (!reports.isArticle(editor.document)) this.clear(editor);
      return;
    }
    const plan = planLayers(article.report, article.analysis.text, reports.entitiesById(), reports.outletLookup, reports.thresholds());
    this.draw(editor, plan, enabled);
    this.snapshots.set(editor, {
      path: article.path,
      enabled: { ...enabled },
      quotes: enabled.quotes ? plan.quotes.speech.length + plan.quotes.term.length : 0,
      speakerLabels: enabled.quotes ? plan.speakerLabels.map((l) => l.label) : [],
      entities: {
        PERSON: enabled.entities ? plan.entities.PERSON.length : 0,
        ORG: enabled.entities ? plan.entities.ORG.length : 0,
        PLACE: enabled.entities ? plan.entities.PLACE.length : 0,
      },
      shared: {
        1: enabled.shared ? plan.shared[1].length : 0,
        2: enabled.shared ? plan.shared[2].length : 0,
        3: enabled.shared ? plan.shared[3].length : 0,
      },
    });
  }

  snapshot(editor: vscode.TextEditor): LayerSnapshot | undefined {
    return this.snapshots.get(editor);
  }

  private draw(editor: vscode.TextEditor, plan: LayerPlan, enabled: Record<LayerName, boolean>): void {
    const document = editor.document;
    const ranges = (spans: Span[], on: boolean) => (on ? spans.map((s) => new vscode.Range(document.positionAt(s.start), document.positionAt(s.end))) : []);
    editor.setDecorations(this.quoteSpeech, ranges(plan.quotes.speech, enabled.quotes));
    editor.setDecorations(this.quoteTerm, ranges(plan.quotes.term, enabled.quotes));
    editor.setDecorations(
      this.speakerLabel,
      enabled.quotes
        ? plan.speakerLabels.map((l) => {
            const at = document.positionAt(l.offset);
            return { range: new vscode.Range(at, at), renderOptions: { after: { contentText: l.label } } };
          })
        : [],
    );
    for (const type of Object.keys(this.entity) as EntityType[]) editor.setDecorations(this.entity[type], ranges(plan.entities[type], enabled.entities));
    for (const strength of [1, 2, 3] as SharedStrength[]) editor.setDecorations(this.shared[strength], ranges(plan.shared[strength], enabled.shared));
  }

  clear(editor: vscode.TextEditor): void {
    for (const type of this.allTypes()) editor.setDecorations(type, []);
    this.snapshots.delete(editor);
  }

  private allTypes(): vscode.TextEditorDecorationType[] {
    return [this.quoteSpeech, this.quoteTerm, this.speakerLabel, ...Object.values(this.entity), ...Object.values(this.shared)];
  }

  dispose(): void {
    for (const type of this.allTypes()) type.dispose();
  }
}
