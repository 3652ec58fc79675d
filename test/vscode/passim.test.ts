// passim in a real VS Code (issue 8): News: Export Corpus for passim writes the corpus as passim input,
// News: Import passim Output brings passim's clusters back as shared passages that reach the report
// (documentReport, as exported) and the News Sources panel.
// The fixture articles (test/fixtures/passim/articles) are copied as `.news` files into a hidden folder
// of the test workspace (not scanned by the other suites) and the fixture output's ids are mapped to
// their workspace paths. Everything is removed afterwards, and an empty import clears the passages.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { sleep, waitFor } from './waitFor';

const EXTENSION_ID = 'news-annotator.news-annotator';
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'passim');
const DIR = '.passim-test';
const IDS = ['courier/barrier.txt', 'gazette/flood.txt', 'herald/lenn.txt'];
const workspaceKey = (id: string) => `${DIR}/${id.replace(/\.txt$/, '.news')}`;
interface State {
  layers?: { path: string; shared: Record<string, number> };
  sharedParagraphs: { start: number; end: number; label: string; outlets: { outlet: string; path: string; similarity: number }[] }[];
}
const state = async () => (await vscode.commands.executeCommand<State>('newsAnnotator.describeEditorState'))!;

describe('passim export and import (extension host)', function () {
  this.timeout(120_000);
  let root: string;
  let tmp: string;
  const documents = new Map<string, vscode.TextDocument>();

  /** A fixture output file with its ids mapped to this workspace's paths. */
  function outputFor(fixture: string): vscode.Uri {
    const lines = fs
      .readFileSync(path.join(FIXTURES, fixture), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        const record = JSON.parse(l);
        if (IDS.includes(record.id)) record.id = workspaceKey(record.id);
        return JSON.stringify(record);
      });
    const file = path.join(tmp, fixture);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    return vscode.Uri.file(file);
  }

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    if (!ext.isActive) await ext.activate();
    root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-passim-'));
    for (const id of IDS) {
      const target = path.join(root, workspaceKey(id));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(path.join(FIXTURES, 'articles', id), target);
      const document = await vscode.workspace.openTextDocument(target);
      await vscode.window.showTextDocument(document, { preview: false });
      documents.set(id, document);
    }
  });

  after(async () => {
    // An empty import clears the passages; then the files go.
    const empty = path.join(tmp, 'empty.json');
    fs.writeFileSync(empty, '');
    await vscode.commands.executeCommand('newsAnnotator.importPassim', { uri: vscode.Uri.file(empty) });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // File by file, so the workspace's file watcher takes each article out of the corpus.
    for (const id of IDS) fs.rmSync(path.join(root, workspaceKey(id)), { force: true });
    await sleep(500);
    fs.rmSync(path.join(root, DIR), { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('"News: Export Corpus for passim" and "News: Import passim Output" are contributed and registered', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string; title: string; category: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const [command, title] of [['newsAnnotator.exportPassim', 'News: Export Corpus for passim'], ['newsAnnotator.importPassim', 'News: Import passim Output']]) {
      const c = manifest.contributes.commands.find((x) => x.command === command);
      assert.ok(c, `${command} contributed`);
      assert.strictEqual(`${c.category}: ${c.title}`, title);
      assert.ok(registered.has(command), `${command} registered`);
    }
  });

  it('exports the corpus as passim input: one {id, series, text} line per article, id = the corpus path', async () => {
    const out = vscode.Uri.file(path.join(tmp, 'passim-input.json'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('newsAnnotator.exportPassim', { uri: out });
    assert.strictEqual(written?.fsPath, out.fsPath);
    const records = fs.readFileSync(out.fsPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; series: string; text: string });
    for (const id of IDS) {
      const record = records.find((r) => r.id === workspaceKey(id));
      assert.ok(record, `${workspaceKey(id)} exported (ids: ${records.map((r) => r.id).slice(0, 8).join(', ')}…)`);
      assert.strictEqual(record.text, documents.get(id)!.getText());
      assert.ok(record.series.length > 0);
      assert.deepStrictEqual(Object.keys(record).sort(), ['id', 'series', 'text']);
    }
  });

  it('imports passim output: its clusters appear in documentReport (exported JSON, source "passim") and in the Shared Paragraphs panel', async () => {
    const summary = await vscode.commands.executeCommand<{ clusters: number; placed: number; problems: string[] }>('newsAnnotator.importPassim', { uri: outputFor('rewritten.json') });
    assert.deepStrictEqual(summary, { clusters: 1, placed: 2, problems: [] });

    // documentReport, through the JSON export (the scan contract).
    const json = vscode.Uri.file(path.join(tmp, 'report.json'));
    await vscode.commands.executeCommand('newsAnnotator.exportReport', { format: 'json', uri: json });
    const report = JSON.parse(fs.readFileSync(json.fsPath, 'utf8')) as { documents: { path: string; shared: { start: number; end: number; source?: string; cluster?: string; matches: { path: string; start: number; end: number }[] }[] }[] };
    const herald = report.documents.find((d) => d.path === workspaceKey('herald/lenn.txt'));
    assert.ok(herald, 'the herald article is in the report');
    const imported = herald.shared.filter((s) => s.source === 'passim');
    assert.strictEqual(imported.length, 1, JSON.stringify(herald.shared));
    const heraldText = documents.get('herald/lenn.txt')!.getText();
    assert.ok(heraldText.slice(imported[0].start, imported[0].end).startsWith('Local shops'), 'placed on the herald paragraph');
    assert.strictEqual(imported[0].cluster, '12');
    assert.strictEqual(imported[0].matches[0].path, workspaceKey('courier/barrier.txt'));
    const courierText = documents.get('courier/barrier.txt')!.getText();
    assert.ok(courierText.slice(imported[0].matches[0].start, imported[0].matches[0].end).startsWith('Residents of the low-lying'), 'the code-point offsets were converted');

    // The panel of the herald article lists the courier as sharing that paragraph, and the layer shades it.
    await vscode.window.showTextDocument(documents.get('herald/lenn.txt')!, { preview: false });
    const shown = await waitFor('the imported passage in the Shared Paragraphs panel', async () => {
      const s = await state();
      const paragraph = s.sharedParagraphs.find((p) => heraldText.slice(p.start, p.end).startsWith('Local shops'));
      return paragraph && s.layers?.path === workspaceKey('herald/lenn.txt') ? { s, paragraph } : undefined;
    });
    assert.ok(shown.paragraph.outlets.some((o) => o.path === workspaceKey('courier/barrier.txt')), JSON.stringify(shown.paragraph));
    assert.ok(shown.s.layers!.shared[1] + shown.s.layers!.shared[2] + shown.s.layers!.shared[3] > 0, 'the shared-passage layer shades it');
  });

  it('a second import replaces the first, and records it cannot place are reported, not imported', async () => {
    const summary = await vscode.commands.executeCommand<{ clusters: number; placed: number; problems: string[] }>('newsAnnotator.importPassim', { uri: outputFor('out.json') });
    assert.strictEqual(summary.clusters, 2);
    assert.strictEqual(summary.placed, 5);
    assert.deepStrictEqual(summary.problems, ['cluster 9: "archive/gone.txt" is not in the corpus']);
    await vscode.window.showTextDocument(documents.get('herald/lenn.txt')!, { preview: false });
    const heraldText = documents.get('herald/lenn.txt')!.getText();
    await waitFor('the rewritten paragraph to leave the panel after the new import', async () => {
      const s = await state();
      return s.layers?.path === workspaceKey('herald/lenn.txt') && !s.sharedParagraphs.some((p) => heraldText.slice(p.start, p.end).startsWith('Local shops'));
    });
  });
});
