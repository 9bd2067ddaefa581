/**
 * Canonical formatting, equal to `go mod edit -fmt` and `go work edit -fmt`: parse (tokens
 * rewritten as Go's parser rewrites them: unquoted paths, canonical versions), drop duplicate
 * excludes/replaces/tools/ignores, sort block lines, collapse one-line blocks, remove empty
 * blocks, and print.
 */
import { goCompareStrings } from '../module/goString';
import { compare as semverCompare } from '../module/semver';
import { Comments, FileSyntax, Line, Stmt, tokenText } from './ast';
import { ModFile, parseModFile } from './modfile';
import { ParseError } from './parser';
import { PrintComments, PrintFile, PrintLine, PrintStmt, printFile } from './printer';
import { WorkFile, parseWorkFile } from './workfile';

export type FormatResult = { ok: true; text: string } | { ok: false; errors: ParseError[] };

/**
 * FormatOptions: `legacy` reproduces golang.org/x/mod before 2023 (Go 1.20 and earlier, e.g. the
 * Go 1.19 we test against): no collapsing of repeated blank lines, trailing blank lines kept, a
 * blank line before `)` kept, one-line blocks collapsed even when comments precede `)`, and
 * exclude blocks sorted as plain text whatever the go version.
 */
export interface FormatOptions {
  legacy?: boolean;
}

/** formatModFile is `go mod edit -fmt`: the canonical text, or the errors that make Go refuse. */
export function formatModFile(text: string, name = 'go.mod', options: FormatOptions = {}): FormatResult {
  const f = parseModFile(text, { name, strict: true });
  if (f.errors.length > 0) return { ok: false, errors: f.errors };
  return { ok: true, text: printFile(canonicalModPrintFile(f, options), options.legacy) };
}

/** formatWorkFile is `go work edit -fmt`. */
export function formatWorkFile(text: string, name = 'go.work', options: FormatOptions = {}): FormatResult {
  const f = parseWorkFile(text, name);
  if (f.errors.length > 0) return { ok: false, errors: f.errors };
  return { ok: true, text: printFile(canonicalWorkPrintFile(f, options), options.legacy) };
}

/** syntaxPrintFile copies a tree for printing as it is (modfile.Format without SortBlocks/Cleanup). */
export function syntaxPrintFile(syntax: FileSyntax): PrintFile {
  const stmts = syntax.stmts.map((s) => toPrintStmt(s, new Set(), {})).filter((s): s is PrintStmt => s !== undefined);
  return { stmts, comments: printComments(syntax.comments) };
}

/** canonicalModPrintFile applies modfile's SortBlocks and Cleanup to a copy of the tree. */
export function canonicalModPrintFile(f: ModFile, options: FormatOptions = {}): PrintFile {
  const kill = new Set<Line>();
  firstWins(f.exclude, (x) => `${x.mod.path}@${x.mod.version}`, kill);
  lastWins(f.replace, (x) => `${x.old.path}@${x.old.version}`, kill);
  firstWins(f.tool, (x) => x.path, kill);
  firstWins(f.ignore, (x) => x.path, kill);
  const semanticExclude = !options.legacy && f.go !== undefined && semverCompare('v' + f.go.version, 'v1.21') >= 0;
  return canonicalize(f.syntax, kill, options, (verb) =>
    verb === 'exclude' && semanticExclude ? compareLineExclude : verb === 'retract' ? compareLineRetract : compareLine);
}

export function canonicalWorkPrintFile(f: WorkFile, options: FormatOptions = {}): PrintFile {
  const kill = new Set<Line>();
  lastWins(f.replace, (x) => `${x.old.path}@${x.old.version}`, kill);
  return canonicalize(f.syntax, kill, options, () => compareLine);
}

function firstWins<T extends { line: Line }>(list: T[], key: (x: T) => string, kill: Set<Line>): void {
  const seen = new Set<string>();
  for (const x of list) {
    const k = key(x);
    if (seen.has(k)) kill.add(x.line);
    seen.add(k);
  }
}

