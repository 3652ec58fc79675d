// What web pages wrap around an article: menus, promos, disclaimers. Data, not logic, so that a new
// site's furniture is one line here. Matched against a whole trimmed paragraph unless noted.

/** Whole-paragraph boilerplate, case-insensitive. */
export const BOILERPLATE_LINES: readonly RegExp[] = [
  /^(read more|source link|advertisement|advertising|leave a reply|leave a comment|related stories|related articles|related|share|share this( article| story)?|follow us.*|comments?|print|email|image|photo|video|watch|listen|explore|settings|menu|search|home|close|skip to (main )?content|mail logo|font size|language|reading mode|trending( now)?|most read|top stories|more from .{1,40})$/i,
  /^(subscribe|sign up|sign in|log in|register|download (the|our) app|click here|tap here)\b.*$/i,
  /^(also read|read more|read also|see also|more|recommended|watch|related)\s*[:|–—-]\s*.+$/i,
  /^\(?(except for the headline, )?this (story|article) has not been edited\b.*$/i,
  /published from a syndicated feed/i,
  /^(©|copyright\b|\(c\) \d{4}).*$/i,
  /^all rights reserved\.?$/i,
  /^[\p{P}\p{S}\s]*$/u, // lone punctuation or symbols: ".", "×", "|"
  // A navigation bar: three or more short capitalised items separated by wide gaps, bars or bullets.
  /^\p{Lu}[\p{L}&'’.-]*(?: [\p{Lu}&][\p{L}'’.-]*){0,2}(?:(?: {2,}|\t+|\s*[|•·»]\s*)\p{Lu}[\p{L}&'’.-]*(?: [\p{Lu}&][\p{L}'’.-]*){0,2}){2,}$/u,
];

/** Boilerplate that real pages glue to the next paragraph with no space ("Related StoriesThe …"). */
export const GLUED_BOILERPLATE_PREFIXES: readonly string[] = [
  'Related Stories',
  'Related Articles',
  'Read More',
  'READ MORE',
  'Advertisement',
  'ADVERTISEMENT',
];

/** A line that only carries a date, a weekday or a time ("Mon | Sep 16, 2024", "Sat. Nov 2nd, 2024"). */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?';
export const DATE_ONLY_LINE = new RegExp(
  `^(?:(?:published|updated|posted|last updated|first published)\\s*(?:on)?\\s*:?\\s*)?` +
    `(?:${WEEKDAY}\\s*[|,]?\\s*)?` +
    `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s*\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s*\\d{4}|\\d{4}-\\d{2}-\\d{2})` +
    `(?:\\s*[|,]?\\s*(?:at\\s*)?\\d{1,2}[:.]\\d{2}\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)?(?:\\s*[A-Z]{2,4})?)?\\s*$`,
  'i',
);

/** A "Published:" / "Updated:" line with a date in it, whatever else it holds. */
export const PUBLICATION_LINE = new RegExp(
  `^(?:published|updated|posted|last updated|first published)\\b.{0,40}?(?:${MONTH}|\\d{4})`,
  'i',
);

/** Wire services whose credit appears in datelines: "TOKYO (AP) —". */
export const WIRE_CREDITS: readonly string[] = [
  'AP', 'Reuters', 'AFP', 'ANI', 'PTI', 'IANS', 'UPI', 'Xinhua', 'Bloomberg', 'dpa', 'DPA', 'Kyodo', 'Yonhap',
  'EFE', 'ANSA', 'TASS', 'CNA', 'Bernama', 'AAP', 'CP', 'Anadolu', 'WAM', 'SPA',
];

/** Words that mark a photo caption or credit. */
export const CAPTION_CUES: readonly RegExp[] = [
  /\bphoto(?:graph)?\s*:/i,
  /\((?:AP|AFP|Reuters|EPA|Getty)?\s*photo\b/i,
  /\b(?:photo|image|picture)\s+(?:credit|courtesy)\b/i,
  /\bfile photo\b/i,
  /\bfrom left( to right)?\b/i,
  /,\s*(?:left|right|centre|center|second left|second right)\s*,/i,
  /\((?:left|right|centre|center|L|R|C)\)/,
  /\bpictured\b/i,
  /\b(?:Getty Images|AP Photo|Reuters\/|EPA-EFE|AFP via Getty)\b/,
];

/** Honorifics and abbreviations after which a full stop does not end a sentence. */
export const NON_TERMINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'jr', 'sr', 'st', 'gen', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm', 'maj', 'rep', 'sen',
  'gov', 'prof', 'rev', 'hon', 'inc', 'co', 'corp', 'ltd', 'no', 'vs', 'etc', 'fig', 'vol', 'approx', 'dept', 'est',
  'mt', 'ft', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
