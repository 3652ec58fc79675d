// The corpus: every article the user works on, each analysed once per version of its text, and the
// report that the CLI prints and the extension exports. Callers (CLI, extension, worker) feed it
// texts; it never reads files itself, so it runs anywhere the core runs.

import { analyzeDocument, type ArticleStructure } from './article';
import { SCAN_SCHEMA, type ReportDocument, type ReportEntity, type ScanReport } from './model';

export interface DocumentAnalysis {
  path: string;
  text: string;
  /** Increases whenever the text changes; lets callers cache derived views per version. */
  version: number;
  structure: ArticleStructure;
}

export class Corpus {
  private readonly documents = new Map<string, DocumentAnalysis>();
  private nextVersion = 1;

  /** Adds or replaces a document. Unchanged text keeps its analysis (and version). */
  upsert(path: string, text: string): DocumentAnalysis {
    const existing = this.documents.get(path);
    if (existing && existing.text === text) return existing;
    const analysis: DocumentAnalysis = { path, text, version: this.nextVersion++, structure: analyzeDocument(text) };
    this.documents.set(path, analysis);
    return analysis;
  }

  remove(path: string): boolean {
    return this.documents.delete(path);
  }

  rename(from: string, to: string): void {
    const analysis = this.documents.get(from);
    if (!analysis) return;
    this.documents.delete(from);
    this.documents.set(to, { ...analysis, path: to });
  }

  get(path: string): DocumentAnalysis | undefined {
    return this.documents.get(path);
  }

  get size(): number {
    return this.documents.size;
  }

  paths(): string[] {
    return [...this.documents.keys()].sort();
  }

  /** One document's layers in the report's shape (what the editor views draw). */
  documentReport(path: string): ReportDocument | undefined {
    const analysis = this.documents.get(path);
    if (!analysis) return undefined;
    return {
      path,
      outlet: null,
      paragraphs: analysis.structure.paragraphs,
      quotes: [],
      entities: [],
      shared: [],
    };
  }

  /** The corpus-wide entity list, one entry per real-world entity. */
  entities(): ReportEntity[] {
    return [];
  }

  report(): ScanReport {
    const documents = this.paths().map((path) => this.documentReport(path)!);
    return { schema: SCAN_SCHEMA, documents, entities: this.entities() };
  }
}
