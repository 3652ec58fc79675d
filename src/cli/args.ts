// Command-line parsing for `news-annotator`. Small enough that a parser library would cost more than it saves.

export interface ScanArgs {
  command: 'scan';
  folder: string;
  format: 'json' | 'text';
  out?: string;
}

export type CliArgs = ScanArgs | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: news-annotator scan <folder> [--format json|text] [--out FILE]

Reads every .txt, .md and .news file under <folder> (hidden folders and node_modules skipped)
and reports each article's paragraphs, quotes, entities and shared passages.

  --format json   the report in the news-annotator/scan@1 contract (see README)
  --format text   a readable summary (default)
  --out FILE      write the report to FILE instead of standard output
  --help          this text
  --version       the version

Exit code: 0 when every file was read, 1 when some file could not be, 2 on a usage error.`;

export function parseArgs(argv: string[]): CliArgs {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { command: 'help' };
  if (argv.includes('--version') || argv.includes('-v')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'scan') throw new UsageError(`unknown command "${command}"`);
  let folder: string | undefined;
  let format: ScanArgs['format'] = 'text';
  let out: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--format' || arg.startsWith('--format=')) {
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
  if (folder === undefined) throw new UsageError('scan needs a folder');
  return { command: 'scan', folder, format, out };
}
