// A small strict JSON parser that knows where things are: it reports the offset of the first error
// and remembers the offset of every object and array, so problems can be shown as line:column.
// It can also start in the middle of a text, which is how a broken file is salvaged piece by piece.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface JsonOk {
  ok: true;
  value: JsonValue;
  /** Offset just after the value. */
  end: number;
  /** Offsets where each object/array in the value starts. */
  positions: Map<object, number>;
}

export interface JsonError {
  ok: false;
  message: string;
  offset: number;
}

class Fail {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

/** Parses the whole text as one JSON value (whitespace around it allowed). Never throws. */
export function parseJson(text: string): JsonOk | JsonError {
  const r = parseJsonAt(text, 0);
  if (!r.ok) return r;
  const after = skipWs(text, r.end);
  if (after < text.length) return { ok: false, message: 'Unexpected text after the end of the JSON value', offset: after };
  return r;
}

/** Parses one JSON value starting at `offset` (after optional whitespace). Never throws. */
export function parseJsonAt(text: string, offset: number): JsonOk | JsonError {
  const positions = new Map<object, number>();
  let i = offset;
  const depthLimit = 512;

  const value = (depth: number): JsonValue => {
    i = skipWs(text, i);
    if (i >= text.length) throw new Fail('Unexpected end of file', i);
    if (depth > depthLimit) throw new Fail('Nesting too deep', i);
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */) {
      const obj: { [key: string]: JsonValue } = {};
      positions.set(obj, i);
      i++;
      i = skipWs(text, i);
      if (text.charCodeAt(i) === 0x7d) {
        i++;
        return obj;
      }
      for (;;) {
        i = skipWs(text, i);
        if (text.charCodeAt(i) !== 0x22) throw new Fail('Expected a property name in double quotes', i);
        const key = str();
        i = skipWs(text, i);
        if (text.charCodeAt(i) !== 0x3a) throw new Fail("Expected ':' after property name", i);
        i++;
        const v = value(depth + 1);
        if (key === '__proto__') Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        else obj[key] = v;
        i = skipWs(text, i);
        const d = text.charCodeAt(i);
        if (d === 0x2c) {
          i++;
          continue;
        }
        if (d === 0x7d) {
          i++;
          return obj;
        }
        throw new Fail(i >= text.length ? 'Unexpected end of file inside an object' : "Expected ',' or '}'", i);
      }
    }
    if (c === 0x5b /* [ */) {
      const arr: JsonValue[] = [];
      positions.set(arr, i);
      i++;
      i = skipWs(text, i);
      if (text.charCodeAt(i) === 0x5d) {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        i = skipWs(text, i);
        const d = text.charCodeAt(i);
        if (d === 0x2c) {
          i++;
          continue;
        }
        if (d === 0x5d) {
          i++;
          return arr;
        }
        throw new Fail(i >= text.length ? 'Unexpected end of file inside an array' : "Expected ',' or ']'", i);
      }
    }
    if (c === 0x22) return str();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    const num = m.exec(text);
    if (num && num[0].length > 0 && num[0] !== '-') {
      i += num[0].length;
      return Number(num[0]);
    }
    throw new Fail(`Unexpected character ${JSON.stringify(text[i])}`, i);
  };

  const str = (): string => {
    const start = i;
    i++;
    let out = '';
    let run = i;
    for (;;) {
      if (i >= text.length) throw new Fail('Unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(run, i);
        i++;
        return out;
      }
      if (c < 0x20) throw new Fail('Control character in string (use \\n, \\t …)', i);
      if (c === 0x5c) {
        out += text.slice(run, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else throw new Fail('Invalid escape in string', i);
        run = i;
        continue;
      }
      i++;
    }
  };

  try {
    const v = value(0);
    return { ok: true, value: v, end: i, positions };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, message: e.message, offset: e.offset };
    return { ok: false, message: String(e), offset: i };
  }
}

function skipWs(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) i++;
    else break;
  }
  return i;
}

/** 1-based line and column (in UTF-16 code units) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let k = 0; k < end; k++) {
    if (text.charCodeAt(k) === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
