// passim export and import (issue 8). The output files in test/fixtures/passim/ are written in passim's
// documented output format (JSON lines: cluster, size, id, series, begin, end, text, uid, date) over
// the three small articles beside them.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { runCli } from './cliCapture';
import { Corpus } from '../../src/core/corpus';
import type { ScanReport } from '../../src/core/model';
import { importPassim, parsePassimOutput, passimSeries, placePassimRecord, toPassimInput, wordSimilarity } from '../../src/core/passim';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'passim');
const ARTICLES = path.join(FIXTURES, 'articles');
const PATHS = ['courier/barrier.txt', 'gazette/flood.txt', 'herald/lenn.txt'];
const LEAD = 'The new flood barrier on the River Lenn held overnight';

function articles(): Map<string, string> {
  return new Map(PATHS.map((p) => [p, fs.readFileSync(path.join(ARTICLES, p), 'utf8')]));
}

function corpusOfFixtures(): Corpus {
  const corpus = new Corpus();
  for (const [p, text] of articles()) corpus.upsert(p, text);
  return corpus;
}

const run = runCli;

describe('passim: export', () => {
  it('writes one JSON record per line with id (the path), series (outlet, else top folder) and the text verbatim', () => {
    const tricky = 'Line one\r\nLine two\u2028with a line separator, a "quote", <b>markup</b> & 😀\n';
    const out = toPassimInput([
      { path: 'wire/a.txt', text: tricky, outlet: 'The Gazette' },
      { path: 'courier/b.txt', text: 'B', outlet: null },
      { path: 'loose.txt', text: 'C' },
    ]);
    const lines = out.split('\n');
    assert.strictEqual(lines.pop(), '', 'ends with a newline');
    assert.strictEqual(lines.length, 3, 'one line per document (no raw line break inside a record)');
    for (const line of lines) assert.ok(!/[\r\u2028\u2029]/.test(line), 'no line terminator of any kind inside a record');
    const records = lines.map((l) => JSON.parse(l));
    assert.deepStrictEqual(records[0], { id: 'wire/a.txt', series: 'The Gazette', text: tricky });
    assert.deepStrictEqual(records[1], { id: 'courier/b.txt', series: 'courier', text: 'B' });
    assert.deepStrictEqual(records[2], { id: 'loose.txt', series: 'loose.txt', text: 'C' });
    assert.strictEqual(passimSeries('x/y/z.txt', '  '), 'x');
  });
});

