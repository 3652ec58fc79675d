// The object `activate` returns: what other extensions and our tests may read of the analysis.
import type * as vscode from 'vscode';
import type { Paragraph } from '../core/model';
import type { AnnotationsApi } from './annotations';

export interface DocumentAnalysisView {
  /** Corpus key: the workspace-relative path with forward slashes. */
  path: string;
  paragraphs: Paragraph[];
}

export interface NewsAnnotatorApi {
  readonly version: 1;
  /** Hand annotations: stores, anchoring, corrections. */
  readonly annotations: AnnotationsApi;
  /** Analysis of an open document (computes it now if it is not current). */
  analysisFor(document: vscode.TextDocument): Promise<DocumentAnalysisView>;
}
