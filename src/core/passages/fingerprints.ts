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

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_CODES = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) BASE64_CODES[BASE64.charCodeAt(i)] = i;

/**
 * Fingerprints as a compact string for a cache line: hashes (30 bits) and positions (below 2^22), 5
 * and 4 base-64 digits each. A warm start reads them instead of tokenising every text again.
 */
export function encodeFingerprints(f: Fingerprints): string {
  const out: string[] = [];
  let chunk = '';
  for (let i = 0; i < f.length; i++) {
    const h = f.hashes[i];
    const p = f.positions[i];
    chunk +=
      BASE64[(h >>> 24) & 63] + BASE64[(h >>> 18) & 63] + BASE64[(h >>> 12) & 63] + BASE64[(h >>> 6) & 63] + BASE64[h & 63] +
      BASE64[(p >>> 18) & 63] + BASE64[(p >>> 12) & 63] + BASE64[(p >>> 6) & 63] + BASE64[p & 63];
    if (chunk.length > 4096) {
      out.push(chunk);
      chunk = '';
    }
  }
  out.push(chunk);
  return out.join('');
}

/** The fingerprints of encodeFingerprints, or null when the string is not such an encoding. */
export function decodeFingerprints(s: string): Fingerprints | null {
  if (typeof s !== 'string' || s.length % 9 !== 0) return null;
  const n = s.length / 9;
  const hashes = new Int32Array(n);
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = readDigits(s, i * 9, 5);
    const p = readDigits(s, i * 9 + 5, 4);
    if (h < 0 || p < 0) return null;
    hashes[i] = h;
    positions[i] = p;
  }
  return { hashes, positions, length: n };
}

/** `count` base-64 digits of `s` from `at` as a number, or -1 when one is not a digit. */
function readDigits(s: string, at: number, count: number): number {
  let v = 0;
  for (let k = 0; k < count; k++) {
    const c = s.charCodeAt(at + k);
    const d = c < 128 ? BASE64_CODES[c] : -1;
    if (d < 0) return -1;
    v = (v << 6) | d;
  }
  return v;
}