describe('passim: reading output', () => {
  it('reads JSON lines and a JSON array, and names each broken line', () => {
    const lines = fs.readFileSync(path.join(FIXTURES, 'out.json'), 'utf8');
    const parsed = parsePassimOutput(lines);
    assert.deepStrictEqual(parsed.errors, []);
    assert.strictEqual(parsed.records.length, 6);
    assert.deepStrictEqual(parsed.records.map((r) => r.cluster), ['7', '7', '7', '9', '9', '9']);
    const asArray = parsePassimOutput(`[${lines.trim().split('\n').join(',')}]`);
    assert.deepStrictEqual(asArray, parsed);
    const broken = parsePassimOutput(fs.readFileSync(path.join(FIXTURES, 'broken.json'), 'utf8'));
    assert.strictEqual(broken.records.length, 3);
    assert.strictEqual(broken.errors.length, 2);
    assert.match(broken.errors[0], /^line 2: not valid JSON/);
    assert.match(broken.errors[1], /^line 3: "begin" and "end"/);
    assert.deepStrictEqual(parsePassimOutput('{"cluster": 1, "id": "a", "begin": 5, "end": 2}').errors.length, 1);
    assert.deepStrictEqual(parsePassimOutput('[1, 2').errors.length, 1);
  });

  it('places a passage by UTF-16 offsets, by code-point offsets (passim 2), or by its text when the offsets are off', () => {
    const text = '😀😀 Alpha beta gamma delta. Alpha beta gamma delta.';
    const at = text.indexOf('Alpha');
    const passage = 'Alpha beta gamma';
    assert.deepStrictEqual(placePassimRecord({ begin: at, end: at + passage.length, text: passage }, text), { start: at, end: at + passage.length });
    assert.deepStrictEqual(placePassimRecord({ begin: at - 2, end: at - 2 + passage.length, text: passage }, text), { start: at, end: at + passage.length });
    const second = text.lastIndexOf('Alpha');
    assert.deepStrictEqual(placePassimRecord({ begin: second + 3, end: second + 20, text: passage }, text), { start: second, end: second + passage.length }, 'the occurrence nearest to begin');
    assert.strictEqual(placePassimRecord({ begin: 0, end: 5, text: 'not there' }, text), undefined);
    // Without a text, offsets are taken as they are, but never split a surrogate pair or leave the text.
    assert.deepStrictEqual(placePassimRecord({ begin: 1, end: 3 }, text), { start: 0, end: 2 });
    assert.strictEqual(placePassimRecord({ begin: 0, end: text.length + 1 }, text), undefined);
    // A passage text that is half of a pair is never placed inside the pair.
    assert.strictEqual(placePassimRecord({ begin: 0, end: 1, text: '\ude00' }, 'a😀b'), undefined);
    assert.strictEqual(placePassimRecord({ begin: 1, end: 2, text: '\ud83d' }, 'a😀b'), undefined);
  });

  it('word similarity is 1 for the same words and lower for edited copies', () => {
    assert.strictEqual(wordSimilarity('A b c', 'a, b; c'), 1);
    const s = wordSimilarity('in forty years, the authority said', 'in 40 years, the authority said');
    assert.ok(s > 0.7 && s < 1, String(s));
    assert.strictEqual(wordSimilarity('x y', 'p q'), 0);
  });
});

