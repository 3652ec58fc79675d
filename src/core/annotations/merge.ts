// Merging two versions of an annotation file (two windows, a git checkout, another editor), by id.
//
// With a base (the version both sides started from) this is a three-way merge:
// - present on one side only and not in base: added → kept;
// - changed on one side only: that change wins;
// - changed on both sides differently: the later `modified` wins (ties: ours), the other is reported;
// - removed on one side while unchanged on the other: removed, but listed (`removedByOurs`,
//   `removedByTheirs`) so the caller can ask; `keepRemovedByTheirs` keeps them instead;
// - removed on one side and changed on the other: the changed one is kept (never silently dropped).
// Without a base it is a union: nothing is removed, same ids resolved by `modified`.

import type { HandAnnotation, Tombstone } from './types';
import { compareAnnotations, sameAnnotation } from './w3c';

export interface MergeConflict {
  id: string;
  kept: HandAnnotation;
  other: HandAnnotation;
}

export interface MergeResult {
  merged: HandAnnotation[];
  conflicts: MergeConflict[];
  /** Ids in base that ours removed (and theirs left unchanged): removed in `merged`. */
  removedByOurs: string[];
  /** Ids in base that theirs removed (and ours left unchanged): removed in `merged` unless `keepRemovedByTheirs`. */
  removedByTheirs: string[];
  /** Removed on one side but modified on the other: kept. */
  keptDespiteRemoval: string[];
  /** Removed because a tombstone (a removal made in an editor window) is newer than the annotation. */
  removedByTombstone: string[];
  /** Whether `merged` differs from `theirs` (i.e. it must be written back). */
  changedFromTheirs: boolean;
  /** Whether `merged` differs from `ours`. */
  changedFromOurs: boolean;
}

export interface MergeOptions {
  /** Keep annotations that theirs removed (a removal made outside, pending the user's decision). */
  keepRemovedByTheirs?: boolean;
  /**
   * Removals recorded by editor windows: an annotation whose tombstone is at least as recent as its
   * `modified` is removed (an intentional removal, not a loss); a later edit wins over the tombstone.
   */
  tombstones?: readonly Tombstone[];
}

function later(a: HandAnnotation, b: HandAnnotation): boolean {
  const ta = Date.parse(a.modified);
  const tb = Date.parse(b.modified);
  return (Number.isNaN(ta) ? 0 : ta) > (Number.isNaN(tb) ? 0 : tb);
}

function index(list: readonly HandAnnotation[]): Map<string, HandAnnotation> {
  const m = new Map<string, HandAnnotation>();
  for (const a of list) m.set(a.id, a);
  return m;
}

function sameSet(a: readonly HandAnnotation[], b: readonly HandAnnotation[]): boolean {
  if (a.length !== b.length) return false;
  const ib = index(b);
  return a.every((x) => {
    const y = ib.get(x.id);
    return y !== undefined && sameAnnotation(x, y);
  });
}

export function mergeAnnotations(
  base: readonly HandAnnotation[] | undefined,
  ours: readonly HandAnnotation[],
  theirs: readonly HandAnnotation[],
  options: MergeOptions = {},
): MergeResult {
  const b = base ? index(base) : undefined;
  const o = index(ours);
  const t = index(theirs);
  const result: MergeResult = {
    merged: [],
    conflicts: [],
    removedByOurs: [],
    removedByTheirs: [],
    keptDespiteRemoval: [],
    removedByTombstone: [],
    changedFromTheirs: false,
    changedFromOurs: false,
  };
  const ids = new Set<string>([...o.keys(), ...t.keys(), ...(b ? b.keys() : [])]);
  for (const id of ids) {
    const bo = b?.get(id);
    const oo = o.get(id);
    const to = t.get(id);
    if (oo && to) {
      if (sameAnnotation(oo, to)) result.merged.push(oo);
      else if (bo && sameAnnotation(bo, oo)) result.merged.push(to);
      else if (bo && sameAnnotation(bo, to)) result.merged.push(oo);
      else {
        const keepTheirs = later(to, oo);
        const kept = keepTheirs ? to : oo;
        result.merged.push(kept);
        result.conflicts.push({ id, kept, other: keepTheirs ? oo : to });
      }
    } else if (oo || to) {
      const present = (oo ?? to) as HandAnnotation;
      if (!bo) {
        result.merged.push(present); // added on one side (or no base: union)
      } else if (!sameAnnotation(bo, present)) {
        result.merged.push(present); // removed on one side, changed on the other: keep
        result.keptDespiteRemoval.push(id);
      } else if (oo) {
        result.removedByTheirs.push(id);
        if (options.keepRemovedByTheirs) result.merged.push(oo);
      } else {
        result.removedByOurs.push(id);
      }
    }
    // in base only: removed on both sides.
  }
  if (options.tombstones?.length) {
    const removedAt = new Map<string, number>();
    for (const ts of options.tombstones) removedAt.set(ts.id, Math.max(removedAt.get(ts.id) ?? -Infinity, Date.parse(ts.removed)));
    const kept: HandAnnotation[] = [];
    for (const a of result.merged) {
      const at = removedAt.get(a.id);
      if (at !== undefined && at >= (Date.parse(a.modified) || 0)) result.removedByTombstone.push(a.id);
      else kept.push(a);
    }
    result.merged = kept;
    // Removals explained by a tombstone are intentional: not reported as one-sided removals.
    result.removedByTheirs = result.removedByTheirs.filter((id) => !removedAt.has(id));
    result.removedByOurs = result.removedByOurs.filter((id) => !removedAt.has(id));
  }
  result.merged.sort(compareAnnotations);
  result.changedFromTheirs = !sameSet(result.merged, theirs);
  result.changedFromOurs = !sameSet(result.merged, ours);
  return result;
}
