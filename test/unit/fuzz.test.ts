// Fuzz suite over the core (issue 8): arbitrary Unicode, broken line endings, unbalanced quote marks and
// pathological repetition. For every layer: no exception; every offset an integer inside the text with
// start <= end; no span boundary between the two halves of a surrogate pair; the same input gives the
// same output. Runs are bounded so the whole file takes a few seconds on a loaded machine; the
// linear-time evidence is a benchmark (bench/scaling.ts), not a timed test.
import * as assert from 'assert';
import fc from 'fast-check';
import { analyzeDocument } from '../../src/core/article';
import { Corpus } from '../../src/core/corpus';
import { recognizeEntities } from '../../src/core/entities';
import type { Span } from '../../src/core/model';
import { PassageIndex } from '../../src/core/passages/passageIndex';
import { findQuotes } from '../../src/core/quotes';
import { PATHOLOGICAL } from './fuzzInputs';

const RUNS = Number(process.env.NEWS_FUZZ_RUNS ?? 60);

// ---- generators ------------------------------------------------------------------------------------

const WORDS = ['the', 'minister', 'said', 'Tokyo', 'Washington', 'talks', 'Reuters', 'AP', 'Mr', 'Smith', 'Kihara', 'Austin', 'on', 'Tuesday', 'and', 'of', 'a', 'China', 'Ministry', 'Defence', 'according', 'to', 'told', 'By', 'TOKYO', 'U.S.', 'Jan.', '2024'];
const FRAGMENTS = [
  '“', '”', '"', "'", '‘', '’', '«', '»', '„', '‹', '›', '「', '」',
  '.', ',', ';', ':', '?', '!', '—', '–', '-', '(', ')', '[', ']', '…',
  '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\u2028', '\u2029', '\t', '\u00a0',
  '\u200b', '\u200c', '\u200d', '\ufeff', '\u200e', '\u200f', '\u202a', '\u202b', '\u202e', '\u2066', '\u2069',
  '\u0301', '\u0308', 'e\u0301', 'A\u030a', '\u0915\u094d\u0937',
  '😀', '👩‍👩‍👧', '🇯🇵', '𝐀𝐁', '𠀋', '\ud83d', '\ude00', '\udc00\ud800',
  'مرحبا', 'وزير', 'שלום', 'Ελλάδα', 'Москва', '東京', 'İstanbul', 'ß', 'ﬁ',
  '<script>', '&amp;', 'By Jane Doe', '(AP) —', 'TOKYO (Reuters) -', 'Photo: AP',
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS).map((w) => w + ' ') },
  { weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 6 }).map((cps) => String.fromCodePoint(...cps)) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\ud800', '\udfff', '“', '"', '\r', '\n', ' ', 'a', 'Z'), maxLength: 8 }) },
);

/** An article-like text: pieces, sometimes a BOM in front, sometimes one of them repeated. */
const articleText = fc
  .tuple(fc.boolean(), fc.array(piece, { maxLength: 120 }), fc.option(fc.tuple(piece, fc.integer({ min: 2, max: 60 }))))
  .map(([bom, pieces, repeat]) => (bom ? '\ufeff' : '') + pieces.join('') + (repeat ? repeat[0].repeat(repeat[1]) : ''));

/** Sentences of a made-up wire story (few repeated words), for documents that share text the way republished copies do. */
const SENTENCES = [
  'The harbour authority said on Tuesday that the new sea wall would be finished before winter.',
  'Engineers worked through the weekend to raise the last section, which cost 42 million pounds.',
  '“We were lucky the final panels arrived when they did,” said Maria Lopez, its chief engineer.',
  'Residents of low-lying streets near the market had been told to prepare sandbags.',
  'Most homes stayed dry, although two shops on Quay Road reported minor flooding.',
  'Opposition councillors asked why the project ran three years late and far over budget.',
  'A spokesman for the ministry declined to comment on the delays.',
  'Forecasters expect another storm to reach the coast by Friday evening.',
  'TOKYO (AP) — Officials from both countries met for talks in the capital.',
  'By Jane Doe',
];

const storyDoc = fc
  .tuple(fc.subarray(SENTENCES, { minLength: 3 }), fc.array(fc.tuple(fc.nat(12), piece), { maxLength: 3 }), fc.constantFrom('\n\n', '\r\n\r\n', '\n', '\r'))
  .map(([sentences, edits, sep]) => {
    const parts = [...sentences];
    for (const [at, fragment] of edits) parts.splice(at % (parts.length + 1), 0, fragment);
    return parts.join(sep);
  });

