// The editor benchmark (issue 6, "Performance"): measures in a real VS Code 1.100.3 (code-server +
// headless Chromium, the UI tests' workbench) what a fact-checker feels, and prints each figure with a
// baseline measured in the same run (the machine is shared and noisy, so read the ratios):
//   1. activation time of the extension (VS Code's own "Activation: N ms" in Developer: Show Running
//      Extensions = code loading + the activate() call), baseline: a trivial probe extension loaded
//      beside it and activated by the same event;
//   2. first highlights in an opened seed: from the click in the Explorer to the first frame showing a
//      decoration of each layer (structure, quotes, entities, shared), baseline: the frame showing its text;
//   3. typing in a 50 KB article (BBC articles concatenated at run time, their sources beside it so its
//      paragraphs are shared): each keystroke's echo (keydown -> the character in the DOM), baseline: the
//      same text in a file the extension ignores; and the time from the last keystroke until the layers
//      show the edit (a new quote's speaker label), minus the debounce;
//   4. the size of dist/extension.js, and of the minified production bundle (built in memory, dist/ untouched).
// Timings are taken inside the page (performance.now() in a MutationObserver), not through playwright's
// round trips. Speed targets live here, never in timed tests.
//
//   npm run bench:editor            (build, compile, run)
//   node out/test/launch/benchEditor.js [--rounds N]   (after npm run build && npm run compile-tests)
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { copySeeds, launchBrowser, newWorkbenchPage, REPO_ROOT, sharedDir, startCodeServer, workbenchUrl, type CodeServer } from './codeServer';
import { Workbench } from '../ui/workbench';

const DEBOUNCE_MS = 250;
const EXTENSION_ID = 'news-annotator.news-annotator';
const PROBE_PUBLISHER = 'news-annotator-bench';
const PROBE_ID = `${PROBE_PUBLISHER}.bench-probe`;
const LAYERS = ['structure', 'quotes', 'entities', 'shared'] as const;
type Layer = (typeof LAYERS)[number];

const argRounds = process.argv.indexOf('--rounds');
/** --trace: the extension records its timeline (src/extension/trace.ts) and the run prints where the time goes. */
const TRACE = process.argv.includes('--trace');
/** --opens-only: the activation and the opens, no typing (a quick look at the first highlights). */
const ROUNDS = process.argv.includes('--opens-only') ? 0 : argRounds > 0 ? Math.max(1, Number(process.argv[argRounds + 1]) || 2) : 2;
/**
 * --news-sources: the seeds' folder also holds a news-sources.json (no entries: it changes no
 * analysis), as a folder the user has told outlets for does; the extension then activates at startup
 * (workspaceContains) instead of when the first article opens. Without it the folder is bare seed
 * files, which no activation event can tell from any other folder of .txt files: both are measured.
 */
const NEWS_SOURCES = process.argv.includes('--news-sources');
/**
 * --idle <ms>: how long the workbench sits idle before the first click. Default 0 for a bare folder (the
 * figure stays comparable with earlier runs, VS Code's own start-up work included), 3000 with
 * --news-sources (a startup activation and its background scan are what that case measures).
 */
const argIdle = process.argv.indexOf('--idle');
const IDLE_BEFORE_FIRST_OPEN_MS = argIdle > 0 ? Math.max(0, Number(process.argv[argIdle + 1]) || 0) : NEWS_SOURCES ? 3000 : 0;

// --- the page side (plain JavaScript strings: the project compiles without DOM types) --------------

/**
 * Arms a recorder for one file opening: t0 = the next mousedown (the click in the Explorer); then every
 * DOM mutation of the editor part is checked: when a view line first shows `firstLine`, and when each
 * decoration class (`ced-…`, VS Code's class for an extension's decoration type) first appears on
 * rendered text or in the gutter.
 */
const ARM_OPEN = `(firstLine) => {
  const norm = (s) => String(s || '').replace(/\\u00a0/g, ' ');
  const part = document.querySelector('.part.editor') || document.body;
  const state = { t0: 0, textAt: 0, classes: {}, lensAt: 0, origin: performance.timeOrigin };
  if (window.__benchOpen) window.__benchOpen.observer.disconnect();
  const check = () => {
    if (!state.t0) return;
    const now = performance.now();
    if (!state.textAt) {
      for (const line of part.querySelectorAll('.view-line')) if (norm(line.textContent).includes(firstLine)) { state.textAt = now; break; }
      if (!state.textAt) return;
    }
    // Inline styles are classes of the text's spans; backgrounds and borders are drawn in the view
    // overlays, gutter icons in the glyph margin: any element of an editor with a decoration class counts.
    for (const el of part.querySelectorAll('.monaco-editor [class*="ced-"]')) {
      for (const c of el.classList) if (c.startsWith('ced-') && !(c in state.classes)) state.classes[c] = now;
    }
    if (!state.lensAt && part.querySelector('.codelens-decoration a')) state.lensAt = now;
  };
  const observer = new MutationObserver(check);
  observer.observe(part, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
  document.addEventListener('mousedown', () => { if (!state.t0) state.t0 = performance.now(); }, { capture: true, once: true });
  window.__benchOpen = { state, observer };
}`;

