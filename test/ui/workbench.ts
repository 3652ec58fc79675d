// Drives the real VS Code workbench (code-server 4.100.3 = VS Code 1.100.3 in headless Chromium) as a
// person would: clicks in the Explorer, types in the command palette, hovers text, looks at the screen.
// UI tests (test/ui/*.test.ts, run in Node by test/launch/runUiTests.ts) get one Workbench per file:
//
//   const wb = useWorkbench();            // in a describe(): starts before, stops after, screenshots failures
//   await wb().openFile('000_');
//   await wb().runCommand('News: Scan Workspace');
//   await wb().screenshot('scan');        // -> test-results/ui-scan.png
//
// Add helpers here (openPanel, clickTreeItem, webviewFrame…) as later features need them.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { CodeServer, launchBrowser, newWorkbenchPage, REPO_ROOT, startCodeServer, workbenchUrl } from '../launch/codeServer';

export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const DEFAULT_TIMEOUT = 20_000;

export interface WorkbenchOptions {
  /** Folder to open; default: a temp copy of ../shared/seeds. */
  workspace?: string;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** The extension to load; default: this repo. */
  extensionDevelopmentPath?: string;
}

export class Workbench {
  private constructor(
    readonly server: CodeServer,
    readonly browser: Browser,
    readonly page: Page,
  ) {}

  /** Starts code-server on a temp copy of the seeds with this extension loaded and opens it in Chromium. */
  static async start(options: WorkbenchOptions = {}): Promise<Workbench> {
    const server = await startCodeServer({ workspace: options.workspace, settings: options.settings });
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const page = await newWorkbenchPage(browser, {
        onLog: (type, args) => {
          if (process.env.NEWS_VERBOSE === '1') console.log(`    [workbench ${type}]`, ...(Array.isArray(args) ? args : [args]));
        },
      });
      page.setDefaultTimeout(DEFAULT_TIMEOUT);
      await page.goto(workbenchUrl(server, { extensionDevelopmentPath: options.extensionDevelopmentPath ?? REPO_ROOT }), { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      const wb = new Workbench(server, browser, page);
      // The Explorer shows the workspace once the remote file system is connected.
      await wb.explorer().locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
      return wb;
    } catch (e) {
      await browser?.close().catch(() => undefined);
      await server.stop();
      throw e;
    }
  }

  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
  }

  // --- where things are ---------------------------------------------------------------------------

  explorer(): Locator {
    return this.page.locator('.explorer-folders-view');
  }

  /** The editor group that has focus. */
  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** The rendered text lines of the active editor (only what is scrolled into view is in the DOM). */
  viewLines(): Locator {
    return this.activeEditor().locator('.view-lines');
  }

  /** The view line showing `text` (whole text of one visible line, or a part of it). */
  line(text: string): Locator {
    return this.viewLines().locator('.view-line', { hasText: text }).first();
  }

  notifications(): Locator {
    return this.page.locator('.notifications-toasts .notification-toast');
  }

  statusBar(): Locator {
    return this.page.locator('#workbench\\.parts\\.statusbar');
  }

  /** A status bar entry showing `text` (codicons like $(quote) are rendered as icons, not text). */
  statusBarItem(text: string | RegExp): Locator {
    return this.statusBar().locator('.statusbar-item', { hasText: text }).first();
  }

  /** A status bar entry contributed with createStatusBarItem(id) by an extension. */
  statusBarItemById(id: string, extensionId = 'news-annotator.news-annotator'): Locator {
    return this.statusBar().locator(`[id="${extensionId}.${id}"], [id="${id}"]`).first();
  }

  /** A view pane (Explorer section, tree view, webview view) by its header title. */
  viewPane(title: string | RegExp): Locator {
    return this.page.locator('.pane', { has: this.page.locator('.pane-header', { hasText: title }) }).first();
  }

