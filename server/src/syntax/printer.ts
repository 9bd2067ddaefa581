/**
 * The canonical go.mod/go.work printer: byte for byte what golang.org/x/mod/modfile.Format
 * prints for a syntax tree (tabs for block lines, one space between tokens except around
 * brackets and commas, comments trimmed, at most one blank line in a row, no trailing blank
 * lines). It prints a PrintFile, a plain copy of the tree that edits and sorting may rearrange.
 */
import { trimGoSpace } from './text';

export interface PrintComments {
  before: string[];
  suffix: string[];
  after: string[];
}

export interface PrintLine {
  type: 'line';
  tokens: string[];
  comments: PrintComments;
}

export interface PrintBlock {
  type: 'block';
  verb: string[];
  lparen: PrintComments;
  lines: PrintLine[];
  rparen: PrintComments;
  comments: PrintComments;
}

export interface PrintCommentBlock {
  type: 'comments';
  comments: PrintComments;
}

export type PrintStmt = PrintLine | PrintBlock | PrintCommentBlock;

export interface PrintFile {
  stmts: PrintStmt[];
  comments: PrintComments;
}

/** Out is the printer's buffer: completed lines plus the current one, so that looking at the tail stays O(1). */
class Out {
  readonly lines: string[] = [];
  /** Go ≤ 1.20 printed every newline, even a second blank line, and kept trailing blank lines */
  constructor(private readonly legacy: boolean) {}

  cur = '';
  margin = 0;
  pending: string[] = [];

  write(s: string): void {
    this.cur += s;
  }

  endLine(): void {
    this.lines.push(this.cur);
    this.cur = '';
  }

  trim(): void {
    this.cur = this.cur.replace(/[ \t]+$/, '');
  }

  empty(): boolean {
    return this.lines.length === 0 && this.cur === '';
  }

  /** endsWithBlankLine: the buffer ends in two newlines */
  endsWithBlankLine(): boolean {
    return this.cur === '' && this.lines.length >= 2 && this.lines[this.lines.length - 1] === '';
  }

  indent(): void {
    this.cur += '\t'.repeat(this.margin);
  }

  /** newline ends the current line, flushing queued end-of-line comments (modfile's printer.newline). */
  newline(): void {
    if (this.pending.length > 0) {
      this.write(' ');
      this.pending.forEach((c, i) => {
        if (i > 0) {
          this.trim();
          this.endLine();
          this.indent();
        }
        this.write(trimGoSpace(c));
      });
      this.pending = [];
    }
    this.trim();
    if (this.legacy || !(this.empty() || this.endsWithBlankLine())) this.endLine();
    this.indent();
  }

  text(): string {
    let s = this.lines.length > 0 ? this.lines.join('\n') + '\n' + this.cur : this.cur;
    if (this.legacy) return s;
    let end = s.length;
    while (end > 0 && s.charCodeAt(end - 1) === 10 && (end === 1 || s.charCodeAt(end - 2) === 10)) end--;
    if (end !== s.length) s = s.slice(0, end);
    return s;
  }
}

/** printFile formats a whole file; `legacy` selects the printer of Go 1.20 and earlier. */
export function printFile(f: PrintFile, legacy = false): string {
  const p = new Out(legacy);
  for (const c of f.comments.before) {
    p.write(trimGoSpace(c));
    p.newline();
  }
  f.stmts.forEach((stmt, i) => {
    printExpr(p, stmt);
    if (stmt.type !== 'comments') p.newline();
    for (const c of stmt.comments.after) {
      p.write(trimGoSpace(c));
      p.newline();
    }
    if (i + 1 < f.stmts.length) p.newline();
  });
  return p.text();
}

type Node = PrintStmt | { type: 'paren'; text: string; comments: PrintComments };

function printExpr(p: Out, x: Node): void {
  const before = x.comments.before;
  if (before.length > 0) {
    p.trim();
    if (p.cur.length > 0) p.endLine();
    p.indent();
    for (const c of before) {
      p.write(trimGoSpace(c));
      p.newline();
    }
  }
  switch (x.type) {
    case 'paren':
      p.write(x.text);
      break;
    case 'line':
      p.write(joinTokens(x.tokens));
      break;
    case 'block':
      p.write(joinTokens(x.verb));
      p.write(' ');
      printExpr(p, { type: 'paren', text: '(', comments: x.lparen });
      p.margin++;
      for (const l of x.lines) {
        p.newline();
        printExpr(p, l);
      }
      p.margin--;
      p.newline();
      printExpr(p, { type: 'paren', text: ')', comments: x.rparen });
      break;
    case 'comments':
      break;
  }
  for (const c of x.comments.suffix) p.pending.push(c);
}

/** joinTokens spaces tokens as modfile does: none before `, ) ] }` and none after `( [ {`. */
export function joinTokens(tokens: string[]): string {
  let out = '';
  let sep = '';
  for (const t of tokens) {
    if (t === ',' || t === ')' || t === ']' || t === '}') sep = '';
    out += sep + t;
    sep = t === '(' || t === '[' || t === '{' ? '' : ' ';
  }
  return out;
}
