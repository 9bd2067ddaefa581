// Go's semantic versions (golang.org/x/mod/semver), reimplemented from its documented behaviour.
//
// Why not the `semver` npm package: Go's grammar differs from node-semver's in every place that matters
// here — the leading `v` is mandatory (node-semver strips it optionally), `v1` and `v1.2` are valid
// shorthands (node-semver rejects them unless coerced, and coercion accepts far too much), numbers have no
// size limit (node-semver rejects anything above Number.MAX_SAFE_INTEGER), and invalid versions must
// sort below every valid one instead of throwing. A hand scan is also faster than either.

import { goCompareStrings } from './goString';

/** SemverParts is a valid version split into its parts (numbers kept as decimal strings, any length). */
export interface SemverParts {
  major: string;
  minor: string;
  patch: string;
  /** ".0.0" or ".0" when the input was a vX / vX.Y shorthand, else "". */
  short: string;
  /** "-…" or "". */
  prerelease: string;
  /** "+…" or "". */
  build: string;
}

function isDigit(u: number): boolean {
  return u >= 0x30 && u <= 0x39;
}

function isIdentUnit(u: number): boolean {
  return (u >= 0x30 && u <= 0x39) || (u >= 0x61 && u <= 0x7a) || (u >= 0x41 && u <= 0x5a) || u === 0x2d;
}

/** numberEnd returns the end of a decimal number starting at i (no leading zeros), or -1. */
function numberEnd(v: string, i: number): number {
  let j = i;
  while (j < v.length && isDigit(v.charCodeAt(j))) j++;
  if (j === i || (j - i > 1 && v.charCodeAt(i) === 0x30)) return -1;
  return j;
}

/** isBadNum: an all-digit identifier with a leading zero (invalid in a prerelease). */
function isBadNum(v: string, start: number, end: number): boolean {
  if (end - start < 2 || v.charCodeAt(start) !== 0x30) return false;
  for (let k = start; k < end; k++) if (!isDigit(v.charCodeAt(k))) return false;
  return true;
}

/**
 * identsEnd scans dot-separated non-empty identifiers after the `-` or `+` at v[i]; it stops at
 * `stop` (or the end) and returns that position, or -1 when malformed.
 */
function identsEnd(v: string, i: number, stop: number, numericRule: boolean): number {
  let start = i + 1;
  let j = start;
  for (; j < v.length; j++) {
    const u = v.charCodeAt(j);
    if (u === stop) break;
    if (u === 0x2e) {
      if (j === start || (numericRule && isBadNum(v, start, j))) return -1;
      start = j + 1;
    } else if (!isIdentUnit(u)) {
      return -1;
    }
  }
  if (j === start || (numericRule && isBadNum(v, start, j))) return -1;
  return j;
}

/**
 * parseSemver splits a valid version into its parts, or returns undefined — the one scan every other
 * function here is built on, exported so callers needing several parts parse once.
 */
export function parseSemver(v: string): SemverParts | undefined {
  if (v.length < 2 || v.charCodeAt(0) !== 0x76) return undefined;
  const e1 = numberEnd(v, 1);
  if (e1 < 0) return undefined;
  const major = v.slice(1, e1);
  if (e1 === v.length) return { major, minor: '0', patch: '0', short: '.0.0', prerelease: '', build: '' };
  if (v.charCodeAt(e1) !== 0x2e) return undefined;
  const e2 = numberEnd(v, e1 + 1);
  if (e2 < 0) return undefined;
  const minor = v.slice(e1 + 1, e2);
  if (e2 === v.length) return { major, minor, patch: '0', short: '.0', prerelease: '', build: '' };
  if (v.charCodeAt(e2) !== 0x2e) return undefined;
  const e3 = numberEnd(v, e2 + 1);
  if (e3 < 0) return undefined;
  const patch = v.slice(e2 + 1, e3);
  let i = e3;
  let prerelease = '';
  let build = '';
  if (i < v.length && v.charCodeAt(i) === 0x2d) {
    const e = identsEnd(v, i, 0x2b, true);
    if (e < 0) return undefined;
    prerelease = v.slice(i, e);
    i = e;
  }
  if (i < v.length && v.charCodeAt(i) === 0x2b) {
    const e = identsEnd(v, i, -1, false);
    if (e < 0) return undefined;
    build = v.slice(i, e);
    i = e;
  }
  if (i !== v.length) return undefined;
  return { major, minor, patch, short: '', prerelease, build };
}

/** isValid is semver.IsValid: `v` MAJOR[.MINOR[.PATCH[-PRE][+BUILD]]], numbers without leading zeros. */
export function isValid(v: string): boolean {
  return parseSemver(v) !== undefined;
}

