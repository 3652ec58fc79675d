// What each decoration type last drew in each editor, so that a redraw that would change nothing is
// not sent. Every setDecorations is a message to the workbench, which replaces all of that type's
// decorations and re-renders: after an edit most layers are unchanged (the entities of the paragraphs
// not touched, the structure), and a 50 KB article has hundreds of them. VS Code moves decorations
// with the edits outside them; the edits since a type was drawn are kept here as one region (from
// the document's change events), so the last drawn offsets, moved the same way, are what the editor
// shows. When they equal the new ones, the type is left alone.
import type * as vscode from 'vscode';
import { markWhenIdle } from '../trace';

export interface DrawnSpan {
  start: number;
  end: number;
  /** Inline text (a speaker label): part of what is drawn. */
  label?: string;
}

/**
 * Where the document was edited since a drawing, in its current offsets: offsets before `lo` did not
 * move, offsets after `hi` moved by `delta`, anything in between may have changed.
 */
interface EditedRegion {
  lo: number;
  hi: number;
  delta: number;
}

interface Drawn {
  spans: readonly DrawnSpan[];
  edited?: EditedRegion;
}

export class DrawnRanges {
  private readonly byEditor = new Map<vscode.TextEditor, Map<vscode.TextEditorDecorationType, Drawn>>();

  /**
   * Sets `spans` (offsets in the editor's current text) on `type` unless the editor already shows
   * exactly them; `toOptions` makes what setDecorations takes.
   */
  set(
    editor: vscode.TextEditor,
    type: vscode.TextEditorDecorationType,
    spans: readonly DrawnSpan[],
    toOptions: (spans: readonly DrawnSpan[]) => readonly vscode.Range[] | readonly vscode.DecorationOptions[],
  ): void {
    let drawn = this.byEditor.get(editor);
    if (!drawn) this.byEditor.set(editor, (drawn = new Map()));
    const before = drawn.get(type);
    if (!before || !shownAlready(before, spans)) {
      editor.setDecorations(type, toOptions(spans));
      markWhenIdle('sent');
    }
    drawn.set(type, { spans });
  }

  /** Records a document's edits (from onDidChangeTextDocument) against what its editors show. */
  edited(document: vscode.TextDocument, changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    if (!changes.length) return;
    // One event's changes all refer to the text before it: everything before the first one stays,
    // everything after the end of the last one moves by the sum of their length changes.
    let lo = Infinity;
    let hiBefore = -Infinity;
    let delta = 0;
    for (const c of changes) {
      lo = Math.min(lo, c.rangeOffset);
      hiBefore = Math.max(hiBefore, c.rangeOffset + c.rangeLength);
      delta += c.text.length - c.rangeLength;
    }
    for (const [editor, drawn] of this.byEditor) {
      if (editor.document !== document) continue;
      for (const d of drawn.values()) {
        const e = d.edited;
        d.edited = e
          ? { lo: Math.min(e.lo, lo), hi: Math.max(e.hi, hiBefore) + delta, delta: e.delta + delta }
          : { lo, hi: hiBefore + delta, delta };
      }
    }
  }

  /** Forgets what an editor shows (cleared, closed). */
  forget(editor: vscode.TextEditor): void {
    this.byEditor.delete(editor);
  }

  /** Forgets every editor but these (the visible ones): a hidden editor is drawn in full when shown. */
  keepOnly(editors: readonly vscode.TextEditor[]): void {
    const keep = new Set(editors);
    for (const editor of this.byEditor.keys()) if (!keep.has(editor)) this.byEditor.delete(editor);
  }
}

/** Whether the spans last drawn, moved by the edits since, are `spans`. */
function shownAlready(before: Drawn, spans: readonly DrawnSpan[]): boolean {
  if (before.spans.length !== spans.length) return false;
  const e = before.edited;
  for (let i = 0; i < spans.length; i++) {
    const s = before.spans[i];
    if (!e) {
      if (!same(s, spans[i], 0)) return false;
    } else if (s.end < e.lo) {
      // Strictly before the edits (an edit at a span's edge may grow it).
      if (!same(s, spans[i], 0)) return false;
    } else if (s.start > e.hi - e.delta) {
      if (!same(s, spans[i], e.delta)) return false;
    } else {
      return false;
    }
  }
  return true;
}

function same(a: DrawnSpan, b: DrawnSpan, shift: number): boolean {
  return a.start + shift === b.start && a.end + shift === b.end && a.label === b.label;
}
