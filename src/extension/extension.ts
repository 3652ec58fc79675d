// `main`: wires the core's analysis into the editor. Loaded by the entry (lazyActivation.ts) when it is
// needed; activate() stays cheap: nothing is scanned until an article is shown or a command asks for it.
import * as vscode from 'vscode';
import type { NewsAnnotatorApi } from './api';
import { corpusKey } from './corpusKeys';
import { autoSpansFromReport, type CorrectionSpan } from '../core/annotations';
import { registerAnnotations, type AnnotationsApi } from './annotations';
import { createEditorExperience } from './editorExperience';
import { registerPassimCommands } from './passimCommands';
import { StructureDecorations } from './structureDecorations';
import { WorkspaceCorpus } from './workspaceCorpus';
import { mark, timed } from './trace';
import { warmUpAnalysis } from './warmUp';
// The browser build (esbuild.mjs) swaps this for ./platform/web.
import { createAnalysisPort } from './platform/node';

export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  mark('activate');
  const settings = () => vscode.workspace.getConfiguration('newsAnnotator');
  const workspace = new WorkspaceCorpus(() => settings().get<number>('debounceMs', 250), {
    createPort: () => createAnalysisPort(context.extensionUri),
    // The same worker code, a second instance: the edited article's analysis ahead of the debounce
    // runs there, off the host's thread, and never behind a scan (web: a second Web Worker).
    createLivePort: () => createAnalysisPort(context.extensionUri),
    storage: context.storageUri ?? context.globalStorageUri,
    // Below this, resolving identities on the host after each change costs well under a frame.
    resolveElsewhereFrom: 3000,
  });
  const structure = new StructureDecorations();
  const output = vscode.window.createOutputChannel('News Annotator', { log: true });
  context.subscriptions.push(workspace, structure, output);
  const { reports, coverage } = createEditorExperience(context, workspace);
  coverageView = coverage;
  const structureEnabled = () => settings().get<boolean>('layers.structure', true);
  registerPassimCommands(context, workspace);
  const annotations = registerAnnotations(context);
  connectAnnotations(context, workspace, reports, annotations);
  annotationsForDeactivate = annotations;

  const refresh = (editor: vscode.TextEditor) => {
    if (!workspace.filter.isArticle(editor.document)) return;
    structure.apply(editor, workspace.corpus.get(corpusKey(editor.document.uri)), structureEnabled());
  };
  const refreshVisible = () => timed('structure', () => {
    for (const editor of vscode.window.visibleTextEditors) refresh(editor);
  });
  const showEditors = (editors: readonly vscode.TextEditor[]) => {
    structure.forgetHidden(vscode.window.visibleTextEditors);
    for (const editor of editors) {
      if (workspace.filter.isArticle(editor.document)) workspace.analyzeInSteps(editor.document);
      refresh(editor);
    }
  };

  context.subscriptions.push(
    reports.onDidChangeEarly(refreshVisible),
    workspace.onDidAnalyzeLocally(({ document, text, parts }) => {
      for (const editor of vscode.window.visibleTextEditors) {
        if (editor.document === document) structure.apply(editor, { text, structure: parts.structure }, structureEnabled());
      }
    }),
    vscode.window.onDidChangeVisibleTextEditors(showEditors),
    vscode.workspace.onDidChangeTextDocument((e) => structure.edited(e)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('newsAnnotator')) refreshVisible();
    }),
    vscode.commands.registerCommand('newsAnnotator.scanWorkspace', () => scanWorkspace(workspace, output)),
    vscode.commands.registerCommand('newsAnnotator.rescanFile', () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open an article to rescan it.'));
        return;
      }
      workspace.analyzeNow(editor.document);
      refresh(editor);
    }),
    vscode.commands.registerCommand('newsAnnotator.toggleStructure', async () => {
      const current = settings().get<boolean>('layers.structure', true);
      await settings().update('layers.structure', !current, vscode.ConfigurationTarget.Global);
    }),
  );
  // The article whose opening activated us is analysed just after activation returns, so that the
  // analysis does not count against (or delay) the activation itself.
  const firstShow = setTimeout(() => timed('firstShow', () => showEditors(vscode.window.visibleTextEditors)), 0);
  // Then, until an article has been analysed, the core is warmed up in idle time (see warmUp.ts).
  let active = true;
  const warmTimers = new Set<ReturnType<typeof setTimeout>>();
  warmUpAnalysis(
    (step) => {
      const timer = setTimeout(() => {
        warmTimers.delete(timer);
        timed('warmUp', step);
      }, 0);
      warmTimers.add(timer);
    },
    () => active && !workspace.hasAnalysed && workspace.corpus.size === 0,
  );
  context.subscriptions.push({
    dispose: () => {
      active = false;
      clearTimeout(firstShow);
      for (const timer of warmTimers) clearTimeout(timer);
    },
  });
  // Outlets and known entities come from files at the folder root; read them without delaying activation.
  void workspace.loadFolderSettings().then(() => {
    for (const problem of workspace.settingsProblems) output.warn(problem);
    refreshVisible();
  });

  mark('activated');
  return {
    version: 1,
    annotations,
    async analysisFor(document) {
      const analysis = workspace.analyzeNow(document);
      return { path: analysis.path, paragraphs: analysis.structure.paragraphs };
    },
  };
}

