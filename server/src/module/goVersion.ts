// Go language and toolchain versions ("1.21", "1.21.3", "1.22rc1", "go1.21.3-bigcorp"), following
// golang.org/x/mod/modfile's line syntax and Go's internal/gover ordering (see gomod-semantics.md §1.9).

import { compareDecimal, compare as compareSemver } from './semver';

/**
 * LATEST_GO is the newest go command release whose behaviour go-mod-lens knows (checked against it):
 * what the CLI emulates without -go=VERSION, and the server when the local go command is unknown.
 */
export const LATEST_GO = '1.26';

/**
 * goVersionRE is modfile.GoVersionRE (x/mod since 2023-05, Go 1.21): the strict syntax of a `go` line —
 * major.minor, optional .patch, optional lowercase-letters+digits prerelease, no leading zeros.
 * Shared and stateless (no `g` flag): use `.test`/`.exec` only.
 */
export const goVersionRE = /^([1-9][0-9]*)\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$/;

/**
 * laxGoVersionRE is modfile's laxGoVersionRE: in a dependency's go.mod an unparsable `go` version that
 * starts with major.minor followed by a non-digit is truncated to group 1 (`1.2.3beta` → `1.2`).
 * `[^\n]` stands for Go's `.`, which (unlike JS's) does match \r, U+2028 and U+2029.
 */
export const laxGoVersionRE = /^v?(([1-9][0-9]*)\.(0|[1-9][0-9]*))([^0-9][^\n]*)$/;

/** toolchainRE is modfile.ToolchainRE: `default`, `go1`, or anything starting with `go1.`. */
export const toolchainRE = /^default$|^go1($|\.)/;

/** GoVersion is gover.Version: decimal strings, "" when absent; kind is "alpha", "beta", "rc", …. */
export interface GoVersion {
  major: string;
  minor: string;
  patch: string;
  kind: string;
  pre: string;
}

const ZERO: GoVersion = Object.freeze({ major: '', minor: '', patch: '', kind: '', pre: '' });

/** cutInt returns the end of a decimal number at x[i] without a needless leading zero, or -1. */
function cutInt(x: string, i: number): number {
  let j = i;
  while (j < x.length && x.charCodeAt(j) >= 0x30 && x.charCodeAt(j) <= 0x39) j++;
  if (j === i || (x.charCodeAt(i) === 0x30 && j - i !== 1)) return -1;
  return j;
}

/** parsePre parses `kind[pre]` (lowercase letters, then an optional number) filling v; false if bad. */
function parsePre(x: string, i: number, v: GoVersion): boolean {
  let j = i;
  while (j < x.length && !(x.charCodeAt(j) >= 0x30 && x.charCodeAt(j) <= 0x39)) {
    const u = x.charCodeAt(j);
    if (u < 0x61 || u > 0x7a) return false;
    j++;
  }
  if (j === i) return false;
  v.kind = x.slice(i, j);
  if (j === x.length) return true;
  const e = cutInt(x, j);
  if (e !== x.length) return false;
  v.pre = x.slice(j, e);
  return true;
}

/**
 * parseGoVersion is gover.Parse: `major[.minor[.patch]][kind[pre]]`, or undefined when malformed.
 * "1" means 1.0.0, and a missing patch counts as 0 only below 1.21 (where "1.21" became the language
 * version, ordered before its release candidates).
 */
export function parseGoVersion(x: string): GoVersion | undefined {
  const e1 = cutInt(x, 0);
  if (e1 < 0) return undefined;
  const v: GoVersion = { major: x.slice(0, e1), minor: '', patch: '', kind: '', pre: '' };
  if (e1 === x.length) {
    v.minor = '0';
    v.patch = '0';
    return v;
  }
  if (x.charCodeAt(e1) !== 0x2e) return undefined;
  const e2 = cutInt(x, e1 + 1);
  if (e2 < 0) return undefined;
  v.minor = x.slice(e1 + 1, e2);
  if (e2 === x.length) {
    if (compareDecimal(v.minor, '21') < 0) v.patch = '0';
    return v;
  }
  if (x.charCodeAt(e2) === 0x2e) {
    const e3 = cutInt(x, e2 + 1);
    if (e3 < 0) return undefined;
    v.patch = x.slice(e2 + 1, e3);
    if (e3 !== x.length && !parsePre(x, e3, v)) return undefined;
    return v;
  }
  return parsePre(x, e2, v) ? v : undefined;
}

