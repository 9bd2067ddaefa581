/**
 * The go.mod/go.work lexer, with golang.org/x/mod/modfile's token rules (semantics §1.1):
 * only space, tab and CR are skipped; `\n` is a token; `//` comments run to and include the
 * newline; `( ) [ ] { } ,` are punctuation; `"…"` and backquoted strings; every other run of
 * printable, non-space runes is an identifier (so `=>` and `a=>b` are identifiers).
 *
 * Unlike Go's lexer, which aborts the whole parse at the first bad character, this one reports
 * the error, skips to the end of the line and hands the parser an ERROR token that ends the line,
 * so that parsing resumes on the next line.
 */
import { goQuoteRune, isGoPrint, isGoSpace } from '../module/goString';
import { Comment } from './ast';

export const enum Kind {
  EOF = -1,
  EOLComment = -2,
  Ident = -3,
  String = -4,
  Comment = -5,
  Error = -6,
  Newline = 10,
  LParen = 40,
  RParen = 41,
  Comma = 44,
  LBrack = 91,
  RBrack = 93,
  LBrace = 123,
  RBrace = 125,
}

export interface Tok {
  kind: Kind;
  start: number;
  end: number;
  text: string;
}

/** isEOL reports whether a token kind ends a line (ERROR ends the line it spoiled). */
export function isEOL(k: Kind): boolean {
  return k === Kind.EOF || k === Kind.EOLComment || k === Kind.Newline || k === Kind.Error;
}

/** LexError is a lexical error: `pos` is where Go reports it, `start`/`end` what an editor marks. */
export interface LexError {
  message: string;
  pos: number;
  start: number;
  end: number;
}

/** isIdentChar is modfile's isIdent for one code point. */
export function isIdentChar(cp: number): boolean {
  if (cp < 0x80) {
    if (cp <= 0x20 || cp === 0x7f) return false;
    return !(cp === 0x28 || cp === 0x29 || cp === 0x5b || cp === 0x5d || cp === 0x7b || cp === 0x7d || cp === 0x2c);
  }
  // A lone surrogate can only come from an editor buffer; Go would see U+FFFD there, which is printable.
  if (cp >= 0xd800 && cp <= 0xdfff) return true;
  return !isGoSpace(cp) && isGoPrint(cp);
}

export class Lexer {
  pos = 0;
  /** suffix (end-of-line) comments, in order, for attachment after parsing */
  readonly suffixComments: Comment[] = [];
  readonly errors: LexError[] = [];
  private tokenOnLine = false;

  constructor(readonly text: string) {}

  /** next lexes and returns the next token. */
  next(): Tok {
    const text = this.text;
    const n = text.length;
    for (;;) {
      while (this.pos < n) {
        const c = text.charCodeAt(this.pos);
        if (c !== 0x20 && c !== 0x09 && c !== 0x0d) break;
        this.pos++;
      }
      if (this.pos >= n) return this.tok(Kind.EOF, this.pos, this.pos);
      const c = text.charCodeAt(this.pos);
      if (c === 0x2f && text.charCodeAt(this.pos + 1) === 0x2f) return this.comment();
      if (c === 0x2f && text.charCodeAt(this.pos + 1) === 0x2a) return this.fail(slashStarMessage, this.pos, this.pos + 2);
      break;
    }
    const start = this.pos;
    const c = text.charCodeAt(start);
    switch (c) {
      case 0x0a:
        this.pos++;
        this.tokenOnLine = false;
        return this.tok(Kind.Newline, start, this.pos);
      case 0x28: case 0x29: case 0x5b: case 0x5d: case 0x7b: case 0x7d: case 0x2c:
        this.pos++;
        this.tokenOnLine = true;
        return this.tok(c as Kind, start, this.pos);
      case 0x22: case 0x60:
        return this.quoted(c);
    }
    return this.ident(start);
  }

  private tok(kind: Kind, start: number, end: number): Tok {
    return { kind, start, end, text: this.text.slice(start, end) };
  }

  private comment(): Tok {
    const text = this.text;
    const start = this.pos;
    const suffix = this.tokenOnLine;
    const nl = text.indexOf('\n', start);
    let end = nl < 0 ? text.length : nl;
    this.pos = nl < 0 ? text.length : nl + 1;
    if (nl >= 0 && end > start && text.charCodeAt(end - 1) === 0x0d) end--; // modfile drops one trailing CRLF
    this.tokenOnLine = false;
    const body = text.slice(start, end);
    if (!suffix) return { kind: Kind.Comment, start, end, text: body };
    this.suffixComments.push({ start, end, text: body, suffix: true });
    return { kind: Kind.EOLComment, start, end, text: body };
  }

  private quoted(quote: number): Tok {
    const text = this.text;
    const start = this.pos;
    let i = start + 1;
    for (;;) {
      if (i >= text.length) return this.failAt('unexpected EOF in string', start, start, text.length);
      const c = text.charCodeAt(i);
      if (c === 0x0a) return this.failAt('unexpected newline in string', i, start, i);
      i++;
      if (c === quote) break;
      if (c === 0x5c && quote === 0x22) {
        if (i >= text.length) return this.failAt('unexpected EOF in string', start, start, text.length);
        i += isHighSurrogatePair(text, i) ? 2 : 1;
      }
    }
    this.pos = i;
    this.tokenOnLine = true;
    return this.tok(Kind.String, start, i);
  }

  private ident(start: number): Tok {
    const text = this.text;
    const first = text.codePointAt(start) ?? 0;
    if (!isIdentChar(first)) {
      const width = first > 0xffff ? 2 : 1;
      return this.fail(`unexpected input character ${goQuoteRune(first)}`, start, start + width);
    }
    let i = start;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c === 0x2f) {
          const d = text.charCodeAt(i + 1);
          if (d === 0x2f) break;
          if (d === 0x2a) return this.fail(slashStarMessage, i, i + 2);
        }
        if (!isIdentChar(c)) break;
        i++;
        continue;
      }
      const cp = text.codePointAt(i) ?? c;
      if (!isIdentChar(cp)) break;
      i += cp > 0xffff ? 2 : 1;
    }
    this.pos = i;
    this.tokenOnLine = true;
    return this.tok(Kind.Ident, start, i);
  }

  private fail(message: string, start: number, end: number): Tok {
    return this.failAt(message, start, start, end);
  }

  /** failAt records an error and skips the rest of the line, newline included. */
  private failAt(message: string, pos: number, start: number, end: number): Tok {
    this.errors.push({ message, pos, start, end });
    const nl = this.text.indexOf('\n', end);
    this.pos = nl < 0 ? this.text.length : nl + 1;
    this.tokenOnLine = false;
    return { kind: Kind.Error, start, end, text: this.text.slice(start, end) };
  }
}

const slashStarMessage = 'mod files must use // comments (not /* */ comments)';

function isHighSurrogatePair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}
