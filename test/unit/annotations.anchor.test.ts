import * as assert from 'assert';
import fc from 'fast-check';
import {
  anchorTarget,
  applyChanges,
  CONTEXT_LENGTH,
  moveSpan,
  moveSpanThrough,
  targetAt,
  type TextChange,
} from '../../src/core/annotations';
import { assertProperty } from './property';
import { readSeed } from './sharedFiles';

/** 1 - Levenshtein distance / length of the longer string. */
function similarity(a: string, b: string): number {
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return 1 - prev[n] / Math.max(a.length, b.length, 1);
}

const span = (text: string, needle: string, occurrence = 0) => {
  let i = -1;
  for (let k = 0; k <= occurrence; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} #${occurrence}`);
  return { start: i, end: i + needle.length };
};

describe('annotations: moving through edits', () => {
  const text = readSeed('000');
  const quote = 'the greatest strategic challenge';
  const s = span(text, quote);

  it('moves with its words when text is inserted or deleted before it', () => {
    const ins: TextChange = { start: 10, end: 10, newText: 'INSERTED ' };
    const moved = moveSpan(s, [ins]);
    const after = applyChanges(text, [ins]);
    assert.ok(moved);
    assert.strictEqual(after.slice(moved.start, moved.end), quote);
    const del: TextChange = { start: 0, end: 50, newText: '' };
    const moved2 = moveSpan(s, [del]);
    assert.ok(moved2);
    assert.strictEqual(applyChanges(text, [del]).slice(moved2.start, moved2.end), quote);
  });

  it('keeps insertions at its boundaries outside and edits inside it inside', () => {
    assert.deepStrictEqual(moveSpanThrough({ start: 5, end: 10 }, { start: 5, end: 5, newText: 'ab' }), { start: 7, end: 12 });
    assert.deepStrictEqual(moveSpanThrough({ start: 5, end: 10 }, { start: 10, end: 10, newText: 'ab' }), { start: 5, end: 10 });
    assert.deepStrictEqual(moveSpanThrough({ start: 5, end: 10 }, { start: 7, end: 8, newText: 'xyz' }), { start: 5, end: 12 });
    // Typing inside the quote: "greatest" -> "greatest and only"
    const at = s.start + 'the greatest'.length;
    const change = { start: at, end: at, newText: ' and only' };
    const moved = moveSpan(s, [change]);
    assert.ok(moved);
    assert.strictEqual(applyChanges(text, [change]).slice(moved.start, moved.end), 'the greatest and only strategic challenge');
  });

  it('trims what an overlapping deletion removed and orphans when all its words are gone', () => {
    assert.deepStrictEqual(moveSpanThrough({ start: 5, end: 10 }, { start: 3, end: 7, newText: 'Q' }), { start: 4, end: 7 });
    assert.deepStrictEqual(moveSpanThrough({ start: 5, end: 10 }, { start: 8, end: 12, newText: 'Q' }), { start: 5, end: 8 });
    assert.strictEqual(moveSpanThrough({ start: 5, end: 10 }, { start: 5, end: 10, newText: '' }), null);
    assert.strictEqual(moveSpanThrough({ start: 5, end: 10 }, { start: 2, end: 12, newText: 'replacement' }), null);
    assert.strictEqual(moveSpan(s, [{ start: s.start - 4, end: s.end + 1, newText: '' }]), null);
  });

  // Character identity model: every original character keeps its index, inserted ones are -1; the
  // annotation's characters are its original ones plus those typed strictly between two of them (at its
  // edges typing stays outside). After any edits it must span exactly its characters, or be null when
  // none survives.
  const editArb = fc.record({ at: fc.nat(), len: fc.nat({ max: 12 }), text: fc.string({ maxLength: 6 }) });
  it('property: after random edit sequences each annotation covers exactly its words or is an orphan', function () {
    assertProperty(
      this,
      fc.property(
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.nat(),
        fc.nat(),
        fc.array(fc.array(editArb, { minLength: 1, maxLength: 3 }), { maxLength: 12 }),
        (text0, p, q, events) => {
          const a = p % text0.length;
          const b = a + 1 + (q % (text0.length - a));
          // member: an original character of the annotation, or one typed strictly between two members.
          let chars = Array.from(text0, (ch, i) => ({ ch, id: i, member: i >= a && i < b }));
          let current: { start: number; end: number } | null = { start: a, end: b };
          for (const event of events) {
            // One change event = several changes applied in order (VS Code's contentChanges).
            const changes: TextChange[] = [];
            for (const e of event) {
              const start = e.at % (chars.length + 1);
              const end = Math.min(chars.length, start + e.len);
              changes.push({ start, end, newText: e.text });
              const kept = [...chars.slice(0, start), ...chars.slice(end)];
              const inside = kept.slice(0, start).some((c) => c.member) && kept.slice(start).some((c) => c.member);
              chars = [...kept.slice(0, start), ...Array.from(e.text, (ch) => ({ ch, id: -1, member: inside })), ...kept.slice(start)];
            }
            current = current && moveSpan(current, changes);
          }
          const members = chars.map((c, i) => ({ ...c, i })).filter((c) => c.member);
          if (members.length === 0) {
            assert.strictEqual(current, null);
          } else {
            assert.deepStrictEqual(current, { start: members[0].i, end: members[members.length - 1].i + 1 });
            // Contiguous: only its own characters and characters typed between them.
            for (let i = current!.start; i < current!.end; i++) assert.ok(chars[i].member);
            // Every original character of it that survives is inside.
            assert.strictEqual(chars.filter((c) => c.id >= a && c.id < b).length, members.filter((c) => c.id >= 0).length);
          }
        },
      ),
      2000,
    );
  });
});