/** isValidGoVersion is gover.IsValid ("1.21", "1.21.3", "1.21rc1", "1"; not "go1.21", "1.21.0.1"). */
export function isValidGoVersion(v: string): boolean {
  return parseGoVersion(v) !== undefined;
}

/**
 * isGoLangVersion is gover.IsLang: v names a language version and not a release ("1.21", "1.22"), which
 * only exists from 1.21 on ("1.20" is the release 1.20.0).
 */
export function isGoLangVersion(v: string): boolean {
  const p = parseGoVersion(v);
  return p !== undefined && p.patch === '' && p.kind === '' && p.pre === '';
}

/**
 * compareGoVersion is gover.Compare: -1, 0 or 1. Numbers compare numerically; then, for a language
 * version, "" < alpha < beta < rc, while for a patch release the plain release is greatest; so
 * 1.21 < 1.21rc1 < 1.21.0 and 1.20rc1 < 1.20 == 1.20.0. Malformed versions are lowest and all equal.
 */
export function compareGoVersion(x: string, y: string): -1 | 0 | 1 {
  if (x === y) return 0;
  const vx = parseGoVersion(x) ?? ZERO;
  const vy = parseGoVersion(y) ?? ZERO;
  const c = compareDecimal(vx.major, vy.major) || compareDecimal(vx.minor, vy.minor) ||
    compareDecimal(vx.patch, vy.patch);
  if (c !== 0) return c;
  if (vx.kind !== vy.kind) {
    if (vx.patch !== '') {
      if (vx.kind === '') return 1;
      if (vy.kind === '') return -1;
    }
    return vx.kind < vy.kind ? -1 : 1;
  }
  return compareDecimal(vx.pre, vy.pre);
}

/** maxGoVersion is gover.Max: the greater of x and y by compareGoVersion; x when they are equal. */
export function maxGoVersion(x: string, y: string): string {
  return compareGoVersion(x, y) < 0 ? y : x;
}

/**
 * goLang is gover.Lang, the language version a Go version belongs to: "1.21.3" → "1.21",
 * "1.21rc1" → "1.21", "1" → "1", "1.0.2" → "1"; "" for a malformed version.
 */
export function goLang(v: string): string {
  const p = parseGoVersion(v);
  if (p === undefined) return '';
  if (p.minor === '' || (p.major === '1' && p.minor === '0')) return p.major;
  return p.major + '.' + p.minor;
}

/**
 * goFromToolchain is cmd/go's gover.FromToolchain: the Go version named by a toolchain name
 * ("go1.21.3" → "1.21.3", "go1.21.3-bigcorp" → "1.21.3"; the suffix starts at `-`, space or tab).
 * "" when the name does not start with `go`, holds `/` or `\` (it would be run as a path), or the
 * version is invalid.
 */
export function goFromToolchain(name: string): string {
  if (!name.startsWith('go') || name.includes('/') || name.includes('\\')) return '';
  let v = name.slice(2);
  const cut = v.search(/[ \t-]/);
  if (cut >= 0) v = v.slice(0, cut);
  return isValidGoVersion(v) ? v : '';
}

/**
 * goModCompare is cmd/go's gover.ModCompare, the version order of a module graph node: the `go` and
 * `toolchain` pseudo-modules use Go-version order (a toolchain given as a name or a bare version),
 * every other path semver order.
 */
export function goModCompare(path: string, x: string, y: string): -1 | 0 | 1 {
  if (path === 'go') return compareGoVersion(x, y);
  if (path === 'toolchain') return compareGoVersion(toolchainVersion(x), toolchainVersion(y));
  return compareSemver(x, y);
}

function toolchainVersion(name: string): string {
  return isValidGoVersion(name) ? name : goFromToolchain(name);
}
