/**
 * What `go get path@version` would do to the build list, computed before running it (semantics
 * §3.7), as the emulated go command does it: from Go 1.21 with the rewritten editRequirements
 * (editRequirements.ts, also for `go@1.N.P` and `toolchain@…` queries, raising and dropping the go
 * and toolchain lines as go get writes them); for older releases as Go 1.19's modget →
 * modload.EditBuildList → editRequirements (module queries only, no package loading and no -u):
 *
 *  1. limits: every module the current graph selects (unpruned) or every root (pruned) may not go
 *     above its currently selected version, except as far as the requested version's own graph
 *     needs (raiseLimitsForUpgrades); the requested path is capped at the requested version;
 *  2. the requested version is selected unless its requirements break a limit (a conflict, which
 *     is go get's error);
 *  3. every root (pruned) or every module of the build list (unpruned) is kept at the highest
 *     version not above its limit whose requirements respect every limit — the downgrades that
 *     a lower requested version forces (versionLimiter.UpgradeToward);
 *  4. the new roots are those paths at the versions the resulting graph selects (pruned), or the
 *     near-minimal root set of mvs.Req (unpruned); roots that were direct stay direct, a new one
 *     is `// indirect`;
 *  5. the build list after is that of the new go.mod, as `go list -m all` would print it.
 *
 * The result holds the changes go get would report (whatIfCommon.ts reportedChanges: the requested
 * module and the go.mod requirements, as written before and after — not every module of the build
 * list), the build lists before and after, and the go.mod requirements go get would write. Excluded
 * and retracted versions are skipped when a module must be lowered. Workspaces are refused (go get
 * changes one module's go.mod).
 */
import { BuildIO, BuildOptions, computeBuild, summaryFunction, syncPrunedRoots } from './buildList';
import { listModules } from './listing';
import { SummaryFn, readModGraph } from './load';
import { MainModuleSet } from './mainModules';
import { ModuleKey, cmpVersion, compareModules, keyOf } from './mvs';
import { req } from './req';
import { compare as semverCompare, isValid as validSemver } from '../module/semver';
import { compareGoVersion } from '../module/goVersion';
import { WhatIf, allowedVersions, reportedChanges } from './whatIfCommon';
import { goQueryProblem, whatIfModern } from './whatIfModern';

export { Change, Requirement, WhatIf, changeLines, diffLists, reportedChanges } from './whatIfCommon';

/**
 * whatIf computes what `go get target.path@target.version` would do in the main module of `main`;
 * with several targets (Go ≥ 1.21 semantics), `go get p1@v1 p2@v2 …` — one edit selecting all of them.
 */
