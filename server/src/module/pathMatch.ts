// Go's path.Match (the glob used by GOPRIVATE / GONOPROXY / GONOSUMDB), written from its documented
// grammar and behaviour. It works on UTF-8 bytes, as Go does: `*` may skip into the middle of a
// multi-byte character, where `?` then matches a single byte, and that quirk is kept.

import { decodeGoRune, encodeGoBytes } from './goString';

/** PathMatchResult is path.Match's answer; `error` is set (and matched false) for a malformed pattern. */
export interface PathMatchResult {
  matched: boolean;
  error?: 'syntax error in pattern';
}

const SLASH = 0x2f;
const STAR = 0x2a;
const BACKSLASH = 0x5c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

/** Bad marks a malformed pattern (path.ErrBadPattern). */
const BAD = -2;
/** NO marks a chunk that does not match (but is well formed). */
const NO = -1;

/** scanChunk splits off [star, chunk end] of the pattern starting at p: a run of stars, then non-stars. */
function scanChunk(pat: number[], p: number): { star: boolean; start: number; end: number } {
  let star = false;
  while (p < pat.length && pat[p] === STAR) { p++; star = true; }
  let inRange = false;
  let i = p;
  for (; i < pat.length; i++) {
    const c = pat[i];
    if (c === BACKSLASH) { if (i + 1 < pat.length) i++; }
    else if (c === LBRACKET) inRange = true;
    else if (c === RBRACKET) inRange = false;
    else if (c === STAR && !inRange) break;
  }
  return { star, start: p, end: i };
}

/** getEsc reads a possibly escaped class character at c: [rune, next] or BAD. */
function getEsc(pat: number[], c: number, end: number): [number, number] | typeof BAD {
  if (c >= end || pat[c] === 0x2d || pat[c] === RBRACKET) return BAD;
  if (pat[c] === BACKSLASH) {
    c++;
    if (c >= end) return BAD;
  }
  const [r, n] = decodeGoRune(pat, c); // a sequence cannot straddle the chunk's end (a `*`)
  if ((r === 0xfffd && n === 1) || c + n >= end) return BAD;
  return [r, c + n];
}

/** matchClass matches the class at pat[c] ('[' included) against rune r; [matched, next] or BAD. */
function matchClass(pat: number[], c: number, end: number, r: number): [boolean, number] | typeof BAD {
  c++;
  let negated = false;
  if (c < end && pat[c] === 0x5e) { negated = true; c++; }
  let match = false;
  for (let nrange = 0; ; nrange++) {
    if (c < end && pat[c] === RBRACKET && nrange > 0) return [match !== negated, c + 1];
    const lo = getEsc(pat, c, end);
    if (lo === BAD) return BAD;
    let hi = lo;
    if (pat[lo[1]] === 0x2d) {
      const h = getEsc(pat, lo[1] + 1, end);
      if (h === BAD) return BAD;
      hi = h;
    }
    if (lo[0] <= r && r <= hi[0]) match = true;
    c = hi[1];
  }
}

/**
 * matchChunk matches pat[start,end) (no stars) at the beginning of name[s…]; returns the position after
 * the match, NO, or BAD. Like Go, it keeps checking the chunk's syntax after a mismatch.
 */
function matchChunk(pat: number[], start: number, end: number, name: number[], s: number): number {
  let failed = false;
  let c = start;
  while (c < end) {
    if (!failed && s >= name.length) failed = true;
    const ch = pat[c];
    if (ch === LBRACKET) {
      let r = 0;
      if (!failed) {
        const [cp, n] = decodeGoRune(name, s);
        r = cp;
        s += n;
      }
      const m = matchClass(pat, c, end, r);
      if (m === BAD) return BAD;
      if (!m[0]) failed = true;
      c = m[1];
    } else if (ch === 0x3f) {
      if (!failed) {
        if (name[s] === SLASH) failed = true;
        s += decodeGoRune(name, s)[1];
      }
      c++;
    } else {
      if (ch === BACKSLASH) {
        c++;
        if (c >= end) return BAD;
      }
      if (!failed) {
        if (pat[c] !== name[s]) failed = true;
        s++;
      }
      c++;
    }
  }
  return failed ? NO : s;
}

/** restIsValid checks the syntax of the pattern's remaining chunks (Go does so before answering false). */
function restIsValid(pat: number[], p: number): boolean {
  while (p < pat.length) {
    const ch = scanChunk(pat, p);
    if (matchChunk(pat, ch.start, ch.end, [], 0) === BAD) return false;
    p = ch.end;
  }
  return true;
}

/**
 * pathMatch is Go's path.Match: whether the whole name matches the shell pattern (`*` any run of
 * non-`/`, `?` one non-`/` character, `[…]`/`[^…]` classes with ranges, `\` escapes). Malformed
 * patterns give `{matched: false, error}` instead of Go's ErrBadPattern.
 */
export function pathMatch(pattern: string, name: string): PathMatchResult {
  const r = matchBytes(encodeGoBytes(pattern), encodeGoBytes(name));
  return r === BAD ? { matched: false, error: 'syntax error in pattern' } : { matched: r };
}

function matchBytes(pat: number[], name: number[]): boolean | typeof BAD {
  let p = 0;
  let n = 0;
  pattern: while (p < pat.length) {
    const { star, start, end } = scanChunk(pat, p);
    p = end;
    if (star && start === end) return name.indexOf(SLASH, n) < 0;
    const t = matchChunk(pat, start, end, name, n);
    if (t >= 0 && (t === name.length || p < pat.length)) { n = t; continue; }
    if (t === BAD) return BAD;
    if (star) {
      for (let i = n; i < name.length && name[i] !== SLASH; i++) {
        const u = matchChunk(pat, start, end, name, i + 1);
        if (u >= 0) {
          if (p === pat.length && u < name.length) continue;
          n = u;
          continue pattern;
        }
        if (u === BAD) return BAD;
      }
    }
    return restIsValid(pat, p) ? false : BAD;
  }
  return n === name.length;
}

/**
 * matchPrefixPatterns is module.MatchPrefixPatterns (GOPRIVATE, GONOPROXY, GONOSUMDB): whether some
 * leading run of target's path elements matches one of the comma-separated path.Match globs. A glob
 * with N slashes is matched against target's first N+1 elements; empty or malformed globs are skipped
 * and a trailing slash on a glob is ignored.
 */
export function matchPrefixPatterns(globs: string, target: string): boolean {
  for (let glob of globs.split(',')) {
    if (glob.endsWith('/')) glob = glob.slice(0, -1);
    if (glob === '') continue;
    let n = glob.split('/').length - 1;
    let prefix = target;
    for (let i = 0; i < target.length; i++) {
      if (target[i] !== '/') continue;
      if (n === 0) {
        prefix = target.slice(0, i);
        break;
      }
      n--;
    }
    if (n > 0) continue;
    if (pathMatch(glob, prefix).matched) return true;
  }
  return false;
}
