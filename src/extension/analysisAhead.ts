// A document's own analysis made while the typist pauses, before the debounce fires, so that when it
// fires the layers are drawn at once instead of after the analysis (12–30 ms for a 50 KB article on
// a quiet machine, up to 100 ms on a loaded one: most of what "layers current" took over VS Code's
// own round trip). Exact by construction: an analysis is only ever handed out for the very text it
// was made from (compared as strings), so what is drawn is always `analyze(text)` of the text the
// debounce sees, whatever happened in between.
//
// Why not reuse the analysis of the paragraphs an edit did not touch: the core's recognisers have
// document-wide rules (a word written in lower case anywhere is no name, a surname takes the person a
// full name elsewhere gives, an acronym defined once names every use), so an edit in one paragraph
// changes mentions or quotes in others (1 in 100 random one-word insertions into the seeds did, 4 in
// entities and 5 in quotes of 400); reusing paragraphs from outside the recognisers would be wrong
// that often. See README, "The editor in VS Code".
//
// No vscode import: test/unit/analysisAhead.test.ts drives it with a fake clock.

/** Timers as the host gives them (setTimeout / clearTimeout), injectable for tests. */
export interface AheadTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  /** A monotonic clock in ms (performance.now). */
  now(): number;
}

export interface AheadOptions<P> {
  analyze: (text: string) => P;
  /** The debounce in ms, read at each edit. */
  debounceMs: () => number;
  timers: AheadTimers;
  /** Analyses kept per document, by text, for an undo or a revert back to an earlier text. */
  keepPerDocument?: number;
}

interface Made<P> {
  text: string;
  parts: P;
}

interface DocState<P> {
  timer?: unknown;
  /** Most recent first. */
  made: Made<P>[];
  /** The last analysis time of this document, in ms: how early to start before the debounce. */
  lastMs?: number;
}

/**
 * Analyses each edited document shortly before its debounce fires, and hands the analysis to whoever
 * asks for the same text. `edited(key, read)` at each change (read gives the current text when
 * called); `analysisFor(key, text)` when the debounce fires.
 */
export class AnalysisAhead<P> {
  private readonly docs = new Map<string, DocState<P>>();
  private readonly keep: number;
  /** Counts, for tests and the trace: analyses made ahead, handed out, made on demand. */
  readonly counts = { ahead: 0, reused: 0, onDemand: 0 };

  constructor(private readonly options: AheadOptions<P>) {
    this.keep = Math.max(1, options.keepPerDocument ?? 3);
  }

  /**
   * How long before the debounce the analysis starts: twice this document's last analysis time plus
   * 10 ms (so that it is done when the debounce fires even if this one is slower), at most half the
   * debounce (a typist who pauses less than that never pays for an analysis that a key then voids).
   */
  lead(key: string): number {
    const debounce = this.options.debounceMs();
    const last = this.docs.get(key)?.lastMs ?? 10;
    return Math.min(debounce / 2, 2 * last + 10);
  }

  /** A change of the document: the analysis ahead is (re)scheduled; `read` gives its text then. */
  edited(key: string, read: () => string | undefined): void {
    const state = this.state(key);
    if (state.timer !== undefined) this.options.timers.clear(state.timer);
    const delay = Math.max(0, this.options.debounceMs() - this.lead(key));
    state.timer = this.options.timers.set(() => {
      state.timer = undefined;
      const text = read();
      if (text === undefined || this.find(state, text)) return;
      this.counts.ahead++;
      this.make(state, text);
    }, delay);
  }

  /** The analysis of `text`: the one made ahead (or kept from before) when it is of this text, else made now. */
  analysisFor(key: string, text: string): P {
    const state = this.state(key);
    const found = this.find(state, text);
    if (found) {
      this.counts.reused++;
      return found.parts;
    }
    this.counts.onDemand++;
    return this.make(state, text).parts;
  }

  /** Forgets a document (closed, removed): its timer and analyses. */
  forget(key: string): void {
    const state = this.docs.get(key);
    if (state?.timer !== undefined) this.options.timers.clear(state.timer);
    this.docs.delete(key);
  }

  dispose(): void {
    for (const key of [...this.docs.keys()]) this.forget(key);
  }

  private state(key: string): DocState<P> {
    let state = this.docs.get(key);
    if (!state) this.docs.set(key, (state = { made: [] }));
    return state;
  }

  private find(state: DocState<P>, text: string): Made<P> | undefined {
    const i = state.made.findIndex((m) => m.text.length === text.length && m.text === text);
    if (i < 0) return undefined;
    const [found] = state.made.splice(i, 1);
    state.made.unshift(found);
    return found;
  }

  private make(state: DocState<P>, text: string): Made<P> {
    const started = this.options.timers.now();
    const made = { text, parts: this.options.analyze(text) };
    state.lastMs = this.options.timers.now() - started;
    state.made.unshift(made);
    if (state.made.length > this.keep) state.made.length = this.keep;
    return made;
  }
}
