// Every quote of the five seed articles, with its kind and speaker, written from reading the seeds.
//
// How the kinds were decided (the same rule for every seed):
// - speech: words someone said or wrote, reported as theirs: a sentence or clause, or a fragment
//   inside what a reporting clause reports (`voiced Beijing’s “strong opposition”`, `expressed
//   “grave concern”`, `said they will … meet “critical demand”`, `urged Japan to … not … support
//   “Taiwan separatist forces”`).
// - term: a quoted label — a short noun phrase marked as a name or a scare quote: a naming cue
//   (`so-called`, `known as`, `what they call`), a determiner before it (`if its “red line” is
//   crossed`, `maintain a “free and open Indo-Pacific”`), a noun it modifies (`the “2+2” talks`),
//   or no reporting clause at all (`a trilateral agreement that would “institutionalise” …`).
// Speakers are the names the attribution resolves to (`He` in seed 001 is Austin; `It` in seed 003
// is the statement); group and document speakers keep the phrase (`the ministers`).

import * as assert from 'assert';
import { findQuotes, type Quote } from '../../src/core/quotes';
import { analyzeDocument } from '../../src/core/article';
import { recognizeEntities } from '../../src/core/entities';
import { readSeed } from './sharedFiles';

interface Expect {
  /** The quoted words (exactly), or their beginning when `e` is given. */
  t: string;
  /** The end of the quoted words. */
  e?: string;
  kind: 'speech' | 'term';
  /** Speaker name (a person matches by surname), a phrase, a pattern, or null. */
  speaker: string | RegExp | null;
}

const HONORIFIC = /^(?:mr|mrs|ms|dr)\.?\s+/i;
function norm(s: string): string {
  return s.toLowerCase().replace(/^the\s+/, '').replace(HONORIFIC, '').replace(/\s+/g, ' ').trim();
}
/** A phrase naming an unnamed spokesperson (`a Department of Health spokesperson`). */
const SPOKESPERSON_PHRASE = /\bspokes(?:man|woman|person|people|men|women|persons)$/i;

/**
 * Whether a found speaker name matches the gold. Convention (test/fixtures/quotes/README): an unnamed
 * spokesperson's speaker is the principal they speak for, so a spokesperson phrase never matches a
 * gold principal (`Department of Health spokesperson` would otherwise match `Department of Health`
 * by its leading words).
 */
export function speakerMatches(name: string | null, expected: string | RegExp | null): boolean {
  if (expected === null || name === null) return expected === name;
  if (expected instanceof RegExp) return expected.test(name);
  const a = norm(name);
  const b = norm(expected);
  if (SPOKESPERSON_PHRASE.test(a) !== SPOKESPERSON_PHRASE.test(b)) return false;
  // a surname matches the full name; family-name-first names (`Zhang Xiaogang`) match either end
  return a === b || a.endsWith(' ' + b) || b.endsWith(' ' + a) || a.startsWith(b + ' ') || b.startsWith(a + ' ');
}

