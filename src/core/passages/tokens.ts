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

// Letters and digits, with combining marks kept inside the word; "%" stands for "percent".
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*|%/gu;
const NON_ASCII = /[^\x00-\x7f]/;
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

const PERCENT = '%'.charCodeAt(0);
const phraseStarts = new Map<string, Array<{ rest: readonly string[]; id: number }>>();
for (const [words, canonical] of PHRASE_VARIANTS) {
  const list = phraseStarts.get(words[0]) ?? [];
  list.push({ rest: words.slice(1), id: hashWord(canonical) });
  phraseStarts.set(words[0], list);
}

function canonicalWord(raw: string): string {
  if (raw.length === 1 && raw.charCodeAt(0) === PERCENT) return 'percent';
  let lower = raw.toLowerCase();
  if (NON_ASCII.test(lower)) lower = lower.normalize('NFD').replace(MARKS, '');
  return foldWord(lower);
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
  let words: string[] = [];
  let n = 0;
  const push = (id: number, word: string, start: number, end: number) => {
    if (n === capacity) {
      capacity *= 2;
      const grow = (a: Int32Array) => {
        const b = new Int32Array(capacity);
        b.set(a);
        return b;
      };
      ids = grow(ids);
      starts = grow(starts);
      ends = grow(ends);
    }
    ids[n] = id;
    starts[n] = start;
    ends[n] = end;
    words[n] = word;
    n++;
  };

  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let raw = m[0];
    const start = m.index;
    // Words glued with no space ("Related StoriesThe") split where a lower-case letter meets a capital.
    const glue = raw.length > 3 ? gluePoint(raw) : -1;
    if (glue > 0) {
      raw = raw.slice(0, glue);
      WORD.lastIndex = start + glue;
    }
    const end = start + raw.length;
    // "U.S." and "US", "a.m." and "am": single letters joined by full stops form one word.
    if (raw.length === 1 && n > 0 && words[n - 1].length <= 4 && ends[n - 1] + 1 === start && text[start - 1] === '.' && isLetter(raw)) {
      const prev = text.slice(starts[n - 1], ends[n - 1]);
      if (/^(?:\p{L}\.)*\p{L}$/u.test(prev) && isLetter(prev[0])) {
        const joined = words[n - 1] + raw.toLowerCase();
        words[n - 1] = joined;
        ids[n - 1] = hashWord(foldWord(joined));
        ends[n - 1] = end;
        continue;
      }
    }
    // Honorifics are a house-style choice: "Mr. Austin" and "Austin" are the same words.
    if (raw.length <= 6 && raw.charCodeAt(0) < 97 && IGNORED_HONORIFICS.has(raw.toLowerCase())) continue;
    const word = canonicalWord(raw);
    if (n > 0) {
      const phrases = phraseStarts.get(words[n - 1]);
      if (phrases && joinable(text, ends[n - 1], start)) {
        const phrase = phrases.find((p) => p.rest.length === 1 && p.rest[0] === word);
        if (phrase) {
          ids[n - 1] = phrase.id;
          ends[n - 1] = end;
          words[n - 1] = '\u0000';
          continue;
        }
      }
    }
    push(hashWord(word), word, start, end);
  }
  words = [];

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

/** Index of the first lower-to-upper case change inside a word, or -1. */
function gluePoint(word: string): number {
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const p = word.charCodeAt(i - 1);
    if (c >= 65 && c <= 90 && p >= 97 && p <= 122) return i;
  }
  return -1;
}

function isLetter(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /\p{L}/u.test(s[0]));
}
