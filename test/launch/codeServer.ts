// Runs the extension in a real VS Code on a machine that cannot download VS Code desktop:
// code-server 4.100.3 (= VS Code 1.100.3, web workbench + Node server + a real Node extension host),
// driven by Debian's Chromium through playwright-core. See ../shared/notes/testing-in-real-vscode.md.
//
// Building blocks, used by runVscodeTests.ts (the mocha suite inside the extension host) and by the
// UI tests (test/ui, a person's clicks in the same workbench):
//   startCodeServer()  -> isolated code-server on a free loopback port, workspace = temp copy of the seeds
//   workbenchUrl()     -> the URL that opens the workspace, optionally with the extension under development
//                         and an extension-tests entry (the `payload` query parameter)
//   launchBrowser()    -> headless Chromium (/usr/bin/chromium)
//   runExtensionTestsInCodeServer() -> all of the above; returns the test run's exit code
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';

export const CODE_SERVER_VERSION = '4.100.3';
/** The repo root: this file is compiled to out/test/launch/codeServer.js. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function sharedDir(): string {
  if (process.env.NEWS_ANNOTATOR_SHARED) return path.resolve(process.env.NEWS_ANNOTATOR_SHARED);
  return path.resolve(REPO_ROOT, '..', 'shared');
}

export function log(...args: unknown[]): void {
  console.log('[launch]', ...args);
}

/** The cached code-server directory; runs scripts/setup-vscode.sh when it is not set up yet. */
export function codeServerDir(): string {
  const fromEnv = process.env.CODE_SERVER_DIR;
  if (fromEnv) return fromEnv;
  const dir = path.join(REPO_ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
  if (!fs.existsSync(path.join(dir, '.news-annotator-setup-ok'))) {
    log('code-server is not set up yet: running scripts/setup-vscode.sh');
    execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'setup-vscode.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface CodeServer {
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The workspace folder that was opened (a temp copy of the seeds unless one was given). */
  workspace: string;
  /** Temp dir holding user data, extensions dir, logs and the workspace copy. */
  tmpDir: string;
  process: ChildProcess;
  /** Everything code-server printed (server side; includes extension-host stdout/stderr lines). */
  output: string[];
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder to open; default: a temp copy of ../shared/seeds named "seeds". */
  workspace?: string;
  /** Extra environment for code-server and so for its extension host. */
  env?: NodeJS.ProcessEnv;
  /** Extra user settings merged into User/settings.json. */
  settings?: Record<string, unknown>;
  /** Print code-server's own output lines as they come (default: only with NEWS_VERBOSE=1). */
  echoOutput?: boolean;
  startTimeoutMs?: number;
}

const live = new Set<CodeServer>();
let exitHooksInstalled = false;
function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  const killAll = () => {
    for (const server of live) killGroup(server.process);
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole process group: server + extension host + pty host
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Copies the seed articles into a fresh temp folder named "seeds" (the corpus itself is never modified). */
export function copySeeds(intoDir: string): string {
  const src = path.join(sharedDir(), 'seeds');
  if (!fs.existsSync(src)) throw new Error(`seed folder not found: ${src} (set NEWS_ANNOTATOR_SHARED)`);
  const dest = path.join(intoDir, 'seeds');
  fs.cpSync(src, dest, { recursive: true });
  return dest;
}

export async function startCodeServer(options: StartOptions = {}): Promise<CodeServer> {
  installExitHooks();
  const dir = codeServerDir();
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-annotator-vscode-'));
  const userDataDir = path.join(tmpDir, 'user-data');
  const extensionsDir = path.join(tmpDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'chat.commandCenter.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...options.settings,
  };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const workspace = options.workspace ?? copySeeds(tmpDir);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const configFile = path.join(tmpDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const args = [
    path.join(dir, 'out', 'node', 'entry.js'),
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    workspace,
  ];
  const echo = options.echoOutput ?? process.env.NEWS_VERBOSE === '1';
  const child = spawn(process.execPath, args, {
    cwd: tmpDir,
    detached: true, // own process group, so stop() ends the extension host too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(tmpDir, 'xdg-config'),
      XDG_DATA_HOME: path.join(tmpDir, 'xdg-data'),
      // No extension marketplace: this machine reaches no gallery, and the tests need none.
      EXTENSIONS_GALLERY: '{}',
      ...options.env,
    },
  });
  const output: string[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (!line) continue;
      output.push(line);
      if (echo) console.log(`[code-server] ${line}`);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);

  let stopped = false;
  const server: CodeServer = {
    port,
    origin,
    workspace,
    tmpDir,
    process: child,
    output,
    async stop() {
      if (stopped) return;
      stopped = true;
      live.delete(server);
      killGroup(child, 'SIGTERM');
      const exited = new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', () => r())));
      await Promise.race([exited, sleep(3000)]);
      killGroup(child, 'SIGKILL');
      if (process.env.NEWS_KEEP_TMP !== '1') fs.rmSync(tmpDir, { recursive: true, force: true });
    },
  };
  live.add(server);

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await server.stop();
      throw new Error(`code-server exited with ${child.exitCode} before it listened:\n${output.join('\n')}`);
    }
    if ((await httpStatus(`${origin}/healthz`)) === 200) return server;
    await sleep(250);
  }
  await server.stop();
  throw new Error(`code-server did not answer on ${origin} within the timeout:\n${output.join('\n')}`);
}

export interface WorkbenchUrlOptions {
  /** Absolute path of the extension under development (default: the repo root). Null: none. */
  extensionDevelopmentPath?: string | null;
  /** Absolute path of the compiled CommonJS test entry exporting `run()`. */
  extensionTestsPath?: string;
  /** Folder to open (default: the server's workspace). */
  folder?: string;
}

/** The workbench URL; the `payload` carries what VS Code desktop takes as --extensionDevelopmentPath etc. */
export function workbenchUrl(server: CodeServer, options: WorkbenchUrlOptions = {}): string {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload: [string, string][] = [];
  const devPath = options.extensionDevelopmentPath === undefined ? REPO_ROOT : options.extensionDevelopmentPath;
  if (devPath) payload.push(['extensionDevelopmentPath', remote(devPath)]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  const params = new URLSearchParams({ folder: options.folder ?? server.workspace });
  if (payload.length) params.set('payload', JSON.stringify(payload));
  return `${server.origin}/?${params.toString()}`;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  throw new Error('Chromium not found (run scripts/setup-vscode.sh, which installs Debian\'s chromium, or set CHROMIUM_PATH)');
}

export async function launchBrowser(): Promise<Browser> {
  // Resolved from the repo's node_modules (devDependency).
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** A new page sized like a laptop screen, with the hooks VS Code's test mode calls. */
export async function newWorkbenchPage(
  browser: Browser,
  hooks: { onExit?: (code: number) => void; onLog?: (type: string, args: unknown[]) => void } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.exposeFunction('codeAutomationExit', (code: number) => hooks.onExit?.(code));
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => hooks.onLog?.(type, args));
  return page;
}

/** Workbench chatter that says nothing about the tests (shown with NEWS_VERBOSE=1). */
const WORKBENCH_NOISE = [
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket \(renderer-/,
  /^\[Service Worker\] registered/,
  /^ChatSessionStore: /,
];

function formatLogArgs(args: unknown[]): string {
  return (Array.isArray(args) ? args : [args])
    .map((a) => (typeof a === 'string' ? a : (() => { try { return JSON.stringify(a); } catch { return String(a); } })()))
    .join(' ');
}

export interface ExtensionTestRun {
  extensionDevelopmentPath?: string;
  extensionTestsPath: string;
  workspace?: string;
  /** Whole run, from starting code-server to the exit code. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs an extension-tests entry inside code-server's extension host and returns its exit code
 * (0 = passed). Log lines of the extension host (console.log in tests) are printed to stdout.
 */
export async function runExtensionTestsInCodeServer(run: ExtensionTestRun): Promise<number> {
  const started = Date.now();
  const timeoutMs = run.timeoutMs ?? 10 * 60_000;
  const server = await startCodeServer({ workspace: run.workspace, env: run.env });
  log(`code-server ${CODE_SERVER_VERSION} on ${server.origin} (${Date.now() - started} ms), workspace ${server.workspace}`);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    let resolveExit!: (code: number) => void;
    const exited = new Promise<number>((r) => (resolveExit = r));
    const page = await newWorkbenchPage(browser, {
      onExit: (code) => resolveExit(code),
      onLog: (type, args) => {
        const line = formatLogArgs(args);
        if (process.env.NEWS_VERBOSE !== '1' && WORKBENCH_NOISE.some((re) => re.test(line))) return;
        (type === 'error' ? console.error : console.log)(line);
      },
    });
    if (process.env.NEWS_VERBOSE === '1') {
      page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => console.log(`[browser pageerror] ${e.message}`));
    }
    const url = workbenchUrl(server, {
      extensionDevelopmentPath: run.extensionDevelopmentPath ?? REPO_ROOT,
      extensionTestsPath: run.extensionTestsPath,
    });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const remaining = Math.max(1000, timeoutMs - (Date.now() - started));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<number>((r) => {
      timer = setTimeout(() => {
        console.error(`[launch] the extension tests did not finish within ${Math.round(timeoutMs / 1000)} s`);
        r(124);
      }, remaining);
    });
    let settled = false;
    const serverDied = new Promise<number>((r) =>
      server.process.once('exit', (code) => {
        if (settled) return;
        console.error(`[launch] code-server exited early (${code}):\n${server.output.slice(-40).join('\n')}`);
        r(125);
      }),
    );
    // Fail fast instead of waiting for the time limit when the browser tab or the extension host dies
    // without reporting an exit code.
    const crashed = new Promise<number>((r) => {
      page.on('crash', () => {
        if (settled) return;
        console.error('[launch] the workbench tab crashed');
        r(127);
      });
    });
    let hostExitSeen = 0;
    const outputFrom = server.output.length;
    const poll = setInterval(() => {
      if (!hostExitSeen && server.output.slice(outputFrom).some((l) => /Extension Host Process exited/.test(l))) hostExitSeen = Date.now();
    }, 500);
    const hostDied = new Promise<number>((r) => {
      const check = setInterval(() => {
        if (settled) return clearInterval(check);
        if (hostExitSeen && Date.now() - hostExitSeen > 15_000) {
          clearInterval(check);
          console.error('[launch] the extension host exited without reporting the tests\' result');
          r(126);
        }
      }, 1000);
    });
    const code = await Promise.race([exited, timedOut, serverDied, crashed, hostDied]);
    settled = true;
    clearTimeout(timer);
    clearInterval(poll);
    if (code !== 0 && process.env.NEWS_VERBOSE !== '1') {
      const tail = server.output.slice(-30);
      if (tail.length) console.error(`[launch] last code-server output:\n${tail.join('\n')}`);
    }
    return code;
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}
