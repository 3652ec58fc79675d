// Candidate generation: hashes of k consecutive folded words (shingles), thinned by winnowing so
// that any shared run of at least k + w - 1 words keeps at least one common fingerprint in both
// documents, while only about 2/(w+1) of the shingles are stored.

import type { TokenStream } from './tokens';

export interface Fingerprints {
  hashes: Int32Array;
  /** Token index of the shingle's first word. */
  positions: Int32Array;
  length: number;
}

/** Shingle hashes; shingles touching an excluded (boilerplate) token get `undefined` slots (skipped). */
function shingleHashes(tokens: TokenStream, k: number): { hashes: Int32Array; valid: Uint8Array } {
  const count = Math.max(0, tokens.length - k + 1);
  const hashes = new Int32Array(count);
  const valid = new Uint8Array(count);
  const { ids, excluded } = tokens;
  let lastExcluded = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (excluded[i]) lastExcluded = i;
    const s = i - k + 1;
    if (s < 0) continue;
    if (lastExcluded >= s) continue;
    let h = 0x9747b28c ^ k;
    for (let j = s; j <= i; j++) {
      h = Math.imul(h ^ ids[j], 0x5bd1e995);
      h ^= h >>> 15;
    }
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    // 30 bits: small-integer map keys are much faster in V8; a collision only costs a failed anchor check.
    hashes[s] = (h ^ (h >>> 16)) & 0x3fffffff;
    valid[s] = 1;
  }
  return { hashes, valid };
}

/** Winnowing (Schleimer et al.): in every window of w shingles keep the minimum (rightmost on ties). */
export function fingerprint(tokens: TokenStream, k: number, w: number): Fingerprints {
  const { hashes, valid } = shingleHashes(tokens, k);
  const n = hashes.length;
  const outHashes = new Int32Array(Math.max(1, n));
  const outPos = new Int32Array(Math.max(1, n));
  let count = 0;
  let lastPicked = -1;
  for (let winEnd = 0; winEnd < n; winEnd++) {
    const winStart = winEnd - w + 1;
    if (winStart < 0 && winEnd < n - 1) continue;
    let best = -1;
    for (let i = Math.max(0, winStart); i <= winEnd; i++) {
      if (!valid[i]) continue;
      if (best < 0 || hashes[i] <= hashes[best]) best = i;
    }
    if (best >= 0 && best !== lastPicked) {
      // Windows slide forward, so a new minimum is always to the right of the previous one.
      if (best > lastPicked) {
        outHashes[count] = hashes[best];
        outPos[count] = best;
        count++;
        lastPicked = best;
      }
    }
  }
  return { hashes: outHashes.subarray(0, count), positions: outPos.subarray(0, count), length: count };
}
