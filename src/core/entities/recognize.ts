// Per-document entity recognition: PERSON, ORG and PLACE mentions with exact spans, a document-local
// cluster key, and the role a title or apposition gives a person.
//
// How it works (all linear in the text):
//  1. `tokenize` marks words, capitals, possessives, abbreviation dots and sentence starts.
//  2. Runs of capitalised words (joined by `of`, `and`, `&`, name particles where a name allows them)
//     are read by evidence, strongest first: a lexicon phrase (countries, cities, well-known
//     organisations), an honorific (`Mr. Kihara`), a title (`Defence Secretary Lloyd Austin`: the title
//     is the role, the name the mention), an organisation head word (`… Command`, `… University`), a
//     place head word (`… Sea`, `… Air Base`), a given name, or the shape of a name (two or three
//     capitalised words). Demonyms (`Japanese`), months, job titles alone are not mentions.
//  3. Single capitalised words, sentence-initial words and Title Case headlines are decided last,
//     with what the whole document says: a later `Austin` is the person `Lloyd Austin` (not the city),
//     a bare `Zhang` the `Zhang Xiaogang` named before; otherwise a reporting verb (`Zhang said`),
//     a place preposition (`in Yokota`) or an organisation cue decides, and without evidence nothing
//     is emitted.
//  4. Acronyms defined in parentheses (`US Forces Japan (USFJ)`, `… Command in Hawaii (INDOPACOM)`)
//     join their long form; an acronym whose long form is not an entity (`… Missiles (JASSM-ER)`)
//     is not one either.
//
// Span conventions: an honorific (`Mr.`, `Ms`, `Sheikh`) and a title are outside the span; a
// generational suffix (`Jr.`) is inside; a possessive `’s` is outside (`China’s` -> `China`).
// Keys: the fullest name the document gives the cluster (`Lloyd Austin`); places take their
// canonical lexicon name (`U.S.` -> `United States`); an acronym takes its long form's key.
import type { EntityType, Paragraph, Span } from '../model';
import { lexicon, Lexicon, normName } from './lexicon';
import { tokenize, Token } from './tokens';

export interface EntityMention extends Span {
  type: EntityType;
  /** Document-local cluster: every mention of one entity in this document has the same key. */
  key: string;
  /** `text.slice(start, end)`. */
  surface: string;
  /** A title or apposition that names this person's role here: `US Secretary of State`. */
  role?: string;
}

interface Cand {
  /** token indices, end exclusive */
  a: number;
  b: number;
  type: EntityType;
  /** decided now, or left to the document-level pass */
  weak: boolean;
  key?: string;
  role?: string;
  /** a lexicon phrase that may yield to a person of the same name (`Austin`) */
  soft?: boolean;
  acronym?: boolean;
  /** Start/end offsets when the mention is part of one token (`US` in `US-Japan`). */
  s?: number;
  /** A person read from the shape of the words alone (no given name, honorific or title). */
  shape?: boolean;
  /** `the Bank`: an organisation's head word standing for the one organisation the text names so. */
  shortOf?: boolean;
  /** A common noun that is also a surname (`Bridge`, `King`): kept only when the document names such a person. */
  onlyNamed?: boolean;
  /** `Telegraph executive …` after `the Telegraph Group`: a head word kept only as a company's short name. */
  corpOnly?: boolean;
  e?: number;
}

/** Every candidate with all its fields, in one order: one hidden class for the hot loops over them. */
function shaped(c: Cand): Cand {
  return { a: c.a, b: c.b, type: c.type, weak: c.weak, key: c.key, role: c.role, soft: c.soft, acronym: c.acronym, s: c.s, shape: c.shape, shortOf: c.shortOf, onlyNamed: c.onlyNamed, corpOnly: c.corpOnly, e: c.e };
}

const CONNECTORS = new Set(['of', 'the', 'for', 'on', 'and', '&', 'de', 'du', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'ter', 'bin', 'binti', 'bint', 'ibn', 'al', 'el', 'la', 'le', 'dos', 'das', 'y']);
const SUFFIXES = new Set(['Jr', 'Sr', 'II', 'III', 'IV']);
/** Abbreviations that begin a name: `St. Louis`, `Mt. Everest`, `Ft. Worth`. */
const NAME_PREFIXES = new Set(['St', 'Mt', 'Ft']);
/** `Leinster beat …`: verbs whose subject is a team. */
const CLUB_VERBS = new Set(['beat', 'beats', 'thrashed', 'edged', 'hammered', 'drew']);
/** Longest run of capitalised words read as one (`United Nations Convention on the Law of the Sea` is 9;
 * two titled names joined by `and` can be 15). */
const MAX_RUN = 24;
/** Endings of adjectives and adverbs, not of names: a sentence-initial `Faultless` is no name. */
const ADJECTIVE_ENDING = /(?:ly|ed|ing|less|ful|ous)$/;
/** A capitalised compound whose tail is lower case: `Anti-corruption`, `Fly-half`, `TV-on-demand`. */
const COMMON_COMPOUND = /^[A-Z][A-Za-z]*-[a-z]/;
/** Lower-case words between a name and an organisation noun: `the Nationwide building society`. */
const ORG_NOUN_MODIFIERS = new Set('share stock building investment mobile software research telecoms telecom media oil drinks food retail energy water mining chemicals insurance phone internet car steel utility construction engineering record film music games chip news'.split(' '));

/** Head words of companies' names: `Texas Instruments` may be shortened to `Texas` (not clubs, whose
 * town alone stays the town, nor commands and ministries: `Indo-Pacific Command`). */
const COMPANY_HEADS = new Set('Instruments Industries Holdings Airlines Airways Motors Systems Technologies Electronics Pharmaceuticals Energy Petroleum Oil Telecom Communications Insurance Securities Steel Mining Chemicals Semiconductor Software Foods Brewery Breweries Bancorp Capital Investments Partners Corporation Corp Inc Group'.split(' '));
/** `the Newcastle game`: nouns after a city's name that make it a club, as CLUB_NOUNS_AFTER do. */
const CLUB_MATCH_NOUNS = new Set(['game', 'games', 'match', 'matches', 'tie', 'fixture', 'clash']);
/** Common capitalised words (site sections) that also open organisations' names: `Science Museum`. */
const SECTION_WORDS = new Set(['Science', 'Sport', 'Sports', 'Health', 'Business', 'Technology', 'Culture', 'Travel', 'Entertainment', 'Home']);
/** Last words that make a `Digital …` name a body's or company's. */
const DIGITAL_BODY_ENDS = new Set('Fund Foundation Trust Society Association Council Commission Agency Corporation Corp Inc Ltd plc Group Holdings Industries Alliance Forum'.split(' '));
/** A business unit's word after its company's name: `Fiat Auto`, `BT Retail`, `GE Capital`. */
const UNIT_WORDS = new Set(['Auto', 'Autos', 'Retail', 'Wholesale', 'Finance', 'Leasing', 'Capital']);
/** Heads of public bodies (not of companies): `… Exchange Commission`, `Department for …`. */
const BODY_HEADS = new Set('Commission Administration Administrations Agency Authority Board Council Committee Center Centre Institute Office Conference Bureau Department Ministry Tribunal Service Directorate'.split(' '));
/** Title words that are also a body's whole name: `the Treasury`, `the Cabinet`. */
const BODY_WORDS = new Set(['Treasury', 'Exchequer', 'Admiralty', 'Cabinet']);
/** Lower-case nouns after a capitalised run that make it the title of an event or prize, not a person. */
const EVENT_NOUNS_AFTER = new Set(['awards', 'award', 'prize', 'prizes', 'trophy', 'festival', 'ceremony', 'exhibition', 'conference', 'project', 'scheme', 'programme', 'initiative']);
/** One-word newspaper names, read as the paper after a capitalised `The` (`The Times`, `The Sun`). */
/** Organisation head words that are also common surnames. */
const SURNAME_HEADS = new Set(['Chambers', 'Banks', 'Cross', 'Fleet', 'Lines']);
/** Roles that head an organisation: `chief of Brightcove` (not `head`: `the head of Byrne` in a match report). */
const HEAD_ROLES = new Set(['chief', 'founder', 'co-founder', 'boss', 'chairman', 'owner', 'president']);
const NEWSPAPER_DAYS = new Set(['Daily', 'Sunday', 'Evening', 'Morning']);
/** Ground heads after a club's lead word: `Celtic Park`. */
const GROUND_HEADS = new Set(['Park', 'Stadium', 'Arena', 'Road', 'Lane', 'Ground']);
const NEWSPAPER_NAMES = new Set('Times Guardian Telegraph Independent Sun Observer Mirror Herald Tribune Gazette Economist Scotsman Express Standard Star Mail Post Journal Chronicle Examiner Inquirer Globe Age Australian Hindu Nation'.split(' '));
/** Labels of a match report's squad lines: `Subs not used: Hamann, Harrison.` */
/** A club name's last word, which match reports use alone for the club (`City`, `United`). */
const CLUB_SUFFIXES = new Set(['City', 'United', 'Town', 'Rovers', 'Villa', 'Athletic', 'Albion', 'Wanderers', 'Rangers', 'Hotspur', 'Utd']);

const SQUAD_LABELS = new Set(['Subs', 'Substitutes', 'Replacements', 'Booked', 'Bench']);
/** `gave Liverpool the lead`, `threw Newcastle a lifeline`. */
const MATCH_STANDING = new Set(['lead', 'advantage', 'lifeline', 'equaliser', 'equalizer', 'winner']);
const JOIN_VERBS = new Set(['join', 'joins', 'joined', 'joining', 'rejoin', 'rejoined']);
/** `search engine Ask Jeeves`: a named search engine is the service (an organisation), not a person. */
const searchEngine = (prev: Token, prev2: Token | undefined): boolean => (prev.text === 'engine' || prev.text === 'engines') && prev2?.text === 'search';
/** `Washington-based`, `London-headquartered`: a place made a modifier. */
const PLACE_MODIFIER = /^[A-Z][A-Za-z.]*(?: [A-Z][a-z]+)?[-‐‑–](?:based|headquartered|registered|listed)$/;
/** Plural nouns of works: a name between `the` and one of them is the works' title. */
const WORK_NOUNS = new Set('games films movies books novels series albums songs comics cartoons'.split(' '));
const prevIsThe = (t: Token | undefined): boolean => !!t && (t.text === 'the' || t.text === 'The');
/** Verbs that put a player in a position: `play Kaka forward`. */
const LINEUP_VERBS = new Set('play plays played playing start starts started field fielded fielding pick picked deploy deployed push pushed move moved'.split(' '));
/** What a player scores or takes: `a Luciano Orquera penalty` names the player. */
const SCORING_ACTS = new Set('penalty penalties try goal header drop-goal conversion strike free-kick free-kicks volley shot cross tackle corner finish effort'.split(' '));
/** Sports whose name after a country's is the national governing body (`UK Athletics`). */
const SPORT_BODY_WORDS = new Set('Athletics Sport Rugby Cycling Swimming Rowing Gymnastics Hockey Golf Tennis Boxing Cricket Triathlon Judo Sailing Badminton Squash Netball Basketball Volleyball'.split(' '));
/** Playing positions: `Middlesbrough winger Stewart Downing`, `Crystal Palace striker` name a club
 * (a country before them is its national team, a place). */
const PLAYING_POSITIONS = new Set('striker strikers winger wingers midfielder midfielders defender defenders goalkeeper goalkeepers keeper forward full-back left-back right-back centre-back centre-half wing-back fly-half scrum-half flanker hooker prop'.split(' '));
const CONTINENTS = new Set(['Europe', 'Asia', 'Africa', 'America', 'Oceania', 'Antarctica', 'Eurasia', 'Arctic', 'Antarctic']);
/** Compass letters that headlines put before a place: `S Korea` is South Korea. */
const COMPASS_LETTERS = new Map([
  ['N', 'North'],
  ['S', 'South'],
  ['E', 'East'],
  ['W', 'West'],
]);
/** A word of digits then two or more lower-case letters: `3ami`, `7digital` (or `3rd`, `10km`). */
const DIGIT_LED = /^\d+[a-z]{2,}$/;
/** Units and ordinal endings after digits: `3rd`, `10km`, `1990s`, `5bn` are not names. */
const DIGIT_UNITS = new Set('st nd rd th am pm km kg mm cm ml mg mb gb kb tb mph kph bn mn ft lb lbs oz mw kw gw hz khz mhz ghz yd yds hrs mins secs sec min kmh'.split(' '));

function isConnector(t: Token): boolean {
  // every connector is lower case or `&`: most tokens asked about are capitalised
  const c0 = t.text.charCodeAt(0);
  if (c0 !== 38 && (c0 < 97 || c0 > 122)) return false;
  return t.text.length <= 5 && CONNECTORS.has(t.text);
}

/**
 * `Frenchman Ronald Pognon`, `Olympian Tomlinson`, `the Yugoslavian-born Bogdanovic`: a word that says
 * where a person comes from or what he is (a demonym with `-man`/`-woman`, `Olympian`, `<demonym>-born`)
 * describes the name after it, as `Briton` does, and is no part of it.
 */
function isDescriptor(w: string, lx: Lexicon): boolean {
  if (w === 'Olympian' || w === 'Paralympian') return true;
  const m = /^([A-Z][a-z]+?)(?:man|woman|men|women)$/.exec(w);
  if (m) return lx.demonyms.has(m[1]) || lx.demonyms.has(m[1].replace(/s$/, '') + 'ish');
  const born = /^([A-Z][a-z]+)-(?:born|bred|raised)$/.exec(w);
  return !!born && (lx.demonyms.has(born[1]) || /(?:an|ese|ish)$/.test(born[1]));
}

class Doc {
  readonly lx: Lexicon = lexicon();
  readonly toks: Token[];
  readonly cands: Cand[] = [];
  /** paragraph number -> headline (Title Case) mode */
  readonly titleCase = new Set<number>();
  lowerWords: Set<string> | null = null;
  wordCounts: Map<string, number> | null = null;

  constructor(
    readonly text: string,
    paragraphs?: Paragraph[],
  ) {
    this.toks = tokenize(text, paragraphs);
    this.findTitleCase();
  }

  /** Title Case paragraphs: short, nearly every word of four letters or more capitalised. */
  private findTitleCase(): void {
    const toks = this.toks;
    let i = 0;
    while (i < toks.length) {
      const p = toks[i].para;
      let capN = 0;
      let lowN = 0;
      let j = i;
      let first = toks[i].start;
      let last = toks[i].end;
      for (; j < toks.length && toks[j].para === p; j++) {
        const t = toks[j];
        last = t.end;
        if (!t.word || t.digit || t.end - t.start < 4) continue;
        if (t.cap) capN++;
        else lowN++;
      }
      // a headline does not end with a full stop nor hold two sentences (read only for a short
      // paragraph of capitalised words)
      if (capN >= 3 && lowN <= 1 && capN >= 4 * lowN && last - first < 250) {
        const body = this.text.slice(first, last);
        const sentence = /[.!?]["”’)]?$/.test(body) || /[a-z][.!?]["”’]? [A-Z]/.test(body);
        if (!sentence) this.titleCase.add(p);
      }
      i = j;
    }
  }

  private lowerQueries = 0;

  /** Whether the document also writes this word in lower case (so, capitalised, it is no name). */
  private readonly lowerAnswers = new Map<string, boolean>();

  isLowerWordInDoc(w: string): boolean {
    const known = this.lowerAnswers.get(w);
    if (known !== undefined) return known;
    const answer = this.lowerWordUncached(w);
    this.lowerAnswers.set(w, answer);
    return answer;
  }

  private lowerWordUncached(w: string): boolean {
    if (!this.lowerWords && this.lowerQueries++ < 8) {
      // few questions: search the text; many: index every lower-case word once
      const l = w.toLowerCase();
      const text = this.text;
      for (let at = text.indexOf(l); at >= 0; at = text.indexOf(l, at + 1)) {
        const before = at > 0 ? text.charCodeAt(at - 1) : 32;
        const after = at + l.length < text.length ? text.charCodeAt(at + l.length) : 32;
        const letter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xbf;
        if (!letter(before) && !letter(after)) return true;
      }
      return false;
    }
    if (!this.lowerWords) {
      const s = new Set<string>();
      for (const t of this.toks) if (t.word && !t.cap && !t.digit) s.add(t.text);
      this.lowerWords = s;
    }
    return this.lowerWords.has(w.toLowerCase());
  }

  /** `Jan Egeland`, `June Carter`: a month that is also a given name, right before a surname-like word
   * and not after a preposition or a number (`in May Bush said`, `5 June Brown`). */
  monthAsGiven(t: Token): boolean {
    const lx = this.lx;
    if (!lx.givenNames.has(t.text) || t.dot || t.poss) return false;
    const k = this.indexOf(t);
    const next = this.toks[k + 1];
    const prev = this.toks[k - 1];
    if (!next || !next.word || !next.cap || next.digit || !next.joined || next.allCaps) return false;
    if (lx.monthsDays.has(next.text) || lx.common.has(next.text) || lx.gazetteer.has(next.text) || lx.titleHeads.has(next.text)) return false;
    if (prev && (prev.digit || (prev.word && !prev.cap && prev.joined && /^(?:in|on|of|since|until|till|by|from|last|next|early|late|mid|this|that|to|through|during|before|after)$/.test(prev.text)))) return false;
    return true;
  }

  private indexOf(t: Token): number {
    // tokens are sorted by start: binary search
    const toks = this.toks;
    let lo = 0;
    let hi = toks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid].start < t.start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  capLike(t: Token | undefined): boolean {
    return !!t && t.word && t.cap && !t.digit;
  }

  /** A word that can be part of a person's name. */
  nameLike(t: Token, allowTitle = false): boolean {
    const lx = this.lx;
    if (!t.word || !t.cap || t.digit) return false;
    const w = t.text;
    if (t.allCaps && w.length > 3 && !this.lx.gazetteer.has(w)) return false;
    if (lx.common.has(w) || (lx.monthsDays.has(w) && !this.monthAsGiven(t)) || lx.demonyms.has(w)) return false;
    // `Europeans`, `Americans`: a demonym's plural names a people, not a person
    if (w.charCodeAt(w.length - 1) === 115 && lx.demonyms.has(w.slice(0, -1))) return false;
    if (lx.givenNames.has(w)) return true; // `Bill`, `Mark`, `Grace` are also common nouns
    if (lx.orgHeads.has(w) || lx.miscHeads.has(w) || lx.honorifics.has(w)) return false;
    if (!allowTitle && (lx.titleHeads.has(w) || lx.titleModifiers.has(w))) return false;
    return true;
  }

  // ---- segments -------------------------------------------------------------------------------

  run(): EntityMention[] {
    const toks = this.toks;
    const headlineSegs: [number, number][] = [];
    let digitLed: number[] | undefined;
    let i = 0;
    while (i < toks.length) {
      const t = toks[i];
      if (!this.capLike(t)) {
        // `BBC1`, `O2`, `G7`: a name with a digit is read only when the lexicon knows it
        if (t.digit && t.cap && t.word && this.lx.gazetteer.get(t.text)?.type === 'ORG') this.lexiconCand(i, i + 1);
        else if (t.digit && t.word && !t.cap && DIGIT_LED.test(t.text)) (digitLed ??= []).push(i);
        // `non-BT networks`, `anti-Microsoft`: a lower-case prefix before a known name
        else if (t.word && !t.cap && t.text.length > 4 && (t.text.indexOf('-') > 0 || t.text.indexOf('–') > 0) && t.text.charCodeAt(0) >= 97 && /[-‐‑–][A-Z]/.test(t.text)) this.hyphenParts(i);
        i++;
        continue;
      }
      const b = this.segmentEnd(i);
      if (this.titleCase.has(t.para)) headlineSegs.push([i, b]);
      else this.segment(i, b);
      i = b;
    }
    if (digitLed) this.digitLedOrgs(digitLed);
    this.clubShortNames();
    this.nameLists();
    this.affiliationLists();
    this.acronymDefinitions();
    this.affiliations();
    this.orgNamesOverPersons();
    this.competitionShortNames();
    this.personAliases();
    this.tradeNames();
    const persons = this.personClusters();
    for (const [a, b] of headlineSegs) this.headline(a, b, persons);
    this.resolveWeak(persons);
    return this.emit(persons);
  }

