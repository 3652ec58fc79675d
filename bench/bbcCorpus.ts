// The BBC reference corpus (../shared/corpora/bbc/<section>/NNN.txt), read once per benchmark, in a
// stable order so that runs compare.
import * as fs from 'fs';
import * as path from 'path';

export interface BenchDoc {
  path: string;
  text: string;
}

/** Every article, as `<prefix><section>/<name>` with its text. */
export function readBbcCorpus(sharedDir: string, prefix = ''): BenchDoc[] {
  const root = path.join(sharedDir, 'corpora', 'bbc');
  const out: BenchDoc[] = [];
  for (const section of fs.readdirSync(root).sort()) {
    const dir = path.join(root, section);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) out.push({ path: `${prefix}${section}/${name}`, text: fs.readFileSync(path.join(dir, name), 'utf8') });
  }
  return out;
}
