// The analysis made while the typist pauses (src/extension/analysisAhead.ts), driven as the extension
// drives it (a debounce timer per edit, the analysis ahead rescheduled per edit) on a fake clock, with
// random edits to the seeds and to invented texts: whatever the edits and pauses, what the debounce
// hands to the layers is exactly the core's analysis of the text it sees, and it was made ahead.
import * as assert from 'assert';
import fc from 'fast-check';
import { analyzeText, type DocumentParts } from '../../src/core/corpus';
import { AnalysisAhead } from '../../src/extension/analysisAhead';
import { AnalysisService, type LiveReply } from '../../src/extension/worker/analysisService';
import { DEFAULT_PASSAGE_OPTIONS, preparePassages } from '../../src/core/passages/passageIndex';
import { readSeeds } from './sharedFiles';

const DEBOUNCE = 250;

/** A fake clock and timer queue: timers run in due order (ties in the order they were set). */
class FakeTimers {
  time = 0;
  private seq = 0;
  private readonly queue = new Map<number, { due: number; seq: number; fn: () => void }>();
  set = (fn: () => void, ms: number): unknown => {
    const id = ++this.seq;
    this.queue.set(id, { due: this.time + ms, seq: id, fn });
    return id;
  };
  clear = (handle: unknown): void => {
    this.queue.delete(handle as number);
  };
  now = (): number => this.time;
  /** Runs every timer due within `ms`, moving the clock to each one's time, then to the end. */
  advance(ms: number): void {
    const end = this.time + ms;
    while (this.runNext(end));
    this.time = end;
  }

  /** The same, letting promises settle after each timer (replies of the fake worker, their waiters). */
  async advanceAsync(ms: number): Promise<void> {
    const end = this.time + ms;
    do await new Promise((r) => setImmediate(r));
    while (this.runNext(end));
    this.time = end;
  }

  /** Runs the earliest timer due by `end` (first scheduled first on a tie); false when there is none. */
  private runNext(end: number): boolean {
    let next: [number, { due: number; seq: number; fn: () => void }] | undefined;
    for (const entry of this.queue) if (entry[1].due <= end && (!next || entry[1].due < next[1].due || (entry[1].due === next[1].due && entry[1].seq < next[1].seq))) next = entry;
    if (!next) return false;
    this.queue.delete(next[0]);
    this.time = Math.max(this.time, next[1].due);
    next[1].fn();
    return true;
  }
}

type Edit = { at: number; remove: number; insert: string };
type Step = { edit: Edit; pause: number };

/** The text after a random edit (its position taken modulo the text's length). */
function applyEdit(text: string, edit: Edit): string {
  const at = edit.at % (text.length + 1);
  return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.remove));
}

const insertions = ['a', ' ', 'e', '.', '\n', '\n\n', ' said Mr Tanaka.', '“', '”', 'Austin', 'the ', ' Reuters ', 'BBC', 'austin', '"We will," he said'];
const stepArb: fc.Arbitrary<Step> = fc.record({
  edit: fc.record({ at: fc.nat(), remove: fc.oneof(fc.constant(0), fc.nat({ max: 12 })), insert: fc.oneof(fc.constantFrom(...insertions), fc.string({ maxLength: 6 })) }),
  // Pauses around the lead and the debounce: typing fast, pausing just long enough for the analysis
  // ahead, pausing past the debounce.
  pause: fc.oneof(fc.integer({ min: 0, max: 130 }), fc.integer({ min: 100, max: 260 }), fc.integer({ min: 240, max: 600 })),
});

/** Runs the edits as the extension would; checks every analysis the debounce hands out. */
function drive(initial: string, steps: Step[]): { fires: number; ahead: number; onDemand: number } {
  const timers = new FakeTimers();
  let text = initial;
  let lastEdit = -Infinity;
  const aheadTimes: number[] = [];
  // Each analysis takes (fake) time growing with the text, so the lead varies between documents.
  const ahead = new AnalysisAhead<DocumentParts>({
    analyze: (t) => {
      aheadTimes.push(timers.time);
      const parts = analyzeText(t);
      timers.time += t.length / 400;
      return parts;
    },
    debounceMs: () => DEBOUNCE,
    timers,
  });
  let debounce: unknown;
  let fires = 0;
  const onDebounce = () => {
    fires++;
    const before = aheadTimes.length;
    const parts = ahead.analysisFor('doc', text);
    // The layers get exactly the core's analysis of the current text, ...
    assert.deepStrictEqual(parts, analyzeText(text));
    // ... made before the debounce fired: nothing was analysed now.
    assert.strictEqual(aheadTimes.length, before, 'analysed when the debounce fired instead of ahead');
  };
  for (const { edit, pause } of steps) {
    text = applyEdit(text, edit);
    lastEdit = timers.time;
    if (debounce !== undefined) timers.clear(debounce);
    debounce = timers.set(onDebounce, DEBOUNCE);
    ahead.edited('doc', () => text);
    const analysedBefore = aheadTimes.length;
    timers.advance(pause);
    // An analysis ahead never starts earlier than half the debounce after the last key.
    for (const t of aheadTimes.slice(analysedBefore)) assert.ok(t - lastEdit >= DEBOUNCE / 2, `analysed ${t - lastEdit} ms after a key`);
  }
  timers.advance(DEBOUNCE + 100);
  return { fires, ahead: ahead.counts.ahead, onDemand: ahead.counts.onDemand };
}

