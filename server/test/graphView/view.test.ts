/**
 * The graph view's choice of what to draw (webview/view.ts) and its layout (webview/layout.ts, elkjs
 * run in Node here as in the page's worker), issue 19: the focus view of the mission's example (main
 * and its direct requirements; a lost version stacked behind the selected one; a selection lights
 * the chain and the lower requirements and dims the rest; expanding adds requirements), the
 * overview clustered by path prefix when large, and on every drawn graph — the mission's and a
 * 2,000-module one — boxes (which hold the labels) that never overlap and edges that start and end
 * on their boxes.
 */
import * as assert from 'node:assert/strict';
import { GraphModel } from '../../src/graphView/model';
import { LayoutInput, layoutGraph, newLayouter } from '../../src/graphView/webview/layout';
import { ViewState, VisibleGraph, indexModel, prefixOf, visibleGraph } from '../../src/graphView/webview/view';

const MAIN = 'example.com/main';
const A = 'example.com/a', B = 'example.com/b', C = 'example.com/c';

/** the mission's example: main requires a v1.1.0, b and c; b requires a v1.1.0, c requires a v1.3.0 (selected) */
const mission: GraphModel = {
  main: [MAIN],
  nodes: [
    { id: MAIN, path: MAIN, version: '', main: true, selected: true, loaded: true },
    { id: `${A}@v1.1.0`, path: A, version: 'v1.1.0', main: false, selected: false, loaded: true },
    { id: `${A}@v1.3.0`, path: A, version: 'v1.3.0', main: false, selected: true, loaded: false },
    { id: `${B}@v1.0.0`, path: B, version: 'v1.0.0', main: false, selected: true, loaded: true },
    { id: `${C}@v1.0.0`, path: C, version: 'v1.0.0', main: false, selected: true, loaded: true },
  ],
  edges: [
    { from: MAIN, to: `${A}@v1.1.0`, pruned: false }, { from: MAIN, to: `${B}@v1.0.0`, pruned: false }, { from: MAIN, to: `${C}@v1.0.0`, pruned: false },
    { from: `${B}@v1.0.0`, to: `${A}@v1.1.0`, pruned: true }, { from: `${C}@v1.0.0`, to: `${A}@v1.3.0`, pruned: true },
  ],
  parent: { [`${A}@v1.1.0`]: MAIN, [`${B}@v1.0.0`]: MAIN, [`${C}@v1.0.0`]: MAIN, [`${A}@v1.3.0`]: `${C}@v1.0.0` },
  why: { [`${A}@v1.3.0`]: { via: [`${C}@v1.0.0`], lower: [{ by: MAIN, version: 'v1.1.0' }, { by: `${B}@v1.0.0`, version: 'v1.1.0' }] } },
};

const focus: ViewState = { mode: 'focus', expanded: [], openClusters: [], pseudo: false };
const classesOf = (g: VisibleGraph, id: string): string[] => g.nodes.find((n) => n.id === id)?.classes ?? [];

/** checkLayout lays g out (boxes as wide as the page makes them: 7 px a character) and checks boxes and edges. */
async function checkLayout(g: VisibleGraph): Promise<{ ms: number }> {
  const input: LayoutInput = {
    nodes: g.nodes.map((n) => ({ id: n.id, width: 16 + 7 * n.label.length, height: 22, first: n.classes.includes('main') })),
    edges: g.edges.map((e) => ({ id: e.id, from: e.from, to: e.to })),
  };
  const out = await layoutGraph(input, newLayouter());
  const boxes = input.nodes.map((n) => ({ id: n.id, ...out.nodes[n.id], w: n.width, h: n.height }));
  for (const b of boxes) assert.ok(Number.isFinite(b.x) && Number.isFinite(b.y), `${b.id} placed`);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [p, q] = [boxes[i], boxes[j]];
      const overlap = p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
      assert.ok(!overlap, `${p.id} and ${q.id} overlap`);
    }
  }
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const on = (pt: { x: number; y: number }, id: string): boolean => {
    const b = byId.get(id) as (typeof boxes)[number];
    return pt.x >= b.x - 0.5 && pt.x <= b.x + b.w + 0.5 && pt.y >= b.y - 0.5 && pt.y <= b.y + b.h + 0.5;
  };
  for (const e of input.edges) {
    const pts = out.edges[e.id];
    assert.ok(pts && pts.length >= 2, `edge ${e.from} → ${e.to} routed`);
    assert.ok(on(pts[0], e.from) && on(pts[pts.length - 1], e.to), `edge ${e.from} → ${e.to} runs box to box`);
  }
  // left to right: every main module in the first column
  const firstX = Math.min(...boxes.map((b) => b.x));
  for (const n of input.nodes.filter((x) => x.first)) assert.equal(out.nodes[n.id].x, firstX);
  return { ms: out.ms };
}

