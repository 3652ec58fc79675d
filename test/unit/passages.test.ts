import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeDocument } from '../../src/core/article';
import { PassageIndex, type SharedPassage } from '../../src/core/passages/passageIndex';
import { tokenize } from '../../src/core/passages/tokens';
import { generateSyndicatedCorpus, type SourceArticle } from '../fixtures/syndication/generate';
import { readSeeds, sharedDir } from './sharedFiles';

function seedIndex(): { index: PassageIndex; texts: Map<string, string> } {
  const index = new PassageIndex();
  const texts = new Map<string, string>();
  for (const [prefix, seed] of readSeeds()) {
    texts.set(prefix, seed.text);
    index.upsert(prefix, seed.text, analyzeDocument(seed.text).paragraphs);
  }
  return { index, texts };
}

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

/** The paragraph (one line of the seed) that starts with `opening`. */
function paragraphAt(text: string, opening: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(opening, from);
  assert.ok(start >= 0, `paragraph "${opening}" not in seed`);
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return { start, end };
}

/** Non-blank characters of `span` that no passage matched in `otherPath` covers, as text runs. */
function uncovered(text: string, passages: SharedPassage[], span: { start: number; end: number }, otherPath?: string): string[] {
  const covered = new Uint8Array(text.length);
  for (const p of passages) {
    if (otherPath && !p.matches.some((m) => m.path === otherPath)) continue;
    covered.fill(1, p.start, p.end);
  }
  const runs: string[] = [];
  let run = '';
  for (let i = span.start; i < span.end; i++) {
    if (!covered[i] && /\S/.test(text[i])) run += text[i];
    else if (run && (covered[i] || i === span.end - 1)) {
      runs.push(run);
      run = '';
    }
  }
  if (run) runs.push(run);
  return runs;
}

describe('shared passages: tokens', () => {
  it('folds case, quotes, punctuation, spelling variants and honorifics to the same words', () => {
    const words = (s: string) => Array.from(tokenize(s).ids).join(' ');
    assert.strictEqual(words('Defence programme, "behaviour" — organised; 7.2 per cent; Mr. Austin'), words('defense program “behavior” organized 7.2 percent Austin'));
    assert.strictEqual(words('the U.S. command'), words('the US command'));
    assert.strictEqual(words('7.2-per-cent rise'), words('7.2 percent rise'));
    assert.strictEqual(words('5% rise'), words('5 percent rise'));
    assert.notStrictEqual(words('four hours'), words('for hors'));
  });

  it('keeps the original span of every word', () => {
    const text = 'TOKYO—Japan’s “2+2” talks. Related StoriesThe U.S. side';
    const t = tokenize(text);
    const spans = Array.from(t.starts).map((s, i) => text.slice(s, t.ends[i]));
    assert.deepStrictEqual(spans, ['TOKYO', 'Japan', 's', '2', '2', 'talks', 'Related', 'Stories', 'The', 'U.S', 'side']);
  });
});

