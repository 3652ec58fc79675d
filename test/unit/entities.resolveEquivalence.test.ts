// Equivalence of the entity resolver with the algorithm it replaced. The oracle below is a verbatim
// copy of `src/core/entities/resolve.ts` as it was before the resolver was optimised (candidate
// indexes, incremental state): any difference in ids, names, aliases, roles, mentionsByOutlet or
// mention ids between the two is a regression. Do not "fix" the oracle; it defines the results.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { recognizeEntities, resolveEntities, EntityResolver, type EntityMention } from '../../src/core/entities';
import type { EntityType } from '../../src/core/model';
import { sameGiven, abbreviatesStrict } from '../../src/core/entities/recognize';
import { lexicon, normName } from '../../src/core/entities/lexicon';
import type { KnowledgeEntry } from '../../src/core/entities/knowledge';
import { readSeeds, sharedDir } from './sharedFiles';

// ---------------------------------------------------------------------------------------------
// Oracle: the resolver before optimisation (verbatim apart from names and exports).
// ---------------------------------------------------------------------------------------------
interface CorpusEntity {
  /** Stable, readable: `person:lloyd-austin`, `org:us-forces-japan`, or the knowledge file's id. */
  id: string;
  type: EntityType;
  name: string;
  /** Every other spelling seen (and the knowledge file's aliases), most frequent first. */
  aliases: string[];
  /** Titles and appositions found in the text: `US Secretary of State`. */
  roles: string[];
  /** Mentions per outlet; documents without an outlet count under `(none)`. */
  mentionsByOutlet: Record<string, number>;
  description?: string;
  links?: string[];
}

interface ResolveDocument {
  path: string;
  outlet: string | null;
  text?: string;
  mentions: EntityMention[];
}

interface Resolution {
  entities: CorpusEntity[];
  /** `mentionIds[docIndex][mentionIndex]` is the id of that mention's entity. */
  mentionIds: string[][];
}

/** One document's cluster: every mention with one (type, key). */
interface Cluster {
  type: EntityType;
  key: string;
  surfaces: Map<string, number>;
  roles: Map<string, number>;
  count: number;
  outlet: string;
  path: string;
  /** normalised forms, computed once when the document is summarised */
  acronym: boolean;
  personWords: string[];
  orgWords: string[];
  placeKey: string;
  /** same words in any order, type-prefixed */
  sig: string;
  /** bit i set when letter a+i occurs in the key */
  letters: number;
}

interface DocSummary {
  path: string;
  outlet: string;
  clusters: Cluster[];
  /** mention index -> cluster index */
  clusterOf: number[];
}

const NO_OUTLET = '(none)';

function summarize(path: string, outlet: string | null, mentions: EntityMention[]): DocSummary {
  const byKey = new Map<string, number>();
  const clusters: Cluster[] = [];
  const clusterOf: number[] = [];
  const o = outlet ?? NO_OUTLET;
  for (const m of mentions) {
    const k = m.type + '\u0000' + m.key;
    let ci = byKey.get(k);
    if (ci === undefined) {
      ci = clusters.length;
      byKey.set(k, ci);
      clusters.push({
        type: m.type,
        key: m.key,
        surfaces: new Map(),
        roles: new Map(),
        count: 0,
        outlet: o,
        path,
        acronym: m.type === 'ORG' && isAcronym(m.key),
        personWords: m.type === 'PERSON' ? personWords(m.key) : [],
        orgWords: m.type === 'ORG' ? orgWords(m.key) : [],
        placeKey: '',
        sig: '',
        letters: letterMask(m.key),
      });
      const c = clusters[clusters.length - 1];
      if (m.type === 'PERSON') c.sig = 'P' + c.personWords.slice().sort().join(' ');
      else if (m.type === 'ORG') c.sig = 'O' + c.orgWords.slice().sort().join(' ');
      else c.sig = 'L' + (c.placeKey = normName(m.key));
    }
    const c = clusters[ci];
    c.count++;
    c.surfaces.set(m.surface, (c.surfaces.get(m.surface) ?? 0) + 1);
    if (m.role) c.roles.set(m.role, (c.roles.get(m.role) ?? 0) + 1);
    clusterOf.push(ci);
  }
  return { path, outlet: o, clusters, clusterOf };
}

