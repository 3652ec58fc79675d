// Pure helpers of the editor experience (layers, lenses, hovers, comparison text, coverage, exports,
// positions, manifest edits), checked against small in-memory reports: no VS Code needed.
import * as assert from 'assert';
import type { ReportDocument, ReportEntity, ScanReport } from '../../src/core/model';
import { SCAN_SCHEMA } from '../../src/core/model';
import { decodePassageQuery, encodePassageQuery, sentencesPerLine } from '../../src/extension/compare/passageText';
import { entityHoverMarkdown, escapeMarkdown, otherCopies, quoteHoverMarkdown, sharedHoverMarkdown, type HoverContext } from '../../src/extension/hovers/hoverContent';
import { planLayers, sharedStrength, speakerLabelOffset, visibleShared, wordCount } from '../../src/extension/layers/layerPlan';
import { excerpt, outletLabel, outletsOf, percent } from '../../src/extension/layers/outletNames';
import { adjacentPassage, comparisonFor, groupSharedByParagraph, lensTitle, paragraphComparison } from '../../src/extension/lenses/sharedParagraphs';
import { LineIndex } from '../../src/extension/navigation/textPositions';
import { coverageModel, mergeSpans, overlapLength } from '../../src/extension/views/coverageModel';
import { isCoverageFromWebview } from '../../src/extension/views/coverageProtocol';
import { annotatedHtml, csvField, escapeHtml, reportCsv, reportHtml } from '../../src/extension/views/exportFormats';
import { withOutlet } from '../../src/extension/views/outletManifestText';

// A made-up article: a headline, a dateline and two body paragraphs, one quote and three entities.
const HEADLINE = 'Harbour council approves flood barrier';
const DATELINE = 'PORT ELLIS (Wire) —';
const LEAD = 'The harbour council voted on Tuesday to build a flood barrier across the river mouth.';
const QUOTE_PARA = '“We cannot wait for the next storm,” Mayor Dana Whitfield said after the vote.';
const TEXT = [HEADLINE, DATELINE, LEAD, QUOTE_PARA].join('\n\n');
const at = (needle: string) => {
  const start = TEXT.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
};

const ENTITIES: ReportEntity[] = [
  { id: 'person:dana-whitfield', type: 'PERSON', name: 'Dana Whitfield', aliases: ['Whitfield', 'Mayor Whitfield'], roles: ['Mayor of Port Ellis'], mentionsByOutlet: { Wire: 2, 'Valley Times': 1 }, quotes: [{ path: 'a/wire.txt', ...at('We cannot wait for the next storm,') }] },
  { id: 'org:harbour-council', type: 'ORG', name: 'Harbour Council', aliases: [], roles: [] },
  { id: 'place:port-ellis', type: 'PLACE', name: 'Port Ellis', aliases: [], roles: [] },
];
const BY_ID = new Map(ENTITIES.map((e) => [e.id, e]));

function wireReport(): ReportDocument {
  return {
    path: 'a/wire.txt',
    outlet: 'Wire',
    paragraphs: [
      { ...at(HEADLINE), kind: 'headline' },
      { ...at(DATELINE), kind: 'dateline' },
      { ...at(LEAD), kind: 'body' },
      { ...at(QUOTE_PARA), kind: 'body' },
    ],
    quotes: [
      {
        ...at('We cannot wait for the next storm,'),
        kind: 'speech',
        speaker: 'person:dana-whitfield',
        speakerName: 'Whitfield',
        copies: [
          { path: 'b/valley.txt', start: 10, end: 44, differences: [{ kind: 'changed', text: 'next', replacement: 'coming' }] },
          { path: 'c/herald.txt', start: 5, end: 39, differences: [] },
        ],
      },
    ],
    entities: [
      { ...at('PORT ELLIS'), type: 'PLACE', id: 'place:port-ellis' },
      { ...at('harbour council'), type: 'ORG', id: 'org:harbour-council' },
      { ...at('Dana Whitfield'), type: 'PERSON', id: 'person:dana-whitfield' },
    ],
    shared: [
      {
        ...at(LEAD),
        matches: [
          { path: 'b/valley.txt', start: 0, end: 80, similarity: 0.96 },
          { path: 'c/herald.txt', start: 0, end: 80, similarity: 0.9 },
          { path: 'd/other-herald-copy.txt', start: 0, end: 80, similarity: 0.4 },
          { path: 'a/wire.txt', start: 0, end: 10, similarity: 1 },
        ],
        origin: { path: 'a/wire.txt', why: 'wire credit' },
      },
      { ...at('We cannot wait for the next storm'), matches: [{ path: 'b/valley.txt', start: 90, end: 124, similarity: 0.8 }] },
    ],
  };
}

