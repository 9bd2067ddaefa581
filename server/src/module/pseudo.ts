// Pseudo-versions (golang.org/x/mod/module pseudo.go semantics; gomod-semantics.md §4): recognition,
// decoding into base / commit time / revision, construction, and the decimal helpers they need.
//
//   form 1  vX.0.0-yyyymmddhhmmss-REV              no earlier tag
//   form 2  vX.Y.(Z+1)-0.yyyymmddhhmmss-REV        after release vX.Y.Z
//   form 3  form 2 + build suffix (+incompatible)
//   form 4  vX.Y.Z-PRE.0.yyyymmddhhmmss-REV        after prerelease vX.Y.Z-PRE
//   form 5  form 4 + build suffix (+incompatible)

import { InvalidVersionError } from './errors';
import { goQuote } from './goString';
import { build as semverBuild, canonical, major as semverMajor, parseSemver, prerelease } from './semver';

/** incDecimal adds 1 to a decimal string of any length ("99" → "100"). */
export function incDecimal(decimal: string): string {
  let i = decimal.length - 1;
  while (i >= 0 && decimal[i] === '9') i--;
  if (i < 0) return '1' + '0'.repeat(decimal.length);
  return decimal.slice(0, i) + String.fromCharCode(decimal.charCodeAt(i) + 1) + '0'.repeat(decimal.length - 1 - i);
}

/** decDecimal subtracts 1 from a decimal string ("100" → "99"); "" when it is all zeros (or empty). */
export function decDecimal(decimal: string): string {
  let i = decimal.length - 1;
  while (i >= 0 && decimal[i] === '0') i--;
  if (i < 0) return '';
  const tail = '9'.repeat(decimal.length - 1 - i);
  if (i === 0 && decimal[0] === '1' && decimal.length > 1) return tail;
  return decimal.slice(0, i) + String.fromCharCode(decimal.charCodeAt(i) - 1) + tail;
}

function isDigits(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const u = s.charCodeAt(i);
    if (u < 0x30 || u > 0x39) return false;
  }
  return true;
}

function isAlnum(s: string): boolean {
  return /^[A-Za-z0-9]+$/.test(s);
}

/**
 * isPseudoVersion is module.IsPseudoVersion: a valid semver whose prerelease ends in
 * `yyyymmddhhmmss-REV` (REV alphanumeric, any length) preceded by `0.` as the first identifier or after
 * a dot (forms 2–5), or — only for vX.0.0 — directly by the prerelease's `-` (form 1). A hand scan of
 * Go's regexp, because it runs for every version in every go.mod.
 */
export function isPseudoVersion(v: string): boolean {
  const p = parseSemver(v);
  if (p === undefined || p.prerelease === '') return false;
  const pre = p.prerelease;
  const dash = pre.lastIndexOf('-');
  const ts = dash - 14;
  if (ts < 1 || !isAlnum(pre.slice(dash + 1)) || !isDigits(pre, ts, dash)) return false;
  if (ts === 1) return p.minor === '0' && p.patch === '0';
  const head = pre.slice(1, ts);
  return head === '0.' || head.endsWith('.0.');
}

/** zeroPseudoVersion is module.ZeroPseudoVersion: `vX.0.0-00010101000000-000000000000` (major "" = v0). */
export function zeroPseudoVersion(major: string): string {
  return (major === '' ? 'v0' : major) + '.0.0-00010101000000-000000000000';
}

/** isZeroPseudoVersion is module.IsZeroPseudoVersion: v is the placeholder zeroPseudoVersion of its major. */
export function isZeroPseudoVersion(v: string): boolean {
  return v === zeroPseudoVersion(semverMajor(v));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * formatPseudoTimestamp formats a time as Go's layout 20060102150405 in UTC (4-digit year, longer or
 * signed when out of 0..9999, as Go prints it); "" for an invalid Date.
 */
