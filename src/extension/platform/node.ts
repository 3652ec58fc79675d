// The Node extension host's platform: the analysis worker is a worker_threads Worker running
// dist/worker.js. The browser build replaces this module with ./web.ts (see esbuild.mjs).
import { analysisWorkerLimits } from '../worker/workerOptions';
import type * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import { sameThreadPort, type AnalysisPort, type ReplyMessage } from '../worker/protocol';

export const PLATFORM = 'node';

export async function createAnalysisPort(extensionUri: vscode.Uri): Promise<AnalysisPort> {
  let worker: Worker;
  try {
    worker = new Worker(extensionUri.with({ path: extensionUri.path.replace(/\/$/, '') + '/dist/worker.js' }).fsPath, { resourceLimits: analysisWorkerLimits() });
  } catch {
    return sameThreadPort();
  }
  worker.unref();
  return {
    kind: 'worker_threads',
    post: (message, transfer) => worker.postMessage(message, transfer),
    onMessage: (listener: (message: ReplyMessage) => void) => void worker.on('message', listener),
    onExit: (listener) => {
      worker.on('error', (error) => listener(error instanceof Error ? error.message : String(error)));
      worker.on('exit', (code) => listener(`exit code ${code}`));
    },
    terminate: () => void worker.terminate(),
  };
}