  /** The visible rows of a tree view pane, as text. */
  async treeItems(title: string | RegExp): Promise<string[]> {
    const rows = this.viewPane(title).locator('.pane-body .monaco-list-row');
    await rows.first().waitFor({ state: 'visible' });
    return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  // --- what a person does ------------------------------------------------------------------------

  /** Clicks an activity bar icon (a view container) by its tooltip, e.g. 'Explorer' or 'News Sources'. */
  async openViewContainer(label: string): Promise<void> {
    const item = this.page.locator(`.activitybar .action-item a[aria-label^="${label}"]`).first();
    const checked = await item.evaluate((el: any) => el.closest('.action-item')?.classList.contains('checked'));
    if (!checked) await item.click(); // clicking the active container would hide the side bar
  }

  /** Expands a collapsed view pane by clicking its header. */
  async expandPane(title: string | RegExp): Promise<Locator> {
    const pane = this.viewPane(title);
    const header = pane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    return pane;
  }

  /**
   * The document frame of a webview (view or panel) of this extension: VS Code nests it as
   * iframe.webview -> iframe#active-frame. Waits until one exists whose body contains `text`.
   */
  async webviewFrame(text: string | RegExp): Promise<import('playwright-core').Frame> {
    return this.waitUntil(`a webview showing ${text}`, async () => {
      for (const frame of this.page.frames()) {
        if (frame.name() !== 'active-frame' && !frame.url().includes('fake.html')) continue;
        const body = await frame.locator('body').innerText({ timeout: 1000 }).catch(() => '');
        if (typeof text === 'string' ? body.includes(text) : text.test(body)) return frame;
      }
      return undefined;
    });
  }

  /** Shows the Explorer (without toggling it away when it is already shown). */
  async showExplorer(): Promise<void> {
    if (!(await this.explorer().isVisible())) {
      await this.page.keyboard.press('Control+Shift+E');
      await this.explorer().waitFor({ state: 'visible' });
    }
  }

  /** Clicks the file whose name contains `name` in the Explorer and waits for its editor tab. */
  async openFile(name: string): Promise<void> {
    await this.showExplorer();
    const row = this.explorer().locator('.monaco-list-row', { hasText: name }).first();
    await row.click();
    await this.page.locator('.editor-group-container.active .tab.active', { hasText: name }).waitFor({ state: 'visible' });
    await this.viewLines().locator('.view-line').first().waitFor({ state: 'visible' });
  }

  /** Selects the next occurrence of `text` in the active editor with Find, then closes the find widget. */
  async selectText(text: string): Promise<void> {
    await this.page.keyboard.press('Control+f');
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
  }

  /** Opens the command palette (F1), types `title`, and runs the matching entry with Enter. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.pressSequentially(title, { delay: 10 });
    const entry = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
    await entry.waitFor({ state: 'visible' });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /**
   * Every palette entry listed for `query` (then closes the palette with Escape). The list is virtual
   * (only the rows in view are in the DOM), so this pages through it as a person would with PageDown.
   * Entries whose `when` clause is false in the current context are not listed, as for a person.
   */
  async paletteEntries(query: string): Promise<string[]> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.pressSequentially(query, { delay: 10 });
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await rows.first().waitFor({ state: 'visible' });
    const focused = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused').first();
    const state = async () => ({
      at: Number((await focused.getAttribute('aria-posinset', { timeout: 1000 }).catch(() => null)) ?? 0),
      total: Number((await rows.first().getAttribute('aria-setsize', { timeout: 1000 }).catch(() => null)) ?? 0),
      labels: (await rows.locator('.label-name').allInnerTexts()).map((l) => l.replace(/\s+/g, ' ').trim()),
    });
    // The list filters and lays itself out over a few frames: read it once it stops changing.
    const settled = async () => {
      let last = '';
      return this.waitUntil('the palette list to settle', async () => {
        const now = await state();
        const key = JSON.stringify(now);
        const stable = key === last && now.labels.length > 0;
        last = key;
        if (!stable) await this.page.waitForTimeout(120);
        return stable ? now : undefined;
      });
    };
    const seen = new Set<string>();
    let now = await settled();
    for (let page = 0; page < 200; page++) {
      now.labels.forEach((l) => seen.add(l));
      if (!now.at || !now.total || now.at >= now.total || seen.size >= now.total) break;
      await this.page.keyboard.press('PageDown');
      const next = await settled();
      if (next.at <= now.at) break; // did not move: the end of the list
      now = next;
    }
    await this.page.keyboard.press('Escape');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    return [...seen];
  }

