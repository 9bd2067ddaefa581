/**
 * Minimal version selection on in-memory graphs: the worked examples of semantics §3.11 and the
 * observations of oracles.md §1. (The same scenarios run against the real go command in
 * test/differential/mvs.test.ts.)
 */
import * as assert from 'node:assert/strict';
import { computeBuild } from '../../src/graph/buildList';
import { graphLines, listLines, listModules } from '../../src/graph/listing';
import { ModGraph, ModuleKey, keyOf, keyedModule } from '../../src/graph/mvs';
import { explainSelection } from '../../src/graph/why';
import { FakeFiles, FakeModules, mainSet, mod, workSet } from './fake';

async function list(mainText: string, mods: Record<string, string>, opts: { mode?: 'mod' | 'readonly'; files?: Record<string, string>; toolchain?: string } = {}) {
  const toolchain = opts.toolchain ?? '1.19';
  const source = new FakeModules(mods);
  const build = await computeBuild(mainSet(mainText, toolchain), { modules: source, files: new FakeFiles(opts.files ?? {}) }, { toolchain, mode: opts.mode ?? 'mod' });
  return { build, lines: listLines(listModules(build)), graph: graphLines(build), reads: source.reads };
}

const A = 'example.com/a', B = 'example.com/b', C = 'example.com/c', D = 'example.com/d';

