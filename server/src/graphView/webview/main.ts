/**
 * main: the page of the module graph view (VS Code webview and `graph --html`). It reads the
 * model from the page (<script type="application/json" id="gml-model">), lays it out in a Web
 * Worker (layout.ts, d3-hierarchy's tree; on the page's thread only if a worker cannot start),
 * draws it with sigma (WebGL, so thousands of modules draw in one pass),
 * and handles search, selection (the chains that explain a version), collapse/expand and fit.
 * For tests, #gml-status carries data-ready (ms from navigation to the first drawn layout; with
 * data-readyAt and data-invoked, epoch ms of that drawing and of the command that opened the view),
 * data-selected (a node id) and data-chains (the highlighted chains, JSON).
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { renderDetails } from './details';
import { LayoutInput, LayoutOutput, layoutGraph } from './layout';
import { GraphModel, GraphNode, chainsOf } from '../model';

/** the bundled source of layoutWorker.ts, inserted by scripts/bundle.mjs */
declare const GML_LAYOUT_WORKER: string;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** skeleton builds the page's controls (the HTML shells only carry the CSP, the model and the scripts). */
function skeleton(): void {
  const bar = document.createElement('div');
  bar.id = 'gml-toolbar';
  bar.innerHTML = [
    '<input type="search" id="gml-search" placeholder="Search module path… (Enter: select)" aria-label="Search module path">',
    '<button id="gml-fit" title="Fit the graph to the view">Fit</button>',
    '<button id="gml-collapse" title="Collapse or expand what the selected module requires (or double-click it)">Collapse/expand</button>',
    '<button id="gml-collapse-all" title="Show only the main module\'s requirements">Collapse all</button>',
    '<button id="gml-expand-all">Expand all</button>',
    '<label><input type="checkbox" id="gml-lost" checked> lower versions</label>',
    '<label><input type="checkbox" id="gml-pseudo"> go/toolchain</label>',
    '<span id="gml-summary"></span><span id="gml-count"></span><span id="gml-incomplete"></span>',
  ].join(' ');
  const body = document.createElement('div');
  body.id = 'gml-body';
  body.innerHTML = '<div id="gml-graph"></div><aside id="gml-details"></aside>';
  const st = document.createElement('div');
  st.id = 'gml-status';
  st.hidden = true;
  document.body.append(bar, body, st);
}

/** the layout worker, built from its bundled source (CSP: worker-src blob:) and started first: it
 * loads its own copy of the layout library while this thread reads the model */
const early: Worker | undefined = (() => {
  try {
    return new Worker(URL.createObjectURL(new Blob([GML_LAYOUT_WORKER], { type: 'text/javascript' })));
  } catch {
    return undefined;
  }
})();

skeleton();
const status = $('gml-status');
const model = JSON.parse($('gml-model').textContent ?? '{}') as GraphModel;
const byId = new Map(model.nodes.map((n) => [n.id, n]));
const out = new Map<string, string[]>();
for (const e of model.edges) (out.get(e.from) ?? out.set(e.from, []).get(e.from) as string[]).push(e.to);
const selectedOf = new Map(model.nodes.filter((n) => n.selected).map((n) => [n.path, n.id]));
const collapsed = new Set<string>();
/** what the reducers draw differently: hidden nodes, the highlighted chain(s), search matches, collapsed nodes */
const view = { hidden: new Set<string>(), hl: new Set<string>(), hlEdges: new Set<string>(), match: new Set<string>(), focus: '' };
const graph = new Graph({ type: 'directed', multi: true, allowSelfLoops: true });
let renderer: Sigma | undefined;

const labelOf = (n: GraphNode): string => (n.missing ? '⚠ ' : '') + n.id + (n.replacement ? ` ⇒ ${n.replacement}` : '');
const widthOf = (n: GraphNode): number => 14 + labelOf(n).length * 6.6;

/** colours are the theme's (VS Code CSS variables, with fallbacks in page.css for the HTML export) */
function colour(name: string): string {
  return getComputedStyle(document.body).getPropertyValue(`--gml-${name}`).trim() || '#888';
}

let palette: Record<string, string> = {};
function readPalette(): void {
  palette = Object.fromEntries(['fg', 'bg', 'node', 'border', 'edge', 'selected', 'main', 'replaced', 'missing', 'chain', 'match', 'font'].map((k) => [k, colour(k)]));
}

/** the node's own look: main, missing, replaced, selected or a lower version that lost */
function nodeLook(n: GraphNode): { color: string; size: number } {
  if (n.main) return { color: palette.main, size: 9 };
  if (n.missing) return { color: palette.missing, size: 6 };
  if (n.replacement) return { color: palette.replaced, size: 6 };
  return n.selected ? { color: palette.selected, size: 5 } : { color: palette.border, size: 3 };
}

