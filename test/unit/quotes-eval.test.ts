// Evaluation on news text the project had never seen: hand-annotated fixtures in
// test/fixtures/quotes (each set's gold written before the quote layer was run on it; see its README).
// Sets A–D: written stories in unseen/, quotes given by their exact words. Sets E, F and G: real BBC
// articles read from ../shared/corpora/bbc, quotes given by offsets (no article text in the repository).
// Quote precision/recall by exact quoted words (sets E–G: exact span); speaker accuracy over the gold
// speech quotes found; kind accuracy over the gold quotes found.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findQuotes } from '../../src/core/quotes';
import { analyzeDocument } from '../../src/core/article';
import { recognizeEntities } from '../../src/core/entities';
import { speakerMatches } from './quotes-seeds.test';
import { sharedDir } from './sharedFiles';

interface Gold {
  /** The quoted words (sets A–D) … */
  quote?: string;
  /** … or their span (set E). */
  start?: number;
  end?: number;
  kind: 'speech' | 'term';
  speaker: string | null;
}

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'quotes');
const DIR = path.join(FIXTURES, 'unseen');
const BBC = path.join(sharedDir(), 'corpora', 'bbc');

export interface Scores {
  precision: number;
  recall: number;
  speaker: number;
  kind: number;
  misses: string[];
}

/** Sets A–D (quotes by their words, texts in unseen/); `bbc-gold*.json` (sets E, F, G: spans, texts in ../shared/corpora/bbc). */
export function evaluate(goldFile = 'gold.json', withEntities = false): Scores {
  const bbc = goldFile.startsWith('bbc-gold');
  const gold = JSON.parse(fs.readFileSync(bbc ? path.join(FIXTURES, goldFile) : path.join(DIR, goldFile), 'utf8')) as Record<string, Gold[] | string>;
  let found = 0;
  let goldCount = 0;
  let matched = 0;
  let speechMatched = 0;
  let speakerRight = 0;
  let kindRight = 0;
  const misses: string[] = [];
  for (const [file, expected] of Object.entries(gold)) {
    if (typeof expected === 'string') continue;
    const text = fs.readFileSync(bbc ? path.join(BBC, file) : path.join(DIR, file), 'utf8');
    let quotes;
    if (withEntities) {
      const paragraphs = analyzeDocument(text).paragraphs;
      quotes = findQuotes(text, paragraphs, recognizeEntities(text, paragraphs));
    } else quotes = findQuotes(text);
    found += quotes.length;
    goldCount += expected.length;
    const used = new Set<number>();
    for (const g of expected) {
      const words = g.quote ?? text.slice(g.start, g.end);
      const i = quotes.findIndex((q, k) => !used.has(k) && (g.quote !== undefined ? q.text === g.quote : q.start === g.start && q.end === g.end));
      if (i < 0) {
        misses.push(`${file}: not found [${words}]`);
        continue;
      }
      used.add(i);
      matched++;
      const q = quotes[i];
      if (q.kind === g.kind) kindRight++;
      else misses.push(`${file}: kind ${q.kind} for [${words}]`);
      if (g.kind === 'speech') {
        speechMatched++;
        const name = q.speaker ? q.speaker.name : null;
        if (speakerMatches(name, g.speaker)) speakerRight++;
        else misses.push(`${file}: speaker ${name} for [${words}], expected ${g.speaker}`);
      }
    }
    quotes.forEach((q, k) => {
      if (!used.has(k)) misses.push(`${file}: spurious [${q.text}] at ${q.start}`);
    });
  }
  return {
    precision: matched / found,
    recall: matched / goldCount,
    speaker: speakerRight / speechMatched,
    kind: kindRight / matched,
    misses,
  };
}

describe('quotes: evaluation on unseen news text', () => {
  for (const [label, file] of [
    ['set A (61 quotes, 8 stories)', 'gold.json'],
    ['set B (27 quotes, 5 stories; its first run, before the fixes it prompted: speaker 0.815, kind 0.963)', 'gold-heldout.json'],
    ['set C (24 quotes, 4 stories; its first run, before the fixes it prompted: speaker 0.739, kind 0.833)', 'gold-c.json'],
    ['set D (13 quotes, 3 stories; its first run, before the three fixes it prompted: speaker 0.833, kind 1.000)', 'gold-d.json'],
    ['set E (94 quotes, 15 real BBC articles; its first run: precision 1.000, recall 1.000, speaker 0.800, kind 0.957)', 'bbc-gold.json'],
    ['set F (35 quotes, 6 more BBC articles, annotated after set E\'s fixes; its first run: precision 1.000, recall 1.000, speaker 1.000 (0.862 with the entities layer), kind 0.971)', 'bbc-gold-f.json'],
    ['set G (48 quotes, 9 more BBC articles, annotated after the spokesperson convention; its first run: precision 1.000, recall 1.000, speaker 1.000 with the entities layer (0.915 text only), kind 0.979)', 'bbc-gold-g.json'],
  ]) {
    it(`${label}: quote precision and recall above 0.95, speaker accuracy above 0.9`, () => {
      const r = evaluate(file);
      const summary = `precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}, speaker ${r.speaker.toFixed(3)}, kind ${r.kind.toFixed(3)}`;
      console.log(`      ${summary}`);
      for (const m of r.misses) console.log(`        ${m}`);
      assert.ok(r.precision > 0.95, summary);
      assert.ok(r.recall > 0.95, summary);
      assert.ok(r.speaker > 0.9, summary);
    });
  }

  it('all sets with the article model and the entities layer: the same thresholds', () => {
    for (const file of ['gold.json', 'gold-heldout.json', 'gold-c.json', 'gold-d.json', 'bbc-gold.json', 'bbc-gold-f.json', 'bbc-gold-g.json']) {
      const r = evaluate(file, true);
      const summary = `${file}: precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}, speaker ${r.speaker.toFixed(3)}, kind ${r.kind.toFixed(3)}`;
      console.log(`      ${summary}`);
      for (const m of r.misses) console.log(`        ${m}`);
      assert.ok(r.precision > 0.95 && r.recall > 0.95 && r.speaker > 0.9, summary);
    }
  });
});
