// Kind (speech or term) and speaker of each detected quote. Speakers come from reporting cues only
// (`X said`, `said X`, `according to X`, `X told reporters:`), then from the conventions of news
// copy (a quote split by its attribution, a quote continued in the next paragraph, a quote paragraph
// after the paragraph that names its speaker); pronouns are resolved to the speaker named before.
// Nothing is attributed from proximity alone.

import type { EntityType, QuoteKind, Span } from '../model';
import {
  ABBREVIATIONS,
  DESCRIPTORS,
  GENERIC_ORG_NOUNS,
  GROUP_HEADS,
  HEARERS,
  HONORIFICS,
  NAMING_CUES,
  NAMING_VERBS_AFTER_WHAT,
  NON_PERSON_HEADS,
  PERSON_NOUNS,
  REPORTING_VERBS,
  SOURCE_PREPOSITIONS,
  SPEAKER_PRONOUNS,
  SPOKESPERSON_NOUNS,
  STANCE_WORDS,
  TITLE_WORDS,
} from './cues';
import type { RawQuote } from './marks';
import { sentences, tokenize, type Token } from './text';

/** What the quote layer needs from an entity mention (structurally the entities layer's EntityMention). */
export interface MentionLike extends Span {
  type: EntityType | string;
  /** Document-local cluster key: mentions of one entity share it. */
  key: string;
  surface?: string;
}

export type SpeakerVia = 'cue' | 'pronoun' | 'split' | 'continued' | 'previous-paragraph' | 'previous-sentence' | 'other-copy';

export interface QuoteSpeaker extends Span {
  /** The speaker phrase as written at the attribution point (`He`, `the ministers`, `PLA spokesman Zhang Xiaogang`). */
  text: string;
  /** Best name for display: the mention's surface, the name inside the phrase, or the phrase. */
  name: string;
  /** Index into the mentions given to `findQuotes`, or -1. */
  mention: number;
  /** The mention's document-local key, or null when no PERSON/ORG/PLACE mention stands for the speaker. */
  key: string | null;
  type: EntityType | null;
  via: SpeakerVia;
  /** The reporting verb or cue (`said`, `according to`), when the attribution has one in this copy. */
  cue: (Span & { text: string }) | null;
  /** For pronouns and short references: the earlier phrase they were resolved to. */
  antecedent?: Span & { text: string };
  /** Title or apposition found with the speaker (`an international relations professor at …`). */
  role?: string;
  /** For `other-copy`: the document the speaker was taken from. */
  source?: string;
  /**
   * For a group named by a plural description (`the ministers`, `the two leaders`): the people named
   * together just before, as mentions (only when mentions were given).
   */
  group?: { mention: number; key: string; name: string }[];
}

export interface Quote extends Span {
  /** The quoted words, without the marks. */
  text: string;
  kind: QuoteKind;
  speaker: QuoteSpeaker | null;
  open: number;
  close: number;
  family: 'double' | 'single';
  paragraph: number;
  /** Index of the quote this one continues (previous paragraph left open), -1 if none. */
  continues: number;
  unclosed: boolean;
}

// ---- word lists (grammar, not cues) ----------------------------------------------------------------
const CUE_FORMS = new Map<string, 'finite' | 'participle'>();
for (const forms of Object.values(REPORTING_VERBS)) {
  for (const f of forms.finite) CUE_FORMS.set(f, 'finite');
  for (const f of forms.participle) CUE_FORMS.set(f, 'participle');
}
const DESCRIBE_FORMS = new Set([...REPORTING_VERBS.describe.finite, ...REPORTING_VERBS.describe.participle]);
const CALL_FORMS = new Set([...REPORTING_VERBS.call.finite, ...REPORTING_VERBS.call.participle]);
const NAMING_ONE = new Set(NAMING_CUES.filter((c) => !c.includes(' ')));
const NAMING_TWO = new Set(NAMING_CUES.filter((c) => c.includes(' ')));
const WHAT_VERBS = new Set(NAMING_VERBS_AFTER_WHAT);
const SOURCE_PREPS = SOURCE_PREPOSITIONS.map((p) => p.split(' '));
const LONGEST_SOURCE_PREP = Math.max(...SOURCE_PREPS.map((words) => words.length));
const HONORIFIC = new Set(HONORIFICS);
/** Words written with a dot inside a name phrase: `Mr.`, `Sen.`, `Gen.` */
const DOTTED = new Set([...HONORIFICS, ...ABBREVIATIONS]);
const DESCRIPTOR = new Set(DESCRIPTORS);
const GROUP_HEAD = new Set(GROUP_HEADS);
/** Lower-case heads that make a description without a name a person (`the Trafford Centre spokeswoman`). */
const PERSON_HEAD = new Set([...PERSON_NOUNS, ...DESCRIPTORS, ...TITLE_WORDS.filter((w) => !w.includes(' '))]);
const STANCE = new Set(STANCE_WORDS);
const SPOKES = new Set(SPOKESPERSON_NOUNS);
/** Possessive determiners before `spokesman`, and the class of whom they stand for. */
const POSSESSIVE_PRONOUNS: Record<string, 'person' | 'thing' | 'group'> = { his: 'person', her: 'person', its: 'thing', their: 'group' };
const REFLEXIVES = new Set(['himself', 'herself', 'itself', 'themselves']);
/**
 * Grammatical gender a text states for a person: `he`/`his`, `she`/`her`, honorifics (`Mr`, `Mrs`,
 * `Dame`) and gendered nouns (`spokeswoman`, `chairman`). A pronoun never takes an antecedent the text
 * has marked with the other gender; a person whose gender the text does not state agrees with both.
 */
const GENDER_WORDS: Record<string, 'm' | 'f'> = Object.fromEntries([
  ...['he', 'his', 'him', 'himself', 'mr', 'sir', 'lord', 'spokesman', 'chairman', 'businessman', 'congressman', 'councilman',
    'policeman', 'sportsman', 'king', 'prince', 'duke', 'earl', 'father', 'husband', 'son', 'brother', 'uncle', 'nephew',
    'grandfather', 'boy', 'man', 'actor', 'widower', 'headmaster', 'fr'].map((w) => [w, 'm' as const]),
  ...['she', 'her', 'herself', 'mrs', 'ms', 'miss', 'dame', 'lady', 'spokeswoman', 'chairwoman', 'businesswoman',
    'congresswoman', 'councilwoman', 'policewoman', 'sportswoman', 'queen', 'princess', 'duchess', 'countess', 'mother',
    'wife', 'daughter', 'sister', 'aunt', 'niece', 'grandmother', 'girl', 'woman', 'actress', 'widow', 'headmistress'].map((w) => [w, 'f' as const]),
]);
/** Prepositions that open an introductory phrase (`In a statement Google said`). */
const INTRO_PREPS = new Set(['in', 'on', 'at', 'with', 'after', 'before', 'during', 'under', 'over', 'from', 'following', 'despite', 'amid', 'through', 'via']);
const NUMBER_WORDS = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty',
  'thirty', 'forty', 'fifty', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'dozen',
  'dozens', 'few', 'several', 'couple', 'half', 'handful',
]);
const QUANTITY_GLUE = new Set(['or', 'and', 'to', 'a', 'an', 'of', 'the']);
const GENERIC_ORG = new Set(GENERIC_ORG_NOUNS);
/** Words before `spokesman` that say what kind of spokesperson, not whose (`a senior official spokesman`). */
const SPOKES_MODIFIERS = new Set(['official', 'chief', 'senior', 'deputy', 'press', 'former', 'another', 'second', 'one', 'acting', 'unnamed', 'female', 'male']);
/** Words that open a relative clause or an aside between commas (`Nick Davies, …, which handed out the bans, said`). */
const RELATIVES = new Set(['who', 'which', 'whose', 'whom', 'where']);
/** Verbs that take the reporting verb as an infinitive (`Others … continued to warn that …`). */
const CATENATIVES = new Set(['continued', 'continue', 'continues', 'went', 'goes', 'wanted', 'wants', 'refused', 'refuses', 'declined', 'declines', 'tried', 'tries', 'appeared', 'appears', 'seemed', 'seems', 'decided', 'chose', 'hastened', 'rushed', 'began', 'begins', 'started', 'moved', 'failed', 'sought', 'seeks', 'used']);
/** First words of two-word place names (`South Korea`, `New York`): not a given name. */
const PLACE_PREFIXES = new Set(['north', 'south', 'east', 'west', 'new', 'united', 'saudi', 'hong', 'sri', 'el', 'los', 'san', 'las', 'santa', 'st', 'costa', 'puerto', 'cape', 'great', 'upper', 'lower', 'central', 'northern', 'southern', 'eastern', 'western']);
const TITLES = new Set(TITLE_WORDS);
const NON_PERSON = new Set(NON_PERSON_HEADS);
const HEARER_FIRST = new Set(HEARERS.map((h) => h.split(' ')[0]));
const NP_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'these', 'those', 'my', 'your']);
const AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'do', 'does', 'did', 'not', "n't"]);
const ADVERBS = new Set(['also', 'however', 'then', 'later', 'again', 'previously', 'recently', 'once', 'still', 'further', 'reportedly', 'today', 'yesterday', 'earlier', 'last', 'now', 'even', 'just', 'already', 'separately', 'too', 'often', 'always', 'never', 'simply', 'only', 'later', 'first']);
const STOP = new Set([
  ...AUX, 'that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'but', 'because', 'although', 'though', 'if',
  'as', 'than', 'so', 'or', 'nor', 'to', 'in', 'on', 'by', 'with', 'during', 'after', 'before', 'over', 'under', 'into',
  'through', 'about', 'against', 'between', 'among', 'amid', 'despite', 'without', 'within', 'across', 'since', 'until',
  'there', 'here', 'not', 'no', 'what', 'how', 'why', 'him', 'them', 'us', 'me', 'it', 'he', 'she', 'they', 'we', 'i', 'you',
  'whether', 'upon', 'toward', 'towards', 'per', 'via', 'ahead', 'like', 'unlike', 'near', 'following', 'says', 'said',
]);
const IRREGULAR_VERBS = new Set([
  'met', 'held', 'took', 'made', 'gave', 'went', 'came', 'saw', 'sent', 'set', 'put', 'led', 'left', 'kept', 'won', 'lost',
  'began', 'became', 'struck', 'spoke', 'ran', 'paid', 'sold', 'bought', 'brought', 'thought', 'found', 'got', 'hit', 'cut',
  'let', 'sought', 'felt', 'knew', 'grew', 'drew', 'rose', 'fell', 'meet', 'hold', 'take', 'make', 'give', 'go', 'come',
  'see', 'want', 'wants', 'seeks', 'plans', 'aims', 'hopes', 'expects', 'believes', 'faces', 'remains', 'continues',
  'agree', 'agrees', 'wins', 'leads', 'makes', 'takes', 'gives', 'needs', 'need', 'seems', 'looks', 'appears', 'became',
]);
const CAP_STOP = new Set([
  'In', 'On', 'At', 'After', 'Before', 'During', 'But', 'And', 'However', 'Meanwhile', 'Yet', 'So', 'Still', 'Also',
  'Then', 'Now', 'Earlier', 'Later', 'Instead', 'Separately', 'When', 'While', 'As', 'If', 'Since', 'Although', 'Though',
  'Because', 'For', 'From', 'With', 'By', 'Under', 'Over', 'Following', 'According', 'Last', 'This', 'That', 'Asked',
  'Speaking', 'Addressing', 'Writing', 'Elsewhere', 'Ahead', 'Amid', 'Despite', 'Prompted', 'Like', 'Unlike', 'Once',
  'Yesterday', 'Today', 'Tonight', 'Here', 'There', 'What', 'Why', 'How', 'Where', 'Who', 'It', 'Its',
]);
const FUNCTION_WORDS = new Set([
  'i', 'we', 'you', 'he', 'she', 'they', 'it', 'our', 'my', 'your', 'their', 'its', 'his', 'her', 'us', 'me', 'them',
  'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'has',
  'have', 'had', 'do', 'does', 'did', 'not', 'no', 'that', 'this', 'these', 'those', 'such', 'there', 'here', 'if',
  'because', 'when', 'while', 'who', 'which', 'what', "don't", "won't", "can't", 'don’t', 'won’t', 'can’t', 'haven’t', "haven't",
]);
const CLAUSE_STARTS = new Set(['to', 'that', 'in', 'on', 'for', 'with', 'by', 'from', 'during', 'at', 'if', 'because', 'not', 'and', 'but', 'as', 'when', 'while', 'without', 'under', 'over', 'into', 'through', 'against']);
const INFINITIVE_HOSTS = new Set(['have', 'has', 'had', 'need', 'needs', 'needed', 'want', 'wants', 'wanted', 'going', 'able', 'ready', 'vowed', 'pledged', 'promised', 'sought', 'seeks', 'decided', 'refused', 'agreed', 'tried', 'trying', 'continue', 'continues', 'intends', 'intend', 'plans', 'plan', 'planned', 'aims', 'aimed', 'hopes', 'hoped', 'would', 'will', 'must', 'ought']);
/** Quote interiors longer than this are not split into words (they are speech by length alone). */
const LONG_INTERIOR = 60;
const LINKING_VERBS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'remained', 'remains', 'remain', 'seemed', 'seems', 'became', 'becomes', 'sounded', 'looked', 'felt', 'appeared']);
const MODIFIER_BLOCKERS = new Set([...STOP, 'throughout', 'around', 'along', 'beyond', 'behind', 'above', 'below', 'onto', 'inside', 'outside', 'and', 'or', 'of', 'for', 'at', 'from', 'was', 'is', 'off', 'out', 'up', 'down', 'away', 'back', 'instead', 'again', 'too', 'yet', 'now', 'then', 'also']);
const STATEMENT_HEADS = new Set(['statement', 'statements', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'source', 'sources', 'report', 'release', 'communique', 'communiqué', 'memo', 'letter', 'readout', 'ministry', 'spokespeople']);
const WORDISH = /^[\p{L}\p{N}]/u;
const LETTER_RE = /\p{L}/u;
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /^\p{Ll}+$/u;
function isSpaceChar(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0;
}

