/**
 * editRequirements as Go 1.21 and later run it for `go get` (cmd/go/internal/modload/edit.go, which
 * 1.21 rewrote; Go 1.19's algorithm is in whatIf.ts): edit the main module's requirements so that
 *
 *  1. each module version of `mustSelect` is selected;
 *  2. every other root moves from its version only as far as (1) needs: a root whose requirements
 *     lead to a version above a mustSelect one is downgraded, version by version (excluded and
 *     retracted ones skipped), until nothing in the graph breaks (1), and upgrades that the new
 *     graph implies are accepted at the end — which is also how the go and toolchain roots rise;
 *  3. a conflict that no downgrade can remove (a mustSelect version itself requires too much) is
 *     go get's "requires X, not Y" error.
 *
 * Pruned requirements keep a root per path; unpruned ones are reduced to a near-minimal set (mvs.Req)
 * and become pruned when the go root reaches 1.17. The conflict bookkeeping follows the go command's
 * dqTracker: a module is disqualified with or without graph pruning, and a disqualification travels up
 * to every module that requires it, as the pruning of each root allows.
 */
import { LoadedGraph, SummaryFn, readModGraph } from './load';
import { ModGraph, ModuleKey, cmpVersion, compareModules, keyOf } from './mvs';
import { req } from './req';
import { Pruning, pruningForGoVersion } from './summary';
import { goFromToolchain } from '../module/goVersion';

/** Reqs is modload.Requirements: how roots are loaded, the roots (sorted), and the direct paths. */
export interface Reqs {
  pruning: Pruning;
  roots: ModuleKey[];
  direct: Set<string>;
}

/** EditIO is what the edit reads: summaries, and the allowed versions of a path (sorted, ascending). */
export interface EditIO {
  main: ModuleKey;
  summary: SummaryFn;
  versions: (path: string) => Promise<string[] | string>;
}

/** Conflict is modload.Conflict: a chain of requirements from a root to a version that breaks a constraint (or cannot be read). */
export interface Conflict {
  path: ModuleKey[];
  constraint?: ModuleKey;
  err?: string;
}

export type EditResult =
  | { ok: true; reqs: Reqs; changed: boolean }
  | { ok: false; error: string; conflicts?: Conflict[]; tooNew?: boolean };

type Dq = { dep?: ModuleKey; err?: string } | undefined;
interface PerPruning { pruned: Dq; unpruned: Dq }

/** DqTracker is the go command's dqTracker: why each module version is disqualified, per pruning. */
class DqTracker {
  private readonly reason = new Map<string, PerPruning>();
  private readonly requiring = new Map<string, ModuleKey[]>();

  constructor(readonly rootPruning: Map<string, Pruning>) {}

  check(m: ModuleKey, pruning: Pruning): Dq {
    const r = this.reason.get(keyOf(m));
    return pruning === 'unpruned' ? r?.unpruned : r?.pruned;
  }

  /** require records that m requires r; false when that disqualified m (stop looking at m's requirements). */
  require(m: ModuleKey, r: ModuleKey): boolean {
    const rdq = this.reason.get(keyOf(r));
    const rootPruning = this.rootPruning.get(keyOf(r));
    if (rootPruning !== undefined && (rootPruning === 'unpruned' ? rdq?.unpruned : rdq?.pruned)) {
      this.disqualify(m, 'pruned', { dep: r });
      return false;
    }
    if (rdq?.unpruned) {
      this.disqualify(m, 'unpruned', { dep: r });
      if (!this.rootPruning.has(keyOf(m))) return false;
    }
    const list = this.requiring.get(keyOf(r)) ?? [];
    list.push(m);
    this.requiring.set(keyOf(r), list);
    return true;
  }

  disqualify(m: ModuleKey, from: Pruning, why: NonNullable<Dq>): void {
    const k = keyOf(m);
    const dq: PerPruning = { ...(this.reason.get(k) ?? { pruned: undefined, unpruned: undefined }) };
    if (from === 'unpruned' ? dq.unpruned : dq.pruned) return; // already disqualified for another reason
    const rootPruning = this.rootPruning.get(k);
    const isRoot = rootPruning !== undefined;
    if (from === 'pruned') {
      dq.pruned = why;
      dq.unpruned ??= why;
    } else {
      dq.unpruned = why;
      if (isRoot && rootPruning === 'unpruned') dq.pruned = why;
    }
    this.reason.set(k, dq);
    const requirers = this.requiring.get(k) ?? [];
    if (isRoot && (from === 'pruned' || rootPruning === 'unpruned')) {
      this.requiring.delete(k);
      for (const p of requirers) this.disqualify(p, 'pruned', { dep: m });
      return;
    }
    if (!isRoot) this.requiring.delete(k);
    for (const p of requirers) this.disqualify(p, 'unpruned', { dep: m });
  }

