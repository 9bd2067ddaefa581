/**
 * main: the page of the module graph view (VS Code webview and `graph --html`). It reads the model
 * from the page (<script type="application/json" id="gml-model">), decides what to show
 * (view.ts: the main module and its direct requirements first; the whole graph as an overview),
 * lays that out in a Web Worker (layout.ts, elkjs' layered algorithm) and draws it as SVG: one box
 * per module stack, its label inside, so no two labels can overlap. A click selects (the chains
 * that set the version, the lower requirements that lost; the rest dimmed), a double click or the
 * box's ＋ expands what it requires; the keyboard moves between neighbours (arrows), focuses
 * (Enter) and goes back (Escape); the view exports as SVG and PNG.
 * For tests, #gml-status carries data-ready (ms from navigation to the first drawing; with
 * data-readyAt and data-invoked, epoch ms of that drawing and of the command that opened the view),
 * data-selected (a node id), data-chains (the highlighted chains, JSON), data-mode, data-drawn (the
 * number of drawn boxes) and data-layout (incremented after each drawing).
 */
import { renderDetails } from './details';
import type { LayoutInput, LayoutOutput } from './layout';
import { ModelIndex, ViewState, VisibleGraph, indexModel, stackOf, visibleGraph } from './view';
import { GraphModel } from '../model';

/** the bundled source of layoutWorker.ts, inserted by scripts/bundle.mjs */
declare const GML_LAYOUT_WORKER: string;
/** VS Code's webview API, present only in a webview */
declare const acquireVsCodeApi: undefined | (() => { postMessage(m: unknown): void });

const SVG = 'http://www.w3.org/2000/svg';
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const BOX_H = 22;
const PAD = 8;
/** the offset of each card of a stack (a lower version) behind the box */
const CARD = 4;

/** skeleton builds the page's controls (the HTML shells only carry the CSP, the model and the scripts). */
function skeleton(): void {
  const bar = document.createElement('div');
  bar.id = 'gml-toolbar';
  bar.innerHTML = [
    '<input type="search" id="gml-search" placeholder="Search module path… (Enter: select)" aria-label="Search module path">',
    '<button id="gml-focus" title="The main module, its direct requirements and what you expanded">Focus</button>',
    '<button id="gml-overview" title="The whole graph (clustered by module path when large)">Overview</button>',
    '<button id="gml-fit" title="Fit the graph to the view">Fit</button>',
    '<button id="gml-svg" title="Save the current view as SVG">SVG</button>',
    '<button id="gml-png" title="Save the current view as PNG">PNG</button>',
    '<label><input type="checkbox" id="gml-pseudo"> go/toolchain</label>',
    '<span id="gml-summary"></span><span id="gml-count"></span><span id="gml-incomplete"></span>',
  ].join(' ');
  const body = document.createElement('div');
  body.id = 'gml-body';
  body.innerHTML = '<div id="gml-graph" tabindex="0" role="application" aria-label="Module graph: arrows move between modules, Home goes to the main module, Enter focuses, Escape goes back"></div><aside id="gml-details"></aside>';
  const st = document.createElement('div');
  st.id = 'gml-status';
  st.hidden = true;
  document.body.append(bar, body, st);
}

/** the layout worker, built from its bundled source (CSP: worker-src blob:) and started first */
const worker: Worker | undefined = (() => {
  try {
    return new Worker(URL.createObjectURL(new Blob([GML_LAYOUT_WORKER], { type: 'text/javascript' })));
  } catch {
    return undefined;
  }
})();

skeleton();
const status = $('gml-status');
const model = JSON.parse($('gml-model').textContent ?? '{}') as GraphModel;
const ix: ModelIndex = indexModel(model);
const vscodeApi = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;

let state: ViewState = { mode: 'focus', expanded: [], openClusters: [], pseudo: false };
const history: ViewState[] = [];
let drawn: { graph: VisibleGraph; placed: LayoutOutput } | undefined;
let cursor: string | undefined;
let viewBox = { x: 0, y: 0, w: 100, h: 100 };
let seq = 0;
let layouts = 0;

/** measure: the width of a label in the page's font (a canvas measures text without laying it out). */
const measure = (() => {
  const ctx = document.createElement('canvas').getContext('2d');
  return (text: string): number => {
    if (!ctx) return text.length * 7;
    ctx.font = `12px ${getComputedStyle(document.body).getPropertyValue('--gml-font').trim() || 'monospace'}`;
    return ctx.measureText(text).width;
  };
})();