describe('shared passages: the seeds', () => {
  const { index, texts } = seedIndex();
  const t000 = texts.get('000')!;
  const t002 = texts.get('002')!;
  const secondCopy = t002.indexOf('US–Japan Security Talks', 10);

  it('finds every AP paragraph that 000 shares with 002, in both copies that 002 prints', () => {
    const passages = index.sharedFor('000');
    const apParagraphs = [
      'Japanese and US defence chiefs',
      'Secretary of State Antony Blinken and Defence',
      'Japan is home to more than 50,000',
      '“We are standing at a historic',
      'Austin, in his opening remarks',
      'In the joint statement issued',
      'The ministers said the US command reorganisation',
      'Japan has long suffered',
      'The ministers in a joint statement reaffirmed',
    ];
    for (const opening of apParagraphs) {
      const para = paragraphAt(t000, opening);
      assert.deepStrictEqual(uncovered(t000, passages, para, '002'), [], opening);
      const inside = passages.filter((p) => p.start < para.end && p.end > para.start);
      const matches = inside.flatMap((p) => p.matches.filter((m) => m.path === '002'));
      assert.ok(matches.some((m) => m.start < secondCopy), `${opening}: first copy`);
      assert.ok(matches.some((m) => m.start >= secondCopy), `${opening}: second copy`);
    }
    // Epoch rewrote "China" as "The Chinese communist regime": sharing starts at the next word.
    const odds = paragraphAt(t000, 'China has been at odds');
    assert.deepStrictEqual(uncovered(t000, passages, odds, '002'), ['China']);
  });

  it('puts boundaries on the words in both files, across a dateline and glued paragraphs', () => {
    const passages = index.sharedFor('000');
    const lead = paragraphAt(t000, 'Japanese and US defence chiefs');
    const p = passages.find((x) => x.start === lead.start);
    assert.ok(p, 'a passage starts where the lead paragraph starts (after "Tokyo (AP)")');
    assert.strictEqual(p.end, lead.end);
    const copies = p.matches.filter((m) => m.path === '002').map((m) => slice(t002, m));
    assert.strictEqual(copies.length, 2);
    for (const copy of copies) {
      // 002's first copy glues the next paragraph on with no newline: the match stops at the quote.
      assert.ok(copy.startsWith('Japanese and U.S. defense chiefs'), copy.slice(0, 40));
      assert.ok(copy.endsWith('as “the greatest strategic challenge.”'), copy.slice(-40));
    }
    const race = paragraphAt(t000, 'Secretary of State Antony Blinken and Defence');
    const q = passages.find((x) => x.start === race.start && x.end === race.end);
    assert.ok(q, 'the Blinken/Austin paragraph is one passage with exact ends');
    for (const m of q.matches) assert.ok(slice(t002, m).endsWith('from the November presidential race.'));
  });

  it('finds the article that seed 002 carries twice', () => {
    const passages = index.sharedFor('002');
    const selfPassages = passages.filter((p) => p.matches.some((m) => m.self));
    const endOfFirst = t002.indexOf('institutionalizes t') + 'institutionalizes'.length;
    // Everything from the headline to where the first copy breaks off is repeated, except page
    // furniture and the honorifics the tokens ignore.
    const gaps = uncovered(t002, selfPassages, { start: 0, end: endOfFirst });
    for (const gap of gaps) assert.ok(['Related', 'Stories', 'RelatedStories', 'Mr.'].includes(gap) || !/\w/.test(gap), `not found repeated: ${gap}`);
    for (const p of selfPassages.filter((x) => x.start < endOfFirst)) {
      for (const m of p.matches.filter((x) => x.self)) assert.ok(m.start >= secondCopy, 'the repeat is in the second copy');
    }
    // And the second copy points back at the first.
    assert.ok(passages.some((p) => p.start >= secondCopy && p.matches.some((m) => m.self && m.end <= endOfFirst)));
  });

  it('finds the joint-statement passages that every outlet quotes alike', () => {
    const quotes = [
      { words: 'seeks to reshape the international order for its own benefit at the expense of others', carriers: ['000', '001', '002', '003'] },
      { words: 'represents the greatest strategic challenge in the Indo-Pacific region and beyond', carriers: ['000', '001', '002', '003'] },
      { words: 'facilitate deeper interoperability and cooperation on joint bilateral operations', carriers: ['000', '002', '004'] },
    ];
    for (const { words, carriers } of quotes) {
      for (const doc of carriers) {
        const text = texts.get(doc)!;
        const at = text.indexOf(words);
        assert.ok(at >= 0, `${doc} carries "${words}"`);
        const p = index.sharedFor(doc).find((x) => x.start <= at && x.end >= at + words.length);
        assert.ok(p, `${doc}: "${words}" is in a shared passage`);
        const others = new Set(p.matches.map((m) => m.path));
        for (const other of carriers) if (other !== doc) assert.ok(others.has(other), `${doc} -> ${other}: ${words}`);
        for (const m of p.matches) assert.ok(slice(texts.get(m.path)!, m).includes(words.split(' ').slice(2, 6).join(' ')), `${doc} -> ${m.path}`);
      }
    }
    // 004 never prints the "reshape the international order" sentence.
    assert.ok(!index.sharedFor('004').some((p) => p.matches.some((m) => slice(texts.get(m.path)!, m).includes('reshape'))));
  });

  it('invents no sharing for paragraphs that only paraphrase or report the same fact', () => {
    const paraphrases: Array<[string, string]> = [
      ['003', 'Japan hosts more than 50,000 US troops'],
      ['003', 'But the new joint command will be headed by a three-star general'],
      ['003', 'The United States and Japan said they will revamp'],
      ['001', 'The US has about 54,000 military personnel'],
      ['001', 'The United States has announced plans to overhaul'],
      ['004', 'A US-Japan Security Consultative Committee meeting'],
      ['000', 'The new U.S. command in Japan will be led by a three-star general'],
    ];
    for (const [doc, opening] of paraphrases) {
      const text = texts.get(doc)!;
      const para = paragraphAt(text, opening);
      const hits = index.sharedFor(doc).filter((p) => p.start < para.end && p.end > para.start);
      assert.deepStrictEqual(hits.map((p) => slice(text, p)), [], `${doc}: ${opening}`);
    }
    // The whole of 004's three-star paragraph is not shared, only the joint-statement quote in it.
    const t004 = texts.get('004')!;
    const threeStar = paragraphAt(t004, 'The new joint force headquarters, Austin said');
    for (const p of index.sharedFor('004').filter((x) => x.start < threeStar.end && x.end > threeStar.start)) {
      assert.ok(!slice(t004, p).includes('three-star'), slice(t004, p));
    }
  });

  it('reports spans whose first and last words match their copies', () => {
    // A copy may stop a word or two short of a passage that other copies carry further.
    const near = (ids: Int32Array, id: number, fromEnd: boolean) =>
      (fromEnd ? Array.from(ids.slice(-5)) : Array.from(ids.slice(0, 5))).includes(id);
    for (const [doc, text] of texts) {
      for (const p of index.sharedFor(doc)) {
        const own = tokenize(slice(text, p)).ids;
        assert.ok(p.words >= 1 && p.end > p.start);
        for (const m of p.matches) {
          const other = tokenize(slice(texts.get(m.path)!, m)).ids;
          assert.ok(near(own, other[0], false), `${doc}@${p.start} -> ${m.path}@${m.start}: first word`);
          assert.ok(near(own, other[other.length - 1], true), `${doc}@${p.start} -> ${m.path}@${m.start}: last word`);
          assert.ok(m.similarity > 0.5 && m.similarity <= 1);
        }
      }
    }
  });

  it('names an origin for every passage, with a reason', () => {
    const p = index.sharedFor('002').find((x) => x.matches.some((m) => m.path === '000'))!;
    assert.strictEqual(p.origin.path, '000', 'the copy crediting "(AP)" wins over uncredited copies');
    assert.match(p.origin.why, /AP/);
    for (const doc of texts.keys()) for (const q of index.sharedFor(doc)) assert.ok(q.origin.why.length > 0);
  });

  it('keeps boilerplate paragraphs out of shared passages', () => {
    const footer = 'Subscribe to receive the day’s headlines from Example News straight in your inbox, every single morning of the week';
    const menu = 'Reading Mode';
    const a = `${menu}\n\nFirst story about a dam that burst in the valley overnight and flooded many homes nearby.\n\n${footer}\n`;
    const b = `${menu}\n\nSecond story about a council vote on bus fares that was delayed for another month again.\n\n${footer}\n`;
    const idx = new PassageIndex();
    idx.upsert('a', a, analyzeDocument(a).paragraphs);
    idx.upsert('b', b, analyzeDocument(b).paragraphs);
    assert.deepStrictEqual(idx.sharedFor('a'), []);
    // Without paragraph kinds the footer is shared text, found as such.
    const raw = new PassageIndex();
    raw.upsert('a', a);
    raw.upsert('b', b);
    assert.strictEqual(raw.sharedFor('a').length, 1);
  });

  it('does not anchor on a line that very many documents carry', () => {
    const footer = 'The views expressed in this article are those of the author alone and do not reflect the editorial position of this website.';
    const idx = new PassageIndex({ maxPostings: 8 });
    const bbc = bbcArticles().slice(0, 20);
    for (const a of bbc) idx.upsert(a.path, `${a.text}\n\n${footer}\n`);
    const hits = bbc.flatMap((a) => idx.sharedFor(a.path).filter((p) => p.matches.length >= 8));
    assert.deepStrictEqual(hits, []);
  });
});