export async function whatIf(main: MainModuleSet, io: BuildIO, options: BuildOptions, targets: ModuleKey | ModuleKey[]): Promise<WhatIf> {
  const all = Array.isArray(targets) ? targets : [targets];
  const target = all[0];
  if (main.workspace) return { ok: false, error: 'go get in a workspace is not emulated: run it in the module (GOWORK=off) to see its effect on that module alone' };
  if (main.errors.length > 0) return { ok: false, error: main.errors[0] };
  if (!target) return { ok: false, error: 'nothing to get' };
  const mainPath = main.modules[0].path;
  const modern = compareGoVersion(options.toolchain, '1.21') >= 0;
  if (all.length > 1 && !modern) return { ok: false, error: 'several modules at once are previewed with Go 1.21 semantics or later' };
  const seen = new Set<string>();
  for (const t of all) {
    if (seen.has(t.path)) return { ok: false, error: `${t.path}: asked for twice` };
    seen.add(t.path);
    if (t.path === mainPath) return { ok: false, error: `can't request explicit version of path in main module` };
    const pseudo = modern && (t.path === 'go' || t.path === 'toolchain');
    if (pseudo) {
      const refused = goQueryProblem(t, options.toolchain);
      if (refused) return { ok: false, error: refused };
    } else if (t.version !== 'none' && !validSemver(t.version)) return { ok: false, error: `${t.path}@${t.version}: not a semantic version (name an exact version such as v1.2.3, or none)` };
    if (main.excludes.has(keyOf(t))) return { ok: false, error: `${t.path}@${t.version}: excluded by go.mod` };
  }
  const mod: BuildOptions = { ...options, mode: 'mod' };
  // go get starts from LoadModGraph: the roots as -mod=mod leaves them (pruned: each at its selected
  // version; unpruned: the near-minimal set of mvs.Req), a go line added where there is none (its
  // unpruned requirements then become pruned roots, every module of the build list)
  const before = await computeBuild(main, io, { ...mod, unprunedRoots: 'rewrite' });
  if (before.error) return { ok: false, error: before.error };
  if (modern) return whatIfModern(main, io, mod, all, before);
  const summary = summaryFunction(main, io, mod);
  const mainKey: ModuleKey = { path: mainPath, version: '' };
  let pruning = main.pruning;
  let roots0 = before.roots;
  let goLineAdded: string | undefined;
  if (main.goVersion === '') {
    goLineAdded = options.toolchain;
    pruning = 'pruned';
    roots0 = before.graph.buildList().slice(1);
  }
  const direct = main.direct;
  const g0 = goLineAdded ? (await readModGraph(pruning, mainKey, roots0, summary)).graph : before.loaded.graph;
  const rootVersion = new Map<string, string>();
  for (const r of roots0) rootVersion.set(r.path, r.version);

  // limiterForEdit
  const max = new Map<string, string>();
  const restrictTo = (m: ModuleKey): void => {
    const v = max.get(m.path);
    if (v === undefined || cmpVersion(m.path, v, m.version) > 0) max.set(m.path, m.version);
  };
  if (pruning === 'unpruned') for (const m of g0.buildList()) restrictTo(m);
  else for (const r of roots0) restrictTo({ path: r.path, version: g0.selectedVersion(r.path) });
  const raised = await raiseLimits(max, pruning, target, mainKey, main, summary);
  if (typeof raised === 'string') return { ok: false, error: raised };
  restrictTo(target);

  const limiter = new VersionLimiter(pruning, max, mainKey, summary);
  const dq = await limiter.check(target, pruning);
  if (dq.error) return { ok: false, error: dq.error };
  if (dq.conflict) {
    const c = dq.conflict;
    return { ok: false, error: `${target.path}@${target.version} requires ${c.path}@${c.version}, not ${c.path}@${max.get(c.path)}` };
  }
  limiter.selected.set(target.path, target.version);

  // selectPotentiallyImportedModules
  const initial = pruning === 'unpruned' ? g0.buildList().slice(1) : [...roots0].sort(compareModules);
  for (const m of initial) {
    const e = await limiter.upgradeToward(m, (path) => allowedVersions(path, io, main, summary));
    if (e) return { ok: false, error: e };
  }
  const picked: ModuleKey[] = [];
  for (const [path, v] of limiter.selected) if (v !== 'none' && path !== mainPath) picked.push({ path, version: v });
  const mg = (await readModGraph(pruning, mainKey, picked, summary)).graph;
  const mods: ModuleKey[] = [];
  for (const path of limiter.selected.keys()) {
    if (path === mainPath) continue;
    const v = mg.selectedVersion(path);
    if (v !== 'none') mods.push({ path, version: v });
  }
  mods.sort(compareModules);
  const changed = !(mods.length === initial.length && mods.every((m, i) => keyOf(m) === keyOf(initial[i])));

  let roots: ModuleKey[] | undefined;
  if (pruning === 'unpruned') {
    const rootPaths = target.version !== 'none' ? [target.path] : [];
    if (changed || rootPaths.length > 0) {
      for (const m of mods) {
        const v = rootVersion.get(m.path);
        if (v !== undefined && (v === m.version || direct.has(m.path))) rootPaths.push(m.path);
      }
      const keep = (await readModGraph('unpruned', mainKey, mods, summary)).graph.buildList().slice(1);
      roots = await req(mainKey, rootPaths, keep, summary);
    }
  } else if (changed) roots = mods;

  const newRoots = roots ?? roots0;
  const newDirect = new Set(newRoots.filter((r) => direct.has(r.path)).map((r) => r.path));
  // go get writes the requirements it ends with, even when the query changes nothing: the -mod=mod
  // roots (excluded requirements dropped, roots at their selected versions)
  const requirements = newRoots.filter((r) => r.path !== 'go' && r.path !== 'toolchain').map((r) => ({ path: r.path, version: r.version, indirect: !newDirect.has(r.path) }));
  const afterMain: MainModuleSet = newRoots !== main.roots
    ? { ...main, roots: [...newRoots].sort(compareModules), direct: newDirect, pruning, goVersion: goLineAdded ?? main.goVersion, droppedRoots: [] }
    : main;
  const after = afterMain === main ? before : await computeBuild(afterMain, io, { ...mod, unprunedRoots: 'skip' });
  if (after.error) return { ok: false, error: after.error };
  const [b, a] = [listModules(before), listModules(after)];
  // the go line go.mod ends with: added where there was none; from Go 1.21 the `go` root, raised when
  // the requested version's graph needs a newer language version
  const goRoot = newRoots.find((r) => r.path === 'go')?.version;
  const goTo = goLineAdded ?? (goRoot !== undefined && main.goVersion !== '' && compareGoVersion(goRoot, main.goVersion) > 0 ? goRoot : undefined);
  const goLine = goTo === undefined ? undefined : { from: main.goVersion, to: goTo };
  // Go 1.19 reports changes to modules only (its go get says nothing of the go line it adds)
  const changes = reportedChanges({
    modern: false, target, before: b, final: changed ? a : b, oldRequire: main.modules[0].modFile.require.map((q) => ({ path: q.mod.path, version: q.mod.version })),
    newRequire: requirements, goLine: { from: '', to: '' }, toolchainLine: { from: '', to: '' },
  });
  return { ok: true, target, before: b, after: a, changes, requirements, goLine };
}

/**
 * raiseLimits is raiseLimitsForUpgrades with one module in mustSelect and nothing to try upgrading:
 * load the graph rooted at the requested version (re-rooting a pruned one until its roots are
 * selected) and allow every module it selects up to that version.
 */