/** Dense with astral letters (𝐀 is an upper-case letter outside the BMP), emoji, lone halves and quote marks. */
const astralText = fc
  .array(fc.constantFrom('𝐀', '𝐁𝐜𝐝', '𝒮mith', '😀', '👩‍👩‍👧', 'Tokyo', 'Smith ', 'Mr ', '“', '”', '"', ' said ', '.', ' ', '\n', '\ud800', '\udc00', 'Ü', 'e\u0301', '\u200d', '𠀋𠀌'), { maxLength: 80 })
  .map((pieces) => pieces.join(''));

/** Several documents that share text with each other: a common wire body with per-copy edits. */
const relatedDocs = fc
  .tuple(fc.array(piece, { minLength: 20, maxLength: 80 }), fc.array(fc.tuple(articleText, articleText, fc.nat(80), fc.nat(80)), { minLength: 2, maxLength: 4 }))
  .map(([wire, copies]) =>
    copies.map(([before, after, cutA, cutB]) => {
      const words = wire.slice(Math.min(cutA % 10, wire.length), wire.length - (cutB % 10));
      return before + '\n\n' + words.join('') + '\n\n' + after;
    }),
  );

// ---- invariants ------------------------------------------------------------------------------------

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function checkOffset(text: string, at: unknown, what: string): void {
  assert.ok(typeof at === 'number' && Number.isInteger(at), `${what}: ${String(at)} is an integer`);
  assert.ok((at as number) >= 0 && (at as number) <= text.length, `${what}: ${at} is inside the text (length ${text.length})`);
  const n = at as number;
  if (n > 0 && n < text.length) {
    assert.ok(!(isHigh(text.charCodeAt(n - 1)) && isLow(text.charCodeAt(n))), `${what}: ${n} splits a surrogate pair`);
  }
}

function checkSpan(text: string, span: Span, what: string): void {
  checkOffset(text, span.start, `${what}.start`);
  checkOffset(text, span.end, `${what}.end`);
  assert.ok(span.start <= span.end, `${what}: start ${span.start} <= end ${span.end}`);
}

function checkParagraphs(text: string, paragraphs: readonly Span[]): void {
  let previous = 0;
  paragraphs.forEach((p, i) => {
    checkSpan(text, p, `paragraph ${i}`);
    assert.ok(p.start >= previous, `paragraph ${i} starts after the previous one ends`);
    previous = p.end;
  });
}

function structureOf(text: string) {
  const structure = analyzeDocument(text);
  checkParagraphs(text, structure.paragraphs);
  assert.ok(structure.headline >= -1 && structure.headline < structure.paragraphs.length, `headline index ${structure.headline}`);
  return structure;
}

function entitiesOf(text: string) {
  const structure = analyzeDocument(text);
  const mentions = recognizeEntities(text, structure.paragraphs);
  mentions.forEach((m, i) => {
    checkSpan(text, m, `mention ${i}`);
    assert.strictEqual(m.surface, text.slice(m.start, m.end), `mention ${i} surface is its text`);
    assert.ok(m.end > m.start, `mention ${i} is not empty`);
  });
  return mentions;
}

function quotesOf(text: string) {
  const structure = analyzeDocument(text);
  const mentions = recognizeEntities(text, structure.paragraphs).sort((a, b) => a.start - b.start || b.end - a.end);
  const quotes = findQuotes(text, structure.paragraphs, mentions);
  const withoutParagraphs = findQuotes(text);
  for (const [label, list] of [['quote', quotes], ['line-quote', withoutParagraphs]] as const) {
    list.forEach((q, i) => {
      const what = `${label} ${i}`;
      checkSpan(text, q, what);
      checkOffset(text, q.open, `${what}.open`);
      // An unclosed quote (or one left open at a paragraph end) has no closing mark: close is -1.
      if (q.close !== -1) checkOffset(text, q.close, `${what}.close`);
      else assert.ok(q.unclosed || q.end >= q.open, `${what}: close -1 only when the quote has no closing mark`);
      if (q.speaker) {
        if (q.speaker.start >= 0) checkSpan(text, q.speaker, `${what}.speaker`);
        if (q.speaker.cue) checkSpan(text, q.speaker.cue, `${what}.speaker.cue`);
        if (q.speaker.antecedent) checkSpan(text, q.speaker.antecedent, `${what}.speaker.antecedent`);
        assert.ok(q.speaker.mention < mentions.length, `${what}.speaker.mention indexes a mention`);
      }
      if (q.continues >= 0) assert.ok(q.continues < list.length, `${what}.continues indexes a quote`);
    });
  }
  return quotes;
}