  /** path is the chain of disqualifications from m to the module at fault, with its read error if any. */
  path(m: ModuleKey, pruning: Pruning): { path: ModuleKey[]; err?: string } {
    const path: ModuleKey[] = [];
    for (let cur = m, p = pruning; ;) {
      if (this.rootPruning.get(keyOf(cur)) === 'unpruned') p = 'unpruned';
      const dq = this.check(cur, p);
      if (!dq) return { path };
      path.push(cur);
      if (dq.err !== undefined || !dq.dep || keyOf(dq.dep) === keyOf(cur)) return { path, err: dq.err };
      cur = dq.dep;
    }
  }
}

/** maxRootVersion is Requirements.maxRootVersion: the highest root version of each path. */
export function maxRootVersion(roots: ModuleKey[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of roots) {
    const v = out.get(r.path);
    if (v === undefined || cmpVersion(r.path, v, r.version) < 0) out.set(r.path, r.version);
  }
  return out;
}

/** graphOf loads the module graph of rs (modload's rs.Graph). */
export function graphOf(rs: Reqs, io: EditIO): Promise<LoadedGraph> {
  return readModGraph(rs.pruning, io.main, rs.roots, io.summary);
}

/**
 * convertPruning is modload.convertPruning between pruned and unpruned requirements: to unpruned, the
 * near-minimal roots of the build list (updateUnprunedRoots); to pruned, the whole build list as roots.
 */
export async function convertPruning(rs: Reqs, pruning: Pruning, io: EditIO): Promise<Reqs | string> {
  if (rs.pruning === pruning) return rs;
  const loaded = await graphOf(rs, io);
  const failure = [...loaded.failures.values()][0];
  if (failure) return `${failure.module.path}@${failure.module.version}: ${failure.message}`;
  const buildList = loaded.graph.buildList().slice(1);
  if (pruning === 'pruned') return { pruning, roots: [...buildList].sort(compareModules), direct: rs.direct };
  const max = maxRootVersion(rs.roots);
  const rootPaths: string[] = [];
  for (const r of rs.roots) if (!rootPaths.includes(r.path) && loaded.graph.selectedVersion(r.path) === r.version) rootPaths.push(r.path);
  for (const m of buildList) if (rs.direct.has(m.path) && !rootPaths.includes(m.path)) rootPaths.push(m.path);
  const roots = await req(io.main, rootPaths, buildList, io.summary);
  return max.size === roots.length && roots.every((r) => max.get(r.path) === r.version) ? { ...rs, pruning } : { pruning, roots, direct: rs.direct };
}

/**
 * extendGraph loads the graph of roots and, in a pruned graph, also the requirements of the version
 * each root path ends up selecting (an upgraded root), until no new such version appears.
 */
async function extendGraph(rootPruning: Pruning, roots: ModuleKey[], selectedRoot: Map<string, string>, io: EditIO): Promise<{ loaded: LoadedGraph; upgraded: Map<string, ModuleKey> }> {
  const upgraded = new Map<string, ModuleKey>();
  for (;;) {
    const loaded = await readModGraph(rootPruning, io.main, roots, io.summary, new Set(upgraded.keys()));
    if (rootPruning === 'unpruned') return { loaded, upgraded };
    const before = upgraded.size;
    for (const p of selectedRoot.keys()) {
      const v = loaded.graph.selectedVersion(p);
      if (v === 'none') continue;
      const m = { path: p, version: v };
      if (!loaded.graph.isLoaded(m) && !upgraded.has(keyOf(m))) upgraded.set(keyOf(m), m);
    }
    if (upgraded.size === before) return { loaded, upgraded };
  }
}

