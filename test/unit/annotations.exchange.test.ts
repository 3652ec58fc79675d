import * as assert from 'assert';
import {
  ANNO_CONTEXT,
  anchorTarget,
  applyCorrections,
  autoSpansFromReport,
  csvCell,
  exportCsv,
  exportJsonLd,
  importAnnotations,
  parseAnnotationFile,
  resolveSourcePath,
  targetAt,
  type HandAnnotation,
} from '../../src/core/annotations';
import type { ReportDocument, ScanReport } from '../../src/core/model';
import { readSeeds } from './sharedFiles';

const seeds = readSeeds();
const seed0 = seeds.get('000')!;
const files = [...seeds.values()].map((s) => `seeds/${s.name}`);
const path0 = `seeds/${seed0.name}`;

function at(text: string, needle: string) {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
}

function hand(id: string, needle: string, extra: Partial<HandAnnotation> = {}): HandAnnotation {
  return {
    id,
    created: '2026-11-21T10:00:00.000Z',
    modified: '2026-11-21T10:00:00.000Z',
    target: targetAt(seed0.text, path0, at(seed0.text, needle)),
    ...extra,
  };
}

function unparse(csv: string): string[][] {
  // Minimal RFC 4180 reader for the test.
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (q) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

const doc0: ReportDocument = {
  path: path0,
  outlet: 'Gleaner',
  paragraphs: [],
  quotes: [{ ...at(seed0.text, 'the greatest strategic challenge'), kind: 'term', speaker: null }],
  entities: [
    { ...at(seed0.text, 'Antony Blinken'), type: 'PERSON', id: 'person:antony-blinken' },
    { ...at(seed0.text, 'Lloyd Austin'), type: 'PERSON', id: 'person:lloyd-austin' },
    { ...at(seed0.text, 'Yoko Kamikawa'), type: 'PERSON', id: 'person:yoko-kamikawa' },
  ],
  shared: [{ ...at(seed0.text, 'Japanese and US defence chiefs'), matches: [{ path: 'seeds/x.txt', start: 0, end: 10, similarity: 0.93 }] }],
};

describe('annotations: export', () => {
  const hands = [
    hand('urn:uuid:a', 'Antony Blinken', { kind: 'Person', comment: '=HYPERLINK("http://evil")' }),
    hand('urn:uuid:b', 'the greatest strategic challenge', { correction: { type: 'set-speaker', entity: 'person:antony-blinken' }, comment: 'said by "Blinken", not Austin,\nsee AP' }),
  ];

  it('JSON-LD: a W3C collection of hand and automatic annotations that reads back', () => {
    const out = exportJsonLd(hands, autoSpansFromReport(doc0, seed0.text), { generated: '2026-11-21T12:00:00.000Z' });
    const doc = JSON.parse(out);
    assert.strictEqual(doc['@context'], ANNO_CONTEXT);
    assert.strictEqual(doc.type, 'AnnotationCollection');
    assert.strictEqual(doc.total, 2 + 1 + 3 + 1);
    assert.strictEqual(doc.first.items.length, doc.total);
    for (const item of doc.first.items) {
      assert.strictEqual(item.type, 'Annotation');
      assert.ok(typeof item.id === 'string' && /^urn:/.test(item.id));
      assert.ok(Array.isArray(item.target.selector));
    }
    const auto = doc.first.items.filter((i: any) => i.generator);
    assert.strictEqual(auto.length, 5);
    const person = auto.find((i: any) => i.body.some((b: any) => b.value === 'person:lloyd-austin'));
    assert.deepStrictEqual(person.body[0], { type: 'TextualBody', purpose: 'classifying', value: 'Person' });
    assert.strictEqual(person.target.selector[0].exact, 'Lloyd Austin');
    // Our own reader takes it back (hand annotations exactly).
    const back = parseAnnotationFile(out);
    assert.strictEqual(back.corrupt, false);
    assert.deepStrictEqual(back.annotations.find((a) => a.id === 'urn:uuid:b'), hands[1]);
  });

  it('JSON-LD: sources can be written as IRIs', () => {
    const out = JSON.parse(exportJsonLd(hands, [], { sourceIri: (s) => `file:///work/${s}` }));
    assert.strictEqual(out.first.items[0].target.source, `file:///work/${path0}`);
  });

  it('CSV: one row per annotation, RFC 4180 quoting, formula-safe', () => {
    const csv = exportCsv(hands, autoSpansFromReport(doc0, seed0.text), { outletOf: (s) => (s === path0 ? 'Gleaner' : null), orphans: new Set(['urn:uuid:b']) });
    assert.ok(csv.endsWith('\r\n'));
    const rows = unparse(csv);
    assert.deepStrictEqual(rows[0], ['file', 'outlet', 'kind', 'text', 'speaker_or_entity', 'comment', 'start', 'end', 'origin', 'id']);
    assert.strictEqual(rows.length, 1 + 2 + 5);
    const a = rows.find((r) => r[9] === 'urn:uuid:a')!;
    assert.deepStrictEqual(a.slice(0, 4), [path0, 'Gleaner', 'Person', 'Antony Blinken']);
    assert.strictEqual(a[5], `'=HYPERLINK("http://evil")`);
    const b = rows.find((r) => r[9] === 'urn:uuid:b')!;
    assert.deepStrictEqual(b.slice(2, 6), ['set-speaker', 'the greatest strategic challenge', 'person:antony-blinken', 'said by "Blinken", not Austin,\nsee AP']);
    assert.strictEqual(b[8], 'hand (orphan)');
    assert.strictEqual(Number(b[6]), hands[1].target.start);
    assert.ok(rows.some((r) => r[2] === 'entity:PERSON' && r[4] === 'person:lloyd-austin' && r[8] === 'automatic'));
    assert.strictEqual(csvCell('+1'), "'+1");
    assert.strictEqual(csvCell('-x'), "'-x");
    assert.strictEqual(csvCell('@a'), "'@a");
    assert.strictEqual(csvCell('\tx'), "'\tx");
    assert.strictEqual(csvCell(-3), '-3');
    assert.strictEqual(csvCell(' padded '), '" padded "');
  });
});

describe('annotations: import', () => {
  it('maps sources by path, URL or base name', () => {
    const name = seed0.name;
    assert.strictEqual(resolveSourcePath(path0, files), path0);
    assert.strictEqual(resolveSourcePath(`file:///home/me/project/${path0}`, files), path0);
    assert.strictEqual(resolveSourcePath(`https://example.org/archive/${encodeURIComponent(name)}?utm=1#frag`, files), path0);
    assert.strictEqual(resolveSourcePath(`C:\\Users\\me\\${name}`, files), path0);
    assert.strictEqual(resolveSourcePath(`https://example.org/news/${name.replace(/\.txt$/, '')}`, files), path0);
    assert.strictEqual(resolveSourcePath('https://example.org/news/unknown-story', files), undefined);
    assert.strictEqual(resolveSourcePath('dup.txt', ['a/dup.txt', 'b/dup.txt']), undefined, 'ambiguous');
  });

  it('imports a Hypothesis export (text, tags, TextQuote/TextPosition, RangeSelector ignored)', () => {
    const t = seed0.text;
    const s = at(t, 'Kamikawa and Minoru Kihara');
    const hyp = {
      export_date: '2026-11-20T08:00:00.000000+00:00',
      export_userid: 'acct:someone@hypothes.is',
      client_version: '1.1500.0',
      annotations: [
        {
          id: 'Hyp1AbCdEf',
          created: '2026-11-19T10:00:00.123456+00:00',
          updated: '2026-11-19T11:00:00.123456+00:00',
          user: 'acct:someone@hypothes.is',
          uri: `https://example.org/${seed0.name}`,
          text: 'Two ministers named together',
          tags: ['Person', 'check'],
          target: [
            {
              source: `https://example.org/${seed0.name}`,
              selector: [
                { type: 'RangeSelector', endOffset: 10, startOffset: 0, endContainer: '/div[1]/p[2]', startContainer: '/div[1]/p[2]' },
                { type: 'TextPositionSelector', start: s.start + 7, end: s.end + 7 },
                { type: 'TextQuoteSelector', exact: 'Kamikawa and Minoru Kihara', prefix: 'counterparts, Yoko ', suffix: ', at the Japan-US' },
              ],
            },
          ],
          document: { title: ['Security talks'] },
        },
        { id: 'PageNote1', created: '2026-11-19T10:00:00Z', uri: `https://example.org/${seed0.name}`, text: 'page note', target: [{ source: `https://example.org/${seed0.name}` }] },
        { id: 'Elsewhere', created: '2026-11-19T10:00:00Z', uri: 'https://other.example/story', text: 'x', target: [{ source: 'https://other.example/story', selector: [{ type: 'TextQuoteSelector', exact: 'x' }] }] },
      ],
    };
    const r = importAnnotations(JSON.stringify(hyp, null, 2), files, { fileName: 'hypothesis.json' });
    assert.strictEqual(r.annotations.length, 1);
    const a = r.annotations[0];
    assert.strictEqual(a.id, 'Hyp1AbCdEf');
    assert.strictEqual(a.kind, 'Person');
    assert.strictEqual(a.comment, 'Two ministers named together\n\n[tags: check]');
    assert.strictEqual(a.target.source, path0);
    assert.strictEqual(a.modified, '2026-11-19T11:00:00.123456+00:00');
    // The position is off by 7; anchoring finds the quote by its context.
    const anchored = anchorTarget(t, a.target);
    assert.ok(anchored);
    assert.deepStrictEqual({ start: anchored.start, end: anchored.end }, s);
    assert.strictEqual(r.problems.length, 2);
    assert.match(r.messages[0], /^hypothesis\.json:\d+:\d+: "target" has neither/);
    assert.match(r.messages[1], /No workspace file matches the target source "https:\/\/other.example\/story"; not imported/);
  });

  it('imports plain W3C annotations: single object, array, body as string, position only', () => {
    const one = {
      '@context': ANNO_CONTEXT,
      id: 'http://example.org/anno1',
      type: 'Annotation',
      body: 'A plain comment',
      target: { source: path0, selector: { type: 'TextPositionSelector', start: 10, end: 20 } },
    };
    const r = importAnnotations(JSON.stringify(one), files, { now: '2026-11-21T00:00:00.000Z' });
    assert.strictEqual(r.annotations.length, 1);
    assert.strictEqual(r.annotations[0].comment, 'A plain comment');
    assert.strictEqual(r.annotations[0].created, '2026-11-21T00:00:00.000Z');
    assert.deepStrictEqual(anchorTarget(seed0.text, r.annotations[0].target), { start: 10, end: 20, method: 'position', score: 1 });
    const arr = importAnnotations(JSON.stringify([{ ...one, id: undefined }, one]), files, { makeId: () => 'urn:gen' });
    assert.deepStrictEqual(arr.annotations.map((a) => a.id).sort(), ['http://example.org/anno1', 'urn:gen']);
  });
});

describe('annotations: corrections applied to the automatic layers', () => {
  const report: ScanReport = {
    schema: 'news-annotator/scan@1',
    documents: [
      doc0,
      { path: 'seeds/other.txt', outlet: null, paragraphs: [], quotes: [], shared: [], entities: [{ start: 0, end: 6, type: 'PERSON', id: 'person:lloyd-austin' }] },
    ],
    entities: [
      { id: 'person:antony-blinken', type: 'PERSON', name: 'Antony Blinken', aliases: [], roles: [] },
      { id: 'person:lloyd-austin', type: 'PERSON', name: 'Lloyd Austin', aliases: ['Austin'], roles: ['Defence Secretary'] },
      { id: 'person:yoko-kamikawa', type: 'PERSON', name: 'Yoko Kamikawa', aliases: [], roles: [] },
      { id: 'person:l-austin', type: 'PERSON', name: 'L. Austin', aliases: [], roles: [] },
    ],
  };
  const span = (needle: string) => at(seed0.text, needle);

  it('removes, re-attributes, merges and splits as the corrections say', () => {
    const corrections = new Map([
      [
        path0,
        [
          { ...span('the greatest strategic challenge'), annotationId: 'c1', correction: { type: 'set-speaker' as const, entity: 'person:antony-blinken' } },
          { ...span('Yoko Kamikawa'), annotationId: 'c2', correction: { type: 'not-entity' as const } },
          { ...span('Lloyd Austin'), annotationId: 'c3', correction: { type: 'same-entity-as' as const, entity: 'person:l-austin' } },
          { ...span('Antony Blinken'), annotationId: 'c4', correction: { type: 'different-entity' as const }, exact: 'Antony Blinken' },
          { ...span('Japanese and US defence'), annotationId: 'c5', correction: { type: 'not-shared' as const } },
        ],
      ],
    ]);
    const out = applyCorrections(report, corrections);
    const d0 = out.documents[0];
    assert.strictEqual(d0.quotes[0].speaker, 'person:antony-blinken');
    assert.strictEqual(d0.quotes[0].speakerName, 'Antony Blinken');
    assert.ok(!d0.entities.some((m) => m.id === 'person:yoko-kamikawa'));
    assert.strictEqual(d0.entities.find((m) => m.start === span('Lloyd Austin').start)?.id, 'person:l-austin');
    // The merge applies in every document.
    assert.strictEqual(out.documents[1].entities[0].id, 'person:l-austin');
    const merged = out.entities.find((e) => e.id === 'person:l-austin')!;
    assert.deepStrictEqual(merged.aliases.sort(), ['Austin', 'Lloyd Austin']);
    assert.ok(!out.entities.some((e) => e.id === 'person:lloyd-austin'));
    const split = d0.entities.find((m) => m.start === span('Antony Blinken').start)!;
    assert.strictEqual(split.id, 'person:antony-blinken~c4');
    assert.ok(out.entities.some((e) => e.id === 'person:antony-blinken~c4' && e.name === 'Antony Blinken'));
    assert.deepStrictEqual(d0.shared, []);
    // The input is not modified.
    assert.strictEqual(report.documents[0].quotes[0].speaker, null);
    assert.strictEqual(report.documents[0].entities.length, 3);
  });

  it('applies to a span it covers by half or lies inside, not to one it merely touches', () => {
    const s = span('Lloyd Austin');
    const apply = (start: number, end: number) =>
      applyCorrections(report, new Map([[path0, [{ start, end, annotationId: 'x', correction: { type: 'not-entity' as const } }]]])).documents[0].entities.length;
    assert.strictEqual(apply(s.start - 5, s.start + 2), 3);
    assert.strictEqual(apply(s.start + 2, s.start + 4), 2);
    assert.strictEqual(apply(s.start - 5, s.start + 7), 2);
  });
});
