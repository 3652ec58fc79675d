// The editor experience's contributions in package.json agree with the code: every theme colour the
// decorations use is contributed (with light, dark and high-contrast defaults), every command a menu,
// keybinding, welcome view or walkthrough names exists, every media file they point at is there.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributes = pkg.contributes;
const commands = new Set<string>((contributes.commands ?? []).map((c: { command: string }) => c.command));
/** Commands of VS Code itself that our links use. */
const BUILT_IN = new Set(['vscode.openFolder', 'workbench.action.openSettings']);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}
const EDITOR_SOURCES = [
  ...['layers', 'hovers', 'lenses', 'compare', 'views', 'navigation'].flatMap((d) => sources(path.join(ROOT, 'src', 'extension', d))),
  path.join(ROOT, 'src', 'extension', 'statusBar.ts'),
  path.join(ROOT, 'src', 'extension', 'editorExperience.ts'),
].map((f) => fs.readFileSync(f, 'utf8'));

describe('editor contributions (package.json)', () => {
  it('contributes every theme colour the layers use, for light, dark and both high-contrast themes', () => {
    const colours = new Map<string, Record<string, string>>((contributes.colors ?? []).map((c: { id: string; defaults: Record<string, string> }) => [c.id, c.defaults]));
    const used = new Set<string>();
    for (const text of EDITOR_SOURCES) {
      for (const m of text.matchAll(/color\('([A-Za-z0-9]+)'\)|color\(`([^`]+)`\)|ENTITY_COLORS[^=]*=\s*\{([^}]+)\}/g)) {
        if (m[1]) used.add(`newsAnnotator.${m[1]}`);
        if (m[2]) for (const strength of ['1', '2', '3']) used.add(`newsAnnotator.${m[2].replace('${strength}', strength)}`);
        if (m[3]) for (const id of m[3].matchAll(/'([A-Za-z]+)'/g)) used.add(`newsAnnotator.${id[1]}`);
      }
    }
    assert.ok(used.size >= 10, `found the colours in the code: ${[...used]}`);
    for (const id of used) {
      const defaults = colours.get(id);
      assert.ok(defaults, `${id} is contributed`);
      for (const theme of ['light', 'dark', 'highContrast', 'highContrastLight']) assert.ok(defaults[theme], `${id} has a ${theme} default`);
    }
  });

  it('every command named by a menu, keybinding, welcome view or walkthrough is contributed', () => {
    const named = new Set<string>();
    for (const list of Object.values(contributes.menus ?? {}) as { command: string }[][]) for (const m of list) if (m.command) named.add(m.command); // submenu entries name no command
    for (const k of contributes.keybindings ?? []) named.add(k.command);
    const links = [...(contributes.viewsWelcome ?? []).map((w: { contents: string }) => w.contents), ...(contributes.walkthroughs ?? []).flatMap((w: { steps: { description: string }[] }) => w.steps.map((s) => s.description))];
    for (const text of links) for (const m of text.matchAll(/\(command:([\w.]+)/g)) named.add(m[1]);
    for (const command of named) assert.ok(commands.has(command) || BUILT_IN.has(command), `${command} is contributed`);
  });

  it('every command the editor code registers is contributed (so it has a title and a category)', () => {
    for (const text of EDITOR_SOURCES) {
      for (const m of text.matchAll(/register\('([\w.]+)'/g)) assert.ok(commands.has(m[1]), `${m[1]} is contributed`);
    }
    for (const c of contributes.commands.filter((c: { command: string }) => c.command.startsWith('newsAnnotator.'))) assert.strictEqual(c.category, 'News', c.command);
  });

  it('the News Sources container holds the four views, and every media file referenced exists', () => {
    assert.ok(contributes.viewsContainers.activitybar.some((c: { id: string; title: string }) => c.id === 'newsSources' && c.title === 'News Sources'));
    const ids = contributes.views.newsSources.map((v: { id: string }) => v.id);
    for (const id of ['newsAnnotator.sharedParagraphs', 'newsAnnotator.entities', 'newsAnnotator.quotes', 'newsAnnotator.coverage']) assert.ok(ids.includes(id), id);
    const files = [
      ...contributes.viewsContainers.activitybar.map((c: { icon: string }) => c.icon),
      ...(contributes.walkthroughs ?? []).flatMap((w: { steps: { media: { markdown?: string; image?: string } }[] }) => w.steps.map((s) => s.media.markdown ?? s.media.image)),
      ...['1', '2', '3'].flatMap((s) => [`media/gutter-shared-${s}-light.svg`, `media/gutter-shared-${s}-dark.svg`]),
      'media/coverage.js',
      'media/coverage.css',
    ];
    for (const file of files) assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} exists`);
  });

  it('the Coverage page loads nothing inline: its script and style come from media/ under a nonce CSP', () => {
    const view = fs.readFileSync(path.join(ROOT, 'src', 'extension', 'views', 'coverageView.ts'), 'utf8');
    assert.match(view, /default-src 'none'/);
    assert.match(view, /script-src 'nonce-\$\{scriptNonce\}'/);
    assert.match(view, /localResourceRoots: \[vscode\.Uri\.joinPath\(this\.extensionUri, 'media'\)\]/);
    const script = fs.readFileSync(path.join(ROOT, 'media', 'coverage.js'), 'utf8');
    assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(script), 'the webview script never parses strings as HTML');
  });
});