function addElements(positions: Float64Array): void {
  model.nodes.forEach((n, i) => {
    graph.addNode(n.id, { x: positions[2 * i], y: -positions[2 * i + 1], label: labelOf(n), ...nodeLook(n) });
  });
  model.edges.forEach((e, i) => {
    if (graph.hasNode(e.from) && graph.hasNode(e.to)) graph.addDirectedEdgeWithKey(`e${i}`, e.from, e.to, { size: e.pruned ? 0.5 : 1, pruned: e.pruned });
  });
}

/** layout runs layoutGraph in the worker started with the page (or on this thread if none started). */
function layout(input: LayoutInput): Promise<LayoutOutput> {
  if (!early) {
    status.dataset.worker = 'none';
    return Promise.resolve(layoutGraph(input));
  }
  const worker = early;
  status.dataset.worker = 'yes';
  return new Promise((resolve) => {
    worker.onmessage = (e: MessageEvent<LayoutOutput>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      status.dataset.worker = `failed: ${e.message}`;
      resolve(layoutGraph(input));
    };
    worker.postMessage(input);
  });
}

/** hiddenNodes: the nodes not reachable from the main modules without crossing a collapsed node or a filtered one. */
function hiddenNodes(): Set<string> {
  const showLost = ($('gml-lost') as HTMLInputElement).checked;
  const showPseudo = ($('gml-pseudo') as HTMLInputElement).checked;
  const keep = (n: GraphNode | undefined): boolean => !!n && (showLost || n.selected) && (showPseudo || !n.pseudo);
  const seen = new Set(model.main.length > 0 ? model.nodes.filter((n) => n.main).map((n) => n.id) : model.nodes.slice(0, 1).map((n) => n.id));
  const queue = [...seen];
  for (let i = 0; i < queue.length; i++) {
    if (collapsed.has(queue[i])) continue;
    for (const t of out.get(queue[i]) ?? []) {
      if (!seen.has(t) && keep(byId.get(t))) {
        seen.add(t);
        queue.push(t);
      }
    }
  }
  $('gml-count').textContent = `${seen.size} of ${model.nodes.length} modules shown`;
  return new Set(model.nodes.filter((n) => !seen.has(n.id)).map((n) => n.id));
}

/** applyVisibility hides what hiddenNodes says and redraws. */
function applyVisibility(): void {
  view.hidden = hiddenNodes();
  renderer?.refresh({ skipIndexation: true });
}

/** select focuses a module: the chains that explain its path's selected version are highlighted. */
function select(id: string): void {
  const n = byId.get(id);
  if (!renderer || !n) return;
  const sel = selectedOf.get(n.path);
  const why = sel ? model.why[sel] : undefined;
  const chains = sel ? chainsOf(model, sel) : [];
  for (const c of chains) c.slice(0, -1).forEach((x) => collapsed.delete(x)); // a chain is never hidden
  view.hl = new Set(chains.flat());
  view.hlEdges = new Set();
  for (const c of chains) for (let i = 1; i < c.length; i++) for (const e of graph.edges(c[i - 1], c[i])) view.hlEdges.add(e);
  view.focus = id;
  applyVisibility();
  status.dataset.selected = id;
  status.dataset.chains = JSON.stringify(chains);
  renderDetails($('gml-details'), model, n, sel, why, chains, select);
  frame([id, ...view.hl]);
}