function lastWins<T extends { line: Line }>(list: T[], key: (x: T) => string, kill: Set<Line>): void {
  firstWins([...list].reverse(), key, kill);
}

type LineCompare = (a: string[], b: string[]) => number;

function canonicalize(syntax: FileSyntax, kill: Set<Line>, options: FormatOptions, compareFor: (verb: string) => LineCompare): PrintFile {
  const stmts: PrintStmt[] = [];
  for (const s of syntax.stmts) {
    const p = toPrintStmt(s, kill, options);
    if (!p) continue;
    if (p.type === 'block') {
      if (p.lines.length === 0) continue; // removeDups and Cleanup drop empty blocks
      const cmp = compareFor(p.verb[0]);
      p.lines.sort((a, b) => cmp(a.tokens, b.tokens)); // Array.prototype.sort is stable
      if (p.lines.length === 1 && (options.legacy || p.rparen.before.length === 0)) {
        const only = p.lines[0];
        stmts.push({
          type: 'line', tokens: [...p.verb, ...only.tokens],
          comments: {
            before: [...p.comments.before, ...only.comments.before],
            suffix: [...only.comments.suffix, ...p.comments.suffix],
            after: [...only.comments.after, ...p.comments.after],
          },
        });
        continue;
      }
    }
    stmts.push(p);
  }
  return { stmts, comments: printComments(syntax.comments) };
}

/** toPrintStmt copies one statement; undefined when de-duplication removes it. */
function toPrintStmt(s: Stmt, kill: Set<Line>, options: FormatOptions): PrintStmt | undefined {
  switch (s.type) {
    case 'line':
      return kill.has(s) ? undefined : printLine(s);
    case 'comments':
      return { type: 'comments', comments: printComments(s.comments) };
    case 'block': {
      const lines = s.lines.filter((l) => !kill.has(l)).map(printLine);
      const rparen = printComments(s.rparen.comments);
      // modfile drops a lone blank line before `)` (Go 1.21 and later)
      if (!options.legacy && rparen.before.length === 1 && rparen.before[0] === '') rparen.before = [];
      return {
        type: 'block', verb: s.verb.map(tokenText), lines, comments: printComments(s.comments),
        lparen: printComments(s.lparen.comments), rparen,
      };
    }
  }
}

function printLine(l: Line): PrintLine {
  return { type: 'line', tokens: l.tokens.map(tokenText), comments: printComments(l.comments) };
}

function printComments(c: Comments): PrintComments {
  return { before: c.before.map((x) => x.text), suffix: c.suffix.map((x) => x.text), after: c.after.map((x) => x.text) };
}

/** compareLine orders block lines token by token (byte order), shorter first. */
export function compareLine(a: string[], b: string[]): number {
  for (let k = 0; k < a.length && k < b.length; k++) {
    if (a[k] !== b[k]) return goCompareStrings(a[k], b[k]);
  }
  return a.length - b.length;
}

/** compareLineExclude: path by byte order, then version by semver (go ≥ 1.21 files). */
function compareLineExclude(a: string[], b: string[]): number {
  if (a.length !== 2 || b.length !== 2) return compareLine(a, b);
  if (a[0] !== b[0]) return goCompareStrings(a[0], b[0]);
  return semverCompare(a[1], b[1]);
}

/** compareLineRetract: intervals in descending order of low, then high. */
function compareLineRetract(a: string[], b: string[]): number {
  const interval = (t: string[]): [string, string] => {
    if (t.length === 1) return [t[0], t[0]];
    if (t.length === 5 && t[0] === '[' && t[2] === ',' && t[4] === ']') return [t[1], t[3]];
    return ['', ''];
  };
  const [alo, ahi] = interval(a);
  const [blo, bhi] = interval(b);
  const c = semverCompare(alo, blo);
  return c !== 0 ? -c : -semverCompare(ahi, bhi);
}
