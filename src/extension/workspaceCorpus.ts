// Keeps the core's Corpus in step with the editor: open documents are analysed from their live text
// (debounced while typing), other files from disk when the workspace is scanned, and afterwards as
// they are created, changed, renamed or deleted on disk (a file watcher).
//
// Large workspaces: a scan reads the files here and sends them in batches to the analysis worker
// (worker/analysisService.ts: per-document analysis, the content-addressed cache, entity resolution),
// adding each batch to the corpus as it comes back, so views fill in while the scan runs and the
// extension host only does the cheap part (indexing passages) between batches. The cache lives in
// the extension's storage (storageUri, else globalStorageUri) as analysis-cache.jsonl; see
// bench/scale.ts for the figures.
import * as vscode from 'vscode';
import { analyzeText, type DocumentAnalysis, type DocumentParts } from '../core/corpus';
import type { AnalysisPort } from './worker/protocol';
import { AnalysisClient } from './worker/protocol';
import { identitySnapshot, type LiveReply, type AnalyzeReply, type LoadCacheReply, type ResolveReply, type SaveCacheReply } from './worker/analysisService';
import { CorrectedCorpus } from '../core/correctedCorpus';
import { decodeArticleBytes } from '../core/textDecoding';
import { ArticleFilter } from './articleFilter';
import { corpusKey } from './corpusKeys';
import { mark, now, timed } from './trace';
import { AnalysisAhead } from './analysisAhead';

export interface ScanSummary {
  files: number;
  skipped: { path: string; message: string }[];
  cancelled: boolean;
  /** Analyses taken from the cache. */
  cached?: number;
  /** Why the cache file was discarded, if it was. */
  cacheDiscarded?: string;
}

/** A document's own analysis (structure, entity mentions, quotes), made before it joins the corpus. */
export interface LocalAnalysis {
  document: vscode.TextDocument;
  path: string;
  text: string;
  parts: DocumentParts;
}

export interface WorkspaceCorpusOptions {
  /** Makes the analysis worker (worker_threads, a Web Worker, or the same thread). */
  createPort?: () => Promise<AnalysisPort>;
  /**
   * Makes the live analysis worker: a second worker, for the edited document's analysis ahead of the
   * debounce (see analysisAhead.ts), which the scan worker could keep waiting behind a long corpus job.
   * Without one (or when it runs on the same thread) that analysis is made on the host's thread.
   */
  createLivePort?: () => Promise<AnalysisPort>;
  /** Folder for the analysis cache; no cache without one. */
  storage?: vscode.Uri;
  /**
   * From this many documents on, entity identities are resolved in the worker (in the background,
   * after a scan and after edits settle) instead of on the extension host at every change.
   */
  resolveElsewhereFrom?: number;
}

const CACHE_FILE = 'analysis-cache.jsonl';
/** The live analysis worker stops after this long without an edit's analysis (its memory is freed). */
const LIVE_IDLE_MS = 120_000;
/** A live analysis not back after this long is made on the host instead (a 50 KB article takes 8–60 ms). */
const LIVE_LATE_MS = 2000;
/** Texts per message to the worker: big enough to amortise a message, small enough to show progress. */
const BATCH = 128;
/** Batches sent to the worker and not yet back. */
const IN_FLIGHT = 4;
/** Files read at once. */
const READ_CONCURRENCY = 16;

export class WorkspaceCorpus implements vscode.Disposable {
  readonly corpus = new CorrectedCorpus();
  /** Paths with hand corrections (set with them): their layers are drawn from the corrected report only. */
  correctedPaths: ReadonlySet<string> = new Set();
  /** Called before listeners hear of a change, so that they read current hand corrections. */
  beforeChange: (() => void) | undefined;
  readonly filter = new ArticleFilter();
  private readonly changed = new vscode.EventEmitter<DocumentAnalysis[]>();
  /** Fires after analyses changed (an edit settled, a scan finished). */
  readonly onDidChange = this.changed.event;
  private readonly analyzedLocally = new vscode.EventEmitter<LocalAnalysis>();
  /**
   * Fires when an opened or edited document has its own analysis, a macrotask before the corpus
   * indexes it (shared passages, identities, quote copies): the layers that depend on the document
   * alone are drawn from it at once.
   */
  readonly onDidAnalyzeLocally = this.analyzedLocally.event;
  /** Documents analysed and waiting (a macrotask) to be indexed, with the text they were analysed at. */
  private readonly indexing = new Map<string, { text: string; parts: DocumentParts | undefined; cancel: () => void }>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Edited documents' own analyses, made while the typist pauses, before the debounce fires. */
  private readonly ahead: AnalysisAhead<DocumentParts>;
  private readonly disposables: vscode.Disposable[] = [];
  /**
   * The live analysis worker, started at the first edit of an article; `ready` once it has answered
   * (its first request, the edited text, loads and warms its code: until then the host analyses).
   */
  private live:
    | { client?: AnalysisClient; ready?: (text: string) => Promise<DocumentParts>; stopped?: boolean; idle?: ReturnType<typeof setTimeout>; stop?: () => void }
    | undefined;