describe('graph view: what is drawn and its layout (issue 19)', function () {
  this.timeout(60_000);
  const ix = indexModel(mission);

  it('focus: the main module and its direct requirements; a lost version is a card behind the selected one', async () => {
    const g = visibleGraph(ix, focus);
    assert.deepEqual(g.nodes.map((n) => n.id).sort(), [MAIN, `${A}@v1.3.0`, `${B}@v1.0.0`, `${C}@v1.0.0`].sort());
    assert.deepEqual(g.nodes.find((n) => n.id === `${A}@v1.3.0`)?.members, [`${A}@v1.1.0`]);
    // main → a v1.1.0 ends at a's stack, marked lost; b → a v1.1.0 is pruned and lost
    const toA = g.edges.filter((e) => e.to === `${A}@v1.3.0`);
    assert.deepEqual(toA.map((e) => [e.from, e.classes.sort()]).sort(), [[MAIN, ['lost']], [`${B}@v1.0.0`, ['lost', 'pruned']], [`${C}@v1.0.0`, ['pruned']]].sort());
    await checkLayout(g);
  });

  it('a selection (of the lost version too) lights the chain and the lower requirements, and dims the rest', () => {
    for (const selected of [`${A}@v1.3.0`, `${A}@v1.1.0`]) {
      const g = visibleGraph(ix, { ...focus, selected });
      assert.deepEqual(g.chains, [[MAIN, `${C}@v1.0.0`, `${A}@v1.3.0`]]);
      assert.ok(classesOf(g, `${A}@v1.3.0`).includes('focus'));
      assert.ok(classesOf(g, `${C}@v1.0.0`).includes('chain'));
      assert.ok(!classesOf(g, `${B}@v1.0.0`).includes('dim'), 'b requires the lower version: lit');
      const edge = (from: string, to: string) => g.edges.find((e) => e.from === from && e.to === to)?.classes ?? [];
      assert.ok(edge(`${C}@v1.0.0`, `${A}@v1.3.0`).includes('chain'));
      assert.ok(edge(`${B}@v1.0.0`, `${A}@v1.3.0`).includes('lower'));
      assert.ok(edge(MAIN, `${B}@v1.0.0`).includes('dim'));
    }
  });

  it('expanding a module adds what it requires; a module with more to show is marked', () => {
    const deep: GraphModel = {
      main: [MAIN],
      nodes: [MAIN, `${A}@v1.0.0`, `${B}@v1.0.0`].map((id) => ({ id, path: id.split('@')[0], version: id.split('@')[1] ?? '', main: id === MAIN, selected: true, loaded: true })),
      edges: [{ from: MAIN, to: `${A}@v1.0.0`, pruned: false }, { from: `${A}@v1.0.0`, to: `${B}@v1.0.0`, pruned: false }],
      parent: { [`${A}@v1.0.0`]: MAIN, [`${B}@v1.0.0`]: `${A}@v1.0.0` }, why: {},
    };
    const dix = indexModel(deep);
    const first = visibleGraph(dix, focus);
    assert.deepEqual(first.nodes.map((n) => n.id), [MAIN, `${A}@v1.0.0`]);
    assert.ok(classesOf(first, `${A}@v1.0.0`).includes('more'));
    const open = visibleGraph(dix, { ...focus, expanded: [`${A}@v1.0.0`] });
    assert.deepEqual(open.nodes.map((n) => n.id), [MAIN, `${A}@v1.0.0`, `${B}@v1.0.0`]);
    assert.ok(!classesOf(open, `${A}@v1.0.0`).includes('more'));
    // a vulnerable (or retracted) version deeper down is in the first view with its chain, marked
    for (const mark of [{ vulnerable: ['GO-2099-0001: x'] }, { retracted: '' }]) {
      const sick = indexModel({ ...deep, nodes: deep.nodes.map((n) => (n.id === `${B}@v1.0.0` ? { ...n, ...mark } : n)) });
      const g = visibleGraph(sick, focus);
      assert.deepEqual(g.nodes.map((n) => n.id), [MAIN, `${A}@v1.0.0`, `${B}@v1.0.0`]);
      assert.ok(classesOf(g, `${B}@v1.0.0`).includes('vulnerable' in mark ? 'vulnerable' : 'retracted'));
      assert.match(g.nodes[2].label, /\[(vulnerable|retracted)\]$/);
    }
  });

  it("a real project's size: go.mod's // indirect requirements come with +, many direct ones are clustered, and only the explained requirements are drawn", async () => {
    const hosts = ['github.com/aws', 'github.com/google', 'golang.org/x', 'k8s.io', 'example.com'];
    const id = (i: number): string => `${hosts[i % hosts.length]}/m${i}@v1.0.0`;
    const nodes: GraphModel['nodes'] = [{ id: MAIN, path: MAIN, version: '', main: true, selected: true, loaded: true }];
    const edges: GraphModel['edges'] = [];
    const parent: Record<string, string> = {};
    for (let i = 1; i <= 150; i++) {
      nodes.push({ id: id(i), path: id(i).split('@')[0], version: 'v1.0.0', main: false, selected: true, loaded: true });
      edges.push({ from: MAIN, to: id(i), pruned: false, ...(i > 100 ? { indirect: true } : {}) });
      parent[id(i)] = MAIN;
    }
    // the direct requirements require each other a lot (as a real project's do)
    for (let i = 1; i <= 100; i++) for (let k = 1; k <= 3; k++) edges.push({ from: id(i), to: id(1 + ((i + 7 * k) % 150)), pruned: false });
    const rix = indexModel({ main: [MAIN], nodes, edges, parent, why: {} });
    const g = visibleGraph(rix, focus);
    const drawn = new Set(g.nodes.flatMap((n) => (n.kind === 'cluster' ? n.members : [n.id])));
    assert.ok(!drawn.has(id(120)), 'an indirect requirement waits for +');
    assert.ok(drawn.has(id(50)), 'a direct one is there, in its cluster');
    assert.ok(g.nodes.length <= 61 && g.nodes.some((n) => n.kind === 'cluster'), `${g.nodes.length} boxes, clustered`);
    assert.ok(g.edges.every((e) => e.from === MAIN), 'only the main module\'s requirements are drawn');
    assert.ok(classesOf(g, MAIN).includes('more'), 'the main module has more to show');
    await checkLayout(g);
    const all = visibleGraph(rix, { ...focus, expanded: [MAIN] });
    const drawnAll = new Set(all.nodes.flatMap((n) => (n.kind === 'cluster' ? n.members : [n.id])));
    assert.ok(drawnAll.has(id(120)), '+ on the main module shows the indirect requirements');
  });

  it('prefixes of clusters: host and owner on code hosts, else the host', () => {
    assert.equal(prefixOf('github.com/aws/aws-sdk-go-v2/service/s3'), 'github.com/aws');
    assert.equal(prefixOf('golang.org/x/net'), 'golang.org/x');
    assert.equal(prefixOf('example.com/g12'), 'example.com');
  });

  it('2,000 modules: focus and clustered overview lay out without overlapping boxes; an opened cluster shows its modules', async () => {
    const n = 2000;
    const nodes: GraphModel['nodes'] = [{ id: MAIN, path: MAIN, version: '', main: true, selected: true, loaded: true }];
    const edges: GraphModel['edges'] = [];
    const parent: Record<string, string> = {};
    let seed = 7;
    const rnd = (k: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % k);
    const hosts = ['github.com/aws', 'github.com/google', 'golang.org/x', 'k8s.io', 'example.com'];
    const id = (i: number): string => `${hosts[i % hosts.length]}/m${i}@v1.0.0`;
    for (let i = 1; i <= n; i++) nodes.push({ id: id(i), path: id(i).split('@')[0], version: 'v1.0.0', main: false, selected: true, loaded: true });
    for (let i = 1; i <= 12; i++) {
      edges.push({ from: MAIN, to: id(i), pruned: false });
      parent[id(i)] = MAIN;
    }
    // every module reached (as in a build's graph): one requirer among the 40 before it, and more requirements at random
    for (let j = 13; j <= n; j++) {
      const i = j - 1 - rnd(Math.min(j - 1, 40));
      edges.push({ from: id(i), to: id(j), pruned: false });
      parent[id(j)] = id(i);
    }
    for (let i = 1; i < n; i++) {
      const j = i + 1 + rnd(Math.min(n - i, 40));
      if (j <= n) edges.push({ from: id(i), to: id(j), pruned: false });
    }
    const big = indexModel({ main: [MAIN], nodes, edges, parent, why: {} });
    const f = visibleGraph(big, focus);
    assert.equal(f.nodes.length, 13);
    await checkLayout(f);
    const o = visibleGraph(big, { ...focus, mode: 'overview' });
    assert.ok(o.nodes.length <= 5 * 24 + 1, `${o.nodes.length} boxes`);
    assert.equal(o.covered, n + 1, 'every module is in a box');
    assert.equal(o.edges.length, o.nodes.length - 1, 'the overview draws how each box is reached: one edge into each but the main module');
    const t = await checkLayout(o);
    const cluster = o.nodes.find((x) => x.kind === 'cluster') as VisibleGraph['nodes'][number];
    const opened = visibleGraph(big, { ...focus, mode: 'overview', openClusters: [cluster.id] });
    for (const m of cluster.members) assert.ok(opened.nodes.some((x) => x.id === m), `${m} drawn once its cluster is open`);
    await checkLayout(opened);
    assert.ok(t.ms >= 0);
  });
});
