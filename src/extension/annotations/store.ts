// The annotation file of one workspace folder (`.news-annotations.jsonld`), read and written through
// vscode.workspace.fs so it works in remote and virtual workspaces too.
//
// - Writes are atomic: the new text goes to a temporary file in the same folder, which is then renamed
//   over the file. If anything fails the previous file is untouched (and the temporary one removed).
// - Before writing, and whenever the watcher sees the file change, the text on disk is compared with
//   the last text this store read or wrote; if it differs (another window, git, another editor) the
//   two versions are merged by id (three-way, with the last known disk state as base). Annotations the
//   outside change removed are kept and reported, never silently dropped.
// - A file that cannot be parsed is reported with line:column and never overwritten until the user
//   decides (fixes it by hand, or chooses "Rewrite With Recovered Annotations", which first keeps a
//   copy of the broken file beside it).
import * as vscode from 'vscode';
import {
  ANNOTATION_FILE_NAME,
  mergeAnnotations,
  parseAnnotationFile,
  serializeAnnotationFile,
  type HandAnnotation,
  type JsonValue,
  type MergeResult,
  type Problem,
  type Tombstone,
} from '../../core/annotations';

/** How the store tells the user about things; the extension shows messages, tests record them. */
export interface StoreHost {
  corrupt(store: AnnotationStore, problems: Problem[]): void;
  merged(store: AnnotationStore, result: MergeResult): void;
  writeFailed(store: AnnotationStore, error: unknown): void;
}

