// The Outline of an article: its headline, then each paragraph (named by its first words and kind),
// with the quotes inside a paragraph as its children.
import * as vscode from 'vscode';
import type { ParagraphKind } from '../../core/model';
import type { ArticleReports } from '../layers/articleReports';
import { excerpt } from '../layers/outletNames';

const KIND_SYMBOL: Record<ParagraphKind, vscode.SymbolKind> = {
  headline: vscode.SymbolKind.Class,
  dateline: vscode.SymbolKind.Event,
  byline: vscode.SymbolKind.Constructor,
  body: vscode.SymbolKind.String,
  caption: vscode.SymbolKind.File,
  boilerplate: vscode.SymbolKind.Null,
};

export class ArticleSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly reports: ArticleReports) {}

  async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    const article = await this.reports.whenCurrent(document, token);
    if (!article) return [];
    const text = article.analysis.text;
    const range = (start: number, end: number) => new vscode.Range(document.positionAt(start), document.positionAt(end));
    const kindName: Record<ParagraphKind, string> = {
      headline: vscode.l10n.t('headline'),
      dateline: vscode.l10n.t('dateline'),
      byline: vscode.l10n.t('byline'),
      body: vscode.l10n.t('paragraph'),
      caption: vscode.l10n.t('caption'),
      boilerplate: vscode.l10n.t('boilerplate'),
    };
    const symbols: vscode.DocumentSymbol[] = [];
    for (const p of article.report.paragraphs) {
      if (p.repeatOf !== undefined) continue;
      const name = excerpt(text.slice(p.start, p.end), 60) || kindName[p.kind];
      const r = range(p.start, p.end);
      const symbol = new vscode.DocumentSymbol(name, kindName[p.kind], KIND_SYMBOL[p.kind], r, r);
      for (const q of article.report.quotes) {
        if (q.start < p.start || q.start >= p.end) continue;
        const qr = range(q.start, q.end);
        const who = q.speakerName ?? (q.speaker ? this.reports.entitiesById().get(q.speaker)?.name : undefined);
        symbol.children.push(
          new vscode.DocumentSymbol(`“${excerpt(text.slice(q.start, q.end), 50)}”`, who ? `— ${who}` : q.kind === 'term' ? vscode.l10n.t('term') : vscode.l10n.t('quote'), vscode.SymbolKind.Key, qr, qr),
        );
      }
      symbols.push(symbol);
    }
    return symbols;
  }
}
