import * as assert from 'assert';
import { analyzeDocument } from '../../src/core/article';
import { globMatcher, inferOutlet, manifestEntryFor, parseManifest, resolveOutlet } from '../../src/core/outlets';
import { PassageIndex } from '../../src/core/passages/passageIndex';
import { readSeeds } from './sharedFiles';

const seeds = readSeeds();
const infer = (prefix: string) => {
  const seed = seeds.get(prefix)!;
  return inferOutlet(seed.text, analyzeDocument(seed.text).paragraphs, seed.name);
};

describe('outlets: inference from the page', () => {
  it('reads the AP dateline credit of the Gleaner reprint (000)', () => {
    const o = infer('000');
    assert.strictEqual(o.wire, 'AP');
    assert.strictEqual(o.wireConfidence, 'credit');
    assert.ok(o.evidence.some((e) => e.kind === 'wire-credit' && e.text === 'Tokyo (AP)'));
    assert.strictEqual(o.outlet, null, 'the page never names the Gleaner');
  });

  it('reads the masthead and "Source link" of Occasional Digest (001)', () => {
    const o = infer('001');
    assert.strictEqual(o.outlet, 'Occasional Digest');
    assert.strictEqual(o.syndicated, true);
    assert.ok(o.evidence.some((e) => e.kind === 'source-link'));
    assert.strictEqual(o.wire, 'Reuters');
    assert.strictEqual(o.wireConfidence, 'mention', 'Reuters is only mentioned in the body');
  });

  it('names NewsX from its furniture and syndication notice, in its own spelling (004)', () => {
    const o = infer('004');
    assert.strictEqual(o.outlet, 'NewsX');
    assert.strictEqual(o.syndicated, true);
    const notice = o.evidence.find((e) => e.kind === 'syndication-notice' && e.text.includes('syndicated feed'));
    assert.ok(notice);
    assert.strictEqual(seeds.get('004')!.text.slice(notice.start, notice.end), notice.text);
  });

  it('does not take a photo credit for the story credit, nor invent an outlet (002, 003)', () => {
    const o3 = infer('003');
    assert.strictEqual(o3.outlet, null);
    assert.ok(!o3.evidence.some((e) => e.kind === 'wire-credit'), 'only "Photo: Reuters" and a mention');
    assert.notStrictEqual(o3.wireConfidence, 'credit');
    const o2 = infer('002');
    assert.strictEqual(o2.outlet, null);
    assert.strictEqual(o2.wire, null);
  });

  it('reads wire credits in datelines and bylines of other forms', () => {
    const a = 'Headline here\n\nWASHINGTON, July 28 (Reuters) - Officials said on Sunday that the plan would go ahead.\n';
    assert.strictEqual(inferOutlet(a).wire, 'Reuters');
    assert.strictEqual(inferOutlet(a).wireConfidence, 'credit');
    const b = 'Headline here\n\nBy Jane Doe, Associated Press\n\nOfficials said on Sunday that the plan would go ahead.\n';
    assert.strictEqual(inferOutlet(b).wire, 'AP');
    const c = 'Headline\n\nA man was seen near the harbour (AP Photo/John Smith) on Sunday, police said.\n';
    assert.notStrictEqual(inferOutlet(c).wireConfidence, 'credit');
  });

  it('does not read a headline with a dash as a masthead', () => {
    const text = 'Brexit - what happens next for the markets\n\nShares fell on Monday as traders weighed the vote, analysts said in a note.\n';
    assert.strictEqual(inferOutlet(text, analyzeDocument(text).paragraphs).outlet, null);
  });

  it('takes a site name from a domain-like folder when the page names none', () => {
    assert.strictEqual(inferOutlet('Just a story.\n', undefined, 'clips/www.japantimes.co.jp/story1.txt').outlet, 'japantimes.co.jp');
    assert.strictEqual(inferOutlet('Just a story.\n', undefined, 'clips/notes.txt').outlet, null);
  });
});

