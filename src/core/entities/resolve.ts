// Corpus-wide identity: one id per real-world entity across files, outlets and spellings.
//
// Input is each document's mentions (from `recognizeEntities`); the unit of work is a document's
// cluster (type + key), so re-resolving after one document changes costs one document's
// recognition plus a merge over cluster summaries (`EntityResolver` keeps the others' summaries).
// The merge is O(C log C) in the number of distinct document clusters C (about 30 a news article):
// acronyms are tested only against distinct organisation names with their initial, persons only
// against the distinct names sharing their surname. `EntityResolver` also keeps, between resolves,
// each cluster's derived keys, acronym/name tests and every entity whose clusters did not change, so
// an edit re-runs the (cheap, linear) matching but rebuilds only the entities it touched.
//
// Rules, in order (a knowledge file entry overrides all of them):
//  - PLACE: the canonical lexicon name (`U.S.`, `US`, `United States` are one).
//  - ORG: same words in any order after dots and country spellings are normalised
//    (`Japan-US …`, `Japan–U.S. …`, `US-Japan … Committee`); the same name without a leading country
//    (`US Indo-Pacific Command` = `Indo-Pacific Command`) unless what remains is generic
//    (`Foreign Ministry` of which country?); `X Department` = `Department of X`; well-known short
//    forms (`Fed`); an acronym used alone joins the one organisation it was defined for elsewhere
//    or, failing that, the one organisation name it abbreviates.
//  - PERSON: same words in any order (`Kihara Minoru` = `Minoru Kihara`); a name whose words are all
//    in a longer one (`Lai Ching-te` in `William Lai Ching-te`); same surname and a variant given
//    name (`Antony`/`Anthony`, `Mo`/`Mohamed`); a surname (or first name) alone joins the full name
//    it ends (or starts) that a document telling the same story writes — when several do, the one
//    whose document shares most of this one's people — else the one whose roles match, else it stays
//    apart; bare surnames written alike are one entity only among those that joined no full name.
import type { EntityType } from '../model';
import type { EntityMention } from './recognize';
import { sameGiven, abbreviatesStrict } from './recognize';
import { lexicon, normName } from './lexicon';
import type { KnowledgeEntry } from './knowledge';

