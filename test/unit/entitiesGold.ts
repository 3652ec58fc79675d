// Reads the gold-annotated fixtures in test/fixtures/entities: `[surface]{TYPE:group}` marks a mention.
import * as fs from 'fs';
import * as path from 'path';

export interface GoldMention {
  start: number;
  end: number;
  type: string;
  group: string;
  surface: string;
}

export interface GoldDoc {
  name: string;
  text: string;
  mentions: GoldMention[];
}

export function fixturesDir(): string {
  // out/test/unit -> repo root
  return path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'entities');
}

export function parseGold(name: string, marked: string): GoldDoc {
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

export function readGoldDocs(): GoldDoc[] {
  const dir = fixturesDir();
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('unseen-') && f.endsWith('.txt'))
    .sort()
    .map((f) => parseGold(f, fs.readFileSync(path.join(dir, f), 'utf8')));
}
