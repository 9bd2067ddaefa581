// Module, import and file paths; major-version suffixes; canonical versions; case-escaping for the module
// cache and proxy; module.Sort; GOPRIVATE-style prefix patterns. Written from golang.org/x/mod/module's
// documented rules (gomod-semantics.md §1.10). Every function returns its error; none throws.

import { InvalidPathError, InvalidVersionError, ModuleError, PathKind } from './errors';
import { goCompareStrings, goQuote, goQuoteRune, isGoLetter } from './goString';
import { build, canonical, compare, isValid, major } from './semver';

export { matchPrefixPatterns, pathMatch } from './pathMatch';

/** modPathOK: ASCII letters, digits and `- . _ ~` (module path elements). */
function modPathOK(cp: number): boolean {
  return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39) ||
    cp === 0x2d || cp === 0x2e || cp === 0x5f || cp === 0x7e;
}

/** File names may also hold these ASCII punctuation characters (and space). */
const FILE_PUNCT = '!#$%&()+,-.=@[]^_{}~ ';

function charOK(cp: number, kind: PathKind): boolean {
  if (modPathOK(cp)) return true;
  if (kind === 'import') return cp === 0x2b;
  if (kind === 'file') return cp < 0x80 ? FILE_PUNCT.includes(String.fromCharCode(cp)) : isGoLetter(cp);
  return false;
}

const WINDOWS_RESERVED = new Set([
  'CON', 'PRN', 'AUX', 'NUL',
  'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6', 'COM7', 'COM8', 'COM9',
  'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9',
]);

/**
 * isWindowsReserved: short equals a reserved device name ignoring case. Go uses strings.EqualFold; the
 * only non-ASCII runes that fold to ASCII letters (U+017F ſ, U+212A K) fold to letters absent from
 * these names, so an ASCII-only fold is exact.
 */
function isWindowsReserved(short: string): boolean {
  if (short.length !== 3 && short.length !== 4) return false;
  let upper = '';
  for (let i = 0; i < short.length; i++) {
    const u = short.charCodeAt(i);
    upper += String.fromCharCode(u >= 0x61 && u <= 0x7a ? u - 0x20 : u);
  }
  return WINDOWS_RESERVED.has(upper);
}

/** codePointAt reads the code point at s[i]; a lone surrogate reads as U+FFFD (Go's RuneError). */
function codePointAt(s: string, i: number): number {
  const cp = s.codePointAt(i) ?? 0xfffd;
  return cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp;
}

/** hasLoneSurrogate stands in for Go's "not valid UTF-8" (invalid bytes arrive here as U+FFFD). */
function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u > 0xdbff || (s.charCodeAt(i + 1) & 0xfc00) !== 0xdc00) return true;
    i++;
  }
  return false;
}

/** checkElem is module's checkElem: the reason one path element is invalid for kind, or undefined. */
function checkElem(elem: string, kind: PathKind): string | undefined {
  if (elem === '') return 'empty path element';
  if (/^\.+$/.test(elem)) return `invalid path element ${goQuote(elem)}`;
  if (elem[0] === '.' && kind === 'module') return 'leading dot in path element';
  if (elem[elem.length - 1] === '.') return 'trailing dot in path element';
  for (let i = 0; i < elem.length; i++) {
    const cp = codePointAt(elem, i);
    if (cp > 0xffff) i++;
    if (!charOK(cp, kind)) return `invalid char ${goQuoteRune(cp)}`;
  }
  const dot = elem.indexOf('.');
  const short = dot >= 0 ? elem.slice(0, dot) : elem;
  if (isWindowsReserved(short)) return `${goQuote(short)} disallowed as path element component on Windows`;
  if (kind === 'file') return undefined;
  const tilde = short.lastIndexOf('~');
  if (tilde >= 0 && tilde < short.length - 1 && /^[0-9]+$/.test(short.slice(tilde + 1))) {
    return 'trailing tilde and digits in path element';
  }
  return undefined;
}

/** checkPathText is module's checkPath: the reason path is invalid for kind, or undefined. */
function checkPathText(path: string, kind: PathKind): string | undefined {
  if (hasLoneSurrogate(path)) return 'invalid UTF-8';
  if (path === '') return 'empty string';
  if (path[0] === '-' && kind !== 'file') return 'leading dash';
  if (path.includes('//')) return 'double slash';
  if (path[path.length - 1] === '/') return 'trailing slash';
  let start = 0;
  for (;;) {
    const slash = path.indexOf('/', start);
    const reason = checkElem(path.slice(start, slash < 0 ? path.length : slash), kind);
    if (reason !== undefined || slash < 0) return reason;
    start = slash + 1;
  }
}