const OUTLETS: Record<string, string | null> = { 'a/wire.txt': 'Wire', 'b/valley.txt': 'Valley Times', 'c/herald.txt': 'Herald', 'd/other-herald-copy.txt': 'Herald' };
const lookup = (path: string) => (path in OUTLETS ? { outlet: OUTLETS[path] } : undefined);

const ctx: HoverContext = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)])),
  outletOf: (path) => outletLabel(path, OUTLETS[path]),
  textOf: (target) => (target.path === 'a/wire.txt' ? TEXT.slice(target.start, target.end) : undefined),
};

describe('editor helpers: names and numbers', () => {
  it('names an article by its outlet, else by its file name without extension', () => {
    assert.strictEqual(outletLabel('x/AP-copy.txt', 'AP'), 'AP');
    assert.strictEqual(outletLabel('x/000_ef27.txt', null), '000_ef27');
    assert.strictEqual(outletLabel('notes', '  '), 'notes');
  });
  it('counts distinct outlets of a passage, keeping the best similarity of each', () => {
    const outlets = outletsOf(wireReport().shared[0], lookup);
    assert.deepStrictEqual(outlets.map((o) => o.outlet), ['Valley Times', 'Herald', 'Wire']);
    assert.strictEqual(outlets.find((o) => o.outlet === 'Herald')!.similarity, 0.9);
  });
  it('formats percentages and excerpts', () => {
    assert.strictEqual(percent(0.456), '46%');
    assert.strictEqual(percent(1.2), '100%');
    assert.strictEqual(excerpt('one two three four five six', 14), 'one two three…');
    assert.strictEqual(excerpt('  short\n text ', 40), 'short text');
  });
});

describe('editor helpers: layer plan', () => {
  it('draws quotes with the speaker after the closing mark, entities by type, shared passages by strength', () => {
    const plan = planLayers(wireReport(), TEXT, BY_ID, lookup);
    assert.strictEqual(plan.quotes.speech.length, 1);
    assert.deepStrictEqual(plan.speakerLabels.map((l) => l.label), ['— Whitfield']);
    assert.strictEqual(TEXT[plan.speakerLabels[0].offset - 1], '”', 'the label sits after the closing mark');
    assert.strictEqual(plan.entities.PERSON.length, 1);
    assert.strictEqual(plan.entities.ORG.length, 1);
    assert.strictEqual(plan.entities.PLACE.length, 1);
    // The lead is carried by Valley Times and Herald (twice): two outlets; its self-match does not count.
    assert.strictEqual(plan.shared[2].length, 1);
    assert.strictEqual(plan.shared[1].length, 1);
    assert.strictEqual(plan.shared[3].length, 0);
  });
  it('falls back to the speaker entity name and skips labels for terms', () => {
    const report = wireReport();
    report.quotes[0].speakerName = null;
    report.quotes.push({ ...at('flood barrier'), kind: 'term', speaker: null });
    const plan = planLayers(report, TEXT, BY_ID, lookup);
    assert.deepStrictEqual(plan.speakerLabels.map((l) => l.label), ['— Dana Whitfield']);
    assert.strictEqual(plan.quotes.term.length, 1);
  });
  it('ignores spans outside the text', () => {
    const report = wireReport();
    report.entities.push({ start: TEXT.length - 2, end: TEXT.length + 5, type: 'PERSON', id: 'x' });
    assert.strictEqual(planLayers(report, TEXT, BY_ID, lookup).entities.PERSON.length, 1);
  });
  it('filters shared passages by similarity and length, and drops copies in the same file', () => {
    const report = wireReport();
    assert.strictEqual(visibleShared(report, TEXT)[0].matches.length, 3, 'self-match dropped');
    assert.strictEqual(visibleShared(report, TEXT, { minimumWords: 0, minimumSimilarity: 0.85 })[0].matches.length, 2);
    assert.strictEqual(visibleShared(report, TEXT, { minimumWords: 10, minimumSimilarity: 0 }).length, 1, 'the 7-word quote passage is too short');
    assert.strictEqual(wordCount('state-of-the-art Japan’s talks, 50,000 troops'), 6);
    assert.strictEqual(sharedStrength(7), 3);
    assert.strictEqual(speakerLabelOffset('“Hi” he said', { start: 1, end: 3 }), 4);
    assert.strictEqual(speakerLabelOffset('Hi there', { start: 0, end: 2 }), 2);
  });
});

