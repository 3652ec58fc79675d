// Data, not logic: the words that tell the quote layer who is speaking and how a quote is used.
// The README lists these; extend them here (lower case, one entry per surface form).

/**
 * Reporting verbs, every form spelled out (no stemming at run time). `finite` forms take their
 * speaker as subject (`Austin said`, `said Austin`); `participle` forms hang off a clause whose
 * subject speaks (`…, adding that …`, `…, saying …`).
 */
export const REPORTING_VERBS: Record<string, { finite: string[]; participle: string[] }> = {
  say: { finite: ['say', 'says', 'said'], participle: ['saying'] },
  tell: { finite: ['tell', 'tells', 'told'], participle: ['telling'] },
  add: { finite: ['add', 'adds', 'added'], participle: ['adding'] },
  warn: { finite: ['warn', 'warns', 'warned'], participle: ['warning'] },
  urge: { finite: ['urge', 'urges', 'urged'], participle: ['urging'] },
  state: { finite: ['stated'], participle: ['stating'] },
  insist: { finite: ['insist', 'insists', 'insisted'], participle: ['insisting'] },
  stress: { finite: ['stressed'], participle: ['stressing'] },
  emphasise: { finite: ['emphasise', 'emphasises', 'emphasised', 'emphasize', 'emphasizes', 'emphasized'], participle: ['emphasising', 'emphasizing'] },
  explain: { finite: ['explain', 'explains', 'explained'], participle: ['explaining'] },
  note: { finite: ['noted'], participle: ['noting'] },
  claim: { finite: ['claimed'], participle: ['claiming'] },
  argue: { finite: ['argue', 'argues', 'argued'], participle: ['arguing'] },
  declare: { finite: ['declare', 'declares', 'declared'], participle: ['declaring'] },
  announce: { finite: ['announce', 'announces', 'announced'], participle: ['announcing'] },
  remark: { finite: ['remarked'], participle: ['remarking'] },
  comment: { finite: ['commented'], participle: ['commenting'] },
  acknowledge: { finite: ['acknowledge', 'acknowledges', 'acknowledged'], participle: ['acknowledging'] },
  admit: { finite: ['admit', 'admits', 'admitted'], participle: ['admitting'] },
  assert: { finite: ['assert', 'asserts', 'asserted'], participle: ['asserting'] },
  reiterate: { finite: ['reiterate', 'reiterates', 'reiterated'], participle: ['reiterating'] },
  write: { finite: ['write', 'writes', 'wrote'], participle: ['writing'] },
  tweet: { finite: ['tweeted'], participle: ['tweeting'] },
  confirm: { finite: ['confirm', 'confirms', 'confirmed'], participle: ['confirming'] },
  deny: { finite: ['deny', 'denies', 'denied'], participle: ['denying'] },
  predict: { finite: ['predict', 'predicts', 'predicted'], participle: ['predicting'] },
  suggest: { finite: ['suggest', 'suggests', 'suggested'], participle: ['suggesting'] },
  recall: { finite: ['recall', 'recalls', 'recalled'], participle: ['recalling'] },
  conclude: { finite: ['conclude', 'concludes', 'concluded'], participle: ['concluding'] },
  reply: { finite: ['replies', 'replied'], participle: ['replying'] },
  respond: { finite: ['responded'], participle: ['responding'] },
  answer: { finite: ['answered'], participle: ['answering'] },
  ask: { finite: ['ask', 'asks', 'asked'], participle: ['asking'] },
  vow: { finite: ['vow', 'vows', 'vowed'], participle: ['vowing'] },
  pledge: { finite: ['pledged'], participle: ['pledging'] },
  promise: { finite: ['promised'], participle: ['promising'] },
  concede: { finite: ['concede', 'concedes', 'conceded'], participle: ['conceding'] },
  complain: { finite: ['complain', 'complains', 'complained'], participle: ['complaining'] },
  caution: { finite: ['cautioned'], participle: ['cautioning'] },
  express: { finite: ['express', 'expresses', 'expressed'], participle: ['expressing'] },
  voice: { finite: ['voiced'], participle: ['voicing'] },
  accuse: { finite: ['accuse', 'accuses', 'accused'], participle: ['accusing'] },
  criticise: { finite: ['criticise', 'criticises', 'criticised', 'criticize', 'criticizes', 'criticized'], participle: ['criticising', 'criticizing'] },
  condemn: { finite: ['condemn', 'condemns', 'condemned'], participle: ['condemning'] },
  quote: { finite: ['quoted'], participle: ['quoting'] },
  reveal: { finite: ['revealed'], participle: ['revealing'] },
  report: { finite: ['reported'], participle: ['reporting'] },
  affirm: { finite: ['affirmed'], participle: ['affirming'] },
  boast: { finite: ['boast', 'boasts', 'boasted'], participle: ['boasting'] },
  joke: { finite: ['joked'], participle: ['joking'] },
  describe: { finite: ['describe', 'describes', 'described'], participle: ['describing'] },
  call: { finite: ['called'], participle: ['calling'] },
  demand: { finite: ['demanded'], participle: ['demanding'] },
  praise: { finite: ['praised'], participle: ['praising'] },
  dismiss: { finite: ['dismissed'], participle: ['dismissing'] },
  exclaim: { finite: ['muttered', 'shouted', 'cried', 'exclaimed', 'whispered', 'yelled', 'screamed'], participle: [] },
  continue: { finite: ['continued'], participle: [] },
  testify: { finite: ['testified'], participle: ['testifying'] },
  advise: { finite: ['advised'], participle: ['advising'] },
  counter: { finite: ['countered'], participle: ['countering'] },
  retort: { finite: ['retorted'], participle: [] },
  implore: { finite: ['implored'], participle: ['imploring'] },
  observe: { finite: ['observed'], participle: ['observing'] },
  // manner of speaking in inverted attributions (`“…,” smiles one broker`)
  smile: { finite: ['smiled', 'smiles'], participle: [] },
  laugh: { finite: ['laughed', 'laughs'], participle: [] },
  // praise that introduces the words of praise (`Ferguson also hailed Giggs and Keane. “Roy came on …”`)
  hail: { finite: ['hailed', 'hails'], participle: ['hailing'] },
  // `thanking the player for his “professionalism and commitment”`
  thank: { finite: ['thanked'], participle: ['thanking'] },
};

