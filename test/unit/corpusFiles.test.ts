import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  ArticleReadResult,
  CorpusRootError,
  listArticleFiles,
  readArticleFile,
  DEFAULT_MAX_BYTES,
} from '../../src/cli/corpusFiles';
import { seedsDir } from './sharedFiles';

function makeTree(files: Record<string, string | Uint8Array>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'news-corpus-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return root;
}

function expectFailure(r: ArticleReadResult, reason: string): string {
  if (r.ok) assert.fail(`expected ${reason}, got ok`);
  assert.strictEqual(r.reason, reason, r.message);
  assert.ok(r.message.length > 10, 'message should say something');
  return r.message;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Root reads everything whatever the mode bits, so permission tests run the code in a child process as
 * `nobody` (uid 65534) when the suite runs as root. Returns the child's JSON output.
 */
function runAsNobody(expression: string): unknown {
  const modulePath = require.resolve('../../src/cli/corpusFiles');
  const script = `const m = require(${JSON.stringify(modulePath)}); process.stdout.write(JSON.stringify(${expression}));`;
  const out = execFileSync(process.execPath, ['-e', script], { uid: 65534, gid: 65534, encoding: 'utf8' });
  return JSON.parse(out);
}

describe('corpusFiles: listArticleFiles', () => {
  const roots: string[] = [];
  const tree = (files: Record<string, string | Uint8Array>) => {
    const root = makeTree(files);
    roots.push(root);
    return root;
  };
  after(() => {
    for (const root of roots) {
      try {
        fs.chmodSync(root, 0o755);
        fs.rmSync(root, { recursive: true, force: true });
      } catch {
        // best effort
      }
    }
  });

  it('lists .txt, .md and .news files, sorted, relative with forward slashes', () => {
    const root = tree({
      'b.txt': 'b',
      'a.news': 'a',
      'notes.md': 'm',
      'image.png': 'x',
      'README': 'no extension',
      'wire/ap/002.txt': '2',
      'wire/ap/001.TXT': '1',
      'wire/reuters/z.news': 'z',
    });
    const { files, problems } = listArticleFiles(root);
    assert.deepStrictEqual(
      files.map((f) => f.path),
      ['a.news', 'b.txt', 'notes.md', 'wire/ap/001.TXT', 'wire/ap/002.txt', 'wire/reuters/z.news'],
    );
    assert.deepStrictEqual(problems, []);
    const first = files[0];
    assert.strictEqual(first.absPath, path.join(root, 'a.news'));
    assert.strictEqual(first.size, 1);
  });

  it('skips hidden folders, hidden files and node_modules', () => {
    const root = tree({
      'keep.txt': 'k',
      '.git/HEAD.txt': 'x',
      '.cache/a.txt': 'x',
      '._mac-resource-fork.txt': 'x',
      'node_modules/pkg/readme.md': 'x',
      'sub/node_modules/x.txt': 'x',
      'sub/keep2.md': 'k',
    });
    assert.deepStrictEqual(
      listArticleFiles(root).files.map((f) => f.path),
      ['keep.txt', 'sub/keep2.md'],
    );
    assert.deepStrictEqual(
      listArticleFiles(root, { includeHidden: true, skipDirs: [] }).files.map((f) => f.path),
      ['._mac-resource-fork.txt', '.cache/a.txt', '.git/HEAD.txt', 'keep.txt', 'node_modules/pkg/readme.md', 'sub/keep2.md', 'sub/node_modules/x.txt'],
    );
  });

  it('honours a custom extension list, with or without dots', () => {
    const root = tree({ 'a.txt': 'a', 'b.html': 'b', 'c.htm': 'c' });
    assert.deepStrictEqual(
      listArticleFiles(root, { extensions: ['html', '.htm'] }).files.map((f) => f.path),
      ['b.html', 'c.htm'],
    );
  });

  it('survives symlink loops and lists each real folder once', () => {
    const root = tree({ 'a/one.txt': '1', 'b/two.txt': '2' });
    fs.symlinkSync('..', path.join(root, 'a', 'up')); // a/up -> root: a loop
    fs.symlinkSync(path.join(root, 'a'), path.join(root, 'b', 'to-a')); // second path to a/
    fs.symlinkSync('self.txt', path.join(root, 'self.txt')); // a link to itself
    fs.symlinkSync('loop2.txt', path.join(root, 'loop1.txt'));
    fs.symlinkSync('loop1.txt', path.join(root, 'loop2.txt'));
    const { files, problems } = listArticleFiles(root);
    assert.deepStrictEqual(files.map((f) => f.path), ['a/one.txt', 'b/two.txt']);
    const byPath = new Map(problems.map((p) => [p.path, p]));
    assert.strictEqual(byPath.get('a/up')?.code, 'link-loop');
    assert.strictEqual(byPath.get('b/to-a')?.code, 'duplicate-folder');
    assert.strictEqual(byPath.get('self.txt')?.code, 'link-loop');
    assert.strictEqual(byPath.get('loop1.txt')?.code, 'link-loop');
    assert.match(byPath.get('self.txt')!.message, /loop/);
    assert.ok(problems.every((p) => !p.losesFiles), 'loops and duplicates lose no file');
  });

  it('follows a symlink to a folder outside the root, and to a file', () => {
    const outside = tree({ 'far.txt': 'far away' });
    const root = tree({ 'near.txt': 'near' });
    fs.symlinkSync(outside, path.join(root, 'linked'));
    fs.symlinkSync(path.join(root, 'near.txt'), path.join(root, 'alias.news'));
    const { files } = listArticleFiles(root);
    assert.deepStrictEqual(files.map((f) => f.path), ['alias.news', 'linked/far.txt', 'near.txt']);
    assert.strictEqual(files[0].size, 4);
    assert.deepStrictEqual(
      listArticleFiles(root, { followSymlinks: false }).files.map((f) => f.path),
      ['near.txt'],
    );
  });

  it('reports a dangling symlink that looks like an article, ignores other dangling links', () => {
    const root = tree({ 'ok.txt': 'ok' });
    fs.symlinkSync(path.join(root, 'gone.txt'), path.join(root, 'dangling.txt'));
    fs.symlinkSync(path.join(root, 'gone'), path.join(root, 'dangling-dir'));
    const { files, problems } = listArticleFiles(root);
    assert.deepStrictEqual(files.map((f) => f.path), ['ok.txt']);
    assert.deepStrictEqual(problems.map((p) => [p.path, p.code, p.losesFiles]), [['dangling.txt', 'broken-link', true]]);
  });

  it('a missing root folder is a clear CorpusRootError', () => {
    const missing = path.join(os.tmpdir(), 'news-corpus-does-not-exist-' + process.pid);
    assert.throws(
      () => listArticleFiles(missing),
      (err: unknown) =>
        err instanceof CorpusRootError &&
        err.code === 'ENOENT' &&
        err.message === `folder not found: ${missing}`,
    );
  });

  it('a root that is a file is a clear CorpusRootError', () => {
    const root = tree({ 'a.txt': 'a' });
    assert.throws(
      () => listArticleFiles(path.join(root, 'a.txt')),
      (err: unknown) => err instanceof CorpusRootError && err.code === 'ENOTDIR' && /not a folder/.test(err.message),
    );
  });

  it('reports an unreadable subfolder and still lists the rest', () => {
    const root = tree({ 'ok.txt': 'ok', 'locked/secret.txt': 's' });
    fs.chmodSync(root, 0o755);
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    try {
      const { files, problems } = (
        isRoot ? runAsNobody(`m.listArticleFiles(${JSON.stringify(root)})`) : listArticleFiles(root)
      ) as ReturnType<typeof listArticleFiles>;
      assert.deepStrictEqual(files.map((f) => f.path), ['ok.txt']);
      assert.deepStrictEqual(problems.map((p) => [p.path, p.code, p.losesFiles]), [['locked', 'unreadable-folder', true]]);
    } finally {
      fs.chmodSync(path.join(root, 'locked'), 0o755);
    }
  });

  it('lists the seed folder deterministically', () => {
    const a = listArticleFiles(seedsDir()).files.map((f) => f.path);
    const b = listArticleFiles(seedsDir()).files.map((f) => f.path);
    assert.strictEqual(a.length, 5);
    assert.deepStrictEqual(a, b);
    assert.deepStrictEqual(a, [...a].sort());
  });
});

describe('corpusFiles: readArticleFile', () => {
  let root = '';
  before(() => {
    root = makeTree({
      'plain.txt': 'TOKYO (AP) — “We are standing,” she said.\n',
      'crlf.txt': 'Headline\r\n\r\nBody\r\n',
      'cr.txt': 'Headline\r\rBody\r',
      'empty.txt': '',
      'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('With BOM\n')]),
      'utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Tōkyō “quote”\r\n', 'utf16le')]),
      'utf16be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Tōkyō “quote”\r\n', 'utf16le').swap16()]),
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'latin1.txt': Buffer.from('Le café noir\n', 'latin1'),
      'dir.txt/inner.txt': 'a folder named like a file',
    });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  const at = (rel: string) => path.join(root, rel);

  it('reads UTF-8 text exactly', () => {
    const r = readArticleFile(at('plain.txt'));
    assert.ok(r.ok);
    assert.strictEqual(r.text, 'TOKYO (AP) — “We are standing,” she said.\n');
    assert.strictEqual(r.encoding, 'utf-8');
  });

  it('keeps CRLF and lone CR as they are', () => {
    const crlf = readArticleFile(at('crlf.txt'));
    assert.ok(crlf.ok);
    assert.strictEqual(crlf.text, 'Headline\r\n\r\nBody\r\n');
    assert.strictEqual(crlf.lineEndings, 'crlf');
    const cr = readArticleFile(at('cr.txt'));
    assert.ok(cr.ok);
    assert.strictEqual(cr.text, 'Headline\r\rBody\r');
    assert.strictEqual(cr.lineEndings, 'cr');
  });

  it('reads an empty file as empty text', () => {
    const r = readArticleFile(at('empty.txt'));
    assert.ok(r.ok);
    assert.strictEqual(r.text, '');
    assert.strictEqual(r.lineEndings, 'none');
  });

  it('strips the UTF-8 BOM and decodes UTF-16LE/BE with BOM', () => {
    const bom = readArticleFile(at('bom.txt'));
    assert.ok(bom.ok && bom.hadBom);
    assert.strictEqual(bom.text, 'With BOM\n');
    for (const [file, enc] of [['utf16le.txt', 'utf-16le'], ['utf16be.txt', 'utf-16be']] as const) {
      const r = readArticleFile(at(file));
      assert.ok(r.ok, file);
      assert.strictEqual(r.text, 'Tōkyō “quote”\r\n', file);
      assert.strictEqual(r.encoding, enc);
    }
  });

  it('refuses a binary file with a clear message', () => {
    const message = expectFailure(readArticleFile(at('binary.txt')), 'binary');
    assert.match(message, /binary.*byte offset 8/);
  });

  it('refuses invalid UTF-8 with the byte offset', () => {
    const message = expectFailure(readArticleFile(at('latin1.txt')), 'invalid-utf8');
    assert.match(message, /byte offset 6/);
  });

  it('a file deleted between listing and reading is not-found, not a crash', () => {
    const dir = makeTree({ 'a.txt': 'a', 'b.txt': 'b' });
    try {
      const { files } = listArticleFiles(dir);
      fs.unlinkSync(files[1].absPath);
      const results = files.map((f) => readArticleFile(f.absPath));
      assert.ok(results[0].ok);
      const message = expectFailure(results[1], 'not-found');
      assert.match(message, /no longer exists/);
      assert.strictEqual(!results[1].ok && results[1].code, 'ENOENT');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file deleted while being read is reported', () => {
    const dir = makeTree({ 'a.txt': 'soon gone' });
    try {
      const r = readArticleFile(path.join(dir, 'a.txt'), {
        afterReadForTest: () => fs.unlinkSync(path.join(dir, 'a.txt')),
      });
      assert.match(expectFailure(r, 'not-found'), /deleted or renamed while/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file rewritten while being read is read again, and reported if it keeps changing', () => {
    const dir = makeTree({ 'a.txt': 'first version' });
    const file = path.join(dir, 'a.txt');
    try {
      let calls = 0;
      const once = readArticleFile(file, {
        afterReadForTest: () => {
          if (calls++ === 0) fs.writeFileSync(file, 'second, longer version');
        },
      });
      assert.ok(once.ok);
      assert.strictEqual(once.text, 'second, longer version');
      assert.strictEqual(calls, 2);

      let n = 0;
      const always = readArticleFile(file, {
        afterReadForTest: () => fs.writeFileSync(file, 'x'.repeat(++n)),
      });
      assert.match(expectFailure(always, 'changed-while-reading'), /kept changing/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a folder is is-directory (EISDIR)', () => {
    const message = expectFailure(readArticleFile(at('dir.txt')), 'is-directory');
    assert.match(message, /folder/);
  });

  it('a missing path is not-found (ENOENT)', () => {
    expectFailure(readArticleFile(at('never-existed.txt')), 'not-found');
  });

  it('an unreadable file is permission-denied (EACCES)', () => {
    const dir = makeTree({ 'secret.txt': 'x' });
    fs.chmodSync(dir, 0o755);
    const file = path.join(dir, 'secret.txt');
    fs.chmodSync(file, 0o000);
    try {
      const r = (
        isRoot ? runAsNobody(`m.readArticleFile(${JSON.stringify(file)})`) : readArticleFile(file)
      ) as ArticleReadResult;
      assert.match(expectFailure(r, 'permission-denied'), /permission denied/);
      assert.strictEqual(!r.ok && r.code, 'EACCES');
    } finally {
      fs.chmodSync(file, 0o644);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks the size limit before reading (default 5 MB)', () => {
    assert.strictEqual(DEFAULT_MAX_BYTES, 5 * 1024 * 1024);
    const dir = makeTree({});
    const big = path.join(dir, 'big.txt');
    // A sparse 6 MB file: over the default limit without writing 6 MB.
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 6 * 1024 * 1024);
    fs.closeSync(fd);
    try {
      let readHappened = false;
      const r = readArticleFile(big, { afterReadForTest: () => (readHappened = true) });
      assert.match(expectFailure(r, 'too-large'), /6 MB, over the size limit of 5 MB/);
      assert.strictEqual(readHappened, false, 'must not read a file over the limit');
      const small = readArticleFile(path.join(root, 'plain.txt'), { maxBytes: 10 });
      expectFailure(small, 'too-large');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a 2 MB single-line file exactly', () => {
    const line = 'Japan is home to more than 50,000 U.S. troops, “a historic turning point” — ';
    const text = line.repeat(Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(line)));
    const dir = makeTree({ 'long.txt': text });
    try {
      const r = readArticleFile(path.join(dir, 'long.txt'));
      assert.ok(r.ok);
      assert.strictEqual(r.text.length, text.length);
      assert.strictEqual(r.text, text);
      assert.strictEqual(r.lineEndings, 'none');
      assert.ok(r.byteLength > 2 * 1024 * 1024);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a named pipe is refused without blocking', function () {
    if (process.platform === 'win32') this.skip();
    const dir = makeTree({});
    const fifo = path.join(dir, 'pipe.txt');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      fs.rmSync(dir, { recursive: true, force: true });
      this.skip();
    }
    try {
      // Listing ignores it (not a regular file); reading it directly says what it is.
      assert.deepStrictEqual(listArticleFiles(dir).files, []);
      assert.match(expectFailure(readArticleFile(fifo), 'not-a-file'), /not a regular file/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
