// News: Export Corpus for passim / News: Import passim Output. For corpora too big for one machine:
// passim (Viral Texts) runs on Apache Spark over the exported JSON lines; its output clusters come
// back as shared passages (source "passim") in the same highlights, lenses and panel. The formats
// are in src/core/passim.ts. Export writes a file, so it needs a trusted workspace; import only reads.
import * as vscode from 'vscode';
import { importPassim, parsePassimOutput, toPassimInput } from '../core/passim';
import type { WorkspaceCorpus } from './workspaceCorpus';

export interface PassimCommandOptions {
  /** Where to write (export) or what to read (import: a file or passim's output folder); asks when absent. */
  uri?: vscode.Uri | string;
}

export interface PassimImportSummary {
  clusters: number;
  placed: number;
  problems: string[];
}

const toUri = (u: vscode.Uri | string | undefined) => (typeof u === 'string' ? vscode.Uri.parse(u) : u);

export function registerPassimCommands(context: vscode.ExtensionContext, workspace: WorkspaceCorpus): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('newsAnnotator.exportPassim', (options?: PassimCommandOptions) => exportForPassim(workspace, options ?? {})),
    vscode.commands.registerCommand('newsAnnotator.importPassim', (options?: PassimCommandOptions) => importPassimOutput(workspace, options ?? {})),
  );
}

export async function exportForPassim(workspace: WorkspaceCorpus, options: PassimCommandOptions): Promise<vscode.Uri | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Exporting for passim writes a file, which needs a trusted workspace.'));
    return undefined;
  }
  const corpus = workspace.corpus;
  if (corpus.size === 0) {
    const scan = vscode.l10n.t('Scan Workspace');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('There is nothing to export yet: scan the workspace first.'), scan);
    if (choice === scan) await vscode.commands.executeCommand('newsAnnotator.scanWorkspace');
    if (corpus.size === 0) return undefined;
  }
  let uri = toUri(options.uri);
  if (!uri) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    uri = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, 'passim-input.json') : undefined,
      filters: { 'JSON lines': ['json', 'jsonl'] },
      title: vscode.l10n.t('Export Corpus for passim'),
    });
    if (!uri) return undefined;
  }
  const documents = corpus.paths().map((path) => ({ path, text: corpus.get(path)!.text, outlet: corpus.outletOf(path)?.outlet ?? null }));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(toPassimInput(documents)));
  void vscode.window.showInformationMessage(vscode.l10n.t('{0} articles written to {1} as passim input.', documents.length, vscode.workspace.asRelativePath(uri)));
  return uri;
}

export async function importPassimOutput(workspace: WorkspaceCorpus, options: PassimCommandOptions): Promise<PassimImportSummary | undefined> {
  let uri = toUri(options.uri);
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: true,
      canSelectFolders: true,
      canSelectMany: false,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      openLabel: vscode.l10n.t('Import'),
      title: vscode.l10n.t('Import passim Output (a JSON lines file or passim’s output folder)'),
    });
    uri = picked?.[0];
    if (!uri) return undefined;
  }
  let content: string;
  try {
    content = await readPassimOutput(uri);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read passim output {0}: {1}', uri.toString(true), error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  if (workspace.corpus.size < 2) {
    // The passages point into the articles: read them first.
    await vscode.commands.executeCommand('newsAnnotator.scanWorkspace');
  }
  const parsed = parsePassimOutput(content);
  const imported = importPassim(parsed.records, (id) => workspace.corpus.get(id)?.text);
  workspace.corpus.setExternalPassages(imported.passages);
  workspace.fireChanged([]);
  const problems = [...parsed.errors, ...imported.problems];
  const message = vscode.l10n.t('passim: {0} passages in {1} clusters imported.', imported.placed, imported.clusters);
  if (problems.length) {
    const shown = problems.slice(0, 3).join('; ') + (problems.length > 3 ? vscode.l10n.t(' (and {0} more)', problems.length - 3) : '');
    void vscode.window.showWarningMessage(`${message} ${vscode.l10n.t('{0} records skipped: {1}', problems.length, shown)}`);
  } else {
    void vscode.window.showInformationMessage(message);
  }
  return { clusters: imported.clusters, placed: imported.placed, problems };
}

/** A file, or passim's output folder (out.json/part-* files, possibly gzipped). */
async function readPassimOutput(uri: vscode.Uri): Promise<string> {
  const stat = await vscode.workspace.fs.stat(uri);
  if (!(stat.type & vscode.FileType.Directory)) return readMaybeGzip(uri);
  let dir = uri;
  const entries = await vscode.workspace.fs.readDirectory(uri);
  if (entries.some(([name, type]) => name === 'out.json' && type & vscode.FileType.Directory)) dir = vscode.Uri.joinPath(uri, 'out.json');
  const files = (dir === uri ? entries : await vscode.workspace.fs.readDirectory(dir))
    .filter(([name, type]) => type & vscode.FileType.File && !name.startsWith('.') && !name.startsWith('_') && !name.endsWith('.crc'))
    .map(([name]) => name)
    .sort();
  const parts: string[] = [];
  for (const name of files) parts.push(await readMaybeGzip(vscode.Uri.joinPath(dir, name)));
  return parts.join('\n');
}

async function readMaybeGzip(uri: vscode.Uri): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (!uri.path.endsWith('.gz')) return new TextDecoder('utf-8').decode(bytes);
  // DecompressionStream exists in Node 18+ and in browsers, so this also runs in VS Code for the Web.
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}
