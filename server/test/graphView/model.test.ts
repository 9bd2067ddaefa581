/**
 * graphModel on hand-built graphs whose answer is known: selected and lost versions, pruned edges,
 * a replacement, a missing go.mod, and the chains of why.ts; then, on random graphs, the edges are
 * exactly `go mod graph`'s (graphLines, tested differentially against the go command) and the
 * chains exactly explainSelection's.
 */
import * as assert from 'node:assert/strict';
import { computeBuild } from '../../src/graph/buildList';
import { graphModel } from '../../src/graphView/fromBuild';
import { chainsOf } from '../../src/graphView/model';
import { graphLines } from '../../src/graph/listing';
import { showModule } from '../../src/graph/mvs';
import { explainSelection } from '../../src/graph/why';
import { Rng } from '../fuzz/mutate';
import { FakeFiles, FakeModules, mainSet, mod } from '../graph/fake';

const A = 'example.com/a', B = 'example.com/b', C = 'example.com/c', D = 'example.com/d', E = 'example.com/e', MAIN = 'example.com/main';

async function handBuilt() {
  const mods = {
    [`${B}@v1.0.0`]: mod(B, '1.17', [`${A} v1.1.0`, `${D} v1.0.0`]),
    [`example.com/c2@v1.0.0`]: mod('example.com/c2', '1.17', [`${A} v1.3.0`]),
    [`${A}@v1.1.0`]: mod(A, '1.17'), [`${A}@v1.3.0`]: mod(A, '1.17'),
    [`${D}@v1.0.0`]: mod(D, '1.17'),
    // E@v1.0.0 is not there: its go.mod is missing
  };
  const main = mod(MAIN, '1.17', [`${A} v1.1.0`, `${B} v1.0.0`, `${C} v1.0.0`, `${E} v1.0.0`], `replace ${C} => example.com/c2 v1.0.0\n`);
  return computeBuild(mainSet(main), { modules: new FakeModules(mods), files: new FakeFiles({}) }, { toolchain: '1.19', mode: 'readonly' });
}

describe('graph view: the model of the module graph view', () => {
  it('marks selected, lost, pruned, replaced and missing modules as the build has them', async () => {
    const m = graphModel(await handBuilt());
    assert.deepEqual(m.main, [MAIN]);
    assert.deepEqual(m.nodes, [
      { id: MAIN, path: MAIN, version: '', main: true, selected: true, loaded: true },
      { id: `${A}@v1.1.0`, path: A, version: 'v1.1.0', main: false, selected: false, loaded: true },
      { id: `${B}@v1.0.0`, path: B, version: 'v1.0.0', main: false, selected: true, loaded: true },
      { id: `${C}@v1.0.0`, path: C, version: 'v1.0.0', main: false, selected: true, loaded: true, replacement: 'example.com/c2 v1.0.0' },
      { id: `${E}@v1.0.0`, path: E, version: 'v1.0.0', main: false, selected: true, loaded: false, missing: m.nodes[4].missing },
      { id: `${D}@v1.0.0`, path: D, version: 'v1.0.0', main: false, selected: true, loaded: false },
      { id: `${A}@v1.3.0`, path: A, version: 'v1.3.0', main: false, selected: true, loaded: false },
    ]);
    assert.match(m.nodes[4].missing ?? '', /not found/);
    assert.deepEqual(m.edges, [
      { from: MAIN, to: `${A}@v1.1.0`, pruned: false },
      { from: MAIN, to: `${B}@v1.0.0`, pruned: false },
      { from: MAIN, to: `${C}@v1.0.0`, pruned: false },
      { from: MAIN, to: `${E}@v1.0.0`, pruned: false }, // not pruned: its go.mod was wanted and is missing
      { from: `${B}@v1.0.0`, to: `${A}@v1.1.0`, pruned: false },
      { from: `${B}@v1.0.0`, to: `${D}@v1.0.0`, pruned: true }, // go 1.17 pruning: B's dependencies are not followed
      { from: `${C}@v1.0.0`, to: `${A}@v1.3.0`, pruned: true },
    ]);
    assert.match(m.incomplete ?? '', /^incomplete: 1 go\.mod file\(s\) not available \(example\.com\/e@v1\.0\.0\)/);
  });

  it('gives the chains that set a selected version and the lower requirements that lost', async () => {
    const m = graphModel(await handBuilt());
    assert.deepEqual(m.why[`${A}@v1.3.0`], {
      via: [`${C}@v1.0.0`],
      lower: [{ by: MAIN, version: 'v1.1.0' }, { by: `${B}@v1.0.0`, version: 'v1.1.0' }],
    });
    assert.deepEqual(chainsOf(m, `${A}@v1.3.0`), [[MAIN, `${C}@v1.0.0`, `${A}@v1.3.0`]]);
    assert.deepEqual(m.why[`${D}@v1.0.0`], { via: [`${B}@v1.0.0`], lower: [] });
    assert.deepEqual(chainsOf(m, `${D}@v1.0.0`), [[MAIN, `${B}@v1.0.0`, `${D}@v1.0.0`]]);
    assert.equal(m.why[`${A}@v1.1.0`], undefined, 'no provenance for a version that lost');
    assert.equal(m.why[MAIN], undefined, 'no provenance for the main module');
  });

  it('on random graphs: edges are go mod graph\'s lines, chains are explainSelection\'s', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const build = await randomBuild(new Rng(seed), 30);
      const m = graphModel(build);
      assert.deepEqual(m.edges.map((e) => `${e.from} ${e.to}`), graphLines(build), `seed ${seed}`);
      assert.equal(new Set(m.nodes.map((n) => n.id)).size, m.nodes.length, 'each node once');
      for (const n of m.nodes.filter((x) => x.selected && !x.main)) {
        const s = explainSelection(build, n.path);
        assert.deepEqual(chainsOf(m, n.id), s.chains.map((c) => c.map(showModule)), `seed ${seed} ${n.id}`);
      }
      const selectedPaths = new Set(m.nodes.filter((n) => n.selected).map((n) => n.path));
      assert.equal(selectedPaths.size, m.nodes.filter((n) => n.selected).length, 'one selected version per path');
    }
  });
});

/** randomBuild: n paths, 1–3 versions each, requirements only towards higher indexes, random go lines (pruned and unpruned). */
async function randomBuild(rng: Rng, n: number) {
  const p = (i: number) => `example.com/r${i}`;
  const versions = (i: number) => Array.from({ length: 1 + (i % 3) }, (_, k) => `v1.${k}.0`);
  const reqs = (i: number) => {
    const out = new Set<string>();
    for (let k = 0; k < (i + 1 < n ? 1 + rng.int(3) : 0); k++) {
      const j = i + 1 + rng.int(n - i - 1);
      out.add(`${p(j)} ${rng.pick(versions(j))}`);
    }
    return [...out];
  };
  const mods: Record<string, string> = {};
  for (let i = 1; i < n; i++) for (const v of versions(i)) mods[`${p(i)}@${v}`] = mod(p(i), rng.pick(['1.16', '1.17']), reqs(i));
  const main = mod(MAIN, rng.pick(['1.16', '1.17']), reqs(0));
  return computeBuild(mainSet(main), { modules: new FakeModules(mods), files: new FakeFiles({}) }, { toolchain: '1.19', mode: 'readonly' });
}