class UnionFind {
  parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // keep the smaller index as root: deterministic
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }
}

/** Normalised organisation words with country spellings unified: `U.S.` -> `us`, `Britain` -> `uk`. */
function orgWords(name: string): string[] {
  let n = ' ' + normName(name) + ' ';
  // corporate suffixes do not change the company: `Apple Inc.` = `Apple`
  n = n.replace(/ (?:inc|incorporated|corp|corporation|co|ltd|limited|plc|llc|ag|sa|nv|se) $/, ' ');
  n = n.replace(/ united states of america | united states | usa | america /g, ' us ');
  n = n.replace(/ united kingdom | great britain | britain /g, ' uk ');
  return n.trim().split(' ').filter((w) => w && w !== 'the' && w !== "'s");
}

const GENERIC_ORG_WORDS = new Set(
  'foreign affairs defence defense ministry department state interior home office finance treasury trade health justice education embassy army navy air force forces police parliament supreme court central bank national coast guard military government cabinet of and commerce agriculture energy environment security council armed self-defence self defence self-defense defense intelligence service services agency meteorological statistics office marine corps federal reserve people s liberation'.split(
    ' ',
  ),
);
const REWRITABLE_HEADS = new Set(['department', 'ministry', 'agency', 'office', 'commission', 'bureau', 'council', 'service', 'institute']);

function slug(s: string): string {
  const n = normName(s)
    .replace(/[^a-z0-9\u00c0-\uffff]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return n || 'x';
}

function personWords(key: string): string[] {
  return normName(key)
    .split(' ')
    .filter((w) => w && !['jr', 'sr', 'ii', 'iii', 'iv'].includes(w));
}

function isAcronym(key: string): boolean {
  const letters = key.replace(/[^A-Za-z]/g, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && !/\s/.test(key.trim());
}

function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) m |= 1 << (c - 97);
  }
  return m;
}

function addAll(to: Map<string, number>, from: Map<string, number>): void {
  for (const [k, v] of from) to.set(k, (to.get(k) ?? 0) + v);
}

function byCount(m: Map<string, number>): string[] {
  return [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[0]);
}