describe('editor helpers: shared paragraphs, lenses, navigation', () => {
  it('groups passages by paragraph, outlets most similar first, origin and comparison', () => {
    const groups = groupSharedByParagraph(wireReport(), TEXT, lookup);
    assert.strictEqual(groups.length, 2);
    assert.deepStrictEqual(groups[0].paragraph, { ...at(LEAD), kind: 'body' });
    assert.deepStrictEqual(groups[0].outlets.map((o) => o.outlet), ['Valley Times', 'Herald']);
    assert.deepStrictEqual(groups[0].origin, { path: 'a/wire.txt', why: 'wire credit' });
    // The origin is this article itself, so the comparison goes to the closest copy.
    assert.strictEqual(groups[0].comparison.right.path, 'b/valley.txt');
    assert.strictEqual(lensTitle(groups[0].outlets), 'Shared with 2 outlets: Valley Times · Herald');
    assert.strictEqual(lensTitle(groups[1].outlets), 'Shared with 1 outlet: Valley Times');
  });
  it('compares with the origin copy when another article is the origin', () => {
    const passage = { start: 0, end: 10, matches: [{ path: 'x', start: 1, end: 2, similarity: 0.99 }, { path: 'y', start: 3, end: 4, similarity: 0.7 }], origin: { path: 'y', why: 'manifest date' } };
    assert.deepStrictEqual(comparisonFor('me', passage), { left: { path: 'me', start: 0, end: 10 }, right: { path: 'y', start: 3, end: 4 }, similarity: 0.7 });
  });
  it('compares a paragraph cut into several passages as one span in one copy', () => {
    const passages = [
      { start: 100, end: 150, matches: [{ path: 'x', start: 10, end: 60, similarity: 1 }, { path: 'y', start: 500, end: 550, similarity: 0.9 }] },
      { start: 160, end: 260, matches: [{ path: 'x', start: 70, end: 170, similarity: 0.8 }, { path: 'me', start: 0, end: 100, similarity: 1 }] },
    ];
    const request = paragraphComparison('me', passages)!;
    assert.deepStrictEqual(request.left, { path: 'me', start: 100, end: 260 });
    assert.deepStrictEqual(request.right, { path: 'x', start: 10, end: 170 });
    assert.ok(Math.abs(request.similarity - (1 * 50 + 0.8 * 100) / 150) < 1e-9);
    assert.strictEqual(paragraphComparison('me', passages, 'y')!.right.path, 'y', 'the origin copy wins');
    assert.strictEqual(paragraphComparison('me', [{ start: 0, end: 5, matches: [{ path: 'me', start: 9, end: 14, similarity: 1 }] }]), undefined);
  });

  it('moves to the next and previous passage, wrapping around', () => {
    const passages = [{ start: 10, end: 20 }, { start: 40, end: 50 }, { start: 70, end: 80 }];
    assert.strictEqual(adjacentPassage(passages, 0, 1)!.start, 10);
    assert.strictEqual(adjacentPassage(passages, 10, 1)!.start, 40);
    assert.strictEqual(adjacentPassage(passages, 75, 1)!.start, 10);
    assert.strictEqual(adjacentPassage(passages, 45, -1)!.start, 10, 'from inside a passage, previous is the one before it');
    assert.strictEqual(adjacentPassage(passages, 60, -1)!.start, 40);
    assert.strictEqual(adjacentPassage(passages, 5, -1)!.start, 70);
    assert.strictEqual(adjacentPassage([], 5, 1), undefined);
  });
});

