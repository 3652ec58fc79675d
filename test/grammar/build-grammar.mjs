// Source of syntaxes/news.tmLanguage.json. The grammar's regular expressions are composed here from named
// parts (readable, commented) and written out as JSON; `scripts/test-grammar.sh` fails when the JSON is out
// of date. Run `node test/grammar/build-grammar.mjs` after editing, `--check` to compare only.
//
// Regex dialect: Oniguruma, as used by vscode-textmate. Each line is matched on its own (vscode-textmate
// appends "\n"); `\A` matches only on the first line of the document; multi-line constructs are begin/end
// rules. A "paragraph" ends at a blank line or at a line that ends a sentence: quotes never run past one.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '..', '..', 'syntaxes', 'news.tmLanguage.json');

// ---- building blocks ----------------------------------------------------------------------------------

/** Boilerplate lines (site menus, footers, promos), case-insensitive, matched as a whole line. */
const BOILERPLATE_BODY = String.raw`(?i:` +
  [
    // "READ MORE: <teaser>", "ALSO READ: …", "SEE ALSO: …", "RELATED: …", "MORE FROM …:"
    String.raw`(?:read\s+more|also\s+read|see\s+also|related(?:\s+(?:stories|articles|news|coverage))?|more\s+from\s+[^:]{1,40}|must\s+read|recommended)\s*:.*`,
    String.raw`read\s+more|related\s+(?:stories|articles|news|coverage)|recommended(?:\s+(?:stories|for\s+you))?`,
    String.raw`source\s+link`,
    String.raw`advertisement(?:\s*[-–—]?\s*(?:scroll|continue)\s+(?:down|reading|to\s+continue)(?:\s+with\s+content)?)?|sponsored(?:\s+content)?|ad`,
    String.raw`leave\s+a\s+(?:reply|comment)|\d*\s*comments?|post\s+a\s+comment|(?:show|view|load)\s+comments`,
    String.raw`subscribe(?:\s+now)?|subscribe\s+(?:to|for|now|today)\b.*|sign\s+up\s+(?:to|for|now|today)\b.*|newsletter|get\s+our\s+newsletter\b.*`,
    String.raw`share(?:\s+this(?:\s+(?:article|story|post))?)?(?:\s+on\s+\w+)?|tweet|print|email|copy\s+link`,
    String.raw`click\s+here\b.*|continue\s+reading\b.*|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|(?:image|photo|video)(?:\s+credit)?`,
  ].join('|') +
  String.raw`)\s*[.…:!»›>|-]*\s*$`;

/** Where an opening quote mark can stand: start of line, after a space, bracket, dash, slash, colon or another quote. */
const OPEN_POS = String.raw`(?<![^\s(\[{<«—–\-/:“‘"'])`;
/** Words that start with an apostrophe: ’s, ’t, ’em, ’n’, ’til, ’90s… (so ‘s after a space is not a quote). */
const ELISION = String.raw`(?:s|t|d|ll|re|ve|m|em|n|til|cause|tis|twas|bout|round|\d\d?s?)\b`;
const LETTER = String.raw`[\p{L}\p{N}]`;
/** "rock 'n' roll": the 'n' is one word, its marks are apostrophes (skipped inside single quotes). */
const N_WORD = String.raw`(?<=\s)['‘’]n['’](?=\s)`;
/**
 * Where an unclosed quote stops: at an empty line (the paragraph is over), or at the end of a line that
 * ends a sentence (. ! ? …), because many scraped files put each paragraph on one line with no blank line
 * between them. A quote in hard-wrapped text therefore continues across line breaks only mid-sentence.
 * Zero-width, so the blank line or the line end is left alone.
 */
const PARAGRAPH_END = String.raw`^(?=\s*$)|(?<=[.!?…])(?=\s*$)`;

