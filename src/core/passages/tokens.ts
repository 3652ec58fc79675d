// The normalised word stream that shared-passage detection compares: one token per word, folded
// for case, diacritics, punctuation, quote marks and spelling variants, each keeping the UTF-16
// span of the original word so that every match maps back to exact word boundaries.

import type { Paragraph } from '../model';
import { IGNORED_HONORIFICS, PHRASE_VARIANTS, foldWord } from './variants';

export interface TokenStream {
  /** 32-bit hash of each folded word; equal words have equal ids. */
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** 1 where the token sits in a boilerplate paragraph: never anchored, never aligned across. */
  excluded: Uint8Array;
  length: number;
}

const MARKS = /\p{M}+/gu;

/** FNV-1a over UTF-16 code units, finished with a murmur mix so low bits are well spread. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}

const PERCENT = 37;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Key of a word's lower-cased raw form, computed on the fly while scanning (FNV-1a, mixed). */
function rawKey(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return mix(h);
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h & 0x3fffffff;
}

const PERCENT_ID = hashWord('percent');
const honorificKeys = new Set([...IGNORED_HONORIFICS].map(rawKey));
/** First word's raw key -> second word's raw key and the phrase's folded id. */
const phraseKeys = new Map<number, Array<{ second: number; id: number }>>();
for (const [words, canonical] of PHRASE_VARIANTS) {
  if (words.length !== 2) continue;
  const list = phraseKeys.get(rawKey(words[0])) ?? [];
  list.push({ second: rawKey(words[1]), id: hashWord(canonical) });
  phraseKeys.set(rawKey(words[0]), list);
}

/**
 * Raw key -> folded id; the fold of a word never changes, so this only saves work. An open-addressing
 * table in typed arrays (keys are 30-bit, so 0 never occurs as key + 1): one lookup per word of the
 * corpus, and a Map of numbers took several times as long (hashing, a chain of heap objects). Same
 * contents as the Map it replaces: the first word seen with a key gives its id, cleared past 500,000.
 */
const ID_CACHE_MAX = 500_000;
let idSlots = 1 << 16;
let idKeys = new Int32Array(idSlots); // raw key + 1; 0 is empty
let idValues = new Int32Array(idSlots);
let idCount = 0;

function idSlot(key: number): number {
  const mask = idSlots - 1;
  let slot = key & mask; // keys are already mixed (rawKey)
  while (idKeys[slot] !== 0 && idKeys[slot] !== key + 1) slot = (slot + 1) & mask;
  return slot;
}

function rememberId(key: number, id: number): void {
  if (idCount > ID_CACHE_MAX) {
    idSlots = 1 << 16;
    idKeys = new Int32Array(idSlots);
    idValues = new Int32Array(idSlots);
    idCount = 0;
  } else if (2 * (idCount + 1) > idSlots) {
    // Grow at half full, so that probe runs stay short.
    const oldKeys = idKeys;
    const oldValues = idValues;
    idSlots *= 2;
    idKeys = new Int32Array(idSlots);
    idValues = new Int32Array(idSlots);
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] === 0) continue;
      const slot = idSlot(oldKeys[i] - 1);
      idKeys[slot] = oldKeys[i];
      idValues[slot] = oldValues[i];
    }
  }
  const slot = idSlot(key);
  idKeys[slot] = key + 1;
  idValues[slot] = id;
  idCount++;
}

function foldedId(text: string, start: number, end: number, key: number, ascii: boolean): number {
  const slot = idSlot(key);
  if (idKeys[slot] !== 0) return idValues[slot];
  let lower = text.slice(start, end).toLowerCase();
  if (!ascii) lower = lower.normalize('NFD').replace(MARKS, '');
  const id = hashWord(foldWord(lower));
  rememberId(key, id);
  return id;
}

// Character classes: 0 not part of a word, 1 lower-case ASCII, 2 upper-case ASCII, 3 digit, 4 other
// letter, number or combining mark. Non-ASCII classes are looked up once per code unit.
const classes = new Uint8Array(65536);
for (let c = 0; c < 128; c++) classes[c] = c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 48 && c <= 57 ? 3 : 0;
const classKnown = new Uint8Array(65536).fill(1, 0, 128);
const LETTERLIKE = /[\p{L}\p{N}\p{M}]/u;

