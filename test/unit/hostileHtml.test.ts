// Articles that carry markup (issue 8): `<script>`, `<img onerror=…>`, `</style>`, `javascript:` links,
// attribute breakouts and entities must show as text in the HTML report, the hover Markdown and the
// Coverage webview's data. These tests run the pure builders over a real Corpus of hostile articles.
// (A browser proves no script runs: test/ui/hostileHtml.test.ts; the extension host: test/vscode/.)
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { Corpus } from '../../src/core/corpus';
import type { ReportDocument } from '../../src/core/model';
import { escapeMarkdown, entityHoverMarkdown, quoteHoverMarkdown, sharedHoverMarkdown, HOVER_COMMANDS, type HoverContext } from '../../src/extension/hovers/hoverContent';
import { coverageModel } from '../../src/extension/views/coverageModel';
import { annotatedHtml, csvField, escapeHtml, reportCsv, reportHtml } from '../../src/extension/views/exportFormats';
import { HOSTILE_ARTICLES, HOSTILE_MANIFEST, HOSTILE_OUTLET, PAYLOADS } from './hostileArticles';

const MAIN_PATH = Object.keys(HOSTILE_ARTICLES)[0];

const REPO = path.resolve(__dirname, '..', '..', '..');

function hostileCorpus(): Corpus {
  const corpus = new Corpus();
  corpus.setManifest(HOSTILE_MANIFEST);
  for (const [p, text] of Object.entries(HOSTILE_ARTICLES)) corpus.upsert(p, text);
  return corpus;
}

/** The elements and attributes the report template itself writes; anything else came from an article. */
const REPORT_TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'p', 'small', 'article', 'pre', 'mark', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
const REPORT_ATTRIBUTES = new Set(['lang', 'charset', 'http-equiv', 'content', 'class', 'title']);

/** Every tag in `html` (a tokenizer for what our builders write: quoted attribute values, no comments). */
function tags(html: string): { name: string; closing: boolean; attributes: Map<string, string> }[] {
  const out: { name: string; closing: boolean; attributes: Map<string, string> }[] = [];
  const tag = /<(\/?)([!a-zA-Z][\w-]*)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*\/?>/g;
  let last = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const between = html.slice(last, m.index);
    assert.ok(!between.includes('<'), `a "<" that does not open a well-formed tag: …${between.slice(between.indexOf('<'), between.indexOf('<') + 60)}…`);
    last = tag.lastIndex;
    const attributes = new Map<string, string>();
    for (const a of m[3].matchAll(/([\w-]+)(?:="([^"]*)")?/g)) attributes.set(a[1].toLowerCase(), a[2] ?? '');
    out.push({ name: m[2].toLowerCase(), closing: m[1] === '/', attributes });
  }
  assert.ok(!html.slice(last).includes('<'), 'no stray "<" after the last tag');
  return out;
}

function unescapeHtml(s: string): string {
  return s.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
}

const ctx: HoverContext = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)])),
  outletOf: (p) => (p.startsWith('evil') ? HOSTILE_OUTLET : p),
  textOf: () => PAYLOADS.join(' '),
};

/** Markdown that shows `text` literally: every character Markdown or HTML could act on is escaped, on one line. */
function assertInertMarkdown(markdown: string, what: string): void {
  assert.ok(!/[\r\n\u2028\u2029\u0085]/.test(markdown), `${what}: no line break (a new line could start a heading, list or table): ${JSON.stringify(markdown)}`);
  for (let i = 0; i < markdown.length; i++) {
    if (markdown[i] === '\\') {
      i++;
      continue;
    }
    if ('<>[]()`*_#!|&~'.includes(markdown[i])) assert.fail(`${what}: unescaped "${markdown[i]}" at ${i} in ${JSON.stringify(markdown)}`);
  }
}

