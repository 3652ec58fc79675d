// The same quote printed by several outlets: linking, word differences, speakers from other copies.

import * as assert from 'assert';
import { diffArrays } from 'diff';
import fc from 'fast-check';
import { copiesFor, findQuotes, linkQuoteCopies, wordKey, type Quote, type QuoteDoc, type QuoteGroup } from '../../src/core/quotes';
import { prepareQuoteWords } from '../../src/core/quotes/link';
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

  it('gives the same groups when linked again, after preparing the words, and re-splits a quote given other words', () => {
    const first = linkQuoteCopies(seedDocs());
    const docs = seedDocs();
    for (const d of docs) prepareQuoteWords(d.quotes);
    assert.deepStrictEqual(linkQuoteCopies(docs), first);
    assert.deepStrictEqual(linkQuoteCopies(docs), first, 'linked twice with the words kept from the first time');
    // The words are kept per quote object; one whose text is replaced is split again.
    const a = findQuotes('“Prices will keep falling all through the summer,” Weber said.');
    const b = findQuotes('“Rents will go on rising in every city this winter,” Duval said.');
    const pair = [{ path: 'a', quotes: a }, { path: 'b', quotes: b }];
    assert.strictEqual(linkQuoteCopies(pair).groups.length, 0);
    (b[0] as { text: string }).text = a[0].text;
    assert.strictEqual(linkQuoteCopies(pair).groups.length, 1);
  });

  it('compares only quotes sharing a shingle, yet groups exactly as comparing every pair would', () => {
    // The rule, pair by pair: the same folded words; or, for quotes of 4 words or more, sharing at
    // least half the three-word shingles of the shorter (a shingle in more than 60 quotes does not
    // count), and then one inside the other or most words shared in order.
    const folded = (q: Quote) => (q.text.match(/[\p{L}\p{N}]+/gu) ?? []).map(wordKey);
    const shingles = (k: string[]) => new Set(k.slice(0, Math.max(0, k.length - 2)).map((_, i) => k.slice(i, i + 3).join(' ')));
    const reference = (docs: QuoteDoc[]): string[][] => {
      const items = docs.flatMap((d, di) => d.quotes.map((q, qi) => ({ id: `${di}:${qi}`, q, k: folded(q) }))).filter((it) => it.q.kind === 'speech' && it.k.length >= 2);
      const sh = items.map((it) => (it.k.length >= 4 ? shingles(it.k) : new Set<string>()));
      const uses = new Map<string, number>();
      for (const set of sh) for (const s of set) uses.set(s, (uses.get(s) ?? 0) + 1);
      const parent = items.map((_, i) => i);
      const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
      for (let a = 0; a < items.length; a++) {
        for (let b = a + 1; b < items.length; b++) {
          const [ka, kb] = [items[a].k, items[b].k];
          let linked = ka.join(' ') === kb.join(' ');
          const shared = [...sh[a]].filter((s) => sh[b].has(s) && uses.get(s)! <= 60).length;
          if (!linked && shared > 0 && shared >= 0.5 * Math.min(ka.length - 2, kb.length - 2)) {
            const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
            const inside = ` ${long.join(' ')} `.includes(` ${short.join(' ')} `);
            let common = 0;
            for (const c of diffArrays(ka, kb)) if (!c.added && !c.removed) common += c.count ?? c.value.length;
            linked = inside || common / short.length >= 0.8 || (2 * common) / (ka.length + kb.length) >= 0.6;
          }
          if (linked) parent[find(b)] = find(a);
        }
      }
      const groups = new Map<number, string[]>();
      items.forEach((it, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), it.id]));
      return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort()).sort();
    };
    // Quotes made from a few base quotes by a few edits (words dropped, added or replaced, copies
    // trimmed), so that many pairs sit near the thresholds, and some made of other words.
    const vocabulary = ['the', 'bridge', 'will', 'reopen', 'in', 'May', 'June', 'not', 'April', 'as', 'we', 'promised', 'rates', 'rise', 'colour', 'color', 'council', 'said', 'vote', 'plan'];
    const word = fc.constantFrom(...vocabulary);
    const edit = fc.record({ op: fc.constantFrom('drop', 'add', 'replace', 'trim'), at: fc.nat(20), word });
    const derived = fc.record({ base: fc.nat(3), edits: fc.array(edit, { maxLength: 5 }) });
    const make = (base: string[], edits: { op: string; at: number; word: string }[]): string => {
      let w = base.slice();
      for (const e of edits) {
        const at = e.at % (w.length + 1);
        if (e.op === 'drop') w.splice(at, 1);
        else if (e.op === 'add') w.splice(at, 0, e.word);
        else if (e.op === 'replace') w[Math.min(at, w.length - 1)] = e.word;
        else w = at % 2 ? w.slice(1) : w.slice(0, -1);
      }
      return w.length ? w.join(' ') : 'plan';
    };
    const toQuote = (text: string, i: number): Quote =>
      ({ start: i * 100, end: i * 100 + text.length, text, kind: 'speech', speaker: null, open: i * 100 - 1, close: i * 100 + text.length, family: 'double', paragraph: i, continues: -1, unclosed: false });
    const input = fc.record({
      bases: fc.array(fc.array(word, { minLength: 4, maxLength: 12 }), { minLength: 4, maxLength: 4 }),
      docs: fc.array(fc.array(fc.oneof(derived, fc.array(word, { minLength: 1, maxLength: 8 })), { maxLength: 6 }), { minLength: 1, maxLength: 5 }),
    });
    fc.assert(
      fc.property(input, ({ bases, docs: specs }) => {
        const docs = specs.map((list, d) => ({
          path: String(d),
          quotes: list.map((q, i) => toQuote(Array.isArray(q) ? q.join(' ') : make(bases[q.base], q.edits), i)),
        }));
        const got = linkQuoteCopies(docs).groups.map((g) => g.copies.map((c) => `${c.doc}:${c.quote}`).sort()).sort();
        assert.deepStrictEqual(got, reference(docs));
      }),
      { numRuns: 300 },
    );
  });
});