  /**
   * `security firm 3ami`, `the company 7digital`: a word of digits then lower-case letters (not a unit
   * or an ordinal: `3rd`, `10km`, `1990s`) right after an organisation noun is a company's name, and
   * so is every other use of that word in the document.
   */
  private digitLedOrgs(at: number[]): void {
    const toks = this.toks;
    const names = new Set<string>();
    for (const k of at) {
      const prev = toks[k - 1];
      if (prev && prev.word && !prev.cap && this.lx.orgCuesBefore.has(prev.text) && !DIGIT_UNITS.has(toks[k].text.replace(/^\d+/, ''))) names.add(toks[k].text);
    }
    if (names.size) for (const k of at) if (names.has(toks[k].text)) this.add({ a: k, b: k + 1, type: 'ORG', weak: false, key: toks[k].text });
  }

  /**
   * `City went into the game`, `played for United`: a club's last word standing alone (`City`,
   * `United`, `Rovers`, …) is the one club the document names with it (`Manchester City`).
   */
  private clubShortNames(): void {
    const toks = this.toks;
    let clubs: Map<string, string | null> | undefined;
    for (const c of this.cands)
      if (c.type === 'ORG' && !c.weak && c.s === undefined && c.b - c.a >= 2 && CLUB_SUFFIXES.has(toks[c.b - 1].text)) {
        clubs ??= new Map();
        const w = toks[c.b - 1].text;
        const key = this.candKey(c);
        const had = clubs.get(w);
        clubs.set(w, had === undefined || had === key ? key : null);
      }
    if (!clubs) return;
    const at = new Map<number, string>();
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (!t.word || !t.cap || !CLUB_SUFFIXES.has(t.text) || this.titleCase.has(t.para)) continue;
      const key = clubs.get(t.text);
      if (!key) continue;
      const prev = toks[k - 1];
      const next = toks[k + 1];
      if (prev && this.capLike(prev) && t.joined && !prev.poss) continue;
      if (next && this.capLike(next) && next.joined && !t.poss) continue;
      at.set(k, key);
    }
    if (!at.size) return;
    const rest = this.cands.filter((c) => !(c.b - c.a === 1 && at.has(c.a)));
    this.cands.length = 0;
    for (const c of rest) this.cands.push(c);
    for (const [k, key] of at) this.cands.push(shaped({ a: k, b: k + 1, type: 'ORG', weak: false, key }));
  }

  /**
   * Team sheets and other name lists: a paragraph of four or more items separated by `,`/`;` where
   * most items are an initial and a surname (`G Murphy; G Dempsey, B O'Driscoll, …, A Foley.`).
   * Every name-shaped item is a person, `A` and `I` initials included; `(capt)` is left out.
   */
  private nameLists(): void {
    const toks = this.toks;
    const text = this.text;
    const covered = new Set<number>();
    const found: Cand[] = [];
    let lists: [number, number][] | undefined;
    let i = 0;
    while (i < toks.length) {
      let j = i;
      let seps = 0;
      while (j < toks.length && toks[j].para === toks[i].para) {
        if (toks[j].text === ',' || toks[j].text === ';') seps++;
        j++;
      }
      // a squad label (`Subs Not Used: Macken, Weaver, Onuoha, Jordan.`) says what its list is before
      // the list's shape does
      if (j - i >= 4 && SQUAD_LABELS.has(toks[i].text) && toks[i].sentStart) this.squadLine(i, j, covered, found);
      else if (seps >= 3 && seps * 6 >= j - i) {
        if (!this.nameList(i, j, text, covered, found, false)) (lists ??= []).push([i, j]);
      }
      i = j;
    }
    // a document with one team sheet prints the other side's the same way, perhaps with only one
    // substitution (`…, Sibierski (McManaman 85), Musampa, Fowler.`): read the remaining lists again
    if (found.length && lists) for (const [a, b] of lists) this.nameList(a, b, text, covered, found, true);
    if (found.length) this.officials(covered, found);
    if (!found.length) return;
    // what the other rules read inside the listed names gives way to them (one pass: linear)
    const rest = this.cands.filter((x) => !covered.has(x.a) && !covered.has(x.b - 1));
    this.cands.length = 0;
    for (const c of rest) this.cands.push(c);
    for (const c of found) this.cands.push(shaped(c));
  }

  private nameList(i: number, j: number, text: string, covered: Set<number>, found: Cand[], sheetSeen: boolean): boolean {
    const toks = this.toks;
    const items: [number, number][] = [];
    // `Luis Garcia (Nunez 73)`: a substitute and the minute he came on, after the player he replaced
    let subs = 0;
    let s = i;
    for (let k = i; k <= j; k++) {
      if (k === j || toks[k].text === ',' || toks[k].text === ';') {
        let e = k;
        // `(capt)`, a closing full stop
        while (e > s && toks[e - 1].text === '.') e--;
        if (e - s >= 3 && toks[e - 1].text === ')' && toks[e - 3].text === '(') e -= 3;
        else if (e - s >= 4 && toks[e - 1].text === ')' && toks[e - 2].digit && !toks[e - 2].cap) {
          let o = e - 3;
          while (o > s && o > e - 7 && toks[o].text !== '(') o--;
          if (toks[o].text === '(' && o + 1 < e - 2 && o > s) {
            items.push([o + 1, e - 2]);
            subs++;
            e = o;
          }
        }
        while (e > s && (toks[e - 1].text === '.' || toks[e - 1].text === ')')) e--;
        if (e > s) items.push([s, e]);
        s = k + 1;
      }
    }
    if (items.length < 4) return false;
    const initial = (t: Token) => t.word && /^[A-Z]{1,2}$/.test(t.text);
    const surname = (t: Token) => t.word && t.cap && !t.allCaps && !t.digit && t.text.length > 1;
    // a team sheet with substitutions lists players by surname alone (`Dudek, Finnan, Hyypia, …`);
    // so does a side's list of eleven or more with one substitution, or any list once the document
    // has printed one sheet
    let sheet = subs >= 2 || (subs >= 1 && items.length >= 11) || (sheetSeen && items.length >= 8);
    const shaped = (a: number, b: number): boolean => {
      if (sheet && b - a === 1) return surname(toks[a]) && this.nameLike(toks[a]) && !this.lx.gazetteer.has(toks[a].text);
      if (b - a < 2 || b - a > 4 || !(initial(toks[a]) || surname(toks[a]))) return false;
      for (let k = a + 1; k < b - 1; k++) if (!(isConnector(toks[k]) || /^(?:De|Da|Di|Del|Van|Von|Le|La|Lo|Du|dal)$/.test(toks[k].text) || surname(toks[k]))) return false;
      return surname(toks[b - 1]) && text.slice(toks[a].start, toks[b - 1].end).indexOf('\n') < 0;
    };
    let initials = 0;
    let good = 0;
    for (const [a, b] of items)
      if (shaped(a, b)) {
        good++;
        if (initial(toks[a])) initials++;
      }
    if (!sheet && (initials < 3 || good * 10 < items.length * 7) && this.listOfKnownPeople(items, sheetSeen)) {
      sheet = true;
      good = items.length;
    }
    if ((initials < 3 && !sheet) || good * 10 < items.length * 7) return false;
    for (const [a, b] of items)
      if (shaped(a, b)) {
        for (let k = a; k < b; k++) covered.add(k);
        found.push({ a, b, type: 'PERSON', weak: false });
      }
    return true;
  }

  /**
   * Squad lists with affiliations: `60m: D Chin (Belgrave Harriers), J Gardener (Wessex and Bath).`
   * In a document with three or more list items of an initial, a surname and a bracket of capitalised
   * words (`Initial Surname (Affiliation)`, each item opening a paragraph or after `,` `;` `.` `:`), the
   * listed name is a person and the bracket is the club or body the person comes from: one
   * organisation, as printed with its commas and `and` (`Windsor, Slough, Eton and Hounslow AC`),
   * unless the bracket is a place (`P O'Brien (New Zealand)`, a referee's country, `(S Yorkshire)`),
   * which keeps its reading. A full name listed so (`Jimmy Watkins (Cardiff AAC)`) counts in a
   * paragraph that holds an initial's item. `, capt` after the affiliation stays outside.
   */
  private affiliationLists(): void {
    // (three brackets at least, or no list: most documents leave here)
    const text = this.text;
    let at = text.indexOf('(');
    for (let n = 1; n < 3 && at >= 0; n++) at = text.indexOf('(', at + 1);
    if (at < 0) return;
    const toks = this.toks;
    let items: [number, number, number, boolean][] | undefined; // name start, `(`, bracket end, initial
    let initials = 0;
    for (let k = 1; k < toks.length; k++) {
      if (toks[k].text !== '(') continue;
      const p = toks[k].para;
      // the name: 2-4 words back to an item boundary
      let s = k;
      while (s > 0 && k - s < 5 && toks[s - 1].para === p && toks[s - 1].word) s--;
      if (k - s < 2 || k - s > 4) continue;
      const before = s > 0 && toks[s - 1].para === p ? toks[s - 1].text : '';
      if (before !== '' && before !== ',' && before !== ';' && before !== '.' && before !== ':' && before !== ')') continue;
      const first = toks[s];
      const initial = first.word && /^[A-Z]$/.test(first.text) && !first.dot;
      if (!initial && !this.nameLike(first)) continue;
      let ok = true;
      for (let q = s + 1; q < k; q++) {
        const t = toks[q];
        if (!(t.word && ((t.cap && !t.digit && this.nameLike(t)) || /^(?:de|da|di|van|von|le|la|du|del|dal)$/i.test(t.text)))) ok = false;
      }
      const last = toks[k - 1];
      if (!ok || !last.cap || last.allCaps || last.text.length < 2) continue;
      // the bracket: capitalised words, `and`/`with`/`of`/`&` and commas between them
      let e = k + 1;
      while (e < toks.length && toks[e].para === p && e - k <= 12) {
        const t = toks[e];
        if (t.text === ')') break;
        if (t.text === ',' && toks[e + 1] && toks[e + 1].word && !toks[e + 1].cap) break; // `(Sale Sharks, capt)`
        if (!(t.text === ',' || t.text === '&' || (t.word && (t.cap || /^(?:and|with|of)$/.test(t.text))))) {
          ok = false;
          break;
        }
        e++;
      }
      if (!ok || e === k + 1 || e - k > 12 || !toks[e] || toks[e].para !== p || !toks[e - 1].word || !toks[e - 1].cap || !toks[k + 1].cap) continue;
      (items ??= []).push([s, k, e, initial]);
      if (initial) initials++;
    }
    if (!items || initials < 3) return;
    const paras = new Set<number>();
    for (const [s, , , initial] of items) if (initial) paras.add(toks[s].para);
    const isPlace = (k: number, e: number) => this.cands.some((c) => c.a === k + 1 && c.b === e && c.type === 'PLACE' && c.s === undefined);
    // items of one list share a kind: where most brackets of a paragraph are places (players' countries),
    // an unknown one (`(SA)`, `(Aus, capt)`: no reading or a weak one) is an abbreviated country, not a club
    const placesIn = new Map<number, number>();
    const bracketsIn = new Map<number, number>();
    for (const [s, k, e] of items) {
      const p = toks[s].para;
      if (isPlace(k, e)) placesIn.set(p, (placesIn.get(p) ?? 0) + 1);
      else if (!this.cands.some((c) => c.a > k && c.a < e && !c.weak)) continue;
      bracketsIn.set(p, (bracketsIn.get(p) ?? 0) + 1);
    }
    const covered = new Set<number>();
    const found: Cand[] = [];
    for (const [s, k, e] of items) {
      const p = toks[s].para;
      if (!paras.has(p)) continue;
      for (let q = s; q < k; q++) covered.add(q);
      found.push({ a: s, b: k, type: 'PERSON', weak: false });
      if (isPlace(k, e) || (placesIn.get(p) ?? 0) * 2 >= (bracketsIn.get(p) ?? 0)) continue;
      for (let q = k + 1; q < e; q++) covered.add(q);
      found.push({ a: k + 1, b: e, type: 'ORG', weak: false });
    }
    const rest = this.cands.filter((x) => !covered.has(x.a) && !covered.has(x.b - 1));
    this.cands.length = 0;
    for (const c of rest) this.cands.push(c);
    for (const c of found) this.cands.push(shaped(c));
  }

  /**
   * `De Marigny; Mi Bergamasco, Canale, Masi, Nitoglia; Orquera, Troncon; …`: a team sheet of bare
   * surnames with no substitutions. Items of one list share a kind: a paragraph that is only a list of
   * name-shaped items (one to three capitalised words, no known place or organisation, no lower-case
   * word) of which three or more, and at least a quarter, are people the document already names (the
   * same words read as a person, or the surname of a person named in full) is a list of people; once the
   * document has printed such a sheet, a bench of five or more name-shaped items is one too.
   */
  private listOfKnownPeople(items: [number, number][], sheetSeen: boolean): boolean {
    const toks = this.toks;
    const lx = this.lx;
    for (const [a, b] of items) {
      if (b - a > 3) return false;
      for (let k = a; k < b; k++) {
        const t = toks[k];
        const particle = k < b - 1 && /^(?:De|Da|Di|Del|Dal|Van|Von|Le|La|Lo|Du|de|da|di|del|dal|van|von)$/.test(t.text);
        if (!particle && !(t.word && t.cap && !t.digit && !t.allCaps && this.nameLike(t))) return false;
      }
      if (lx.gazetteer.has(toks[a].text) && b - a === 1) return false;
    }
    if (sheetSeen) return items.length >= 5;
    let persons = this.fullNameSurnames;
    if (!persons) {
      persons = new Set<string>();
      for (const c of this.cands) if (c.type === 'PERSON' && !c.weak && c.s === undefined) persons.add(this.text.slice(toks[c.a].start, toks[c.b - 1].end)).add(toks[c.b - 1].text);
      this.fullNameSurnames = persons;
    }
    let known = 0;
    for (const [a, b] of items) if (persons.has(this.text.slice(toks[a].start, toks[b - 1].end))) known++;
    return known >= 3 && known * 4 >= items.length;
  }

  private fullNameSurnames: Set<string> | undefined;

  /** `H Webb (S Yorkshire).`: in a document with a team sheet, a line that is an initial and a surname
   * (the referee, before the county he comes from) names a person. */
  private officials(covered: Set<number>, found: Cand[]): void {
    const toks = this.toks;
    for (let k = 0; k + 1 < toks.length; k++) {
      const t = toks[k];
      if (!t.word || !/^[A-Z]$/.test(t.text) || (k > 0 && toks[k - 1].para === t.para) || covered.has(k)) continue;
      const sn = toks[k + 1];
      const after = toks[k + 2];
      if (sn.para !== t.para || !sn.joined || !this.capLike(sn) || sn.allCaps || !this.nameLike(sn)) continue;
      if (after && after.para === t.para && after.text !== '(' && after.text !== '.') continue;
      covered.add(k).add(k + 1);
      found.push({ a: k, b: k + 2, type: 'PERSON', weak: false });
    }
  }

  /** `Subs not used: Hamann, Harrison.`: after a squad label and its colon, the listed words are players. */
  private squadLine(i: number, j: number, covered: Set<number>, found: Cand[]): void {
    const toks = this.toks;
    let k = i + 1;
    while (k < j && k - i <= 4 && toks[k].text !== ':') k++;
    if (k >= j || toks[k].text !== ':' || k - i > 4) return;
    let s = k + 1;
    for (let m = s; m <= j; m++) {
      if (m < j && toks[m].text !== ',' && toks[m].text !== ';' && toks[m].text !== '.' && !(toks[m].word && toks[m].text === 'and')) continue;
      if (m - s >= 1 && m - s <= 3) {
        let ok = true;
        // (`Jordan` there is a player: after a squad label only a club's or body's name is not one)
        for (let q = s; q < m; q++) if (!(toks[q].word && toks[q].cap && !toks[q].digit && this.nameLike(toks[q]) && this.lx.gazetteer.get(toks[q].text)?.type !== 'ORG')) ok = false;
        if (ok) {
          for (let q = s; q < m; q++) covered.add(q);
          found.push({ a: s, b: m, type: 'PERSON', weak: false });
        }
      }
      s = m + 1;
    }
  }

  /**
   * `ABN Amro's Eddie Wong`, `Bafta's Grant Dean`: a name read from its shape alone, in the possessive
   * right before a person's given name and surname, is the organisation that person speaks for.
   */
  private affiliations(): void {
    const toks = this.toks;
    const lx = this.lx;
    for (const c of this.cands) {
      if (c.type !== 'PERSON' || c.role || c.s !== undefined || !toks[c.b - 1].poss || !(c.weak || c.shape)) continue;
      if (lx.givenNames.has(toks[c.a].text)) continue;
      const g = toks[c.b];
      const sn = toks[c.b + 1];
      if (g && sn && g.word && g.cap && lx.givenNames.has(g.text) && !g.poss && this.capLike(sn) && sn.joined && this.nameLike(sn, true)) {
        c.type = 'ORG';
        c.weak = false;
        c.shape = false;
      }
    }
  }

  /**
   * `drugs group Eli Lilly` … `Meanwhile Eli Lilly is launching`, `Eli Lilly's chief medical officer`: a
   * name of several words the document reads as an organisation by its context is that organisation
   * wherever only its shape (a given name, then a surname) made it a person; an honorific or a title
   * before it still says person.
   */
  private orgNamesOverPersons(): void {
    const toks = this.toks;
    let orgs: Map<string, Cand> | undefined;
    const words = (c: Cand) => {
      let w = toks[c.a].text;
      for (let k = c.a + 1; k < c.b; k++) w += ' ' + toks[k].text;
      return w;
    };
    for (const c of this.cands) if (c.type === 'ORG' && !c.weak && c.s === undefined && c.b - c.a >= 2 && !c.acronym) (orgs ??= new Map()).set(words(c), c);
    if (!orgs) return;
    for (const c of this.cands) {
      if (c.type !== 'PERSON' || c.role || c.s !== undefined || c.b - c.a < 2) continue;
      const org = orgs.get(words(c));
      const prev = toks[c.a - 1];
      if (!org || (prev && prev.word && this.lx.honorifics.has(prev.text))) continue;
      c.type = 'ORG';
      c.key = this.candKey(org);
      c.weak = false;
      c.shape = false;
    }
  }

  /**
   * `the Rugby World Cup` … `World Cup glory`: a competition's short name (`World Cup`) in a story that
   * names it in full with the sport before it is that competition; of several (`Rugby Sevens World Cup`)
   * the one named most often, then the one of fewest words (the sport's main event).
   */
  private competitionShortNames(): void {
    this.championshipPlurals();
    const toks = this.toks;
    const counts = new Map<string, { n: number; words: number }>();
    const short: Cand[] = [];
    for (const c of this.cands) {
      if (c.type !== 'ORG' || c.s !== undefined || c.b - c.a < 2 || toks[c.b - 1].text !== 'Cup' || toks[c.b - 2].text !== 'World') continue;
      if (c.b - c.a === 2) short.push(c);
      else if (!c.weak) {
        const key = this.candKey(c);
        const had = counts.get(key);
        if (had) had.n++;
        else counts.set(key, { n: 1, words: c.b - c.a });
      }
    }
    if (!short.length || !counts.size) return;
    let key = '';
    let best = { n: 0, words: 0 };
    for (const [k, v] of counts) if (v.n > best.n || (v.n === best.n && v.words < best.words)) [key, best] = [k, v];
    for (const c of short) c.key = key;
  }

  /**
   * `her first European Indoors`, `the Europeans`: a championship's modifiers with the last one made
   * plural, in a story that names the `European Indoor Championships` (`European Championships`), are
   * that championship.
   */
  private championshipPlurals(): void {
    const toks = this.toks;
    let forms: Map<string, { words: string[]; key: string }[]> | undefined;
    for (const c of this.cands) {
      if (c.type !== 'ORG' || c.s !== undefined || c.weak || c.b - c.a < 2 || c.b - c.a > 4) continue;
      const head = toks[c.b - 1].text;
      if (head !== 'Championships' && head !== 'Championship') continue;
      const words: string[] = [];
      for (let k = c.a; k < c.b - 1; k++) words.push(toks[k].text);
      if (!words.every((w) => /^[A-Z][a-z]+$/.test(w))) continue;
      const list = ((forms ??= new Map()).get(words[0]) ?? []) as { words: string[]; key: string }[];
      // `his World Indoor title`: two modifiers or more, as printed, are the championship too (one alone,
      // `European`, is an adjective)
      if (words.length >= 2 && !list.some((f) => f.words.join(' ') === words.join(' '))) list.push({ words: words.slice(), key: this.candKey(c) });
      words[words.length - 1] += 's';
      if (!list.some((f) => f.words.join(' ') === words.join(' '))) list.push({ words, key: this.candKey(c) });
      forms.set(words[0], list);
    }
    if (!forms) return;
    const found: Cand[] = [];
    for (let k = 0; k < toks.length; k++) {
      const list = toks[k].word && toks[k].cap ? forms.get(toks[k].text) : undefined;
      if (!list) continue;
      for (const f of list) {
        let ok = true;
        for (let q = 1; q < f.words.length && ok; q++) ok = toks[k + q]?.text === f.words[q] && toks[k + q].joined;
        const after = toks[k + f.words.length];
        if (!ok || (after && this.capLike(after) && after.joined)) continue;
        // one plural word (`Europeans`) is also a people: only after a determiner or a possessive
        const prev = toks[k - 1];
        // (not inside a longer name: `the Norwich Union European Indoor trials` is the sponsor's event)
        if (prev && toks[k].joined && this.capLike(prev)) continue;
        if (f.words.length === 1 && !(prev && (prev.poss || /^(?:the|The|her|his|their|next|last|this)$/.test(prev.text)))) continue;
        found.push({ a: k, b: k + f.words.length, type: 'ORG', weak: false, key: f.key });
        break;
      }
    }
    if (!found.length) return;
    const covered = new Set<number>();
    for (const c of found) for (let q = c.a; q < c.b; q++) covered.add(q);
    const rest = this.cands.filter((x) => !covered.has(x.a) && !covered.has(x.b - 1));
    this.cands.length = 0;
    for (const c of rest) this.cands.push(c);
    for (const c of found) this.cands.push(shaped(c));
  }

  /**
   * Shapes only trade names have, which no person's or place's name takes:
   * - a web address used as a name (`Plus.net`, `Amazon.com`) or two capitalised parts joined by a dot
   *   (`One.Tel`) is a company;
   * - a word with a digit inside its letters (`Freedom2surf`, `One2One`; not a unit, an ordinal or a
   *   model code) is a company;
   * - a capitalised word right before a model's code of letters and digits (`SonyEricsson P900`,
   *   `Zorin K750`) is the maker, as `Nokia 6600` is;
   * - a word with a capital inside (`SonyEricsson`, `TalkTalk`; not `McCarthy`, `DeShawn`, `MacLeod`)
   *   is no person's name: read as one, it is the company.
   */
  private tradeNames(): void {
    const toks = this.toks;
    const lx = this.lx;
    const found: Cand[] = [];
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (!t.word || !t.cap || this.titleCase.has(t.para)) continue;
      const dot = toks[k + 1];
      const tail = toks[k + 2];
      if (dot && tail && dot.text === '.' && dot.start === t.end && tail.start === dot.end && tail.word && !t.digit && !t.allCaps) {
        const web = /^(?:com|net|org|tv|co|biz|info)$/.test(tail.text);
        const joinedName = tail.cap && !tail.allCaps && !tail.digit && tail.text.length >= 2 && tail.text.length <= 6 && !lx.common.has(tail.text) && t.text.length <= 8 && !lx.gazetteer.has(t.text) && !lx.gazetteer.has(tail.text);
        if (web || joinedName) {
          let b = k + 3;
          // `Lastminute.co.uk`
          if (web && tail.text === 'co' && toks[b]?.text === '.' && toks[b + 1]?.text === 'uk' && toks[b + 1].start === toks[b].end) b += 2;
          found.push({ a: k, b, type: 'ORG', weak: false });
          k = b - 1;
          continue;
        }
      }
      if (t.digit && !t.allCaps && /^[A-Z][a-z]+\d+(?:[a-z]{2,}|[A-Z][a-z]+)$/.test(t.text)) {
        found.push({ a: k, b: k + 1, type: 'ORG', weak: false });
        continue;
      }
      const next = toks[k + 1];
      if (!t.digit && !t.allCaps && next && next.joined && next.digit && /^[A-Z]{1,3}\d{2,4}[a-z]?$/.test(next.text) && !t.sentStart && !t.poss && !lx.gazetteer.has(t.text) && !lx.givenNames.has(t.text) && !lx.common.has(t.text) && !lx.monthsDays.has(t.text) && !this.capLike(toks[k - 1])) {
        found.push({ a: k, b: k + 1, type: 'ORG', weak: false });
        continue;
      }
    }
    for (const c of this.cands) {
      if (c.s !== undefined) continue;
      const after = toks[c.b];
      // `Fiat Auto`, `GM Finance`: a company the lexicon knows, then a business unit's word, is that unit
      // (`Auto` alone heads no name: `Grand Theft Auto` is a game)
      if (c.type === 'ORG' && !c.weak && c.key && after && after.joined && UNIT_WORDS.has(after.text) && !this.capLike(toks[c.b + 1]) && lx.gazetteer.get(toks[c.a].text)?.type === 'ORG') {
        for (const o of this.cands) if (o !== c && o.a < c.b + 1 && o.b > c.a && o.s === undefined) this.dropped.add(o);
        c.b++;
        c.key = undefined;
        continue;
      }
      // `its Alfa Romeo marque`, `the Zephyr brand`: a name before `marque`/`brand` is the brand, a product
      // (a company before `brand` stays one: `the BMW brand`, `Panasonic brand products`)
      if (after && after.word && (after.text === 'marque' || (after.text === 'brand' && c.type === 'PERSON')) && c.type !== 'PLACE') this.dropped.add(c);
      // `Digital Video Broadcasting Handheld`, `Digital Rights Management`, `Digital Screen Network`: what
      // `Digital` opens names a technology, a format or a scheme, unless a body's or company's word ends it
      // (`Digital Solidarity Fund`)
      else if (c.b - c.a >= 2 && toks[c.a].text === 'Digital' && c.type !== 'PLACE' && !DIGITAL_BODY_ENDS.has(toks[c.b - 1].text)) this.dropped.add(c);
      // `Europe's Sky+ box`: a name with a plus sign glued to it is a product's (a service tier)
      else if (after && after.text === '+' && after.start === toks[c.b - 1].end) this.dropped.add(c);
      // `the XDA II`: letters then a Roman numeral name a model, not a person of that generation
      else if (c.type === 'PERSON' && c.b - c.a === 2 && toks[c.a].allCaps && SUFFIXES.has(toks[c.a + 1].text)) this.dropped.add(c);
      // `Ferrari, in which Fiat owns a majority stake`: what someone holds a stake in is a company
      else if (c.b - c.a === 1 && c.weak && c.type !== 'PLACE' && after?.text === ',' && toks[c.b + 1]?.text === 'in' && toks[c.b + 2]?.text === 'which' && this.stakeWithin(c.b + 3)) {
        c.type = 'ORG';
        c.weak = false;
        c.shape = false;
      }
      // `a 21st Century network`: an ordinal before `Century` makes it a date, not a name
      else if (c.b - c.a === 1 && toks[c.a].text === 'Century' && toks[c.a - 1]?.digit && /^\d+(?:st|nd|rd|th)$/.test(toks[c.a - 1].text)) this.dropped.add(c);
      // `spokesman for St Bernard software`: a saint's name before a lower-case trade word is a company,
      // elsewhere a place (a town, a church); no living person is called `St …`
      else if (c.type === 'PERSON' && c.b - c.a >= 2 && /^(?:St|Saint)$/.test(toks[c.a].text) && !c.role) {
        c.type = after && after.word && !after.cap && (ORG_NOUN_MODIFIERS.has(after.text) || lx.orgNounsAfter.has(after.text)) ? 'ORG' : 'PLACE';
        c.weak = false;
        c.shape = false;
        // `at St Mary's`, `St Helen's`: the possessive is the name's own (a church's, a ground's)
        const end = toks[c.b - 1].end;
        if (toks[c.b - 1].poss && /^['’]s\b/.test(this.text.slice(end, end + 3)) && !this.capLike(after)) c.e = end + 2;
      }
    }
    for (const c of this.cands)
      if (c.type === 'PERSON' && c.b - c.a === 1 && c.s === undefined && /^[A-Z][a-z]+[A-Z][a-z]+$/.test(toks[c.a].text) && !/^(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von|Del)[A-Z]/.test(toks[c.a].text) && !lx.givenNames.has(toks[c.a].text)) {
        c.type = 'ORG';
        c.shape = false;
      }
    if (!found.length) return;
    for (const f of found) {
      for (const c of this.cands) if (c.a < f.b && c.b > f.a && c.s === undefined) this.dropped.add(c);
      this.add(f);
    }
  }

  /**
   * A given name standing alone inside a sentence (`great work by Brian`, `injuries to Brian and
   * Gordon`): after a lower-case word other than an article (or a comma), before no capitalised word, and
   * never written in lower case or known as a place in the document (`Grant`, `Jordan`).
   */
  private bareGivenName(k: number): boolean {
    const toks = this.toks;
    const t = toks[k];
    const prev = toks[k - 1];
    const next = toks[k + 1];
    if (t.sentStart || t.allCaps || !prev || prev.para !== t.para || this.lx.gazetteer.has(t.text)) return false;
    if (!(prev.text === ',' || (prev.word && !prev.cap && !prev.digit && !/^(?:the|a|an|of)$/.test(prev.text)))) return false;
    if (next && next.para === t.para && (this.capLike(next) || next.text === '(' || this.lx.particles.has(next.text)) && next.joined) return false;
    // `Lloyd's of London`, `Muslim and Christian clergy`
    if (next && next.word && !next.cap && (EVENT_NOUNS_AFTER.has(next.text) || (t.poss && (this.lx.orgRoleAfter.has(next.text) || this.lx.lowerRoleHeads.has(next.text))))) return false;
    if ((t.poss && next?.text === 'of') || this.lx.demonyms.has(t.text) || (/^(?:and|or)$/.test(prev.text) && toks[k - 2] && this.lx.demonyms.has(toks[k - 2].text))) return false;
    return !this.isLowerWordInDoc(t.text);
  }

  /** Whether `stake`/`stakes`/`shareholding` comes within eight words of `k`, in the same sentence. */
  private stakeWithin(k: number): boolean {
    const toks = this.toks;
    for (let m = k; m < k + 8 && m < toks.length; m++) {
      const t = toks[m];
      if (!t.word && (t.text === '.' || t.text === ';')) return false;
      if (t.text === 'stake' || t.text === 'stakes' || t.text === 'shareholding') return true;
    }
    return false;
  }

  /** `team-mate`, `fly-half-cum-centre`: a compound whose first part (or first two) is a club noun. */
  private clubCompound(w: string): boolean {
    const dash = w.indexOf('-');
    if (dash <= 0) return false;
    // (`side-effects` is no side)
    if (this.lx.clubAfter.has(w.slice(0, dash))) return w.slice(0, dash) !== 'side';
    const second = w.indexOf('-', dash + 1);
    return second > 0 && this.lx.clubAfter.has(w.slice(0, second));
  }

  /** Person aliases: alias token -> the token starting the name it is an alias of, or the key itself. */
  readonly aliasOf = new Map<number, number | string>();
  private readonly aliasKeys = new Map<number, string>();
  private readonly aliasWords = new Map<string, string>();

  /**
   * Two ways a story gives one person a second name: `Marek Strihavka, aka Benny` (also `a.k.a.`, `also
   * known as`) makes the capitalised name after it the same person; `Eddie (O'Sullivan) was calm`, a
   * quote's first name with the surname the reporter adds in brackets, is that one person, given name
   * and surname each a mention.
   */
  private personAliases(): void {
    const toks = this.toks;
    const lx = this.lx;
    let byEnd: Map<number, Cand> | undefined;
    const name = (k: number) => this.capLike(toks[k]) && !toks[k].allCaps && this.nameLike(toks[k]) && !lx.gazetteer.has(toks[k].text);
    const replace = (a: number, b: number) => {
      for (const c of this.cands) if (c.a < b && c.b > a) this.dropped.add(c);
      this.add({ a, b, type: 'PERSON', weak: false });
    };
    for (let k = 1; k + 2 < toks.length; k++) {
      const t = toks[k];
      if (t.word && (t.text === 'aka' || t.text === 'a.k.a' || (t.text === 'known' && toks[k - 1].text === 'also'))) {
        const sep = toks[t.text === 'known' ? k - 2 : k - 1];
        if (!sep || (sep.text !== ',' && sep.text !== '(')) continue;
        if (!byEnd) {
          byEnd = new Map();
          for (const c of this.cands) if (c.type === 'PERSON' && !c.weak && c.s === undefined) byEnd.set(c.b, c);
        }
        const p = byEnd.get(toks.indexOf(sep, k - 3));
        let e = k + 1;
        if (toks[e]?.text === 'as') e++;
        const a = e;
        while (e < a + 2 && e < toks.length && name(e) && toks[e].joined) e++;
        if (!p || e === a || this.capLike(toks[e]) || this.gazetteerSpan(a, a + 3) > a) continue;
        replace(a, e);
        this.aliasOf.set(a, p.a);
      } else if (t.text === '(' && toks[k + 2]?.text === ')' && lx.givenNames.has(toks[k - 1].text) && !toks[k - 1].poss && name(k + 1) && !lx.givenNames.has(toks[k + 1].text)) {
        const g = toks[k - 1];
        if (this.capLike(toks[k - 2]) && this.nameLike(toks[k - 2]) && g.joined && toks[k - 2].para === g.para) continue;
        const key = g.text + ' ' + toks[k + 1].text;
        replace(k - 1, k);
        replace(k + 1, k + 2);
        this.aliasOf.set(k - 1, key).set(k + 1, key);
      } else if (t.text === '(' && lx.givenNames.has(toks[k + 1].text) && name(k + 1)) {
        // `(Jon Dahl) Tomasson`: given names in brackets before the surname, one person
        let e = k + 1;
        while (e < k + 3 && name(e)) e++;
        const sn = toks[e + 1];
        if (toks[e]?.text !== ')' || !sn || sn.para !== t.para || !name(e + 1) || lx.givenNames.has(sn.text) || this.capLike(toks[e + 2])) continue;
        const key = this.text.slice(toks[k + 1].start, toks[e - 1].end) + ' ' + sn.text;
        replace(k + 1, e);
        replace(e + 1, e + 2);
        this.aliasOf.set(k + 1, key).set(e + 1, key);
      }
    }
  }

  /** End (exclusive) of the run of capitalised words starting at `a`. */
  private segmentEnd(a: number): number {
    const toks = this.toks;
    let b = a + 1;
    for (;;) {
      // no name runs longer than this; a longer run (a list, a shouted line) is read in pieces
      if (b - a >= MAX_RUN) break;
      const prev = toks[b - 1];
      if (prev.poss && !this.lx.possessiveInName.has(prev.text)) {
        // `St James' Park`, `Queen's Park`: a possessive inside a place's name, right before its head
        // word (not a known place's or organisation's possessive: `Sydney's Harbour Bridge`)
        const t = toks[b];
        if (this.capLike(t) && this.lx.placeHeads.has(t.text) && t.start - prev.end <= 3 && !this.lx.gazetteer.has(prev.text)) {
          b++;
          continue;
        }
        // `Claire's Stores`, `Macy's Inc`: a one-word possessive before a company's head word that ends
        // the run is the company's name (not a person's or place's possessive: no given name, no place)
        if (b - a === 1 && this.capLike(t) && (COMPANY_HEADS.has(t.text) || t.text === 'Stores') && t.start - prev.end <= 3 && !this.capLike(toks[b + 1]) && !this.lx.gazetteer.has(prev.text)) {
          b++;
          continue;
        }
        break;
      }
      if (prev.dot && !this.lx.honorifics.has(prev.text) && !SUFFIXES.has(prev.text) && prev.text.length !== 1 && !NAME_PREFIXES.has(prev.text)) break;
      const t = toks[b];
      // `Department for Environment, Food and Rural Affairs`: a ministry's remit listed with commas
      if (t && t.text === ',' && b - a >= 3) {
        const e = this.remitList(a, b);
        if (e > b) {
          b = e;
          continue;
        }
      }
      if (!t || !t.joined && !(t.text === '&' && toks[b + 1]?.joined)) {
        // `&` is a punctuation token; the word after it is marked joined
        if (!(t && t.text === '&' && this.capLike(toks[b + 1]))) break;
      }
      if (this.capLike(t) && t.joined) {
        b++;
        continue;
      }
      // `Pier 1 Imports`: a small number inside a company's name, right before the head word that ends it
      if (t.digit && /^\d{1,3}$/.test(t.text) && this.capLike(toks[b + 1]) && toks[b + 1].joined && this.lx.orgHeads.has(toks[b + 1].text) && !this.capLike(toks[b + 2])) {
        b += 2;
        continue;
      }
      if (t.text === '&' && this.capLike(toks[b + 1])) {
        b += 2;
        continue;
      }
      // connectors: up to two, then a capitalised word
      if (t.word && isConnector(t) && t.joined) {
        let k = b;
        while (k < b + 2 && toks[k] && toks[k].word && isConnector(toks[k]) && toks[k].joined) k++;
        if (this.capLike(toks[k]) && toks[k].joined && !this.lx.monthsDays.has(toks[k].text)) {
          b = k + 1;
          continue;
        }
      }
      // `Jr.` after a name
      break;
    }
    return b;
  }

  /**
   * `Department for Culture, Media and Sport`, `Ministry of Housing, Communities and Local Government`:
   * after a public body's head and `for`/`of`, a list of capitalised fields ending in `and <Field>` is
   * its remit, inside its name. Returns the list's end, or `b` when [a, b) is no such name or no list
   * follows.
   */
  private remitList(a: number, b: number): number {
    const toks = this.toks;
    const lx = this.lx;
    let head = false;
    for (let k = a; k + 1 < b && !head; k++) head = BODY_HEADS.has(toks[k].text) && (toks[k + 1].text === 'for' || toks[k + 1].text === 'of');
    if (!head || !this.capLike(toks[b - 1])) return b;
    const field = (k: number) => this.capLike(toks[k]) && !toks[k].allCaps && !lx.givenNames.has(toks[k].text) && lx.gazetteer.get(toks[k].text)?.type !== 'PLACE';
    // a field, not a body: `…, British Bankers Association and …` lists bodies
    const body = (k: number) => BODY_HEADS.has(toks[k].text) || /^(?:Associations?|Societies|Society|Banks?|Unions?|Federations?)$/.test(toks[k].text);
    let m = b;
    for (let items = 0; items < 6; items++) {
      if (toks[m]?.text !== ',' || !field(m + 1)) return b;
      m += 2;
      while (m < b + 24 && field(m) && toks[m].joined) m++;
      if (body(m - 1)) return b;
      const n = toks[m];
      if (n && n.word && n.text === 'and' && n.joined && field(m + 1) && toks[m + 1].joined) {
        m += 2;
        while (m < b + 24 && field(m) && toks[m].joined) m++;
        return toks[m - 1].poss || body(m - 1) ? b : m;
      }
    }
    return b;
  }

  /** Splits a run at connectors a name cannot contain, then reads each piece. */
  private segment(a: number, b: number): void {
    const toks = this.toks;
    const lx = this.lx;
    let s = a;
    for (let k = a; k < b; k++) {
      const t = toks[k];
      if (!(t.word && isConnector(t)) && t.text !== '&') continue;
      const w = t.text;
      // name particles stay: `Ursula von der Leyen`, `Mohammed bin Salman`
      if (w !== 'of' && w !== 'the' && w !== 'for' && w !== 'on' && w !== 'and' && w !== '&') continue;
      if (w === '&') continue;
      const before = toks.slice(s, k);
      let keep = false;
      if (this.gazetteerSpan(s, b) >= k + 1) keep = true;
      else if (w === 'of' || w === 'for' || w === 'on') {
        const last = before[before.length - 1];
        keep =
          !!last &&
          (lx.orgHeads.has(last.text) || lx.placeLeads.has(last.text) || lx.titleHeads.has(last.text) || lx.miscHeads.has(last.text));
        if (keep && lx.honorifics.has(last.text)) keep = false;
      } else if (w === 'the') {
        keep = k > s && (toks[k - 1].text === 'of' || toks[k - 1].text === 'on');
      } else if (w === 'and') {
        // `Competition and Markets Authority`, `Department of Health and Human Services`
        let headAfter = false;
        let m = k + 1;
        while (m < b && !(toks[m].text === 'and' || toks[m].text === 'of')) m++;
        const lastAfter = toks[m - 1];
        headAfter = m - 1 > k && lx.orgHeads.has(lastAfter.text);
        const lastBefore = before[before.length - 1];
        const namedBefore = before.filter((x, xi) => !(xi === 0 && lx.common.has(x.text))).length;
        const headBefore = !!lastBefore && namedBefore >= 2 && (lx.orgHeads.has(lastBefore.text) || lx.titleHeads.has(lastBefore.text));
        const ofBefore = before.some((x) => x.text === 'of') && before.some((x) => lx.orgHeads.has(x.text));
        const beforeKnown = before.length === 1 && lx.gazetteer.has(before[0].text);
        const beforeWords = before.every((x, xi) => !lx.monthsDays.has(x.text) && !(lx.common.has(x.text) && xi > 0));
        keep = (headAfter && !headBefore && !beforeKnown && beforeWords) || ofBefore;
        // `US Securities and Exchange Commission`, `Natural Hazards Research and Applications Information
        // Center`: two fields joined by `and` before a public body's head are one body's name (not two
        // names: no lexicon name before `and`, no given name or known name after it)
        if (!keep && m === b && BODY_HEADS.has(lastAfter.text) && !before.some((x) => BODY_HEADS.has(x.text)) && this.gazetteerSpan(s, k) < k) {
          const after = toks[k + 1];
          keep = m - 1 > k + 1 && this.capLike(after) && after.joined && !after.allCaps && !lx.givenNames.has(after.text) && !lx.gazetteer.has(after.text) && !lx.givenNames.has(toks[s].text);
        }
        // `Department for Environment, Food and Rural Affairs`: the remit list `remitList` read
        if (!keep && before.some((x) => x.text === ',')) keep = true;
        // `The Independent and The Times`: a capitalised article after `and` opens another name;
        // `Paramount, Universal and Warner Bros`: one word after a comma is a list's item
        if (toks[k + 1]?.text === 'The' || (k - s === 1 && toks[s - 1]?.text === ',')) keep = false;
        // `Gary Speed and United team-mate Paul Scholes`: a given name and a surname before `and` are a
        // person, never the first half of an organisation's name (`Marks and Spencer` has no given name)
        if (keep && (k - s === 2 || k - s === 3) && lx.givenNames.has(toks[s].text) && !toks[s].allCaps && this.nameLike(toks[k - 1]) && !lx.orgHeads.has(toks[k - 1].text)) keep = false;
        // `World Travel and Tourism Council (WTTC)`: the acronym after the run spells the whole name
        if (!keep && headAfter && m === b) keep = this.acronymSpells(s, b);
      }
      if (!keep) {
        if (k > s) this.piece(s, k);
        s = k + 1;
      }
    }
    if (s < b) this.piece(s, b);
  }

  /** Whether `(ACR)` right after tokens [a, b) abbreviates all of them: `… Council (WTTC)`. */
  private acronymSpells(a: number, b: number): boolean {
    const toks = this.toks;
    const open = toks[b];
    const acr = toks[b + 1];
    if (!open || open.text !== '(' || !acr || !acr.allCaps || toks[b + 2]?.text !== ')') return false;
    const words: string[] = [];
    for (let k = a; k < b; k++) if (!(toks[k].word && isConnector(toks[k]))) words.push(toks[k].text);
    return words.length === acr.text.length && words.every((w, i) => w[0] === acr.text[i]);
  }

  /** Per start token: the ends of the lexicon phrases starting there (computed once; -1 = none). */
  private gzEnds: (number[] | null)[] | undefined;

  /** Longest lexicon phrase starting at token `a` within [a, b): its end index, or `a`. The phrases
   * starting at a token are looked up once (the rules ask again for the same token with other ends). */
  gazetteerSpan(a: number, b: number): number {
    const memo = (this.gzEnds ??= new Array(this.toks.length).fill(undefined));
    let ends = memo[a];
    if (ends === undefined) memo[a] = ends = this.gazetteerEnds(a);
    if (ends === null) return a;
    let best = a;
    for (const e of ends) if (e <= b && e > best) best = e;
    return best;
  }

  /** Ends of every lexicon phrase starting at token `a` (null when none), however long the run. */
  private gazetteerEnds(a: number): number[] | null {
    const toks = this.toks;
    const first = this.lookupForm(toks[a]);
    const maxLen = this.lx.gazetteerFirst.get(first);
    if (!maxLen) return null;
    const b = toks.length;
    let ends: number[] | null = null;
    let key = '';
    for (let k = a; k < b && k - a < maxLen; k++) {
      const t = toks[k];
      if (t.text === '&') key += (key ? ' ' : '') + '&';
      else key += (key ? ' ' : '') + (k === a ? first : t.text.indexOf('-') > 0 ? this.baseForm(t) : t.allCaps && t.text.length > 2 && toks[a].allCaps ? titleCase(t.text) : t.text);
      if (k > a && toks[k - 1].poss && !this.lx.possessiveInName.has(toks[k - 1].text)) break;
      if (this.lx.gazetteer.has(key)) (ends ??= []).push(k + 1);
      if (!this.lx.gazetteerPrefix.has(key)) break;
    }
    return ends;
  }

  /** `San Francisco-based`: the name without a lower-case compound tail. */
  baseForm(t: Token): string {
    const h = t.text.lastIndexOf('-');
    if (h <= 0) return t.text;
    const tail = t.text.slice(h + 1);
    return tail.length > 0 && tail === tail.toLowerCase() && /^[a-z]+$/.test(tail) ? t.text.slice(0, h) : t.text;
  }

  /** How a token is looked up: `TOKYO` -> `Tokyo` when the capitalised form is a known place. */
  lookupForm(t: Token): string {
    if (t.allCaps && t.text.length > 3 && !this.lx.gazetteer.has(t.text)) {
      const tc = titleCase(t.text);
      if (this.lx.gazetteer.has(tc) || this.lx.gazetteerFirst.has(tc)) return tc;
    }
    return t.text;
  }

  private add(c: Cand): void {
    this.cands.push(shaped(c));
  }

  /** Reads one piece of a capitalised run: tokens [a, b). */
  private piece(a: number, b: number): void {
    const toks = this.toks;
    const lx = this.lx;
    // trailing connectors never end a name
    while (b > a && toks[b - 1].word && isConnector(toks[b - 1])) b--;

    // leading common words: `The`, `In`, `But`; months and days anywhere at the edges
    while (a < b) {
      const t = toks[a];
      if (this.gazetteerSpan(a, b) > a) break;
      // `the All England club`, `All Blacks coach`: `All` opens a club's name
      if (t.text === 'All' && b - a > 1 && !toks[b - 1].poss) {
        const after = toks[b];
        if (after && after.word && !after.cap && (lx.clubAfter.has(after.text) || after.text === 'club')) {
          this.add({ a, b, type: 'ORG', weak: false });
          return;
        }
      }
      // `News International`, `the News of the World`: a common word that heads organisations' names;
      // `Science Museum`, `Sport Club Corinthians`: a newspaper section's word before an organisation's head
      if (lx.common.has(t.text) && b - a > 1 && !t.poss && (lx.orgHeads.has(t.text) || (SECTION_WORDS.has(t.text) && this.orgHeadIn(a + 1, b)))) {
        const n1 = toks[a + 1];
        if (this.capLike(n1) === !isConnector(n1) && !lx.gazetteer.has(n1.text)) break;
      }
      if (lx.common.has(t.text) && !lx.honorifics.has(t.text) && !(t.poss && lx.possessiveInName.has(t.text))) {
        a++;
        continue;
      }
      if (t.word && isConnector(t)) {
        a++;
        continue;
      }
      break;
    }
    if (a >= b) return;
    // `the Washington-based Economic Policy Institute`: a place-based modifier is the place, and the name
    // after it stands alone
    if (b - a > 1 && PLACE_MODIFIER.test(toks[a].text) && this.hyphenParts(a)) {
      this.piece(a + 1, b);
      return;
    }
    const first = toks[a];
    const n = b - a;
    // `The Times`, `both The Independent and The Sun`: a newspaper's one-word name after a capitalised `The`
    if (n === 1 && a > 0 && toks[a - 1].text === 'The' && NEWSPAPER_NAMES.has(first.text) && first.joined) {
      this.add({ a, b, type: 'ORG', weak: false });
      return;
    }

    // `the Daily Express`, `the Sunday Mirror`: a newspaper's name after its day's word is the paper
    if (n === 2 && NEWSPAPER_DAYS.has(first.text) && NEWSPAPER_NAMES.has(toks[a + 1].text) && this.gazetteerSpan(a, b) !== b) {
      this.add({ a, b, type: 'ORG', weak: false });
      return;
    }

    // 0. `S Asia`, `N Korea` (headline style): a compass letter before a place is part of its name.
    const compass = COMPASS_LETTERS.get(first.text);
    if (compass && n > 1 && !first.dot && toks[a + 1].joined) {
      const g = this.gazetteerSpan(a + 1, b);
      const entry = g > a + 1 ? this.lx.gazetteer.get(this.lookupForm(toks[a + 1]) + (g > a + 2 ? ' ' + toks.slice(a + 2, g).map((t) => t.text).join(' ') : '')) : undefined;
      if (entry && entry.type === 'PLACE') {
        const full = compass + ' ' + entry.canonical;
        this.add({ a, b: g, type: 'PLACE', weak: false, key: this.lx.gazetteer.get(full)?.canonical ?? full });
        if (g < b) this.piece(g, b);
        return;
      }
    }

    // 1. A whole lexicon phrase (not a unit after a number: `40 GB`, whereas `300 US shareholders`).
    const g = this.gazetteerSpan(a, b);
    if (g === b) {
      if (n === 1 && /^(?:GB|MB|KB|TB)$/.test(first.text) && a > 0 && toks[a - 1].digit && first.joined) return;
      // `the Fed funds rate`: the federal funds rate, a market term, not the central bank
      if (n === 1 && first.text === 'Fed' && toks[b]?.text === 'funds') return;
      this.lexiconCand(a, b);
      return;
    }

    // 1a0. `US Government`, `the UK Government`: a country's government written with a capital is the
    // common noun (as `US government`): only the country is named
    if (g === b - 1 && toks[b - 1].text === 'Government') {
      const entry = this.lx.gazetteer.get(this.lookupForm(first) + (g > a + 1 ? ' ' + toks.slice(a + 1, g).map((t) => t.text).join(' ') : ''));
      if (entry && entry.type === 'PLACE' && entry.country) {
        this.lexiconCand(a, g);
        return;
      }
    }

    // 1a. `UK Athletics`, `UK Sport`, `New Zealand Rugby`: a country's name and a sport's name, written
    // as one capitalised name, is that country's governing body for the sport (`UK athletics` is the sport)
    if (g > a && g === b - 1 && SPORT_BODY_WORDS.has(toks[b - 1].text) && !toks[b - 1].poss && toks[b - 1].joined) {
      const entry = this.lx.gazetteer.get(this.lookupForm(first) + (g > a + 1 ? ' ' + toks.slice(a + 1, g).map((t) => t.text).join(' ') : ''));
      if (entry && entry.type === 'PLACE' && entry.country) {
        this.add({ a, b, type: 'ORG', weak: false });
        return;
      }
    }

    // 1b. `the Athens Olympics`, `the Winter Olympic Games`: a host city or a season before the Games
    // is part of the competition's name
    const lastText = toks[b - 1].text;
    if (n >= 2 && n <= 4 && (lastText === 'Olympics' || lastText === 'Paralympics' || (lastText === 'Games' && /^(?:Olympic|Paralympic)$/.test(toks[b - 2].text)))) {
      const head = toks[b - 1].text === 'Games' ? b - 2 : b - 1;
      const place = this.gazetteerSpan(a, head) === head && this.lx.gazetteer.get(this.lookupForm(first))?.type === 'PLACE';
      if (head > a && (place || (head === a + 1 && (first.text === 'Winter' || first.text === 'Summer')))) {
        this.add({ a, b, type: 'ORG', weak: false });
        return;
      }
    }

    // 1c. `the London Marathon`, `November's New York Marathon`: a city's name before `Marathon` is a
    // named race (an organised competition, ORG, as `the Athens Olympics`); a bare `Marathon` stays no name
    if (n >= 2 && n <= 4 && lastText === 'Marathon' && this.gazetteerSpan(a, b - 1) === b - 1 && this.lx.gazetteer.get(this.lookupForm(first) + (b - 1 > a + 1 ? ' ' + toks.slice(a + 1, b - 1).map((t) => t.text).join(' ') : ''))?.type === 'PLACE') {
      this.add({ a, b, type: 'ORG', weak: false });
      return;
    }

    // 2. Honorific: the rest is a person.
    if (lx.honorifics.has(first.text) && n > 1) {
      let e = a + 1;
      while (e < b && e - a <= 5 && (this.nameLike(toks[e], true) || (isConnector(toks[e]) && !['of', 'the', 'and', 'for', 'on'].includes(toks[e].text)))) e++;
      if (e > a + 1) {
        this.add({ a: a + 1, b: this.withSuffix(e, b), type: 'PERSON', weak: false });
        if (e < b) this.piece(e, b);
        return;
      }
    }

    // 3. Title, then a name: `US Secretary of State Antony Blinken`.
    if (this.titled(a, b)) return;

    // 4. Something that is not an entity: `Advanced Medium-Range Air-to-Air Missiles`, `Navy Day`,
    // `United Nations Convention on the Law of the Sea` (the head is the word before `of`/`on`).
    const lastTok = toks[b - 1];
    let headTok = lastTok;
    for (let k = a + 1; k < b; k++) {
      const w = toks[k].text;
      if (w === 'of' || w === 'on' || w === 'for') {
        headTok = toks[k - 1];
        break;
      }
    }
    if ((lx.miscHeads.has(lastTok.text) || lx.miscHeads.has(headTok.text)) && n > 1) {
      // `game makers, Argonaut Games,`, `the firm Zelkor Games`: after an organisation noun (or it and a
      // comma) a name ending in a thing's word that is also a company's head is the company
      const prev = toks[a - 1];
      const cue = prev && ((prev.word && !prev.cap && lx.orgCuesBefore.has(prev.text)) || (prev.text === ',' && toks[a - 2]?.word && !toks[a - 2].cap && lx.orgCuesBefore.has(toks[a - 2].text)));
      if (cue && headTok === lastTok && lx.orgHeads.has(lastTok.text) && !lx.gazetteer.has(first.text)) this.add({ a, b, type: 'ORG', weak: false });
      return;
    }
    if (n === 1 && (lx.monthsDays.has(first.text) || lx.demonyms.has(first.text) || lx.miscHeads.has(first.text))) return;
    // `Fifty percent of Europeans said`: a demonym's plural names a people, not a person (`Sri Lankans` too)
    if (n === 1 && first.text.charCodeAt(first.text.length - 1) === 115 && lx.demonyms.has(first.text.slice(0, -1))) return;
    if (n === 2 && lastTok.text.charCodeAt(lastTok.text.length - 1) === 115 && lx.demonyms.has(first.text + ' ' + lastTok.text.slice(0, -1))) return;
    // `the Harry Potter games`, `the Bond films`: a name before a plural noun of works is their title
    // (not a maker's name: `the ESPN games`, `the Argonaut games group`; not a competition's: `the Home
    // International series`)
    if (prevIsThe(toks[a - 1]) && toks[b]?.word && WORK_NOUNS.has(toks[b].text) && !lastTok.poss && !this.worksOfMaker(a, b)) return;

    // 5. Organisation head word anywhere: `US Indo-Pacific Command`, `Kyoritsu Women’s University`.
    let orgHead = -1;
    for (let k = a; k < b; k++) if (lx.orgHeads.has(toks[k].text) || toks[k].text === '&') orgHead = k;
    if (n > 1 && lx.orgLeads.has(first.text) && this.nameLike(toks[a + 1], true) === true && !lx.common.has(toks[a + 1].text)) orgHead = a;
    // `Aguas de Barcelona`, `Banco do Brasil`: a lead word, a particle, a name
    if (n > 2 && lx.orgLeads.has(first.text) && isConnector(toks[a + 1]) && this.capLike(toks[a + 2])) orgHead = a;
    if (orgHead >= 0 && (n > 1 || lx.gazetteer.has(first.text))) {
      // `at Celtic Park`, `Sporting Stadium`: a club's lead word before a ground's head word (no other
      // organisation head) names the club's ground, a place
      if (orgHead === a && n === 2 && GROUND_HEADS.has(lastTok.text) && !lx.orgHeads.has(lastTok.text) && !lastTok.poss) {
        this.add({ a, b, type: 'PLACE', weak: false });
        return;
      }
      // `Dwain Chambers, who was banned`: two words whose last only is a head word that is also a common
      // surname (`Chambers`, `Banks`), followed by `, who`, are a person (`Acme Group, who` stays a body)
      if (n === 2 && orgHead === b - 1 && SURNAME_HEADS.has(lastTok.text) && toks[b]?.text === ',' && toks[b + 1]?.text === 'who' && !lx.orgHeads.has(first.text) && !lx.orgLeads.has(first.text) && !lx.gazetteer.has(first.text) && !lx.common.has(first.text) && !first.allCaps) {
        this.add({ a, b, type: 'PERSON', weak: false });
        return;
      }
      // A title in front (`Commander of US Indo-Pacific Command`) was handled by `titled`.
      this.add({ a, b, type: 'ORG', weak: false });
      return;
    }

    // 6. Place head or lead word: `Taiwan Strait`, `Yokota Air Base`, `Gulf of Aden`.
    const givenPair = n === 2 && lx.givenNames.has(first.text) && !lx.placeLeads.has(first.text);
    if (n > 1 && !givenPair && (lx.placeHeads.has(headTok.text) || (lx.placeLeads.has(first.text) && !lx.titleHeads.has(toks[a + 1].text)))) {
      const after = toks[b];
      let club = after && after.word && !after.cap && PLAYING_POSITIONS.has(after.text) && !lastTok.poss;
      // `Manchester City`, `Ipswich Town`: a known city before `City`/`Town` names its club (the places
      // so named, `Mexico City`, `Kansas City`, `Cape Town`, are lexicon phrases read before this)
      if (n === 2 && (lastTok.text === 'City' || lastTok.text === 'Town') && lx.gazetteer.get(first.text)?.type === 'PLACE' && !lx.gazetteer.get(first.text)!.country) club = true;
      this.add({ a, b, type: club ? 'ORG' : 'PLACE', weak: false });
      return;
    }

    // 6b. `JR Kyushu`, `JR East`: an unknown acronym before a place's name is a company of that place
    if (n > 1 && first.allCaps && first.text.length <= 4 && !first.poss && /^[A-Z]+$/.test(first.text) && !lx.gazetteer.has(first.text) && !lx.nonEntityAcronyms.has(first.text) && toks[a + 1].joined) {
      const e = this.gazetteerSpan(a + 1, b);
      if (e === b && lx.gazetteer.get(this.lookupForm(toks[a + 1]) + (b > a + 2 ? ' ' + toks.slice(a + 2, b).map((t) => t.text).join(' ') : ''))?.type === 'PLACE') {
        this.add({ a, b, type: 'ORG', weak: false });
        return;
      }
    }

    // 7. Lexicon phrases inside, unknown runs between them.
    let k = a;
    let runStart = a;
    while (k < b) {
      const e = this.gazetteerSpan(k, b);
      const t = toks[k];
      // (two-word demonyms are looked up only after one of their first words: no string per token)
      // (`Kenyans Evans Rutto and …`: a demonym's plural before a name describes the people named)
      const isDem0 = lx.demonyms.has(t.text) || (k + 1 < b && lx.demonymFirst.has(t.text) && lx.demonyms.has(t.text + ' ' + toks[k + 1].text)) || (k + 1 < b && isDescriptor(t.text, lx));
      // (looked up only for a word ending in `s` that no other test took)
      const demPlural = !isDem0 && k + 1 < b && t.text.charCodeAt(t.text.length - 1) === 115 && lx.demonyms.has(t.text.slice(0, -1));
      const isDem = isDem0 || demPlural;
      // a title word that ends the run breaks it, except as the surname after a given name (`Grant Dean`)
      const titleEnd = lx.titleHeads.has(t.text) && k + 1 === b && !(k === runStart + 1 && lx.givenNames.has(toks[runStart].text) && !toks[runStart].poss);
      const isBreak = e > k || isDem || (lx.monthsDays.has(t.text) && !this.monthAsGiven(t)) || lx.common.has(t.text) || titleEnd;
      // A given name before a lexicon word is a person: `Jordan Henderson`, `Kim Collins`.
      // (a city can be a given name, `Austin Harris`; a continent cannot: `MTV's Asia Aid`)
      const softPlace = e === k + 1 && !this.lx.gazetteer.get(this.lookupForm(t))!.country && this.lx.gazetteer.get(this.lookupForm(t))!.type === 'PLACE' && !CONTINENTS.has(t.text);
      if (
        e > k &&
        k === runStart &&
        (lx.givenNames.has(t.text) || softPlace) &&
        k + 1 < b &&
        this.nameLike(toks[k + 1]) &&
        !lx.gazetteer.has(toks[k + 1].text) &&
        !lx.placeHeads.has(toks[k + 1].text) &&
        !t.allCaps
      ) {
        k++;
        continue;
      }
      if (isBreak) {
        // `the EU's Humanitarian Aid Commissioner, Louis Michel`: words before a title that ends the
        // run, with no given name to start them, are its portfolio, not a person
        const portfolio = lx.titleHeads.has(t.text) && k + 1 === b && e === k && !lx.givenNames.has(toks[runStart].text) && k - runStart <= 3;
        if (k > runStart && !portfolio) this.unknownRun(runStart, k);
        // `NUJ General Secretary`: an organisation's acronym inside the portfolio is still its name
        if (portfolio) for (let q = runStart; q < k; q++) if (toks[q].allCaps && /^[A-Z&]{2,9}$/.test(toks[q].text) && !lx.nonEntityAcronyms.has(toks[q].text)) this.add({ a: q, b: q + 1, type: 'ORG', weak: true, acronym: true });
        if (e > k) {
          this.lexiconCand(k, e);
          k = e;
        } else if (isDem && !lx.demonyms.has(t.text) && !isDescriptor(t.text, lx) && !demPlural) k += 2;
        else k++;
        runStart = k;
        continue;
      }
      // hyphenated lexicon pieces: `US-Japan`, `California-based`
      if (this.hyphenParts(k)) {
        if (k > runStart) this.unknownRun(runStart, k);
        k++;
        runStart = k;
        continue;
      }
      k++;
    }
    if (runStart < b) this.unknownRun(runStart, b);
  }

  /** `Telegraph` -> the key of `the Telegraph Group` when the document names that company. */
  private corporateKey(w: string): string | undefined {
    if (!this.corporate) {
      this.corporate = new Map();
      const toks = this.toks;
      for (const c of this.cands) if (c.type === 'ORG' && !c.weak && c.s === undefined && c.b - c.a === 2 && CORPORATE_WORDS.has(toks[c.a + 1].text) && !this.corporate.has(toks[c.a].text)) this.corporate.set(toks[c.a].text, this.candKey(c));
    }
    return this.corporate.get(w);
  }

  private corporate: Map<string, string> | undefined;

  /** The key of the club a nickname candidate stands for: one the document names as an organisation. */
  private clubOfNickname(c: Cand): string | undefined {
    const clubs = this.lx.clubNicknames.get(this.text.slice(this.toks[c.a].start, this.toks[c.b - 1].end));
    if (!clubs) return undefined;
    if (!this.orgTexts) {
      this.orgTexts = new Map();
      for (const o of this.cands) if (o.type === 'ORG' && !o.weak && o.s === undefined) this.orgTexts.set(this.text.slice(this.toks[o.a].start, this.toks[o.b - 1].end), this.candKey(o));
    }
    let found: string | undefined;
    for (const name of clubs) {
      const key = this.orgTexts.get(name);
      if (key !== undefined) {
        if (found !== undefined && found !== key) return undefined;
        found = key;
      }
    }
    return found;
  }

  private orgTexts: Map<string, string> | undefined;

  /** Whether an organisation head word is among tokens [a, b). */
  private orgHeadIn(a: number, b: number): boolean {
    for (let k = a; k < b; k++) if (this.lx.orgHeads.has(this.toks[k].text)) return true;
    return false;
  }

  /** Extends a person's end over a generational suffix. */
  private withSuffix(e: number, b: number): number {
    const t = this.toks[e];
    if (e < b && t && SUFFIXES.has(t.text)) return e + 1;
    return e;
  }

  private lexiconCand(a: number, b: number): void {
    const toks = this.toks;
    let key = this.lookupForm(toks[a]);
    for (let k = a + 1; k < b; k++) {
      const t = toks[k];
      key += ' ' + (t.text.indexOf('-') > 0 ? this.baseForm(t) : t.allCaps && t.text.length > 2 && toks[a].allCaps ? titleCase(t.text) : t.text);
    }
    const entry = this.lx.gazetteer.get(key);
    if (!entry) return;
    const c: Cand = { a, b, type: entry.type, weak: false, key: entry.canonical, soft: b - a === 1 && !entry.country };
    const last = toks[b - 1];
    if (b - a > 1 && this.baseForm(last) !== last.text) {
      c.s = toks[a].start;
      c.e = last.start + this.baseForm(last).length;
    }
    // `Standard & Poor's`: a name whose own last word is possessive keeps its `'s` (as printed)
    if (last.poss && entry.canonical.endsWith("'s") && this.text.charCodeAt(last.end + 1) === 115) {
      c.s = toks[a].start;
      c.e = last.end + 2;
    }
    this.add(c);
  }

  /** `US-Japan` -> two places; `California-based` -> California. Returns whether it emitted. */
  private hyphenParts(k: number): boolean {
    const t = this.toks[k];
    if (!/[-‐‑–]/.test(t.text)) return false;
    const parts = t.text.split(/[-‐‑–]/);
    let off = t.start;
    const found: Cand[] = [];
    let others = true;
    for (const p of parts) {
      const entry = this.lx.gazetteer.get(p) ?? (p.length > 3 && p === p.toUpperCase() ? this.lx.gazetteer.get(p[0] + p.slice(1).toLowerCase()) : undefined);
      if (entry && entry.type === 'PLACE') found.push({ a: k, b: k + 1, type: 'PLACE', weak: false, key: entry.canonical, s: off, e: off + p.length });
      // `post-Enron`, `NEC-backed`: a known organisation beside lower-case words only
      else if (entry && entry.type === 'ORG' && parts.length === 2 && parts[1 - parts.indexOf(p)] === parts[1 - parts.indexOf(p)].toLowerCase()) found.push({ a: k, b: k + 1, type: 'ORG', weak: false, key: entry.canonical, s: off, e: off + p.length });
      else if (p.length > 0 && p[0] === p[0].toUpperCase() && p[0] !== p[0].toLowerCase()) others = false;
      off += p.length + 1;
    }
    if (found.length === 0 || !others) return false;
    for (const f of found) this.add(f);
    return true;
  }

  /** A title prefix followed by a name. Returns true when it consumed the piece. */
  private titled(a: number, b: number): boolean {
    const toks = this.toks;
    const lx = this.lx;
    let k = a;
    let lastHead = -1;
    const nested: [number, number][] = [];
    while (k < b) {
      const t = toks[k];
      const w = t.text;
      if (lx.titleHeads.has(w)) {
        lastHead = k;
        k++;
        continue;
      }
      if (lx.titleModifiers.has(w) || lx.demonyms.has(w) || (w === 'South' || w === 'North') && toks[k + 1] && lx.demonyms.has(w + ' ' + toks[k + 1].text)) {
        if ((w === 'South' || w === 'North') && toks[k + 1] && lx.demonyms.has(w + ' ' + toks[k + 1].text)) k++;
        k++;
        continue;
      }
      if (w === 'of' || w === 'the') {
        k++;
        continue;
      }
      const g = this.gazetteerSpan(k, b);
      if (g > k && g < b) {
        nested.push([k, g]);
        k = g;
        continue;
      }
      if (t.allCaps && w.length <= 5 && !lx.nonEntityAcronyms.has(w) && k + 1 < b) {
        nested.push([k, k + 1]);
        k++;
        continue;
      }
      // `Planning Minister Julio De Vido`: a portfolio word the lexicon does not list, right before a title head
      if (lastHead < 0 && k + 1 < b && lx.titleHeads.has(toks[k + 1].text) && !lx.givenNames.has(w) && !t.allCaps && !lx.orgHeads.has(w) && this.nameLike(t) && !t.poss) {
        k++;
        continue;
      }
      // an organisation's name before the title: `European Commission President Ursula von der Leyen`
      let h = k;
      while (h < b && h - k < 5 && !lx.orgHeads.has(toks[h].text) && !lx.titleHeads.has(toks[h].text)) h++;
      if (h < b && h + 1 < b && lx.orgHeads.has(toks[h].text) && lx.titleHeads.has(toks[h + 1].text)) {
        let x = k;
        while (x > a && lx.demonyms.has(toks[x - 1].text)) x--;
        nested.push([x, h + 1]);
        k = h + 1;
        continue;
      }
      break;
    }
    if (lastHead < 0) return false;
    // the name: from after the last title word (and honorifics) to the end
    let s = lastHead + 1;
    while (s < b && (toks[s].text === 'of' || toks[s].text === 'the')) s++;
    // `Secretary of State Antony Blinken`: complements after `of` belong to the title
    if (s > lastHead + 1) {
      while (s < b && (lx.titleModifiers.has(toks[s].text) || toks[s].text === 'State' || toks[s].text === 'Defense' || toks[s].text === 'Defence')) s++;
    } else {
      // modifiers between the last head and the name can't be: the loop above consumed them
      s = k > lastHead ? k : s;
    }
    while (s < b && lx.honorifics.has(toks[s].text)) s++;
    let e = s;
    while (e < b && e - s < 5 && (this.nameLike(toks[e], e > s) || (e > s && isConnector(toks[e]) && !['of', 'the', 'and', 'for', 'on'].includes(toks[e].text)))) e++;
    e = this.withSuffix(e, b);
    // `Queen of the Sky`: a person's name never follows `the`
    const nameOk = e > s && e === b && (e - s > 1 || this.nameLike(toks[s])) && toks[s - 1].text !== 'the';
    if (!nameOk) {
      // No name: the title stands alone (`Premier League`, `Justice Department` are not titles at
      // all: let the other rules read them); after `of`, what follows may be an organisation.
      if (!(toks[lastHead + 1] && toks[lastHead + 1].text === 'of')) return false;
      let r = lastHead + 1;
      while (r < b && (toks[r].text === 'of' || toks[r].text === 'the')) r++;
      for (const [x, y] of nested) if (y <= r) {
        if (this.gazetteerSpan(x, y) === y) this.lexiconCand(x, y);
        else if (!(y - x === 1 && toks[x].allCaps)) this.add({ a: x, b: y, type: 'ORG', weak: false });
      }
      if (r < b && r > lastHead + 1) this.piece(r, b);
      return true;
    }
    for (const [x, y] of nested) {
      if (y - x === 1 && toks[x].allCaps && !lx.gazetteer.has(toks[x].text)) this.add({ a: x, b: y, type: 'ORG', weak: false, acronym: true });
      else if (this.gazetteerSpan(x, y) === y) this.lexiconCand(x, y);
      else this.add({ a: x, b: y, type: 'ORG', weak: false });
    }
    let roleEnd = s - 1;
    while (roleEnd > a && lx.honorifics.has(toks[roleEnd].text)) roleEnd--;
    const role = this.text.slice(toks[a].start, toks[roleEnd].end);
    this.add({ a: s, b: e, type: 'PERSON', weak: false, role });
    return true;
  }

  /** Capitalised words no lexicon phrase covers: [a, b). */
  private unknownRun(a: number, b: number): void {
    const toks = this.toks;
    const lx = this.lx;
    // sentence-initial first word that the document also uses in lower case (or a participle) is not a name
    while (a < b && toks[a].sentStart && !lx.givenNames.has(toks[a].text) && !lx.honorifics.has(toks[a].text)) {
      const w = toks[a].text;
      if (b - a === 1) break;
      // `De Marigny landed a penalty`: a capitalised particle opens the surname
      if (this.personWord(w) !== w) break;
      // `Faultless Federer`: adjectives and adverbs by their ending; `Fly-half`, `TV-on-demand` compounds
      if (this.isLowerWordInDoc(w) || ADJECTIVE_ENDING.test(w) || COMMON_COMPOUND.test(w) || lx.titleModifiers.has(w) || lx.titleHeads.has(w)) a++;
      // `Youngsters Ben Hudell, …`: a sentence's first word before a given name and a surname describes them
      else if (b - a >= 3 && !lx.givenNames.has(w) && lx.givenNames.has(toks[a + 1].text) && !lx.gazetteer.has(w)) a++;
      else break;
    }
    if (a >= b) return;
    const n = b - a;
    const first = toks[a];
    const prevTok = toks[a - 1];
    // `so-called Personal Area Networks`: what a story calls so is a term it coins, not a name
    if (prevTok && prevTok.text === 'so-called' && !lx.gazetteer.has(first.text)) return;
    if (n === 1) {
      // `DVDs`, `SUVs`, `MPs`: plural common nouns; kept only as the first word of an organisation the
      // document names with it (`the AAAs title` after `the AAAs Championships`)
      if (/^[A-Z]{2,}s$/.test(first.text)) {
        this.add({ a, b, type: 'PERSON', weak: true, onlyNamed: true });
        return;
      }
      if (first.allCaps && !first.text.includes('.')) {
        if (lx.nonEntityAcronyms.has(first.text) || /[^A-Z&]/.test(first.text) || first.text.length > 9) return;
        // `the FTSE 100`, `the CAC 40`: letters and a number name a share index, not a body
        const num = toks[b];
        if (num && num.digit && num.joined && /^\d{2,3}$/.test(num.text)) return;
        // `the England XV`: a Roman numeral; `C180 SE`, `116i SE`: a trim after a model's code
        if (/^[IVXLC]+$/.test(first.text) || (prevTok && prevTok.digit && /[A-Za-z]/.test(prevTok.text) && first.joined)) return;
        this.add({ a, b, type: 'ORG', weak: true, acronym: true });
        return;
      }
      const prev = toks[a - 1];
      if (lx.orgHeads.has(first.text) && prev && prev.word && (prev.text === 'the' || prev.text === 'The') && !first.sentStart) {
        this.add({ a, b, type: 'ORG', weak: true, shortOf: true });
        return;
      }
      // `Bridge`, `King`: a place head or title that is also a surname names a person only when the
      // document gives that person in full (`Wayne Bridge`); `the Bridge` never does
      if ((lx.placeHeads.has(first.text) || lx.titleHeads.has(first.text)) && !(prev && prev.word && (prev.text === 'the' || prev.text === 'The'))) {
        this.add({ a, b, type: 'PERSON', weak: true, onlyNamed: true });
        return;
      }
      // `A Treasury spokesperson`, `Treasury officials`: a ministry named by one word before the people
      // speaking for it (not a portfolio adjective: `Defense officials`)
      const after = toks[b];
      if (BODY_WORDS.has(first.text) && after && after.word && !after.cap && (lx.orgRoleAfter.has(after.text) || after.text === 'official' || after.text === 'officials') && !first.poss) {
        this.add({ a, b, type: 'ORG', weak: false });
        return;
      }
      // `The two Telegraph titles`: an organisation's head word alone is kept only for a company the
      // document names with it and a corporate word (`the Telegraph Group`)
      if (lx.orgHeads.has(first.text) && !first.poss) {
        this.add({ a, b, type: 'ORG', weak: true, corpOnly: true });
        return;
      }
      if (lx.titleHeads.has(first.text) || lx.titleModifiers.has(first.text) || lx.orgHeads.has(first.text) || lx.placeHeads.has(first.text)) return;
      // `Jeremy Allaire, chief of Brightcove`: one unknown word after a head's role and `of` is what
      // that person heads, an organisation (a place would be in the gazetteer)
      if (prev && prev.text === 'of' && toks[a - 2]?.word && HEAD_ROLES.has(toks[a - 2].text) && !first.poss && !lx.givenNames.has(first.text)) {
        this.add({ a, b, type: 'ORG', weak: false });
        return;
      }
      this.add({ a, b, type: 'PERSON', weak: true });
      return;
    }
    // Evidence from the next word: `Sierra Madre mountains` is a place.
    const next = toks[b];
    if (next && next.word && !next.cap && lx.placeNounsAfter.has(next.text)) {
      // `the Northern Rivers region`: a regional adjective right before belongs to the name
      while (a > 0 && lx.demonyms.has(toks[a - 1].text) && toks[a].joined && toks[a - 1].cap) a--;
      this.add({ a, b, type: 'PLACE', weak: false });
      return;
    }
    // `the Hang Seng index`, `the Vasco da Gama club`: an organisation noun after the name
    if (next && next.word && !next.cap && lx.orgNounsAfter.has(next.text) && !toks[b - 1].poss) {
      this.add({ a, b, type: 'ORG', weak: false });
      return;
    }
    // `this year's Interactive Bafta awards`: a name before an event's or prize's noun is its title
    if (next && next.word && !next.cap && EVENT_NOUNS_AFTER.has(next.text) && !toks[b - 1].poss) return;
    // Runs of name-like words: a person when short. Longer runs are most often titles of works.
    let allName = true;
    for (let k = a; k < b; k++) if (!(this.nameLike(toks[k], k > a) || (k > a && isConnector(toks[k])))) allName = false;
    // `Denial-of-Service`: a compound joined by a lower-case word is a term, not a name
    for (let k = a; k < b && allName; k++) if (/[-‐‑][a-z]+[-‐‑]/.test(toks[k].text)) allName = false;
    // `Ultra Wideband (UWB)`: a person's name is not given an acronym in parentheses
    if (allName && !lx.givenNames.has(first.text) && toks[b]?.text === '(' && toks[b + 1]?.allCaps && toks[b + 2]?.text === ')' && abbreviates(toks[b + 1].text, this.text.slice(first.start, toks[b - 1].end))) return;
    if (allName && n <= 4) {
      const prev = toks[a - 1];
      const prev2 = toks[a - 2];
      // `NTT DoCoMo`, `Deutsche BridgeHead`: a word with a capital inside is a brand, not a person's name
      let camel = false;
      for (let k = a; k < b; k++) if (isCamel(toks[k].text)) camel = true;
      // (`rival Maria Mutola`: a cue that is also a person's role, before a given name, is that role)
      const roleCue = prev && lx.lowerRoleHeads.has(prev.text) && lx.givenNames.has(first.text) && !lx.gazetteer.has(first.text);
      if (camel || (prev && prev.word && !prev.cap && !roleCue && (lx.orgCuesBefore.has(prev.text) || searchEngine(prev, prev2)))) {
        this.add({ a, b, type: 'ORG', weak: false });
        return;
      }
      // `the city of Porto Alegre`; `in Porto Alegre` when no given name says person
      const cityOf = prev && prev.text === 'of' && prev2 && prev2.word && !prev2.cap && lx.placeNounsAfter.has(prev2.text);
      const inName = prev && prev.word && !prev.cap && lx.placePrepositions.has(prev.text) && !lx.givenNames.has(first.text) && !toks[b - 1].poss && !first.sentStart;
      if (cityOf || inName) {
        this.add({ a, b, type: 'PLACE', weak: false });
        return;
      }
      // `an Evil Twin`: an indefinite article introduces a thing, not a named person
      // (but `a Luciano Orquera penalty`, `an Andrea Pirlo free-kick`: a full name before a scoring act is its scorer)
      if (prev && prev.word && (prev.text === 'a' || prev.text === 'an') && !lx.givenNames.has(first.text) && !(n >= 2 && toks[b] && toks[b].word && SCORING_ACTS.has(toks[b].text))) return;
      // `the Cooper S`, `a Mini One`: a name does not end in a lone capital letter (a model's trim does)
      if (toks[b - 1].text.length === 1 && !toks[b - 1].dot) return;
      // `MG Rover`, `LG Card`, `AC Milan`: two or three capitals without dots before one name-like word,
      // outside a team sheet, open a company's or club's name (people's initials are dotted or in lists)
      if (n === 2 && first.allCaps && /^[A-Z]{2,3}$/.test(first.text) && !first.dot && !toks[b - 1].allCaps) {
        this.add({ a, b, type: 'ORG', weak: false });
        return;
      }
      const given = lx.givenNames.has(first.text) || lx.eastAsianSurnames.has(first.text);
      // `the new Mini Convertible` after `the new Mini`, `a Mini`: a first word the story uses bare
      // after an article, or any run after `the new`/`a new`, is a thing (a model, a brand), not a person
      if (!given && prev && prev.word && prev.text === 'new' && prev2 && prev2.word && /^(?:a|an|the|The|A)$/.test(prev2.text)) return;
      if (!given && this.usedAsThing(first.text)) return;
      // sentence-initial and no given name: `Occasional Digest - …` needs more evidence
      const weak = first.sentStart && !lx.givenNames.has(first.text) && !lx.eastAsianSurnames.has(first.text);
      const shape = !lx.givenNames.has(first.text) && !lx.eastAsianSurnames.has(first.text);
      this.add({ a, b: this.withSuffix(b, b + 1), type: 'PERSON', weak, shape });
      return;
    }
    // Mixed: peel off what can be read word by word.
    for (let k = a; k < b; k++) {
      const t = toks[k];
      // (`World War II`: a Roman numeral is no body's acronym)
      if (t.allCaps && !lx.nonEntityAcronyms.has(t.text) && !/[^A-Z&]/.test(t.text) && t.text.length <= 9 && !/^[IVXLC]+$/.test(t.text)) this.add({ a: k, b: k + 1, type: 'ORG', weak: true, acronym: true });
    }
  }

  private worksOfMaker(a: number, b: number): boolean {
    const lx = this.lx;
    for (let k = a; k < b; k++) if (this.toks[k].allCaps || lx.orgHeads.has(this.toks[k].text)) return true;
    const after = this.toks[b + 1];
    return !!after && after.word && !after.cap && (lx.orgNounsAfter.has(after.text) || EVENT_NOUNS_AFTER.has(after.text));
  }

  /** Whether the text uses this word alone after an article (`the new Mini was`, `a Mini.`): a thing.
   * The words so used are collected in one pass over the tokens, on the first question. */
  private usedAsThing(w: string): boolean {
    if (!this.thingWords) {
      const toks = this.toks;
      const set = new Set<string>();
      for (let k = 0; k + 1 < toks.length; k++) {
        const d = toks[k].text;
        if (d !== 'the' && d !== 'a' && d !== 'an' && d !== 'new') continue;
        const t = toks[k + 1];
        const after = toks[k + 2];
        if (this.capLike(t) && t.joined && !t.poss && !(after && this.capLike(after) && after.joined) && !(after && after.text === '-')) set.add(t.text);
      }
      this.thingWords = set;
    }
    return this.thingWords.has(w);
  }

  private thingWords: Set<string> | undefined;

  // ---- headlines ------------------------------------------------------------------------------

  /** Title Case: only lexicon phrases, names the body gave, given name + surname, acronyms. */
  private headline(a: number, b: number, persons: PersonIndex): void {
    const toks = this.toks;
    const lx = this.lx;
    let k = a;
    while (k < b) {
      const t = toks[k];
      const g = this.gazetteerSpan(k, b);
      if (g > k && !(lx.givenNames.has(t.text) && k + 1 < b && persons.byToken.has(toks[k + 1].text))) {
        this.lexiconCand(k, g);
        k = g;
        continue;
      }
      if (persons.byToken.has(t.text)) {
        let e = k + 1;
        while (e < b && persons.byToken.has(toks[e].text) && !toks[e - 1].poss) e++;
        this.add({ a: k, b: e, type: 'PERSON', weak: true });
        k = e;
        continue;
      }
      if (lx.givenNames.has(t.text) && k + 1 < b && this.nameLike(toks[k + 1]) && !t.poss) {
        this.add({ a: k, b: k + 2, type: 'PERSON', weak: false });
        k += 2;
        continue;
      }
      const nextCap = (k + 1 < b && toks[k + 1].cap) || (k > a && toks[k - 1].allCaps);
      if (t.allCaps && !lx.nonEntityAcronyms.has(t.text) && !/[^A-Z&]/.test(t.text) && t.text.length <= 9 && !nextCap && !(toks[k + 1]?.allCaps)) {
        this.add({ a: k, b: k + 1, type: 'ORG', weak: true, acronym: true });
      }
      k++;
    }
  }

  // ---- acronyms -------------------------------------------------------------------------------

  /** `Long Form (ACR)`: ACR takes the long form's key; a non-entity long form blocks ACR. */
  readonly acronymOf = new Map<string, string>();
  readonly blockedAcronyms = new Set<string>();
  readonly dropped = new Set<Cand>();

  private acronymDefinitions(): void {
    const toks = this.toks;
    // candidates by end, sorted when the first `(ACR)` is met (most documents define none)
    let sorted: Cand[] = [];
    let sortedEnds: number[] = [];
    let ready = false;
    for (let i = 1; i + 1 < toks.length; i++) {
      if (toks[i].text !== '(' || toks[i + 2]?.text !== ')') continue;
      if (!ready) {
        sorted = this.cands.filter((c) => c.s === undefined).sort((x, y) => x.b - y.b);
        sortedEnds = sorted.map((c) => c.b);
        ready = true;
      }
      const acr = toks[i + 1];
      if (!acr.word || !acr.cap) continue;
      const letters = acr.text.replace(/[^A-Za-z]/g, '');
      if (letters.length < 2) continue;
      if (letters !== letters.toUpperCase()) {
        this.wordAcronym(i, sorted, sortedEnds);
        continue;
      }
      // candidates ending before the parenthesis, nearest first, within the sentence
      let matched: Cand | undefined;
      let lowerLong = false;
      // candidates ending in (i - 8, i], nearest first: binary search on the end index
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sortedEnds[mid] <= i) lo = mid + 1;
        else hi = mid;
      }
      const before: Cand[] = [];
      for (let q = lo - 1; q >= 0 && before.length < 3 && sortedEnds[q] >= i - 8; q--) if (!sorted[q].acronym) before.push(sorted[q]);
      for (const c of before) {
        const long = this.text.slice(toks[c.a].start, toks[c.b - 1].end);
        if (abbreviates(acr.text, long)) {
          matched = c;
          break;
        }
      }
      if (!matched) {
        // the words just before: a lower-case or non-entity long form (`gross domestic product (GDP)`,
        // `Joint Air-to-Surface Standoff Missiles with Extended Range (JASSM-ER)`)
        const from = toks[Math.max(0, i - 12)].start;
        const span = this.text.slice(from, toks[i].start);
        if (abbreviates(acr.text, span.trim(), true)) lowerLong = true;
      }
      if (matched) {
        // `PricewaterhouseCoopers (PWC)`: a lone undecided word that gets an acronym is an organisation
        if (matched.type === 'PERSON' && matched.weak && matched.b - matched.a === 1 && !this.lx.givenNames.has(toks[matched.a].text)) {
          matched.type = 'ORG';
          matched.weak = false;
        }
        if (matched.type === 'ORG' || matched.type === 'PLACE') this.acronymOf.set(acr.text, this.candKey(matched));
      } else if (lowerLong) {
        this.blockedAcronyms.add(acr.text);
        // `… Standoff Missiles with Extended Range (JASSM-ER)`: the words before are its name, not a person
        const last = before[0];
        if (last && last.b === i && last.type === 'PERSON' && !last.key) this.dropped.add(last);
      }
    }
  }

  /**
   * `the European Telecommunications Institute (Etsi)`, `… Organisation (Unesco)`: British style writes
   * an acronym said as a word with one capital; in parentheses right after an organisation's name whose
   * letters it takes in order (the first at the name's start, the last in its last word) it is that
   * organisation. Kept to words of 3-6 letters that are not known names of anything else.
   */
  private wordAcronym(i: number, sorted: Cand[], sortedEnds: number[]): void {
    const toks = this.toks;
    const acr = toks[i + 1];
    if (!/^[A-Z][a-z]{2,5}$/.test(acr.text) || this.lx.gazetteer.has(acr.text) || this.lx.givenNames.has(acr.text)) return;
    let q = sortedEnds.lastIndexOf(i);
    while (q >= 0 && sortedEnds[q] === i && (sorted[q].type !== 'ORG' || sorted[q].weak || sorted[q].acronym || sorted[q].b - sorted[q].a < 2)) q--;
    if (q < 0 || sortedEnds[q] !== i) return;
    const org = sorted[q];
    const first = toks[org.a].text;
    if (first[0] !== acr.text[0] || !abbreviates(acr.text, this.text.slice(toks[org.a].start, toks[org.b - 1].end))) return;
    const key = this.candKey(org);
    this.acronymOf.set(acr.text, key);
    for (const c of this.cands) if (c.a === i + 1 && c.b === i + 2) this.dropped.add(c);
    this.add({ a: i + 1, b: i + 2, type: 'ORG', weak: false, key });
  }

  /** Key of a candidate before clustering: lexicon canonical name or its text. */
  candKey(c: Cand): string {
    if (c.key) return c.key;
    if (c.s !== undefined) return this.text.slice(c.s, c.e);
    return this.text.slice(this.toks[c.a].start, this.toks[c.b - 1].end);
  }

  // ---- persons --------------------------------------------------------------------------------

  /** A name's word as a key compares it: particles in lower case (`De Marigny` = `de Marigny`). */
  personWord(w: string): string {
    return w.length <= 3 && this.lx.particles.has(w.toLowerCase()) ? w.toLowerCase() : w;
  }

  private personClusters(): PersonIndex {
    const idx = new PersonIndex();
    const strong = this.cands.filter((c) => c.type === 'PERSON' && (!c.weak || (c.b - c.a >= 2 && !c.acronym && !this.titleCase.has(this.toks[c.a].para) && this.multiWordEvidence(c))));
    for (const c of strong) {
      const words: string[] = [];
      for (let k = c.a; k < c.b; k++) if (!SUFFIXES.has(this.toks[k].text)) words.push(this.personWord(this.toks[k].text));
      if (words.length >= 2) idx.addFull(words, this.lx);
    }
    for (const c of strong) {
      if (c.b - c.a === 1) {
        const w = this.toks[c.a].text;
        if (!idx.byToken.has(w) && !idx.misspeltSurname(w)) idx.addSingle(w);
      }
    }
    return idx;
  }

  private resolveWeak(persons: PersonIndex): void {
    const toks = this.toks;
    const lx = this.lx;
    // surfaces of confident multi-word organisations, by their single words (`Villa` -> `Aston Villa`)
    const orgByWord = new Map<string, Cand>();
    for (const c of this.cands) {
      if (c.weak || c.type !== 'ORG' || c.b - c.a < 2) continue;
      for (let q = 0; q < 2; q++) {
        const w = toks[q === 0 ? c.a : c.b - 1].text;
        if (!lx.orgHeads.has(w) && !lx.gazetteer.has(w) && !lx.common.has(w)) orgByWord.set(w, c);
      }
    }
    // `Texas Instruments` … `said Texas`: a company named by a city or state and a company head word,
    // shortened to the place's name (not a club: `Manchester United` … `Manchester` stays the city)
    const orgByPlaceWord = new Map<string, Cand>();
    for (const c of this.cands) {
      if (c.weak || c.type !== 'ORG' || c.b - c.a !== 2) continue;
      const g = lx.gazetteer.get(toks[c.a].text);
      const head = toks[c.a + 1].text;
      if (g && g.type === 'PLACE' && !g.country && COMPANY_HEADS.has(head)) orgByPlaceWord.set(toks[c.a].text, c);
    }
    // a city that the document uses as a sports club (`Liverpool manager`, `Leeds beat …`,
    // `… v Newcastle`) is the club everywhere in it except after a place preposition
    // (unless the document puts it after a place preposition as often: `Davos fans` in a story set
    // `in Davos` is the resort's public, not a club's)
    const clubs = new Set<string>();
    const clubVotes = new Map<string, number>();
    for (const c of this.cands) {
      if (!c.soft || c.type !== 'PLACE' || c.s !== undefined) continue;
      const next = toks[c.b];
      const prev = toks[c.a - 1];
      const w = toks[c.a].text;
      const after = next && next.word && !next.cap && (lx.clubAfter.has(next.text) || CLUB_MATCH_NOUNS.has(next.text) || this.standing(c.b) || this.clubCompound(next.text)) && !toks[c.a].poss;
      // `to join Newcastle`: players join clubs, not cities
      const before = prev && prev.word && (prev.text === 'v' || prev.text === 'vs' || prev.text === 'beat' || prev.text === 'against' || prev.text === 'host' || prev.text === 'hosts' || JOIN_VERBS.has(prev.text));
      if (after || before) clubVotes.set(w, (clubVotes.get(w) ?? 0) + 1);
      else if (prev && prev.word && lx.placePrepositions.has(prev.text)) clubVotes.set(w, (clubVotes.get(w) ?? 0) - 1);
    }
    for (const [w, v] of clubVotes) if (v > 0) clubs.add(w);
    if (clubs.size)
      for (const c of this.cands) {
        if (!c.soft || c.type !== 'PLACE' || c.s !== undefined || !clubs.has(toks[c.a].text)) continue;
        const prev = toks[c.a - 1];
        if (prev && prev.word && lx.placePrepositions.has(prev.text) && prev.text !== 'to') continue;
        c.type = 'ORG';
        c.key = toks[c.a].text;
        c.soft = false;
      }
    const confirmed = new Map<string, Cand>();
    for (const c of this.cands) if (!c.weak && c.b - c.a === 1 && c.s === undefined && c.type !== 'PERSON') confirmed.set(toks[c.a].text, c);
    // `the Bank` after `the Bank of England`, `the Ministry` after `the Ministry of Defence`: the head
    // word stands for the one organisation the document names `Head of …`
    const orgByHead = new Map<string, string | null>();
    // (a `Head of …` body first: `the Bank` is the Bank of England even beside a `Barclays Bank`)
    const ofHeads = new Set<string>();
    for (const c of this.cands) if (!c.weak && c.type === 'ORG' && c.b - c.a >= 3 && !c.acronym && c.s === undefined && toks[c.a + 1].text === 'of') ofHeads.add(toks[c.a].text);
    for (const c of this.cands) {
      if (c.weak || c.type !== 'ORG' || c.b - c.a < 2 || c.acronym || c.s !== undefined) continue;
      // `the Commission` after `the European Commission`, `the Court` after `the European Court of
      // Justice`: also the head word a qualifier opens (before `of`, or last), when the lexicon has it
      // as a head and no other organisation the document names shares it
      let h = c.a + 1 < c.b && toks[c.a + 1].text === 'of' ? c.a : -1;
      if (h < 0) for (let k = c.a + 1; k < c.b && h < 0; k++) if (k + 1 === c.b || toks[k + 1].text === 'of') h = k;
      if (h < 0 || (h === c.a && c.b - c.a < 3) || !lx.orgHeads.has(toks[h].text) || (h !== c.a && ofHeads.has(toks[h].text))) continue;
      const key = this.candKey(c);
      const w = toks[h].text;
      const had = orgByHead.get(w);
      orgByHead.set(w, had === undefined || had === key ? key : null);
    }
    const keep: Cand[] = [];
    const unresolved: Cand[] = [];
    for (const c of this.cands) {
      if (this.dropped.has(c)) continue;
      const t = toks[c.a];
      // a city's name that the document gives a person is the person: `Austin`
      if (c.soft && c.type === 'PLACE' && persons.byToken.has(t.text)) {
        const prev = toks[c.a - 1];
        const according = prev && prev.text === 'to' && toks[c.a - 2]?.text === 'according';
        if (according || !(prev && prev.word && lx.placePrepositions.has(prev.text))) {
          keep.push({ ...c, type: 'PERSON', key: undefined, soft: false, weak: false });
          continue;
        }
      }
      if (c.soft && c.type === 'PLACE' && c.b - c.a === 1 && orgByPlaceWord.size) {
        const org = orgByPlaceWord.get(t.text);
        const prev = toks[c.a - 1];
        const next = toks[c.b];
        const placeUse = (prev && prev.word && lx.placePrepositions.has(prev.text)) || (next && next.word && !next.cap && lx.placeNounsAfter.has(next.text));
        if (org && !placeUse) {
          keep.push({ ...c, type: 'ORG', key: this.candKey(org), soft: false, weak: false });
          continue;
        }
      }
      if (!c.weak) {
        keep.push(c);
        continue;
      }
      if (c.corpOnly) {
        const key = this.corporateKey(t.text);
        if (key) keep.push({ ...c, weak: false, key });
        continue;
      }
      if (c.shortOf) {
        const key = orgByHead.get(t.text);
        if (key) keep.push({ ...c, weak: false, key });
        continue;
      }
      if (c.acronym) {
        if (this.blockedAcronyms.has(t.text)) continue;
        if (this.isDatelineCity(c.a)) {
          keep.push({ ...c, type: 'PLACE', acronym: false, weak: false, key: t.text[0] + t.text.slice(1).toLowerCase() });
          continue;
        }
        keep.push(c);
        continue;
      }
      // `the Tigers` in a story naming Leicester, `Reds sink 10-man Magpies`: a club's nickname is the
      // club of that nickname the document names
      if (lx.clubNicknameFirst.has(t.text) && !t.poss) {
        const club = this.clubOfNickname(c);
        if (club) {
          keep.push({ ...c, type: 'ORG', weak: false, key: club });
          continue;
        }
      }
      if (c.type === 'PERSON' && c.b - c.a > 1) {
        if (this.titleCase.has(t.para) || this.multiWordEvidence(c)) keep.push({ ...c, weak: false });
        continue;
      }
      // single capitalised word
      const w = t.text;
      // `the Williams sisters`, `the Barclay twins`: a family named by its surname is no one person
      const fam = toks[c.b];
      if (c.type === 'PERSON' && fam && fam.word && /^(?:sisters|brothers|twins|family)$/.test(fam.text) && !t.poss && (toks[c.a - 1]?.text.toLowerCase() === 'the' || (toks[c.a - 1]?.word && !toks[c.a - 1].cap && toks[c.a - 2]?.text.toLowerCase() === 'the'))) continue;
      if (persons.byToken.has(w) || persons.variantOf(w, lx)) {
        keep.push({ ...c, type: 'PERSON', weak: false });
        continue;
      }
      if (c.onlyNamed) {
        // `Delta` after `Delta Airlines`: the organisation's first word, not a surname
        const org = orgByWord.get(w);
        if (org && org.a !== c.a && !t.sentStart) keep.push({ ...c, type: 'ORG', weak: false, key: this.candKey(org) });
        continue;
      }
      // the same word confirmed elsewhere in the document: `Cagayan` after `Cagayan and Isabela provinces`
      const known = confirmed.get(w);
      if (known) {
        keep.push({ ...c, type: known.type, weak: false, key: known.key });
        continue;
      }
      // sentence-initial too when the document never writes the word in lower case (`Newbridge bought …`)
      // (not before a role: `Competition commissioner Margrethe Vestager`)
      const after = toks[c.b];
      const roleAfter = !!after && after.word && (lx.lowerRoleHeads.has(after.text) || lx.titleHeads.has(after.text));
      const org = t.sentStart && (this.isLowerWordInDoc(w) || roleAfter) ? undefined : orgByWord.get(w);
      if (org) {
        keep.push({ ...c, type: 'ORG', weak: false, key: this.candKey(org) });
        continue;
      }
      if (this.titleCase.has(t.para)) continue;
      let ev = this.evidence(c.a);
      // `RipGuard said`, `TimeWarner said`: a word with a capital inside is a brand, not a person
      if (ev === 'PERSON' && isCamel(w)) ev = 'ORG';
      // `the injuries to Brian and Gordon`: a given name alone inside a sentence is the person it names
      if (!ev && c.type === 'PERSON' && lx.givenNames.has(w) && this.bareGivenName(c.a)) ev = 'PERSON';
      if (ev === 'PLACE') {
        // `the Northern Rivers region`
        let a = c.a;
        while (a > 0 && lx.demonyms.has(toks[a - 1].text) && toks[a].joined && toks[a - 1].cap) a--;
        if (a !== c.a) {
          keep.push({ ...c, a, type: ev, weak: false });
          continue;
        }
      }
      if (ev) keep.push({ ...c, type: ev, weak: false });
      else unresolved.push(c);
    }
    // lists: `Rome, Florence and Palermo`, `in Xalapa and Coatzacoalcos`: an undecided word listed
    // with places (or organisations) is one too
    keep.sort((x, y) => x.a - y.a);
    const byEnd = new Map<number, Cand>();
    const byStart = new Map<number, Cand>();
    if (unresolved.length)
      for (const c of keep) {
        byEnd.set(c.b, c);
        byStart.set(c.a, c);
      }
    for (let u = 0; u < unresolved.length; u++) {
      const c = unresolved[u];
      const p = toks[c.a - 1];
      const q = toks[c.b];
      let mate: Cand | undefined;
      if (p && (p.text === ',' || p.text === 'and' || p.text === 'or')) mate = byEnd.get(c.a - 1);
      if (!mate && q && (q.text === ',' || q.text === 'and' || q.text === 'or')) mate = byStart.get(c.b + 1);
      // the mate must stand alone (not `China` of `China Molybdenum`)
      const alone = (m: Cand) => !this.capLike(toks[m.b]) && !(toks[m.a - 1] && this.capLike(toks[m.a - 1]) && toks[m.a].joined);
      // (one word as printed: `One.Tel` in `such as TalkTalk and One.Tel`)
      const oneWord = (m: Cand) => m.b - m.a === 1 || (m.s === undefined && this.text.slice(toks[m.a].start, toks[m.b - 1].end).indexOf(' ') < 0);
      if (mate && mate.type !== 'PERSON' && oneWord(mate) && !toks[c.a].sentStart && alone(mate)) {
        keep.push({ ...c, type: mate.type, weak: false, key: undefined });
        unresolved.splice(u--, 1);
      }
    }
    this.listCoherence(keep, unresolved);
    // a word decided once by its context is decided everywhere in the document
    if (unresolved.length) {
      const decided = new Map<string, Cand>();
      for (const c of keep) if (c.b - c.a === 1 && c.s === undefined && !decided.has(toks[c.a].text)) decided.set(toks[c.a].text, c);
      for (const c of unresolved) {
        const d = decided.get(toks[c.a].text);
        if (d && !this.titleCase.has(toks[c.a].para)) keep.push({ ...c, type: d.type, key: d.key, weak: false });
      }
    }
    keep.sort((x, y) => x.a - y.a);
    // one word, one reading per document: `TimeWarner said` is the firm the text called a firm
    // (counted only for the words a one-word person without a role or a full name could be)
    let asked: Set<string> | undefined;
    for (const c of keep) {
      if (c.b - c.a !== 1 || c.s !== undefined || c.type !== 'PERSON' || c.role) continue;
      const w = toks[c.a].text;
      if (!persons.byToken.has(w)) (asked ??= new Set()).add(w);
    }
    if (asked) {
      const readings = new Map<string, Map<EntityType, number>>();
      for (const c of keep) {
        if (c.b - c.a !== 1 || c.s !== undefined) continue;
        const w = toks[c.a].text;
        if (!asked.has(w)) continue;
        const m = readings.get(w) ?? new Map<EntityType, number>();
        m.set(c.type, (m.get(c.type) ?? 0) + 1);
        readings.set(w, m);
      }
      for (const c of keep) {
        if (c.b - c.a !== 1 || c.s !== undefined || c.type !== 'PERSON' || c.role) continue;
        const w = toks[c.a].text;
        if (persons.byToken.has(w)) continue; // a person the document names in full
        const m = readings.get(w)!;
        let best: EntityType | undefined;
        for (const [type, n] of m) if (type !== 'PERSON' && (!best || n > m.get(best)!)) best = type;
        if (best) {
          c.type = best;
          c.key = keep.find((x) => x.type === best && x.b - x.a === 1 && toks[x.a].text === w)?.key;
        }
      }
    }
    this.cands.length = 0;
    for (const c of keep) this.cands.push(c);
  }

  /**
   * Lists: `Sony Pictures, Walt Disney, Touchstone, Miramax, Columbia and Buena Vista`. When at least
   * two items of a list are decided and all of one type (ORG or PLACE), its undecided words and its
   * name-shaped "persons" without a given name take that type. A name-shaped run the document reads
   * as a place or organisation elsewhere (`in Porto Alegre`) is one here too.
   */
  private listCoherence(keep: Cand[], unresolved: Cand[]): void {
    const toks = this.toks;
    const items = keep.concat(unresolved).filter((c) => c.s === undefined);
    items.sort((x, y) => x.a - y.a);
    const undecided = new Set<Cand>(unresolved);
    // `, `, ` and `, `, and `, also before `the` (`…, Trinity Mirror and the Daily Mail & General Trust`)
    const sep = (c: Cand, d: Cand): boolean => {
      let gap = d.a - c.b;
      if (gap >= 2 && toks[d.a - 1].text === 'the') gap--;
      if (gap === 1) return [',', 'and', 'or', ';'].includes(toks[c.b].text);
      return gap === 2 && toks[c.b].text === ',' && (toks[c.b + 1].text === 'and' || toks[c.b + 1].text === 'or');
    };
    let i = 0;
    while (i < items.length) {
      let j = i + 1;
      while (j < items.length && sep(items[j - 1], items[j])) j++;
      if (j - i >= 3) {
        const list = items.slice(i, j);
        const decided = list.filter((c) => !undecided.has(c) && !c.shape);
        const type = decided.length >= 2 && decided.every((c) => c.type === decided[0].type) ? decided[0].type : undefined;
        if (type === 'ORG' || type === 'PLACE')
          for (const c of list) {
            if (undecided.has(c)) {
              if (toks[c.a].sentStart) continue;
              undecided.delete(c);
              unresolved.splice(unresolved.indexOf(c), 1);
              keep.push({ ...c, type, weak: false, key: undefined });
            } else if (c.shape && c.type === 'PERSON' && !c.role) {
              c.type = type;
              c.shape = false;
            }
          }
      }
      i = j;
    }
    // one reading per name-shaped run (names built only when a shape-read person is there to ask)
    if (!keep.some((c) => c.shape && c.type === 'PERSON' && !c.role)) return;
    const readings = new Map<string, Cand>();
    for (const c of keep) if (c.b - c.a > 1 && c.type !== 'PERSON' && !c.shape) readings.set(this.candKey(c), c);
    if (readings.size)
      for (const c of keep) {
        if (!c.shape || c.type !== 'PERSON' || c.role) continue;
        const r = readings.get(this.candKey(c));
        if (r) {
          c.type = r.type;
          c.key = r.key;
        }
      }
  }

  /** `put Newcastle ahead`, `gave Liverpool the lead`, `drew Leeds level`: a team's standing in a match
   * told right after its name (token `k` follows the name). */
  private standing(k: number): boolean {
    const toks = this.toks;
    const t = toks[k];
    if (t.text === 'ahead' || t.text === 'level') return true;
    const n = toks[k + 1];
    return (t.text === 'the' || t.text === 'a') && !!n && n.word && MATCH_STANDING.has(n.text);
  }

  /** `VELDHOVEN, Netherlands (Reuters) -`, `SOMEWHERE (AP) —`: the dateline's city. */
  private isDatelineCity(k: number): boolean {
    const toks = this.toks;
    const t = toks[k];
    if (!t.allCaps || t.text.length < 3 || (k > 0 && toks[k - 1].para === t.para)) return false;
    const next = toks[k + 1];
    if (!next || next.para !== t.para) return false;
    if (next.text === ',' && toks[k + 2]) {
      const g = this.lx.gazetteer.get(this.lookupForm(toks[k + 2]));
      return !!g && g.type === 'PLACE';
    }
    if (next.text === '(') return !!toks[k + 2] && this.lx.gazetteer.get(toks[k + 2].text)?.type === 'ORG';
    return next.text === '—' || next.text === '–' || (next.text === '-' && next.start > t.end);
  }

  /** A sentence-initial name-shaped pair is kept when the document uses its surname again or a
   * reporting verb or apposition follows it. */
  private multiWordEvidence(c: Cand): boolean {
    const toks = this.toks;
    const last = toks[c.b - 1].text;
    if (!this.wordCounts) {
      this.wordCounts = new Map();
      for (const t of toks) if (t.word && t.cap) this.wordCounts.set(t.text, (this.wordCounts.get(t.text) ?? 0) + 1);
    }
    if ((this.wordCounts.get(last) ?? 0) >= 2) return true;
    const next = toks[c.b];
    if (!next) return false;
    if (next.word && this.lx.reportingVerbs.has(next.text)) return true;
    return next.text === ',' && !!toks[c.b + 1]?.word && !toks[c.b + 1].cap;
  }

  /**
   * `Sibneft, a Russian oil company that …`: after a name and a comma, an article, at most three
   * describing words and an organisation noun that ends the phrase (not `a company director`) say the
   * name is an organisation.
   */
  private orgApposition(j: number): boolean {
    const toks = this.toks;
    const art = toks[j];
    if (!art || !art.word || (art.text !== 'a' && art.text !== 'an' && art.text !== 'the')) return false;
    for (let k = j + 1; k <= j + 4 && k < toks.length; k++) {
      const t = toks[k];
      if (!t.word) return false;
      if (!t.cap && this.lx.orgCuesBefore.has(t.text)) {
        const after = toks[k + 1];
        return !after || !after.word || /^(?:that|which|whose|with|in|based|owned|and|of|for|from)$/.test(after.text);
      }
      if (isConnector(t)) return false;
    }
    return false;
  }

  /** What the words around a lone capitalised word say it is, or null. */
  private evidence(k: number): EntityType | null {
    const toks = this.toks;
    const lx = this.lx;
    const t = toks[k];
    const prev = toks[k - 1];
    const prev2 = toks[k - 2];
    const next = toks[k + 1];
    if (t.sentStart && (this.isLowerWordInDoc(t.text) || ADJECTIVE_ENDING.test(t.text))) return null;
    // `Anti-corruption`, `Fly-half`, `TV-on-demand`: a compound of common words
    if (COMMON_COMPOUND.test(t.text)) return null;
    // `a Swiss trading firm, Trafigura,`: an organisation noun and a comma before
    if (prev && prev.text === ',' && prev2 && prev2.word && !prev2.cap && lx.orgCuesBefore.has(prev2.text)) return 'ORG';
    if (next && next.text === ',' && !t.poss && this.orgApposition(k + 2)) return 'ORG';
    // `Wal-Mart only saw its sales rise`, `Velkorp cut its prices`: a name its own clause goes on to
    // call `its` (one or two lower-case words between, not a reporting verb) is an organisation; not
    // a sentence's first word (`Prior to its adoption`)
    if (!t.poss && !t.sentStart && next && next.word && !next.cap && !lx.reportingVerbs.has(next.text)) {
      const n2 = toks[k + 2];
      const n3 = toks[k + 3];
      if (n2 && n2.word && (n2.text === 'its' || (!n2.cap && !lx.reportingVerbs.has(n2.text) && n3 && n3.word && n3.text === 'its'))) return 'ORG';
    }
    if (prev && prev.word && lx.honorifics.has(prev.text)) return 'PERSON';
    // `Souness's side`, `Benitez's men`: a team is its manager's
    if (t.poss && !t.sentStart && next && next.word && (next.text === 'side' || next.text === 'men' || next.text === 'team') && toks[k + 2]?.word && !toks[k + 2].cap) return 'PERSON';
    if (!t.sentStart && prev && prev.word && !prev.cap && (lx.orgCuesBefore.has(prev.text) || searchEngine(prev, prev2))) return 'ORG';
    if (!t.sentStart && prev && prev.text === 'at' && prev2 && prev2.word && lx.orgAffiliates.has(prev2.text.toLowerCase())) return 'ORG';
    if (next && next.word && !next.cap && lx.reportingVerbs.has(next.text) && !t.poss) return 'PERSON';
    if (next && next.word && !next.cap && CLUB_VERBS.has(next.text)) return 'ORG';
    // `play Kaka forward`, `started Zola up front`: a side's choice of a player for a position
    if (next && next.word && PLAYING_POSITIONS.has(next.text) && prev && prev.word && LINEUP_VERBS.has(prev.text) && !t.poss) return 'PERSON';
    if (next && next.word && !next.cap && (PLAYING_POSITIONS.has(next.text) || this.clubCompound(next.text)) && !t.poss) return 'ORG';
    if (next && next.text === ',' && toks[k + 2]?.word && lx.reportingVerbs.has(toks[k + 2].text)) return 'PERSON';
    // the noun after outweighs `said` before: `said Nationwide economist Alex Bannister`
    if (next && next.word && !next.cap && lx.placeNounsAfter.has(next.text)) return 'PLACE';
    // `Rail operator JR Kyushu`, `Oil company Shell`: a sentence's first word before an organisation
    // noun and a name describes that name
    if (t.sentStart && next && next.word && !next.cap && lx.orgNounsAfter.has(next.text) && this.capLike(toks[k + 2])) return null;
    if (next && next.word && !next.cap && lx.orgNounsAfter.has(next.text) && !t.poss) return 'ORG';
    const next2 = toks[k + 2];
    if (next && next.word && ORG_NOUN_MODIFIERS.has(next.text) && next2 && next2.word && !next2.cap && lx.orgNounsAfter.has(next2.text) && !t.poss) return 'ORG';
    if (next && next.word && !next.cap && lx.orgRoleAfter.has(next.text) && !t.poss && !lx.clubAfter.has(next.text)) return 'ORG';
    if (prev && prev.word && (prev.text === 'said' || prev.text === 'says') && !t.sentStart) return 'PERSON';
    if (prev && prev.word && prev.text === 'to' && prev2?.text === 'according') return 'PERSON';
    // `the island of Tenerife`, `the city of Xalapa`
    if (prev && prev.text === 'of' && prev2 && prev2.word && !prev2.cap && lx.placeNounsAfter.has(prev2.text)) return 'PLACE';
    if (t.sentStart) return null;
    if (next && next.word && !next.cap && lx.personNounsAfter.has(next.text) && prev?.text === 'the') return 'PERSON';
    if (prev && prev.word && !prev.cap && (lx.orgCuesBefore.has(prev.text) || searchEngine(prev, prev2))) return 'ORG';
    if (prev && prev.word && prev.text === 'in' && prev2 && prev2.word && lx.orgBeforeIn.has(prev2.text)) return 'ORG';
    if (prev && prev.word && lx.placePrepositions.has(prev.text) && !(next && next.word && next.cap)) {
      if (next && next.word && !next.cap && !lx.reportingVerbs.has(next.text) && !['and', 'or', 'on', 'in', 'at', 'for', 'by', 'with', 'from', 'to', 'last', 'next', 'this', 'after', 'before', 'since', 'where', 'which', 'as', 'but'].includes(next.text)) return null;
      return 'PLACE';
    }
    return null;
  }

  // ---- output ---------------------------------------------------------------------------------

  private emit(persons: PersonIndex): EntityMention[] {
    const toks = this.toks;
    const text = this.text;
    const lx = this.lx;
    const cands = this.cands.slice().sort((x, y) => (x.s ?? toks[x.a].start) - (y.s ?? toks[y.a].start) || y.b - x.b);
    const out: EntityMention[] = [];
    // organisation keys: normalised name -> first (longest) key
    const orgKeys = new Map<string, string>();
    const orgCands = cands.filter((c) => c.type === 'ORG' && !c.acronym);
    orgCands.sort((x, y) => y.b - y.a - (x.b - x.a));
    const orgList: { norm: string; key: string; text: string }[] = [];
    // one organisation under a slip of one letter (`Electronics Arts`, `Delta Airline`) or with its
    // corporate word dropped (`Telegraph` for `the Telegraph Group`): the longer form named first keeps the key
    const nearKeys = new Map<number, { nk: string; key: string }[]>();
    const corporate = new Map<string, string>();
    const tails = new Map<string, string>();
    const lastOf = new Map<string, string>();
    for (const c of orgCands) {
      const k = this.candKey(c);
      const nk = normName(k);
      if (!orgKeys.has(nk)) {
        const near = nk.length >= 10 && nk.length <= 60 ? nearKey(nk, k, nearKeys) : undefined;
        orgKeys.set(nk, near ?? k);
        if (!near) orgList.push({ norm: nk, key: k, text: k });
        if (c.b - c.a === 2 && CORPORATE_WORDS.has(toks[c.a + 1].text) && !corporate.has(toks[c.a].text)) corporate.set(toks[c.a].text, near ?? k);
        // `Argonaut` for `Argonaut Games`, `CEC` for `CEC Systems`: a company's own word and a descriptive
        // word that says what it makes (not a business unit's `Retail`, nor `BBC Research` of a body the lexicon
        // knows); two such names share none
        else if (c.b - c.a === 2 && DESCRIPTIVE_TAIL.has(toks[c.a + 1].text) && c.s === undefined && !lx.gazetteer.has(toks[c.a].text)) {
          const w = toks[c.a].text;
          const had = tails.get(w);
          tails.set(w, had === undefined || had === (near ?? k) ? (near ?? k) : '');
        }
      }
    }
    for (const [w, full] of tails) if (full && !corporate.has(w)) corporate.set(w, full);
    // `Milan` for `AC Milan`, `Rover` for `MG Rover`: a club's or company's name after its two or three
    // capitals, read alone as an organisation, is that name (the one the story gives; a city read as a
    // place stays the place)
    for (const c of orgCands) {
      if (c.b - c.a !== 2 || c.s !== undefined || !/^[A-Z]{2,3}$/.test(toks[c.a].text) || toks[c.a].dot) continue;
      const w = toks[c.a + 1].text;
      const full = orgKeys.get(normName(this.candKey(c)))!;
      const had = lastOf.get(w);
      lastOf.set(w, had === undefined || had === full ? full : '');
    }
    for (const [w, full] of lastOf) if (full && !corporate.has(w)) corporate.set(w, full);
    if (corporate.size)
      for (const c of orgCands) {
        if (c.b - c.a !== 1 || c.s !== undefined) continue;
        const full = corporate.get(toks[c.a].text);
        if (full && (c.key === undefined || c.key === toks[c.a].text)) c.key = full;
      }
    // organisations named in words (not by an acronym), for acronyms the lexicon also knows
    let written: { norm: string; key: string; text: string }[] | undefined;
    const ownAcronym = new Map<string, string>();
    const writtenOrgs = () => (written ??= orgCands.filter((c) => c.b - c.a > 1).map((c) => ({ norm: '', key: orgKeys.get(normName(this.candKey(c)))!, text: this.candKey(c) })));
    let lastEnd = -1;
    for (const c of cands) {
      const start = c.s ?? toks[c.a].start;
      let end = c.e ?? toks[c.b - 1].end;
      if (c.s === undefined && toks[c.b - 1].dot && SUFFIXES.has(toks[c.b - 1].text)) end++;
      if (start < lastEnd) continue;
      lastEnd = end;
      const surface = text.slice(start, end);
      let key: string;
      if (c.type === 'PERSON') {
        const words: string[] = [];
        for (let k = c.a; k < c.b; k++) if (!SUFFIXES.has(toks[k].text)) words.push(this.personWord(toks[k].text));
        key = persons.keyFor(words, start, lx) ?? words.join(' ');
        if (this.aliasOf.size) {
          // `aka Benny`, `Eddie (O'Sullivan)`: the key of the person the alias names (emitted before it)
          const of = this.aliasOf.get(c.a);
          if (typeof of === 'string') key = of;
          else if (of !== undefined) key = this.aliasKeys.get(of) ?? key;
          // a later `Benny` alone is still the alias
          else if (c.b - c.a === 1) key = this.aliasWords.get(toks[c.a].text) ?? key;
          this.aliasKeys.set(c.a, key);
          if (of !== undefined && c.b - c.a === 1 && !this.aliasWords.has(toks[c.a].text)) this.aliasWords.set(toks[c.a].text, key);
        }
      } else if (c.acronym) {
        const acr = toks[c.a].text;
        key = this.acronymOf.get(acr) ?? lookupAcronym(acr, orgList) ?? corporate.get(acr) ?? acr;
        const g = lx.gazetteer.get(acr);
        if (g && !this.acronymOf.has(acr)) key = g.canonical;
      } else if (c.type === 'ORG') {
        // (a key taken from another mention, `Delta` -> `Delta Airline`, follows that mention's key too)
        const own = this.candKey(c);
        key = orgKeys.get(normName(own)) ?? own;
        const g = lx.gazetteer.get(key);
        if (g) key = g.canonical;
        // `the World Tourism Organisation … the WTO said`: an acronym the lexicon knows for another body
        // (World Trade Organization) stands for the one the document names, when it does not name that one
        const t0 = toks[c.a];
        if (c.b - c.a === 1 && t0.allCaps && c.s === undefined && !this.acronymOf.has(t0.text)) {
          // once per acronym and lexicon key: a text repeating `UN` stays linear
          const memo = t0.text + '\u0000' + key;
          let own = ownAcronym.get(memo);
          if (own === undefined) {
            const orgs = writtenOrgs();
            const found = lookupAcronym(t0.text, orgs);
            own = found && normName(found) !== normName(key) && !orgs.some((o) => normName(o.text) === normName(key)) ? found : '';
            ownAcronym.set(memo, own);
          }
          if (own) key = own;
        }
        // `China’s Ministry of Foreign Affairs`, `the Chinese Foreign Ministry`: a generic body
        // belongs to the country named right before it
        else if (isGenericOrg(key)) {
          const country = this.countryBefore(c.a);
          if (country) key = `${key} (${country})`;
        }
      } else {
        key = c.key ?? surface;
        if (key === key.toUpperCase() && key.length > 3) key = key[0] + key.slice(1).toLowerCase();
      }
      const m: EntityMention = { start, end, type: c.type, key, surface };
      if (c.role) m.role = c.role;
      out.push(m);
    }
    this.roles(out);
    return out;
  }

  /** The country a possessive or adjective right before token `a` names, if any. */
  private countryBefore(a: number): string | undefined {
    const t = this.toks[a - 1];
    if (!t || !t.word) return undefined;
    const g = this.lx.gazetteer.get(this.lookupForm(t));
    if (g && g.country && t.poss) return g.canonical;
    const d = this.lx.demonymCountry.get(t.text);
    if (d && t.joined) return d;
    return undefined;
  }

  /** Lower-case titles before a person (`PLA spokesman Zhang Xiaogang`) and appositions after. */
  private roles(out: EntityMention[]): void {
    const toks = this.toks;
    const lx = this.lx;
    const tokIndex = (start: number): number | undefined => {
      let lo = 0;
      let hi = toks.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (toks[mid].start < start) lo = mid + 1;
        else hi = mid;
      }
      return lo < toks.length && toks[lo].start === start ? lo : undefined;
    };
    const mentionAt = new Map<number, EntityMention>();
    for (const m of out) mentionAt.set(m.start, m);
    for (const m of out) {
      if (m.type !== 'PERSON' || m.role) continue;
      const i = tokIndex(m.start);
      if (i === undefined) continue;
      // before: `… spokesman NAME`, `Villa defender NAME`
      let k = i - 1;
      let honor = false;
      while (k >= 0 && toks[k].word && lx.honorifics.has(toks[k].text)) {
        k--;
        honor = true;
      }
      if (k >= 0 && toks[k].word && !toks[k].cap && lx.lowerRoleHeads.has(toks[k].text)) {
        let s = k;
        while (s - 1 >= 0 && k - s < 3 && toks[s - 1].word && !toks[s - 1].cap && (lx.lowerRoleModifiers.has(toks[s - 1].text) || lx.lowerRoleHeads.has(toks[s - 1].text))) s--;
        // a capitalised organisation, place or adjective right before: `PLA`, `US State Department`
        const prev = toks[s - 1];
        if (prev && prev.word && prev.cap && !prev.sentStart) {
          let p = s - 1;
          while (p - 1 >= 0 && toks[p - 1].word && toks[p - 1].cap && toks[p].joined) p--;
          if (!lx.common.has(toks[p].text)) s = p;
        } else if (prev && prev.word && prev.cap && prev.sentStart && (lx.demonyms.has(prev.text) || mentionAt.has(prev.start))) s = s - 1;
        m.role = this.text.slice(toks[s].start, toks[k].end);
        continue;
      }
      if (honor) continue;
      // `Germany's finance minister, NAME` / `Its founder, NAME`
      if (k >= 1 && toks[k].text === ',' && toks[k - 1].word && lx.lowerRoleHeads.has(toks[k - 1].text.toLowerCase())) {
        let s = k - 1;
        while (s - 1 >= 0 && k - s < 6 && toks[s - 1].word && !['the', 'a', 'an', 'its', 'his', 'her', 'their', 'and', 'said', 'says'].includes(toks[s - 1].text.toLowerCase()) && !toks[s].sentStart) s--;
        m.role = this.text.slice(toks[s].start, toks[k - 1].end);
        continue;
      }
      // after: `NAME, an international relations professor at …,`
      let j = i;
      while (j < toks.length && toks[j].end <= m.end) j++;
      if (toks[j]?.text === ',') {
        let s = j + 1;
        if (toks[s] && ['a', 'an', 'the'].includes(toks[s].text)) s++;
        let e = s;
        let hasHead = false;
        while (e < toks.length && e - s < 14 && toks[e].text !== ',' && toks[e].text !== '.' && toks[e].text !== ';' && toks[e].text !== '(' && !(toks[e].word && lx.reportingVerbs.has(toks[e].text))) {
          if (toks[e].word && (lx.lowerRoleHeads.has(toks[e].text) || lx.titleHeads.has(toks[e].text)) && e - s < 5) hasHead = true;
          e++;
        }
        if (hasHead && e > s && toks[s].word && !toks[s].cap || (hasHead && e > s && toks[s].word && lx.titleModifiers.has(toks[s].text))) {
          if (toks[e]?.text === ',' || toks[e]?.text === '.' || toks[e]?.word) m.role = this.text.slice(toks[s].start, toks[e - 1].end);
        }
      }
    }
  }
}

