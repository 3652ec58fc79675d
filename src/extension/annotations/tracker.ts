// Where each hand annotation is in each open document, kept live through edits.
//
// Spans are computed when a document is first needed (re-anchoring the stored target, as Hypothesis
// does), moved through every `onDidChangeTextDocument` event, and written back into the stored
// targets when the document is saved (so the file describes the text on disk). An annotation whose
// words were deleted is re-anchored by its quote; if that fails it is an orphan: kept, listed, shown
// nowhere, never moved onto other words.
import * as vscode from 'vscode';
import { anchorTarget, moveSpan, targetAt, type AnnotationTarget, type HandAnnotation, type TextChange } from '../../core/annotations';
import type { Span } from '../../core/model';
import type { AnnotationStore } from './store';

export interface LiveAnchor {
  annotation: HandAnnotation;
  /** null: orphan (its words are not in the document). */
  span: Span | null;
}

interface Entry {
  span: Span | null;
  /** The stored target this span was computed from (to notice edits and merges). */
  targetKey: string;
}

const keyOf = (t: AnnotationTarget) => `${t.source}\u0000${t.start}\u0000${t.end}\u0000${t.exact}\u0000${t.prefix}\u0000${t.suffix}`;

/** The store and the folder-relative source path of a document, if it is in a workspace folder. */
export interface Located {
  store: AnnotationStore;
  source: string;
}

export class AnchorTracker implements vscode.Disposable {
  private readonly docs = new Map<string, Map<string, Entry>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fired with the document whose annotation spans changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly locate: (uri: vscode.Uri) => Located | undefined) {}

  /** The annotations of a document with their current spans (computed now if needed). */
  anchorsFor(document: vscode.TextDocument): LiveAnchor[] {
    const located = this.locate(document.uri);
    if (!located) return [];
    const entries = this.sync(document, located);
    const out: LiveAnchor[] = [];
    for (const a of located.store.list()) {
      if (a.target.source !== located.source) continue;
      const e = entries.get(a.id);
      out.push({ annotation: a, span: e ? e.span : null });
    }
    return out;
  }

  /** Brings the entries of an open document in line with the store (new, edited, merged, removed). */
  private sync(document: vscode.TextDocument, located: Located): Map<string, Entry> {
    const uri = document.uri.toString();
    let entries = this.docs.get(uri);
    if (!entries) {
      entries = new Map();
      this.docs.set(uri, entries);
    }
    const text = document.getText();
    const seen = new Set<string>();
    for (const a of located.store.list()) {
      if (a.target.source !== located.source) continue;
      seen.add(a.id);
      const key = keyOf(a.target);
      const e = entries.get(a.id);
      if (e && e.targetKey === key) continue;
      const r = anchorTarget(text, a.target);
      entries.set(a.id, { span: r ? { start: r.start, end: r.end } : null, targetKey: key });
    }
    for (const id of [...entries.keys()]) if (!seen.has(id)) entries.delete(id);
    return entries;
  }

  /** Moves the spans of a changed document. */
  onDidChangeTextDocument(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const entries = this.docs.get(e.document.uri.toString());
    if (!entries || entries.size === 0) return;
    const located = this.locate(e.document.uri);
    const changes: TextChange[] = e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, newText: c.text }));
    let text: string | undefined;
    const inserted = changes.some((c) => c.newText.length > 0);
    for (const [id, entry] of entries) {
      if (!entry.span) {
        // An orphan may come back (undo, paste of the words): look again when text was inserted.
        if (inserted) this.scheduleRetry(e.document);
        continue;
      }
      const moved = moveSpan(entry.span, changes);
      if (moved) {
        entry.span = moved;
        continue;
      }
      // Its words are gone from where they were (e.g. a paste over them, or the file reloaded after
      // an outside change): look for the quote; otherwise it is an orphan.
      const a = located?.store.get(id);
      text ??= e.document.getText();
      const r = a ? anchorTarget(text, a.target) : null;
      entry.span = r ? { start: r.start, end: r.end } : null;
    }
    this.changed.fire(e.document.uri);
  }

  private readonly retries = new Map<string, ReturnType<typeof setTimeout>>();

  private scheduleRetry(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const pending = this.retries.get(key);
    if (pending) clearTimeout(pending);
    this.retries.set(
      key,
      setTimeout(() => {
        this.retries.delete(key);
        if (document.isClosed) return;
        const entries = this.docs.get(key);
        const located = this.locate(document.uri);
        if (!entries || !located) return;
        const text = document.getText();
        let found = false;
        for (const [id, entry] of entries) {
          if (entry.span) continue;
          const a = located.store.get(id);
          const r = a ? anchorTarget(text, a.target) : null;
          if (r) {
            entry.span = { start: r.start, end: r.end };
            found = true;
          }
        }
        if (found) this.changed.fire(document.uri);
      }, 300),
    );
  }

  /** After a save: re-describe the targets (quote, context, position) of moved annotations. */
  onDidSaveTextDocument(document: vscode.TextDocument): void {
    const located = this.locate(document.uri);
    const entries = this.docs.get(document.uri.toString());
    if (!located || !entries) return;
    const text = document.getText();
    const updated: HandAnnotation[] = [];
    for (const [id, entry] of entries) {
      const a = located.store.get(id);
      if (!a || !entry.span) continue;
      const target = targetAt(text, located.source, entry.span);
      if (keyOf(target) === keyOf(a.target)) continue;
      updated.push({ ...a, target });
      entry.targetKey = keyOf(target);
    }
    located.store.upsertMany(updated);
  }

  /** The document was closed: forget its live spans (the stored targets are re-anchored next time). */
  onDidCloseTextDocument(document: vscode.TextDocument): void {
    this.docs.delete(document.uri.toString());
  }

  /** Records a span for an annotation just created on an open document. */
  setSpan(document: vscode.TextDocument, annotation: HandAnnotation, span: Span): void {
    let entries = this.docs.get(document.uri.toString());
    if (!entries) {
      entries = new Map();
      this.docs.set(document.uri.toString(), entries);
    }
    entries.set(annotation.id, { span, targetKey: keyOf(annotation.target) });
  }

  dispose(): void {
    for (const t of this.retries.values()) clearTimeout(t);
    this.changed.dispose();
    this.docs.clear();
  }
}
