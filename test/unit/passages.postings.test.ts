// The passage index's posting table against a plain model (a Map of sorted arrays), under random
// adds and removals that force growth and rehashing.
import * as assert from 'assert';
import fc from 'fast-check';
import { PostingTable } from '../../src/core/passages/postings';
import { decodeFingerprints, encodeFingerprints } from '../../src/core/passages/fingerprints';

type Op = { add: true; hash: number; doc: number; pos: number } | { add: false; hash: number; doc: number };

function listOf(table: PostingTable, hash: number): Array<[number, number]> {
  const slot = table.find(hash);
  if (slot < 0) return [];
  const out: Array<[number, number]> = [];
  for (let n = table.first(slot); n >= 0; n = table.next[n]) out.push([table.docs[n], table.positions[n]]);
  assert.strictEqual(table.count(slot), out.length, `count of ${hash}`);
  return out;
}

describe('shared passages: the posting table', () => {
  it('keeps every list in descending (document, position) order through adds, removals and rehashes', () => {
    const op = fc.oneof(
      fc.record({ add: fc.constant(true as const), hash: fc.integer({ min: 0, max: 40 }), doc: fc.integer({ min: 1, max: 8 }), pos: fc.integer({ min: 0, max: 30 }) }),
      fc.record({ add: fc.constant(false as const), hash: fc.integer({ min: 0, max: 40 }), doc: fc.integer({ min: 1, max: 8 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 20, maxLength: 600, size: 'max' }), (ops: Op[]) => {
        const table = new PostingTable(4);
        const model = new Map<number, Array<[number, number]>>();
        for (const o of ops) {
          const list = model.get(o.hash) ?? [];
          if (o.add) {
            list.push([o.doc, o.pos]);
            list.sort((x, y) => y[0] - x[0] || y[1] - x[1]);
            model.set(o.hash, list);
            table.add(o.hash, o.doc, o.pos);
          } else {
            model.set(o.hash, list.filter(([d]) => d !== o.doc));
            table.removeDocument(o.hash, o.doc);
          }
        }
        let postings = 0;
        let keys = 0;
        for (const [hash, list] of model) {
          assert.deepStrictEqual(listOf(table, hash), list);
          postings += list.length;
          if (list.length) keys++;
        }
        assert.strictEqual(table.size, postings);
        assert.strictEqual(table.keyCount, keys);
        assert.deepStrictEqual(listOf(table, 100000), []);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('holds a million postings under many keys and finds each list', () => {
    const table = new PostingTable();
    for (let doc = 1; doc <= 1000; doc++) for (let p = 0; p < 1000; p++) table.add((doc * 7919 + p * 104729) & 0x3fffffff, doc, p);
    assert.strictEqual(table.size, 1_000_000);
    for (let doc = 1; doc <= 1000; doc += 97) {
      const list = listOf(table, (doc * 7919 + 5 * 104729) & 0x3fffffff);
      assert.ok(list.some(([d, p]) => d === doc && p === 5));
    }
  });

  it('fingerprints survive their cache encoding, and a damaged encoding reads as none', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 0x3fffffff }), fc.integer({ min: 0, max: 4194303 })), { maxLength: 2000 }), (pairs) => {
        const f = { hashes: Int32Array.from(pairs.map((p) => p[0])), positions: Int32Array.from(pairs.map((p) => p[1])), length: pairs.length };
        const encoded = encodeFingerprints(f);
        assert.deepStrictEqual(decodeFingerprints(encoded), f);
        if (encoded.length) {
          assert.strictEqual(decodeFingerprints(encoded.slice(1)), null);
          assert.strictEqual(decodeFingerprints('\u00e9' + encoded.slice(1)), null);
        }
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
