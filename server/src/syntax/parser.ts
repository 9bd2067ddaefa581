/**
 * The statement layer of go.mod/go.work parsing (semantics §1.2): lines, line blocks, comment
 * blocks and comment attachment, as golang.org/x/mod/modfile builds them — but it never fails:
 * every statement that parsed is kept, and each error carries its span and the position Go
 * reports, and parsing goes on at the next line.
 */
import { Comment, Comments, CommentBlock, FileSyntax, Line, LineBlock, Stmt, Token, emptyComments } from './ast';
import { Kind, Lexer, Tok, isEOL } from './lexer';
import { LineIndex } from './text';

/** ParseError is one problem found in a file. */
export interface ParseError {
  /** Go's message text, without the `FILE:LINE:` prefix */
  message: string;
  /** offset Go's error position refers to (for `FILE:LINE:COL` output) */
  pos: number;
  /** what an editor should underline */
  start: number;
  end: number;
  /** syntax errors stop Go before any directive is checked; rule errors are all reported */
  phase: 'syntax' | 'rule';
  /** a short suggestion, for the editor */
  hint?: string;
  /** set when a related location explains the error (e.g. where an unterminated block started) */
  related?: { start: number; end: number; message: string };
  /** warnings are our additions; Go itself accepts the text */
  severity?: 'error' | 'warning';
}

export interface SyntaxResult {
  syntax: FileSyntax;
  errors: ParseError[];
}

/** parseSyntax parses text into a FileSyntax; `name` is used in messages that mention the file. */
export function parseSyntax(name: string, text: string): SyntaxResult {
  const p = new Parser(name, text);
  p.parseFile();
  const syntax: FileSyntax = { name, text, stmts: p.stmts, comments: emptyComments() };
  assignComments(syntax, p.lexer.suffixComments);
  // by position; at the same position the parser's error first: there Go's parser stopped on a
  // token it had lexed whole, before its lexer could reach the character at that position
  const errors = p.errors.concat(p.lexer.errors.map((e): ParseError => ({ ...e, phase: 'syntax' })));
  errors.sort((a, b) => a.pos - b.pos);
  return { syntax, errors };
}

class Parser {
  readonly lexer: Lexer;
  readonly stmts: Stmt[] = [];
  readonly errors: ParseError[] = [];
  private tok: Tok;
  private lineIndex?: LineIndex;

  constructor(private readonly name: string, private readonly text: string) {
    this.lexer = new Lexer(text);
    this.tok = this.lexer.next();
  }

  private peek(): Kind {
    return this.tok.kind;
  }

  private lex(): Tok {
    const t = this.tok;
    this.tok = this.lexer.next();
    return t;
  }

  parseFile(): void {
    let cb: CommentBlock | undefined;
    for (;;) {
      switch (this.peek()) {
        case Kind.Newline:
        case Kind.Error:
          this.lex();
          if (cb) this.stmts.push(cb);
          cb = undefined;
          break;
        case Kind.Comment: {
          const t = this.lex();
          cb ??= { type: 'comments', start: t.start, end: t.end, comments: emptyComments() };
          cb.comments.before.push(toComment(t));
          cb.end = t.end;
          break;
        }
        case Kind.EOF:
          if (cb) this.stmts.push(cb);
          return;
        default: {
          const added = this.parseStmt();
          if (cb) {
            if (added) added.comments.before = cb.comments.before;
            else this.stmts.push(cb);
            cb = undefined;
          }
        }
      }
    }
  }

  /** parseStmt parses a top-level line or block; it returns undefined when the line was spoiled. */
  private parseStmt(): Line | LineBlock | undefined {
    const first = this.lex();
    const tokens: Token[] = [toToken(first)];
    let end = first.end;
    for (;;) {
      const t = this.lex();
      if (isEOL(t.kind)) {
        if (t.kind === Kind.Error) return undefined; // the lexer reported it; the line is dropped
        return this.push(newLine(first.start, end, tokens, false));
      }
      if (t.kind === Kind.LParen) {
        const next = this.peek();
        if (isEOL(next)) return this.push(this.parseLineBlock(first.start, tokens, t));
        if (next === Kind.RParen) {
          const rparen = this.lex();
          if (isEOL(this.peek())) {
            const eol = this.lex();
            if (eol.kind === Kind.Error) return undefined;
            return this.push(emptyBlock(first.start, tokens, t, rparen));
          }
          tokens.push(toToken(t), toToken(rparen)); // `( )` in the middle of a line
          end = rparen.end;
          continue;
        }
      }
      tokens.push(toToken(t));
      end = t.end;
    }
  }

  private push<T extends Stmt>(s: T): T {
    this.stmts.push(s);
    return s;
  }

