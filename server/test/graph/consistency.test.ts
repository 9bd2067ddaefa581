import * as assert from 'node:assert/strict';
import { computeBuild } from '../../src/graph/buildList';
import { missingGoModSums, readonlyProblems } from '../../src/graph/consistency';
import { FakeFiles, FakeModules, mainSet, mod } from './fake';

const A = 'example.com/a', B = 'example.com/b', C = 'example.com/c';

async function readonly(mainText: string, mods: Record<string, string>, toolchain = '1.19') {
  return computeBuild(mainSet(mainText, toolchain), { modules: new FakeModules(mods), files: new FakeFiles({}) }, { toolchain, mode: 'readonly' });
}

describe('read-only consistency (semantics §3.6)', () => {
  const mods = {
    [`${A}@v1.1.0`]: mod(A, '1.17'), [`${A}@v1.3.0`]: mod(A, '1.17'),
    [`${B}@v1.0.0`]: mod(B, '1.17', [`${A} v1.3.0`]), [`${C}@v1.0.0`]: mod(C, '1.22'),
  };

  it('a consistent go.mod has no problems', async () => {
    const b = await readonly(mod('m', '1.17', [`${A} v1.3.0`, `${B} v1.0.0`]), mods);
    assert.deepEqual(readonlyProblems(b), []);
  });

  it('names each reason the go command would stop', async () => {
    const text = mod('m', '1.21', [`${A} v1.1.0`, `${B} v1.0.0`, `${B} v1.0.0`, `${C} v1.0`], `exclude ${A} v1.0.0\nrequire ${A} v1.0.0\n`);
    const b = await readonly(text, mods, '1.23');
    assert.deepEqual(readonlyProblems(b).map((p) => `${p.kind} ${p.module.path}@${p.module.version}${p.selected ? ' ' + p.selected : ''}`), [
      `root-below-selected ${A}@v1.1.0 v1.3.0`,
      `non-canonical-version ${C}@v1.0.0`,
      `excluded-root ${A}@v1.0.0`,
      'go-below-selected go@1.21 1.22',
    ]);
  });

  it('duplicate requirements with different versions', async () => {
    const b = await readonly(mod('m', '1.17', [`${A} v1.3.0`, `${A} v1.1.0`]), mods);
    assert.deepEqual(readonlyProblems(b).map((p) => p.kind), ['duplicate-root', 'root-below-selected']);
  });

  it('lists the /go.mod sums go.sum lacks, keyed by the replacement', async () => {
    const text = mod('m', '1.17', [`${B} v1.0.0`], `replace ${A} v1.3.0 => ${A} v1.1.0\n`);
    const b = await readonly(text, mods);
    const missing = missingGoModSums(b, new Set([`${B} v1.0.0/go.mod`]));
    assert.deepEqual(missing, []); // a v1.3.0 is only an edge target in a pruned graph: its go.mod is not read
    const unpruned = await readonly(mod('m', '1.16', [`${B} v1.0.0`], `replace ${A} v1.3.0 => ${A} v1.1.0\n`), mods);
    assert.deepEqual(missingGoModSums(unpruned, new Set([`${B} v1.0.0/go.mod`])).map((m) => `${m.module.version} -> ${m.actual.version}`), ['v1.3.0 -> v1.1.0']);
  });
});
