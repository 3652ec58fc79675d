// A generated workspace of many articles for the scale benchmark: the BBC corpus republished by many
// made-up outlets, each copy perturbed the way syndicated copies are (a paragraph dropped, words
// changed, the story cut short, the outlet's own header and footer), so that stories are shared many
// times. Deterministic (seeded), written to a folder chosen by the caller (a temp dir, never the repo).
import * as fs from 'fs';
import * as path from 'path';
import { mulberry32 } from '../test/fixtures/syndication/generate';

export interface GeneratedArticle {
  /** Relative to the output folder, with forward slashes. */
  path: string;
  text: string;
}

export function readBbc(bbcDir: string): { path: string; text: string }[] {
  const docs: { path: string; text: string }[] = [];
  for (const topic of fs.readdirSync(bbcDir).sort()) {
    const dir = path.join(bbcDir, topic);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) docs.push({ path: `${topic}/${name}`, text: fs.readFileSync(path.join(dir, name), 'latin1') });
  }
  return docs;
}

const SWAPS: [RegExp, string][] = [
  [/\bsaid\b/, 'told reporters'],
  [/\bper cent\b/, '%'],
  [/\bUK\b/, 'Britain'],
  [/\bhowever\b/, 'but'],
  [/\bcompany\b/, 'firm'],
  [/\bgovernment\b/, 'administration'],
  [/\bon Monday\b/, 'this week'],
  [/\bannounced\b/, 'unveiled'],
];

const OUTLETS = 64;

function perturb(source: string, outlet: number, rnd: () => number): string {
  const paragraphs = source.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const [headline, ...body] = paragraphs;
  let kept = body.filter((_, i) => i === 0 || rnd() > 0.12); // a paragraph dropped now and then
  if (rnd() < 0.3) kept = kept.slice(0, Math.max(2, Math.ceil(kept.length * (0.55 + rnd() * 0.35)))); // cut short
  kept = kept.map((p) => {
    let out = p;
    for (const [pattern, replacement] of SWAPS) if (rnd() < 0.25) out = out.replace(pattern, replacement);
    if (rnd() < 0.1) out = out.replace(/\b(\w+) (\w+)\b/, '$2 $1'); // a slip
    return out;
  });
  const name = `Outlet ${outlet.toString().padStart(2, '0')}`;
  const header = [rnd() < 0.2 ? `${headline} | ${name}` : headline, `By ${name} staff`];
  const footer = [`Copyright ${name}. All rights reserved.`, rnd() < 0.5 ? `Read more at ${name.toLowerCase().replace(' ', '')}.example` : ''];
  return [...header, ...kept, ...footer].filter(Boolean).join('\n\n') + '\n';
}

/**
 * `count` articles: every BBC story at least `floor(count / stories)` times over, in the folders of
 * `OUTLETS` outlets, popular stories more often.
 */
export function* generateArticles(bbc: { path: string; text: string }[], count: number, seed = 1): Generator<GeneratedArticle> {
  const rnd = mulberry32(seed);
  const rounds = Math.max(1, Math.floor((count * 0.7) / bbc.length));
  for (let i = 0; i < count; i++) {
    const story = i < rounds * bbc.length ? i % bbc.length : Math.floor(bbc.length * rnd() * rnd());
    const outlet = Math.floor(rnd() * OUTLETS);
    const source = bbc[story];
    const base = source.path.replace(/\//g, '-').replace(/\.txt$/, '');
    yield { path: `outlet-${outlet.toString().padStart(2, '0')}/${base}-${i}.txt`, text: perturb(source.text, outlet, rnd) };
  }
}

/** Writes the generated articles under `outDir`; returns their relative paths. */
export function writeScaleCorpus(bbcDir: string, outDir: string, count: number, seed = 1): GeneratedArticle[] {
  const articles = [...generateArticles(readBbc(bbcDir), count, seed)];
  const made = new Set<string>();
  for (const a of articles) {
    const file = path.join(outDir, a.path);
    const dir = path.dirname(file);
    if (!made.has(dir)) fs.mkdirSync(dir, { recursive: true }), made.add(dir);
    fs.writeFileSync(file, a.text);
  }
  return articles;
}