export type StoreState = 'unloaded' | 'ok' | 'corrupt';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class AnnotationStore implements vscode.Disposable {
  readonly fileUri: vscode.Uri;
  private readonly items = new Map<string, HandAnnotation>();
  private unreadable: JsonValue[] = [];
  /** Removals made here or read from the file, written back so other windows apply them. */
  private readonly tombstones = new Map<string, string>();
  /** Annotations as last read from or written to disk: the base of a three-way merge. */
  private base: HandAnnotation[] | undefined;
  /** The text last read from or written to disk (undefined: no file). */
  private diskText: string | undefined;
  private _state: StoreState = 'unloaded';
  private _problems: Problem[] = [];
  private dirty = false;
  private queue: Promise<unknown> = Promise.resolve();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private verifyTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fired when the annotations (or the store's state) change. */
  readonly onDidChange = this.changed.event;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly host: StoreHost,
    private readonly options: { saveDelayMs?: number; verifyDelayMs?: number; watch?: boolean } = {},
  ) {
    this.fileUri = vscode.Uri.joinPath(folder.uri, ANNOTATION_FILE_NAME);
    if (options.watch !== false) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, ANNOTATION_FILE_NAME));
      const onDisk = () => void this.enqueue(() => this.absorbDisk());
      this.disposables.push(watcher, watcher.onDidChange(onDisk), watcher.onDidCreate(onDisk), watcher.onDidDelete(onDisk));
    }
    const grant = vscode.workspace.onDidGrantWorkspaceTrust?.(() => {
      if (this.dirty) void this.save();
    });
    if (grant) this.disposables.push(grant);
  }

  get state(): StoreState {
    return this._state;
  }

  /** Problems of the last read (syntax error first, then per-annotation warnings). */
  get problems(): readonly Problem[] {
    return this._problems;
  }

  list(): HandAnnotation[] {
    return [...this.items.values()];
  }

  get(id: string): HandAnnotation | undefined {
    return this.items.get(id);
  }

  /** Reads the file (first time or again). */
  load(): Promise<void> {
    return this.enqueue(() => this.absorbDisk());
  }

  /** Adds or replaces an annotation and schedules a save. */
  upsert(annotation: HandAnnotation): void {
    this.items.set(annotation.id, annotation);
    this.tombstones.delete(annotation.id);
    this.touch();
  }

  /** Replaces several annotations (e.g. targets re-described after a document was saved). */
  upsertMany(annotations: readonly HandAnnotation[]): void {
    if (annotations.length === 0) return;
    for (const a of annotations) {
      this.items.set(a.id, a);
      this.tombstones.delete(a.id);
    }
    this.touch();
  }

  remove(id: string): boolean {
    const had = this.items.delete(id);
    if (had) {
      this.tombstones.set(id, new Date().toISOString());
      this.touch();
    }
    return had;
  }

  /** Recent removals (for "Restore"): the ids and when they were removed. */
  get removals(): ReadonlyMap<string, string> {
    return this.tombstones;
  }

  private tombstoneList(): Tombstone[] {
    return [...this.tombstones].map(([id, removed]) => ({ id, removed }));
  }

  private absorbTombstones(list: readonly Tombstone[]): void {
    for (const t of list) {
      const prev = this.tombstones.get(t.id);
      if (!prev || Date.parse(prev) < Date.parse(t.removed)) this.tombstones.set(t.id, t.removed);
    }
  }

  private touch(): void {
    this.dirty = true;
    this.changed.fire();
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, this.options.saveDelayMs ?? 50);
  }

  /** Writes pending changes now. Resolves true when the file holds them, false if it was not written. */
  save(): Promise<boolean> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
    }
    return this.enqueue(() => this.writeNow());
  }

  /** Whether there are changes not yet on disk. */
  get hasPendingChanges(): boolean {
    return this.dirty;
  }

  /**
   * The user's decision about a corrupt file: keep a copy of it beside it
   * (`.news-annotations.jsonld.corrupt-<time>`), then write the recovered and current annotations.
   */
  rewriteRecovered(): Promise<vscode.Uri | undefined> {
    return this.enqueue(async () => {
      let backup: vscode.Uri | undefined;
      const text = await this.readDisk();
      if (text !== undefined) {
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        backup = vscode.Uri.joinPath(this.folder.uri, `${ANNOTATION_FILE_NAME}.corrupt-${stamp}`);
        await vscode.workspace.fs.writeFile(backup, encoder.encode(text));
      }
      this._state = 'ok';
      this._problems = [];
      this.diskText = text;
      this.dirty = true;
      await this.writeNow();
      return backup;
    });
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async readDisk(): Promise<string | undefined> {
    try {
      return decoder.decode(await vscode.workspace.fs.readFile(this.fileUri));
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
      // Other errors (permissions…): treat as unreadable, not as empty, so nothing is overwritten.
      throw e;
    }
  }

  /** Reads the file and merges it with what this store holds. */
  private async absorbDisk(): Promise<void> {
    let text: string | undefined;
    try {
      text = await this.readDisk();
    } catch (e) {
      this._state = 'corrupt';
      this._problems = [{ message: `Cannot read the file: ${(e as Error).message ?? e}`, offset: 0, line: 1, column: 1, severity: 'error' }];
      this.host.corrupt(this, this._problems);
      this.changed.fire();
      return;
    }
    if (text !== undefined && text === this.diskText && this._state !== 'unloaded') return; // our own write
    const first = this._state === 'unloaded';
    if (text === undefined) {
      // No file (never written, or deleted outside). Keep what we have; write it back if we have any.
      this.diskText = undefined;
      const hadFile = this.base !== undefined && this.base.length > 0;
      this.base = [];
      this._state = 'ok';
      this._problems = [];
      if (this.items.size > 0 && (hadFile || this.dirty)) {
        this.dirty = true;
        if (hadFile) this.host.merged(this, { merged: this.list(), conflicts: [], removedByOurs: [], removedByTheirs: this.list().map((a) => a.id), keptDespiteRemoval: [], removedByTombstone: [], changedFromTheirs: true, changedFromOurs: false });
        this.scheduleSave();
      }
      this.changed.fire();
      return;
    }
    const parsed = parseAnnotationFile(text);
    this._problems = parsed.problems;
    if (parsed.corrupt) {
      // Show what could be recovered together with what we hold; never write until the user decides.
      const union = mergeAnnotations(undefined, this.list(), parsed.annotations);
      this.replaceAll(union.merged);
      this.diskText = text;
      this._state = 'corrupt';
      this.host.corrupt(this, parsed.problems);
      this.changed.fire();
      return;
    }
    this.absorbTombstones(parsed.removed);
    const result = mergeAnnotations(first ? undefined : this.base, this.list(), parsed.annotations, { keepRemovedByTheirs: true, tombstones: this.tombstoneList() });
    this.replaceAll(result.merged);
    this.unreadable = parsed.unreadable;
    this.base = parsed.annotations;
    this.diskText = text;
    this._state = 'ok';
    if (!first && (result.conflicts.length > 0 || result.removedByTheirs.length > 0 || result.keptDespiteRemoval.length > 0)) {
      this.host.merged(this, result);
    }
    if (result.changedFromTheirs) {
      this.dirty = true;
      this.scheduleSave();
    } else {
      this.dirty = false;
    }
    this.changed.fire();
  }

  private replaceAll(list: readonly HandAnnotation[]): void {
    this.items.clear();
    for (const a of list) this.items.set(a.id, a);
  }

  private async writeNow(): Promise<boolean> {
    // Restricted mode: nothing is written until the user trusts the workspace.
    if (vscode.workspace.isTrusted === false) return false;
    if (this._state === 'unloaded') await this.absorbDisk();
    if (this._state === 'corrupt') return false;
    if (!this.dirty) return true;
    // Someone else may have written since we last looked: merge first.
    let current: string | undefined;
    try {
      current = await this.readDisk();
    } catch (e) {
      this.host.writeFailed(this, e);
      return false;
    }
    if (current !== this.diskText) {
      await this.absorbDisk();
      if (this._state !== 'ok') return false;
    }
    const text = serializeAnnotationFile(this.list(), this.unreadable, this.tombstoneList());
    if (text === current) {
      this.diskText = current;
      this.base = this.list();
      this.dirty = false;
      return true;
    }
    const tmp = vscode.Uri.joinPath(this.folder.uri, `${ANNOTATION_FILE_NAME}.tmp-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);
    try {
      await vscode.workspace.fs.writeFile(tmp, encoder.encode(text));
      await vscode.workspace.fs.rename(tmp, this.fileUri, { overwrite: true });
    } catch (e) {
      try {
        await vscode.workspace.fs.delete(tmp);
      } catch {
        /* it may not exist */
      }
      this.host.writeFailed(this, e);
      return false;
    }
    this.diskText = text;
    this.base = this.list();
    this.dirty = false;
    this.scheduleVerify();
    return true;
  }

  /**
   * Reads the file again a moment after writing it: if another window renamed its own version over
   * ours at the same time and no watcher event arrives (network drives, some remote file systems), the
   * difference is noticed and merged all the same.
   */
  private scheduleVerify(): void {
    if (this.verifyTimer) clearTimeout(this.verifyTimer);
    this.verifyTimer = setTimeout(() => {
      this.verifyTimer = undefined;
      void this.enqueue(() => this.absorbDisk());
    }, this.options.verifyDelayMs ?? 1000);
  }

  dispose(): void {
    if (this.verifyTimer) clearTimeout(this.verifyTimer);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    // A last save for pending changes (best effort; VS Code may not wait for it).
    if (this.dirty && this._state === 'ok') void this.enqueue(() => this.writeNow());
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}