function passagesOf(texts: readonly string[]) {
  const index = new PassageIndex();
  const paths = texts.map((_, i) => `outlet${i}/story.txt`);
  const textOf = new Map(paths.map((p, i) => [p, texts[i]]));
  texts.forEach((text, i) => index.upsert(paths[i], text, analyzeDocument(text).paragraphs));
  const check = () => {
    const result: unknown[] = [];
    for (const path of index.paths().sort()) {
      const text = textOf.get(path)!;
      const shared = index.sharedFor(path);
      shared.forEach((s, i) => {
        checkSpan(text, s, `${path} shared ${i}`);
        for (const m of s.matches) {
          const other = textOf.get(m.path);
          assert.ok(other !== undefined && index.has(m.path), `${path} shared ${i} matches an indexed document (${m.path})`);
          checkSpan(other, m, `${path} shared ${i} match in ${m.path}`);
          assert.ok(m.similarity >= 0 && m.similarity <= 1, `similarity ${m.similarity} in [0, 1]`);
        }
      });
      result.push([path, shared]);
    }
    return result;
  };
  const before = check();
  // Remove one, re-add it with an edit, remove another: no reference to a removed document survives.
  index.remove(paths[0]);
  const afterRemove = check();
  const edited = texts[0] + '\nAn added line.';
  textOf.set(paths[0], edited);
  index.upsert(paths[0], edited, analyzeDocument(edited).paragraphs);
  index.remove(paths[paths.length - 1]);
  textOf.delete(paths[paths.length - 1]);
  const afterEdit = check();
  return { before, afterRemove, afterEdit };
}

function reportOf(texts: readonly string[]) {
  const corpus = new Corpus();
  texts.forEach((text, i) => corpus.upsert(`f${i % 3}/a${i}.txt`, text));
  const report = corpus.report();
  for (const d of report.documents) {
    const text = corpus.get(d.path)!.text;
    checkParagraphs(text, d.paragraphs);
    d.quotes.forEach((q, i) => checkSpan(text, q, `${d.path} quote ${i}`));
    d.entities.forEach((e, i) => {
      checkSpan(text, e, `${d.path} entity ${i}`);
      assert.ok(report.entities.some((x) => x.id === e.id), `${d.path} entity ${i} has an entity entry (${e.id})`);
    });
    d.shared.forEach((s, i) => {
      checkSpan(text, s, `${d.path} shared ${i}`);
      for (const m of s.matches) checkSpan(corpus.get(m.path)!.text, m, `${d.path} shared ${i} match`);
    });
  }
  return JSON.stringify(report);
}

/** Runs `f` twice (fresh state each time) and checks both runs agree. */
function deterministic<T>(f: () => T): T {
  const first = f();
  const second = f();
  assert.deepStrictEqual(second, first, 'the same input gives the same output');
  return first;
}

// ---- properties ------------------------------------------------------------------------------------

