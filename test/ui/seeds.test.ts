// A person opens a seed article in the real workbench and looks at it. Runs in Node (mocha) by
// test/launch/runUiTests.ts against code-server + Chromium; screenshots go to test-results/.
import * as assert from 'assert';
import { useWorkbench } from './workbench';

describe('UI: a fact-checker opens the seed articles', function () {
  this.timeout(60_000);
  const wb = useWorkbench();

  it('runs in VS Code 1.100 (Help: About)', async () => {
    const about = await wb().about();
    console.log(`NEWS-SUITE ui-vscode-version: ${about.code} (code-server ${about.codeServer})`);
    assert.match(about.code, /^1\.100\./, about.text);
  });

  it('opens seed 000 from the Explorer', async () => {
    await wb().openFile('000_');
    await wb().line('Security talks focus on bolstering military cooperation').waitFor({ state: 'visible' });
    await wb().screenshot('000-opened');
  });

  it('shows the structure: site menu dimmed, headline bold, body plain', async () => {
    // The structure layer is drawn after the analysis: wait until the boilerplate line is dimmed.
    await wb().waitForDimmed('JAPAN');
    const menu = await wb().lineStyles('JAPAN');
    assert.ok(menu.length > 0 && menu.every((s) => s.opacity < 0.9), `"JAPAN" (site menu) is dimmed: ${JSON.stringify(menu)}`);
    const headline = await wb().lineStyles('Security talks focus on bolstering military cooperation');
    assert.ok(headline.every((s) => Number(s.fontWeight) >= 600), `the headline is bold: ${JSON.stringify(headline)}`);
    const body = await wb().lineStyles('Japanese and US defence chiefs and top diplomats agreed');
    assert.ok(body.every((s) => s.opacity === 1 && Number(s.fontWeight) < 600), `body text is plain: ${JSON.stringify(body.slice(0, 2))}`);
    await wb().screenshot('000-structure');
  });

  it('lists "News: Scan Workspace" in the command palette and runs it by typing', async () => {
    const entries = await wb().paletteEntries('News:');
    assert.ok(entries.some((e) => e.includes('News: Scan Workspace')), `palette shows News: Scan Workspace (saw ${JSON.stringify(entries)})`);
    await wb().runCommand('News: Scan Workspace');
    const message = await wb().waitForNotification(/articles scanned/);
    assert.match(message, /5 articles scanned/, 'the five seeds were scanned');
    await wb().waitForNotificationGone(/scanning articles/);
    await wb().screenshot('scan-workspace');
  });

  it('opens seed 004: its site menu ("Settings", "Advertisement") is dimmed, its headline is not', async () => {
    await wb().openFile('004_');
    await wb().line('Advertisement').waitFor({ state: 'visible' });
    await wb().waitForDimmed('Advertisement');
    for (const text of ['Settings', 'Advertisement']) {
      const styles = await wb().lineStyles(text);
      assert.ok(styles.every((s) => s.opacity < 0.9), `"${text}" is dimmed: ${JSON.stringify(styles)}`);
    }
    const headline = await wb().lineStyles('US Upgrades Japan Military Command In Response');
    assert.ok(headline.every((s) => s.opacity === 1 && Number(s.fontWeight) >= 600), `the headline stands out: ${JSON.stringify(headline)}`);
    await wb().screenshot('004-structure');
  });
});
