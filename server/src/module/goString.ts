// Go string-literal helpers (strconv.Quote / QuoteRune / Unquote, unicode.IsPrint / IsSpace) on JS strings.
//
// Convention shared with the lexer: a file's bytes are decoded so that every invalid UTF-8 byte 0xNN
// becomes the lone surrogate U+DCNN (as Python's surrogateescape does), one UTF-16 unit and one rune, as
// the byte is one rune to Go. Valid UTF-8 never decodes to a lone surrogate, so the raw byte is known
// again wherever Go shows it: Quote writes `\xff`, encoding/json `\ufffd`, a module path check says
// "invalid UTF-8", and the bytes written back are the file's own. A lone surrogate outside U+DC80–U+DCFF
// (only an editor buffer can hold one) is treated as the three WTF-8 bytes it stands for.
//
// Unicode tables: printability comes from the JS engine's Unicode data (V8/ICU), Go's from its own
// `unicode` tables (Unicode 15.0.0 since Go 1.21). Code points assigned after Unicode 15.0 are therefore
// printable here but escaped by Go; everything assigned earlier agrees.

const PRINT_RE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const SPACE_RE = /^\p{White_Space}$/u;
const LETTER_RE = /^\p{L}$/u;

/** Memo for BMP printability: 0 = unknown, 1 = not printable, 2 = printable. */
const bmpPrint = new Uint8Array(0x10000);

/**
 * isGoPrint is Go's unicode.IsPrint (and strconv.IsPrint): letters, marks, numbers, punctuation,
 * symbols and U+0020 — so NBSP, U+2028, soft hyphen and all controls are not printable. The lexer calls
 * it per character, so ASCII and Latin-1 are answered by comparisons alone. `cp` must be a code point.
 */
export function isGoPrint(cp: number): boolean {
  if (cp < 0x7f) return cp >= 0x20;
  if (cp < 0xa1) return false; // DEL, C1 controls, NBSP
  if (cp < 0x100) return cp !== 0xad; // Latin-1 is all L/N/P/S except the soft hyphen (Cf)
  if (cp < 0x10000) {
    const known = bmpPrint[cp];
    if (known !== 0) return known === 2;
    const p = PRINT_RE.test(String.fromCharCode(cp));
    bmpPrint[cp] = p ? 2 : 1;
    return p;
  }
  if (!(cp <= 0x10ffff) || !Number.isInteger(cp)) return false;
  return PRINT_RE.test(String.fromCodePoint(cp));
}

/**
 * isGoSpace is Go's unicode.IsSpace: \t \n \v \f \r, space, U+0085, U+00A0 and the other White_Space
 * code points. Branch-only below U+1680, the first non-Latin-1 space.
 */
export function isGoSpace(cp: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  if (cp < 0x100) return cp === 0x85 || cp === 0xa0;
  if (cp < 0x1680 || cp > 0x3000) return false;
  return SPACE_RE.test(String.fromCharCode(cp));
}

/** isGoLetter is Go's unicode.IsLetter (category L), used for file-path characters. */
export function isGoLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  if (!(cp <= 0x10ffff) || !Number.isInteger(cp) || (cp >= 0xd800 && cp <= 0xdfff)) return false;
  return LETTER_RE.test(String.fromCodePoint(cp));
}

const HEX = '0123456789abcdef';

function hex(n: number, width: number): string {
  let s = '';
  for (let shift = (width - 1) * 4; shift >= 0; shift -= 4) s += HEX[(n >>> shift) & 0xf];
  return s;
}

