/**
 * downlevel rewrites a go.mod/go.work that uses syntax newer than Go 1.19 into the nearest file
 * Go 1.19 can read, keeping line numbers: `go 1.21.0` → `go 1.21`; toolchain, godebug, tool and
 * ignore statements commented out; replacement targets `.`/`..` written `./`/`../`. Both the real
 * go command and go-mod-lens then read the same text, so their answers must agree exactly.
 */
import { applyEdits, TextEdit } from '../../src/edits/textEdit';
import { Stmt } from '../../src/syntax/ast';
import { parseSyntax } from '../../src/syntax/parser';

const newerVerbs = new Set(['toolchain', 'godebug', 'tool', 'ignore']);

export function downlevel(text: string): string {
  const { syntax } = parseSyntax('go.mod', text);
  const edits: TextEdit[] = [];
  const lineStarts = new Set<number>();
  for (const s of syntax.stmts) {
    if (s.type === 'comments') continue;
    const verb = s.type === 'line' ? s.tokens[0].text : s.verb[0].text;
    if (newerVerbs.has(verb)) commentOut(text, s, lineStarts);
    else if (verb === 'go' && s.type === 'line' && s.tokens.length === 2) {
      const v = s.tokens[1];
      const m = /^([1-9][0-9]*\.(?:0|[1-9][0-9]*))[.a-z]/.exec(v.text);
      if (m) edits.push({ start: v.start, end: v.end, newText: m[1] });
    } else if (verb === 'replace') {
      const lines = s.type === 'line' ? [s] : s.lines;
      for (const l of lines) {
        for (const t of l.tokens) {
          if (t.text === '.' || t.text === '..') edits.push({ start: t.start, end: t.end, newText: t.text + '/' });
        }
      }
    }
  }
  for (const at of lineStarts) edits.push({ start: at, end: at, newText: '//' });
  return applyEdits(text, edits);
}

function commentOut(text: string, s: Stmt, lineStarts: Set<number>): void {
  const end = s.type === 'block' && s.rparen.pos >= 0 ? s.rparen.pos : s.end;
  for (let at = text.lastIndexOf('\n', s.start - 1) + 1; at <= end && at < text.length;) {
    lineStarts.add(at);
    const nl = text.indexOf('\n', at);
    if (nl < 0) break;
    at = nl + 1;
  }
}
