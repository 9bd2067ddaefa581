/**
 * go.work directives (semantics §2.1): go, toolchain, godebug, use and replace, always strict
 * (there is no lax mode for go.work); blocks only for godebug, use and replace.
 */
import { FileSyntax, Line, LineBlock, Token } from './ast';
import { DirectiveError } from './directives';
import {
  DirectiveContext, GoStmt, GodebugStmt, PathStmt, Replace, ToolchainStmt, godebugRule, goLine, pathRule,
  replaceRule, toolchainLine, unknownBlock,
} from './modfile';
import { ParseError, parseSyntax } from './parser';

export interface WorkFile {
  syntax: FileSyntax;
  errors: ParseError[];
  go?: GoStmt;
  toolchain?: ToolchainStmt;
  godebug: GodebugStmt[];
  use: PathStmt[];
  replace: Replace[];
}

const blockVerbs = new Set(['godebug', 'use', 'replace']);

/** parseWorkFile parses a go.work; it never throws, and `errors` is empty exactly when Go accepts it. */
export function parseWorkFile(text: string, name = 'go.work'): WorkFile {
  const { syntax, errors } = parseSyntax(name, text);
  const f: WorkFile = { syntax, errors, godebug: [], use: [], replace: [] };
  for (const x of syntax.stmts) {
    if (x.type === 'line') {
      addWorkDirective(f, undefined, x, x.tokens[0], x.tokens.slice(1));
    } else if (x.type === 'block') {
      if (x.verb.length > 1 || !blockVerbs.has(x.verb[0].text)) {
        unknownBlock(errors, x);
        continue;
      }
      for (const l of x.lines) addWorkDirective(f, x, l, x.verb[0], l.tokens);
    }
  }
  errors.sort((a, b) => a.pos - b.pos);
  return f;
}

function addWorkDirective(f: WorkFile, block: LineBlock | undefined, line: Line, verbTok: Token, args: Token[]): void {
  const c: DirectiveContext = { block, line, verb: verbTok.text, verbTok, args };
  let e: DirectiveError | undefined;
  switch (c.verb) {
    case 'go': e = goLine(c, true, f.go !== undefined, (g) => (f.go = g)); break;
    case 'toolchain': e = toolchainLine(c, f.toolchain !== undefined, (t) => (f.toolchain = t)); break;
    case 'godebug': e = godebugRule(c, (g) => f.godebug.push(g)); break;
    case 'use': e = pathRule(c, (p) => f.use.push(p)); break;
    case 'replace': e = replaceRule(c, (r) => f.replace.push(r)); break;
    default:
      e = { message: `unknown directive: ${c.verb}`, span: verbTok, hint: 'go.work knows go, toolchain, godebug, use and replace' };
  }
  if (e) {
    const span = e.span ?? line;
    f.errors.push({ message: e.message, pos: line.start, start: span.start, end: span.end, phase: 'rule', hint: e.hint });
  }
}
