// The web extension host's platform (VS Code for the Web): the analysis worker is a Web Worker made
// from dist/web/worker.js when the host lets an extension start one; otherwise the service runs on
// the extension host's own thread, which in the browser is itself a Web Worker, so the editor's UI
// thread stays free either way.
import * as vscode from 'vscode';
import { sameThreadPort, type AnalysisPort, type ReplyMessage } from '../worker/protocol';

export const PLATFORM = 'web';

declare const Worker: undefined | (new (url: string) => { postMessage(m: unknown, transfer?: ArrayBuffer[]): void; onmessage: ((e: { data: ReplyMessage }) => void) | null; onerror: ((e: unknown) => void) | null; terminate(): void });
declare const Blob: new (parts: string[], options: { type: string }) => unknown;
declare const URL: { createObjectURL(blob: unknown): string };

export async function createAnalysisPort(extensionUri: vscode.Uri): Promise<AnalysisPort> {
  if (typeof Worker !== 'function') return sameThreadPort();
  try {
    const workerSource = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'worker.js')));
    // A blob URL: the extension's own files may be on another origin than the extension host.
    const worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));
    let listener: ((message: ReplyMessage) => void) | undefined;
    worker.onmessage = (e) => listener?.(e.data);
    let exitListener: ((reason: string) => void) | undefined;
    worker.onerror = (e) => exitListener?.(String((e as { message?: unknown })?.message ?? e));
    return {
      kind: 'web-worker',
      post: (message, transfer) => worker.postMessage(message, transfer),
      onMessage: (l) => {
        listener = l;
      },
      onExit: (l) => {
        exitListener = l;
      },
      terminate: () => worker.terminate(),
    };
  } catch {
    return sameThreadPort();
  }
}
