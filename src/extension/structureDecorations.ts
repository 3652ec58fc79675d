// The article-structure layer: headline, dateline, byline and captions styled, boilerplate dimmed.
// One decoration type per kind, created once from contributed theme colours; one setDecorations per type.
import * as vscode from 'vscode';
import type { ParagraphKind } from '../core/model';
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

  constructor() {
    for (const kind of Object.keys(STYLES) as StyledKind[]) {
      this.types.set(kind, vscode.window.createTextEditorDecorationType({ ...STYLES[kind], rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed }));
    }
  }

  apply(editor: vscode.TextEditor, analysis: DocumentAnalysis | undefined, enabled: boolean): void {
    const ranges = new Map<StyledKind, vscode.Range[]>();
    for (const kind of this.types.keys()) ranges.set(kind, []);
    if (analysis && enabled && analysis.text === editor.document.getText()) {
      for (const p of analysis.structure.paragraphs) {
        if (p.kind === 'body') continue;
        ranges.get(p.kind)!.push(new vscode.Range(editor.document.positionAt(p.start), editor.document.positionAt(p.end)));
      }
    }
    for (const [kind, type] of this.types) editor.setDecorations(type, ranges.get(kind)!);
  }

  dispose(): void {
    for (const type of this.types.values()) type.dispose();
    this.types.clear();
  }
}
