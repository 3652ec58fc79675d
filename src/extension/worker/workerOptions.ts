// How the extension (src/extension/platform/node.ts) and the scale bench start the Node analysis
// worker: one place, so the bench measures the worker the extension runs.
import type { ResourceLimits } from 'worker_threads';

/**
 * The worker's young generation, in MB. V8's default (16–32 MB semi-spaces on 64-bit) lets short-lived
 * analysis garbage reach the old generation whose limit V8 sets at a multiple of what is live; a smaller
 * one collects it sooner. `NEWS_WORKER_YOUNG_MB` overrides it (0: V8's default) for measurements.
 */
export function analysisWorkerLimits(): ResourceLimits | undefined {
  const fromEnv = typeof process !== 'undefined' ? process.env.NEWS_WORKER_YOUNG_MB : undefined;
  const mb = fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : YOUNG_GENERATION_MB;
  return mb > 0 ? { maxYoungGenerationSizeMb: mb } : undefined;
}

export const YOUNG_GENERATION_MB = 8;
