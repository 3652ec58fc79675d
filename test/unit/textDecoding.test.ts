import * as assert from 'assert';
import * as fc from 'fast-check';
import {
  decodeArticleBytes,
  DecodeResult,
  DecodedText,
  DecodeFailure,
  detectLineEndings,
  findInvalidUtf8,
  DEFAULT_MAX_BYTES,
} from '../../src/core/textDecoding';
import { readSeed } from './sharedFiles';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...xs: number[]) => Uint8Array.from(xs);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
function utf16(s: string, littleEndian: boolean, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  let i = 0;
  if (bom) {
    out[i++] = littleEndian ? 0xff : 0xfe;
    out[i++] = littleEndian ? 0xfe : 0xff;
  }
  for (let k = 0; k < s.length; k++) {
    const u = s.charCodeAt(k);
    out[i++] = littleEndian ? u & 0xff : u >> 8;
    out[i++] = littleEndian ? u >> 8 : u & 0xff;
  }
  return out;
}
function expectOk(r: DecodeResult): DecodedText {
  if (!r.ok) assert.fail(`expected ok, got ${r.reason}: ${r.message}`);
  return r;
}
function expectFail(r: DecodeResult, reason: DecodeFailure['reason']): DecodeFailure {
  if (r.ok) assert.fail(`expected ${reason}, got ok (${JSON.stringify(r.text.slice(0, 40))})`);
  assert.strictEqual(r.reason, reason, r.message);
  return r;
}

