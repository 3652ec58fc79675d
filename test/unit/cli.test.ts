import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyzeForCorpus, analyzeOnWorkers } from '../../src/cli/analysisPool';
import { runCli, runCliAsync } from './cliCapture';
import { analysisThreads } from '../../src/cli/command';
import type { DocumentParts } from '../../src/core/corpus';
import { ANNOTATION_FILE_NAME, serializeAnnotationFile, targetAt, type HandAnnotation } from '../../src/core/annotations';
import { SCAN_SCHEMA, type ScanReport } from '../../src/core/model';
import { seedsDir, sharedDir } from './sharedFiles';

const run = runCli;
const runAsync = runCliAsync;

describe('CLI: news-annotator scan', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-cli-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints a report in the scan@1 contract for the five seeds', () => {
    const { code, stdout, stderr } = run(['scan', seedsDir(), '--format', 'json']);
    assert.strictEqual(code, 0, stderr);
    const report = JSON.parse(stdout) as ScanReport;
    assert.strictEqual(report.schema, SCAN_SCHEMA);
    assert.deepStrictEqual(report.documents.map((d) => d.path), fs.readdirSync(seedsDir()).sort());
    for (const doc of report.documents) {
      const text = fs.readFileSync(path.join(seedsDir(), doc.path), 'utf8');
      assert.ok('outlet' in doc && Array.isArray(doc.quotes) && Array.isArray(doc.entities) && Array.isArray(doc.shared));
      for (const p of doc.paragraphs) {
        assert.ok(p.start >= 0 && p.end <= text.length && p.start < p.end);
        assert.ok(['headline', 'dateline', 'byline', 'body', 'caption', 'boilerplate'].includes(p.kind));
      }
      assert.strictEqual(doc.paragraphs.filter((p) => p.kind === 'headline' && p.repeatOf === undefined).length >= 1, true, `${doc.path} has a headline`);
    }
    assert.ok(Array.isArray(report.entities));
  });

  it('writes the report to --out and reads nested folders, skipping hidden ones and node_modules', () => {
    fs.mkdirSync(path.join(tmp, 'wire', 'ap'), { recursive: true });
    fs.mkdirSync(path.join(tmp, '.git'));
    fs.mkdirSync(path.join(tmp, 'node_modules'));
    fs.writeFileSync(path.join(tmp, 'wire', 'ap', 'story.news'), 'A headline about a vote\n\nThe council voted on Monday to approve the plan, which had been debated for months by residents and officials alike.\n');
    fs.writeFileSync(path.join(tmp, 'notes.md'), '# Notes\n');
    fs.writeFileSync(path.join(tmp, '.git', 'HEAD.txt'), 'ref');
    fs.writeFileSync(path.join(tmp, 'node_modules', 'x.txt'), 'x');
    fs.writeFileSync(path.join(tmp, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]));
    const out = path.join(tmp, 'report.json');
    const { code, stdout } = run(['scan', tmp, '--format=json', '--out', out]);
    assert.strictEqual(code, 0);
    assert.strictEqual(stdout, '');
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as ScanReport;
    assert.deepStrictEqual(report.documents.map((d) => d.path), ['notes.md', 'wire/ap/story.news']);
  });

  it('reports binary and invalid UTF-8 files on stderr, still reports the others, and exits 1', () => {
    fs.writeFileSync(path.join(tmp, 'good.txt'), 'Good headline here\n\nA body paragraph that is long enough to count as the body of an article about something.\n');
    fs.writeFileSync(path.join(tmp, 'binary.txt'), Buffer.from([0x41, 0x00, 0x42, 0x00]));
    fs.writeFileSync(path.join(tmp, 'latin1.txt'), Buffer.from('caf\xe9 au lait', 'latin1'));
    const { code, stdout, stderr } = run(['scan', tmp, '--format', 'json']);
    assert.strictEqual(code, 1);
    assert.deepStrictEqual((JSON.parse(stdout) as ScanReport).documents.map((d) => d.path), ['good.txt']);
    assert.match(stderr, /binary\.txt/);
    assert.match(stderr, /latin1\.txt: .*UTF-8/i);
  });

  it('says clearly when the folder does not exist, and explains usage errors', () => {
    const missing = run(['scan', path.join(tmp, 'nope')]);
    assert.strictEqual(missing.code, 1);
    assert.match(missing.stderr, /not found/);
    const usage = run(['scan']);
    assert.strictEqual(usage.code, 2);
    assert.match(usage.stderr, /scan needs a folder/);
    assert.strictEqual(run(['scan', tmp, '--format', 'xml']).code, 2);
    assert.strictEqual(run(['--help']).code, 0);
  });

  it('prints a readable summary by default', () => {
    const { code, stdout } = run(['scan', seedsDir()]);
    assert.strictEqual(code, 0);
    assert.match(stdout, /000_ef27076a8f3aebf6\.txt  \[wire AP\]\n {2}headline: Security talks focus on bolstering military cooperation/);
    assert.match(stdout, /5 articles/);
  });

  it('applies news-sources.json and reports a broken news-entities.json with its line, ignoring it', () => {
    const story = 'Council approves the flood barrier plan\n\nThe city council voted 7-2 on Tuesday to build a tidal flood barrier across the mouth of the river, the largest public works project in the history of the city.\n';
    fs.writeFileSync(path.join(tmp, 'a.txt'), story);
    fs.writeFileSync(path.join(tmp, 'news-sources.json'), JSON.stringify({ sources: [{ match: 'a.txt', outlet: 'Harbour Gazette', date: '2025-05-13' }] }));
    fs.writeFileSync(path.join(tmp, 'news-entities.json'), '[\n  { "id": "person:x", "name": "X" },\n  { "id": \n]');
    const { code, stdout, stderr } = run(['scan', tmp, '--format', 'json']);
    assert.strictEqual(code, 1);
    const report = JSON.parse(stdout) as ScanReport;
    assert.strictEqual(report.documents[0].outlet, 'Harbour Gazette');
    assert.match(stderr, /news-entities\.json ignored: line 4/);
  });

  it('applies the corrections of .news-annotations.jsonld in later scans, and says which no longer anchor', () => {
    const story = 'Council approves the flood barrier plan\n\nThe barrier will be a “gold-plated gate” for the city, Councilor Martin Haines said on Tuesday after a long debate in the chamber.\n';
    fs.writeFileSync(path.join(tmp, 'a.txt'), story);
    const before = JSON.parse(run(['scan', tmp, '--format', 'json']).stdout) as ScanReport;
    const start = story.indexOf('gold-plated gate');
    assert.ok(before.documents[0].quotes.some((q) => q.start === start), 'the scare quote is found before the correction');
    const now = new Date().toISOString();
    const annotations: HandAnnotation[] = [
      { id: 'urn:uuid:1', created: now, modified: now, correction: { type: 'not-quote' }, target: targetAt(story, 'a.txt', { start, end: start + 'gold-plated gate'.length }) },
      { id: 'urn:uuid:2', created: now, modified: now, correction: { type: 'not-quote' }, target: targetAt('Some other words entirely that are gone.', 'a.txt', { start: 5, end: 16 }) },
    ];
    fs.writeFileSync(path.join(tmp, ANNOTATION_FILE_NAME), serializeAnnotationFile(annotations));
    const { code, stdout, stderr } = run(['scan', tmp, '--format', 'json']);
    assert.strictEqual(code, 0, stderr);
    const after = JSON.parse(stdout) as ScanReport;
    assert.ok(!after.documents[0].quotes.some((q) => q.start === start), 'Not a Quote removed it');
    assert.match(stderr, /1 correction\(s\) .* no longer match/);
  });
});