export interface CorpusEntity {
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

export interface ResolveDocument {
  path: string;
  outlet: string | null;
  text?: string;
  mentions: EntityMention[];
}

export interface Resolution {
  entities: CorpusEntity[];
  /** `mentionIds[docIndex][mentionIndex]` is the id of that mention's entity. */
  mentionIds: string[][];
}

/** One document's cluster: every mention with one (type, key). */
/** A key's normalised forms, computed once per distinct key (`clusterName`) and copied into each cluster. */
interface ClusterName {
  key: string;
  acronym: boolean;
  personWords: string[];
  orgWords: string[];
  placeKey: string;
  /** same words in any order, type-prefixed */
  sig: string;
  /** bit i set when letter a+i occurs in the key */
  letters: number;
}

interface Cluster extends ClusterName {
  type: EntityType;
  /** How the cluster is written, with counts; a string when it is always written one way (`count` times). */
  surfaces: Map<string, number> | string;
  roles: Map<string, number>;
  count: number;
  outlet: string;
  path: string;
  /** unique among every cluster summarised in this process: names a group of clusters in `EntityCache` */
  serial: number;
  /** pure functions of the cluster, computed on first use by `resolveSummaries` and kept with it */
  orgKeys: string[] | undefined;
  definesAcronyms: string[] | undefined;
  roleWordSet: Set<string> | undefined;
}

interface DocSummary {
  path: string;
  outlet: string;
  clusters: Cluster[];
  /** mention index -> cluster index */
  clusterOf: number[];
}

export const NO_OUTLET = '(none)';

let nextSerial = 0;

/**
 * Entities built by the previous `resolveSummaries` call, by the clusters they were built from (their
 * serials in node order) and the knowledge entry they took: a group whose clusters have not changed
 * since gives the same entity, so after an edit only the groups it touched are summed and sorted again.
 */
export interface EntityCache {
  knowledge: KnowledgeEntry[] | undefined;
  byMembers: Map<string, { entity: CorpusEntity; firstPath: string }>;
  /** `abbreviatesStrict(acronym, organisation name)`, a pure function, by acronym then name */
  abbreviates?: Map<string, Map<string, boolean>>;
  abbreviatesSize?: number;
}

function cloneEntity(e: CorpusEntity): CorpusEntity {
  const c: CorpusEntity = { id: e.id, type: e.type, name: e.name, aliases: e.aliases.slice(), roles: e.roles.slice(), mentionsByOutlet: { ...e.mentionsByOutlet } };
  if (e.description !== undefined) c.description = e.description;
  if (e.links !== undefined) c.links = e.links.slice();
  return c;
}

// Shared by every cluster without roles, or without person or organisation words: a summary is kept
// per document for the life of the resolver (200,000 clusters at 20,000 articles). Never mutated.
const NO_ROLES: Map<string, number> = new Map();
const NO_WORDS: string[] = [];

// Summaries live as long as the resolver, and every copy of a story names the same people: a
// cluster points to one shared record of its key's derived forms (never mutated, like NO_WORDS) and
// to one shared copy of each string. A copy, because a mention's strings are often slices of its
// document's text, which V8 keeps whole for as long as a slice of it lives. Normalising each
// document's clusters again was also a third of summarising.
/** By type, then key (no `type + key` string made and hashed per mention); emptied when it grows large. */
const clusterNames = new Map<EntityType, Map<string, ClusterName>>();
let clusterNameCount = 0;
const sharedStrings = new Map<string, string>();

/** One flat copy per distinct string (bounded like slugMemo: past the bound, new copies only). */
function shared(s: string): string {
  let v = sharedStrings.get(s);
  if (v === undefined) {
    if (sharedStrings.size > 200_000) sharedStrings.clear();
    v = (' ' + s).slice(1); // a new string, never a slice of the text
    sharedStrings.set(v, v);
  }
  return v;
}

function clusterName(type: EntityType, key: string): ClusterName {
  let byKey = clusterNames.get(type);
  if (byKey === undefined) clusterNames.set(type, (byKey = new Map()));
  let n = byKey.get(key);
  if (n === undefined) {
    if (clusterNameCount >= 200_000) {
      for (const m of clusterNames.values()) m.clear();
      clusterNameCount = 0;
    }
    clusterNameCount++;
    const own = shared(key);
    const personWordList = type === 'PERSON' ? personWords(own).map(shared) : NO_WORDS;
    const orgWordList = type === 'ORG' ? orgWords(own).map(shared) : NO_WORDS;
    const placeKey = type === 'PERSON' || type === 'ORG' ? '' : shared(normName(own));
    const sig = type === 'PERSON' ? 'P' + personWordList.slice().sort().join(' ') : type === 'ORG' ? 'O' + orgWordList.slice().sort().join(' ') : 'L' + placeKey;
    n = { key: own, acronym: type === 'ORG' && isAcronym(own), personWords: personWordList, orgWords: orgWordList, placeKey, sig: shared(sig), letters: letterMask(own) };
    byKey.set(own, n);
  }
  return n;
}

export function summarize(path: string, outlet: string | null, mentions: EntityMention[]): DocSummary {
  // cluster index by type, then key (no `type + key` string per mention)
  const byType = new Map<EntityType, Map<string, number>>();
  const clusters: Cluster[] = [];
  const clusterOf: number[] = [];
  const o = outlet ?? NO_OUTLET;
  for (const m of mentions) {
    let byKey = byType.get(m.type);
    if (byKey === undefined) byType.set(m.type, (byKey = new Map()));
    let ci = byKey.get(m.key);
    if (ci === undefined) {
      ci = clusters.length;
      byKey.set(m.key, ci);
      const n = clusterName(m.type, m.key);
      clusters.push(newCluster(m.type, n, m.surface === m.key ? n.key : shared(m.surface), NO_ROLES, 0, o, path));
    }
    const c = clusters[ci];
    c.count++;
    if (c.count > 1 && c.surfaces !== m.surface) {
      if (typeof c.surfaces === 'string') c.surfaces = new Map([[c.surfaces, c.count - 1]]);
      const surface = shared(m.surface);
      c.surfaces.set(surface, (c.surfaces.get(surface) ?? 0) + 1);
    }
    if (m.role) {
      if (c.roles === NO_ROLES) c.roles = new Map();
      const role = shared(m.role);
      c.roles.set(role, (c.roles.get(role) ?? 0) + 1);
    }
    clusterOf.push(ci);
  }
  return { path, outlet: o, clusters, clusterOf };
}

/**
 * What a summary's cluster counted, without what is derived from its type and key: a summary can be
 * kept in this form (encoded, outside the JS heap: the analysis worker's SummaryCodec) and made again
 * by `summaryFromCounts` without its mentions.
 */
export interface ClusterCounts {
  type: EntityType;
  key: string;
  surfaces: Map<string, number> | string;
  /** undefined when no mention gave a role */
  roles: Map<string, number> | undefined;
  count: number;
}

/** The summary `summarize` makes of mentions whose clusters counted `counts`, `clusterOf` giving each mention's. */
export function summaryFromCounts(path: string, outlet: string | null, counts: readonly ClusterCounts[], clusterOf: number[]): DocSummary {
  const o = outlet ?? NO_OUTLET;
  const clusters = counts.map((c) => newCluster(c.type, clusterName(c.type, c.key), c.surfaces, c.roles ?? NO_ROLES, c.count, o, path));
  return { path, outlet: o, clusters, clusterOf };
}

/** A cluster with its key's shared derived forms; every field set in one order (one object shape). */
function newCluster(type: EntityType, n: ClusterName, surfaces: Map<string, number> | string, roles: Map<string, number>, count: number, outlet: string, path: string): Cluster {
  return {
    type,
    key: n.key,
    surfaces,
    roles,
    count,
    outlet,
    path,
    acronym: n.acronym,
    personWords: n.personWords,
    orgWords: n.orgWords,
    placeKey: n.placeKey,
    sig: n.sig,
    letters: n.letters,
    serial: nextSerial++,
    orgKeys: undefined,
    definesAcronyms: undefined,
    roleWordSet: undefined,
  };
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
/** Words after a company's own word that do not make it another body (`Samsung Electronics`, `Jupiter Research`). */
const CORPORATE_TAIL = new Set(
  'electronics research group holdings company international industries technologies technology systems motor motors communications telecom telecommunications networks software computer computers pharmaceuticals entertainment airlines airways energy petroleum oil media interactive enterprises worldwide global'.split(' '),
);
const REWRITABLE_HEADS = new Set(['department', 'ministry', 'agency', 'office', 'commission', 'bureau', 'council', 'service', 'institute']);

const slugMemo = new Map<string, string>();
function slug(s: string): string {
  let v = slugMemo.get(s);
  if (v === undefined) {
    if (slugMemo.size > 200_000) slugMemo.clear();
    slugMemo.set(s, (v = slugOf(s)));
  }
  return v;
}

function slugOf(s: string): string {
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

/** Words of a key for choosing an entity's name (an acronym counts none), memoised: keys repeat across entities' rebuilds. */
const wordCountMemo = new Map<string, number>();
function keyWordCount(k: string): number {
  let n = wordCountMemo.get(k);
  if (n === undefined) {
    if (wordCountMemo.size >= 200_000) wordCountMemo.clear();
    wordCountMemo.set(k, (n = isAcronym(k) ? 0 : k.split(/\s+/).length));
  }
  return n;
}

function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) m |= 1 << (c - 97);
  }
  return m;
}

