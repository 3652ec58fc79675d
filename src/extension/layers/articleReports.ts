// The editor's view of the corpus: each article's report (quotes, entities, shared passages) and the
// corpus-wide entity list, cached until the analyses change, plus the mapping from corpus paths back
// to URIs. Every layer, hover, lens, tree and the status bar read through this one object so the core
// is asked once per change, never per keystroke or per hover.
import * as vscode from 'vscode';
import type { DocumentAnalysis } from '../../core/corpus';
import type { ReportDocument, ReportEntity, ScanReport } from '../../core/model';
import { PASSAGE_SCHEME } from '../compare/passageText';
import { corpusKey } from '../corpusKeys';
import type { WorkspaceCorpus } from '../workspaceCorpus';
import { DEFAULT_THRESHOLDS, type PassageThresholds } from './layerPlan';
import { outletLabel } from './outletNames';

export interface CurrentArticle {
  document: vscode.TextDocument;
  path: string;
  analysis: DocumentAnalysis;
  report: ReportDocument;
}

export class ArticleReports implements vscode.Disposable {
  private readonly documentCache = new Map<string, { version: number; report: ReportDocument }>();
  private entityCache: { generation: number; list: ReportEntity[]; byId: Map<string, ReportEntity> } | undefined;
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly changedEarly = new vscode.EventEmitter<void>();
  /**
   * Fires first after the corpus changed, for the editor's decorations alone: they are set (and sent
   * to the renderer) before the views, the status bar and the lenses rebuild.
   */
  readonly onDidChangeEarly = this.changedEarly.event;
  /** Fires after the corpus changed (an edit settled, a scan finished); views refresh on it. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(readonly workspace: WorkspaceCorpus) {
    this.subscriptions.push(
      this.changed,
      this.changedEarly,
      workspace.onDidChange(() => this.invalidate()),
    );
  }

  /** Forgets cached reports; the next read asks the core again. */
  invalidate(): void {
    this.generation++;
    // Reports of other documents can change too (a passage shared with the edited one), so all go.
    this.documentCache.clear();
    this.entityCache = undefined;
    this.changedEarly.fire();
    this.changed.fire();
  }

  get corpus() {
    return this.workspace.corpus;
  }

  thresholds(): PassageThresholds {
    const config = vscode.workspace.getConfiguration('newsAnnotator.passages');
    return {
      minimumWords: config.get<number>('minimumWords', DEFAULT_THRESHOLDS.minimumWords),
      minimumSimilarity: config.get<number>('minimumSimilarity', DEFAULT_THRESHOLDS.minimumSimilarity),
    };
  }

  /** The report of a corpus path, cached per analysed version. */
  forPath(path: string): ReportDocument | undefined {
    const analysis = this.corpus.get(path);
    if (!analysis) return undefined;
    const cached = this.documentCache.get(path);
    if (cached && cached.version === analysis.version) return cached.report;
    const report = this.corpus.documentReport(path);
    if (report) this.documentCache.set(path, { version: analysis.version, report });
    return report;
  }

  textOf(path: string): string | undefined {
    return this.corpus.get(path)?.text;
  }

  /** The name the UI gives an article: its outlet (manifest or inferred), else its file name. */
  outletOf(path: string): string {
    return outletLabel(path, this.corpus.outletOf(path)?.outlet);
  }

  /** Outlet of a path without building its whole report (layers and lenses call this per match). */
  readonly outletLookup = (path: string): { outlet: string | null } => ({ outlet: this.corpus.outletOf(path)?.outlet ?? null });

  /** An article document (never one of the comparison's passage documents). */
  isArticle(document: vscode.TextDocument): boolean {
    return document.uri.scheme !== PASSAGE_SCHEME && this.workspace.filter.isArticle(document);
  }

  /** The article open in `document` when it is an article and its analysis matches its current text. */
  current(document: vscode.TextDocument | undefined, options: { analyze?: boolean } = {}): CurrentArticle | undefined {
    if (!document || !this.isArticle(document)) return undefined;
    const path = corpusKey(document.uri);
    let analysis = this.corpus.get(path);
    if (!analysis && options.analyze) analysis = this.workspace.analyzeNow(document);
    if (!analysis || analysis.text !== document.getText()) return undefined;
    const report = this.forPath(path);
    return report ? { document, path, analysis, report } : undefined;
  }

  /**
   * The current article, waiting (without analysing early) for the debounced analysis of an edit to
   * land. Providers that VS Code asks again after every change (CodeLens, symbols) use this so their
   * old results stay on screen until the new ones are ready instead of flickering away.
   */
  async whenCurrent(document: vscode.TextDocument, token?: vscode.CancellationToken, timeoutMs = 5000): Promise<CurrentArticle | undefined> {
    const now = this.current(document);
    if (now || !this.isArticle(document)) return now;
    return new Promise<CurrentArticle | undefined>((resolve) => {
      const finish = (value: CurrentArticle | undefined) => {
        clearTimeout(timer);
        listener.dispose();
        cancel?.dispose();
        resolve(value);
      };
      const listener = this.onDidChange(() => {
        const article = this.current(document);
        if (article) finish(article);
      });
      const cancel = token?.onCancellationRequested(() => finish(undefined));
      const timer = setTimeout(() => finish(document.isClosed ? undefined : this.current(document, { analyze: true }) ?? this.fresh(document)), timeoutMs);
    });
  }

  private fresh(document: vscode.TextDocument): CurrentArticle | undefined {
    this.workspace.analyzeNow(document);
    return this.current(document);
  }

  /** Like current(), but accepts a stale analysis (for views that may lag the text by a debounce). */
  latest(document: vscode.TextDocument | undefined): { path: string; report: ReportDocument; fresh: boolean } | undefined {
    if (!document || !this.isArticle(document)) return undefined;
    const path = corpusKey(document.uri);
    const report = this.forPath(path);
    if (!report) return undefined;
    return { path, report, fresh: this.corpus.get(path)?.text === document.getText() };
  }

  entities(): ReportEntity[] {
    return this.entityIndex().list;
  }

  entitiesById(): ReadonlyMap<string, ReportEntity> {
    return this.entityIndex().byId;
  }

  private entityIndex() {
    if (!this.entityCache || this.entityCache.generation !== this.generation) {
      const list = this.corpus.entities();
      this.entityCache = { generation: this.generation, list, byId: new Map(list.map((e) => [e.id, e])) };
    }
    return this.entityCache;
  }

  paths(): string[] {
    return this.corpus.paths();
  }

  /** The whole corpus in the scan contract (what the CLI prints). */
  report(): ScanReport {
    return this.corpus.report();
  }

  /** Every article's report, from the cache. */
  documents(): ReportDocument[] {
    return this.paths().map((path) => this.forPath(path)).filter((d): d is ReportDocument => !!d);
  }

  /** The URI of a corpus path: an open document's, else the file under the workspace folder. */
  uriFor(path: string): vscode.Uri | undefined {
    for (const document of vscode.workspace.textDocuments) {
      if (corpusKey(document.uri) === path) return document.uri;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
      try {
        return vscode.Uri.parse(path, true);
      } catch {
        return undefined;
      }
    }
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) return vscode.Uri.joinPath(folders[0].uri, ...path.split('/'));
    for (const folder of folders) {
      if (path.startsWith(`${folder.name}/`)) return vscode.Uri.joinPath(folder.uri, ...path.slice(folder.name.length + 1).split('/'));
    }
    return undefined;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
