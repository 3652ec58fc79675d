// Runs inside a real VS Code extension host (see test/vscode/index.ts and test/launch/). The workspace is
// a temp copy of ../shared/seeds. These tests use the extension the way VS Code and other extensions do:
// through its contributions, its commands and the API object that activate() returns.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

const EXTENSION_ID = 'news-annotator.news-annotator';

interface Paragraph {
  start: number;
  end: number;
  kind: string;
}
interface NewsAnnotatorApi {
  readonly version: 1;
  analysisFor(document: vscode.TextDocument): Promise<{ paragraphs: Paragraph[] }>;
}

async function openSeed(prefix: string): Promise<vscode.TextDocument> {
  const [uri] = await vscode.workspace.findFiles(`**/${prefix}_*.txt`, undefined, 1);
  assert.ok(uri, `seed ${prefix} is in the workspace (${vscode.workspace.workspaceFolders?.map((f) => f.uri.toString())})`);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

function extension(): vscode.Extension<NewsAnnotatorApi> {
  const ext = vscode.extensions.getExtension<NewsAnnotatorApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is loaded as the extension under development`);
  return ext;
}

async function api(): Promise<NewsAnnotatorApi> {
  const ext = extension();
  return ext.isActive ? ext.exports : ext.activate();
}

/** The paragraph that contains the first occurrence of `needle` (as a whole line) in the document. */
function paragraphAt(document: vscode.TextDocument, paragraphs: Paragraph[], needle: string, occurrence = 0): Paragraph & { text: string } {
  const text = document.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" occurs ${occurrence + 1} time(s) in ${path.basename(document.fileName)}`);
  }
  const paragraph = paragraphs.find((p) => p.start <= index && index < p.end);
  assert.ok(paragraph, `a paragraph covers "${needle}" (offset ${index})`);
  return { ...paragraph, text: text.slice(paragraph.start, paragraph.end) };
}

function assertWellFormed(document: vscode.TextDocument, paragraphs: Paragraph[]): void {
  const length = document.getText().length;
  assert.ok(paragraphs.length > 0, 'at least one paragraph');
  let previousEnd = 0;
  for (const p of paragraphs) {
    assert.ok(Number.isInteger(p.start) && Number.isInteger(p.end), `integer offsets ${JSON.stringify(p)}`);
    assert.ok(p.start >= previousEnd && p.start < p.end && p.end <= length, `ordered, non-overlapping, inside the text: ${JSON.stringify(p)}`);
    assert.ok(['headline', 'dateline', 'byline', 'body', 'caption', 'boilerplate'].includes(p.kind), `known kind: ${p.kind}`);
    // Offsets are UTF-16 offsets, the same as VS Code's offsetAt/positionAt.
    const range = new vscode.Range(document.positionAt(p.start), document.positionAt(p.end));
    assert.strictEqual(document.offsetAt(range.start), p.start);
    assert.ok(document.getText(range).trim().length > 0, `paragraph ${JSON.stringify(p)} is not blank`);
    previousEnd = p.end;
  }
}

describe('News Annotator in VS Code', function () {
  this.timeout(60_000);

  it('is contributed without a "*" activation and activates when a seed .txt is opened', async () => {
    const ext = extension();
    const manifest = ext.packageJSON as { activationEvents?: string[]; contributes?: { commands?: { command: string }[] } };
    assert.ok(!(manifest.activationEvents ?? []).includes('*'), 'no "*" activation event');
    await openSeed('000');
    // No ext.activate() here: VS Code must activate it from its contributions.
    await waitFor('the extension to activate after opening a seed', () => ext.isActive);
  });

  it('exports the API object (version 1, analysisFor)', async () => {
    const exported = await api();
    assert.ok(exported, 'activate() returned an API object');
    assert.strictEqual(exported.version, 1);
    assert.strictEqual(typeof exported.analysisFor, 'function');
  });

  it('registers "News: Scan Workspace" and runs it', async () => {
    await api();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('newsAnnotator.scanWorkspace'), 'newsAnnotator.scanWorkspace is registered');
    const manifest = extension().packageJSON as { contributes?: { commands?: { command: string; title: string; category?: string }[] } };
    const contributed = manifest.contributes?.commands?.find((c) => c.command === 'newsAnnotator.scanWorkspace');
    assert.ok(contributed, 'the command is contributed to the palette');
    assert.strictEqual(`${contributed.category}: ${contributed.title}`, 'News: Scan Workspace');
    await vscode.commands.executeCommand('newsAnnotator.scanWorkspace');
  });

  it('seed 000: headline, dateline, photo captions and body as a reader sees them', async () => {
    const document = await openSeed('000');
    const { paragraphs } = await (await api()).analysisFor(document);
    assertWellFormed(document, paragraphs);
    const headline = paragraphAt(document, paragraphs, 'Security talks focus on bolstering military cooperation');
    assert.strictEqual(headline.kind, 'headline', headline.text);
    assert.strictEqual(paragraphAt(document, paragraphs, 'Tokyo (AP)').kind, 'dateline');
    const caption = paragraphAt(document, paragraphs, 'US Secretary of State Antony Blinken, left, and Japanese Foreign Minister');
    assert.strictEqual(caption.kind, 'caption', caption.text);
    const lead = paragraphAt(document, paragraphs, 'Japanese and US defence chiefs and top diplomats agreed');
    assert.strictEqual(lead.kind, 'body', lead.text);
    assert.strictEqual(paragraphs.filter((p) => p.kind === 'headline').length, 1, 'one headline');
  });

  it('seed 004: the site menu ("Settings", "Advertisement") is boilerplate, the story is not', async () => {
    const document = await openSeed('004');
    const { paragraphs } = await (await api()).analysisFor(document);
    assertWellFormed(document, paragraphs);
    for (const needle of ['Settings', 'Reading Mode', 'Advertisement']) {
      const p = paragraphAt(document, paragraphs, needle);
      assert.strictEqual(p.kind, 'boilerplate', `${needle}: ${p.text}`);
    }
    const headline = paragraphAt(document, paragraphs, 'US Upgrades Japan Military Command In Response');
    assert.strictEqual(headline.kind, 'headline', headline.text);
    const body = paragraphAt(document, paragraphs, 'A US-Japan Security Consultative Committee meeting');
    assert.strictEqual(body.kind, 'body', body.text);
  });

  it('an untitled CRLF document with a BOM gets offsets that match VS Code\'s', async () => {
    const seed = fs.readFileSync((await openSeed('003')).fileName, 'utf8');
    const crlf = '\uFEFF' + seed.replace(/\r?\n/g, '\r\n');
    const document = await vscode.workspace.openTextDocument({ content: crlf, language: 'plaintext' });
    await vscode.window.showTextDocument(document);
    const { paragraphs } = await (await api()).analysisFor(document);
    assertWellFormed(document, paragraphs);
    const headline = paragraphAt(document, paragraphs, 'US and Japan to revamp joint military operations');
    assert.strictEqual(headline.kind, 'headline', headline.text);
    assert.ok(!headline.text.includes('\r'), 'a paragraph does not include its line break');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
