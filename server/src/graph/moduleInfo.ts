/**
 * What `go list -m` adds to the build list from the module cache (cmd/go modload.moduleInfo →
 * completeFromModCache; the same from Go 1.19 to today). Every listed module that is neither a main
 * module nor replaced, and the replacement of every module replaced by another module version, goes
 * through modload.Query(path, version), which needs `<path>/@v/<version>.info`: from the module
 * cache (GOMODCACHE/cache/download), else from GOPROXY. A directory replacement needs nothing, and
 * a replaced module's own version is never queried (golang.org/issue/27859). This is independent of
 * -mod=mod or readonly; `go mod graph` asks for no `.info` at all.
 *
 *   - A failed query of a listed module sets its Error. `go list -m [-json] all` without -e prints
 *     `go: ERROR` for each, in build-list order, and exits 1 with nothing on stdout.
 *   - A failed query of a replacement sets Replace.Error, shown by -json only; it is not fatal.
 *   - A cached `.info` is trusted as written: its Version, even another one or none at all, is what
 *     gets listed. One that json.Unmarshal rejects counts as not cached (the proxy is asked). A
 *     proxy's `.info` must name the version asked for (the ModuleSource checks that).
 *   - Go's texts: a malformed path gives CheckPath's error (`malformed module path "B": missing dot
 *     in first path element`); GOPROXY=off gives `module lookup disabled by GOPROXY=off`, naming no
 *     module; a proxy's failure names path@version (`example.com/b@v0.0.0: reading file:///…`).
 *   - A path the main module(s) replace at some version gets modload's replacementRepo: when the
 *     lookup fails but path@version is itself replaced, Query answers that version without a lookup.
 *
 * Sources that cannot know (an HTTP proxy with network access off, version control) answer
 * `offline`/`unsupported`; the go command would ask the network, so the version is taken as listed.
 */
import { canonicalVersion, checkPath, checkPathMajor, splitPathVersion } from '../module/modulePath';
import { isPseudoVersion, pseudoVersionTime } from '../module/pseudo';
import { build as semverBuild } from '../module/semver';
import { ListedModule } from './listing';
import { MainModuleSet } from './mainModules';
import { FetchResult, MaybePromise, ModuleSource } from './source';

/**
 * QueryAnswer is Query(path, version)'s outcome: the version it resolved to and its RevInfo Time as
 * `go list -m -json` prints it (`time`, undefined when no `.info` was read: the version is only
 * taken as listed), or its error text.
 */
export type QueryAnswer = { ok: true; version: string; time?: string } | { ok: false; error: string };

/** ModCacheListing is the build list completed as `go list -m` completes it. */
export interface ModCacheListing {
  /** the listed modules, with the versions Query reported and the replacements' errors */
  modules: ListedModule[];
  /** the listed modules' errors in build-list order: go prints `go: ERROR` for each and exits 1 */
  errors: string[];
}

/** at most this many `.info` lookups are in flight at once (only network answers are asynchronous) */
const CONCURRENCY = 8;

/**
 * completeFromModCache queries every module `go list -m all` queries (see above) and returns the
 * listing with the versions found, Replace.Error set where a replacement's query failed, and the
 * errors that make `go list` fail. Cache hits answer synchronously; lookups that need the network
 * run a few at a time, and errors keep the build-list order whatever order answers arrive in.
 */
export async function completeFromModCache(mods: ListedModule[], main: MainModuleSet, source: ModuleSource): Promise<ModCacheListing> {
  const modules = mods.slice();
  const failed: (string | undefined)[] = new Array<string | undefined>(mods.length);
  const apply = (i: number, a: QueryAnswer): void => {
    const m = modules[i];
    if (m.replace) {
      modules[i] = { ...m, replace: a.ok ? { ...m.replace, version: a.version, time: a.time } : { ...m.replace, error: a.error } };
    } else if (a.ok) {
      if (a.version !== m.version || a.time !== undefined) modules[i] = { ...m, version: a.version, time: a.time };
    } else {
      modules[i] = { ...m, error: a.error };
      failed[i] = a.error;
    }
  };
  const pending = new Set<Promise<void>>();
  for (let i = 0; i < mods.length; i++) {
    const m = mods[i];
    if (m.main) continue;
    const target = m.replace ? m.replace : m;
    if (target.version === '') continue; // a directory replacement
    const a = queryVersion(source, main, target.path, target.version);
    if (!(a instanceof Promise)) {
      apply(i, a);
      continue;
    }
    const p: Promise<void> = a.then((x) => {
      apply(i, x);
      pending.delete(p);
    });
    pending.add(p);
    if (pending.size >= CONCURRENCY) await Promise.race(pending);
  }
  await Promise.all(pending);
  return { modules, errors: failed.filter((e): e is string => e !== undefined) };
}

/**
 * queryVersion is modload.Query(path, version) for a version the build list (or a replace
 * directive) names: the `.info` version, or Go's error text. See the file comment.
 */