describe('editor helpers: hovers', () => {
  it('escapes article text so Markdown shows it literally', () => {
    assert.strictEqual(escapeMarkdown('[x](command:evil) *b* <img>'), '\\[x\\]\\(command:evil\\) \\*b\\* \\<img\\>');
  });
  it('entity card: name, type, aliases, roles, mentions per outlet, quotes and mention links', () => {
    const md = entityHoverMarkdown(ENTITIES[0], [{ path: 'a/wire.txt', mentions: [at('Dana Whitfield')] }, { path: 'b/valley.txt', mentions: [{ start: 3, end: 9 }] }], ctx);
    assert.match(md, /^\*\*Dana Whitfield\*\* · person/);
    assert.match(md, /Also called: Whitfield, Mayor Whitfield/);
    assert.match(md, /Roles: Mayor of Port Ellis/);
    assert.match(md, /\| Wire \| 1 \|/);
    assert.match(md, /\| Valley Times \| 1 \|/);
    assert.match(md, /We cannot wait for the next storm/);
    assert.match(md, /\[Show all 2 mentions\]\(command:newsAnnotator\.showEntityMentions\?/);
    assert.match(md, /\[Valley Times \\\(1\\\)\]\(command:newsAnnotator\.openPassage\?/);
    const link = md.match(/showEntityMentions\?([^)]+)\)/)![1];
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(link)), [{ id: 'person:dana-whitfield' }]);
  });
  it('quote hover: speaker and other outlets with differences marked', () => {
    const quote = wireReport().quotes[0];
    const md = quoteHoverMarkdown(quote, { name: 'Whitfield', entityName: 'Dana Whitfield' }, ctx);
    assert.match(md, /\*\*Quote\*\* — Dana Whitfield \(named here as “Whitfield”\)/);
    assert.match(md, /Printed by 2 other outlets:/);
    assert.match(md, /Valley Times\]\(command:newsAnnotator\.openPassage\?[^)]+\): ~~next~~ → \*\*coming\*\*/);
    assert.match(md, /Herald\]\([^)]+\): identical/);
    const alone = quoteHoverMarkdown({ ...quote, copies: [] }, { name: null }, ctx);
    assert.match(alone, /speaker not identified/);
    assert.match(alone, /No other outlet in the corpus prints this quote\./);
  });
  it('lists a quote’s copies once per other article, leaving out copies in the same article', () => {
    const copies = [
      { path: 'a/wire.txt', start: 1, end: 5, differences: [] },
      { path: 'b/valley.txt', start: 10, end: 44, differences: [{ kind: 'removed' as const, text: 'x' }] },
      { path: 'b/valley.txt', start: 900, end: 934, differences: [] },
    ];
    assert.deepStrictEqual(otherCopies('a/wire.txt', copies), [{ path: 'b/valley.txt', start: 900, end: 934, differences: [] }]);
    const md = quoteHoverMarkdown({ ...wireReport().quotes[0], copies }, { name: 'Whitfield' }, ctx, 'a/wire.txt');
    assert.match(md, /Printed by 1 other outlet:/);
  });

  it('shared passage hover: outlets, similarity, origin and comparison links', () => {
    const report = wireReport();
    const passage = visibleShared(report, TEXT)[0];
    const md = sharedHoverMarkdown(report.path, passage, passage.matches.map((m) => comparisonFor(report.path, passage, m)), ctx);
    assert.match(md, /\*\*Shared passage\*\* — 2 other outlets/);
    assert.match(md, /\| 96% \| \[Compare\]\(command:newsAnnotator\.comparePassage\?/);
    assert.match(md, /Likely origin: \*\*this article\*\* \(wire credit\)/);
  });
});