/** Persons the document names in full, indexed by each of their words. */
class PersonIndex {
  /** clusters: words of the fullest name */
  readonly clusters: string[][] = [];
  readonly byToken = new Map<string, number[]>();

  addFull(words: string[], lx: Lexicon): void {
    // an existing cluster with the same words (any order), or one whose words include these
    const set = new Set(words);
    for (const i of this.candidates(words)) {
      const c = this.clusters[i];
      const cs = new Set(c);
      const sub = words.every((w) => cs.has(w));
      const sup = c.every((w) => set.has(w));
      const sameSurname = c.length >= 2 && words.length >= 2 && c[c.length - 1] === words[words.length - 1];
      const variant = sameSurname && (sameGiven(c[0], words[0], lx) || initialOf(words[0], c[0]));
      // `B O'Driscoll` named before `Brian O'Driscoll`: the full name becomes the cluster's
      if (sameSurname && initialOf(c[0], words[0])) {
        this.clusters[i] = words;
        this.index(words, i);
        return;
      }
      if (sub || variant) {
        this.index(words, i);
        return;
      }
      if (sup) {
        this.clusters[i] = words;
        this.index(words, i);
        return;
      }
    }
    this.clusters.push(words);
    this.index(words, this.clusters.length - 1);
  }

  /** Clusters sharing a word with `words`, in order (a linear scan would be quadratic). */
  private candidates(words: string[]): number[] {
    const out = new Set<number>();
    // at most the 64 latest clusters per word: a text naming thousands of Smiths stays linear
    for (const w of words) {
      const l = this.byToken.get(w);
      if (l) for (let k = Math.max(0, l.length - 64); k < l.length; k++) out.add(l[k]);
    }
    return [...out].sort((x, y) => x - y);
  }

