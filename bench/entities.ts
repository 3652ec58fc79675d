// Entity benchmarks (issue 5). Figures, each with a ratio against a baseline measured in the same run:
//  - recognition over the BBC corpus: MB/s, and time relative to a bare lower-case + word-split pass
//    (the target is 10 MB/s);
//  - corpus resolution of all BBC documents' mentions, and re-resolution after one document changed
//    (EntityResolver: re-recognise that document, merge the cached summaries), relative to recognising
//    the whole corpus again;
//  - adversarial inputs (1 MB of capitalised words, 1 MB without spaces, 1 MB of acronyms in
//    parentheses): MB/s relative to the corpus rate, to show no input is super-linear.
import { readBbcCorpus, type BenchDoc } from './bbcCorpus';
import { recognizeEntities, resolveEntities, EntityResolver, EntityMention } from '../src/core/entities';


const MB = 1024 * 1024;
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function baseline(docs: BenchDoc[]): number {
  const t0 = performance.now();
  let words = 0;
  for (const d of docs) words += d.text.toLowerCase().split(/[^\p{L}\p{N}]+/u).length;
  if (words < 0) throw new Error('unreachable');
  return performance.now() - t0;
}

function recogniseAll(docs: BenchDoc[]): { ms: number; cpuMs: number; mentions: EntityMention[][] } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const mentions = docs.map((d) => recognizeEntities(d.text));
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, mentions };
}

export async function run(sharedDir: string): Promise<void> {
  const docs = readBbcCorpus(sharedDir, 'bbc/');
  const size = docs.reduce((n, d) => n + d.text.length, 0) / MB;
  // warm up both passes
  baseline(docs);
  recogniseAll(docs);
  const baseMs = median([baseline(docs), baseline(docs), baseline(docs)]);
  const runs = [recogniseAll(docs), recogniseAll(docs), recogniseAll(docs)];
  const recMs = median(runs.map((r) => r.ms));
  const mentions = runs[0].mentions;
  const count = mentions.reduce((n, m) => n + m.length, 0);
  console.log(`BBC corpus: ${docs.length} documents, ${size.toFixed(2)} MB, ${count} mentions`);
  console.log(`  baseline (lower-case + split words): ${baseMs.toFixed(0)} ms = ${(size / (baseMs / 1000)).toFixed(1)} MB/s`);
  const cpuMs = median(runs.map((r) => r.cpuMs));
  console.log(`  recognizeEntities: ${recMs.toFixed(0)} ms = ${(size / (recMs / 1000)).toFixed(1)} MB/s (target 10), ${(recMs / baseMs).toFixed(2)}x the baseline`);
  console.log(`    (process CPU time ${cpuMs.toFixed(0)} ms = ${(size / (cpuMs / 1000)).toFixed(1)} MB/s: on a loaded machine wall time overstates the cost)`);

  const input = docs.map((d, i) => ({ path: d.path, outlet: d.path.split('/')[1], mentions: mentions[i] }));
  resolveEntities(input); // warm-up
  const t0 = performance.now();
  const res = resolveEntities(input);
  const resolveMs = performance.now() - t0;
  console.log(`  resolveEntities over the corpus: ${resolveMs.toFixed(0)} ms, ${res.entities.length} entities, ${(resolveMs / recMs).toFixed(2)}x recognition`);

  const resolver = new EntityResolver();
  docs.forEach((d, i) => resolver.setDocument(d.path, d.path.split('/')[1], mentions[i]));
  resolver.resolve();
  const times: number[] = [];
  for (let k = 0; k < 21; k++) {
    const d = docs[(k * 67) % docs.length];
    const edited = d.text + '\nMr. Example Person said so.';
    const s = performance.now();
    resolver.setDocument(d.path, d.path.split('/')[1], recognizeEntities(edited));
    const r = resolver.resolve();
    r.idsFor(d.path);
    times.push(performance.now() - s);
  }
  const editMs = median(times);
  console.log(`  one edited document re-resolved (EntityResolver): median ${editMs.toFixed(1)} ms, ${(editMs / recMs).toFixed(3)}x recognising the corpus`);

  const corpusRate = size / (recMs / 1000);
  const adversarial: [string, string][] = [
    ['1 MB of capitalised words', 'Alpha Beta Gamma Of The And Delta '.repeat(Math.ceil(MB / 34)).slice(0, MB)],
    ['1 MB with no spaces', 'Abc-Def’s'.repeat(Math.ceil(MB / 9)).slice(0, MB)],
    ['1 MB of acronyms in parentheses', 'the Big Long Name Agency (BLNA) and ('.repeat(Math.ceil(MB / 36)).slice(0, MB)],
  ];
  for (const [name, text] of adversarial) {
    const s = performance.now();
    recognizeEntities(text);
    const ms = performance.now() - s;
    const rate = text.length / MB / (ms / 1000);
    console.log(`  ${name}: ${rate.toFixed(1)} MB/s, ${(rate / corpusRate).toFixed(2)}x the corpus rate`);
  }
}