function isWord(t: Token | undefined): t is Token {
  return !!t && t.t === 'word' && t.q < 0;
}

function isNounish(t: Token | undefined): boolean {
  if (!isWord(t) || t.cap) return false;
  const w = t.lw;
  if (STOP.has(w) || CUE_FORMS.has(w) || ADVERBS.has(w) || IRREGULAR_VERBS.has(w)) return false;
  if (w.length > 4 && (w.endsWith('ed') || w.endsWith('ly'))) return false;
  if (w.length > 5 && w.endsWith('ing')) return false;
  return true;
}

function isPossessive(t: Token): boolean {
  return /[’']s$/.test(t.w) || /s[’']$/.test(t.w);
}

interface NP {
  a: number;
  b: number;
  role?: string;
  /** Leftmost token the phrase took in, when the name is not at its start (`its editor, Rory Boland`). */
  left?: number;
}

// ---- the document context -------------------------------------------------------------------------

interface SentenceInfo extends Span {
  tokens: Token[];
}

interface ParaInfo {
  sentences: SentenceInfo[];
}

interface Candidate extends Span {
  text: string;
  cls: 'person' | 'thing' | 'group' | 'pronoun' | 'other';
  pronoun?: string;
  resolved?: QuoteSpeaker | null;
  mention: number;
  cue: (Span & { text: string }) | null;
  role?: string;
  tokens: Token[];
  np: NP;
}

export class Attributor {
  private readonly paraCache = new Map<number, ParaInfo>();
  private readonly quotesByPara = new Map<number, number[]>();
  private readonly personTails = new Set<string>();
  private readonly notPersonTails = new Set<string>();
  /** Speakers already found, by the start of their phrase (pronoun chains). */
  private readonly speakerAt = new Map<number, QuoteSpeaker>();
  /** Per sentence (its token array): the nearest reporting cue before each token, -1 when none. */
  private readonly cueBefore = new WeakMap<Token[], Int32Array>();
  readonly quotes: Quote[] = [];

  constructor(
    private readonly text: string,
    private readonly paragraphs: readonly Span[],
    private readonly raw: readonly RawQuote[],
    private readonly mentions: readonly MentionLike[],
    private readonly paragraphKinds?: readonly (string | undefined)[],
  ) {
    raw.forEach((q, i) => {
      const list = this.quotesByPara.get(q.paragraph);
      if (list) list.push(i);
      else this.quotesByPara.set(q.paragraph, [i]);
    });
  }

  run(): Quote[] {
    const { text, raw } = this;
    for (let i = 0; i < raw.length; i++) {
      const r = raw[i];
      this.quotes.push({
        start: r.start,
        end: r.end,
        text: text.slice(r.start, r.end),
        kind: 'term',
        speaker: null,
        open: r.open,
        close: r.close,
        family: r.family,
        paragraph: r.paragraph,
        continues: r.continues,
        unclosed: r.unclosed,
      });
    }
    for (let i = 0; i < raw.length; i++) this.analyse(i);
    this.conventions();
    return this.quotes;
  }

  // ---- paragraphs, sentences, tokens -----------------------------------------------------------------

  private para(p: number): ParaInfo {
    let info = this.paraCache.get(p);
    if (info) return info;
    const span = this.paragraphs[p];
    const qs = this.quotesByPara.get(p) ?? [];
    const inside = qs.map((i) => {
      const r = this.raw[i];
      return { start: r.open, end: r.close >= 0 ? r.close : r.end };
    });
    const sents = sentences(this.text, span, inside);
    const text = this.text;
    const raw = this.raw;
    info = {
      sentences: sents.map((sp) => {
        let cached: Token[] | null = null;
        return {
          start: sp.start,
          end: sp.end,
          get tokens(): Token[] {
            if (cached) return cached;
            // the first quote of the paragraph that does not end before the sentence (quotes are disjoint, sorted)
            let lo = 0;
            let hi = qs.length;
            while (lo < hi) {
              const mid = (lo + hi) >> 1;
              const r = raw[qs[mid]];
              if ((r.close >= 0 ? r.close : r.end) < sp.start) lo = mid + 1;
              else hi = mid;
            }
            const first = lo;
            const skips: { start: number; end: number; q: number }[] = [];
            for (let j = first; j < qs.length && raw[qs[j]].open < sp.end; j++) {
              const r = raw[qs[j]];
              if (r.end - r.start > LONG_INTERIOR && r.start >= sp.start && r.start < sp.end) skips.push({ start: r.start, end: Math.min(r.end, sp.end), q: qs[j] });
            }
            const tokens = tokenize(text, sp.start, sp.end, skips);
            // mark tokens inside quotes (the quotes of this paragraph overlapping the sentence)
            let qi = first;
            for (const t of tokens) {
              while (qi < qs.length && raw[qs[qi]].end <= t.start && (raw[qs[qi]].close < 0 || raw[qs[qi]].close < t.start)) qi++;
              if (qi < qs.length) {
                const r = raw[qs[qi]];
                if (t.start >= r.start && t.start < r.end) t.q = qs[qi];
              }
            }
            // A plural possessive (`athletics' ruling body`) is the word's apostrophe, not a quote mark:
            // it must not stop the phrase scans (`Nick Davies, spokesman for athletics' ruling body …, said`).
            let cj = first; // quotes are sorted and disjoint: one pointer keeps this linear
            for (let k = 1; k < tokens.length; k++) {
              const t = tokens[k];
              const w = tokens[k - 1];
              if (t.t !== 'mark' || (t.w !== "'" && t.w !== '’') || w.t !== 'word' || w.end !== t.start || !/s$/i.test(w.w)) continue;
              while (cj < qs.length && (raw[qs[cj]].close >= 0 ? raw[qs[cj]].close : raw[qs[cj]].end) < t.start) cj++;
              if (!(cj < qs.length && raw[qs[cj]].close === t.start)) t.t = 'punct';
            }
            cached = tokens;
            return tokens;
          },
        };
      }),
    };
    this.paraCache.set(p, info);
    return info;
  }