/**
 * Which layer each decoration type belongs to. VS Code names an extension's decoration types
 * TextEditorDecorationType<N>, numbered across the extension host in creation order, and writes a
 * type's CSS rules when it is first used; colours come resolved (no variable names the layer). The
 * extension creates its 14 layer types in one synchronous batch (src/extension/structureDecorations.ts
 * then layers/layerDecorations.ts): structure (5), quotes (speech, term, speaker label), entities
 * (PERSON, ORG, PLACE), shared passages (3 strengths). The shared types are the only ones with the
 * extension's gutter icons (media/gutter-shared-*.svg), so the lowest of them anchors the batch;
 * whatever other types exist (the annotation layer's, other extensions', a startup activation's)
 * does not matter. The old anchor, the last type with an ::after rule, broke whenever another type
 * with an ::after rule was drawn (a bare folder with --idle). Keyed by N, so a per-decoration
 * sub-type (a speaker label's text: TextEditorDecorationType<N>-<hash>) counts for its parent.
 */
const CLASSIFY = `() => {
  let shared = Infinity;
  for (const sheet of document.styleSheets) {
    let list; try { list = sheet.cssRules; } catch { continue; }
    for (const r of list) {
      const css = r.cssText;
      const m = css.includes('gutter-shared-') && /TextEditorDecorationType(\\d+)-/.exec(css);
      if (m) shared = Math.min(shared, Number(m[1]));
    }
  }
  if (!Number.isFinite(shared)) return { error: 'no shared-passage type drawn yet' };
  const layerOf = {};
  const batch = [['structure', 5], ['quotes', 3], ['entities', 3], ['shared', 3]];
  let n = shared - 11;
  for (const [layer, count] of batch) for (let i = 0; i < count; i++) layerOf[n++] = layer;
  return { layerOf };
}`;

/**
 * Arms a keystroke recorder in the active editor: each keydown's time, and the first mutation of the
 * view lines after which they show everything typed so far (the echo). `labelName`: also record when
 * a decoration's ::after label containing it appears (the new quote's speaker: the layers are current).
 */
const ARM_KEYS = `([typed, labelName]) => {
  const norm = (s) => String(s || '').replace(/\\u00a0/g, ' ');
  const editor = document.querySelector('.editor-group-container.active .monaco-editor');
  const lines = editor.querySelector('.view-lines');
  const state = { down: [], echo: [], labelAt: 0, origin: performance.timeOrigin };
  if (window.__benchKeys) { window.__benchKeys.observer.disconnect(); window.removeEventListener('keydown', window.__benchKeys.onKey, true); }
  const check = () => {
    const now = performance.now();
    const n = state.down.length;
    if (n > state.echo.length) {
      const text = norm(lines.textContent);
      // Each pending keystroke whose prefix is now on screen is echoed.
      for (let i = state.echo.length; i < n; i++) { if (text.includes(typed.slice(0, i + 1))) state.echo.push(now); else break; }
    }
    if (labelName && !state.labelAt && n === typed.length) {
      for (const span of lines.querySelectorAll('span[class*="ced-"]')) {
        if (!/-4$/.test(span.className.split(' ').find((c) => /-4$/.test(c)) || '')) continue;
        if (String(getComputedStyle(span, '::after').content).includes(labelName)) { state.labelAt = now; break; }
      }
    }
  };
  const onKey = (e) => { if (e.key.length === 1) state.down.push(performance.now()); };
  window.addEventListener('keydown', onKey, true);
  const observer = new MutationObserver(check);
  observer.observe(editor, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
  window.__benchKeys = { state, observer, onKey };
}`;

/**
 * --trace, the renderer's side: installed before the workbench loads, it notes each message the page
 * receives from or sends to the server (the extension host's RPC, over one WebSocket) with its time
 * and the `$method` names it carries (the RPC writes them as plain strings; one frame may batch
 * several), and each long task (>= 50 ms) of the page's main thread: whether a decoration waits for
 * its message or for a busy renderer.
 */
const RENDERER_LOG = `(() => {
  const log = { ws: [], longTasks: [] };
  window.__benchRenderer = log;
  const names = (data) => {
    let bytes;
    if (typeof data === 'string') return (data.match(/\\$[A-Za-z]+/g) || []).slice(0, 8);
    if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
    else if (ArrayBuffer.isView(data)) bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    else return [];
    const head = bytes.subarray(0, Math.min(bytes.length, 4096));
    let s = '';
    for (let i = 0; i < head.length; i++) s += String.fromCharCode(head[i]);
    return [...new Set(s.match(/\\$[A-Za-z]{4,}/g) || [])].slice(0, 8);
  };
  const Native = window.WebSocket;
  class Logged extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        const entry = { t: performance.now(), dir: 'in', size: 0, names: [] };
        log.ws.push(entry);
        if (e.data instanceof Blob) {
          entry.size = e.data.size;
          e.data.arrayBuffer().then((b) => { entry.names = names(b); });
        } else {
          entry.size = e.data && (e.data.byteLength ?? e.data.length ?? 0);
          entry.names = names(e.data);
        }
      });
    }
    send(data) {
      const size = data && (data.byteLength ?? data.length ?? 0);
      log.ws.push({ t: performance.now(), dir: 'out', size, names: names(data) });
      return super.send(data);
    }
  }
  window.WebSocket = Logged;
  // The frames the workbench asked for (it renders in requestAnimationFrame callbacks): when each ran.
  log.frames = [];
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((ts) => { if (log.frames[log.frames.length - 1] !== ts) log.frames.push(ts); return cb(ts); });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) log.longTasks.push({ t: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: true });
  } catch {}
})()`;

