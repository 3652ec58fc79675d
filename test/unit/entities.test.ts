// Entities (issue 5): every person, organisation and place in the five seed articles with its
// identity across files and spellings, written from reading the seeds; then the rules one by one on
// small texts; the knowledge file; the resolver.
import * as assert from 'assert';
import * as fc from 'fast-check';
import { analyzeDocument } from '../../src/core/article';
import {
  recognizeEntities,
  resolveEntities,
  parseKnowledgeFile,
  EntityResolver,
  EntityMention,
  Resolution,
} from '../../src/core/entities';
import { abbreviatesStrict } from '../../src/core/entities/recognize';
import { readSeeds } from './sharedFiles';

type Seed = '000' | '001' | '002' | '003' | '004';

/**
 * One real-world entity: its type and, per seed, the surfaces under which it must be found there
 * (each at least once). All of them must get one corpus id; `id` when the test fixes it.
 */
interface Expected {
  type: 'PERSON' | 'ORG' | 'PLACE';
  id?: string;
  in: Partial<Record<Seed, string[]>>;
}

const EXPECTED: Record<string, Expected> = {
  // people
  blinken: { type: 'PERSON', id: 'person:antony-blinken', in: { '000': ['Antony Blinken'], '002': ['Antony Blinken'], '003': ['Antony Blinken', 'Blinken'], '004': ['Anthony Blinken', 'Antony Blinken', 'Blinken'] } },
  austin: { type: 'PERSON', id: 'person:lloyd-austin', in: { '000': ['Lloyd Austin', 'Austin'], '001': ['Lloyd Austin', 'Austin'], '002': ['Lloyd Austin', 'Austin'], '003': ['Lloyd Austin', 'Austin'], '004': ['Lloyd Austin', 'Austin'] } },
  kamikawa: { type: 'PERSON', id: 'person:yoko-kamikawa', in: { '000': ['Yoko Kamikawa', 'Kamikawa'], '001': ['Yoko Kamikawa'], '002': ['Yoko Kamikawa', 'Kamikawa'], '003': ['Yoko Kamikawa'], '004': ['Yoko Kamikawa', 'Kamikawa Yoko', 'Kamikawa'] } },
  kihara: { type: 'PERSON', id: 'person:minoru-kihara', in: { '000': ['Minoru Kihara'], '002': ['Minoru Kihara', 'Kihara'], '003': ['Minoru Kihara', 'Kihara'], '004': ['Kihara Minoru'] } },
  biden: { type: 'PERSON', id: 'person:joe-biden', in: { '000': ['Joe Biden'], '002': ['Joe Biden', 'Biden'], '003': ['Biden'] } },
  kishida: { type: 'PERSON', in: { '002': ['Fumio Kishida'], '004': ['Fumio Kishida'] } },
  shin: { type: 'PERSON', in: { '002': ['Shin Won-sik', 'Shin'], '003': ['Shin Won-sik'] } },
  putin: { type: 'PERSON', in: { '001': ['Vladimir Putin'], '004': ['Vladimir Putin'] } },
  craigMark: { type: 'PERSON', in: { '001': ['Craig Mark'] } },
  zhang: { type: 'PERSON', in: { '003': ['Zhang Xiaogang', 'Zhang'] } },
  lai: { type: 'PERSON', in: { '003': ['William Lai Ching-te'], '004': ['Lai Ching-te'] } },
  wangYi: { type: 'PERSON', in: { '003': ['Wang Yi', 'Wang'] } },
  miller: { type: 'PERSON', in: { '004': ['Matthew Miller'] } },
  yamaguchi: { type: 'PERSON', in: { '002': ['Mari Yamaguchi'] } },
  harris: { type: 'PERSON', in: { '004': ['Kamala Harris'] } },
  // organisations
  usfj: { type: 'ORG', id: 'org:us-forces-japan', in: { '000': ['US Forces Japan', 'USFJ', 'U.S. Forces Japan'], '001': ['US Forces Japan'], '002': ['U.S. Forces Japan', 'USFJ'], '003': ['US Forces Japan', 'USFJ'] } },
  indopacom: { type: 'ORG', in: { '000': ['US Indo-Pacific Command', 'INDOPACOM'], '001': ['Indo-Pacific Command', 'INDOPACOM'], '002': ['U.S. Indo-Pacific Command', 'INDOPACOM'], '003': ['US Indo-Pacific Command', 'Indo-Pacific Command'], '004': ['US Indo-Pacific Command'] } },
  scc: { type: 'ORG', in: { '000': ['Japan-US Security Consultative Committee'], '002': ['Japan–U.S. Security Consultative Committee'], '004': ['US-Japan Security Consultative Committee', 'Security Consultative Committee'] } },
  pla: { type: 'ORG', in: { '003': ['People’s Liberation Army', 'PLA'] } },
  chinaMofa: { type: 'ORG', in: { '001': ['Ministry of Foreign Affairs'] } },
  japanMofa: { type: 'ORG', in: { '000': ['Foreign Ministry'] } },
  reuters: { type: 'ORG', in: { '001': ['Reuters'], '003': ['Reuters'] } },
  ap: { type: 'ORG', in: { '000': ['AP'] } },
  kyoritsu: { type: 'ORG', in: { '001': ['Kyoritsu Women’s University'] } },
  pentagon: { type: 'ORG', in: { '003': ['Pentagon'] } },
  jsdf: { type: 'ORG', in: { '003': ['Japanese Self-Defence Forces'] } },
  jsdfJoc: { type: 'ORG', in: { '004': ['Japan Self-Defence Forces Joint Operations Command'] } },
  stateDept: { type: 'ORG', in: { '004': ['US State Department'] } },
  usNavy: { type: 'ORG', in: { '002': ['U.S. Navy'] } },
  newsx: { type: 'ORG', in: { '004': ['Newsx'] } }, // the outlet, in its syndication notice
  airForce: { type: 'ORG', in: { '002': ['Air Force'] } },
  // places
  us: { type: 'PLACE', id: 'place:united-states', in: { '000': ['US', 'U.S.', 'United States'], '001': ['US', 'United States'], '002': ['U.S.', 'United States'], '003': ['US', 'United States'], '004': ['US', 'United States'] } },
  japan: { type: 'PLACE', id: 'place:japan', in: { '000': ['Japan', 'JAPAN'], '001': ['Japan'], '002': ['Japan'], '003': ['Japan'], '004': ['Japan'] } },
  china: { type: 'PLACE', id: 'place:china', in: { '000': ['China'], '001': ['China'], '002': ['China'], '003': ['China'], '004': ['China'] } },
  tokyo: { type: 'PLACE', in: { '000': ['Tokyo'], '001': ['Tokyo'], '002': ['TOKYO', 'Tokyo'], '003': ['Tokyo'], '004': ['Tokyo'] } },
  beijing: { type: 'PLACE', in: { '000': ['Beijing'], '001': ['Beijing'], '003': ['Beijing'] } },
  washington: { type: 'PLACE', in: { '000': ['Washington'], '001': ['Washington'], '002': ['Washington'], '003': ['Washington'], '004': ['Washington'] } },
  hawaii: { type: 'PLACE', in: { '000': ['Hawaii'], '001': ['Hawaii'], '002': ['Hawaii'] } },
  yokota: { type: 'PLACE', in: { '000': ['Yokota'], '002': ['Yokota'] } },
  yokotaAB: { type: 'PLACE', in: { '004': ['Yokota Air Base'] } },
  taiwan: { type: 'PLACE', in: { '000': ['Taiwan'], '001': ['Taiwan'], '002': ['Taiwan'], '003': ['Taiwan'], '004': ['Taiwan'] } },
  taiwanStrait: { type: 'PLACE', in: { '004': ['Taiwan Strait'] } },
  scs: { type: 'PLACE', in: { '000': ['South China Sea'], '002': ['South China Sea'], '003': ['South China Sea'], '004': ['South China Sea'] } },
  scsPlural: { type: 'PLACE', in: { '000': ['South China Seas'], '001': ['South China Seas'], '002': ['South China Seas'] } },
  northKorea: { type: 'PLACE', in: { '000': ['North Korea'], '001': ['North Korea'], '002': ['North Korea'], '003': ['North Korea'], '004': ['North Korea'] } },
  southKorea: { type: 'PLACE', in: { '002': ['South Korea'], '003': ['South Korea'] } },
  russia: { type: 'PLACE', in: { '000': ['Russia'], '001': ['Russia'], '002': ['Russia'], '003': ['Russia'], '004': ['Russia'] } },
  ukraine: { type: 'PLACE', in: { '001': ['Ukraine'], '002': ['Ukraine'] } },
  moscow: { type: 'PLACE', in: { '001': ['Moscow'] } },
  pyongyang: { type: 'PLACE', in: { '001': ['Pyongyang'], '003': ['Pyongyang'] } },
  indoPacific: { type: 'PLACE', in: { '000': ['Indo-Pacific'], '001': ['Indo-Pacific'], '002': ['Indo-Pacific'], '003': ['Indo-Pacific'], '004': ['Indo-Pacific'] } },
  asiaPacific: { type: 'PLACE', in: { '000': ['Asia-Pacific'], '002': ['Asia-Pacific'] } },
  middleEast: { type: 'PLACE', in: { '002': ['Middle East'] } },
  singapore: { type: 'PLACE', in: { '002': ['Singapore'] } },
  laos: { type: 'PLACE', in: { '003': ['Laos'] } },
  philippines: { type: 'PLACE', in: { '003': ['Philippines'] } },
  hongKong: { type: 'PLACE', in: { '004': ['Hong Kong'] } },
  xinjiang: { type: 'PLACE', in: { '004': ['Xinjiang'] } },
  tibet: { type: 'PLACE', in: { '004': ['Tibet'] } },
  iikuraGH: { type: 'PLACE', in: { '003': ['Iikura Guest House'] } },
};