describe('shared passages: live updates', () => {
  const fresh = (docs: Map<string, string>) => {
    const idx = new PassageIndex();
    for (const [p, t] of docs) idx.upsert(p, t);
    return idx;
  };
  const seeds = new Map([...readSeeds()].map(([k, v]) => [k, v.text]));

  it('gives the same passages after edits, removal and rename as an index built from scratch', () => {
    const live = fresh(seeds);
    for (const p of seeds.keys()) live.sharedFor(p); // fill the cache
    const docs = new Map(seeds);
    // Delete 000's lead paragraph, then type a word into its Blinken paragraph.
    let t = docs.get('000')!;
    t = t.replace(/Japanese and US defence chiefs[^\n]*\n/, '');
    docs.set('000', t);
    live.upsert('000', t);
    t = t.replace('joined their Japanese counterparts', 'joined their newly appointed Japanese counterparts');
    docs.set('000', t);
    live.upsert('000', t);
    live.remove('004');
    docs.delete('004');
    live.rename('001', 'renamed/001.txt');
    docs.set('renamed/001.txt', docs.get('001')!);
    docs.delete('001');
    const rebuilt = fresh(docs);
    for (const p of docs.keys()) assert.deepStrictEqual(live.sharedFor(p), rebuilt.sharedFor(p), p);
    assert.ok(live.sharedFor('000').some((p) => p.matches.some((m) => m.path === 'renamed/001.txt')));
    assert.ok(!live.sharedFor('003').some((p) => p.matches.some((m) => m.path === '004')));
    // The deleted lead is no longer shared; 002 still shares it with nobody but itself.
    const leadAt = docs.get('002')!.indexOf('Japanese and U.S. defense chiefs');
    const lead = live.sharedFor('002').find((p) => p.start <= leadAt && p.end > leadAt)!;
    assert.ok(lead.matches.every((m) => m.path === '002'));
  });

  it('updates the cached passages of other documents when a new copy arrives', () => {
    const live = fresh(seeds);
    const t003 = seeds.get('003')!;
    const para = paragraphAt(t003, 'The statement came just three days after PLA spokesman');
    assert.deepStrictEqual(live.sharedFor('003').filter((p) => p.start < para.end && p.end > para.start), []);
    const copy = `Another outlet\n\nBEIJING (Reuters) - ${t003.slice(para.start, para.end).replace('“', '"').replace('”', '"')}\n`;
    live.upsert('new.txt', copy);
    const hit = live.sharedFor('003').find((p) => p.start < para.end && p.end > para.start);
    assert.ok(hit, 'the cached result of 003 was refreshed');
    assert.deepStrictEqual(hit.matches.map((m) => m.path), ['new.txt']);
    assert.strictEqual(slice(copy, hit.matches[0]), copy.slice(copy.indexOf('The statement came'), copy.lastIndexOf('.') + 1));
    live.remove('new.txt');
    assert.deepStrictEqual(live.sharedFor('003').filter((p) => p.start < para.end && p.end > para.start), []);
  });

  it('scanAll agrees with sharedFor on every document', () => {
    const a = fresh(seeds);
    const b = fresh(seeds);
    const all = a.scanAll();
    for (const p of seeds.keys()) assert.deepStrictEqual(all.get(p), b.sharedFor(p), p);
  });
});