describe('hostile HTML: articles with markup show as text', function () {
  this.timeout(20_000);
  it('the fixture articles carry every payload, and the corpus finds quotes, entities and shared passages in them', () => {
    const corpus = hostileCorpus();
    const report = corpus.report();
    for (const payload of PAYLOADS) assert.ok(Object.values(HOSTILE_ARTICLES).some((t) => t.includes(payload)), payload);
    const main = report.documents.find((d) => d.path === MAIN_PATH)!;
    assert.ok(main.quotes.length > 0, 'a quote');
    assert.ok(main.shared.length > 0, 'a shared passage');
    assert.strictEqual(main.outlet, HOSTILE_OUTLET);
    assert.ok(report.entities.length > 0, 'entities');
  });

  it('escapeHtml escapes the five characters HTML acts on, and nothing else', () => {
    assert.strictEqual(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    assert.strictEqual(escapeHtml('javascript:alert(1) 😀 \u202e'), 'javascript:alert(1) 😀 \u202e');
  });

  it('the HTML report contains only the template\'s own elements and attributes, a CSP without scripts, and every article verbatim as text', () => {
    const corpus = hostileCorpus();
    const report = corpus.report();
    const html = reportHtml(report, (p) => corpus.get(p)?.text, 'Report </title><script>alert(1)</script>');
    for (const t of tags(html)) {
      assert.ok(REPORT_TAGS.has(t.name), `unexpected element <${t.name}>`);
      if (t.name === '!doctype') continue;
      for (const [name, value] of t.attributes) {
        assert.ok(REPORT_ATTRIBUTES.has(name), `unexpected attribute ${name}="${value}" on <${t.name}>`);
        assert.ok(!/[<>]/.test(value), `attribute ${name} holds an unescaped < or >: ${value}`);
      }
    }
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    assert.ok(csp, 'a Content-Security-Policy meta tag');
    assert.match(csp[1], /default-src 'none'/);
    assert.ok(!/script-src/.test(csp[1]), 'no script source is allowed');
    assert.strictEqual(tags(html).filter((t) => t.name === 'style' && !t.closing).length, 1, 'one style element (the template\'s)');
    assert.ok(!/<script|<img|<svg|<iframe|<a\s/i.test(html), 'no script, img, svg, iframe or link element');
    // Each article's <pre>, with our marks removed and entities decoded, is exactly the article text.
    const pres = [...html.matchAll(/<pre>([\s\S]*?)<\/pre>/g)].map((m) => m[1]);
    assert.strictEqual(pres.length, report.documents.length);
    report.documents.forEach((d, i) => {
      const shown = unescapeHtml(pres[i].replace(/<\/?(?:mark|span)(?:\s[^>]*)?>/g, ''));
      assert.strictEqual(shown, corpus.get(d.path)!.text, `${d.path} is shown verbatim`);
    });
    assert.ok(html.includes(escapeHtml(HOSTILE_OUTLET)), 'the outlet name is shown escaped');
    assert.ok(html.includes(escapeHtml(MAIN_PATH)), 'the path is shown escaped');
  });

  it('annotatedHtml keeps hostile text inert inside and across overlapping marks', () => {
    const text = '<b>“</b><script>x()</script>,” said <img src=x onerror=alert(1)> Smith.';
    const doc: ReportDocument = {
      path: 'x.txt',
      outlet: null,
      paragraphs: [],
      quotes: [{ start: 3, end: 40, kind: 'speech', speaker: 'e1', speakerName: '"><script>alert(2)</script>' }],
      entities: [{ start: 20, end: 60, type: 'PERSON" onmouseover="alert(3)' as never, id: 'e1' }],
      shared: [{ start: 0, end: 30, matches: [{ path: '"><img src=x onerror=alert(4)>', start: 0, end: 1, similarity: 1 }] }],
    };
    const html = annotatedHtml(doc, text, new Map([['e1', "<svg onload=alert(5)>"]]));
    for (const t of tags(html)) {
      assert.ok(['mark', 'span'].includes(t.name), `<${t.name}>`);
      for (const name of t.attributes.keys()) assert.ok(['class', 'title'].includes(name), `attribute ${name}`);
    }
    assert.strictEqual(unescapeHtml(html.replace(/<\/?(?:mark|span)(?:\s[^>]*)?>/g, '')), text);
  });

  it('property: for any text and any spans (overlapping, empty, out of range), the marks only wrap the text, never change it', () => {
    const markup = fc.constantFrom('<', '>', '&', '"', "'", '<script>', '</pre>', '&amp;', '\r\n', '😀', 'a', ' ', '“');
    const text = fc.array(fc.oneof(markup, fc.string({ maxLength: 4 })), { maxLength: 40 }).map((p) => p.join(''));
    const span = fc.tuple(fc.integer({ min: -3, max: 120 }), fc.integer({ min: -3, max: 120 })).map(([a, b]) => ({ start: a, end: b }));
    fc.assert(
      fc.property(text, fc.array(span, { maxLength: 6 }), fc.array(span, { maxLength: 6 }), fc.array(span, { maxLength: 6 }), fc.string({ maxLength: 12 }), (t, shared, quotes, entities, name) => {
        const doc: ReportDocument = {
          path: name,
          outlet: name,
          paragraphs: [],
          shared: shared.map((s) => ({ ...s, matches: [{ path: name, start: 0, end: 1, similarity: 0.5 }] })),
          quotes: quotes.map((q) => ({ ...q, kind: 'speech' as const, speaker: 'e', speakerName: name })),
          entities: entities.map((e) => ({ ...e, type: 'PERSON' as const, id: 'e' })),
        };
        const html = annotatedHtml(doc, t, new Map([['e', name]]));
        for (const tag of tags(html)) assert.ok(['mark', 'span'].includes(tag.name), `<${tag.name}>`);
        const opened = tags(html).filter((x) => !x.closing).length;
        assert.strictEqual(tags(html).filter((x) => x.closing).length, opened, 'every mark is closed');
        assert.strictEqual(unescapeHtml(html.replace(/<\/?(?:mark|span)(?:\s[^>]*)?>/g, '')), t);
      }),
      { numRuns: 200 },
    );
  });

  it('CSV cells that a spreadsheet would run as formulas are neutralised, markup stays text', () => {
    assert.strictEqual(csvField('=HYPERLINK("javascript:alert(1)")'), `"'=HYPERLINK(""javascript:alert(1)"")"`);
    assert.strictEqual(csvField('@SUM(A1)'), `'@SUM(A1)`);
    const corpus = hostileCorpus();
    const csv = reportCsv(corpus.report(), (p) => corpus.get(p)?.text);
    for (const line of csv.split('\r\n').filter(Boolean)) {
      for (const cell of line.match(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g) ?? []) assert.ok(!/^"?[=+@]/.test(cell), `cell starts a formula: ${cell}`);
    }
  });

  it('escapeMarkdown leaves nothing Markdown or HTML can act on, whatever the line endings', () => {
    for (const payload of [...PAYLOADS, 'a\rb', 'a\r\nb', 'a\u2028b', 'a\u2029b', 'a\u0085b', '# heading', '[x](command:workbench.action.terminal.new)', '![i](https://example.invalid/x.png)', '`code`', '<!-- c -->', '&lt;script&gt;']) {
      assertInertMarkdown(escapeMarkdown(payload), JSON.stringify(payload));
    }
  });

  it('property: escapeMarkdown of any string is inert Markdown on one line', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 40 }).map((cps) => String.fromCodePoint(...cps)), (t) => assertInertMarkdown(escapeMarkdown(t), JSON.stringify(t))), { numRuns: 300 });
  });

  it('hovers over hostile names, outlets, quotes and origins link only to the extension\'s own commands', () => {
    const entity = { id: 'e1', type: 'PERSON', name: PAYLOADS[0], aliases: [PAYLOADS[1], PAYLOADS[3]], roles: [PAYLOADS[2]], description: PAYLOADS[4], quotes: [{ path: 'evil/a.txt', start: 0, end: 5 }] };
    const markdowns = [
      entityHoverMarkdown(entity, [{ path: 'evil/a.txt', mentions: [{ start: 0, end: 3 }] }], ctx),
      quoteHoverMarkdown({ start: 0, end: 4, kind: 'speech', speaker: 'e1', speakerName: PAYLOADS[1], copies: [{ path: 'evil/b.txt', start: 0, end: 4, differences: [{ kind: 'changed', text: PAYLOADS[0], replacement: PAYLOADS[3] }, { kind: 'added', text: PAYLOADS[2] }] }] }, { name: PAYLOADS[1], entityName: PAYLOADS[0] }, ctx),
      sharedHoverMarkdown('evil/a.txt', { start: 0, end: 4, matches: [{ path: 'evil/b.txt', start: 0, end: 4, similarity: 0.9 }], origin: { path: 'evil/b.txt', why: PAYLOADS[3] } }, [{ left: { path: 'evil/a.txt', start: 0, end: 4 }, right: { path: 'evil/b.txt', start: 0, end: 4 }, similarity: 0.9 } as never], ctx),
    ];
    const allowed = new Set<string>(Object.values(HOVER_COMMANDS));
    for (const md of markdowns) {
      // Remove our own command links, then nothing active may remain.
      const links = [...md.matchAll(/\]\((command:[^)\s]*)\)/g)].map((m) => m[1]);
      assert.ok(links.length > 0, 'the hover has its command links');
      for (const link of links) assert.ok(allowed.has(link.slice('command:'.length, link.indexOf('?'))), `links to an allowed command: ${link}`);
      assert.ok(!/\]\((?!command:newsAnnotator\.)/.test(md), 'no other link target');
      assert.ok(!/(^|[^\\])</.test(md), 'no raw "<" (HTML)');
      assert.ok(!/\]\(\s*javascript:/i.test(md), 'no javascript: link');
      for (const line of md.split('\n')) {
        const plain = line.replace(/\[(?:[^\]\\]|\\.)*\]\(command:[^)\s]*\)/g, '');
        for (const payload of PAYLOADS) assert.ok(!plain.includes(payload), `payload ${payload} appears unescaped in: ${line}`);
      }
    }
  });

  it('the Coverage view gets outlet names and paths as data, and its script writes them only as text', () => {
    const corpus = hostileCorpus();
    const documents = corpus.paths().map((p) => corpus.documentReport(p)!);
    const data = coverageModel(documents, (p) => corpus.get(p)!.text.length);
    assert.ok(data.articles.some((a) => a.outlet === HOSTILE_OUTLET), 'the hostile outlet name is passed unchanged, as a string');
    const script = fs.readFileSync(path.join(REPO, 'media', 'coverage.js'), 'utf8');
    for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', 'srcdoc', 'setAttribute(\'href', '.href =']) {
      assert.ok(!script.includes(sink), `media/coverage.js does not use ${sink}`);
    }
    assert.match(script, /textContent/, 'the script writes text with textContent');
    const view = fs.readFileSync(path.join(REPO, 'src', 'extension', 'views', 'coverageView.ts'), 'utf8');
    assert.match(view, /default-src 'none'/, 'the webview has a default-src none CSP');
    assert.match(view, /script-src 'nonce-\$\{scriptNonce\}'/, 'scripts only by nonce (no inline script from data)');
    assert.match(view, /enableCommandUris: false/, 'no command: links from the webview');
  });
});
