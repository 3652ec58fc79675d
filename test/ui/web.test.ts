// VS Code for the Web: the extension's `browser` entry (dist/web/extension.js) loaded into the
// browser's web worker extension host, not code-server's Node extension host. The user setting
// `remote.extensionKind` puts it there; the workbench URL's `extensionDevelopmentKind` payload key
// does not in VS Code 1.100's web workbench (its environment service names the value
// extensionDevelopmentLocationKind, and the running-location tracker reads extensionDevelopmentKind).
// Proves where it runs (Developer: Show Running Extensions labels it "web worker") and that it
// analyses, highlights and scans the seeds there.
import * as assert from 'assert';
import { useWorkbench, type Workbench } from './workbench';

/** Text pieces of the visible lines containing `needle`, with their colour. */
async function piecesWith(wb: Workbench, needle: string): Promise<{ text: string; color: string }[]> {
  return wb.viewLines().evaluate((el: any, text: string) => {
    const w = globalThis as any;
    return Array.from(el.querySelectorAll('.view-line span span') as ArrayLike<any>)
      .filter((s: any) => String(s.textContent).replace(/\u00a0/g, ' ').includes(text))
      .map((s: any) => ({ text: String(s.textContent).replace(/\u00a0/g, ' '), color: String(w.getComputedStyle(s).color) }));
  }, needle);
}

describe('UI: the browser build in the web worker extension host', function () {
  this.timeout(180_000);
  const wb = useWorkbench({ settings: { 'editor.minimap.enabled': false, 'remote.extensionKind': { 'news-annotator.news-annotator': ['web'] } } });

  it('opens seed 000 and draws its layers: boilerplate dimmed, people in their colour', async () => {
    await wb().openFile('000_');
    await wb().line('Security talks focus on bolstering military cooperation').waitFor({ state: 'visible' });
    await wb().waitForDimmed('JAPAN');
    const plain = (await piecesWith(wb(), 'joined their Japanese counterparts'))[0]?.color;
    const austin = await wb().waitUntil('Lloyd Austin drawn as a person', async () => {
      const colour = (await piecesWith(wb(), 'Lloyd Austin')).find((p) => p.text.trim() === 'Lloyd Austin')?.color;
      return colour && colour !== plain ? colour : undefined;
    });
    assert.ok(plain && austin !== plain, `Lloyd Austin stands out (${austin} vs ${plain})`);
    await wb().screenshot('web-000-layers');
  });

  it('runs in the web worker extension host (Developer: Show Running Extensions)', async () => {
    await wb().runCommand('Developer: Show Running Extensions');
    const row = wb().page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: /news-annotator|News Annotator/ }).first();
    await row.waitFor({ state: 'visible' });
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /web worker/i, `the row of News Annotator: ${text}`);
    await wb().screenshot('web-running-extensions');
    await wb().page.keyboard.press('Control+W');
  });

  it('scans the workspace from the web extension host (files read through vscode.workspace.fs)', async () => {
    await wb().runCommand('News: Scan Workspace');
    const message = await wb().waitForNotification(/articles scanned/);
    assert.match(message, /5 articles scanned/, message);
  });
});