/** editRequirements edits `orig` so that every module version of mustSelect is selected (see the file comment). */
export async function editRequirements(orig: Reqs, mustSelect: ModuleKey[], io: EditIO): Promise<EditResult> {
  let rootPruning = orig.pruning;
  for (const m of mustSelect) {
    if (m.path === 'go') {
      rootPruning = pruningForGoVersion(m.version);
      break;
    }
    if (m.path === 'toolchain' && pruningForGoVersion(goFromToolchain(m.version)) === 'unpruned') {
      rootPruning = 'unpruned';
      break;
    }
  }
  const converted = rootPruning === orig.pruning ? orig : await convertPruning(orig, rootPruning, io);
  if (typeof converted === 'string') return { ok: false, error: converted };
  const rs = converted;

  let selectedRoot: Map<string, string>;
  if (rootPruning === 'pruned') selectedRoot = maxRootVersion(rs.roots);
  else {
    const loaded = await graphOf(rs, io);
    const failure = [...loaded.failures.values()][0];
    if (failure) return { ok: false, error: `${failure.module.path}@${failure.module.version}: ${failure.message}`, tooNew: failure.tooNew };
    selectedRoot = new Map(loaded.graph.buildList().slice(1).map((m) => [m.path, m.version]));
  }

  const conflicts: Conflict[] = [];
  const mustSelectVersion = new Map<string, string>();
  for (const r of mustSelect) {
    const v = mustSelectVersion.get(r.path);
    if (v !== undefined && v !== r.version) {
      const prev = { path: r.path, version: v };
      conflicts.push(cmpVersion(r.path, v, r.version) > 0 ? { path: [prev], constraint: r } : { path: [r], constraint: prev });
      continue;
    }
    mustSelectVersion.set(r.path, r.version);
    selectedRoot.set(r.path, r.version);
  }

  let roots: ModuleKey[] = [];
  let rootsDirty = true;
  const rejectedRoot = new Set<string>();
  let origGraph: ModGraph | undefined;
  while (rootsDirty && conflicts.length === 0) {
    roots = [...selectedRoot].filter(([, v]) => v !== 'none').map(([path, version]) => ({ path, version })).sort(compareModules);
    const { loaded, upgraded } = await extendGraph(rootPruning, roots, selectedRoot, io);
    const tooNew = [...loaded.failures.values()].find((f) => f.tooNew);
    if (tooNew) return { ok: false, error: `${tooNew.module.path}@${tooNew.module.version}: ${tooNew.message}`, tooNew: true };
    const mg = loaded.graph;

    const summaryPruning = async (m: ModuleKey): Promise<Pruning | undefined> => {
      if (loaded.failures.has(keyOf(m)) || !mg.isLoaded(m)) return undefined;
      const s = await io.summary(m);
      return s.ok ? s.summary.pruning : undefined;
    };
    const extendedRootPruning = new Map<string, Pruning>();
    for (const m of [...roots, ...upgraded.values()]) {
      extendedRootPruning.set(keyOf(m), rootPruning === 'pruned' && (await summaryPruning(m)) === 'unpruned' ? 'unpruned' : rootPruning);
    }

    const t = new DqTracker(extendedRootPruning);
    mg.walkBreadthFirst((m) => {
      const max = mustSelectVersion.get(m.path);
      if (max !== undefined && cmpVersion(m.path, m.version, max) > 0) {
        t.disqualify(m, 'pruned', { dep: m }); // m itself breaks mustSelect
        return;
      }
      const failure = loaded.failures.get(keyOf(m));
      if (failure) {
        t.disqualify(m, 'pruned', { err: failure.message });
        return;
      }
      const reqs = mg.requiredBy(m);
      if (!reqs || (m.version === '' && m.path === io.main.path)) return; // not read, or the main module itself
      for (const r of reqs) {
        const rmax = mustSelectVersion.get(r.path);
        if (rmax !== undefined && cmpVersion(r.path, r.version, rmax) > 0) {
          t.disqualify(m, 'pruned', { dep: r });
          return;
        }
      }
      for (const r of reqs) if (!t.require(m, r)) break;
    });

    rootsDirty = false;
    for (const m of roots) {
      const found = t.path(m, extendedRootPruning.get(keyOf(m)) ?? rootPruning);
      if (found.path.length === 0 && found.err === undefined) continue;
      const conflict: Conflict = { path: found.path, err: found.err };
      if (found.err === undefined) {
        const last = found.path[found.path.length - 1];
        const mustV = mustSelectVersion.get(last.path);
        if (mustV === undefined) return { ok: false, error: `internal error: a version conflict at ${last.path}@${last.version}, but no constraint it breaks` };
        conflict.constraint = { path: last.path, version: mustV };
      }
      if (mustSelectVersion.get(m.path) === m.version) {
        conflicts.push(conflict); // a requested version itself leads to the conflict
        continue;
      }
      const v = mg.selectedVersion(m.path);
      if (v !== m.version) {
        // the selected (higher) version of m's path may be fine: accept that upgrade at the end
        const u = { path: m.path, version: v };
        if (!t.check(u, extendedRootPruning.get(keyOf(m)) ?? rootPruning) && !rejectedRoot.has(keyOf(u))) continue;
      }
      origGraph ??= (await graphOf(orig, io)).graph;
      const origV = origGraph.selectedVersion(m.path);
      if (conflict.err !== undefined && origV === m.version) {
        conflicts.push(conflict); // an existing requirement whose graph cannot be read: not ours to downgrade
        continue;
      }
      rejectedRoot.add(keyOf(m));
      let prev = m;
      for (;;) {
        const p = await previousVersion(prev, io);
        if (cmpVersion(m.path, m.version, origV) > 0 && (typeof p === 'string' || cmpVersion(m.path, p.version, origV) < 0)) prev = { path: m.path, version: origV };
        else if (typeof p === 'string') return { ok: false, error: p };
        else prev = p;
        if (rejectedRoot.has(keyOf(prev))) continue;
        const pruning = rootPruning === 'pruned' ? (await summaryPruning(m)) ?? rootPruning : rootPruning;
        if (t.check(prev, pruning)) {
          rejectedRoot.add(keyOf(prev));
          continue;
        }
        break;
      }
      selectedRoot.set(m.path, prev.version);
      rootsDirty = true;
    }
    if (rootsDirty) continue;
    // no downgrade needed: lock in the upgrades the graph implies (the go and toolchain roots too)
    for (const [p, v] of selectedRoot) {
      if (mustSelectVersion.has(p)) continue;
      const actual = mg.selectedVersion(p);
      if (actual !== v) {
        selectedRoot.set(p, actual);
        rootsDirty = true;
      }
    }
  }
  if (conflicts.length > 0) return { ok: false, error: 'version constraints conflict', conflicts };

  if (rootPruning === 'unpruned') {
    const rootPaths = mustSelect.filter((m) => m.version !== 'none' && m.path !== io.main.path).map((m) => m.path);
    const was = maxRootVersion(rs.roots);
    for (const m of roots) {
      const v = was.get(m.path);
      if (v !== undefined && (v === m.version || rs.direct.has(m.path))) rootPaths.push(m.path);
    }
    roots = await req(io.main, rootPaths, roots, io.summary);
  }
  const changed = rootPruning !== orig.pruning || roots.length !== orig.roots.length || roots.some((r, i) => keyOf(r) !== keyOf(orig.roots[i]));
  if (!changed) return { ok: true, reqs: orig, changed: false };
  const direct = new Set(roots.filter((m) => rs.direct.has(m.path)).map((m) => m.path));
  let edited: Reqs = { pruning: rootPruning, roots, direct };
  if (rootPruning === 'unpruned') {
    const go = maxRootVersion(roots).get('go');
    if (go !== undefined && pruningForGoVersion(go) === 'pruned') {
      const c = await convertPruning(edited, 'pruned', io);
      if (typeof c === 'string') return { ok: false, error: c };
      edited = c;
    }
  }
  return { ok: true, reqs: edited, changed: true };
}

/**
 * previousVersion is modload.previousVersion: the highest allowed version of m's path below m, or
 * `none`; an error text when the versions cannot be listed.
 */
async function previousVersion(m: ModuleKey, io: EditIO): Promise<ModuleKey | string> {
  if (m.version === '' && m.path === io.main.path) return { path: m.path, version: 'none' };
  const list = await io.versions(m.path);
  if (typeof list === 'string') return list;
  let prev = 'none';
  for (const v of list) if (cmpVersion(m.path, v, m.version) < 0 && cmpVersion(m.path, v, prev) > 0) prev = v;
  return { path: m.path, version: prev };
}