  private parseLineBlock(start: number, verb: Token[], lparen: Tok): LineBlock {
    const block: LineBlock = {
      type: 'block', start, end: lparen.end, verb, lines: [], comments: emptyComments(),
      lparen: { pos: lparen.start, comments: emptyComments() },
      rparen: { pos: -1, comments: emptyComments() },
    };
    let comments: Comment[] = [];
    for (;;) {
      switch (this.peek()) {
        case Kind.EOLComment:
          this.lex();
          break;
        case Kind.Error:
          this.lex();
          break;
        case Kind.Newline:
          this.lex();
          if ((comments.length === 0 && block.lines.length > 0) || (comments.length > 0 && comments[comments.length - 1].text !== '')) {
            comments.push({ start: -1, end: -1, text: '', suffix: false }); // a blank line, kept for printing
          }
          break;
        case Kind.Comment:
          comments.push(toComment(this.lex()));
          break;
        case Kind.EOF:
          this.unterminated(block);
          block.rparen.comments.before = comments;
          return block;
        case Kind.RParen:
          return this.closeBlock(block, comments);
        default: {
          const line = this.parseLine();
          if (line) {
            line.comments.before = comments;
            block.lines.push(line);
            comments = [];
          }
        }
      }
    }
  }

  private closeBlock(block: LineBlock, comments: Comment[]): LineBlock {
    const rparen = this.lex();
    block.rparen = { pos: rparen.start, comments: { before: comments, suffix: [], after: [] } };
    block.end = rparen.end;
    if (!isEOL(this.peek())) {
      const bad = this.tok;
      this.errors.push({
        message: 'syntax error (expected newline after closing paren)', phase: 'syntax',
        pos: bad.end, start: bad.start, end: this.restOfLine(bad.start),
        hint: 'put nothing but a comment after the closing parenthesis of a block',
      });
      while (!isEOL(this.peek())) this.lex();
    }
    this.lex();
    return block;
  }

  private unterminated(block: LineBlock): void {
    this.lineIndex ??= new LineIndex(this.text);
    const at = this.lineIndex.offsetToGo(block.start);
    this.errors.push({
      message: `syntax error (unterminated block started at ${this.name}:${at.line}:${at.column})`,
      phase: 'syntax', pos: this.text.length, start: block.start, end: block.lparen.pos + 1,
      hint: 'close the block with a line holding only `)`',
    });
    block.end = this.text.length;
  }

  /** parseLine parses one line inside a block; undefined when the line was spoiled. */
  private parseLine(): Line | undefined {
    const first = this.lex();
    const tokens: Token[] = [toToken(first)];
    let end = first.end;
    for (;;) {
      const t = this.lex();
      if (isEOL(t.kind)) {
        if (t.kind === Kind.Error) return undefined;
        return newLine(first.start, end, tokens, true);
      }
      tokens.push(toToken(t));
      end = t.end;
    }
  }

  private restOfLine(from: number): number {
    const nl = this.text.indexOf('\n', from);
    let end = nl < 0 ? this.text.length : nl;
    while (end > from && /[ \t\r]/.test(this.text[end - 1])) end--;
    return end;
  }
}

function toToken(t: Tok): Token {
  return { kind: t.kind === Kind.Ident ? 'ident' : t.kind === Kind.String ? 'string' : 'punct', start: t.start, end: t.end, text: t.text };
}

function toComment(t: Tok): Comment {
  return { start: t.start, end: t.end, text: t.text, suffix: false };
}

function newLine(start: number, end: number, tokens: Token[], inBlock: boolean): Line {
  return { type: 'line', start, end, tokens, inBlock, comments: emptyComments() };
}

function emptyBlock(start: number, verb: Token[], lparen: Tok, rparen: Tok): LineBlock {
  return {
    type: 'block', start, end: rparen.end, verb, lines: [], comments: emptyComments(),
    lparen: { pos: lparen.start, comments: emptyComments() },
    rparen: { pos: rparen.start, comments: emptyComments() },
  };
}

/** A node that can hold comments, with the span modfile uses to attach them. */
interface Attachable {
  start: number;
  end: number;
  comments: Comments;
}

/**
 * assignComments attaches each end-of-line comment to the last single-line node that ends before
 * it (modfile's rule: walk nodes in reverse post-order; nodes spanning several lines never take a
 * suffix comment, so `) // c` goes to the closing parenthesis). Leftovers go to the file.
 */
function assignComments(file: FileSyntax, suffix: Comment[]): void {
  if (suffix.length === 0) return;
  const post: Attachable[] = [];
  const parenNode = (p: { pos: number; comments: Comments }): Attachable => ({ start: p.pos, end: p.pos + 1, comments: p.comments });
  for (const s of file.stmts) {
    if (s.type === 'block') {
      post.push(parenNode(s.lparen));
      for (const l of s.lines) post.push(l); // no spread: a block may hold millions of lines
      if (s.rparen.pos >= 0) post.push(parenNode(s.rparen), { start: s.start, end: s.rparen.pos + 1, comments: s.comments });
    } else if (s.type === 'comments') {
      post.push({ start: s.start, end: s.start, comments: s.comments });
    } else {
      post.push(s);
    }
  }
  const text = file.text;
  const touched: Attachable[] = [];
  for (let i = post.length - 1; i >= 0 && suffix.length > 0; i--) {
    const x = post[i];
    const nl = text.indexOf('\n', x.start);
    if (nl >= 0 && nl < x.end) continue; // spans several lines
    let took = false;
    while (suffix.length > 0 && x.end <= suffix[suffix.length - 1].start) {
      x.comments.suffix.push(suffix.pop() as Comment);
      took = true;
    }
    if (took) touched.push(x);
  }
  for (const x of touched) x.comments.suffix.reverse();
  file.comments.before = file.comments.before.concat(suffix);
}