/** Merges document clusters into corpus entities. */
function resolveSummaries(docs: DocSummary[], knowledge: KnowledgeEntry[] = []): { entities: CorpusEntity[]; idOf: (doc: number, cluster: number) => string } {
  const lx = lexicon();
  const uf = new UnionFind();
  const nodes: Cluster[] = [];
  const nodeOf: number[][] = [];
  for (const d of docs) {
    nodeOf.push(
      d.clusters.map((c) => {
        nodes.push(c);
        return uf.add();
      }),
    );
  }
  // knowledge entries are nodes of their own, after the clusters
  const kBase = nodes.length;
  const kIndex = new Map<string, number>();
  knowledge.forEach((e, i) => {
    uf.add();
    for (const n of [e.name, ...(e.aliases ?? [])]) {
      const k = normName(n);
      if (!kIndex.has(k)) kIndex.set(k, i);
    }
  });
  const knowledgeOf = new Map<number, number>();
  if (knowledge.length) {
    nodes.forEach((c, i) => {
      let ki = kIndex.get(normName(c.key));
      if (ki === undefined) for (const s of c.surfaces.keys()) if ((ki = kIndex.get(normName(s))) !== undefined) break;
      if (ki === undefined) return;
      const t = knowledge[ki].type;
      if (t && t !== c.type) return;
      knowledgeOf.set(i, ki);
      uf.union(i, kBase + ki);
    });
  }
  const free = (i: number) => !knowledgeOf.has(i);
  // normalised forms, once per node
  const acr: boolean[] = nodes.map((c) => c.acronym);
  const pw: string[][] = nodes.map((c) => c.personWords);
  const ow: string[][] = nodes.map((c) => c.orgWords);

  // --- PLACE and exact keys -------------------------------------------------------------------
  const exact = new Map<string, number>();
  nodes.forEach((c, i) => {
    if (!free(i)) return;
    // a bare surname is matched per document below: two articles' `Johnson` are not one person
    // because they are written alike (one that joins a full name would pull the other along)
    if (c.type === 'PERSON' && pw[i].length < 2) return;
    const sig = c.sig;
    const j = exact.get(sig);
    if (j === undefined) exact.set(sig, i);
    else uf.union(j, i);
  });

  // --- ORG --------------------------------------------------------------------------------------
  const orgBy = new Map<string, number[]>();
  const addOrg = (k: string, i: number) => {
    const l = orgBy.get(k) ?? [];
    l.push(i);
    orgBy.set(k, l);
  };
  const orgNodes: number[] = [];
  nodes.forEach((c, i) => {
    if (c.type !== 'ORG' || !free(i) || acr[i]) return;
    orgNodes.push(i);
    const w = ow[i];
    // without country words
    const stripped = w.filter((x) => !lx.countryWords.has(x) && x !== 'us' && x !== 'uk');
    if (stripped.length >= 2 && stripped.length < w.length && !stripped.every((x) => GENERIC_ORG_WORDS.has(x))) addOrg('S' + stripped.join(' '), i);
    if (stripped.length === w.length && w.length >= 2 && !w.every((x) => GENERIC_ORG_WORDS.has(x))) addOrg('S' + w.join(' '), i);
    // `Justice Department` -> `department of justice`
    const ofAt = w.indexOf('of');
    let canon = w.join(' ');
    if (ofAt < 0 && w.length >= 2 && REWRITABLE_HEADS.has(w[w.length - 1])) canon = w[w.length - 1] + ' of ' + w.slice(0, -1).join(' ');
    const short = lx.orgShortForms.get(w.join(' ')) ?? lx.orgShortForms.get(canon);
    if (short) canon = short;
    addOrg('C' + canon, i);
    // (rule added after set 6: the words written together, `SonyEricsson` = `Sony Ericsson`)
    if (w.length >= 2 || (w.length === 1 && w[0].length >= 6)) addOrg('J' + w.join(''), i);
  });
  for (const list of orgBy.values()) for (let k = 1; k < list.length; k++) uf.union(list[0], list[k]);
  // (rule added after set 6: a one-word organisation joins the organisations named by that word and
  // descriptive words only, `Samsung Electronics`, when they are one entity)
  const TAIL = new Set(
    'electronics research group holdings company international industries technologies technology systems motor motors communications telecom telecommunications networks software computer computers pharmaceuticals entertainment airlines airways energy petroleum oil media interactive enterprises worldwide global'.split(' '),
  );
  // ... written as one word, in the same document or one telling the same story (two of the same
  // non-place entities named; the first 50 documents of those names asked)
  const contextOfOrg = (path: string) => new Set(nodes.filter((c) => c.path === path && c.type !== 'PLACE' && !(c.type === 'PERSON' && c.personWords.length < 2)).map((c) => c.sig));
  for (const i of orgNodes) {
    if (ow[i].length !== 1 || nodes[i].key.includes(' ')) continue;
    const longer = orgNodes.filter((j) => ow[j].length >= 2 && ow[j][0] === ow[i][0] && ow[j].slice(1).every((x) => TAIL.has(x)));
    if (!longer.length || new Set(longer.map((j) => uf.find(j))).size !== 1) continue;
    const paths: string[] = [];
    for (const j of longer) if (!paths.includes(nodes[j].path)) paths.push(nodes[j].path);
    const here = contextOfOrg(nodes[i].path);
    const told = paths.includes(nodes[i].path) || paths.slice(0, 50).some((p) => [...contextOfOrg(p)].filter((sig) => here.has(sig)).length >= 2);
    if (told) uf.union(longer[0], i);
  }
  // acronyms used alone
  const definedAs = new Map<string, Set<number>>();
  nodes.forEach((c, i) => {
    if (c.type !== 'ORG' || acr[i]) return;
    for (const s of c.surfaces.keys()) if (s.length <= 12 && isAcronym(s)) {
      const set = definedAs.get(s) ?? new Set<number>();
      set.add(i);
      definedAs.set(s, set);
    }
  });
  const acronymMatch = new Map<string, number>();
  const abbreviable: number[] = [];
  const initials = new Map<number, Set<number>>();
  for (const j of orgNodes) {
    const k = nodes[j].key;
    if (k.split(/\s+/).length < 2) continue;
    if (ow[j].every((x) => GENERIC_ORG_WORDS.has(x) || lx.countryWords.has(x))) continue;
    abbreviable.push(j);
    const set = new Set<number>();
    for (const w of k.split(/[\s\-‐‑–]+/)) if (w) set.add(w.charCodeAt(0) | 32);
    initials.set(j, set);
  }
  nodes.forEach((c, i) => {
    if (c.type !== 'ORG' || !free(i) || !acr[i]) return;
    const defs = definedAs.get(c.key);
    if (defs) {
      const roots = new Set([...defs].map((x) => uf.find(x)));
      if (roots.size === 1) {
        uf.union([...defs][0], i);
        return;
      }
    }
    let match = acronymMatch.get(c.key);
    if (match === undefined) {
      // the one organisation name (after the unions so far) this acronym abbreviates; -1 for none
      const roots = new Set<number>();
      let any = -1;
      const first = c.key.charCodeAt(0) | 32;
      for (const j of abbreviable) {
        const k = nodes[j].key;
        if (!initials.get(j)!.has(first) || (c.letters & ~nodes[j].letters) !== 0) continue;
        if (abbreviatesStrict(c.key, k)) {
          roots.add(uf.find(j));
          any = j;
        }
      }
      match = roots.size === 1 ? any : -1;
      acronymMatch.set(c.key, match);
    }
    if (match >= 0) uf.union(match, i);
  });

  // --- PERSON -----------------------------------------------------------------------------------
  const persons: number[] = [];
  const singles: number[] = [];
  nodes.forEach((c, i) => {
    if (c.type !== 'PERSON' || !free(i)) return;
    if (pw[i].length >= 2) persons.push(i);
    else singles.push(i);
  });
  // subsets and variants
  const bySurname = new Map<string, number[]>();
  for (const i of persons) {
    const w = pw[i];
    for (const x of [w[w.length - 1], w[0]]) {
      const l = bySurname.get(x) ?? [];
      if (!l.includes(i)) l.push(i);
      bySurname.set(x, l);
    }
  }
  for (const i of persons) {
    const wi = pw[i];
    const cands = bySurname.get(wi[wi.length - 1]) ?? [];
    const supers = new Set<number>();
    // (rule added with set 6: `R O'Gara` joins the one full name of that surname whose given name has
    // that initial)
    const byInitial: number[] = [];
    const initial = wi.length === 2 && wi[0].length === 1 ? wi[0] : '';
    for (const j of cands) {
      if (j === i) continue;
      const wj = pw[j];
      const sj = new Set(wj);
      if (initial && wj.length === 2 && wj[1] === wi[1] && wj[0].length > 2 && wj[0][0] === initial) byInitial.push(j);
      if (wi.length < wj.length && wi.every((x) => sj.has(x))) supers.add(j);
      else if (wi.length === wj.length && wi[wi.length - 1] === wj[wj.length - 1] && wi.length >= 2 && sameGiven(wi[0], wj[0], lx) && wi.slice(1, -1).join(' ') === wj.slice(1, -1).join(' '))
        uf.union(i, j);
    }
    const roots = new Set([...supers].map((x) => uf.find(x)));
    if (roots.size === 1) uf.union(i, [...supers][0]);
    if (byInitial.length && new Set(byInitial.map((x) => uf.find(x))).size === 1) uf.union(i, byInitial[0]);
  }
  // a single name: the one full name it ends (or starts, family name first), when a document writing
  // that full name tells the same story (it is the same document, or the two name two of the same
  // non-place entities; the first 50 such documents are asked); else roles decide
  const contextOf = (path: string) => new Set(nodes.filter((c) => c.path === path && c.type !== 'PLACE' && !(c.type === 'PERSON' && c.personWords.length < 2)).map((c) => c.sig));
  const sameStory = (path: string, fullName: string): boolean => {
    const paths: string[] = [];
    for (const k of persons) if (pw[k].join(' ') === fullName && !paths.includes(nodes[k].path)) paths.push(nodes[k].path);
    if (paths.includes(path)) return true;
    const here = contextOf(path);
    for (const p of paths.slice(0, 50)) {
      const there = contextOf(p);
      if ([...here].filter((sig) => there.has(sig)).length >= 2) return true;
    }
    return false;
  };
  // (rule added after set 6: a document with a bare name tells the story of another document when two
  // of its people are written in full there: a bare name counts when it is the first or last word of
  // such a full name, a full name when it is the same; the first 50 documents writing each full name
  // are asked)
  const countsOf = new Map<string, Map<string, number>>();
  const namesCount = (path: string): Map<string, number> => {
    const words: string[] = [];
    for (const k of singles) if (nodes[k].path === path && pw[k][0] && !words.includes(pw[k][0])) words.push(pw[k][0]);
    const count = new Map<string, number>();
    // (a document naming more than six people by one name, a team sheet, is not read so)
    if (words.length < 1 || words.length > 6) return count;
    for (const w of words) {
      const docs = new Set<string>();
      const names = new Set<string>();
      for (const j of persons) {
        const wj = pw[j];
        if (wj[wj.length - 1] === w || wj[0] === w) names.add(wj.join(' '));
      }
      for (const name of names) {
        const paths: string[] = [];
        for (const k of persons) if (pw[k].join(' ') === name && !paths.includes(nodes[k].path)) paths.push(nodes[k].path);
        for (const p of paths.slice(0, 50)) if (p !== path) docs.add(p);
      }
      for (const p of docs) count.set(p, (count.get(p) ?? 0) + 1);
    }
    // and the full names this document writes, each counted for the (first 50) documents writing it
    const own: string[] = [];
    for (const k of persons) if (nodes[k].path === path && !own.includes(pw[k].join(' '))) own.push(pw[k].join(' '));
    for (const name of own) {
      const paths: string[] = [];
      for (const k of persons) if (pw[k].join(' ') === name && !paths.includes(nodes[k].path)) paths.push(nodes[k].path);
      for (const p of paths.slice(0, 50)) if (p !== path) count.set(p, (count.get(p) ?? 0) + 1);
    }
    return count;
  };
  let groupRoles: Map<number, Set<string>> | undefined;
  // bare surnames that joined no full name: those written alike are one entity
  const unjoined = new Set<number>(singles);
  for (const i of singles) {
    const w = pw[i][0];
    if (!w) continue;
    const cands = bySurname.get(w) ?? [];
    const roots = new Map<number, number>();
    // (changed with the rule above: among the people told, the one whose document shares most people
    // with this one, the same document first; a tie joins none)
    const told: { root: number; j: number; score: number }[] = [];
    for (const j of cands) {
      const wj = pw[j];
      if (wj[wj.length - 1] !== w && wj[0] !== w) continue;
      roots.set(uf.find(j), j);
      const name = wj.join(' ');
      const paths: string[] = [];
      for (const k of persons) if (pw[k].join(' ') === name && !paths.includes(nodes[k].path)) paths.push(nodes[k].path);
      const counts = countsOf.get(nodes[i].path) ?? namesCount(nodes[i].path);
      countsOf.set(nodes[i].path, counts);
      let score = paths.includes(nodes[i].path) ? Infinity : sameStory(nodes[i].path, name) ? 2 : 0;
      if (counts.size && [...counts.values()].some((c) => c >= 2)) for (const p of paths) score = Math.max(score, counts.get(p) ?? 0);
      if (score >= 2) told.push({ root: uf.find(j), j, score });
    }
    const top = Math.max(-1, ...told.map((t) => t.score));
    const winners = new Set(told.filter((t) => t.score === top).map((t) => t.root));
    if (winners.size === 1) {
      uf.union(i, told.find((t) => t.score === top)!.j);
      unjoined.delete(i);
      continue;
    }
    if (roots.size >= 1) {
      // roles decide: `Defence Secretary Austin` joins the Austin who is a Defence Secretary
      const myRoles = roleWords(nodes[i].roles);
      if (myRoles.size === 0) continue;
      if (!groupRoles) {
        groupRoles = new Map();
        for (const k of persons) {
          const r = uf.find(k);
          const set = groupRoles.get(r) ?? new Set<string>();
          for (const w of roleWords(nodes[k].roles)) set.add(w);
          groupRoles.set(r, set);
        }
      }
      const matches: number[] = [];
      for (const [root, j] of roots) {
        const rs = groupRoles.get(root) ?? new Set<string>();
        if ([...myRoles].some((r) => rs.has(r))) matches.push(j);
      }
      if (matches.length === 1) {
        uf.union(i, matches[0]);
        unjoined.delete(i);
      }
    }
  }
  const bareBySig = new Map<string, number>();
  for (const i of unjoined) {
    const j = bareBySig.get(nodes[i].sig);
    if (j === undefined) bareBySig.set(nodes[i].sig, i);
    else uf.union(j, i);
  }

  // --- entities ---------------------------------------------------------------------------------
  const groups = new Map<number, number[]>();
  nodes.forEach((_, i) => {
    const r = uf.find(i);
    const l = groups.get(r) ?? [];
    l.push(i);
    groups.set(r, l);
  });
  interface Draft {
    root: number;
    entity: CorpusEntity;
    firstPath: string;
  }
  const drafts: Draft[] = [];
  const rootOfKnowledge = new Map<number, number>();
  for (let k = 0; k < knowledge.length; k++) rootOfKnowledge.set(uf.find(kBase + k), k);
  for (const [root, members] of groups) {
    const types = new Map<string, number>();
    const keys = new Map<string, number>();
    const surfaces = new Map<string, number>();
    const roles = new Map<string, number>();
    const outlets: Record<string, number> = {};
    let firstPath = '\uffff';
    for (const i of members) {
      const c = nodes[i];
      types.set(c.type, (types.get(c.type) ?? 0) + c.count);
      keys.set(c.key, (keys.get(c.key) ?? 0) + c.count);
      addAll(surfaces, c.surfaces);
      addAll(roles, c.roles);
      outlets[c.outlet] = (outlets[c.outlet] ?? 0) + c.count;
      if (c.path < firstPath) firstPath = c.path;
    }
    const ki = rootOfKnowledge.get(root);
    const entry = ki !== undefined ? knowledge[ki] : undefined;
    const type = (entry?.type ?? byCount(types)[0]) as EntityType;
    // the name: the most used key with the most words (full names over surnames, long forms over acronyms)
    const keyList = byCount(keys);
    const wordCount = (k: string) => (isAcronym(k) ? 0 : k.split(/\s+/).length);
    let maxWords = 0;
    for (const k of keyList) maxWords = Math.max(maxWords, wordCount(k));
    const name = entry?.name ?? (type === 'PERSON' ? keyList.find((k) => wordCount(k) === maxWords)! : keyList.find((k) => wordCount(k) >= Math.min(2, maxWords)) ?? keyList[0]);
    const aliasCounts = new Map<string, number>();
    addAll(aliasCounts, surfaces);
    for (const [k, v] of keys) aliasCounts.set(k, (aliasCounts.get(k) ?? 0) + v);
    for (const a of entry?.aliases ?? []) if (!aliasCounts.has(a)) aliasCounts.set(a, 0);
    aliasCounts.delete(name);
    const roleList = dedupeRoles(byCount(roles));
    const entity: CorpusEntity = {
      id: entry?.id ?? '',
      type,
      name,
      aliases: byCount(aliasCounts),
      roles: roleList,
      mentionsByOutlet: outlets,
    };
    if (entry?.description) entity.description = entry.description;
    if (entry?.links && entry.links.length) entity.links = entry.links.slice();
    if (members.every((i) => i >= kBase)) continue; // a knowledge entry nobody mentions
    drafts.push({ root, entity, firstPath });
  }
  // ids: deterministic whatever the order of documents
  drafts.sort((a, b) => (a.entity.name < b.entity.name ? -1 : a.entity.name > b.entity.name ? 1 : a.firstPath < b.firstPath ? -1 : a.firstPath > b.firstPath ? 1 : 0));
  const used = new Set<string>(knowledge.map((e) => e.id));
  const idOfRoot = new Map<number, string>();
  for (const d of drafts) {
    if (!d.entity.id) {
      const base = d.entity.type.toLowerCase() + ':' + slug(d.entity.name);
      let id = base;
      for (let n = 2; used.has(id); n++) id = base + '-' + n;
      d.entity.id = id;
    }
    used.add(d.entity.id);
    idOfRoot.set(d.root, d.entity.id);
  }
  return {
    entities: drafts.map((d) => d.entity),
    idOf: (doc, cluster) => idOfRoot.get(uf.find(nodeOf[doc][cluster]))!,
  };
}