async function scanWorkspace(workspace: WorkspaceCorpus, output: vscode.LogOutputChannel): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder of articles to scan it.'));
    return;
  }
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('News: scanning articles'), cancellable: true },
    (progress, token) => workspace.scanWorkspace(progress, token),
  );
  for (const skip of summary.skipped) output.warn(`${skip.path}: ${skip.message}`);
  for (const problem of workspace.settingsProblems) output.warn(problem);
  const parts = [vscode.l10n.t('{0} articles scanned', summary.files)];
  if (summary.skipped.length) parts.push(vscode.l10n.t('{0} files skipped (see the News Annotator output)', summary.skipped.length));
  if (workspace.settingsProblems.length) parts.push(vscode.l10n.t('problems in news-sources.json or news-entities.json (see the News Annotator output)'));
  if (summary.cancelled) parts.push(vscode.l10n.t('cancelled'));
  const message = parts.join(', ') + '.';
  if (summary.skipped.length || workspace.settingsProblems.length) {
    const show = vscode.l10n.t('Show Output');
    void vscode.window.showWarningMessage(message, show).then((choice) => choice === show && output.show());
  } else {
    void vscode.window.showInformationMessage(message);
  }
}

/**
 * Hand annotations and the automatic layers meet here: corrections override the automatic results in
 * every view and export, and the correction commands read the automatic spans under the cursor.
 */
function connectAnnotations(
  context: vscode.ExtensionContext,
  workspace: WorkspaceCorpus,
  reports: ReturnType<typeof createEditorExperience>['reports'],
  annotations: AnnotationsApi,
): void {
  const collectCorrections = () => {
    const byPath = new Map<string, CorrectionSpan[]>();
    for (const { folder, annotations: list } of annotations.all()) {
      const sources = new Set(list.filter((a) => a.correction).map((a) => a.target.source));
      for (const source of sources) {
        const uri = vscode.Uri.joinPath(folder.uri, source);
        const path = corpusKey(uri);
        const text = workspace.corpus.get(path)?.text;
        if (text !== undefined) byPath.set(path, annotations.correctionsFor(uri, text));
      }
    }
    workspace.corpus.setCorrections(byPath);
    workspace.correctedPaths = new Set([...byPath].filter(([, spans]) => spans.length > 0).map(([path]) => path));
  };
  workspace.beforeChange = collectCorrections;
  context.subscriptions.push(
    annotations.onDidChange(() => workspace.fireChanged([])),
    annotations.setLayerProvider({
      spansFor: (uri) => {
        const path = corpusKey(uri);
        const report = reports.forPath(path);
        return report ? autoSpansFromReport(report, reports.textOf(path)) : undefined;
      },
      entities: () => reports.entities(),
      outletOf: (uri) => reports.forPath(corpusKey(uri))?.outlet ?? null,
      allSpans: () =>
        reports.paths().flatMap((path) => {
          const uri = reports.uriFor(path);
          const report = reports.forPath(path);
          return uri && report ? [{ uri, spans: autoSpansFromReport(report, reports.textOf(path)) }] : [];
        }),
    }),
  );
  void annotations.ready.then(() => workspace.fireChanged([]));
}

let annotationsForDeactivate: AnnotationsApi | undefined;
let coverageView: vscode.WebviewViewProvider | undefined;

/** Resolves the Coverage view the entry's stand-in was asked for before this module loaded. */
export function resolveCoverageView(view: vscode.WebviewView, context: vscode.WebviewViewResolveContext, token: vscode.CancellationToken): void | Thenable<void> {
  return coverageView?.resolveWebviewView(view, context, token);
}

export async function deactivate(): Promise<void> {
  // Everything else is disposed through context.subscriptions; pending annotation writes must land.
  await annotationsForDeactivate?.flush();
}
