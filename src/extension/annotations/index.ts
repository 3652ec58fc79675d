// Hand annotations in VS Code (issue 7): one AnnotationStore per workspace folder, live anchoring
// through edits, the decoration layer and hover, the Annotations tree, the commands, and the API the
// rest of the extension uses (corrections for the automatic layers). activate() calls
// registerAnnotations(context) once.
import * as vscode from 'vscode';
import {
  anchorTarget,
  ANNOTATION_FILE_NAME,
  BUILTIN_KINDS,
  correctionNeedsEntity,
  exportCsv,
  exportJsonLd,
  formatProblem,
  importAnnotations,
  newAnnotationId,
  targetAt,
  type AutoSpan,
  type Correction,
  type CorrectionSpan,
  type CorrectionType,
  type HandAnnotation,
  type MergeResult,
  type Problem,
} from '../../core/annotations';
import type { Span } from '../../core/model';
import { AnnotationStore, type StoreHost } from './store';
import { AnchorTracker, type LiveAnchor, type Located } from './tracker';
import { AnnotationDecorations, AnnotationsTree, describe, shorten, type AnnotationNode } from './ui';

export { AnnotationStore } from './store';
export type { LiveAnchor } from './tracker';

/** What the automatic layers offer to the annotation commands (set by the lead's pipeline). */
export interface AnnotationLayerProvider {
  /** Automatic spans of an article (quotes, entity mentions, shared passages), offsets in its current text. */
  spansFor(uri: vscode.Uri): readonly AutoSpan[] | undefined;
  /** Known entities, for "Set Speaker…" and "Same Entity As…". */
  entities(): readonly { id: string; name: string; type?: string }[];
  outletOf?(uri: vscode.Uri): string | null | undefined;
  /** Every article's automatic spans, for exports that include the automatic layers. */
  allSpans?(): readonly { uri: vscode.Uri; spans: readonly AutoSpan[] }[];
}

export interface AnnotationsApi {
  /** Resolves when every folder's annotation file has been read once. */
  readonly ready: Promise<void>;
  /** Annotations or their spans changed (the document concerned, or undefined for many). */
  readonly onDidChange: vscode.Event<vscode.Uri | undefined>;
  /** Hand annotations of a document with their current spans (null = orphan). */
  annotationsFor(uri: vscode.Uri): Promise<LiveAnchor[]>;
  /**
   * Corrections of a document, anchored: in `text` when given (the text the pipeline analysed), else in
   * the open document, else at the stored positions (which describe the file as last saved).
   */
  correctionsFor(uri: vscode.Uri, text?: string): CorrectionSpan[];
  /** Every folder's annotations. */
  all(): { folder: vscode.WorkspaceFolder; annotations: HandAnnotation[] }[];
  /** The store of the folder holding `uri`. */
  storeFor(uri: vscode.Uri): AnnotationStore | undefined;
  /** Lets the automatic layers feed the correction commands; dispose to remove. */
  setLayerProvider(provider: AnnotationLayerProvider): vscode.Disposable;
  /** Writes pending changes of every store now. */
  flush(): Promise<void>;
}

type Arg = string | { id?: string } | AnnotationNode | undefined;

