/**
 * What `go get path@version` does from Go 1.21 on (cmd/go/internal/modget with the rewritten
 * modload.editRequirements, editRequirements.ts): the requested version becomes mustSelect, the
 * other requirements move only as far as that needs, and go.mod is written from the new roots — the
 * go line from the `go` root (raised when the new graph needs a newer language version), the
 * toolchain line from the `toolchain` root unless it only repeats the go line. `go@1.N.P` and
 * `toolchain@goV` are queries like any other (offline, go knows without asking a proxy only go
 * versions up to its own and its own toolchain); `toolchain@none` drops the toolchain line.
 */
import { Build, BuildIO, BuildOptions, computeBuild, summaryFunction } from './buildList';
import { Conflict, EditIO, Reqs, convertPruning, editRequirements, maxRootVersion } from './editRequirements';
import { listModules } from './listing';
import { pruningForGoVersion } from './summary';
import { MainModuleSet } from './mainModules';
import { ModuleKey, compareModules } from './mvs';
import { isTooNew, switchesToolchain, tooNewMessage } from './tooNew';
import { WhatIf, allowedVersions, reportedChanges } from './whatIfCommon';
import { compareGoVersion, goFromToolchain, isGoLangVersion, isValidGoVersion } from '../module/goVersion';

/**
 * goQueryProblem: why go get would not take `go@…`/`toolchain@…` offline, or undefined. Go knows
 * every go version up to its own (a release, not a language version such as 1.22, which is a query
 * for the latest 1.22.x) and exactly its own toolchain; anything else it looks up on GOPROXY.
 */
export function goQueryProblem(target: ModuleKey, local: string): string | undefined {
  const v = target.version.replace(/^go/, '');
  if (target.path === 'go' && target.version === 'none') return 'cannot use go@none';
  if (target.path === 'toolchain' && target.version === 'none') return undefined;
  if (!isValidGoVersion(v)) return `${target.path}@${target.version}: invalid ${target.path} version ${target.version}`;
  const known = target.path === 'go' ? !isGoLangVersion(v) && compareGoVersion(v, local) <= 0 : v === local;
  return known ? undefined : `${target.path}@${target.version}: go ${local} knows only ${target.path === 'go' ? `go versions up to ${local}` : `toolchain go${local}`} without looking the version up on GOPROXY`;
}