const ROLE_STOP = new Set(['of', 'the', 'a', 'an', 'and', 'at', 'in', 'for', 'us', 'uk']);
function roleWords(roles: Map<string, number>): Set<string> {
  const s = new Set<string>();
  for (const r of roles.keys()) for (const w of normName(r).split(' ')) if (w.length > 2 && !ROLE_STOP.has(w)) s.add(w === 'defense' ? 'defence' : w);
  return s;
}

/** Roles that differ only in spelling or case are one (`Defense Secretary`/`Defence Secretary`). */
function dedupeRoles(roles: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of roles) {
    const k = normName(r).replace(/defense/g, 'defence').replace(/^(the|a|an) /, '');
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
}

/**
 * Corpus entities for a set of documents and the id of every mention. `knowledge` (the user's
 * `news-entities.json`, see `parseKnowledgeFile`) fixes ids, names, types and aliases and adds
 * descriptions and links; entries nobody mentions are left out.
 */
function oracleResolveEntities(docs: ResolveDocument[], knowledge?: KnowledgeEntry[]): Resolution {
  const summaries = docs.map((d) => summarize(d.path, d.outlet, d.mentions));
  const { entities, idOf } = resolveSummaries(summaries, knowledge);
  const mentionIds = summaries.map((s, di) => s.clusterOf.map((ci) => idOf(di, ci)));
  return { entities, mentionIds };
}


