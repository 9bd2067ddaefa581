/**
 * graphView: the page of the module graph view (VS Code webview and `graph --html`). It reads the
 * model from the page (<script type="application/json" id="gml-model">), lays it out in a Web
 * Worker (layout.ts; on the page's thread only if a worker cannot start), draws it with cytoscape,
 * and handles search, selection (the chains that explain a version), collapse/expand and fit.
 * For tests, #gml-status carries data-ready (ms from navigation to the first drawn layout),
 * data-selected (a node id) and data-chains (the highlighted chains, JSON).
 */
import cytoscape from 'cytoscape';
import { renderDetails } from './details';
import { LayoutInput, LayoutOutput, layoutGraph } from './layout';
import { GraphModel, GraphNode } from './model';

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
 * loads its own cytoscape while this thread reads the model */
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
let cy: cytoscape.Core | undefined;

const labelOf = (n: GraphNode): string => (n.missing ? '⚠ ' : '') + n.id + (n.replacement ? ` ⇒ ${n.replacement}` : '');
const widthOf = (n: GraphNode): number => 14 + labelOf(n).length * 6.6;

/** colours are the theme's (VS Code CSS variables, with fallbacks in graphView.css for the HTML export) */
function colour(name: string): string {
  return getComputedStyle(document.body).getPropertyValue(`--gml-${name}`).trim() || '#888';
}

function stylesheet(): cytoscape.StylesheetJson {
  return [
    { selector: 'node', style: {
      shape: 'round-rectangle', width: 'data(w)', height: 18, label: 'data(label)', 'font-size': 11, 'font-family': colour('font'),
      'text-valign': 'center', 'text-halign': 'center', color: colour('fg'), 'background-color': colour('node'), 'border-width': 1, 'border-color': colour('border'),
      'min-zoomed-font-size': 7,
    } },
    { selector: 'node.sel', style: { 'border-color': colour('selected'), 'border-width': 2, 'font-weight': 'bold' } },
    { selector: 'node.lost', style: { opacity: 0.45, 'border-style': 'dashed' } },
    { selector: 'node.main', style: { 'background-color': colour('main'), 'border-width': 2 } },
    { selector: 'node.replaced', style: { 'border-color': colour('replaced'), 'border-width': 2 } },
    { selector: 'node.missing', style: { 'border-color': colour('missing'), 'border-width': 2, 'border-style': 'double', color: colour('missing') } },
    { selector: 'node.collapsed', style: { 'border-style': 'double', 'border-width': 3 } },
    { selector: 'node.match', style: { 'background-color': colour('match') } },
    { selector: 'node.hidden', style: { display: 'none' } },
    { selector: 'edge', style: {
      width: 1, 'curve-style': 'straight', 'line-color': colour('edge'), 'target-arrow-color': colour('edge'), 'target-arrow-shape': 'triangle', 'arrow-scale': 0.6, opacity: 0.7,
    } },
    { selector: 'edge.pruned', style: { 'line-style': 'dashed', opacity: 0.4 } },
    { selector: '.hl', style: { 'line-color': colour('chain'), 'target-arrow-color': colour('chain'), 'border-color': colour('chain'), 'border-width': 3, width: 3, opacity: 1, 'z-index': 10 } },
    { selector: 'node:selected', style: { 'overlay-color': colour('chain'), 'overlay-opacity': 0.25, 'overlay-padding': 4 } },
  ];
}

function elements(): cytoscape.ElementDefinition[] {
  const nodes = model.nodes.map((n) => ({
    group: 'nodes' as const, data: { id: n.id, label: labelOf(n), w: widthOf(n) },
    classes: [n.selected ? 'sel' : 'lost', n.main ? 'main' : '', n.replacement ? 'replaced' : '', n.missing ? 'missing' : '', n.pseudo ? 'pseudo' : ''].filter(Boolean).join(' '),
  }));
  const edges = model.edges.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.from, target: e.to }, classes: e.pruned ? 'pruned' : '' }));
  return [...nodes, ...edges];
}

/** layout runs layoutGraph in the worker started with the page (or on this thread if none started). */
function layout(input: LayoutInput): Promise<LayoutOutput> {
  if (!early) {
    status.dataset.worker = 'none';
    return Promise.resolve(layoutGraph(input));
  }
  const worker = early;
  status.dataset.worker = 'yes';
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<LayoutOutput>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      status.dataset.worker = `failed: ${e.message}`;
      resolve(layoutGraph(input));
      void reject;
    };
    worker.postMessage(input);
  });
}

/** visible: the nodes reachable from the main modules without crossing a collapsed node or a filtered one. */
function applyVisibility(): void {
  if (!cy) return;
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
  // classes on whole collections: one style pass, where a per-node style bypass costs one each
  const all = cy.nodes();
  cy.batch(() => {
    all.removeClass('hidden collapsed');
    all.filter((n) => !seen.has(n.id())).addClass('hidden');
    all.filter((n) => collapsed.has(n.id()) && (out.get(n.id()) ?? []).length > 0).addClass('collapsed');
  });
  $('gml-count').textContent = `${seen.size} of ${model.nodes.length} modules shown`;
}

