// Everything a fact-checker sees and does in the editor around the core's analysis: the quote, entity
// and shared-passage layers, hovers, CodeLens, the passage comparison, references and outline, the
// News Sources panel (Shared paragraphs, Entities, Quotes, Coverage), the status bar item and the
// commands. activate() calls registerEditorExperience once; everything registered here is disposed
// through context.subscriptions.
import * as vscode from 'vscode';
import { ANNOTATION_FILE_NAME } from '../core/annotations/format';
import { openComparison, openPassage, PassageContentProvider, PASSAGE_SCHEME } from './compare/passageComparison';
import { corpusKey } from './corpusKeys';
import { ArticleHoverProvider } from './hovers/articleHovers';
import { otherCopies } from './hovers/hoverContent';
import { ArticleReports } from './layers/articleReports';
import { LayerDecorations, LAYER_NAMES, type LayerName } from './layers/layerDecorations';
import { visibleShared } from './layers/layerPlan';
import { SharedPassageLensProvider } from './lenses/sharedPassageLenses';
import { adjacentPassage, comparisonFor, groupSharedByParagraph, type ComparisonRequest, type PassageTarget } from './lenses/sharedParagraphs';
import { ArticleSymbolProvider } from './navigation/articleSymbols';
import { CorpusLocations } from './navigation/corpusLocations';
import { entityLocations, EntityReferenceProvider } from './navigation/entityReferences';
import { ArticleStatusBar } from './statusBar';
import { CoverageViewProvider } from './views/coverageView';
import { EntitiesTree } from './views/entitiesTree';
import { exportReport, type ExportOptions } from './views/exportReport';
import { setOutletForFile } from './views/outletManifest';
import { MANIFEST_NAME } from './views/outletManifestText';
import { QuotesTree } from './views/quotesTree';
import { SharedParagraphsTree } from './views/sharedParagraphsTree';
import type { WorkspaceCorpus } from './workspaceCorpus';
import { timed } from './trace';

/** Setting keys under `newsAnnotator.layers`, by layer. */
const LAYER_SETTING: Record<LayerName, string> = { quotes: 'quotes', entities: 'entities', shared: 'sharedPassages' };

const ARTICLE_SELECTOR: vscode.DocumentSelector = [
  { language: 'plaintext' },
  { language: 'markdown' },
  { language: 'news' },
];

export interface EditorExperience {
  reports: ArticleReports;
  layers: LayerDecorations;
  sharedParagraphs: SharedParagraphsTree;
  entities: EntitiesTree;
  quotes: QuotesTree;
  coverage: CoverageViewProvider;
  statusBar: ArticleStatusBar;
}

export function registerEditorExperience(context: vscode.ExtensionContext, workspace: WorkspaceCorpus): void {
  createEditorExperience(context, workspace);
}

export function createEditorExperience(context: vscode.ExtensionContext, workspace: WorkspaceCorpus): EditorExperience {
  const reports = new ArticleReports(workspace);
  const layers = new LayerDecorations(context.extensionUri);
  const locations = new CorpusLocations(reports);
  const passages = new PassageContentProvider(reports);
  const layerSettings = () => vscode.workspace.getConfiguration('newsAnnotator.layers');
  const enabledLayers = (): Record<LayerName, boolean> => ({
    quotes: layerSettings().get<boolean>(LAYER_SETTING.quotes, true),
    entities: layerSettings().get<boolean>(LAYER_SETTING.entities, true),
    shared: layerSettings().get<boolean>(LAYER_SETTING.shared, true),
  });

  const refreshVisible = () => {
    const enabled = enabledLayers();
    for (const editor of vscode.window.visibleTextEditors) layers.apply(editor, reports, enabled);
  };
  const updateContext = () => {
    const active = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.activeIsArticle', !!active && reports.isArticle(active));
    void vscode.commands.executeCommand('setContext', 'newsAnnotator.corpusSize', reports.paths().length);
  };

  const sharedParagraphs = new SharedParagraphsTree(reports);
  const entities = new EntitiesTree(reports);
  const quotes = new QuotesTree(reports);
  const coverage = new CoverageViewProvider(reports, context.extensionUri);
  const statusBar = new ArticleStatusBar(reports);
  const experience: EditorExperience = { reports, layers, sharedParagraphs, entities, quotes, coverage, statusBar };

  context.subscriptions.push(
    reports,
    layers,
    passages,
    sharedParagraphs,
    entities,
    quotes,
    coverage,
    statusBar,
    // The decorations first (their message leaves for the renderer before the views rebuild) ...
    reports.onDidChangeEarly(() => timed('layers', refreshVisible)),
    reports.onDidChange(() => timed('context', updateContext)),
    // ... and an opened or edited article's own layers even before the corpus has indexed it.
    workspace.onDidAnalyzeLocally(({ document, path, text, parts }) => {
      if (workspace.correctedPaths.has(path)) return; // hand corrections need the full report
      const enabled = enabledLayers();
      for (const editor of vscode.window.visibleTextEditors) {
        if (editor.document === document && document.getText() === text) timed('localLayers', () => layers.applyLocal(editor, path, text, parts, enabled));
      }
    }),
    vscode.workspace.onDidChangeTextDocument((e) => layers.edited(e)),
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      layers.forgetHidden(editors);
      refreshVisible();
    }),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('newsAnnotator.layers') || e.affectsConfiguration('newsAnnotator.passages')) refreshVisible();
    }),
    vscode.workspace.registerTextDocumentContentProvider(PASSAGE_SCHEME, passages),
    vscode.languages.registerHoverProvider(ARTICLE_SELECTOR, new ArticleHoverProvider(reports)),
    vscode.languages.registerCodeLensProvider(ARTICLE_SELECTOR, new SharedPassageLensProvider(reports, () => enabledLayers().shared)),
    vscode.languages.registerReferenceProvider(ARTICLE_SELECTOR, new EntityReferenceProvider(reports, locations)),
    vscode.languages.registerDocumentSymbolProvider(ARTICLE_SELECTOR, new ArticleSymbolProvider(reports), { label: vscode.l10n.t('Article') }),
    vscode.window.registerWebviewViewProvider(CoverageViewProvider.viewId, coverage),
    ...registerCommands(experience, enabledLayers, locations),
  );
  // The lens provider is a disposable too (its event emitter).
  scanWhenFirstArticleOpens(context, workspace, reports);
  refreshVisible();
  updateContext();
  return experience;
}

