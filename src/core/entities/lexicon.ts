// Builds the lookup tables the recogniser and resolver use from the data files in ./data, once.
import type { EntityType } from '../model';
import { COUNTRIES, PLACES, PLACE_HEADS, PLACE_LEADS, REGIONAL_ADJECTIVES } from './data/places';
import { ORG_HEADS, MISC_HEADS, ORGS, NON_ENTITY_ACRONYMS, POSSESSIVE_IN_NAME, ORG_SHORT_FORMS, ORG_LEADS, CLUB_NICKNAMES } from './data/orgs';
import {
  HONORIFICS,
  TITLE_HEADS,
  TITLE_MODIFIERS,
  LOWER_ROLE_HEADS,
  GIVEN_NAMES,
  NAME_PARTICLES,
  GIVEN_NAME_VARIANTS,
  EAST_ASIAN_SURNAMES,
} from './data/people';
import {
  COMMON_CAPITALISED,
  MONTHS_DAYS,
  REPORTING_VERBS,
  PLACE_PREPOSITIONS,
  ORG_BEFORE_IN,
  ORG_CUES_BEFORE,
  PLACE_NOUNS_AFTER,
  ORG_AFFILIATES,
  PERSON_NOUNS_AFTER,
  CLUB_NOUNS_AFTER,
  CLUB_VERBS_AFTER,
  ORG_NOUNS_AFTER,
  ORG_ROLE_AFTER,
} from './data/words';

export interface GazetteerEntry {
  type: EntityType;
  /** Canonical name: `United States` for `U.S.`. */
  canonical: string;
  country: boolean;
}

export interface Lexicon {
  /** Phrase (tokens joined by one space, as written) -> entry. */
  gazetteer: Map<string, GazetteerEntry>;
  /** First token of a gazetteer phrase -> longest phrase length in tokens starting with it. */
  gazetteerFirst: Map<string, number>;
  /** Every proper word prefix of a lexicon phrase (`United`, `United Nations` of `United Nations
   * Security Council`): a look-up stops as soon as its words begin no phrase. */
  gazetteerPrefix: Set<string>;
  demonyms: Set<string>;
  /** First words of the demonyms of several words (`South` of `South Korean`). */
  demonymFirst: Set<string>;
  /** Demonym -> country canonical name (`Chinese` -> `China`). */
  demonymCountry: Map<string, string>;
  /** Country canonical names; used to strip country modifiers when comparing organisation names. */
  countryWords: Set<string>;
  orgHeads: Set<string>;
  orgLeads: Set<string>;
  miscHeads: Set<string>;
  placeHeads: Set<string>;
  placeLeads: Set<string>;
  nonEntityAcronyms: Set<string>;
  possessiveInName: Set<string>;
  honorifics: Set<string>;
  titleHeads: Set<string>;
  titleModifiers: Set<string>;
  lowerRoleHeads: Set<string>;
  lowerRoleModifiers: Set<string>;
  givenNames: Set<string>;
  eastAsianSurnames: Set<string>;
  particles: Set<string>;
  /** Given name (lower case) -> id of its variant group. */
  givenVariant: Map<string, number>;
  common: Set<string>;
  monthsDays: Set<string>;
  reportingVerbs: Set<string>;
  placePrepositions: Set<string>;
  orgBeforeIn: Set<string>;
  orgCuesBefore: Set<string>;
  placeNounsAfter: Set<string>;
  orgAffiliates: Set<string>;
  personNounsAfter: Set<string>;
  clubAfter: Set<string>;
  orgNounsAfter: Set<string>;
  orgRoleAfter: Set<string>;
  /** Normalised short form -> normalised long form (`fed` -> `federal reserve`). */
  orgShortForms: Map<string, string>;
  /** `Reds` -> the clubs it can stand for (`Liverpool`, …); keyed by the nickname's first word too. */
  clubNicknames: Map<string, string[]>;
  clubNicknameFirst: Set<string>;
}

function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => w.length > 0);
}

