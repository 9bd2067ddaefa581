/**
 * The module graph view's model (made by fromBuild.ts from a Build, drawn by webview/): plain
 * data, and the one function both sides need. Kept free of imports so that the webview bundle can
 * share it without pulling in the server.
 */

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
  /** known vulnerabilities of the version built (`ID: summary`), when a vulnerability database is set */
  vulnerable?: string[];
  /** retracted by its author (the rationale, '' when none given), as the module cache's latest go.mod says */
  retracted?: string;
}

/** NodeHealth: what the dependency-health checks say about a node (features/graphHealth.ts). */
export interface NodeHealth {
  vulnerable?: string[];
  retracted?: string;
}

/** GraphEdge is a requirement `from` requires `to`; pruned: `to`'s go.mod is not read (graph pruning), so its requirements are not followed. */
export interface GraphEdge {
  from: string;
  to: string;
  pruned: boolean;
  /** from a main module: go.mod marks the requirement `// indirect` */
  indirect?: boolean;
}

/** Why is the provenance of a selected module's version. */
export interface Why {
  /** the modules whose requirement names the selected version (each chain runs through one of them) */
  via: string[];
  /** lower requirements that lost to it: the requiring node and the version it asks for */
  lower: { by: string; version: string }[];
}

export interface GraphModel {
  /** main module path(s) */
  main: string[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  /**
   * the node each node is first reached from in a breadth-first walk from the roots (roots have
   * none): the shortest requirement chain to any node, shared by all chains instead of repeated
   */
  parent: Record<string, string>;
  /** provenance by selected node id (not for main modules) */
  why: Record<string, Why>;
  /** set when go.mod files are missing or the go command would stop */
  incomplete?: string;
}

/** chainsOf: the requirement chains (node ids from a main module) that explain node id's selected version. */
export function chainsOf(model: GraphModel, id: string): string[][] {
  return (model.why[id]?.via ?? []).map((by) => {
    const chain = [id, by];
    const seen = new Set(chain);
    for (let p = model.parent[by]; p !== undefined && !seen.has(p); p = model.parent[p]) {
      chain.push(p);
      seen.add(p);
    }
    return chain.reverse();
  });
}