/** checkModulePathText adds CheckPath's module-only rules to checkPathText. */
function checkModulePathText(path: string): string | undefined {
  const reason = checkPathText(path, 'module');
  if (reason !== undefined) return reason;
  const slash = path.indexOf('/');
  const first = slash < 0 ? path : path.slice(0, slash);
  if (first === '') return 'leading slash';
  if (!first.includes('.')) return 'missing dot in first path element';
  if (path[0] === '-') return 'leading dash in first path element';
  for (let i = 0; i < first.length; i++) {
    const u = first.charCodeAt(i);
    if (!((u >= 0x61 && u <= 0x7a) || (u >= 0x30 && u <= 0x39) || u === 0x2d || u === 0x2e)) {
      return `invalid char ${goQuoteRune(codePointAt(first, i))} in first path element`;
    }
  }
  if (!splitPathVersion(path).ok) return 'invalid version';
  return undefined;
}

/**
 * checkPath is module.CheckPath, the rule for paths that must be fetchable: an import path of
 * `[A-Za-z0-9-._~]` elements whose first element is a lowercase dotted domain (no leading dash), no
 * element starting with a dot, and a valid major suffix (`/v2`…, gopkg.in `.vN`).
 */
export function checkPath(path: string): InvalidPathError | undefined {
  const reason = checkModulePathText(path);
  return reason === undefined ? undefined : new InvalidPathError('module', path, reason);
}

/**
 * checkImportPath is module.CheckImportPath: slash-separated non-empty elements of ASCII letters,
 * digits and `- . _ ~ +`, no `..`-only element, no trailing dot, no Windows device name or short name.
 */
export function checkImportPath(path: string): InvalidPathError | undefined {
  const reason = checkPathText(path, 'import');
  return reason === undefined ? undefined : new InvalidPathError('import', path, reason);
}

/**
 * checkFilePath is module.CheckFilePath (paths inside module zips): like an import path but allowing
 * Unicode letters, space and `!#$%&()+,-.=@[]^_{}~`, a leading dash, and Windows short names.
 */
export function checkFilePath(path: string): InvalidPathError | undefined {
  const reason = checkPathText(path, 'file');
  return reason === undefined ? undefined : new InvalidPathError('file', path, reason);
}

/**
 * check is module.Check: path must pass checkPath, version must be valid semver, and the version's
 * major must agree with the path's suffix.
 */
export function check(path: string, version: string): InvalidPathError | ModuleError | undefined {
  const pathErr = checkPath(path);
  if (pathErr !== undefined) return pathErr;
  if (!isValid(version)) {
    return new ModuleError(path, '', new InvalidVersionError(version, 'not a semantic version'));
  }
  const majorErr = checkPathMajor(version, splitPathVersion(path).pathMajor);
  return majorErr === undefined ? undefined : new ModuleError(path, '', majorErr);
}

/** SplitPath is splitPathVersion's answer: prefix + pathMajor === path whenever ok. */
export interface SplitPath {
  prefix: string;
  pathMajor: string;
  ok: boolean;
}

function isDigit(u: number): boolean {
  return u >= 0x30 && u <= 0x39;
}

/**
 * splitPathVersion is module.SplitPathVersion: splits a `/vN` (N ≥ 2, no leading zero, no dots) major
 * suffix off path; for gopkg.in paths a `.vN` suffix (N ≥ 0, optionally `-unstable`) is required.
 * ok is false for a suffix CheckPath would reject (`/v0`, `/v1`, `/v1.2`, `/v02`), with prefix = path.
 */
export function splitPathVersion(path: string): SplitPath {
  if (path.startsWith('gopkg.in/')) return splitGopkgIn(path);
  let i = path.length;
  let dot = false;
  while (i > 0 && (isDigit(path.charCodeAt(i - 1)) || path[i - 1] === '.')) {
    if (path[i - 1] === '.') dot = true;
    i--;
  }
  if (i <= 1 || i === path.length || path[i - 1] !== 'v' || path[i - 2] !== '/') {
    return { prefix: path, pathMajor: '', ok: true };
  }
  const pathMajor = path.slice(i - 2);
  if (dot || pathMajor.length <= 2 || pathMajor[2] === '0' || pathMajor === '/v1') {
    return { prefix: path, pathMajor: '', ok: false };
  }
  return { prefix: path.slice(0, i - 2), pathMajor, ok: true };
}