/** frame moves the camera to show the given nodes (the focused module and its chains) whole. */
function frame(ids: string[]): void {
  if (!renderer) return;
  const ds = ids.map((x) => renderer?.getNodeDisplayData(x)).filter((d): d is NonNullable<typeof d> => d !== undefined);
  if (ds.length === 0) return;
  const xs = ds.map((d) => d.x);
  const ys = ds.map((d) => d.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // camera ratio 1 shows the whole graph; a little margin around the framed nodes, never closer than 0.08
  const ratio = Math.min(1.2, Math.max(0.08, Math.max(x1 - x0, y1 - y0) * 1.6));
  const target = { x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio };
  status.dataset.camera = JSON.stringify(target);
  void renderer.getCamera().animate(target, { duration: 250 });
}

function search(query: string, go: boolean): void {
  const q = query.trim().toLowerCase();
  const hits = q === '' ? [] : model.nodes.filter((n) => n.id.toLowerCase().includes(q));
  view.match = new Set(hits.map((h) => h.id));
  renderer?.refresh({ skipIndexation: true });
  $('gml-count').textContent = q === '' ? '' : `${hits.length} match${hits.length === 1 ? '' : 'es'}`;
  if (!go || hits.length === 0) return;
  // Enter: the exact path's selected version first, then a selected version, then any match
  const best = hits.find((h) => h.path.toLowerCase() === q && h.selected) ?? hits.find((h) => h.id.toLowerCase() === q) ?? hits.find((h) => h.selected) ?? hits[0];
  select(best.id);
}

function toggleCollapse(id: string | undefined, all?: 'collapse' | 'expand'): void {
  if (all === 'expand') collapsed.clear();
  else if (all === 'collapse') for (const n of model.nodes.filter((x) => x.main)) collapsed.add(n.id);
  else if (id) {
    if (collapsed.has(id)) collapsed.delete(id);
    else collapsed.add(id);
  }
  applyVisibility();
}

function wire(): void {
  const input = $('gml-search') as HTMLInputElement;
  input.addEventListener('input', () => search(input.value, false));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') search(input.value, true);
  });
  $('gml-fit').addEventListener('click', () => void renderer?.getCamera().animatedReset({ duration: 250 }));
  $('gml-collapse').addEventListener('click', () => toggleCollapse(status.dataset.selected, status.dataset.selected ? undefined : 'collapse'));
  $('gml-collapse-all').addEventListener('click', () => toggleCollapse(undefined, 'collapse'));
  $('gml-expand-all').addEventListener('click', () => toggleCollapse(undefined, 'expand'));
  $('gml-lost').addEventListener('change', applyVisibility);
  $('gml-pseudo').addEventListener('change', applyVisibility);
  renderer?.on('clickNode', (e) => select(e.node));
  renderer?.on('doubleClickNode', (e) => {
    e.preventSigmaDefault(); // no zoom: double-click collapses or expands
    toggleCollapse(e.node);
  });
  // VS Code changes the body's theme class and its variables when the colour theme changes
  new MutationObserver(() => {
    readPalette();
    graph.forEachNode((id) => graph.mergeNodeAttributes(id, nodeLook(byId.get(id) as GraphNode)));
    renderer?.setSettings({ labelColor: { color: palette.fg }, defaultEdgeColor: palette.edge, labelFont: palette.font });
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

/** the reducers: what is hidden, highlighted (the chain), matched or collapsed, over each element's own look */
function nodeReducer(id: string, data: Record<string, unknown>): Record<string, unknown> {
  if (view.hidden.has(id)) return { ...data, hidden: true };
  const r: Record<string, unknown> = { ...data };
  if (view.match.has(id)) r.color = palette.match;
  if (view.hl.has(id)) Object.assign(r, { color: palette.chain, forceLabel: true, zIndex: 2, size: (data.size as number) + 2 });
  if (id === view.focus) Object.assign(r, { highlighted: true, forceLabel: true, zIndex: 3 });
  if (collapsed.has(id) && (out.get(id) ?? []).length > 0) r.label = `${data.label as string} (+)`;
  return r;
}

function edgeReducer(id: string, data: Record<string, unknown>): Record<string, unknown> {
  const [from, to] = graph.extremities(id);
  if (view.hidden.has(from) || view.hidden.has(to)) return { ...data, hidden: true };
  if (view.hlEdges.has(id)) return { ...data, color: palette.chain, size: 3, zIndex: 2 };
  return data.pruned ? { ...data, color: palette.border } : data;
}

async function main(): Promise<void> {
  $('gml-summary').textContent = `${model.main.join(', ')} · ${model.nodes.length} modules · ${model.edges.length} requirements`;
  if (model.incomplete) $('gml-incomplete').textContent = `⚠ ${model.incomplete}`;
  const input: LayoutInput = {
    nodes: model.nodes.map((n) => ({ id: n.id, width: widthOf(n) })),
    parent: Object.entries(model.parent),
  };
  // lay out (in the worker started with the page), then draw with WebGL (sigma): one pass for all elements
  const marks: Record<string, number> = { start: Math.round(performance.now()) };
  const placed = await layout(input);
  marks.laidOut = Math.round(performance.now());
  readPalette();
  addElements(placed.positions);
  marks.added = Math.round(performance.now());
  view.hidden = hiddenNodes(); // before the renderer exists: its first drawing is the right one
  const big = model.edges.length > 3000;
  renderer = new Sigma(graph, $('gml-graph'), {
    defaultEdgeType: 'arrow', defaultEdgeColor: palette.edge, renderEdgeLabels: false, zIndex: true,
    labelFont: palette.font, labelSize: 11, labelColor: { color: palette.fg }, labelRenderedSizeThreshold: model.nodes.length < 300 ? 0 : 5, // small graphs: every label
    hideEdgesOnMove: big, hideLabelsOnMove: big, minCameraRatio: 0.01, maxCameraRatio: 4,
    nodeReducer, edgeReducer,
  });
  marks.created = Math.round(performance.now());
  wire();
  renderDetails($('gml-details'), model, undefined, undefined, undefined, [], select);
  // the renderer drew synchronously: the next frame shows it
  requestAnimationFrame(() => {
    status.dataset.layoutMs = String(Math.round(placed.ms));
    status.dataset.marks = JSON.stringify(marks);
    status.dataset.ready = String(Math.round(performance.now()));
    status.dataset.readyAt = String(Date.now());
    // `invoked answered` (epoch ms): when the command ran and when the server's model arrived
    const [invoked, answered] = (document.body.dataset.invoked ?? '').split(' ');
    if (invoked) Object.assign(status.dataset, { invoked, answered, origin: String(Math.round(performance.timeOrigin)) });
  });
}

main().catch((e: unknown) => {
  status.dataset.error = String(e);
  $('gml-incomplete').textContent = `graph view failed: ${String(e)}`;
});
