// Property tests with a seed policy: random locally, fixed per property in CI, replayable.
import fc from 'fast-check';

/**
 * Runs one property. Locally every run draws new cases: that exploration is how the anchoring
 * counterexamples were found, so it stays. In CI (`CI` set, as .ci/run does) each property runs with a fixed
 * seed derived from its title, so a red CI run means the code changed, never the dice, and re-running
 * it gives the same answer; a per-property seed keeps one property's cases from moving when another
 * is added. A failure prints its seed and path; `FC_SEED=<seed> FC_PATH=<path>` replays exactly that
 * case (in CI too), `FC_RUNS=<factor>` multiplies the runs for a longer local search. A counterexample
 * found that way is fixed and kept as a regression case (annotations.anchor.test.ts has some).
 * Returns the number of runs asked for.
 */
export function assertProperty<Ts>(ctx: Mocha.Context, property: fc.IRawProperty<Ts>, numRuns: number): number {
  const title = ctx.test?.fullTitle() ?? '';
  const runs = Math.max(1, Math.round(numRuns * (Number(process.env.FC_RUNS) || 1)));
  const params: fc.Parameters<Ts> = { numRuns: runs };
  if (process.env.FC_SEED) {
    params.seed = Number(process.env.FC_SEED);
    if (process.env.FC_PATH) params.path = process.env.FC_PATH;
  } else if (process.env.CI) {
    params.seed = seedOf(title);
  }
  params.reporter = (out) => {
    if (!out.failed) return;
    const replay = `Replay: FC_SEED=${out.seed} FC_PATH=${out.counterexamplePath} npx mocha <file> --grep ${JSON.stringify(title)}`;
    throw new Error(`${fc.defaultReportMessage(out)}\n${replay}`, { cause: out.errorInstance });
  };
  fc.assert(property, params);
  return runs;
}

/** FNV-1a of a property's title: its fixed seed in CI. */
function seedOf(title: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) h = Math.imul(h ^ title.charCodeAt(i), 0x01000193);
  return h | 0;
}