/**
 * The same, with the analysis ahead made on another thread: a fake live worker (the real `live`
 * request of AnalysisService, its reply structured-cloned as a worker's message is) that answers after
 * fake time, fails when `fails` says so, and is ready from the `readyAt`-th edit on (before, the
 * analysis ahead is made here). At each debounce the analysis handed out (at once, or when the
 * worker answers) must be the core's analysis of that text whenever the text is still that one when
 * it is drawn (the corpus drops it otherwise), and the passages those the host's index would make;
 * nothing is analysed on this thread but before the worker is ready or after it failed.
 */
async function driveElsewhere(initial: string, steps: Step[], readyAt: number, fails: boolean[]): Promise<{ checked: number; awaited: number; here: number; elsewhere: number }> {
  const timers = new FakeTimers();
  const service = new AnalysisService();
  let text = initial;
  let lastEdit = -Infinity;
  let ready = false;
  let requests = 0;
  const starts: number[] = [];
  let here = 0;
  let hereAllowed = 0;
  const ahead = new AnalysisAhead<DocumentParts>({
    analyze: (t) => {
      here++;
      starts.push(timers.time);
      return analyzeText(t);
    },
    analyzeElsewhere: () =>
      ready
        ? (t) => {
            starts.push(timers.time);
            const fail = fails.length > 0 && fails[requests++ % fails.length];
            return new Promise<DocumentParts>((resolve, reject) => {
              timers.set(() => (fail ? (hereAllowed++, reject(new Error('worker failed'))) : resolve(structuredClone(service.handle({ kind: 'live', text: t }) as LiveReply).parts)), t.length / 400 + 3);
            });
          }
        : undefined,
    debounceMs: () => DEBOUNCE,
    timers,
  });
  let debounce: unknown;
  let checked = 0;
  const waiting: Promise<void>[] = [];
  const onDebounce = () => {
    const seen = text;
    const hereBefore = here;
    const check = (parts: DocumentParts) => {
      if (text !== seen) return; // a newer edit: not drawn (WorkspaceCorpus checks the same)
      const { passages, ...rest } = parts;
      assert.deepStrictEqual(rest, analyzeText(seen));
      if (passages) assert.deepStrictEqual(passages, preparePassages(seen, rest.structure.paragraphs, DEFAULT_PASSAGE_OPTIONS, { tokens: true, outlet: true }));
      checked++;
    };
    const got = ahead.analysisFor('doc', seen);
    if (got instanceof Promise) waiting.push(got.then(check));
    else {
      check(got);
      // Made ahead: nothing was analysed now (on this thread) unless the worker failed before.
      if (here > hereBefore) assert.ok(hereAllowed > 0, 'analysed on this thread when the debounce fired');
    }
  };
  for (const [i, { edit, pause }] of steps.entries()) {
    if (i === readyAt) ready = true;
    text = applyEdit(text, edit);
    lastEdit = timers.time;
    if (debounce !== undefined) timers.clear(debounce);
    debounce = timers.set(onDebounce, DEBOUNCE);
    ahead.edited('doc', () => text);
    const before = starts.length;
    await timers.advanceAsync(pause);
    for (const t of starts.slice(before)) assert.ok(t - lastEdit >= DEBOUNCE / 2, `analysed ${t - lastEdit} ms after a key`);
  }
  await timers.advanceAsync(DEBOUNCE + 1000);
  await Promise.all(waiting);
  // A debounce that fired once the worker was ready and never failed never analysed on this thread.
  if (readyAt === 0 && fails.every((f) => !f)) assert.strictEqual(here, 0, 'analysed on the host although the worker was there');
  return { checked, awaited: ahead.counts.awaited, here, elsewhere: ahead.counts.elsewhere };
}