  /** Problems found in news-sources.json / news-entities.json, for the output channel and panel. */
  settingsProblems: string[] = [];

  private client: Promise<AnalysisClient> | undefined;
  private cacheLoaded: Promise<LoadCacheReply> | undefined;
  /** Set once a scan ran: from then on the file watcher keeps the corpus in step with the disk. */
  private scanned = false;
  private readonly watched = new Map<string, vscode.Uri>();
  /** Counts deletions; `deletedAt` says when each path was last deleted, so a slower read cannot undo it. */
  private diskEvents = 0;
  private readonly deletedAt = new Map<string, number>();
  private watchTimer: ReturnType<typeof setTimeout> | undefined;
  private resolveTimer: ReturnType<typeof setTimeout> | undefined;
  private resolving: Promise<void> | undefined;
  private knowledgeText: string | undefined;
  /** Path -> version of analyses whose mentions the worker holds (it made them). */
  private readonly workerVersions = new Map<string, number>();

  constructor(
    private readonly debounceMs: () => number,
    private readonly options: WorkspaceCorpusOptions = {},
  ) {
    this.ahead = new AnalysisAhead<DocumentParts>({
      analyze: (text) => timed('analyzeText', () => analyzeText(text), { chars: text.length }),
      analyzeElsewhere: () => this.live?.ready,
      debounceMs,
      timers: { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>), now },
    });
    const articleWatcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      articleWatcher,
      articleWatcher.onDidCreate((uri) => this.queueFromDisk(uri)),
      articleWatcher.onDidChange((uri) => this.queueFromDisk(uri)),
      articleWatcher.onDidDelete((uri) => this.removedOnDisk(uri)),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const { oldUri, newUri } of e.files) this.renamed(oldUri, newUri);
      }),
      // Files created or deleted in VS Code (Explorer, workspace edits) are known without the watcher,
      // whose events can come late or, under load, not at all; both paths are idempotent.
      vscode.workspace.onDidCreateFiles((e) => {
        for (const uri of e.files) this.queueFromDisk(uri);
      }),
      vscode.workspace.onDidDeleteFiles((e) => {
        for (const uri of e.files) this.removedOnDisk(uri);
      }),
    );
    const settingsWatcher = vscode.workspace.createFileSystemWatcher('**/{news-sources,news-entities}.json');
    const reloadSettings = () => void this.loadFolderSettings().then(() => this.fireChanged([]));
    this.disposables.push(
      settingsWatcher,
      settingsWatcher.onDidCreate(reloadSettings),
      settingsWatcher.onDidChange(reloadSettings),
      settingsWatcher.onDidDelete(reloadSettings),
      this.changed,
      this.analyzedLocally,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.filter.isArticle(e.document)) {
          mark('change', { version: e.document.version });
          this.schedule(e.document);
          const document = e.document;
          this.startLiveWorker(document);
          this.ahead.edited(corpusKey(document.uri), () => (document.isClosed ? undefined : document.getText()));
        }
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.ahead.forget(corpusKey(d.uri))),
      vscode.workspace.onDidOpenTextDocument((d) => {
        mark('open', { path: corpusKey(d.uri) });
        if (this.filter.isArticle(d)) this.analyzeInSteps(d);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('newsAnnotator.files')) this.filter.reload();
      }),
    );
  }

  /**
   * Reads news-sources.json (outlets, dates, wires) and news-entities.json (the user's knowledge of
   * entities) from the first workspace folder. A broken file is reported and ignored, never half-applied.
   */
  async loadFolderSettings(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const problems: string[] = [];
    const folder = folders[0];
    const read = async (name: string): Promise<string | undefined> => {
      if (!folder) return undefined;
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, name));
        return new TextDecoder('utf-8').decode(bytes);
      } catch (error) {
        if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
        problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    };
    const root = folders.length > 1 && folder ? folder.name : '';
    for (const error of this.corpus.setManifest(await read('news-sources.json'), root)) problems.push(`news-sources.json: ${error}`);
    this.knowledgeText = await read('news-entities.json');
    const knowledgeError = this.corpus.setKnowledge(this.knowledgeText);
    if (knowledgeError) problems.push(`news-entities.json ignored: ${knowledgeError}`);
    this.settingsProblems = problems;
  }

  /**
   * Starts the live analysis worker if it is not running, warming it with the edited document's text
   * (a Node worker loads and compiles its code in ~150–400 ms; the host analyses meanwhile). It stops
   * after LIVE_IDLE_MS without a request (it holds 30–60 MB: see README), and when it dies the host
   * analyses until the next edit starts another.
   */
  private startLiveWorker(document: vscode.TextDocument): void {
    // A worker that keeps failing (it cannot load, it runs out of memory) is not started again.
    if (this.live || !this.options.createLivePort || this.liveFailures >= 3) return;
    const live: NonNullable<WorkspaceCorpus['live']> = (this.live = {});
    const fail = () => {
      if (!live.stopped) this.liveFailures++;
      stop();
    };
    const stop = () => {
      live.stopped = true;
      live.ready = undefined;
      if (live.idle) clearTimeout(live.idle);
      live.client?.dispose();
      if (this.live === live) this.live = undefined;
    };
    live.stop = stop;
    void this.options
      .createLivePort()
      .then(async (port) => {
        // On the host's own thread it would gain nothing and add a macrotask: the host analyses.
        if (port.kind === 'same-thread' || live.stopped) {
          port.terminate();
          live.stopped = true; // not started again in this session
          return;
        }
        port.onExit?.(fail);
        const client = (live.client = new AnalysisClient(port));
        const analyze = (text: string): Promise<DocumentParts> => {
          if (live.idle) clearTimeout(live.idle);
          live.idle = setTimeout(stop, LIVE_IDLE_MS);
          mark('liveRequest', { chars: text.length });
          return new Promise<DocumentParts>((resolve, reject) => {
            // A worker that does not answer in time (stuck, swapped out) leaves the analysis to the host.
            const late = setTimeout(() => reject(new Error('the live analysis worker is late')), LIVE_LATE_MS);
            client.request<LiveReply>({ kind: 'live', text }).then(
              (reply) => (clearTimeout(late), mark('liveReply', { chars: text.length }), resolve(reply.parts)),
              (error: unknown) => (clearTimeout(late), reject(error)),
            );
          });
        };
        // Not timed: loading its code on a loaded machine may take seconds, the host analyses meanwhile.
        await client.request<LiveReply>({ kind: 'live', text: document.isClosed ? '' : document.getText() });
        if (live.stopped) return;
        live.ready = analyze;
        live.idle = setTimeout(stop, LIVE_IDLE_MS);
      })
      .catch(fail);
  }
  private liveFailures = 0;

  /** The analysis of a document's current text, computed now if stale. */
  analyzeNow(document: vscode.TextDocument): DocumentAnalysis {
    const key = corpusKey(document.uri);
    this.cancelPending(key);
    const before = this.corpus.get(key);
    const analysis = timed('upsert', () => this.corpus.upsert(key, document.getText()), { path: key });
    if (analysis !== before) {
      timed('fireChanged', () => this.fireChanged([analysis]));
      this.scheduleResolve();
    }
    return analysis;
  }

  private cancelPending(key: string): void {
    const timer = this.pending.get(key);
    if (timer) clearTimeout(timer);
    this.pending.delete(key);
    this.indexing.get(key)?.cancel();
    this.indexing.delete(key);
  }

  private schedule(document: vscode.TextDocument): void {
    const key = corpusKey(document.uri);
    this.cancelPending(key);
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        mark('debounce', { version: document.version });
        if (!document.isClosed) this.analyzeInSteps(document);
      }, this.debounceMs()),
    );
  }

  /**
   * analyzeNow in two steps, for an opened document and a settled edit: the document's own analysis
   * (a few ms for a news article) is announced at once (onDidAnalyzeLocally: the editor draws its
   * structure, quotes and entities), and the corpus work (passage index, identities, reports, views)
   * follows once the renderer has taken those decorations (see afterRendererTook).
   */
  analyzeInSteps(document: vscode.TextDocument): void {
    const key = corpusKey(document.uri);
    const text = document.getText();
    const pending = this.indexing.get(key);
    // Its analysis is on its way from the live worker: drawn when it comes.
    if (pending?.text === text && !pending.parts) return;
    if (pending?.text === text && pending.parts) {
      // Analysed, indexed in a moment. An article's open event comes before its editor is visible, so
      // its own layers could not be drawn then: they are now, when the editor shows, without waiting
      // for the corpus pass (the first highlights of an opened article; its listeners draw only in
      // visible editors and send only what changed).
      this.analyzedLocally.fire({ document, path: key, text, parts: pending.parts });
      return;
    }
    this.cancelPending(key);
    if (this.corpus.get(key)?.text === text) return;
    this.analysedAny = true;
    // Made while the typist paused when it is of this very text (see analysisAhead.ts), else now; or
    // still under way in the live worker: then taken when it comes, if the text is still this one.
    const made = this.ahead.analysisFor(key, text);
    if (made instanceof Promise) {
      let cancelled = false;
      this.indexing.set(key, { text, parts: undefined, cancel: () => (cancelled = true) });
      void made.then((parts) => {
        if (cancelled || document.isClosed || document.getText() !== text) return;
        this.indexing.delete(key);
        this.announceAndIndex(document, key, text, parts);
      });
      return;
    }
    this.announceAndIndex(document, key, text, made);
  }

  private announceAndIndex(document: vscode.TextDocument, key: string, text: string, parts: DocumentParts): void {
    this.analyzedLocally.fire({ document, path: key, text, parts });
    let cancelled = false;
    const index = () => {
      if (cancelled) return;
      this.indexing.delete(key);
      // A newer edit is on its way (its own debounce): this text is already out of date.
      if (!document.isClosed && document.getText() !== text) return;
      const before = this.corpus.get(key);
      const analysis = timed('index', () => this.corpus.upsertAnalyzed(key, text, parts), { path: key });
      if (analysis !== before) {
        timed('fireChanged', () => this.fireChanged([analysis]));
        this.scheduleResolve();
      }
    };
    this.indexing.set(key, { text, parts, cancel: () => (cancelled = true) });
    const shown = () => vscode.window.visibleTextEditors.some((e) => e.document === document);
    if (shown()) void this.afterRendererTook().then(index);
    // An opened document's editor shows a moment later (the same message from the workbench): if it
    // did, its layers were drawn then (above), and the corpus pass waits for the renderer as here.
    else setTimeout(() => (shown() ? void this.afterRendererTook().then(index) : index()), 0);
  }

  /**
   * Resolves once the workbench has handled the messages sent so far (the decorations just set): it
   * handles messages in order, so the answer to a no-op command comes after them. On a busy machine
   * the corpus pass would otherwise take the CPU the renderer needs to draw them; when the renderer
   * is idle this costs a round trip of a few ms. Never waits more than 100 ms.
   */
  private afterRendererTook(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 100);
      void Promise.resolve(vscode.commands.executeCommand('setContext', 'newsAnnotator.layersDrawn', true)).then(
        () => (clearTimeout(timer), resolve()),
        () => (clearTimeout(timer), resolve()),
      );
    });
  }

  /** Whether any document was analysed on this thread yet (the warm-up stops then). */
  get hasAnalysed(): boolean {
    return this.analysedAny;
  }
  private analysedAny = false;

  /**
   * Reads every article file in the workspace; open documents contribute their live text. Files are
   * analysed by the worker (or taken from the cache) in batches; each batch joins the corpus and the
   * views as soon as it is back. Cancelling keeps what was analysed so far.
   */
  async scanWorkspace(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<ScanSummary> {
    const include = `{${this.filter.includeGlobs.join(',')}}`;
    const exclude = `{${this.filter.excludeGlobs.join(',')}}`;
    await this.loadFolderSettings();
    const uris = await vscode.workspace.findFiles(include, exclude, undefined, token);
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const summary: ScanSummary = { files: 0, skipped: [], cancelled: false, cached: 0 };
    const maxBytes = this.maxBytes();
    uris.sort((a, b) => a.toString().localeCompare(b.toString()));
    if (this.options.resolveElsewhereFrom !== undefined && uris.length + this.corpus.size >= this.options.resolveElsewhereFrom) this.corpus.resolveIdentitiesElsewhere(true);
    const client = await this.analysisClient();
    const cache = await this.loadCache(client);
    if (cache.discarded) summary.cacheDiscarded = cache.discarded;

    const changed: DocumentAnalysis[] = [];
    let lastFire = Date.now();
    let done = 0;
    const inFlight: Promise<void>[] = [];
    // A Node worker reads local files itself (much cheaper than a promise per file here).
    const workerReads = client.port.kind === 'worker_threads';
    type Entry = { key: string; text: string } | { key: string; file: string };
    const settle = async (batch: Entry[]) => {
      const reply = await client.request<AnalyzeReply>({
        kind: 'analyze',
        docs: batch.map((d) => ('text' in d ? { path: d.key, text: d.text } : { path: d.key, file: d.file })),
        maxBytes,
      });
      const texts = new Map(batch.flatMap((d) => ('text' in d ? [[d.key, d.text] as const] : [])));
      for (const result of reply.results) {
        const text = result.text ?? texts.get(result.path);
        if (text === undefined) continue;
        const before = this.corpus.get(result.path);
        const analysis = this.corpus.upsertAnalyzed(result.path, text, result.parts);
        this.corpus.outletOf(result.path); // worked out now, a batch at a time, not all at once later
        this.workerVersions.set(result.path, analysis.version);
        if (analysis !== before) changed.push(analysis);
        if (result.cached) summary.cached!++;
        summary.files++;
      }
      for (const skip of reply.skipped ?? []) summary.skipped.push(skip);
      done += batch.length;
      progress.report({ message: vscode.l10n.t('{0} of {1} articles', done, uris.length), increment: (100 * batch.length) / Math.max(1, uris.length) });
      // Results appear as they come, without redrawing every view for every batch.
      if (Date.now() - lastFire > 400 && changed.length) {
        this.fireChanged(changed.splice(0));
        lastFire = Date.now();
      }
    };

    let batch: Entry[] = [];
    for (let i = 0; i < uris.length && !token.isCancellationRequested; i += READ_CONCURRENCY) {
      const slice = uris.slice(i, i + READ_CONCURRENCY);
      const entries = await Promise.all(
        slice.map(async (uri): Promise<Entry | undefined> => {
          const key = corpusKey(uri);
          const document = open.get(uri.toString());
          if (document) return { key, text: document.getText() };
          if (workerReads && uri.scheme === 'file') return { key, file: uri.fsPath };
          const read = await this.readArticle(uri, maxBytes);
          if ('message' in read) summary.skipped.push({ path: key, message: read.message });
          else return { key, text: read.text };
          return undefined;
        }),
      );
      for (const e of entries) if (e) batch.push(e);
      if (batch.length >= BATCH) {
        inFlight.push(settle(batch));
        batch = [];
        // A few batches queued with the worker keep it busy while this thread indexes the last one.
        if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
      }
    }
    if (batch.length && !token.isCancellationRequested) inFlight.push(settle(batch));
    await Promise.all(inFlight);
    summary.cancelled = token.isCancellationRequested;
    if (changed.length) this.fireChanged(changed);
    this.scanned = true;
    // Identities follow in the background (seconds for a large workspace; at once from the cache when
    // nothing changed); the cache is saved after them so that it holds them too.
    if (this.corpus.resolvesIdentitiesElsewhere) void this.resolveInWorker().finally(() => this.saveCache(client));
    else await this.saveCache(client);
    return summary;
  }

  private maxBytes(): number {
    return vscode.workspace.getConfiguration('newsAnnotator.files').get<number>('maxSizeMB', 5) * 1024 * 1024;
  }

  /** One article file's text, or why it was skipped. */
  private async readArticle(uri: vscode.Uri, maxBytes: number): Promise<{ text: string } | { message: string }> {
    try {
      // Refuse a huge file before reading it into memory.
      const { size } = await vscode.workspace.fs.stat(uri);
      if (size > maxBytes) return { message: vscode.l10n.t('larger than the {0} MB limit (newsAnnotator.files.maxSizeMB)', Math.round(maxBytes / 1048576)) };
      const bytes = await vscode.workspace.fs.readFile(uri);
      const decoded = decodeArticleBytes(bytes, { maxBytes });
      return decoded.ok ? { text: decoded.text } : { message: decoded.message };
    } catch (error) {
      // Deleted or unreadable between listing and reading: report it, keep going.
      return { message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** The worker, started on first use. */
  analysisClient(): Promise<AnalysisClient> {
    if (!this.client) {
      const make = this.options.createPort ?? (async () => (await import('./worker/protocol')).sameThreadPort());
      this.client = make().then((port) => new AnalysisClient(port));
    }
    return this.client;
  }

  private cacheUri(): vscode.Uri | undefined {
    return this.options.storage && vscode.Uri.joinPath(this.options.storage, CACHE_FILE);
  }

  /** Loads the cache file into the worker once per session; a missing, corrupt or stale one means no cache. */
  private loadCache(client: AnalysisClient): Promise<LoadCacheReply> {
    if (!this.cacheLoaded) {
      const uri = this.cacheUri();
      this.cacheLoaded = (async () => {
        let bytes: Uint8Array | undefined;
        if (uri) bytes = await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch(() => undefined);
        // A local storage folder: a Node worker keeps the entries it makes there until they are saved
        // (a file of its own, removed at once), not in memory: 100 MB at 20,000 articles.
        let spill: string | undefined;
        if (uri?.scheme === 'file') {
          spill = await Promise.resolve(vscode.workspace.fs.createDirectory(this.options.storage!)).then(
            () => vscode.Uri.joinPath(this.options.storage!, `${CACHE_FILE}.${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.spill`).fsPath,
            () => undefined,
          );
        }
        return client.request<LoadCacheReply>({ kind: 'loadCache', bytes, spill });
      })();
    }
    return this.cacheLoaded;
  }

  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  private saveCacheSoon(client: AnalysisClient): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.saveCache(client);
    }, 30_000);
  }

  private async saveCache(client: AnalysisClient): Promise<void> {
    const uri = this.cacheUri();
    if (!uri) return;
    try {
      await vscode.workspace.fs.createDirectory(this.options.storage!);
      // A Node worker writes a local file itself, chunk by chunk: the cache (100 MB at 20,000
      // articles) is then never copied whole, nor sent to this thread.
      const reply = await client.request<SaveCacheReply>({ kind: 'saveCache', file: uri.scheme === 'file' ? uri.fsPath : undefined });
      if (!reply.written) await vscode.workspace.fs.writeFile(uri, reply.bytes);
    } catch {
      // No cache this time: the next start analyses again.
    }
  }

  // ---- identities resolved in the worker --------------------------------------------------------

  private scheduleResolve(): void {
    if (!this.corpus.resolvesIdentitiesElsewhere) return;
    if (this.resolveTimer) clearTimeout(this.resolveTimer);
    this.resolveTimer = setTimeout(() => {
      this.resolveTimer = undefined;
      void this.resolveInWorker();
    }, 1500);
  }

  /** Sends every document's mentions (only those the worker does not have) and applies the identities. */
  async resolveInWorker(): Promise<void> {
    if (this.resolving) {
      await this.resolving;
      return this.scheduleResolve();
    }
    this.resolving = (async () => {
      const client = await this.analysisClient();
      const input = this.corpus.identityInput();
      const versions = new Map(input.map((d) => [d.path, d.version]));
      const docs = input.map((d) => (this.workerVersions.get(d.path) === d.version ? { path: d.path, outlet: d.outlet } : { path: d.path, outlet: d.outlet, mentions: d.mentions }));
      const reply = await client.request<ResolveReply>({ kind: 'resolve', docs, knowledge: this.knowledgeText });
      for (const d of input) this.workerVersions.set(d.path, d.version);
      this.corpus.setIdentitySnapshot(identitySnapshot(reply), versions);
      this.fireChanged([]);
    })().finally(() => (this.resolving = undefined));
    return this.resolving;
  }

  // ---- the file watcher -------------------------------------------------------------------------

  private isArticleUri(uri: vscode.Uri): boolean {
    return this.filter.isArticle({ uri, languageId: '' } as vscode.TextDocument);
  }

  private queueFromDisk(uri: vscode.Uri): void {
    if (!this.scanned || !this.isArticleUri(uri)) return;
    // An open document's live text wins over the file on disk.
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    this.watched.set(uri.toString(), uri);
    if (this.watchTimer) clearTimeout(this.watchTimer);
    this.watchTimer = setTimeout(() => void this.flushWatched(), 200);
  }

  private async flushWatched(): Promise<void> {
    this.watchTimer = undefined;
    const started = this.diskEvents;
    const uris = [...this.watched.values()];
    this.watched.clear();
    const maxBytes = this.maxBytes();
    const docs: { key: string; text: string }[] = [];
    for (const uri of uris) {
      const read = await this.readArticle(uri, maxBytes);
      if ('text' in read) docs.push({ key: corpusKey(uri), text: read.text });
      else if (this.corpus.remove(corpusKey(uri))) this.fireChanged([]); // unreadable now: it no longer counts
    }
    if (!docs.length) return;
    const client = await this.analysisClient();
    const reply = await client.request<AnalyzeReply>({ kind: 'analyze', docs: docs.map((d) => ({ path: d.key, text: d.text })) });
    const changed: DocumentAnalysis[] = [];
    reply.results.forEach((result, i) => {
      // Deleted (or renamed away) while it was being read: the deletion wins.
      if ((this.deletedAt.get(result.path) ?? -1) >= started) return;
      const before = this.corpus.get(result.path);
      const analysis = this.corpus.upsertAnalyzed(result.path, docs[i].text, result.parts);
      this.workerVersions.set(result.path, analysis.version);
      if (analysis !== before) changed.push(analysis);
    });
    if (changed.length) {
      this.fireChanged(changed);
      this.scheduleResolve();
      this.saveCacheSoon(client); // the whole file is rewritten: not on every change
    }
  }

  private removedOnDisk(uri: vscode.Uri): void {
    if (!this.scanned) return;
    const key = corpusKey(uri);
    this.watched.delete(uri.toString());
    this.deletedAt.set(key, this.diskEvents++);
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && !d.isClosed && d.isDirty)) return;
    if (this.corpus.remove(key)) {
      void this.analysisClient().then((c) => c.request({ kind: 'forget', paths: [key] }));
      this.workerVersions.delete(key);
      this.fireChanged([]);
      this.scheduleResolve();
    }
  }

  private renamed(from: vscode.Uri, to: vscode.Uri): void {
    const fromKey = corpusKey(from);
    const toKey = corpusKey(to);
    if (!this.corpus.get(fromKey)) return;
    if (!this.isArticleUri(to)) {
      this.corpus.remove(fromKey);
    } else {
      this.corpus.rename(fromKey, toKey);
      void this.analysisClient().then((c) => c.request({ kind: 'rename', from: fromKey, to: toKey }));
      const analysis = this.corpus.get(toKey);
      const version = this.workerVersions.get(fromKey);
      this.workerVersions.delete(fromKey);
      if (analysis && version !== undefined) this.workerVersions.set(toKey, analysis.version);
    }
    this.fireChanged([]);
    this.scheduleResolve();
  }

  /** Tells listeners that analyses (or what overrides them) changed. */
  fireChanged(analyses: DocumentAnalysis[]): void {
    this.beforeChange?.();
    this.changed.fire(analyses);
  }

  dispose(): void {
    if (this.watchTimer) clearTimeout(this.watchTimer);
    if (this.resolveTimer) clearTimeout(this.resolveTimer);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    void this.client?.then((c) => c.dispose());
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.ahead.dispose();
    this.live?.stop?.();
    for (const indexing of this.indexing.values()) indexing.cancel();
    this.pending.clear();
    this.indexing.clear();
    for (const d of this.disposables) d.dispose();
  }
}