describe('editor helpers: comparison text', () => {
  it('puts one sentence per line', () => {
    assert.strictEqual(sentencesPerLine('First one. Second “quoted.” Third? 4 more!\r\nNext para.'), 'First one.\nSecond “quoted.”\nThird?\n4 more!\nNext para.');
    assert.strictEqual(sentencesPerLine('U.S. forces in the U.S. went.'), 'U.S. forces in the U.S. went.');
  });
  it('round-trips the passage query and rejects junk', () => {
    assert.deepStrictEqual(decodePassageQuery(encodePassageQuery({ path: 'a b/c.txt', start: 1, end: 5 })), { path: 'a b/c.txt', start: 1, end: 5 });
    assert.strictEqual(decodePassageQuery('nope'), undefined);
    assert.strictEqual(decodePassageQuery('{"path":1}'), undefined);
  });
});

describe('editor helpers: coverage', () => {
  it('merges and intersects spans', () => {
    assert.deepStrictEqual(mergeSpans([{ start: 5, end: 9 }, { start: 0, end: 3 }, { start: 2, end: 6 }]), [{ start: 0, end: 9 }]);
    assert.strictEqual(overlapLength([{ start: 0, end: 10 }, { start: 20, end: 30 }], [{ start: 5, end: 25 }]), 10);
  });
  it('computes shares between articles and each article’s original text, without boilerplate', () => {
    const a: ReportDocument = { path: 'a', outlet: 'A', paragraphs: [{ start: 0, end: 100, kind: 'body' }, { start: 100, end: 200, kind: 'boilerplate' }], quotes: [], entities: [], shared: [{ start: 0, end: 50, matches: [{ path: 'b', start: 0, end: 50, similarity: 1 }] }, { start: 40, end: 60, matches: [{ path: 'c', start: 0, end: 20, similarity: 1 }] }] };
    const b: ReportDocument = { path: 'b', outlet: null, paragraphs: [{ start: 0, end: 50, kind: 'body' }], quotes: [], entities: [], shared: [{ start: 0, end: 50, matches: [{ path: 'a', start: 0, end: 50, similarity: 1 }] }] };
    const c: ReportDocument = { path: 'c', outlet: 'C', paragraphs: [], quotes: [], entities: [], shared: [] };
    const model = coverageModel([a, b, c], () => 40);
    assert.deepStrictEqual(model.articles.map((x) => x.outlet), ['A', 'b', 'C']);
    assert.strictEqual(model.shares[0][1], 0.5);
    assert.strictEqual(model.shares[0][2], 0.2);
    assert.strictEqual(model.shares[1][0], 1);
    assert.strictEqual(model.shares[0][0], 0);
    assert.strictEqual(model.articles[0].original, 0.4);
    assert.strictEqual(model.articles[1].original, 0);
    assert.strictEqual(model.articles[2].original, 1);
  });
  it('validates webview messages', () => {
    assert.ok(isCoverageFromWebview({ type: 'ready' }));
    assert.ok(isCoverageFromWebview({ type: 'compareArticles', from: 'a', to: 'b' }));
    assert.ok(!isCoverageFromWebview({ type: 'compareArticles', from: 'a' }));
    assert.ok(!isCoverageFromWebview({ type: 'runAction', command: 'workbench.action.terminal.new' }));
    assert.ok(!isCoverageFromWebview('ready'));
  });
});