function registerCommands(x: EditorExperience, enabledLayers: () => Record<LayerName, boolean>, locations: CorpusLocations): vscode.Disposable[] {
  const { reports } = x;
  const toggle = async (layer: LayerName) => {
    const config = vscode.workspace.getConfiguration('newsAnnotator.layers');
    const key = LAYER_SETTING[layer];
    const inspect = config.inspect<boolean>(key);
    const target = inspect?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspect?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
    await config.update(key, !enabledLayers()[layer], target);
  };

  const comparisonAtCursor = (): ComparisonRequest | undefined => {
    const editor = vscode.window.activeTextEditor;
    const article = reports.current(editor?.document, { analyze: true });
    if (!editor || !article) return undefined;
    const offset = editor.document.offsetAt(editor.selection.active);
    // The paragraph under the cursor, as its lens compares it; else the passage itself (outside paragraphs).
    const group = groupSharedByParagraph(article.report, article.analysis.text, reports.outletLookup, reports.thresholds())
      .find((g) => g.paragraph.start <= offset && offset <= g.paragraph.end);
    if (group) return group.comparison;
    const passage = visibleShared(article.report, article.analysis.text, reports.thresholds()).find((s) => s.start <= offset && offset <= s.end);
    return passage ? comparisonFor(article.path, passage) : undefined;
  };

  const moveToSharedPassage = (direction: 1 | -1) => {
    const editor = vscode.window.activeTextEditor;
    const article = reports.current(editor?.document, { analyze: true });
    if (!editor || !article) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an article to move between its shared passages.'));
      return;
    }
    const shared = visibleShared(article.report, article.analysis.text, reports.thresholds());
    const target = adjacentPassage(shared, editor.document.offsetAt(editor.selection.active), direction);
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No passage of this article is shared with another article.'));
      return;
    }
    const at = editor.document.positionAt(target.start);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, editor.document.positionAt(target.end)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  const register = vscode.commands.registerCommand;
  return [
    register('newsAnnotator.toggleQuotes', () => toggle('quotes')),
    register('newsAnnotator.toggleEntities', () => toggle('entities')),
    register('newsAnnotator.toggleSharedPassages', () => toggle('shared')),
    register('newsAnnotator.showSourcesPanel', async () => {
      await vscode.commands.executeCommand('workbench.view.extension.newsSources');
    }),
    register('newsAnnotator.comparePassage', async (request?: ComparisonRequest) => {
      const comparison = request ?? comparisonAtCursor();
      if (!comparison) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor in a shared passage (one with a “Shared with” lens) to compare it.'));
        return;
      }
      await openComparison(reports, comparison);
    }),
    register('newsAnnotator.nextSharedPassage', () => moveToSharedPassage(1)),
    register('newsAnnotator.previousSharedPassage', () => moveToSharedPassage(-1)),
    register('newsAnnotator.openPassage', async (target: PassageTarget, options?: { beside?: boolean }) => {
      if (!target || typeof target.path !== 'string') return;
      await openPassage(reports, target, { viewColumn: options?.beside ? vscode.ViewColumn.Beside : undefined, preserveFocus: false });
    }),
    register('newsAnnotator.compareCopy', async (node?: { kind?: string; comparison?: ComparisonRequest }) => {
      if (node?.comparison) await openComparison(reports, node.comparison);
    }),
    register('newsAnnotator.showEntityMentions', async (args?: { id?: string }) => {
      if (!args?.id) return;
      const found = entityLocations(reports, locations, args.id);
      if (!found.length) return;
      const editor = vscode.window.activeTextEditor;
      const uri = editor?.document.uri ?? found[0].uri;
      const position = editor?.selection.active ?? found[0].range.start;
      await vscode.commands.executeCommand('editor.action.showReferences', uri, position, found);
    }),
    register('newsAnnotator.entities.showWholeCorpus', () => x.entities.scope.set('corpus')),
    register('newsAnnotator.entities.showActiveArticle', () => x.entities.scope.set('article')),
    register('newsAnnotator.quotes.showWholeCorpus', () => x.quotes.scope.set('corpus')),
    register('newsAnnotator.quotes.showActiveArticle', () => x.quotes.scope.set('article')),
    register('newsAnnotator.exportReport', (options?: ExportOptions) => exportReport(reports, options)),
    register('newsAnnotator.setOutlet', (uri?: vscode.Uri, outlet?: string) =>
      setOutletForFile((u) => reports.forPath(corpusKey(u))?.outlet ?? null, uri instanceof vscode.Uri ? uri : undefined, typeof outlet === 'string' ? outlet : undefined),
    ),
    // Diagnostic: what the layers drew in the active editor and what the panel lists (used by the tests).
    register('newsAnnotator.describeEditorState', () => {
      const editor = vscode.window.activeTextEditor;
      for (const tree of [x.sharedParagraphs, x.entities, x.quotes]) tree.refreshIfStale();
      return {
        layers: editor ? x.layers.snapshot(editor) : undefined,
        sharedParagraphs: x.sharedParagraphs.paragraphs().map((p) => ({
          start: p.group.paragraph.start,
          end: p.group.paragraph.end,
          label: p.label,
          outlets: p.copies.map((c) => ({ outlet: c.outlet, path: c.comparison.right.path, similarity: c.comparison.similarity, origin: c.isOrigin })),
          selected: x.sharedParagraphs.view.selection.includes(p),
        })),
        entities: x.entities.types().map((t) => ({ type: t.type, names: t.entities.map((e) => e.entity.name) })),
        quoteSpeakers: x.quotes.speakers().map((s) => ({ name: s.name, quotes: s.quotes.length })),
        quotesWithCopies: (() => {
          const latest = editor ? reports.latest(editor.document) : undefined;
          return latest ? latest.report.quotes.filter((q) => otherCopies(latest.path, q.copies).length > 0).length : 0;
        })(),
        statusBar: x.statusBar.item.text,
        coverage: x.coverage.lastMessage,
      };
    }),
  ];
}

