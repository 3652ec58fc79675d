// Quote detection and attribution on small texts written for each case.

import * as assert from 'assert';
import * as fc from 'fast-check';
import { findQuotes, toReportQuotes, type MentionLike, type Quote } from '../../src/core/quotes';
import { REPORTING_VERBS, SOURCE_PREPOSITIONS } from '../../src/core/quotes/cues';

const texts = (qs: Quote[]) => qs.map((q) => q.text);
const names = (qs: Quote[]) => qs.map((q) => (q.speaker ? q.speaker.name : null));

function validate(text: string, qs: Quote[]): void {
  let last = -1;
  for (const q of qs) {
    assert.ok(q.open >= 0 && q.open < q.start && q.start < q.end && q.end <= text.length, `span ${JSON.stringify(q)}`);
    assert.strictEqual(text.slice(q.start, q.end), q.text);
    assert.ok(q.close === -1 || q.close >= q.end, 'close mark after the words');
    assert.ok(q.open > last, 'sorted and not overlapping');
    last = q.close >= 0 ? q.close : q.end - 1;
    if (q.speaker) {
      assert.ok(q.speaker.start >= 0 && q.speaker.end <= text.length && q.speaker.start < q.speaker.end);
      assert.strictEqual(text.slice(q.speaker.start, q.speaker.end), q.speaker.text);
    }
  }
}

