// An opt-in timeline of the editor path (change event, debounce, analysis, report, decorations), for
// the editor benchmark (test/launch/benchEditor.ts --trace). Off unless the extension host's
// environment sets NEWS_ANNOTATOR_TRACE to a file path; then each mark is kept in memory with its wall
// time in ms (performance.timeOrigin + now, comparable with the workbench page's clock) and the list
// is written as JSON lines when the host has been idle for a second, so tracing adds no I/O to the
// path it measures.
import * as vscode from 'vscode';

const target: string | undefined = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.NEWS_ANNOTATOR_TRACE || undefined;
const marks: string[] = [];
let flushTimer: ReturnType<typeof setTimeout> | undefined;
let writing = Promise.resolve();

export const tracing = target !== undefined;

export function now(): number {
  return performance.timeOrigin + performance.now();
}

/** Records one event (no-op unless tracing). */
export function mark(event: string, detail?: Record<string, unknown>): void {
  if (!target) return;
  marks.push(JSON.stringify({ t: now(), event, ...detail }));
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = setTimeout(flush, 1000);
}

/** Runs `fn`, recording its start and duration under `event` when tracing. */
export function timed<T>(event: string, fn: () => T, detail?: Record<string, unknown>): T {
  if (!target) return fn();
  const start = now();
  try {
    return fn();
  } finally {
    marks.push(JSON.stringify({ t: start, event, ms: now() - start, ...detail }));
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = setTimeout(flush, 1000);
  }
}

let idleMarked = false;
/**
 * Records `event` when the host's current macrotask is over (a timer of 0 ms, queued behind the RPC
 * writer's own: the messages just sent, such as decorations, leave then). No-op unless tracing.
 */
export function markWhenIdle(event: string): void {
  if (!target || idleMarked) return;
  idleMarked = true;
  setTimeout(() => {
    idleMarked = false;
    mark(event);
  }, 0);
}

function flush(): void {
  flushTimer = undefined;
  if (!target || !marks.length) return;
  const lines = marks.splice(0).join('\n') + '\n';
  const uri = vscode.Uri.file(target);
  writing = writing.then(async () => {
    let before: Uint8Array = new Uint8Array();
    try {
      before = await vscode.workspace.fs.readFile(uri);
    } catch {
      // first write
    }
    const added = new TextEncoder().encode(lines);
    const all = new Uint8Array(before.length + added.length);
    all.set(before);
    all.set(added, before.length);
    await vscode.workspace.fs.writeFile(uri, all);
  }).catch(() => undefined);
}