  private sentenceOf(p: number, pos: number): { index: number; s: SentenceInfo } {
    const ss = this.para(p).sentences;
    let lo = 0;
    let hi = ss.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pos < ss[mid].end) hi = mid;
      else lo = mid + 1;
    }
    return { index: lo, s: ss[lo] };
  }

  private slice(toks: Token[], a: number, b: number): string {
    return this.text.slice(toks[a].start, toks[b].end);
  }

  // ---- one quote -------------------------------------------------------------------------------------

  private analyse(qi: number): void {
    const q = this.quotes[qi];
    const { s } = this.sentenceOf(q.paragraph, q.open);
    const toks = s.tokens;
    // binary searches, not scans: a megabyte sentence of quotes stays linear
    const openIdx = this.tokenAt(toks, q.open);
    let closeIdx = q.close >= 0 ? this.tokenAt(toks, q.close) : toks.length;
    if (closeIdx < 0) closeIdx = toks.length;
    if (openIdx < 0) return;

    // Post attribution: `“…,” Austin said`, `“…,” said Austin`, `“…,” according to …`.
    const post = q.close >= 0 ? this.postAttribution(q, toks, closeIdx) : null;
    // Pre attribution: the nearest cue before the quote in its sentence.
    const pre = this.preCue(toks, openIdx);
    // Trailing attribution: the sentence ends `…, the OECD said.` after more words than the quote
    // (`a “spectacular comeback” in Japan … would help recovery, the OECD said`).
    const trail = post || pre !== null || q.close < 0 ? null : this.trailingAttribution(toks, closeIdx);

    q.kind = this.kindOf(q, toks, openIdx, closeIdx, !!post, pre, !!trail);
    if (q.kind !== 'speech') return;
    if (post) q.speaker = post;
    else if (pre !== null) q.speaker = this.framedSpeaker(toks, pre, openIdx) ?? this.speakerForCue(toks, pre, openIdx);
    else if (trail) q.speaker = trail;
    if (q.speaker) this.speakerAt.set(q.speaker.start, q.speaker);
  }

  /**
   * `According to Reid, the board has promised funds for “two or three” new signings`: a sentence that
   * opens with its source frames everything after the comma as that source's account, so a partial
   * quote inside a later clause is the source's words; unless the clause's own verb introduces the
   * quote directly (`According to Reid, the board said: “…”` quotes the board).
   */
  private framedSpeaker(toks: Token[], cue: number, openIdx: number): QuoteSpeaker | null {
    // the sentence's first word, after at most a few opening marks or dashes (bounded: a sentence of
    // stray marks must not be scanned again for each of its quotes)
    let first = 0;
    while (first < cue && first < 4 && toks[first].t !== 'word') first++;
    if (first >= cue || toks[first].t !== 'word') return null;
    // a source preposition that starts the sentence: one that ends at some k and begins at `first`
    let prepEnd = -1;
    const last = Math.min(cue, first + LONGEST_SOURCE_PREP); // a few tokens, not the sentence: long sentences stay linear
    for (let k = first; k < last && prepEnd < 0; k++) if (this.sourcePrepFirst(toks, k) === first) prepEnd = k + 1;
    if (prepEnd < 0) return null;
    const np = this.npForward(toks, prepEnd, cue);
    if (!np || toks[np.b + 1]?.w !== ',' || np.b + 1 >= cue) return null; // the frame must close before the clause
    // Directly introduced: only `that`, a comma or a colon between the verb and the mark.
    let direct = true;
    for (let k = cue + 1; k < openIdx && direct; k++) {
      const w = toks[k];
      if (!(w.lw === 'that' || w.w === ',' || w.w === ':' || w.t === 'mark')) direct = false;
    }
    if (direct) return null;
    return this.makeSpeaker(toks, np, { start: toks[first].start, end: toks[prepEnd - 1].end }, 'cue');
  }

  /** `…, X said.` / `…, said X.` / `…, according to X.` closing the sentence after the quote. */
  private trailingAttribution(toks: Token[], closeIdx: number): QuoteSpeaker | null {
    let e = toks.length - 1;
    while (e > closeIdx && toks[e].t === 'punct' && '.!?'.includes(toks[e].w)) e--;
    if (e <= closeIdx + 2) return null;
    for (let k = closeIdx + 1; k <= e; k++) if (toks[k].t === 'mark' || toks[k].q >= 0) return null; // another quote: its own attribution
    const last = toks[e];
    if (isWord(last) && !last.cap && CUE_FORMS.get(last.lw) === 'finite') {
      const np = this.npBackward(toks, e - 1, closeIdx + 1);
      if (!np) return null;
      const left = np.left ?? np.a;
      return left - 1 > closeIdx && toks[left - 1].w === ',' ? this.makeSpeaker(toks, np, last, 'cue') : null;
    }
    for (let c = e - 1; c > closeIdx + 1 && c >= e - 10; c--) {
      const t = toks[c];
      if (toks[c - 1].w !== ',' || !isWord(t) || t.cap) continue;
      if (CUE_FORMS.get(t.lw) === 'finite') {
        const np = this.npForward(toks, c + 1, e + 1);
        return np ? this.makeSpeaker(toks, np, t, 'cue') : null;
      }
      if (t.lw === 'according' && toks[c + 1]?.lw === 'to') {
        const np = this.npForward(toks, c + 2, e + 1);
        return np ? this.makeSpeaker(toks, np, { start: t.start, end: toks[c + 1].end }, 'cue') : null;
      }
    }
    return null;
  }

  private words(q: Quote): string[] {
    return q.text.split(/\s+/).filter((w) => WORDISH.test(w) || /[\p{L}\p{N}]/u.test(w));
  }

  private kindOf(q: Quote, toks: Token[], openIdx: number, closeIdx: number, hasPost: boolean, pre: number | null, trail = false): QuoteKind {
    const lower: string[] = [];
    let n = 0;
    if (q.end - q.start > LONG_INTERIOR) {
      n = 99; // a long quotation: many words
      for (let k = openIdx + 1; k < closeIdx; k++) if (toks[k].t === 'word') lower.push(toks[k].lw);
    } else {
      for (let k = openIdx + 1; k < closeIdx; k++) if (toks[k].t === 'word') lower.push(toks[k].lw);
      n = lower.length;
    }
    // A paragraph that is nothing but the quote (a quoted headline, a quote paragraph).
    const para = this.paragraphs[q.paragraph];
    const wholeParagraph = q.open === para.start && (q.close < 0 || q.close >= para.end - 2);
    const before = this.frameBefore(toks, openIdx, 6);
    const after = closeIdx + 1 < toks.length ? toks[closeIdx + 1] : undefined;

    if (this.namingBefore(before) || this.namingAfter(toks, closeIdx)) return n >= 8 ? 'speech' : 'term';
    // `According to Reid, the board promised funds for “two or three” new signings`: a quantity in
    // words inside reported speech is the source's figure, not a label.
    if (pre !== null && n > 0 && n <= 5 && lower.some((w) => NUMBER_WORDS.has(w)) && lower.every((w) => NUMBER_WORDS.has(w) || QUANTITY_GLUE.has(w))) return 'speech';
    // A headline that ends in a quote: the UK headline convention for a claim (`Soaring oil 'hits
    // world economy'`, `Manufacturing recovery 'slowing'`), not a label.
    if (this.isHeadline(q.paragraph) && q.open > para.start && (q.close < 0 || q.close >= para.end - 1)) return 'speech';
    // Inside what a reporting clause reports (`said shops were expecting the “best Christmas ever”`,
    // `a “spectacular comeback” …, the OECD said`): the source's words even after a determiner.
    // A quoted noun phrase that is the subject of its own clause (`if its “red line” is crossed`) is
    // a label the sentence talks about, not the source's wording.
    const subjectOfClause = !!after && isWord(after) && AUX.has(after.lw);
    // One that ends in a name (`maintain a “free and open Indo-Pacific”`) is a name too: a policy, a slogan, a title.
    const lastWord = closeIdx - 1 > openIdx ? toks[closeIdx - 1] : undefined;
    const endsInName = !!lastWord && lastWord.t === 'word' && lastWord.cap;
    const reported = !subjectOfClause && !endsInName && (trail || (pre !== null && !CALL_FORMS.has(toks[pre].lw)));
    const prevTok0 = before[before.length - 1];
    if (n <= 4 && prevTok0 && isWord(prevTok0) && NP_DETERMINERS.has(prevTok0.lw) && !/[.!?]$/.test(q.text) && !reported) return 'term';
    if (hasPost) return 'speech';
    if (wholeParagraph) return 'speech';
    const multiSentence = /[.!?;]\s+\S/.test(q.text);
    const clauseLike = multiSentence || lower.some((w) => FUNCTION_WORDS.has(w)) || CLAUSE_STARTS.has(lower[0] ?? '');
    if (n >= 5 || clauseLike) return 'speech';
    const prevTok1 = before[before.length - 1];
    // `said the cuts were “overdue but insufficient”`: the predicate of reported speech.
    if (pre !== null && prevTok1 && isWord(prevTok1) && LINKING_VERBS.has(prevTok1.lw)) return 'speech';
    // `warned of “unprecedented” rainfall`: the reporting verb governs the quote directly.
    if (pre !== null && !CALL_FORMS.has(toks[pre].lw) && this.wordsBetween(toks, pre, openIdx) <= 1 && !(prevTok1 && NP_DETERMINERS.has(prevTok1.lw))) return 'speech';
    // `the “2+2” talks`, `“provocative” maritime actions`: a label inside a noun phrase (not before a
    // preposition: `the numbers should “subside” throughout the year`).
    if (after && isWord(after) && !after.cap && !MODIFIER_BLOCKERS.has(after.lw) && !CUE_FORMS.has(after.lw) && toks[closeIdx]?.end === after.start - 1) {
      return 'term';
    }
    const prevTok = before[before.length - 1];
    const detBefore = !!prevTok && isWord(prevTok) && NP_DETERMINERS.has(prevTok.lw);
    if (n >= 4 && !detBefore) return 'speech';
    if (detBefore) return reported ? 'speech' : 'term';
    // `urged Pyongyang to “…”`, `would have to “…”`
    if (prevTok && prevTok.lw === 'to') {
      const host = before[before.length - 2];
      if (host && (INFINITIVE_HOSTS.has(host.lw) || (pre !== null && openIdx - pre <= 3))) return 'speech';
    }
    // `described … as “…”`
    if (prevTok && prevTok.lw === 'as' && pre !== null && DESCRIBE_FORMS.has(toks[pre].lw)) return 'speech';
    // Governed by a reporting verb: at most two words between the verb and the quote, no clause break.
    if (pre !== null) {
      let between = 0;
      let broken = false;
      for (let k = pre + 1; k < openIdx && !broken && between <= 2; k++) {
        const t = toks[k];
        if (t.t === 'mark' || t.q >= 0) broken = true;
        else if (t.t === 'word') between++;
        else if (k < openIdx - 1) broken = true;
      }
      if (!broken && between <= 2) return 'speech';
      // Inside what the reporting clause reports (`said the Bank would cut rates “gradually”`): the
      // source's words, unless marked as a label above (naming cue, determiner, modifier).
      if (!CALL_FORMS.has(toks[pre].lw)) return 'speech';
    }
    return 'term';
  }

  /** The headline: a paragraph the article model calls one, or (line paragraphs) the first line when it has no sentence end. */
  private isHeadline(p: number): boolean {
    const kind = this.paragraphKinds?.[p];
    if (kind !== undefined) return kind === 'headline';
    if (p !== 0) return false;
    const para = this.paragraphs[p];
    return para.end - para.start <= 120 && !/[.!?:]\s*$/.test(this.text.slice(para.start, para.end));
  }

  /** Word tokens between a cue and the open mark, or Infinity when another quote or a clause break intervenes. */
  private wordsBetween(toks: Token[], pre: number, openIdx: number): number {
    let between = 0;
    for (let k = pre + 1; k < openIdx; k++) {
      const t = toks[k];
      if (t.t === 'mark' || t.q >= 0) return Infinity;
      if (t.t === 'word' && ++between > 2) return between; // callers ask about one or two words
      else if (t.t !== 'word' && k < openIdx - 1) return Infinity;
    }
    return between;
  }

  /** Up to `max` frame tokens before the open mark (not crossing another quote). */
  private frameBefore(toks: Token[], openIdx: number, max: number): Token[] {
    const out: Token[] = [];
    for (let k = openIdx - 1; k >= 0 && out.length < max; k--) {
      const t = toks[k];
      if (t.t === 'mark' || t.q >= 0) break;
      out.unshift(t);
    }
    return out;
  }

  private namingBefore(before: Token[]): boolean {
    const ws = before.filter((t) => t.t === 'word' || t.w === '-');
    const lw = ws.map((t) => t.lw);
    // skip a determiner right before the quote: `known as the “2+2”`
    let end = lw.length;
    while (end > 0 && NP_DETERMINERS.has(lw[end - 1])) end--;
    if (end > 0 && NAMING_ONE.has(lw[end - 1])) return true;
    if (end > 1 && NAMING_TWO.has(lw[end - 2] + ' ' + lw[end - 1])) return true;
    if (end > 2 && lw[end - 3] === 'referred' && lw[end - 2] === 'to' && lw[end - 1] === 'as') return true;
    if (end > 1 && lw[end - 2] === 'so' && lw[end - 1] === 'called') return true;
    // `what they call “…”`, `what it called Beijing’s “…”`
    for (let k = lw.length - 1; k >= 1 && k >= lw.length - 3; k--) {
      if (WHAT_VERBS.has(lw[k])) {
        for (let j = k - 1; j >= 0 && j >= k - 3; j--) if (lw[j] === 'what') return true;
      }
    }
    return false;
  }

  private namingAfter(toks: Token[], closeIdx: number): boolean {
    const a = toks[closeIdx + 1];
    const b = toks[closeIdx + 2];
    const c = toks[closeIdx + 3];
    if (!a || a.w !== ',' || !b || !c) return false;
    return (b.lw === 'a' || b.lw === 'the') && (c.lw === 'term' || c.lw === 'phrase' || c.lw === 'word' || c.lw === 'slogan' || c.lw === 'label' || c.lw === 'euphemism');
  }

  /** Index of the token starting at `pos`, or -1. */
  private tokenAt(toks: Token[], pos: number): number {
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo < toks.length && toks[lo].start === pos ? lo : -1;
  }

  /** Index of the nearest reporting cue before the open mark in the sentence (skipping other quotes), or null. */
  private preCue(toks: Token[], openIdx: number): number | null {
    // In a long sentence one pass records the nearest cue before each token (a scan back per quote
    // was quadratic in a long sentence of quotes); a short one is scanned back directly.
    if (toks.length <= 64) {
      for (let k = openIdx - 1; k >= 0; k--) if (this.isCueAt(toks, k)) return k;
      return null;
    }
    let before = this.cueBefore.get(toks);
    if (!before) {
      before = new Int32Array(toks.length + 1);
      let last = -1;
      for (let k = 0; k < toks.length; k++) {
        before[k] = last;
        if (this.isCueAt(toks, k)) last = k;
      }
      before[toks.length] = last;
      this.cueBefore.set(toks, before);
    }
    const k = before[Math.min(openIdx, toks.length)];
    return k >= 0 ? k : null;
  }

  private isCueAt(toks: Token[], k: number): boolean {
    const t = toks[k];
    if (t.q >= 0 || t.t !== 'word' || (t.cap && k > 0)) return false; // `Said Williams: “…”` opens a sentence
    if (CUE_FORMS.has(t.lw)) {
      const prev = toks[k - 1];
      if (prev && isWord(prev) && NP_DETERMINERS.has(prev.lw)) return false; // `the warning`, `his remarks`
      if (CALL_FORMS.has(t.lw) && this.isNamingCall(toks, k)) return false;
      return true;
    }
    return this.sourcePrepAt(toks, k) >= 0;
  }

  private isNamingCall(toks: Token[], k: number): boolean {
    for (let j = k - 1; j >= 0 && j >= k - 3; j--) if (toks[j].lw === 'what' || toks[j].lw === 'so') return true;
    return false;
  }

  /** If a source preposition (`according to`) ends at token k, the index after it; else -1. */
  private sourcePrepAt(toks: Token[], k: number): number {
    return this.sourcePrepFirst(toks, k) >= 0 ? k + 1 : -1;
  }

  /** If a source preposition ends at token k, the index of its first token; else -1. */
  private sourcePrepFirst(toks: Token[], k: number): number {
    if (k >= toks.length) return -1; // a quote closing the text has nothing after it
    for (const words of SOURCE_PREPS) {
      const first = k - words.length + 1;
      if (first < 0) continue;
      let ok = true;
      for (let j = 0; j < words.length; j++) if (toks[first + j].lw !== words[j]) ok = false;
      if (ok) return first;
    }
    return -1;
  }

  // ---- speaker phrases ----------------------------------------------------------------------------

  private postAttribution(q: Quote, toks: Token[], closeIdx: number): QuoteSpeaker | null {
    let j = closeIdx + 1;
    const lastInner = this.text[q.end - 1];
    let comma = false;
    while (j < toks.length && toks[j].t === 'mark' && toks[j].w === toks[closeIdx].w) j++; // `''` as a double mark
    while (j < toks.length && (toks[j].w === ',' || toks[j].w === '—' || toks[j].w === '–')) {
      comma = true;
      j++;
    }
    const first = toks[j];
    if (!first || first.t === 'mark') return null;
    if (!(comma || ',?!—–-…'.includes(lastInner) || (first.t === 'word' && !first.cap))) return null;
    // according to X
    if (first.lw === 'according' || (first.lw === 'as' && toks[j + 1]?.lw === 'per')) {
      const at = this.sourcePrepAt(toks, first.lw === 'according' ? j + 1 : j + 1);
      if (at >= 0) {
        const np = this.npForward(toks, at, toks.length);
        if (np) return this.makeSpeaker(toks, np, { start: first.start, end: toks[at - 1].end }, 'cue');
      }
      return null;
    }
    // said X
    if (isWord(first) && CUE_FORMS.get(first.lw) === 'finite') {
      const np = this.npForward(toks, j + 1, toks.length);
      if (np) return this.makeSpeaker(toks, np, first, 'cue');
      return null;
    }
    // X said
    for (let k = j; k < toks.length && k < j + 16; k++) {
      const t = toks[k];
      if (t.t === 'mark' || t.q >= 0) return null;
      if (isWord(t) && !t.cap && CUE_FORMS.get(t.lw) === 'finite') {
        const np = this.npBackward(toks, k - 1, j);
        if (np && (np.left ?? np.a) === j) return this.makeSpeaker(toks, np, t, 'cue');
        // `“…,” Jeff Joseph, from the Consumer Electronics Association (CEA) told …`: a name first,
        // then who they are, then the verb.
        const name = this.leadingName(toks, j, k);
        if (name) return this.makeSpeaker(toks, name, t, 'cue');
        return null;
      }
      if (t.w === '.' && !(k > 0 && HONORIFIC.has(toks[k - 1].lw))) return null;
    }
    return null;
  }

  private speakerForCue(toks: Token[], cue: number, openIdx: number): QuoteSpeaker | null {
    const t = toks[cue];
    const prepEnd = this.sourcePrepAt(toks, cue);
    if (prepEnd >= 0) {
      const np = this.npForward(toks, prepEnd, openIdx);
      const first = toks[this.sourcePrepFirst(toks, cue)];
      return np ? this.makeSpeaker(toks, np, { start: first.start, end: t.end }, 'cue') : null;
    }
    const form = CUE_FORMS.get(t.lw);
    if (form === 'participle') {
      // `…, adding that …`, `describing … as …`: the subject of the clause it hangs off.
      const prevCue = this.preCue(toks, cue);
      if (prevCue !== null) return this.speakerForCue(toks, prevCue, cue);
      const subj = this.subject(toks);
      return subj ? this.makeSpeaker(toks, subj, t, 'cue') : null;
    }
    // `being told by a professor that …`: the agent of a passive reporting verb
    if (toks[cue + 1]?.lw === 'by' && toks[cue - 1] && ['being', 'been', 'was', 'were', 'is', 'are', 'be'].includes(toks[cue - 1].lw)) {
      const agent = this.npForward(toks, cue + 2, openIdx);
      if (agent) return this.makeSpeaker(toks, agent, t, 'cue');
    }
    const np = this.npBackward(toks, cue - 1, 0);
    if (np) return this.makeSpeaker(toks, np, t, 'cue');
    // `said Mr Smith: “…”`
    const fwd = this.npForward(toks, cue + 1, openIdx);
    if (fwd && !HEARER_FIRST.has(toks[fwd.a].lw) && (toks[fwd.b + 1]?.w === ':' || toks[fwd.b + 1]?.w === ',') && fwd.b + 2 >= openIdx) {
      return this.makeSpeaker(toks, fwd, t, 'cue');
    }
    // `… and expressed “…”`: the subject of an earlier reporting verb, else of the sentence.
    const prev = toks[cue - 1];
    if (prev && (prev.lw === 'and' || prev.lw === 'but' || prev.lw === 'or' || prev.t === 'mark' || prev.q >= 0 || prev.w === ',')) {
      const prevCue = this.preCue(toks, cue);
      if (prevCue !== null) return this.speakerForCue(toks, prevCue, cue);
      const subj = this.subject(toks);
      if (subj) return this.makeSpeaker(toks, subj, t, 'cue');
    }
    return null;
  }

  /** Noun phrase ending at token `i` (reading leftwards, not before `lo`), skipping adverbs and parentheticals. */
  private npBackward(toks: Token[], i: number, lo: number): NP | null {
    let k = i;
    const skipAdverbs = () => {
      while (k >= lo && isWord(toks[k]) && !toks[k].cap && (ADVERBS.has(toks[k].lw) || AUX.has(toks[k].lw) || (toks[k].lw.endsWith('ly') && toks[k].lw.length > 4))) k--;
    };
    skipAdverbs();
    // `Henson himself says`: an emphatic reflexive after the subject is not the subject.
    if (k - 1 >= lo && isWord(toks[k]) && REFLEXIVES.has(toks[k].lw) && isWord(toks[k - 1])) {
      k--;
      skipAdverbs();
    }
    // `continued to warn`, `went on to say`: the reporting verb is the infinitive of another verb.
    if (k - 1 >= lo && toks[k].lw === 'to' && isWord(toks[k - 1])) {
      let v = k - 1;
      if (toks[v].lw === 'on' && v - 1 >= lo) v--;
      if (CATENATIVES.has(toks[v].lw)) {
        k = v - 1;
        skipAdverbs();
      }
    }
    // `X, who …, said`, `X, however, said`: skip relative clauses and asides between commas.
    let skippedAside = false;
    for (let guard = 0; guard < 3 && k >= lo && toks[k].w === ','; guard++) {
      let j = k - 1;
      while (j >= lo && j > k - 30 && toks[j].w !== ',' && toks[j].t !== 'mark' && toks[j].q < 0) j--;
      if (j < lo - 1 || j >= k - 1 || (j >= lo && toks[j].w !== ',')) break;
      const first = toks[j + 1];
      let aside = isWord(first) && !first.cap && RELATIVES.has(first.lw);
      if (!aside) {
        aside = true;
        for (let m = j + 1; m < k; m++) if (!(isWord(toks[m]) && ADVERBS.has(toks[m].lw))) aside = false;
      }
      if (!aside || j < lo) break;
      k = j;
      skippedAside = true;
    }
    let role: string | undefined;
    let k0role = -1;
    let b0role = -1;
    if (k >= lo && toks[k].w === ',') {
      let j = k - 1;
      while (j >= lo && j > k - 30 && toks[j].w !== ',' && toks[j].t !== 'mark' && toks[j].q < 0 && !(isWord(toks[j]) && !toks[j].cap && CUE_FORMS.has(toks[j].lw))) j--;
      if (skippedAside && (j < lo || toks[j].w !== ',')) k--; // `Others, however, who …, continued to warn`
      else if (j >= lo && toks[j].w === ',' && j < k - 1) {
        const r0 = toks[j + 1];
        if (isWord(r0) && (r0.cap || NP_DETERMINERS.has(r0.lw) || isNounish(r0)) && !CAP_STOP.has(r0.w)) {
          role = this.slice(toks, j + 1, k - 1);
          k0role = j + 1;
          b0role = k - 1;
        }
        k = j - 1;
      } else return null;
    }
    const b = k;
    let a = -1;
    let hasAnd = false;
    while (k >= lo && b - k < 14) {
      const t = toks[k];
      if (t.q >= 0 || t.t === 'mark') break;
      if (t.t === 'word') {
        if (SPEAKER_PRONOUNS[t.lw] && !t.w.startsWith('I ') && (t.lw !== 'i' || t.w === 'I')) {
          if (k === b) a = k;
          break;
        }
        if (NP_DETERMINERS.has(t.lw)) {
          if (a >= 0) a = k;
          break;
        }
        if (t.cap) {
          if (CAP_STOP.has(t.w) && !(k > lo && toks[k - 1].w === '.')) break;
          a = k;
          k--;
          continue;
        }
        if (t.lw === 'and' || t.lw === 'of' || t.lw === 'for' || t.lw === 'at' || t.lw === 'from') {
          const l = toks[k - 1];
          if (a >= 0 && k - 1 >= lo && l && (l.cap || isNounish(l) || isPossessive(l))) {
            if (t.lw === 'and') hasAnd = true;
            k--;
            continue;
          }
          break;
        }
        if (isNounish(t)) {
          a = k;
          k--;
          continue;
        }
        break;
      }
      if (t.w === '.' && k - 1 >= lo && toks[k - 1].cap && (DOTTED.has(toks[k - 1].lw) || toks[k - 1].w.length === 1)) {
        k--;
        continue;
      }
      if (t.w === ',' && a >= 0 && toks[k - 1]?.cap && toks[k + 1]?.cap && (hasAnd || this.hasAndAhead(toks, k, b))) {
        k--;
        continue;
      }
      break;
    }
    if (a < 0) return null;
    // `Its chairman, Tom Briggs, said`: the name in apposition is the speaker, the phrase its role.
    if (role !== undefined && k0role >= 0) {
      const head = toks[b];
      const nameToks = toks.slice(k0role, b0role + 1).filter((t) => t.t === 'word');
      const ownName = this.capRun(toks, a, b).length > 0 && !DESCRIPTOR.has(head.lw);
      if (!ownName && nameToks.length > 0 && nameToks.length <= 4 && nameToks.every((t) => t.cap && !CAP_STOP.has(t.w))) {
        return { a: k0role, b: b0role, role: this.slice(toks, a, b), left: a };
      }
    }
    // `In a statement Google said`: the introductory phrase (a preposition, then a common noun) is not
    // part of the speaker; the name after it is.
    if (a - 1 >= lo && NP_DETERMINERS.has(toks[a].lw) && INTRO_PREPS.has(toks[a - 1].lw)) {
      let name = b;
      while (name > a && (toks[name].cap || toks[name].w === '.')) name--;
      if (name > a && name < b && isWord(toks[name]) && !toks[name].cap) a = name + 1;
    }
    let end = b;
    while (a <= end && (['and', 'of', 'for', 'at', 'from'].includes(toks[a].lw) || toks[a].w === ',')) a++;
    while (end >= a && toks[end].t !== 'word') end--;
    if (a > end) return null;
    return { a, b: end, role };
  }

  /** A personal name (capitalised words, honorifics) at token j, followed by `,`/`from`/`of`/`at`/`(` and its role up to token `cue`. */
  private leadingName(toks: Token[], j: number, cue: number): NP | null {
    let e = j;
    while (e < cue && e - j < 5 && (toks[e].cap || (toks[e].w === '.' && e > j && DOTTED.has(toks[e - 1].lw)))) e++;
    if (e === j || e >= cue) return null;
    const stop = toks[e];
    if (!(stop.w === ',' || stop.w === '(' || ['from', 'of', 'at', 'with'].includes(stop.lw))) return null;
    if (toks.slice(j, e).some((t) => t.t === 'word' && (CAP_STOP.has(t.w) || NP_DETERMINERS.has(t.lw)))) return null;
    for (let k = e; k < cue; k++) if (toks[k].t === 'mark' || toks[k].q >= 0) return null;
    let end = cue - 1;
    while (end > e && toks[end].t !== 'word' && toks[end].w !== ')') end--;
    return { a: j, b: e - 1, role: end > e ? this.slice(toks, stop.w === ',' || stop.w === '(' ? e + 1 : e, end) : undefined, left: j };
  }

  private hasAndAhead(toks: Token[], k: number, b: number): boolean {
    for (let j = k + 1; j <= b; j++) if (toks[j].lw === 'and') return true;
    return false;
  }

  /** Noun phrase starting at token `i` (rightwards, before `hi`), with a name in apposition preferred. */
  private npForward(toks: Token[], i: number, hi: number, subjectMode = false): NP | null {
    let k = i;
    let b = -1;
    while (k < hi && k - i < 14) {
      const t = toks[k];
      if (t.q >= 0 || t.t === 'mark') break;
      if (t.t === 'word') {
        if (k === i && SPEAKER_PRONOUNS[t.lw]) {
          b = k;
          break;
        }
        if (NP_DETERMINERS.has(t.lw)) {
          if (b >= 0 && !(toks[k - 1] && ['of', 'for', 'at', 'from', 'and'].includes(toks[k - 1].lw))) break;
          k++;
          continue;
        }
        if (t.cap) {
          if (CAP_STOP.has(t.w) && k > i) break;
          b = k;
          k++;
          continue;
        }
        if (['of', 'for', 'at', 'from', 'and'].includes(t.lw)) {
          const n = toks[k + 1];
          if (b >= 0 && n && (n.cap || isNounish(n) || NP_DETERMINERS.has(n.lw)) && !(subjectMode && t.lw !== 'and' && t.lw !== 'of')) {
            k++;
            continue;
          }
          break;
        }
        if (isNounish(t)) {
          b = k;
          k++;
          continue;
        }
        break;
      }
      if (t.w === '.' && k > i && toks[k - 1].cap && (DOTTED.has(toks[k - 1].lw) || toks[k - 1].w.length === 1)) {
        k++;
        continue;
      }
      if (t.w === ',' && subjectMode && b >= 0 && toks[b].cap && toks[k + 1]?.cap && this.hasAndWithin(toks, k + 1, hi, 5)) {
        k++;
        continue;
      }
      break;
    }
    if (b < 0) return null;
    const np: NP = { a: i, b };
    // apposition after a comma
    if (toks[b + 1]?.w === ',' && b + 2 < hi) {
      const headCap = this.capRun(toks, i, b).length > 0;
      if (!headCap) {
        let e = b + 2;
        while (e < hi && (toks[e].cap || (toks[e].w === '.' && DOTTED.has(toks[e - 1].lw)))) e++;
        const endOk = e >= hi || [',', '.', ';'].includes(toks[e].w) || (isWord(toks[e]) && CUE_FORMS.has(toks[e].lw));
        if (e > b + 2 && endOk) return { a: b + 2, b: e - 1, role: this.slice(toks, i, b) };
      } else if (!subjectMode) {
        let e = b + 2;
        while (e < hi && toks[e].w !== ',' && toks[e].w !== '.' && toks[e].t !== 'mark' && toks[e].q < 0) e++;
        const r0 = toks[b + 2];
        if (e > b + 2 && isWord(r0) && !r0.cap && (NP_DETERMINERS.has(r0.lw) || isNounish(r0))) np.role = this.slice(toks, b + 2, e - 1);
      }
    }
    return np;
  }

  private hasAndWithin(toks: Token[], from: number, hi: number, n: number): boolean {
    for (let j = from; j < hi && j < from + n; j++) if (toks[j].lw === 'and') return true;
    return false;
  }

  /** Cap-word tokens in [a, b] that make up a name (titles, honorifics and determiners excluded). */
  private capRun(toks: Token[], a: number, b: number): Token[] {
    const run: Token[] = [];
    for (let k = b; k >= a; k--) {
      const t = toks[k];
      if (t.w === '.') continue;
      if (!isWord(t) || !t.cap || TITLES.has(t.lw) || HONORIFIC.has(t.lw) || NP_DETERMINERS.has(t.lw)) break;
      if (isPossessive(t) && k !== b) break;
      run.unshift(t);
    }
    return run;
  }

  /** Subject of a sentence: its first noun phrase after a dateline and introductory adverbials. */
  private subject(toks: Token[]): NP | null {
    let k = 0;
    // dateline `TOKYO—`, `TOKYO (AP) —`
    for (let j = 0; j < Math.min(toks.length, 7); j++) {
      if (toks[j].w === '—' || toks[j].w === '–' || (toks[j].w === '-' && j > 0 && isWord(toks[j - 1]) && toks[j - 1].w === toks[j - 1].w.toUpperCase() && toks[j - 1].w.length > 2)) {
        if (toks.slice(0, j).every((t) => t.t !== 'word' || t.w === t.w.toUpperCase())) k = j + 1;
        break;
      }
    }
    for (let guard = 0; guard < 3; guard++) {
      const t = toks[k];
      if (!t) return null;
      const intro = (t.cap && CAP_STOP.has(t.w) && !SPEAKER_PRONOUNS[t.lw]) || (isWord(t) && !t.cap);
      if (!intro) break;
      let c = k;
      while (c < toks.length && c < k + 16 && toks[c].w !== ',') c++;
      if (c >= toks.length || toks[c].w !== ',') return null;
      k = c + 1;
    }
    return this.npForward(toks, k, toks.length, true);
  }

  // ---- speakers -------------------------------------------------------------------------------------

  private makeSpeaker(toks: Token[], np: NP, cue: Span, via: SpeakerVia): QuoteSpeaker {
    const start = toks[np.a].start;
    const end = toks[np.b].end;
    const text = this.text.slice(start, end);
    const cueSpan = { start: cue.start, end: cue.end, text: this.text.slice(cue.start, cue.end) };
    let pronoun = np.a === np.b ? SPEAKER_PRONOUNS[toks[np.a].lw] : undefined;
    if (!pronoun && this.isShortReference(toks, np)) pronoun = 'person';
    const speaker: QuoteSpeaker = { start, end, text, name: text, mention: -1, key: null, type: null, via, cue: cueSpan };
    if (np.role) speaker.role = np.role;
    if (pronoun && pronoun !== 'self') {
      const ante = this.resolvePronoun(start, pronoun, np.a === np.b ? GENDER_WORDS[toks[np.a].lw] : undefined);
      if (ante) {
        speaker.antecedent = { start: ante.start, end: ante.end, text: ante.text };
        speaker.name = ante.name;
        speaker.mention = ante.mention;
        speaker.key = ante.key;
        speaker.type = ante.type;
        speaker.via = via === 'cue' ? 'pronoun' : via;
        if (ante.role && !speaker.role) speaker.role = ante.role;
      }
      return speaker;
    }
    this.fillIdentity(speaker, toks, np);
    if (speaker.mention < 0 && this.mentions.length > 0 && this.isGroupDescription(toks, np)) {
      const group = this.namedGroupBefore(start);
      if (group) speaker.group = group;
    }
    return speaker;
  }

  /**
   * `the Dane`, `the 22-year-old`, `the striker`: a definite description standing for a person
   * named before (no name of its own, no mention of its own).
   */
  private isShortReference(toks: Token[], np: NP): boolean {
    if (np.b - np.a < 1 || np.b - np.a > 4 || toks[np.a].lw !== 'the') return false;
    const head = toks[np.b];
    if (!(DESCRIPTOR.has(head.lw) || /^\d+-year-old$/.test(head.lw))) return false;
    // `the Old Trafford boss`, `the former Liverpool striker`, `the 31-year-old Brazilian midfielder`:
    // modifiers that place or describe the person, no name and no `of`/`and` (`the Bank of England governor`
    // is an office, not a back-reference).
    for (let k = np.a + 1; k < np.b; k++) {
      const t = toks[k];
      if (!isWord(t) || t.lw === 'of' || t.lw === 'and' || isPossessive(t) || CUE_FORMS.has(t.lw)) return false;
    }
    if (this.mentions.length > 0) {
      for (let k = np.a + 1; k <= np.b; k++) {
        const m = this.mentionFor(toks[k].start, toks[k].end, toks[k]);
        if (m >= 0 && (k === np.b || this.mentions[m].type === 'PERSON')) return false;
      }
    }
    return true;
  }

  /** `the ministers`, `the two leaders`, `both men`: a plural description of people. */
  private isGroupDescription(toks: Token[], np: NP): boolean {
    const first = toks[np.a].lw;
    if (first !== 'the' && first !== 'both') return false;
    return GROUP_HEAD.has(toks[np.b].lw);
  }

  /** The people (PERSON mentions, two or more) named together in the nearest earlier sentence that names several. */
  private namedGroupBefore(pos: number): QuoteSpeaker['group'] | null {
    const para = this.paragraphOf(pos);
    if (para < 0) return null;
    let budget = 12;
    for (let p = para; p >= 0 && p >= para - 6 && budget > 0; p--) {
      const info = this.para(p);
      const from = p === para ? this.sentenceOf(p, pos).index - 1 : info.sentences.length - 1;
      for (let si = from; si >= 0 && budget-- > 0; si--) {
        const sent = info.sentences[si];
        const seen = new Map<string, { mention: number; key: string; name: string }>();
        for (let i = this.firstMentionAt(sent.start); i < this.mentions.length && this.mentions[i].start < sent.end; i++) {
          const m = this.mentions[i];
          if (m.type === 'PERSON' && !seen.has(m.key)) seen.set(m.key, { mention: i, key: m.key, name: m.surface ?? this.text.slice(m.start, m.end) });
        }
        if (seen.size >= 2) return [...seen.values()];
      }
    }
    return null;
  }

  private firstMentionAt(pos: number): number {
    const ms = this.mentions;
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Name, mention and type of a speaker phrase. */
  private fillIdentity(speaker: QuoteSpeaker, toks: Token[], np: NP): void {
    const m = this.mentionFor(speaker.start, speaker.end, toks[np.b]);
    const run = this.nameRun(toks, np);
    const headLower = toks[np.b].lw;
    if (m >= 0) {
      const men = this.mentions[m];
      speaker.mention = m;
      speaker.key = men.key;
      speaker.type = (men.type as EntityType) ?? null;
      speaker.name = men.surface ?? this.text.slice(men.start, men.end);
    } else if (run.length > 0 && !NON_PERSON.has(run[run.length - 1].lw) && (!NON_PERSON.has(headLower) || run[run.length - 1] !== toks[np.b])) {
      speaker.name = this.text.slice(run[0].start, run[run.length - 1].end).replace(/[’']s$/, '');
    }
    if (!speaker.role) {
      const firstName = run.length > 0 ? run[0].start : speaker.end;
      const titlePart = this.text.slice(speaker.start, firstName).trim();
      const bare = titlePart.replace(/\.$/, '').toLowerCase();
      if (titlePart && run.length > 0 && !HONORIFIC.has(bare) && !NP_DETERMINERS.has(bare)) speaker.role = titlePart;
    }
    if (this.personLike(toks, np, speaker)) {
      if (run.length >= 2 || (speaker.role && run.length >= 1)) this.personTails.add(run[run.length - 1].lw);
    }
    if (speaker.type !== 'PERSON') this.principal(speaker, toks, np);
  }

  /**
   * An unnamed spokesperson speaks for a principal, and the principal is the speaker (the entity a
   * fact-checker follows): the one the phrase names (`a Department of Health spokesperson`, `a
   * spokesman for Manchester's Trafford Centre`), else the organisation the text has just named
   * when the phrase describes it (`an agency spokeswoman` after `the Environment Agency`, `a company
   * spokesman`) or says nothing (`“…,” a spokesperson said` after `Southern Water said …`; only with
   * the entities layer's ORG mentions). A named spokesperson (`spokesman Zhang Xiaogang`) is a person.
   */
  private principal(speaker: QuoteSpeaker, toks: Token[], np: NP): void {
    let s = -1;
    for (let k = np.a; k <= np.b; k++) if (isWord(toks[k]) && SPOKES.has(toks[k].lw)) s = k;
    if (s < 0) return;
    let pa: number;
    let pb: number;
    if (s === np.b) {
      pa = np.a;
      pb = s - 1;
    } else if (toks[s + 1].lw === 'for') {
      pa = s + 2;
      pb = np.b;
    } else return; // `spokesman Alan Jones`: named
    // `her spokesman`, `their spokeswoman`: the principal is whom the possessive stands for
    const owner = POSSESSIVE_PRONOUNS[toks[np.a].lw];
    if (owner && s === np.b) {
      const ante = this.resolvePronoun(speaker.start, owner, GENDER_WORDS[toks[np.a].lw]);
      if (!ante) return;
      speaker.antecedent = { start: ante.start, end: ante.end, text: ante.text };
      speaker.name = ante.name;
      speaker.mention = ante.mention;
      speaker.key = ante.key;
      speaker.type = ante.type;
      if (!speaker.role) speaker.role = speaker.text;
      return;
    }
    while (pa <= pb && (NP_DETERMINERS.has(toks[pa].lw) || toks[pa].t !== 'word')) pa++;
    // the principal named: a mention in it, else its run of capitalised words
    let name: string | null = null;
    let mention = -1;
    if (pa <= pb) {
      if (this.mentions.length > 0) {
        const m = this.mentionFor(toks[pa].start, toks[pb].end, toks[pb]);
        if (m >= 0) mention = m;
      }
      if (mention < 0) name = this.capitalisedName(toks, pa, pb);
    }
    // else a describing noun (`company`, `agency`) or nothing: the organisation just named
    let noun: string | null = null;
    if (mention < 0 && name === null) {
      for (let k = pb; k >= pa; k--) {
        const t = toks[k];
        if (isWord(t) && !t.cap && !SPOKES_MODIFIERS.has(t.lw) && !isPossessive(t)) {
          noun = t.lw;
          break;
        }
      }
      if (pa <= pb && noun === null) return; // `the prime minister's spokesman`, `Labour's spokesman`: not an organisation named here
      if (this.mentions.length > 0) mention = this.organisationBefore(speaker.start, noun);
      else if (noun && !GENERIC_ORG.has(noun)) name = this.namedWithNounBefore(speaker.start, noun);
    }
    if (mention >= 0) {
      const men = this.mentions[mention];
      speaker.mention = mention;
      speaker.key = men.key;
      speaker.type = (men.type as EntityType) ?? null;
      speaker.name = men.surface ?? this.text.slice(men.start, men.end);
    } else if (name !== null) {
      speaker.name = name;
    } else return;
    if (!speaker.role) speaker.role = speaker.text;
  }

  /** Capitalised words in toks[a..b] joined by `of`/`and`/`for` (`Department of Health`), after any possessor (`Manchester's`). */
  private capitalisedName(toks: Token[], a: number, b: number): string | null {
    let first = -1;
    let last = -1;
    for (let k = a; k <= b; k++) {
      const t = toks[k];
      if (!isWord(t)) continue;
      if (t.cap && (first >= 0 || (!TITLES.has(t.lw) && !HONORIFIC.has(t.lw)))) {
        if (isPossessive(t) && k < b) {
          first = -1; // `Manchester's Trafford Centre`: the possessor places it
          continue;
        }
        if (first < 0) first = k;
        last = k;
      } else if (first >= 0 && !['of', 'and', 'for', '&'].includes(t.lw)) break;
    }
    if (first < 0) return null;
    return this.text.slice(toks[first].start, toks[last].end).replace(/[’']s$/, '');
  }

  /** The nearest ORG mention before `pos` in its sentence or the two before (`noun`: its name ends in that word, unless generic; then three before). */
  private organisationBefore(pos: number, noun: string | null): number {
    const para = this.paragraphOf(pos);
    if (para < 0) return -1;
    const specific = noun !== null && !GENERIC_ORG.has(noun);
    // the window: the phrase's sentence and two before (a specific noun: three before)
    let p = para;
    let si = this.sentenceOf(para, pos).index;
    let from = this.para(p).sentences[si].start;
    for (let n = specific ? 3 : 2; n > 0; n--) {
      si--;
      while (si < 0 && p > 0) si = this.para(--p).sentences.length - 1;
      if (si < 0) break;
      from = this.para(p).sentences[si].start;
    }
    for (let i = this.firstMentionAt(pos) - 1; i >= 0 && this.mentions[i].start >= from; i--) {
      const m = this.mentions[i];
      if (m.type !== 'ORG' || this.insideQuote(m.start)) continue; // a name inside a quote is not who speaks
      if (specific) {
        const words = (m.surface ?? this.text.slice(m.start, m.end)).toLowerCase().split(/\s+/);
        if (words[words.length - 1] !== noun) continue;
      }
      return i;
    }
    return -1;
  }

  /** Whether `pos` lies between the marks of a quote. */
  private insideQuote(pos: number): boolean {
    const raw = this.raw;
    let lo = 0;
    let hi = raw.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (raw[mid].open < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && pos < raw[lo - 1].end;
  }

  /** Without mentions: the nearest `… Agency` before `pos` (within 600 characters) for `an agency spokeswoman`. */
  private namedWithNounBefore(pos: number, noun: string): string | null {
    const lo = Math.max(0, pos - 600);
    const window = this.text.slice(lo, pos);
    const cap = noun[0].toUpperCase() + noun.slice(1);
    const re = new RegExp(`((?:\\p{Lu}[\\p{L}&’'-]*\\s+){1,4})${cap}\\b`, 'gu');
    let found: string | null = null;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      const words = m[1].trim().split(/\s+/);
      while (words.length > 0 && (CAP_STOP.has(words[0]) || NP_DETERMINERS.has(words[0].toLowerCase()))) words.shift();
      if (words.length > 0) found = `${words.join(' ')} ${cap}`;
    }
    return found;
  }

  /** The name inside a phrase: its last run of capitalised words, or the one before `of`/`at`/`from` (`Lucia Ferraro of the Bruegel think tank`). */
  private nameRun(toks: Token[], np: NP): Token[] {
    for (let k = np.a + 1; k < np.b; k++) {
      if (['of', 'at', 'from', 'for'].includes(toks[k].lw)) {
        const first = this.capRun(toks, np.a, k - 1);
        if (first.length > 0 && !NON_PERSON.has(first[first.length - 1].lw) && (first.length >= 2 || first[0].start > toks[np.a].start)) return first;
        break;
      }
    }
    return this.capRun(toks, np.a, np.b);
  }

  private mentionFor(start: number, end: number, head: Token): number {
    const ms = this.mentions;
    if (ms.length === 0) return -1;
    // binary search the first mention ending after start
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    let person = -1;
    let other = -1;
    for (let i = lo; i < ms.length && ms[i].start < end; i++) {
      const m = ms[i];
      if (m.end <= start) continue;
      // `Bafta's Grant Dean`, `Apple's Steve Jobs`: the possessor before the name is not the speaker.
      if (m.end + 2 < end && /^['’]s\s/.test(this.text.slice(m.end, m.end + 3))) continue;
      if (m.type === 'PERSON') {
        if (person < 0) person = i;
      } else if (m.start <= head.start && head.end <= m.end + 2) other = i;
      else if (STATEMENT_HEADS.has(head.lw) && other < 0) other = i;
    }
    return person >= 0 ? person : other;
  }

  private personLike(toks: Token[], np: NP, speaker?: QuoteSpeaker): boolean {
    if (speaker && speaker.mention >= 0) return speaker.type === 'PERSON';
    if (this.mentions.length > 0) {
      const m = this.mentionFor(toks[np.a].start, toks[np.b].end, toks[np.b]);
      if (m >= 0) return this.mentions[m].type === 'PERSON';
    }
    for (let k = np.a; k <= np.b; k++) if (HONORIFIC.has(toks[k].lw) && toks[k].cap) return true;
    const run = this.nameRun(toks, np);
    if (run.length === 0) return false;
    const last = run[run.length - 1];
    if (NON_PERSON.has(last.lw)) return false;
    if (last.w.length <= 5 && last.w === last.w.toUpperCase()) return false;
    if (run.length >= 2) return true;
    if (run[0].start > toks[np.a].start && !(run[0] === toks[np.a + 1] && NP_DETERMINERS.has(toks[np.a].lw))) return true; // a title or role before the name
    if (this.personTails.has(last.lw)) return true;
    if (this.notPersonTails.has(last.lw)) return false;
    // named in full earlier in the document (`Lars Eriksen` … `Eriksen`)
    const text = this.text;
    const word = last.w;
    for (let from = Math.max(0, last.start - 20000); ; ) {
      const i = text.indexOf(word, from);
      if (i < 0 || i >= last.start) break;
      from = i + word.length;
      if (!isSpaceChar(text.charCodeAt(i - 1)) || LETTER_RE.test(text[i + word.length] ?? '')) continue;
      let e = i - 1;
      while (e > 0 && isSpaceChar(text.charCodeAt(e - 1))) e--;
      let b = e;
      while (b > 0 && LETTER_RE.test(text[b - 1])) b--;
      const prev = text.slice(b, e);
      if (prev.length < 2 || !UPPER_RE.test(prev[0]) || !LOWER_RE.test(prev.slice(1))) continue;
      const first = prev.toLowerCase();
      if (!TITLES.has(first) && !PLACE_PREFIXES.has(first) && !CAP_STOP.has(prev) && !HONORIFIC.has(first)) {
        this.personTails.add(last.lw);
        return true;
      }
    }
    this.notPersonTails.add(last.lw);
    return false;
  }

  private classify(toks: Token[], np: NP): Candidate['cls'] {
    if (np.a === np.b && SPEAKER_PRONOUNS[toks[np.a].lw]) return 'pronoun';
    if (this.isShortReference(toks, np)) return 'pronoun'; // `the American`: itself a reference, not an antecedent
    if (this.personLike(toks, np)) return 'person';
    const head = toks[np.b];
    let hasAnd = false;
    for (let k = np.a; k <= np.b; k++) if (toks[k].lw === 'and') hasAnd = true;
    if (!head.cap && head.lw.endsWith('s') && !head.lw.endsWith('ss') && head.lw !== 'news') return 'group';
    if (hasAnd) return 'group';
    // `The Trafford Centre spokeswoman`, `one leading Karachi broker`: a person without a name.
    if (!head.cap && PERSON_HEAD.has(head.lw)) return 'person';
    if (NON_PERSON.has(head.lw) || STATEMENT_HEADS.has(head.lw) || !head.cap) return 'thing';
    if (this.mentions.length > 0) {
      const m = this.mentionFor(toks[np.a].start, toks[np.b].end, head);
      if (m >= 0 && this.mentions[m].type === 'ORG') return 'thing';
    }
    return 'other';
  }

  /** Candidates for an antecedent before `pos`: speakers of earlier quotes and subjects of earlier sentences. */
  private resolvePronoun(pos: number, cls: 'person' | 'thing' | 'group', gender?: 'm' | 'f'): QuoteSpeaker | null {
    const para = this.paragraphOf(pos);
    if (para < 0) return null;
    let budget = 15; // sentences looked at, at most
    for (let p = para; p >= 0 && p >= para - 3 && budget > 0; p--) {
      const info = this.para(p);
      const from = p === para ? this.sentenceOf(p, pos).index - 1 : info.sentences.length - 1;
      for (let si = from; si >= 0 && budget-- > 0; si--) {
        const s = info.sentences[si];
        const cands = this.candidates(s);
        for (const c of cands) {
          if (c.cls === cls || (cls === 'thing' && c.cls === 'other')) {
            if (gender && cls === 'person' && this.genderOf(c.tokens, c.np) === (gender === 'm' ? 'f' : 'm')) continue;
            const sp: QuoteSpeaker = { start: c.start, end: c.end, text: c.text, name: c.text, mention: -1, key: null, type: null, via: 'pronoun', cue: c.cue };
            if (c.role) sp.role = c.role;
            this.fillIdentity(sp, c.tokens, c.np);
            return sp;
          }
          if (c.cls === 'pronoun' && SPEAKER_PRONOUNS[c.text.toLowerCase()] === cls && c.resolved) {
            // `she` does not continue a chain of `he`
            if (gender && GENDER_WORDS[c.text.toLowerCase()] && GENDER_WORDS[c.text.toLowerCase()] !== gender) continue;
            return c.resolved;
          }
        }
      }
    }
    return null;
  }

  /** The gender a person phrase states: its honorific (`Mrs Lee`, the token before it too) or a gendered noun in it. */
  private genderOf(toks: Token[], np: NP): 'm' | 'f' | undefined {
    const from = Math.max(0, (np.left ?? np.a) - 1);
    for (let k = from; k <= np.b; k++) {
      const g = GENDER_WORDS[toks[k].lw];
      // a possessive inside the phrase names someone else (`her husband`): only its head counts
      if (g && !(toks[k].lw === 'his' || toks[k].lw === 'her')) return g;
    }
    return undefined;
  }

  private paragraphOf(pos: number): number {
    const ps = this.paragraphs;
    let lo = 0;
    let hi = ps.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ps[mid].end < pos) lo = mid + 1;
      else if (ps[mid].start > pos) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  private candidates(s: SentenceInfo): Candidate[] {
    const toks = s.tokens;
    const out: Candidate[] = [];
    const add = (np: NP | null, cue: Token | null) => {
      if (!np) return;
      const start = toks[np.a].start;
      const end = toks[np.b].end;
      if (out.some((c) => c.start === start && c.end === end)) return;
      const cls = this.classify(toks, np);
      const cand: Candidate = {
        start, end, text: this.text.slice(start, end), cls, mention: -1, tokens: toks, np,
        cue: cue ? { start: cue.start, end: cue.end, text: cue.w } : null, role: np.role,
      };
      if (cls === 'pronoun') {
        cand.resolved = this.speakerAt.get(start) ?? null;
      }
      out.push(cand);
    };
    for (let k = toks.length - 1; k >= 0; k--) {
      const t = toks[k];
      if (t.q >= 0 || !isWord(t) || t.cap || CUE_FORMS.get(t.lw) !== 'finite') continue;
      const prev = toks[k - 1];
      if (prev && (prev.t === 'mark' || prev.w === ',')) add(this.npForward(toks, k + 1, toks.length), t); // `“…,” said Tim Hanlon`
      add(this.npBackward(toks, k - 1, 0), t);
    }
    add(this.subject(toks), null);
    return out;
  }

  // ---- conventions across sentences and paragraphs ----------------------------------------------------

  private conventions(): void {
    const qs = this.quotes;
    for (let i = 0; i < qs.length; i++) {
      const q = qs[i];
      if (q.kind !== 'speech' || q.speaker) continue;
      // A paragraph that continues an open quote: one speaker for the whole quote.
      if (q.continues >= 0 && qs[q.continues].speaker) {
        q.speaker = { ...(qs[q.continues].speaker as QuoteSpeaker), via: 'continued' };
        continue;
      }
      // `“…,” Austin said. “…”`: the second half has the same speaker.
      const prev = qs[i - 1];
      if (prev && prev.paragraph === q.paragraph && prev.kind === 'speech' && prev.speaker && prev.speaker.cue && prev.speaker.start > prev.end) {
        const { s, index: sIdx } = this.sentenceOf(q.paragraph, q.open);
        const { index: psIdx } = this.sentenceOf(prev.paragraph, prev.open);
        const firstTok = s.tokens.find((t) => t.t !== 'punct');
        if (firstTok && firstTok.start === q.open && sIdx === psIdx + 1 && prev.speaker.end <= s.start) {
          q.speaker = { ...prev.speaker, via: 'split' };
          continue;
        }
      }
    }
    // The attribution of a multi-paragraph quote may come in a later paragraph.
    for (let i = qs.length - 1; i >= 0; i--) {
      const q = qs[i];
      if (q.continues >= 0 && q.speaker && q.kind === 'speech') {
        const p = qs[q.continues];
        if (!p.speaker && p.kind === 'speech') p.speaker = { ...q.speaker, via: 'continued' };
      }
    }
    // A quote paragraph after the paragraph that names its speaker.
    for (let i = 0; i < qs.length; i++) {
      const q = qs[i];
      if (q.kind !== 'speech' || q.speaker || q.continues >= 0) continue;
      const para = this.paragraphs[q.paragraph];
      if (q.open !== para.start || q.paragraph === 0) continue;
      const headlineLike = (q.close < 0 || q.close >= para.end - 2) && !/[.!?,;:…]$/.test(q.text) && this.words(q).length <= 8;
      if (headlineLike) continue;
      if (this.paragraphKinds && this.paragraphKinds[q.paragraph] && this.paragraphKinds[q.paragraph] !== 'body') continue;
      const sp = this.lastReportingSpeaker(q.paragraph - 1);
      if (sp) {
        q.speaker = { ...sp, via: 'previous-paragraph' };
        this.carryForward(i, sp);
      }
    }
    // A quote opening a sentence after a reporting sentence of the same paragraph (paragraphs glued
    // into one line, or `X said the worries were warranted. “…”`).
    for (let i = 0; i < qs.length; i++) {
      const q = qs[i];
      if (q.kind !== 'speech' || q.speaker || q.continues >= 0) continue;
      const { s, index } = this.sentenceOf(q.paragraph, q.open);
      if (index === 0) continue;
      const first = s.tokens.find((t) => t.t !== 'punct');
      if (!first || first.start !== q.open) continue;
      const sp = this.lastReportingSpeaker(q.paragraph, index - 1);
      if (sp) {
        q.speaker = { ...sp, via: 'previous-sentence' };
        this.carryForward(i, sp);
      }
    }
  }

  /** Later quotes continuing quote i, directly or through a chain (`“… “… “…` glued paragraphs), take its speaker. */
  private carryForward(i: number, sp: QuoteSpeaker): void {
    const qs = this.quotes;
    const chain = new Set([i]);
    for (let j = i + 1; j < qs.length && j <= i + 50; j++) {
      if (qs[j].continues >= 0 && chain.has(qs[j].continues) && !qs[j].speaker) {
        qs[j].speaker = { ...sp, via: 'continued' };
        chain.add(j);
      }
    }
  }

  /** The speaker of sentence si of paragraph p (default: its last) when it is a reporting clause, with or without a quote. */
  private lastReportingSpeaker(p: number, si?: number): QuoteSpeaker | null {
    if (this.paragraphKinds && this.paragraphKinds[p] && this.paragraphKinds[p] !== 'body') return null;
    const info = this.para(p);
    const s = info.sentences[si ?? info.sentences.length - 1];
    if (!s) return null;
    // a speech quote in that sentence with a speaker
    const mine = this.quotesByPara.get(p) ?? [];
    for (let j = mine.length - 1; j >= 0; j--) {
      const q = this.quotes[mine[j]];
      if (q.open >= s.end) continue;
      if (q.open < s.start) break;
      if (q.kind === 'speech' && q.speaker) return q.speaker;
    }
    // a reporting clause: `Craig Mark, …, said Japan’s worries are warranted.`, `…, says Mr Pearson.`
    const toks = s.tokens;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (t.q >= 0 || !isWord(t) || t.cap || CUE_FORMS.get(t.lw) !== 'finite') continue;
      const prev = toks[k - 1];
      if (prev && isWord(prev) && NP_DETERMINERS.has(prev.lw)) continue;
      if (prev && prev.w === ',') {
        const fwd = this.npForward(toks, k + 1, toks.length);
        if (fwd && (fwd.b + 1 >= toks.length || toks[fwd.b + 1].w === '.' || toks[fwd.b + 1].w === ',')) return this.makeSpeaker(toks, fwd, t, 'cue');
      }
      const np = this.npBackward(toks, k - 1, 0);
      if (np) return this.makeSpeaker(toks, np, t, 'cue');
    }
    // a stance that introduces the quote: `Prof Lindqvist, who was not involved, was more cautious.`
    for (let k = 1; k < toks.length - 1; k++) {
      const t = toks[k];
      if (t.q >= 0 || !isWord(t) || !LINKING_VERBS.has(t.lw)) continue;
      let a = k + 1;
      while (a < toks.length - 1 && ['more', 'less', 'very', 'far', 'much', 'rather', 'equally', 'even', 'also', 'somewhat', 'slightly'].includes(toks[a].lw)) a++;
      const adj = toks[a];
      if (!isWord(adj) || !STANCE.has(adj.lw)) continue;
      const np = this.npBackward(toks, k - 1, 0);
      if (np && this.classify(toks, np) !== 'thing') return this.makeSpeaker(toks, np, { start: t.start, end: adj.end }, 'cue');
    }
    return null;
  }
}
