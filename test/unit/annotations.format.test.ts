import * as assert from 'assert';
import {
  ANNO_CONTEXT,
  formatProblem,
  parseAnnotationFile,
  parseJson,
  serializeAnnotationFile,
  targetAt,
  toW3C,
  type HandAnnotation,
} from '../../src/core/annotations';
import { readSeed } from './sharedFiles';

function ann(id: string, source: string, text: string, needle: string, extra: Partial<HandAnnotation> = {}): HandAnnotation {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `${needle} in text`);
  return {
    id,
    created: '2026-11-21T10:00:00.000Z',
    modified: '2026-11-21T10:00:00.000Z',
    kind: 'Quote',
    target: targetAt(text, source, { start, end: start + needle.length }),
    ...extra,
  };
}

describe('annotations: file format', () => {
  const text = readSeed('000');
  const a1 = ann('urn:uuid:1', 'seeds/000.txt', text, 'the greatest strategic challenge', { comment: 'check the "2+2" wording,\nline 2' });
  const a2 = ann('urn:uuid:2', 'seeds/000.txt', text, 'Antony Blinken', { kind: 'Person' });
  const a3 = ann('urn:uuid:3', 'seeds/000.txt', text, 'Lloyd Austin', {
    correction: { type: 'same-entity-as', entity: 'person:lloyd-austin' },
  });
  delete a3.kind;
  const a4 = ann('urn:uuid:4', 'a/other.txt', text, 'Tokyo', { kind: 'my-tag', creator: 'me', extra: { 'x-custom': { keep: [1, 2] } } });

  it('round-trips every field, sorted by source then start', () => {
    const out = serializeAnnotationFile([a1, a2, a3, a4]);
    const back = parseAnnotationFile(out);
    assert.strictEqual(back.corrupt, false);
    assert.deepStrictEqual(back.problems, []);
    assert.deepStrictEqual(
      back.annotations.map((a) => a.id),
      ['urn:uuid:4', 'urn:uuid:2', 'urn:uuid:1', 'urn:uuid:3'],
    );
    assert.deepStrictEqual(back.annotations.find((a) => a.id === 'urn:uuid:1'), a1);
    assert.deepStrictEqual(back.annotations.find((a) => a.id === 'urn:uuid:3'), a3);
    assert.deepStrictEqual(back.annotations.find((a) => a.id === 'urn:uuid:4'), a4);
    // Stable: serialising again gives the same bytes whatever the input order.
    assert.strictEqual(serializeAnnotationFile(back.annotations), out);
    assert.strictEqual(serializeAnnotationFile([a4, a3, a2, a1]), out);
  });

  it('is a W3C AnnotationCollection with TextQuoteSelector and TextPositionSelector', () => {
    const doc = JSON.parse(serializeAnnotationFile([a1, a3])) as any;
    assert.strictEqual(doc['@context'], ANNO_CONTEXT);
    assert.strictEqual(doc.type, 'AnnotationCollection');
    const [first, second] = doc.first.items;
    assert.strictEqual(first.type, 'Annotation');
    assert.deepStrictEqual(Object.keys(first), ['id', 'type', 'created', 'modified', 'motivation', 'body', 'target']);
    assert.strictEqual(first.target.selector[0].type, 'TextQuoteSelector');
    assert.strictEqual(first.target.selector[1].type, 'TextPositionSelector');
    const s = text.indexOf('Lloyd Austin');
    assert.deepStrictEqual(second.target.selector[1], { type: 'TextPositionSelector', start: s, end: s + 12 });
    assert.strictEqual(second.motivation, 'editing');
    assert.deepStrictEqual(second.body, [
      { type: 'TextualBody', purpose: 'editing', value: 'same-entity-as' },
      { type: 'TextualBody', purpose: 'identifying', value: 'person:lloyd-austin' },
    ]);
    assert.strictEqual(toW3C(a1).motivation, 'classifying');
    assert.strictEqual(toW3C(a4).motivation, 'tagging');
  });

  it('writes one annotation per block, so adding one is an insertion in a diff', () => {
    const before = serializeAnnotationFile([a1, a4]).split('\n');
    const after = serializeAnnotationFile([a1, a2, a4]).split('\n');
    // Every line of `before` is still there, in order, apart from a trailing comma at most.
    let j = 0;
    let changed = 0;
    for (const line of before) {
      while (j < after.length && after[j] !== line && after[j] !== line + ',') j++;
      assert.ok(j < after.length, `line ${JSON.stringify(line)} kept`);
      if (after[j] !== line) changed++;
      j++;
    }
    assert.ok(changed <= 1);
    assert.strictEqual(serializeAnnotationFile([]).includes('"items": []'), true);
  });

  it('empty text is an empty, healthy file', () => {
    const r = parseAnnotationFile('  \n');
    assert.deepStrictEqual(r, { annotations: [], unreadable: [], removed: [], problems: [], corrupt: false });
  });

  it('keeps recent removals as "news:removed" tombstones, one per line, and drops old ones', () => {
    const now = new Date('2026-11-21T12:00:00.000Z');
    const removed = [
      { id: 'urn:uuid:z', removed: '2026-11-21T11:00:00.000Z' },
      { id: 'urn:uuid:old', removed: '2026-01-01T00:00:00.000Z' },
      { id: 'urn:uuid:1', removed: '2026-11-21T11:00:00.000Z' }, // present again: not a removal
    ];
    const out = serializeAnnotationFile([a1], [], removed, now);
    assert.ok(out.includes('\n    {"id":"urn:uuid:z","removed":"2026-11-21T11:00:00.000Z"}\n'));
    const back = parseAnnotationFile(out);
    assert.deepStrictEqual(back.removed, [{ id: 'urn:uuid:z', removed: '2026-11-21T11:00:00.000Z' }]);
    assert.deepStrictEqual(back.annotations, [a1]);
    assert.strictEqual(JSON.parse(out)['news:removed'].length, 1);
    assert.ok(!serializeAnnotationFile([a1]).includes('news:removed'));
  });

  it('reports a syntax error with line:column and salvages intact annotations', () => {
    const good = serializeAnnotationFile([a1, a2, a3]);
    // Break the second annotation: remove the comma after its "modified" value.
    const lines = good.split('\n');
    const idLine = lines.findIndex((l) => l.includes('"urn:uuid:3"'));
    const modLine = lines.findIndex((l, i) => i > idLine && l.includes('"modified"'));
    lines[modLine] = lines[modLine].replace(/,$/, '');
    const broken = lines.join('\n');
    const r = parseAnnotationFile(broken);
    assert.strictEqual(r.corrupt, true);
    const err = r.problems.find((p) => p.severity === 'error');
    assert.ok(err);
    assert.strictEqual(err.line, modLine + 2, 'the error is on the line after the missing comma');
    assert.ok(err.column > 1);
    assert.match(formatProblem(err), new RegExp(`^\\.news-annotations\\.jsonld:${modLine + 2}:\\d+: Expected ','`));
    assert.deepStrictEqual(
      r.annotations.map((a) => a.id),
      ['urn:uuid:2', 'urn:uuid:1'],
    );
    assert.match(err.message, /2 annotations recovered/);
  });

  it('salvages both sides of a git conflict and collapses identical copies', () => {
    const ours = serializeAnnotationFile([a1, a2]);
    const a1b = { ...a1, comment: 'theirs', modified: '2026-11-22T00:00:00.000Z' };
    const theirs = serializeAnnotationFile([a1b, a2]);
    const conflicted = `<<<<<<< HEAD\n${ours}=======\n${theirs}>>>>>>> branch\n`;
    const r = parseAnnotationFile(conflicted);
    assert.strictEqual(r.corrupt, true);
    assert.strictEqual(r.problems[0].line, 1);
    assert.strictEqual(r.problems[0].column, 1);
    const ids = r.annotations.map((a) => a.id).sort();
    assert.deepStrictEqual(ids, ['urn:uuid:1', 'urn:uuid:1#2', 'urn:uuid:2']);
    assert.ok(r.problems.some((p) => /appears twice/.test(p.message)));
    assert.ok(r.problems.some((p) => /renamed urn:uuid:1#2/.test(p.message)));
  });

  it('reports wrong-shaped annotations one by one and keeps them for rewriting', () => {
    const doc = JSON.parse(serializeAnnotationFile([a1, a2])) as any;
    doc.first.items.push({ id: 'urn:uuid:bad', type: 'Annotation', created: 'yesterday', target: { source: 'x.txt' } });
    doc.first.items.push({ id: 'urn:uuid:bad2', type: 'Annotation', created: a1.created, body: [{ type: 'TextualBody', purpose: 'editing', value: 'set-speaker' }], target: a1.target && toW3C(a1).target });
    doc.first.items.push('not an object');
    const textIn = JSON.stringify(doc, null, 2);
    const r = parseAnnotationFile(textIn);
    assert.strictEqual(r.corrupt, false);
    assert.strictEqual(r.annotations.length, 2);
    assert.strictEqual(r.unreadable.length, 3);
    const warnings = r.problems.filter((p) => p.severity === 'warning');
    assert.strictEqual(warnings.length, 3);
    assert.match(warnings[0].message, /"created" is not a date/);
    assert.strictEqual(warnings[0].id, 'urn:uuid:bad');
    assert.strictEqual(textIn.split('\n')[warnings[0].line - 1].trim(), '{');
    assert.match(warnings[1].message, /needs an identifying body/);
    assert.match(warnings[2].message, /must be a JSON object/);
    // Writing back keeps the unreadable items verbatim.
    const rewritten = JSON.parse(serializeAnnotationFile(r.annotations, r.unreadable)) as any;
    assert.strictEqual(rewritten.first.items.length, 5);
    assert.deepStrictEqual(rewritten.first.items.slice(2), doc.first.items.slice(2));
  });

  it('a JSON document that is not a collection is corrupt, not silently empty', () => {
    const r = parseAnnotationFile('{"hello": "world"}');
    assert.strictEqual(r.corrupt, true);
    assert.strictEqual(r.problems[0].severity, 'error');
  });

  it('never throws on arbitrary damage', () => {
    const good = serializeAnnotationFile([a1, a2, a3, a4]);
    for (let cut = 0; cut < good.length; cut += 7) {
      const r = parseAnnotationFile(good.slice(0, cut) + good.slice(cut + 3));
      assert.ok(r.annotations.length <= 4);
      if (r.corrupt) assert.ok(r.problems[0].line >= 1);
    }
  });
});

describe('annotations: JSON parser', () => {
  it('agrees with JSON.parse on valid input and locates errors', () => {
    const samples = ['{"a":[1,2.5e3,-0,true,false,null,"x\\u00e9\\n"]}', '[]', '"\\ud83d\\ude00"', ' 12 '];
    for (const s of samples) {
      const r = parseJson(s);
      assert.ok(r.ok, s);
      assert.deepStrictEqual(r.value, JSON.parse(s));
    }
    const bad = parseJson('{\n  "a": 1,\n  "b": tru\n}');
    assert.ok(!bad.ok);
    assert.strictEqual(bad.offset, '{\n  "a": 1,\n  "b": '.length);
    assert.ok(!parseJson('{"a":1,}').ok);
    assert.ok(!parseJson('[1] 2').ok);
  });
});
