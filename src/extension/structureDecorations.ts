// The article-structure layer: headline, dateline, byline and captions styled, boilerplate dimmed.
// One decoration type per kind, created once from contributed theme colours; one setDecorations per type.
import * as vscode from 'vscode';
import type { ParagraphKind, Span } from '../core/model';
import { DrawnRanges } from './layers/drawnRanges';
import type { DocumentAnalysis } from '../core/corpus';

type StyledKind = Exclude<ParagraphKind, 'body'>;

const STYLES: Record<StyledKind, vscode.DecorationRenderOptions> = {
  headline: { fontWeight: 'bold', color: new vscode.ThemeColor('newsAnnotator.headlineForeground') },
  dateline: { fontStyle: 'italic', color: new vscode.ThemeColor('newsAnnotator.metadataForeground') },
  byline: { fontStyle: 'italic', color: new vscode.ThemeColor('newsAnnotator.metadataForeground') },
  caption: { fontStyle: 'italic', color: new vscode.ThemeColor('newsAnnotator.captionForeground') },
  boilerplate: { opacity: '0.55', color: new vscode.ThemeColor('newsAnnotator.boilerplateForeground') },
};

export class StructureDecorations implements vscode.Disposable {
  private readonly types = new Map<StyledKind, vscode.TextEditorDecorationType>();
  private readonly drawn = new DrawnRanges();

  constructor() {
    for (const kind of Object.keys(STYLES) as StyledKind[]) {
      this.types.set(kind, vscode.window.createTextEditorDecorationType({ ...STYLES[kind], rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed }));
    }
  }

  /**
   * Draws the structure of an article. Without an analysis of its current text (an edit not yet
   * analysed, an article not yet read) the decorations stay where VS Code moved them.
   */
  apply(editor: vscode.TextEditor, analysis: Pick<DocumentAnalysis, 'text' | 'structure'> | undefined, enabled: boolean): void {
    const text = editor.document.getText();
    if (enabled && (!analysis || analysis.text !== text)) return;
    const spans = new Map<StyledKind, Span[]>();
    for (const kind of this.types.keys()) spans.set(kind, []);
    if (enabled && analysis) {
      for (const p of analysis.structure.paragraphs) if (p.kind !== 'body') spans.get(p.kind)!.push({ start: p.start, end: p.end });
    }
    const document = editor.document;
    const ranges = (list: readonly Span[]) => list.map((s) => new vscode.Range(document.positionAt(s.start), document.positionAt(s.end)));
    for (const [kind, type] of this.types) this.drawn.set(editor, type, spans.get(kind)!, ranges);
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
    for (const type of this.types.values()) type.dispose();
    this.types.clear();
  }
}
