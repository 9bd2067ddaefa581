/**
 * view: which part of the module graph the page draws (issue 19), as plain data the layout and the
 * drawing take — no DOM, so the tests run it in Node.
 *  - focus (the first view): the main module(s), their direct requirements, the chains to every
 *    module whose go.mod is missing or whose version is vulnerable or retracted (what the
 *    diagnostics are about), and what the user expanded;
 *    a selected module adds the chains that set its path's version and the modules whose lower
 *    requirements lost, and everything else is dimmed;
 *  - overview: every selected module version, in clusters by module path when there are many (a
 *    cluster opens in place; a click on a module focuses it).
 * Versions of one path are one stack: the selected version in front, the versions that lost behind
 * it (each still a node of the model, drawn as a card of the stack); requirements on a lower
 * version end at the stack, marked as lost.
 */
import { GraphModel, GraphNode, chainsOf } from '../model';

export interface ViewState {
  mode: 'focus' | 'overview';
  /** nodes whose requirements are shown (focus) */
  expanded: string[];
  /** the selected node, if any */
  selected?: string;
  /** clusters opened in the overview */
  openClusters: string[];
  /** show the go and toolchain pseudo-modules */
  pseudo: boolean;
}

export interface VisibleNode {
  id: string;
  label: string;
  kind: 'module' | 'cluster';
  /** modules: the versions that lost, stacked behind; clusters: the member node ids */
  members: string[];
  classes: string[];
}

export interface VisibleEdge {
  id: string;
  from: string;
  to: string;
  classes: string[];
  /** how many requirements the edge stands for (between clusters: more than one) */
  count: number;
}

export interface VisibleGraph {
  nodes: VisibleNode[];
  edges: VisibleEdge[];
  /** the chains drawn highlighted (node ids as the model has them) */
  chains: string[][];
  /** modules of the model the view stands for (a cluster counts its members) */
  covered: number;
}

/** ModelIndex: the model's lookups, made once per model by the page (the caller owns it). */
export interface ModelIndex {
  model: GraphModel;
  byId: Map<string, GraphNode>;
  out: Map<string, { to: string; pruned: boolean; indirect?: boolean }[]>;
  /** the selected version's id of each path */
  selectedOf: Map<string, string>;
  /** the versions of each path that lost, by path */
  lowerOf: Map<string, string[]>;
}

export function indexModel(model: GraphModel): ModelIndex {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const out = new Map<string, { to: string; pruned: boolean; indirect?: boolean }[]>();
  for (const e of model.edges) {
    let list = out.get(e.from);
    if (!list) out.set(e.from, (list = []));
    list.push({ to: e.to, pruned: e.pruned, indirect: e.indirect });
  }
  const selectedOf = new Map<string, string>();
  const lowerOf = new Map<string, string[]>();
  for (const n of model.nodes) {
    if (n.selected || n.main) selectedOf.set(n.path, n.id);
  }
  for (const n of model.nodes) {
    if (n.selected || n.main || !selectedOf.has(n.path)) continue;
    let list = lowerOf.get(n.path);
    if (!list) lowerOf.set(n.path, (list = []));
    list.push(n.id);
  }
  return { model, byId, out, selectedOf, lowerOf };
}

/** stackOf: the node a version is drawn in — its path's selected version (a lost version is a card behind it). */
export function stackOf(ix: ModelIndex, id: string): string {
  const n = ix.byId.get(id);
  if (!n || n.selected || n.main) return id;
  return ix.selectedOf.get(n.path) ?? id;
}

/** labelOf: the text of a module's box. */
export function labelOf(n: GraphNode): string {
  const marks = [n.vulnerable ? 'vulnerable' : '', n.retracted !== undefined ? 'retracted' : ''].filter((x) => x !== '');
  return (n.missing ? '⚠ ' : '') + n.id + (n.replacement ? ` ⇒ ${n.replacement}` : '') + (marks.length > 0 ? ` [${marks.join(', ')}]` : '');
}

/** the chain from a main module to id along the breadth-first parents (id last) */
function parentChain(ix: ModelIndex, id: string): string[] {
  const chain = [id];
  const seen = new Set(chain);
  for (let p = ix.model.parent[id]; p !== undefined && !seen.has(p); p = ix.model.parent[p]) {
    chain.push(p);
    seen.add(p);
  }
  return chain.reverse();
}

/** the highlighted chains and the requirers of lower versions for a selection */
function selectionParts(ix: ModelIndex, selected: string): { chains: string[][]; lowerBy: string[] } {
  const sel = stackOf(ix, selected);
  const chains = chainsOf(ix.model, sel);
  return { chains, lowerBy: (ix.model.why[sel]?.lower ?? []).map((l) => l.by) };
}