describe('annotations: re-anchoring after outside changes', () => {
  const text = readSeed('000');
  const quote = 'the greatest strategic challenge';
  const target = targetAt(text, '000.txt', span(text, quote));

  it('describes a target with exact, prefix, suffix and position', () => {
    assert.strictEqual(target.exact, quote);
    assert.strictEqual(target.prefix.length, CONTEXT_LENGTH);
    assert.strictEqual(target.suffix.length, CONTEXT_LENGTH);
    assert.strictEqual(text.slice(target.start - CONTEXT_LENGTH, target.end + CONTEXT_LENGTH), target.prefix + quote + target.suffix);
  });

  it('uses the stored position when the quote is still there', () => {
    assert.deepStrictEqual(anchorTarget(text, target), { start: target.start, end: target.end, method: 'position', score: 1 });
  });

  it('finds the quote after text was added before it', () => {
    const changed = 'EDITOR NOTE: updated.\n\n' + text;
    const r = anchorTarget(changed, target);
    assert.ok(r);
    assert.strictEqual(r.method, 'exact');
    assert.strictEqual(changed.slice(r.start, r.end), quote);
  });

  it('finds a slightly reworded quote by fuzzy search', () => {
    const changed = 'Intro paragraph.\n' + text.replace(quote, 'the biggest strategic challenge');
    const r = anchorTarget(changed, target);
    assert.ok(r);
    assert.strictEqual(r.method, 'fuzzy');
    assert.strictEqual(changed.slice(r.start, r.end), 'the biggest strategic challenge');
  });

  it('is an orphan when the quote was deleted, never attached elsewhere', () => {
    // The article uses the phrase twice; deleting the annotated one must not move it to the other.
    assert.ok(text.indexOf(quote, target.end) > 0);
    const changed = text.replace(quote, '');
    assert.strictEqual(anchorTarget(changed, target), null);
    const rewritten = text.replace(quote, 'a serious and growing concern');
    assert.strictEqual(anchorTarget(rewritten, target), null);
  });

  it('tells the two copies of a repeated caption apart by context', () => {
    const needle = 'Antony Blinken, left';
    const second = span(text, needle, 1);
    const t2 = targetAt(text, '000.txt', second);
    const changed = text.replace('Security talks focus', 'Security talks, held on Sunday, focus');
    const r = anchorTarget(changed, t2);
    assert.ok(r);
    assert.strictEqual(r.start, span(changed, needle, 1).start);
    const t1 = targetAt(text, '000.txt', span(text, needle, 0));
    const r1 = anchorTarget(changed, t1);
    assert.ok(r1);
    assert.strictEqual(r1.start, span(changed, needle, 0).start);
  });

  it('does not attach a short, ambiguous quote whose context is gone', () => {
    const t = targetAt(text, '000.txt', span(text, 'Tokyo', 2));
    // The passage around it is rewritten; "Tokyo" still occurs elsewhere.
    const ctx = text.slice(t.start - 40, t.end + 40);
    const changed = text.replace(ctx, 'an entirely different sentence about nothing in particular at all, really.');
    assert.ok(changed.includes('Tokyo'));
    assert.strictEqual(anchorTarget(changed, t), null);
  });

  it('uses a position-only selector when there is no quote', () => {
    const t = { ...target, exact: '', prefix: '', suffix: '' };
    assert.deepStrictEqual(anchorTarget(text, t), { start: target.start, end: target.end, method: 'position', score: 1 });
    assert.strictEqual(anchorTarget(text.slice(0, 10), t), null);
  });

  // Unique words from one alphabet; edits insert only text from another, so the original words can
  // appear only where they were. Each character is tagged with its original index.
  const wordArb = fc.stringMatching(/^[a-z]{3,8}$/);
  const outsideEdit = fc.record({ at: fc.nat(), len: fc.nat({ max: 25 }), text: fc.stringMatching(/^[A-Z0-9 .]{0,15}$/) });

  /** Applies outside edits one after the other, each character keeping its original index (-1: typed). */
  function edited(text: string, edits: readonly { at: number; len: number; text: string }[]) {
    let chars = Array.from(text, (ch, id) => ({ ch, id }));
    for (const e of edits) {
      const s = e.at % (chars.length + 1);
      const t = Math.min(chars.length, s + e.len);
      chars = [...chars.slice(0, s), ...Array.from(e.text, (ch) => ({ ch, id: -1 })), ...chars.slice(t)];
    }
    return { chars, changed: chars.map((c) => c.ch).join('') };
  }

  function scenario() {
    return fc
      .record({
        words: fc.uniqueArray(wordArb, { minLength: 6, maxLength: 60 }),
        p: fc.nat(),
        n: fc.integer({ min: 1, max: 6 }),
        edits: fc.array(outsideEdit, { maxLength: 8 }),
      })
      .map(({ words, p, n, edits }) => {
        const text = words.join(' ');
        const wi = p % words.length;
        const wj = Math.min(words.length, wi + n);
        const start = words.slice(0, wi).join(' ').length + (wi > 0 ? 1 : 0);
        const end = start + words.slice(wi, wj).join(' ').length;
        return { text, start, end, ...edited(text, edits) };
      });
  }

  it('property: re-anchoring never attaches to other words', function () {
    assertProperty(
      this,
      fc.property(scenario(), ({ text, start, end, chars, changed }) => {
        const target = targetAt(text, 'f.txt', { start, end });
        const r = anchorTarget(changed, target);
        if (!r) return;
        const inside = chars.slice(r.start, r.end);
        const own = inside.filter((c) => c.id >= start && c.id < end).length;
        const foreign = inside.filter((c) => c.id >= 0 && (c.id < start || c.id >= end)).length;
        assert.ok(own > 0, `attached to ${JSON.stringify(changed.slice(r.start, r.end))}, none of ${JSON.stringify(target.exact)}`);
        assert.ok(foreign <= own, `attached to ${JSON.stringify(changed.slice(r.start, r.end))} for ${JSON.stringify(target.exact)}`);
      }),
      1500,
    );
  });

  /**
   * Re-anchors the words [start, end) of `text` after `edits` and checks that the annotation was not
   * moved to another copy of its words. Edits can make another copy look exactly like the annotated
   * place (deleting one "the" of "the the"); only there may it attach: the text around must match the
   * stored context as the documented rule says (one side >= 90 % alike, or both >= 75 %, each side
   * compared with as many characters beside the match as it holds), checked independently here.
   */
  function notMovedToAnotherCopy(text: string, start: number, end: number, edits: readonly { at: number; len: number; text: string }[]) {
    const { chars, changed } = edited(text, edits);
    const target = targetAt(text, 'f.txt', { start, end });
    const r = anchorTarget(changed, target);
    if (!r) return { r, lookalike: false };
    const own = chars.slice(r.start, r.end).filter((c) => c.id >= start && c.id < end).length;
    if (own > 0) return { r, lookalike: false };
    const before = similarity(target.prefix, changed.slice(Math.max(0, r.start - target.prefix.length), r.start));
    const after = similarity(target.suffix, changed.slice(r.end, r.end + target.suffix.length));
    assert.ok(
      Math.max(before, after) >= 0.9 || Math.min(before, after) >= 0.75,
      `attached to ${JSON.stringify(changed.slice(r.start - 10, r.end + 10))} (at ${r.start}), none of ${JSON.stringify(target.exact)} at ${start}; context ${before.toFixed(2)}/${after.toFixed(2)}`,
    );
    return { r, lookalike: true };
  }

  it('property: with the same words repeated elsewhere, a deleted or rewritten quote is not moved to another copy', function () {
    // Words drawn from a small vocabulary, so the quote occurs several times; its context makes it
    // unique. Edits only insert text the vocabulary cannot produce.
    const vocab = ['the', 'minister', 'said', 'talks', 'in', 'tokyo', 'on', 'defence', 'of', 'a', 'new', 'command', 'china', 'threat', 'us', 'japan', 'and', 'allies', 'will', 'meet'];
    const arb = fc
      .record({
        idx: fc.array(fc.nat({ max: vocab.length - 1 }), { minLength: 10, maxLength: 120 }),
        p: fc.nat(),
        n: fc.integer({ min: 1, max: 4 }),
        edits: fc.array(outsideEdit, { minLength: 1, maxLength: 8 }),
      })
      .map(({ idx, p, n, edits }) => {
        const words = idx.map((i) => vocab[i]);
        const text = words.join(' ');
        const wi = p % words.length;
        const wj = Math.min(words.length, wi + n);
        const start = words.slice(0, wi).join(' ').length + (wi > 0 ? 1 : 0);
        const end = start + words.slice(wi, wj).join(' ').length;
        return { text, start, end, edits: edits.map((e) => ({ ...e, text: e.text.toUpperCase() })) };
      });
    let copiesElsewhere = 0;
    let lookalikes = 0;
    const runs = assertProperty(
      this,
      fc.property(arb, ({ text, start, end, edits }) => {
        const target = targetAt(text, 'f.txt', { start, end });
        const whole = target.prefix + target.exact + target.suffix;
        fc.pre(text.indexOf(whole) === text.lastIndexOf(whole));
        if (edited(text, edits).changed.includes(target.exact)) copiesElsewhere++;
        if (notMovedToAnotherCopy(text, start, end, edits).lookalike) lookalikes++;
      }),
      1500,
    );
    assert.ok(copiesElsewhere > runs / 5, `the scenario does put copies of the quote elsewhere (${copiesElsewhere})`);
    assert.ok(lookalikes < runs / 10, `lookalike places are the exception (${lookalikes})`);
  });

  // Counterexamples the property above found (fast-check's shrunk cases, seeds -713950534, 713489571,
  // 738967844, 1529138273, 121388571, -1369857201). All had a context cut short by the start of the
  // document, which was compared more leniently than any other context (see scoreCandidate).
  it('regression: a quote deleted near the start of a document is not moved to the next copy of its words', () => {
    const cases: { text: string; quote: [number, number]; edits: { at: number; len: number; text: string }[]; changed: string }[] = [
      {
        // "minister" deleted with " a m": it went to "0inister", what was left of the next one.
        text: 'defence in on defence on minister a minister the minister defence threat the us china said',
        quote: [25, 33],
        edits: [{ at: 24, len: 13, text: '000' }],
        changed: 'defence in on defence on000inister the minister defence threat the us china said',
      },
      {
        // The first "threat" deleted: it went to the second.
        text: 'the china the china china threat the the threat the talks talks china talks in the',
        quote: [26, 32],
        edits: [{ at: 25, len: 13, text: '' }],
        changed: 'the china the china chinahe threat the talks talks china talks in the',
      },
      {
        // The word "a" deleted: it went to the "a" inside "threat".
        text: 'the talks us talks china the a talks in us threat talks the the us talks talks talks said talks defence the talks',
        quote: [29, 30],
        edits: [{ at: 24, len: 18, text: 'A' }],
        changed: 'the talks us talks chinaA threat talks the the us talks talks talks said talks defence the talks',
      },
      {
        text: 'us said on in china on in said the minister',
        quote: [11, 13],
        edits: [
          { at: 7, len: 0, text: '.' },
          { at: 12, len: 12, text: '' },
          { at: 14, len: 1, text: '' },
        ],
        changed: 'us said. on insaid the minister',
      },
      {
        text: 'the said japan and threat command command and the the the the in minister china china of the the minister will',
        quote: [15, 18],
        edits: [
          { at: 12, len: 26, text: '' },
          { at: 19, len: 7, text: 'AA' },
        ],
        changed: 'the said japand andAAe the the in minister china china of the the minister will',
      },
    ];
    for (const { text, quote, edits, changed } of cases) {
      assert.strictEqual(edited(text, edits).changed, changed);
      // Every character of the quote is gone and only one side of its context is left, and that not
      // even 90 % alike: an orphan.
      assert.strictEqual(notMovedToAnotherCopy(text, quote[0], quote[1], edits).r, null, JSON.stringify(changed));
    }
    // Both contexts cut short (a ten-word document of one word): one "the" may stand for another only
    // where the context says so.
    notMovedToAnotherCopy('the the the the the the the the the the', 24, 27, [
      { at: 0, len: 4, text: '.' },
      { at: 20, len: 3, text: '' },
    ]);
  });

  it('property: an annotation whose words and context were untouched is found exactly where they went', function () {
    assertProperty(
      this,
      fc.property(scenario(), ({ text, start, end, chars, changed }) => {
        const target = targetAt(text, 'f.txt', { start, end });
        const lo = target.start - target.prefix.length;
        const hi = target.end + target.suffix.length;
        // Where the original context+quote characters are now, if still contiguous and complete.
        const at = chars.findIndex((c) => c.id === lo);
        const intact = at >= 0 && at + (hi - lo) <= chars.length && chars.slice(at, at + (hi - lo)).every((c, k) => c.id === lo + k);
        fc.pre(intact);
        const r = anchorTarget(changed, target);
        assert.ok(r, 'found');
        assert.deepStrictEqual({ start: r.start, end: r.end }, { start: at + (start - lo), end: at + (end - lo) });
      }),
      1000,
    );
  });
});