function bbcArticles(): SourceArticle[] {
  const root = path.join(sharedDir(), 'corpora', 'bbc');
  const out: SourceArticle[] = [];
  for (const section of fs.readdirSync(root).sort()) {
    if (!fs.statSync(path.join(root, section)).isDirectory()) continue;
    for (const name of fs.readdirSync(path.join(root, section)).sort()) {
      out.push({ path: `${section}/${name}`, text: fs.readFileSync(path.join(root, section, name), 'utf8') });
    }
  }
  return out;
}

describe('shared passages: precision and recall on a generated syndicated corpus', () => {
  for (const seed of [20240728, 7]) it(`finds the truly shared characters with precision and recall above 0.95 (corpus seed ${seed})`, function () {
    this.timeout(60000);
    const docs = generateSyndicatedCorpus(bbcArticles(), { seed, stories: 60, copies: [2, 5], singles: 20 });
    const idx = new PassageIndex();
    for (const d of docs) idx.upsert(d.path, d.text, analyzeDocument(d.text).paragraphs);
    const found = idx.scanAll();
    let truePositive = 0;
    let reported = 0;
    let truth = 0;
    for (const d of docs) {
      const isTrue = new Uint8Array(d.text.length);
      const isReported = new Uint8Array(d.text.length);
      for (const s of d.shared) isTrue.fill(1, s.start, s.end);
      for (const p of found.get(d.path)!) isReported.fill(1, p.start, p.end);
      // Characters, not counting whitespace (a passage spanning two sentences covers the space between).
      for (let i = 0; i < d.text.length; i++) {
        if (/\s/.test(d.text[i])) continue;
        truth += isTrue[i];
        reported += isReported[i];
        truePositive += isTrue[i] & isReported[i];
      }
    }
    const precision = truePositive / reported;
    const recall = truePositive / truth;
    assert.ok(docs.length > 150 && truth > 100000, `corpus too small: ${docs.length} docs, ${truth} shared chars`);
    assert.ok(precision > 0.95, `precision ${precision.toFixed(4)}`);
    assert.ok(recall > 0.95, `recall ${recall.toFixed(4)}`);
    console.log(`      precision ${precision.toFixed(4)} recall ${recall.toFixed(4)} over ${docs.length} documents, ${truth} shared characters`);
  });
});