describe('CLI: the analysis on worker threads', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-cli-jobs-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('gives the seeds the same report and summary with --jobs 2 as on one thread', async () => {
    for (const format of ['json', 'text']) {
      const one = run(['scan', seedsDir(), '--format', format]);
      const two = await runAsync(['scan', seedsDir(), '--format', format, '--jobs', '2']);
      assert.strictEqual(two.code, one.code, two.stderr);
      assert.strictEqual(two.stdout, one.stdout, format);
      assert.strictEqual(two.stderr, one.stderr);
    }
  });

  it('gives 150 BBC articles (and one in Latin-1) the same report, messages and exit code with 2 or 3 workers', async function () {
    this.timeout(120000);
    // Linked, not copied: the corpus stays in ../shared. Three sections, so shared passages and
    // quotes cross the batches the workers are given.
    const bbc = path.join(sharedDir(), 'corpora', 'bbc');
    for (const section of ['business', 'sport', 'tech']) {
      fs.mkdirSync(path.join(tmp, section));
      const names = fs.readdirSync(path.join(bbc, section)).sort().slice(0, 50);
      if (section === 'sport' && fs.existsSync(path.join(bbc, section, '199.txt'))) names.push('199.txt');
      for (const name of names) fs.symlinkSync(path.join(bbc, section, name), path.join(tmp, section, name));
    }
    const one = run(['scan', tmp, '--format', 'json']);
    assert.ok((JSON.parse(one.stdout) as ScanReport).documents.length >= 150);
    for (const jobs of ['2', '3']) {
      const many = await runAsync(['scan', tmp, '--format', 'json', `--jobs=${jobs}`]);
      assert.strictEqual(many.code, one.code);
      assert.strictEqual(many.stderr, one.stderr);
      assert.ok(many.stdout === one.stdout, `--jobs ${jobs}: the report differs from the single-thread one`);
    }
  });

  it('hands back each article’s analysis in order, as this thread would make it, even when the workers fail', async function () {
    this.timeout(60000);
    const texts = [...fs.readdirSync(seedsDir()).sort().map((n) => fs.readFileSync(path.join(seedsDir(), n), 'utf8')), '', 'One line.'];
    const expected = texts.map(analyzeForCorpus);
    for (const script of [undefined, path.join(tmp, 'missing-worker.js')]) {
      const got: [number, DocumentParts][] = [];
      await analyzeOnWorkers(texts, 2, (i, parts) => got.push([i, parts]), { script });
      assert.deepStrictEqual(got.map(([i]) => i), texts.map((_, i) => i), 'in input order');
      assert.deepStrictEqual(got.map(([, parts]) => parts), expected, script ? 'analysed here when the workers cannot start' : 'on workers');
    }
  });

  it('takes --jobs as a number of threads or auto, and refuses anything else', () => {
    for (const bad of ['0', 'x', '-1', '']) assert.strictEqual(run(['scan', seedsDir(), '--jobs', bad]).code, 2, bad);
    assert.match(run(['scan', seedsDir(), '--jobs']).stderr, /--jobs takes a number/);
    assert.strictEqual(run(['scan', seedsDir(), '--jobs', 'auto', '--format', 'json']).code, 0);
  });

  it('auto stays on one thread for small folders and below 4 cores (where workers were measured slower)', () => {
    assert.strictEqual(analysisThreads(3, [{ text: 'x' }]), 3);
    assert.strictEqual(analysisThreads('auto', [{ text: 'x'.repeat(10_000) }]), 1);
    const big = [{ text: 'x'.repeat(2_000_000) }];
    const cores = os.availableParallelism();
    assert.strictEqual(analysisThreads('auto', big), cores >= 4 ? Math.min(cores - 1, 4) : 1);
  });
});
