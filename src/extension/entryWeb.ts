// The browser entry (package.json `browser`): a web extension is one file, so `main` is bundled in
// (its code is parsed with this file), but it is started only when needed, as on Node (lazyActivation.ts).
import type * as vscode from 'vscode';
import type { NewsAnnotatorApi } from './api';
import * as main from './extension';
import { activateLazily } from './lazyActivation';

let deactivateMain: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  const lazy = activateLazily(context, () => main);
  deactivateMain = lazy.deactivate;
  return lazy.api;
}

export async function deactivate(): Promise<void> {
  await deactivateMain?.();
}
