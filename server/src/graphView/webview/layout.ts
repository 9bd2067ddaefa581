/**
 * layout: positions for the module graph view, from d3-hierarchy's tidy tree (Reingold–Tilford) over
 * the breadth-first tree of the graph — each module under the module it is first reached from, so
 * columns are shortest requirement depths from the main module(s), left to right, and every module
 * sits next to the start of its shortest chain. Linear in the number of modules; it runs in a Web
 * Worker (layoutWorker.ts) so the page stays responsive.
 */
import { stratify, tree } from 'd3-hierarchy';

export interface LayoutInput {
  nodes: { id: string; width: number }[];
  /** [child, parent] for every node that has a parent in the breadth-first tree */
  parent: [string, string][];
}

export interface LayoutOutput {
  /** x, y per node, in the order of LayoutInput.nodes */
  positions: Float64Array;
  ms: number;
}

const ROW = 26; // vertical distance between two neighbouring modules of one column
const GAP = 90; // horizontal gap between columns
const TOP = '\u0000'; // a virtual root above the main module(s)

interface Row {
  id: string;
  parentId: string | undefined;
}

/** layoutGraph runs the tree layout; roots are the nodes without a parent. */
export function layoutGraph(input: LayoutInput): LayoutOutput {
  const t0 = performance.now();
  const parentOf = new Map(input.parent);
  const rows: Row[] = [{ id: TOP, parentId: undefined }, ...input.nodes.map((n) => ({ id: n.id, parentId: parentOf.get(n.id) ?? TOP }))];
  const widest = Math.min(420, Math.max(120, ...input.nodes.map((n) => n.width)));
  const column = widest + GAP;
  const positions = new Float64Array(input.nodes.length * 2);
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  try {
    const root = stratify<Row>().id((r) => r.id).parentId((r) => r.parentId)(rows);
    tree<Row>().nodeSize([ROW, column])(root);
    root.each((d) => {
      const i = index.get(d.data.id);
      if (i === undefined) return;
      positions[2 * i] = (d.depth - 1) * column; // d3: y grows with depth, x across a level
      positions[2 * i + 1] = d.x ?? 0;
    });
  } catch {
    input.nodes.forEach((_, i) => (positions[2 * i + 1] = i * ROW)); // not a tree (cannot happen with breadth-first parents): one column
  }
  return { positions, ms: performance.now() - t0 };
}