export function formatPseudoTimestamp(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const y = date.getUTCFullYear();
  return (y < 0 ? '-' + pad(-y, 4) : pad(y, 4)) + pad(date.getUTCMonth() + 1, 2) + pad(date.getUTCDate(), 2) +
    pad(date.getUTCHours(), 2) + pad(date.getUTCMinutes(), 2) + pad(date.getUTCSeconds(), 2);
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * parsePseudoTimestamp is time.Parse("20060102150405", ts) in UTC: exactly 14 digits, month 1–12, a day
 * that exists in that month (leap years included), hour ≤ 23, minute and second ≤ 59; else undefined.
 */
export function parsePseudoTimestamp(ts: string): Date | undefined {
  if (ts.length !== 14 || !isDigits(ts, 0, 14)) return undefined;
  const num = (i: number, n: number): number => Number(ts.slice(i, i + n));
  const [year, month, day, hour, min, sec] = [num(0, 4), num(4, 2), num(6, 2), num(8, 2), num(10, 2), num(12, 2)];
  if (month < 1 || month > 12 || hour > 23 || min > 59 || sec > 59) return undefined;
  if (day < 1 || day > daysIn(month, year)) return undefined;
  const d = new Date(Date.UTC(2000, 0, 1, hour, min, sec));
  d.setUTCFullYear(year, month - 1, day); // Date.UTC would read years 0–99 as 1900–1999
  return d;
}

/**
 * pseudoVersion is module.PseudoVersion: the pseudo-version for a commit at `date` (formatted in UTC)
 * with revision `rev`, after the tag `older` ("" when none; any build suffix of it is carried over).
 * major ("" means v0) is used only when there is no older tag. "" for an invalid Date.
 */
export function pseudoVersion(major: string, older: string, date: Date, rev: string): string {
  const stamp = formatPseudoTimestamp(date);
  if (stamp === '') return '';
  const segment = stamp + '-' + rev;
  const buildSuffix = semverBuild(older);
  const base = canonical(older);
  if (base === '') return (major === '' ? 'v0' : major) + '.0.0-' + segment;
  if (prerelease(base) !== '') return base + '.0.' + segment + buildSuffix;
  const i = base.lastIndexOf('.') + 1;
  return base.slice(0, i) + incDecimal(base.slice(i)) + '-0.' + segment + buildSuffix;
}

/** RawPseudo is parsePseudoVersion's split: base still carries its `-0` / `.0`; build is "+…" or "". */
interface RawPseudo {
  base: string;
  timestamp: string;
  rev: string;
  build: string;
}

function syntaxError(v: string): InvalidVersionError {
  return new InvalidVersionError(v, 'syntax error', true);
}

function splitPseudo(v: string): RawPseudo | undefined {
  if (!isPseudoVersion(v)) return undefined;
  const build = semverBuild(v);
  const w = v.slice(0, v.length - build.length);
  const j = w.lastIndexOf('-');
  const rest = w.slice(0, j);
  const i = rest.lastIndexOf('-');
  const k = rest.lastIndexOf('.');
  const cut = k > i ? k : i;
  return { base: rest.slice(0, cut), timestamp: rest.slice(cut + 1), rev: w.slice(j + 1), build };
}

/** PseudoResult is a decoded part of a pseudo-version, or why it could not be decoded. */
export type PseudoResult<T> = { value: T } | { error: InvalidVersionError };

/** pseudoVersionRev is module.PseudoVersionRev: the revision (commit hash prefix) after the last `-`. */
export function pseudoVersionRev(v: string): PseudoResult<string> {
  const p = splitPseudo(v);
  return p === undefined ? { error: syntaxError(v) } : { value: p.rev };
}

/**
 * pseudoVersionTime is module.PseudoVersionTime: the commit time, in UTC; an impossible date or time
 * (month 13, Feb 30, hour 24, second 60) is `malformed time "…"`.
 */
export function pseudoVersionTime(v: string): PseudoResult<Date> {
  const p = splitPseudo(v);
  if (p === undefined) return { error: syntaxError(v) };
  const t = parsePseudoTimestamp(p.timestamp);
  if (t === undefined) return { error: new InvalidVersionError(v, `malformed time ${goQuote(p.timestamp)}`, true) };
  return { value: t };
}

/** baseOf turns a split pseudo-version into the tag it builds on (module.PseudoVersionBase). */
function baseOf(v: string, p: RawPseudo): PseudoResult<string> {
  const pre = prerelease(p.base);
  if (pre === '') {
    if (p.build === '') return { value: '' };
    const msg = `lacks base version, but has build metadata ${goQuote(p.build)}`;
    return { error: new InvalidVersionError(v, msg, true) };
  }
  if (pre === '-0') {
    const base = p.base.slice(0, -2);
    const i = base.lastIndexOf('.');
    const patch = decDecimal(base.slice(i + 1));
    if (patch === '') {
      return { error: new InvalidVersionError(v, `version before ${base} would have negative patch number`, true) };
    }
    return { value: base.slice(0, i + 1) + patch + p.build };
  }
  return { value: p.base.slice(0, -2) + p.build };
}

/**
 * pseudoVersionBase is module.PseudoVersionBase: the tag the pseudo-version was derived from ("" for
 * form 1), with its build suffix (`v2.0.1-0.…+incompatible` → `v2.0.0+incompatible`). Errors:
 * `syntax error`, `lacks base version, but has build metadata "+…"`, and
 * `version before vX.Y.0 would have negative patch number`.
 */
export function pseudoVersionBase(v: string): PseudoResult<string> {
  const p = splitPseudo(v);
  return p === undefined ? { error: syntaxError(v) } : baseOf(v, p);
}

/** PseudoForm numbers the five shapes in the table at the top of this file. */
export type PseudoForm = 1 | 2 | 3 | 4 | 5;

/** DecodedPseudoVersion is everything a hover can show about a pseudo-version, or why it is malformed. */
export type DecodedPseudoVersion =
  | { ok: true; base: string; time: Date; timestamp: string; rev: string; build: string; form: PseudoForm }
  | { ok: false; error: InvalidVersionError };

/**
 * decodePseudoVersion decodes v in one pass: base tag (as pseudoVersionBase), commit time, the raw
 * 14-digit timestamp, revision, build suffix and form. Checks run in cmd/go's order — syntax, then time,
 * then base — and the first failure is returned. Form 3/5 means "with a build suffix", normally
 * `+incompatible`.
 */
export function decodePseudoVersion(v: string): DecodedPseudoVersion {
  const p = splitPseudo(v);
  if (p === undefined) return { ok: false, error: syntaxError(v) };
  const time = parsePseudoTimestamp(p.timestamp);
  if (time === undefined) {
    return { ok: false, error: new InvalidVersionError(v, `malformed time ${goQuote(p.timestamp)}`, true) };
  }
  const base = baseOf(v, p);
  if ('error' in base) return { ok: false, error: base.error };
  const pre = prerelease(p.base);
  const form: PseudoForm = pre === '' ? 1 : pre === '-0' ? (p.build === '' ? 2 : 3) : (p.build === '' ? 4 : 5);
  return { ok: true, base: base.value, time, timestamp: p.timestamp, rev: p.rev, build: p.build, form };
}
