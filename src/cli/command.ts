// The commands of `news-annotator` (cli.ts is the executable): the terminal front end of the same core the
// extension uses.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { anchorTarget, ANNOTATION_FILE_NAME, correctionSpans, formatProblem, parseAnnotationFile, type CorrectionSpan } from '../core/annotations';
import { CorrectedCorpus } from '../core/correctedCorpus';
import type { ScanReport } from '../core/model';
import { importPassim, parsePassimOutput, toPassimInput } from '../core/passim';
import { analyzeOnWorkers } from './analysisPool';
import { parseArgs, USAGE, UsageError, type ExportPassimArgs, type Jobs, type ScanArgs } from './args';
import { CorpusRootError, listArticleFiles, readArticleFile } from './corpusFiles';
import { formatTextReport } from './textReport';

declare const NEWS_ANNOTATOR_VERSION: string | undefined;

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * The command, synchronously, every article analysed on this thread (`--jobs` is left to `run`): for
 * callers that want a plain exit code. The report is the same either way.
 */
export function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): number {
  const args = commandArgs(argv, io);
  if (typeof args === 'number') return args;
  const loaded = loadCorpus(args.folder, io);
  return typeof loaded === 'number' ? loaded : finishCommand(args, loaded, io);
}

/** The command as `news-annotator` runs it: large folders are analysed on worker threads (`--jobs`). */
export async function run(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const args = commandArgs(argv, io);
  if (typeof args === 'number') return args;
  const loaded = await loadCorpusAsync(args.folder, io, args.jobs);
  return typeof loaded === 'number' ? loaded : finishCommand(args, loaded, io);
}

/**
 * A folder's scan report as the `scan` command makes it, before it is formatted (what bench/scan.ts
 * times). `jobs`: analysis threads, 1 for this thread only, `auto` as the command chooses.
 */
export async function scanFolder(folder: string, io: CliIo, jobs: Jobs = 'auto'): Promise<{ report: ScanReport; failures: number } | number> {
  const loaded = await loadCorpusAsync(folder, io, jobs);
  if (typeof loaded === 'number') return loaded;
  return { report: loaded.corpus.report(), failures: loaded.failures };
}

/** The parsed arguments of a scan or export, or the exit code when the command is already done. */
function commandArgs(argv: string[], io: CliIo): ScanArgs | ExportPassimArgs | number {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`news-annotator: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (args.command === 'help') {
    io.stdout.write(USAGE + '\n');
    return 0;
  }
  if (args.command === 'version') {
    io.stdout.write(`${typeof NEWS_ANNOTATOR_VERSION === 'string' ? NEWS_ANNOTATOR_VERSION : 'development'}\n`);
    return 0;
  }
  return args;
}

function finishCommand(args: ScanArgs | ExportPassimArgs, loaded: LoadedCorpus, io: CliIo): number {
  return args.command === 'export-passim' ? exportPassim(args, loaded, io) : scan(args, loaded, io);
}

interface LoadedCorpus {
  corpus: CorrectedCorpus;
  /** Files that could not be read (or listed). */
  failures: number;
}

interface ReadFolder extends LoadedCorpus {
  root: string;
  /** The articles read, in listing order, not yet in the corpus. */
  articles: { path: string; text: string }[];
}

/** Lists and reads the folder's articles and settings; the articles are added to the corpus by the caller. */
function readFolder(folder: string, io: CliIo): ReadFolder | number {
  const root = path.resolve(folder);
  let listing;
  try {
    listing = listArticleFiles(root);
  } catch (error) {
    if (error instanceof CorpusRootError) {
      io.stderr.write(`news-annotator: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  let failures = 0;
  for (const problem of listing.problems) {
    io.stderr.write(`news-annotator: skipped ${problem.path}: ${problem.message}\n`);
    if (problem.losesFiles) failures++;
  }
  const corpus = new CorrectedCorpus();
  failures += loadFolderSettings(corpus, root, io);
  const articles: { path: string; text: string }[] = [];
  for (const file of listing.files) {
    const result = readArticleFile(file.absPath);
    if (!result.ok) {
      io.stderr.write(`news-annotator: skipped ${file.path}: ${result.message}\n`);
      failures++;
      continue;
    }
    articles.push({ path: file.path, text: result.text });
  }
  return { root, corpus, failures, articles };
}