describe('quotes: detection', () => {
  it('finds curly, straight and single-quoted passages', () => {
    const text = 'Officials called it a “new chapter”. “We will act now,” Ms Lee said. "It is done," said Tom Ward. She said it was ‘a very long night for everyone here’.';
    const qs = findQuotes(text);
    validate(text, qs);
    assert.deepStrictEqual(texts(qs), ['new chapter', 'We will act now,', 'It is done,', 'a very long night for everyone here']);
  });

  it('reads guillemets and low-high marks', () => {
    const text = 'Le ministre a déclaré : « Nous ne céderons pas ». Der Minister sagte: „Wir geben nicht auf“, und ging.';
    const qs = findQuotes(text);
    validate(text, qs);
    assert.deepStrictEqual(texts(qs), ['Nous ne céderons pas', 'Wir geben nicht auf']);
  });

  it('leaves apostrophes, possessives and elisions alone', () => {
    const text = [
      'President Joe Biden ‘s withdrawal and Biden ’s team surprised the allies’ diplomats.',
      'It don’t matter, said the band from the ’90s, and rock \'n\' roll fans\' favourite club agreed.',
      "The Smiths' house, the boss's car and the '05 vintage were sold.",
    ].join('\n\n');
    const qs = findQuotes(text);
    validate(text, qs);
    assert.deepStrictEqual(texts(qs), []);
  });

  it('keeps a plural possessive inside a single-quoted passage', () => {
    const text = "He called the deal 'the workers' best chance in years' on Monday.";
    const qs = findQuotes(text);
    assert.deepStrictEqual(texts(qs), ["the workers' best chance in years"]);
  });

  it('reads a headline in single quotes as a quote of its own paragraph, without a speaker', () => {
    const text = 'Minister Ana Ruiz said the plan was ready.\n\n‘Reshaping the order’\n\nThe talks ended on Friday.';
    const qs = findQuotes(text);
    assert.deepStrictEqual(texts(qs), ['Reshaping the order']);
    assert.strictEqual(qs[0].kind, 'speech');
    assert.strictEqual(qs[0].speaker, null);
  });

  it('reads marks broken the way real copy breaks them (`,“ … said. ”Now`)', () => {
    const text = '“We are standing at a turning point,“ Ms. Kamikawa said. ”Now is a critical phase.”';
    const qs = findQuotes(text);
    validate(text, qs);
    assert.deepStrictEqual(texts(qs), ['We are standing at a turning point,', 'Now is a critical phase.']);
    assert.deepStrictEqual(names(qs), ['Kamikawa', 'Kamikawa']);
  });

  it('reads paragraphs glued without a space after a closing mark', () => {
    const text = 'They described it as “the greatest challenge.”Japan is home to troops.“We are ready,” Mr. Kihara said.';
    const qs = findQuotes(text);
    assert.deepStrictEqual(texts(qs), ['the greatest challenge.', 'We are ready,']);
    assert.deepStrictEqual(names(qs)[1], 'Kihara');
  });

  it('joins a quote that continues into the next paragraph, and gives both parts its speaker', () => {
    const text = [
      'Mayor Carla Benz spoke on Friday.',
      '“We lost the bridge in the night and the water kept rising until dawn.',
      '“Nobody here has seen anything like it,” Benz said.',
    ].join('\n\n');
    const qs = findQuotes(text);
    validate(text, qs);
    assert.deepStrictEqual(texts(qs), ['We lost the bridge in the night and the water kept rising until dawn.', 'Nobody here has seen anything like it,']);
    assert.strictEqual(qs[0].close, -1);
    assert.strictEqual(qs[0].unclosed, false);
    assert.strictEqual(qs[1].continues, 0);
    assert.deepStrictEqual(names(qs), ['Benz', 'Benz']);
    assert.strictEqual(qs[0].speaker?.via, 'continued');
  });

  it('reads paragraphs of one quote glued into one line as a continued quote', () => {
    const text = '"We played well," Smith said. "I was in Italy last week and the crowd was small. "England were criticised for the draw. "You have to put a show on."';
    const qs = findQuotes(text);
    validate(text, qs);
    assert.deepStrictEqual(texts(qs), ['We played well,', 'I was in Italy last week and the crowd was small.', 'England were criticised for the draw.', 'You have to put a show on.']);
    assert.deepStrictEqual(qs.map((q) => q.continues), [-1, -1, 1, 2]);
    assert.deepStrictEqual(names(qs), ['Smith', 'Smith', 'Smith', 'Smith']);
  });

  it('reads an odd number of marks without throwing: an unclosed quote runs to the end of its paragraph', () => {
    const text = 'He said “this will never end. Then he left.\n\nNext paragraph with a stray ” mark and an orphan " too.';
    const qs = findQuotes(text);
    validate(text, qs);
    assert.deepStrictEqual(texts(qs), ['this will never end. Then he left.']);
    assert.strictEqual(qs[0].unclosed, true);
  });

  it('keeps the outer quote when quotes are nested', () => {
    const text = '“He told me ‘go away’ and then he left,” she said. “He said “no” to me twice,” Ana Ruiz said.';
    const qs = findQuotes(text);
    validate(text, qs);
    assert.deepStrictEqual(texts(qs), ['He told me ‘go away’ and then he left,', 'He said “no” to me twice,']);
  });

  it('handles a 1 MB paragraph of quotes and stray marks', function () {
    this.timeout(60000);
    const unit = 'He said “we will see what happens, don’t we?” and she replied, ‘not yet’, then “left. ';
    let big = '';
    while (big.length < 1 << 20) big += unit;
    const qs = findQuotes(big);
    assert.ok(qs.length > 10000);
    validate(big, qs.slice(0, 200));
  });

  it('handles 1 MB sentences of quotes without a cue, and of plural possessives (one pass each, not a scan back per quote)', function () {
    this.timeout(60000);
    let a = '';
    while (a.length < 1 << 20) a += 'and a "strong rebound" in exports and ';
    a += ', the bank said.';
    const qa = findQuotes(a);
    assert.ok(qa.length > 20000);
    validate(a, qa.slice(-200));
    let b = '';
    while (b.length < 1 << 20) b += "the players' coach and the fans' choice, \"we go\" said the clubs' boss and ";
    const qb = findQuotes(b);
    assert.ok(qb.length > 10000);
    validate(b, qb.slice(0, 200));
  });

  it('property: never throws and returns well-formed, ordered spans', function () {
    this.timeout(60000);
    const alphabet = fc.constantFrom(...'ab Xy.,!?\n“”"‘’\'—:'.split(''), ' said ', ' Smith ', ' he ', ' according to ', '\n\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 120 }), (parts) => {
        const text = parts.join('');
        validate(text, findQuotes(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('quotes: kind', () => {
  it('speech for reported words, term for labels and scare quotes', () => {
    const text = [
      'The so-called “2+2” talks covered what officials call “extended deterrence”.',
      'Beijing warned it would act if its “red line” is crossed.',
      'The minister said the plan “will protect every household in the valley”.',
      'She also voiced “strong opposition” and urged them to “stop now”.',
      'Critics said the scheme was “reckless”.',
    ].join('\n\n');
    const qs = findQuotes(text);
    assert.deepStrictEqual(
      qs.map((q) => [q.text, q.kind]),
      [
        ['2+2', 'term'],
        ['extended deterrence', 'term'],
        ['red line', 'term'],
        ['will protect every household in the valley', 'speech'],
        ['strong opposition', 'speech'],
        ['stop now', 'speech'],
        ['reckless', 'speech'],
      ],
    );
  });
});

describe('quotes: attribution', () => {
  const one = (text: string) => {
    const qs = findQuotes(text);
    validate(text, qs);
    return qs;
  };

  it('`X said`, `said X`, `X told reporters`, `X said:` and `according to X`', () => {
    assert.deepStrictEqual(names(one('“We will not back down,” Austin said.')), ['Austin']);
    assert.deepStrictEqual(names(one('“We will not back down,” said Lloyd Austin.')), ['Lloyd Austin']);
    assert.deepStrictEqual(names(one('“The deal is done,” Maria Lopez told reporters on Sunday.')), ['Maria Lopez']);
    assert.deepStrictEqual(names(one('Maria Lopez said: “The deal is done and we are moving on.”')), ['Maria Lopez']);
    assert.deepStrictEqual(names(one('According to Maria Lopez, the deal “will be signed before the end of the month”.')), ['Maria Lopez']);
    assert.deepStrictEqual(names(one('“Prices will fall,” according to the central bank.')), ['the central bank']);
    assert.deepStrictEqual(names(one('Bath need a scrum-half. Said Williams: "I did not really have to think twice about it."')), ['Williams']);
  });

  it('a sentence framed by `According to X,`: a partial quote in a later clause is X\'s, a quote its own verb introduces is not', () => {
    assert.deepStrictEqual(names(one('According to Dana Pike, the council has promised money for "three or four" new buses this year.')), ['Dana Pike']);
    assert.deepStrictEqual(names(one('According to the coach, the players have pledged a "clean slate" after the defeat.')), ['the coach']);
    // the clause's verb introduces the quote itself: the clause's subject speaks, the frame only reports it
    assert.deepStrictEqual(names(one('According to Dana Pike, the mayor said: "We will build them."')), ['the mayor']);
    assert.deepStrictEqual(names(one('According to Dana Pike, the mayor warned that "nothing is settled".')), ['the mayor']);
    // no frame at the sentence's start: the clause's own subject
    assert.deepStrictEqual(names(one('The council has promised money for "three or four" new buses, officials said.')).length, 1);
  });

  it('a pronoun agrees in gender with its antecedent when the text states one (`Mr`, `Mrs`, `spokeswoman`, `he`/`she`)', () => {
    assert.deepStrictEqual(names(one('Mrs Ann Hill chaired the meeting. Then Mr Tom Reed said the plan was late. She said: "It is not late at all."')), ['Ann Hill']);
    assert.deepStrictEqual(names(one('Mr Tom Reed chaired the meeting. Then Mrs Ann Hill said the plan was late. He said: "It is not late at all."')), ['Tom Reed']);
    // `she` does not follow a chain of `he`, and a person of unstated gender agrees with either
    assert.deepStrictEqual(names(one('Sam Cole opened the debate. "We are ready," she said.')), ['Sam Cole']);
    assert.deepStrictEqual(
      names(one('A council spokeswoman, Jo Park, spoke first. Then Mr Tom Reed said the plan was late. "It is late," he said. "It is not," she said.')),
      ['Tom Reed', 'Jo Park'],
    );
  });

  it('a name, then who they are, then the verb; doubled single marks as double marks', () => {
    const [a] = one('"The story is all about digital," Jeff Joseph, from the Consumer Electronics Association (CEA) told the BBC.');
    assert.strictEqual(a.speaker?.name, 'Jeff Joseph');
    assert.strictEqual(a.speaker?.role, 'from the Consumer Electronics Association (CEA)');
    const [b] = one("Newry were thrown out. ''A law firm will put a case for us,'' said Newry boss Roy McCreadie.");
    assert.strictEqual(b.text, 'A law firm will put a case for us,');
    assert.strictEqual(b.speaker?.name, 'Roy McCreadie');
    const [c] = one('The subject line reads "Urgent Tsunami Earthquake Appeal" and the text is poor.');
    assert.strictEqual(c.kind, 'term');
  });

  it('titles and appositions are roles, not part of the name', () => {
    const [a] = one('Japanese Foreign Minister Yoko Kamikawa said the talks were “a turning point for the region”.');
    assert.strictEqual(a.speaker?.name, 'Yoko Kamikawa');
    assert.strictEqual(a.speaker?.role, 'Japanese Foreign Minister');
    const [b] = one('PLA spokesman Zhang Xiaogang said Beijing would “take resolute measures”.');
    assert.strictEqual(b.speaker?.name, 'Zhang Xiaogang');
    assert.strictEqual(b.speaker?.role, 'PLA spokesman');
    const [c] = one('Craig Mark, a professor at Kyoritsu Women’s University, said: “Japan feels more threatened than ever.”');
    assert.strictEqual(c.speaker?.name, 'Craig Mark');
    assert.strictEqual(c.speaker?.role, 'a professor at Kyoritsu Women’s University');
    const [d] = one('Its chairman, Tom Briggs, said: “We have waited fifteen years for this.”');
    assert.strictEqual(d.speaker?.name, 'Tom Briggs');
    assert.strictEqual(d.speaker?.role, 'Its chairman');
  });

  it('resolves pronouns and short references to the speaker named before', () => {
    const text = [
      'Defence Secretary Lloyd Austin met his counterpart in Tokyo.',
      'He told reporters the upgrade was “not based on any threat from China”.',
      '“We have not ruled that out,” Mr. Austin said.',
      'The ministers said the plan aimed “to deepen cooperation in peacetime and in a crisis”.',
    ].join('\n\n');
    const qs = one(text);
    assert.deepStrictEqual(names(qs), ['Lloyd Austin', 'Austin', 'The ministers']);
    assert.strictEqual(qs[0].speaker?.text, 'He');
    assert.strictEqual(qs[0].speaker?.via, 'pronoun');
    assert.strictEqual(qs[0].speaker?.antecedent?.text, 'Defence Secretary Lloyd Austin');
    assert.strictEqual(qs[2].speaker?.text, 'The ministers');
    assert.strictEqual(qs[2].speaker?.mention, -1);
  });

  it('`it` and `they` go back to a body or a group', () => {
    const text = 'The statement accused China of coercion. It added that the behaviour “represents a serious challenge to the region”.\n\nThe defence chiefs expressed “grave concern”. They urged Pyongyang to “immediately cease such actions”.';
    assert.deepStrictEqual(names(one(text)), ['The statement', 'The defence chiefs', 'The defence chiefs']);
  });

  it('the second half of a split quote has the first half’s speaker', () => {
    const qs = one('“The command upgrade is historic,” Austin said. “These capabilities will advance our deterrence.”');
    assert.deepStrictEqual(names(qs), ['Austin', 'Austin']);
    assert.strictEqual(qs[1].speaker?.via, 'split');
  });

  it('a quote paragraph takes the speaker of the reporting paragraph before it', () => {
    const qs = one('Craig Mark, a professor, said the worries were warranted.\n\n“Japan does feel that it faces a more threatened environment.”');
    assert.deepStrictEqual(names(qs), ['Craig Mark']);
    assert.strictEqual(qs[0].speaker?.via, 'previous-paragraph');
  });

  it('a quote sentence takes the speaker of the reporting sentence before it in the same paragraph', () => {
    const qs = one('Mr Armes warned that developers still had to learn the medium. "In some ways we are trying to invent a new language."');
    assert.deepStrictEqual(names(qs), ['Armes']);
    assert.strictEqual(qs[0].speaker?.via, 'previous-sentence');
  });

  it('keeps the phrase when no person or organisation stands behind it', () => {
    const qs = one('“We remain committed to the alliance,” a Pentagon statement said.');
    assert.strictEqual(qs[0].speaker?.text, 'a Pentagon statement');
    assert.strictEqual(qs[0].speaker?.key, null);
  });

  it('leaves unattributed quotes without a speaker: no guessing from proximity', () => {
    const text = 'Austin arrived in Tokyo on Sunday. “This is a historic day for the alliance.”\n\nKamikawa met him at the airport.\n\n“The talks will be difficult and long.”';
    assert.deepStrictEqual(names(one(text)), [null, null]);
  });

  it('points the speaker at the entity mention it resolved to', () => {
    const text = 'US Defence Secretary Lloyd Austin spoke first. He said the plan “will change our military ties”.\n\n“We remain committed,” a Pentagon statement said.';
    const at = (s: string, type: string, key: string): MentionLike => {
      const start = text.indexOf(s);
      return { start, end: start + s.length, type, key, surface: s };
    };
    const mentions = [at('Lloyd Austin', 'PERSON', 'p:austin'), at('Pentagon', 'ORG', 'o:pentagon'), at('US', 'PLACE', 'l:us')];
    const qs = findQuotes(text, null, mentions);
    assert.deepStrictEqual(qs.map((q) => q.speaker?.key), ['p:austin', 'o:pentagon']);
    assert.strictEqual(qs[0].speaker?.name, 'Lloyd Austin');
    const report = toReportQuotes(qs, (_m, key) => (key ? `id-${key}` : null));
    assert.deepStrictEqual(report.map((r) => [r.kind, r.speaker, r.speakerName]), [
      ['speech', 'id-p:austin', 'Lloyd Austin'],
      ['speech', 'id-o:pentagon', 'Pentagon'],
    ]);
  });

  it('skips relative clauses and asides between the speaker and the verb', () => {
    assert.deepStrictEqual(names(one('Anna Berg, head of the regional water board, which runs the dams, said: "We opened the gates at noon."')), ['Anna Berg']);
    assert.deepStrictEqual(names(one('Some traders, however, who had sold early, continued to warn that the "rally cannot last much longer".')), ['Some traders']);
    assert.deepStrictEqual(names(one("Tom Hale, spokesman for the farmers' union, said: \"We are still counting the losses.\"")), ['Tom Hale']);
  });

  it('a trailing attribution closes a sentence that goes on after the quote', () => {
    const qs = one('Wages and a "strong rebound" in exports would lift growth next year, the central bank said. "The worst is over for now" for most firms, Ms Okoye added.');
    assert.deepStrictEqual(texts(qs), ['strong rebound', 'The worst is over for now']);
    assert.deepStrictEqual(qs.map((q) => q.kind), ['speech', 'speech']);
    assert.deepStrictEqual(names(qs), ['the central bank', 'Okoye']);
  });

  it('descriptions stand for the person named before (`the Old Trafford boss`, `the lawyer`)', () => {
    assert.deepStrictEqual(names(one('Pedro Alves praised his side. "It was a hard game," said the Lisbon boss.')), ['Pedro Alves']);
    assert.deepStrictEqual(names(one('Jane Moss said her client was innocent. The lawyer added that the police "knew" where he was.')), ['Jane Moss']);
    // an office named with `of` is not a back-reference
    assert.deepStrictEqual(names(one('Pedro Alves spoke first. "Rates stay," said the Bank of Portugal governor.')), ['the Bank of Portugal governor']);
  });

  it('a description without a name is a person for the pronouns after it', () => {
    const qs = one('The museum spokeswoman said the doors would reopen on Monday. "We expect long queues," she added.');
    assert.deepStrictEqual(names(qs), ['The museum spokeswoman']);
    assert.strictEqual(qs[0].speaker?.via, 'pronoun');
  });

  it('an unnamed spokesperson speaks for the principal the phrase names or the text has just named', () => {
    assert.deepStrictEqual(names(one('A Department of Health spokesperson said the government was "investing record sums" in the NHS.')), ['Department of Health']);
    assert.deepStrictEqual(names(one('A spokesman for Manchester\'s Trafford Centre said it was "the biggest Christmas to date".')), ['Trafford Centre']);
    // `she` resolves to the spokeswoman, whose principal is the centre
    assert.deepStrictEqual(names(one('The Trafford Centre spokeswoman said cars arrived early. "We predict the same trend," she added.')), ['Trafford Centre']);
    // a describing noun: the organisation named just before whose name ends in it
    assert.deepStrictEqual(names(one('According to the Environment Agency, the river rose. An agency spokeswoman said the wall was "a significant step".')), ['Environment Agency']);
    // a named spokesperson is the person; no principal in the text: the phrase
    assert.deepStrictEqual(names(one('"We are busy," spokesman Alan Jones said.')), ['Alan Jones']);
    assert.deepStrictEqual(names(one('"We are busy," a spokeswoman said.')), ['a spokeswoman']);
  });

  it('with mentions, a spokesperson takes the ORG mention of its principal, or the organisation just named', () => {
    const text = 'Rail operator Kyushu Railways suspended all services. A company spokesman said trains would not run "until the tracks have been inspected".';
    const at = (s: string, type: string): MentionLike => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type, key: s, surface: s });
    const [q] = findQuotes(text, null, [at('Kyushu Railways', 'ORG')]);
    assert.strictEqual(q.speaker?.name, 'Kyushu Railways');
    assert.strictEqual(q.speaker?.key, 'Kyushu Railways');
    assert.strictEqual(q.speaker?.role, 'A company spokesman');
    // a person mentioned in between is not the principal of `a company spokesman`
    const t2 = 'Kyushu Railways closed. Jo Ito said it was sad. "Trains will not run," a company spokesman said.';
    const at2 = (s: string, type: string): MentionLike => ({ start: t2.indexOf(s), end: t2.indexOf(s) + s.length, type, key: s, surface: s });
    assert.strictEqual(findQuotes(t2, null, [at2('Kyushu Railways', 'ORG'), at2('Jo Ito', 'PERSON')])[0].speaker?.name, 'Kyushu Railways');
    // an organisation named inside a quote is not the one that speaks
    const t3 = 'But the SFA would not give details. "Once Rangers receive our letter we will comment," added the spokesman.';
    const at3 = (s: string, type: string): MentionLike => ({ start: t3.indexOf(s), end: t3.indexOf(s) + s.length, type, key: s, surface: s });
    assert.strictEqual(findQuotes(t3, null, [at3('SFA', 'ORG'), at3('Rangers', 'ORG')])[0].speaker?.name, 'SFA');
    // `her spokesman` speaks for her, not for the organisation named last
    const t4 = 'Kim Clijsters missed the list. Open chief Paul McNamee was worried. But her spokesman said she had "simply delayed" her entry to the Australian Open.';
    const at4 = (s: string, type: string): MentionLike => ({ start: t4.indexOf(s), end: t4.indexOf(s) + s.length, type, key: s, surface: s });
    const ms4 = [at4('Kim Clijsters', 'PERSON'), at4('Paul McNamee', 'PERSON'), at4('Australian Open', 'ORG')];
    assert.notStrictEqual(findQuotes(t4, null, ms4)[0].speaker?.type, 'ORG');
  });

  it('an emphatic reflexive after the subject (`Henson himself says`) leaves the subject as the antecedent', () => {
    const qs = one('Gavin Henson kicked the winner. Coach Mike Ruddock praised him. Henson himself says he is relishing the hype. "I thrive on it," he said.');
    assert.deepStrictEqual(names(qs), ['Henson']);
  });

  it('an introductory phrase (`In a statement Google said`) is not part of the speaker', () => {
    const qs = one('Critics said the tool was a mistake. In a statement Google said the feature was a trial. It said: "Users can turn it off."');
    assert.deepStrictEqual(names(qs), ['Google']);
  });

  it('a quantity in words inside reported speech is speech, not a label', () => {
    const qs = one('Reid said the board had promised funds for "two or three" new signings.');
    assert.deepStrictEqual(qs.map((q) => q.kind), ['speech']);
    assert.deepStrictEqual(one('Officials praised the "2+2" talks.').map((q) => q.kind), ['term']);
  });

  it('partial quotes inside reported speech are speech, labels and names stay terms', () => {
    const qs = one('The association said shops were expecting the "best summer ever". It said its "red line" was crossed. Leaders vowed to keep a "free and open Baltic".');
    assert.deepStrictEqual(qs.map((q) => [q.text, q.kind]), [
      ['best summer ever', 'speech'],
      ['red line', 'term'],
      ['free and open Baltic', 'term'],
    ]);
    assert.strictEqual(qs[0].speaker?.name, 'The association');
  });

  it('a quote in a verb slot before a preposition is not a noun modifier', () => {
    const qs = one('But he did add that prices should "ease" throughout the year, said Karl Vos. Karl Vos said it.');
    assert.strictEqual(qs[0].kind, 'speech');
  });

  it('a headline ending in a quote is a claim (speech) without a speaker', () => {
    const qs = one("Rising rents 'push families out'\n\nRents rose 9% last year, the survey found.");
    assert.deepStrictEqual(qs.map((q) => [q.text, q.kind, q.speaker]), [['push families out', 'speech', null]]);
  });

  it('a stance sentence introduces the next quote paragraph; a plain sentence does not', () => {
    const qs = one('Dr Ines Roth, who was not involved in the work, was more cautious.\n\n"The sample is small and the effect may vanish."');
    assert.deepStrictEqual(names(qs), ['Ines Roth']);
    const none = one('Dr Ines Roth visited the site on Monday.\n\n"The sample is small and the effect may vanish."');
    assert.deepStrictEqual(names(none), [null]);
  });

  it('every paragraph of a glued multi-paragraph quote takes the speaker', () => {
    const qs = one('Coach Lena Dahl also hailed her goalkeeper. "She was superb today. "The defence held firm. "We go again on Sunday."');
    assert.deepStrictEqual(names(qs), ['Lena Dahl', 'Lena Dahl', 'Lena Dahl']);
  });

  it('manner verbs in inverted attributions (`smiles one broker`)', () => {
    assert.deepStrictEqual(names(one('"Call it a peace dividend," smiles one broker.')), ['one broker']);
  });

  it('a possessor before the name is not the speaker', () => {
    const text = "Acme's Jo Park said the prize was \"well deserved\".";
    const mentions: MentionLike[] = [
      { start: 0, end: 4, type: 'ORG', key: 'o:acme' },
      { start: 7, end: 14, type: 'PERSON', key: 'p:park' },
    ];
    const qs = findQuotes(text, null, mentions);
    assert.strictEqual(qs[0].speaker?.key, 'p:park');
    const wrongType: MentionLike[] = [{ start: 0, end: 4, type: 'PERSON', key: 'p:acme' }];
    assert.strictEqual(findQuotes(text, null, wrongType)[0].speaker?.name, 'Jo Park');
  });

  it('reporting verbs and cues are data', () => {
    assert.ok(REPORTING_VERBS.say.finite.includes('said'));
    for (const lemma of ['tell', 'add', 'warn', 'urge', 'state']) assert.ok(REPORTING_VERBS[lemma], lemma);
    assert.ok(SOURCE_PREPOSITIONS.includes('according to'));
  });
});
