// Loaded before the unit tests (.mocharc.unit.json "require"). Property tests draw new cases on every
// local run, which is how they find bugs; in CI every property without its own seed uses one fixed
// seed, so a red run means the code changed, not the draw. fast-check prints the seed and path of a
// failure; FC_SEED replays a run locally with the same seed.
import fc from 'fast-check';

const fixed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 424242 : undefined;
if (fixed !== undefined) fc.configureGlobal({ seed: fixed });