/** visibleGraph: what the page draws for a state. */
export function visibleGraph(ix: ModelIndex, state: ViewState, maxModules = 250, clusterSize = 40, maxGroups = 30, maxFocus = 60, maxFocusEdges = 150): VisibleGraph {
  const keep = (id: string): boolean => {
    const n = ix.byId.get(id);
    return !!n && (state.pseudo || !n.pseudo);
  };
  const { chains, lowerBy } = state.selected ? selectionParts(ix, state.selected) : { chains: [], lowerBy: [] };
  const onChain = new Set(chains.flat().map((x) => stackOf(ix, x)));
  const lit = new Set([...onChain, ...lowerBy.map((x) => stackOf(ix, x))]);
  if (state.selected) lit.add(stackOf(ix, state.selected));

  // the module stacks drawn, before clustering; in focus, the requirements drawn: those of the main
  // module(s) and of expanded modules, and the links of the chains the view explains (a focus view
  // does not draw every requirement among what it shows: a real project's direct requirements
  // require each other thousands of times)
  const shown = new Set<string>();
  const sources = new Set<string>();
  const links = new Set<string>();
  const add = (id: string): void => {
    const s = stackOf(ix, id);
    if (keep(s)) shown.add(s);
  };
  const addChain = (chain: string[]): void => {
    chain.forEach((x, i) => {
      add(x);
      if (i > 0) links.add(`${stackOf(ix, chain[i - 1])}\u0000${stackOf(ix, x)}`);
    });
  };
  const mains = ix.model.nodes.filter((n) => n.main).map((n) => n.id);
  if (mains.length === 0 && ix.model.nodes.length > 0) mains.push(ix.model.nodes[0].id);
  if (state.mode === 'overview') {
    for (const n of ix.model.nodes) if (n.main || n.selected) add(n.id);
  } else {
    for (const m of mains) {
      add(m);
      sources.add(stackOf(ix, m));
      // the direct requirements (go.mod's // indirect ones come with +), all of them when none is direct
      const reqs = ix.out.get(m) ?? [];
      const direct = reqs.filter((e) => !e.indirect);
      for (const e of state.expanded.includes(m) || direct.length === 0 ? reqs : direct) add(e.to);
    }
    for (const x of state.expanded) {
      add(x);
      sources.add(stackOf(ix, x));
      for (const e of ix.out.get(x) ?? []) add(e.to);
    }
    // what the diagnostics are about: the chains to missing go.mod files, vulnerable and retracted versions
    for (const n of ix.model.nodes) if (n.missing || n.vulnerable || n.retracted !== undefined) addChain(parentChain(ix, n.id));
  }
  for (const c of chains) addChain(c);
  for (const by of lowerBy) addChain([...parentChain(ix, by), ...(state.selected ? [state.selected] : [])]);
  // a small focus view draws every requirement among what it shows; a large one only the explained ones
  let among = 0;
  if (state.mode === 'focus') for (const [from, list] of ix.out) if (shown.has(stackOf(ix, from))) for (const e of list) if (shown.has(stackOf(ix, e.to))) among++;
  const all = state.mode === 'overview' || among <= maxFocusEdges;
  const drawsEdge = (a: string, b: string): boolean => all || sources.has(a) || links.has(`${a}\u0000${b}`);
  const linked = new Set([...links].flatMap((l) => l.split('\u0000')));

  // clusters: in the overview, when there are many modules, by path prefix in groups of at most clusterSize
  const container = new Map<string, string>(); // stack id → drawn node id
  const clusters = new Map<string, string[]>();
  // (in focus too, when the main module requires very many modules directly: what it does not explain)
  if (shown.size > (state.mode === 'overview' ? maxModules : maxFocus)) {
    const groups = new Map<string, string[]>();
    for (const id of shown) {
      const n = ix.byId.get(id) as GraphNode;
      if (n.main || lit.has(id) || (state.mode === 'focus' && (sources.has(id) || linked.has(id)))) continue;
      const key = prefixOf(n.path);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(id);
    }
    // too many small groups (a real project's owners): the small ones share their host's group
    if (groups.size > maxGroups) {
      const small = [...groups].filter(([, ids]) => ids.length < clusterSize / 4);
      for (const [key, ids] of small) {
        const host = `${key.split('/')[0]}/…`;
        groups.delete(key);
        let g = groups.get(host);
        if (!g) groups.set(host, (g = []));
        g.push(...ids);
      }
    }
    // at most about 24 clusters per group, in natural order (g2 before g10: neighbours in a numbered family stay together)
    const natural = new Intl.Collator('en', { numeric: true });
    for (const [key, ids] of groups) {
      ids.sort((a, b) => natural.compare(a, b));
      const size = Math.max(clusterSize, Math.ceil(ids.length / 24));
      for (let k = 0; k * size < ids.length; k++) {
        const members = ids.slice(k * size, (k + 1) * size);
        const cid = `cluster:${key}:${k}`;
        if (state.openClusters.includes(cid) || members.length === 1) continue;
        clusters.set(cid, members);
        for (const m of members) container.set(m, cid);
      }
    }
  }
  const drawnOf = (stack: string): string => container.get(stack) ?? stack;

  const nodes: VisibleNode[] = [];
  for (const id of shown) {
    if (container.has(id)) continue;
    const n = ix.byId.get(id) as GraphNode;
    const classes = ['module'];
    if (n.main) classes.push('main');
    if (n.missing) classes.push('missing');
    if (n.replacement) classes.push('replaced');
    if (!n.selected && !n.main) classes.push('lost');
    if (n.pseudo) classes.push('pseudo');
    if (n.vulnerable) classes.push('vulnerable');
    if (n.retracted !== undefined) classes.push('retracted');
    if (onChain.has(id)) classes.push('chain');
    if (state.selected && stackOf(ix, state.selected) === id) classes.push('focus');
    if (state.selected && !lit.has(id)) classes.push('dim');
    const more = (ix.out.get(id) ?? []).some((e) => keep(stackOf(ix, e.to)) && (!shown.has(stackOf(ix, e.to)) || (!all && !sources.has(id))));
    if (more) classes.push('more');
    nodes.push({ id, label: labelOf(n), kind: 'module', members: ix.lowerOf.get(n.path)?.filter(keep) ?? [], classes });
  }
  for (const [cid, members] of clusters) {
    const first = (ix.byId.get(members[0]) as GraphNode).path;
    const last = (ix.byId.get(members[members.length - 1]) as GraphNode).path;
    const label = `${first} … ${last.slice(commonPrefix(first, last))} (${members.length})`;
    nodes.push({ id: cid, label, kind: 'cluster', members, classes: ['cluster', ...(state.selected ? ['dim'] : [])] });
  }

  // edges between drawn nodes, one per pair (requirements on lower versions end at the stack, marked lost)
  const chainEdges = new Set<string>();
  for (const c of chains) for (let i = 1; i < c.length; i++) chainEdges.add(`${stackOf(ix, c[i - 1])}\u0000${stackOf(ix, c[i])}`);
  const lowerEdges = new Set(lowerBy.map((by) => `${stackOf(ix, by)}\u0000${state.selected ? stackOf(ix, state.selected) : ''}`));
  const edges = new Map<string, VisibleEdge>();
  for (const [from, list] of ix.out) {
    const a = stackOf(ix, from);
    if (!shown.has(a)) continue;
    for (const e of list) {
      const b = stackOf(ix, e.to);
      if (!shown.has(b) || !drawsEdge(a, b)) continue;
      const [x, y] = [drawnOf(a), drawnOf(b)];
      if (x === y) continue;
      const key = `${x}\u0000${y}`;
      const lost = b !== e.to;
      let v = edges.get(key);
      if (!v) {
        v = { id: `e${edges.size}`, from: x, to: y, classes: [], count: 0 };
        edges.set(key, v);
        v.classes.push(...(lost ? ['lost'] : []), ...(e.pruned ? ['pruned'] : []));
      } else {
        if (!lost) v.classes = v.classes.filter((c) => c !== 'lost');
        if (!e.pruned) v.classes = v.classes.filter((c) => c !== 'pruned');
      }
      v.count++;
      const pair = `${a}\u0000${b}`;
      if (chainEdges.has(pair) && !v.classes.includes('chain')) v.classes.push('chain');
      if (lowerEdges.has(pair) && lost && !v.classes.includes('lower')) v.classes.push('lower');
    }
  }
  // the overview draws how each box is reached — one edge from the box most of its modules are first
  // reached from (their breadth-first parents) — and the chains, not every requirement: a real project's
  // boxes require each other hundreds of times, and the focus view shows those
  if (state.mode === 'overview') {
    const reached = new Map<string, Map<string, number>>();
    for (const n of nodes) {
      if (n.classes.includes('main')) continue;
      const counts = new Map<string, number>();
      for (const m of n.kind === 'cluster' ? n.members : [n.id]) {
        const p = ix.model.parent[m];
        if (p === undefined) continue;
        const from = drawnOf(stackOf(ix, p));
        if (from !== n.id && shown.has(stackOf(ix, p))) counts.set(from, (counts.get(from) ?? 0) + 1);
      }
      reached.set(n.id, counts);
    }
    for (const [key, v] of edges) {
      const counts = reached.get(v.to);
      const best = counts && [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
      if (!v.classes.includes('chain') && !v.classes.includes('lower') && best !== v.from) edges.delete(key);
    }
  }
  for (const v of edges.values()) {
    if (state.selected && !v.classes.includes('chain') && !v.classes.includes('lower')) v.classes.push('dim');
    if (v.count > 1 && (v.from.startsWith('cluster:') || v.to.startsWith('cluster:'))) v.classes.push('bundle');
  }
  let covered = 0;
  for (const n of nodes) covered += n.kind === 'cluster' ? n.members.length : 1 + n.members.length;
  return { nodes, edges: [...edges.values()], chains, covered };
}

/** prefixOf: the part of a module path a cluster is named by — the host and, on code hosts, the owner. */
export function prefixOf(path: string): string {
  const parts = path.split('/');
  const owners = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'golang.org', 'gopkg.in', 'go.opentelemetry.io', 'cloud.google.com', 'k8s.io', 'sigs.k8s.io']);
  return owners.has(parts[0]) && parts.length > 2 ? parts.slice(0, 2).join('/') : parts[0];
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.lastIndexOf('/', i) + 1;
}