/** Reads every article under the folder into a corpus, analysing each on this thread. */
function loadCorpus(folder: string, io: CliIo): LoadedCorpus | number {
  const read = readFolder(folder, io);
  if (typeof read === 'number') return read;
  for (const { path: p, text } of read.articles) read.corpus.upsert(p, text);
  return withHandCorrections(read, io);
}

/** The same, the per-document analysis on worker threads when `jobs` says so. */
async function loadCorpusAsync(folder: string, io: CliIo, jobs: Jobs): Promise<LoadedCorpus | number> {
  const read = readFolder(folder, io);
  if (typeof read === 'number') return read;
  const { articles, corpus } = read;
  const threads = analysisThreads(jobs, articles);
  if (threads <= 1) for (const { path: p, text } of articles) corpus.upsert(p, text);
  else {
    await analyzeOnWorkers(
      articles.map((a) => a.text),
      threads,
      (i, parts) => {
        corpus.upsertAnalyzed(articles[i].path, articles[i].text, parts);
        // This thread is otherwise idle while the workers analyse: do the per-article part of the report now.
        corpus.prepareForReport(articles[i].path);
      },
    );
  }
  return withHandCorrections(read, io);
}

/**
 * Below this much text a scan stays on one thread: starting a worker (loading the analysers, a cold
 * JIT) costs about what analysing a few hundred kilobytes does.
 */
const PARALLEL_MIN_CHARS = 1_000_000;
/**
 * Fewer cores than this and workers lose (bench/scan.ts, 2 cores: 1.2-2.0x slower than one thread):
 * each worker warms its own JIT, and V8's background compiler and GC threads already use the second
 * core of a single-thread scan. More cores are left to the user (`--jobs`) until measured.
 */
const MIN_AUTO_CORES = 4;
/** More threads than this gain little: the corpus-wide half of a scan runs on one thread anyway. */
const MAX_AUTO_THREADS = 4;

/** How many analysis threads a scan of these articles uses (1: this thread, no workers). */
export function analysisThreads(jobs: Jobs, articles: readonly { text: string }[]): number {
  if (jobs !== 'auto') return Math.max(1, Math.floor(jobs));
  let chars = 0;
  for (const a of articles) chars += a.text.length;
  if (chars < PARALLEL_MIN_CHARS) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return cores >= MIN_AUTO_CORES ? Math.min(cores - 1, MAX_AUTO_THREADS) : 1;
}

function withHandCorrections(read: ReadFolder, io: CliIo): LoadedCorpus {
  const failures = read.failures + applyHandCorrections(read.corpus, read.root, io);
  return { corpus: read.corpus, failures };
}

function scan(args: ScanArgs, loaded: LoadedCorpus, io: CliIo): number {
  const { corpus, failures } = loaded;
  // Records that cannot be placed are warned about on stderr; only an unreadable output file fails.
  if (args.passim !== undefined && loadPassim(corpus, args.passim, io) < 0) return 1;
  const report = corpus.report();
  const output = args.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatTextReport(report, (p) => corpus.get(p)?.text);
  if (args.out) {
    fs.writeFileSync(args.out, output);
  } else {
    io.stdout.write(output);
  }
  if (failures > 0) io.stderr.write(`news-annotator: ${failures} file(s) could not be read; the report covers the other ${corpus.size}.\n`);
  return failures > 0 ? 1 : 0;
}

function exportPassim(args: ExportPassimArgs, loaded: LoadedCorpus, io: CliIo): number {
  const { corpus, failures } = loaded;
  const output = toPassimInput(corpus.paths().map((p) => ({ path: p, text: corpus.get(p)!.text, outlet: corpus.outletOf(p)?.outlet ?? null })));
  if (args.out) fs.writeFileSync(args.out, output);
  else io.stdout.write(output);
  if (failures > 0) io.stderr.write(`news-annotator: ${failures} file(s) could not be read; the export covers the other ${corpus.size}.\n`);
  return failures > 0 ? 1 : 0;
}