function check(text: string, quotes: Quote[], expected: Expect[], label: string): void {
  const got = quotes.map((q) => `${q.kind} [${q.text}] ${q.speaker ? q.speaker.name : 'null'}`);
  assert.strictEqual(quotes.length, expected.length, `${label}: ${quotes.length} quotes found, ${expected.length} expected:\n${got.join('\n')}`);
  expected.forEach((x, i) => {
    const q = quotes[i];
    const where = `${label} quote ${i} (${got[i]})`;
    if (x.e === undefined) assert.strictEqual(q.text, x.t, where);
    else {
      assert.ok(q.text.startsWith(x.t), `${where} should start with ${x.t}`);
      assert.ok(q.text.endsWith(x.e), `${where} should end with ${x.e}`);
    }
    assert.strictEqual(text.slice(q.start, q.end), q.text, `${where}: span`);
    assert.ok(q.open < q.start && /["“”'‘’]/.test(text[q.open]), `${where}: opening mark before the words`);
    if (q.close >= 0) assert.ok(q.close >= q.end && /["“”'‘’]/.test(text[q.close]), `${where}: closing mark after the words`);
    assert.strictEqual(q.kind, x.kind, `${where}: kind`);
    assert.ok(speakerMatches(q.speaker ? q.speaker.name : null, x.speaker), `${where}: speaker ${q.speaker?.name ?? null}, expected ${x.speaker}`);
  });
}

const S000: Expect[] = [
  { t: 'the greatest strategic challenge.', kind: 'speech', speaker: 'Japanese and US defence chiefs and top diplomats' },
  { t: '2+2', kind: 'term', speaker: null },
  { t: 'will be the most significant change', e: 'in 70 years,', kind: 'speech', speaker: 'Austin' },
  { t: 'These new operational capabilities', e: 'collective deterrence.', kind: 'speech', speaker: 'Austin' },
  { t: 'We are standing at a historic turning point', e: 'shaken to the core,', kind: 'speech', speaker: 'Kamikawa' },
  { t: 'Now is a critical phase', e: 'determines our future.', kind: 'speech', speaker: 'Kamikawa' },
  { t: 'engaging in coercive behaviour', e: 'throughout the region,', kind: 'speech', speaker: 'Austin' },
  { t: 'threaten regional and global security.', kind: 'speech', speaker: 'Austin' },
  { t: 'seeks to reshape the international order', e: 'at the expense of others', kind: 'speech', speaker: 'the ministers' },
  { t: 'such behaviour is a serious concern', e: 'Indo-Pacific region and beyond.', kind: 'speech', speaker: 'the ministers' },
  { t: 'to facilitate deeper interoperability', e: 'during contingencies', kind: 'speech', speaker: 'the ministers' },
  { t: 'we haven’t ruled that out', kind: 'speech', speaker: 'Austin' },
  { t: 'extended deterrence', kind: 'term', speaker: null },
];

const S001: Expect[] = [
  { t: 'The United States will upgrade the US Forces Japan', e: 'operational responsibilities,', kind: 'speech', speaker: 'Lloyd Austin' },
  { t: '2+2', kind: 'term', speaker: null },
  // a quote paragraph after the paragraph that names its speaker
  { t: 'This will be the most significant change', e: 'in 70 years.', kind: 'speech', speaker: 'Lloyd Austin' },
  { t: 'an evolving security environment', kind: 'term', speaker: null },
  { t: 'seeks to reshape the international order', e: 'at the expense of others', kind: 'speech', speaker: 'the ministers' },
  { t: 'such behaviour is a serious concern', e: 'Indo-Pacific region and beyond', kind: 'speech', speaker: 'the ministers' },
  { t: 'provocative', kind: 'term', speaker: null },
  { t: 'engaging in coercive behaviour', e: 'throughout the region', kind: 'speech', speaker: 'Austin' },
  { t: 'threaten regional and global security', kind: 'speech', speaker: 'Austin' },
  // `He, however, told reporters`
  { t: 'not based on any threat from China', kind: 'speech', speaker: 'Austin' },
  // the sub-headline in single quotes: words from the statement, no attribution
  { t: 'Reshaping international order', kind: 'speech', speaker: null },
  { t: 'extended deterrence', kind: 'term', speaker: null },
  { t: 'We are at a critical juncture. In order to', e: 'the deterrence – the power,', kind: 'speech', speaker: 'Yoko Kamikawa' },
  { t: 'From a whole range of perspectives', e: 'enhance the US-Japan alliance.', kind: 'speech', speaker: 'Craig Mark' },
];

const S002_BLOCK: Expect[] = [
  { t: 'the greatest strategic challenge.', kind: 'speech', speaker: 'Japanese and U.S. defense chiefs and top diplomats' },
  { t: '2+2', kind: 'term', speaker: null },
  // broken marks: `…core,“ Ms. Kamikawa said. ”Now …`
  { t: 'We are standing at a historic turning point', e: 'shaken to the core,', kind: 'speech', speaker: 'Kamikawa' },
  { t: 'Now is a critical phase', e: 'determines our future.', kind: 'speech', speaker: 'Kamikawa' },
  { t: 'engaging in coercive behavior', e: 'throughout the region,', kind: 'speech', speaker: 'Austin' },
  { t: 'threaten regional and global security.', kind: 'speech', speaker: 'Austin' },
  { t: 'seeks to reshape the international order', e: 'at the expense of others', kind: 'speech', speaker: 'the ministers' },
  { t: 'such behavior is a serious concern', e: 'Indo-Pacific region and beyond.', kind: 'speech', speaker: 'the ministers' },
  { t: 'to facilitate deeper interoperability', e: 'during contingencies', kind: 'speech', speaker: 'the ministers' },
  { t: 'extended deterrence,', kind: 'term', speaker: null },
  { t: 'critical demand', kind: 'speech', speaker: 'the ministers' },
  { t: 'to deter aggression.', kind: 'speech', speaker: 'the ministers' },
];
const S002: Expect[] = [
  // the page prints the story twice: once glued into one line, once in paragraphs
  ...S002_BLOCK,
  ...S002_BLOCK,
  { t: 'The signing of this memorandum', e: 'changing global environments,', kind: 'speech', speaker: 'Kihara' },
];

const S003: Expect[] = [
  { t: '2+2', kind: 'term', speaker: null },
  { t: 'intends to reconstitute US Forces Japan (USFJ)', e: 'US Indo-Pacific Command', kind: 'speech', speaker: 'the two countries' },
  { t: 'in peacetime and during contingencies', kind: 'speech', speaker: 'the two countries' },
  { t: 'seeks to reshape the international order', e: 'at the expense of others', kind: 'speech', speaker: 'the two countries' },
  { t: 'serious concern', kind: 'speech', speaker: 'the two countries' },
  // `It added that …`, `In addition, it said …`: the statement
  { t: 'represents the greatest strategic challenge', e: 'region and beyond', kind: 'speech', speaker: 'The statement' },
  { t: 'should not be used as a pretext for provocative actions', kind: 'speech', speaker: 'The statement' },
  { t: 'red line', kind: 'term', speaker: null },
  { t: 'take resolute measures', kind: 'speech', speaker: 'Zhang' },
  { t: 'separatist forces of Taiwan independence', e: 'cross the red line', kind: 'speech', speaker: 'Zhang' },
  { t: 'strong opposition', kind: 'speech', speaker: 'Zhang' },
  { t: 'correct its mistakes immediately', kind: 'speech', speaker: 'Zhang Xiaogang' },
  { t: 'Taiwan separatist forces', kind: 'speech', speaker: 'Zhang' },
  { t: 'extended deterrence', kind: 'term', speaker: null },
  { t: 'reaffirmed that they strongly oppose', e: 'Law of the Sea (UNCLOS)', kind: 'speech', speaker: 'The statement' },
  { t: 'grave concern', kind: 'speech', speaker: 'The US, Japan and South Korea military chiefs' },
  // `They condemned … and urged Pyongyang to “…”`
  { t: 'immediately cease such actions', kind: 'speech', speaker: 'The US, Japan and South Korea military chiefs' },
  { t: 'institutionalise', kind: 'term', speaker: null },
  { t: 'free and open Indo-Pacific', kind: 'term', speaker: null },
];

const S004: Expect[] = [
  { t: '2+2,', kind: 'term', speaker: null },
  // `As per the joint statement of …, the … ministers … shared assessments of “…”`
  { t: 'an increasingly deteriorating regional security environment.', kind: 'speech', speaker: /joint statement/ },
  { t: 'We held a separate two-plus-two ministerial level meeting', e: 'never been done before,', kind: 'speech', speaker: 'Austin' },
  { t: 'During that meeting, I reaffirmed', e: 'our nuclear capabilities,', kind: 'speech', speaker: 'Austin' },
  // `the joint force headquarters, according to Austin, will “…”`
  { t: 'facilitate deeper interoperability', e: 'during contingencies.', kind: 'speech', speaker: 'Austin' },
  { t: 'should not be used as a pretext', e: 'across the Taiwan Strait.', kind: 'speech', speaker: 'The ministers' },
  { t: 'China’s human rights issues, including in Xinjiang and Tibet.', kind: 'speech', speaker: 'US and Japanese ministers' },
];

const SEEDS: [string, Expect[]][] = [
  ['000', S000],
  ['001', S001],
  ['002', S002],
  ['003', S003],
  ['004', S004],
];

describe('quotes: the five seeds', () => {
  it('seed 000 has thirteen quotes', () => {
    assert.strictEqual(S000.length, 13);
    assert.strictEqual(findQuotes(readSeed('000')).length, 13);
  });

  for (const [seed, expected] of SEEDS) {
    it(`seed ${seed}: every quote with its kind and speaker (line paragraphs)`, () => {
      const text = readSeed(seed);
      check(text, findQuotes(text), expected, seed);
    });
    it(`seed ${seed}: the same with the article model's paragraphs`, () => {
      const text = readSeed(seed);
      check(text, findQuotes(text, analyzeDocument(text).paragraphs), expected, seed);
    });
  }

  for (const [seed, expected] of SEEDS) {
    it(`seed ${seed}: the same with the entities layer's mentions, person speakers pointing at a PERSON mention`, () => {
      const text = readSeed(seed);
      const paragraphs = analyzeDocument(text).paragraphs;
      const mentions = recognizeEntities(text, paragraphs);
      const quotes = findQuotes(text, paragraphs, mentions);
      check(text, quotes, expected, seed);
      for (const q of quotes) {
        const sp = q.speaker;
        if (!sp || !/^[A-Z][a-z]+(?: [A-Z][a-z]+)?$/.test(sp.name)) continue; // a person's name
        assert.ok(sp.mention >= 0, `${seed} [${q.text}]: ${sp.name} has a mention`);
        const m = mentions[sp.mention];
        assert.strictEqual(m.type, 'PERSON', `${seed} [${q.text}]: ${sp.name} is a PERSON mention`);
        assert.strictEqual(sp.key, m.key);
      }
    });
  }

  it('`the ministers` lists the people named together before it, when mentions are given', () => {
    const text = readSeed('000');
    const paragraphs = analyzeDocument(text).paragraphs;
    const mentions = recognizeEntities(text, paragraphs);
    const q = findQuotes(text, paragraphs, mentions).find((x) => x.text.startsWith('seeks to reshape'));
    assert.strictEqual(q?.speaker?.text, 'the ministers');
    const names = (q?.speaker?.group ?? []).map((g) => g.name);
    for (const n of ['Blinken', 'Austin', 'Kamikawa', 'Kihara']) assert.ok(names.some((x) => x.includes(n)), `${n} in ${names.join(', ')}`);
  });

  it('reports how each speaker was found', () => {
    const q1 = findQuotes(readSeed('001'));
    const he = q1.find((q) => q.text.startsWith('not based on'));
    assert.strictEqual(he?.speaker?.text, 'He');
    assert.strictEqual(he?.speaker?.via, 'pronoun');
    assert.ok(he?.speaker?.antecedent?.text.includes('Austin'));
    const mark = q1.find((q) => q.text.startsWith('From a whole range'));
    assert.strictEqual(mark?.speaker?.via, 'previous-paragraph');
    assert.ok(/professor/.test(mark?.speaker?.role ?? ''), 'apposition kept as the role');
    const q0 = findQuotes(readSeed('000'));
    assert.strictEqual(q0[3].speaker?.via, 'split');
    assert.strictEqual(q0[2].speaker?.cue?.text, 'said');
    const q3 = findQuotes(readSeed('003'));
    const zhang = q3.find((q) => q.text === 'correct its mistakes immediately');
    assert.strictEqual(zhang?.speaker?.role, 'PLA spokesman');
  });
});