// ---------------------------------------------------------------------------------------------

interface Doc {
  path: string;
  outlet: string | null;
  mentions: EntityMention[];
}

function bbcDocs(every: number): Doc[] {
  const root = path.join(sharedDir(), 'corpora', 'bbc');
  const docs: Doc[] = [];
  for (const cat of ['business', 'sport', 'tech']) {
    const dir = path.join(root, cat);
    const names = fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
    names.forEach((n, i) => {
      if (i % every !== 0) return;
      const text = fs.readFileSync(path.join(dir, n), 'utf8');
      docs.push({ path: `bbc/${cat}/${n}`, outlet: cat, mentions: recognizeEntities(text) });
    });
  }
  return docs;
}

function seedDocs(): Doc[] {
  return [...readSeeds().values()].map((s, i) => ({ path: `seeds/${s.name}`, outlet: i % 2 ? 'Outlet A' : null, mentions: recognizeEntities(s.text) }));
}

function assertSameResolution(docs: Doc[], knowledge?: KnowledgeEntry[]): void {
  const want = oracleResolveEntities(docs, knowledge);
  const got = resolveEntities(docs, knowledge);
  assert.deepStrictEqual(got.entities, want.entities);
  assert.deepStrictEqual(got.mentionIds, want.mentionIds);
}