  /**
   * Moves the mouse over the first visible occurrence of `text` in the active editor (the middle of
   * those characters, not of the line) and returns the text of the hover that appears.
   */
  async hoverText(text: string): Promise<string> {
    const line = this.line(text);
    await line.waitFor({ state: 'visible' });
    const box = await line.evaluate((el: any, needle: string) => {
      const d = (globalThis as any).document;
      const walker = d.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
      // The line's text is split over spans (tokens, decorations): map the needle onto text nodes.
      const nodes: { node: any; start: number }[] = [];
      let all = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n, start: all.length });
        all += n.textContent;
      }
      const at = all.replace(/\u00a0/g, ' ').indexOf(needle);
      if (at < 0) return undefined;
      const mid = at + Math.floor(needle.length / 2);
      const hit = nodes.filter((x) => x.start <= mid).pop()!;
      const range = d.createRange();
      range.setStart(hit.node, mid - hit.start);
      range.setEnd(hit.node, Math.min(mid - hit.start + 1, hit.node.textContent.length));
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, text);
    if (!box) throw new Error(`"${text}" is not on a visible line of the editor`);
    await this.page.mouse.move(box.x, box.y);
    const hover = this.page.locator('.monaco-hover:not(.hidden)').first();
    await hover.waitFor({ state: 'visible' });
    await this.waitUntil('the hover to have content', async () => (await hover.innerText()).trim().length > 0);
    return hover.innerText();
  }

  /** Reads Help: About as a person would: { code: '1.100.3', codeServer: '4.100.3' }; closes the dialog. */
  async about(): Promise<{ code: string; codeServer: string; text: string }> {
    await this.runCommand('Help: About');
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible' });
    const text = await dialog.innerText();
    await this.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    return {
      code: /Code:\s*([\d.]+)/.exec(text)?.[1] ?? '',
      codeServer: /code-server:\s*v?([\d.]+)/.exec(text)?.[1] ?? '',
      text,
    };
  }

  /** Waits for a notification toast containing `text`; returns its text. */
  async waitForNotification(text: string | RegExp): Promise<string> {
    const toast = this.notifications().filter({ hasText: text }).first();
    await toast.waitFor({ state: 'visible' });
    // Toasts fade in: wait until it is fully drawn, so a screenshot shows it.
    await this.waitUntil('the notification to finish fading in', () => toast.evaluate((el: any) => Number((globalThis as any).getComputedStyle(el).opacity) === 1));
    return toast.innerText();
  }

  /** Waits until no notification toast containing `text` is shown (e.g. a finished progress). */
  async waitForNotificationGone(text: string | RegExp): Promise<void> {
    await this.notifications().filter({ hasText: text }).first().waitFor({ state: 'hidden' });
  }

  /**
   * The computed style of the text of the view line that shows `text`: for each rendered span, its
   * text, classes, opacity, font weight/style and colour. Decorations show up here as classes and styles.
   */
  async lineStyles(text: string): Promise<{ text: string; className: string; opacity: number; fontWeight: string; fontStyle: string; color: string }[]> {
    const line = this.line(text);
    await line.waitFor({ state: 'visible' });
    // Runs in the page; written without DOM types (the project compiles for Node).
    return line.evaluate((el: any) => {
      const w = globalThis as any;
      return Array.from(el.querySelectorAll('span span') as ArrayLike<any>).map((span: any) => {
        const style = w.getComputedStyle(span);
        return {
          text: String(span.textContent ?? ''),
          className: String(span.className),
          opacity: Number(style.opacity),
          fontWeight: String(style.fontWeight),
          fontStyle: String(style.fontStyle),
          color: String(style.color),
        };
      });
    });
  }

  /** Polls `probe` until it returns a truthy value (decorations and views render asynchronously). */
  async waitUntil<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = DEFAULT_TIMEOUT): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
      try {
        const value = await probe();
        if (value) return value;
      } catch (e) {
        lastError = e;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError ? `: ${lastError}` : ''}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Waits until the line showing `text` is drawn dimmed (opacity below 1) by a decoration. */
  async waitForDimmed(text: string): Promise<void> {
    await this.waitUntil(`"${text}" to be dimmed`, async () => {
      const styles = await this.lineStyles(text);
      return styles.length > 0 && styles.every((s) => s.opacity < 1);
    });
  }

  /** Saves a PNG of the whole workbench under test-results/ and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `ui-${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

/**
 * Registers before/after hooks in the current describe(): one workbench for the suite, a screenshot
 * `test-results/ui-FAILED-<test>.png` for each failed test. Returns a getter for the workbench.
 */
export function useWorkbench(options: WorkbenchOptions = {}): () => Workbench {
  let wb: Workbench | undefined;
  before(async function () {
    this.timeout(120_000);
    wb = await Workbench.start(options);
  });
  afterEach(async function () {
    if (wb && this.currentTest?.state === 'failed') {
      const file = await wb.screenshot(`FAILED-${this.currentTest.fullTitle()}`).catch(() => undefined);
      if (file) console.log(`    screenshot of the failure: ${path.relative(REPO_ROOT, file)}`);
    }
  });
  after(async function () {
    this.timeout(30_000);
    await wb?.stop();
  });
  return () => {
    if (!wb) throw new Error('the workbench did not start');
    return wb;
  };
}
