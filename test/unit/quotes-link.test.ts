// The same quote printed by several outlets: linking, word differences, speakers from other copies.

import * as assert from 'assert';
import { copiesFor, findQuotes, linkQuoteCopies, wordKey, type QuoteDoc, type QuoteGroup } from '../../src/core/quotes';
import { readSeeds } from './sharedFiles';

function seedDocs(): QuoteDoc[] {
  return [...readSeeds().entries()].map(([prefix, s]) => ({ path: prefix, quotes: findQuotes(s.text) }));
}

function groupOf(groups: QuoteGroup[], start: string): QuoteGroup {
  const g = groups.find((x) => x.copies.some((c) => c.text.startsWith(start)));
  assert.ok(g, `a group with a copy starting ${start}`);
  return g;
}

describe('quotes: copies across outlets', () => {
  it('spelling variants fold to one key', () => {
    const pairs = [
      ['behaviour', 'behavior'], ['defence', 'defense'], ['organisation', 'organization'], ['programme', 'program'],
      ['travelled', 'traveled'], ['U.S.', 'US'], ['centre', 'center'], ['analysed', 'analyzed'], ['Café', 'cafe'],
    ];
    for (const [a, b] of pairs) assert.strictEqual(wordKey(a), wordKey(b), `${a} ~ ${b}`);
    assert.notStrictEqual(wordKey('four'), wordKey('for'));
  });

  it('links the seeds’ copies of one quote, telling spelling from edits', () => {
    const { groups } = linkQuoteCopies(seedDocs());
    const kamikawa = groupOf(groups, 'We are standing at a historic turning point');
    assert.deepStrictEqual(kamikawa.copies.map((c) => [c.path, c.relation]), [['000', 'identical'], ['002', 'identical'], ['002', 'identical']]);
    assert.strictEqual(kamikawa.conflict, false);

    const coercive = groupOf(groups, 'engaging in coercive');
    assert.deepStrictEqual(coercive.copies.map((c) => c.path), ['000', '001', '002', '002']);
    // behaviour/behavior and a moved comma are not differences
    for (const c of coercive.copies) assert.deepStrictEqual(c.differences, [], c.text);
    assert.ok(coercive.copies.some((c) => c.relation === 'spelling'));

    // 000 prints “will be the most significant change to the U.S. Forces Japan …”,
    // 001 “This will be the most significant change to US Forces Japan …”
    const upgrade = groupOf(groups, 'will be the most significant change');
    const c001 = upgrade.copies.find((c) => c.path === '001');
    assert.ok(c001);
    assert.strictEqual(c001.relation, 'edited');
    assert.deepStrictEqual(
      c001.differences.map((d) => [d.kind, d.text, d.position]),
      [['added', 'This', 'start'], ['removed', 'the', 'inside']],
    );
    assert.strictEqual(upgrade.speakerName, 'Lloyd Austin');
  });

  it('marks a trimmed quote and a disagreement about the speaker', () => {
    const { groups } = linkQuoteCopies(seedDocs());
    // 003 stops at “provocative actions”; 004 goes on “across the Taiwan Strait.”
    const pretext = groupOf(groups, 'should not be used as a pretext');
    const c003 = pretext.copies.find((c) => c.path === '003');
    assert.strictEqual(c003?.relation, 'trimmed');
    assert.deepStrictEqual(c003?.differences.map((d) => [d.kind, d.text, d.position]), [['removed', 'across the Taiwan Strait', 'end']]);
    assert.strictEqual(pretext.conflict, true, 'the statement (003) or the ministers (004)');
    // 004 gives the joint statement's words to Austin
    const facilitate = groupOf(groups, 'facilitate deeper interoperability');
    assert.ok(facilitate.copies.some((c) => c.path === '004' && c.speakerName === 'Austin'));
    assert.strictEqual(facilitate.conflict, true);
  });

  it('fills a missing speaker from the other copies and says so', () => {
    const a = 'Mayor Ana Ruiz spoke on Monday. “The bridge will reopen in May, not in April as we promised,” Ruiz said.';
    const b = 'Work on the bridge is late.\n\n“The bridge will reopen in May, not April as we promised.”';
    const c = '“The bridge will reopen in June, not in April as we promised,” said Ana Ruiz.';
    const docs = [
      { path: 'a.txt', quotes: findQuotes(a) },
      { path: 'b.txt', quotes: findQuotes(b) },
      { path: 'c.txt', quotes: findQuotes(c) },
    ];
    assert.strictEqual(docs[1].quotes[0].speaker, null);
    const { groups, quotes } = linkQuoteCopies(docs);
    assert.strictEqual(groups.length, 1);
    const g = groups[0];
    assert.strictEqual(g.conflict, false, 'Ruiz and Ana Ruiz are one speaker');
    const filled = quotes[1][0].speaker;
    assert.strictEqual(filled?.via, 'other-copy');
    assert.ok(filled?.source === 'a.txt' || filled?.source === 'c.txt');
    assert.ok(/Ruiz/.test(filled?.name ?? ''));
    const copyB = g.copies.find((x) => x.path === 'b.txt');
    assert.strictEqual(copyB?.speakerSource, 'other-copy');
    assert.deepStrictEqual(copyB?.differences.map((d) => [d.kind, d.text]), [['removed', 'in']]);
    const copyC = g.copies.find((x) => x.path === 'c.txt');
    assert.deepStrictEqual(copyC?.differences.map((d) => [d.kind, d.text, d.replacement]), [['changed', 'May', 'June']]);
    // the input is not changed
    assert.strictEqual(docs[1].quotes[0].speaker, null);
    // the report's `copies` of b's quote: a and c, with their differences against b
    const copies = copiesFor(docs, { groups, quotes }, 1, 0);
    assert.deepStrictEqual(copies.map((x) => x.path), ['a.txt', 'c.txt']);
    assert.deepStrictEqual(copies[0].differences, [{ kind: 'added', text: 'in' }]);
    assert.deepStrictEqual(copies[1].differences, [{ kind: 'changed', text: 'May', replacement: 'June' }, { kind: 'added', text: 'in' }]);
    assert.deepStrictEqual(copiesFor(docs, { groups, quotes }, 0, 5), []);
  });

  it('does not link different quotes that share a few words, nor terms', () => {
    const a = '“We will rebuild the bridge before winter,” Ruiz said. Critics call it the “bridge to nowhere”.';
    const b = '“We will not rebuild anything until the inquiry reports next year,” Cole said. The “bridge to nowhere” stays shut.';
    const { groups } = linkQuoteCopies([
      { path: 'a', quotes: findQuotes(a) },
      { path: 'b', quotes: findQuotes(b) },
    ]);
    assert.deepStrictEqual(groups, []);
  });

  it('does not fill a speaker when the copies disagree', () => {
    const a = '“Prices will keep falling all through the summer,” Weber said.';
    const b = '“Prices will keep falling all through the summer,” Duval said.';
    const c = '“Prices will keep falling all through the summer.”';
    const { groups, quotes } = linkQuoteCopies([a, b, c].map((t, i) => ({ path: String(i), quotes: findQuotes(t) })));
    assert.strictEqual(groups[0].conflict, true);
    assert.strictEqual(quotes[2][0].speaker, null);
  });
});
