// Hostile articles in a real VS Code (issue 8): an article carrying <script>, <img onerror=…>, </style>
// and javascript: links, with an outlet name that is itself markup, shows as text in the hovers, the
// exported HTML report and the Coverage view's data. (That no script runs when a browser renders the
// report or the webview is proven in test/ui/hostileHtml.test.ts.)
// The articles are `.news` files in a hidden folder of the test workspace (hidden folders are not
// scanned, so the other suites' scans do not see them); they and news-sources.json are removed after.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../src/extension/hovers/hoverContent';
import { HOSTILE_ARTICLES, HOSTILE_OUTLET, PAYLOADS } from '../unit/hostileArticles';
import { sleep, waitFor } from './waitFor';

const EXTENSION_ID = 'news-annotator.news-annotator';
const DIR = '.hostile-test';
interface State {
  layers?: { path: string; quotes: number; entities: Record<string, number>; shared: Record<string, number> };
  coverage?: { type: string; data?: { articles: { path: string; outlet: string }[] } };
}
const state = async () => (await vscode.commands.executeCommand<State>('newsAnnotator.describeEditorState'))!;

function hoverMarkdown(hovers: vscode.Hover[] | undefined): vscode.MarkdownString[] {
  return (hovers ?? []).flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
}

function unescapeHtml(s: string): string {
  return s.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
}

describe('Hostile articles show as text (extension host)', function () {
  this.timeout(120_000);
  let root: string;
  let evil: vscode.TextDocument;
  let manifestBefore: string | undefined;
  const files = Object.entries(HOSTILE_ARTICLES).map(([, text], i) => ({ name: i === 0 ? 'evil.news' : 'calm.news', text }));

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    if (!ext.isActive) await ext.activate();
    root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    fs.mkdirSync(path.join(root, DIR), { recursive: true });
    for (const f of files) fs.writeFileSync(path.join(root, DIR, f.name), f.text);
    const manifest = path.join(root, 'news-sources.json');
    manifestBefore = fs.existsSync(manifest) ? fs.readFileSync(manifest, 'utf8') : undefined;
    const sources = manifestBefore ? (JSON.parse(manifestBefore).sources ?? []) : [];
    fs.writeFileSync(manifest, JSON.stringify({ sources: [...sources, { match: `${DIR}/evil.news`, outlet: HOSTILE_OUTLET }] }, null, 2));
    const calm = await vscode.workspace.openTextDocument(path.join(root, DIR, 'calm.news'));
    await vscode.window.showTextDocument(calm, { preview: false });
    evil = await vscode.workspace.openTextDocument(path.join(root, DIR, 'evil.news'));
    await vscode.window.showTextDocument(evil, { preview: false });
    assert.strictEqual(evil.languageId, 'news');
    await waitFor('the hostile article analysed, with its outlet from news-sources.json and a passage shared with its copy', async () => {
      const s = await state();
      const l = s.layers;
      return l && l.path.endsWith('evil.news') && l.quotes > 0 && l.shared[1] + l.shared[2] + l.shared[3] > 0 && (await hoverAt('Maria Lopez')).some((m) => m.value.includes('person'));
    });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // File by file, so the workspace's file watcher takes each article out of the corpus.
    for (const f of files) fs.rmSync(path.join(root, DIR, f.name), { force: true });
    await sleep(500);
    fs.rmSync(path.join(root, DIR), { recursive: true, force: true });
    const manifest = path.join(root, 'news-sources.json');
    if (manifestBefore === undefined) fs.rmSync(manifest, { force: true });
    else fs.writeFileSync(manifest, manifestBefore);
  });

  async function hoverAt(needle: string, delta = 2): Promise<vscode.MarkdownString[]> {
    const at = evil.positionAt(evil.getText().indexOf(needle) + delta);
    return hoverMarkdown(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', evil.uri, at));
  }

  it('hovers on a quote full of markup, on a person and on the shared passage: Markdown with no raw HTML, no HTML support, links only to the extension\'s commands', async () => {
    const markdowns = [...(await hoverAt('The wall')), ...(await hoverAt('Maria Lopez')), ...(await hoverAt('harbour authority'))];
    assert.ok(markdowns.length >= 2, `hovers were shown (${markdowns.length})`);
    for (const md of markdowns) {
      assert.notStrictEqual(md.supportHtml, true, 'HTML in hovers is not enabled');
      if (md.isTrusted && typeof md.isTrusted === 'object') {
        for (const command of md.isTrusted.enabledCommands) assert.match(command, /^newsAnnotator\./, 'only the extension\'s own commands are trusted');
      } else {
        assert.notStrictEqual(md.isTrusted, true, 'never trusted wholesale');
      }
      assert.ok(!/(^|[^\\])</.test(md.value), `no raw "<" in the hover: ${md.value}`);
      for (const link of md.value.matchAll(/\]\(([^)\s]*)\)/g)) assert.match(link[1], /^command:newsAnnotator\./, `link target ${link[1]}`);
    }
    const all = markdowns.map((m) => m.value).join('\n');
    assert.match(all, /Maria Lopez/);
    assert.ok(all.includes(escapeMarkdown(HOSTILE_OUTLET)), `the hostile outlet is shown escaped in the entity hover's outlet table: ${all}`);
  });

  it('the exported HTML report shows the article verbatim as text, with no element from the article', async () => {
    const out = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'news-hostile-')), 'report.html'));
    await vscode.commands.executeCommand('newsAnnotator.exportReport', { format: 'html', uri: out });
    const html = fs.readFileSync(out.fsPath, 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    assert.ok(!/<(script|img|svg|iframe|a)[\s>]/i.test(html), 'no script, img, svg, iframe or link element');
    assert.ok(!/<style[\s>]/i.test(html.slice(html.indexOf('</style>'))), 'only the template\'s style element');
    const heading = html.indexOf(`<small>${DIR}/evil.news</small>`);
    assert.ok(heading > 0, 'the hostile article is in the report');
    assert.ok(html.slice(html.lastIndexOf('<h2>', heading), heading).includes('&lt;img src=x onerror=&quot;window.__newsPwned = 8&quot;&gt;Evil Gazette'), 'the outlet name is escaped');
    const pre = html.slice(html.indexOf('<pre>', heading) + 5, html.indexOf('</pre>', heading));
    assert.strictEqual(unescapeHtml(pre.replace(/<\/?(?:mark|span)(?:\s[^>]*)?>/g, '')), evil.getText(), 'the article text is shown verbatim');
    for (const payload of PAYLOADS.filter((p) => /[<>"'&]/.test(p))) assert.ok(!html.includes(payload), `payload not written raw: ${payload}`);
    fs.rmSync(path.dirname(out.fsPath), { recursive: true, force: true });
  });

  it('the Coverage view receives the hostile outlet name as plain data (its script writes it with textContent)', async () => {
    await vscode.commands.executeCommand('newsAnnotator.showSourcesPanel');
    await vscode.commands.executeCommand('newsAnnotator.coverage.focus');
    const coverage = await waitFor('the Coverage view to post its data', async () => {
      const c = (await state()).coverage;
      return c?.type === 'coverage' && c.data?.articles.some((a) => a.path.endsWith('evil.news')) ? c : undefined;
    });
    const article = coverage.data!.articles.find((a) => a.path.endsWith('evil.news'))!;
    assert.strictEqual(article.outlet, HOSTILE_OUTLET, 'the name travels unchanged as a string; the webview never parses it as HTML');
  });
});
