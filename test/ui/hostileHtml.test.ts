// A person opens an article that carries markup (issue 8): `<script>`, `<img onerror=…>`, `</style>`,
// `javascript:` links, and an outlet name (news-sources.json) that is itself an `<img onerror>`. Every
// payload, if it ran, would set `__newsPwned` on its window or change the document title. In the real
// workbench (code-server + Chromium) this proves, for the hover, the Coverage webview and the HTML report
// opened in the browser, that the payloads show as text and nothing ran; and that the webview's and the
// report's CSP block an inline script outright.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { Corpus } from '../../src/core/corpus';
import { reportHtml } from '../../src/extension/views/exportFormats';
import { HOSTILE_ARTICLES, HOSTILE_OUTLET } from '../unit/hostileArticles';
import { RESULTS_DIR, useWorkbench, type Workbench } from './workbench';

const [EVIL_TEXT, CALM_TEXT] = Object.values(HOSTILE_ARTICLES);
/** A file name that is markup too (valid on Linux, where the UI tests run). */
const EVIL_FILE = 'sea-wall"><img src=x onerror=alert(1)>.txt';

function hostileWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-hostile-ui-'));
  fs.writeFileSync(path.join(dir, EVIL_FILE), EVIL_TEXT);
  fs.writeFileSync(path.join(dir, 'calm-copy.txt'), CALM_TEXT);
  fs.writeFileSync(path.join(dir, 'news-sources.json'), JSON.stringify({ sources: [{ match: EVIL_FILE, outlet: HOSTILE_OUTLET }] }, null, 2));
  return dir;
}

/** What a payload would have changed in a window, and whether CSP lets an inline script run there. */
async function probe(target: Page | Frame): Promise<{ pwned: unknown; title: string; inlineScriptRan: boolean; elements: number }> {
  return target.evaluate(async () => {
    const w = globalThis as any;
    const d = w.document;
    // An inline script added now: a CSP without 'unsafe-inline' (nonce only, or no script-src) blocks it.
    const s = d.createElement('script');
    s.textContent = 'window.__newsCspProbe = 1';
    d.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 50));
    const ran = w.__newsCspProbe === 1;
    s.remove();
    return { pwned: w.__newsPwned, title: d.title, inlineScriptRan: ran, elements: d.querySelectorAll('img, svg, iframe, a[href^="javascript:"]').length };
  });
}

describe('UI: an article full of markup shows as text, and nothing in it runs', function () {
  this.timeout(120_000);
  const workspace = hostileWorkspace();
  const wb = useWorkbench({ workspace });
  const dialogs: string[] = [];

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('opens the article: the editor shows the markup as text', async () => {
    const w: Workbench = wb();
    w.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await w.openFile('sea-wall');
    await w.line('Sea wall').waitFor({ state: 'visible' });
    const line = await w.line('Sea wall').innerText();
    assert.match(line.replace(/\u00a0/g, ' '), /<script>window\.__newsPwned = 1/, line);
    await w.runCommand('News: Scan Workspace');
    await w.waitForNotification(/2 articles scanned/);
  });

  it('the hover over the engineer shows the hostile outlet name as text, with no element from it', async () => {
    const w = wb();
    const text = await w.hoverText('Maria Lopez');
    assert.ok(text.includes(HOSTILE_OUTLET), `the outlet name is shown literally: ${text}`);
    assert.strictEqual(await w.page.locator('.monaco-hover img, .monaco-hover svg:not(.codicon), .monaco-hover iframe').count(), 0, 'no element from the article in the hover');
    await w.page.keyboard.press('Escape');
    await w.screenshot('hostile-hover');
  });

  it('the Coverage webview lists the hostile outlet as text; nothing ran and its CSP blocks inline script', async () => {
    const w = wb();
    await w.openViewContainer('News Sources');
    await w.expandPane(/Coverage/);
    const frame = await w.webviewFrame('Evil Gazette');
    const body = await frame.locator('body').innerText();
    assert.ok(body.includes(HOSTILE_OUTLET), `the webview shows the name as text: ${body.slice(0, 300)}`);
    const result = await probe(frame);
    assert.strictEqual(result.pwned, undefined, 'no payload ran in the webview');
    assert.strictEqual(result.elements, 0, 'no img/svg/iframe/javascript: link in the webview');
    assert.strictEqual(result.inlineScriptRan, false, 'the webview CSP blocks inline script');
    const top = await probe(w.page);
    assert.strictEqual(top.pwned, undefined, 'no payload ran in the workbench');
    assert.ok(!/pwned/.test(top.title), `the workbench title is untouched: ${top.title}`);
    assert.deepStrictEqual(dialogs, [], 'no alert() dialog opened');
    await w.screenshot('hostile-coverage');
  });

  it('the exported HTML report, opened in the browser, shows the article as text and runs nothing', async () => {
    const w = wb();
    // The page the Export Report command writes (renderReport -> reportHtml) for these two articles.
    const corpus = new Corpus();
    corpus.setManifest(JSON.stringify({ sources: [{ match: EVIL_FILE, outlet: HOSTILE_OUTLET }] }));
    corpus.upsert(EVIL_FILE, EVIL_TEXT);
    corpus.upsert('calm-copy.txt', CALM_TEXT);
    const file = path.join(workspace, 'report.html');
    fs.writeFileSync(file, reportHtml(corpus.report(), (p) => corpus.get(p)?.text, 'News Annotator report'));
    const page = await w.browser.newPage();
    const pageDialogs: string[] = [];
    page.on('dialog', (dialog) => {
      pageDialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await page.goto(`file://${file}`);
      const result = await probe(page);
      assert.strictEqual(result.pwned, undefined, 'no payload ran in the report');
      assert.strictEqual(result.title, 'News Annotator report', 'the title is the report\'s');
      assert.strictEqual(result.elements, 0, 'no img/svg/iframe/javascript: link in the report');
      assert.strictEqual(result.inlineScriptRan, false, 'the report\'s CSP blocks inline script');
      assert.deepStrictEqual(pageDialogs, []);
      const shown = await page.locator('article', { hasText: HOSTILE_OUTLET }).locator('pre').innerText();
      assert.strictEqual(shown, EVIL_TEXT.replace(/\r\n?/g, '\n'), 'the article text is shown verbatim');
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS_DIR, 'ui-hostile-report.png') });
    } finally {
      await page.close();
    }
  });
});