/** escapeRune is strconv's appendEscapedRune for a valid code point inside a `quote`-quoted literal. */
function escapeRune(cp: number, quote: number): string {
  if (cp === quote || cp === 0x5c) return '\\' + String.fromCharCode(cp);
  if (isGoPrint(cp)) return String.fromCodePoint(cp);
  switch (cp) {
    case 0x07: return '\\a';
    case 0x08: return '\\b';
    case 0x0c: return '\\f';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case 0x0b: return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

/** surrogateBytes is the `\xNN` Go prints for the invalid bytes a lone surrogate stands for. */
function surrogateBytes(u: number): string {
  if (isEscapedByte(u)) return '\\x' + hex(u & 0xff, 2);
  return '\\xed\\x' + hex(0x80 | ((u >> 6) & 0x3f), 2) + '\\x' + hex(0x80 | (u & 0x3f), 2);
}

/** isEscapedByte: u is U+DC80–U+DCFF, the form decodeGoBytes gives an invalid byte 0x80–0xFF. */
export function isEscapedByte(u: number): boolean {
  return u >= 0xdc80 && u <= 0xdcff;
}

/** needsEscape reports whether a UTF-16 unit cannot be copied verbatim into a "…" literal. */
function needsEscape(u: number): boolean {
  return u < 0x20 || u >= 0x7f || u === 0x22 || u === 0x5c;
}

/**
 * goQuote is Go's strconv.Quote (also what `%q` prints for a string): a double-quoted literal with
 * `\a\b\f\n\r\t\v`, `\\`, `\"`, printable runes kept, other controls as `\xNN`, the rest as `\uNNNN` or
 * `\UNNNNNNNN`. Error messages must match Go's byte for byte, which is why this is not JSON.stringify.
 */
export function goQuote(s: string): string {
  let i = 0;
  while (i < s.length && !needsEscape(s.charCodeAt(i))) i++;
  if (i === s.length) return '"' + s + '"';
  let out = '"' + s.slice(0, i);
  while (i < s.length) {
    const u = s.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (u <= 0xdbff && (next & 0xfc00) === 0xdc00) {
        out += escapeRune(0x10000 + ((u - 0xd800) << 10) + (next - 0xdc00), 0x22);
        i += 2;
        continue;
      }
      out += surrogateBytes(u);
    } else {
      out += needsEscape(u) ? escapeRune(u, 0x22) : s[i];
    }
    i++;
  }
  return out + '"';
}

/**
 * goQuoteRune is Go's strconv.QuoteRune, i.e. what `%q` prints for a rune (Go's module errors use it for
 * `invalid char 'X'`). A value that is not a valid rune (surrogate, negative, > U+10FFFF) prints as '�'.
 * Note: `%#q` prints exactly the same for a rune — the `#` flag (backquotes) only affects strings
 * (checked with Go: fmt.Sprintf("%#q", rune(0xa0)) == `'\u00a0'`), so there is no separate export.
 */
export function goQuoteRune(cp: number): string {
  const valid = Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
  return "'" + escapeRune(valid ? cp : 0xfffd, 0x27) + "'";
}

/** goCompareStrings compares as Go compares strings (UTF-8 byte order = code point order); -1, 0 or 1. */
export function goCompareStrings(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 puts surrogates (astral code points) below U+E000..U+FFFF; UTF-8 puts them above.
    if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
    if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** GoUnquoteResult is goUnquote's answer: the literal's value, or Go's error text. */
export type GoUnquoteResult = { value: string } | { error: string };

function syntaxError(): GoUnquoteResult {
  return { error: 'invalid syntax' };
}

/**
 * goUnquote is Go's strconv.Unquote for "…", `…` and '…' literals (go.mod strings use the first two).
 * It never throws; on malformed input it returns `{error: 'invalid syntax'}` (Go's strconv.ErrSyntax
 * text). `\xNN` and octal escapes yield raw bytes in Go; runs of them are decoded like file bytes, so a
 * byte that is not part of valid UTF-8 becomes U+FFFD.
 */
export function goUnquote(s: string): GoUnquoteResult {
  const n = s.length;
  if (n < 2) return syntaxError();
  const q = s.charCodeAt(0);
  if (q === 0x60) return unquoteRaw(s);
  if (q !== 0x22 && q !== 0x27) return syntaxError();
  if (s.indexOf(s[0], 1) === n - 1) {
    const body = s.slice(1, n - 1);
    if (!body.includes('\\') && !body.includes('\n') && plainBodyOK(body, q)) return { value: body };
  }
  return unquoteEscaped(s, q);
}

/** unquoteRaw: a backquoted literal ends at the first backquote; carriage returns are dropped. */
function unquoteRaw(s: string): GoUnquoteResult {
  if (s.indexOf('`', 1) !== s.length - 1) return syntaxError();
  const body = s.slice(1, -1);
  return { value: body.includes('\r') ? body.replace(/\r/g, '') : body };
}

/** plainBodyOK is Go's no-escape fast path test: valid UTF-8, and exactly one rune inside '…'. */
function plainBodyOK(body: string, q: number): boolean {
  if (q === 0x27) {
    const cp = body.codePointAt(0) ?? -1;
    return body.length === (cp > 0xffff ? 2 : 1) && !(cp >= 0xd800 && cp <= 0xdfff);
  }
  for (let i = 0; i < body.length; i++) {
    const u = body.charCodeAt(i);
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u > 0xdbff || (body.charCodeAt(i + 1) & 0xfc00) !== 0xdc00) return false;
    i++;
  }
  return true;
}

/** Escape is one decoded escape sequence: a code point, or a raw byte (>= 0x80) from \x or octal. */
interface Escape { cp: number; raw: boolean; next: number }

function hexDigit(u: number): number {
  if (u >= 0x30 && u <= 0x39) return u - 0x30;
  if (u >= 0x61 && u <= 0x66) return u - 0x57;
  if (u >= 0x41 && u <= 0x46) return u - 0x37;
  return -1;
}

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };

