/**
 * graphView turns a Build into the serialisable model the module graph view draws (the VS Code
 * webview and `go-mod-lens graph --html`): every module version of the requirement graph, every
 * requirement edge, and for each selected module the provenance of its version (why.ts). Pure: the
 * same Build always gives the same model, in breadth-first order from the roots.
 */
import { Build } from './buildList';
import { ModGraph, ModuleKey, keyOf, showModule } from './mvs';
import { selectionSetters } from './why';

/** GraphNode is one module version: its id is `path@version` (`path` alone for a main module, as go mod graph prints it). */
export interface GraphNode {
  id: string;
  path: string;
  /** '' for a main module */
  version: string;
  /** MVS selected this version of the path (false: a higher requirement won) */
  selected: boolean;
  main: boolean;
  /** the replacement in effect, `path version` or a directory */
  replacement?: string;
  /** why this node's go.mod could not be read (the build is incomplete there) */
  missing?: string;
  /** its go.mod was read: its requirements are edges of the graph */
  loaded: boolean;
  /** the go / toolchain pseudo-modules (Go ≥ 1.21) */
  pseudo?: boolean;
}

/** GraphEdge is a requirement `from` requires `to`; pruned: `to`'s go.mod is not read (graph pruning), so its requirements are not followed. */
export interface GraphEdge {
  from: string;
  to: string;
  pruned: boolean;
}

/** Why is the provenance of a selected module's version. */
export interface Why {
  /** shortest requirement chains (node ids, from a main module) through each requirement naming the selected version */
  chains: string[][];
  /** lower requirements that lost to it: the requiring node and the version it asks for */
  lower: { by: string; version: string }[];
}

export interface GraphModel {
  /** main module path(s) */
  main: string[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** provenance by selected node id (not for main modules) */
  why: Record<string, Why>;
  /** set when go.mod files are missing or the go command would stop */
  incomplete?: string;
}

/** graphModel is the view model of a build (see GraphModel). */
export function graphModel(build: Build): GraphModel {
  const g = build.graph;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  g.walkBreadthFirst((m) => {
    nodes.push(nodeOf(build, m));
    for (const r of g.requiredBy(m) ?? []) {
      if (r.version === 'none') continue;
      edges.push({ from: showModule(m), to: showModule(r), pruned: !g.isLoaded(r) && !build.loaded.failures.has(keyOf(r)) });
    }
  });
  const parents = breadthFirstParents(g);
  const why: Record<string, Why> = {};
  for (const n of nodes) {
    if (!n.selected || n.main) continue;
    const s = selectionSetters(build, n.path);
    why[n.id] = {
      chains: s.setBy.map((r) => [...chainTo(parents, r.by), n.id]),
      lower: s.lower.map((l) => ({ by: showModule(l.by), version: l.version })),
    };
  }
  return { main: build.main.modules.map((m) => m.path), nodes, edges, why, incomplete: incompleteText(build) };
}

function nodeOf(build: Build, m: ModuleKey): GraphNode {
  const main = build.main.isMain(m);
  const node: GraphNode = {
    id: showModule(m), path: m.path, version: m.version, main,
    selected: build.graph.selectedVersion(m.path) === m.version,
    loaded: build.graph.isLoaded(m),
  };
  const r = main ? undefined : build.main.replacement(m);
  if (r) node.replacement = r.version === '' ? r.path : `${r.path} ${r.version}`;
  const failure = build.loaded.failures.get(keyOf(m));
  if (failure) node.missing = failure.message;
  if (m.path === 'go' || m.path === 'toolchain') node.pseudo = true;
  return node;
}

/**
 * breadthFirstParents records, for every node, the node it was first reached from in a
 * breadth-first walk from the roots — the walk ModGraph.findPath does — so the chain to any node
 * is the one why.ts's shortestChain gives, in one traversal for all nodes instead of one each.
 */
function breadthFirstParents(g: ModGraph): Map<string, ModuleKey | undefined> {
  const first = new Map<string, ModuleKey | undefined>();
  const queue: ModuleKey[] = [];
  for (const r of g.roots) {
    if (first.has(keyOf(r))) continue;
    first.set(keyOf(r), undefined);
    queue.push(r);
  }
  for (let i = 0; i < queue.length; i++) {
    for (const r of g.requiredBy(queue[i]) ?? []) {
      if (first.has(keyOf(r))) continue;
      first.set(keyOf(r), queue[i]);
      queue.push(r);
    }
  }
  return first;
}

function chainTo(parents: Map<string, ModuleKey | undefined>, m: ModuleKey): string[] {
  const chain = [showModule(m)];
  for (let p = parents.get(keyOf(m)); p; p = parents.get(keyOf(p))) chain.push(showModule(p));
  return chain.reverse();
}

function incompleteText(build: Build): string | undefined {
  if (build.missing.length === 0) return build.error;
  const few = build.missing.slice(0, 3).map((f) => showModule(f.module)).join(', ');
  return `incomplete: ${build.missing.length} go.mod file(s) not available (${few}${build.missing.length > 3 ? ', …' : ''})`;
}
