// Which copy of a shared passage looks like the origin, and why: the earliest date the manifest
// gives, else a copy that is (or credits) a wire service, else the most complete copy.

import type { OutletInfo } from '../outlets';

export interface PassageCopy {
  path: string;
  start: number;
  end: number;
  words: number;
  outlet: OutletInfo | null;
}

export interface PassageOrigin {
  path: string;
  start: number;
  end: number;
  basis: 'manifest-date' | 'wire' | 'most-complete';
  why: string;
}

function dateOf(c: PassageCopy): number {
  const d = c.outlet?.date;
  if (!d) return NaN;
  return Date.parse(d);
}

/** The wire's own copy beats a copy crediting it; a credit beats a passing mention (0). */
function wireRank(c: PassageCopy): number {
  const o = c.outlet;
  if (!o?.wire) return 0;
  if (o.outlet && o.outlet.toLowerCase() === o.wire.toLowerCase()) return 3;
  return o.wireConfidence === 'manifest' || o.wireConfidence === 'credit' ? 2 : 0;
}

function before(x: PassageCopy, y: PassageCopy): boolean {
  return x.path < y.path || (x.path === y.path && x.start < y.start);
}

/** Narrows the candidates criterion by criterion; each loop is one pass, nothing is copied twice. */
export function choosePassageOrigin(copies: readonly PassageCopy[]): PassageOrigin {
  let pool: PassageCopy[] = copies as PassageCopy[];
  const reasons: string[] = [];
  let basis: PassageOrigin['basis'] = 'most-complete';

  let earliest = Infinity;
  let dated = 0;
  for (const c of pool) {
    const t = dateOf(c);
    if (Number.isNaN(t)) continue;
    dated++;
    if (t < earliest) earliest = t;
  }
  if (dated > 0) {
    pool = pool.filter((c) => dateOf(c) === earliest);
    basis = 'manifest-date';
    const date = pool[0].outlet!.date!;
    reasons.push(dated === 1 ? `only copy dated in news-sources.json (${date})` : `earliest date in news-sources.json (${date})`);
  }

  if (pool.length > 1) {
    let best = 0;
    let atBest = 0;
    for (const c of pool) {
      const r = wireRank(c);
      if (r > best) {
        best = r;
        atBest = 1;
      } else if (r === best) atBest++;
    }
    if (best > 0 && atBest < pool.length) {
      pool = pool.filter((c) => wireRank(c) === best);
      if (basis === 'most-complete') basis = 'wire';
      const o = pool[0].outlet!;
      const credit = o.evidence.find((e) => e.kind === 'wire-credit');
      reasons.push(best === 3 ? `the wire's own copy (${o.wire})` : `credits the wire ${o.wire}${credit ? ` ("${credit.text}")` : ''}`);
    }
  }

  let chosen = pool[0];
  if (pool.length > 1) {
    let most = 0;
    for (const c of pool) if (c.words > most) most = c.words;
    let lo = Infinity;
    let hi = -1;
    let first: PassageCopy | null = null;
    for (const c of pool) {
      if (c.words < most) {
        if (c.words < lo) lo = c.words;
        if (c.words > hi) hi = c.words;
      } else if (!first || before(c, first)) first = c;
    }
    chosen = first!;
    if (hi >= 0) reasons.push(`most complete copy (${most} words; others ${lo}–${hi})`);
    else if (reasons.length === 0) reasons.push(`copies are equally complete (${most} words); first by path`);
  } else if (reasons.length === 0) reasons.push('only copy');

  return { path: chosen.path, start: chosen.start, end: chosen.end, basis, why: reasons.join('; ') };
}
