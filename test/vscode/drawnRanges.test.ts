// DrawnRanges: a layer is sent to the workbench again only when what the editor shows (the last drawn
// ranges, moved by VS Code with the edits outside them) differs from the new ranges.
import * as assert from 'assert';
import type * as vscode from 'vscode';
import { DrawnRanges, type DrawnSpan } from '../../src/extension/layers/drawnRanges';

/** An editor that only counts setDecorations calls per type. */
function fakeEditor() {
  const calls: { type: unknown; count: number }[] = [];
  const document = {} as vscode.TextDocument;
  const editor = {
    document,
    setDecorations(type: unknown, ranges: readonly unknown[]) {
      calls.push({ type, count: ranges.length });
    },
  } as unknown as vscode.TextEditor;
  return { editor, document, calls };
}

/** A change event's entry: `rangeLength` characters at `offset` replaced by `text`. */
const change = (offset: number, rangeLength: number, text: string) => ({ rangeOffset: offset, rangeLength, text }) as vscode.TextDocumentContentChangeEvent;

const typeA = { key: 'a' } as unknown as vscode.TextEditorDecorationType;
const typeB = { key: 'b' } as unknown as vscode.TextEditorDecorationType;
const asIs = (spans: readonly DrawnSpan[]) => spans.map(() => ({}) as vscode.Range);
const moved = (spans: DrawnSpan[], by: number) => spans.map((s) => ({ start: s.start + by, end: s.end + by }));

describe('DrawnRanges', () => {
  // 'Headline\n\nSmith said "no" in Paris.\n\nThe end.': Smith at 10–15, Paris at 29–34.
  const smith = { start: 10, end: 15 };
  const paris = { start: 29, end: 34 };

  it('sends the first drawing, and nothing when the same spans are drawn again', () => {
    const { editor, calls } = fakeEditor();
    const drawn = new DrawnRanges();
    drawn.set(editor, typeA, [smith, paris], asIs);
    drawn.set(editor, typeA, [smith, paris], asIs);
    assert.strictEqual(calls.length, 1);
  });

  it('skips a layer whose spans lie before or after the edits and moved with them', () => {
    const { editor, document, calls } = fakeEditor();
    const drawn = new DrawnRanges();
    drawn.set(editor, typeA, [smith, paris], asIs);
    // Typing at the end, a key at a time: both spans are before the edits.
    drawn.edited(document, [change(44, 0, ' ')]);
    drawn.edited(document, [change(45, 0, 'M')]);
    drawn.set(editor, typeA, [smith, paris], asIs);
    assert.strictEqual(calls.length, 1);
    // Ten characters typed at the start: both spans moved by ten, as VS Code moves them.
    for (let i = 0; i < 10; i++) drawn.edited(document, [change(i, 0, 'x')]);
    drawn.set(editor, typeA, moved([smith, paris], 10), asIs);
    assert.strictEqual(calls.length, 1);
    // A deletion between the two: Smith stays, Paris moves back.
    drawn.edited(document, [change(30, 4, '')]);
    drawn.set(editor, typeA, [moved([smith], 10)[0], moved([paris], 6)[0]], asIs);
    assert.strictEqual(calls.length, 1);
  });

  it('redraws when an edit touches a span, when spans differ, or when a label changes', () => {
    const { editor, document, calls } = fakeEditor();
    const drawn = new DrawnRanges();
    drawn.set(editor, typeA, [smith], asIs);
    // Typing right at the end of "Smith" may have grown the decoration there: redraw, even if the
    // new analysis gives the same offsets.
    drawn.edited(document, [change(15, 0, 's')]);
    drawn.set(editor, typeA, [smith], asIs);
    assert.strictEqual(calls.length, 2);
    // Also right at its start.
    drawn.edited(document, [change(10, 0, 'J')]);
    drawn.set(editor, typeA, moved([smith], 1), asIs);
    assert.strictEqual(calls.length, 3);
    // A new span: redraw.
    drawn.set(editor, typeA, [...moved([smith], 1), { start: 32, end: 37 }], asIs);
    assert.strictEqual(calls.length, 4);
    // The same offset with another label: redraw.
    drawn.set(editor, typeB, [{ start: 26, end: 26, label: '— Smith' }], asIs);
    drawn.set(editor, typeB, [{ start: 26, end: 26, label: '— Smithson' }], asIs);
    assert.strictEqual(calls.filter((c) => c.type === typeB).length, 2);
  });

  it('combines several edits into one region (an undo of a paste, a multi-cursor edit)', () => {
    const { editor, document, calls } = fakeEditor();
    const drawn = new DrawnRanges();
    drawn.set(editor, typeA, [smith, paris], asIs);
    // One event with two changes around Smith: the region covers both, Smith is inside it.
    drawn.edited(document, [change(20, 0, 'ab'), change(5, 1, '')]);
    drawn.set(editor, typeA, [moved([smith], -1)[0], moved([paris], 1)[0]], asIs);
    assert.strictEqual(calls.length, 2);
    // Ignores other documents' edits.
    drawn.edited({} as vscode.TextDocument, [change(0, 0, 'zzz')]);
    drawn.set(editor, typeA, [moved([smith], -1)[0], moved([paris], 1)[0]], asIs);
    assert.strictEqual(calls.length, 2);
  });

  it('draws in full again after forgetting an editor (hidden, cleared)', () => {
    const { editor, calls } = fakeEditor();
    const drawn = new DrawnRanges();
    drawn.set(editor, typeA, [smith], asIs);
    drawn.keepOnly([]);
    drawn.set(editor, typeA, [smith], asIs);
    assert.strictEqual(calls.length, 2);
  });

  it('keeps types apart, and clears a layer that becomes empty', () => {
    const { editor, calls } = fakeEditor();
    const drawn = new DrawnRanges();
    drawn.set(editor, typeA, [smith], asIs);
    drawn.set(editor, typeB, [paris], asIs);
    drawn.set(editor, typeA, [], asIs);
    assert.deepStrictEqual(
      calls.map((c) => [c.type, c.count]),
      [
        [typeA, 1],
        [typeB, 1],
        [typeA, 0],
      ],
    );
  });
});
