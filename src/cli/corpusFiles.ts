// Finding and reading the article files of a folder (Node only: the CLI, benchmarks, tests).
//
// Bad input never throws past these functions except a missing or unreadable ROOT folder (that is the
// caller's argument, so it is a `CorpusRootError` with a clear message). Everything else becomes data:
// a file that cannot be listed or read is a `problem`/`ok: false` result with a human message, so a scan
// can report it on stderr and still report every other file. Messages do not include the path; prefix it.
import * as fs from 'fs';
import * as path from 'path';
import {
  DEFAULT_MAX_BYTES,
  decodeArticleBytes,
  DecodedText,
  DecodeFailureReason,
  formatByteSize,
} from '../core/textDecoding';

export { DEFAULT_MAX_BYTES };

/** File extensions read as articles (compared case-insensitively). */
export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.md', '.news'];

export interface ListOptions {
  /** Default `ARTICLE_EXTENSIONS`. With or without the leading dot. */
  extensions?: readonly string[];
  /** Folder names never entered, besides hidden ones. Default `['node_modules']`. */
  skipDirs?: readonly string[];
  /** Also list hidden files and enter hidden folders (names starting with "."). Default false. */
  includeHidden?: boolean;
  /** Follow symbolic links to files and folders (loops are detected). Default true. */
  followSymlinks?: boolean;
}

export interface ArticleFileEntry {
  /** Relative to the root, forward slashes, e.g. `wire/ap/001.txt`. */
  path: string;
  absPath: string;
  /** Size in bytes when listed (the file may change before it is read). */
  size: number;
}

/**
 * `unreadable-folder`, `broken-link` (to something named like an article) and `unreadable-entry` mean
 * articles may be missing; `link-loop` (a link to itself or to a folder above it) and `duplicate-folder`
 * (a second path to a folder already listed) lose nothing.
 */
export type ListProblemCode = 'unreadable-folder' | 'broken-link' | 'link-loop' | 'duplicate-folder' | 'unreadable-entry';

export interface ListProblem {
  path: string;
  absPath: string;
  code: ListProblemCode;
  message: string;
  /** True when articles may be missing from the listing because of it (a scan should then not exit 0). */
  losesFiles: boolean;
}

export interface ListResult {
  /** Sorted by `path` (UTF-16 code unit order, independent of locale and file system order). */
  files: ArticleFileEntry[];
  /** Things that were skipped and that a user may want to know about; also sorted by `path`. */
  problems: ListProblem[];
}

/** The root given to `listArticleFiles` does not exist, is not a folder, or cannot be read. */
export class CorpusRootError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly root: string,
  ) {
    super(message);
    this.name = 'CorpusRootError';
  }
}

/**
 * Every article file under `root` (`.txt`, `.md`, `.news` by default), skipping hidden files and folders and
 * `node_modules`, following symbolic links without ever entering the same real folder twice (so link loops
 * end). Throws `CorpusRootError` only when `root` itself is missing, not a folder, or unreadable.
 */