function classOf(c: number): number {
  if (classKnown[c]) return classes[c];
  classKnown[c] = 1;
  // Surrogate halves (emoji, rare scripts) are left out of words.
  classes[c] = c >= 0xd800 && c <= 0xdfff ? 0 : LETTERLIKE.test(String.fromCharCode(c)) ? 4 : 0;
  return classes[c];
}

/** Only spaces, hyphens or dashes between two words: "per cent", "7.2-per-cent". */
function joinable(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '-' && c !== '\u00a0' && c !== '\u2010' && c !== '\u2011') return false;
  }
  return true;
}

export function tokenize(text: string, paragraphs?: readonly Paragraph[]): TokenStream {
  let capacity = Math.max(16, text.length >> 2);
  let ids = new Int32Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let n = 0;
  const grow = (a: Int32Array) => {
    const b = new Int32Array(capacity);
    b.set(a);
    return b;
  };
  // State for joining "U.S." into one word and "per cent" into "percent".
  let acronym = ''; // lower-case letters of the previous token when it is letters joined by full stops
  let prevKey = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c0 = text.charCodeAt(i);
    if (c0 === PERCENT) {
      if (n === capacity) {
        capacity *= 2;
        ids = grow(ids);
        starts = grow(starts);
        ends = grow(ends);
      }
      ids[n] = PERCENT_ID;
      starts[n] = i;
      ends[n] = i + 1;
      n++;
      acronym = '';
      prevKey = 0;
      i++;
      continue;
    }
    const cls0 = c0 < 128 ? classes[c0] : classOf(c0);
    if (cls0 === 0) {
      i++;
      continue;
    }
    const start = i;
    let h = FNV_OFFSET;
    let ascii = true;
    let prevLower = false;
    let lettersOnly = true;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      const cls = c < 128 ? classes[c] : classOf(c);
      if (cls === 0) break;
      let lc = c;
      if (cls === 2) {
        // Words glued with no space ("Related StoriesThe") split where a lower-case letter meets a capital.
        if (prevLower) break;
        lc = c | 32;
        prevLower = false;
      } else if (cls === 1) prevLower = true;
      else {
        prevLower = false;
        if (cls === 3) lettersOnly = false;
        else ascii = false;
      }
      h = Math.imul(h ^ lc, FNV_PRIME);
    }
    const end = i;
    const key = mix(h);
    const length = end - start;

    // "U.S." and "US", "a.m." and "am": single letters joined by full stops form one word.
    if (length === 1 && lettersOnly && acronym && ends[n - 1] + 1 === start && text.charCodeAt(start - 1) === 46) {
      acronym += text[start].toLowerCase();
      ids[n - 1] = hashWord(foldWord(acronym));
      ends[n - 1] = end;
      prevKey = 0;
      continue;
    }
    // Honorifics are a house-style choice: "Mr. Austin" and "Austin" are the same words.
    if (length <= 6 && cls0 === 2 && length > 1 && classes[text.charCodeAt(start + 1)] === 1 && honorificKeys.has(key)) continue;
    if (prevKey !== 0) {
      const phrases = phraseKeys.get(prevKey);
      if (phrases && joinable(text, ends[n - 1], start)) {
        const phrase = phrases.find((p) => p.second === key);
        if (phrase) {
          ids[n - 1] = phrase.id;
          ends[n - 1] = end;
          prevKey = 0;
          acronym = '';
          continue;
        }
      }
    }
    if (n === capacity) {
      capacity *= 2;
      ids = grow(ids);
      starts = grow(starts);
      ends = grow(ends);
    }
    ids[n] = foldedId(text, start, end, key, ascii);
    starts[n] = start;
    ends[n] = end;
    n++;
    prevKey = key;
    acronym = length === 1 && lettersOnly && ascii ? text[start].toLowerCase() : '';
  }

  const excluded = new Uint8Array(n);
  if (paragraphs) {
    let t = 0;
    for (const p of paragraphs) {
      if (p.kind !== 'boilerplate') continue;
      while (t < n && starts[t] < p.start) t++;
      for (let u = t; u < n && starts[u] < p.end; u++) excluded[u] = 1;
    }
  }
  return { ids: ids.subarray(0, n), starts: starts.subarray(0, n), ends: ends.subarray(0, n), excluded, length: n };
}