// Datelines: "TOKYO (AP) —", "WASHINGTON, July 29 (Reuters) -", "TOKYO—", "Tokyo (AP)".
const CAPS_WORD = String.raw`\p{Lu}[\p{Lu}.'’]+`;
/** At least three letters for the first word, so "US—Japan" or "AI — " is not a dateline. */
const CAPS_PLACE = String.raw`\p{Lu}[\p{Lu}.'’]{2,}(?:[ -]${CAPS_WORD})*`;
const TITLE_WORD = String.raw`\p{Lu}[\p{L}\p{M}.'’]*`;
const TITLE_PLACE = String.raw`${TITLE_WORD}(?:[ -]${TITLE_WORD}){0,3}`;
const REGION = String.raw`,\s*(?:${TITLE_WORD}|${CAPS_WORD})(?:\s+(?:${TITLE_WORD}|${CAPS_WORD})){0,2}`;
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const DATE = String.raw`${MONTH}\.?\s+\d{1,2}(?:,\s*\d{4})?`;
const AGENCIES = String.raw`AP|AFP|Reuters|UPI|dpa|DPA|Xinhua|Kyodo|Yonhap|IANS|PTI|ANI|Bloomberg|CNN|BBC|Bernama|EFE|ANSA|TASS|AAP|Anadolu|CP|PA|RIA|Interfax|NNA|IPS|WAFA|KUNA|SPA|WAM|APP|Sputnik|Al\s+Jazeera`;
/** A dash after a dateline: em dash or "--" (spaces optional), or an en dash or hyphen with a space before it
 * (unspaced, those join words: "US–Japan"). */
const DASH = String.raw`\s*(?:—|--|(?<=\s)[–-])`;

// Bylines: "By Mari Yamaguchi", "By MARI YAMAGUCHI and JOSH BOAK, Associated Press".
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
const PARTICLE = String.raw`(?:de|da|del|della|der|den|van|von|bin|ibn|al|el|la|le|di|du|dos|das|ter|y)`;
const NAME = String.raw`${NAME_WORD}(?:\s+(?:${NAME_WORD}|${PARTICLE}(?=\s+\p{Lu}))){0,4}`;
/** Several authors: "A, B and C". Lazy, so that "By A, Associated Press" leaves the agency to ORG. */
const NAMES = String.raw`${NAME}(?:(?:\s*,\s*|\s+(?:and|&)\s+)${NAME}){0,4}?`;
/** An agency or role after the names; must contain a word that says so (else "By A, B" is two authors). */
const ORG_WORD = String.raw`(?:Press|News|Times|Post|Journal|Reuters|AFP|AP|Agency|Service|Wire|Correspondent|Reporter|Writer|Staff|Editor|Desk|Bureau|Media|Network|Herald|Tribune|Guardian|Bloomberg|Xinhua|Kyodo|Telegraph|Gazette|Daily|Online)`;
const ORG = String.raw`(?=[^,|/]*\b${ORG_WORD}\b)${NAME_WORD}(?:\s+(?:${NAME_WORD}|of|the|for|and|&)){0,6}`;

// ---- the grammar --------------------------------------------------------------------------------------

