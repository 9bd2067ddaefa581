/**
 * The module requirement graph and minimal version selection (semantics §3.1): nodes are module
 * versions, each loaded node records its requirement list once, and the selected version of a path
 * is the highest version among the roots and every recorded edge target, whether or not that
 * target's own go.mod was loaded.
 */
import { compareGoVersion, goFromToolchain } from '../module/goVersion';
import { goCompareStrings } from '../module/goString';
import { VersionOrder, compare as semverCompare } from '../module/semver';

export interface ModuleKey {
  path: string;
  /** '' for a main module; 'none' for "not selected" */
  version: string;
}

/** showModule prints a module version as the go command does in errors and graphs: `path@version`, or `path` for a main module. */
export function showModule(m: ModuleKey): string {
  return m.version === '' ? m.path : `${m.path}@${m.version}`;
}

/**
 * keyedModule makes a module version that carries its map key (`path@version`) as a hidden,
 * read-only property: requirement lists are made once per go.mod read and kept, and the graph looks
 * their keys up millions of times, so each string is made once and keeps its hash. Hidden: spreads,
 * JSON and deep equality see only path and version.
 */
export function keyedModule(path: string, version: string): ModuleKey {
  const m = { path, version };
  Object.defineProperty(m, 'key', { value: `${path}@${version}` });
  return m;
}

/** keyOf is the map key of a module version, `path@version` (made once for a keyedModule). */
export function keyOf(m: ModuleKey): string {
  return (m as { key?: string }).key ?? `${m.path}@${m.version}`;
}

/**
 * cmpVersion orders two versions of one path as the go command does: '' (a main module) above
 * everything, Go-version order for the `go` and `toolchain` pseudo-modules, semver otherwise.
 */
export function cmpVersion(path: string, a: string, b: string): number {
  if (a === b) return 0;
  if (b === '') return -1;
  if (a === '') return 1;
  if (a === 'none') return -1;
  if (b === 'none') return 1;
  if (path === 'go') return compareGoVersion(a, b);
  if (path === 'toolchain') return compareGoVersion(goFromToolchain(a), goFromToolchain(b));
  return semverCompare(a, b);
}

/** compareModules is gover.ModSort's order: path (byte order), then version. */
export function compareModules(a: ModuleKey, b: ModuleKey): number {
  if (a.path !== b.path) return goCompareStrings(a.path, b.path);
  return cmpVersion(a.path, a.version, b.version);
}

/** ModGraph is mvs.Graph: roots, recorded requirement lists and the selected version of each path. */
export class ModGraph {
  private readonly required = new Map<string, ModuleKey[]>();
  private readonly selected = new Map<string, string>();
  /** the graph's own memo of version scans: touch compares the same versions once per edge */
  private readonly order = new VersionOrder();
  /**
   * the breadth-first walk findPath makes, kept once made (chainTo, walkBreadthFirst): the nodes in
   * the order reached, each with the node it was first reached from; and every node, in the order it
   * first appeared (allNodes). Recording a list forgets both.
   */
  private bfs: { order: ModuleKey[]; parents: Map<string, ModuleKey | undefined> } | undefined;
  private nodes: ModuleKey[] | undefined;
  /** every requirement on each path, in breadth-first order of the requiring node (requirers); recording a list forgets it */
  private requirerIndex: Map<string, { by: ModuleKey; version: string }[]> | undefined;

  constructor(readonly roots: ModuleKey[]) {
    for (const r of roots) this.touch(r);
  }

  /** touch raises path's selected version to m's: the hot loop of a graph load (every edge), so no key is made here */
  private touch(m: ModuleKey): void {
    const cur = this.selected.get(m.path);
    if (cur === undefined) this.selected.set(m.path, m.version);
    else if (cur !== m.version && this.less(m.path, cur, m.version)) this.selected.set(m.path, m.version);
  }

  /** less: cmpVersion(path, a, b) < 0, semver through the graph's memo */
  private less(path: string, a: string, b: string): boolean {
    if (path === 'go' || path === 'toolchain' || a === '' || b === '' || a === 'none' || b === 'none') return cmpVersion(path, a, b) < 0;
    return this.order.compare(a, b) < 0;
  }

  /** require records m's requirement list; a second call for the same node is ignored. */
  require(m: ModuleKey, reqs: ModuleKey[]): void {
    const k = keyOf(m);
    if (this.required.has(k)) return;
    this.bfs = undefined;
    this.nodes = undefined;
    this.requirerIndex = undefined;
    this.required.set(k, reqs);
    for (const r of reqs) this.touch(r);
  }

