// The AnnotationStore (src/extension/annotations/store.ts) against a small in-memory stand-in for the
// parts of the `vscode` API it uses (workspace.fs, file watchers, events), so failures can be injected:
// a write or rename that fails, a hand-broken file, two windows writing the same file, a git checkout.
// The real VS Code runs the same store in test/vscode/annotations.test.ts.
import * as assert from 'assert';
import Module = require('module');
import { parseAnnotationFile, serializeAnnotationFile, type HandAnnotation, type MergeResult, type Problem } from '../../src/core/annotations';

// ---- a minimal `vscode` --------------------------------------------------------------------------
class Uri {
  constructor(readonly path: string) {}
  static file(p: string) {
    return new Uri(p);
  }
  static joinPath(base: Uri, ...parts: string[]) {
    return new Uri([base.path.replace(/\/$/, ''), ...parts].join('/'));
  }
  get fsPath() {
    return this.path;
  }
  toString() {
    return `file://${this.path}`;
  }
}
class FileSystemError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (l: (e: T) => void) => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T) {
    for (const l of [...this.listeners]) l(e);
  }
  dispose() {
    this.listeners = [];
  }
}
class RelativePattern {
  constructor(
    readonly base: { uri: Uri },
    readonly pattern: string,
  ) {}
}

class MemoryFs {
  files = new Map<string, Uint8Array>();
  failWrite: ((path: string) => boolean) | undefined;
  failRename = false;
  deliverEvents = true;
  watchers: { path: string; fire: () => void }[] = [];
  private notify(path: string) {
    if (!this.deliverEvents) return;
    for (const w of this.watchers) if (w.path === path) setTimeout(w.fire, 0);
  }
  text(path: string) {
    const b = this.files.get(path);
    return b && new TextDecoder().decode(b);
  }
  put(path: string, text: string) {
    this.files.set(path, new TextEncoder().encode(text));
    this.notify(path);
  }
  api = {
    readFile: async (uri: Uri) => {
      const b = this.files.get(uri.path);
      if (!b) throw new FileSystemError('not found', 'FileNotFound');
      return b;
    },
    writeFile: async (uri: Uri, content: Uint8Array) => {
      if (this.failWrite?.(uri.path)) {
        // A full disk: part of the content lands, then the write fails.
        this.files.set(uri.path, content.slice(0, Math.floor(content.length / 2)));
        throw new FileSystemError('ENOSPC: no space left on device', 'Unknown');
      }
      this.files.set(uri.path, content);
      this.notify(uri.path);
    },
    rename: async (from: Uri, to: Uri, _options?: { overwrite?: boolean }) => {
      if (this.failRename) throw new FileSystemError('EPERM: rename failed', 'NoPermissions');
      const b = this.files.get(from.path);
      if (!b) throw new FileSystemError('not found', 'FileNotFound');
      this.files.delete(from.path);
      this.files.set(to.path, b);
      this.notify(to.path);
    },
    delete: async (uri: Uri) => {
      if (!this.files.delete(uri.path)) throw new FileSystemError('not found', 'FileNotFound');
    },
    stat: async (uri: Uri) => {
      const b = this.files.get(uri.path);
      if (!b) throw new FileSystemError('not found', 'FileNotFound');
      return { mtime: 0, size: b.length };
    },
  };
}

const memfs = new MemoryFs();
const vscodeMock = {
  Uri,
  FileSystemError,
  EventEmitter,
  RelativePattern,
  workspace: {
    isTrusted: true,
    onDidGrantWorkspaceTrust: () => ({ dispose() {} }),
    fs: memfs.api,
    createFileSystemWatcher(pattern: RelativePattern) {
      const change = new EventEmitter<Uri>();
      const path = `${pattern.base.uri.path}/${pattern.pattern}`;
      const entry = { path, fire: () => change.fire(new Uri(path)) };
      memfs.watchers.push(entry);
      return {
        onDidChange: change.event,
        onDidCreate: () => ({ dispose() {} }),
        onDidDelete: () => ({ dispose() {} }),
        dispose: () => (memfs.watchers = memfs.watchers.filter((w) => w !== entry)),
      };
    },
  },
};

// Load the store with `vscode` resolved to the stand-in (only for this require).
type StoreModule = typeof import('../../src/extension/annotations/store');
function loadStore(): StoreModule {
  const M = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = M._load;
  M._load = function (request: string, parent: unknown, isMain: boolean) {
    if (request === 'vscode') return vscodeMock;
    return original.call(this, request, parent, isMain);
  };
  try {
    return require('../../src/extension/annotations/store') as StoreModule;
  } finally {
    M._load = original;
  }
}

