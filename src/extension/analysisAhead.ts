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
// Where it runs: on a thread of its own when the host gives one (`analyzeElsewhere`: the live
// analysis worker, see WorkspaceCorpus), so that neither the debounce timer nor the change events of
// the next keys wait for it (on the host's thread it took ~8 ms for a 50 KB article, ~60 ms under
// load, and held both that long); else on the caller's thread. An analysis on demand (an opened
// document, a text never seen ahead) is made on the caller's thread, as before.
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
  /** The analysis on this thread (on demand, and ahead when there is no `analyzeElsewhere`). */
  analyze: (text: string) => P;
  /**
   * The same analysis made on another thread, or undefined when none is available now (then
   * `analyze` makes it). Must resolve to exactly what `analyze(text)` gives.
   */
  analyzeElsewhere?: () => ((text: string) => Promise<P>) | undefined;
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
  /** An analysis ahead under way on another thread, and the text it is of. */
  underway?: { text: string; parts: Promise<P> };
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
  /**
   * Counts, for tests and the trace: analyses made ahead (`elsewhere` of them on another thread),
   * handed out (`awaited` of them still under way then), made on demand.
   */
  readonly counts = { ahead: 0, elsewhere: 0, reused: 0, awaited: 0, onDemand: 0 };

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
      if (text === undefined || this.find(state, text) || state.underway?.text === text) return;
      this.counts.ahead++;
      const elsewhere = this.options.analyzeElsewhere?.();
      if (elsewhere) this.makeElsewhere(key, state, text, elsewhere);
      else this.make(state, text);
    }, delay);
  }

  /**
   * The analysis of `text`: the one made ahead (or kept from before) when it is of this text; a
   * promise of it when it is still under way on another thread (sooner than starting again here);
   * else made now, on this thread. The caller checks that its text is still current when a promise
   * resolves.
   */
  analysisFor(key: string, text: string): P | Promise<P> {
    const state = this.state(key);
    const found = this.find(state, text);
    if (found) {
      this.counts.reused++;
      return found.parts;
    }
    if (state.underway?.text === text) {
      this.counts.awaited++;
      // Failed there: made here (the caller still gets the analysis of this text).
      return state.underway.parts.catch(() => this.analysisFor(key, text));
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

  private makeElsewhere(key: string, state: DocState<P>, text: string, analyze: (text: string) => Promise<P>): void {
    this.counts.elsewhere++;
    const started = this.options.timers.now();
    const underway = {
      text,
      parts: analyze(text).then(
        (parts) => {
          if (state.underway === underway) state.underway = undefined;
          // Kept only while the document is (forget() drops its state); the round trip sets the lead.
          if (this.docs.get(key) === state) {
            state.lastMs = this.options.timers.now() - started;
            this.keepMade(state, { text, parts });
          }
          return parts;
        },
        (error: unknown) => {
          if (state.underway === underway) state.underway = undefined;
          throw error;
        },
      ),
    };
    underway.parts.catch(() => undefined); // awaited or not, a failure is handled (made on demand)
    state.underway = underway;
  }

  private keepMade(state: DocState<P>, made: Made<P>): void {
    const i = state.made.findIndex((m) => m.text === made.text);
    if (i >= 0) state.made.splice(i, 1);
    state.made.unshift(made);
    if (state.made.length > this.keep) state.made.length = this.keep;
  }

  private make(state: DocState<P>, text: string): Made<P> {
    const started = this.options.timers.now();
    const made = { text, parts: this.options.analyze(text) };
    state.lastMs = this.options.timers.now() - started;
    this.keepMade(state, made);
    return made;
  }
}
