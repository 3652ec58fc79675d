// The editor experience in a real VS Code, used as a fact-checker would: open seed 000, see the three
// layers, hover Kihara, read the CodeLens over the shared paragraphs, open the News Sources panel,
// open the comparison, type into a shared paragraph and watch its lens change, run every command.
// The workspace is a temp copy of ../shared/seeds (five copies of the July 2024 "2+2" story).
// What the layers drew is read through the diagnostic command newsAnnotator.describeEditorState;
// hovers, lenses, references and symbols through VS Code's own execute*Provider commands.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

const EXTENSION_ID = 'news-annotator.news-annotator';
/** The AP lead paragraph of seed 000; seed 002 (The Epoch Times) reprints it. */
const LEAD = 'Japanese and US defence chiefs and top diplomats agreed';
/** A paragraph of seed 000 that three other seeds (001, 002, 003) print, at least in part. */
const JOINT_STATEMENT = 'In the joint statement issued after the talks, the ministers said';

interface EditorState {
  layers?: {
    path: string;
    enabled: Record<'quotes' | 'entities' | 'shared', boolean>;
    quotes: number;
    speakerLabels: string[];
    entities: Record<'PERSON' | 'ORG' | 'PLACE', number>;
    shared: Record<'1' | '2' | '3', number>;
  };
  sharedParagraphs: { start: number; end: number; label: string; outlets: { outlet: string; path: string; similarity: number; origin: boolean }[]; selected: boolean }[];
  entities: { type: string; names: string[] }[];
  quoteSpeakers: { name: string; quotes: number }[];
  quotesWithCopies: number;
  statusBar: string;
  coverage?: { type: string; data?: { articles: { path: string; outlet: string; original: number }[]; shares: number[][] } };
}

/** Activates the extension the way a user does: by opening an article (never ext.activate()). */
async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is loaded`);
  await openSeed('000');
  await waitFor('the extension to activate', () => ext.isActive);
}

async function openSeed(prefix: string): Promise<vscode.TextEditor> {
  const [uri] = await vscode.workspace.findFiles(`**/${prefix}_*.txt`, undefined, 1);
  assert.ok(uri, `seed ${prefix} is in the workspace`);
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

const state = async () => (await vscode.commands.executeCommand<EditorState>('newsAnnotator.describeEditorState'))!;

function positionOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = document.getText().indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" occurs in ${document.fileName}`);
  }
  return document.positionAt(index);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c instanceof vscode.MarkdownString ? c.value : (c as { value: string }).value))
    .join('\n---\n');
}

async function lenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
}

/** Waits until the layers of the active editor are drawn from an analysis that knows the other seeds. */
async function waitForSharedLayers(): Promise<EditorState> {
  return waitFor('the shared-passage layer of seed 000 (the other seeds scanned)', async () => {
    const s = await state();
    const shared = s.layers ? s.layers.shared[1] + s.layers.shared[2] + s.layers.shared[3] : 0;
    return shared > 0 ? s : undefined;
  }, 40_000);
}

