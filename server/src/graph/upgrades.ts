/**
 * What `go list -m -u` adds to a listed module (cmd/go modload addUpdate, addRetraction,
 * addDeprecation): the available update — modload.Query(path, "upgrade", current, CheckAllowed):
 * the highest allowed release at or above the current version (pre-releases only when no release
 * is), +incompatible versions only when the last allowed compatible version has no go.mod of its
 * own, the current pseudo-version kept when the tag found is older than its commit — and whether
 * the version is retracted and the module deprecated, both read from the go.mod of the latest
 * version (queryLatestVersionIgnoringRetractions). The versions come from the source's `@v/list`
 * (the module cache or a file:// GOPROXY offline; an HTTP(S) proxy only with network access). A
 * query answers once per UpgradeQueries object, which its caller owns (one `list -u` run).
 */
import { isValid, majorMinor, prerelease } from '../module/semver';
import { splitPathVersion } from '../module/modulePath';
import { isPseudoVersion, pseudoVersionTime } from '../module/pseudo';
import { MainModuleSet } from './mainModules';
import { cmpVersion } from './mvs';
import { FetchResult, ModuleSource, listedVersions } from './source';
import { revInfoTime } from './moduleInfo';
import { Summary, summarizeGoMod } from './summary';

export interface UpdateInfo {
  version: string;
  time: string;
}

/** What -u adds to one module (or its replacement): each part only when there is something to say. */
export interface Lifecycle {
  update?: UpdateInfo;
  retracted?: string[];
  deprecated?: string;
  /** a failure go reports in the module's Error field (the first one met, as go keeps the first) */
  error?: string;
}

type Answer<T> = { ok: true; value: T } | { ok: false; notFound: boolean; error: string };

/** NoMatch: a query with no matching version (Go ignores these in -u). */
const noMatch = <T>(): Answer<T> => ({ ok: false, notFound: true, error: 'no matching versions' });

export class UpgradeQueries {
  private readonly lists = new Map<string, Promise<Answer<{ tagged: string[]; lines: string[] }>>>();
  private readonly latests = new Map<string, Promise<Answer<Summary | undefined>>>();
  private readonly hasGoMods = new Map<string, Promise<Answer<boolean>>>();

  constructor(private readonly source: ModuleSource, private readonly main: MainModuleSet) {}

  /** lifecycle: what go list -m -u reports for path@version (a main module or a directory replacement: nothing). */
  async lifecycle(path: string, version: string): Promise<Lifecycle> {
    const out: Lifecycle = {};
    if (version === '') return out;
    const fail = (a: { error: string; notFound: boolean }): void => {
      if (!a.notFound && out.error === undefined) out.error = a.error;
    };
    // in go's order: addUpdate, addRetraction, addDeprecation (the first error wins)
    const up = await this.upgrade(path, version);
    if (up.ok) {
      if (up.value && cmpVersion(path, up.value.version, version) > 0) out.update = up.value;
    } else if (!up.disallowed) fail(up);
    const r = await this.retraction(path, version);
    if (r.ok) {
      if (r.value) out.retracted = r.value;
    } else fail({ ...r, error: `loading module retractions for ${path}@${version}: ${r.error}` });
    const d = await this.deprecation(path);
    if (d.ok) {
      if (d.value) out.deprecated = d.value;
    } else fail({ ...d, error: `loading deprecation for ${path}: ${d.error}` });
    return out;
  }

  /** list: the tagged versions of `@v/list` (sorted) and its raw lines. */
  private list(path: string): Promise<Answer<{ tagged: string[]; lines: string[] }>> {
    let p = this.lists.get(path);
    if (!p) {
      p = (async () => {
        const got = this.source.versions ? await this.source.versions(path) : undefined;
        if (!got) return noMatch<{ tagged: string[]; lines: string[] }>();
        if (!got.ok) return failure<{ tagged: string[]; lines: string[] }>(got);
        return { ok: true, value: { tagged: listedVersions(got.text), lines: got.text.split('\n') } };
      })();
      this.lists.set(path, p);
    }
    return p;
  }