  requiredBy(m: ModuleKey): ModuleKey[] | undefined {
    return this.required.get(keyOf(m));
  }

  /**
   * requirers lists, in breadth-first order of the requiring node, every requirement on path in the
   * graph. One walk indexes all paths (kept with the graph), so asking for thousands of paths costs
   * one traversal.
   */
  requirers(path: string): readonly { by: ModuleKey; version: string }[] {
    if (!this.requirerIndex) {
      const built = new Map<string, { by: ModuleKey; version: string }[]>();
      this.walkBreadthFirst((m) => {
        for (const r of this.requiredBy(m) ?? []) {
          const list = built.get(r.path);
          if (list) list.push({ by: m, version: r.version });
          else built.set(r.path, [{ by: m, version: r.version }]);
        }
      });
      this.requirerIndex = built;
    }
    return this.requirerIndex.get(path) ?? [];
  }

  /** isLoaded reports whether m's requirement list was recorded (its go.mod was read). */
  isLoaded(m: ModuleKey): boolean {
    return this.required.has(keyOf(m));
  }

  /** selectedVersion is the selected version of path, or 'none'. */
  selectedVersion(path: string): string {
    return this.selected.get(path) ?? 'none';
  }

  /** buildList: each distinct root path first (in root order), then every other selected path, sorted. */
  buildList(): ModuleKey[] {
    const seenRoot = new Set<string>();
    const list: ModuleKey[] = [];
    for (const r of this.roots) {
      if (seenRoot.has(r.path)) continue;
      seenRoot.add(r.path);
      const v = this.selectedVersion(r.path);
      if (v !== 'none') list.push(keyedModule(r.path, v));
    }
    const rest: ModuleKey[] = [];
    for (const [path, version] of this.selected) if (!seenRoot.has(path)) rest.push(keyedModule(path, version));
    rest.sort(compareModules);
    return list.concat(rest);
  }

  /**
   * walkBreadthFirst visits every reachable node once, roots first, in breadth-first order, with the
   * node it was first reached from (none for a root) — the shortest chain's link findPath follows.
   */
  walkBreadthFirst(f: (m: ModuleKey, from: ModuleKey | undefined) => void): void {
    const { order, parents } = this.breadthFirst();
    for (const m of order) if (m.version !== 'none') f(m, parents.get(keyOf(m)));
  }

  /**
   * findPath returns the breadth-first shortest chain from a root to the first node (in BFS order)
   * satisfying f, or undefined.
   */
  findPath(f: (m: ModuleKey) => boolean): ModuleKey[] | undefined {
    for (const m of this.breadthFirst().order) if (f(m)) return this.chainTo(m);
    return undefined;
  }

  /**
   * chainTo is the shortest chain from a root to m, from the breadth-first walk kept with the
   * graph: the hints of a go.mod explain hundreds of selections (argo-cd: a walk per hint cost 75
   * ms per edit).
   */
  chainTo(m: ModuleKey): ModuleKey[] | undefined {
    const { parents } = this.breadthFirst();
    if (!parents.has(keyOf(m))) return undefined;
    const path = [m];
    for (let p = parents.get(keyOf(m)); p; p = parents.get(keyOf(p))) path.push(p);
    return path.reverse();
  }

  private breadthFirst(): { order: ModuleKey[]; parents: Map<string, ModuleKey | undefined> } {
    if (this.bfs) return this.bfs;
    const parents = new Map<string, ModuleKey | undefined>();
    const order: ModuleKey[] = [];
    for (const r of this.roots) {
      if (!parents.has(keyOf(r))) {
        parents.set(keyOf(r), undefined);
        order.push(r);
      }
    }
    for (let i = 0; i < order.length; i++) {
      for (const r of this.requiredBy(order[i]) ?? []) {
        if (!parents.has(keyOf(r))) {
          parents.set(keyOf(r), order[i]);
          order.push(r);
        }
      }
    }
    this.bfs = { order, parents };
    return this.bfs;
  }

  /** allNodes lists every node that appeared (roots and edge targets). */
  allNodes(): ModuleKey[] {
    if (!this.nodes) this.nodes = this.firstAppearances();
    return [...this.nodes];
  }

  /** the nodes in the order they first appeared: the roots, then each recorded list's targets */
  private firstAppearances(): ModuleKey[] {
    const seen = new Set<string>();
    const out: ModuleKey[] = [];
    const add = (m: ModuleKey): void => {
      const k = keyOf(m);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(m);
      }
    };
    for (const r of this.roots) add(r);
    for (const reqs of this.required.values()) for (const r of reqs) add(r);
    return out;
  }
}