  /** `Mr Barrioneuvo` after `Jose Barrionuevo`: a long surname with two adjacent letters swapped is
   * a slip for the one full name that has it; the slip is indexed to that person. */
  misspeltSurname(w: string): boolean {
    if (w.length < 6) return false;
    // full names by the sorted letters of their surname (a swap keeps them): built once, after the
    // full names and before the single ones, so each lookup is one map read
    if (!this.bySurnameLetters) {
      this.bySurnameLetters = new Map();
      this.clusters.forEach((c, i) => {
        if (c.length < 2) return;
        const k = [...c[c.length - 1]].sort().join('');
        const l = this.bySurnameLetters!.get(k);
        if (l) l.push(i);
        else this.bySurnameLetters!.set(k, [i]);
      });
    }
    let found = -1;
    for (const i of this.bySurnameLetters.get([...w].sort().join('')) ?? []) {
      const c = this.clusters[i];
      if (isTransposition(w, c[c.length - 1])) found = found === -1 ? i : -2;
    }
    if (found < 0) return false;
    this.byToken.set(w, [found]);
    return true;
  }

  private bySurnameLetters: Map<string, number[]> | undefined;

  addSingle(w: string): void {
    // a person known only by one name in this document (`Austin` after `Defence Secretary`)
    this.clusters.push([w]);
    this.index([w], this.clusters.length - 1);
  }

