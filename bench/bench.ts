// `npm run bench`: every benchmark module, each printing its figures as ratios against a baseline
// measured in the same run (these machines are noisy; absolute times mean little).
import * as path from 'path';
import * as entities from './entities';
import * as quotes from './quotes';
import * as scale from './scale';
import * as scaling from './scaling';
import * as scan from './scan';
import * as shared from './shared';

type Bench = { name: string; run: (sharedDir: string) => Promise<void> };

const benches: Bench[] = [
  { name: 'scan', run: scan.run },
  { name: 'entities', run: entities.run },
  { name: 'quotes', run: quotes.run },
  { name: 'shared', run: shared.run },
  { name: 'scaling', run: scaling.run },
  { name: 'scale', run: scale.run },
];

async function main(): Promise<void> {
  const shared = path.resolve(process.env.NEWS_ANNOTATOR_SHARED ?? path.join(__dirname, '..', '..', 'shared'));
  const only = process.argv.slice(2);
  for (const bench of benches) {
    if (only.length && !only.includes(bench.name)) continue;
    console.log(`\n## ${bench.name}`);
    await bench.run(shared);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