/** Phrases that put the source after them: `according to X`, `as per X`. */
export const SOURCE_PREPOSITIONS: string[] = ['according to', 'as per', 'in the words of', 'quoted by'];

/**
 * Cues that present a quote as a label, not as reported words (`the so-called “2+2”`, `what
 * they call “an evolving security environment”`, `known as “…”`).
 */
export const NAMING_CUES: string[] = [
  'so-called',
  'so called',
  'known as',
  'referred to as',
  'dubbed',
  'termed',
  'nicknamed',
  'labelled',
  'labeled',
  'branded',
  'titled',
  'entitled',
  'named',
  'the term',
  'the word',
  'the words',
  'the phrase',
  'the slogan',
  'the motto',
  'a term',
  'a phrase',
  // banners, signs and headlines: `placards reading “Homes, not hotels”`
  'reading',
  'reads',
  'headlined',
  'captioned',
];

/** `what X call(s|ed) “…”`: the verbs of that construction. */
export const NAMING_VERBS_AFTER_WHAT: string[] = ['call', 'calls', 'called', 'describe', 'describes', 'described', 'term', 'terms', 'termed', 'dub', 'dubs', 'dubbed', 'see', 'sees', 'saw', 'consider', 'considers', 'considered'];

/** Objects that often follow a reporting verb and are not the speaker (`told reporters`). */
export const HEARERS: string[] = [
  'reporters', 'journalists', 'the press', 'the media', 'the bbc', 'a news conference', 'a press conference',
  'parliament', 'lawmakers', 'mps', 'the committee', 'the court', 'the audience', 'the crowd', 'delegates',
  'supporters', 'the newspaper', 'the paper', 'radio', 'television', 'tv', 'the programme', 'the program',
];

/** Pronouns that stand for a speaker named earlier. */
export const SPEAKER_PRONOUNS: Record<string, 'person' | 'thing' | 'group' | 'self'> = {
  he: 'person', she: 'person', it: 'thing', they: 'group', we: 'self', i: 'self',
};