/** layout runs layoutGraph in the worker; only the latest request's answer counts. */
function layout(input: LayoutInput): Promise<LayoutOutput> {
  const mine = ++seq;
  // the layout library is bundled into the worker only (1.6 MB): a page that cannot start a worker says so
  if (!worker) return Promise.reject(new Error('the layout worker could not start (worker-src blob: refused?)'));
  status.dataset.worker = 'yes';
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const w = worker;
    const onMessage = (e: MessageEvent<{ seq: number; out?: LayoutOutput; error?: string }>): void => {
      if (e.data.seq !== mine) return;
      w.removeEventListener('message', onMessage);
      // the round trip: the layout, and for the first one the worker's start (it compiles the layout library)
      status.dataset.roundTripMs = String(Math.round(performance.now() - t0));
      if (e.data.out) resolve(e.data.out);
      else reject(new Error(e.data.error ?? 'layout failed'));
    };
    w.addEventListener('message', onMessage);
    w.postMessage({ seq: mine, input });
  });
}

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** boxWidth: a box fits its label, the stack's cards and the ＋ of an expandable module. */
const boxWidth = (label: string, extra: number): number => Math.ceil(measure(label)) + 2 * PAD + extra;
const cardsOf = (n: VisibleGraph['nodes'][number]): number => (n.kind === 'module' ? Math.min(2, n.members.length) : 0);
const extraOf = (n: VisibleGraph['nodes'][number]): number => CARD * cardsOf(n) + (n.classes.includes('more') ? 16 : 0);

/** render: compute what the state shows, lay it out and draw it (a newer render supersedes an older one). */
async function render(fit = true): Promise<void> {
  const graph = visibleGraph(ix, state);
  const input: LayoutInput = {
    nodes: graph.nodes.map((n) => ({ id: n.id, width: boxWidth(n.label, extraOf(n)), height: BOX_H + CARD * cardsOf(n), first: n.classes.includes('main') })),
    edges: graph.edges.map((e) => ({ id: e.id, from: e.from, to: e.to })),
  };
  if (state.mode === 'overview') {
    const host = $('gml-graph').getBoundingClientRect();
    input.wrapTo = Math.max(0.5, host.width / Math.max(host.height, 1));
  }
  const mine = seq + 1;
  const placed = await layout(input);
  if (mine !== seq) return; // a newer state is being laid out
  drawn = { graph, placed };
  draw(graph, placed, input);
  if (fit) fitView();
  status.dataset.layoutMs = String(Math.round(placed.ms));
  status.dataset.mode = state.mode;
  status.dataset.drawn = String(graph.nodes.length);
  status.dataset.chains = JSON.stringify(graph.chains);
  status.dataset.layout = String(++layouts);
  $('gml-count').textContent = `${graph.nodes.length} boxes (${graph.covered} of ${model.nodes.length} modules) · ${state.mode}`;
}

