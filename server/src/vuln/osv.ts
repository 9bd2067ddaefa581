/**
 * The Go vulnerability database's entries (OSV JSON, as served by vuln.go.dev and kept one file per
 * id) and the question asked of them: does a module version fall in an entry's affected ranges?
 * Matching follows golang.org/x/vuln: versions in the database are bare semver ("1.6.0"); a range
 * is a list of introduced/fixed events, sorted by version with introduced "0" (the beginning of
 * time) first, and a version is affected from an introduced event until the next fixed one; an
 * affected module with no SEMVER range at all is affected at every version. Pure.
 */
import { compare, isValid } from '../module/semver';

export interface OsvEvent {
  introduced?: string;
  fixed?: string;
}

export interface OsvRange {
  type: string;
  events: OsvEvent[];
}

export interface OsvAffected {
  /** the module path, or "stdlib" / "toolchain" for the Go distribution */
  module: string;
  ranges: OsvRange[];
  /** the affected packages (ecosystem_specific.imports[].path) */
  packages: string[];
}

export interface OsvEntry {
  id: string;
  aliases: string[];
  summary: string;
  details: string;
  /** when the entry was withdrawn ('' when it stands) */
  withdrawn: string;
  affected: OsvAffected[];
  /** the entry's page (database_specific.url, else pkg.go.dev/vuln/ID) */
  url: string;
}

const str = (x: unknown): string => (typeof x === 'string' ? x : '');
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const obj = (x: unknown): Record<string, unknown> => (x !== null && typeof x === 'object' && !Array.isArray(x) ? x as Record<string, unknown> : {});

/** parseOsv reads one entry from its JSON text; a string saying why when it is not an OSV entry. */
export function parseOsv(text: string): OsvEntry | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return `not JSON: ${(e as Error).message}`;
  }
  const o = obj(raw);
  const id = str(o.id);
  if (id === '') return 'not an OSV entry: no "id"';
  const affected: OsvAffected[] = [];
  for (const a of arr(o.affected)) {
    const ao = obj(a);
    const pkg = obj(ao.package);
    const ecosystem = str(pkg.ecosystem);
    if (ecosystem !== '' && ecosystem !== 'Go') continue;
    const ranges = arr(ao.ranges).map((r) => ({
      type: str(obj(r).type),
      events: arr(obj(r).events).map((e) => ({ introduced: obj(e).introduced === undefined ? undefined : str(obj(e).introduced), fixed: obj(e).fixed === undefined ? undefined : str(obj(e).fixed) })),
    }));
    const packages = arr(obj(ao.ecosystem_specific).imports).map((i) => str(obj(i).path)).filter((p) => p !== '');
    affected.push({ module: str(pkg.name), ranges, packages });
  }
  const url = str(obj(o.database_specific).url) || `https://pkg.go.dev/vuln/${id}`;
  return { id, aliases: arr(o.aliases).map(str).filter((s) => s !== ''), summary: str(o.summary), details: str(o.details), withdrawn: str(o.withdrawn), affected, url };
}

/** semverOf turns a database or Go version into Go semver: "1.6.0" → "v1.6.0", "go1.21.3" → "v1.21.3", "v1.2.0" stays. */
export function semverOf(v: string): string {
  const bare = v.startsWith('v') ? v.slice(1) : v.startsWith('go') ? v.slice(2) : v;
  return 'v' + bare;
}

const less = (a: string, b: string): boolean => compare(semverOf(a), semverOf(b)) < 0;

/** sortedEvents: a range's events in version order, introduced "0" first (x/vuln's order, a stable sort). */
function sortedEvents(r: OsvRange): OsvEvent[] {
  const at = (e: OsvEvent): string => (e.introduced !== undefined && e.introduced !== '' ? e.introduced : e.fixed ?? '');
  return r.events.map((e, i) => ({ e, i })).sort((x, y) => {
    const zx = x.e.introduced === '0';
    const zy = y.e.introduced === '0';
    if (zx || zy) return zx === zy ? x.i - y.i : zx ? -1 : 1;
    const c = compare(semverOf(at(x.e)), semverOf(at(y.e)));
    return c !== 0 ? c : x.i - y.i;
  }).map((x) => x.e);
}

/** inRange: whether version v (Go semver) falls in one SEMVER range. */
export function inRange(r: OsvRange, v: string): boolean {
  if (r.events.length === 0) return true;
  let affected = false;
  for (const e of sortedEvents(r)) {
    if (!affected && e.introduced !== undefined && e.introduced !== '') affected = e.introduced === '0' || !less(v, e.introduced);
    else if (affected && e.fixed !== undefined && e.fixed !== '') affected = less(v, e.fixed);
  }
  return affected;
}

/** affects: whether v falls in the ranges of an affected module (no SEMVER range: every version). */
export function affects(ranges: OsvRange[], v: string): boolean {
  const semverRanges = ranges.filter((r) => r.type === 'SEMVER');
  if (semverRanges.length === 0) return true;
  return semverRanges.some((r) => inRange(r, v));
}

/**
 * fixedAbove: the lowest fixed version above v in the ranges that hold v, as Go semver ("v1.6.0");
 * '' when none of them was fixed after v.
 */
export function fixedAbove(ranges: OsvRange[], v: string): string {
  let best = '';
  for (const r of ranges) {
    if (r.type !== 'SEMVER' || !inRange(r, v)) continue;
    for (const e of r.events) {
      if (e.fixed === undefined || e.fixed === '' || !less(v, e.fixed)) continue;
      const f = semverOf(e.fixed);
      if (isValid(f) && (best === '' || compare(f, best) < 0)) best = f;
    }
  }
  return best;
}
