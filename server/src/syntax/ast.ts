/**
 * The syntax tree of go.mod and go.work files: the same two-layer shape as golang.org/x/mod/modfile
 * (lines and line blocks carrying comments), with every token keeping its offsets in the text.
 * Offsets are UTF-16 code units of the JS string (what LSP uses); `end` is exclusive.
 */

export interface Span {
  start: number;
  end: number;
}

export type TokenKind = 'ident' | 'string' | 'punct';

/** Token is one lexical token of a line. `norm`, when set, is the text Go's parser rewrote it to. */
export interface Token extends Span {
  kind: TokenKind;
  text: string;
  norm?: string;
}

/** Comment is one `//` comment; `text` excludes the trailing newline (LF or CRLF). */
export interface Comment extends Span {
  text: string;
  suffix: boolean;
}

/** Comments attached to a node: whole-line comments before it, end-of-line comments after it. */
export interface Comments {
  before: Comment[];
  suffix: Comment[];
  after: Comment[];
}

export interface Line extends Span {
  type: 'line';
  tokens: Token[];
  inBlock: boolean;
  comments: Comments;
}

export interface Paren {
  /** offset of the parenthesis */
  pos: number;
  comments: Comments;
}

export interface LineBlock extends Span {
  type: 'block';
  /** the tokens before `(`, normally just the verb */
  verb: Token[];
  lparen: Paren;
  lines: Line[];
  rparen: Paren;
  comments: Comments;
}

/** CommentBlock is a run of whole-line comments separated from any statement by a blank line. */
export interface CommentBlock extends Span {
  type: 'comments';
  comments: Comments;
}

export type Stmt = Line | LineBlock | CommentBlock;

export interface FileSyntax {
  name: string;
  text: string;
  stmts: Stmt[];
  comments: Comments;
}

export function emptyComments(): Comments {
  return { before: [], suffix: [], after: [] };
}

/** tokenText is the text Go would print for a token: its rewritten form when there is one. */
export function tokenText(t: Token): string {
  return t.norm ?? t.text;
}