// ---- helpers -------------------------------------------------------------------------------------
const FOLDER = '/ws';
const FILE = `${FOLDER}/.news-annotations.jsonld`;
const folder = { uri: new Uri(FOLDER), name: 'ws', index: 0 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ann(id: string, start: number, comment = id, modified = '2026-11-21T10:00:00.000Z'): HandAnnotation {
  return {
    id,
    created: '2026-11-21T10:00:00.000Z',
    modified,
    kind: 'Note',
    comment,
    target: { source: 'a.txt', exact: 'words', prefix: '', suffix: '', start, end: start + 5 },
  };
}

class Host {
  corrupt: Problem[][] = [];
  merged: MergeResult[] = [];
  failures: unknown[] = [];
  api = {
    corrupt: (_s: unknown, p: Problem[]) => void this.corrupt.push(p),
    merged: (_s: unknown, r: MergeResult) => void this.merged.push(r),
    writeFailed: (_s: unknown, e: unknown) => void this.failures.push(e),
  };
}

const ids = (list: HandAnnotation[]) => list.map((a) => a.id).sort();
const onDisk = () => parseAnnotationFile(memfs.text(FILE) ?? '');

describe('annotations: the store (atomic writes, damaged files, outside changes)', () => {
  const { AnnotationStore } = loadStore();
  const open: { dispose(): void }[] = [];
  const newStore = (host = new Host()) => {
    const s = new AnnotationStore(folder as never, host.api as never, { saveDelayMs: 10_000, verifyDelayMs: 5 });
    open.push(s);
    return { store: s, host };
  };

  beforeEach(() => {
    memfs.files.clear();
    memfs.failWrite = undefined;
    memfs.failRename = false;
    memfs.deliverEvents = true;
  });
  afterEach(() => {
    while (open.length) open.pop()!.dispose();
  });

  it('starts empty without a file, writes through a temporary file and leaves none behind', async () => {
    const { store } = newStore();
    await store.load();
    assert.strictEqual(store.state, 'ok');
    store.upsert(ann('1', 0));
    assert.strictEqual(await store.save(), true);
    assert.deepStrictEqual(ids(onDisk().annotations), ['1']);
    assert.deepStrictEqual([...memfs.files.keys()], [FILE]);
    assert.strictEqual(store.hasPendingChanges, false);
  });

  it('a failed write (full disk) or rename leaves the previous file whole and no temporary file', async () => {
    const { store, host } = newStore();
    await store.load();
    store.upsert(ann('1', 0));
    await store.save();
    const before = memfs.text(FILE);
    store.upsert(ann('2', 10));
    memfs.failWrite = (p) => p.includes('.tmp-');
    assert.strictEqual(await store.save(), false);
    assert.strictEqual(memfs.text(FILE), before);
    assert.deepStrictEqual([...memfs.files.keys()], [FILE]);
    assert.strictEqual(host.failures.length, 1);
    assert.strictEqual(store.hasPendingChanges, true, 'kept in memory, to be written later');
    memfs.failWrite = undefined;
    memfs.failRename = true;
    assert.strictEqual(await store.save(), false);
    assert.strictEqual(memfs.text(FILE), before);
    assert.deepStrictEqual([...memfs.files.keys()], [FILE]);
    memfs.failRename = false;
    assert.strictEqual(await store.save(), true);
    assert.deepStrictEqual(ids(onDisk().annotations), ['1', '2']);
  });

  it('never overwrites a damaged file; merges once the user has fixed it', async () => {
    const good = serializeAnnotationFile([ann('1', 0), ann('2', 10)]);
    const broken = good.replace('"id": "2",', '"id": "2"');
    memfs.put(FILE, broken);
    const { store, host } = newStore();
    await store.load();
    assert.strictEqual(store.state, 'corrupt');
    assert.strictEqual(host.corrupt.length, 1);
    const err = host.corrupt[0].find((p) => p.severity === 'error')!;
    assert.ok(err.line > 1 && err.column > 1, `${err.line}:${err.column}`);
    assert.deepStrictEqual(ids(store.list()), ['1'], 'the intact annotation is recovered');
    store.upsert(ann('3', 20));
    assert.strictEqual(await store.save(), false);
    assert.strictEqual(memfs.text(FILE), broken, 'byte for byte as the user left it');
    // The user fixes it by hand (and it holds annotation 2); the watcher notices.
    memfs.put(FILE, good);
    await sleep(20);
    await store.load();
    assert.strictEqual(store.state, 'ok');
    assert.deepStrictEqual(ids(store.list()), ['1', '2', '3']);
    assert.strictEqual(await store.save(), true);
    assert.deepStrictEqual(ids(onDisk().annotations), ['1', '2', '3']);
  });

  it('rewrites a damaged file only when asked, keeping a copy of it', async () => {
    const broken = serializeAnnotationFile([ann('1', 0)]).replace('"items": [', '"items": [[');
    memfs.put(FILE, broken);
    const { store } = newStore();
    await store.load();
    assert.strictEqual(store.state, 'corrupt');
    const backup = await store.rewriteRecovered();
    assert.ok(backup);
    assert.strictEqual(memfs.text(backup.path), broken);
    assert.strictEqual(store.state, 'ok');
    assert.deepStrictEqual(ids(onDisk().annotations), ['1']);
  });

  it('two windows adding annotations to the same file lose nothing, even when both write at once', async () => {
    const a = newStore();
    const b = newStore();
    await a.store.load();
    await b.store.load();
    a.store.upsert(ann('a1', 0));
    await a.store.save();
    await sleep(20); // B's watcher delivers the change
    b.store.upsert(ann('b1', 10));
    await b.store.save();
    await sleep(20);
    assert.deepStrictEqual(ids(a.store.list()), ['a1', 'b1']);
    // Now both write without seeing each other's change first.
    memfs.deliverEvents = false;
    a.store.upsert(ann('a2', 20));
    b.store.upsert(ann('b2', 30));
    await Promise.all([a.store.save(), b.store.save()]);
    // One rename wins; the loser notices when it reads the file back, and writes the union.
    await sleep(30);
    await a.store.save();
    await b.store.save();
    assert.deepStrictEqual(ids(onDisk().annotations), ['a1', 'a2', 'b1', 'b2']);
    // Edits and removals travel too.
    memfs.deliverEvents = true;
    b.store.upsert(ann('a1', 0, 'edited in B', '2026-11-21T12:00:00.000Z'));
    b.store.remove('b1');
    await b.store.save();
    await sleep(20);
    await a.store.load();
    assert.strictEqual(a.store.get('a1')?.comment, 'edited in B');
    assert.strictEqual(a.store.get('b1'), undefined, 'a removal in another window is applied, not undone');
    assert.ok(!a.host.merged.some((r) => r.removedByTheirs.includes('b1')), 'and not reported as a loss');
    await a.store.save();
    assert.deepStrictEqual(ids(onDisk().annotations), ['a1', 'a2', 'b2']);
    assert.deepStrictEqual(onDisk().removed.map((t) => t.id), ['b1']);
  });

  it('an outside change that drops annotations (git checkout of an older file) is reported and they are written back', async () => {
    const { store, host } = newStore();
    await store.load();
    store.upsert(ann('1', 0));
    await store.save();
    const older = memfs.text(FILE)!;
    store.upsert(ann('2', 10));
    await store.save();
    memfs.put(FILE, older);
    await sleep(20);
    await store.load();
    assert.deepStrictEqual(ids(store.list()), ['1', '2']);
    assert.deepStrictEqual(host.merged.at(-1)?.removedByTheirs, ['2']);
    await store.save();
    assert.deepStrictEqual(ids(onDisk().annotations), ['1', '2']);
  });

  it('writes nothing in an untrusted workspace (restricted mode)', async () => {
    const { store } = newStore();
    await store.load();
    vscodeMock.workspace.isTrusted = false;
    try {
      store.upsert(ann('1', 0));
      assert.strictEqual(await store.save(), false);
      assert.strictEqual(memfs.files.size, 0);
      assert.strictEqual(store.hasPendingChanges, true);
    } finally {
      vscodeMock.workspace.isTrusted = true;
    }
    assert.strictEqual(await store.save(), true);
    assert.deepStrictEqual(ids(onDisk().annotations), ['1']);
  });

  it('keeps items it cannot read when it rewrites the file', async () => {
    const doc = JSON.parse(serializeAnnotationFile([ann('1', 0)]));
    doc.first.items.push({ id: 'x', type: 'Annotation', note: 'not an annotation this version understands' });
    memfs.put(FILE, JSON.stringify(doc, null, 2));
    const { store } = newStore();
    await store.load();
    assert.strictEqual(store.state, 'ok');
    assert.strictEqual(store.problems.length, 1);
    store.upsert(ann('2', 10));
    await store.save();
    const after = JSON.parse(memfs.text(FILE)!);
    assert.deepStrictEqual(after.first.items.at(-1), doc.first.items.at(-1));
    assert.strictEqual(after.first.items.length, 3);
  });
});
