/**
 * layout: the layered (Sugiyama) drawing of what the view shows, by the Eclipse Layout Kernel
 * (elkjs): left to right from the main module(s), boxes sized to their labels and never
 * overlapping, edges routed orthogonally around the boxes. It runs in a Web Worker
 * (layoutWorker.ts) so the page stays responsive. elkjs was chosen over dagre for its edge routing
 * (dagre leaves edges as straight segments between dummy nodes) and its maintained layered
 * algorithm with layer constraints (the main module first); over d3-hierarchy, which lays out trees
 * only and drew the requirement graph's cross edges as a band over the labels.
 */
import ELK, { ElkNode } from 'elkjs/lib/elk.bundled.js';

export interface LayoutInput {
  nodes: { id: string; width: number; height: number; first?: boolean }[];
  edges: { id: string; from: string; to: string }[];
  /** wrap a drawing wider than this aspect ratio (width / height) into rows, as the pane is shaped */
  wrapTo?: number;
}

export interface LayoutOutput {
  /** top-left corner of each node, by id */
  nodes: Record<string, { x: number; y: number }>;
  /** each edge as a polyline (start, bends, end) */
  edges: Record<string, { x: number; y: number }[]>;
  width: number;
  height: number;
  ms: number;
}

const options: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': '8',
  'elk.spacing.edgeNode': '6',
  'elk.spacing.edgeEdge': '4',
  'elk.layered.spacing.nodeNodeBetweenLayers': '40',
  'elk.layered.spacing.edgeNodeBetweenLayers': '10',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '4',
  'elk.layered.thoroughness': '3',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  // keeping the model's order costs 10–20 times the layout time on a real project's overview (12 s for 53 boxes and 525 edges)
  'elk.layered.considerModelOrder.strategy': 'NONE',
  'elk.padding': '[top=12,left=12,bottom=12,right=12]',
};

/** newLayouter: an ELK instance (its caller keeps one: the library sets itself up once per thread). */
export function newLayouter(): InstanceType<typeof ELK> {
  return new ELK();
}

/** layoutGraph lays the view out with `elk`; a node marked `first` (a main module) is put in the first layer. */
export async function layoutGraph(input: LayoutInput, elk: InstanceType<typeof ELK>): Promise<LayoutOutput> {
  const t0 = performance.now();
  const wrap: Record<string, string> = input.wrapTo ? { 'elk.layered.wrapping.strategy': 'MULTI_EDGE', 'elk.aspectRatio': input.wrapTo.toFixed(2) } : {};
  const request: ElkNode = {
    id: 'root', layoutOptions: { ...options, ...wrap },
    children: input.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height, layoutOptions: n.first ? { 'elk.layered.layering.layerConstraint': 'FIRST' } : undefined })),
    edges: input.edges.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
  const graph: ElkNode = await elk.layout(request);
  const nodes: LayoutOutput['nodes'] = {};
  for (const c of graph.children ?? []) nodes[c.id] = { x: c.x ?? 0, y: c.y ?? 0 };
  const edges: LayoutOutput['edges'] = {};
  for (const e of graph.edges ?? []) {
    const s = e.sections?.[0];
    if (s) edges[e.id] = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => ({ x: p.x, y: p.y }));
  }
  return { nodes, edges, width: graph.width ?? 0, height: graph.height ?? 0, ms: performance.now() - t0 };
}
