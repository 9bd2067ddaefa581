/**
 * minimalRequirements is what -mod=mod does to the roots of an unpruned main module whose
 * requirements are inconsistent (cmd/go updateUnprunedRoots with mvs.Req): the build list does
 * not change, but go.mod is rewritten to a near-minimal set — roots already at their selected
 * version and direct dependencies are kept, anything implied by them is dropped.
 */
import { LoadedGraph, SummaryFn } from './load';
import { ModGraph, ModuleKey, keyOf } from './mvs';
import { goCompareStrings } from '../module/goString';

export async function minimalRequirements(
  main: ModuleKey, roots: ModuleKey[], direct: Set<string>, g: ModGraph, summary: SummaryFn,
): Promise<{ roots: ModuleKey[]; loaded?: LoadedGraph }> {
  const rootPaths: string[] = [];
  const inRootPaths = new Set<string>();
  for (const r of roots) {
    if (!inRootPaths.has(r.path) && g.selectedVersion(r.path) === r.version) {
      rootPaths.push(r.path);
      inRootPaths.add(r.path);
    }
  }
  const keep = g.buildList().slice(1);
  for (const m of keep) {
    if (direct.has(m.path) && !inRootPaths.has(m.path)) {
      rootPaths.push(m.path);
      inRootPaths.add(m.path);
    }
  }
  const min = await req(main, rootPaths, keep, summary);
  const same = min.length === roots.length && min.every((m, i) => keyOf(m) === keyOf(roots[i]));
  return { roots: same ? roots : min };
}

/**
 * req is mvs.Req: the smallest requirement list, starting with `base`, from which MVS still selects
 * every module of the build list (main requires `keep`, everything at its selected version).
 */
export async function req(main: ModuleKey, base: string[], keep: ModuleKey[], summary: SummaryFn): Promise<ModuleKey[]> {
  const max = new Map<string, string>();
  for (const m of keep) max.set(m.path, m.version);
  const reqCache = new Map<string, ModuleKey[]>([[keyOf(main), []]]);
  // Read every reachable requirement list first (awaiting only summaries that are not at hand),
  // then walk synchronously: the depth-first postorder of mvs.Req, without recursion, so that a
  // long chain of modules cannot overflow the stack and a cached graph costs no promise per node.
  let frontier = keep.filter((m) => !reqCache.has(keyOf(m)));
  while (frontier.length > 0) {
    const next: ModuleKey[] = [];
    for (const m of frontier) {
      if (reqCache.has(keyOf(m))) continue;
      let r = m.version === 'none' ? undefined : summary(m);
      if (r instanceof Promise) r = await r;
      const required = r?.ok ? r.summary.require : [];
      reqCache.set(keyOf(m), required);
      for (const x of required) if (!reqCache.has(keyOf(x))) next.push(x);
    }
    frontier = next;
  }
  const postorder: ModuleKey[] = [];
  const visited = new Set<string>([keyOf(main)]);
  const stack: { m: ModuleKey; reqs: ModuleKey[]; i: number }[] = [];
  const enter = (m: ModuleKey): void => {
    if (visited.has(keyOf(m))) return;
    visited.add(keyOf(m));
    stack.push({ m, reqs: reqCache.get(keyOf(m)) ?? [], i: 0 });
  };
  for (const m of keep) {
    enter(m);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.i < top.reqs.length) enter(top.reqs[top.i++]);
      else {
        stack.pop();
        postorder.push(top.m);
      }
    }
  }
  const have = new Set<string>();
  const mark = (from: ModuleKey): void => {
    const todo = [from];
    while (todo.length > 0) {
      const m = todo.pop() as ModuleKey;
      if (have.has(keyOf(m))) continue;
      have.add(keyOf(m));
      for (const r of reqCache.get(keyOf(m)) ?? []) if (!have.has(keyOf(r))) todo.push(r);
    }
  };
  const min: ModuleKey[] = [];
  const haveBase = new Set<string>();
  for (const path of base) {
    if (haveBase.has(path)) continue;
    const m = { path, version: max.get(path) ?? '' };
    min.push(m);
    mark(m);
    haveBase.add(path);
  }
  for (let i = postorder.length - 1; i >= 0; i--) {
    const m = postorder[i];
    if (max.get(m.path) !== m.version || have.has(keyOf(m))) continue;
    min.push(m);
    mark(m);
  }
  return min.sort((a, b) => goCompareStrings(a.path, b.path));
}