/**
 * Whether a document tells the same story as one of `paths`: it is one of them, or it names two of
 * the same people or organisations (places are too common to tell). A bare `Johnson` in a football
 * report is not the rugby coach another article names in full; a copy of a story cut before the full
 * name is.
 */
function storyTest(nodes: readonly Cluster[]): (path: string, paths: ReadonlySet<string>) => boolean {
  let contextOf: Map<string, Set<string>> | undefined;
  return (path, paths) => {
    if (paths.has(path)) return true;
    if (!contextOf) {
      contextOf = new Map();
      for (const c of nodes) {
        if (c.type === 'PLACE' || (c.type === 'PERSON' && c.personWords.length < 2)) continue;
        const set = contextOf.get(c.path) ?? new Set<string>();
        set.add(c.sig);
        contextOf.set(c.path, set);
      }
    }
    const here = contextOf.get(path);
    if (!here) return false;
    let checked = 0;
    for (const p of paths) {
      const there = contextOf.get(p);
      let shared = 0;
      if (there) for (const sig of here) if (there.has(sig) && ++shared >= 2) return true;
      if (++checked >= 50) break;
    }
    return false;
  };
}

/**
 * Documents whose story a document with bare names tells: one that writes in full two of the people
 * it names, one of them at least by a single name (`Brian` and `Gordon`, or `Brian` and `Eddie
 * O'Sullivan`, are `Brian O'Driscoll`, `Gordon D'Arcy`, `Eddie O'Sullivan` there; a single name counts
 * when it is the first or last word of the full name). A player's column or a follow-up names the
 * people of the match report by first name or surname alone, and may share no organisation with it;
 * two people of one other article named so are rarely chance. Keyed by path: for each other document,
 * how many of its people this one names (2 or more tells its story); the first 50 documents of each
 * full name are counted (a common name in a large corpus stays cheap).
 */