/** readEscape decodes the escape whose backslash is at s[i] (strconv.UnquoteChar's hard case). */
function readEscape(s: string, i: number, q: number): Escape | undefined {
  const c = s[i + 1];
  if (c === undefined) return undefined;
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return { cp: simple, raw: false, next: i + 2 };
  if (c === 'x' || c === 'u' || c === 'U') {
    const width = c === 'x' ? 2 : c === 'u' ? 4 : 8;
    let v = 0;
    for (let j = 0; j < width; j++) {
      const d = hexDigit(s.charCodeAt(i + 2 + j));
      if (d < 0) return undefined;
      v = v * 16 + d;
    }
    if (c === 'x') return { cp: v, raw: v >= 0x80, next: i + 2 + width };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
    return { cp: v, raw: false, next: i + 2 + width };
  }
  if (c >= '0' && c <= '7') {
    let v = c.charCodeAt(0) - 0x30;
    for (let j = 2; j < 4; j++) {
      const d = s.charCodeAt(i + j) - 0x30;
      if (!(d >= 0 && d <= 7)) return undefined;
      v = v * 8 + d;
    }
    if (v > 255) return undefined;
    return { cp: v, raw: v >= 0x80, next: i + 4 };
  }
  if ((c === "'" || c === '"') && c.charCodeAt(0) === q) return { cp: q, raw: false, next: i + 2 };
  return undefined;
}

/** unquoteEscaped is the general path of Unquote for "…" and '…' literals. */
function unquoteEscaped(s: string, q: number): GoUnquoteResult {
  const n = s.length;
  let out = '';
  let raw: number[] = [];
  let i = 1;
  while (i < n && s.charCodeAt(i) !== q) {
    const u = s.charCodeAt(i);
    if (u === 0x0a) return syntaxError();
    if (u === 0x5c) {
      const e = readEscape(s, i, q);
      if (e === undefined) return syntaxError();
      i = e.next;
      if (e.raw) {
        raw.push(e.cp);
      } else {
        if (raw.length > 0) { out += decodeGoBytes(raw); raw = []; }
        out += String.fromCodePoint(e.cp);
      }
    } else {
      if (raw.length > 0) { out += decodeGoBytes(raw); raw = []; }
      if (u < 0xd800 || u > 0xdfff) {
        out += s[i];
        i++;
      } else if (u <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        out += s.slice(i, i + 2);
        i += 2;
      } else if (isEscapedByte(u)) {
        // an invalid byte of the file: Go's UnquoteChar reads it as one U+FFFD
        out += '\ufffd';
        i++;
      } else {
        // any other lone surrogate is three invalid bytes to Go: three U+FFFD, or too many for '…'.
        if (q === 0x27) return syntaxError();
        out += '\ufffd\ufffd\ufffd';
        i++;
      }
    }
    if (q === 0x27) break;
  }
  if (i !== n - 1 || s.charCodeAt(i) !== q) return syntaxError();
  if (raw.length > 0) out += decodeGoBytes(raw);
  return { value: out };
}

