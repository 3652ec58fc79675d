// Keeps the core's Corpus in step with the editor: open documents are analysed from their live text
// (debounced while typing), other files from disk when the workspace is scanned.
import * as vscode from 'vscode';
import type { DocumentAnalysis } from '../core/corpus';
import { CorrectedCorpus } from '../core/correctedCorpus';
import { decodeArticleBytes } from '../core/textDecoding';
import { ArticleFilter } from './articleFilter';
import { corpusKey } from './corpusKeys';

export interface ScanSummary {
  files: number;
  skipped: { path: string; message: string }[];
  cancelled: boolean;
}

export class WorkspaceCorpus implements vscode.Disposable {
  readonly corpus = new CorrectedCorpus();
  /** Called before listeners hear of a change, so that they read current hand corrections. */
  beforeChange: (() => void) | undefined;
  readonly filter = new ArticleFilter();
  private readonly changed = new vscode.EventEmitter<DocumentAnalysis[]>();
  /** Fires after analyses changed (an edit settled, a scan finished). */
  readonly onDidChange = this.changed.event;
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];

  /** Problems found in news-sources.json / news-entities.json, for the output channel and panel. */
  settingsProblems: string[] = [];

  constructor(private readonly debounceMs: () => number) {
    const settingsWatcher = vscode.workspace.createFileSystemWatcher('**/{news-sources,news-entities}.json');
    const reloadSettings = () => void this.loadFolderSettings().then(() => this.fireChanged([]));
    this.disposables.push(
      settingsWatcher,
      settingsWatcher.onDidCreate(reloadSettings),
      settingsWatcher.onDidChange(reloadSettings),
      settingsWatcher.onDidDelete(reloadSettings),
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.filter.isArticle(e.document)) this.schedule(e.document);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (this.filter.isArticle(d)) this.analyzeNow(d);
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
    const knowledgeError = this.corpus.setKnowledge(await read('news-entities.json'));
    if (knowledgeError) problems.push(`news-entities.json ignored: ${knowledgeError}`);
    this.settingsProblems = problems;
  }

  /** The analysis of a document's current text, computed now if stale. */
  analyzeNow(document: vscode.TextDocument): DocumentAnalysis {
    const key = corpusKey(document.uri);
    const timer = this.pending.get(key);
    if (timer) {
      clearTimeout(timer);
      this.pending.delete(key);
    }
    const before = this.corpus.get(key);
    const analysis = this.corpus.upsert(key, document.getText());
    if (analysis !== before) this.fireChanged([analysis]);
    return analysis;
  }

  private schedule(document: vscode.TextDocument): void {
    const key = corpusKey(document.uri);
    const timer = this.pending.get(key);
    if (timer) clearTimeout(timer);
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        if (!document.isClosed) this.analyzeNow(document);
      }, this.debounceMs()),
    );
  }

  /** Reads every article file in the workspace; open documents contribute their live text. */
  async scanWorkspace(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<ScanSummary> {
    const include = `{${this.filter.includeGlobs.join(',')}}`;
    const exclude = `{${this.filter.excludeGlobs.join(',')}}`;
    await this.loadFolderSettings();
    const uris = await vscode.workspace.findFiles(include, exclude, undefined, token);
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const summary: ScanSummary = { files: 0, skipped: [], cancelled: false };
    const touched: DocumentAnalysis[] = [];
    const maxBytes = vscode.workspace.getConfiguration('newsAnnotator.files').get<number>('maxSizeMB', 5) * 1024 * 1024;
    uris.sort((a, b) => a.toString().localeCompare(b.toString()));
    for (let i = 0; i < uris.length; i++) {
      if (token.isCancellationRequested) {
        summary.cancelled = true;
        break;
      }
      const uri = uris[i];
      const key = corpusKey(uri);
      progress.report({ message: key, increment: 100 / uris.length });
      const document = open.get(uri.toString());
      if (document) {
        touched.push(this.corpus.upsert(key, document.getText()));
        summary.files++;
        continue;
      }
      try {
        // Refuse a huge file before reading it into memory.
        const { size } = await vscode.workspace.fs.stat(uri);
        if (size > maxBytes) {
          summary.skipped.push({ path: key, message: vscode.l10n.t('larger than the {0} MB limit (newsAnnotator.files.maxSizeMB)', Math.round(maxBytes / 1048576)) });
          continue;
        }
        const bytes = await vscode.workspace.fs.readFile(uri);
        const decoded = decodeArticleBytes(bytes, { maxBytes });
        if (!decoded.ok) {
          summary.skipped.push({ path: key, message: decoded.message });
          continue;
        }
        touched.push(this.corpus.upsert(key, decoded.text));
        summary.files++;
      } catch (error) {
        // Deleted or unreadable between listing and reading: report it, keep going.
        summary.skipped.push({ path: key, message: error instanceof Error ? error.message : String(error) });
      }
      if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 0)); // let the host breathe
    }
    if (touched.length > 0) this.fireChanged(touched);
    return summary;
  }

  /** Tells listeners that analyses (or what overrides them) changed. */
  fireChanged(analyses: DocumentAnalysis[]): void {
    this.beforeChange?.();
    this.changed.fire(analyses);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const d of this.disposables) d.dispose();
  }
}