const MAX_BARE_NAMES = 6;
function bareNameStories(
  nodes: readonly Cluster[],
  singles: readonly number[],
  persons: readonly number[],
  personName: readonly { words: string[]; paths: Set<string> }[],
  bySurname: ReadonlyMap<string, readonly { words: string[]; paths: Set<string> }[]>,
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const byPath = new Map<string, string[]>();
  for (const i of singles) {
    const w = nodes[i].personWords[0];
    if (!w) continue;
    const l = byPath.get(nodes[i].path);
    if (!l) byPath.set(nodes[i].path, [w]);
    else if (!l.includes(w)) l.push(w);
  }
  if (byPath.size === 0) return out;
  // the full names each of those documents writes
  const fullOf = new Map<string, { paths: Set<string> }[]>();
  for (const i of persons) {
    const path = nodes[i].path;
    if (!byPath.has(path)) continue;
    const l = fullOf.get(path);
    if (!l) fullOf.set(path, [personName[i]]);
    else if (!l.includes(personName[i])) l.push(personName[i]);
  }
  for (const [path, words] of byPath) {
    // a team sheet's dozens of bare surnames meet some other article's full names by chance (`Duff`,
    // `Kerr`, `Young` of a Scottish league side are not Damien Duff, Brian Kerr, Donald Young): only a
    // document that names a few people by one name is read so
    if (words.length > MAX_BARE_NAMES) continue;
    const count = new Map<string, number>();
    let stories = false;
    const tally = (paths: Set<string>, seen: Set<string>) => {
      let n = 0;
      for (const p of paths) {
        if (++n > 50) break;
        if (p === path || seen.has(p)) continue;
        seen.add(p);
        const c = (count.get(p) ?? 0) + 1;
        count.set(p, c);
        if (c === 2) stories = true;
      }
    };
    for (const w of words) {
      const seen = new Set<string>();
      for (const g of bySurname.get(w) ?? []) if (g.words[g.words.length - 1] === w || g.words[0] === w) tally(g.paths, seen);
    }
    for (const g of fullOf.get(path) ?? []) tally(g.paths, new Set());
    if (stories) out.set(path, count);
  }
  return out;
}

/** The most people a document shares with one of `paths` (`bareNameStories`' counts). */
function storyScore(counts: ReadonlyMap<string, number>, paths: ReadonlySet<string>): number {
  let best = 0;
  for (const p of paths) best = Math.max(best, counts.get(p) ?? 0);
  return best;
}

/** A cluster's surfaces with their counts. */
function surfaceCounts(c: Cluster): Map<string, number> {
  return typeof c.surfaces === 'string' ? new Map([[c.surfaces, c.count]]) : c.surfaces;
}

function surfaceList(c: Cluster): string[] {
  return typeof c.surfaces === 'string' ? [c.surfaces] : [...c.surfaces.keys()];
}

function addAll(to: Map<string, number>, from: Map<string, number>): void {
  for (const [k, v] of from) to.set(k, (to.get(k) ?? 0) + v);
}

function byCount(m: Map<string, number>): string[] {
  // most entities have one type, one key, one role: nothing to sort
  if (m.size <= 1) return m.size === 0 ? [] : [m.keys().next().value as string];
  return [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[0]);
}

