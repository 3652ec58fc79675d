// Workspace trust (issue 8): in a restricted workspace, reading and highlighting work and nothing writes.
// The manifest declares it (capabilities.untrustedWorkspaces "limited"); every command that writes a file
// is disabled there (enablement isWorkspaceTrusted) and also refuses at run time, because
// executeCommand and Markdown command links do not check enablement.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string; enablement?: string }[]; configuration: { properties: Record<string, unknown> } };
  capabilities: { untrustedWorkspaces: { supported: string | boolean; description?: string; restrictedConfigurations?: string[] } };
};

/** Commands that write files in the workspace (annotations, corrections, exports, news-sources.json). */
const WRITES = new Set(
  ['exportReport', 'setOutlet', 'exportPassim', 'annotateSelection', 'notAQuote', 'setSpeaker', 'notAnEntity', 'sameEntityAs', 'differentEntity', 'notShared', 'editAnnotation', 'removeAnnotation', 'importAnnotations', 'exportAnnotations'].map(
    (c) => `newsAnnotator.${c}`,
  ),
);
/** Commands a restricted workspace keeps: reading, highlighting, navigating, importing passim's output into memory. */
const READS = ['scanWorkspace', 'rescanFile', 'showSourcesPanel', 'comparePassage', 'nextSharedPassage', 'previousSharedPassage', 'importPassim'].map((c) => `newsAnnotator.${c}`);

/** Where each write command's implementation refuses without trust. */
const RUNTIME_CHECKS: Record<string, string> = {
  'newsAnnotator.exportReport': 'src/extension/views/exportReport.ts',
  'newsAnnotator.setOutlet': 'src/extension/views/outletManifest.ts',
  'newsAnnotator.exportPassim': 'src/extension/passimCommands.ts',
  'newsAnnotator.annotateSelection': 'src/extension/annotations/store.ts',
};

describe('workspace trust', () => {
  it('declares limited support for untrusted workspaces, saying what works and what does not', () => {
    const trust = pkg.capabilities.untrustedWorkspaces;
    assert.strictEqual(trust.supported, 'limited');
    assert.match(trust.description ?? '', /read/i);
    assert.match(trust.description ?? '', /writ/i);
    for (const key of trust.restrictedConfigurations ?? []) assert.ok(key in pkg.contributes.configuration.properties, `${key} is a contributed setting`);
  });

  it('disables every contributed command that writes files, and only those', () => {
    const contributed = new Map(pkg.contributes.commands.map((c) => [c.command, c]));
    for (const core of ['newsAnnotator.exportReport', 'newsAnnotator.setOutlet', 'newsAnnotator.exportPassim']) assert.ok(contributed.has(core), `${core} is contributed`);
    for (const command of pkg.contributes.commands) {
      const gated = /\bisWorkspaceTrusted\b/.test(command.enablement ?? '');
      if (WRITES.has(command.command)) assert.ok(gated, `${command.command} writes files: enablement must require isWorkspaceTrusted`);
    }
    for (const id of READS) {
      const command = contributed.get(id);
      assert.ok(command, `${id} is contributed`);
      assert.ok(!/isWorkspaceTrusted/.test(command.enablement ?? ''), `${id} works in a restricted workspace`);
    }
  });

  it('write commands also refuse at run time (executeCommand and hover links ignore enablement)', () => {
    for (const [command, file] of Object.entries(RUNTIME_CHECKS)) {
      const source = fs.readFileSync(path.join(REPO, file), 'utf8');
      assert.match(source, /vscode\.workspace\.isTrusted/, `${file} (${command}) checks vscode.workspace.isTrusted`);
    }
  });
});