/** EntityResolver against the oracle run from scratch on the same documents (sorted by path, as the resolver does). */
function assertResolverMatches(resolver: EntityResolver, docs: Map<string, Doc>, knowledge?: KnowledgeEntry[]): void {
  const sorted = [...docs.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const want = oracleResolveEntities(sorted, knowledge);
  const got = resolver.resolve(knowledge);
  assert.deepStrictEqual(got.entities, want.entities);
  sorted.forEach((d, i) => assert.deepStrictEqual(got.idsFor(d.path), want.mentionIds[i], d.path));
  // a caller may change what it was given: the next resolve must not see it
  for (const e of got.entities) {
    e.aliases.push('changed by the caller');
    e.roles.length = 0;
    e.mentionsByOutlet['changed'] = 1;
    e.links?.push('x');
    e.name = 'changed';
  }
}

/** Knowledge entries naming a few entities the corpus mentions, and one nobody mentions. */
function someKnowledge(docs: Doc[]): KnowledgeEntry[] {
  const seen = new Map<string, EntityMention>();
  for (const d of docs) for (const m of d.mentions) if (!seen.has(m.key)) seen.set(m.key, m);
  const picks = [...seen.values()].filter((_, i) => i % 97 === 3).slice(0, 12);
  const entries: KnowledgeEntry[] = picks.map((m, i) => ({
    id: `k:${i}`,
    name: m.key,
    aliases: [m.surface, `Alias ${i}`],
    ...(i % 2 ? { type: m.type } : {}),
    description: `entry ${i}`,
  }));
  entries.push({ id: 'k:nobody', name: 'Nobody Mentioned Anywhere', aliases: [] });
  return entries;
}

describe('Entity resolution is unchanged by the optimised resolver (oracle = the previous algorithm)', () => {
  let bbc: Doc[];
  let all: Doc[];
  let seeds: Doc[];
  before(function () {
    this.timeout(60000);
    seeds = seedDocs();
    all = bbcDocs(1);
    bbc = all.filter((_, i) => i % 4 === 0); // a few hundred BBC articles
  });

  it('on the five seeds, with and without a knowledge file', () => {
    assertSameResolution(seeds);
    assertSameResolution(seeds, someKnowledge(seeds));
    assertSameResolution([...seeds].reverse());
  });

  it('on a few hundred BBC articles, with and without a knowledge file', () => {
    assert.ok(bbc.length >= 300, `${bbc.length} BBC articles`);
    assertSameResolution(bbc);
    assertSameResolution(bbc, someKnowledge(bbc));
    assertSameResolution([...bbc, ...seeds]);
  });

  it('on the whole BBC corpus plus the seeds', function () {
    this.timeout(60000);
    assertSameResolution([...all, ...seeds]);
  });

  it('on documents that repeat each other (the same clusters in many files, other outlets)', () => {
    const copies: Doc[] = [];
    bbc.slice(0, 60).forEach((d, i) => {
      copies.push(d);
      copies.push({ path: d.path + '.copy', outlet: i % 3 ? 'Copy Outlet' : null, mentions: d.mentions });
      copies.push({ path: 'z/' + d.path, outlet: d.outlet, mentions: d.mentions.slice(0, Math.ceil(d.mentions.length / 2)) });
    });
    assertSameResolution(copies);
    assertSameResolution([...copies].reverse(), someKnowledge(copies));
  });

  it('EntityResolver: incremental resolve equals a full resolve after random upserts and removals', function () {
    this.timeout(120000);
    const pool = [...bbc.slice(0, 150), ...seeds];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            op: fc.constantFrom('set', 'set', 'remove', 'resolve', 'variant'),
            doc: fc.nat(pool.length - 1),
            other: fc.nat(pool.length - 1),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        fc.boolean(),
        (ops, withKnowledge) => {
          const knowledge = withKnowledge ? someKnowledge(pool) : undefined;
          const resolver = new EntityResolver();
          const docs = new Map<string, Doc>();
          // start from a part of the pool, resolved once
          for (const d of pool.slice(0, 40)) {
            resolver.setDocument(d.path, d.outlet, d.mentions);
            docs.set(d.path, d);
          }
          assertResolverMatches(resolver, docs, knowledge);
          for (const o of ops) {
            const d = pool[o.doc];
            if (o.op === 'set') {
              resolver.setDocument(d.path, d.outlet, d.mentions);
              docs.set(d.path, d);
            } else if (o.op === 'variant') {
              // the document edited: another document's mentions under its path
              const e: Doc = { path: d.path, outlet: pool[o.other].outlet, mentions: pool[o.other].mentions };
              resolver.setDocument(e.path, e.outlet, e.mentions);
              docs.set(e.path, e);
            } else if (o.op === 'remove') {
              resolver.removeDocument(d.path);
              docs.delete(d.path);
            } else {
              assertResolverMatches(resolver, docs, knowledge);
            }
          }
          assertResolverMatches(resolver, docs, knowledge);
          // and once more without the knowledge file (or with it), on the same state
          assertResolverMatches(resolver, docs, withKnowledge ? undefined : someKnowledge(pool));
        },
      ),
      { numRuns: 25, seed: 20261122 },
    );
  });
});