export function listArticleFiles(root: string, options: ListOptions = {}): ListResult {
  const extensions = new Set(
    (options.extensions ?? ARTICLE_EXTENSIONS).map((e) => (e.startsWith('.') ? e : '.' + e).toLowerCase()),
  );
  const skipDirs = new Set(options.skipDirs ?? ['node_modules']);
  const includeHidden = options.includeHidden ?? false;
  const followSymlinks = options.followSymlinks ?? true;
  const absRoot = path.resolve(root);

  let rootStat: fs.Stats;
  try {
    rootStat = fs.statSync(absRoot);
  } catch (err) {
    const code = errorCode(err);
    const what =
      code === 'ENOENT'
        ? 'folder not found'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied for folder'
          : code === 'ELOOP'
            ? 'folder path is a symbolic link loop'
            : `cannot open folder (${code})`;
    throw new CorpusRootError(`${what}: ${absRoot}`, code, absRoot);
  }
  if (!rootStat.isDirectory()) {
    throw new CorpusRootError(`not a folder: ${absRoot}`, 'ENOTDIR', absRoot);
  }

  const files: ArticleFileEntry[] = [];
  const problems: ListProblem[] = [];
  const visited = new Set<string>();
  const isArticle = (name: string) => extensions.has(path.extname(name).toLowerCase());

  const walk = (absDir: string, relDir: string, parentReal: string | null): void => {
    const isRoot = parentReal === null;
    let real: string;
    try {
      real = fs.realpathSync(absDir);
    } catch (err) {
      problems.push(problem(relDir, absDir, 'unreadable-folder', `cannot resolve folder (${errorCode(err)}); skipped`));
      return;
    }
    if (visited.has(real)) {
      // A link back to a folder already listed: skip it so the walk ends and no file is reported twice.
      if (parentReal !== null) {
        const loop = parentReal === real || parentReal.startsWith(real.endsWith(path.sep) ? real : real + path.sep);
        problems.push(
          loop
            ? problem(relDir, absDir, 'link-loop', `links back to a folder that contains it (${real}); skipped`)
            : problem(relDir, absDir, 'duplicate-folder', `links to a folder that is already listed (${real}); skipped`),
        );
      }
      return;
    }
    visited.add(real);

    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absDir, { withFileTypes: true });
    } catch (err) {
      const code = errorCode(err);
      if (isRoot) throw new CorpusRootError(`cannot read folder (${code}): ${absDir}`, code, absDir);
      problems.push(problem(relDir, absDir, 'unreadable-folder', `cannot read folder (${code}); its files are missing`));
      return;
    }
    // Sorted, so that when two paths lead to the same folder the same one is listed on every machine.
    entries.sort((a, b) => compare(a.name, b.name));
    for (const entry of entries) {
      const name = entry.name;
      if (!includeHidden && name.startsWith('.')) continue;
      const abs = path.join(absDir, name);
      const rel = relDir ? `${relDir}/${name}` : name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let size = -1;
      if (entry.isSymbolicLink()) {
        if (!followSymlinks) continue;
        try {
          const target = fs.statSync(abs);
          isDir = target.isDirectory();
          isFile = target.isFile();
          size = target.size;
        } catch (err) {
          const code = errorCode(err);
          // Only worth a message when the link looks like an article (or a loop of links).
          if (isArticle(name) || code === 'ELOOP') {
            problems.push(
              code === 'ELOOP'
                ? problem(rel, abs, 'link-loop', 'symbolic link loop (the link points back to itself); skipped')
                : problem(rel, abs, 'broken-link', `symbolic link to a missing file (${code}); skipped`),
            );
          }
          continue;
        }
      }
      if (isDir) {
        if (skipDirs.has(name)) continue;
        walk(abs, rel, real);
      } else if (isFile && isArticle(name)) {
        if (size < 0) {
          try {
            size = fs.statSync(abs).size;
          } catch (err) {
            const code = errorCode(err);
            if (code === 'ENOENT') continue; // deleted while listing: it is simply not there any more
            problems.push(problem(rel, abs, 'unreadable-entry', `cannot inspect file (${code}); skipped`));
            continue;
          }
        }
        files.push({ path: rel, absPath: abs, size });
      }
    }
  };

  walk(absRoot, '', null);
  files.sort((a, b) => compare(a.path, b.path));
  problems.sort((a, b) => compare(a.path, b.path));
  return { files, problems };
}

export type ReadFailureReason =
  | DecodeFailureReason
  | 'not-found'
  | 'permission-denied'
  | 'is-directory'
  | 'not-a-file'
  | 'changed-while-reading'
  | 'io-error';

export interface ArticleReadFailure {
  ok: false;
  reason: ReadFailureReason;
  /** Human sentence without the file name. */
  message: string;
  /** The Node error code (`ENOENT`, `EACCES`, …) when the failure came from the file system. */
  code?: string;
  byteOffset?: number;
}

export type ArticleReadResult = DecodedText | ArticleReadFailure;

export interface ReadOptions {
  /** Files larger than this are not read (checked before reading). Default `DEFAULT_MAX_BYTES` (5 MB). */
  maxBytes?: number;
  /** Test hook: called after each read attempt, before the file is checked for a concurrent change. */
  afterReadForTest?: (attempt: number) => void;
}

const MAX_READ_ATTEMPTS = 3;

/**
 * Reads and decodes one article file. Never throws for file problems: a file deleted since it was listed,
 * unreadable, a folder, too large (checked with `fstat` before any byte is read), binary, invalid UTF-8 or
 * changed while being read (size or modification time moved; retried, then reported) becomes
 * `{ ok: false, reason, message }`.
 */