/** select focuses a module: the chains that explain its path's selected version are highlighted. */
function select(id: string): void {
  const n = byId.get(id);
  if (!cy || !n) return;
  const sel = selectedOf.get(n.path);
  const why = sel ? model.why[sel] : undefined;
  const chains = why?.chains ?? [];
  for (const c of chains) c.slice(0, -1).forEach((x) => collapsed.delete(x)); // a chain is never hidden
  applyVisibility();
  cy.batch(() => {
    cy?.elements().removeClass('hl');
    for (const c of chains) {
      c.forEach((x, i) => {
        cy?.getElementById(x).addClass('hl');
        if (i > 0) cy?.getElementById(c[i - 1]).edgesTo(cy.getElementById(x)).addClass('hl');
      });
    }
    cy?.elements().unselect();
    cy?.getElementById(id).select();
  });
  status.dataset.selected = id;
  status.dataset.chains = JSON.stringify(chains);
  renderDetails($('gml-details'), model, n, sel, why, select);
  cy.center(cy.getElementById(id));
}

function search(query: string, go: boolean): void {
  if (!cy) return;
  const q = query.trim().toLowerCase();
  const hits = q === '' ? [] : model.nodes.filter((n) => n.id.toLowerCase().includes(q));
  cy.batch(() => {
    cy?.nodes().removeClass('match');
    for (const h of hits) cy?.getElementById(h.id).addClass('match');
  });
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
  $('gml-fit').addEventListener('click', () => cy?.fit(cy.elements(':visible'), 30));
  $('gml-collapse').addEventListener('click', () => toggleCollapse(status.dataset.selected, status.dataset.selected ? undefined : 'collapse'));
  $('gml-collapse-all').addEventListener('click', () => toggleCollapse(undefined, 'collapse'));
  $('gml-expand-all').addEventListener('click', () => toggleCollapse(undefined, 'expand'));
  $('gml-lost').addEventListener('change', applyVisibility);
  $('gml-pseudo').addEventListener('change', applyVisibility);
  cy?.on('tap', 'node', (e) => select((e.target as cytoscape.NodeSingular).id()));
  cy?.on('dbltap', 'node', (e) => toggleCollapse((e.target as cytoscape.NodeSingular).id()));
  // VS Code changes the body's theme class and its variables when the colour theme changes
  new MutationObserver(() => cy?.style(stylesheet())).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

async function main(): Promise<void> {
  $('gml-summary').textContent = `${model.main.join(', ')} · ${model.nodes.length} modules · ${model.edges.length} requirements`;
  if (model.incomplete) $('gml-incomplete').textContent = `⚠ ${model.incomplete}`;
  const input: LayoutInput = {
    nodes: model.nodes.map((n) => ({ id: n.id, width: widthOf(n) })),
    edges: model.edges.map((e) => [e.from, e.to]),
    roots: model.nodes.filter((n) => n.main).map((n) => n.id),
  };
  // lay out first (in the worker started with the page), then create the graph with its positions: one style and render pass
  const marks: Record<string, number> = { start: Math.round(performance.now()) };
  const placed = await layout(input);
  marks.laidOut = Math.round(performance.now());
  const big = model.edges.length > 3000;
  const els = elements();
  model.nodes.forEach((_, i) => ((els[i] as cytoscape.NodeDefinition).position = { x: placed.positions[2 * i], y: placed.positions[2 * i + 1] }));
  cy = cytoscape({
    container: $('gml-graph'), elements: els, style: stylesheet(), layout: { name: 'preset' },
    wheelSensitivity: 0.3, minZoom: 0.02, maxZoom: 3, boxSelectionEnabled: false,
    textureOnViewport: big, hideEdgesOnViewport: big, hideLabelsOnViewport: big, motionBlur: false, pixelRatio: big ? 1 : 'auto',
  });
  marks.created = Math.round(performance.now());
  wire();
  applyVisibility();
  marks.filtered = Math.round(performance.now());
  cy.fit(undefined, 30);
  if (cy.zoom() < 0.35) cy.zoom({ level: 0.35, renderedPosition: { x: 40, y: cy.height() / 2 } }); // large graphs: readable labels, start from the main module
  renderDetails($('gml-details'), model, undefined, undefined, undefined, select);
  requestAnimationFrame(() => {
    status.dataset.layoutMs = String(Math.round(placed.ms));
    status.dataset.marks = JSON.stringify(marks);
    status.dataset.ready = String(Math.round(performance.now()));
  });
}

main().catch((e: unknown) => {
  status.dataset.error = String(e);
  $('gml-incomplete').textContent = `graph view failed: ${String(e)}`;
});
