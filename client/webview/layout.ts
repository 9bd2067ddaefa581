/**
 * layout: positions for the module graph view, computed by cytoscape's breadthfirst layout on a
 * headless instance (no rendering), so it can run in a Web Worker (layoutWorker.ts) and leave the
 * page responsive. Columns are requirement depths from the main module(s), left to right.
 */
import cytoscape from 'cytoscape';

export interface LayoutInput {
  nodes: { id: string; width: number }[];
  edges: [string, string][];
  roots: string[];
}

export interface LayoutOutput {
  /** x, y per node, in the order of LayoutInput.nodes */
  positions: Float64Array;
  ms: number;
}

const ROW = 26; // vertical distance between two modules of one column
const GAP = 90; // horizontal gap between columns

/** layoutGraph runs the breadthfirst layout and packs each column around the middle. */
export function layoutGraph(input: LayoutInput): LayoutOutput {
  const t0 = performance.now();
  const cy = cytoscape({ headless: true, styleEnabled: false });
  cy.add([
    ...input.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id } })),
    ...input.edges.map(([source, target], i) => ({ group: 'edges' as const, data: { id: `e${i}`, source, target } })),
  ]);
  const widest = Math.min(420, Math.max(120, ...input.nodes.map((n) => n.width)));
  // maximal: false keeps each module at its shortest requirement depth (the depth a chain shows);
  // avoidOverlap: false skips a quadratic pass, the packing below keeps modules apart instead
  cy.layout({
    name: 'breadthfirst', directed: true, roots: input.roots, maximal: false, avoidOverlap: false, animate: false, fit: false,
    boundingBox: { x1: 0, y1: 0, w: Math.max(1, input.nodes.length) * ROW, h: 1e6 },
    spacingFactor: 1,
  }).run();
  // breadthfirst lays depths out as rows; turn them into columns and pack each one
  const columns = new Map<number, { i: number; along: number }[]>();
  input.nodes.forEach((n, i) => {
    const p = cy.getElementById(n.id).position();
    const depth = Math.round(p.y);
    const col = columns.get(depth) ?? [];
    col.push({ i, along: p.x });
    columns.set(depth, col);
  });
  const positions = new Float64Array(input.nodes.length * 2);
  [...columns.keys()].sort((a, b) => a - b).forEach((depth, c) => {
    const col = (columns.get(depth) ?? []).sort((a, b) => a.along - b.along);
    col.forEach((m, k) => {
      positions[2 * m.i] = c * (widest + GAP);
      positions[2 * m.i + 1] = (k - (col.length - 1) / 2) * ROW;
    });
  });
  cy.destroy();
  return { positions, ms: performance.now() - t0 };
}
