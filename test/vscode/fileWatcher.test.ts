// After a scan, the corpus follows the disk without another scan: a file created or changed on disk
// (the file watcher), renamed or deleted in VS Code (a workspace edit, as the Explorer does) is added,
// re-read, moved or dropped, through the analysis worker. (Deleting with vscode.workspace.fs.delete
// right after a rename is not used: code-server's watcher reported no event at all for the renamed
// file in some runs here.) Observed as a person would: the Shared Paragraphs of seed 000
// (read through the diagnostic command newsAnnotator.describeEditorState) list the copy, then its new
// name, then not at all.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

interface State {
  sharedParagraphs: { label: string; outlets: { outlet: string; path: string }[] }[];
}

/** Every path seed 000's Shared Paragraphs name as a copy. */
async function copiesOf000(): Promise<Set<string>> {
  const state = (await vscode.commands.executeCommand('newsAnnotator.describeEditorState')) as State;
  return new Set(state.sharedParagraphs.flatMap((p) => p.outlets.map((o) => o.path)));
}

describe('File watcher: the corpus follows the disk after a scan', function () {
  this.timeout(90_000);
  let folder: vscode.Uri;
  let seed000: vscode.Uri;
  const copy = () => vscode.Uri.joinPath(folder, 'watched-copy.txt');
  const renamed = () => vscode.Uri.joinPath(folder, 'watched-renamed.txt');

  before(async function () {
    this.timeout(90_000);
    folder = vscode.workspace.workspaceFolders![0].uri;
    [seed000] = await vscode.workspace.findFiles('**/000_*.txt', undefined, 1);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(seed000));
    await vscode.commands.executeCommand('newsAnnotator.scanWorkspace');
  });

  after(async () => {
    for (const uri of [copy(), renamed()]) await Promise.resolve(vscode.workspace.fs.delete(uri)).catch(() => undefined);
  });

  it('a new file sharing seed 000’s text shows up as its copy', async () => {
    const before = await copiesOf000();
    assert.ok(!before.has('watched-copy.txt'));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(seed000));
    await vscode.workspace.fs.writeFile(copy(), new TextEncoder().encode(`Reprinted by a watched outlet\n\n${text}`));
    await waitFor('the new file among the copies of seed 000', async () => (await copiesOf000()).has('watched-copy.txt'));
  });

  it('a changed file is read again: once it shares nothing, it is no longer a copy', async () => {
    await vscode.workspace.fs.writeFile(copy(), new TextEncoder().encode('An unrelated note about the weather in Lisbon, shared with nobody at all.\n'));
    await waitFor('the changed file to leave the copies of seed 000', async () => !(await copiesOf000()).has('watched-copy.txt'));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(seed000));
    await vscode.workspace.fs.writeFile(copy(), new TextEncoder().encode(`Reprinted again\n\n${text}`));
    await waitFor('the file, changed back, among the copies again', async () => (await copiesOf000()).has('watched-copy.txt'));
  });

  it('a file deleted on disk is dropped (the watcher)', async () => {
    const other = vscode.Uri.joinPath(folder, 'watched-other.txt');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(seed000));
    await vscode.workspace.fs.writeFile(other, new TextEncoder().encode(`Another reprint\n\n${text}`));
    await waitFor('the other file among the copies of seed 000', async () => (await copiesOf000()).has('watched-other.txt'));
    await vscode.workspace.fs.delete(other);
    await waitFor('the file deleted on disk to leave the copies of seed 000', async () => !(await copiesOf000()).has('watched-other.txt'));
  });

  it('a renamed file keeps its analysis under its new name', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(copy(), renamed());
    assert.ok(await vscode.workspace.applyEdit(edit), 'the rename was applied');
    const after = await waitFor('the new name among the copies of seed 000', async () => {
      const paths = await copiesOf000();
      return paths.has('watched-renamed.txt') ? paths : undefined;
    });
    assert.ok(!after.has('watched-copy.txt'), `the old name is gone: ${[...after].join(', ')}`);
  });

  it('a file deleted in VS Code (as the Explorer deletes) is dropped', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(renamed());
    assert.ok(await vscode.workspace.applyEdit(edit), 'the deletion was applied');
    await waitFor('the deleted file to leave the copies of seed 000', async () => !(await copiesOf000()).has('watched-renamed.txt'));
  });
});