function draw(graph: VisibleGraph, placed: LayoutOutput, input: LayoutInput): void {
  const host = $('gml-graph');
  const svg = svgEl('svg', { id: 'gml-svg-root', width: '100%', height: '100%', preserveAspectRatio: 'xMidYMid meet' });
  const defs = svgEl('defs');
  for (const [id, cls] of [['gml-arrow', 'gml-arrowhead'], ['gml-arrow-chain', 'gml-arrowhead chain']]) {
    const marker = svgEl('marker', { id, viewBox: '0 0 8 8', refX: 8, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    marker.append(svgEl('path', { d: 'M0,0 L8,4 L0,8 z', class: cls }));
    defs.append(marker);
  }
  svg.append(defs);
  const edgeLayer = svgEl('g', { class: 'gml-edges' });
  for (const e of graph.edges) {
    const pts = placed.edges[e.id];
    if (!pts) continue;
    const d = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    const path = svgEl('path', { d, class: ['gml-edge', ...e.classes].join(' '), 'marker-end': `url(#${e.classes.includes('chain') ? 'gml-arrow-chain' : 'gml-arrow'})`, 'data-from': e.from, 'data-to': e.to });
    if (e.count > 1) path.setAttribute('stroke-width', String(Math.min(4, 1 + Math.log2(e.count))));
    edgeLayer.append(path);
  }
  const nodeLayer = svgEl('g', { class: 'gml-nodes' });
  const widths = new Map(input.nodes.map((n) => [n.id, n.width]));
  for (const n of graph.nodes) {
    const at = placed.nodes[n.id];
    if (!at) continue;
    const w = widths.get(n.id) ?? 100;
    const cards = n.kind === 'module' ? Math.min(2, n.members.length) : 0;
    const g = svgEl('g', { class: ['gml-node', ...n.classes].join(' '), transform: `translate(${at.x.toFixed(1)},${(at.y + CARD * cards).toFixed(1)})`, 'data-id': n.id });
    // the versions that lost: cards behind the selected version's box, up and to the right
    const bw = w - CARD * cards;
    for (let k = cards; k > 0; k--) g.append(svgEl('rect', { class: 'gml-card', x: CARD * k, y: -CARD * k, width: bw, height: BOX_H, rx: 4 }));
    g.append(svgEl('rect', { class: 'gml-box', x: 0, y: 0, width: bw, height: BOX_H, rx: 4 }));
    const text = svgEl('text', { class: 'gml-label', x: PAD, y: BOX_H / 2 + 4 });
    text.textContent = n.label;
    g.append(text);
    if (n.classes.includes('more')) {
      const plus = svgEl('text', { class: 'gml-more', x: bw - 13, y: BOX_H / 2 + 4 });
      plus.textContent = '+';
      g.append(plus);
    }
    const title = svgEl('title');
    title.textContent = n.kind === 'cluster' ? `${n.label}: click to open` : n.members.length > 0 ? `${n.id}; lower versions in the graph: ${n.members.map((m) => m.split('@')[1]).join(', ')}` : n.id;
    g.append(title);
    if (cursor === n.id) g.classList.add('cursor');
    nodeLayer.append(g);
  }
  svg.append(edgeLayer, nodeLayer);
  host.replaceChildren(svg);
  svg.addEventListener('click', (e) => {
    const g = (e.target as Element).closest('.gml-node');
    if (!g) return;
    const id = g.getAttribute('data-id') as string;
    if (id.startsWith('cluster:')) return openCluster(id);
    if ((e.target as Element).classList.contains('gml-more')) return expand(id);
    void select(id);
  });
  svg.addEventListener('dblclick', (e) => {
    const id = (e.target as Element).closest('.gml-node')?.getAttribute('data-id');
    if (id && !id.startsWith('cluster:')) expand(id);
  });
  wirePanZoom(svg);
  applyViewBox();
}

/** fitView shows the whole drawing in the graph pane (which ends where the side panel starts). */
function fitView(): void {
  if (!drawn) return;
  const host = $('gml-graph').getBoundingClientRect();
  const [w, h] = [Math.max(drawn.placed.width, 1), Math.max(drawn.placed.height, 1)];
  // a small graph is magnified at most 1.5 times (labels stay a readable size, not a poster)
  const scale = Math.max(w / Math.max(host.width, 1), h / Math.max(host.height, 1), 1 / 1.5);
  viewBox = { w: host.width * scale, h: host.height * scale, x: 0, y: 0 };
  viewBox.x = (w - viewBox.w) / 2;
  viewBox.y = (h - viewBox.h) / 2;
  applyViewBox();
}

function applyViewBox(): void {
  const svg = document.getElementById('gml-svg-root');
  svg?.setAttribute('viewBox', `${viewBox.x} ${viewBox.y} ${viewBox.w} ${viewBox.h}`);
  status.dataset.viewBox = JSON.stringify(viewBox);
}

/** wirePanZoom: the wheel zooms around the pointer, a drag pans. */
function wirePanZoom(svg: SVGSVGElement): void {
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = svg.getBoundingClientRect();
    const k = Math.exp(e.deltaY * 0.0015);
    const px = viewBox.x + ((e.clientX - r.left) / r.width) * viewBox.w;
    const py = viewBox.y + ((e.clientY - r.top) / r.height) * viewBox.h;
    viewBox = { x: px - (px - viewBox.x) * k, y: py - (py - viewBox.y) * k, w: viewBox.w * k, h: viewBox.h * k };
    applyViewBox();
  }, { passive: false });
  let drag: { x: number; y: number; vb: typeof viewBox } | undefined;
  svg.addEventListener('pointerdown', (e) => {
    if ((e.target as Element).closest('.gml-node')) return;
    drag = { x: e.clientX, y: e.clientY, vb: { ...viewBox } };
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    const s = Math.max(viewBox.w / r.width, viewBox.h / r.height);
    viewBox = { ...drag.vb, x: drag.vb.x - (e.clientX - drag.x) * s, y: drag.vb.y - (e.clientY - drag.y) * s };
    applyViewBox();
  });
  svg.addEventListener('pointerup', () => (drag = undefined));
}