describe('minimal version selection', () => {
  it('mission example: requirements are minimums, MVS takes the highest', async () => {
    const mods = {
      [`${B}@v1.0.0`]: mod(B, '1.17', [`${A} v1.1.0`]),
      [`${C}@v1.0.0`]: mod(C, '1.17', [`${A} v1.3.0`]),
      [`${A}@v1.1.0`]: mod(A, '1.17'), [`${A}@v1.3.0`]: mod(A, '1.17'),
    };
    const main = mod('example.com/main', '1.17', [`${B} v1.0.0`, `${C} v1.0.0`, `${A} v1.1.0`]);
    const { lines } = await list(main, mods);
    assert.deepEqual(lines, ['example.com/main', `${A} v1.3.0`, `${B} v1.0.0`, `${C} v1.0.0`]);
    const { build } = await list(main, mods, { mode: 'readonly' }); // the go.mod as written, before -mod=mod raises it
    const why = explainSelection(build, A);
    assert.equal(why.version, 'v1.3.0');
    assert.deepEqual(why.setBy.map((s) => s.by.path), [C]);
    assert.deepEqual(why.chains[0].map((m) => m.path), ['example.com/main', C, A]);
    assert.deepEqual(why.lower.map((l) => `${l.by.path} ${l.version}`).sort(), [`${B} v1.1.0`, `example.com/main v1.1.0`]);
    const pinned = await list(main + `replace ${A} => ${A} v1.1.0\n`, mods);
    assert.deepEqual(pinned.lines.slice(1, 2), [`${A} v1.3.0 => ${A} v1.1.0`]);
    const depReplace = await list(main, { ...mods, [`${C}@v1.0.0`]: mod(C, '1.17', [`${A} v1.3.0`], `replace ${A} => ${A} v1.1.0\n`) });
    assert.deepEqual(depReplace.lines, ['example.com/main', `${A} v1.3.0`, `${B} v1.0.0`, `${C} v1.0.0`]);
  });

  describe('pruning (oracles.md §1)', () => {
    const mods = (bGo: string) => ({
      [`${B}@v1.0.0`]: mod(B, bGo, [`${C} v1.0.0`]),
      [`${C}@v1.0.0`]: mod(C, '1.17', [`${D} v1.1.0`]),
      [`${D}@v1.0.0`]: mod(D, '1.17'), [`${D}@v1.1.0`]: mod(D, '1.17'),
    });
    const main = (go: string) => mod('example.com/main', go, [`${B} v1.0.0`, `${D} v1.0.0`]);
    it('a pruned root hides its dependencies\' requirements', async () => {
      const r = await list(main('1.17'), mods('1.17'));
      assert.deepEqual(r.lines, ['example.com/main', `${B} v1.0.0`, `${C} v1.0.0`, `${D} v1.0.0`]);
      assert.ok(!r.reads.includes(`${C}@v1.0.0`), 'c\'s go.mod is not read');
    });
    it('an unpruned main module reads everything', async () => {
      assert.deepEqual((await list(main('1.16'), mods('1.17'))).lines.slice(-1), [`${D} v1.1.0`]);
    });
    it('an unpruned dependency is expanded fully inside a pruned graph', async () => {
      assert.deepEqual((await list(main('1.17'), mods('1.16'))).lines.slice(-1), [`${D} v1.1.0`]);
    });
  });

  it('root sync: a raised root\'s requirements are loaded (-mod=mod)', async () => {
    const mods = {
      [`${A}@v1.1.0`]: mod(A, '1.17'), [`${A}@v1.3.0`]: mod(A, '1.17', [`${C} v1.5.0`]),
      [`${B}@v1.0.0`]: mod(B, '1.17', [`${A} v1.3.0`]), [`${C}@v1.5.0`]: mod(C, '1.17'),
    };
    const main = mod('example.com/main', '1.17', [`${A} v1.1.0`, `${B} v1.0.0`]);
    const synced = await list(main, mods);
    assert.deepEqual(synced.lines, ['example.com/main', `${A} v1.3.0`, `${B} v1.0.0`, `${C} v1.5.0`]);
    assert.deepEqual(synced.graph.slice(0, 2), [`example.com/main ${A}@v1.3.0`, `example.com/main ${B}@v1.0.0`]);
    const readonly = await list(main, mods, { mode: 'readonly' });
    assert.deepEqual(readonly.lines, ['example.com/main', `${A} v1.3.0`, `${B} v1.0.0`]);
  });

  it('exclude drops the edge; it does not move to the next version', async () => {
    const mods = {
      [`${B}@v1.0.0`]: mod(B, '1.17', [`${A} v1.3.0`]), [`${C}@v1.0.0`]: mod(C, '1.17', [`${A} v1.2.0`]),
      [`${A}@v1.2.0`]: mod(A, '1.17'), [`${A}@v1.3.0`]: mod(A, '1.17'), [`${A}@v1.4.0`]: mod(A, '1.17'),
    };
    const main = mod('example.com/main', '1.17', [`${B} v1.0.0`, `${C} v1.0.0`], `exclude ${A} v1.3.0\n`);
    assert.deepEqual((await list(main, mods)).lines, ['example.com/main', `${A} v1.2.0`, `${B} v1.0.0`, `${C} v1.0.0`]);
  });

  it('missing data is a result that names the module', async () => {
    const main = mod('example.com/main', '1.17', [`${B} v1.0.0`]);
    const r = await list(main, { [`${B}@v1.0.0`]: mod(B, '1.16', [`${C} v1.0.0`]) });
    assert.deepEqual(r.build.missing.map((m) => `${m.module.path}@${m.module.version}`), [`${C}@v1.0.0`]);
    assert.match(r.build.error ?? '', new RegExp(`^${B}@v1.0.0 requires\n\t${C}@v1.0.0: `));
  });

  it('replaced modules keep their identity; directory replacements read DIR/go.mod unchecked', async () => {
    const main = mod('example.com/main', '1.17', [`${B} v1.0.0`], `replace ${B} => ./b\n`);
    const r = await list(main, {}, { files: { '/w/main/b/go.mod': mod('whatever/else', '1.17', [`${C} v1.2.0`]) } });
    assert.deepEqual(r.lines, ['example.com/main', `${B} v1.0.0 => ./b`, `${C} v1.2.0`]);
  });

  it('a module version whose go.mod declares another path is an error', async () => {
    const main = mod('example.com/main', '1.17', [`${B} v1.0.0`]);
    const r = await list(main, { [`${B}@v1.0.0`]: mod('example.com/other', '1.17') });
    assert.equal(r.build.error, `${B}@v1.0.0: parsing go.mod:\n\tmodule declares its path as: example.com/other\n\t        but was required as: ${B}`);
  });

  it('workspace: upgraded dependencies of workspace modules are reloaded (work_prune)', async () => {
    const Q = 'example.com/q';
    const src = new FakeModules({
      [`${B}@v1.0.0`]: mod(B, '1.18', [`${Q} v1.1.0`]),
      [`${Q}@v1.0.0`]: mod(Q, '1.18'), [`${Q}@v1.1.0`]: mod(Q, '1.18', [`${D} v1.0.0`]), [`${D}@v1.0.0`]: mod(D, '1.18'),
    });
    const set = workSet('go 1.18\nuse ./a\nuse ./p\n', {
      '/w/a': mod(A, '1.18', [`${B} v1.0.0`]), '/w/p': mod('example.com/p', '1.18', [`${Q} v1.0.0`]),
    });
    const build = await computeBuild(set, { modules: src, files: new FakeFiles({}) }, { toolchain: '1.19', mode: 'readonly' });
    assert.deepEqual(listLines(listModules(build)), [A, 'example.com/p', `${B} v1.0.0`, `${D} v1.0.0`, `${Q} v1.1.0`]);
  });

  it('Go 1.21 semantics add the go pseudo-module to the graph', async () => {
    const mods = { [`${B}@v1.0.0`]: mod(B, '1.22') };
    const r = await list(mod('example.com/main', '1.21', [`${B} v1.0.0`]), mods, { toolchain: '1.23' });
    assert.deepEqual(r.lines, ['example.com/main', `${B} v1.0.0`]);
    // -mod=mod raises the go root to the highest go line of a loaded dependency
    for (const edge of ['example.com/main go@1.22', `${B}@v1.0.0 go@1.22`, 'go@1.22 toolchain@go1.22']) assert.ok(r.graph.includes(edge), edge);
    assert.equal(r.build.graph.selectedVersion('go'), '1.22');
  });
});

