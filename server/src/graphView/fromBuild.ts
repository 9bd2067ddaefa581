/**
 * fromBuild turns a Build into the serialisable model the module graph view draws (the VS Code
 * webview and `go-mod-lens graph --html`): every module version of the requirement graph, every
 * requirement edge, and for each selected module the provenance of its version (why.ts). Pure: the
 * same Build always gives the same model, in breadth-first order from the roots.
 */
import { Build } from '../graph/buildList';
import { ModuleKey, keyOf, showModule } from '../graph/mvs';
import { selectionSetters } from '../graph/why';
import { GraphEdge, GraphModel, GraphNode, NodeHealth, Why } from './model';

/** graphModel is the view model of a build (see GraphModel), with the health marks of its nodes (by id) when known. */
export function graphModel(build: Build, health: Record<string, NodeHealth> = {}): GraphModel {
  const g = build.graph;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  // the node each is first reached from: the chain to any node is the one why.ts's shortestChain
  // gives (ModGraph.findPath's breadth-first walk), for all nodes in this one traversal
  const parent: Record<string, string> = {};
  g.walkBreadthFirst((m, from) => {
    const node = nodeOf(build, m);
    const h = health[node.id];
    if (h?.vulnerable && h.vulnerable.length > 0) node.vulnerable = h.vulnerable;
    if (h?.retracted !== undefined) node.retracted = h.retracted;
    nodes.push(node);
    if (from) parent[node.id] = showModule(from);
    for (const r of g.requiredBy(m) ?? []) {
      if (r.version === 'none') continue;
      const edge: GraphEdge = { from: showModule(m), to: showModule(r), pruned: !g.isLoaded(r) && !build.loaded.failures.has(keyOf(r)) };
      if (build.main.isMain(m) && !build.main.direct.has(r.path)) edge.indirect = true;
      edges.push(edge);
    }
  });
  const why: Record<string, Why> = {};
  for (const n of nodes) {
    if (!n.selected || n.main) continue;
    const s = selectionSetters(build, n.path);
    why[n.id] = {
      via: s.setBy.map((r) => showModule(r.by)),
      lower: s.lower.map((l) => ({ by: showModule(l.by), version: l.version })),
    };
  }
  return { main: build.main.modules.map((m) => m.path), nodes, edges, parent, why, incomplete: incompleteText(build) };
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

function incompleteText(build: Build): string | undefined {
  if (build.missing.length === 0) return build.error;
  const few = build.missing.slice(0, 3).map((f) => showModule(f.module)).join(', ');
  return `incomplete: ${build.missing.length} go.mod file(s) not available (${few}${build.missing.length > 3 ? ', …' : ''})`;
}
