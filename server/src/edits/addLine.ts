/**
 * planAddLine places a new directive where golang.org/x/mod/modfile's addLine would put it, but
 * as minimal text edits: after a hint line (inside its block when the verb matches), at the end
 * of the last block or line with the same verb (turning a single line into a block, as modfile
 * does), or at the end of the file. Every byte outside the edits stays as it was.
 */
import { FileSyntax, Line, LineBlock } from '../syntax/ast';
import {
  TextEdit, appendStatement, blockIndent, eolOf, indentOf, lastOffsetOf, lastStatementOf, lineEndOf, lineStartOf,
} from './textEdit';

/** Hint names an existing directive line, and its block when it sits in one. */
export interface Hint {
  line: Line;
  block?: LineBlock;
}

/** planAddLine returns the edits that add `verb args…`; tokens must already be quoted as needed. */
export function planAddLine(syntax: FileSyntax, hint: Hint | undefined, verb: string, args: string[]): TextEdit[] {
  const text = syntax.text;
  if (hint) {
    if (hint.block) {
      if (hint.block.verb[0].text === verb) return [insertInBlockAfter(text, hint.block, hint.line, args)];
      return [insertStatementAfter(text, hint.block, verb, args)];
    }
    if (hint.line.tokens[0].text === verb) return convertLineToBlock(text, hint.line, args);
    return [insertStatementAfter(text, hint.line, verb, args)];
  }
  const last = lastStatementOf(syntax, verb);
  if (!last) return [appendStatement(text, [verb, ...args].join(' '))];
  if (last.type === 'block') return [appendToBlock(text, last, args)];
  return convertLineToBlock(text, last, args);
}

function insertInBlockAfter(text: string, block: LineBlock, after: Line, args: string[]): TextEdit {
  const at = lineEndOf(text, lastOffsetOf(after));
  const eol = eolOf(text);
  const lead = at === text.length && !text.endsWith('\n') ? eol : '';
  return { start: at, end: at, newText: lead + (indentOf(text, after) || blockIndent(text, block)) + args.join(' ') + eol };
}

function appendToBlock(text: string, block: LineBlock, args: string[]): TextEdit {
  const eol = eolOf(text);
  const line = blockIndent(text, block) + args.join(' ') + eol;
  if (block.rparen.pos < 0) {
    const lead = text.endsWith('\n') ? '' : eol;
    return { start: text.length, end: text.length, newText: lead + line };
  }
  const at = lineStartOf(text, block.rparen.pos);
  return { start: at, end: at, newText: line };
}

/** convertLineToBlock turns `verb a` into `verb (\n\ta\n\tNEW\n)`, keeping the line's comments. */
function convertLineToBlock(text: string, line: Line, args: string[]): TextEdit[] {
  const eol = eolOf(text);
  const verb = line.tokens[0];
  const first = line.tokens[1];
  const head: TextEdit = first
    ? { start: verb.start, end: first.start, newText: `${verb.text} (${eol}\t` }
    : { start: verb.start, end: verb.end, newText: `${verb.text} (${eol}\t` };
  const at = lineEndOf(text, lastOffsetOf(line));
  const lead = at === text.length && !text.endsWith('\n') ? eol : '';
  return [head, { start: at, end: at, newText: `${lead}\t${args.join(' ')}${eol})${eol}` }];
}

function insertStatementAfter(text: string, after: Line | LineBlock, verb: string, args: string[]): TextEdit {
  const end = after.type === 'block' ? (after.rparen.pos >= 0 ? after.rparen.pos + 1 : text.length) : lastOffsetOf(after);
  const at = lineEndOf(text, end);
  const eol = eolOf(text);
  const lead = at === text.length && !text.endsWith('\n') ? eol : '';
  return { start: at, end: at, newText: `${lead}${eol}${[verb, ...args].join(' ')}${eol}` };
}
