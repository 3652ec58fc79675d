// The human-readable summary that `news-annotator scan` prints without --format json.
import type { ParagraphKind, ScanReport } from '../core/model';

const KIND_ORDER: ParagraphKind[] = ['headline', 'dateline', 'byline', 'body', 'caption', 'boilerplate'];

export function formatTextReport(report: ScanReport, text: (path: string) => string | undefined): string {
  const lines: string[] = [];
  for (const doc of report.documents) {
    const source = text(doc.path) ?? '';
    const headline = doc.paragraphs.find((p) => p.kind === 'headline');
    lines.push(`${doc.path}${doc.outlet ? `  [${doc.outlet}]` : ''}`);
    if (headline) lines.push(`  headline: ${oneLine(source.slice(headline.start, headline.end), 100)}`);
    const counts = KIND_ORDER.map((kind) => [kind, doc.paragraphs.filter((p) => p.kind === kind).length] as const)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${kind}`);
    lines.push(`  paragraphs: ${doc.paragraphs.length} (${counts.join(', ')})`);
    lines.push(`  quotes: ${doc.quotes.length}  entities: ${doc.entities.length}  shared passages: ${doc.shared.length}`);
  }
  lines.push('');
  lines.push(`${report.documents.length} articles, ${report.entities.length} entities`);
  return lines.join('\n') + '\n';
}

function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
