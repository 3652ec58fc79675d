// The user's knowledge file, `news-entities.json` at the folder root. It overrides and enriches
// what the resolver infers: the entry's id becomes the entity's id, its name the display name, its
// aliases pull every cluster so spelled into the entity, and description and links show on hover.
//
// Shape (a JSON array; only `id` and `name` are required):
//
//   [
//     {
//       "id": "person:lloyd-austin",            // any non-empty string, unique in the file
//       "name": "Lloyd Austin",                  // display name; also matched like an alias
//       "aliases": ["Austin", "Lloyd J. Austin III"],   // optional, strings
//       "type": "PERSON",                        // optional: "PERSON" | "ORG" | "PLACE"
//       "description": "US Secretary of Defense 2021-2025",   // optional
//       "links": ["https://www.defense.gov/"]    // optional, strings
//     }
//   ]
//
// Matching is by normalised name (case, dots, diacritics and dashes ignored). An alias listed by
// two entries goes to the first. A malformed file is rejected whole, with the line and column of
// the first problem: it is never half applied.
import type { EntityType } from '../model';

export interface KnowledgeEntry {
  id: string;
  name: string;
  aliases: string[];
  type?: EntityType;
  description?: string;
  links?: string[];
}

export interface KnowledgeError {
  message: string;
  /** 1-based */
  line: number;
  /** 1-based, in UTF-16 code units */
  column: number;
  offset: number;
}

export type KnowledgeResult = { ok: true; entries: KnowledgeEntry[] } | { ok: false; error: KnowledgeError };

type Node =
  | { kind: 'object'; at: number; fields: { key: string; keyAt: number; value: Node }[] }
  | { kind: 'array'; at: number; items: Node[] }
  | { kind: 'string'; at: number; value: string }
  | { kind: 'number'; at: number; value: number }
  | { kind: 'bool'; at: number; value: boolean }
  | { kind: 'null'; at: number };

class Fail {
  constructor(
    readonly message: string,
    readonly at: number,
  ) {}
}

/** A strict JSON reader (RFC 8259) that keeps each value's offset. Iterative depth is bounded. */
class Reader {
  i = 0;
  depth = 0;
  constructor(readonly s: string) {}

  ws(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  value(): Node {
    this.ws();
    const s = this.s;
    const at = this.i;
    if (at >= s.length) throw new Fail('unexpected end of file', at);
    const c = s[at];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return { kind: 'string', at, value: this.string() };
    if (c === 't' || c === 'f' || c === 'n') {
      for (const [word, node] of [
        ['true', { kind: 'bool', at, value: true }],
        ['false', { kind: 'bool', at, value: false }],
        ['null', { kind: 'null', at }],
      ] as [string, Node][]) {
        if (s.startsWith(word, at)) {
          this.i += word.length;
          return node;
        }
      }
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(s.slice(at, at + 64));
      if (m) {
        this.i += m[0].length;
        return { kind: 'number', at, value: Number(m[0]) };
      }
    }
    throw new Fail(`unexpected character ${JSON.stringify(c)}`, at);
  }

  object(): Node {
    const at = this.i++;
    if (++this.depth > 64) throw new Fail('nested too deeply', at);
    const fields: { key: string; keyAt: number; value: Node }[] = [];
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      this.depth--;
      return { kind: 'object', at, fields };
    }
    for (;;) {
      this.ws();
      const keyAt = this.i;
      if (this.s[this.i] !== '"') throw new Fail('expected a "quoted" property name', this.i);
      const key = this.string();
      this.ws();
      if (this.s[this.i] !== ':') throw new Fail("expected ':' after property name", this.i);
      this.i++;
      const value = this.value();
      fields.push({ key, keyAt, value });
      this.ws();
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        this.ws();
        if (this.s[this.i] === '}') throw new Fail('trailing comma', this.i);
        continue;
      }
      if (c === '}') {
        this.i++;
        this.depth--;
        return { kind: 'object', at, fields };
      }
      throw new Fail(c === undefined ? 'unexpected end of file' : "expected ',' or '}'", this.i);
    }
  }

  array(): Node {
    const at = this.i++;
    if (++this.depth > 64) throw new Fail('nested too deeply', at);
    const items: Node[] = [];
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      this.depth--;
      return { kind: 'array', at, items };
    }
    for (;;) {
      items.push(this.value());
      this.ws();
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        this.ws();
        if (this.s[this.i] === ']') throw new Fail('trailing comma', this.i);
        continue;
      }
      if (c === ']') {
        this.i++;
        this.depth--;
        return { kind: 'array', at, items };
      }
      throw new Fail(c === undefined ? 'unexpected end of file' : "expected ',' or ']'", this.i);
    }
  }

  string(): string {
    const s = this.s;
    const start = this.i;
    this.i++;
    let out = '';
    let run = this.i;
    for (;;) {
      if (this.i >= s.length) throw new Fail('unterminated string', start);
      const c = s.charCodeAt(this.i);
      if (c === 34) {
        out += s.slice(run, this.i);
        this.i++;
        return out;
      }
      if (c < 32) throw new Fail('control character in string', this.i);
      if (c === 92) {
        out += s.slice(run, this.i);
        const e = s[this.i + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in map) {
          out += map[e];
          this.i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(this.i + 2, this.i + 6))) {
          out += String.fromCharCode(parseInt(s.slice(this.i + 2, this.i + 6), 16));
          this.i += 6;
        } else throw new Fail('bad escape in string', this.i);
        run = this.i;
        continue;
      }
      this.i++;
    }
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const TYPES = new Set(['PERSON', 'ORG', 'PLACE']);
const FIELDS = new Set(['id', 'name', 'aliases', 'type', 'description', 'links']);

