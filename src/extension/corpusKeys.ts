// The corpus keys a document by its workspace-relative path (forward slashes), as the scan report does.
import * as vscode from 'vscode';

export function corpusKey(uri: vscode.Uri): string {
  if (uri.scheme === 'untitled') return uri.toString();
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  return vscode.workspace.asRelativePath(uri, multiRoot).replace(/\\/g, '/');
}