  /** hasGoMod: versionHasGoMod — the version's go.mod is not the one go synthesizes for a module without one. */
  private hasGoMod(path: string, version: string): Promise<Answer<boolean>> {
    const key = `${path}@${version}`;
    let p = this.hasGoMods.get(key);
    if (!p) {
      p = (async () => {
        const r = this.main.replacement({ path, version });
        const got = await this.source.goMod(r && r.version !== '' ? r.path : path, r && r.version !== '' ? r.version : version);
        if (!got.ok) return failure<boolean>(got);
        return { ok: true, value: got.text !== `module ${quotePath(path)}\n` };
      })();
      this.hasGoMods.set(key, p);
    }
    return p;
  }

  /**
   * filtered: queryMatcher.filterVersions — the allowed versions in order, split into releases and
   * pre-releases, stopping at the first +incompatible one when the last allowed compatible version
   * has a go.mod of its own.
   */
  private async filtered(path: string, tagged: string[], allows: (v: string) => Promise<boolean>): Promise<Answer<{ releases: string[]; prereleases: string[] }>> {
    const releases: string[] = [];
    const prereleases: string[] = [];
    let needIncompatible = false;
    let lastCompatible = '';
    for (const v of tagged) {
      if (!(await allows(v))) continue;
      if (!needIncompatible) {
        if (!v.endsWith('+incompatible')) lastCompatible = v;
        else if (lastCompatible !== '') {
          const has = await this.hasGoMod(path, lastCompatible);
          if (!has.ok) return has;
          if (has.value) break;
          needIncompatible = true;
        }
      }
      (prerelease(v) !== '' ? prereleases : releases).push(v);
    }
    return { ok: true, value: { releases, prereleases } };
  }

  /** stat: the version's .info time (modfetch Stat), or the failure. */
  private async stat(path: string, version: string): Promise<Answer<UpdateInfo>> {
    const got = this.source.info ? await this.source.info(path, version) : undefined;
    if (!got) return { ok: true, value: { version, time: '' } };
    if (!got.ok) return failure<UpdateInfo>(got);
    return { ok: true, value: { version, time: revInfoTime(got.text) ?? '' } };
  }

  /** latestRaw: Query(path, "latest", "", allowAll)'s go.mod summary (queryLatestVersionIgnoringRetractions + rawGoModSummary). */
  private latest(path: string): Promise<Answer<Summary | undefined>> {
    let p = this.latests.get(path);
    if (!p) {
      p = (async (): Promise<Answer<Summary | undefined>> => {
        const whole = this.main.replacement({ path, version: '' });
        let target: { path: string; version: string };
        if (whole) target = whole;
        else {
          const l = await this.list(path);
          if (!l.ok) return l;
          const f = await this.filtered(path, l.value.tagged, async () => true);
          if (!f.ok) return f;
          const pick = f.value.releases.at(-1) ?? f.value.prereleases.at(-1) ?? latestFromList(l.value.lines);
          if (!pick) return noMatch();
          const st = await this.stat(path, pick); // Query's lookup: a version without .info fails the query
          if (!st.ok) return st;
          target = this.main.replacement({ path, version: pick }) ?? { path, version: pick };
        }
        if (target.version === '') return { ok: true, value: undefined }; // a directory: go reads its go.mod (not done here)
        const got = await this.source.goMod(target.path, target.version);
        if (!got.ok) return failure(got);
        const s = summarizeGoMod(got.text);
        return s.ok ? { ok: true, value: s.summary } : { ok: false, notFound: false, error: s.message };
      })();
      this.latests.set(path, p);
    }
    return p;
  }

  /** retraction: CheckRetractions — the rationales when path@version is retracted ([] → "retracted by module author"). */
  private async retraction(path: string, version: string): Promise<Answer<string[] | undefined>> {
    if (this.main.replacement({ path, version: '' })) return { ok: true, value: undefined };
    const l = await this.latest(path);
    if (!l.ok) return l;
    if (!l.value) return { ok: true, value: undefined };
    let retracted = false;
    const why: string[] = [];
    for (const r of l.value.retract) {
      if (cmpVersion(path, r.low, version) <= 0 && cmpVersion(path, version, r.high) <= 0) {
        retracted = true;
        if (r.rationale !== '') why.push(r.rationale);
      }
    }
    return { ok: true, value: retracted ? (why.length > 0 ? why : ['retracted by module author']) : undefined };
  }

  private async deprecation(path: string): Promise<Answer<string | undefined>> {
    if (this.main.replacement({ path, version: '' })) return { ok: true, value: undefined };
    const l = await this.latest(path);
    if (!l.ok) return l;
    return { ok: true, value: l.value?.deprecated || undefined };
  }