/**
 * Scans the workspace in the background once: the first time an article is shown, or, in a folder that
 * declares itself a news folder, as soon as the extension starts.
 */
function scanWhenFirstArticleOpens(context: vscode.ExtensionContext, workspace: WorkspaceCorpus, reports: ArticleReports): void {
  let started = false;
  const enabled = () => !started && vscode.workspace.getConfiguration('newsAnnotator').get<boolean>('scanOnOpen', true) && !!vscode.workspace.workspaceFolders?.length;
  const start = () => {
    started = true;
    const cancel = new vscode.CancellationTokenSource();
    context.subscriptions.push(cancel);
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('News: reading the workspace’s articles') },
      (progress) => workspace.scanWorkspace(progress, cancel.token),
    );
  };
  const maybeScan = () => {
    if (!enabled() || !vscode.window.visibleTextEditors.some((e) => reports.isArticle(e.document))) return;
    // The opened article's own layers are drawn on its open event, before this runs; the scan (its
    // worker's start, the file reads) then overlaps with the article's corpus pass, so that the
    // shared passages, which need the other articles, come as early as they can.
    started = true;
    setTimeout(start, 50);
  };
  context.subscriptions.push(vscode.window.onDidChangeVisibleTextEditors(maybeScan));
  maybeScan();
  // A folder that declares itself a news folder (the files of the `workspaceContains` activation events
  // at its root) is read as soon as the extension starts, once VS Code's own start-up has had a moment:
  // its first article then opens with its shared passages already found. Any other folder is read when
  // its first article opens, so that a repository's README never starts a scan.
  const scanIfNewsFolder = async () => {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const marker of NEWS_FOLDER_MARKERS) {
        if (!enabled()) return;
        const found = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, marker)).then(
          () => true,
          () => false,
        );
        if (found && enabled()) return start();
      }
    }
  };
  const idle = setTimeout(() => void scanIfNewsFolder(), 1000);
  context.subscriptions.push({ dispose: () => clearTimeout(idle) });
}

/** Files at a folder's root that say it is a news folder (package.json's `workspaceContains` events name them too). */
const NEWS_FOLDER_MARKERS = [MANIFEST_NAME, 'news-entities.json', ANNOTATION_FILE_NAME];
