// One linear pass over the text: words with their offsets and the few facts the recogniser needs
// (capitalised, all capitals, possessive, abbreviation dot, sentence start, paragraph). No regex runs
// over the text; every character is looked at a bounded number of times.
import type { Paragraph } from '../model';

const WORD = 1;
const CAP = 2;
const ALL_CAPS = 4;
const DIGIT = 8;
const POSS = 16;
const DOT = 32;
const SENT_START = 64;
const JOINED = 128;

/**
 * A token. Its yes/no facts are bits of one number: a news corpus has about as many tokens as bytes / 5,
 * each made once per analysis, and eight boolean fields made each token twice as large (the scan's
 * biggest single allocation, so its garbage collections).
 */
export class Token {
  // Declared, not class fields: set once by the constructor, without a field initialiser before it.
  declare readonly start: number;
  /** End of the word, exclusive; an abbreviation dot or possessive `'s` is not inside. */
  declare readonly end: number;
  declare readonly text: string;
  private declare bits: number;
  declare readonly para: number;

  constructor(start: number, end: number, text: string, bits: number, para: number) {
    this.start = start;
    this.end = end;
    this.text = text;
    this.bits = bits;
    this.para = para;
  }

  get word(): boolean {
    return (this.bits & WORD) !== 0;
  }
  /** Starts with a capital letter (or `iPhone`/`eBay` style). */
  get cap(): boolean {
    return (this.bits & CAP) !== 0;
  }
  /** Two or more letters, none lower case: `USFJ`, `TOKYO`, `U.S.`. */
  get allCaps(): boolean {
    return (this.bits & ALL_CAPS) !== 0;
  }
  get digit(): boolean {
    return (this.bits & DIGIT) !== 0;
  }
  /** Followed by a possessive: `China’s`, `Harris’`, `Biden ’s`. */
  get poss(): boolean {
    return (this.bits & POSS) !== 0;
  }
  set poss(on: boolean) {
    this.bits = on ? this.bits | POSS : this.bits & ~POSS;
  }
  /** Followed by a dot that belongs to it (`Mr.`, `Jr.`, middle initial `W.`). */
  get dot(): boolean {
    return (this.bits & DOT) !== 0;
  }
  /** First word of a sentence, of a quotation or of a paragraph. */
  get sentStart(): boolean {
    return (this.bits & SENT_START) !== 0;
  }
  /** Only spaces (no line break, no punctuation) between this token and the previous one. */
  get joined(): boolean {
    return (this.bits & JOINED) !== 0;
  }
}

/** Words that keep a following dot and never end a sentence with it. */
const ABBREV_DOT = new Set(
  'Mr Mrs Ms Dr Prof St Jr Sr Gen Col Lt Sgt Capt Cpl Rev Sen Rep Gov Adm Maj Mt Ft Fr No Co Corp Inc Ltd Bros vs Messrs Mme Mlle Hon Pres Supt Insp Det Cmdr Brig'.split(
    ' ',
  ),
);

function isUpperAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  if (c < 0xc0) return false;
  const ch = text[i];
  return ch !== ch.toLowerCase();
}

function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c < 0xc0) return false;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c < 0x2000) return true;
  if (c >= 0x3040 && c < 0xd800) return true;
  if (c >= 0xf900 && c < 0xfe00) return true;
  return false;
}

function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || isLetterCode(c);
}

function isHyphenCode(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000 || c === 0xfeff;
}

/** Opening quote marks (a word after one starts a quotation, hence is capitalised anyway). */
function isOpeningQuote(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x201c || c === 0x2018 || c === 0xab) return true;
  if (c === 34) {
    // A straight quote opens when what precedes is a space, a line start or an opening bracket.
    const p = i > 0 ? text.charCodeAt(i - 1) : 10;
    return p === 10 || p === 13 || isSpaceCode(p) || p === 40 || p === 8212 || p === 8211;
  }
  return false;
}

