// Command-line parsing for `news-annotator`. Small enough that a parser library would cost more than it saves.

/** Threads analysing the articles: a number (1: no worker threads), or `auto` (by the folder's size and the cores). */
export type Jobs = number | 'auto';

export interface ScanArgs {
  command: 'scan';
  folder: string;
  format: 'json' | 'text';
  out?: string;
  /** passim output (JSON lines) whose clusters are added to the shared passages. */
  passim?: string;
  jobs: Jobs;
}

export interface ExportPassimArgs {
  command: 'export-passim';
  folder: string;
  out?: string;
  jobs: Jobs;
}

export type CliArgs = ScanArgs | ExportPassimArgs | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: news-annotator scan <folder> [--format json|text] [--out FILE] [--passim OUTPUT] [--jobs N|auto]
       news-annotator export-passim <folder> [--out FILE] [--jobs N|auto]

Reads every .txt, .md and .news file under <folder> (hidden folders and node_modules skipped)
and reports each article's paragraphs, quotes, entities and shared passages.

  --format json   the report in the news-annotator/scan@1 contract (see README)
  --format text   a readable summary (default)
  --out FILE      write the report to FILE instead of standard output
  --passim OUTPUT add the shared passages of passim's output (its out.json part files, JSON lines,
                  or a folder of them) to the report, marked "source": "passim"
  --jobs N|auto   worker threads analysing the articles (1: this thread only); auto (default) uses
                  them only with 4 cores or more and 1 MB of text or more. The report is the same.

export-passim writes the articles as passim input: JSON lines {"id", "series", "text"}, id = the
article's path, series = its outlet (else its top folder).
  --help          this text
  --version       the version

Exit code: 0 when every file was read, 1 when some file could not be, 2 on a usage error.`;

export function parseArgs(argv: string[]): CliArgs {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { command: 'help' };
  if (argv.includes('--version') || argv.includes('-v')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'scan' && command !== 'export-passim') throw new UsageError(`unknown command "${command}"`);
  let folder: string | undefined;
  let format: ScanArgs['format'] = 'text';
  let out: string | undefined;
  let passim: string | undefined;
  let jobs: Jobs = 'auto';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--jobs' || arg.startsWith('--jobs=') || arg === '-j') {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (value === 'auto') jobs = 'auto';
      else if (value !== undefined && /^[1-9][0-9]{0,2}$/.test(value)) jobs = Number(value);
      else throw new UsageError(`--jobs takes a number of threads (1 or more) or auto, not "${value ?? ''}"`);
    } else if (command === 'scan' && (arg === '--passim' || arg.startsWith('--passim='))) {
      passim = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (!passim) throw new UsageError('--passim needs a file name');
    } else if (command === 'scan' && (arg === '--format' || arg.startsWith('--format='))) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (value !== 'json' && value !== 'text') throw new UsageError(`--format takes json or text, not "${value ?? ''}"`);
      format = value;
    } else if (arg === '--out' || arg.startsWith('--out=')) {
      out = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (!out) throw new UsageError('--out needs a file name');
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option "${arg}"`);
    } else if (folder === undefined) {
      folder = arg;
    } else {
      throw new UsageError(`unexpected argument "${arg}"`);
    }
  }
  if (folder === undefined) throw new UsageError(`${command} needs a folder`);
  if (command === 'export-passim') return { command, folder, out, jobs };
  return { command: 'scan', folder, format, out, ...(passim !== undefined ? { passim } : {}), jobs };
}