async function raiseLimits(max: Map<string, string>, pruning: MainModuleSet['pruning'], target: ModuleKey, mainKey: ModuleKey, main: MainModuleSet, summary: SummaryFn): Promise<string | undefined> {
  const allow = (m: ModuleKey): void => {
    const v = max.get(m.path);
    if (v !== undefined && cmpVersion(m.path, v, m.version) < 0) max.set(m.path, m.version);
  };
  const isRootPath = pruning === 'pruned' ? new Set([...max.keys(), target.path]) : undefined;
  let next: ModuleKey[] | undefined = [target];
  while (next) {
    let roots = [...next].sort(compareModules);
    next = undefined;
    let loaded = await readModGraph(pruning, mainKey, roots, summary);
    if (loaded.failures.size > 0) return failureText(loaded.failures);
    if (pruning === 'pruned' && !roots.every((r) => loaded.graph.selectedVersion(r.path) === r.version)) {
      const synced = await syncPrunedRoots(main, roots, loaded, summary, mainKey);
      roots = synced.roots;
      loaded = synced.loaded ?? await readModGraph(pruning, mainKey, roots, summary);
      if (loaded.failures.size > 0) return failureText(loaded.failures);
    }
    const rootOf = new Map(roots.map((r) => [r.path, r.version]));
    for (const r of loaded.graph.buildList()) {
      allow(r);
      if (!isRootPath?.has(r.path) || rootOf.get(r.path) === r.version) continue;
      next ??= [...roots];
      next.push(r);
    }
  }
  return undefined;
}

function failureText(failures: Map<string, { module: ModuleKey; message: string }>): string {
  const f = [...failures.values()][0];
  return `${f.module.path}@${f.module.version}: ${f.message}`;
}

interface Disqualified {
  error?: string;
  conflict?: ModuleKey;
}

/** VersionLimiter is cmd/go's versionLimiter: which versions can be selected without breaking a limit. */
class VersionLimiter {
  readonly selected = new Map<string, string>();
  private readonly reason = new Map<string, Disqualified>();
  private readonly requiring = new Map<string, ModuleKey[]>();

  constructor(private readonly pruning: MainModuleSet['pruning'], private readonly max: Map<string, string>, private readonly mainKey: ModuleKey, private readonly summary: SummaryFn) {
    this.selected.set(mainKey.path, '');
  }

  /** check: whether m (and, per the pruning rules, its requirements) respects every limit. */
  async check(m: ModuleKey, pruning: MainModuleSet['pruning']): Promise<Disqualified> {
    if (m.version === 'none' || (m.path === this.mainKey.path && m.version === '')) return {};
    const k = keyOf(m);
    const seen = this.reason.get(k);
    if (seen) return seen;
    this.reason.set(k, {});
    const limit = this.max.get(m.path);
    if (limit !== undefined && cmpVersion(m.path, m.version, limit) > 0) return this.disqualify(m, { conflict: m });
    const s = await this.summary(m);
    if (!s.ok) return this.disqualify(m, { error: `${m.path}@${m.version}: ${s.message}` });
    const p = s.summary.pruning === 'unpruned' ? 'unpruned' : pruning;
    for (const r of s.summary.require) {
      if (p === 'pruned' && !this.max.has(r.path)) continue;
      const dq = await this.check(r, p);
      if (dq.error || dq.conflict) return this.disqualify(m, dq);
      const list = this.requiring.get(keyOf(r)) ?? [];
      list.push(m);
      this.requiring.set(keyOf(r), list);
    }
    return {};
  }

  private disqualify(m: ModuleKey, dq: Disqualified): Disqualified {
    const k = keyOf(m);
    const had = this.reason.get(k);
    if (had && (had.error || had.conflict)) return had;
    this.reason.set(k, dq);
    for (const p of this.requiring.get(k) ?? []) this.disqualify(p, { conflict: m });
    this.requiring.delete(k);
    return dq;
  }

  /**
   * upgradeToward selects m's path at m's version, or — when that version breaks a limit — at the
   * highest allowed lower version that does not, if that is above what is selected already.
   */
  async upgradeToward(m: ModuleKey, versions: (path: string) => Promise<string[] | string>): Promise<string | undefined> {
    const cur = this.selected.get(m.path);
    if (cur !== undefined && cmpVersion(m.path, cur, m.version) >= 0) return undefined;
    const selected = cur ?? 'none';
    let v = m.version;
    const bad = async (x: string): Promise<boolean> => {
      const dq = await this.check({ path: m.path, version: x }, this.pruning);
      return !!(dq.error || dq.conflict);
    };
    if (await bad(v)) {
      const all = await versions(m.path);
      if (typeof all === 'string') return all;
      const candidates = all.filter((x) => semverCompare(x, m.version) < 0);
      while (await bad(v)) {
        const last = candidates.pop();
        if (last === undefined || cmpVersion(m.path, selected, last) >= 0) return undefined;
        v = last;
      }
    }
    this.selected.set(m.path, v);
    return undefined;
  }
}

