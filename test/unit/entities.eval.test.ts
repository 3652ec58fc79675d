// Evaluation on news text the project had never seen: sixteen short articles written and annotated
// by hand (test/fixtures/entities, see its README) before the recogniser was run on them.
// Mention F1 counts a mention right when its span and type are exactly the gold ones.
// Grouping: an entity seen under several names (case-insensitively different surfaces) is grouped
// right when every one of its recognised mentions gets one corpus id, used by no other gold entity,
// and at least two of its different names were recognised.
import * as assert from 'assert';
import { analyzeDocument } from '../../src/core/article';
import { recognizeEntities, resolveEntities, EntityMention } from '../../src/core/entities';
import * as fs from 'fs';
import * as path from 'path';

// The gold fixtures: `[surface]{TYPE:group}` marks a mention.
interface GoldMention {
  start: number;
  end: number;
  type: string;
  group: string;
  surface: string;
}

interface GoldDoc {
  name: string;
  text: string;
  mentions: GoldMention[];
}

function fixturesDir(): string {
  // out/test/unit -> repo root
  return path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'entities');
}

function parseGold(name: string, marked: string): GoldDoc {
  const mentions: GoldMention[] = [];
  let text = '';
  const re = /\[([^\]]*)\]\{(PERSON|ORG|PLACE):([^}]+)\}/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(marked))) {
    text += marked.slice(last, m.index);
    const start = text.length;
    text += m[1];
    mentions.push({ start, end: text.length, type: m[2], group: m[3], surface: m[1] });
    last = m.index + m[0].length;
  }
  text += marked.slice(last);
  return { name, text, mentions };
}

function readGoldDocs(): GoldDoc[] {
  const dir = fixturesDir();
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('unseen-') && f.endsWith('.txt'))
    .sort()
    .map((f) => parseGold(f, fs.readFileSync(path.join(dir, f), 'utf8')));
}

interface Scored {
  tp: number;
  fp: number;
  fn: number;
  errors: string[];
}

function score(docs: GoldDoc[], predicted: EntityMention[][]): Scored {
  const s: Scored = { tp: 0, fp: 0, fn: 0, errors: [] };
  docs.forEach((d, i) => {
    const gold = new Map(d.mentions.map((m) => [`${m.start}:${m.end}:${m.type}`, m]));
    const seen = new Set<string>();
    for (const p of predicted[i]) {
      const k = `${p.start}:${p.end}:${p.type}`;
      if (gold.has(k)) {
        s.tp++;
        seen.add(k);
      } else {
        s.fp++;
        s.errors.push(`${d.name}: extra ${p.type} ${JSON.stringify(p.surface)}`);
      }
    }
    for (const [k, m] of gold)
      if (!seen.has(k)) {
        s.fn++;
        s.errors.push(`${d.name}: missed ${m.type} ${JSON.stringify(m.surface)}`);
      }
  });
  return s;
}

describe('entities: evaluation on unseen news text', () => {
  const docs = readGoldDocs();
  const predicted = docs.map((d) => recognizeEntities(d.text, analyzeDocument(d.text).paragraphs));

  it('has gold fixtures to evaluate (sixteen articles, over 400 mentions)', () => {
    assert.strictEqual(docs.length, 16);
    const n = docs.reduce((a, d) => a + d.mentions.length, 0);
    assert.ok(n > 400, `only ${n} gold mentions`);
  });

  it('mention F1 (exact span and type) is above 0.9', () => {
    const s = score(docs, predicted);
    const p = s.tp / (s.tp + s.fp);
    const r = s.tp / (s.tp + s.fn);
    const f1 = (2 * p * r) / (p + r);
    console.log(`      entity mentions: P=${p.toFixed(3)} R=${r.toFixed(3)} F1=${f1.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
    for (const e of s.errors) console.log('        ' + e);
    assert.ok(f1 > 0.9, `F1 ${f1.toFixed(3)}`);
  });

  it('groups at least 95% of the entities seen under several names', () => {
    const res = resolveEntities(docs.map((d, i) => ({ path: d.name, outlet: null, text: d.text, mentions: predicted[i] })));
    // gold group -> predicted ids of its recognised mentions
    const idsOf = new Map<string, Set<string>>();
    const surfacesOf = new Map<string, Set<string>>();
    const recognisedSurfaces = new Map<string, Set<string>>();
    const groupsOfId = new Map<string, Set<string>>();
    docs.forEach((d, di) => {
      const byStart = new Map(predicted[di].map((p, pi) => [`${p.start}:${p.end}`, pi]));
      for (const g of d.mentions) {
        const names = surfacesOf.get(g.group) ?? new Set<string>();
        names.add(g.surface.toLowerCase());
        surfacesOf.set(g.group, names);
        const pi = byStart.get(`${g.start}:${g.end}`);
        if (pi === undefined) continue;
        const id = res.mentionIds[di][pi];
        const ids = idsOf.get(g.group) ?? new Set<string>();
        ids.add(id);
        idsOf.set(g.group, ids);
        const rs = recognisedSurfaces.get(g.group) ?? new Set<string>();
        rs.add(g.surface.toLowerCase());
        recognisedSurfaces.set(g.group, rs);
        const gs = groupsOfId.get(id) ?? new Set<string>();
        gs.add(g.group);
        groupsOfId.set(id, gs);
      }
    });
    const multi = [...surfacesOf.entries()].filter(([, s]) => s.size >= 2).map(([g]) => g);
    const wrong: string[] = [];
    for (const g of multi) {
      const ids = idsOf.get(g) ?? new Set<string>();
      const ok = ids.size === 1 && groupsOfId.get([...ids][0])!.size === 1 && (recognisedSurfaces.get(g)?.size ?? 0) >= 2;
      if (!ok) wrong.push(`${g}: names ${JSON.stringify([...surfacesOf.get(g)!])} -> ids ${JSON.stringify([...ids])}`);
    }
    const rate = (multi.length - wrong.length) / multi.length;
    console.log(`      alias grouping: ${multi.length - wrong.length}/${multi.length} = ${(rate * 100).toFixed(1)}%`);
    for (const w of wrong) console.log('        ' + w);
    assert.ok(multi.length >= 15, `only ${multi.length} multi-name entities`);
    assert.ok(rate >= 0.95, `grouping ${(rate * 100).toFixed(1)}%`);
  });
});