  private index(words: string[], i: number): void {
    for (const w of words) {
      if (w.length < 2 || /^[a-z]/.test(w)) continue;
      const l = this.byToken.get(w) ?? [];
      if (!l.includes(i)) l.push(i);
      this.byToken.set(w, l);
    }
  }

  /** `Mo` for `Mohamed`: a nickname of a cluster's first word. */
  variantOf(w: string, lx: Lexicon): boolean {
    const v = lx.givenVariant.get(w.toLowerCase());
    if (v === undefined) return false;
    return this.clusters.some((c) => c.length >= 2 && lx.givenVariant.get(c[0].toLowerCase()) === v);
  }

  /** Start offset of each cluster's latest mention so far (emit goes in text order). */
  readonly lastSeen = new Map<number, number>();

  /** A cluster's words joined -> the first cluster with them (built at the first `keyFor`, after the
   * clusters are final: emit asks once per mention, a scan of every cluster each time was quadratic). */
  private firstByKey: Map<string, number> | undefined;

  keyFor(words: string[], at: number, lx: Lexicon): string | undefined {
    const k = this.keyForInner(words, at, lx);
    if (k !== undefined) {
      if (!this.firstByKey) {
        this.firstByKey = new Map();
        this.clusters.forEach((c, i) => {
          const key = c.join(' ');
          if (!this.firstByKey!.has(key)) this.firstByKey!.set(key, i);
        });
      }
      const i = this.firstByKey.get(k);
      if (i !== undefined) this.lastSeen.set(i, at);
    }
    return k;
  }

