// Where tests and benchmarks find the reference corpus: `../shared` beside the checkout (as in CI),
// or NEWS_ANNOTATOR_SHARED when set. The corpus is never copied into the project.
import * as fs from 'fs';
import * as path from 'path';

export function sharedDir(): string {
  if (process.env.NEWS_ANNOTATOR_SHARED) return path.resolve(process.env.NEWS_ANNOTATOR_SHARED);
  // out/test/unit -> repo root -> its parent
  return path.resolve(__dirname, '..', '..', '..', '..', 'shared');
}

export function seedsDir(): string {
  return path.join(sharedDir(), 'seeds');
}

/** The five seed articles, sorted by name, keyed by their three-digit prefix ("000" … "004"). */
export function readSeeds(): Map<string, { name: string; text: string }> {
  const dir = seedsDir();
  const seeds = new Map<string, { name: string; text: string }>();
  for (const name of fs.readdirSync(dir).sort()) {
    seeds.set(name.slice(0, 3), { name, text: fs.readFileSync(path.join(dir, name), 'utf8') });
  }
  return seeds;
}

export function readSeed(prefix: string): string {
  const seed = readSeeds().get(prefix);
  if (!seed) throw new Error(`seed ${prefix} not found in ${seedsDir()}`);
  return seed.text;
}