function splitGopkgIn(path: string): SplitPath {
  let i = path.length;
  if (path.endsWith('-unstable')) i -= '-unstable'.length;
  while (i > 0 && isDigit(path.charCodeAt(i - 1))) i--;
  if (i <= 1 || path[i - 1] !== 'v' || path[i - 2] !== '.') return { prefix: path, pathMajor: '', ok: false };
  const pathMajor = path.slice(i - 2);
  if (pathMajor.length <= 2 || (pathMajor[2] === '0' && pathMajor !== '.v0')) {
    return { prefix: path, pathMajor: '', ok: false };
  }
  return { prefix: path.slice(0, i - 2), pathMajor, ok: true };
}

/**
 * checkPathMajor is module.CheckPathMajor: whether version v may be used with a path whose major suffix
 * is pathMajor. "" takes v0, v1 or any `+incompatible`; `/vN` and `.vN` take vN (`-unstable` ignored);
 * `.v1` also takes any `v0.0.0-…` (an old gopkg.in pseudo-version bug kept for compatibility).
 */
export function checkPathMajor(v: string, pathMajor: string): InvalidVersionError | undefined {
  if (pathMajor.startsWith('.v') && pathMajor.endsWith('-unstable')) {
    pathMajor = pathMajor.slice(0, -'-unstable'.length);
  }
  if (v.startsWith('v0.0.0-') && pathMajor === '.v1') return undefined;
  const m = major(v);
  let want = pathMajor;
  if (pathMajor === '') {
    if (m === 'v0' || m === 'v1' || build(v) === '+incompatible') return undefined;
    want = 'v0 or v1';
  } else if (pathMajor[0] === '/' || pathMajor[0] === '.') {
    if (m === pathMajor.slice(1)) return undefined;
    want = pathMajor.slice(1);
  }
  return new InvalidVersionError(v, `should be ${want}, not ${m}`);
}

/** matchPathMajor is module.MatchPathMajor: checkPathMajor(v, pathMajor) === undefined. */
export function matchPathMajor(v: string, pathMajor: string): boolean {
  return checkPathMajor(v, pathMajor) === undefined;
}

/**
 * pathMajorPrefix is module.PathMajorPrefix: the tag prefix a major suffix implies (`/v2` → "v2",
 * `.v1-unstable` → "v1", "" → "" meaning v0 or v1). Where Go panics on a malformed suffix, this
 * returns undefined.
 */
export function pathMajorPrefix(pathMajor: string): string | undefined {
  if (pathMajor === '') return '';
  if (pathMajor[0] !== '/' && pathMajor[0] !== '.') return undefined;
  if (pathMajor.startsWith('.v') && pathMajor.endsWith('-unstable')) {
    pathMajor = pathMajor.slice(0, -'-unstable'.length);
  }
  const m = pathMajor.slice(1);
  return m === major(m) ? m : undefined;
}

/**
 * canonicalVersion is module.CanonicalVersion: semver canonical form, but keeping a `+incompatible`
 * build suffix (the only build metadata with meaning in go.mod). "" when v is not valid semver.
 */
export function canonicalVersion(v: string): string {
  const cv = canonical(v);
  return build(v) === '+incompatible' ? cv + '+incompatible' : cv;
}

/** ModuleVersion is a module.Version: a path and a version ("" for a main module). */
export interface ModuleVersion {
  path: string;
  version: string;
}

/**
 * sortModuleVersions is module.Sort (go.sum order), in place: by path in byte order, then by version
 * in semver order with a `/…` suffix (`v1.0.0/go.mod`) split off as a string tie-breaker. Stable,
 * where Go's sort is not (that only matters for versions like v1.0 and v1.0.0 that compare equal).
 */
export function sortModuleVersions<T extends ModuleVersion>(list: T[]): T[] {
  return list.sort((a, b) => {
    if (a.path !== b.path) return goCompareStrings(a.path, b.path);
    const [vi, fi] = splitVersionFile(a.version);
    const [vj, fj] = splitVersionFile(b.version);
    if (vi !== vj) return compare(vi, vj);
    return goCompareStrings(fi, fj);
  });
}

