// Turning a file's bytes into the text an editor would show, or a clear reason why not.
//
// Pure and browser-safe: only `Uint8Array` and the global `TextDecoder` (no Node built-ins, no `vscode`).
// The text is returned AS IS so that UTF-16 offsets computed on it match what VS Code shows for the same
// file: line endings are not normalised (CRLF stays CRLF, a lone CR stays a CR), nothing is trimmed, and
// nothing is ever silently replaced by U+FFFD. The one exception is the byte order mark: VS Code removes
// the BOM from the document text (`TextDocument.getText()` never starts with U+FEFF for a file saved
// "with BOM"), so we strip it too and report `hadBom: true`; offset 0 is then the first real character,
// exactly as in the editor.
//
// Failure messages are complete sentences without the file name; callers prefix the path
// (`${path}: ${message}`).

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';
export type LineEndings = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

export interface DecodedText {
  ok: true;
  /** The document text, BOM removed, otherwise byte-for-byte what the file holds. */
  text: string;
  encoding: TextEncodingName;
  /** A byte order mark was present (and was removed from `text`). */
  hadBom: boolean;
  lineEndings: LineEndings;
  /** Size of the input in bytes (BOM included). */
  byteLength: number;
}

export type DecodeFailureReason =
  | 'binary'
  | 'too-large'
  | 'invalid-utf8'
  | 'invalid-utf16'
  | 'unsupported-encoding';

export interface DecodeFailure {
  ok: false;
  reason: DecodeFailureReason;
  /** Human sentence saying what is wrong and where (byte offset, line), without the file name. */
  message: string;
  /** Byte offset (from the start of the file, BOM included) of the first offending byte, when there is one. */
  byteOffset?: number;
}

export type DecodeResult = DecodedText | DecodeFailure;

export interface DecodeOptions {
  /** Inputs larger than this are refused with reason `too-large`. Default `DEFAULT_MAX_BYTES` (5 MB). */
  maxBytes?: number;
}

/** 5 MB: the default size limit of issue 8 (a setting in the extension). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** One decoder for every file: `decode` without `stream` keeps no state between calls. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeArticleBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const n = bytes.length;
  if (n > maxBytes) {
    return {
      ok: false,
      reason: 'too-large',
      message: `file is ${formatByteSize(n)}, over the size limit of ${formatByteSize(maxBytes)}; not read`,
    };
  }
  if (n === 0) return ok('', 'utf-8', false, 0);

  // UTF-32 BOMs first: FF FE 00 00 would otherwise be taken for UTF-16LE.
  if (n >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    return unsupported('UTF-32LE');
  }
  if (n >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    return unsupported('UTF-32BE');
  }
  if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, true);
  if (n >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, false);

  const hadBom = n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const start = hadBom ? 3 : 0;

  const nul = bytes.indexOf(0, start);
  if (nul !== -1) {
    const hint = looksLikeUtf16WithoutBom(bytes)
      ? ' It looks like UTF-16 text saved without a byte order mark; re-save it as UTF-8 (or UTF-16 with BOM).'
      : '';
    return {
      ok: false,
      reason: 'binary',
      byteOffset: nul,
      message: `looks like a binary file, not text: NUL byte at byte offset ${nul} (${where(bytes, nul)}).${hint}`,
    };
  }

  const bad = findInvalidUtf8(bytes, start);
  if (bad !== -1) {
    return {
      ok: false,
      reason: 'invalid-utf8',
      byteOffset: bad,
      message:
        `not valid UTF-8: byte ${hexBytes(bytes, bad, 1)} at byte offset ${bad} (${where(bytes, bad)}) does not ` +
        `start a valid UTF-8 sequence${following(bytes, bad)}. ` +
        'The file may be in another encoding (Latin-1, Windows-1252…); re-save it as UTF-8. Nothing was replaced.',
    };
  }

  // Validated above, so this decoder cannot throw; `ignoreBOM` because we removed the BOM ourselves
  // (a second U+FEFF right after it is content and is kept, as VS Code does).
  const text = UTF8.decode(bytes.subarray(start));
  return ok(text, 'utf-8', hadBom, n);
}

/** How the text breaks its lines: a single style, several (`mixed`), or no line break at all (`none`). */
export function detectLineEndings(text: string): LineEndings {
  let lf = false;
  let crlf = false;
  let cr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf = true;
        i++;
      } else {
        cr = true;
      }
    } else if (c === 10) {
      lf = true;
    }
  }
  const kinds = (lf ? 1 : 0) + (crlf ? 1 : 0) + (cr ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return lf ? 'lf' : crlf ? 'crlf' : 'cr';
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode 15, table 3-7:
 * no overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence), or -1.
 */
