// Shared passages must not depend on the order documents are added in or read: every pair is
// aligned the same way whichever side asks, results are symmetric, and no match is listed twice or
// overlaps the passage it is listed for.
import * as assert from 'assert';
import fc from 'fast-check';
import { DEFAULT_PASSAGE_OPTIONS, PassageIndex, preparePassages, type SharedPassage } from '../../src/core/passages/passageIndex';
import { readSeeds } from './sharedFiles';

type Step = { kind: 'upsert'; path: string; text: string } | { kind: 'read'; path: string };

function run(steps: readonly Step[]): PassageIndex {
  const index = new PassageIndex();
  for (const s of steps) {
    if (s.kind === 'upsert') index.upsert(s.path, s.text);
    else index.sharedFor(s.path);
  }
  return index;
}

/** A document's passages in a canonical order (matches sorted), for comparison. */
function normalized(passages: readonly SharedPassage[]): SharedPassage[] {
  const copy = passages.map((p) => ({
    ...p,
    matches: [...p.matches].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start || x.end - y.end)),
  }));
  return copy.sort((x, y) => x.start - y.start || x.end - y.end);
}

/** Checks no duplicate and no self-overlap; returns the problems found. */
function wellFormed(path: string, passages: readonly SharedPassage[]): string[] {
  const problems: string[] = [];
  for (const p of passages) {
    const seen = new Set<string>();
    for (const m of p.matches) {
      const key = `${m.path}@${m.start}-${m.end}`;
      if (seen.has(key)) problems.push(`${path}[${p.start},${p.end}] lists ${key} twice`);
      seen.add(key);
      if (m.path === path && m.start < p.end && m.end > p.start) problems.push(`${path}[${p.start},${p.end}] lists its own overlapping span ${key}`);
    }
  }
  return problems;
}

/** Whether every match (A span -> B span, B another file) has its mirror (B covering that span lists A's span). */
function asymmetries(index: PassageIndex, paths: readonly string[]): string[] {
  const problems: string[] = [];
  const all = new Map(paths.map((p) => [p, index.sharedFor(p)]));
  for (const [path, passages] of all) {
    for (const p of passages) {
      for (const m of p.matches) {
        // Copies inside one file: each copy's passages are cut on its own, so a repeat is mirrored
        // only as a whole (checked by the other assertions); across files every match is mirrored.
        if (m.path === path) continue;
        const back = all.get(m.path) ?? [];
        // The mirrored copy: a passage of the other document overlapping this match (each side cuts
        // its own passages), listing a match in this document that overlaps this passage.
        const mirrored = back.some(
          (q) => q.start < m.end && q.end > m.start && q.matches.some((n) => n.path === path && n.start < p.end && n.end > p.start),
        );
        if (!mirrored) problems.push(`${path}[${p.start},${p.end}] -> ${m.path}[${m.start},${m.end}] has no mirror`);
      }
    }
  }
  return problems;
}

function assertSame(a: PassageIndex, b: PassageIndex, paths: readonly string[]): void {
  for (const p of paths) assert.deepStrictEqual(normalized(a.sharedFor(p)), normalized(b.sharedFor(p)), p);
}