function splitVersionFile(v: string): [string, string] {
  const k = v.indexOf('/');
  return k < 0 ? [v, ''] : [v.slice(0, k), v.slice(k)];
}

/** EscapeResult is the value of an escaping function, or its error (Go's error value or text). */
export type EscapeResult<E> = { value: string } | { error: E };

/** escapeString turns each uppercase ASCII letter X into `!x`; undefined for `!` or non-ASCII input. */
function escapeString(s: string): string | undefined {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u === 0x21 || u >= 0x80) return undefined;
    out += u >= 0x41 && u <= 0x5a ? '!' + String.fromCharCode(u + 0x20) : s[i];
  }
  return out;
}

const ESCAPE_INCONSISTENCY = 'internal error: inconsistency in EscapePath';

/**
 * escapePath is module.EscapePath, the case-safe form used in module cache and proxy paths
 * (`github.com/Azure/x` → `github.com/!azure/x`); the path must pass checkPath.
 */
export function escapePath(path: string): EscapeResult<InvalidPathError | string> {
  const err = checkPath(path);
  if (err !== undefined) return { error: err };
  const value = escapeString(path);
  return value === undefined ? { error: ESCAPE_INCONSISTENCY } : { value };
}

/**
 * escapeVersion is module.EscapeVersion: versions need not be semver but must be a valid file-path
 * element without `!`. A non-ASCII letter passes that check and then fails like in Go, with Go's
 * "internal error" text.
 */
export function escapeVersion(v: string): EscapeResult<InvalidVersionError | string> {
  if (hasLoneSurrogate(v) || checkElem(v, 'file') !== undefined || v.includes('!')) {
    return { error: new InvalidVersionError(v, 'disallowed version string') };
  }
  const value = escapeString(v);
  return value === undefined ? { error: ESCAPE_INCONSISTENCY } : { value };
}

/** unescapeString undoes escapeString; undefined for uppercase, non-ASCII, or a bad or trailing `!`. */
function unescapeString(escaped: string): string | undefined {
  let out = '';
  let bang = false;
  for (let i = 0; i < escaped.length; i++) {
    const u = escaped.charCodeAt(i);
    if (u >= 0x80) return undefined;
    if (bang) {
      if (u < 0x61 || u > 0x7a) return undefined;
      out += String.fromCharCode(u - 0x20);
      bang = false;
    } else if (u === 0x21) {
      bang = true;
    } else if (u >= 0x41 && u <= 0x5a) {
      return undefined;
    } else {
      out += escaped[i];
    }
  }
  return bang ? undefined : out;
}

/** unescapePath is module.UnescapePath: the module path an escaped path stands for, which must be valid. */
export function unescapePath(escaped: string): EscapeResult<string> {
  const path = unescapeString(escaped);
  if (path === undefined) return { error: `invalid escaped module path ${goQuote(escaped)}` };
  const err = checkPath(path);
  if (err !== undefined) return { error: `invalid escaped module path ${goQuote(escaped)}: ${err.toString()}` };
  return { value: path };
}

/** unescapeVersion is module.UnescapeVersion: the version an escaped version stands for. */
export function unescapeVersion(escaped: string): EscapeResult<string> {
  const v = unescapeString(escaped);
  if (v === undefined) return { error: `invalid escaped version ${goQuote(escaped)}` };
  const reason = checkElem(v, 'file');
  if (reason !== undefined) return { error: `invalid escaped version ${goQuote(v)}: ${reason}` };
  return { value: v };
}

/**
 * isDirectoryPath is modfile.IsDirectoryPath: whether a replacement target names a directory — `.`,
 * `..`, or starting with `./`, `../`, `/`, their backslash forms, or a drive letter `C:` — rather than a
 * module path. Both syntaxes are checked because go.mod files move between systems.
 */
export function isDirectoryPath(ns: string): boolean {
  return ns === '.' || ns === '..' || ns.startsWith('./') || ns.startsWith('.\\') || ns.startsWith('../') ||
    ns.startsWith('..\\') || ns.startsWith('/') || ns.startsWith('\\') || /^[A-Za-z]:/.test(ns);
}
