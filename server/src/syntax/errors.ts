/**
 * Go's error position format (modfile.Error): `FILE:LINE: msg`, or `FILE:LINE:COL: msg` when the
 * column (in runes) is past the first one, as for indented block lines and lexical errors.
 */
import { ParseError } from './parser';
import { LineIndex } from './text';

/** goErrorLines formats errors as the go command prints them; syntax errors hide rule errors, as in Go. */
export function goErrorLines(name: string, text: string, errors: ParseError[]): string[] {
  const index = new LineIndex(text);
  return goVisibleErrors(errors).map((e) => {
    const p = index.offsetToGo(e.pos);
    return p.column > 1 ? `${name}:${p.line}:${p.column}: ${e.message}` : `${name}:${p.line}: ${e.message}`;
  });
}

/**
 * goVisibleErrors is the subset of our errors the go command reports: Go stops at its first
 * syntax error, and otherwise lists every directive error; our own warnings are not Go's.
 */
export function goVisibleErrors(errors: ParseError[]): ParseError[] {
  const real = errors.filter((e) => e.severity !== 'warning');
  const firstSyntax = real.find((e) => e.phase === 'syntax');
  return firstSyntax ? [firstSyntax] : real;
}
