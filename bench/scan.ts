// The whole scan (paragraphs, entities, quotes, shared passages, the report) over the BBC corpus, as the
// CLI runs it; and one structure-only pass. Each figure is set against a baseline pass measured in the
// same run: splitting every text into words and counting them.
import { analyzeDocument } from '../src/core/article';
import { Corpus } from '../src/core/corpus';
import { readBbcCorpus } from './bbcCorpus';


function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

export async function run(sharedDir: string): Promise<void> {
  const docs = readBbcCorpus(sharedDir);
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  const mb = bytes / 1e6;
  let words = 0;
  const baselineMs = best(5, () => {
    words = 0;
    for (const d of docs) words += d.text.split(/\s+/).length;
  });
  const structureMs = best(3, () => {
    for (const d of docs) analyzeDocument(d.text);
  });
  const heapBefore = process.memoryUsage().heapUsed;
  let report: ReturnType<Corpus['report']> | undefined;
  let peakRss = process.memoryUsage().rss;
  const scanMs = best(3, () => {
    const corpus = new Corpus();
    for (const d of docs) corpus.upsert(d.path, d.text);
    report = corpus.report();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  });
  const heapAfter = process.memoryUsage().heapUsed;
  const shared = report!.documents.reduce((n, d) => n + d.shared.length, 0);
  console.log(`corpus: ${docs.length} files, ${mb.toFixed(2)} MB, ${words} words`);
  console.log(`baseline (split into words): ${(mb / (baselineMs / 1000)).toFixed(1)} MB/s`);
  console.log(`article structure:          ${(mb / (structureMs / 1000)).toFixed(1)} MB/s  (${(baselineMs / structureMs).toFixed(2)}x baseline speed)`);
  console.log(`whole scan (all layers):    ${(mb / (scanMs / 1000)).toFixed(1)} MB/s  (${(baselineMs / scanMs).toFixed(3)}x baseline speed; ${scanMs.toFixed(0)} ms)`);
  console.log(`  report: ${report!.entities.length} entities, ${shared} shared passages; peak RSS ${(peakRss / 1e6).toFixed(0)} MB, heap growth ${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB`);
}