/** go: a new state, remembered for Escape (a failure is shown, not thrown into the void). */
function go(next: ViewState, fit = true): Promise<void> {
  history.push(state);
  state = next;
  return render(fit).catch((e: unknown) => {
    status.dataset.error = String(e);
    $('gml-incomplete').textContent = `graph view failed: ${String(e)}`;
  });
}

/** select focuses a module: the chains that explain its path's selected version, its lower requirements; the rest dimmed. */
async function select(id: string): Promise<void> {
  const n = ix.byId.get(id);
  if (!n) return;
  cursor = stackOf(ix, id);
  await go({ ...state, mode: state.mode === 'overview' && ix.model.nodes.length > 250 ? 'focus' : state.mode, selected: id });
  const sel = ix.selectedOf.get(n.path);
  renderDetails($('gml-details'), model, n, sel, sel ? model.why[sel] : undefined, drawn?.graph.chains ?? [], (x) => void select(x));
  status.dataset.selected = id;
}

function expand(id: string): void {
  if (state.expanded.includes(id)) return;
  cursor = id;
  void go({ ...state, mode: 'focus', expanded: [...state.expanded, id] }, false);
}

function openCluster(id: string): void {
  void go({ ...state, openClusters: [...state.openClusters, id] });
}

function back(): void {
  const prev = history.pop();
  if (!prev) return;
  state = prev;
  void render().then(() => {
    if (!state.selected) {
      renderDetails($('gml-details'), model, undefined, undefined, undefined, [], (x) => void select(x));
      delete status.dataset.selected;
    }
  });
}

function search(query: string, enter: boolean): void {
  const q = query.trim().toLowerCase();
  const hits = q === '' ? [] : model.nodes.filter((n) => n.id.toLowerCase().includes(q));
  for (const g of document.querySelectorAll('.gml-node')) g.classList.toggle('match', hits.some((h) => stackOf(ix, h.id) === g.getAttribute('data-id')));
  $('gml-count').textContent = q === '' ? '' : `${hits.length} match${hits.length === 1 ? '' : 'es'}`;
  if (!enter || hits.length === 0) return;
  // Enter: the exact id, then the path's selected version, then a selected version, then any match
  const best = hits.find((h) => h.id.toLowerCase() === q) ?? hits.find((h) => h.path.toLowerCase() === q && h.selected) ?? hits.find((h) => h.selected) ?? hits[0];
  void select(best.id);
}

/** moveCursor: the arrows go to a neighbour — right: a requirement, left: a requirer, up/down: the nearest box above or below; Home: the main module. */
function moveCursor(key: string): void {
  if (!drawn) return;
  const { graph, placed } = drawn;
  const ids = graph.nodes.map((n) => n.id);
  if (key === 'Home' || !cursor || !placed.nodes[cursor]) cursor = ids.find((x) => graph.nodes.find((n) => n.id === x)?.classes.includes('main')) ?? ids[0];
  else {
    const at = placed.nodes[cursor];
    const byY = (list: string[]): string | undefined => list.filter((x) => placed.nodes[x]).sort((a, b) => Math.abs(placed.nodes[a].y - at.y) - Math.abs(placed.nodes[b].y - at.y))[0];
    let next: string | undefined;
    if (key === 'ArrowRight') next = byY(graph.edges.filter((e) => e.from === cursor).map((e) => e.to));
    else if (key === 'ArrowLeft') next = byY(graph.edges.filter((e) => e.to === cursor).map((e) => e.from));
    else {
      const down = key === 'ArrowDown';
      next = ids.filter((x) => x !== cursor && placed.nodes[x] && Math.abs(placed.nodes[x].x - at.x) < 1 && (down ? placed.nodes[x].y > at.y : placed.nodes[x].y < at.y))
        .sort((a, b) => Math.abs(placed.nodes[a].y - at.y) - Math.abs(placed.nodes[b].y - at.y))[0];
    }
    if (next) cursor = next;
  }
  for (const g of document.querySelectorAll('.gml-node')) g.classList.toggle('cursor', g.getAttribute('data-id') === cursor);
  status.dataset.cursor = cursor ?? '';
  const at = cursor ? placed.nodes[cursor] : undefined;
  if (at && (at.x < viewBox.x || at.y < viewBox.y || at.x > viewBox.x + viewBox.w || at.y > viewBox.y + viewBox.h)) {
    viewBox = { ...viewBox, x: at.x - viewBox.w / 2, y: at.y - viewBox.h / 2 };
    applyViewBox();
  }
}