const punctuationBegin = { 0: { name: 'punctuation.definition.string.begin.news' } };
const punctuationEnd = { 0: { name: 'punctuation.definition.string.end.news' } };

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'News Article',
  scopeName: 'text.news',
  fileTypes: ['news'],
  comment:
    'Generated by test/grammar/build-grammar.mjs; edit that file, not this one. Plain-text news articles: ' +
    'headline (first non-empty line), dateline, byline, quotes (curly, straight, single; an unclosed quote ' +
    'ends with its paragraph), boilerplate lines.',
  patterns: [
    { include: '#preamble' },
    { include: '#boilerplate' },
    { include: '#byline' },
    { include: '#dateline' },
    { include: '#quotes' },
  ],
  repository: {
    preamble: {
      comment:
        'From the start of the file to the headline, the first non-empty line that is not boilerplate. ' +
        'Only the first line of a document can match \\A, so this region opens once.',
      begin: String.raw`\A`,
      end: String.raw`^\s*(?!${BOILERPLATE_BODY})(\S(?:.*\S)?)\s*$`,
      endCaptures: {
        0: { name: 'markup.heading.1.news' },
        // Both scopes on the capture: a capture with `patterns` does not inherit capture 0's scope in vscode-textmate.
        1: { name: 'markup.heading.1.news entity.name.section.headline.news', patterns: [{ include: '#quotes' }] },
      },
      patterns: [{ include: '#boilerplate' }],
    },
    boilerplate: {
      comment: 'Site furniture: Read More, Source link, Advertisement, Subscribe to…, ALSO READ:, READ MORE:, Leave a Reply…',
      match: String.raw`^\s*(?=\S)${BOILERPLATE_BODY}`,
      name: 'comment.line.boilerplate.news',
    },
    byline: {
      match: String.raw`^\s*(By|BY|by)\s+(${NAMES})(?:\s*(?:,|\||—|–|/|\s-)\s*(${ORG}))?\s*$`,
      name: 'meta.byline.news',
      captures: {
        1: { name: 'keyword.other.byline.news' },
        2: { name: 'entity.name.author.news' },
        3: { name: 'entity.name.type.agency.news' },
      },
    },
    dateline: {
      patterns: [
        {
          comment: 'ALL-CAPS place: the dash is required, the agency optional ("TOKYO—", "ROME (AP) —").',
          match: String.raw`^\s*(${CAPS_PLACE}(?:${REGION})?)(?:,?\s+(${DATE}))?(?:\s*(\((?:${AGENCIES}|\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?)\)))?(${DASH})`,
          name: 'meta.dateline.news',
          captures: {
            1: { name: 'markup.bold.dateline.place.news' },
            2: { name: 'constant.other.date.news' },
            3: { name: 'entity.name.type.agency.news' },
            4: { name: 'punctuation.separator.dateline.news' },
          },
        },
        {
          comment: 'Title-case place: a known agency is required, then a dash or the end of the line ("Tokyo (AP)").',
          match: String.raw`^\s*(${TITLE_PLACE}(?:${REGION})?)(?:,?\s+(${DATE}))?\s*(\((?:${AGENCIES})\))(?:(${DASH})|(?=\s*$))`,
          name: 'meta.dateline.news',
          captures: {
            1: { name: 'markup.bold.dateline.place.news' },
            2: { name: 'constant.other.date.news' },
            3: { name: 'entity.name.type.agency.news' },
            4: { name: 'punctuation.separator.dateline.news' },
          },
        },
      ],
    },
    quotes: {
      patterns: [
        { include: '#quote-double-curly' },
        { include: '#quote-double-straight' },
        { include: '#quote-single-curly' },
        { include: '#quote-single-straight' },
      ],
    },
    'quote-double-curly': {
      comment:
        'Opens at “ (or at a ” typed the wrong way round before a word, as in `said. ”Now`). Closes at ”, at ' +
        'a “ typed the wrong way round after a word (`core,“ Ms.`), just before a new opening “, or at the ' +
        'end of the paragraph when it is never closed.',
      begin: String.raw`“|${OPEN_POS}”(?=${LETTER}|[‘'])`,
      end: String.raw`”|(?<=\S)“(?=[\s.,;:!?)\]]|$)|(?=${OPEN_POS}“)|${PARAGRAPH_END}`,
      name: 'string.quoted.double.news',
      beginCaptures: punctuationBegin,
      endCaptures: punctuationEnd,
      patterns: [{ include: '#quote-single-curly' }, { include: '#quote-single-straight' }],
    },
    'quote-double-straight': {
      comment: 'Opens at a " in an opening position before a non-space (not 5" or a"b); closes at the next " or at the end of the paragraph.',
      begin: String.raw`${OPEN_POS}"(?=\S)`,
      end: String.raw`"|${PARAGRAPH_END}`,
      name: 'string.quoted.double.news',
      beginCaptures: punctuationBegin,
      endCaptures: punctuationEnd,
      patterns: [{ include: '#quote-single-curly' }, { include: '#quote-single-straight' }],
    },
    'quote-single-curly': {
      comment:
        'A ‘ is a quote only in an opening position, not starting an elision (‘s, ‘90s), and when a closing ’ ' +
        '(after a non-space, not followed by a letter) comes later on the same line before any double quote ' +
        'mark. In-word apostrophes (world’s) do not close it; the look-ahead stops at any other mark, so it stays linear.',
      begin: String.raw`${OPEN_POS}‘(?!${ELISION})(?=\S)(?=(?:[^‘’“”"\n]|${N_WORD}|(?<=${LETTER})’(?=${LETTER}))*?[^\s‘]’(?!${LETTER}))`,
      end: String.raw`(?<=\S)’(?!${LETTER})|${PARAGRAPH_END}`,
      name: 'string.quoted.single.news',
      beginCaptures: punctuationBegin,
      endCaptures: punctuationEnd,
      patterns: [{ match: N_WORD }],
    },
    'quote-single-straight': {
      comment: "Same rules as ‘…’ with the straight ' (so country's and rock 'n' roll are not quotes).",
      begin: String.raw`${OPEN_POS}'(?!${ELISION})(?=\S)(?=(?:[^'‘’“”"\n]|${N_WORD}|(?<=${LETTER})'(?=${LETTER}))*?[^\s']'(?!${LETTER}))`,
      end: String.raw`(?<=\S)'(?!${LETTER})|${PARAGRAPH_END}`,
      name: 'string.quoted.single.news',
      beginCaptures: punctuationBegin,
      endCaptures: punctuationEnd,
      patterns: [{ match: N_WORD }],
    },
  },
};

const json = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (current !== json) {
    console.error(`${path.relative(process.cwd(), out)} is out of date: run node test/grammar/build-grammar.mjs`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(out, json);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