export function readArticleFile(absPath: string, options: ReadOptions = {}): ArticleReadResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for (let attempt = 1; attempt <= MAX_READ_ATTEMPTS; attempt++) {
    let fd: number;
    try {
      // O_NONBLOCK: opening a named pipe must not wait for a writer (fstat then refuses it); no effect on
      // regular files. Windows has no such flag.
      fd = fs.openSync(absPath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    } catch (err) {
      return fsFailure(err);
    }
    try {
      const before = fs.fstatSync(fd);
      if (before.isDirectory()) {
        return { ok: false, reason: 'is-directory', code: 'EISDIR', message: 'is a folder, not a file' };
      }
      if (!before.isFile()) {
        return {
          ok: false,
          reason: 'not-a-file',
          message: 'is not a regular file (a device, socket or pipe); not read',
        };
      }
      if (before.size > maxBytes) {
        return tooLarge(before.size, maxBytes);
      }
      const bytes = readAll(fd, maxBytes + 1, before.size);
      options.afterReadForTest?.(attempt);
      if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
      let after: fs.Stats;
      try {
        after = fs.statSync(absPath);
      } catch (err) {
        if (errorCode(err) === 'ENOENT') {
          return {
            ok: false,
            reason: 'not-found',
            code: 'ENOENT',
            message: 'was deleted or renamed while it was being read',
          };
        }
        return fsFailure(err);
      }
      const changed =
        after.size !== bytes.length || after.mtimeMs !== before.mtimeMs || after.ino !== before.ino;
      if (changed) {
        if (attempt < MAX_READ_ATTEMPTS) continue;
        return {
          ok: false,
          reason: 'changed-while-reading',
          message: `kept changing while it was being read (${MAX_READ_ATTEMPTS} attempts); try again when it is saved`,
        };
      }
      return decodeArticleBytes(bytes, { maxBytes });
    } catch (err) {
      return fsFailure(err);
    } finally {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed or gone: nothing to release
      }
    }
  }
  /* istanbul ignore next: the loop always returns */
  return { ok: false, reason: 'io-error', message: 'could not be read' };
}

/**
 * Every byte up to EOF (or `limit`). The first read asks for the size fstat gave plus one (a file that
 * has not grown is read at once and its end seen by the next read), not a fixed 64 KiB: a corpus of
 * small articles made 64 KiB of garbage per file, which forced garbage collections of its own.
 */
function readAll(fd: number, limit: number, sizeHint = 0): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunkSize = 1 << 16;
  let next = Math.max(1, Math.min(sizeHint + 1, chunkSize));
  while (total < limit) {
    const buf = Buffer.allocUnsafe(Math.min(next, limit - total));
    next = chunkSize;
    // Fill this buffer before making another: the read that sees EOF uses its spare byte.
    let filled = 0;
    let eof = false;
    while (filled < buf.length) {
      const n = fs.readSync(fd, buf, filled, buf.length - filled, null);
      if (n === 0) {
        eof = true;
        break;
      }
      filled += n;
    }
    if (filled > 0) chunks.push(filled === buf.length ? buf : buf.subarray(0, filled));
    total += filled;
    if (eof) break;
  }
  const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  return new Uint8Array(all.buffer, all.byteOffset, all.length);
}

function tooLarge(size: number, maxBytes: number): ArticleReadFailure {
  return {
    ok: false,
    reason: 'too-large',
    message: `file is ${formatByteSize(size)}, over the size limit of ${formatByteSize(maxBytes)}; not read`,
  };
}

function fsFailure(err: unknown): ArticleReadFailure {
  const code = errorCode(err);
  switch (code) {
    case 'ENOENT':
      return { ok: false, reason: 'not-found', code, message: 'no longer exists (deleted or renamed since it was listed?)' };
    case 'EACCES':
    case 'EPERM':
      return { ok: false, reason: 'permission-denied', code, message: 'permission denied: the file cannot be read' };
    case 'EISDIR':
      return { ok: false, reason: 'is-directory', code, message: 'is a folder, not a file' };
    case 'ELOOP':
      return { ok: false, reason: 'not-found', code, message: 'is a symbolic link loop' };
    default:
      return {
        ok: false,
        reason: 'io-error',
        code,
        message: `could not be read (${code}: ${err instanceof Error ? err.message : String(err)})`,
      };
  }
}

function problem(rel: string, abs: string, code: ListProblemCode, message: string): ListProblem {
  const losesFiles = code !== 'link-loop' && code !== 'duplicate-folder';
  return { path: rel || '.', absPath: abs, code, message, losesFiles };
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'EIO';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