  private keyForInner(words: string[], at: number, lx: Lexicon): string | undefined {
    if (words.length >= 2) {
      for (const i of this.candidates(words)) {
        const c = this.clusters[i];
        // names are a few words: `includes` on the arrays, no sets built per cluster
        if (words.every((w) => c.includes(w)) || c.every((w) => words.includes(w))) return c.join(' ');
        if (c.length >= 2 && c[c.length - 1] === words[words.length - 1] && (sameGiven(c[0], words[0], lx) || initialOf(words[0], c[0]))) return c.join(' ');
      }
      return undefined;
    }
    const w = words[0];
    const list = this.byToken.get(w);
    if (list && list.length) {
      // prefer a full name whose last word (surname) is this one, then its first (family-name-first)
      // several people with this surname: the one mentioned most recently before, else the first
      let best: string[] | undefined;
      let bestSeen = -1;
      for (const i of list) {
        const c = this.clusters[i];
        if (c.length >= 2 && c[c.length - 1] === w) {
          const seen = this.lastSeen.get(i) ?? -1;
          if (!best || (seen < at && seen > bestSeen)) {
            best = c;
            bestSeen = seen < at ? seen : bestSeen;
          }
        }
      }
      if (!best) for (const i of list) if (this.clusters[i].length >= 2) best = best ?? this.clusters[i];
      if (!best) best = this.clusters[list[0]];
      return best.join(' ');
    }
    const v = lx.givenVariant.get(w.toLowerCase());
    if (v !== undefined) for (const c of this.clusters) if (c.length >= 2 && lx.givenVariant.get(c[0].toLowerCase()) === v) return c.join(' ');
    return undefined;
  }
}

