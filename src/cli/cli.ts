// `news-annotator`: the terminal front end of the same core the extension uses.
import * as fs from 'fs';
import * as path from 'path';
import { Corpus } from '../core/corpus';
import { parseArgs, USAGE, UsageError, type ScanArgs } from './args';
import { CorpusRootError, listArticleFiles, readArticleFile } from './corpusFiles';
import { formatTextReport } from './textReport';

declare const NEWS_ANNOTATOR_VERSION: string | undefined;

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): number {
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
  return scan(args, io);
}

function scan(args: ScanArgs, io: CliIo): number {
  const root = path.resolve(args.folder);
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
  const corpus = new Corpus();
  failures += loadFolderSettings(corpus, root, io);
  for (const file of listing.files) {
    const result = readArticleFile(file.absPath);
    if (!result.ok) {
      io.stderr.write(`news-annotator: skipped ${file.path}: ${result.message}\n`);
      failures++;
      continue;
    }
    corpus.upsert(file.path, result.text);
  }
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

/** news-sources.json and news-entities.json at the folder root; a broken one is reported and ignored. */
function loadFolderSettings(corpus: Corpus, root: string, io: CliIo): number {
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

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