/** passim's output: a file, or a folder of part files (passim writes out.json/part-*), gzipped or not. */
function readPassimOutput(location: string): string {
  const stat = fs.statSync(location);
  if (!stat.isDirectory()) return readMaybeGzip(location);
  const nested = path.join(location, 'out.json');
  const dir = fs.existsSync(nested) && fs.statSync(nested).isDirectory() ? nested : location;
  return fs
    .readdirSync(dir)
    .filter((name) => !name.startsWith('.') && !name.startsWith('_') && !name.endsWith('.crc'))
    .sort()
    .filter((name) => fs.statSync(path.join(dir, name)).isFile())
    .map((name) => readMaybeGzip(path.join(dir, name)))
    .join('\n');
}

function readMaybeGzip(file: string): string {
  const bytes = fs.readFileSync(file);
  return (file.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('utf8');
}

/** Adds passim's clusters to the corpus; returns the number of problems (records skipped), or -1 when unreadable. */
function loadPassim(corpus: CorrectedCorpus, location: string, io: CliIo): number {
  let content: string;
  try {
    content = readPassimOutput(location);
  } catch (error) {
    io.stderr.write(`news-annotator: cannot read passim output ${location}: ${(error as Error).message}\n`);
    return -1;
  }
  const parsed = parsePassimOutput(content);
  for (const error of parsed.errors) io.stderr.write(`news-annotator: passim output: ${error}\n`);
  const imported = importPassim(parsed.records, (id) => corpus.get(id)?.text);
  for (const problem of imported.problems) io.stderr.write(`news-annotator: passim output: ${problem}\n`);
  corpus.setExternalPassages(imported.passages);
  return parsed.errors.length + imported.problems.length;
}

/** news-sources.json and news-entities.json at the folder root; a broken one is reported and ignored. */
function loadFolderSettings(corpus: CorrectedCorpus, root: string, io: CliIo): number {
  let problems = 0;
  const read = (name: string): string | undefined => {
    const file = path.join(root, name);
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      io.stderr.write(`news-annotator: cannot read ${name}: ${(error as Error).message}\n`);
      problems++;
      return undefined;
    }
  };
  const manifest = read('news-sources.json');
  if (manifest !== undefined) {
    for (const error of corpus.setManifest(manifest)) io.stderr.write(`news-annotator: news-sources.json: ${error}\n`);
  }
  const knowledge = read('news-entities.json');
  if (knowledge !== undefined) {
    const error = corpus.setKnowledge(knowledge);
    if (error) {
      io.stderr.write(`news-annotator: news-entities.json ignored: ${error}\n`);
      problems++;
    }
  }
  return problems;
}

/**
 * The fact-checker's corrections in .news-annotations.jsonld override the automatic layers in this scan
 * too. Each is anchored in the file's current text; one that no longer anchors is left out and said.
 */
function applyHandCorrections(corpus: CorrectedCorpus, root: string, io: CliIo): number {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, ANNOTATION_FILE_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    io.stderr.write(`news-annotator: cannot read ${ANNOTATION_FILE_NAME}: ${(error as Error).message}\n`);
    return 1;
  }
  const parsed = parseAnnotationFile(text);
  for (const problem of parsed.problems) io.stderr.write(`news-annotator: ${formatProblem(problem)}\n`);
  const byPath = new Map<string, CorrectionSpan[]>();
  let orphans = 0;
  for (const annotation of parsed.annotations) {
    if (!annotation.correction) continue;
    const source = corpus.get(annotation.target.source)?.text;
    const span = source === undefined ? null : anchorTarget(source, annotation.target);
    if (!span) {
      orphans++;
      continue;
    }
    const list = byPath.get(annotation.target.source) ?? [];
    list.push(...correctionSpans([{ annotation, span }]));
    byPath.set(annotation.target.source, list);
  }
  if (orphans) io.stderr.write(`news-annotator: ${orphans} correction(s) in ${ANNOTATION_FILE_NAME} no longer match their words and were not applied\n`);
  corpus.setCorrections(byPath);
  return parsed.corrupt ? 1 : 0;
}