/** `Telegraph Group`, `Virgin Group`: a company is also named without this word. */
const CORPORATE_WORDS = new Set(['Group', 'Holdings', 'plc', 'PLC', 'Inc', 'Corporation', 'Corp']);
/** Words after a company's own word that say what it does, not which part of it (`Argonaut Games`). */
const DESCRIPTIVE_TAIL = new Set('Systems Games Electronics Research Technologies Technology Software Communications Industries Interactive Entertainment Networks Motors Computers Airlines Media Telecom'.split(' '));

/**
 * The key of an organisation already named whose normalised name is one letter away from `nk` (one
 * letter added, dropped or changed), else undefined; `nk` is then registered under `key`. Names are
 * bucketed by length and at most 24 of each length are compared: a text listing thousands of
 * organisations stays linear.
 */
function nearKey(nk: string, key: string, seen: Map<number, { nk: string; key: string }[]>): string | undefined {
  for (let len = nk.length - 1; len <= nk.length + 1; len++) {
    const bucket = seen.get(len);
    if (bucket) for (const o of bucket) if (editDistanceAtMostOne(nk, o.nk)) return o.key;
  }
  const own = seen.get(nk.length);
  if (!own) seen.set(nk.length, [{ nk, key }]);
  else if (own.length < 24) own.push({ nk, key });
  return undefined;
}

