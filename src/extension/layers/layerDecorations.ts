// The quote, entity and shared-passage layers as editor decorations. Every decoration type is
// created once from contributed theme colours and disposed with the extension; each refresh makes one
// setDecorations call per type, for visible editors only.
import * as vscode from 'vscode';
import type { DocumentParts } from '../../core/corpus';
import type { EntityType, ReportDocument, Span } from '../../core/model';
import { toReportQuotes } from '../../core/quotes';
import type { ArticleReports } from './articleReports';
import { planLayers, speakerLabelOffset, speakerNameOf, SPEAKER_LABEL_MAX, type LayerPlan, type SharedStrength } from './layerPlan';
import { excerpt } from './outletNames';
import { DrawnRanges, type DrawnSpan } from './drawnRanges';
import { timed } from '../trace';

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

/**
 * From this length on, the document's own layers are first drawn for the lines on screen (and a few
 * around them) only: the workbench handles hundreds of decorations of a long article in tens of ms on
 * a busy machine, and the full report's drawing follows a moment later with all of them.
 */
const FIRST_SCREEN_FROM = 20_000;
const LINES_AROUND_SCREEN = 20;

/** The part of a plan on the editor's visible lines, and a few lines around them. */
function onScreen(editor: vscode.TextEditor, plan: LayerPlan): LayerPlan {
  const visible = editor.visibleRanges;
  if (!visible.length) return plan;
  const document = editor.document;
  const first = Math.max(0, Math.min(...visible.map((r) => r.start.line)) - LINES_AROUND_SCREEN);
  const last = Math.min(document.lineCount - 1, Math.max(...visible.map((r) => r.end.line)) + LINES_AROUND_SCREEN);
  const lo = document.offsetAt(new vscode.Position(first, 0));
  const hi = document.offsetAt(document.lineAt(last).range.end);
  const near = (spans: Span[]) => spans.filter((s) => s.end >= lo && s.start <= hi);
  return {
    quotes: { speech: near(plan.quotes.speech), term: near(plan.quotes.term) },
    speakerLabels: plan.speakerLabels.filter((l) => l.offset >= lo && l.offset <= hi),
    entities: { PERSON: near(plan.entities.PERSON), ORG: near(plan.entities.ORG), PLACE: near(plan.entities.PLACE) },
    shared: { 1: near(plan.shared[1]), 2: near(plan.shared[2]), 3: near(plan.shared[3]) },
  };
}

export class LayerDecorations implements vscode.Disposable {
  private readonly quoteSpeech: vscode.TextEditorDecorationType;
  private readonly quoteTerm: vscode.TextEditorDecorationType;
  private readonly speakerLabel: vscode.TextEditorDecorationType;
  private readonly entity: Record<EntityType, vscode.TextEditorDecorationType>;
  private readonly shared: Record<SharedStrength, vscode.TextEditorDecorationType>;
  private readonly snapshots = new WeakMap<vscode.TextEditor, LayerSnapshot>();
  private readonly drawn = new DrawnRanges();
  /**
   * Per editor, the speaker label last drawn after each quote, by the quote's words: a quote whose
   * speaker comes from its other printings (not its own attribution) keeps that label while an edit
   * is drawn from the document alone, instead of losing it until the corpus catches up.
   */
  private readonly labelsByQuote = new WeakMap<vscode.TextEditor, Map<string, string>>();

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
    const article = timed('report', () => reports.current(editor.document));
    if (!article) {
      if (!reports.isArticle(editor.document)) this.clear(editor);
      return;
    }
    const entitiesById = timed('entities', () => reports.entitiesById());
    const plan = timed('plan', () => planLayers(article.report, article.analysis.text, entitiesById, reports.outletLookup, reports.thresholds()));
    timed('setDecorations', () => this.draw(editor, plan, enabled, true));
    const labels = new Map<string, string>();
    for (const quote of article.report.quotes) {
      const name = quote.kind === 'speech' ? speakerNameOf(quote, entitiesById) : null;
      if (name) labels.set(article.analysis.text.slice(quote.start, quote.end), `— ${excerpt(name, SPEAKER_LABEL_MAX)}`);
    }
    this.labelsByQuote.set(editor, labels);
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