/** Capitalised words and phrases in the seeds that are not entities. */
const NOT_ENTITIES = [
  'Japanese', 'Chinese', 'American', 'Taiwanese', 'Russian', 'South Korean', 'East Asian', 'Asian',
  'March', 'May', 'June', 'April', 'December', 'November', 'Sunday', 'Saturday', 'Thursday',
  'State Antony', 'Secretary', 'Secretary of State', 'Defence Secretary', 'Foreign Minister', 'Prime Minister',
  'PAC-3', 'JASSM-ER', 'GDP', 'C2', 'UNCLOS', 'Extended Range', 'Tomahawk',
  'Advanced Medium-Range Air-to-Air Missiles', 'Joint Air-to-Surface Standoff Missiles',
  'United Nations Convention on the Law of the Sea', 'Related Stories', 'StoriesThe', 'Occasional Digest',
  'Explore', 'Settings', 'Reading Mode', 'Font Size', 'Language', 'Advertisement', 'READ', 'MORE', 'ALSO',
  'Source', 'Security Talks', 'Military Cooperation', 'Rising Threat', 'Upgrades', 'Focus', 'Threat',
  'Instead', 'Lately', 'Prompted', 'Meanwhile', 'Following', 'Immediately', 'Headquartered', 'Like', 'Both',
  'Published', 'Monday', 'Sep', 'Mon', 'Sat', 'Nov', 'West', 'East',
];

describe('entities: the five seeds', () => {
  const seeds = readSeeds();
  const names = [...seeds.keys()].sort() as Seed[];
  const docs = names.map((k) => {
    const text = seeds.get(k)!.text;
    return { path: seeds.get(k)!.name, outlet: k, text, mentions: recognizeEntities(text, analyzeDocument(text).paragraphs) };
  });
  const res: Resolution = resolveEntities(docs);
  const at = (seed: Seed) => names.indexOf(seed);

  it('every mention is a well-formed span of its text, sorted and not overlapping', () => {
    for (const d of docs) {
      let last = 0;
      for (const m of d.mentions) {
        assert.strictEqual(d.text.slice(m.start, m.end), m.surface);
        assert.ok(m.start >= last, `${d.path}: ${m.surface} overlaps`);
        assert.ok(m.surface.length > 0 && m.surface.trim() === m.surface);
        last = m.end;
      }
    }
  });

  for (const [name, e] of Object.entries(EXPECTED)) {
    it(`${name}: ${e.type} under every name it has, one id${e.id ? ' ' + e.id : ''}`, () => {
      const ids = new Set<string>();
      for (const [seed, surfaces] of Object.entries(e.in) as [Seed, string[]][]) {
        const di = at(seed);
        for (const surface of surfaces) {
          const hits = docs[di].mentions.map((m, mi) => ({ m, id: res.mentionIds[di][mi] })).filter((x) => x.m.surface === surface);
          assert.ok(hits.length > 0, `${seed}: ${JSON.stringify(surface)} not found`);
          for (const h of hits) {
            assert.strictEqual(h.m.type, e.type, `${seed}: ${surface} typed ${h.m.type}`);
            ids.add(h.id);
          }
        }
      }
      assert.deepStrictEqual([...ids].length, 1, `${name} split over ${JSON.stringify([...ids])}`);
      if (e.id) assert.strictEqual([...ids][0], e.id);
      const entity = res.entities.find((x) => x.id === [...ids][0])!;
      assert.strictEqual(entity.type, e.type);
    });
  }

  it('different entities get different ids (about sixty in all)', () => {
    const idOf = new Map<string, string>();
    for (const [name, e] of Object.entries(EXPECTED)) {
      const [seed, surfaces] = Object.entries(e.in)[0] as [Seed, string[]];
      const di = at(seed);
      const mi = docs[di].mentions.findIndex((m) => m.surface === surfaces[0]);
      idOf.set(name, res.mentionIds[di][mi]);
    }
    const seen = new Map<string, string>();
    for (const [name, id] of idOf) {
      assert.ok(!seen.has(id), `${name} and ${seen.get(id)} share ${id}`);
      seen.set(id, name);
    }
    assert.ok(idOf.size >= 55, `${idOf.size} entities`);
  });

  it('finds no junk: adjectives, titles alone, dates, weapons, menus and headline words are not entities', () => {
    for (const d of docs)
      for (const m of d.mentions) assert.ok(!NOT_ENTITIES.includes(m.surface), `${d.path}: ${m.type} ${JSON.stringify(m.surface)}`);
    // and nothing overlaps the weapon names
    for (const d of docs)
      for (const w of ['PAC-3', 'JASSM-ER', 'Air-to-Air Missiles']) {
        let i = d.text.indexOf(w);
        while (i >= 0) {
          assert.ok(!d.mentions.some((m) => m.start < i + w.length && m.end > i), `${d.path}: mention over ${w}`);
          i = d.text.indexOf(w, i + 1);
        }
      }
  });

  it('every mention of the seeds belongs to one of the expected entities, or to a short list of debatable ones', () => {
    // what the recogniser also finds, listed here so that a new find is seen: a placeholder for the
    // photo of the guesthouse (`Iikura guesthouse`), a ship (`INS Tabar`), `US-Japan Alliance` and its
    // short form `the Alliance` (a body's head word after `the`), `Washington, DC`.
    const debatable = new Set(['Iikura', 'INS', 'US-Japan Alliance', 'Alliance', 'DC']);
    const known = new Set<string>();
    for (const e of Object.values(EXPECTED)) for (const s of Object.values(e.in)) for (const x of s!) known.add(x);
    const extra: string[] = [];
    docs.forEach((d) => {
      for (const m of d.mentions) if (!known.has(m.surface) && !debatable.has(m.surface)) extra.push(`${d.path.slice(0, 3)} ${m.type} ${m.surface}`);
    });
    assert.deepStrictEqual(extra, []);
  });

  it('spans: honorifics and possessives are outside, the name inside', () => {
    const d2 = docs[at('002')];
    const mr = d2.text.indexOf('Mr. Austin');
    const m = d2.mentions.find((x) => x.start === mr + 4)!;
    assert.strictEqual(m.surface, 'Austin');
    assert.strictEqual(m.key, 'Lloyd Austin');
    const ms = d2.text.indexOf('Ms. Kamikawa');
    assert.strictEqual(d2.mentions.find((x) => x.start === ms + 4)?.key, 'Yoko Kamikawa');
    // `China’s` -> `China`; `Joe Biden ’s` -> `Joe Biden`
    const d0 = docs[at('000')];
    const cs = d0.text.indexOf('China’s');
    assert.deepStrictEqual(d0.mentions.filter((x) => x.start === cs).map((x) => x.surface), ['China']);
    const jb = d0.text.indexOf('Joe Biden ‘s');
    assert.strictEqual(d0.mentions.find((x) => x.start === jb)?.surface, 'Joe Biden');
  });

  it('roles: titles and appositions name the role; the title is not in the name', () => {
    const role = (seed: Seed, surface: string) => docs[at(seed)].mentions.find((m) => m.surface === surface && m.role)?.role;
    assert.strictEqual(role('000', 'Antony Blinken'), 'US Secretary of State');
    assert.strictEqual(role('004', 'Kihara Minoru'), 'Japanese Defence Minister');
    assert.strictEqual(role('003', 'Zhang Xiaogang'), 'PLA spokesman');
    assert.strictEqual(role('001', 'Lloyd Austin'), 'US Secretary of Defense');
    assert.strictEqual(role('002', 'Shin Won-sik'), 'South Korean Defense Minister');
    assert.strictEqual(role('004', 'Matthew Miller'), 'US State Department spokesperson');
    assert.match(role('001', 'Craig Mark') ?? '', /^international relations professor at Japan’s Kyoritsu Women’s University$/);
    const austin = res.entities.find((e) => e.id === 'person:lloyd-austin')!;
    assert.ok(austin.roles.includes('US Defence Secretary'));
    assert.ok(austin.roles.some((r) => /Secretary of Defen[cs]e/.test(r)));
  });

  it('corpus entries: canonical name, aliases, mentions per outlet', () => {
    const kihara = res.entities.find((e) => e.id === 'person:minoru-kihara')!;
    assert.strictEqual(kihara.name, 'Minoru Kihara');
    assert.ok(kihara.aliases.includes('Kihara Minoru') && kihara.aliases.includes('Kihara'));
    assert.deepStrictEqual(Object.keys(kihara.mentionsByOutlet).sort(), ['000', '002', '003', '004']);
    const usfj = res.entities.find((e) => e.id === 'org:us-forces-japan')!;
    assert.ok(usfj.aliases.includes('USFJ') && usfj.aliases.includes('U.S. Forces Japan'));
    const us = res.entities.find((e) => e.id === 'place:united-states')!;
    assert.strictEqual(us.name, 'United States');
  });
});