describe('editor helpers: exports', () => {
  const report: ScanReport = { schema: SCAN_SCHEMA, documents: [wireReport()], entities: ENTITIES };
  it('CSV: quoted fields, formula-safe, one row per annotation', () => {
    assert.strictEqual(csvField('a,"b"'), '"a,""b"""');
    assert.strictEqual(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.strictEqual(csvField(null), '');
    const csv = reportCsv(report, () => TEXT);
    const lines = csv.trim().split('\r\n');
    assert.strictEqual(lines[0], 'path,outlet,layer,start,end,kind,id,name,text,matches');
    assert.strictEqual(lines.length, 1 + 4 + 1 + 3 + 2);
    assert.ok(lines.some((l) => l.startsWith('a/wire.txt,Wire,quote,') && l.includes('Whitfield')));
  });
  it('HTML: article text is escaped and annotations nest properly', () => {
    const hostile = '<script>alert(1)</script> & “Quote” Name';
    const d: ReportDocument = { path: 'x<y>.txt', outlet: '<b>Evil</b>', paragraphs: [], quotes: [{ start: 28, end: 35, kind: 'speech', speaker: null }], entities: [{ start: 30, end: 41, type: 'PERSON', id: 'p' }], shared: [{ start: 0, end: 33, matches: [{ path: 'q', start: 0, end: 1, similarity: 1 }] }] };
    const body = annotatedHtml(d, hostile, new Map([['p', 'P"erson']]));
    assert.ok(!body.includes('<script>'));
    assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.strictEqual((body.match(/<(span|mark)\b/g) ?? []).length, (body.match(/<\/(span|mark)>/g) ?? []).length, 'balanced tags');
    const page = reportHtml({ schema: SCAN_SCHEMA, documents: [d], entities: [] }, () => hostile, 'Report <1>');
    assert.ok(!page.includes('<b>Evil</b>') && page.includes('&lt;b&gt;Evil&lt;/b&gt;'));
    assert.ok(page.includes("default-src 'none'"));
    assert.strictEqual(escapeHtml(`'"`), '&#39;&quot;');
  });
});

describe('editor helpers: positions and manifest', () => {
  it('maps offsets to lines and characters for LF, CRLF and CR', () => {
    const index = new LineIndex('ab\ncd\r\nef\rgh');
    assert.deepStrictEqual(index.position(0), { line: 0, character: 0 });
    assert.deepStrictEqual(index.position(4), { line: 1, character: 1 });
    assert.deepStrictEqual(index.position(7), { line: 2, character: 0 });
    assert.deepStrictEqual(index.position(10), { line: 3, character: 0 });
    assert.deepStrictEqual(index.position(99), { line: 3, character: 2 });
  });
  it('sets the outlet of one file in news-sources.json, keeping everything else', () => {
    const created = JSON.parse(withOutlet(undefined, 'seeds/000.txt', 'The Gleaner'));
    assert.deepStrictEqual(created, { sources: [{ match: 'seeds/000.txt', outlet: 'The Gleaner' }] });
    const existing = JSON.stringify({ sources: [{ match: 'seeds/000.txt', outlet: 'Old', date: '2024-07-28' }, { match: '*.md', outlet: 'Blog' }] });
    assert.deepStrictEqual(JSON.parse(withOutlet(existing, 'seeds/000.txt', 'AP')).sources, [{ match: 'seeds/000.txt', outlet: 'AP', date: '2024-07-28' }, { match: '*.md', outlet: 'Blog' }]);
    assert.deepStrictEqual(JSON.parse(withOutlet('{"a.txt": {"wire": "AP"}}', 'a.txt', 'AP')), { 'a.txt': { wire: 'AP', outlet: 'AP' } });
    assert.throws(() => withOutlet('[1,2]', 'a', 'b'));
    assert.throws(() => withOutlet('{oops', 'a', 'b'));
  });
});

describe('editor helpers: speaker labels', () => {
  it('cuts a long attribution phrase', () => {
    const report = wireReport();
    report.quotes[0].speakerName = 'Japanese and US defence chiefs and top diplomats';
    const [label] = planLayers(report, TEXT, BY_ID, lookup).speakerLabels;
    assert.ok(label.label.length <= 30 && label.label.endsWith('…'), label.label);
  });
});