/**
 * canonical is semver.Canonical: missing .MINOR/.PATCH filled in, build metadata dropped; "" when
 * invalid. Two versions compare equal exactly when their canonical forms are the same string.
 */
export function canonical(v: string): string {
  const p = parseSemver(v);
  if (p === undefined) return '';
  if (p.build !== '') return v.slice(0, v.length - p.build.length);
  return p.short !== '' ? v + p.short : v;
}

/** major is semver.Major: "v2" for "v2.1.0"; "" when invalid. */
export function major(v: string): string {
  const p = parseSemver(v);
  return p === undefined ? '' : 'v' + p.major;
}

/** majorMinor is semver.MajorMinor: "v2.1" for "v2.1.0", "v2.0" for "v2"; "" when invalid. */
export function majorMinor(v: string): string {
  const p = parseSemver(v);
  return p === undefined ? '' : 'v' + p.major + '.' + p.minor;
}

/** prerelease is semver.Prerelease: "-pre" for "v2.1.0-pre+meta"; "" when none or invalid. */
export function prerelease(v: string): string {
  return parseSemver(v)?.prerelease ?? '';
}

/** build is semver.Build: "+meta" for "v2.1.0+meta"; "" when none or invalid. */
export function build(v: string): string {
  return parseSemver(v)?.build ?? '';
}

/** compareDecimal compares decimal strings without leading zeros (longer is larger). */
export function compareDecimal(x: string, y: string): -1 | 0 | 1 {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}

function isNumeric(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** compareIdent orders two prerelease identifiers: numeric < alphanumeric, numbers by value. */
function compareIdent(x: string, y: string): -1 | 0 | 1 {
  if (x === y) return 0;
  const nx = isNumeric(x);
  const ny = isNumeric(y);
  if (nx !== ny) return nx ? -1 : 1;
  if (nx) return compareDecimal(x, y);
  return x < y ? -1 : 1;
}

/** a prerelease's identifiers, remembered: MVS compares the same pseudo-versions over and over */
const identCache = new Map<string, string[]>();

function identsOf(pre: string): string[] {
  let ids = identCache.get(pre);
  if (ids === undefined) {
    ids = pre.slice(1).split('.');
    if (identCache.size >= 1 << 14) identCache.clear();
    identCache.set(pre, ids);
  }
  return ids;
}

/** comparePrerelease orders "-…" prereleases per SemVer 2.0; "" (a release) is greatest. */
function comparePrerelease(x: string, y: string): -1 | 0 | 1 {
  if (x === y) return 0;
  if (x === '') return 1;
  if (y === '') return -1;
  const xs = identsOf(x);
  const ys = identsOf(y);
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const c = compareIdent(xs[i], ys[i]);
    if (c !== 0) return c;
  }
  return xs.length < ys.length ? -1 : xs.length > ys.length ? 1 : 0;
}

/**
 * Parsed versions for compare, which sorting and MVS call millions of times on a few thousand
 * distinct strings. Bounded: cleared when full. Entries are never handed out.
 */
const compareCache = new Map<string, SemverParts | null>();
const COMPARE_CACHE_LIMIT = 1 << 16;

function parseForCompare(v: string): SemverParts | undefined {
  let p = compareCache.get(v);
  if (p === undefined) {
    p = parseSemver(v) ?? null;
    if (compareCache.size >= COMPARE_CACHE_LIMIT) compareCache.clear();
    compareCache.set(v, p);
  }
  return p ?? undefined;
}

/**
 * compare is semver.Compare: -1, 0 or 1 by semantic-version precedence, build metadata ignored.
 * Invalid versions are lower than every valid one and equal to each other (Go's rule, relied on by
 * MVS and go.sum sorting), so this never fails.
 */
export function compare(v: string, w: string): -1 | 0 | 1 {
  if (v === w) return 0;
  const pv = parseForCompare(v);
  const pw = parseForCompare(w);
  if (pv === undefined) return pw === undefined ? 0 : -1;
  if (pw === undefined) return 1;
  return compareDecimal(pv.major, pw.major) || compareDecimal(pv.minor, pw.minor) ||
    compareDecimal(pv.patch, pw.patch) || comparePrerelease(pv.prerelease, pw.prerelease);
}

/**
 * max is semver.Max: canonicalizes both and returns the greater (the second one when they are equal).
 * Kept for parity with Go, where it is deprecated because the result is canonicalized.
 */
export function max(v: string, w: string): string {
  const cv = canonical(v);
  const cw = canonical(w);
  return compare(cv, cw) > 0 ? cv : cw;
}

/**
 * sortVersions is semver.Sort: sorts the list in place by compare, breaking ties by string order
 * (so the result is fully determined; JS sort is stable besides). Returns the same array.
 */
export function sortVersions(list: string[]): string[] {
  return list.sort((a, b) => compare(a, b) || goCompareStrings(a, b));
}