/** exported: the drawing as a standalone SVG document, its colours resolved (no CSS variables, no stylesheet). */
function exportedSvg(): string {
  const svg = document.getElementById('gml-svg-root');
  if (!svg || !drawn) return '';
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const orig = svg.querySelectorAll('*');
  const dup = copy.querySelectorAll('*');
  const props = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size', 'font-weight'];
  orig.forEach((o, i) => {
    const cs = getComputedStyle(o);
    (dup[i] as SVGElement).setAttribute('style', props.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';'));
  });
  copy.setAttribute('xmlns', SVG);
  copy.setAttribute('viewBox', `0 0 ${drawn.placed.width} ${drawn.placed.height}`);
  copy.setAttribute('width', String(Math.ceil(drawn.placed.width)));
  copy.setAttribute('height', String(Math.ceil(drawn.placed.height)));
  const bg = svgEl('rect', { x: 0, y: 0, width: drawn.placed.width, height: drawn.placed.height, style: `fill:${getComputedStyle(document.body).backgroundColor}` });
  copy.insertBefore(bg, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

async function exportAs(format: 'svg' | 'png'): Promise<void> {
  const svg = exportedSvg();
  if (!svg || !drawn) return;
  const name = `module-graph.${format}`;
  let dataUrl = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`;
  if (format === 'png') {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the SVG did not load as an image'));
      img.src = dataUrl;
    });
    const scale = Math.min(2, 16000 / Math.max(drawn.placed.width, drawn.placed.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(drawn.placed.width * scale);
    canvas.height = Math.ceil(drawn.placed.height * scale);
    const ctx = canvas.getContext('2d');
    ctx?.drawImage(img, 0, 0, canvas.width, canvas.height);
    dataUrl = canvas.toDataURL('image/png');
  }
  status.dataset.exported = `${format} ${dataUrl.length}`;
  if (vscodeApi) {
    vscodeApi.postMessage({ type: 'export', format, name, data: dataUrl.slice(dataUrl.indexOf(',') + 1) });
    return;
  }
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

function wire(): void {
  const input = $('gml-search') as HTMLInputElement;
  input.addEventListener('input', () => search(input.value, false));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') search(input.value, true);
  });
  $('gml-focus').addEventListener('click', () => void go({ ...state, mode: 'focus' }));
  $('gml-overview').addEventListener('click', () => void go({ ...state, mode: 'overview', selected: undefined }));
  $('gml-fit').addEventListener('click', fitView);
  $('gml-svg').addEventListener('click', () => void exportAs('svg'));
  $('gml-png').addEventListener('click', () => void exportAs('png'));
  $('gml-pseudo').addEventListener('change', (e) => void go({ ...state, pseudo: (e.target as HTMLInputElement).checked }));
  $('gml-graph').addEventListener('keydown', (e) => {
    if (e.key.startsWith('Arrow') || e.key === 'Home') {
      e.preventDefault();
      moveCursor(e.key);
    } else if (e.key === 'Enter' && cursor) {
      if (cursor.startsWith('cluster:')) openCluster(cursor);
      else void select(cursor);
    } else if (e.key === 'Escape') back();
    else if (e.key === '+' && cursor) expand(cursor);
  });
  window.addEventListener('resize', fitView);
}

async function main(): Promise<void> {
  $('gml-summary').textContent = `${model.main.join(', ')} · ${model.nodes.length} modules · ${model.edges.length} requirements`;
  if (model.incomplete) $('gml-incomplete').textContent = `⚠ ${model.incomplete}`;
  wire();
  renderDetails($('gml-details'), model, undefined, undefined, undefined, [], (x) => void select(x));
  const t0 = Math.round(performance.now());
  await render();
  requestAnimationFrame(() => {
    status.dataset.marks = JSON.stringify({ start: t0, drawn: Math.round(performance.now()) });
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