export function registerAnnotations(context: vscode.ExtensionContext): AnnotationsApi {
  const output = vscode.window.createOutputChannel('News Annotator: Annotations', { log: true });
  const stores = new Map<string, AnnotationStore>();
  const changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  let provider: AnnotationLayerProvider | undefined;
  const corruptShown = new Set<string>();

  const host: StoreHost = {
    corrupt(store, problems) {
      for (const p of problems) output.warn(formatProblem(p, store.fileUri.fsPath));
      void showCorrupt(store, problems);
    },
    merged(store, result) {
      reportMerge(store, result);
    },
    writeFailed(store, error) {
      output.error(`${store.fileUri.fsPath}: ${String((error as Error)?.message ?? error)}`);
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Could not save annotations to {0}: {1}. The previous file is unchanged; your annotations are kept in this window.', store.fileUri.fsPath, String((error as Error)?.message ?? error)),
      );
    },
  };

  async function showCorrupt(store: AnnotationStore, problems: Problem[]): Promise<void> {
    const first = problems.find((p) => p.severity === 'error') ?? problems[0];
    if (!first) return;
    const key = `${store.fileUri.toString()}:${first.offset}:${first.message}`;
    if (corruptShown.has(key)) return;
    corruptShown.add(key);
    const open = vscode.l10n.t('Open File');
    const rewrite = vscode.l10n.t('Rewrite With Recovered Annotations');
    const choice = await vscode.window.showErrorMessage(
      vscode.l10n.t(
        '{0} is damaged at line {1}, column {2}: {3}. {4} annotations could be read. The file is left as it is and will not be written until you fix it or choose to rewrite it.',
        ANNOTATION_FILE_NAME,
        first.line,
        first.column,
        first.message,
        store.list().length,
      ),
      open,
      rewrite,
    );
    if (choice === open) await openAnnotationFile(store, first);
    else if (choice === rewrite) {
      const confirm = vscode.l10n.t('Rewrite');
      const sure = await vscode.window.showWarningMessage(
        vscode.l10n.t('Rewrite {0} with the {1} annotations that could be read? A copy of the damaged file is kept beside it.', ANNOTATION_FILE_NAME, store.list().length),
        { modal: true },
        confirm,
      );
      if (sure === confirm) {
        const backup = await store.rewriteRecovered();
        corruptShown.clear();
        if (backup) void vscode.window.showInformationMessage(vscode.l10n.t('Rewritten. The damaged file was kept as {0}.', vscode.workspace.asRelativePath(backup)));
      }
    }
  }

  function reportMerge(store: AnnotationStore, r: MergeResult): void {
    const parts: string[] = [];
    if (r.removedByTheirs.length) parts.push(vscode.l10n.t('{0} annotations missing from the changed file were kept and written back', r.removedByTheirs.length));
    if (r.keptDespiteRemoval.length) parts.push(vscode.l10n.t('{0} annotations removed on one side but edited on the other were kept', r.keptDespiteRemoval.length));
    if (r.conflicts.length) parts.push(vscode.l10n.t('{0} annotations edited in both places: the later edit was kept', r.conflicts.length));
    if (parts.length === 0) return;
    for (const c of r.conflicts) output.info(`conflict on ${c.id}: kept version modified ${c.kept.modified}; other version: ${JSON.stringify(c.other)}`);
    const removeThem = vscode.l10n.t('Remove Them');
    const message = vscode.l10n.t('{0} changed outside this window and was merged: {1}.', ANNOTATION_FILE_NAME, parts.join('; '));
    void vscode.window.showInformationMessage(message, ...(r.removedByTheirs.length ? [removeThem] : [])).then((choice) => {
      if (choice === removeThem) for (const id of r.removedByTheirs) store.remove(id);
    });
  }

  async function openAnnotationFile(store: AnnotationStore, at?: Problem): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(store.fileUri);
    const editor = await vscode.window.showTextDocument(doc);
    if (at) {
      const pos = new vscode.Position(at.line - 1, at.column - 1);
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
    }
  }

  // ---- Stores per folder ---------------------------------------------------------------------------
  const loads: Promise<void>[] = [];
  const addFolder = (folder: vscode.WorkspaceFolder) => {
    const key = folder.uri.toString();
    if (stores.has(key)) return;
    const store = new AnnotationStore(folder, host);
    stores.set(key, store);
    store.onDidChange(() => {
      changed.fire(undefined);
      refreshAll();
    });
    loads.push(store.load().catch((e) => output.error(String(e))));
  };
  for (const folder of vscode.workspace.workspaceFolders ?? []) addFolder(folder);
  context.subscriptions.push(
    vscode.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const f of e.added) addFolder(f);
      for (const f of e.removed) {
        stores.get(f.uri.toString())?.dispose();
        stores.delete(f.uri.toString());
      }
      refreshAll();
    }),
  );
  const ready = Promise.all(loads).then(() => undefined);

  const locate = (uri: vscode.Uri): Located | undefined => {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const store = stores.get(folder.uri.toString());
    if (!store) return undefined;
    if (uri.path.endsWith('/' + ANNOTATION_FILE_NAME)) return undefined;
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
    if (!uri.path.startsWith(base)) return undefined;
    return { store, source: uri.path.slice(base.length) };
  };

  // ---- Live anchoring, decorations, tree -------------------------------------------------------------
  const tracker = new AnchorTracker(locate);
  const decorations = new AnnotationDecorations();
  const closedCache = new Map<string, { mtime: number; size: number; text: string }>();

  async function textOf(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      const cached = closedCache.get(uri.toString());
      if (cached && cached.mtime === stat.mtime && cached.size === stat.size) return cached.text;
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      closedCache.set(uri.toString(), { mtime: stat.mtime, size: stat.size, text });
      return text;
    } catch {
      return undefined;
    }
  }

  async function anchorsForUri(uri: vscode.Uri): Promise<LiveAnchor[]> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return tracker.anchorsFor(open);
    const located = locate(uri);
    if (!located) return [];
    const text = await textOf(uri);
    return located.store
      .list()
      .filter((a) => a.target.source === located.source)
      .map((annotation) => {
        const r = text === undefined ? null : anchorTarget(text, annotation.target);
        return { annotation, span: r ? { start: r.start, end: r.end } : null };
      });
  }

  async function orphanIds(store: AnnotationStore): Promise<ReadonlySet<string>> {
    const ids = new Set<string>();
    const sources = new Set(store.list().map((a) => a.target.source));
    for (const source of sources) {
      for (const { annotation, span } of await anchorsForUri(vscode.Uri.joinPath(store.folder.uri, source))) if (!span) ids.add(annotation.id);
    }
    return ids;
  }

  const tree = new AnnotationsTree({ stores: () => [...stores.values()], orphanIds });
  const layerEnabled = () => vscode.workspace.getConfiguration('newsAnnotator.layers').get<boolean>('annotations', true);
  const refreshEditor = (editor: vscode.TextEditor) => decorations.apply(editor, tracker.anchorsFor(editor.document), layerEnabled());
  let treeTimer: ReturnType<typeof setTimeout> | undefined;
  function refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) refreshEditor(editor);
    if (treeTimer) clearTimeout(treeTimer);
    treeTimer = setTimeout(() => tree.refresh(), 150);
  }

  context.subscriptions.push(
    output,
    changed,
    tracker,
    decorations,
    tree,
    { dispose: () => [...stores.values()].forEach((s) => s.dispose()) },
    { dispose: () => treeTimer && clearTimeout(treeTimer) },
    vscode.workspace.onDidChangeTextDocument((e) => {
      tracker.onDidChangeTextDocument(e);
    }),
    tracker.onDidChange((uri) => {
      for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri.toString()) refreshEditor(editor);
      changed.fire(uri);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => tracker.onDidSaveTextDocument(doc)),
    vscode.workspace.onDidCloseTextDocument((doc) => tracker.onDidCloseTextDocument(doc)),
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach(refreshEditor)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('newsAnnotator.layers')) refreshAll();
    }),
  );
  void ready.then(refreshAll);

  // ---- Helpers for commands ------------------------------------------------------------------------
  const now = () => new Date().toISOString();

  function trusted(): boolean {
    if (vscode.workspace.isTrusted !== false) return true;
    void vscode.window.showWarningMessage(vscode.l10n.t('Annotations are saved in the workspace folder. Trust this workspace to annotate (Manage Workspace Trust).'));
    return false;
  }

  function activeEditor(): vscode.TextEditor | undefined {
    if (!trusted()) return undefined;
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an article and select some text first.'));
      return undefined;
    }
    if (!locate(editor.document.uri)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Annotations are kept per workspace folder: open this file inside a workspace folder to annotate it.'));
      return undefined;
    }
    return editor;
  }

  /** The span a command acts on: explicit offsets, the selection, the automatic span at the cursor, or the word there. */
  function spanFor(editor: vscode.TextEditor, layer: string | undefined, args?: { start?: number; end?: number }): { span: Span; auto?: AutoSpan } | undefined {
    const doc = editor.document;
    if (args && typeof args.start === 'number' && typeof args.end === 'number' && args.end > args.start) return { span: { start: args.start, end: args.end } };
    const sel = editor.selection;
    const s = doc.offsetAt(sel.start);
    const e = doc.offsetAt(sel.end);
    const autos = layer ? (provider?.spansFor(doc.uri) ?? []).filter((x) => x.layer === layer) : [];
    if (e > s) {
      const auto = autos.find((x) => x.start < e && s < x.end);
      return { span: { start: s, end: e }, auto };
    }
    const auto = autos.filter((x) => x.start <= s && s <= x.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    if (auto) return { span: { start: auto.start, end: auto.end }, auto };
    const word = doc.getWordRangeAtPosition(sel.active);
    if (word) return { span: { start: doc.offsetAt(word.start), end: doc.offsetAt(word.end) } };
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the words first.'));
    return undefined;
  }

  function create(editor: vscode.TextEditor, span: Span, fields: Pick<HandAnnotation, 'kind' | 'comment' | 'correction'>): HandAnnotation | undefined {
    const located = locate(editor.document.uri);
    if (!located) return undefined;
    const t = now();
    const a: HandAnnotation = { id: newAnnotationId(), created: t, modified: t, target: targetAt(editor.document.getText(), located.source, span) };
    if (fields.kind !== undefined) a.kind = fields.kind;
    if (fields.comment) a.comment = fields.comment;
    if (fields.correction) a.correction = fields.correction;
    tracker.setSpan(editor.document, a, span);
    located.store.upsert(a);
    return a;
  }

  function knownTags(): string[] {
    const tags = new Set<string>();
    for (const s of stores.values()) for (const a of s.list()) if (a.kind && !(BUILTIN_KINDS as readonly string[]).includes(a.kind)) tags.add(a.kind);
    return [...tags].sort();
  }

  async function pickKind(current?: string): Promise<string | undefined> {
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
    qp.title = vscode.l10n.t('Annotate as…');
    qp.placeholder = vscode.l10n.t('Pick a kind, or type a tag of your own');
    const base: vscode.QuickPickItem[] = [...BUILTIN_KINDS, ...knownTags()].map((k) => ({ label: k, picked: k === current }));
    qp.items = base;
    if (current) qp.activeItems = base.filter((i) => i.label === current);
    qp.onDidChangeValue((v) => {
      const value = v.trim();
      qp.items = value && !base.some((i) => i.label.toLowerCase() === value.toLowerCase()) ? [{ label: value, description: vscode.l10n.t('new tag') }, ...base] : base;
    });
    return new Promise((resolve) => {
      qp.onDidAccept(() => {
        // A kind typed out in full wins over whichever row was active while the list re-filtered.
        const value = qp.value.trim();
        const typed = value ? base.find((i) => i.label.toLowerCase() === value.toLowerCase()) : undefined;
        resolve(typed?.label ?? qp.selectedItems[0]?.label ?? (value || undefined));
        qp.hide();
      });
      qp.onDidHide(() => {
        resolve(undefined);
        qp.dispose();
      });
      qp.show();
    });
  }

  async function askComment(current?: string): Promise<string | undefined> {
    return vscode.window.showInputBox({
      title: vscode.l10n.t('Comment (optional)'),
      prompt: vscode.l10n.t('Press Enter to leave it empty.'),
      value: current ?? '',
    });
  }

  async function pickEntity(title: string, exclude?: string): Promise<string | undefined> {
    const entities = (provider?.entities() ?? []).filter((e) => e.id !== exclude);
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { id: string }>();
    qp.title = title;
    qp.placeholder = entities.length ? vscode.l10n.t('Pick an entity, or type a name or id') : vscode.l10n.t('Type the entity id or name');
    const base = entities.map((e) => ({ label: e.name, description: [e.type, e.id].filter(Boolean).join(' · '), id: e.id }));
    qp.items = base;
    qp.onDidChangeValue((v) => {
      const value = v.trim();
      qp.items = value ? [{ label: value, description: vscode.l10n.t('use as typed'), id: value }, ...base] : base;
    });
    return new Promise((resolve) => {
      qp.onDidAccept(() => {
        resolve(qp.selectedItems[0]?.id ?? (qp.value.trim() || undefined));
        qp.hide();
      });
      qp.onDidHide(() => {
        resolve(undefined);
        qp.dispose();
      });
      qp.show();
    });
  }

  /** Resolves a command argument (id, tree node, or nothing = the annotation at the cursor). */
  async function resolveArg(arg: Arg): Promise<{ store: AnnotationStore; annotation: HandAnnotation } | undefined> {
    const id = typeof arg === 'string' ? arg : arg && 'annotation' in arg && arg.annotation ? arg.annotation.id : arg && 'id' in arg && typeof arg.id === 'string' ? arg.id : undefined;
    if (id) {
      for (const store of stores.values()) {
        const annotation = store.get(id);
        if (annotation) return { store, annotation };
      }
      return undefined;
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const located = locate(editor.document.uri);
    if (!located) return undefined;
    const offset = editor.document.offsetAt(editor.selection.active);
    const here = tracker.anchorsFor(editor.document).filter((x) => x.span && x.span.start <= offset && offset <= x.span.end);
    if (here.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no hand annotation at the cursor.'));
      return undefined;
    }
    if (here.length === 1) return { store: located.store, annotation: here[0].annotation };
    const pick = await vscode.window.showQuickPick(
      here.map((x) => ({ label: describe(x.annotation), description: shorten(x.annotation.target.exact, 50), detail: x.annotation.comment, a: x.annotation })),
      { title: vscode.l10n.t('Which annotation?') },
    );
    return pick ? { store: located.store, annotation: pick.a } : undefined;
  }

  // ---- Commands ------------------------------------------------------------------------------------
  type CreateArgs = { kind?: string; comment?: string; start?: number; end?: number; entity?: string };

  async function annotateSelection(args?: CreateArgs): Promise<HandAnnotation | undefined> {
    const editor = activeEditor();
    if (!editor) return undefined;
    const target = spanFor(editor, undefined, args);
    if (!target) return undefined;
    const kind = args?.kind ?? (await pickKind());
    if (!kind) return undefined;
    const comment = args ? args.comment : await askComment();
    if (comment === undefined && !args) return undefined; // Escape cancels
    return create(editor, target.span, { kind, comment: comment || undefined });
  }

  function correctionCommand(type: CorrectionType, layer: string) {
    return async (args?: CreateArgs): Promise<HandAnnotation | undefined> => {
      const editor = activeEditor();
      if (!editor) return undefined;
      const target = spanFor(editor, layer, args);
      if (!target) return undefined;
      let correction: Correction;
      if (correctionNeedsEntity(type)) {
        const title = type === 'set-speaker' ? vscode.l10n.t('Who is the speaker?') : vscode.l10n.t('Same entity as…');
        const entity = args?.entity ?? (await pickEntity(title, target.auto?.entity));
        if (!entity) return undefined;
        correction = { type, entity } as Correction;
      } else if (type === 'different-entity') {
        correction = args?.entity ? { type, entity: args.entity } : { type };
      } else correction = { type } as Correction;
      return create(editor, target.span, { correction, comment: args?.comment });
    };
  }

  async function editAnnotation(arg?: Arg): Promise<void> {
    if (!trusted()) return;
    const found = await resolveArg(arg);
    if (!found) return;
    const { store, annotation } = found;
    const actions: vscode.QuickPickItem[] = [];
    if (!annotation.correction) actions.push({ label: vscode.l10n.t('Change Kind…'), description: annotation.kind });
    if (annotation.correction && correctionNeedsEntity(annotation.correction.type)) actions.push({ label: vscode.l10n.t('Change Entity…'), description: 'entity' in annotation.correction ? annotation.correction.entity : '' });
    actions.push({ label: vscode.l10n.t('Edit Comment…'), description: annotation.comment ? shorten(annotation.comment, 40) : '' });
    actions.push({ label: vscode.l10n.t('Remove Annotation') });
    const action = actions.length === 1 ? actions[0] : await vscode.window.showQuickPick(actions, { title: vscode.l10n.t('Edit annotation: {0}', describe(annotation)) });
    if (!action) return;
    const next: HandAnnotation = { ...annotation, modified: now() };
    if (action === actions.find((a) => a.label === vscode.l10n.t('Change Kind…'))) {
      const kind = await pickKind(annotation.kind);
      if (!kind) return;
      next.kind = kind;
    } else if (action.label === vscode.l10n.t('Change Entity…') && annotation.correction) {
      const entity = await pickEntity(vscode.l10n.t('Entity'));
      if (!entity) return;
      next.correction = { ...annotation.correction, entity } as Correction;
    } else if (action.label === vscode.l10n.t('Edit Comment…')) {
      const comment = await askComment(annotation.comment);
      if (comment === undefined) return;
      if (comment) next.comment = comment;
      else delete next.comment;
    } else if (action.label === vscode.l10n.t('Remove Annotation')) {
      await removeAnnotation(annotation.id);
      return;
    }
    store.upsert(next);
  }

  async function removeAnnotation(arg?: Arg, options?: { confirm?: boolean }): Promise<boolean> {
    if (!trusted()) return false;
    const found = await resolveArg(arg);
    if (!found) return false;
    if (options?.confirm !== false) {
      const remove = vscode.l10n.t('Remove');
      const sure = await vscode.window.showWarningMessage(
        vscode.l10n.t('Remove the annotation “{0}” ({1})?', shorten(found.annotation.target.exact, 50), describe(found.annotation)),
        { modal: true },
        remove,
      );
      if (sure !== remove) return false;
    }
    return found.store.remove(found.annotation.id);
  }

  async function revealAnnotation(arg?: Arg): Promise<void> {
    const found = await resolveArg(arg);
    if (!found) return;
    const uri = vscode.Uri.joinPath(found.store.folder.uri, found.annotation.target.source);
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(uri);
    } catch {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} cannot be opened; the annotation is kept.', found.annotation.target.source));
      return;
    }
    const editor = await vscode.window.showTextDocument(doc);
    const anchor = tracker.anchorsFor(doc).find((x) => x.annotation.id === found.annotation.id);
    if (!anchor?.span) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The words of this annotation (“{0}”) are no longer in the file. It is kept as an orphan: edit or remove it.', shorten(found.annotation.target.exact, 60)));
      return;
    }
    const range = new vscode.Range(doc.positionAt(anchor.span.start), doc.positionAt(anchor.span.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  }

  async function pickStore(title: string): Promise<AnnotationStore | undefined> {
    const list = [...stores.values()];
    if (list.length <= 1) return list[0];
    const pick = await vscode.window.showQuickPick(list.map((s) => ({ label: s.folder.name, description: s.folder.uri.fsPath, s })), { title });
    return pick?.s;
  }

  async function exportAnnotations(args?: { format?: 'jsonld' | 'csv'; uri?: string; includeAutomatic?: boolean; folder?: string }): Promise<vscode.Uri | undefined> {
    const store = args?.folder ? stores.get(args.folder) : await pickStore(vscode.l10n.t('Export the annotations of which folder?'));
    if (!store) {
      if (!args) void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder of articles first.'));
      return undefined;
    }
    let format = args?.format;
    if (!format) {
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'W3C Web Annotation (JSON-LD)', format: 'jsonld' as const },
          { label: 'CSV', format: 'csv' as const },
        ],
        { title: vscode.l10n.t('Export annotations as') },
      );
      if (!pick) return undefined;
      format = pick.format;
    }
    let includeAutomatic = args?.includeAutomatic;
    if (includeAutomatic === undefined) {
      if (provider?.allSpans) {
        const pick = await vscode.window.showQuickPick(
          [
            { label: vscode.l10n.t('Hand annotations and the automatic layers'), auto: true },
            { label: vscode.l10n.t('Hand annotations only'), auto: false },
          ],
          { title: vscode.l10n.t('What to export') },
        );
        if (!pick) return undefined;
        includeAutomatic = pick.auto;
      } else includeAutomatic = false;
    }
    let uri = args?.uri ? vscode.Uri.parse(args.uri) : undefined;
    if (!uri) {
      uri = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(store.folder.uri, format === 'csv' ? 'news-annotations.csv' : 'news-annotations-export.jsonld'),
        filters: format === 'csv' ? { CSV: ['csv'] } : { 'JSON-LD': ['jsonld', 'json'] },
      });
      if (!uri) return undefined;
    }
    const hand = store.list();
    const orphans = await orphanIds(store);
    const auto: AutoSpan[] = [];
    if (includeAutomatic && provider?.allSpans) {
      for (const { uri: u, spans } of provider.allSpans()) {
        const located = locate(u);
        if (!located || located.store !== store) continue;
        for (const s of spans) auto.push({ ...s, source: located.source });
      }
    }
    const outletOf = (source: string) => provider?.outletOf?.(vscode.Uri.joinPath(store.folder.uri, source)) ?? '';
    const text =
      format === 'csv'
        ? exportCsv(hand, auto, { outletOf, orphans })
        : exportJsonLd(hand, auto, { sourceIri: (s) => vscode.Uri.joinPath(store.folder.uri, s).toString() });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    if (!args) {
      const open = vscode.l10n.t('Open');
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} annotations to {1}.', hand.length + auto.length, vscode.workspace.asRelativePath(uri)), open).then((c) => {
        if (c === open) void vscode.window.showTextDocument(uri!);
      });
    }
    return uri;
  }

  async function importCommand(args?: { uri?: string; folder?: string }): Promise<{ imported: number; orphans: number; skipped: number } | undefined> {
    if (!trusted()) return undefined;
    let uri = args?.uri ? vscode.Uri.parse(args.uri) : undefined;
    if (!uri) {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'W3C / Hypothesis annotations': ['jsonld', 'json'] }, title: vscode.l10n.t('Import annotations') });
      if (!picked?.length) return undefined;
      uri = picked[0];
    }
    const store = args?.folder ? stores.get(args.folder) : await pickStore(vscode.l10n.t('Import into which folder?'));
    if (!store) return undefined;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(store.folder, '**/*'), '{**/node_modules/**,**/.git/**}', 50_000);
    const base = store.folder.uri.path.endsWith('/') ? store.folder.uri.path : store.folder.uri.path + '/';
    const files = found.map((f) => f.path).filter((p) => p.startsWith(base)).map((p) => p.slice(base.length));
    const result = importAnnotations(text, files, { fileName: vscode.workspace.asRelativePath(uri) });
    for (const m of result.messages) output.warn(m);
    let orphans = 0;
    const bySource = new Map<string, HandAnnotation[]>();
    for (const a of result.annotations) bySource.set(a.target.source, [...(bySource.get(a.target.source) ?? []), a]);
    const accepted: HandAnnotation[] = [];
    for (const [source, list] of bySource) {
      const sourceText = await textOf(vscode.Uri.joinPath(store.folder.uri, source));
      for (const a of list) {
        const existing = store.get(a.id);
        if (existing && Date.parse(existing.modified) >= Date.parse(a.modified)) continue; // already here, as new or newer
        const r = sourceText === undefined ? null : anchorTarget(sourceText, a.target);
        if (r && sourceText !== undefined) accepted.push({ ...a, target: targetAt(sourceText, source, r) });
        else {
          orphans++;
          accepted.push(a);
        }
      }
    }
    store.upsertMany(accepted);
    const summary = { imported: accepted.length, orphans, skipped: result.problems.filter((p) => p.severity === 'warning').length + (result.problems.some((p) => p.severity === 'error') ? 1 : 0) };
    if (!args) {
      const show = vscode.l10n.t('Show Details');
      void vscode.window
        .showInformationMessage(
          vscode.l10n.t('Imported {0} annotations ({1} could not be placed in their file and are listed as orphans); {2} skipped.', summary.imported, summary.orphans, summary.skipped),
          ...(result.messages.length ? [show] : []),
        )
        .then((c) => c === show && output.show());
    }
    return summary;
  }

  const register = (id: string, fn: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  register('newsAnnotator.annotateSelection', annotateSelection);
  register('newsAnnotator.notAQuote', correctionCommand('not-quote', 'quote'));
  register('newsAnnotator.setSpeaker', correctionCommand('set-speaker', 'quote'));
  register('newsAnnotator.notAnEntity', correctionCommand('not-entity', 'entity'));
  register('newsAnnotator.sameEntityAs', correctionCommand('same-entity-as', 'entity'));
  register('newsAnnotator.differentEntity', correctionCommand('different-entity', 'entity'));
  register('newsAnnotator.notShared', correctionCommand('not-shared', 'shared'));
  register('newsAnnotator.editAnnotation', editAnnotation);
  register('newsAnnotator.removeAnnotation', (arg?: Arg, options?: { confirm?: boolean }) => removeAnnotation(arg, options));
  register('newsAnnotator.revealAnnotation', revealAnnotation);
  register('newsAnnotator.exportAnnotations', exportAnnotations);
  register('newsAnnotator.importAnnotations', importCommand);
  register('newsAnnotator.openAnnotationFile', async (folderUri?: string) => {
    const store = folderUri ? stores.get(folderUri) : await pickStore(vscode.l10n.t('Open the annotation file of which folder?'));
    if (!store) return;
    try {
      await vscode.workspace.fs.stat(store.fileUri);
    } catch {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no annotations yet.', store.folder.name));
      return;
    }
    await openAnnotationFile(store, store.problems.find((p) => p.severity === 'error'));
  });
  register('newsAnnotator.refreshAnnotations', async () => {
    for (const s of stores.values()) await s.load();
    refreshAll();
  });

  // ---- API -------------------------------------------------------------------------------------------
  return {
    ready,
    onDidChange: changed.event,
    annotationsFor: anchorsForUri,
    correctionsFor(uri, text) {
      const located = locate(uri);
      if (!located) return [];
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const out: CorrectionSpan[] = [];
      const live = text === undefined && open ? new Map(tracker.anchorsFor(open).map((x) => [x.annotation.id, x.span])) : undefined;
      for (const a of located.store.list()) {
        if (a.target.source !== located.source || !a.correction) continue;
        let span: Span | null;
        if (text !== undefined) {
          const r = anchorTarget(text, a.target);
          span = r ? { start: r.start, end: r.end } : null;
        } else if (live) span = live.get(a.id) ?? null;
        else span = a.target.start >= 0 ? { start: a.target.start, end: a.target.end } : null;
        if (span) out.push({ ...span, annotationId: a.id, correction: a.correction, exact: a.target.exact });
      }
      return out;
    },
    all: () => [...stores.values()].map((s) => ({ folder: s.folder, annotations: s.list() })),
    storeFor: (uri) => locate(uri)?.store ?? stores.get(vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? ''),
    setLayerProvider(p) {
      provider = p;
      return new vscode.Disposable(() => {
        if (provider === p) provider = undefined;
      });
    },
    async flush() {
      await Promise.all([...stores.values()].map((s) => s.save()));
    },
  };
}