/** Parses and checks `news-entities.json`. Either every entry, or the first error with its position. */
export function parseKnowledgeFile(text: string): KnowledgeResult {
  try {
    let s = text;
    let bom = 0;
    if (s.charCodeAt(0) === 0xfeff) {
      bom = 1;
      s = ' ' + s.slice(1);
    }
    void bom;
    const r = new Reader(s);
    const root = r.value();
    r.ws();
    if (r.i < s.length) throw new Fail('unexpected text after the end of the JSON value', r.i);
    if (root.kind !== 'array') throw new Fail('the file must be a JSON array of entries', root.at);
    const entries: KnowledgeEntry[] = [];
    const ids = new Set<string>();
    for (const item of root.items) {
      if (item.kind !== 'object') throw new Fail('each entry must be an object', item.at);
      const f = new Map<string, Node>();
      for (const fld of item.fields) {
        if (!FIELDS.has(fld.key)) throw new Fail(`unknown field "${fld.key}" (allowed: id, name, aliases, type, description, links)`, fld.keyAt);
        if (f.has(fld.key)) throw new Fail(`duplicate field "${fld.key}"`, fld.keyAt);
        f.set(fld.key, fld.value);
      }
      const str = (k: string, required: boolean): string | undefined => {
        const v = f.get(k);
        if (!v) {
          if (required) throw new Fail(`entry is missing "${k}"`, item.at);
          return undefined;
        }
        if (v.kind !== 'string') throw new Fail(`"${k}" must be a string`, v.at);
        if (required && v.value.trim() === '') throw new Fail(`"${k}" must not be empty`, v.at);
        return v.value;
      };
      const strs = (k: string): string[] | undefined => {
        const v = f.get(k);
        if (!v) return undefined;
        if (v.kind !== 'array') throw new Fail(`"${k}" must be an array of strings`, v.at);
        return v.items.map((x) => {
          if (x.kind !== 'string') throw new Fail(`"${k}" must contain only strings`, x.at);
          return x.value;
        });
      };
      const id = str('id', true)!;
      if (ids.has(id)) throw new Fail(`duplicate id "${id}"`, f.get('id')!.at);
      ids.add(id);
      const entry: KnowledgeEntry = { id, name: str('name', true)!, aliases: strs('aliases') ?? [] };
      const type = str('type', false);
      if (type !== undefined) {
        if (!TYPES.has(type)) throw new Fail('"type" must be "PERSON", "ORG" or "PLACE"', f.get('type')!.at);
        entry.type = type as EntityType;
      }
      const description = str('description', false);
      if (description !== undefined) entry.description = description;
      const links = strs('links');
      if (links !== undefined) entry.links = links;
      entries.push(entry);
    }
    return { ok: true, entries };
  } catch (e) {
    if (e instanceof Fail) {
      const { line, column } = position(text, e.at);
      return { ok: false, error: { message: e.message, line, column, offset: e.at } };
    }
    throw e;
  }
}