describe('keyed module versions', () => {
  it('carry their key hidden: a spread with another version, JSON and deep equality see path and version only', () => {
    const m = keyedModule(A, 'v1.0.0');
    assert.equal(keyOf(m), `${A}@v1.0.0`);
    const moved = { ...m, version: 'v1.2.0' };
    assert.equal(keyOf(moved), `${A}@v1.2.0`, 'a copy with another version is not keyed by the old one');
    assert.equal(JSON.stringify(m), JSON.stringify({ path: A, version: 'v1.0.0' }));
    assert.deepStrictEqual(m, { path: A, version: 'v1.0.0' });
    assert.throws(() => { (m as { key?: string }).key = 'x'; }, TypeError, 'the key cannot be overwritten');
  });
});

describe('ModGraph walks', () => {
  /**
   * a random graph: 60 paths × 3 versions, each loaded node requiring up to 6 others (cycles
   * allowed), with the order in which nodes first appeared (the graph's roots, then each recorded
   * list's targets as require was called; a second require of a node is ignored)
   */
  function randomGraph(seed: number): { g: ModGraph; order: string[] } {
    let x = seed >>> 0;
    const rnd = (n: number): number => { // mulberry32
      x = (x + 0x6d2b79f5) >>> 0;
      let t = Math.imul(x ^ (x >>> 15), 1 | x);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const key = (): ModuleKey => ({ path: `example.com/m${rnd(60)}`, version: `v1.${rnd(3)}.0` });
    const order: string[] = [];
    const saw = (m: ModuleKey): void => {
      if (!order.includes(keyOf(m))) order.push(keyOf(m));
    };
    const main = { path: 'example.com/main', version: '' };
    const g = new ModGraph([main]);
    saw(main);
    const recorded = new Set<string>();
    const record = (m: ModuleKey, reqs: ModuleKey[]): void => {
      g.require(m, reqs);
      if (recorded.has(keyOf(m))) return;
      recorded.add(keyOf(m));
      reqs.forEach(saw);
    };
    const roots = Array.from({ length: 1 + rnd(5) }, key);
    record(main, roots);
    const queue = [...roots];
    for (let i = 0; i < queue.length && i < 150; i++) {
      const reqs = Array.from({ length: 1 + rnd(6) }, key);
      record(queue[i], reqs);
      queue.push(...reqs);
    }
    return { g, order };
  }

  /** the breadth-first shortest chain to the node keyed k, walked afresh (the first parent found wins) */
  function referenceChain(g: ModGraph, k: string): string[] | undefined {
    const parent = new Map<string, string | undefined>();
    const queue: ModuleKey[] = [];
    for (const r of g.roots) if (!parent.has(keyOf(r))) { parent.set(keyOf(r), undefined); queue.push(r); }
    for (let i = 0; i < queue.length; i++) {
      for (const r of g.requiredBy(queue[i]) ?? []) if (!parent.has(keyOf(r))) { parent.set(keyOf(r), keyOf(queue[i])); queue.push(r); }
    }
    if (!parent.has(k)) return undefined;
    const chain = [k];
    for (let p = parent.get(k); p !== undefined; p = parent.get(p)) chain.push(p);
    return chain.reverse();
  }

  it('chainTo and findPath give the breadth-first shortest chain of every node, from one kept walk', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { g } = randomGraph(seed);
      const nodes = g.allNodes();
      assert.ok(nodes.length > 5);
      for (const m of nodes) {
        const k = keyOf(m);
        assert.deepEqual(g.chainTo(m)?.map(keyOf), referenceChain(g, k), `seed ${seed}: ${k}`);
        assert.deepEqual(g.findPath((y) => keyOf(y) === k)?.map(keyOf), referenceChain(g, k), `seed ${seed}: ${k}`);
      }
      assert.ok(nodes.some((m) => (referenceChain(g, keyOf(m))?.length ?? 0) > 3), 'some chains are long');
      assert.equal(g.chainTo({ path: 'example.com/absent', version: 'v1.0.0' }), undefined);
    }
  });

  it('chainTo sees a list recorded after its walk', () => {
    const main = { path: 'example.com/main', version: '' };
    const a = { path: 'example.com/a', version: 'v1.0.0' };
    const b = { path: 'example.com/b', version: 'v1.0.0' };
    const g = new ModGraph([main]);
    g.require(main, [a]);
    assert.equal(g.chainTo(b), undefined);
    g.require(a, [b]);
    assert.deepEqual(g.chainTo(b)?.map(keyOf), ['example.com/main@', 'example.com/a@v1.0.0', 'example.com/b@v1.0.0']);
  });

  it('allNodes lists each node once, in the order it first appeared', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { g, order } = randomGraph(seed);
      assert.deepEqual(g.allNodes().map(keyOf), order, `seed ${seed}`);
    }
  });
});
