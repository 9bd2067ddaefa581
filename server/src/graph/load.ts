/**
 * Loading the module graph (semantics §3.4, cmd/go's readModGraph): from the roots, read the
 * go.mod of each node as the pruning rules demand — everything reachable in an unpruned graph;
 * only the roots (and the complete closure of unpruned roots) in a pruned one; each workspace
 * module as a main module, then the upgrade-reload loop — recording edges as they are read.
 */
import { MaybePromise } from './source';
import { ModGraph, ModuleKey, cmpVersion, keyOf } from './mvs';
import { Pruning, Summary, SummaryResult } from './summary';

/** SummaryFn gives the (replaced, exclusion-filtered) summary of a module version. */
export type SummaryFn = (m: ModuleKey) => MaybePromise<SummaryResult>;

export interface LoadedGraph {
  graph: ModGraph;
  /** nodes whose go.mod could not be read or parsed, with the reason */
  failures: Map<string, Failure>;
}

/**
 * Failure: a node whose go.mod could not be read or parsed; `unavailable` says it is simply not on
 * this machine, `tooNew` that its go line is above the go command that reads it (a TooNewError).
 */
export interface Failure {
  module: ModuleKey;
  message: string;
  unavailable?: string;
  tooNew?: boolean;
}

interface Job {
  m: ModuleKey;
  pruning: Pruning;
}

/**
 * readModGraph loads the graph. In module mode `mainModule` is the single graph root and `roots`
 * are its requirements; in workspace mode the roots are the workspace modules themselves. `unprune`
 * (keys) names module versions whose go.mod is read even where pruning would leave it out (go get's
 * upgraded roots, Go ≥ 1.21).
 */
export async function readModGraph(pruning: Pruning, mainModule: ModuleKey | undefined, roots: ModuleKey[], summary: SummaryFn, unprune?: Set<string>): Promise<LoadedGraph> {
  const graph = new ModGraph(pruning === 'workspace' || !mainModule ? roots : [mainModule]);
  if (pruning !== 'workspace' && mainModule) graph.require(mainModule, roots);
  const loaded = new Map<string, SummaryResult>();
  const failures = new Map<string, Failure>();
  // each module version is loaded once per pruning (cmd/go's dedupKey); a set per pruning, so the
  // remembered key string of each version is looked up, not a new string made per edge
  const seen = new Map<Pruning, Set<string>>();
  let queue: Job[] = [];

  const enqueue = (m: ModuleKey, p: Pruning): void => {
    if (m.version === 'none') return;
    let s = seen.get(p);
    if (s === undefined) seen.set(p, (s = new Set()));
    const k = keyOf(m);
    if (s.has(k)) return;
    s.add(k);
    queue.push({ m, pruning: p });
  };

  const record = (m: ModuleKey, r: SummaryResult): void => {
    const k = keyOf(m);
    if (loaded.has(k)) return;
    loaded.set(k, r);
    if (r.ok) graph.require(m, r.summary.require);
    else failures.set(k, { module: m, message: r.message, unavailable: r.unavailable, tooNew: r.tooNew });
  };

  const follow = (job: Job, s: Summary): void => {
    const next: Pruning = job.pruning === 'unpruned' ? 'unpruned' : s.pruning;
    const all = job.pruning !== 'pruned' || s.pruning === 'unpruned';
    if (!all && !unprune?.size) return;
    for (const r of s.require) if (all || unprune?.has(keyOf(r))) enqueue(r, next);
  };

  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      const results = batch.map((job) => loaded.get(keyOf(job.m)) ?? summary(job.m));
      const settled = results.some((r) => r instanceof Promise) ? await Promise.all(results) : (results as SummaryResult[]);
      batch.forEach((job, i) => {
        record(job.m, settled[i]);
        const r = loaded.get(keyOf(job.m)) as SummaryResult;
        if (r.ok) follow(job, r.summary);
      });
    }
  };

  for (const r of roots) enqueue(r, pruning);
  await drain();
  if (pruning === 'workspace') await workspaceReload(graph, roots, enqueue, drain);
  return { graph, failures };
}

/**
 * workspaceReload: when a dependency of a workspace module (or of a module loaded this way) is
 * selected at a higher version than required, load that version too, with all its requirements
 * (golang/go#48331, work_prune.txt), until nothing new is upgraded.
 */
async function workspaceReload(graph: ModGraph, roots: ModuleKey[], enqueue: (m: ModuleKey, p: Pruning) => void, drain: () => Promise<void>): Promise<void> {
  const hasDepsInAll = new Set(roots.map((r) => r.path));
  const seen = new Set<string>();
  for (;;) {
    const needs = new Map<string, ModuleKey>();
    for (const p of hasDepsInAll) {
      const m = { path: p, version: graph.selectedVersion(p) };
      if (!seen.has(keyOf(m))) {
        needs.set(keyOf(m), m);
        continue;
      }
      for (const r of graph.requiredBy(m) ?? []) {
        const s = { path: r.path, version: graph.selectedVersion(r.path) };
        if (cmpVersion(r.path, s.version, r.version) > 0 && !seen.has(keyOf(s))) needs.set(keyOf(s), s);
      }
    }
    if (needs.size === 0) return;
    for (const m of needs.values()) {
      enqueue(m, 'workspace');
      seen.add(keyOf(m));
      hasDepsInAll.add(m.path);
    }
    await drain();
  }
}

/** failureChain is the breadth-first shortest requirement chain to the first failed node, or undefined. */
export function failureChain(g: LoadedGraph): { chain: ModuleKey[]; message: string } | undefined {
  if (g.failures.size === 0) return undefined;
  const chain = g.graph.findPath((m) => g.failures.has(keyOf(m)));
  if (!chain) return undefined;
  return { chain, message: (g.failures.get(keyOf(chain[chain.length - 1])) as { message: string }).message };
}
