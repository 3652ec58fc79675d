// The whole scan (paragraphs, entities, quotes, shared passages, the report) over the BBC corpus, as the
// CLI runs it, on one thread and with the per-document analysis on worker threads:
//  - in this process (`scanFolder`: list and read the folder, analyse every article, build the report;
//    not the JSON formatting), best of 3, so this thread's code is warm while each scan starts its
//    workers afresh, as the CLI does; baseline: splitting every text into words, in this process;
//  - as a user runs it: `node dist/cli.js scan <bbc> --format json --out /dev/null`, a new process
//    each time (cold code everywhere), best of 3; baseline: a new Node process reading every file of
//    the folder and splitting it into words.
// The first one-thread scan is also printed alone: its code is mostly not optimised yet. And one
// structure-only pass. Runs alternate single and parallel, so that load from other work on
// the machine falls on both alike. Then the split of the one-thread scan into its steps (the same steps
// as `scanFolder`, through the public API), CPU time of this thread's process, each step's best of 3.
import { spawnSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { analyzeDocument } from '../src/core/article';
import { CorrectedCorpus } from '../src/core/correctedCorpus';
import { analyzeText } from '../src/core/corpus';
import { listArticleFiles, readArticleFile } from '../src/cli/corpusFiles';
import type { ScanReport } from '../src/core/model';
import { scanFolder, type CliIo } from '../src/cli/command';
import { readBbcCorpus } from './bbcCorpus';

interface Timing {
  /** Best wall time of the runs. */
  ms: number;
  /** CPU time of the best run, every thread of the process. */
  cpuMs: number;
}

async function best(runs: number, fn: () => Promise<void> | void): Promise<Timing> {
  let out: Timing = { ms: Infinity, cpuMs: 0 };
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    if (ms < out.ms) out = { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
  }
  return out;
}

const quiet: CliIo = {
  stdout: { write: () => true } as unknown as NodeJS.WritableStream,
  stderr: { write: () => true } as unknown as NodeJS.WritableStream,
};

export async function run(sharedDir: string): Promise<void> {
  const docs = readBbcCorpus(sharedDir);
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  const mb = bytes / 1e6;
  let words = 0;
  const baseline = await best(5, () => {
    words = 0;
    for (const d of docs) words += d.text.split(/\s+/).length;
  });
  const structure = await best(3, () => {
    for (const d of docs) analyzeDocument(d.text);
  });
  const folder = path.join(sharedDir, 'corpora', 'bbc');
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const threads = Math.max(2, Math.min(cores, 4));
  let report: ScanReport | undefined;
  let peakRss = process.memoryUsage().rss;
  const scanWith = (jobs: number) => async () => {
    const result = await scanFolder(folder, quiet, jobs);
    if (typeof result === 'number') throw new Error(`cannot scan ${folder}`);
    report = result.report;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  // Alternated, so that load from other work on the machine falls on both alike.
  let single: Timing = { ms: Infinity, cpuMs: 0 };
  let parallel: Timing = { ms: Infinity, cpuMs: 0 };
  // The first scan of this process runs mostly unoptimised code (only the structure pass above ran
  // before it), as a new `cli.js` process does: printed apart, it shows what warming the JIT costs.
  let firstSingle: Timing | undefined;
  for (let round = 0; round < 3; round++) {
    const s = await best(1, scanWith(1));
    firstSingle ??= s;
    if (s.ms < single.ms) single = s;
    const p = await best(1, scanWith(threads));
    if (p.ms < parallel.ms) parallel = p;
  }
  const cli = path.join(__dirname, 'cli.js');
  const processMs = (args: string[]): number => {
    const t0 = performance.now();
    const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = performance.now() - t0;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')}: exit ${result.status}: ${result.stderr}`);
    return ms;
  };
  const readAndSplit = `const fs=require('fs'),p=require('path');let n=0;const walk=(d)=>{for(const e of fs.readdirSync(d,{withFileTypes:true})){const f=p.join(d,e.name);if(e.isDirectory())walk(f);else n+=fs.readFileSync(f,'utf8').split(/\\s+/).length}};walk(${JSON.stringify(folder)});`;
  let processBaseline = Infinity;
  let processSingle = Infinity;
  let processParallel = Infinity;
  for (let round = 0; round < 3; round++) {
    processBaseline = Math.min(processBaseline, processMs(['-e', readAndSplit]));
    processSingle = Math.min(processSingle, processMs([cli, 'scan', folder, '--format', 'json', '--out', os.devNull, '--jobs', '1']));
    processParallel = Math.min(processParallel, processMs([cli, 'scan', folder, '--format', 'json', '--out', os.devNull, '--jobs', String(threads)]));
  }

  const split = scanSplit(folder);

  const shared = report!.documents.reduce((n, d) => n + d.shared.length, 0);
  const line = (t: Timing) =>
    `${(mb / (t.ms / 1000)).toFixed(1)} MB/s  (${(baseline.ms / t.ms).toFixed(3)}x baseline speed; ${t.ms.toFixed(0)} ms, CPU ${t.cpuMs.toFixed(0)} ms)`;
  const processLine = (ms: number) => `${(mb / (ms / 1000)).toFixed(1)} MB/s  (${(processBaseline / ms).toFixed(3)}x process baseline speed; ${ms.toFixed(0)} ms)`;
  console.log(`corpus: ${docs.length} files, ${mb.toFixed(2)} MB, ${words} words; ${cores} cores`);
  console.log(`baseline (split into words): ${(mb / (baseline.ms / 1000)).toFixed(1)} MB/s`);
  console.log(`article structure:          ${(mb / (structure.ms / 1000)).toFixed(1)} MB/s  (${(baseline.ms / structure.ms).toFixed(2)}x baseline speed)`);
  console.log(`whole scan, CLI path in this process, 1 thread:   ${line(single)}`);
  console.log(`whole scan, CLI path in this process, ${threads} workers: ${line(parallel)}`);
  console.log(`  the first 1-thread scan of this process (cold JIT): ${line(firstSingle!)}`);
  console.log(`process baseline (new node, read + split):        ${(mb / (processBaseline / 1000)).toFixed(1)} MB/s  (${processBaseline.toFixed(0)} ms)`);
  console.log(`whole scan, node dist/cli.js scan, --jobs 1:      ${processLine(processSingle)}`);
  console.log(`whole scan, node dist/cli.js scan, --jobs ${threads}:      ${processLine(processParallel)}`);
  console.log(`  report: ${report!.entities.length} entities, ${shared} shared passages; peak RSS ${(peakRss / 1e6).toFixed(0)} MB (this thread)`);
  console.log(`split of the one-thread scan (CPU ms, best of 3 per step): ${split.map(([step, ms]) => `${step} ${ms.toFixed(0)}`).join(', ')}`);
}

/**
 * The one-thread scan step by step (as `scanFolder` runs them): read the folder; analyse each article
 * (structure, entity recognition, quotes); index it for shared passages; resolve entity identities
 * (`entities()`); link quotes across documents, find each document's shared passages and build the
 * report (`report()`). CPU time of the process (GC included), best of 3 per step.
 */
function scanSplit(folder: string): [string, number][] {
  const steps: [string, number][] = [
    ['read', Infinity],
    ['per-document analysis', Infinity],
    ['passage index', Infinity],
    ['entity resolution', Infinity],
    ['quote links + shared passages + report', Infinity],
  ];
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  for (let run = 0; run < 3; run++) {
    let t = cpu();
    const lap = (i: number) => {
      const now = cpu();
      steps[i][1] = Math.min(steps[i][1], now - t);
      t = now;
    };
    const articles: { path: string; text: string }[] = [];
    for (const file of listArticleFiles(folder).files) {
      const read = readArticleFile(file.absPath);
      if (read.ok) articles.push({ path: file.path, text: read.text });
    }
    lap(0);
    const parts = articles.map((a) => analyzeText(a.text));
    lap(1);
    const corpus = new CorrectedCorpus();
    articles.forEach((a, i) => corpus.upsertAnalyzed(a.path, a.text, parts[i]));
    lap(2);
    corpus.entities();
    lap(3);
    corpus.report();
    lap(4);
  }
  return steps;
}
