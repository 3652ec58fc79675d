// Spelling and style variants that republication changes without changing the words: British vs
// American spelling, "per cent" vs "percent", honorifics some house styles add. Kept as data so new
// variants are one line each; `foldWord` is applied identically to both sides of every comparison,
// so a rule that also folds some unrelated word (e.g. "promise" -> "promize") is harmless.

/** Whole-word equivalences (lower case): left is folded to right. */
export const WORD_VARIANTS: ReadonlyArray<readonly [string, string]> = [
  ['defence', 'defense'],
  ['defences', 'defenses'],
  ['offence', 'offense'],
  ['offences', 'offenses'],
  ['licence', 'license'],
  ['licences', 'licenses'],
  ['pretence', 'pretense'],
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['programmed', 'programed'],
  ['cheque', 'check'],
  ['cheques', 'checks'],
  ['grey', 'gray'],
  ['tyre', 'tire'],
  ['tyres', 'tires'],
  ['aluminium', 'aluminum'],
  ['jewellery', 'jewelry'],
  ['kerb', 'curb'],
  ['plough', 'plow'],
  ['sceptic', 'skeptic'],
  ['sceptical', 'skeptical'],
  ['mould', 'mold'],
  ['storey', 'story'],
  ['manoeuvre', 'maneuver'],
  ['manoeuvres', 'maneuvers'],
  ['paediatric', 'pediatric'],
  ['anaesthetic', 'anesthetic'],
  ['oestrogen', 'estrogen'],
  ['foetus', 'fetus'],
  ['judgement', 'judgment'],
  ['acknowledgement', 'acknowledgment'],
  ['ageing', 'aging'],
  ['towards', 'toward'],
  ['afterwards', 'afterward'],
  ['whilst', 'while'],
  ['amongst', 'among'],
  ['fulfil', 'fulfill'],
  ['enrol', 'enroll'],
  ['instalment', 'installment'],
  ['skilful', 'skillful'],
  ['wilful', 'willful'],
  ['catalogue', 'catalog'],
  ['dialogue', 'dialog'],
  ['analogue', 'analog'],
];

/** Suffix rules (regex on a lower-case word, replacement). Minimum stem lengths avoid short words. */
export const SUFFIX_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  // behaviour, colour, favourite, honourable, labourer -> behavior, color, favorite, honorable, laborer
  [/^([a-z]{3,})our(s|ed|ing|ite|ites|able|ably|er|ers|hood|hoods|less|ful)?$/, '$1or$2'],
  // organise, organisation, recognised, criticising, analyse -> -ize / -yze
  [/^([a-z]{3,})is(e|es|ed|ing|er|ers|ation|ations|ational)$/, '$1iz$2'],
  [/^([a-z]{2,})ys(e|es|ed|ing|er|ers)$/, '$1yz$2'],
  // centre, theatre, metre, litre, fibre -> -er
  [/^([a-z]{2,}[^aeiou])re(s|d)?$/, '$1er$2'],
  // travelled, cancelling, labelled, modeller -> single l
  [/^([a-z]{2,}[aeiou])ll(ed|ing|er|ers)$/, '$1l$2'],
];

/** Consecutive words folded to one token ("per cent" -> "percent"), matched after word folding. */
export const PHRASE_VARIANTS: ReadonlyArray<readonly [readonly string[], string]> = [
  [['per', 'cent'], 'percent'],
  [['per', 'centage'], 'percentage'],
];

/** Words some house styles insert before names ("Mr. Austin" vs "Austin"): dropped when capitalised. */
export const IGNORED_HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'messrs', 'mx']);

const wordMap = new Map<string, string>(WORD_VARIANTS);
const foldCache = new Map<string, string>();

/** Folds one lower-case word to its canonical spelling. */
export function foldWord(lower: string): string {
  const cached = foldCache.get(lower);
  if (cached !== undefined) return cached;
  let folded = wordMap.get(lower);
  if (folded === undefined) {
    folded = lower;
    if (lower.length >= 5) {
      for (const [pattern, replacement] of SUFFIX_VARIANTS) {
        if (pattern.test(folded)) {
          folded = folded.replace(pattern, replacement);
          break;
        }
      }
    }
  }
  // The cache only grows with distinct words typed; bound it for long editing sessions.
  if (foldCache.size > 200_000) foldCache.clear();
  foldCache.set(lower, folded);
  return folded;
}