export function findInvalidUtf8(bytes: Uint8Array, start = 0): number {
  const n = bytes.length;
  let i = start;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      else if (b === 0xed) hi = 0x9f; // UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      else if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else {
      return i; // stray continuation byte, C0/C1 overlong lead, or F5..FF
    }
    const b1 = bytes[i + 1];
    if (b1 === undefined || b1 < lo || b1 > hi) return i;
    for (let k = 2; k <= need; k++) {
      const bk = bytes[i + k];
      if (bk === undefined || bk < 0x80 || bk > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): DecodeResult {
  const encoding: TextEncodingName = littleEndian ? 'utf-16le' : 'utf-16be';
  const label = littleEndian ? 'UTF-16LE' : 'UTF-16BE';
  const n = bytes.length;
  const units: number[] = [];
  const parts: string[] = [];
  let pendingHigh = -1; // byte offset of an unmatched high surrogate
  for (let i = 2; i + 1 < n; i += 2) {
    const u = littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
    if (u === 0) {
      return {
        ok: false,
        reason: 'binary',
        byteOffset: i,
        message: `looks like a binary file, not text: ${label} character U+0000 at byte offset ${i}.`,
      };
    }
    if (u >= 0xd800 && u <= 0xdbff) {
      if (pendingHigh !== -1) return badSurrogate(label, pendingHigh);
      pendingHigh = i;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      if (pendingHigh === -1) return badSurrogate(label, i);
      pendingHigh = -1;
    } else if (pendingHigh !== -1) {
      return badSurrogate(label, pendingHigh);
    }
    units.push(u);
    if (units.length >= 8192 && pendingHigh === -1) {
      parts.push(String.fromCharCode.apply(null, units));
      units.length = 0;
    }
  }
  if (pendingHigh !== -1) return badSurrogate(label, pendingHigh);
  if ((n & 1) === 1) {
    return {
      ok: false,
      reason: 'invalid-utf16',
      byteOffset: n - 1,
      message: `not valid ${label}: the file has an odd number of bytes (${n}); the last byte, at offset ${n - 1}, is half a character. Nothing was replaced.`,
    };
  }
  parts.push(String.fromCharCode.apply(null, units));
  return ok(parts.join(''), encoding, true, n);
}

function badSurrogate(label: string, offset: number): DecodeFailure {
  return {
    ok: false,
    reason: 'invalid-utf16',
    byteOffset: offset,
    message: `not valid ${label}: unpaired surrogate at byte offset ${offset}. Nothing was replaced.`,
  };
}

function unsupported(label: string): DecodeFailure {
  return {
    ok: false,
    reason: 'unsupported-encoding',
    byteOffset: 0,
    message: `starts with a ${label} byte order mark; ${label} is not supported, re-save the file as UTF-8.`,
  };
}

function ok(text: string, encoding: TextEncodingName, hadBom: boolean, byteLength: number): DecodedText {
  return { ok: true, text, encoding, hadBom, lineEndings: detectLineEndings(text), byteLength };
}

/** ASCII text in UTF-16 has a zero in every other byte; checks the first 512 bytes. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const len = Math.min(bytes.length, 512) & ~1;
  if (len < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < len; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = len / 2;
  return (oddZeros > pairs * 0.7 && evenZeros === 0) || (evenZeros > pairs * 0.7 && oddZeros === 0);
}

/** "line L, byte B of that line" for a byte offset (lines counted by LF, CR and CRLF, 1-based). */
function where(bytes: Uint8Array, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 10 || (b === 13 && bytes[i + 1] !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, byte ${offset - lineStart + 1} of that line`;
}

function hexBytes(bytes: Uint8Array, offset: number, count: number): string {
  const out: string[] = [];
  for (let i = offset; i < Math.min(bytes.length, offset + count); i++) {
    out.push('0x' + bytes[i].toString(16).toUpperCase().padStart(2, '0'));
  }
  return out.join(' ');
}

function following(bytes: Uint8Array, offset: number): string {
  if (offset + 1 >= bytes.length) return ' (it is the last byte of the file)';
  return ` (next bytes: ${hexBytes(bytes, offset + 1, 3)})`;
}

/** `512 bytes`, `1.5 KB`, `5 MB`. */
export function formatByteSize(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