const GENERIC_ORG = new Set(
  'foreign affairs defence defense ministry department state interior home office finance treasury trade health justice education embassy army navy air force forces police parliament supreme court central bank national coast guard military government cabinet of and commerce agriculture energy environment security council armed intelligence service services agency statistics meteorological'.split(' '),
);
/** `Foreign Ministry`, `Ministry of Foreign Affairs`, `Supreme Court`: a body every country has. */
function isGenericOrg(key: string): boolean {
  let v = genericMemo.get(key);
  if (v === undefined) {
    const words = normName(key).split(' ');
    v = words.length >= 2 && words.every((w) => GENERIC_ORG.has(w));
    if (genericMemo.size > 50_000) genericMemo.clear();
    genericMemo.set(key, v);
  }
  return v;
}
const genericMemo = new Map<string, boolean>();

/** `MEXICO` -> `Mexico`. */
function titleCase(w: string): string {
  return w[0] + w.slice(1).toLowerCase();
}

/** `TimeWarner`, `RipGuard`, `SoftBank`, not `McIlroy`, `MacArthur`, `DeLonge`, `O'Neill`. */
function isCamel(w: string): boolean {
  if (/^(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|O['’])/.test(w)) return false;
  return /[a-z][A-Z]/.test(w);
}

/** Two given names that are one person's: equal, listed variants, or one letter apart (`Antony`). */
/** `B` (or `CA`) is the initial of `Brian`: team sheets write players so. */
export function initialOf(init: string, given: string): boolean {
  return init.length <= 2 && given.length > 2 && /^[A-Z]{1,2}$/.test(init) && given[0] === init[0];
}

export function sameGiven(a: string, b: string, lx: Lexicon): boolean {
  if (a === b) return true;
  const va = lx.givenVariant.get(a.toLowerCase());
  if (va !== undefined && va === lx.givenVariant.get(b.toLowerCase())) return true;
  return a.length >= 5 && b.length >= 5 && editDistanceAtMostOne(a.toLowerCase(), b.toLowerCase());
}

/** `Barrioneuvo` / `Barrionuevo`: equal but for two adjacent letters swapped. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

export function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Schwartz & Hearst's test: can `short` abbreviate `long`? Each letter of the short form, right to
 * left, is found in the long form, the first one at the start of a word. With `tail`, the long form
 * is only required to end where the abbreviation ends (the words before it are free).
 */
export function abbreviates(short: string, long: string, tail = false): boolean {
  const s = short.toLowerCase().replace(/[^a-z0-9]/g, '');
  const l = long.length > 200 ? long.slice(long.length - 200).toLowerCase() : long.toLowerCase();
  if (s.length < 2 || l.length <= s.length) return false;
  const alnum = (i: number) => {
    const c = l.charCodeAt(i);
    return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
  };
  let si = s.length - 1;
  let li = l.length - 1;
  while (li >= 0 && !alnum(li)) li--;
  // the last letter must fall in the last word of the long form
  let lastWordStart = li;
  while (lastWordStart > 0 && (alnum(lastWordStart - 1) || l.charCodeAt(lastWordStart - 1) === 46)) lastWordStart--;
  let firstMatch = true;
  while (si >= 0) {
    const ch = s.charCodeAt(si);
    while (li >= 0 && (l.charCodeAt(li) !== ch || (si === 0 && li > 0 && alnum(li - 1)))) li--;
    if (li < 0) return false;
    if (firstMatch && li < lastWordStart) return false;
    firstMatch = false;
    li--;
    si--;
  }
  void tail;
  return true;
}

const MINOR_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'at', 'de', 'du', 'des', 'la', 'le', '&']);
const LEADING_COUNTRY = /^(?:US|U\.S\.|UK|U\.K\.|EU|UN|U\.N\.)$/;

/**
 * For an acronym nobody defined: `abbreviates`, and every major word of the long form (after a
 * leading `US`/`UK`) gives its initial, in order (`INDOPACOM` = `US Indo-Pacific Command`, `USFJ` =
 * `U.S. Forces Japan`; `ING` is not `Indian Space Research Organisation`).
 */
export function abbreviatesStrict(short: string, long: string): boolean {
  if (!abbreviates(short, long)) return false;
  const words = long.split(/[\s\-‐‑–]+/).filter((w) => w && !MINOR_WORDS.has(w.toLowerCase()));
  const tryFrom = (ws: string[]) => {
    const s = short.toLowerCase();
    let i = 0;
    for (const w of ws) {
      const c = w[0].toLowerCase();
      i = s.indexOf(c, i);
      if (i < 0) return false;
      i++;
    }
    return true;
  };
  // The initials test first: it is a few indexOf calls, where prefixChunks is a search over letters
  // and words (a whole-corpus resolution asks both of thousands of pairs). Pure tests: same answer.
  if (!tryFrom(words) && !(words.length > 2 && LEADING_COUNTRY.test(words[0]) && tryFrom(words.slice(1)))) return false;
  return prefixChunks(short, long);
}

/**
 * Whether the acronym's letters are the opening letters of the long form's words, in order: each
 * major word gives one or more of its first letters (`INDO`-`PA`-`COM`), a minor word gives its first
 * letters or none (`M`-`o`-`D`). Letters from inside a word are refused: `MSCI` is not `Manchester City`.
 */
function prefixChunks(short: string, long: string): boolean {
  const s = short.toLowerCase().replace(/[^a-z0-9]/g, '');
  const ws = long
    .split(/[\s\-‐‑–]+/)
    .map((w) => ({ word: w, letters: w.toLowerCase().replace(/[^a-z0-9]/g, ''), minor: MINOR_WORDS.has(w.toLowerCase()) }))
    .filter((w) => w.letters);
  if (ws.length > 12 || s.length > 16) return true; // beyond what acronyms look like: leave it to the other tests
  // go(i, j): letters from i on can be given by words from j on
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    if (j === ws.length) return i === s.length;
    const key = i * 64 + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const w = ws[j].letters;
    // minor words, and a leading country (`US Indo-Pacific Command`), may give no letter
    let ok = (ws[j].minor || (j === 0 && ws.length > 2 && LEADING_COUNTRY.test(ws[0].word))) && go(i, j + 1);
    for (let n = 1; !ok && n <= w.length && i + n <= s.length && s[i + n - 1] === w[n - 1]; n++) ok = go(i + n, j + 1);
    memo.set(key, ok);
    return ok;
  };
  return go(0, 0);
}

/** An acronym used without a definition: the document's organisation it abbreviates, if one. */
function lookupAcronym(acr: string, orgs: { norm: string; key: string; text: string }[]): string | undefined {
  let found: string | undefined;
  for (const o of orgs) {
    if (o.text.split(/\s+/).length < 2) continue;
    if (abbreviatesStrict(acr, o.text)) {
      if (found && found !== o.key) return undefined;
      found = o.key;
    }
  }
  return found;
}

/**
 * PERSON, ORG and PLACE mentions of one document, sorted by start, non-overlapping. `paragraphs`
 * (from `analyzeDocument`) lets headlines be read as Title Case; without them each line is a
 * paragraph.
 */
export function recognizeEntities(text: string, paragraphs?: Paragraph[]): EntityMention[] {
  if (text.length === 0) return [];
  return new Doc(text, paragraphs).run();
}
