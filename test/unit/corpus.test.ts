import * as assert from 'assert';
import { Corpus } from '../../src/core/corpus';
import { readSeeds } from './sharedFiles';

function seedCorpus(): { corpus: Corpus; texts: Map<string, string> } {
  const corpus = new Corpus();
  const texts = new Map<string, string>();
  for (const { name, text } of readSeeds().values()) {
    corpus.upsert(name, text);
    texts.set(name, text);
  }
  return { corpus, texts };
}

describe('corpus: the layers together over the seeds', () => {
  it('gives every quote speaker and entity mention an id from the corpus entity list', () => {
    const { corpus } = seedCorpus();
    const report = corpus.report();
    const ids = new Set(report.entities.map((e) => e.id));
    for (const doc of report.documents) {
      for (const m of doc.entities) assert.ok(ids.has(m.id), `${doc.path}: mention id ${m.id} is listed`);
      for (const q of doc.quotes) if (q.speaker) assert.ok(ids.has(q.speaker), `${doc.path}: speaker ${q.speaker} is listed`);
    }
  });

  it('one identity for Kihara across spellings and outlets, with his quotes', () => {
    const { corpus, texts } = seedCorpus();
    const report = corpus.report();
    const kihara = report.entities.filter((e) => /kihara/i.test(e.name));
    assert.strictEqual(kihara.length, 1, kihara.map((e) => e.id).join());
    const id = kihara[0].id;
    const surfaces = new Set<string>();
    for (const doc of report.documents) {
      for (const m of doc.entities) if (m.id === id) surfaces.add(texts.get(doc.path)!.slice(m.start, m.end));
    }
    assert.ok(surfaces.has('Minoru Kihara') && surfaces.has('Kihara Minoru') && surfaces.has('Kihara'), [...surfaces].join(' / '));
    const quote = kihara[0].quotes!.find((q) => texts.get(q.path)!.slice(q.start, q.end).startsWith('The signing of this memorandum'));
    assert.ok(quote, 'his quote in seed 002 is listed on his entity');
  });

  it('updates one document without disturbing the others, and forgets removed ones', () => {
    const { corpus, texts } = seedCorpus();
    const before = corpus.documentReport('000_ef27076a8f3aebf6.txt')!;
    assert.ok(before.shared.some((s) => s.matches.some((m) => m.path.startsWith('002'))));
    const v = corpus.get('001_607e8f259d80251b.txt')!.version;
    corpus.upsert('002_709d16c6f7c5eca9.txt', 'Nothing in common\n\nThis file now holds a different text that shares no passage with any other article in the corpus at all.\n');
    assert.strictEqual(corpus.get('001_607e8f259d80251b.txt')!.version, v, 'other documents keep their analysis');
    const after = corpus.documentReport('000_ef27076a8f3aebf6.txt')!;
    assert.ok(!after.shared.some((s) => s.matches.some((m) => m.path.startsWith('002'))), 'passages shared with the old 002 are gone');
    corpus.upsert('002_709d16c6f7c5eca9.txt', texts.get('002_709d16c6f7c5eca9.txt')!);
    assert.ok(corpus.documentReport('000_ef27076a8f3aebf6.txt')!.shared.some((s) => s.matches.some((m) => m.path.startsWith('002'))));
    corpus.remove('002_709d16c6f7c5eca9.txt');
    assert.strictEqual(corpus.documentReport('002_709d16c6f7c5eca9.txt'), undefined);
    assert.ok(!corpus.report().documents.some((d) => d.shared.some((s) => s.matches.some((m) => m.path.startsWith('002')))));
  });

  it('a manifest names outlets and a broken knowledge file is refused whole', () => {
    const { corpus } = seedCorpus();
    const errors = corpus.setManifest(JSON.stringify({ sources: [{ match: '000_*.txt', outlet: 'The Gleaner', wire: 'AP' }] }));
    assert.deepStrictEqual(errors, []);
    assert.strictEqual(corpus.documentReport('000_ef27076a8f3aebf6.txt')!.outlet, 'The Gleaner');
    const entitiesBefore = corpus.entities().length;
    assert.match(corpus.setKnowledge('[{"id": "person:x", "name": "X", "type": "PERSON"},')!, /^line 1/);
    assert.strictEqual(corpus.entities().length, entitiesBefore);
  });

  it('links the copies of a quote across outlets, marking words that differ but not spelling', () => {
    const { corpus, texts } = seedCorpus();
    const s000 = '000_ef27076a8f3aebf6.txt';
    const text = texts.get(s000)!;
    for (const report of [corpus.documentReport(s000)!, corpus.report().documents.find((d) => d.path === s000)!]) {
      const coercive = report.quotes.find((q) => text.slice(q.start, q.end).startsWith('engaging in coercive behaviour'))!;
      const in002 = coercive.copies!.find((c) => c.path.startsWith('002'))!;
      assert.ok(in002, 'the AP reprint carries the same quote');
      assert.deepStrictEqual(in002.differences, [], 'behaviour/behavior is spelling, not a change');
      const change = report.quotes.find((q) => text.slice(q.start, q.end).startsWith('will be the most significant change'))!;
      const in001 = change.copies!.find((c) => c.path.startsWith('001'))!;
      assert.ok(in001 && in001.differences.length > 0, 'seed 001 prints the quote with other words');
    }
  });

  it('gives the same report when each document is prepared for it ahead (as the CLI does while workers analyse)', () => {
    const plain = seedCorpus().corpus.report();
    const corpus = new Corpus();
    for (const { name, text } of readSeeds().values()) {
      corpus.upsert(name, text);
      corpus.prepareForReport(name);
    }
    assert.deepStrictEqual(corpus.report(), plain);
    // Prepared, then changed: the change wins.
    const [first] = corpus.paths();
    corpus.prepareForReport(first);
    corpus.upsert(first, 'Nothing in common\n\n“This quote is new and is printed nowhere else at all,” Jane Doe said.\n');
    const after = corpus.report();
    assert.ok(after.entities.some((e) => e.name === 'Jane Doe'), 'the new text’s speaker is resolved');
    assert.ok(!after.documents[0].quotes.some((q) => q.copies?.length));
  });
});