describe('shared passages: independent of insertion and read order', () => {
  it('repetitive text: the same, symmetric results whether a document was read before its partner arrived', () => {
    const t0 = '\n\n““the the ““the the the the “the “the “the the “\n\n';
    const t1 = t0 + 'the the the the the the the the ';
    const s0 = t0 + '\n\n' + t1;
    const orderA = run([
      { kind: 'upsert', path: 's1/doc.txt', text: t0 },
      { kind: 'read', path: 's1/doc.txt' },
      { kind: 'upsert', path: 's0/doc.txt', text: s0 },
    ]);
    const orderB = run([
      { kind: 'upsert', path: 's0/doc.txt', text: s0 },
      { kind: 'upsert', path: 's1/doc.txt', text: t0 },
    ]);
    const paths = ['s0/doc.txt', 's1/doc.txt'];
    assertSame(orderA, orderB, paths);
    for (const index of [orderA, orderB]) {
      assert.deepStrictEqual(asymmetries(index, paths), []);
      for (const p of paths) assert.deepStrictEqual(wellFormed(p, index.sharedFor(p)), []);
    }
  });

  it('a re-upsert after a read gives what a fresh index gives, with no self-overlapping or duplicate matches', () => {
    const text = 'Intro line\n\n' + 'minister '.repeat(33);
    const live = new PassageIndex();
    live.upsert('a.txt', text);
    live.sharedFor('a.txt');
    live.upsert('a.txt', text + 'x');
    const fresh = new PassageIndex();
    fresh.upsert('a.txt', text + 'x');
    assert.deepStrictEqual(normalized(live.sharedFor('a.txt')), normalized(fresh.sharedFor('a.txt')));
    for (const index of [live, fresh]) {
      assert.deepStrictEqual(wellFormed('a.txt', index.sharedFor('a.txt')), []);
      assert.deepStrictEqual(asymmetries(index, ['a.txt']), []);
    }
  });

  it('an index that keeps few token streams (and makes them again) gives what one keeping all gives', () => {
    const seeds = [...readSeeds().entries()];
    const all = new PassageIndex();
    const few = new PassageIndex({ tokenBudget: 300 });
    // Fed as a worker feeds it: fingerprints only, no tokens.
    for (const [name, { text }] of seeds) {
      all.upsert(name, text);
      few.upsert(name, text, undefined, preparePassages(text, undefined, DEFAULT_PASSAGE_OPTIONS, { outlet: true }));
    }
    const paths = seeds.map(([name]) => name);
    assertSame(all, few, paths);
    for (const p of paths) assert.deepStrictEqual(few.outletFor(p), all.outletFor(p));
    const scanned = few.scanAll();
    for (const p of paths) assert.deepStrictEqual(normalized(scanned.get(p)!), normalized(all.sharedFor(p)), p);
    assert.ok(paths.some((p) => all.sharedFor(p).length > 0));
  });

  describe('property: random corpora in two random orders with random reads', () => {
    const seeds = [...readSeeds().values()].map((s) => s.text);
    const repetitive = ['the ', 'the the “', 'minister ', '““the ', 'said the minister ', '\n\n', 'the the the the '];

    /** A piece of text: a cut of a seed, a repetitive run, or a mix, lightly perturbed. */
    const piece = fc.oneof(
      fc
        .record({ seed: fc.nat(seeds.length - 1), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 20, max: 1500 }) })
        .map(({ seed, at, length }) => {
          const text = seeds[seed];
          const start = Math.floor(at * Math.max(0, text.length - length));
          return text.slice(start, start + length);
        }),
      fc.record({ unit: fc.constantFrom(...repetitive), times: fc.integer({ min: 1, max: 40 }) }).map(({ unit, times }) => unit.repeat(times)),
    );
    const perturb = fc
      .record({ text: piece, edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.constantFrom('', 'the ', 'x', '\n\n', '“', 'minister') }), { maxLength: 4 }) })
      .map(({ text, edits }) => {
        let t = text;
        for (const e of edits) {
          const at = Math.floor(e.at * t.length);
          t = e.insert ? t.slice(0, at) + e.insert + t.slice(at) : t.slice(0, at) + t.slice(Math.min(t.length, at + 5));
        }
        return t;
      });
    const docText = fc.array(perturb, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('\n\n'));
    const corpus = fc.array(docText, { minLength: 1, maxLength: 5 }).chain((texts) => {
      const n = texts.length;
      const order = fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });
      const reads = fc.array(fc.boolean(), { minLength: n, maxLength: n });
      return fc.tuple(fc.constant(texts), order, reads, order, reads);
    });

    it('gives identical, symmetric and well-formed sharedFor results for every document', function () {
      this.timeout(120000);
      fc.assert(
        fc.property(corpus, ([texts, order1, reads1, order2, reads2]) => {
          const paths = texts.map((_, i) => `d${i}/doc.txt`);
          const steps = (order: number[], reads: boolean[]): Step[] =>
            order.flatMap((i, k) => {
              const up: Step = { kind: 'upsert', path: paths[i], text: texts[i] };
              // Read a document already in: the one just added or an earlier one.
              return reads[k] ? [up, { kind: 'read', path: paths[order[(k * 7) % (k + 1)]] } as Step] : [up];
            });
          const a = run(steps(order1, reads1));
          const b = run(steps(order2, reads2));
          assertSame(a, b, paths);
          assert.deepStrictEqual(asymmetries(a, paths), []);
          for (const p of paths) assert.deepStrictEqual(wellFormed(p, a.sharedFor(p)), []);
          // scanAll on a fresh index agrees too.
          const c = run(steps(order1, order1.map(() => false)));
          const all = c.scanAll();
          for (const p of paths) assert.deepStrictEqual(normalized(all.get(p)!), normalized(a.sharedFor(p)), `scanAll ${p}`);
          // scanAll takes documents in path order: with ids in path order too (its walks stop early),
          // with some results cached by random reads (those pairs are aligned from the uncached side),
          // and again after an edit invalidated part of its own results.
          const inPathOrder = run(steps([...order1].sort((x, y) => x - y), order1.map(() => false))).scanAll();
          const partly = run(steps(order2, reads2));
          const partlyAll = partly.scanAll();
          for (const p of paths) {
            assert.deepStrictEqual(normalized(inPathOrder.get(p)!), normalized(a.sharedFor(p)), `scanAll in path order ${p}`);
            assert.deepStrictEqual(normalized(partlyAll.get(p)!), normalized(a.sharedFor(p)), `scanAll after reads ${p}`);
          }
          const edited = texts[0] + '\n\nthe minister said';
          partly.upsert(paths[0], edited);
          a.upsert(paths[0], edited);
          const again = partly.scanAll();
          for (const p of paths) assert.deepStrictEqual(normalized(again.get(p)!), normalized(a.sharedFor(p)), `scanAll after an edit ${p}`);
        }),
        { numRuns: 150, seed: 20241122 },
      );
    });
  });
});