describe('AnalysisAhead: the analysis made while the typist pauses', function () {
  this.timeout(120_000);
  const seeds = [...readSeeds().values()].map((s) => s.text);

  it('hands the debounce exactly the analysis of the text it sees, made ahead, for random edits to the seeds', () => {
    let fires = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(stepArb, { minLength: 1, maxLength: 10 }), (seed, steps) => {
        const r = drive(seeds[seed], steps);
        assert.strictEqual(r.onDemand, 0);
        fires += r.fires;
      }),
      { numRuns: 40 },
    );
    assert.ok(fires > 0, 'no debounce ever fired: the property checked nothing');
  });

  it('the same for invented texts, from empty', () => {
    const paragraphs = fc.array(
      fc.oneof(fc.constantFrom('Harbour board approves ferry terminal', '“It will open in spring,” said Maria Lindqvist.', 'PORT ELLIS (Wire) — The Port Ellis Harbour Authority (PEHA) met.', 'He told reporters: "Nobody has shown us the bill."', 'By Jane Okafor'), fc.string({ maxLength: 40 })),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(paragraphs, fc.array(stepArb, { minLength: 1, maxLength: 15 }), (ps, steps) => {
        assert.strictEqual(drive(ps.join('\n\n'), steps).onDemand, 0);
      }),
      { numRuns: 150 },
    );
  });

  it('reuses a kept analysis when an edit is undone, and analyses on demand a text it never saw', () => {
    const timers = new FakeTimers();
    let analysed = 0;
    const ahead = new AnalysisAhead<DocumentParts>({ analyze: (t) => (analysed++, analyzeText(t)), debounceMs: () => DEBOUNCE, timers });
    const base = seeds[0];
    const edited = base + ' More.';
    ahead.edited('doc', () => edited);
    timers.advance(DEBOUNCE);
    assert.strictEqual(analysed, 1);
    // Undo: back to the text before, never analysed here: made on demand, then kept.
    assert.deepStrictEqual(ahead.analysisFor('doc', base), analyzeText(base));
    assert.strictEqual(analysed, 2);
    // Redo: the edited text's analysis is still kept.
    assert.deepStrictEqual(ahead.analysisFor('doc', edited), analyzeText(edited));
    assert.strictEqual(analysed, 2);
    // An edit whose timer has not fired yet: the debounce would find nothing made for this text.
    ahead.edited('doc', () => edited + '!');
    assert.deepStrictEqual(ahead.analysisFor('doc', edited + '!'), analyzeText(edited + '!'));
    assert.strictEqual(ahead.counts.onDemand, 2);
    // Forgetting a document drops its pending timer and its analyses.
    ahead.edited('doc', () => base);
    ahead.forget('doc');
    timers.advance(DEBOUNCE);
    assert.strictEqual(analysed, 3);
  });

  it('on another thread: hands out exactly the analysis of the text drawn, made there, waiting for it when under way', async () => {
    let checked = 0;
    let awaited = 0;
    let elsewhere = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(stepArb, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 3 }),
        fc.oneof(fc.constant([] as boolean[]), fc.array(fc.boolean(), { maxLength: 4 })),
        async (seed, steps, readyAt, fails) => {
          const r = await driveElsewhere(seeds[seed], steps, readyAt, fails);
          checked += r.checked;
          awaited += r.awaited;
          elsewhere += r.elsewhere;
        },
      ),
      { numRuns: 40 },
    );
    // The property checked something in each of its cases: drawn analyses, some awaited, some made there.
    assert.ok(checked > 0 && awaited > 0 && elsewhere > 0, `checked ${checked}, awaited ${awaited}, made elsewhere ${elsewhere}`);
  });

  it('on another thread, for invented texts from empty', async () => {
    const paragraphs = fc.array(fc.oneof(fc.constantFrom('“It will open in spring,” said Maria Lindqvist.', 'PORT ELLIS (Wire) — The Port Ellis Harbour Authority (PEHA) met.', 'By Jane Okafor'), fc.string({ maxLength: 40 })), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(paragraphs, fc.array(stepArb, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { maxLength: 3 }), async (ps, steps, fails) => {
        await driveElsewhere(ps.join('\n\n'), steps, 0, fails);
      }),
      { numRuns: 80 },
    );
  });

  it('starts earlier for a document that takes longer to analyse, never before half the debounce', () => {
    const timers = new FakeTimers();
    const ahead = new AnalysisAhead<string>({ analyze: (t) => ((timers.time += t.length), t), debounceMs: () => DEBOUNCE, timers });
    assert.strictEqual(ahead.lead('a'), 30); // 2 x 10 ms assumed + 10
    ahead.analysisFor('a', 'x'.repeat(20));
    assert.strictEqual(ahead.lead('a'), 50);
    ahead.analysisFor('b', 'x'.repeat(500));
    assert.strictEqual(ahead.lead('b'), DEBOUNCE / 2);
  });
});