  /**
   * Draws the quote and entity layers from the document's own analysis, before the corpus has indexed
   * it (an opened article, a settled edit): they depend on the text alone. The shared-passage layer
   * stays where VS Code moved it until apply() redraws everything from the full report, a moment later.
   */
  applyLocal(editor: vscode.TextEditor, path: string, text: string, parts: DocumentParts, enabled: Record<LayerName, boolean>): void {
    const report: ReportDocument = {
      path,
      outlet: null,
      paragraphs: parts.structure.paragraphs,
      quotes: toReportQuotes(parts.quotes, () => null),
      entities: parts.mentions.map((m) => ({ start: m.start, end: m.end, type: m.type, id: '' })),
      shared: [],
    };
    const plan = planLayers(report, text, new Map(), () => ({ outlet: null }));
    const previous = this.labelsByQuote.get(editor);
    if (previous?.size) {
      for (const quote of report.quotes) {
        if (quote.kind !== 'speech' || speakerNameOf(quote, new Map())) continue;
        const label = previous.get(text.slice(quote.start, quote.end));
        if (label) plan.speakerLabels.push({ offset: speakerLabelOffset(text, quote), label });
      }
    }
    this.draw(editor, text.length > FIRST_SCREEN_FROM ? onScreen(editor, plan) : plan, enabled, false);
  }

  snapshot(editor: vscode.TextEditor): LayerSnapshot | undefined {
    return this.snapshots.get(editor);
  }

  private draw(editor: vscode.TextEditor, plan: LayerPlan, enabled: Record<LayerName, boolean>, withShared: boolean): void {
    const document = editor.document;
    const ranges = (spans: readonly DrawnSpan[]) => spans.map((s) => new vscode.Range(document.positionAt(s.start), document.positionAt(s.end)));
    const set = (type: vscode.TextEditorDecorationType, spans: readonly Span[], on: boolean) => this.drawn.set(editor, type, on ? spans : [], ranges);
    set(this.quoteSpeech, plan.quotes.speech, enabled.quotes);
    set(this.quoteTerm, plan.quotes.term, enabled.quotes);
    const labels = enabled.quotes ? plan.speakerLabels.map((l) => ({ start: l.offset, end: l.offset, label: l.label })) : [];
    this.drawn.set(editor, this.speakerLabel, labels, (spans) =>
      spans.map((l) => {
        const at = document.positionAt(l.start);
        return { range: new vscode.Range(at, at), renderOptions: { after: { contentText: l.label } } };
      }),
    );
    for (const type of Object.keys(this.entity) as EntityType[]) set(this.entity[type], plan.entities[type], enabled.entities);
    if (!withShared) return;
    for (const strength of [1, 2, 3] as SharedStrength[]) set(this.shared[strength], plan.shared[strength], enabled.shared);
  }

  clear(editor: vscode.TextEditor): void {
    for (const type of this.allTypes()) editor.setDecorations(type, []);
    this.drawn.forget(editor);
    this.snapshots.delete(editor);
    this.labelsByQuote.delete(editor);
  }

  private allTypes(): vscode.TextEditorDecorationType[] {
    return [this.quoteSpeech, this.quoteTerm, this.speakerLabel, ...Object.values(this.entity), ...Object.values(this.shared)];
  }

  /** Forgets what editors no longer visible showed: when shown again, they are drawn in full. */
  forgetHidden(visible: readonly vscode.TextEditor[]): void {
    this.drawn.keepOnly(visible);
  }

  /** Follows an edit (onDidChangeTextDocument), as VS Code moves the decorations. */
  edited(e: vscode.TextDocumentChangeEvent): void {
    this.drawn.edited(e.document, e.contentChanges);
  }

  dispose(): void {
    for (const type of this.allTypes()) type.dispose();
  }
}
