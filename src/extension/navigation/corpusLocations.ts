// Turns corpus spans (path + offsets) into VS Code locations, for documents open or not.
import * as vscode from 'vscode';
import type { ArticleReports } from '../layers/articleReports';
import { LineIndex } from './textPositions';

export class CorpusLocations {
  private readonly indexes = new Map<string, LineIndex>();

  constructor(private readonly reports: ArticleReports) {}

  range(path: string, start: number, end: number): vscode.Range | undefined {
    const text = this.reports.textOf(path);
    if (text === undefined) return undefined;
    let index = this.indexes.get(path);
    if (!index || index.text !== text) {
      index = new LineIndex(text);
      this.indexes.set(path, index);
    }
    const a = index.position(start);
    const b = index.position(end);
    return new vscode.Range(a.line, a.character, b.line, b.character);
  }

  location(path: string, start: number, end: number): vscode.Location | undefined {
    const uri = this.reports.uriFor(path);
    const range = this.range(path, start, end);
    return uri && range ? new vscode.Location(uri, range) : undefined;
  }
}