function lines(s: string): string[] {
  return s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** Splits a phrase into the tokens the recogniser produces, joined by one space. */
export function phraseKey(phrase: string): string {
  return phrase.replace(/\s*,\s*/g, ' , ').replace(/\s+/g, ' ').trim();
}

let cached: Lexicon | undefined;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const gazetteer = new Map<string, GazetteerEntry>();
  const gazetteerFirst = new Map<string, number>();
  const gazetteerPrefix = new Set<string>();
  const add = (phrase: string, entry: GazetteerEntry) => {
    const key = phraseKey(phrase);
    if (!gazetteer.has(key)) gazetteer.set(key, entry);
    const toks = key.split(' ');
    for (let i = 1; i < toks.length; i++) gazetteerPrefix.add(toks.slice(0, i).join(' '));
    gazetteerFirst.set(toks[0], Math.max(gazetteerFirst.get(toks[0]) ?? 0, toks.length));
  };
  const demonyms = new Set<string>();
  const demonymCountry = new Map<string, string>();
  const countryWords = new Set<string>();
  for (const line of lines(COUNTRIES)) {
    const [names, dems] = line.split(';');
    const all = names.split('|');
    for (const n of all) {
      add(n, { type: 'PLACE', canonical: all[0], country: true });
      countryWords.add(normWord(n));
    }
    if (dems)
      for (const d of dems.split('|')) {
        demonyms.add(d);
        if (!demonymCountry.has(d)) demonymCountry.set(d, all[0]);
      }
  }
  const listOrAliases = (data: string, type: EntityType) => {
    for (const line of lines(data)) {
      const eq = line.indexOf('=');
      if (eq >= 0) {
        const canonical = line.slice(0, eq);
        add(canonical, { type, canonical, country: false });
        for (const n of line.slice(eq + 1).split('|')) add(n, { type, canonical, country: false });
      } else {
        for (const n of line.split('|')) add(n, { type, canonical: n, country: false });
      }
    }
  };
  for (const d of REGIONAL_ADJECTIVES.split('|')) demonyms.add(d);
  listOrAliases(PLACES, 'PLACE');
  listOrAliases(ORGS, 'ORG');
  const givenVariant = new Map<string, number>();
  lines(GIVEN_NAME_VARIANTS).forEach((line, i) => {
    for (const n of line.split('|')) givenVariant.set(n.toLowerCase(), i);
  });
  const orgShortForms = new Map<string, string>();
  for (const line of lines(ORG_SHORT_FORMS)) {
    const all = line.split('|');
    for (const n of all.slice(1)) orgShortForms.set(normName(n), normName(all[0]));
  }
  const clubNicknames = new Map<string, string[]>();
  const clubNicknameFirst = new Set<string>();
  for (const line of lines(CLUB_NICKNAMES)) {
    const [nick, clubs] = line.split('=');
    clubNicknames.set(nick, clubs.split('|'));
    clubNicknameFirst.add(nick.split(' ')[0]);
  }
  const titleModifiers = new Set(words(TITLE_MODIFIERS));
  const lowerRoleModifiers = new Set<string>();
  for (const w of titleModifiers) lowerRoleModifiers.add(w.toLowerCase());
  for (const w of words(
    'intelligence military foreign defence defense finance economic chief deputy senior former vice party opposition government state team club campaign press security trade interior relations international global executive managing general assistant associate top junior competition',
  ))
    lowerRoleModifiers.add(w);
  const demonymFirst = new Set<string>();
  for (const d of demonyms) if (d.indexOf(' ') > 0) demonymFirst.add(d.slice(0, d.indexOf(' ')));
  cached = {
    demonymFirst,
    clubNicknames,
    clubNicknameFirst,
    gazetteer,
    gazetteerFirst,
    gazetteerPrefix,
    demonyms,
    demonymCountry,
    countryWords,
    orgHeads: new Set(words(ORG_HEADS)),
    orgLeads: new Set(words(ORG_LEADS)),
    miscHeads: new Set(words(MISC_HEADS)),
    placeHeads: new Set(words(PLACE_HEADS)),
    placeLeads: new Set(words(PLACE_LEADS)),
    nonEntityAcronyms: new Set(words(NON_ENTITY_ACRONYMS)),
    possessiveInName: new Set(words(POSSESSIVE_IN_NAME)),
    honorifics: new Set(words(HONORIFICS)),
    titleHeads: new Set(words(TITLE_HEADS)),
    titleModifiers,
    lowerRoleHeads: new Set(words(LOWER_ROLE_HEADS)),
    lowerRoleModifiers,
    givenNames: new Set(words(GIVEN_NAMES)),
    eastAsianSurnames: new Set(words(EAST_ASIAN_SURNAMES)),
    particles: new Set(words(NAME_PARTICLES)),
    givenVariant,
    common: new Set(words(COMMON_CAPITALISED)),
    monthsDays: new Set(words(MONTHS_DAYS)),
    reportingVerbs: new Set(words(REPORTING_VERBS)),
    placePrepositions: new Set(words(PLACE_PREPOSITIONS)),
    orgBeforeIn: new Set(words(ORG_BEFORE_IN)),
    orgCuesBefore: new Set(words(ORG_CUES_BEFORE)),
    placeNounsAfter: new Set(words(PLACE_NOUNS_AFTER)),
    orgAffiliates: new Set(words(ORG_AFFILIATES)),
    personNounsAfter: new Set(words(PERSON_NOUNS_AFTER)),
    clubAfter: new Set([...words(CLUB_NOUNS_AFTER), ...words(CLUB_VERBS_AFTER)]),
    orgNounsAfter: new Set(words(ORG_NOUNS_AFTER)),
    orgRoleAfter: new Set(words(ORG_ROLE_AFTER)),
    orgShortForms,
  };
  return cached;
}

/** Lower case, no dots, no diacritics, dashes unified: `U.S.` -> `us`, `Nestlé` -> `nestle`. */
export function normWord(w: string): string {
  let s = w.toLowerCase();
  if (s.indexOf('.') >= 0) s = s.replace(/\./g, '');
  // Strip combining marks after NFD decomposition (works in browsers and Node alike).
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[‐‑–—]/g, '-').replace(/[’‘]/g, "'");
  return s;
}

const normCache = new Map<string, string>();

/** Normalised name: words normalised, hyphens split, joined by one space. Memoised (bounded). */
export function normName(name: string): string {
  const hit = normCache.get(name);
  if (hit !== undefined) return hit;
  const n = normNameUncached(name);
  if (normCache.size > 50_000) normCache.clear();
  normCache.set(name, n);
  return n;
}

function normNameUncached(name: string): string {
  const out: string[] = [];
  for (const w of name.split(/[\s\-‐‑–—]+/)) {
    if (!w) continue;
    const n = normWord(w);
    if (n && n !== ',') out.push(n);
  }
  return out.join(' ');
}

export type { EntityType };
