/**
 * Minimal text edits over a file's text: what every edit planner returns, and what quick fixes
 * send to the editor. Offsets are UTF-16 code units; `end` is exclusive.
 */
import { FileSyntax, Line, LineBlock, Stmt } from '../syntax/ast';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** applyEdits applies non-overlapping edits to text (in any order). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * minimalEdit is the one edit that turns before into after, touching only what differs between
 * their common prefix and common suffix (Format Document sends it: the cursor and everything
 * unchanged stay put); undefined when they are equal.
 */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endA = before.length;
  let endB = after.length;
  while (endA > start && endB > start && before[endA - 1] === after[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, end: endA, newText: after.slice(start, endB) };
}

/** eolOf is the file's line ending: CRLF when its first line ends with one, else LF. */
export function eolOf(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

/** lineStartOf returns the offset of the start of the line holding offset. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** lineEndOf returns the offset just past the newline ending the line holding offset (or the text end). */
export function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** lastOffsetOf is where a line's text ends, suffix comment included. */
export function lastOffsetOf(line: Line): number {
  const s = line.comments.suffix;
  return s.length > 0 ? s[s.length - 1].end : line.end;
}

/** indentOf is the whitespace before the first token of a line (inside blocks, usually a tab). */
export function indentOf(text: string, line: Line): string {
  return text.slice(lineStartOf(text, line.start), line.start);
}

/** blockIndent is the indentation the block's lines use (a tab for an empty block). */
export function blockIndent(text: string, block: LineBlock): string {
  return block.lines.length > 0 ? indentOf(text, block.lines[block.lines.length - 1]) || '\t' : '\t';
}

/** deleteLine removes a whole line of a directive, with its suffix comment and newline. */
export function deleteLine(text: string, line: Line): TextEdit {
  return { start: lineStartOf(text, line.start), end: lineEndOf(text, lastOffsetOf(line)), newText: '' };
}

/** appendStatement adds a top-level statement at the end of the file, after a blank line as gofmt-style go.mod has. */
export function appendStatement(text: string, stmtText: string): TextEdit {
  const eol = eolOf(text);
  let prefix = '';
  if (text.length > 0 && !text.endsWith('\n')) prefix = eol + eol;
  else if (text.length > 0 && !/\n\s*\n$/.test(text) && text.trim() !== '') prefix = eol;
  return { start: text.length, end: text.length, newText: prefix + stmtText + eol };
}

/** verbOf is the directive name of a top-level statement ('' for comment blocks). */
export function verbOf(s: Stmt): string {
  if (s.type === 'line') return s.tokens[0]?.text ?? '';
  if (s.type === 'block') return s.verb[0]?.text ?? '';
  return '';
}

/** lastStatementOf finds the last line or block with the given verb, as modfile's addLine does. */
export function lastStatementOf(syntax: FileSyntax, verb: string): Line | LineBlock | undefined {
  for (let i = syntax.stmts.length - 1; i >= 0; i--) {
    const s = syntax.stmts[i];
    if (s.type !== 'comments' && verbOf(s) === verb) return s;
  }
  return undefined;
}
