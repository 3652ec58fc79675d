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

export function choosePassageOrigin(copies: readonly PassageCopy[]): PassageOrigin {
  let pool = [...copies];
  const reasons: string[] = [];
  let basis: PassageOrigin['basis'] = 'most-complete';

  const dated = pool.filter((c) => c.outlet?.date && !Number.isNaN(Date.parse(c.outlet.date)));
  if (dated.length > 0) {
    const earliest = Math.min(...dated.map((c) => Date.parse(c.outlet!.date!)));
    pool = dated.filter((c) => Date.parse(c.outlet!.date!) === earliest);
    basis = 'manifest-date';
    const date = pool[0].outlet!.date!;
    reasons.push(dated.length === 1 ? `only copy dated in news-sources.json (${date})` : `earliest date in news-sources.json (${date})`);
  }

  if (pool.length > 1) {
    // The wire's own copy beats a copy crediting it; a credit beats a passing mention.
    const rank = (c: PassageCopy) => {
      const o = c.outlet;
      if (!o?.wire) return 0;
      if (o.outlet && o.outlet.toLowerCase() === o.wire.toLowerCase()) return 3;
      return o.wireConfidence === 'manifest' || o.wireConfidence === 'credit' ? 2 : 0;
    };
    const best = Math.max(...pool.map(rank));
    if (best > 0) {
      const wired = pool.filter((c) => rank(c) === best);
      if (wired.length < pool.length) {
        pool = wired;
        if (basis === 'most-complete') basis = 'wire';
        const o = wired[0].outlet!;
        const credit = o.evidence.find((e) => e.kind === 'wire-credit');
        reasons.push(best === 3 ? `the wire's own copy (${o.wire})` : `credits the wire ${o.wire}${credit ? ` ("${credit.text}")` : ''}`);
      }
    }
  }

  if (pool.length > 1) {
    const most = Math.max(...pool.map((c) => c.words));
    const complete = pool.filter((c) => c.words === most);
    if (complete.length < pool.length) {
      const others = pool.filter((c) => c.words < most).map((c) => c.words);
      reasons.push(`most complete copy (${most} words; others ${Math.min(...others)}–${Math.max(...others)})`);
    } else if (reasons.length === 0) reasons.push(`copies are equally complete (${most} words); first by path`);
    pool = complete;
  } else if (reasons.length === 0) reasons.push('only copy');

  pool.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.start - y.start));
  const chosen = pool[0];
  return { path: chosen.path, start: chosen.start, end: chosen.end, basis, why: reasons.join('; ') };
}