/** Merges document clusters into corpus entities. */
export function resolveSummaries(docs: DocSummary[], knowledge: KnowledgeEntry[] = [], cache?: EntityCache): { entities: CorpusEntity[]; idOf: (doc: number, cluster: number) => string } {
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
      if (ki === undefined) for (const s of surfaceList(c)) if ((ki = kIndex.get(normName(s))) !== undefined) break;
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
    for (const k of (c.orgKeys ??= orgKeysOf(ow[i], lx))) addOrg(k, i);
  });
  for (const list of orgBy.values()) for (let k = 1; k < list.length; k++) uf.union(list[0], list[k]);
  // a company's one-word name: the one organisation named by that word and descriptive words only
  // (`Samsung` = `Samsung Electronics`, `Jupiter` = `Jupiter Research`); a business unit's word
  // (`Fiat Auto`) is no such word, and two such names (`Sony Pictures`, `Sony Electronics`) name none
  const byLead = new Map<string, number[]>();
  for (const i of orgNodes) {
    const w = ow[i];
    if (w.length < 2 || !w.slice(1).every((x) => CORPORATE_TAIL.has(x))) continue;
    const l = byLead.get(w[0]);
    if (l) l.push(i);
    else byLead.set(w[0], [i]);
  }
  if (byLead.size) {
    // ... in the same document or one telling the same story: `Universal` of a film story is not the
    // remote-control maker `Universal Electronics` another article names
    const orgStory = storyTest(nodes);
    for (const i of orgNodes) {
      if (ow[i].length !== 1 || nodes[i].key.indexOf(' ') >= 0) continue;
      const l = byLead.get(ow[i][0]);
      if (!l) continue;
      const root = uf.find(l[0]);
      if (!l.every((j) => uf.find(j) === root)) continue;
      if (orgStory(nodes[i].path, new Set(l.map((j) => nodes[j].path)))) uf.union(root, i);
    }
  }
  // acronyms used alone
  const definedAs = new Map<string, Set<number>>();
  nodes.forEach((c, i) => {
    if (c.type !== 'ORG' || acr[i]) return;
    for (const s of (c.definesAcronyms ??= surfaceList(c).filter((x) => x.length <= 12 && isAcronym(x)))) {
      const set = definedAs.get(s) ?? new Set<number>();
      set.add(i);
      definedAs.set(s, set);
    }
  });
  const acronymMatch = new Map<string, number>();
  if (cache && (!cache.abbreviates || (cache.abbreviatesSize ?? 0) > 2_000_000)) {
    cache.abbreviates = new Map();
    cache.abbreviatesSize = 0;
  }
  const abbreviatesCached = (acronym: string, name: string): boolean => {
    if (!cache) return abbreviatesStrict(acronym, name);
    const all = cache.abbreviates!;
    let m = all.get(acronym);
    if (!m) all.set(acronym, (m = new Map()));
    let v = m.get(name);
    if (v === undefined) {
      m.set(name, (v = abbreviatesStrict(acronym, name)));
      cache.abbreviatesSize = (cache.abbreviatesSize ?? 0) + 1;
    }
    return v;
  };
  // organisations an acronym could abbreviate: one entry per distinct key (its clusters in node
  // order), listed under the initial of each of its words, so an acronym is tested once per name
  // that has its first letter rather than once per cluster of every organisation
  interface AbbrevGroup {
    key: string;
    letters: number;
    members: number[];
    /** the characters of the key's last word as `abbreviates` reads it (lower case), made when first asked */
    lastWord: string | undefined;
  }
  const abbrevByKey = new Map<string, AbbrevGroup>();
  const byInitial = new Map<number, AbbrevGroup[]>();
  for (const j of orgNodes) {
    const k = nodes[j].key;
    const known = abbrevByKey.get(k);
    if (known) {
      known.members.push(j);
      continue;
    }
    if (k.split(/\s+/).length < 2) continue;
    if (ow[j].every((x) => GENERIC_ORG_WORDS.has(x) || lx.countryWords.has(x))) continue;
    const g: AbbrevGroup = { key: k, letters: nodes[j].letters, members: [j], lastWord: undefined };
    abbrevByKey.set(k, g);
    const set = new Set<number>();
    for (const w of k.split(/[\s\-‐‑–]+/)) if (w) set.add(w.charCodeAt(0) | 32);
    for (const ch of set) {
      const l = byInitial.get(ch);
      if (l) l.push(g);
      else byInitial.set(ch, [g]);
    }
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
      const last = abbreviationLastChar(c.key);
      for (const g of byInitial.get(first) ?? []) {
        if ((c.letters & ~g.letters) !== 0) continue;
        // `abbreviates` needs the acronym's last letter in the name's last word: most names fail here
        if (last !== '' && !(g.lastWord ??= abbreviationLastWord(g.key)).includes(last)) continue;
        if (abbreviatesCached(c.key, g.key)) {
          for (const j of g.members) roots.add(uf.find(j));
          any = g.members[g.members.length - 1];
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
  // subsets and variants. Candidates are distinct word lists, each with one of its clusters: the
  // clusters with the same words are already one entity (same words in any order, above), so testing
  // one of them gives the same unions as testing all, and a common surname costs its distinct names,
  // not its clusters.
  interface PersonName {
    words: string[];
    rep: number;
    /** the documents that write this full name */
    paths: Set<string>;
  }
  const nameOf = new Map<string, PersonName>();
  const personName: PersonName[] = [];
  const bySurname = new Map<string, PersonName[]>();
  for (const i of persons) {
    const w = pw[i];
    const k = w.join(' ');
    let g = nameOf.get(k);
    if (!g) {
      nameOf.set(k, (g = { words: w, rep: i, paths: new Set() }));
      for (const x of [w[w.length - 1], w[0]]) {
        const l = bySurname.get(x);
        if (!l) bySurname.set(x, [g]);
        else if (l[l.length - 1] !== g) l.push(g);
      }
    }
    personName[i] = g;
    g.paths.add(nodes[i].path);
  }
  for (const i of persons) {
    const wi = pw[i];
    const own = personName[i];
    const cands = bySurname.get(wi[wi.length - 1]) ?? [];
    const supers = new Set<number>();
    // `R O'Gara` on a team sheet: the one full name with that surname whose given name has that initial
    let byInitial: number[] | undefined;
    const initial = wi.length === 2 && wi[0].length === 1 ? wi[0] : '';
    for (const g of cands) {
      if (g === own) continue;
      const j = g.rep;
      const wj = g.words;
      if (initial && wj.length === 2 && wj[1] === wi[1] && wj[0].length > 2 && wj[0][0] === initial) (byInitial ??= []).push(j);
      if (wi.length < wj.length && wi.every((x) => wj.includes(x))) supers.add(j);
      else if (wi.length === wj.length && wi[wi.length - 1] === wj[wj.length - 1] && wi.length >= 2 && sameGiven(wi[0], wj[0], lx) && wi.slice(1, -1).join(' ') === wj.slice(1, -1).join(' '))
        uf.union(i, j);
    }
    // most names: no longer name contains them, no sets to make
    if (supers.size > 0) {
      const roots = new Set([...supers].map((x) => uf.find(x)));
      if (roots.size === 1) uf.union(i, [...supers][0]);
    }
    if (byInitial && new Set(byInitial.map((x) => uf.find(x))).size === 1) uf.union(i, byInitial[0]);
  }
  // a single name: the one full name it ends (or starts, family name first), when a document that
  // writes it tells the same story (sameStory); else roles decide, as between several full names
  const sameStory = storyTest(nodes);
  const namesStory = bareNameStories(nodes, singles, persons, personName, bySurname);
  let groupRoles: Map<number, Set<string>> | undefined;
  // bare surnames that joined no full name: those written alike are one entity
  const unjoined = new Set<number>(singles);
  for (const i of singles) {
    const w = pw[i][0];
    if (!w) continue;
    const cands = bySurname.get(w) ?? [];
    const roots = new Map<number, number>();
    // the full names written in a document that tells this one's story: when several people share
    // the name, the one of the story that names most of this document's people (a bare `Johnson` in
    // a report naming Glen Johnson's team-mates, not the Andy Johnson of a report sharing one name)
    const toldRoots = new Map<number, { rep: number; score: number }>();
    const path = nodes[i].path;
    const stories = namesStory.get(path);
    for (const g of cands) {
      const wj = g.words;
      if (wj[wj.length - 1] !== w && wj[0] !== w) continue;
      const root = uf.find(g.rep);
      roots.set(root, g.rep);
      // (a full name this document writes itself outranks every other story)
      const score = g.paths.has(path) ? Infinity : Math.max(sameStory(path, g.paths) ? 2 : 0, stories !== undefined ? storyScore(stories, g.paths) : 0);
      if (score < 2) continue;
      const t = toldRoots.get(root);
      if (!t) toldRoots.set(root, { rep: g.rep, score });
      else if (score > t.score) t.score = score;
    }
    let best: { rep: number; score: number } | undefined;
    let tie = false;
    for (const t of toldRoots.values()) {
      if (!best || t.score > best.score) {
        best = t;
        tie = false;
      } else if (t.score === best.score) tie = true;
    }
    if (best && !tie) {
      uf.union(i, best.rep);
      unjoined.delete(i);
      continue;
    }
    if (roots.size >= 1) {
      // roles decide: `Defence Secretary Austin` joins the Austin who is a Defence Secretary
      const myRoles = clusterRoleWords(nodes[i]);
      if (myRoles.size === 0) continue;
      if (!groupRoles) {
        groupRoles = new Map();
        for (const k of persons) {
          const r = uf.find(k);
          const set = groupRoles.get(r) ?? new Set<string>();
          for (const w of clusterRoleWords(nodes[k])) set.add(w);
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
  const previous = cache && (cache.knowledge === knowledge || (cache.knowledge?.length === 0 && knowledge.length === 0)) ? cache.byMembers : undefined;
  const next = cache ? new Map<string, { entity: CorpusEntity; firstPath: string }>() : undefined;
  for (const [root, members] of groups) {
    let cacheKey = '';
    if (next) {
      const ki = rootOfKnowledge.get(root);
      cacheKey = (ki ?? '') + ':';
      for (const i of members) cacheKey += nodes[i].serial + ',';
      const hit = previous?.get(cacheKey);
      if (hit) {
        next.set(cacheKey, hit);
        drafts.push({ root, entity: cloneEntity(hit.entity), firstPath: hit.firstPath });
        continue;
      }
    }
    const types = new Map<string, number>();
    const keys = new Map<string, number>();
    // one cluster (most entities): its own counts, read only
    const single = members.length === 1 ? nodes[members[0]] : undefined;
    const surfaces = single ? surfaceCounts(single) : new Map<string, number>();
    const roles = single ? single.roles : new Map<string, number>();
    const outlets: Record<string, number> = {};
    let firstPath = '\uffff';
    for (const i of members) {
      const c = nodes[i];
      types.set(c.type, (types.get(c.type) ?? 0) + c.count);
      keys.set(c.key, (keys.get(c.key) ?? 0) + c.count);
      if (!single) {
        addAll(surfaces, surfaceCounts(c));
        addAll(roles, c.roles);
      }
      outlets[c.outlet] = (outlets[c.outlet] ?? 0) + c.count;
      if (c.path < firstPath) firstPath = c.path;
    }
    const ki = rootOfKnowledge.get(root);
    const entry = ki !== undefined ? knowledge[ki] : undefined;
    const type = (entry?.type ?? byCount(types)[0]) as EntityType;
    // the name: the most used key with the most words (full names over surnames, long forms over acronyms)
    const keyList = byCount(keys);
    const wordCount = (k: string) => keyWordCount(k);
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
    if (next) next.set(cacheKey, { entity: cloneEntity(entity), firstPath });
    drafts.push({ root, entity, firstPath });
  }
  if (cache && next) {
    cache.knowledge = knowledge;
    cache.byMembers = next;
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

/** The last character of `short` as `abbreviates` compares it ('' when it has none). */
function abbreviationLastChar(short: string): string {
  const s = short.toLowerCase().replace(/[^a-z0-9]/g, '');
  return s.length ? s[s.length - 1] : '';
}

/**
 * The last word of `long` as `abbreviates` reads it: lower case, the last 200 characters at most, the
 * letters, digits, characters above U+007F and dots before the last of them. `abbreviates(short, long)`
 * is false when the last character of `short` is not among these (it must fall in the last word).
 */
function abbreviationLastWord(long: string): string {
  const l = long.length > 200 ? long.slice(long.length - 200).toLowerCase() : long.toLowerCase();
  const alnum = (i: number) => {
    const c = l.charCodeAt(i);
    return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
  };
  let li = l.length - 1;
  while (li >= 0 && !alnum(li)) li--;
  let start = li;
  while (start > 0 && (alnum(start - 1) || l.charCodeAt(start - 1) === 46)) start--;
  return li < 0 ? '' : l.slice(start, li + 1);
}

const ROLE_STOP = new Set(['of', 'the', 'a', 'an', 'and', 'at', 'in', 'for', 'us', 'uk']);
function clusterRoleWords(c: Cluster): Set<string> {
  return (c.roleWordSet ??= roleWords(c.roles));
}

/** The keys under which an organisation joins others with the same name (see the ORG rules). */
function orgKeysOf(w: string[], lx: ReturnType<typeof lexicon>): string[] {
  const out: string[] = [];
  // without country words
  const stripped = w.filter((x) => !lx.countryWords.has(x) && x !== 'us' && x !== 'uk');
  if (stripped.length >= 2 && stripped.length < w.length && !stripped.every((x) => GENERIC_ORG_WORDS.has(x))) out.push('S' + stripped.join(' '));
  if (stripped.length === w.length && w.length >= 2 && !w.every((x) => GENERIC_ORG_WORDS.has(x))) out.push('S' + w.join(' '));
  // `Justice Department` -> `department of justice`
  const ofAt = w.indexOf('of');
  let canon = w.join(' ');
  if (ofAt < 0 && w.length >= 2 && REWRITABLE_HEADS.has(w[w.length - 1])) canon = w[w.length - 1] + ' of ' + w.slice(0, -1).join(' ');
  const short = lx.orgShortForms.get(w.join(' ')) ?? lx.orgShortForms.get(canon);
  if (short) canon = short;
  out.push('C' + canon);
  // `SonyEricsson` = `Sony Ericsson`: the words written together
  if (w.length >= 2 || (w.length === 1 && w[0].length >= 6)) out.push('J' + w.join(''));
  return out;
}

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
export function resolveEntities(docs: ResolveDocument[], knowledge?: KnowledgeEntry[]): Resolution {
  const summaries = docs.map((d) => summarize(d.path, d.outlet, d.mentions));
  const { entities, idOf } = resolveSummaries(summaries, knowledge);
  const mentionIds = summaries.map((s, di) => s.clusterOf.map((ci) => idOf(di, ci)));
  return { entities, mentionIds };
}

/**
 * Keeps every document's cluster summary so that an edit re-resolves cheaply: `setDocument` for the
 * edited file (its mentions from `recognizeEntities`), then `resolve()` merges the summaries again
 * (no document is re-read), reusing the entities of unchanged clusters (`EntityCache`). Results are
 * those of a resolve from scratch (test/unit/entities.resolveEquivalence.test.ts). Measured in
 * `bench/entities.ts`.
 */
export class EntityResolver {
  private readonly docs = new Map<string, DocSummary>();
  private readonly cache: EntityCache = { knowledge: undefined, byMembers: new Map() };

  /** the paths in order and their indexes, until a path is added or removed (never mutated: resolutions keep them) */
  private sorted: { paths: string[]; index: Map<string, number> } | undefined;

  setDocument(path: string, outlet: string | null, mentions: EntityMention[]): void {
    if (!this.docs.has(path)) this.sorted = undefined;
    this.docs.set(path, summarize(path, outlet, mentions));
  }

  removeDocument(path: string): void {
    if (this.docs.delete(path)) this.sorted = undefined;
  }

  resolve(knowledge?: KnowledgeEntry[]): { entities: CorpusEntity[]; idsFor(path: string): string[] } {
    if (!this.sorted) {
      const sortedPaths = [...this.docs.keys()].sort();
      this.sorted = { paths: sortedPaths, index: new Map(sortedPaths.map((p, i) => [p, i])) };
    }
    const { paths, index } = this.sorted;
    const summaries = paths.map((p) => this.docs.get(p)!);
    const { entities, idOf } = resolveSummaries(summaries, knowledge, this.cache);
    return {
      entities,
      idsFor: (path: string) => {
        const di = index.get(path);
        if (di === undefined) return [];
        return summaries[di].clusterOf.map((ci) => idOf(di, ci));
      },
    };
  }
}
