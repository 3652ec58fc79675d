// News: Set Outlet for This File — records the outlet in the news-sources.json manifest at the root of
// the file's workspace folder (the format documented in src/core/outlets.ts). The entry whose `match`
// is exactly this file's path is updated, or one is added; other entries and fields are kept.
import * as vscode from 'vscode';
import { MANIFEST_NAME, withOutlet } from './outletManifestText';

export async function setOutletForFile(currentOutlet: (uri: vscode.Uri) => string | null, target?: vscode.Uri, outletArg?: string): Promise<vscode.Uri | undefined> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
  if (!uri || !folder) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an article from a workspace folder to set its outlet.'));
    return undefined;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Setting an outlet writes news-sources.json, which needs a trusted workspace.'));
    return undefined;
  }
  const relativePath = vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
  const outlet = outletArg ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Set Outlet for This File'),
    prompt: vscode.l10n.t('The outlet that published {0} (saved in {1})', relativePath, MANIFEST_NAME),
    value: currentOutlet(uri) ?? '',
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Type the outlet’s name, for example “The Gleaner”.')),
  }));
  if (!outlet || !outlet.trim()) return undefined;
  const manifestUri = vscode.Uri.joinPath(folder.uri, MANIFEST_NAME);
  let existing: string | undefined;
  try {
    existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(manifestUri));
  } catch {
    existing = undefined;
  }
  let updated: string;
  try {
    updated = withOutlet(existing, relativePath, outlet.trim());
  } catch (error) {
    const open = vscode.l10n.t('Open {0}', MANIFEST_NAME);
    const choice = await vscode.window.showErrorMessage(vscode.l10n.t('{0} could not be read: {1}', MANIFEST_NAME, error instanceof Error ? error.message : String(error)), open);
    if (choice === open) await vscode.window.showTextDocument(manifestUri);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(manifestUri, new TextEncoder().encode(updated));
  void vscode.window.showInformationMessage(vscode.l10n.t('{0} is now credited to {1} in {2}.', relativePath, outlet.trim(), MANIFEST_NAME));
  return manifestUri;
}