/** whatIfModern is whatIf for Go ≥ 1.21; `before` is the -mod=mod build go get starts from. */
export async function whatIfModern(main: MainModuleSet, io: BuildIO, mod: BuildOptions, targets: ModuleKey[], before: Build): Promise<WhatIf> {
  const target = targets[0];
  const local = mod.toolchain;
  const mainKey: ModuleKey = { path: main.modules[0].path, version: '' };
  const summary = summaryFunction(main, io, mod);
  const edit: EditIO = { main: mainKey, summary, versions: (p) => allowedVersions(p, io, main, summary) };
  let rs: Reqs = { pruning: main.pruning, roots: before.roots, direct: main.direct };
  if (main.goVersion === '') {
    // loadModFile adds `go <running version>` to a go.mod without one; its requirements become pruned
    const withGo = [...rs.roots.filter((r) => r.path !== 'go'), { path: 'go', version: local }].sort(compareModules);
    const converted = await convertPruning({ ...rs, roots: withGo }, 'pruned', edit);
    if (typeof converted === 'string') return { ok: false, error: converted };
    rs = converted;
  }
  const dropToolchain = targets.some((t) => t.path === 'toolchain' && t.version === 'none');
  const mustSelect = targets.filter((t) => !(t.path === 'toolchain' && t.version === 'none')).map((t) => (t.path === 'toolchain' ? { path: 'toolchain', version: `go${t.version.replace(/^go/, '')}` } : t));
  const res = await editRequirements(rs, mustSelect, edit);
  if (!res.ok) return { ok: false, error: res.conflicts ? conflictText(res.conflicts, targets) : res.error };
  const roots = res.reqs.roots;
  const top = maxRootVersion(roots);
  const goRoot = top.get('go') ?? local;
  const stops = mod.gotoolchain !== undefined && !switchesToolchain(mod.gotoolchain);
  if (stops && isTooNew(goRoot, local)) return { ok: false, error: tooNewMessage('updating go.mod', goRoot, local, mod.gotoolchain ?? '') };

  const requirements = roots.filter((r) => r.path !== 'go' && r.path !== 'toolchain').map((r) => ({ path: r.path, version: r.version, indirect: !res.reqs.direct.has(r.path) }));
  const toolchain = top.get('toolchain') ?? `go${goRoot}`;
  const keepToolchain = !dropToolchain && toolchain !== `go${goRoot}` && (compareGoVersion(goFromToolchain(toolchain), '1.21') >= 0 || targets.some((t) => t.path === 'toolchain'));
  const oldToolchain = main.modules[0].modFile.toolchain?.name ?? '';
  const newToolchain = keepToolchain ? toolchain : '';

  // the build after is what the next go command reads from the go.mod go get writes: the new
  // requirements, go and toolchain lines (a go line raised to 1.17 or later prunes the graph)
  const written = res.changed || goRoot !== main.goVersion || newToolchain !== oldToolchain;
  const afterRoots = [...roots.filter((r) => r.path !== 'go' && r.path !== 'toolchain'), { path: 'go', version: goRoot }];
  if (newToolchain !== '') afterRoots.push({ path: 'toolchain', version: newToolchain });
  const afterMain: MainModuleSet = written
    ? { ...main, roots: afterRoots.sort(compareModules), direct: res.reqs.direct, pruning: pruningForGoVersion(goRoot), goVersion: goRoot, droppedRoots: [] }
    : main;
  const after = afterMain === main ? before : await computeBuild(afterMain, io, { ...mod, unprunedRoots: 'skip' });
  if (after.error) return { ok: false, error: after.error };
  const [b, a] = [listModules(before), listModules(after)];
  // go get reports the go line against the one loadModFile put in memory (the running version where go.mod has none)
  const changes = reportedChanges({
    modern: true, targets, before: b, final: res.changed ? a : b, oldRequire: main.modules[0].modFile.require.map((q) => ({ path: q.mod.path, version: q.mod.version })),
    newRequire: requirements, goLine: { from: main.goVersion || local, to: goRoot }, toolchainLine: { from: oldToolchain, to: newToolchain },
  });
  return {
    ok: true, target, targets, before: b, after: a, changes, requirements,
    goLine: goRoot !== main.goVersion ? { from: main.goVersion, to: goRoot } : undefined,
    toolchainLine: newToolchain !== oldToolchain ? { from: oldToolchain, to: newToolchain } : undefined,
  };
}

/**
 * conflictText is modget's report of a ConstraintError: for each conflict, the query that asked for
 * the root at its start, `requires` (`indirectly requires` through more than one step) the version
 * at its end, and `not` the version the query demands — or the error that stopped reading it.
 */
function conflictText(conflicts: Conflict[], targets: ModuleKey[]): string {
  const show = (m: ModuleKey): string => `${m.path}@${m.version}`;
  const reason = (m: ModuleKey): string => {
    const target = targets.find((t) => t.path === m.path) ?? targets[0];
    return m.path === target.path && m.version === target.version ? show(target) : `${show(m)} (matching ${show(target)})`;
  };
  return conflicts.map((c) => {
    const adverb = c.path.length > 2 ? 'indirectly ' : '';
    const last = c.path[c.path.length - 1];
    return c.err !== undefined
      ? `${reason(c.path[0])} ${adverb}requires ${show(last)}: ${c.err}`
      : `${reason(c.path[0])} ${adverb}requires ${show(last)}, not ${reason(c.constraint as ModuleKey)}`;
  }).join('\ngo: ');
}