describe('outlets: news-sources.json', () => {
  const manifestText = JSON.stringify({
    sources: [
      { match: 'seeds/*.txt', wire: 'AP' },
      { match: 'seeds/000_*.txt', outlet: 'The Gleaner', url: 'https://jamaica-gleaner.com', date: '2024-07-29T00:08:00-05:00' },
      { match: 'seeds/002_709d16c6f7c5eca9.txt', outlet: 'The Epoch Times', date: '2024-07-28' },
      { match: '**/004_*.txt', outlet: 'NewsX' },
    ],
  });

  it('parses both shapes and reports bad entries without throwing', () => {
    const a = parseManifest(manifestText);
    assert.deepStrictEqual(a.errors, []);
    assert.strictEqual(a.manifest.sources.length, 4);
    const b = parseManifest(JSON.stringify({ 'wire/*.txt': { outlet: 'AP', wire: 'AP' }, 'x.txt': 'nonsense' }));
    assert.strictEqual(b.manifest.sources.length, 1);
    assert.strictEqual(b.manifest.sources[0].match, 'wire/*.txt');
    assert.strictEqual(b.errors.length, 1);
    const c = parseManifest('{"sources": [{"match": "a.txt", "date": "last Tuesday"}, {"outlet": "X"}]}');
    assert.strictEqual(c.errors.length, 2);
    assert.strictEqual(c.manifest.sources[0].date, undefined);
    assert.strictEqual(parseManifest('{oops').errors.length, 1);
  });

  it('matches globs: * within a folder, ** across folders, {a,b}, bare names', () => {
    assert.ok(globMatcher('seeds/*.txt').test('seeds/000_a.txt'));
    assert.ok(!globMatcher('seeds/*.txt').test('seeds/x/000_a.txt'));
    assert.ok(globMatcher('**/004_*.txt').test('a/b/004_x.txt'));
    assert.ok(globMatcher('**/004_*.txt').test('004_x.txt'));
    assert.ok(globMatcher('{ap,reuters}/*.txt').test('reuters/1.txt'));
    const { manifest } = parseManifest(JSON.stringify([{ match: '*.txt', outlet: 'Any' }]));
    assert.strictEqual(manifestEntryFor(manifest, 'deep/down/file.txt')?.outlet, 'Any');
  });

  it('overrides inference; later and exact entries win', () => {
    const { manifest } = parseManifest(manifestText);
    const seed = seeds.get('002')!;
    const o = resolveOutlet(seed.text, undefined, `/data/seeds/${seed.name}`, manifest, `seeds/${seed.name}`);
    assert.strictEqual(o.outlet, 'The Epoch Times');
    assert.strictEqual(o.wire, 'AP');
    assert.strictEqual(o.wireConfidence, 'manifest');
    assert.strictEqual(o.date, '2024-07-28');
    assert.strictEqual(o.evidence[0].kind, 'manifest');
    const n = resolveOutlet(seeds.get('004')!.text, undefined, 'x', manifest, `seeds/${seeds.get('004')!.name}`);
    assert.strictEqual(n.outlet, 'NewsX');
    assert.strictEqual(resolveOutlet('text', undefined, 'other/file.txt', manifest, 'other/file.txt').outlet, null);
  });

  it('decides the origin of shared passages by manifest date before wire credit', () => {
    const index = new PassageIndex();
    for (const seed of seeds.values()) index.upsert(`/data/seeds/${seed.name}`, seed.text, analyzeDocument(seed.text).paragraphs);
    const p002 = `/data/seeds/${seeds.get('002')!.name}`;
    const p000 = `/data/seeds/${seeds.get('000')!.name}`;
    const lead = () => index.sharedFor(p000).find((p) => p.matches.some((m) => m.path === p002))!;
    // Without a manifest: 000 credits "(AP)", 002 credits nobody.
    assert.strictEqual(lead().origin.path, p000);
    assert.strictEqual(lead().origin.basis, 'wire');
    index.setManifest(parseManifest(manifestText).manifest, '/data');
    assert.strictEqual(index.outletFor(p002)?.outlet, 'The Epoch Times');
    assert.strictEqual(lead().origin.path, p002, 'dated a day earlier in the manifest');
    assert.strictEqual(lead().origin.basis, 'manifest-date');
    assert.match(lead().origin.why, /2024-07-28/);
  });
});