/** Honorifics before a name: not part of the speaker's name. */
export const HONORIFICS: string[] = ['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'rev', 'fr', 'sr', 'jr'];

/** Title and role words that stand before a name (`Foreign Minister Yoko Kamikawa`). */
export const TITLE_WORDS: string[] = [
  'president', 'vice', 'prime', 'minister', 'ministers', 'secretary', 'chancellor', 'foreign', 'defence', 'defense',
  'finance', 'home', 'state', 'trade', 'health', 'interior', 'justice', 'economy', 'energy', 'culture', 'sports',
  'chief', 'executive', 'officer', 'director', 'general', 'governor', 'senator', 'sen', 'rep', 'gov',
  'representative', 'congressman', 'congresswoman', 'mayor', 'spokesman', 'spokeswoman', 'spokesperson',
  'chairman', 'chairwoman', 'chair', 'ceo', 'cfo', 'coo', 'commissioner', 'ambassador', 'judge', 'justice',
  'king', 'queen', 'prince', 'princess', 'pope', 'coach', 'captain', 'manager', 'boss', 'professor', 'deputy',
  'acting', 'former', 'leader', 'commander', 'admiral', 'colonel', 'col', 'gen', 'general', 'lt', 'sergeant',
  'lieutenant', 'inspector', 'detective', 'premier', 'founder', 'co-founder', 'analyst', 'economist',
  'striker', 'midfielder', 'defender', 'goalkeeper', 'player', 'head', 'senior', 'team', 'party', 'opposition',
  'labour', 'conservative', 'tory', 'democrat', 'democratic', 'republican', 'liberal', 'shadow', 'mp', 'mep',
  'chief executive', 'ex', 'then', 'new', 'top', 'national', 'security', 'adviser', 'advisor', 'envoy',
  'cardinal', 'bishop', 'archbishop', 'rabbi', 'imam', 'sheikh', 'emir', 'general-secretary', 'secretary-general',
];

/** Nouns that make a name an organisation or place, not a person (`Foreign Ministry`). */
export const NON_PERSON_HEADS: string[] = [
  'ministry', 'department', 'office', 'committee', 'command', 'forces', 'force', 'agency', 'university', 'bank',
  'group', 'corp', 'corporation', 'inc', 'ltd', 'plc', 'company', 'council', 'union', 'association', 'party',
  'house', 'court', 'government', 'administration', 'commission', 'institute', 'foundation', 'fund', 'board',
  'army', 'navy', 'police', 'service', 'services', 'organisation', 'organization', 'club', 'league', 'federation',
  'times', 'post', 'news', 'journal', 'statement', 'report', 'newspaper', 'network', 'authority', 'authorities',
  'college', 'school', 'hospital', 'trust', 'museum', 'library', 'church', 'academy', 'society', 'institution',
  'kremlin', 'pentagon', 'whitehall', 'parliament', 'congress', 'senate', 'cabinet', 'embassy', 'center', 'centre',
];

/** Sentence-final-looking abbreviations that do not end a sentence. */
export const ABBREVIATIONS: string[] = [
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'lt', 'col', 'sgt', 'capt', 'gov', 'sen', 'rep', 'rev', 'jr',
  'sr', 'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft',
  'fig', 'approx', 'dept', 'est', 'adm', 'cmdr', 'maj', 'messrs',
];

/**
 * Heads of a definite description that stands for a person named before (`the Dane said`,
 * `the striker added`): resolved like `he`/`she`. `the 22-year-old` is recognised by its form.
 */
export const DESCRIPTORS: string[] = [
  // demonyms
  'american', 'briton', 'brit', 'englishman', 'englishwoman', 'scot', 'welshman', 'welshwoman', 'irishman', 'irishwoman',
  'dane', 'swede', 'norwegian', 'finn', 'pole', 'czech', 'slovak', 'hungarian', 'german', 'frenchman', 'frenchwoman',
  'spaniard', 'italian', 'portuguese', 'dutchman', 'dutchwoman', 'belgian', 'swiss', 'austrian', 'greek', 'turk',
  'russian', 'ukrainian', 'serb', 'croat', 'croatian', 'bosnian', 'romanian', 'bulgarian', 'australian', 'canadian',
  'argentine', 'argentinian', 'brazilian', 'chilean', 'colombian', 'mexican', 'japanese', 'chinese', 'korean',
  'indian', 'pakistani', 'kenyan', 'nigerian', 'ethiopian', 'egyptian', 'israeli', 'iranian', 'saudi', 'new zealander',
  'south african', 'kiwi', 'aussie',
  // roles and descriptions
  'striker', 'midfielder', 'defender', 'goalkeeper', 'keeper', 'winger', 'forward', 'captain', 'coach', 'manager',
  'boss', 'veteran', 'champion', 'teenager', 'youngster', 'rookie', 'chancellor', 'premier', 'president', 'minister',
  'senator', 'congressman', 'congresswoman', 'governor', 'mayor', 'actor', 'actress', 'singer', 'star', 'director',
  'author', 'novelist', 'economist', 'analyst', 'scientist', 'researcher', 'professor', 'judge', 'billionaire',
  'businessman', 'businesswoman', 'entrepreneur', 'founder', 'chairman', 'chairwoman', 'pontiff', 'monarch',
  'lawyer', 'attorney', 'barrister', 'solicitor', 'prosecutor', 'agent', 'doctor', 'surgeon', 'chiropractor', 'physio',
  'skipper', 'referee', 'athlete', 'sprinter', 'hurdler', 'runner', 'golfer', 'boxer', 'cyclist', 'driver', 'jockey',
  'batsman', 'bowler', 'playmaker', 'frontman', 'owner', 'executive', 'chief',
];

/**
 * Heads that make a description a person when no name comes with it (`the Trafford Centre
 * spokeswoman said … “…,” she added`): an antecedent for `he`/`she`, not a thing.
 */
export const PERSON_NOUNS: string[] = [
  'spokesman', 'spokeswoman', 'spokesperson', 'official', 'broker', 'trader', 'dealer', 'investor', 'resident',
  'witness', 'worker', 'employee', 'source', 'insider', 'expert', 'observer', 'commentator', 'campaigner', 'activist',
  'organiser', 'organizer', 'shopper', 'customer', 'passenger', 'fan', 'supporter', 'voter', 'pensioner', 'student',
  'teacher', 'nurse', 'officer', 'victim', 'survivor', 'mother', 'father', 'man', 'woman', 'boy', 'girl', 'tester',
  'engineer', 'consultant', 'adviser', 'advisor', 'strategist', 'negotiator', 'diplomat', 'envoy', 'ambassador',
];

/**
 * Stance predicates that introduce the next quote paragraph as their subject's words, as a
 * reporting verb would (`Prof Lindqvist … was more cautious.` / `“The data are very good …”`).
 * Read after a linking verb (`was`, `is`, `remained`), optionally after `more`/`less`/`very`/`far`.
 */
export const STANCE_WORDS: string[] = [
  'cautious', 'sceptical', 'skeptical', 'optimistic', 'pessimistic', 'upbeat', 'downbeat', 'blunt', 'forthright',
  'unconvinced', 'unimpressed', 'confident', 'critical', 'scathing', 'adamant', 'defiant', 'emphatic', 'positive',
  'bullish', 'bearish', 'gloomy', 'hopeful', 'candid', 'frank', 'philosophical', 'dismissive', 'measured', 'guarded',
];

/**
 * Heads of a plural description of people named together before (`the ministers said`, `the two
 * leaders said`, `both men said`): the speaker stays the phrase and lists the people as its group.
 */
export const GROUP_HEADS: string[] = [
  'ministers', 'leaders', 'presidents', 'premiers', 'secretaries', 'chiefs', 'counterparts', 'envoys', 'diplomats',
  'men', 'women', 'pair', 'duo', 'trio', 'couple', 'brothers', 'sisters', 'founders', 'candidates', 'rivals',
];

/**
 * An unnamed spokesperson speaks for a principal, and the principal is the speaker (fixtures
 * README): `a Department of Health spokesperson` -> the Department of Health.
 */
export const SPOKESPERSON_NOUNS: string[] = ['spokesman', 'spokeswoman', 'spokesperson', 'spokesmen', 'spokeswomen', 'spokespeople', 'spokespersons'];

/**
 * Nouns that describe the organisation just named without naming it (`A company spokesman` after
 * `Rail operator JR Kyushu …`): any organisation fits. Other describing nouns (`an agency
 * spokeswoman`) must be the last word of the organisation's name (`Environment Agency`).
 */
export const GENERIC_ORG_NOUNS: string[] = [
  'company', 'firm', 'group', 'operator', 'business', 'corporation', 'organisation', 'organization', 'retailer',
  'manufacturer', 'carrier', 'airline', 'bank', 'insurer', 'charity', 'club', 'team', 'party', 'government', 'ministry',
];
