// Go to References / Find All References on an entity: every mention of the same entity across the
// corpus (every scanned article, open or not).
import * as vscode from 'vscode';
import type { ArticleReports } from '../layers/articleReports';
import { mentionsOfEntity } from '../hovers/articleHovers';
import type { CorpusLocations } from './corpusLocations';

export function entityIdAt(reports: ArticleReports, document: vscode.TextDocument, position: vscode.Position): string | undefined {
  const article = reports.current(document);
  if (!article) return undefined;
  const offset = document.offsetAt(position);
  return article.report.entities.find((m) => m.start <= offset && offset <= m.end)?.id;
}

export function entityLocations(reports: ArticleReports, locations: CorpusLocations, id: string): vscode.Location[] {
  const out: vscode.Location[] = [];
  for (const { path, mentions } of mentionsOfEntity(reports, id)) {
    for (const m of mentions) {
      const location = locations.location(path, m.start, m.end);
      if (location) out.push(location);
    }
  }
  return out;
}

export class EntityReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly reports: ArticleReports, private readonly locations: CorpusLocations) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    const id = entityIdAt(this.reports, document, position);
    return id ? entityLocations(this.reports, this.locations, id) : undefined;
  }
}