describe('passim: import into shared passages', () => {
  it('turns each cluster into shared passages whose matches are the other copies, with source "passim"', () => {
    const texts = articles();
    const parsed = parsePassimOutput(fs.readFileSync(path.join(FIXTURES, 'out.json'), 'utf8'));
    const imported = importPassim(parsed.records, (id) => texts.get(id));
    assert.strictEqual(imported.clusters, 2);
    assert.strictEqual(imported.placed, 5);
    assert.deepStrictEqual(imported.problems, ['cluster 9: "archive/gone.txt" is not in the corpus']);
    for (const [p, list] of imported.passages) {
      const text = texts.get(p)!;
      for (const s of list) {
        assert.strictEqual(s.source, 'passim');
        assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end);
        for (const m of s.matches) {
          assert.notStrictEqual(m.path, p);
          assert.ok(m.end <= texts.get(m.path)!.length);
          assert.ok(m.similarity > 0.8 && m.similarity <= 1, `${m.similarity}`);
        }
      }
    }
    const courier = imported.passages.get('courier/barrier.txt')!;
    const text = texts.get('courier/barrier.txt')!;
    assert.strictEqual(courier.length, 2);
    assert.ok(text.slice(courier[0].start, courier[0].end).startsWith(LEAD), 'the code-point offsets landed on the lead');
    assert.deepStrictEqual(courier[0].matches.map((m) => m.path), ['gazette/flood.txt', 'herald/lenn.txt']);
    assert.strictEqual(courier[0].origin, null, 'no dates: no origin');
    assert.ok(text.slice(courier[1].start, courier[1].end).startsWith('Engineers had worked'));
    assert.deepStrictEqual(courier[1].origin, { path: 'courier/barrier.txt', why: 'passim: earliest date (2026-03-01)' });
    const herald = imported.passages.get('herald/lenn.txt')!;
    assert.ok(texts.get('herald/lenn.txt')!.slice(herald[0].start, herald[0].end).startsWith(LEAD), 'the shifted offsets were placed by the text');
    const gazetteMatch = herald[0].matches.find((m) => m.path === 'gazette/flood.txt')!;
    assert.ok(texts.get('gazette/flood.txt')!.slice(gazetteMatch.start, gazetteMatch.end).startsWith(LEAD));
  });

  it('Corpus.setExternalPassages adds them to documentReport().shared until the document changes', () => {
    const corpus = corpusOfFixtures();
    const before = corpus.documentReport('gazette/flood.txt')!.shared.filter((s) => s.source === 'passim').length;
    assert.strictEqual(before, 0);
    const parsed = parsePassimOutput(fs.readFileSync(path.join(FIXTURES, 'out.json'), 'utf8'));
    corpus.setExternalPassages(importPassim(parsed.records, (id) => corpus.get(id)?.text).passages);
    const report = corpus.documentReport('gazette/flood.txt')!;
    const passim = report.shared.filter((s) => s.source === 'passim');
    assert.strictEqual(passim.length, 2);
    assert.deepStrictEqual(report.shared.map((s) => s.start), report.shared.map((s) => s.start).sort((a, b) => a - b), 'sorted by start');
    assert.ok(corpus.report().documents.every((d) => d.shared.some((s) => s.source === 'passim')));
    // An edit invalidates the imported offsets of that document only.
    corpus.upsert('gazette/flood.txt', 'Edited.\n' + corpus.get('gazette/flood.txt')!.text);
    assert.strictEqual(corpus.documentReport('gazette/flood.txt')!.shared.filter((s) => s.source === 'passim').length, 0);
    assert.ok(corpus.documentReport('herald/lenn.txt')!.shared.some((s) => s.source === 'passim'));
    corpus.setExternalPassages(new Map());
    assert.ok(!corpus.documentReport('herald/lenn.txt')!.shared.some((s) => s.source === 'passim'), 'a new import replaces the old one');
  });

  it('round trip: records at the offsets of the exported text land on the same words', () => {
    const texts = articles();
    const exported = toPassimInput([...texts].map(([p, text]) => ({ path: p, text })))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; series: string; text: string });
    const records = exported.map((r, i) => {
      const begin = r.text.indexOf(LEAD);
      return { cluster: 'c1', size: 3, id: r.id, series: r.series, begin, end: begin + LEAD.length, uid: i };
    });
    const imported = importPassim(records, (id) => texts.get(id));
    assert.strictEqual(imported.placed, 3);
    for (const [p, [s]] of imported.passages) assert.strictEqual(texts.get(p)!.slice(s.start, s.end), LEAD);
  });
});

