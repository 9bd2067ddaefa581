/**
 * model: the shape of the data the page draws, as server/src/graph/graphView.ts produces it (kept
 * structurally equal; the page is bundled separately and must not pull in the server).
 */
export interface GraphNode {
  id: string;
  path: string;
  version: string;
  selected: boolean;
  main: boolean;
  replacement?: string;
  missing?: string;
  loaded: boolean;
  pseudo?: boolean;
}

export interface GraphEdge {
  from: string;
  to: string;
  pruned: boolean;
}

export interface Why {
  chains: string[][];
  lower: { by: string; version: string }[];
}

export interface GraphModel {
  main: string[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  why: Record<string, Why>;
  incomplete?: string;
}