describe('fuzz: the core on arbitrary and hostile text', function () {
  this.timeout(60_000);
  // New cases on every local run (that is how they find bugs); in CI one fixed seed, so a red run
  // means the code changed, not the draw. fast-check prints the seed and path of any failure, and
  // NEWS_FUZZ_SEED replays it. Inputs that once failed are kept as examples, tried first every run.
  const seed = process.env.NEWS_FUZZ_SEED ? Number(process.env.NEWS_FUZZ_SEED) : process.env.CI ? 20261122 : undefined;
  const params = { numRuns: RUNS, seed };
  // A quote mark closing the text after "according": the cue lookup read past the last token.
  const closingQuote = '\n\n\u201cthe \u201cthe the \u201cthe \u201c\u201cthe \u201cthe \n\n"\ud800\u201caccording ';

  it('analyzeDocument: paragraphs ordered, inside the text, no split surrogate pair, deterministic', () => {
    fc.assert(fc.property(articleText, (text) => void deterministic(() => structureOf(text))), params);
  });

  it('recognizeEntities: mentions inside the text, surface = slice, deterministic', () => {
    fc.assert(fc.property(articleText, (text) => void deterministic(() => entitiesOf(text))), params);
  });

  it('findQuotes: quotes, marks and speakers inside the text, deterministic (with and without paragraphs)', () => {
    fc.assert(fc.property(articleText, (text) => void deterministic(() => quotesOf(text))), { ...params, examples: [[closingQuote]] });
  });

  it('astral letters, emoji and lone surrogates next to names and quote marks: no layer splits a pair', () => {
    fc.assert(
      fc.property(astralText, (text) => {
        structureOf(text);
        entitiesOf(text);
        quotesOf(text);
        passagesOf([text + ' one two three four five six seven eight nine ten', 'x ' + text + ' one two three four five six seven eight nine ten']);
      }),
      params,
    );
  });

  it('PassageIndex: upsert / sharedFor / remove on related documents keeps every match valid and deterministic', () => {
    fc.assert(fc.property(relatedDocs, (texts) => void deterministic(() => passagesOf(texts))), { ...params, numRuns: Math.max(10, Math.floor(RUNS / 2)) });
  });

  it('Corpus.report over several generated documents: every span valid, every entity listed, deterministic', () => {
    fc.assert(
      fc.property(relatedDocs, articleText, (texts, extra) => void deterministic(() => reportOf([...texts, extra]))),
      { ...params, numRuns: Math.max(10, Math.floor(RUNS / 3)), examples: [[[closingQuote], closingQuote]] },
    );
  });

  // Over republished-story text. (Over degenerate repetition, "the the the …", the shared passages
  // still depend on the order documents were added and read: reported in issue 8, not asserted here.)
  it('Corpus: after any sequence of upsert / remove / rename, each document\'s layers equal those of a corpus built from scratch', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('upsert' as const), slot: fc.nat(4), doc: fc.nat(5), edit: fc.option(piece, { nil: undefined }) }),
      fc.record({ kind: fc.constant('remove' as const), slot: fc.nat(4) }),
      fc.record({ kind: fc.constant('rename' as const), slot: fc.nat(4), to: fc.nat(4) }),
    );
    fc.assert(
      fc.property(fc.array(storyDoc, { minLength: 2, maxLength: 4 }), fc.array(op, { minLength: 1, maxLength: 12 }), (texts, ops) => {
        const pool = [...texts, texts[0] + '\n\n' + texts[1]];
        const incremental = new Corpus();
        const state = new Map<string, string>();
        const path = (slot: number) => `s${slot}/doc.txt`;
        for (const o of ops) {
          if (o.kind === 'upsert') {
            const text = pool[o.doc % pool.length] + (o.edit ?? '');
            incremental.upsert(path(o.slot), text);
            state.set(path(o.slot), text);
          } else if (o.kind === 'remove') {
            incremental.remove(path(o.slot));
            state.delete(path(o.slot));
          } else if (state.has(path(o.slot)) && !state.has(path(o.to))) {
            incremental.rename(path(o.slot), path(o.to));
            state.set(path(o.to), state.get(path(o.slot))!);
            state.delete(path(o.slot));
          }
          // Reading the report between operations fills the caches an edit must invalidate.
          if (state.size > 0) incremental.documentReport([...state.keys()][0]);
        }
        const fresh = new Corpus();
        for (const [p, text] of [...state].sort(([a], [b]) => a.localeCompare(b))) fresh.upsert(p, text);
        assert.deepStrictEqual(incremental.paths(), fresh.paths());
        const layers = (c: Corpus, p: string) => {
          const d = c.documentReport(p)!;
          return {
            paragraphs: d.paragraphs,
            quotes: d.quotes.map((q) => [q.start, q.end, q.kind]),
            entities: d.entities.map((e) => [e.start, e.end, e.type]),
            shared: d.shared.map((x) => ({ start: x.start, end: x.end, matches: x.matches.map((m) => [m.path, m.start, m.end]).sort() })),
          };
        };
        for (const p of fresh.paths()) assert.deepStrictEqual(layers(incremental, p), layers(fresh, p), `${p} after ${JSON.stringify(ops)}`);
      }),
      { ...params, numRuns: Math.max(10, Math.floor(RUNS / 3)) },
    );
  });

  describe('pathological inputs (each layer once; timing is in bench/scaling.ts)', () => {
    for (const input of PATHOLOGICAL) {
      it(`${input.name} (${input.text(1).length} characters)`, () => {
        const text = input.text(1);
        const structure = structureOf(text);
        const mentions = recognizeEntities(text, structure.paragraphs);
        mentions.forEach((m, i) => checkSpan(text, m, `mention ${i}`));
        const quotes = findQuotes(text, structure.paragraphs, mentions.sort((a, b) => a.start - b.start || b.end - a.end));
        quotes.forEach((q, i) => checkSpan(text, q, `quote ${i}`));
        // Two copies of the same pathological text: every repeated window is a candidate anchor.
        const index = new PassageIndex();
        index.upsert('a', text, structure.paragraphs);
        index.upsert('b', text, structure.paragraphs);
        for (const path of ['a', 'b']) {
          for (const s of index.sharedFor(path)) {
            checkSpan(text, s, `${path} shared`);
            for (const m of s.matches) checkSpan(text, m, `${path} shared match`);
          }
        }
        index.remove('a');
        assert.ok(index.sharedFor('b').every((s) => s.matches.every((m) => m.path !== 'a')), 'no match points at a removed document');
      });
    }
  });
});