  /** allowed: CheckAllowed — not excluded by a main module, not retracted (a retraction that cannot be loaded allows). */
  private async allowed(path: string, version: string): Promise<boolean> {
    if (this.main.excludes.has(`${path}@${version}`)) return false;
    const r = await this.retraction(path, version);
    return !(r.ok && r.value);
  }

  /**
   * upgrade: Query(path, "upgrade", current, CheckAllowed) — or with `patch`, Query(path, "patch",
   * current, CheckAllowed), the same within current's major.minor; undefined when nothing matches.
   */
  async upgrade(path: string, current: string, patch = false): Promise<Answer<UpdateInfo | undefined> & { disallowed?: boolean }> {
    if (this.main.isMain({ path, version: '' })) return { ok: true, value: undefined };
    const l = await this.list(path);
    if (!l.ok) return l.notFound ? { ok: true, value: undefined } : l;
    const prefix = patch ? majorMinor(current) + '.' : '';
    const tagged = prefix === '.' ? [] : l.value.tagged.filter((v) => v.startsWith(prefix));
    const f = await this.filtered(path, tagged, async (v) => cmpVersion(path, v, current) >= 0 && (await this.allowed(path, v)));
    if (!f.ok) return f;
    let pick = f.value.releases.at(-1) ?? f.value.prereleases.at(-1);
    if (!pick && !patch && isPseudoVersion(current)) {
      const latest = latestFromList(l.value.lines);
      if (latest && cmpVersion(path, latest, current) >= 0 && (await this.allowed(path, latest))) pick = latest;
    }
    if (!pick) return { ok: true, value: undefined };
    const st = await this.stat(path, pick);
    if (!st.ok) return st;
    if (isPseudoVersion(current) && st.value.time !== '' && st.value.time !== '0001-01-01T00:00:00Z') {
      const t = pseudoVersionTime(current);
      if ('value' in t && Date.parse(st.value.time) < t.value.getTime()) return { ok: true, value: undefined }; // the current pseudo-version is newer
    }
    return { ok: true, value: st.value };
  }
}

/**
 * nextMajor: the newest release of the next major version's module path (example.com/m → /v2,
 * example.com/m/v2 → /v3, gopkg.in/yaml.v2 → gopkg.in/yaml.v3), when the source lists one.
 */
export async function nextMajor(source: ModuleSource, path: string): Promise<UpdateInfo & { path: string } | undefined> {
  const split = splitPathVersion(path);
  if (!split.ok) return undefined;
  let next: string;
  if (path.startsWith('gopkg.in/')) {
    const m = /^\.v(\d+)(-unstable)?$/.exec(split.pathMajor);
    if (!m) return undefined;
    next = `${split.prefix}.v${Number(m[1]) + 1}`;
  } else {
    const n = split.pathMajor === '' ? 1 : Number(split.pathMajor.slice(2));
    next = `${split.prefix}/v${n + 1}`;
  }
  const got = source.versions ? await source.versions(next) : undefined;
  if (!got?.ok) return undefined;
  const v = listedVersions(got.text).filter((x) => prerelease(x) === '').at(-1);
  return v ? { path: next, version: v, time: '' } : undefined;
}

function failure<T>(r: Extract<FetchResult, { ok: false }>): Answer<T> {
  return { ok: false, notFound: r.kind === 'not-found', error: r.message };
}

/** latestFromList: proxyRepo.latestFromList — among lines with a time or a pseudo-version, the newest. */
function latestFromList(lines: string[]): string | undefined {
  let best = '';
  let bestTime = -Infinity;
  for (const line of lines) {
    const f = line.trim().split(/\s+/);
    if (!f[0] || !isValid(f[0])) continue;
    let t: number;
    if (f.length >= 2) t = Date.parse(f[1]);
    else if (isPseudoVersion(f[0])) {
      const pt = pseudoVersionTime(f[0]);
      t = 'value' in pt ? pt.value.getTime() : NaN;
    } else continue;
    if (!Number.isNaN(t) && t > bestTime) {
      bestTime = t;
      best = f[0];
    }
  }
  return best || undefined;
}

/** quotePath: modfile.AutoQuote for a module path (quoted only when it needs it). */
function quotePath(p: string): string {
  return /^[^\s"'`\\()[\]{},]+$/.test(p) && !p.includes('//') && !p.includes('/*') ? p : JSON.stringify(p);
}
