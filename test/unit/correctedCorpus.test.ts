import * as assert from 'assert';
import type { CorrectionSpan } from '../../src/core/annotations';
import { CorrectedCorpus } from '../../src/core/correctedCorpus';
import { readSeeds } from './sharedFiles';

const S000 = '000_ef27076a8f3aebf6.txt';

function seedCorpus(): { corpus: CorrectedCorpus; text: string } {
  const corpus = new CorrectedCorpus();
  for (const { name, text } of readSeeds().values()) corpus.upsert(name, text);
  return { corpus, text: corpus.get(S000)!.text };
}

function spanOf(text: string, words: string): { start: number; end: number } {
  const start = text.indexOf(words);
  assert.ok(start >= 0, words);
  return { start, end: start + words.length };
}

describe('corrected corpus: hand corrections override the automatic layers', () => {
  it('Not a Quote removes the quote from the document report and the whole report', () => {
    const { corpus, text } = seedCorpus();
    const term = spanOf(text, 'extended deterrence');
    assert.ok(corpus.documentReport(S000)!.quotes.some((q) => q.start === term.start));
    const corrections: CorrectionSpan[] = [{ ...term, annotationId: 'a1', correction: { type: 'not-quote' } }];
    corpus.setCorrections(new Map([[S000, corrections]]));
    assert.ok(!corpus.documentReport(S000)!.quotes.some((q) => q.start === term.start));
    const fromReport = corpus.report().documents.find((d) => d.path === S000)!;
    assert.ok(!fromReport.quotes.some((q) => q.start === term.start));
    assert.strictEqual(fromReport.quotes.length, corpus.documentReport(S000)!.quotes.length, 'applied once, the same in both views');
  });

  it('Set Speaker gives an unattributed quote a speaker; clearing the corrections restores the automatic result', () => {
    const { corpus, text } = seedCorpus();
    const quote = spanOf(text, 'seeks to reshape the international order');
    const before = corpus.documentReport(S000)!.quotes.find((q) => q.start === quote.start)!;
    assert.strictEqual(before.speaker, null);
    const blinken = corpus.entities().find((e) => e.name === 'Antony Blinken')!;
    corpus.setDocumentCorrections(S000, [{ ...quote, annotationId: 'a2', correction: { type: 'set-speaker', entity: blinken.id } }]);
    assert.strictEqual(corpus.documentReport(S000)!.quotes.find((q) => q.start === quote.start)!.speaker, blinken.id);
    corpus.setDocumentCorrections(S000, []);
    assert.strictEqual(corpus.documentReport(S000)!.quotes.find((q) => q.start === quote.start)!.speaker, null);
  });

  it('Same Entity As merges two identities everywhere, including in other documents', () => {
    const { corpus, text } = seedCorpus();
    const hawaii = corpus.documentReport(S000)!.entities.find((m) => text.slice(m.start, m.end) === 'Hawaii')!;
    const japan = corpus.entities().find((e) => e.id === 'place:japan') ?? corpus.entities().find((e) => e.name === 'Japan')!;
    corpus.setCorrections(new Map([[S000, [{ start: hawaii.start, end: hawaii.end, annotationId: 'a3', correction: { type: 'same-entity-as', entity: japan.id } }]]]));
    assert.ok(!corpus.entities().some((e) => e.id === hawaii.id), 'the merged identity is gone from the list');
    const other = corpus.documentReport('001_607e8f259d80251b.txt')!;
    assert.ok(!other.entities.some((m) => m.id === hawaii.id), 'and from another document');
  });
});