// --- helpers ---------------------------------------------------------------------------------------

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN;
}
const ms = (x: number) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : Math.round(x)} ms` : 'n/a');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/**
 * The probe extension. Besides the activation baseline, it is the baseline of "layers current": in a
 * `.probe` file, 250 ms (the same debounce) after the last change, it draws one decoration whose
 * ::after label is the last word typed, with no analysis at all. The time from the last keydown to
 * that label is VS Code's own floor: the change's trip to the extension host, the debounce, the
 * decoration's trip back and the frame that draws it.
 */
const PROBE_SOURCE = `const vscode = require('vscode');
// --trace: the same marks as the extension's (change, debounce, set, sent), in <trace file>.probe.
const traceFile = process.env.NEWS_ANNOTATOR_TRACE;
const marks = [];
let flushTimer;
const mark = (event) => {
  if (!traceFile) return;
  marks.push(JSON.stringify({ t: performance.timeOrigin + performance.now(), event }));
  clearTimeout(flushTimer);
  flushTimer = setTimeout(() => require('fs').appendFileSync(traceFile + '.probe', marks.splice(0).join('\\n') + '\\n'), 1000);
};
exports.activate = (context) => {
  const label = vscode.window.createTextEditorDecorationType({});
  let timer;
  context.subscriptions.push(
    label,
    vscode.commands.registerCommand('benchProbe.hello', () => 1),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!e.document.uri.path.endsWith('.probe') || !e.contentChanges.length) return;
      mark('probeChange');
      clearTimeout(timer);
      timer = setTimeout(() => {
        mark('probeDebounce');
        const editor = vscode.window.visibleTextEditors.find((x) => x.document === e.document);
        if (!editor) return;
        const text = e.document.getText();
        const end = e.document.positionAt(text.length);
        const word = (/(\\w+)\\s*$/.exec(text) || ['', ''])[1];
        editor.setDecorations(label, [{ range: new vscode.Range(end, end), renderOptions: { after: { contentText: ' — ' + word } } }]);
        mark('probeSet');
        setTimeout(() => mark('probeSent'), 0);
      }, ${DEBOUNCE_MS});
    }),
  );
};
`;

/** A trivial extension activated by the same event as News Annotator: the activation baseline. */
function writeProbeExtension(dir: string): string {
  const ext = path.join(dir, 'bench-probe');
  fs.mkdirSync(ext, { recursive: true });
  fs.writeFileSync(
    path.join(ext, 'package.json'),
    JSON.stringify({
      name: 'bench-probe',
      displayName: 'Bench Probe',
      publisher: PROBE_PUBLISHER,
      version: '0.0.1',
      engines: { vscode: '^1.100.0' },
      activationEvents: ['onLanguage:plaintext'],
      main: './probe.js',
    }),
  );
  fs.writeFileSync(
    path.join(ext, 'probe.js'),
    PROBE_SOURCE,
  );
  return ext;
}

/** About 50 KB of BBC articles (one article per paragraph block) and the files they came from. */
function makeBigArticle(): { text: string; sources: { name: string; text: string }[] } {
  const dir = path.join(sharedDir(), 'corpora', 'bbc', 'tech');
  const sources: { name: string; text: string }[] = [];
  let text = '';
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const body = fs.readFileSync(path.join(dir, name), 'utf8').trim();
    sources.push({ name, text: body + '\n' });
    text += (text ? '\n\n' : '') + body;
    if (text.length >= 50_000) break;
  }
  return { text: text + '\n', sources };
}

async function closeAllEditors(wb: Workbench): Promise<void> {
  await wb.runCommand('View: Close All Editors');
  await wb.page.locator('.editor-group-container .monaco-editor').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

interface OpenResult {
  file: string;
  text: number;
  layers: Partial<Record<Layer, number>>;
  lens?: number;
  /** The click, in the page's wall-clock ms (performance.timeOrigin + t0), to match the extension's trace. */
  clickAt?: number;
}

/** Page-side moments of each measurement, in wall-clock ms, matched with the extension's trace. */
const traced: { what: string; lastKey?: number; labelAt?: number; clickAt?: number; textAt?: number; firstLayerAt?: number; lastLayerAt?: number }[] = [];

/** Clicks a file in the Explorer and times its text and each layer's first decoration (ms from the click). */
async function timeOpen(wb: Workbench, file: string, firstLine: string, layerOf: () => Promise<Record<string, string> | undefined>, waitMs: number): Promise<OpenResult> {
  await closeAllEditors(wb);
  await wb.page.evaluate(`(${ARM_OPEN})(${JSON.stringify(firstLine)})`);
  await wb.showExplorer();
  await wb.explorer().locator('.monaco-list-row', { hasText: file }).first().click();
  const deadline = Date.now() + waitMs;
  let result: OpenResult = { file, text: NaN, layers: {} };
  for (;;) {
    const state = (await wb.page.evaluate('window.__benchOpen.state')) as { t0: number; textAt: number; classes: Record<string, number>; lensAt: number; origin: number };
    const map = await layerOf();
    const layers: Partial<Record<Layer, number>> = {};
    if (map) {
      for (const [cls, at] of Object.entries(state.classes)) {
        const n = /TextEditorDecorationType(\d+)-/.exec(cls)?.[1];
        const layer = n ? (map[n] as Layer | undefined) : undefined;
        if (layer && !(layers[layer]! <= at - state.t0)) layers[layer] = at - state.t0;
      }
    }
    result = { file, text: state.textAt ? state.textAt - state.t0 : NaN, layers, lens: state.lensAt ? state.lensAt - state.t0 : undefined, clickAt: state.origin + state.t0 };
    if (LAYERS.every((l) => layers[l] !== undefined) || Date.now() > deadline) break;
    await sleep(200);
  }
  await wb.page.evaluate('window.__benchOpen.observer.disconnect()');
  const firstLayer = Math.min(...Object.values(result.layers));
  const lastLayer = Math.max(...Object.values(result.layers));
  traced.push({
    what: `open ${file}`,
    clickAt: result.clickAt,
    textAt: result.clickAt! + result.text,
    firstLayerAt: Number.isFinite(firstLayer) ? result.clickAt! + firstLayer : undefined,
    lastLayerAt: Number.isFinite(lastLayer) ? result.clickAt! + lastLayer : undefined,
  });
  return result;
}

interface TypingResult {
  echo: number[];
  /** ms from the last keydown to the frame showing the new quote's speaker label. */
  layersCurrent?: number;
}

/** Types `typed` (a new paragraph at the end of the active editor) with `delayMs` between keys. */
async function timeTyping(wb: Workbench, typed: string, delayMs: number, labelName: string | null, waitLabelMs: number): Promise<TypingResult> {
  const page = wb.page;
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await sleep(DEBOUNCE_MS + 600); // let the new paragraph's analysis settle
  await page.evaluate(`(${ARM_KEYS})(${JSON.stringify([typed, labelName])})`);
  for (const ch of typed) {
    await page.keyboard.type(ch);
    await sleep(delayMs);
  }
  const deadline = Date.now() + waitLabelMs;
  let state: { down: number[]; echo: number[]; labelAt: number; origin: number };
  for (;;) {
    state = (await page.evaluate('window.__benchKeys.state')) as typeof state;
    if ((!labelName || state.labelAt) && state.echo.length === state.down.length) break;
    if (Date.now() > deadline) break;
    await sleep(100);
  }
  await page.evaluate("window.__benchKeys.observer.disconnect(); window.removeEventListener('keydown', window.__benchKeys.onKey, true)");
  const echo = state.echo.map((t, i) => t - state.down[i]);
  const last = state.down[state.down.length - 1];
  if (labelName) traced.push({ what: `typing ${labelName} (${delayMs} ms/key)`, lastKey: state.origin + last, labelAt: state.labelAt ? state.origin + state.labelAt : undefined });
  return { echo, layersCurrent: labelName && state.labelAt ? state.labelAt - last : undefined };
}

interface Activation {
  loadCode: number;
  callActivate: number;
  finishActivate: number;
}

/**
 * VS Code's activation figures for an extension, read from Developer: Startup Performance (its table
 * "Extension Activation Stats": load code, call activate, finish activate, in ms), as a person would:
 * the command, then Find to bring the extension's row into view.
 */
async function activationOf(wb: Workbench, id: string): Promise<Activation> {
  await wb.runCommand('Developer: Startup Performance');
  await wb.activeEditor().locator('.view-line', { hasText: 'Extension Activation Stats' }).first().waitFor({ state: 'attached', timeout: 20_000 }).catch(() => undefined);
  const row = await wb.waitUntil(`the activation row of ${id}`, async () => {
    await wb.page.keyboard.press('Control+F');
    await wb.page.keyboard.type(`| ${id} `);
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.press('Escape');
    await sleep(300);
    for (const text of await wb.activeEditor().locator('.view-line', { hasText: id }).allInnerTexts()) {
      const cells = text.replace(/\u00a0/g, ' ').split('|').map((c) => c.trim());
      // | id | startup | load code | call activate | finish activate | event | by |
      if (cells[1] === id && cells.length >= 6 && [3, 4, 5].every((i) => /^\d+$/.test(cells[i]))) return cells;
    }
    return undefined;
  }, 30_000);
  return { loadCode: Number(row[3]), callActivate: Number(row[4]), finishActivate: Number(row[5]) };
}

async function bundleSizes(): Promise<{ dev: number; production: number }> {
  // The entry (dist/extension.js, a few KB) and main (dist/main.js, loaded when needed: lazyActivation.ts).
  const dev = fs.statSync(path.join(REPO_ROOT, 'dist', 'extension.js')).size + fs.statSync(path.join(REPO_ROOT, 'dist', 'main.js')).size;
  const esbuild = require('esbuild') as typeof import('esbuild');
  const out = await esbuild.build({
    absWorkingDir: REPO_ROOT,
    entryPoints: ['src/extension/extension.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    external: ['vscode'],
    define: { NEWS_ANALYZER_VERSION: '"bench"' },
    write: false,
    logLevel: 'silent',
  });
  return { dev, production: out.outputFiles[0].contents.length };
}

// --- where the time goes (--trace) ----------------------------------------------------------------

interface Mark {
  t: number;
  event: string;
  ms?: number;
  [key: string]: unknown;
}

/**
 * For each measurement, the extension's marks between its start (click / last key) and its end (first
 * layer / label drawn), as offsets from the start: the split of the latency between the trip to the
 * extension host, the debounce, the analysis, the listeners and the trip back to the screen.
 */
interface RendererLog {
  origin: number;
  ws?: { t: number; dir: 'in' | 'out'; size: number; names: string[] }[];
  longTasks?: { t: number; ms: number }[];
  frames?: number[];
}

function printTrace(file: string, renderer?: RendererLog): void {
  let marks: Mark[];
  try {
    const lines = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8').split('\n').filter(Boolean) : []);
    marks = [...lines(file), ...lines(`${file}.probe`)].map((l) => JSON.parse(l) as Mark).sort((a, b) => a.t - b.t);
  } catch (e) {
    console.log(`[trace] no trace: ${String(e)}`);
    return;
  }
  const fmt = (m: Mark, from: number) => `${m.event}@${Math.round(m.t - from)}${m.ms !== undefined ? `+${m.ms.toFixed(1)}` : ''}`;
  for (const x of traced) {
    const from = x.clickAt ?? x.lastKey!;
    const to = x.lastLayerAt ?? x.labelAt ?? from + 2000;
    const inside = marks.filter((m) => m.t >= from - 5 && m.t <= to + 5);
    const at = (t: number | undefined) => (t === undefined ? 'never' : Math.round(t - from));
    const end = x.clickAt !== undefined ? `text drawn@${at(x.textAt)}, first layer@${at(x.firstLayerAt)}, last layer@${at(x.lastLayerAt)}` : `label drawn@${at(x.labelAt)}`;
    console.log(`[trace] ${x.what}: ${inside.map((m) => fmt(m, from)).join(' ')} -> ${end}`);
    if (!renderer?.ws) continue;
    // The renderer's side of the same window: messages in (<) and out (>) with their RPC methods, long tasks.
    const wall = (t: number) => renderer.origin + t;
    const msgs = renderer.ws
      .filter((m) => wall(m.t) >= from - 5 && wall(m.t) <= to + 5)
      .map((m) => `${m.dir === 'in' ? '<' : '>'}${Math.round(wall(m.t) - from)}${m.names.length ? ':' + m.names.map((n) => n.slice(1)).join(',') : ''}(${m.size})`);
    const tasks = (renderer.longTasks ?? []).filter((l) => wall(l.t) + l.ms >= from && wall(l.t) <= to).map((l) => `${Math.round(wall(l.t) - from)}+${Math.round(l.ms)}`);
    const frames = (renderer.frames ?? []).filter((t) => wall(t) >= from - 5 && wall(t) <= to + 5).map((t) => Math.round(wall(t) - from));
    console.log(`[renderer]   ${msgs.join(' ')}${tasks.length ? ` | long tasks ${tasks.join(' ')}` : ''} | frames ${frames.join(' ')}`);
  }
  // Settled edits, ours against the probe's, in three phases: the last key until its change reaches the
  // extension host; from there, beyond the debounce, until the decorations are set; set until drawn.
  const phases: Record<'ours' | 'probe', { toHost: number[]; toSet: number[]; toDrawn: number[] }> = { ours: { toHost: [], toSet: [], toDrawn: [] }, probe: { toHost: [], toSet: [], toDrawn: [] } };
  for (const x of traced) {
    if (x.lastKey === undefined || x.labelAt === undefined) continue;
    const window = marks.filter((m) => m.t >= x.lastKey! - 5 && m.t <= x.labelAt! + 5);
    const probe = window.some((m) => m.event.startsWith('probe'));
    const change = [...window].reverse().find((m) => m.event === (probe ? 'probeChange' : 'change'));
    const set = [...window].reverse().find((m) => m.event === (probe ? 'probeSet' : 'localLayers'));
    if (!change || !set || set.t < change.t) continue;
    const setAt = set.t + (set.ms ?? 0);
    const p = phases[probe ? 'probe' : 'ours'];
    p.toHost.push(change.t - x.lastKey);
    p.toSet.push(setAt - change.t - DEBOUNCE_MS);
    p.toDrawn.push(x.labelAt - setAt);
  }
  for (const who of ['ours', 'probe'] as const) {
    const p = phases[who];
    if (!p.toHost.length) continue;
    console.log(`[trace] settled edits, ${who} (median / max of ${p.toHost.length}): key -> host ${ms(median(p.toHost))} / ${ms(Math.max(...p.toHost))}; host, beyond the debounce, -> set ${ms(median(p.toSet))} / ${ms(Math.max(...p.toSet))}; set -> drawn ${ms(median(p.toDrawn))} / ${ms(Math.max(...p.toDrawn))}`);
  }
}

// --- the run -------------------------------------------------------------------------------------

interface Row {
  what: string;
  figure: string;
  baseline: string;
  ratio: string;
  target: string;
  met: string;
}

async function main(): Promise<void> {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-bench-'));
  const rows: Row[] = [];
  const sizes = await bundleSizes();
  const workspace = copySeeds(tmp);
  if (NEWS_SOURCES) fs.writeFileSync(path.join(workspace, 'news-sources.json'), '{ "sources": [] }\n');
  console.log(`[bench] workspace: the ${NEWS_SOURCES ? 'seeds and an empty news-sources.json' : 'bare seeds (no news-sources.json)'}`);
  const seeds = fs.readdirSync(workspace).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
  const firstLineOf = (file: string) => fs.readFileSync(path.join(workspace, file), 'utf8').split('\n').find((l) => l.trim())!.trim().slice(0, 40);
  const probe = writeProbeExtension(tmp);
  const traceFile = path.join(tmp, 'trace.jsonl');
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({
      workspace,
      env: TRACE ? { NEWS_ANNOTATOR_TRACE: traceFile } : undefined,
      settings: {
        'editor.minimap.enabled': false,
        'editor.wordWrap': 'on',
        'files.associations': { '*.plain': 'plaintext' },
        'newsAnnotator.debounceMs': DEBOUNCE_MS,
        'workbench.editor.enablePreview': false,
      },
    });
    browser = await launchBrowser();
    const page: Page = await newWorkbenchPage(browser);
    if (TRACE) await page.addInitScript(RENDERER_LOG);
    page.setDefaultTimeout(20_000);
    // The probe is installed as a user extension (a second extensionDevelopmentPath in the `payload`
    // replaces the first in code-server); the server scans its extensions dir when the workbench connects.
    fs.cpSync(probe, path.join(server.tmpDir, 'extensions', `${PROBE_ID}-0.0.1`), { recursive: true });
    await page.goto(workbenchUrl(server, { extensionDevelopmentPath: REPO_ROOT }), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    // The UI tests' helpers on this page (Workbench.start opens only one extension, so build it here).
    const wb = new (Workbench as unknown as new (s: CodeServer, b: Browser, p: Page) => Workbench)(server, browser, page);
    await wb.explorer().locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
    console.log(`[bench] workbench up in ${((Date.now() - started) / 1000).toFixed(1)} s; ${ROUNDS} rounds`);
    // A person looks at the Explorer for a moment before the first click (--idle): with --news-sources
    // the first open is then measured after the startup activation and its background scan.
    await page.waitForTimeout(IDLE_BEFORE_FIRST_OPEN_MS);

    // 2. First highlights: seed 000 cold (activates the extension, which then scans the workspace), then
    //    every other seed warm, then seed 000 again.
    let layerMap: Record<string, string> | undefined;
    const layerOf = async () => {
      if (layerMap) return layerMap;
      const c = (await page.evaluate(`(${CLASSIFY})()`)) as { layerOf?: Record<string, string> };
      if (c.layerOf) layerMap = c.layerOf;
      return layerMap;
    };
    const opens: { cold: boolean; r: OpenResult }[] = [];
    const order = [seeds[0], ...seeds.slice(1), seeds[0]];
    for (let i = 0; i < order.length; i++) {
      const r = await timeOpen(wb, order[i].slice(0, 4), firstLineOf(order[i]), layerOf, i === 0 ? 90_000 : 8_000);
      opens.push({ cold: i === 0, r });
      console.log(`[bench] open ${order[i]}${i === 0 ? ' (cold: activation + scan)' : ''}: text ${ms(r.text)}; ${LAYERS.map((l) => `${l} ${ms(r.layers[l] ?? NaN)}`).join(', ')}; lens ${ms(r.lens ?? NaN)}`);
    }
    if (!layerMap) console.log(`[bench] could not tell the decoration types apart (see CLASSIFY): ${JSON.stringify(await page.evaluate(`(${CLASSIFY})()`)).slice(0, 600)}`);

    // 1. Activation, as VS Code measured it.
    const activation = await activationOf(wb, EXTENSION_ID);
    const probeActivation = await activationOf(wb, PROBE_ID);
    console.log(`[bench] activation (ms): extension ${JSON.stringify(activation)}, probe ${JSON.stringify(probeActivation)}`);
    await closeAllEditors(wb);

    // 3. Typing in a 50 KB article (its sources beside it, so every paragraph is shared) vs the same
    //    text in a file that is no article (language plaintext, extension .plain: the extension ignores it).
    const big = makeBigArticle();
    fs.mkdirSync(path.join(workspace, 'bbc-sources'));
    for (const s of big.sources) fs.writeFileSync(path.join(workspace, 'bbc-sources', s.name), s.text);
    fs.writeFileSync(path.join(workspace, 'zz-article-50k.txt'), big.text);
    fs.writeFileSync(path.join(workspace, 'zz-plain-50k.plain'), big.text);
    console.log(`[bench] 50 KB article: ${big.text.length} characters from ${big.sources.length} BBC articles`);
    // Six sentences per round, each ending with a surname never typed before in the run: a label
    // left from an earlier sentence (the same quote's words keep their label while the document
    // alone is drawn) must never be taken for the new one.
    const names = ['Tanaka', 'Sato', 'Suzuki', 'Watanabe', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Yoshida', 'Yamaguchi', 'Matsumoto', 'Inoue', 'Kimura', 'Hayashi', 'Shimizu', 'Yamazaki', 'Mori', 'Ikeda', 'Hashimoto', 'Yamashita', 'Ishikawa', 'Nakajima', 'Maeda', 'Fujita', 'Ogawa', 'Okada', 'Goto', 'Hasegawa', 'Murakami', 'Kondo', 'Ishii', 'Saito', 'Sakamoto', 'Endo', 'Aoki', 'Fujii', 'Nishimura'];
    if (ROUNDS * 6 > names.length) throw new Error(`--rounds ${ROUNDS}: at most ${Math.floor(names.length / 6)} rounds (one new surname per sentence)`);
    const typing: Record<'article' | 'plain', { fast: number[]; slow: number[]; current: number[]; echoLast: number[] }> = {
      article: { fast: [], slow: [], current: [], echoLast: [] },
      plain: { fast: [], slow: [], current: [], echoLast: [] },
    };
    let nameIndex = 0;
    const smallCurrent: number[] = [];
    const probeCurrent: number[] = [];
    fs.copyFileSync(path.join(workspace, seeds[0]), path.join(workspace, 'zz-probe-000.probe'));
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the order, so that a drift of the machine's load does not favour one of them.
      for (const kind of round % 2 ? (['article', 'plain'] as const) : (['plain', 'article'] as const)) {
        const file = kind === 'article' ? 'zz-article-50k.txt' : 'zz-plain-50k.plain';
        await closeAllEditors(wb);
        await wb.openFile(file);
        if (kind === 'article') await wb.waitUntil('the article\'s layers', async () => (await wb.viewLines().locator('span[class*="ced-"]').count()) > 0, 60_000);
        await sleep(1500);
        await page.keyboard.press('Control+1');
        const fastName = names[nameIndex++ % names.length];
        const slowName = names[nameIndex++ % names.length];
        // Each sentence ends with the speaker's name, so the label showing the whole name can only come
        // from an analysis that saw the last key.
        // A fast typist (about 10 characters a second: the debounce never fires mid-sentence) ...
        const fast = await timeTyping(wb, `"We will keep working on this until the very end," said Mr ${fastName}`, 100, kind === 'article' ? fastName : null, 10_000);
        // ... and a slow one (a pause longer than the debounce after each key: every key re-annotates).
        const slow = await timeTyping(wb, `"Yes, indeed," said Mr ${slowName}`, DEBOUNCE_MS + 60, kind === 'article' ? slowName : null, 10_000);
        const t = typing[kind];
        t.fast.push(...fast.echo);
        t.slow.push(...slow.echo);
        t.echoLast.push(fast.echo[fast.echo.length - 1], slow.echo[slow.echo.length - 1]);
        for (const r of [fast, slow]) if (r.layersCurrent !== undefined) t.current.push(r.layersCurrent);
        console.log(
          `[bench] round ${round + 1} ${kind}: echo fast median ${ms(median(fast.echo))} max ${ms(Math.max(...fast.echo))} (${fast.echo.length} keys), ` +
            `slow median ${ms(median(slow.echo))} max ${ms(Math.max(...slow.echo))}` +
            (kind === 'article' ? `; layers current ${ms(fast.layersCurrent ?? NaN)} / ${ms(slow.layersCurrent ?? NaN)} after the last key` : ''),
        );
        await wb.runCommand('File: Revert File');
      }
      // The same fast sentence in seed 000 (4 KB): how much of "layers current" is the article's size.
      await closeAllEditors(wb);
      await wb.openFile(seeds[0].slice(0, 4));
      await wb.waitUntil('the seed\'s layers', async () => (await wb.viewLines().locator('span[class*="ced-"]').count()) > 0, 30_000);
      await sleep(1000);
      await page.keyboard.press('Control+1');
      const smallName = names[nameIndex++ % names.length];
      const small = await timeTyping(wb, `"We will keep working on this until the very end," said Mr ${smallName}`, 100, smallName, 10_000);
      if (small.layersCurrent !== undefined) smallCurrent.push(small.layersCurrent);
      console.log(`[bench] round ${round + 1} seed 000: echo median ${ms(median(small.echo))}; layers current ${ms(small.layersCurrent ?? NaN)} after the last key`);
      await wb.runCommand('File: Revert File');
      // The probe's trivial decoration after the same debounce, in the same text: VS Code's floor.
      await closeAllEditors(wb);
      await wb.openFile('zz-probe-000.probe');
      await sleep(1000);
      await page.keyboard.press('Control+1');
      const probeName = names[nameIndex++ % names.length];
      const probed = await timeTyping(wb, `"We will keep working on this until the very end," said Mr ${probeName}`, 100, probeName, 10_000);
      if (probed.layersCurrent !== undefined) probeCurrent.push(probed.layersCurrent);
      console.log(`[bench] round ${round + 1} probe: echo median ${ms(median(probed.echo))}; its decoration ${ms(probed.layersCurrent ?? NaN)} after the last key`);
      await wb.runCommand('File: Revert File');
    }
    await closeAllEditors(wb);
    if (TRACE) {
      await sleep(2500); // the extension writes its trace after a second of quiet
      const renderer = (await page.evaluate('({ origin: performance.timeOrigin, ...window.__benchRenderer })')) as RendererLog;
      printTrace(traceFile, renderer);
    }

    // --- the table --------------------------------------------------------------------------------
    // "Load code" runs concurrently with every other extension activated by the first text file
    // (TypeScript, Emmet…), so it measures the host's contention as much as the bundle: the probe's
    // figure is that contention. "Call activate" is activate()'s synchronous run: this extension's own cost.
    const a = activation;
    const p = probeActivation;
    rows.push({ what: 'activation: activate() call (synchronous)', figure: ms(a.callActivate), baseline: `probe ${ms(p.callActivate)}`, ratio: `+${ms(a.callActivate - p.callActivate)}`, target: '< 50 ms', met: a.callActivate < 50 ? 'met' : '**missed**' });
    rows.push({ what: 'activation: code loading (concurrent with other extensions)', figure: ms(a.loadCode), baseline: `probe ${ms(p.loadCode)}`, ratio: `${(a.loadCode / p.loadCode).toFixed(2)}x`, target: '', met: '' });
    rows.push({ what: 'activation: load + call (Running Extensions\' "Activation")', figure: ms(a.loadCode + a.callActivate), baseline: `probe ${ms(p.loadCode + p.callActivate)}`, ratio: `+${ms(a.loadCode + a.callActivate - p.loadCode - p.callActivate)}`, target: '< 50 ms over the probe', met: a.loadCode + a.callActivate - p.loadCode - p.callActivate < 50 ? 'met' : '**missed**' });
    const cold = opens[0].r;
    const warm = opens.slice(1).map((o) => o.r);
    const firstOf = (r: OpenResult) => Math.min(...LAYERS.map((l) => r.layers[l] ?? Infinity));
    const allOf = (r: OpenResult) => Math.max(...LAYERS.map((l) => r.layers[l] ?? Infinity));
    rows.push({ what: `seed 000 opened first in the session (${NEWS_SOURCES ? 'folder with news-sources.json: active since startup' : 'bare folder: activates on the open'}): first highlight`, figure: ms(firstOf(cold)), baseline: `text shown ${ms(cold.text)}`, ratio: `${(firstOf(cold) / cold.text).toFixed(1)}x`, target: '', met: '' });
    for (const l of LAYERS) {
      const v = cold.layers[l] ?? NaN;
      rows.push({ what: `  cold: ${l} layer`, figure: ms(v), baseline: `text shown ${ms(cold.text)}`, ratio: `${(v / cold.text).toFixed(1)}x`, target: '≤ 300 ms', met: v <= 300 ? 'met' : '**missed**' });
    }
    const warmText = median(warm.map((r) => r.text));
    for (const l of LAYERS) {
      const vs = warm.map((r) => r.layers[l]).filter((x): x is number => x !== undefined);
      const v = median(vs);
      const worst = vs.length ? Math.max(...vs) : NaN;
      rows.push({ what: `seed opened warm: ${l} layer (median of ${vs.length}/${warm.length}, worst)`, figure: `${ms(v)}, ${ms(worst)}`, baseline: `text shown ${ms(warmText)}`, ratio: `${(v / warmText).toFixed(1)}x`, target: '≤ 300 ms', met: worst <= 300 ? 'met' : '**missed**' });
    }
    const complete = warm.filter((r) => LAYERS.every((l) => r.layers[l] !== undefined));
    const allWarm = median(complete.map(allOf));
    rows.push({ what: `seed opened warm: all four layers (median of the ${complete.length} opens showing all four)`, figure: ms(allWarm), baseline: `text shown ${ms(warmText)}`, ratio: `${(allWarm / warmText).toFixed(1)}x`, target: '≤ 300 ms', met: allWarm <= 300 ? 'met' : '**missed**' });
    for (const mode of ['fast', 'slow'] as const) {
      const a = typing.article[mode];
      const p = typing.plain[mode];
      const label = mode === 'fast' ? 'typing 10 keys/s' : `typing a key every ${DEBOUNCE_MS + 60} ms (re-annotates each key)`;
      rows.push({
        what: `50 KB article, ${label}: keystroke echo median / p95 / max (${a.length} keys)`,
        figure: `${ms(median(a))} / ${ms(quantile(a, 0.95))} / ${ms(Math.max(...a))}`,
        baseline: `ignored file ${ms(median(p))} / ${ms(quantile(p, 0.95))} / ${ms(Math.max(...p))}`,
        ratio: `${(median(a) / median(p)).toFixed(2)}x / ${(quantile(a, 0.95) / quantile(p, 0.95)).toFixed(2)}x`,
        target: 'never delays typing',
        met: quantile(a, 0.95) <= Math.max(quantile(p, 0.95) * 1.5, quantile(p, 0.95) + 8) ? 'met' : '**missed**',
      });
    }
    const cur = typing.article.current;
    const over = cur.map((c) => c - DEBOUNCE_MS);
    rows.push({
      what: `50 KB article: layers current after the last key, minus the ${DEBOUNCE_MS} ms debounce (median / max of ${cur.length})`,
      figure: `${ms(median(over))} / ${ms(Math.max(...over))}`,
      baseline: `seed 000 (4 KB) ${ms(median(smallCurrent) - DEBOUNCE_MS)}; probe ${ms(median(probeCurrent) - DEBOUNCE_MS)}; the last key's echo ${ms(median(typing.article.echoLast))}`,
      ratio: `${(median(over) / (median(smallCurrent) - DEBOUNCE_MS)).toFixed(1)}x`,
      target: '≤ 20 ms',
      met: cur.length && Math.max(...over) <= 20 ? 'met' : '**missed**',
    });
    const small = smallCurrent.map((c) => c - DEBOUNCE_MS);
    const floor = probeCurrent.map((c) => c - DEBOUNCE_MS);
    rows.push({
      what: `seed 000 (4 KB): layers current after the last key, minus the debounce (median / max of ${small.length})`,
      figure: `${ms(median(small))} / ${ms(Math.max(...small))}`,
      baseline: `probe extension, a trivial decoration after the same debounce: ${ms(median(floor))} / ${ms(Math.max(...floor))}`,
      ratio: `+${ms(median(small) - median(floor))}`,
      target: '≤ 20 ms',
      met: small.length && Math.max(...small) <= 20 ? 'met' : '**missed**',
    });
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  rows.push({ what: 'dist/extension.js + dist/main.js as measured (`npm run bench:editor` builds the production bundles that ship)', figure: kb(sizes.dev), baseline: '', ratio: '', target: '< 1 MB', met: sizes.dev < 1 << 20 ? 'met' : '**missed**' });
  rows.push({ what: 'main bundle (src/extension/extension.ts), minified (production)', figure: kb(sizes.production), baseline: `development ${kb(sizes.dev)}`, ratio: `${(sizes.production / sizes.dev).toFixed(2)}x`, target: '< 1 MB', met: sizes.production < 1 << 20 ? 'met' : '**missed**' });

  console.log('\n| what | figure | baseline in the same run | ratio | target | |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  const clean = (x: string) => x.replace(/-?(NaN|Infinity)( ms|x)?/g, 'n/a');
  for (const r of rows) console.log(`| ${r.what} | ${clean(r.figure)} | ${clean(r.baseline)} | ${clean(r.ratio)} | ${r.target} | ${r.met} |`);
  console.log(`\n[bench] ${((Date.now() - started) / 1000).toFixed(0)} s, VS Code 1.100.3 (code-server), ${os.cpus().length} cores, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