describe('textDecoding: decodeArticleBytes', () => {
  it('decodes plain UTF-8 as is', () => {
    const r = expectOk(decodeArticleBytes(utf8('TOKYO (AP) — “We are standing,” she said.\n')));
    assert.strictEqual(r.text, 'TOKYO (AP) — “We are standing,” she said.\n');
    assert.strictEqual(r.encoding, 'utf-8');
    assert.strictEqual(r.hadBom, false);
    assert.strictEqual(r.lineEndings, 'lf');
  });

  it('decodes every seed unchanged (same text as Node reading it as UTF-8)', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const text = readSeed(prefix);
      const r = expectOk(decodeArticleBytes(utf8(text)));
      assert.strictEqual(r.text, text, `seed ${prefix}`);
      assert.strictEqual(r.byteLength, utf8(text).length);
    }
  });

  it('an empty file is ok with empty text and no line endings', () => {
    const r = expectOk(decodeArticleBytes(new Uint8Array(0)));
    assert.deepStrictEqual(
      { text: r.text, encoding: r.encoding, hadBom: r.hadBom, lineEndings: r.lineEndings },
      { text: '', encoding: 'utf-8', hadBom: false, lineEndings: 'none' },
    );
  });

  it('strips a UTF-8 BOM (as VS Code does) and says so; offsets start after it', () => {
    const r = expectOk(decodeArticleBytes(concat(bytes(0xef, 0xbb, 0xbf), utf8('Headline\r\n'))));
    assert.strictEqual(r.text, 'Headline\r\n');
    assert.strictEqual(r.text.indexOf('H'), 0);
    assert.strictEqual(r.hadBom, true);
    assert.strictEqual(r.encoding, 'utf-8');
    assert.strictEqual(r.byteLength, 13);
  });

  it('a file that is only a BOM is ok and empty', () => {
    const r = expectOk(decodeArticleBytes(bytes(0xef, 0xbb, 0xbf)));
    assert.strictEqual(r.text, '');
    assert.strictEqual(r.hadBom, true);
  });

  it('keeps a second U+FEFF after the BOM as content (only one BOM is removed)', () => {
    const r = expectOk(decodeArticleBytes(concat(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf), utf8('x'))));
    assert.strictEqual(r.text, '\uFEFFx');
  });

  it('does not normalise CRLF, lone CR or mixed line endings', () => {
    const crlf = expectOk(decodeArticleBytes(utf8('a\r\nb\r\n')));
    assert.strictEqual(crlf.text, 'a\r\nb\r\n');
    assert.strictEqual(crlf.lineEndings, 'crlf');
    const cr = expectOk(decodeArticleBytes(utf8('a\rb\r')));
    assert.strictEqual(cr.text, 'a\rb\r');
    assert.strictEqual(cr.lineEndings, 'cr');
    const mixed = expectOk(decodeArticleBytes(utf8('a\r\nb\nc\rd')));
    assert.strictEqual(mixed.text, 'a\r\nb\nc\rd');
    assert.strictEqual(mixed.lineEndings, 'mixed');
    assert.strictEqual(expectOk(decodeArticleBytes(utf8('one line'))).lineEndings, 'none');
  });

  it('decodes UTF-16LE and UTF-16BE with a BOM, astral characters included', () => {
    const s = 'Tōkyō (AP) — “2+2” talks 🇯🇵\r\nsecond line';
    for (const le of [true, false]) {
      const r = expectOk(decodeArticleBytes(utf16(s, le)));
      assert.strictEqual(r.text, s);
      assert.strictEqual(r.encoding, le ? 'utf-16le' : 'utf-16be');
      assert.strictEqual(r.hadBom, true);
      assert.strictEqual(r.lineEndings, 'crlf');
    }
  });

  it('decodes a long UTF-16 file (more than one internal chunk)', () => {
    const s = 'abcdefghij\n'.repeat(5000) + 'é';
    assert.strictEqual(expectOk(decodeArticleBytes(utf16(s, true))).text, s);
    assert.strictEqual(expectOk(decodeArticleBytes(utf16(s, false))).text, s);
  });

  it('rejects UTF-16 with an odd byte count or an unpaired surrogate, with the offset', () => {
    const odd = expectFail(decodeArticleBytes(concat(utf16('ab', true), bytes(0x41))), 'invalid-utf16');
    assert.strictEqual(odd.byteOffset, 6);
    assert.match(odd.message, /odd number of bytes/);
    const lone = expectFail(decodeArticleBytes(utf16('ab\uD83Dc', false)), 'invalid-utf16');
    assert.strictEqual(lone.byteOffset, 6);
    assert.match(lone.message, /unpaired surrogate at byte offset 6/);
    const lowFirst = expectFail(decodeArticleBytes(utf16('\uDC00x', true)), 'invalid-utf16');
    assert.strictEqual(lowFirst.byteOffset, 2);
  });

  it('treats a NUL byte in a UTF-8 file as binary and says where', () => {
    const r = expectFail(decodeArticleBytes(concat(utf8('PNG-ish\nab'), bytes(0, 1, 2))), 'binary');
    assert.strictEqual(r.byteOffset, 10);
    assert.match(r.message, /binary/);
    assert.match(r.message, /byte offset 10/);
    assert.match(r.message, /line 2/);
  });

  it('treats real binary headers (PNG, gzip) as binary or invalid, never as text', () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52);
    assert.strictEqual(decodeArticleBytes(png).ok, false);
    const gzip = bytes(0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00);
    expectFail(decodeArticleBytes(gzip), 'binary');
    // A JPEG header has no NUL in its first bytes: it is still refused, as invalid UTF-8 at byte 0.
    const jpeg = expectFail(decodeArticleBytes(bytes(0xff, 0xd8, 0xff, 0xe0, 0x41, 0x42)), 'invalid-utf8');
    assert.strictEqual(jpeg.byteOffset, 0);
  });

  it('hints at UTF-16 without a BOM when the NULs alternate', () => {
    const r = expectFail(decodeArticleBytes(utf16('Headline text here', true, false)), 'binary');
    assert.match(r.message, /UTF-16/);
  });

  it('a UTF-16 file containing U+0000 is binary', () => {
    expectFail(decodeArticleBytes(utf16('ab\u0000c', true)), 'binary');
  });

  it('rejects invalid UTF-8 with the byte offset of the first bad sequence, never replacing', () => {
    // "café" in Latin-1: 0xE9 followed by a space.
    const latin1 = concat(utf8('Le café\n'.slice(0, 6)), bytes(0xe9, 0x20), utf8('noir'));
    const r = expectFail(decodeArticleBytes(latin1), 'invalid-utf8');
    assert.strictEqual(r.byteOffset, 6);
    assert.match(r.message, /byte offset 6/);
    assert.match(r.message, /0xE9/);
    assert.match(r.message, /line 1/);
    assert.ok(!r.message.includes('\uFFFD'));
  });

  it('reports the line of the bad byte', () => {
    const r = expectFail(decodeArticleBytes(concat(utf8('a\nb\r\nc\rd '), bytes(0xff))), 'invalid-utf8');
    assert.strictEqual(r.byteOffset, 9);
    assert.match(r.message, /line 4, byte 3 of that line/);
    assert.match(r.message, /last byte of the file/);
  });

  it('rejects overlong forms, surrogates, code points above U+10FFFF and truncated sequences', () => {
    const cases: Array<[string, Uint8Array, number]> = [
      ['overlong slash', bytes(0x61, 0xc0, 0xaf), 1],
      ['overlong 3-byte', bytes(0xe0, 0x80, 0xaf), 0],
      ['overlong 4-byte', bytes(0xf0, 0x80, 0x80, 0xaf), 0],
      ['surrogate D800', bytes(0x61, 0x62, 0xed, 0xa0, 0x80), 2],
      ['above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
      ['F5 lead', bytes(0xf5, 0x80, 0x80, 0x80), 0],
      ['stray continuation', bytes(0x61, 0x80), 1],
      ['truncated at end', bytes(0x61, 0xe2, 0x80), 1],
      ['truncated mid-file', bytes(0xe2, 0x80, 0x61), 0],
    ];
    for (const [name, input, offset] of cases) {
      const r = expectFail(decodeArticleBytes(input), 'invalid-utf8');
      assert.strictEqual(r.byteOffset, offset, name);
    }
  });

  it('refuses inputs over the size limit (default 5 MB) before decoding', () => {
    assert.strictEqual(DEFAULT_MAX_BYTES, 5 * 1024 * 1024);
    const r = expectFail(decodeArticleBytes(new Uint8Array(2048), { maxBytes: 1024 }), 'too-large');
    assert.match(r.message, /2 KB.*1 KB/);
    // Exactly at the limit is fine.
    expectOk(decodeArticleBytes(utf8('x'.repeat(1024)), { maxBytes: 1024 }));
  });

  it('decodes a 2 MB single line quickly and exactly', () => {
    const line = 'Japan is home to more than 50,000 U.S. troops “and more” — ';
    const big = line.repeat(Math.ceil((2 * 1024 * 1024) / utf8(line).length));
    const started = Date.now();
    const r = expectOk(decodeArticleBytes(utf8(big)));
    assert.strictEqual(r.text.length, big.length);
    assert.strictEqual(r.text, big);
    assert.strictEqual(r.lineEndings, 'none');
    assert.ok(Date.now() - started < 2000, 'took too long');
  });

  it('refuses UTF-32 byte order marks clearly instead of decoding garbage', () => {
    expectFail(decodeArticleBytes(bytes(0xff, 0xfe, 0, 0, 0x41, 0, 0, 0)), 'unsupported-encoding');
    expectFail(decodeArticleBytes(bytes(0, 0, 0xfe, 0xff, 0, 0, 0, 0x41)), 'unsupported-encoding');
  });

  it('property: any string without U+0000 round-trips through UTF-8 and both UTF-16s', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        fc.pre(!s.includes('\u0000') && !s.startsWith('\uFEFF'));
        assert.strictEqual(expectOk(decodeArticleBytes(utf8(s))).text, s);
        assert.strictEqual(expectOk(decodeArticleBytes(utf16(s, true))).text, s);
        assert.strictEqual(expectOk(decodeArticleBytes(utf16(s, false))).text, s);
      }),
      { numRuns: 300 },
    );
  });

  it('property: the validator agrees with a fatal TextDecoder on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        let decoderOk = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(input);
        } catch {
          decoderOk = false;
        }
        assert.strictEqual(findInvalidUtf8(input) === -1, decoderOk);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('textDecoding: detectLineEndings', () => {
  it('classifies line breaks', () => {
    assert.strictEqual(detectLineEndings(''), 'none');
    assert.strictEqual(detectLineEndings('a\nb'), 'lf');
    assert.strictEqual(detectLineEndings('a\r\nb\r\n'), 'crlf');
    assert.strictEqual(detectLineEndings('a\rb'), 'cr');
    assert.strictEqual(detectLineEndings('a\r\n\n'), 'mixed');
    assert.strictEqual(detectLineEndings('\r\r\n'), 'mixed');
  });
});