/** utf8Lead returns [length, lowest, highest second byte] for a UTF-8 lead byte, or undefined. */
function utf8Lead(b: number): [number, number, number] | undefined {
  if (b >= 0xc2 && b <= 0xdf) return [2, 0x80, 0xbf];
  if (b === 0xe0) return [3, 0xa0, 0xbf];
  if (b >= 0xe1 && b <= 0xef) return [3, 0x80, b === 0xed ? 0x9f : 0xbf];
  if (b === 0xf0) return [4, 0x90, 0xbf];
  if (b >= 0xf1 && b <= 0xf3) return [4, 0x80, 0xbf];
  if (b === 0xf4) return [4, 0x80, 0x8f];
  return undefined;
}

/**
 * decodeGoRune is utf8.DecodeRune on bytes[i…]: [code point, size], with [U+FFFD, 1] for a byte that
 * does not start a valid sequence (overlong, surrogate, > U+10FFFF or truncated), as Go decodes.
 */
export function decodeGoRune(bytes: ArrayLike<number>, i: number): [number, number] {
  const b = bytes[i];
  if (b < 0x80) return [b, 1];
  const lead = utf8Lead(b);
  if (lead === undefined) return [0xfffd, 1];
  const [n, lo, hi] = lead;
  if (i + n > bytes.length || bytes[i + 1] < lo || bytes[i + 1] > hi) return [0xfffd, 1];
  let cp = b & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    const c = bytes[i + k];
    if (k > 1 && (c & 0xc0) !== 0x80) return [0xfffd, 1];
    cp = (cp << 6) | (c & 0x3f);
  }
  return [cp, n];
}

/**
 * decodeGoBytes decodes bytes the way Go ranges over a string: each byte that does not start a valid
 * UTF-8 sequence is one rune (unlike TextDecoder, which folds a truncated sequence into one U+FFFD),
 * kept as the lone surrogate U+DC00+byte (see the convention above). Linear, and compact: the UTF-16
 * units go into one array (never more units than bytes) and become a string in slices.
 */
export function decodeGoBytes(bytes: ArrayLike<number>): string {
  const units = new Uint16Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      units[n++] = b;
      i++;
      continue;
    }
    const [cp, size] = decodeGoRune(bytes, i);
    if (size === 1) units[n++] = 0xdc00 | b; // invalid: the byte itself, escaped
    else if (cp < 0x10000) units[n++] = cp;
    else {
      units[n++] = 0xd800 + ((cp - 0x10000) >> 10);
      units[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    }
    i += size;
  }
  const parts: string[] = [];
  for (let at = 0; at < n; at += 0x2000) parts.push(String.fromCharCode(...units.subarray(at, Math.min(n, at + 0x2000))));
  return parts.join('');
}

/**
 * encodeGoBytes is the bytes Go would hold for s: UTF-8, an escaped invalid byte (U+DC80–U+DCFF) as
 * that byte, any other lone surrogate as its 3 WTF-8 bytes.
 */
export function encodeGoBytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) { out.push(c); continue; }
    if (isEscapedByte(c)) { out.push(c & 0xff); continue; }
    if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00);
      i++;
    }
    if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}
