// News: Export Report — the corpus as JSON (the scan contract, what the CLI prints), CSV (one row per
// annotation) or a standalone HTML page.
import * as vscode from 'vscode';
import type { ArticleReports } from '../layers/articleReports';
import { reportCsv, reportHtml } from './exportFormats';

export type ExportFormat = 'json' | 'csv' | 'html';

export interface ExportOptions {
  format?: ExportFormat;
  /** Where to write; asks with a save dialog when absent. */
  uri?: vscode.Uri | string;
}

export function renderReport(reports: ArticleReports, format: ExportFormat): string {
  const report = reports.report();
  const textOf = (path: string) => reports.textOf(path);
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  if (format === 'csv') return reportCsv(report, textOf);
  return reportHtml(report, textOf, vscode.l10n.t('News Annotator report'));
}

export async function exportReport(reports: ArticleReports, options: ExportOptions = {}): Promise<vscode.Uri | undefined> {
  // The command is disabled in an untrusted workspace (package.json enablement); executeCommand bypasses that.
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Exporting a report writes a file, which needs a trusted workspace.'));
    return undefined;
  }
  if (reports.paths().length === 0) {
    const scan = vscode.l10n.t('Scan Workspace');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('There is nothing to export yet: scan the workspace first.'), scan);
    if (choice === scan) await vscode.commands.executeCommand('newsAnnotator.scanWorkspace');
    if (reports.paths().length === 0) return undefined;
  }
  let format = options.format;
  if (!format) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'JSON', description: vscode.l10n.t('the scan report (news-annotator/scan@1), as the CLI prints it'), format: 'json' as const },
        { label: 'CSV', description: vscode.l10n.t('one row per paragraph, quote, entity mention and shared passage'), format: 'csv' as const },
        { label: 'HTML', description: vscode.l10n.t('a standalone page with the annotated articles'), format: 'html' as const },
      ],
      { title: vscode.l10n.t('Export Report'), placeHolder: vscode.l10n.t('Choose a format') },
    );
    if (!picked) return undefined;
    format = picked.format;
  }
  let uri = typeof options.uri === 'string' ? vscode.Uri.parse(options.uri) : options.uri;
  if (!uri) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    uri = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `news-report.${format}`) : undefined,
      filters: { [format.toUpperCase()]: [format] },
      title: vscode.l10n.t('Export Report'),
    });
    if (!uri) return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(renderReport(reports, format)));
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Report written to {0}.', vscode.workspace.asRelativePath(uri)), open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('vscode.open', uri);
  });
  return uri;
}