export function queryVersion(source: ModuleSource, main: MainModuleSet, path: string, version: string): MaybePromise<QueryAnswer> {
  // lookupRepo's module.CheckPath comes first in Go. Sources refuse malformed paths, so (saving
  // the check on the common path) its error is looked for only when the source did not answer.
  const failure = (error: string): QueryAnswer => {
    const pathError = checkPath(path);
    return replacementStat(main, path, version) ?? { ok: false, error: pathError ? pathError.toString() : error };
  };
  const got = source.info?.(path, version);
  if (got === undefined) return checkPath(path) ? failure('') : { ok: true, version }; // a source without .info files: nothing to check against
  const answer = (r: FetchResult): QueryAnswer => {
    if (!r.ok && (r.kind === 'offline' || r.kind === 'unsupported') && !checkPath(path)) return { ok: true, version };
    return r.ok ? { ok: true, version: revInfoVersion(r.text) ?? version, time: revInfoTime(r.text) } : failure(r.message);
  };
  return got instanceof Promise ? got.then(answer, (err: unknown) => failure(`${path}@${version}: ${err instanceof Error ? err.message : String(err)}`)) : answer(got);
}

/**
 * replacementStat is modload's replacementRepo.Stat after the lookup failed: a canonical version of
 * a path replaced in the main module(s) (`+incompatible` added where the path's major demands it)
 * answers itself without a lookup; its Time is a pseudo-version's commit time, else the zero time.
 */
function replacementStat(main: MainModuleSet, path: string, version: string): QueryAnswer | undefined {
  let v = canonicalVersion(version);
  if (v !== version) return undefined;
  const split = splitPathVersion(path);
  if (split.ok && split.pathMajor === '' && checkPathMajor(v, '') !== undefined && semverBuild(v) === '') v += '+incompatible';
  if (!main.replacement({ path, version: v })) return undefined;
  const t = isPseudoVersion(v) ? pseudoVersionTime(v) : undefined;
  return { ok: true, version: v, time: t && 'value' in t ? t.value.toISOString().replace(/\.000Z$/, 'Z') : ZERO_TIME };
}

/** the zero time.Time as encoding/json writes it: a RevInfo whose Time was absent or null */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * revInfoTime is the Time of a `.info` text as `go list -m -json` prints it (time.Time's
 * MarshalJSON, RFC 3339 with nanoseconds: the offset as written, `Z` for a zero offset, the fraction
 * without trailing zeros, a two-digit hour), the zero time when absent or null; undefined when
 * json.Unmarshal into a RevInfo would fail (see revInfoVersion).
 */
export function revInfoTime(text: string): string | undefined {
  const fast = CANONICAL_INFO.exec(text);
  if (fast) return fast[2] === undefined ? ZERO_TIME : goJsonTime(fast[2]);
  if (revInfoVersion(text) === undefined) return undefined;
  let time = ZERO_TIME;
  const v = JSON.parse(text) as unknown;
  if (v === null) return time;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (k.toLowerCase() === 'time' && typeof x === 'string') time = goJsonTime(x) ?? time;
  }
  return time;
}

/** goJsonTime re-prints an RFC 3339 time that validTime accepts as time.Time's MarshalJSON does. */
function goJsonTime(s: string): string | undefined {
  const m = RFC3339.exec(s);
  if (!m || !validTime(s)) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = m;
  const digits = (fraction ?? '').slice(1, 10).replace(/0+$/, '');
  const z = zone === 'Z' || zone.slice(1) === '00:00' ? 'Z' : zone;
  return `${year}-${month}-${day}T${hour.padStart(2, '0')}:${minute}:${second}${digits ? '.' + digits : ''}${z}`;
}

/**
 * revInfoVersion is the Version json.Unmarshal into modfetch.RevInfo finds in a `.info` text ('' when
 * absent or null), or undefined when Unmarshal would fail: not JSON, not an object (or null), a
 * Version that is not a string, a Time that is not an RFC 3339 string, an Origin that is not an
 * object of strings. Keys match case-insensitively and unknown keys are ignored, as in encoding/json.
 * The form the go command and proxies write is recognised without parsing.
 */
export function revInfoVersion(text: string): string | undefined {
  const fast = CANONICAL_INFO.exec(text);
  if (fast) return fast[2] === undefined || validTime(fast[2]) ? fast[1] : undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (v === null) return '';
  if (typeof v !== 'object' || Array.isArray(v)) return undefined;
  let version = '';
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const key = k.toLowerCase();
    if (x === null) continue; // null leaves a field as it is
    if (key === 'version') {
      if (typeof x !== 'string') return undefined;
      version = x;
    } else if (key === 'time') {
      if (typeof x !== 'string' || !validTime(x)) return undefined;
    } else if (key === 'origin') {
      if (typeof x !== 'object' || Array.isArray(x)) return undefined;
      for (const [ok, ox] of Object.entries(x as Record<string, unknown>)) {
        if (ORIGIN_FIELDS.has(ok.toLowerCase()) && ox !== null && typeof ox !== 'string') return undefined;
      }
    }
  }
  return version;
}

/** the .info the go command writes (json.Marshal of RevInfo without Origin), or just a Version, optionally newline-terminated */
const CANONICAL_INFO = /^\{"Version":"([^"\\]*)"(?:,"Time":"([^"\\]*)")?\}\n?$/;

/** codehost.Origin's fields, all strings */
const ORIGIN_FIELDS = new Set(['vcs', 'url', 'subdir', 'tagprefix', 'tagsum', 'ref', 'hash', 'reposum']);

const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)T(\d\d?):(\d\d):(\d\d)([.,]\d+)?(Z|[+-]\d\d:\d\d)$/;

/**
 * validTime is whether time.Time's UnmarshalJSON (Go 1.19's time.Parse with RFC 3339) accepts the
 * string: one- or two-digit hour, optional fraction after `.` or `,`, fields in range, a real day.
 */
function validTime(s: string): boolean {
  const m = RFC3339.exec(s);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}
