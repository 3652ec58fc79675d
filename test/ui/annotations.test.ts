// A fact-checker annotates words in a seed, edits around and inside them, closes and reopens the
// window, and finds the annotation on the same words; then breaks the annotation file by hand and is
// told where, with the file left as they broke it. Runs in the real workbench (code-server + Chromium).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { useWorkbench } from './workbench';

const FILE = '.news-annotations.jsonld';

interface StoredTarget {
  source: string;
  exact: string;
  start: number;
  end: number;
}

/** The annotations as stored on disk: each target's source, quote and position. */
function storedTargets(workspace: string): StoredTarget[] {
  const file = path.join(workspace, FILE);
  if (!fs.existsSync(file)) return [];
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const items: any[] = doc.first?.items ?? doc.items ?? [];
  return items.map((item) => {
    const selectors: any[] = item.target.selector;
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    const position = selectors.find((s) => s.type === 'TextPositionSelector');
    return { source: item.target.source, exact: quote.exact, start: position.start, end: position.end };
  });
}

describe('UI: hand annotations survive edits and a reopened window', function () {
  this.timeout(90_000);
  // Long paragraphs wrap, so the annotated words are on screen wherever they are in the line.
  const wb = useWorkbench({ settings: { 'editor.wordWrap': 'on' } });
  const words = 'the rising threat from China';
  const comment = 'checked against the AP original';

  it('annotates a selection in seed 000 as a Claim with a comment', async () => {
    const page = wb().page;
    await wb().openFile('000_');
    await wb().line('Security talks focus on bolstering').waitFor({ state: 'visible' });
    // Select the words as a person would: Find them, then close the find widget (the match stays selected).
    await wb().selectText(words);
    // The command opens a quick pick of its own in the palette's place, so it is not run with
    // runCommand (which waits for the palette to close): type it, then wait for the kind picker.
    // Commands that write files need a trusted workspace, a context VS Code sets shortly after start:
    // until then the palette does not list them, so look again until it does.
    const input = page.locator('.quick-input-widget .quick-input-box input');
    const entry = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'News: Annotate Selection' }).first();
    await wb().waitUntil(
      'the palette to list News: Annotate Selection…',
      async () => {
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible' });
        await input.pressSequentially('News: Annotate Selection', { delay: 10 });
        if (await entry.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false)) return true;
        await page.keyboard.press('Escape');
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
        return undefined;
      },
      60_000,
    );
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Annotate as' }).waitFor({ state: 'visible' });
    await wb().waitUntil('the kind picker to take input', async () => ((await input.inputValue()) === '' ? true : undefined));
    await input.pressSequentially('Claim', { delay: 10 });
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Claim' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Comment' }).waitFor({ state: 'visible' });
    await input.pressSequentially(comment, { delay: 5 });
    await page.keyboard.press('Enter');
    const workspace = wb().server.workspace;
    const stored = await wb().waitUntil('the annotation to be written', async () => storedTargets(workspace).find((t) => t.exact === words));
    assert.ok(stored.source.startsWith('000_'), stored.source);
    const hover = (await wb().hoverText('rising threat')).replace(/\s+/g, ' ');
    assert.match(hover, /Annotation: Claim/);
    assert.ok(hover.includes(comment), hover);
    await wb().screenshot('annotation-created');
  });

  it('follows its words when text is typed before and inside it, and after closing and reopening the window', async () => {
    const page = wb().page;
    const workspace = wb().server.workspace;
    // Type a new first line, then a word inside the annotated words.
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('EDITOR’S NOTE: this copy was checked.');
    await page.keyboard.press('Enter');
    await wb().selectText('threat from China as');
    await page.keyboard.press('ArrowLeft'); // the caret to the start of the match
    await page.keyboard.type('military ');
    const edited = 'the rising military threat from China';
    await page.keyboard.press('Control+s');
    const file = (await fs.promises.readdir(workspace)).find((n) => n.startsWith('000_'))!;
    const moved = await wb().waitUntil('the stored annotation to follow its words', async () => {
      const disk = fs.readFileSync(path.join(workspace, file), 'utf8');
      const t = storedTargets(workspace).find((x) => x.exact === edited);
      return t && disk.slice(t.start, t.end) === edited && disk.startsWith('EDITOR’S NOTE') ? t : undefined;
    });
    assert.strictEqual(moved.source, file);

    // Close the window and open it again: the annotation is read back on the same words.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await wb().explorer().locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
    await wb().openFile('000_');
    await wb().line('EDITOR’S NOTE').waitFor({ state: 'visible' });
    await wb().line('EDITOR’S NOTE').click(); // into the editor, as a reader would
    // Put the caret inside the words and ask for the hover from the keyboard, as a reader would.
    await wb().selectText('military threat');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const hoverBox = page.locator('.monaco-hover:not(.hidden)').first();
    // Under load the first request can come before the reopened editor is ready: ask again until it shows.
    const hover = await wb().waitUntil(
      'the annotation in the hover after reopening',
      async () => {
        await wb().runCommand('Show or Focus Hover');
        const shown = await hoverBox.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
        const text = shown ? (await hoverBox.innerText()).replace(/\s+/g, ' ') : '';
        if (text.includes(comment)) return text;
        await page.keyboard.press('Escape');
        return undefined;
      },
      60_000,
    );
    assert.match(hover, /Annotation: Claim/);
    await wb().screenshot('annotation-after-reopen');
  });

  it('a hand-broken annotation file gets a message with its position and is left as it is', async () => {
    const workspace = wb().server.workspace;
    const target = path.join(workspace, FILE);
    const broken = fs.readFileSync(target, 'utf8').replace('"TextQuoteSelector",', '"TextQuoteSelector"');
    assert.notStrictEqual(broken, fs.readFileSync(target, 'utf8'), 'the file was really broken');
    fs.writeFileSync(target, broken);
    const message = await wb().waitForNotification(/news-annotations\.jsonld/);
    assert.match(message, /\d+:\d+|line \d+/, `the message gives the position: ${message}`);
    await wb().screenshot('annotation-file-broken');
    // Typing in the article must not rewrite the broken file.
    await wb().page.keyboard.type(' ');
    await wb().page.keyboard.press('Control+s');
    await wb().page.waitForTimeout(1500);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), broken, 'the broken file is untouched');
  });
});