describe('News Annotator editor experience', function () {
  this.timeout(90_000);
  /**
   * True when the core reports no quote, entity or shared passage for seed 000 at all: the engines are
   * not wired into Corpus.documentReport yet. The tests that need their data are then reported as
   * pending (not passed); every expectation below is about the real seeds.
   */
  let enginesMissing = false;
  const itWithData = (title: string, test: () => Promise<void>) =>
    it(title, async function () {
      if (enginesMissing) this.skip();
      await test();
    });

  before(async function () {
    this.timeout(60_000);
    await activate();
    await vscode.commands.executeCommand('newsAnnotator.scanWorkspace');
    await openSeed('000');
    try {
      await waitFor('any layer data for seed 000', async () => {
        const s = await state();
        return s.layers && s.layers.quotes + s.layers.entities.PERSON + s.layers.shared[1] + s.layers.shared[2] + s.layers.shared[3] > 0;
      }, 15_000);
    } catch {
      enginesMissing = true;
      console.log('    (the core reports no quotes, entities or shared passages yet: the tests that need them are pending)');
    }
  });

  it('contributes every editor command to the palette under "News" and registers it', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string; title: string; category?: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const expected = {
      'newsAnnotator.toggleQuotes': 'News: Toggle Quotes',
      'newsAnnotator.toggleEntities': 'News: Toggle Entities',
      'newsAnnotator.toggleSharedPassages': 'News: Toggle Shared Passages',
      'newsAnnotator.showSourcesPanel': 'News: Show Sources Panel',
      'newsAnnotator.comparePassage': 'News: Compare Passage with Its Match',
      'newsAnnotator.nextSharedPassage': 'News: Next Shared Passage',
      'newsAnnotator.previousSharedPassage': 'News: Previous Shared Passage',
      'newsAnnotator.setOutlet': 'News: Set Outlet for This File',
      'newsAnnotator.exportReport': 'News: Export Report',
    };
    for (const [command, title] of Object.entries(expected)) {
      const contributed = manifest.contributes.commands.find((c) => c.command === command);
      assert.ok(contributed, `${command} is contributed`);
      assert.strictEqual(`${contributed.category}: ${contributed.title}`, title);
      assert.ok(registered.has(command), `${command} is registered`);
    }
  });

  itWithData('seed 000 shows the three layers: quotes with their speaker, entities by type, shared passages', async () => {
    const editor = await openSeed('000');
    const s = await waitForSharedLayers();
    assert.ok(s.layers, 'the layers were drawn in the active editor');
    assert.ok(s.layers.path.includes('000_'), s.layers.path);
    assert.ok(s.layers.quotes >= 5, `quotes drawn: ${s.layers.quotes}`);
    assert.ok(s.layers.speakerLabels.some((l) => /Austin/.test(l)), `a quote is labelled "— Austin": ${JSON.stringify(s.layers.speakerLabels)}`);
    assert.ok(s.layers.speakerLabels.some((l) => /Kamikawa/.test(l)), `a quote is labelled "— Kamikawa": ${JSON.stringify(s.layers.speakerLabels)}`);
    assert.ok(s.layers.entities.PERSON >= 4, `people underlined: ${JSON.stringify(s.layers.entities)}`);
    assert.ok(s.layers.entities.PLACE >= 2, `places underlined: ${JSON.stringify(s.layers.entities)}`);
    assert.ok(s.layers.entities.ORG >= 1, `organisations underlined: ${JSON.stringify(s.layers.entities)}`);
    // The AP story is reprinted by the other seeds: most of it is carried by more than one outlet.
    assert.ok(s.layers.shared[2] + s.layers.shared[3] >= 3, `passages carried by several outlets: ${JSON.stringify(s.layers.shared)}`);
    assert.ok(/\$\(quote\) \d+/.test(s.statusBar) && /original/.test(s.statusBar), `status bar: ${s.statusBar}`);
    assert.strictEqual(vscode.window.activeTextEditor, editor);
  });

  itWithData('hovering "Kihara" shows his card: name, person, role, mentions per outlet', async () => {
    const editor = await openSeed('000');
    await waitForSharedLayers();
    const at = positionOf(editor.document, 'Kihara').translate(0, 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const text = hoverText(hovers ?? []);
    assert.match(text, /\*\*Minoru Kihara\*\* · person/, text);
    assert.match(text, /[Dd]efen[cs]e [Mm]inister/, `his role: ${text}`);
    assert.match(text, /\| Mentions \|/, text);
    assert.match(text, /command:newsAnnotator\.showEntityMentions/, text);
  });

  itWithData('hovering a quote shows its speaker and says whether other outlets print it', async () => {
    const editor = await openSeed('000');
    await waitForSharedLayers();
    const at = positionOf(editor.document, 'will be the most significant change').translate(0, 5);
    const text = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at)) ?? []);
    assert.match(text, /\*\*Quote\*\* — Lloyd Austin \(named here as “Austin”\)/, text);
    assert.match(text, /Printed by \d+ other outlets?:|No other outlet in the corpus prints this quote\./, text);
    assert.match(text, /Shared passage/, `the quote sits in a shared passage: ${text}`);
  });

  it('hovering a quote lists the other outlets that print it, with the differences', async function () {
    const editor = await openSeed('000');
    if (enginesMissing) this.skip();
    await waitForSharedLayers();
    if ((await state()).quotesWithCopies === 0) {
      console.log('    (the core reports no copies of quotes across outlets yet (ReportQuote.copies): pending)');
      this.skip();
    }
    // Seed 001 (Occasional Digest) prints Austin's "most significant change" quote too.
    const at = positionOf(editor.document, 'will be the most significant change').translate(0, 5);
    const text = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at)) ?? []);
    assert.match(text, /Printed by \d+ other outlets?:/, text);
    assert.match(text, /Occasional Digest|001_/, text);
  });

  itWithData('shows a CodeLens "Shared with N outlets: …" over the AP lead paragraph, and Go to References on an entity', async () => {
    const editor = await openSeed('000');
    await waitForSharedLayers();
    const line = positionOf(editor.document, LEAD).line;
    const lens = await waitFor('a lens over the lead paragraph', async () => (await lenses(editor.document)).find((l) => l.range.start.line === line));
    assert.ok(lens.command, 'the lens has a command');
    assert.match(lens.command.title, /^Shared with \d+ outlets?: .+/, lens.command.title);
    assert.strictEqual(lens.command.command, 'newsAnnotator.comparePassage');
    assert.match(lens.command.title, /^Shared with 1 outlet: /, `only seed 002 reprints the lead: ${lens.command.title}`);
    const jointLine = positionOf(editor.document, JOINT_STATEMENT).line;
    const joint = (await lenses(editor.document)).find((l) => l.range.start.line === jointLine);
    assert.ok(joint?.command, 'a lens over the joint-statement paragraph');
    const count = Number(/Shared with (\d+)/.exec(joint.command.title)?.[1]);
    assert.ok(count >= 3, `seeds 001, 002 and 003 print the joint statement: ${joint.command.title}`);
    assert.strictEqual(joint.command.title.split(' · ').length, count, joint.command.title);

    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, positionOf(editor.document, 'Kihara').translate(0, 1));
    const files = new Set((references ?? []).map((l) => l.uri.toString()));
    assert.ok(files.size >= 3, `Kihara is mentioned across the seeds: ${[...files].join(', ')}`);
  });

  itWithData('the outline shows the headline, the paragraphs and their quotes', async () => {
    const editor = await openSeed('000');
    await waitForSharedLayers();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    assert.ok(symbols && symbols.length > 10, `symbols: ${symbols?.length}`);
    const headline = symbols.find((s) => s.detail === 'headline');
    assert.ok(headline && headline.name.startsWith('Security talks focus on bolstering'), JSON.stringify(headline?.name));
    assert.ok(symbols.some((s) => s.children.some((c) => /Austin/.test(c.detail))), 'a quote by Austin is a child of its paragraph');
  });

  itWithData('the Sources panel follows the cursor and lists which outlets carry the paragraph under it', async () => {
    const editor = await openSeed('000');
    await waitForSharedLayers();
    await vscode.commands.executeCommand('newsAnnotator.showSourcesPanel');
    await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    const at = positionOf(editor.document, JOINT_STATEMENT).translate(0, 10);
    editor.selection = new vscode.Selection(at, at);
    const s = await waitFor('the joint-statement paragraph selected in the Shared Paragraphs tree', async () => {
      const now = await state();
      return now.sharedParagraphs.some((p) => p.selected) ? now : undefined;
    });
    const selected = s.sharedParagraphs.find((p) => p.selected)!;
    assert.ok(selected.label.startsWith('In the joint statement issued after the talks'), selected.label);
    assert.ok(selected.outlets.length >= 3, `seeds 001, 002 and 003 carry it: ${JSON.stringify(selected.outlets)}`);
    assert.ok(selected.outlets.every((o) => !o.path.includes('000_')), 'only other articles are listed');
    assert.ok(s.entities.some((t) => t.type === 'PERSON' && t.names.includes('Minoru Kihara')), JSON.stringify(s.entities));
    assert.ok(s.quoteSpeakers.some((q) => /Austin/.test(q.name)), JSON.stringify(s.quoteSpeakers));
    const coverage = await waitFor('the Coverage view to get its data', async () => {
      const now = await state();
      return now.coverage?.type === 'coverage' ? now.coverage : undefined;
    });
    assert.strictEqual(coverage.data!.articles.length, 5);
    assert.ok(coverage.data!.shares.some((row) => row.some((v) => v > 0.3)), 'the seeds share much of their text');
  });

  itWithData('Compare Passage with Its Match opens a diff editor trimmed to the passage', async () => {
    const editor = await openSeed('000');
    await waitForSharedLayers();
    const at = positionOf(editor.document, LEAD).translate(0, 10);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('newsAnnotator.comparePassage');
    const tab = await waitFor('a diff editor tab', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    });
    assert.strictEqual(tab.original.scheme, 'news-passage');
    assert.strictEqual(tab.modified.scheme, 'news-passage');
    const left = (await vscode.workspace.openTextDocument(tab.original)).getText();
    const right = (await vscode.workspace.openTextDocument(tab.modified)).getText();
    assert.ok(left.startsWith('Japanese and US defence chiefs'), left.slice(0, 80));
    assert.ok(left.length < editor.document.getText().length / 2, 'trimmed to the passage');
    assert.match(right, /defen[cs]e chiefs/, right.slice(0, 120));
    assert.ok(left.split('\n').length > 1, 'one sentence per line');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  itWithData('typing into a shared paragraph changes its lens; undo brings it back', async () => {
    const editor = await openSeed('000');
    await waitForSharedLayers();
    const line = positionOf(editor.document, LEAD).line;
    const before = await waitFor('the lead lens', async () => (await lenses(editor.document)).find((l) => l.range.start.line === line));
    const paragraph = editor.document.lineAt(line).range;
    // Rewrite the paragraph in our own words: nobody else prints it any more.
    await editor.edit((b) => b.replace(paragraph, 'Officials met in the capital on a rainy morning and talked for several hours about many different subjects of mutual interest without reaching anything.'));
    await waitFor('the lens over the rewritten paragraph to go', async () => !(await lenses(editor.document)).some((l) => l.range.start.line === line && l.command?.title === before.command?.title));
    await vscode.commands.executeCommand('undo');
    await waitFor('the document to be back', () => editor.document.getText().includes(LEAD));
    const after = await waitFor('the lens to come back', async () => (await lenses(editor.document)).find((l) => l.range.start.line === line));
    assert.strictEqual(after.command?.title, before.command?.title);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  itWithData('next / previous shared passage move the cursor between shared passages', async () => {
    const editor = await openSeed('000');
    await waitForSharedLayers();
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('newsAnnotator.nextSharedPassage');
    const first = editor.selection.active;
    assert.ok(first.line > 0, 'moved down to the first shared passage');
    await vscode.commands.executeCommand('newsAnnotator.nextSharedPassage');
    const second = editor.selection.active;
    assert.ok(second.isAfter(first), 'moved on to the next one');
    await vscode.commands.executeCommand('newsAnnotator.previousSharedPassage');
    assert.ok(editor.selection.active.isEqual(first), 'and back');
  });

  itWithData('toggles each layer by command and setting', async () => {
    await openSeed('000');
    await waitForSharedLayers();
    for (const [command, layer] of [['newsAnnotator.toggleQuotes', 'quotes'], ['newsAnnotator.toggleEntities', 'entities'], ['newsAnnotator.toggleSharedPassages', 'shared']] as const) {
      await vscode.commands.executeCommand(command);
      const off = await waitFor(`${layer} off`, async () => ((await state()).layers?.enabled[layer] === false ? await state() : undefined));
      if (layer === 'quotes') assert.strictEqual(off.layers!.quotes, 0);
      if (layer === 'shared') assert.strictEqual(off.layers!.shared[1] + off.layers!.shared[2] + off.layers!.shared[3], 0);
      if (layer === 'shared') assert.strictEqual((await lenses(vscode.window.activeTextEditor!.document)).length, 0, 'no lenses while the shared layer is off');
      await vscode.commands.executeCommand(command);
      await waitFor(`${layer} on`, async () => (await state()).layers?.enabled[layer] === true);
    }
  });

  it('exports the report as JSON, CSV and HTML, and sets an outlet in news-sources.json', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    for (const format of ['json', 'csv', 'html'] as const) {
      const uri = vscode.Uri.joinPath(folder, `report-test.${format}`);
      await vscode.commands.executeCommand('newsAnnotator.exportReport', { format, uri });
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      if (format === 'json') {
        const report = JSON.parse(text);
        assert.strictEqual(report.schema, 'news-annotator/scan@1');
        assert.ok(report.documents.length >= 5);
      } else if (format === 'csv') {
        assert.ok(text.startsWith('path,outlet,layer,start,end'), text.slice(0, 80));
      } else {
        assert.ok(text.startsWith('<!DOCTYPE html>') && !/<script/i.test(text), 'standalone HTML without scripts');
      }
      await vscode.workspace.fs.delete(uri);
    }
    const editor = await openSeed('001');
    const manifest = await vscode.commands.executeCommand<vscode.Uri>('newsAnnotator.setOutlet', editor.document.uri, 'Test Outlet');
    assert.ok(manifest, 'the manifest was written');
    const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(manifest)));
    assert.ok(written.sources.some((s: { match: string; outlet: string }) => s.match.endsWith('.txt') && s.match.includes('001_') && s.outlet === 'Test Outlet'), JSON.stringify(written));
    await vscode.workspace.fs.delete(manifest);
  });

  itWithData('runs every palette command of the editor experience without an error', async () => {
    await openSeed('000');
    await waitForSharedLayers();
    const safe = ['newsAnnotator.showSourcesPanel', 'newsAnnotator.nextSharedPassage', 'newsAnnotator.previousSharedPassage', 'newsAnnotator.comparePassage'];
    for (const command of safe) await vscode.commands.executeCommand(command);
    for (const command of ['newsAnnotator.toggleQuotes', 'newsAnnotator.toggleEntities', 'newsAnnotator.toggleSharedPassages']) {
      await vscode.commands.executeCommand(command);
      await vscode.commands.executeCommand(command);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
