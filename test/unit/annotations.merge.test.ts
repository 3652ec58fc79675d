import * as assert from 'assert';
import fc from 'fast-check';
import { mergeAnnotations, type HandAnnotation } from '../../src/core/annotations';
import { assertProperty } from './property';

function a(id: string, comment: string, modified = '2026-11-21T10:00:00.000Z', start = 0): HandAnnotation {
  return {
    id,
    created: '2026-11-21T09:00:00.000Z',
    modified,
    kind: 'Note',
    comment,
    target: { source: 'x.txt', exact: 'word', prefix: '', suffix: '', start, end: start + 4 },
  };
}

const ids = (list: HandAnnotation[]) => list.map((x) => x.id).sort();

describe('annotations: merging two versions of the file', () => {
  it('keeps additions from both sides', () => {
    const base = [a('1', 'one')];
    const r = mergeAnnotations(base, [...base, a('2', 'ours')], [...base, a('3', 'theirs')]);
    assert.deepStrictEqual(ids(r.merged), ['1', '2', '3']);
    assert.strictEqual(r.changedFromOurs, true);
    assert.strictEqual(r.changedFromTheirs, true);
    assert.deepStrictEqual(r.conflicts, []);
  });

  it('takes a one-sided change, and on both-sided changes the later modified, reporting it', () => {
    const base = [a('1', 'one'), a('2', 'two')];
    const ours = [a('1', 'one (ours)', '2026-11-21T11:00:00.000Z'), a('2', 'two (ours)', '2026-11-21T12:00:00.000Z')];
    const theirs = [a('1', 'one'), a('2', 'two (theirs)', '2026-11-21T13:00:00.000Z')];
    const r = mergeAnnotations(base, ours, theirs);
    assert.strictEqual(r.merged.find((x) => x.id === '1')?.comment, 'one (ours)');
    assert.strictEqual(r.merged.find((x) => x.id === '2')?.comment, 'two (theirs)');
    assert.strictEqual(r.conflicts.length, 1);
    assert.strictEqual(r.conflicts[0].other.comment, 'two (ours)');
  });

  it('removes what one side removed and lists it; keeps what was removed on one side but changed on the other', () => {
    const base = [a('1', 'one'), a('2', 'two'), a('3', 'three')];
    const ours = [a('1', 'one'), a('3', 'three (ours)', '2026-11-21T11:00:00.000Z')];
    const theirs = [a('2', 'two')];
    const r = mergeAnnotations(base, ours, theirs);
    assert.deepStrictEqual(ids(r.merged), ['3']);
    assert.deepStrictEqual(r.removedByOurs, ['2']);
    assert.deepStrictEqual(r.removedByTheirs, ['1']);
    assert.deepStrictEqual(r.keptDespiteRemoval, ['3']);
    const kept = mergeAnnotations(base, ours, theirs, { keepRemovedByTheirs: true });
    assert.deepStrictEqual(ids(kept.merged), ['1', '3']);
  });

  it('without a base is a union (a checkout of an older file drops nothing)', () => {
    const r = mergeAnnotations(undefined, [a('1', 'one'), a('2', 'two')], [a('1', 'one', '2026-11-20T10:00:00.000Z')]);
    assert.deepStrictEqual(ids(r.merged), ['1', '2']);
    assert.strictEqual(r.merged.find((x) => x.id === '1')?.modified, '2026-11-21T10:00:00.000Z');
  });

  it('applies removals recorded as tombstones, unless the annotation was edited after', () => {
    const base = [a('1', 'one'), a('2', 'two')];
    const ours = [a('1', 'one'), a('2', 'two')];
    const theirs = [a('2', 'two', '2026-11-21T13:00:00.000Z')];
    const tombstones = [
      { id: '1', removed: '2026-11-21T12:00:00.000Z' },
      { id: '2', removed: '2026-11-21T12:00:00.000Z' },
    ];
    const r = mergeAnnotations(base, ours, theirs, { keepRemovedByTheirs: true, tombstones });
    assert.deepStrictEqual(ids(r.merged), ['2'], 'the later edit of 2 wins over its tombstone');
    assert.deepStrictEqual(r.removedByTombstone, ['1']);
    assert.deepStrictEqual(r.removedByTheirs, [], 'an intentional removal is not reported as a loss');
  });

  it('property: every annotation of either side is in the result unless the other side removed it unchanged', function () {
    const version = fc.constantFrom('a', 'b', 'c');
    const side = fc.dictionary(fc.constantFrom('1', '2', '3', '4', '5'), version);
    assertProperty(
      this,
      fc.property(side, side, side, fc.boolean(), (b, o, t, keep) => {
        const mk = (d: Record<string, string>) => Object.entries(d).map(([id, v]) => a(id, v, `2026-11-21T1${'abc'.indexOf(v)}:00:00.000Z`));
        const r = mergeAnnotations(mk(b), mk(o), mk(t), { keepRemovedByTheirs: keep });
        const merged = new Map(r.merged.map((x) => [x.id, x.comment]));
        for (const [id, v] of Object.entries(o)) {
          const removedByTheirs = id in b && !(id in t) && b[id] === v;
          if (!removedByTheirs || keep) assert.ok(merged.has(id), `ours ${id}`);
        }
        for (const [id, v] of Object.entries(t)) {
          const removedByOurs = id in b && !(id in o) && b[id] === v;
          if (!removedByOurs) assert.ok(merged.has(id), `theirs ${id}`);
          else assert.ok(!merged.has(id));
        }
        // Nothing appears from nowhere, and one-sided changes win.
        for (const id of merged.keys()) assert.ok(id in o || id in t);
        for (const id of Object.keys(o)) {
          if (id in t && id in b && b[id] === t[id]) assert.strictEqual(merged.get(id), o[id]);
        }
        // Merging is idempotent on its own output.
        const again = mergeAnnotations(r.merged, r.merged, r.merged);
        assert.deepStrictEqual(ids(again.merged), ids(r.merged));
      }),
      500,
    );
  });
});