/** End (exclusive) of a numeric character reference `&#NNN;` at `i`, or -1. */
function entityEnd(text: string, i: number): number {
  let k = i + 2;
  while (k < text.length && k - i < 8 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  return k > i + 2 && text.charCodeAt(k) === 59 && isLetterCode(Number(text.slice(i + 2, k))) ? k + 1 : -1;
}

function decodeEntities(word: string): string {
  return word
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * Tokens of the text. `paragraphs` (from the article model) sets paragraph numbers; without them a
 * line break starts a new paragraph.
 */
export function tokenize(text: string, paragraphs?: Paragraph[]): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let para = 0;
  let pIdx = 0;
  let newline = true;
  let sentence = true;
  let quoteOpen = false;
  let joined = false;
  let entities: number[] | undefined;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (paragraphs) {
      while (pIdx < paragraphs.length && paragraphs[pIdx].end <= i) pIdx++;
      if (pIdx < paragraphs.length && i >= paragraphs[pIdx].start && para !== pIdx + 1) {
        para = pIdx + 1;
        newline = true;
      }
    }
    if (c === 10 || c === 13) {
      if (!paragraphs) {
        if (!newline) para++;
        newline = true;
      }
      joined = false;
      i++;
      continue;
    }
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    if (isAlnumCode(c)) {
      const start = i;
      let j = i;
      let poss = false;
      let skip = 0;
      let segStart = i;
      let letters = 0;
      let lower = false;
      let digit = false;
      for (;;) {
        const cj = text.charCodeAt(j);
        // ASCII fast path: count letters, note lower case and digits while scanning
        if (cj >= 97 && cj <= 122) {
          letters++;
          lower = true;
          j++;
          continue;
        }
        if (cj >= 65 && cj <= 90) {
          letters++;
          j++;
          continue;
        }
        if (cj >= 48 && cj <= 57) {
          digit = true;
          j++;
          continue;
        }
        if (j < n && cj > 127 && isLetterCode(cj)) {
          letters++;
          if (!isUpperAt(text, j)) lower = true;
          j++;
          continue;
        }
        if (j >= n) break;
        if (cj === 46) {
          // Dotted capitals: `U.S.`, `U.K.`, `Japan–U.S.`: a lone capital, a dot, a capital, a dot.
          if (j - segStart === 1 && isUpperAt(text, j - 1) && isUpperAt(text, j + 1) && text.charCodeAt(j + 2) === 46) {
            j += 2;
            letters++;
            while (isUpperAt(text, j + 1) && text.charCodeAt(j + 2) === 46 && !isAlnumCode(text.charCodeAt(j + 3))) {
              j += 2;
              letters++;
            }
            // keep the final dot inside: `U.S.` is the token
            j++;
            break;
          }
          break;
        }
        if (isHyphenCode(cj) && isAlnumCode(text.charCodeAt(j - 1)) && isAlnumCode(text.charCodeAt(j + 1))) {
          j++;
          segStart = j;
          continue;
        }
        if (isApostrophe(cj) && cj !== 0x2018 && isLetterCode(text.charCodeAt(j + 1))) {
          const s = text.charCodeAt(j + 1);
          if ((s === 115 || s === 83) && !isAlnumCode(text.charCodeAt(j + 2))) {
            poss = true;
            skip = 2;
            break;
          }
          j++;
          continue;
        }
        if (cj === 38 && isUpperAt(text, j - 1) && isUpperAt(text, j + 1)) {
          j++;
          continue;
        }
        // `S&#227;o Paulo`, `Pel&#233;`: a numeric character reference left in scraped copy is a letter
        if (cj === 38 && text.charCodeAt(j + 1) === 35) {
          const e = entityEnd(text, j);
          if (e > 0) {
            (entities ??= []).push(j);
            letters++;
            lower = true;
            j = e;
            continue;
          }
        }
        break;
      }
      let end = j;
      // `Harris’ campaign`: a closing apostrophe after a final s.
      if (!poss && end < n && isApostrophe(text.charCodeAt(end)) && text.charCodeAt(end) !== 0x2018) {
        const prev = text.charCodeAt(end - 1);
        if ((prev === 115 || prev === 83) && !isLetterCode(text.charCodeAt(end + 1)) && end - start > 2) {
          poss = true;
          skip = 1;
        }
      }
      let word = text.slice(start, end);
      if (entities !== undefined) {
        // looked up as the letters it stands for, without accents (`Sao`, as the lexicon spells it)
        word = decodeEntities(word);
        entities = undefined;
      }
      let dot = false;
      if (!poss && text.charCodeAt(end) === 46 && word.charCodeAt(word.length - 1) !== 46) {
        if (ABBREV_DOT.has(word) || (word.length === 1 && isUpperAt(text, start))) {
          dot = true;
          skip = 1;
        }
      }
      const cap = isUpperAt(text, start) || (end - start > 1 && isUpperAt(text, start + 1) && isLetterCode(c));
      // a 'word' of more than 60 characters is no name (a URL, a glued line, junk)
      let bits = WORD;
      if (cap && !(c >= 48 && c <= 57) && end - start <= 60) bits |= CAP;
      if (letters >= 2 && !lower) bits |= ALL_CAPS;
      if (digit) bits |= DIGIT;
      if (poss) bits |= POSS;
      if (dot) bits |= DOT;
      if (sentence || newline || quoteOpen) bits |= SENT_START;
      if (joined && !newline) bits |= JOINED;
      tokens.push(new Token(start, end, word, bits, para));
      newline = false;
      sentence = false;
      quoteOpen = false;
      joined = true;
      i = end + skip;
      continue;
    }
    // A detached possessive: `Biden ’s`, `Biden 's`.
    if (isApostrophe(c) && (text.charCodeAt(i + 1) === 115 || text.charCodeAt(i + 1) === 83) && !isAlnumCode(text.charCodeAt(i + 2))) {
      const last = tokens[tokens.length - 1];
      if (last && last.word && !newline && i - last.end <= 2) {
        last.poss = true;
        i += 2;
        joined = false;
        continue;
      }
    }
    // Punctuation.
    const opening = isOpeningQuote(text, i);
    tokens.push(new Token(i, i + 1, text[i], 0, para));
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 0x2026) sentence = true;
    else if (opening) quoteOpen = true;
    else if (c === 0x201d || c === 34 || c === 0x2019 || c === 41 || c === 0xbb) {
      // closing marks keep whatever the previous punctuation decided
    } else if (c === 8212 || c === 8211 || c === 45 || c === 124 || c === 8226) {
      // dashes and bars: a dateline `TOKYO—Japanese` or a list; the next word is not sentence-initial
      // unless a line began here
    } else {
      sentence = false;
    }
    joined = c === 38; // `Marks & Spencer` stays joined across the ampersand
    newline = false;
    i++;
  }
  return tokens;
}