describe('entities: recognition rules', () => {
  const rec = (text: string) => recognizeEntities(text);
  const surfaces = (ms: EntityMention[]) => ms.map((m) => `${m.type}:${m.surface}`);

  it('honorifics with and without the dot stay outside the span and join the full name', () => {
    const ms = rec('Priya Raman, the mayor, spoke first. Later Ms Raman said the budget was tight, and Dr. Raman agreed.');
    assert.deepStrictEqual(surfaces(ms), ['PERSON:Priya Raman', 'PERSON:Raman', 'PERSON:Raman']);
    assert.ok(ms.every((m) => m.key === 'Priya Raman'));
  });

  it('a title before a name is its role; a title alone is nothing', () => {
    const ms = rec('The Finance Minister spoke. Later Finance Minister Ruth Okafor said rates would rise.');
    assert.deepStrictEqual(surfaces(ms), ['PERSON:Ruth Okafor']);
    assert.strictEqual(ms[0].role, 'Finance Minister');
  });

  it('family name first joins the same person', () => {
    const ms = rec('Prime Minister Tanaka Hiroshi arrived. Hiroshi Tanaka then met reporters, and Mr. Tanaka left.');
    assert.deepStrictEqual(new Set(ms.filter((m) => m.type === 'PERSON').map((m) => m.key)).size, 1);
  });

  it('once a name is a person, a later bare use is that person, not the city', () => {
    const person = rec('Senator Mary Houston spoke on Monday. Houston said the vote was close.');
    assert.deepStrictEqual(surfaces(person), ['PERSON:Mary Houston', 'PERSON:Houston']);
    const city = rec('The storm reached Houston on Monday, and officials in Houston closed schools.');
    assert.deepStrictEqual(surfaces(city), ['PLACE:Houston', 'PLACE:Houston']);
  });

  it('acronyms defined in parentheses join their long form; unknown technical acronyms are nothing', () => {
    const ms = rec('The Federal Aviation Administration (FAA) grounded the jets. The FAA said GDP and PAC-3 were not its business.');
    assert.deepStrictEqual(surfaces(ms), ['ORG:Federal Aviation Administration', 'ORG:FAA', 'ORG:FAA']);
    assert.ok(ms.every((m) => m.key === 'Federal Aviation Administration'));
    const weapon = rec('It bought Long Range Strike Missiles (LRSM) last year, and more LRSM later.');
    assert.deepStrictEqual(surfaces(weapon), []);
  });

  it('possessives: the mention is the name without its ’s or ’', () => {
    const ms = rec("Kenya’s president met Brazil's envoy and Thomas Harris’ lawyer.");
    assert.deepStrictEqual(surfaces(ms), ['PLACE:Kenya', 'PLACE:Brazil', 'PERSON:Thomas Harris']);
  });

  it('adjectives and sentence-initial words are not entities', () => {
    const ms = rec('Canadian and Mexican officials met. Officials said Canadian exports fell. Tariffs rose.');
    assert.deepStrictEqual(surfaces(ms), []);
  });

  it('a Title Case headline yields only known names', () => {
    const text = 'Markets Tumble As Fears Grow Over Trade With China\n\nShares fell in Tokyo on Friday.';
    assert.deepStrictEqual(surfaces(recognizeEntities(text, analyzeDocument(text).paragraphs)), ['PLACE:China', 'PLACE:Tokyo']);
  });

  it('seas, straits, bases and multi-word organisations', () => {
    const ms = rec('Ships crossed the Strait of Hormuz near Al Udeid Air Base, the Gulf Cooperation Council said, as the Arabian Sea calmed.');
    assert.deepStrictEqual(surfaces(ms), ['PLACE:Strait of Hormuz', 'PLACE:Al Udeid Air Base', 'ORG:Gulf Cooperation Council', 'PLACE:Arabian Sea']);
  });

  it('an organisation before a title is a mention of its own; particles stay in names; shouted headlines', () => {
    const ms = rec('The talks began. European Commission President Ursula von der Leyen and Turkish President Recep Tayyip Erdogan met in St. Louis.');
    assert.deepStrictEqual(surfaces(ms), ['ORG:European Commission', 'PERSON:Ursula von der Leyen', 'PERSON:Recep Tayyip Erdogan', 'PLACE:St. Louis']);
    assert.strictEqual(ms[1].role, 'European Commission President');
    const text = 'CHINA WARNS US OVER TAIWAN ARMS SALES\n\nThe row grew.';
    assert.deepStrictEqual(surfaces(recognizeEntities(text, analyzeDocument(text).paragraphs)), ['PLACE:CHINA', 'PLACE:US', 'PLACE:TAIWAN']);
  });

  it('never throws and always returns valid sorted spans (property)', () => {
    const alphabet = fc.constantFrom('A', 'b', 'Mr. ', 'U.S.', ' ', '’s', "'", '-', '(', 'ABC', ')', 'of', ' the ', '\n', '.', ',', 'Smith', 'Japan', '“', '”', 'é', '&');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), (parts) => {
        const text = parts.join('');
        const ms = recognizeEntities(text);
        let last = 0;
        for (const m of ms) {
          assert.ok(m.start >= last && m.end > m.start && m.end <= text.length);
          assert.strictEqual(text.slice(m.start, m.end), m.surface);
          last = m.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads a 1 MB paragraph of capitalised words and one of a single glued word without error', () => {
    assert.ok(Array.isArray(recognizeEntities('Alpha Beta Of Gamma '.repeat(52000))));
    assert.ok(Array.isArray(recognizeEntities('Abc-Def’s'.repeat(110000))));
  });

  // Rules added from the misses of the second held-out BBC set (test/fixtures/entities/bbc-gold-2.json).
  it('company head words and a word with a capital inside make an organisation, not a person', () => {
    const ms = rec('"It was a good day," said Tom Reed of Harbourside Asset Management. Analysts at Pemberton Economics agreed, and Frankfurt Re and KDD FinCom were cautious.');
    assert.deepStrictEqual(surfaces(ms), ['PERSON:Tom Reed', 'ORG:Harbourside Asset Management', 'ORG:Pemberton Economics', 'ORG:Frankfurt Re', 'ORG:KDD FinCom']);
  });

  it('a surname that is a common noun is the person only when the document names them in full', () => {
    assert.deepStrictEqual(surfaces(rec('Defender Luke Bridge was injured. Without Bridge the side struggled.')), ['PERSON:Luke Bridge', 'PERSON:Bridge']);
    assert.deepStrictEqual(surfaces(rec('Traffic stopped. Bridge repairs begin soon, and the Bridge will close.')), []);
  });

  it('a month that is a given name opens a name before a surname, but not after a preposition or a number', () => {
    assert.deepStrictEqual(surfaces(rec('The envoy, Jan Vorster, said the talks had stalled.')), ['PERSON:Jan Vorster']);
    assert.ok(!surfaces(rec('Rates rose in May Holdings said nothing.')).some((s) => s.startsWith('PERSON:May')));
  });

  it('an acronym in parentheses keeps the words joined by "and" that it spells as one name', () => {
    const ms = rec('A report by the Global Rail and Freight Council (GRFC) was published.');
    assert.deepStrictEqual(surfaces(ms), ['ORG:Global Rail and Freight Council', 'ORG:GRFC']);
    assert.strictEqual(ms[1].key, 'Global Rail and Freight Council');
  });

  it('words before a title that closes the run are a portfolio, not a person', () => {
    const ms = rec("The UN's Refugee Affairs Commissioner, Maria Lund, visited the camp.");
    assert.deepStrictEqual(surfaces(ms), ['ORG:UN', 'PERSON:Maria Lund']);
  });

  it('a possessive inside a place name and a compass letter before a place stay in the span', () => {
    assert.deepStrictEqual(surfaces(rec("They lost at St Mary's Park on Sunday.")), ["PLACE:St Mary's Park"]);
    const ms = rec('Markets fell in S Korea and N Korea closed its border.');
    assert.deepStrictEqual(ms.map((m) => `${m.surface}=${m.key}`), ['S Korea=South Korea', 'N Korea=North Korea']);
  });

  it('a playing position or a transfer makes a town a club; a country stays the national side', () => {
    const ms = rec('Scouts watched Grimsworth winger Dan Pike and France striker Luc Morel. Pike may join Leeds after the Leeds game.');
    assert.deepStrictEqual(surfaces(ms), ['ORG:Grimsworth', 'PERSON:Dan Pike', 'PLACE:France', 'PERSON:Luc Morel', 'PERSON:Pike', 'ORG:Leeds', 'ORG:Leeds']);
  });

  it('a company named by a state and a company head is shortened to the state name', () => {
    const ms = rec('Chips made by Ohio Semiconductor are cheaper. Ohio, which sells to carmakers, said demand was strong. Its plant in Ohio is busy.');
    assert.deepStrictEqual(surfaces(ms), ['ORG:Ohio Semiconductor', 'ORG:Ohio', 'PLACE:Ohio']);
    assert.strictEqual(ms[1].key, 'Ohio Semiconductor');
  });

  it('a digit-led name after an organisation noun is a company everywhere in the document', () => {
    const ms = rec('The deal with software firm 4tell was signed in 3rd place. Shares in 4tell rose 10km.');
    assert.deepStrictEqual(surfaces(ms), ['ORG:4tell', 'ORG:4tell']);
  });

  it('an acronym the lexicon knows for another body stands for the one the document names', () => {
    const ms = rec('Figures from the World Tourism Organisation were strong. The WTO said arrivals rose.');
    assert.deepStrictEqual(ms.map((m) => m.key), ['World Tourism Organisation', 'World Tourism Organisation']);
    assert.strictEqual(rec('The WTO said talks failed.')[0].key, 'World Trade Organization');
  });

  it('a continent is no given name; a sentence-initial description before a given name is left out', () => {
    assert.deepStrictEqual(surfaces(rec("The network's Africa Relief concert is in Lagos.")), ['PLACE:Africa', 'PLACE:Lagos']);
    assert.deepStrictEqual(surfaces(rec('Teenagers Tom Hale and Sam Ward could play.')), ['PERSON:Tom Hale', 'PERSON:Sam Ward']);
  });

  it('a long surname with two letters swapped is the person named in full', () => {
    const ms = rec('"It is bad," says Pedro Castellanos, an economist. Mr Castellanso says it may last.');
    assert.deepStrictEqual(ms.map((m) => m.key), ['Pedro Castellanos', 'Pedro Castellanos']);
  });

  // Rules added from the misses of the third held-out BBC set (bbc-gold-3.json) and errors reported from
  // the quotes layer.
  it('a team’s standing in a match makes a town a club, except after a place preposition', () => {
    const ms = rec('Mark Dunn put Leeds ahead early, and Leeds substitute Sam Cole made it two. Fans in Leeds cheered.');
    assert.deepStrictEqual(surfaces(ms), ['PERSON:Mark Dunn', 'ORG:Leeds', 'ORG:Leeds', 'PERSON:Sam Cole', 'PLACE:Leeds']);
  });

  it('a team sheet with substitutions lists players by surname; a squad label opens a list of players', () => {
    const text = 'Report\n\nWardle, Pikeman, Morrow, Hale (Dunmore 70), Coleby, Fenton (Grayling 81), Abbott.\n\nSubs not used: Hendry, Walshe.';
    const ms = recognizeEntities(text, analyzeDocument(text).paragraphs);
    assert.deepStrictEqual(surfaces(ms), ['Wardle', 'Pikeman', 'Morrow', 'Hale', 'Dunmore', 'Coleby', 'Fenton', 'Grayling', 'Abbott', 'Hendry', 'Walshe'].map((n) => 'PERSON:' + n));
  });

  it('a numeric character reference inside a name is read as its letter', () => {
    const ms = rec('Fans in S&#227;o Paulo cheered.');
    assert.deepStrictEqual(ms.map((m) => `${m.type}:${m.surface}=${m.key}`), ['PLACE:S&#227;o Paulo=Sao Paulo']);
  });

  it('a name in the possessive before a person’s full name is the organisation they speak for', () => {
    const ms = rec('"Prices will hold," said Brixo\'s Grant Pollard, a trader. Later Brixo said more.');
    assert.deepStrictEqual(surfaces(ms), ['ORG:Brixo', 'PERSON:Grant Pollard', 'ORG:Brixo']);
    // a name before a prize's noun is the prize's title, not a person
    assert.deepStrictEqual(surfaces(rec('It won at the Digital Brixo awards, said Brixo\'s Grant Pollard.')), ['ORG:Brixo', 'PERSON:Grant Pollard']);
  });

  it('company and club head words: utilities, builders, juniors, International', () => {
    const ms = rec('Southern Water said demand rose, DLF Builders said costs fell and Hollinger International agreed. He left Boca Juniors.');
    assert.deepStrictEqual(surfaces(ms), ['ORG:Southern Water', 'ORG:DLF Builders', 'ORG:Hollinger International', 'ORG:Boca Juniors']);
  });

  it('a sentence-initial description before an organisation noun is no name; an acronym before a place is a company', () => {
    assert.deepStrictEqual(surfaces(rec('Rail operator JR Kyushu suspended all services.')), ['ORG:JR Kyushu']);
  });

  it('`All` opens a club’s name; a ministry named by one word before its spokesperson', () => {
    const ms = rec('An All England club spokesperson and a Treasury spokesperson declined to comment, but Defense officials spoke.');
    assert.deepStrictEqual(surfaces(ms), ['ORG:All England', 'ORG:Treasury']);
  });

  it('newspapers after a capitalised The; `and` before The or after a listed item splits names', () => {
    assert.deepStrictEqual(surfaces(rec('Both The Independent and The Sun grew.')), ['ORG:Independent', 'ORG:Sun']);
    assert.deepStrictEqual(surfaces(rec('Rights went to Disney, Universal and Warner Bros last year.')), ['ORG:Disney', 'ORG:Universal', 'ORG:Warner Bros']);
  });

  it('a common word that heads organisations stays in their names', () => {
    const ms = rec('News International, which owns the News of the World, gave money to the Science Museum.');
    assert.deepStrictEqual(surfaces(ms), ['ORG:News International', 'ORG:News of the World', 'ORG:Science Museum']);
  });

  it('a club’s nickname is the club of that nickname the story names', () => {
    const ms = rec('Leicester lock Tom Hale will miss the game. The Tigers face Bath next.');
    assert.deepStrictEqual(ms.filter((m) => m.surface === 'Tigers').map((m) => `${m.type}=${m.key}`), ['ORG=Leicester']);
    assert.deepStrictEqual(surfaces(rec('Keepers fed the Tigers at noon.')), []);
  });

  it('share indexes, things after `an`, names after `of the` and a manager’s side', () => {
    assert.deepStrictEqual(surfaces(rec('The FTSE 100 fell, while the CAC 40 rose.')), []);
    assert.deepStrictEqual(surfaces(rec('Once logged onto an Evil Twin, data can be stolen.')), []);
    assert.ok(!surfaces(rec('Her blog, Queen of the Moors, grew.')).some((s) => s.startsWith('PERSON')));
    assert.deepStrictEqual(surfaces(rec('Fans chanted as Redknapp\'s side lost again.')), ['PERSON:Redknapp']);
  });

  it('one organisation under a one-letter slip, its first word or without its corporate word', () => {
    const ms = rec('Harlow Airlines cut jobs. A Harlow Airline pilot said Harlow was wrong. Vantage Games Studios and Vantage Game Studios agree. The Telegraph Group grew, and The Telegraph said so.');
    const keys = new Map(ms.map((m) => [m.surface, m.key]));
    assert.strictEqual(keys.get('Harlow'), 'Harlow Airlines');
    assert.strictEqual(keys.get('Harlow Airline'), 'Harlow Airlines');
    assert.strictEqual(keys.get('Vantage Game Studios'), 'Vantage Games Studios');
    assert.strictEqual(keys.get('Telegraph'), 'Telegraph Group');
    const heads = rec('The Telegraph Group was sold. The two Telegraph titles grew, said Telegraph executive Ann Lee. Bank staff left.');
    assert.deepStrictEqual(heads.map((m) => `${m.surface}=${m.key}`), ['Telegraph Group=Telegraph Group', 'Telegraph=Telegraph Group', 'Telegraph=Telegraph Group', 'Ann Lee=Ann Lee']);
  });

  it('an organisation’s first word opens a sentence; an acronym inside a portfolio is still named', () => {
    const ms = rec('Newbridge Capital bought the bank. Newbridge paid $1bn, said Sam Dearing, NUJ General Secretary.');
    assert.deepStrictEqual(surfaces(ms), ['ORG:Newbridge Capital', 'ORG:Newbridge', 'PERSON:Sam Dearing', 'ORG:NUJ']);
  });

  // Set 4's first run (test/fixtures/entities/README.md): general rules, each with its own case.
  it('a side of eleven with one substitution, the other side after a sheet, a capitalised squad label, the referee', () => {
    const text =
      'Report\n\nWardle, Pikeman, Morrow, Hale, Coleby, Fenton, Abbott, Dunmore, Grayling, Pell, Stroud (Hendry 70).\n\n' +
      'Subs Not Used: Walshe, Jordan, Kemble.\n\nAshby, Mills, Tranter, Bexley, Corran, Dorrit, Elsom, Fenwick, Garside.\n\nH Webb (S Yorkshire).';
    const ms = recognizeEntities(text, analyzeDocument(text).paragraphs);
    const people = ['Wardle', 'Pikeman', 'Morrow', 'Hale', 'Coleby', 'Fenton', 'Abbott', 'Dunmore', 'Grayling', 'Pell', 'Stroud', 'Hendry', 'Walshe', 'Jordan', 'Kemble', 'Ashby', 'Mills', 'Tranter', 'Bexley', 'Corran', 'Dorrit', 'Elsom', 'Fenwick', 'Garside', 'H Webb'];
    assert.deepStrictEqual(surfaces(ms), [...people.map((n) => 'PERSON:' + n), 'PLACE:S Yorkshire']);
    // without a sheet in the document, a list of places stays places
    assert.deepStrictEqual(surfaces(rec('Report\n\nFans came from Jordan, Kenya, Peru, Chile, Ghana and Fiji.')).filter((s) => !s.startsWith('PLACE')), []);
  });

  it('a city before City or Town is its club, and the club’s last word alone is that club', () => {
    const ms = rec('Manchester City hold Chelsea. City went ahead early, and Norwich Town fans sang. Mexico City was quiet.');
    assert.deepStrictEqual(ms.map((m) => `${m.type}:${m.surface}=${m.key}`), ['ORG:Manchester City=Manchester City', 'ORG:Chelsea=Chelsea', 'ORG:City=Manchester City', 'ORG:Norwich Town=Norwich Town', 'PLACE:Mexico City=Mexico City']);
    // two clubs sharing the word: `United` alone is neither
    assert.ok(!rec('Leeds United beat Manchester United. United fans left.').some((m) => m.surface === 'United'));
  });

  it('a given name and surname before `and` are a person, not half an organisation', () => {
    const ms = rec('The Manchester United wing joined former skipper Gary Speed and United team-mate Paul Scholes. Marks and Spencer Group fell.');
    assert.deepStrictEqual(surfaces(ms).slice(0, 4), ['ORG:Manchester United', 'PERSON:Gary Speed', 'ORG:United', 'PERSON:Paul Scholes']);
    assert.ok(surfaces(ms).includes('ORG:Marks and Spencer Group'));
  });

  it('a car’s model is no person: a lone capital letter ending it, a run after `the new`, a first word used bare after an article', () => {
    const ms = rec('The new Marlo was a hit. Sales of the Marlo Convertible rose, and the Cooper S costs more. Ann Hale bought a new Torva Deluxe.');
    assert.deepStrictEqual(surfaces(ms), ['PERSON:Ann Hale']);
    // two or three capitals without dots before one name: a company's or club's name
    assert.deepStrictEqual(surfaces(rec('Output at MG Rover fell, while AC Milan won.')), ['ORG:MG Rover', 'ORG:AC Milan']);
  });

  it('terms are not people: so-called names, a run given an acronym, compounds joined by a lower-case word; numerals and trims are not bodies', () => {
    const ms = rec('It uses so-called Personal Area Networks and a technology called Ultra Wideband (UWB). Distributed Denial-of-Service attacks grew. The England XV won. The Mercedes C180 SE costs more.');
    assert.deepStrictEqual(surfaces(ms), ['PLACE:England', 'ORG:Mercedes']);
    assert.deepStrictEqual(surfaces(rec('Said Joe Bloggs (JB) today.')).filter((x) => x.startsWith('PERSON')), ['PERSON:Joe Bloggs']);
  });

  it('a descriptor before a name is not part of it: a demonym with -man, Olympian, <demonym>-born', () => {
    const ms = rec('The heat went to Dutchman Piet Vermeer, ahead of Welshwoman Carys Pugh and Olympian Rob Dandy. The Kenyan-born Tom Okello was fourth, said Vermeer.');
    assert.deepStrictEqual(surfaces(ms), ['PERSON:Piet Vermeer', 'PERSON:Carys Pugh', 'PERSON:Rob Dandy', 'PERSON:Tom Okello', 'PERSON:Vermeer']);
    // the suffix alone does not make a descriptor: Norman, Chairman
    assert.deepStrictEqual(surfaces(rec('Norman Brent met Chairman Alan Tolley.')), ['PERSON:Norman Brent', 'PERSON:Alan Tolley']);
  });

  it('a name read as an organisation by its context is that organisation where only its shape said person', () => {
    const ms = rec("The drugs group Abel Harker said sales rose. Later Abel Harker cut jobs, and Abel Harker's finance chief left. Harker shares fell.");
    assert.deepStrictEqual(surfaces(ms), ['ORG:Abel Harker', 'ORG:Abel Harker', 'ORG:Abel Harker', 'ORG:Harker']);
    assert.ok(ms.every((m) => m.key === 'Abel Harker'));
    // an honorific still says person
    assert.ok(surfaces(rec('The drugs group Abel Harker grew. Mr Abel Harker, its founder, spoke.')).includes('PERSON:Abel Harker'));
  });

  it('a name in apposition to an organisation noun is an organisation; stores and vendors name companies', () => {
    const ms = rec('Analysts looked at Velkorp, a Latvian oil company that grew fast. Velkorp paid dividends. Upscale department store Marlowe said sales rose.');
    assert.deepStrictEqual(surfaces(ms), ['ORG:Velkorp', 'ORG:Velkorp', 'ORG:Marlowe']);
    // `a company director` describes a person
    assert.deepStrictEqual(surfaces(rec('The money went to Pendry, a company director. Pendry said nothing.')), ['PERSON:Pendry', 'PERSON:Pendry']);
  });

  it('a company name with a possessive or a small number before its head word; a project is no entity; a Roman numeral is no body', () => {
    const ms = rec("The chain Dora's Stores fell, and rival Quay 2 Imports grew. It runs a Bright Futures project for towns. Prices rose after World War II ended.");
    assert.deepStrictEqual(surfaces(ms), ["ORG:Dora's Stores", 'ORG:Quay 2 Imports']);
    assert.deepStrictEqual(surfaces(rec("Britain's Royal Navy sailed.")).slice(0, 1), ['PLACE:Britain']);
  });

  it('a host city or season before the Olympics is in the competition’s name; GB is the UK except as a unit after a number', () => {
    assert.deepStrictEqual(surfaces(rec('Crowds filled the Lisbon Olympics, and the Winter Olympic Games went to Oslo.')), ['ORG:Lisbon Olympics', 'ORG:Winter Olympic Games', 'PLACE:Oslo']);
    assert.deepStrictEqual(surfaces(rec('It will be hard for GB to win, said Tom Hale. The phone holds 40 GB of music.')), ['PLACE:GB', 'PERSON:Tom Hale']);
  });

  it('a family named by its surname is no one person; a name its clause calls `its` is an organisation', () => {
    assert.deepStrictEqual(surfaces(rec('Ann Pollard won again. It was a bad year for the Pollard sisters, said Pollard.')), ['PERSON:Ann Pollard', 'PERSON:Pollard']);
    assert.deepStrictEqual(surfaces(rec('But Velkorp only saw its sales rise, and analysts said Velkorp faced a stand-off.')), ['ORG:Velkorp', 'ORG:Velkorp']);
    // a sentence's first word is not read so: `Prior to its launch`
    assert.deepStrictEqual(surfaces(rec('Prior to its launch, the phone was tested.')), []);
  });

  it('a plural-looking acronym is the organisation the document names with it, otherwise nothing', () => {
    assert.deepStrictEqual(surfaces(rec('She won at the ABCs Championships, her third ABCs title. Sales of DVDs rose.')), ['ORG:ABCs Championships', 'ORG:ABCs']);
    assert.deepStrictEqual(surfaces(rec('Sales of DVDs and SUVs rose, and MPs voted.')), []);
  });

  it('a competition’s short name is the one the story names in full with its sport before it', () => {
    const ms = rec('Fiji won the Rugby World Cup in 2011 and the first Rugby Sevens World Cup. Fans recalled that World Cup win.');
    assert.deepStrictEqual(ms.filter((m) => m.type === 'ORG').map((m) => `${m.surface}=${m.key}`), ['Rugby World Cup=Rugby World Cup', 'Rugby Sevens World Cup=Rugby Sevens World Cup', 'World Cup=Rugby World Cup']);
    // alone, the World Cup keeps its own key
    assert.deepStrictEqual(rec('Brazil won the World Cup.').filter((m) => m.type === 'ORG').map((m) => m.key), ['World Cup']);
  });

  it('a body’s head word after `the` is the one body the story names with it (also a head before `of` or last)', () => {
    const ms = rec('Farmers appealed against a Pan-Andean Commission ruling to the Andean Court of Appeals. The Commission said little, and the Court will rule in May.');
    assert.deepStrictEqual(ms.map((m) => `${m.surface}=${m.key}`), ['Pan-Andean Commission=Pan-Andean Commission', 'Andean Court of Appeals=Andean Court of Appeals', 'Commission=Pan-Andean Commission', 'Court=Andean Court of Appeals']);
    // two bodies with one head: the bare head names neither
    assert.deepStrictEqual(surfaces(rec('The Harbour Commission and the Tariff Commission met. The Commission left.')), ['ORG:Harbour Commission', 'ORG:Tariff Commission']);
  });

  it('an acronym said as a word, in parentheses after a body’s name, is that body', () => {
    const ms = rec('The Nordic Standards Council (Nosc) met. Later Nosc approved the plan. A reporter (Tom) left.');
    assert.deepStrictEqual(ms.filter((m) => m.type === 'ORG').map((m) => `${m.surface}=${m.key}`), ['Nordic Standards Council=Nordic Standards Council', 'Nosc=Nordic Standards Council', 'Nosc=Nordic Standards Council']);
    // letters the name does not give, in order: not its acronym
    assert.ok(!rec('The Nordic Standards Council (Lumo) met.').some((m) => m.surface === 'Lumo' && m.key === 'Nordic Standards Council'));
  });

  it('trade-name shapes: a web address or dotted name, a digit inside a name, a maker before a model code; an inner capital is no person', () => {
    assert.deepStrictEqual(surfaces(rec('Broadband firm Zoomly.net and rival Nine.Tel cut prices, said analyst Ruth Okafor.')), ['ORG:Zoomly.net', 'ORG:Nine.Tel', 'PERSON:Ruth Okafor']);
    assert.deepStrictEqual(surfaces(rec('The boss of Surf4all said demand was strong.')), ['ORG:Surf4all']);
    assert.deepStrictEqual(surfaces(rec('Handsets like the Vantor K750 and the Zorin P910 sold well.')), ['ORG:Vantor', 'ORG:Zorin']);
    assert.deepStrictEqual(surfaces(rec('Analysts said QuickLeaf had a good year, QuickLeaf said.')), ['ORG:QuickLeaf', 'ORG:QuickLeaf']);
    // a sentence ended without its space, units and Mc-names are none of these
    assert.deepStrictEqual(surfaces(rec('Mary McCarthy said it ended.Then the 40GB model sold.')), ['PERSON:Mary McCarthy']);
  });

  it('brands, families, dates, peoples and saints: `Zephyr marque`, `the wealthy Okafor family`, `21st Century`, `Europeans`, `St Anselm software`', () => {
    assert.deepStrictEqual(surfaces(rec('The carmaker, known for its Zephyr Arrow marque, lost money.')), []);
    assert.deepStrictEqual(surfaces(rec('Tunde Okafor died. The bid was rejected by the wealthy Okafor family.')), ['PERSON:Tunde Okafor']);
    assert.deepStrictEqual(surfaces(rec('It will build a "21st Century network" soon.')), []);
    assert.deepStrictEqual(surfaces(rec('Fifty percent of Europeans said size mattered.')), []);
    assert.deepStrictEqual(surfaces(rec('"Money," said Gary Vance, spokesman for St Anselm software.')), ['PERSON:Gary Vance', 'ORG:St Anselm']);
  });

  it('a business unit’s head after a company (`Retail`, `Auto`) is in its name; a club noun opens a compound (`team-mate`)', () => {
    assert.deepStrictEqual(surfaces(rec('Profits rose at Zenda Retail, while Toyota Auto lost money.')), ['ORG:Zenda Retail', 'ORG:Toyota Auto']);
    // `Auto` alone heads no name
    assert.deepStrictEqual(surfaces(rec('He played Grand Theft Auto all night.')), []);
    assert.deepStrictEqual(surfaces(rec('Jamie Noon played well. His Newcastle team-mate Mathew Tait did not.')).slice(1), ['ORG:Newcastle', 'PERSON:Mathew Tait']);
  });

  it('long bodies’ names keep their `and`: two fields before a public body’s head, a ministry’s remit listed with commas', () => {
    assert.deepStrictEqual(surfaces(rec('A probe by the US Harbours and Shipping Commission began.')), ['ORG:US Harbours and Shipping Commission']);
    assert.deepStrictEqual(surfaces(rec('The Coastal Erosion Research and Monitoring Center said so.')), ['ORG:Coastal Erosion Research and Monitoring Center']);
    assert.deepStrictEqual(surfaces(rec('The Department for Fisheries, Forests and Upland Affairs agreed.')), ['ORG:Department for Fisheries, Forests and Upland Affairs']);
    // two named bodies, or a list of bodies, stay apart
    assert.deepStrictEqual(surfaces(rec('Shares in Velkorp Holdings and Norbank Bank fell.')), ['ORG:Velkorp Holdings', 'ORG:Norbank Bank']);
    assert.deepStrictEqual(surfaces(rec('The Council of Harbour Pilots, Coastal Skippers Association and Ferry Owners Association met.')), ['ORG:Council of Harbour Pilots', 'ORG:Coastal Skippers Association', 'ORG:Ferry Owners Association']);
    assert.deepStrictEqual(surfaces(rec('The Ministry of Health, Wales and Scotland met.')), ['ORG:Ministry of Health', 'PLACE:Wales', 'PLACE:Scotland']);
  });

  it('a given name alone inside a sentence is a person; a one-word name printed with a dot is a list mate; a known name after a lower-case prefix', () => {
    assert.deepStrictEqual(surfaces(rec('We lost after the injuries to Martin and Gordon, but it was great work by Martin.')), ['PERSON:Martin', 'PERSON:Gordon', 'PERSON:Martin']);
    // not an article's object, a place, a demonym's list or a word the text writes in lower case
    assert.deepStrictEqual(surfaces(rec('They met in Jordan. The grant was a grant, said the Grant. Both Muslim and Christian leaders came.')), ['PLACE:Jordan']);
    assert.deepStrictEqual(surfaces(rec('Carriers such as VoxLine and Nine.Tel route calls.')), ['ORG:VoxLine', 'ORG:Nine.Tel']);
    assert.deepStrictEqual(surfaces(rec('Calls cross non-BT networks and an anti-Microsoft campaign grew.')), ['ORG:BT', 'ORG:Microsoft']);
  });

  it('products by their shape (`Zing+ box`, `the QX II`), a stake held in a company, a club before a compound club noun', () => {
    assert.deepStrictEqual(surfaces(rec('Boxes like the Zing+ box and phones like the QX II sold well.')), []);
    assert.deepStrictEqual(surfaces(rec('It adopted Digital Radio Transmission Handheld (DRT-H) and the Digital Kiosk Network, funded by the Digital Access Fund.')), ['ORG:Digital Access Fund']);
    assert.deepStrictEqual(surfaces(rec('Korra sold its unit. Velaro, in which Korra owns a majority stake, will float.')).filter((m) => m.includes('Velaro')), ['ORG:Velaro']);
    assert.deepStrictEqual(surfaces(rec('It sold the car. Velaro, in which the paint was fresh, went fast.')), []);
    assert.deepStrictEqual(surfaces(rec('The Leeds fly-half-cum-centre is likely to start.')), ['ORG:Leeds']);
    // `side-effects` is no side
    assert.deepStrictEqual(surfaces(rec('Patients on Zyvex side-effects reported.')).filter((m) => m.startsWith('ORG')), []);
  });

  it('`aka` gives a person a second name; a first name with the surname in brackets is one person', () => {
    const ms = rec('The hacker Tomas Varga, aka Zed from a forum, retired. Zed said little. Later Martin (McAlister) was calm at half-time.');
    assert.deepStrictEqual(ms.filter((m) => m.type === 'PERSON').map((m) => `${m.surface}=${m.key}`), ['Tomas Varga=Tomas Varga', 'Zed=Tomas Varga', 'Zed=Tomas Varga', 'Martin=Martin McAlister', 'McAlister=Martin McAlister']);
    // a place in brackets after a place is no surname
    assert.deepStrictEqual(surfaces(rec('They flew to Paris (France) at once.')), ['PLACE:Paris', 'PLACE:France']);
  });
});

describe('entities: rules after set 7 (invented cases)', () => {
  const rec = (text: string) => recognizeEntities(text, analyzeDocument(text).paragraphs);
  const surfaces = (ms: EntityMention[]) => ms.map((m) => `${m.type}:${m.surface}`);

  it('a squad list of `Initial Surname (Affiliation)` items: the person and the club as printed; a place in brackets stays a place', () => {
    const text = 'Team named for the indoor meeting.\n\n60m: R Tolland (Kestrel Harriers), P Mawby (Dunmore and Fenwick), Sam Okoro (Lowfield AAC).\n\nB Arkwright (Marsh, Lydd and Brook AC). High jump: T Venn (Hollins Beagles).\n\nC Dorran (Ashby AC), H Pell (Canada).';
    assert.deepStrictEqual(surfaces(rec(text)), [
      'PERSON:R Tolland', 'ORG:Kestrel Harriers', 'PERSON:P Mawby', 'ORG:Dunmore and Fenwick', 'PERSON:Sam Okoro', 'ORG:Lowfield AAC',
      'PERSON:B Arkwright', 'ORG:Marsh, Lydd and Brook AC', 'PERSON:T Venn', 'ORG:Hollins Beagles', 'PERSON:C Dorran', 'ORG:Ashby AC', 'PERSON:H Pell', 'PLACE:Canada',
    ]);
    // players' countries: an unknown abbreviation among them is not read as a club
    const countries = 'Squad.\n\nC Lathe (Australia); B Lomu (Samoa), J Fouch (Aus), T Umbe (New Zealand), S Bobb (Fiji), A Mehr (Aus, capt).';
    assert.deepStrictEqual(surfaces(rec(countries)).filter((m) => !m.startsWith('PERSON')), ['PLACE:Australia', 'PLACE:Samoa', 'PLACE:New Zealand', 'PLACE:Fiji']);
    // prose with one bracket is no list
    assert.deepStrictEqual(surfaces(rec('The chairman, Tom Ridley (Labour), spoke first.')).filter((m) => m.includes('Labour')), []);
    // club head words name clubs anywhere
    assert.deepStrictEqual(surfaces(rec('He ran for Kestrel Harriers and later Ashby AC.')), ['ORG:Kestrel Harriers', 'ORG:Ashby AC']);
  });

  it('a team sheet of bare surnames is a list of people when several of them are people the story names; a full name before a scoring act', () => {
    const text = 'Tomas Varga kicked a Pietro Zanolli penalty back. Dario Feltri scored, and Marco Benzi and Luca Orsetti ran hard.\n\nVarga; Feltri, Quarto, Benzi, Orsetti; Zanolli, Brenta; Lupo, Caradon, Teschi.\n\nMolari, Pevere, Santin, Gobbo, Rastelli.';
    const ps = surfaces(rec(text)).filter((m) => m.startsWith('PERSON'));
    assert.deepStrictEqual(ps.slice(0, 5), ['PERSON:Tomas Varga', 'PERSON:Pietro Zanolli', 'PERSON:Dario Feltri', 'PERSON:Marco Benzi', 'PERSON:Luca Orsetti']);
    assert.deepStrictEqual(ps.slice(5), ['Varga', 'Feltri', 'Quarto', 'Benzi', 'Orsetti', 'Zanolli', 'Brenta', 'Lupo', 'Caradon', 'Teschi', 'Molari', 'Pevere', 'Santin', 'Gobbo', 'Rastelli'].map((w) => 'PERSON:' + w));
    // a list of capitalised words that names no known person, or holds a place, stays unread
    assert.deepStrictEqual(surfaces(rec('Fabrics on sale.\n\nVelvet, Linen, Satin, Tweed, Denim.')), []);
    assert.deepStrictEqual(surfaces(rec('Tomas Varga met Dario Feltri and Marco Benzi.\n\nVarga, Feltri, Benzi, Paris, Quarto.')).filter((m) => m === 'PERSON:Quarto'), []);
  });

  it('a web service named after `search engine` or `portal`, or before `founder`, is an organisation everywhere in the story', () => {
    const ms = rec('Called Quorble, it reads results aloud. According to search engine Zippo Finds, most surfers start there. "It is fine," said Quorble founder Ann Tarry. People visiting Quorble like it, and web portal Vexa agrees.');
    assert.deepStrictEqual(surfaces(ms), ['ORG:Quorble', 'ORG:Zippo Finds', 'ORG:Quorble', 'PERSON:Ann Tarry', 'ORG:Quorble', 'ORG:Vexa']);
    // an engine of another kind is no cue
    assert.deepStrictEqual(surfaces(rec('The game uses the graphics engine Tarn.')), []);
  });

  it('a company named by its own word is the one name the story gives it with a word saying what it makes', () => {
    const ms = rec('Independent game makers, Zelkor Games, are for sale. Zelkor warned it was short of cash. Software firm QRX Systems backs it, and QRX says so. The Athens Games are over.');
    assert.deepStrictEqual(ms.map((m) => `${m.type}:${m.surface}=${m.key}`), ['ORG:Zelkor Games=Zelkor Games', 'ORG:Zelkor=Zelkor Games', 'ORG:QRX Systems=QRX Systems', 'ORG:QRX=QRX Systems']);
  });

  it('a club named after its capitals alone is that club (`Milan` for `AC Milan`); given names in brackets before a surname are one person', () => {
    // (a city's name: the lexicon's place, read as the club by its context)
    const ms = rec('Their task against SC Lyon is hard, said Tom Reed. Lyon beat Juventus twice.');
    assert.deepStrictEqual(ms.filter((m) => m.type === 'ORG').map((m) => `${m.surface}=${m.key}`), ['SC Lyon=SC Lyon', 'Lyon=SC Lyon', 'Juventus=Juventus']);
    const p = rec('They can play (Jon Erik) Tollund up front, he said.');
    assert.deepStrictEqual(p.map((m) => `${m.type}:${m.surface}=${m.key}`), ['PERSON:Jon Erik=Jon Erik Tollund', 'PERSON:Tollund=Jon Erik Tollund']);
  });

  it('a championship named by its modifiers with the last made plural is the championship the story names', () => {
    const ms = rec('She will run at the Nordic Indoor Championships. Her first Nordic Indoors are in Oslo. She won the Arctic Championships; the Arctics beckon. Arctics said so.');
    assert.deepStrictEqual(ms.filter((m) => m.type === 'ORG').map((m) => `${m.surface}=${m.key}`), ['Nordic Indoor Championships=Nordic Indoor Championships', 'Nordic Indoors=Nordic Indoor Championships', 'Arctic Championships=Arctic Championships', 'Arctics=Arctic Championships']);
  });

  it('`the Fed funds rate` is a market term, not the central bank; `Federal Reserve Bank` is the Fed', () => {
    const ms = rec('The Federal Reserve Bank is wary. The Fed funds rate rose and the Fed raised rates.');
    assert.deepStrictEqual(ms.map((m) => `${m.surface}=${m.key}`), ['Federal Reserve Bank=Federal Reserve', 'Fed=Federal Reserve']);
  });

  it('a place-based modifier is the place and the body after it stands alone; a country\'s `Government` names only the country', () => {
    assert.deepStrictEqual(surfaces(rec('The Leeds-based Fiscal Studies Trust said the US Government must act.')), ['PLACE:Leeds', 'ORG:Fiscal Studies Trust', 'PLACE:US']);
  });

  it('a name between `the` and a plural noun of works is their title; a two-word demonym made plural is a people', () => {
    assert.deepStrictEqual(surfaces(rec('The studio behind the Gwen Marlow films says 9,000 Sri Lankans and the New Zealanders saw them.')), []);
    // a maker's works, a competition's series stay named
    assert.deepStrictEqual(surfaces(rec('He praised the ESPN games and the Home International series.')).map((m) => m.split(':')[0]), ['ORG', 'ORG']);
  });

  it('a name a side plays in a position is the player (`play Kaka forward`), a name before a position otherwise the club', () => {
    assert.deepStrictEqual(surfaces(rec('They can play Zizo forward, said the Varvik winger Tom Reed.')), ['PERSON:Zizo', 'ORG:Varvik', 'PERSON:Tom Reed']);
  });

  it('a country and a sport written as one name is the governing body', () => {
    assert.deepStrictEqual(surfaces(rec('Canada Rowing named its crew, and Canada rowing is strong.')), ['ORG:Canada Rowing', 'PLACE:Canada']);
  });
});

describe('entities: rules after set 8 (invented cases)', () => {
  const rec = (text: string) => recognizeEntities(text, analyzeDocument(text).paragraphs);
  const surfaces = (ms: EntityMention[]) => ms.map((m) => `${m.type}:${m.surface}`);

  it('a demonym\'s plural before a name describes the people named, outside their names', () => {
    const ms = rec('The race was won as Ghanaians Kwesi Ardoyle and Abena Tetteh-Marr pulled clear. Ardoyle held on.');
    assert.deepStrictEqual(surfaces(ms), ['PERSON:Kwesi Ardoyle', 'PERSON:Abena Tetteh-Marr', 'PERSON:Ardoyle']);
    assert.strictEqual(ms[2].key, ms[0].key);
  });

  it('a city before `Marathon` is a named race; the word alone is none', () => {
    assert.deepStrictEqual(surfaces(rec('She ran the Lisbon Marathon, then November\'s New York Marathon. Marathon running is hard.')), ['ORG:Lisbon Marathon', 'ORG:New York Marathon']);
  });

  it('a championship\'s two or more modifiers as printed are that championship in a story that names it', () => {
    const ms = rec('He fell at the Pan Coastal Indoor Championships in March. Later he added a relay crown to his Pan Coastal Indoor title.');
    assert.deepStrictEqual(surfaces(ms), ['ORG:Pan Coastal Indoor Championships', 'ORG:Pan Coastal Indoor']);
    assert.strictEqual(ms[1].key, ms[0].key);
    // without the championship named, nothing is made of the modifiers
    assert.deepStrictEqual(surfaces(rec('He added a relay crown to his Pan Coastal Indoor title.')).filter((m) => m.startsWith('ORG')), []);
  });

  it('lexicon: `Standard & Poor\'s` keeps its own `\'s`, `and` for `&`; `Azzurri` is Italy (general knowledge, named in set 8)', () => {
    const ms = rec('Indices such as the Standard and Poor\'s 500 fell, said an analyst at Standard & Poor\'s. The Azzurri pack was strong.');
    assert.deepStrictEqual(surfaces(ms), ["ORG:Standard and Poor's", "ORG:Standard & Poor's", 'PLACE:Azzurri']);
    assert.strictEqual(ms[0].key, ms[1].key);
    assert.strictEqual(ms[2].key, 'Italy');
  });

  it('a cue that is also a role (`rival`) before a given name is a person; `Name Chambers, who` a person; `chief of X` an organisation', () => {
    assert.deepStrictEqual(surfaces(rec('She overhauled rival Maria Tembwe to win. Its rival Wendle Corp grew.')), ['PERSON:Maria Tembwe', 'ORG:Wendle Corp']);
    assert.deepStrictEqual(surfaces(rec('They won without Dwain Chambers, who was banned. Acme Group, who said no, lost.')), ['PERSON:Dwain Chambers', 'ORG:Acme Group']);
    assert.deepStrictEqual(surfaces(rec('Jeremy Allaire, chief of Veltrix, spoke. The ball met the head of Byrne.')).filter((m) => !m.includes('Allaire')), ['ORG:Veltrix']);
  });

  it('a club\'s lead word before a ground\'s head is the ground (PLACE); a day\'s word before a newspaper\'s name is the paper', () => {
    assert.deepStrictEqual(surfaces(rec('Rangers won at Celtic Park on Sunday.')), ['ORG:Rangers', 'PLACE:Celtic Park']);
    assert.deepStrictEqual(surfaces(rec('She writes for the Evening Examiner and the Daily Express.')), ['ORG:Evening Examiner', 'ORG:Daily Express']);
  });
});

describe('entities: corpus resolution', () => {
  const doc = (path: string, outlet: string | null, text: string) => ({ path, outlet, text, mentions: recognizeEntities(text) });

  it('two people who share a surname stay two; a bare surname joins the one whose role matches', () => {
    const res = resolveEntities([
      doc('a.txt', 'A', 'Serena Williams won in Paris. Williams said she was tired.'),
      doc('b.txt', 'B', 'Defence Secretary Ben Williams resigned. Opposition leader Jo Sato welcomed it.'),
      doc('c.txt', 'C', 'Critics say Defence Secretary Williams waited too long.'),
    ]);
    const ids = res.entities.filter((e) => e.type === 'PERSON').map((e) => e.id).sort();
    assert.deepStrictEqual(ids, ['person:ben-williams', 'person:jo-sato', 'person:serena-williams']);
    assert.strictEqual(res.mentionIds[0][2], 'person:serena-williams');
    assert.strictEqual(res.mentionIds[2][0], 'person:ben-williams');
  });

  it('an initial and a surname (a team sheet) joins the one full name of that surname with that initial in another article', () => {
    const sheet = doc('sheet.txt', 'A', 'Ireland: G Mulcahy; R Tiernan, P Stringham, D Hickey, S Horrigan, T Hale.');
    const report = doc('report.txt', 'B', 'It was a fine day for Ronan Tiernan, and Peter Stringham passed. Tom Hale and Tim Hale both scored.');
    const res = resolveEntities([sheet, report]);
    const id = (d: number, surface: string) => res.mentionIds[d][[sheet, report][d].mentions.findIndex((m) => m.surface === surface)];
    assert.strictEqual(id(0, 'R Tiernan'), id(1, 'Ronan Tiernan'));
    assert.strictEqual(id(0, 'P Stringham'), id(1, 'Peter Stringham'));
    // two full names with that initial: the initial names neither
    assert.notStrictEqual(id(0, 'T Hale'), id(1, 'Tom Hale'));
    assert.notStrictEqual(id(0, 'T Hale'), id(1, 'Tim Hale'));
  });

  it('a bare surname joins a full name from another article only when the two tell the same story', () => {
    const rugby = doc('rugby.txt', 'A', 'Martin Johnson named his Six Nations squad on Monday. The Rugby Football Union backed Johnson.');
    const football = doc('football.txt', 'B', 'Chelsea beat Arsenal 2-0 on Saturday. "We deserved it," Johnson said.');
    const copy = doc('rugby-copy.txt', 'C', 'The Rugby Football Union backed the Six Nations squad on Monday, Johnson said.');
    const idOf = (docs: ReturnType<typeof doc>[], d: number) => {
      const at = docs[d].mentions.findIndex((m) => m.surface === 'Johnson');
      assert.ok(at >= 0, `no Johnson in ${docs[d].path}`);
      return resolveEntities(docs).mentionIds[d][at];
    };
    // the football report names none of the rugby story's people or organisations: its Johnson stays apart
    assert.notStrictEqual(idOf([rugby, football], 1), 'person:martin-johnson');
    // a copy cut before the full name names the Rugby Football Union and the Six Nations alike: it is him
    assert.strictEqual(idOf([rugby, copy], 1), 'person:martin-johnson');
  });

  it('a bare surname that joins a full name does not pull the same surname of an unrelated article along', () => {
    const rugby = doc('rugby.txt', 'A', 'Martin Johnson named his Six Nations squad on Monday. The Rugby Football Union backed Johnson.');
    const copy = doc('rugby-copy.txt', 'C', 'The Rugby Football Union backed the Six Nations squad on Monday, Johnson said.');
    const football = doc('football.txt', 'B', 'Chelsea beat Arsenal 2-0 on Saturday. "We deserved it," Johnson said.');
    const golf = doc('golf.txt', 'D', 'The Masters began in Augusta on Thursday. "The greens are fast," Johnson said.');
    const docs = [rugby, copy, football, golf];
    const ids = docs.map((d, i) => resolveEntities(docs).mentionIds[i][d.mentions.findIndex((m) => m.surface === 'Johnson')]);
    assert.strictEqual(ids[1], 'person:martin-johnson');
    // the two Johnsons no story ties to a full name are not him; written alike, they stay one entity
    assert.notStrictEqual(ids[2], 'person:martin-johnson');
    assert.strictEqual(ids[3], ids[2]);
  });

  it('a column naming people by first name or surname alone joins the report that names two of them in full', () => {
    const report = doc('report.txt', 'A', 'Scotland lost 20-10 as Colin Fenwick scored twice and Rory Lindqvist kicked two penalties. Coach Hamish Baird was calm.');
    const column = doc('column.txt', 'B', 'It was a tough game. It was great work by Colin and I knew Baird would be pleased. Mr Baird said little.');
    const other = doc('other.txt', 'C', 'Colin Ross opened a bakery in Leeds on Monday.');
    const docs = [report, column, other];
    const res = resolveEntities(docs);
    const id = (d: number, surface: string) => res.mentionIds[d][docs[d].mentions.findIndex((m) => m.surface === surface)];
    // the column names two of the report's people (`Colin`, `Baird`): its `Colin` is Colin Fenwick,
    // though another article names a Colin Ross
    assert.strictEqual(id(1, 'Colin'), id(0, 'Colin Fenwick'));
    assert.strictEqual(id(1, 'Baird'), id(0, 'Hamish Baird'));
    assert.notStrictEqual(id(1, 'Colin'), id(2, 'Colin Ross'));
    // one shared name is no story: `Lindqvist` alone in an unrelated piece stays apart from the report
    const lone = resolveEntities([report, doc('lone.txt', 'E', 'A quiet week in Oslo. Lindqvist said nothing.')]);
    assert.notStrictEqual(lone.mentionIds[1][lone.mentionIds[1].length - 1], id(0, 'Rory Lindqvist'));
    // a document that names more than six people by one name (a team sheet) is not read this way
    const sheet = doc('sheet.txt', 'F', 'Subs: Colin, Baird, Moffat, Dunleavy, Arkwright, Pennock, Tolliver.');
    const withSheet = resolveEntities([report, sheet]);
    const at = sheet.mentions.findIndex((m) => m.surface === 'Baird');
    assert.ok(at >= 0, JSON.stringify(sheet.mentions));
    assert.notStrictEqual(withSheet.mentionIds[1][at], 'person:hamish-baird');
  });

  it('a company named by its own word joins its name with descriptive words in the same story; words written together are the same name', () => {
    const a = doc('a.txt', 'A', 'Profits rose at Korvex Electronics, and Halden Systems cut jobs, analysts at Brightline Research said. Chief executive Mina Tovar was upbeat.');
    const b = doc('b.txt', 'B', 'The firm Korvex cut prices on Monday after Halden Systems cancelled an order. Analysts at Brightline expect more cuts, but Mina Tovar is calm.');
    const c = doc('c.txt', 'C', 'Analysts at Brightline, a fund manager, cut their forecasts on Tuesday.');
    const d = doc('d.txt', 'D', 'Handsets from Tallis Mercer Ltd sold well; TallisMercer said demand was strong.');
    const docs = [a, b, c, d];
    const res = resolveEntities(docs);
    const id = (k: number, surface: string) => {
      const at = docs[k].mentions.findIndex((m) => m.surface === surface);
      assert.ok(at >= 0, `${surface} not recognised in ${docs[k].path}: ${JSON.stringify(docs[k].mentions.map((m) => m.surface))}`);
      return res.mentionIds[k][at];
    };
    // b names two of a's entities (Halden Systems, Mina Tovar): its one-word names are a's companies
    assert.strictEqual(id(1, 'Korvex'), id(0, 'Korvex Electronics'));
    assert.strictEqual(id(1, 'Brightline'), id(0, 'Brightline Research'));
    // c alone tells another story: its Brightline (a fund manager) stays apart (with b in the corpus it
    // is b's Brightline, as every organisation written alike is one)
    const r1 = resolveEntities([a, c]);
    assert.notStrictEqual(r1.mentionIds[1][c.mentions.findIndex((m) => m.surface === 'Brightline')], r1.mentionIds[0][a.mentions.findIndex((m) => m.surface === 'Brightline Research')]);
    assert.strictEqual(id(3, 'TallisMercer'), id(3, 'Tallis Mercer Ltd'));
    // a business unit's word is no descriptive word: `Fiat Auto` is not `Fiat`
    const e = doc('e.txt', 'E', 'Fiat said Fiat Auto lost money again, and Fiat shares fell.');
    const r2 = resolveEntities([e]);
    const fiat = e.mentions.findIndex((m) => m.surface === 'Fiat');
    const unit = e.mentions.findIndex((m) => m.surface === 'Fiat Auto');
    assert.ok(fiat >= 0 && unit >= 0, JSON.stringify(e.mentions));
    assert.notStrictEqual(r2.mentionIds[0][fiat], r2.mentionIds[0][unit]);
  });

  it('ids do not depend on the order of documents', () => {
    const a = doc('a.txt', 'A', 'Nina Petrova met Nina Petrov in Sofia.');
    const b = doc('b.txt', 'B', 'Petrova and Mr. Petrov left Sofia for Varna Port.');
    const r1 = resolveEntities([a, b]);
    const r2 = resolveEntities([b, a]);
    assert.deepStrictEqual(r1.entities.map((e) => e.id).sort(), r2.entities.map((e) => e.id).sort());
    assert.deepStrictEqual(r1.mentionIds[0], r2.mentionIds[1]);
  });

  it('a knowledge file fixes the id, name and type, pulls aliases in, adds description and links', () => {
    const parsed = parseKnowledgeFile(
      JSON.stringify([{ id: 'pla', name: 'People’s Liberation Army', aliases: ['PLA', 'Chinese military'], type: 'ORG', description: 'Armed forces of the PRC', links: ['https://example.org/pla'] }]),
    );
    assert.ok(parsed.ok);
    const res = resolveEntities([doc('a.txt', 'A', 'The PLA held drills on Monday, the PLA said.')], parsed.ok ? parsed.entries : []);
    const e = res.entities.find((x) => x.id === 'pla')!;
    assert.strictEqual(e.name, 'People’s Liberation Army');
    assert.strictEqual(e.description, 'Armed forces of the PRC');
    assert.deepStrictEqual(e.links, ['https://example.org/pla']);
    assert.deepStrictEqual(res.mentionIds[0], ['pla', 'pla']);
    assert.ok(!res.entities.some((x) => x.id.startsWith('org:')));
  });

  it('EntityResolver: an edited document re-resolves to what a full resolution gives', () => {
    const seeds = readSeeds();
    const r = new EntityResolver();
    for (const [k, s] of seeds) r.setDocument(s.name, k, recognizeEntities(s.text));
    const first = seeds.get('003')!;
    const edited = first.text.replace('Zhang also voiced', 'Colonel Zhang also voiced');
    r.setDocument(first.name, '003', recognizeEntities(edited));
    const inc = r.resolve();
    const full = resolveEntities([...seeds].map(([k, s]) => ({ path: s.name, outlet: k, mentions: recognizeEntities(s.name === first.name ? edited : s.text) })));
    assert.deepStrictEqual(inc.entities.map((e) => e.id).sort(), full.entities.map((e) => e.id).sort());
    const di = [...seeds.values()].findIndex((s) => s.name === first.name);
    assert.deepStrictEqual(inc.idsFor(first.name), full.mentionIds[di]);
    r.removeDocument(first.name);
    assert.deepStrictEqual(r.resolve().idsFor(first.name), []);
  });
});

describe('entities: knowledge file (news-entities.json)', () => {
  it('reads entries with optional fields', () => {
    const r = parseKnowledgeFile('[\n {"id": "a", "name": "Alpha Corp", "aliases": ["Alpha"], "type": "ORG"},\n {"id": "b", "name": "Beta"}\n]');
    assert.ok(r.ok);
    if (r.ok) assert.deepStrictEqual(r.entries, [{ id: 'a', name: 'Alpha Corp', aliases: ['Alpha'], type: 'ORG' }, { id: 'b', name: 'Beta', aliases: [] }]);
  });

  it('reports a syntax error with its line and column', () => {
    const r = parseKnowledgeFile('[\n  {"id": "a", "name": "A"},\n  {"id": "b" "name": "B"}\n]');
    assert.ok(!r.ok);
    if (!r.ok) assert.deepStrictEqual([r.error.line, r.error.column], [3, 14]);
  });

  it('reports a wrong shape at the offending value, and applies nothing', () => {
    const r = parseKnowledgeFile('[\n {"id": "a", "name": "A"},\n {"id": "b", "name": "B", "type": "COUNTRY"}\n]');
    assert.ok(!r.ok);
    if (!r.ok) {
      assert.match(r.error.message, /type/);
      assert.deepStrictEqual([r.error.line, r.error.column], [3, 35]);
      assert.ok(!('entries' in r));
    }
    for (const bad of ['{"id": "a"}', '[{"name": "x"}]', '[{"id": "a", "name": "x", "links": "http://x"}]', '[{"id":"a","name":"x"},{"id":"a","name":"y"}]', '[{"id":"a","name":"x","colour":"red"}]', '[1,]', '', '[{"id":"a","name":"x"}] junk']) {
      const x = parseKnowledgeFile(bad);
      assert.ok(!x.ok, bad);
      if (!x.ok) assert.ok(x.error.line >= 1 && x.error.column >= 1);
    }
  });

  it('agrees with JSON.parse on what is valid JSON (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v, null, 1);
        const r = parseKnowledgeFile(text);
        if (r.ok) assert.ok(Array.isArray(v));
        else assert.ok(r.error.line >= 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('entities: acronyms nobody defined', () => {
  it('take their letters from the opening letters of the long form’s words, never from inside a word', () => {
    assert.ok(abbreviatesStrict('INDOPACOM', 'US Indo-Pacific Command'));
    assert.ok(abbreviatesStrict('USFJ', 'U.S. Forces Japan'));
    assert.ok(abbreviatesStrict('MoD', 'Ministry of Defence'));
    assert.ok(abbreviatesStrict('FBI', 'Federal Bureau of Investigation'));
    // `S` and `I` sit inside Manchester and City: a share index is not a football club.
    assert.ok(!abbreviatesStrict('MSCI', 'Manchester City'));
    assert.ok(!abbreviatesStrict('ING', 'Indian Space Research Organisation'));
  });
});
