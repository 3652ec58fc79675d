// Quote-layer benchmark (issue 4): the quote pass (detection, kind, attribution) over the BBC corpus.
// Prints MB/s and the time relative to a baseline measured in the same run: a bare lower-case +
// word-split pass over the same texts (the least any word-level scan must do). Also a 1 MB paragraph
// with unbalanced marks, relative to the same baseline on that text. Target: ≥ 20 MB/s over BBC.

import { findQuotes, linkQuoteCopies } from '../src/core/quotes';
import { readBbcCorpus } from './bbcCorpus';


const MB = 1024 * 1024;

function baseline(texts: readonly string[]): number {
  let words = 0;
  for (const t of texts) words += t.toLowerCase().split(/[^\p{L}\p{N}]+/u).length;
  return words;
}

/** Best of `runs` timings, in ms of CPU time (user + system) of this process: less at the mercy of other load than wall time. */
function best(runs: number, f: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    min = Math.min(min, (c.user + c.system) / 1000);
  }
  return min;
}

export async function run(sharedDir: string): Promise<void> {
  const docs = readBbcCorpus(sharedDir);
  const texts = docs.map((d) => d.text);
  const size = texts.reduce((n, t) => n + t.length, 0) / MB;
  let quotes = 0;
  let speech = 0;
  let attributed = 0;
  const pass = () => {
    quotes = speech = attributed = 0;
    for (const t of texts) {
      for (const q of findQuotes(t)) {
        quotes++;
        if (q.kind === 'speech') {
          speech++;
          if (q.speaker) attributed++;
        }
      }
    }
  };
  pass(); // warm-up
  const tQuotes = best(7, pass);
  const tBase = best(7, () => baseline(texts));
  console.log(`BBC corpus: ${docs.length} files, ${size.toFixed(2)} MB (UTF-16 code units / 2^20)`);
  console.log(`quote pass: ${tQuotes.toFixed(1)} ms CPU = ${(size / (tQuotes / 1000)).toFixed(1)} MB/s (target ≥ 20 MB/s)`);
  console.log(`baseline lower-case + word split: ${tBase.toFixed(1)} ms = ${(size / (tBase / 1000)).toFixed(1)} MB/s`);
  console.log(`ratio quote pass / baseline: ${(tQuotes / tBase).toFixed(2)}× the baseline's time`);
  console.log(`found ${quotes} quotes, ${speech} speech, ${attributed} with a speaker (${((100 * attributed) / Math.max(1, speech)).toFixed(1)}%)`);

  // Linking the copies of every quote across the corpus.
  const docsQ = docs.map((d) => ({ path: d.path, quotes: findQuotes(d.text) }));
  let groups = 0;
  const tLink = best(3, () => {
    groups = linkQuoteCopies(docsQ).groups.length;
  });
  console.log(`linkQuoteCopies over BBC: ${tLink.toFixed(1)} ms CPU, ${groups} groups of copies, ${(tLink / tBase).toFixed(2)}× the baseline's time`);

  // One 1 MB paragraph of quote-dense text with an unbalanced mark: no blow-up.
  const unit = 'He said “we will see what happens, don’t we?” and she replied, ‘not yet’, then “left. ';
  let big = '';
  while (big.length < MB) big += unit;
  const tBig = best(3, () => findQuotes(big));
  const tBigBase = best(3, () => baseline([big]));
  console.log(`1 MB single paragraph: ${tBig.toFixed(1)} ms = ${(1 / (tBig / 1000)).toFixed(1)} MB/s, ${(tBig / tBigBase).toFixed(2)}× the baseline's time`);
}
