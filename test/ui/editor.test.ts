// A fact-checker uses the editor experience in the real workbench (code-server + Chromium): opens seed
// 000, sees the quote, entity and shared-passage layers, hovers Kihara, reads the lenses, opens the
// News Sources panel, opens the comparison from a lens, types into a shared paragraph and watches its
// lens change, and runs every News command from the palette. Screenshots: test-results/ui-editor-*.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { sharedDir } from '../launch/codeServer';
import { useWorkbench, type Workbench } from './workbench';

/** The scan runs in the background on a busy machine: allow for it. */
const SCAN_TIMEOUT = 120_000;

/** 1-based line number of `needle` in a seed (the test reads the same file the workbench shows). */
function seedLine(prefix: string, needle: string): number {
  const dir = path.join(sharedDir(), 'seeds');
  const name = fs.readdirSync(dir).find((f) => f.startsWith(prefix))!;
  const text = fs.readFileSync(path.join(dir, name), 'utf8');
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

/** Scrolls the active editor to a line with Go to Line (Ctrl+G), as a person would, and puts the cursor there. */
async function goToLine(wb: Workbench, line: number): Promise<void> {
  await wb.page.keyboard.press('Control+1'); // focus the editor (clicking could hit a lens)
  await wb.page.keyboard.press('Control+G');
  const input = wb.page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await wb.page.keyboard.press('Enter');
  await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

const LEAD = 'Japanese and US defence chiefs and top diplomats agreed';
const JOINT_STATEMENT = 'In the joint statement issued after the talks, the ministers said';

/** The texts of the CodeLenses drawn in the active editor. */
async function lensTexts(wb: Workbench): Promise<string[]> {
  const texts = await wb.activeEditor().locator('.codelens-decoration').allInnerTexts();
  return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** The inline texts drawn after text by decorations (the quote speaker labels), from ::after styles. */
async function inlineLabels(wb: Workbench): Promise<string[]> {
  return wb.viewLines().evaluate((root: any) => {
    const w = globalThis as any;
    const out: string[] = [];
    for (const span of Array.from(root.querySelectorAll('span') as ArrayLike<any>)) {
      const content = String(w.getComputedStyle(span, '::after').content ?? '');
      if (content && content !== 'none' && content !== 'normal') out.push(content.replace(/^"|"$/g, ''));
    }
    return out;
  });
}

/** Computed styles of the rendered pieces of text that contain `text` (decorations show as borders and colours). */
async function piecesWith(wb: Workbench, text: string): Promise<{ text: string; border: string; color: string }[]> {
  return wb.viewLines().evaluate((root: any, needle: string) => {
    const w = globalThis as any;
    return Array.from(root.querySelectorAll('.view-line span span') as ArrayLike<any>)
      .filter((s: any) => String(s.textContent).replace(/\u00a0/g, ' ').includes(needle))
      .map((s: any) => ({ text: String(s.textContent).replace(/\u00a0/g, ' '), border: String(w.getComputedStyle(s).borderBottomStyle), color: String(w.getComputedStyle(s).color) }));
  }, text);
}

describe('UI: the editor experience on the seeds', function () {
  this.timeout(180_000);
  const wb = useWorkbench({ settings: { 'editor.wordWrap': 'on', 'editor.minimap.enabled': false } });

  it('opens seed 000 and sees quotes with their speaker, entities and shared passages', async () => {
    await wb().openFile('000_');
    await wb().line(LEAD).waitFor({ state: 'visible' });
    const labels = await wb().waitUntil('the speaker labels after the quotes', async () => {
      const found = await inlineLabels(wb());
      return found.some((l) => l.includes('Austin')) ? found : undefined;
    }, 40_000);
    assert.ok(labels.some((l) => l.includes('— Kamikawa')), `speaker labels: ${JSON.stringify(labels)}`);
    // People and places are drawn in their own colours (the underline is an overlay VS Code draws apart).
    const plain = (await piecesWith(wb(), 'joined their Japanese counterparts'))[0]?.color;
    assert.ok(plain, 'the plain text of the paragraph is on screen');
    const colourOf = async (name: string) => (await piecesWith(wb(), name)).find((p) => p.text.trim() === name)?.color;
    const austin = await colourOf('Lloyd Austin');
    const kihara = await colourOf('Minoru Kihara');
    const hawaii = await colourOf('Hawaii');
    assert.ok(austin && austin !== plain, `Lloyd Austin stands out (${austin} vs ${plain})`);
    assert.strictEqual(kihara, austin, 'people share a colour');
    assert.ok(hawaii && hawaii !== plain && hawaii !== austin, `a place has its own colour (${hawaii})`);
    // The lenses need the other seeds: opening the article started a background scan of the workspace.
    const lenses = await wb().waitUntil('the shared-passage lenses', async () => {
      const texts = await lensTexts(wb());
      return texts.filter((t) => t.startsWith('Shared with')).length >= 5 ? texts : undefined;
    }, SCAN_TIMEOUT);
    assert.ok(lenses.some((t) => /^Shared with 1 outlet: /.test(t)), `the lead is reprinted by one other seed: ${JSON.stringify(lenses)}`);
    await goToLine(wb(), seedLine('000', JOINT_STATEMENT));
    const jointLenses = await lensTexts(wb());
    assert.ok(jointLenses.some((t) => /^Shared with [3-9] outlets: .+ · .+ · .+/.test(t)), `a paragraph is carried by three or more outlets: ${JSON.stringify(jointLenses)}`);
    const status = await wb().statusBarItemById('newsAnnotator.articleStatus').innerText();
    assert.match(status, /original/, status);
    await wb().screenshot('editor-layers');
  });

  it('hovers Kihara and reads his card', async () => {
    await goToLine(wb(), seedLine('000', 'Minoru Kihara'));
    // His card counts his mentions in every seed once the scan has read them.
    const text = await wb().waitUntil('Kihara’s card with his mentions across the seeds', async () => {
      const shown = await wb().hoverText('Kihara');
      await wb().page.keyboard.press('Escape');
      const total = Number(/Show all (\d+) mentions/.exec(shown)?.[1] ?? 0);
      return total > 3 ? shown : undefined;
    }, SCAN_TIMEOUT);
    await wb().hoverText('Kihara');
    await wb().waitUntil('the hover to finish fading in', () =>
      wb().page.locator('.monaco-hover:not(.hidden)').first().evaluate((el: any) => Number((globalThis as any).getComputedStyle(el).opacity) === 1),
    );
    await wb().page.waitForTimeout(300);
    assert.match(text, /Minoru Kihara/, text);
    assert.match(text, /person/, text);
    assert.match(text, /Defen[cs]e Minister/i, text);
    assert.match(text, /Show all \d+ mentions/, text);
    await wb().screenshot('editor-hover-kihara');
    await wb().page.keyboard.press('Escape');
  });

  it('hovers a quote and reads its speaker and the other outlets that print it', async () => {
    await goToLine(wb(), seedLine('000', 'The command upgrade “will be the most significant change'));
    const text = await wb().hoverText('most significant change');
    await wb().page.waitForTimeout(300);
    assert.match(text, /Quote — Lloyd Austin/, text);
    assert.match(text, /Printed by \d+ other outlets?:/, text);
    assert.match(text, /Occasional Digest/, text);
    await wb().screenshot('editor-hover-quote');
    await wb().page.keyboard.press('Escape');
  });

  it('opens the News Sources panel: the paragraph under the cursor and the outlets that carry it', async () => {
    await wb().openViewContainer('News Sources');
    // Put the cursor in the joint-statement paragraph, as a reader clicking into it would.
    await goToLine(wb(), seedLine('000', JOINT_STATEMENT));
    await wb().line(JOINT_STATEMENT).click();
    const pane = wb().viewPane('Shared Paragraphs');
    const selected = await wb().waitUntil('the paragraph under the cursor selected in the tree', async () => {
      const row = pane.locator('.monaco-list-row.selected').first();
      return (await row.count()) ? (await row.innerText()).replace(/\s+/g, ' ') : undefined;
    });
    assert.match(selected, /In the joint statement issued after the talks/, selected);
    assert.match(selected, /[3-9] outlets/, selected);
    const rows = await wb().treeItems('Shared Paragraphs');
    assert.ok(rows.some((r) => /\d+%/.test(r)), `outlets with their similarity: ${JSON.stringify(rows)}`);
    await wb().screenshot('editor-sources-panel');
  });

  it('reads the Coverage view: outlets against outlets and each article’s original text', async () => {
    await wb().expandPane('Coverage');
    const frame = await wb().webviewFrame(/original text/i); // CSS upper-cases the headings
    const rows = await frame.locator('table tbody tr').count();
    assert.strictEqual(rows, 5, 'one row per seed');
    const bars = await frame.locator('ul.bars li').allInnerTexts();
    assert.strictEqual(bars.length, 5);
    assert.ok(bars.every((b) => /\d+%/.test(b)), JSON.stringify(bars));
    await wb().screenshot('editor-coverage');
  });

  it('clicks a lens and reads the comparison side by side', async () => {
    await goToLine(wb(), seedLine('000', JOINT_STATEMENT));
    const lens = wb().activeEditor().locator('.codelens-decoration a', { hasText: /^Shared with [3-9] outlets/ }).first();
    await lens.click();
    const diff = wb().page.locator('.editor-group-container.active .monaco-diff-editor').first();
    await diff.waitFor({ state: 'visible' });
    const tab = await wb().page.locator('.editor-group-container.active .tab.active').innerText();
    assert.match(tab, /↔/, tab);
    await wb().waitUntil('the two passages in the diff editor', async () => (await diff.locator('.view-line').count()) > 1);
    await wb().screenshot('editor-comparison');
    await wb().page.keyboard.press('Control+W');
  });

  it('types into a shared paragraph and watches its lens change', async () => {
    // The comparison opened in its own tab and was closed: the article is the active editor again.
    await wb().page.locator('.editor-group-container.active .tab.active', { hasText: '000_' }).waitFor({ state: 'visible' });
    await goToLine(wb(), seedLine('000', LEAD));
    const before = await lensTexts(wb());
    const leadLens = before.find((t) => /^Shared with 1 outlet: /.test(t));
    assert.ok(leadLens, `a lens says who reprints the lead: ${JSON.stringify(before)}`);
    // Select the lead paragraph and type our own words over it.
    await goToLine(wb(), seedLine('000', LEAD));
    // A triple click selects the whole (wrapped) line with its line break; keep the break.
    await wb().line(LEAD).click({ clickCount: 3 });
    await wb().page.keyboard.press('Shift+ArrowLeft');
    await wb().page.keyboard.type('Officials met in the capital on a rainy morning and talked for hours about many subjects without agreeing on anything.', { delay: 2 });
    await wb().waitUntil('one lens fewer', async () => (await lensTexts(wb())).filter((t) => t === leadLens).length < before.filter((t) => t === leadLens).length, 15_000);
    await wb().screenshot('editor-typed-lens-gone');
    // Typing made several undo stops: undo until the AP text is back.
    await wb().waitUntil('the lead paragraph back after undo', async () => {
      if (await wb().line(LEAD).isVisible()) return true;
      await wb().page.keyboard.press('Control+Z');
      return false;
    }, 30_000);
    await wb().waitUntil('the lens to come back', async () => (await lensTexts(wb())).filter((t) => t === leadLens).length === before.filter((t) => t === leadLens).length, 15_000);
  });

  it('runs every News command of the editor from the palette', async () => {
    await wb().openFile('000_');
    for (const title of [
      'News: Toggle Quotes',
      'News: Toggle Entities',
      'News: Toggle Shared Passages',
      'News: Show Sources Panel',
      'News: Compare Passage with Its Match',
      'News: Next Shared Passage',
      'News: Previous Shared Passage',
      'News: Set Outlet for This File',
      'News: Export Report',
    ]) {
      // One query per command: the palette list only draws the rows that fit on screen.
      const entries = await wb().paletteEntries(title);
      assert.ok(entries.includes(title), `${title} is in the palette: ${JSON.stringify(entries)}`);
    }
    // Layers off, then on again.
    for (const title of ['News: Toggle Quotes', 'News: Toggle Entities', 'News: Toggle Shared Passages']) await wb().runCommand(title);
    await wb().waitUntil('no lens while the shared layer is off', async () => (await lensTexts(wb())).length === 0);
    await wb().screenshot('editor-layers-off');
    for (const title of ['News: Toggle Quotes', 'News: Toggle Entities', 'News: Toggle Shared Passages']) await wb().runCommand(title);
    await wb().waitUntil('the lenses back', async () => (await lensTexts(wb())).length > 0);

    await wb().runCommand('News: Next Shared Passage');
    await wb().runCommand('News: Previous Shared Passage');
    await wb().runCommand('News: Compare Passage with Its Match');
    await wb().page.locator('.editor-group-container.active .monaco-diff-editor').first().waitFor({ state: 'visible' });
    await wb().page.keyboard.press('Control+W');
    await wb().openFile('000_');
    await wb().runCommand('News: Show Sources Panel');
    await wb().viewPane('Shared Paragraphs').waitFor({ state: 'visible' });

    // Commands that ask something: the question appears; the user cancels.
    for (const [title, question] of [['News: Export Report', 'Export Report'], ['News: Set Outlet for This File', 'The outlet that published']] as const) {
      await wb().page.keyboard.press('Control+1');
      await wb().page.keyboard.press('F1');
      const input = wb().page.locator('.quick-input-widget .quick-input-box input');
      await input.pressSequentially(title, { delay: 10 });
      await wb().page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
      await wb().page.keyboard.press('Enter');
      await wb().page.locator('.quick-input-widget', { hasText: question }).waitFor({ state: 'visible' });
      await wb().screenshot(`editor-${title.replace(/^News: /, '').toLowerCase()}`);
      await wb().page.keyboard.press('Escape');
    }
  });
});
