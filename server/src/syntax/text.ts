/**
 * Text helpers shared by the parsers: byte decoding that agrees with Go, and conversions between
 * offsets (UTF-16 code units of the JS string, which is what LSP uses) and Go's positions
 * (1-based line, 1-based rune-in-line).
 */
import { decodeGoBytes, encodeGoBytes } from '../module/goString';

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * decodeGoUtf8 turns file bytes into a string the way Go walks them: valid UTF-8 is decoded
 * normally and every byte of an invalid sequence is one rune, as utf8.DecodeRune reads it, kept as
 * the lone surrogate U+DC00+byte (goString.ts's convention; WHATWG decoders may merge a truncated
 * sequence into a single U+FFFD, which would shift Go's rune columns). encodeGoUtf8 gives the
 * bytes back. A leading BOM is kept: Go does not strip it and reports it as an error.
 */
export function decodeGoUtf8(bytes: Uint8Array): string {
  try {
    return fatalDecoder.decode(bytes);
  } catch {
    return decodeGoBytes(bytes);
  }
}

const escapedByte = /(?<![\ud800-\udbff])[\udc80-\udcff]/;
const utf8Encoder = new TextEncoder();

/**
 * encodeGoUtf8 is decodeGoUtf8 undone: the UTF-8 of text, with each invalid byte it kept (a lone
 * U+DC80–U+DCFF) written back as that byte — so a file with invalid UTF-8 is printed and rewritten
 * byte for byte as Go does, not with U+FFFD in its place.
 */
export function encodeGoUtf8(text: string): Uint8Array {
  return escapedByte.test(text) ? Uint8Array.from(encodeGoBytes(text)) : utf8Encoder.encode(text);
}

/** A Go-style position: 1-based line, 1-based rune within the line. */
export interface GoPosition {
  line: number;
  column: number;
}

/** An LSP-style position: 0-based line, 0-based UTF-16 character. */
export interface LspPosition {
  line: number;
  character: number;
}

/**
 * LineIndex answers offset ↔ position questions for one text in O(log lines). Making one costs
 * nothing: the line starts are found at the first question (most parses only need offsets).
 */
export class LineIndex {
  private found: number[] | undefined;

  constructor(private readonly text: string) {}

  private get starts(): number[] {
    if (this.found === undefined) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.found = starts;
    }
    return this.found;
  }

  /** the length of the text */
  get length(): number {
    return this.text.length;
  }

  /** lineOf returns the 0-based line holding offset. */
  lineOf(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineStart(line: number): number {
    const starts = this.starts;
    return starts[Math.max(0, Math.min(line, starts.length - 1))];
  }

  get lineCount(): number {
    return this.starts.length;
  }

  offsetToLsp(offset: number): LspPosition {
    const line = this.lineOf(offset);
    return { line, character: offset - this.starts[line] };
  }

  lspToOffset(pos: LspPosition): number {
    const starts = this.starts;
    if (pos.line >= starts.length) return this.text.length;
    const start = starts[Math.max(0, pos.line)];
    const next = pos.line + 1 < starts.length ? starts[pos.line + 1] : this.text.length;
    return Math.min(start + Math.max(0, pos.character), next);
  }

  /** offsetToGo converts to Go's position: the column counts runes (a surrogate pair is one rune). */
  offsetToGo(offset: number): GoPosition {
    const line = this.lineOf(offset);
    let column = 1;
    for (let i = this.starts[line]; i < offset; i++) {
      const c = this.text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < offset) {
        const d = this.text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
      column++;
    }
    return { line: line + 1, column };
  }
}

/** GO_SPACE lists what Go's unicode.IsSpace accepts (JS's \s also has U+FEFF, which Go's does not). */
export const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const TRIM_RE = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');
const FIELDS_RE = new RegExp(`[^${GO_SPACE}]+`, 'g');

/** trimGoSpace is Go's strings.TrimSpace. */
export function trimGoSpace(s: string): string {
  return s.replace(TRIM_RE, '');
}

/** goFields is Go's strings.Fields: the runs of non-space characters. */
export function goFields(s: string): string[] {
  return s.match(FIELDS_RE) ?? [];
}