describe('passim: any output, any text', () => {
  it('property: parsing and importing never throw; every placed passage lies inside its text without splitting a surrogate pair', () => {
    const texts = new Map<string, string>();
    const text = fc.array(fc.constantFrom('word ', '😀', '𝐀', '\ud800', 'é', '\r\n', '<b>', '&amp;', 'The lead sentence here. '), { maxLength: 30 }).map((p) => p.join(''));
    const record = fc.record({
      cluster: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b')),
      id: fc.constantFrom('a.txt', 'b.txt', 'c.txt', 'missing.txt'),
      begin: fc.integer({ min: -2, max: 200 }),
      end: fc.integer({ min: -2, max: 200 }),
      text: fc.option(fc.oneof(fc.constantFrom('word word', 'The lead sentence here.', '😀', '', '\ude00', '\ud83d', '\ude00b'), fc.string({ maxLength: 6 })), { nil: undefined }),
      date: fc.option(fc.constantFrom('2024-01-01', '2023-12-31'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.tuple(text, text, text), fc.array(record, { maxLength: 12 }), fc.boolean(), ([a, b, c], records, asArray) => {
        texts.clear();
        texts.set('a.txt', a).set('b.txt', b).set('c.txt', c);
        const lines = records.map((r) => JSON.stringify(r));
        const parsed = parsePassimOutput(asArray ? `[${lines.join(',')}]` : lines.join('\n') + '\nnot json\n');
        const imported = importPassim(parsed.records, (id) => texts.get(id));
        assert.strictEqual(imported.placed + imported.problems.length, parsed.records.length);
        const inside = (t: string, s: { start: number; end: number }) => {
          assert.ok(Number.isInteger(s.start) && s.start >= 0 && s.start <= s.end && s.end <= t.length, JSON.stringify(s));
          for (const at of [s.start, s.end]) {
            const hi = t.charCodeAt(at - 1);
            const lo = t.charCodeAt(at);
            assert.ok(!(hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff), `offset ${at} splits a pair`);
          }
        };
        for (const [p, list] of imported.passages) {
          for (const s of list) {
            inside(texts.get(p)!, s);
            assert.ok(s.matches.length > 0);
            for (const m of s.matches) inside(texts.get(m.path)!, m);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('passim: CLI', () => {
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-passim-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('export-passim prints (or writes --out) one record per article', () => {
    const printed = run(['export-passim', ARTICLES]);
    assert.strictEqual(printed.code, 0, printed.stderr);
    const records = printed.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepStrictEqual(records.map((r) => r.id), PATHS);
    assert.deepStrictEqual(records.map((r) => r.series), ['courier', 'gazette', 'herald']);
    const out = path.join(tmp, 'input.json');
    const written = run(['export-passim', ARTICLES, '--out', out]);
    assert.strictEqual(written.code, 0);
    assert.strictEqual(written.stdout, '');
    assert.strictEqual(fs.readFileSync(out, 'utf8'), printed.stdout);
    assert.strictEqual(run(['export-passim']).code, 2);
    assert.strictEqual(run(['export-passim', ARTICLES, '--format', 'json']).code, 2, 'scan options are not export options');
  });

  it('scan --passim adds the clusters to the JSON report and warns about records it cannot place', () => {
    const { code, stdout, stderr } = run(['scan', ARTICLES, '--format', 'json', '--passim', path.join(FIXTURES, 'out.json')]);
    assert.strictEqual(code, 0, stderr);
    assert.match(stderr, /archive\/gone\.txt" is not in the corpus/);
    const report = JSON.parse(stdout) as ScanReport;
    for (const d of report.documents) {
      const passim = d.shared.filter((s) => s.source === 'passim');
      assert.ok(passim.length >= 1, `${d.path} has a passim passage`);
      assert.ok(passim.every((s) => typeof s.cluster === 'string'));
    }
  });

  it('scan --passim reads passim\'s output folder (out.json/part-* files, gzipped too) and fails on a missing one', () => {
    const lines = fs.readFileSync(path.join(FIXTURES, 'out.json'), 'utf8').trim().split('\n');
    fs.mkdirSync(path.join(tmp, 'out.json'));
    fs.writeFileSync(path.join(tmp, 'out.json', 'part-00000'), lines.slice(0, 3).join('\n'));
    fs.writeFileSync(path.join(tmp, 'out.json', 'part-00001.gz'), zlib.gzipSync(lines.slice(3).join('\n')));
    fs.writeFileSync(path.join(tmp, 'out.json', '_SUCCESS'), '');
    fs.writeFileSync(path.join(tmp, 'out.json', '.part-00000.crc'), 'x');
    const { code, stdout, stderr } = run(['scan', ARTICLES, '--format=json', `--passim=${tmp}`]);
    assert.strictEqual(code, 0, stderr);
    const report = JSON.parse(stdout) as ScanReport;
    assert.strictEqual(report.documents.reduce((n, d) => n + d.shared.filter((s) => s.source === 'passim').length, 0), 5);
    const missing = run(['scan', ARTICLES, '--passim', path.join(tmp, 'nope.json')]);
    assert.strictEqual(missing.code, 1);
    assert.match(missing.stderr, /cannot read passim output/);
    const broken = run(['scan', ARTICLES, '--format', 'json', '--passim', path.join(FIXTURES, 'broken.json')]);
    assert.strictEqual(broken.code, 0);
    assert.match(broken.stderr, /line 2: not valid JSON/);
    assert.match(broken.stderr, /not in "herald\/lenn\.txt"/);
  });
});
