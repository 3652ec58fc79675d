// Scaling benchmark (issue 8): evidence that every core layer runs in about linear time on pathological
// input (no regex backtracking blow-up, no quadratic scan). For each input of test/unit/fuzzInputs.ts and
// each layer, the CPU time at sizes n, 4n and 16n, and the ratios t(4n)/t(n) and t(16n)/t(4n): about 4
// is linear, about 16 quadratic. A ratio above 8 is flagged "SUPERLINEAR". Times are the best of a few
// runs of process CPU time, so other load on the machine matters less.
//
// Run alone: `npm run build && node dist/bench.js scaling` (once the lead wires it into bench.ts), or
// `npx tsc -p tsconfig.test.json && node -e "require('./out/bench/scaling').run('')"`.
// NEWS_SCALING_BASE (default 0.5) scales n: n = base × the sizes the fuzz suite uses.

import { analyzeDocument } from '../src/core/article';
import { Corpus } from '../src/core/corpus';
import { recognizeEntities } from '../src/core/entities';
import { PassageIndex } from '../src/core/passages/passageIndex';
import { manifestEntryFor } from '../src/core/outlets';
import { findQuotes } from '../src/core/quotes';
import { PATHOLOGICAL } from '../test/unit/fuzzInputs';

function cpuMs(runs: number, f: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    if (i > 0 && min > 1000) break; // one run of a slow case says enough
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    min = Math.min(min, (c.user + c.system) / 1000);
  }
  return min;
}

type Layer = { name: string; prepare(text: string): () => void };

const LAYERS: Layer[] = [
  { name: 'article', prepare: (text) => () => void analyzeDocument(text) },
  {
    name: 'entities',
    prepare: (text) => {
      const paragraphs = analyzeDocument(text).paragraphs;
      return () => void recognizeEntities(text, paragraphs);
    },
  },
  {
    name: 'quotes',
    prepare: (text) => {
      const paragraphs = analyzeDocument(text).paragraphs;
      const mentions = recognizeEntities(text, paragraphs).sort((a, b) => a.start - b.start || b.end - a.end);
      return () => void findQuotes(text, paragraphs, mentions);
    },
  },
  {
    name: 'passages',
    prepare: (text) => {
      const paragraphs = analyzeDocument(text).paragraphs;
      return () => {
        const index = new PassageIndex();
        index.upsert('a', text, paragraphs);
        index.upsert('b', text, paragraphs);
        index.sharedFor('a');
      };
    },
  },
  {
    name: 'corpus',
    prepare: (text) => () => {
      const corpus = new Corpus();
      corpus.upsert('a', text);
      corpus.report();
    },
  },
];

const pad = (s: string | number, n: number) => String(s).padStart(n);

export async function run(_sharedDir: string): Promise<void> {
  const base = Number(process.env.NEWS_SCALING_BASE ?? 0.5);
  const scales = [base, base * 4, base * 16];
  console.log(`time (CPU ms, best of 3) at n, 4n, 16n characters; ratio ≈ 4 is linear, ≈ 16 quadratic`);
  console.log(`${'input'.padEnd(44)} ${'layer'.padEnd(9)} ${pad('n', 8)} ${pad('t(n)', 8)} ${pad('t(4n)', 8)} ${pad('t(16n)', 8)} ${pad('4n/n', 6)} ${pad('16n/4n', 6)}`);
  let flagged = 0;
  for (const input of PATHOLOGICAL) {
    const texts = scales.map((k) => input.text(k));
    for (const layer of LAYERS) {
      const times: number[] = [];
      for (const text of texts) {
        // A pair already growing much faster than linear at 4n would take minutes at 16n: stop there.
        if (times.length === 2 && times[1] > 2000 && times[1] / Math.max(times[0], 1) > 8) {
          times.push(NaN);
          break;
        }
        times.push(cpuMs(3, layer.prepare(text)));
      }
      // Below ~2 ms the timer's resolution dominates; a ratio there says nothing.
      const ratio = (a: number, b: number) => (a < 2 ? NaN : b / a);
      const r1 = ratio(times[0], times[1]);
      const r2 = ratio(times[1], times[2]);
      const worst = Number.isNaN(times[2]) ? Infinity : Math.max(Number.isNaN(r1) ? 0 : r1, Number.isNaN(r2) ? 0 : r2);
      const flag = worst > 8 ? '  SUPERLINEAR' : '';
      if (flag) flagged++;
      const fmt = (r: number) => (Number.isNaN(r) ? '-' : r.toFixed(1));
      console.log(
        `${input.name.padEnd(44)} ${layer.name.padEnd(9)} ${pad(texts[0].length, 8)} ${pad(times[0].toFixed(1), 8)} ${pad(times[1].toFixed(1), 8)} ${pad(Number.isNaN(times[2]) ? 'stopped' : times[2].toFixed(1), 8)} ${pad(fmt(r1), 6)} ${pad(fmt(r2), 6)}${flag}`,
      );
    }
  }
  // news-sources.json comes with the workspace (untrusted): its glob patterns are matched against every
  // article path. A pattern with several stars against a slug file name with many dashes:
  const manifest = { sources: [{ match: '*-*-*-*-x.txt', outlet: 'X' }] };
  const globTimes = [25, 100, 400].map((dashes) => {
    const name = 'a-'.repeat(dashes) + 'b.txt';
    return { dashes, ms: cpuMs(1, () => void manifestEntryFor(manifest, name)) };
  });
  const globRatio = globTimes[1].ms >= 2 ? globTimes[2].ms / globTimes[1].ms : NaN;
  console.log(
    `${'manifest glob *-*-*-*-x.txt vs a-a-…-b.txt'.padEnd(44)} ${'outlets'.padEnd(9)} ${pad(globTimes[0].dashes * 2, 8)} ${globTimes.map((t) => pad(t.ms.toFixed(1), 8)).join(' ')} ${pad('-', 6)} ${pad(Number.isNaN(globRatio) ? '-' : globRatio.toFixed(1), 6)}${globRatio > 8 ? '  SUPERLINEAR' : ''}`,
  );
  if (globRatio > 8) flagged++;
  console.log(flagged ? `${flagged} input/layer pair(s) grow faster than linear (ratio > 8)` : 'every input/layer pair grows about linearly');
}
