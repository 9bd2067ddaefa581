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
 * Bounds: where a valid version's parts end. A vX shorthand has e2 = e3 = e1, a vX.Y shorthand
 * e3 = e2; `pre` is the end of the prerelease (e3 when there is none). Offsets only: compare reads
 * the parts in place, without cutting strings.
 */
interface Bounds {
  e1: number;
  e2: number;
  e3: number;
  pre: number;
}

/** boundsOf scans v once; undefined when it is not a valid version. */
function boundsOf(v: string): Bounds | undefined {
  if (v.length < 2 || v.charCodeAt(0) !== 0x76) return undefined;
  const e1 = numberEnd(v, 1);
  if (e1 < 0) return undefined;
  if (e1 === v.length) return { e1, e2: e1, e3: e1, pre: e1 };
  if (v.charCodeAt(e1) !== 0x2e) return undefined;
  const e2 = numberEnd(v, e1 + 1);
  if (e2 < 0) return undefined;
  if (e2 === v.length) return { e1, e2, e3: e2, pre: e2 };
  if (v.charCodeAt(e2) !== 0x2e) return undefined;
  const e3 = numberEnd(v, e2 + 1);
  if (e3 < 0) return undefined;
  let i = e3;
  if (i < v.length && v.charCodeAt(i) === 0x2d) {
    i = identsEnd(v, i, 0x2b, true);
    if (i < 0) return undefined;
  }
  const pre = i;
  if (i < v.length && v.charCodeAt(i) === 0x2b) {
    i = identsEnd(v, i, -1, false);
    if (i < 0) return undefined;
  }
  return i === v.length ? { e1, e2, e3, pre } : undefined;
}

/**
 * parseSemver splits a valid version into its parts, or returns undefined — exported so callers
 * needing several parts parse once.
 */
export function parseSemver(v: string): SemverParts | undefined {
  const b = boundsOf(v);
  if (b === undefined) return undefined;
  const major = v.slice(1, b.e1);
  if (b.e2 === b.e1) return { major, minor: '0', patch: '0', short: '.0.0', prerelease: '', build: '' };
  const minor = v.slice(b.e1 + 1, b.e2);
  if (b.e3 === b.e2) return { major, minor, patch: '0', short: '.0', prerelease: '', build: '' };
  return { major, minor, patch: v.slice(b.e2 + 1, b.e3), short: '', prerelease: v.slice(b.e3, b.pre), build: v.slice(b.pre) };
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

/**
 * compareNumbers orders the decimal numbers v[vs:ve) and w[ws:we) (no leading zeros, any length); an
 * empty span (ve <= vs) is a part a shorthand leaves out, which is 0.
 */
function compareNumbers(v: string, vs: number, ve: number, w: string, ws: number, we: number): -1 | 0 | 1 {
  const vn = ve > vs ? ve - vs : 0;
  const wn = we > ws ? we - ws : 0;
  if (vn === 0 || wn === 0) {
    // 0 against a number: only "0" itself is equal, and a number without leading zeros is 0 only as "0"
    const vz = vn === 0 || (vn === 1 && v.charCodeAt(vs) === 0x30);
    const wz = wn === 0 || (wn === 1 && w.charCodeAt(ws) === 0x30);
    return vz === wz ? 0 : vz ? -1 : 1;
  }
  if (vn !== wn) return vn < wn ? -1 : 1;
  for (let k = 0; k < vn; k++) {
    const a = v.charCodeAt(vs + k);
    const b = w.charCodeAt(ws + k);
    if (a !== b) return a < b ? -1 : 1;
  }
  return 0;
}

function allDigits(v: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isDigit(v.charCodeAt(i))) return false;
  return true;
}

/** compareIdent orders two prerelease identifiers in place: numeric < alphanumeric, numbers by value, the rest in ASCII order. */
function compareIdent(v: string, vs: number, ve: number, w: string, ws: number, we: number): -1 | 0 | 1 {
  const nv = allDigits(v, vs, ve);
  const nw = allDigits(w, ws, we);
  if (nv !== nw) return nv ? -1 : 1;
  if (nv) return compareNumbers(v, vs, ve, w, ws, we);
  const n = Math.min(ve - vs, we - ws);
  for (let k = 0; k < n; k++) {
    const a = v.charCodeAt(vs + k);
    const b = w.charCodeAt(ws + k);
    if (a !== b) return a < b ? -1 : 1;
  }
  return ve - vs < we - ws ? -1 : ve - vs > we - ws ? 1 : 0;
}

/** comparePrerelease orders the prereleases v[vs:ve) and w[ws:we) (each "-…" or empty) per SemVer 2.0; none (a release) is greatest. */
function comparePrerelease(v: string, vs: number, ve: number, w: string, ws: number, we: number): -1 | 0 | 1 {
  if (vs === ve || ws === we) return vs === ve ? (ws === we ? 0 : 1) : -1;
  let i = vs + 1;
  let j = ws + 1;
  for (;;) {
    let ie = v.indexOf('.', i);
    if (ie < 0 || ie > ve) ie = ve;
    let je = w.indexOf('.', j);
    if (je < 0 || je > we) je = we;
    const c = compareIdent(v, i, ie, w, j, je);
    if (c !== 0) return c;
    if (ie === ve || je === we) return ie === ve ? (je === we ? 0 : -1) : 1;
    i = ie + 1;
    j = je + 1;
  }
}

/**
 * compare is semver.Compare: -1, 0 or 1 by semantic-version precedence, build metadata ignored.
 * Invalid versions are lower than every valid one and equal to each other (Go's rule, relied on by
 * MVS and go.sum sorting), so this never fails.
 */
export function compare(v: string, w: string): -1 | 0 | 1 {
  if (v === w) return 0;
  const bv = boundsOf(v);
  const bw = boundsOf(w);
  if (bv === undefined) return bw === undefined ? 0 : -1;
  if (bw === undefined) return 1;
  return compareBounded(v, bv, w, bw);
}

/** compareBounded orders two valid versions whose parts' ends are known. */
function compareBounded(v: string, bv: Bounds, w: string, bw: Bounds): -1 | 0 | 1 {
  return compareNumbers(v, 1, bv.e1, w, 1, bw.e1) ||
    compareNumbers(v, bv.e1 + 1, bv.e2, w, bw.e1 + 1, bw.e2) ||
    compareNumbers(v, bv.e2 + 1, bv.e3, w, bw.e2 + 1, bw.e3) ||
    comparePrerelease(v, bv.e3, bv.pre, w, bw.e3, bw.pre);
}

/**
 * VersionOrder is compare with each version's scan remembered: for a loop that compares the same
 * few thousand versions over and over (a module graph's selection, one per graph). Its owner
 * decides how long it lives.
 */
export class VersionOrder {
  private readonly bounds = new Map<string, Bounds | null>();

  private of(v: string): Bounds | undefined {
    let b = this.bounds.get(v);
    if (b === undefined) {
      b = boundsOf(v) ?? null;
      this.bounds.set(v, b);
    }
    return b ?? undefined;
  }

  compare(v: string, w: string): -1 | 0 | 1 {
    if (v === w) return 0;
    const bv = this.of(v);
    const bw = this.of(w);
    if (bv === undefined) return bw === undefined ? 0 : -1;
    if (bw === undefined) return 1;
    return compareBounded(v, bv, w, bw);
  }
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
