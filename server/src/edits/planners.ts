/**
 * Pure edit planners for go.mod and go.work: each returns the minimal text edits for one change,
 * choosing lines and placement as golang.org/x/mod/modfile does (AddReplace, AddGoStmt,
 * AddRequire, AddNewRequire, DropRequire, setIndirect), and leaving every other byte unchanged.
 */
import { FileSyntax, Line, Token } from '../syntax/ast';
import { autoQuote } from '../syntax/directives';
import { trimGoSpace } from '../syntax/text';
import { GoStmt, ModFile, ModVersion, Replace, Require } from '../syntax/modfile';
import { Hint, planAddLine } from './addLine';
import { TextEdit, appendStatement, deleteLine, eolOf, lastOffsetOf, lineEndOf } from './textEdit';

/** ReplaceHost is a go.mod or go.work: both hold replace directives. */
export interface ReplaceHost {
  syntax: FileSyntax;
  replace: Replace[];
}

/**
 * planAddReplace adds or updates `replace old => new`, as modfile.AddReplace (`go mod edit
 * -replace`) does: the first replace of the same old path (and same version, unless old.version
 * is empty) is rewritten and later ones are dropped; otherwise the new line goes after the last
 * replace of the same path (a single line of that path becomes a block), and with no replace of
 * that path, at the end of the file as a line of its own. (modfile passes a typed nil *Line as
 * its hint there, so its "last replace block" rule never applies; Go 1.19 confirms.)
 */
export function planAddReplace(f: ReplaceHost, old: ModVersion, target: ModVersion): TextEdit[] {
  const args = [autoQuote(old.path)];
  if (old.version !== '') args.push(old.version);
  args.push('=>', autoQuote(target.path));
  if (target.version !== '') args.push(target.version);
  const edits: TextEdit[] = [];
  let updated = false;
  let hint: Hint | undefined;
  for (const r of f.replace) {
    if (r.old.path === old.path && (old.version === '' || r.old.version === old.version)) {
      if (!updated) {
        edits.push(replaceArgs(r.line, args));
        updated = true;
      } else {
        edits.push(deleteLine(f.syntax.text, r.line));
      }
      continue;
    }
    if (r.old.path === old.path) hint = { line: r.line, block: r.block };
  }
  if (updated) return edits;
  if (!hint) return [appendStatement(f.syntax.text, ['replace', ...args].join(' '))];
  return planAddLine(f.syntax, hint, 'replace', args);
}

/** replaceArgs rewrites the arguments of a directive line, keeping its verb, indentation and comments. */
function replaceArgs(line: Line, args: string[]): TextEdit {
  const first = line.inBlock ? line.tokens[0] : line.tokens[1];
  const last = line.tokens[line.tokens.length - 1];
  if (!first) return { start: last.end, end: last.end, newText: ' ' + args.join(' ') };
  return { start: first.start, end: last.end, newText: args.join(' ') };
}

/** planSetGoVersion sets the go line: the version token is replaced, or a go line is added after the module line. */
export function planSetGoVersion(f: { syntax: FileSyntax; go?: GoStmt; module?: { line: Line } }, version: string): TextEdit[] {
  if (f.go) return [replaceToken(f.go.versionToken, version)];
  if (f.module) {
    const text = f.syntax.text;
    const at = lineEndOf(text, lastOffsetOf(f.module.line));
    const eol = eolOf(text);
    const lead = at === text.length && !text.endsWith('\n') ? eol : '';
    return [{ start: at, end: at, newText: `${lead}${eol}go ${version}${eol}` }];
  }
  return planAddLine(f.syntax, undefined, 'go', [version]);
}

/**
 * planSetToolchain sets the toolchain line to `name`, or drops it for '' (modfile.AddToolchainStmt /
 * DropToolchainStmt): the name token is replaced, or a line is added after the go line (else the
 * module line), as a paragraph of its own.
 */
export function planSetToolchain(f: ModFile, name: string): TextEdit[] {
  if (name === '') return f.toolchain ? planDropLine(f, f.toolchain.line) : [];
  if (f.toolchain) return [replaceToken(f.toolchain.nameToken, name)];
  const after = f.go?.line ?? f.module?.line;
  if (!after) return planAddLine(f.syntax, undefined, 'toolchain', [name]);
  const text = f.syntax.text;
  const at = lineEndOf(text, lastOffsetOf(after));
  const eol = eolOf(text);
  const lead = at === text.length && !text.endsWith('\n') ? eol : '';
  return [{ start: at, end: at, newText: `${lead}${eol}toolchain ${name}${eol}` }];
}

function replaceToken(t: Token, text: string): TextEdit {
  return { start: t.start, end: t.end, newText: text };
}

/**
 * planSetRequireVersion is modfile.AddRequire: the first require of path gets the version (its
 * comments, `// indirect` included, stay), other requires of path are dropped, and a missing
 * require is added as AddNewRequire would.
 */
export function planSetRequireVersion(f: ModFile, path: string, version: string): TextEdit[] {
  const same = f.require.filter((r) => r.mod.path === path);
  if (same.length === 0) return planAddRequire(f, path, version, false);
  const [first, ...rest] = same;
  const edits = [replaceToken(first.versionToken, version)];
  for (const r of rest) edits.push(deleteLine(f.syntax.text, r.line));
  return edits;
}

/** planAddRequire is modfile.AddNewRequire: a new line at the end of the last require block or line. */
export function planAddRequire(f: ModFile, path: string, version: string, indirect: boolean): TextEdit[] {
  const args = [autoQuote(path), version];
  if (indirect) args.push('// indirect');
  return planAddLine(f.syntax, undefined, 'require', args);
}

/** planDropRequire removes every require line for path (modfile.DropRequire). */
export function planDropRequire(f: ModFile, path: string): TextEdit[] {
  return f.require.filter((r) => r.mod.path === path).map((r) => deleteLine(f.syntax.text, r.line));
}

/** planDropLine removes one directive line with its end-of-line comment. */
export function planDropLine(f: { syntax: FileSyntax }, line: Line): TextEdit[] {
  return [deleteLine(f.syntax.text, line)];
}

/**
 * planSetIndirect adds or removes the `// indirect` mark of a require line as modfile's
 * setIndirect does: a new comment, `// indirect` in an empty one, or `// indirect; ` in front of
 * existing text; removal drops the comment or just its `indirect;` prefix.
 */
export function planSetIndirect(req: Require, indirect: boolean): TextEdit[] {
  if (req.indirect === indirect) return [];
  const suffix = req.line.comments.suffix[0];
  const body = (c: string): string => trimGoSpace(c.replace(/^\/\//, ''));
  if (indirect) {
    if (!suffix) return [{ start: req.line.end, end: req.line.end, newText: ' // indirect' }];
    const text = body(suffix.text);
    return [{ start: suffix.start, end: suffix.end, newText: text === '' ? '// indirect' : `// indirect; ${text}` }];
  }
  if (!suffix) return [];
  if (body(suffix.text) === 'indirect') return [{ start: req.line.end, end: suffix.end, newText: '' }];
  const i = suffix.text.indexOf('indirect;');
  return [{ start: suffix.start, end: suffix.end, newText: '//' + suffix.text.slice(i + 'indirect;'.length) }];
}
