// The Node entry (package.json `main`, dist/extension.js): a few KB; dist/main.js (extension.ts) is
// loaded when needed (see lazyActivation.ts).
import type * as vscode from 'vscode';
import type { NewsAnnotatorApi } from './api';
import { activateLazily, type MainModule } from './lazyActivation';

let deactivateMain: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): NewsAnnotatorApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a separate bundle, loaded on demand (esbuild.mjs)
  const lazy = activateLazily(context, () => require('./main.js') as MainModule);
  deactivateMain = lazy.deactivate;
  return lazy.api;
}

export async function deactivate(): Promise<void> {
  await deactivateMain?.();
}
