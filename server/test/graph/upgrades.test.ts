/**
 * go list -m -u's update, retraction and deprecation (graph/upgrades.ts) on hand-built proxies whose
 * answers are known; the same rules are checked against Go 1.26 on random worlds in
 * test/differential/listU.test.ts.
 */
import * as assert from 'node:assert/strict';
import { FetchResult, ModuleSource } from '../../src/graph/source';
import { UpgradeQueries } from '../../src/graph/upgrades';
import { mainSet, mod } from './fake';

/** a proxy: path → version → go.mod text (null: the go.mod go synthesizes); .info times are one day apart in version order */
function proxy(mods: Record<string, Record<string, string | null>>): ModuleSource {
  const missing = (what: string): FetchResult => ({ ok: false, kind: 'not-found', message: `${what}: not found` });
  return {
    goMod: (path, version) => {
      const t = mods[path]?.[version];
      return t === undefined ? missing(`${path}@${version}`) : { ok: true, text: t ?? `module ${path}\n`, origin: 'fake' };
    },
    info: (path, version) => {
      const vs = Object.keys(mods[path] ?? {});
      const i = vs.indexOf(version);
      return i < 0 ? missing(`${path}@${version}`) : { ok: true, text: JSON.stringify({ Version: version, Time: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().replace('.000Z', 'Z') }), origin: 'fake' };
    },
    versions: (path) => (mods[path] ? { ok: true, text: Object.keys(mods[path]).join('\n') + '\n', origin: 'fake' } : missing(path)),
    describe: () => 'fake proxy',
  };
}

const A = 'example.com/a';

async function lifecycle(mods: Record<string, Record<string, string | null>>, version: string, extra = '') {
  const q = new UpgradeQueries(proxy(mods), mainSet(mod('example.com/m', '1.21', [`${A} ${version}`], extra), '1.26'));
  return q.lifecycle(A, version);
}

describe('go list -m -u: updates, retractions, deprecations', () => {
  it('the newest release at or above the current version; pre-releases only when there is no release', async () => {
    assert.equal((await lifecycle({ [A]: { 'v1.0.0': mod(A, '1.17'), 'v1.2.0': mod(A, '1.17'), 'v1.3.0-rc.1': mod(A, '1.17') } }, 'v1.0.0')).update?.version, 'v1.2.0');
    assert.equal((await lifecycle({ [A]: { 'v1.3.0-rc.1': mod(A, '1.17'), 'v1.3.0-rc.2': mod(A, '1.17') } }, 'v1.3.0-rc.1')).update?.version, 'v1.3.0-rc.2');
    assert.equal((await lifecycle({ [A]: { 'v1.0.0': mod(A, '1.17'), 'v1.3.0-rc.1': mod(A, '1.17') } }, 'v1.3.0-rc.1')).update, undefined, 'never below the current version');
  });

  it('excluded and retracted versions are skipped; the current version is reported retracted with the rationale', async () => {
    const mods = { [A]: { 'v1.0.0': mod(A, '1.17'), 'v1.1.0': mod(A, '1.17'), 'v1.2.0': mod(A, '1.17', [], 'retract v1.2.0 // broken\nretract v1.0.0\n') } };
    const l = await lifecycle(mods, 'v1.0.0', `exclude ${A} v1.1.0\n`);
    assert.equal(l.update, undefined, 'v1.1.0 is excluded, v1.2.0 retracts itself');
    assert.deepEqual(l.retracted, ['retracted by module author']);
    assert.deepEqual((await lifecycle(mods, 'v1.0.0')).update?.version, 'v1.1.0');
  });

  it('+incompatible versions only when the last compatible version has no go.mod of its own', async () => {
    assert.equal((await lifecycle({ [A]: { 'v1.0.0': mod(A, '1.17'), 'v2.0.0+incompatible': null } }, 'v1.0.0')).update, undefined);
    assert.equal((await lifecycle({ [A]: { 'v1.0.0': null, 'v2.0.0+incompatible': null } }, 'v1.0.0')).update?.version, 'v2.0.0+incompatible');
  });

  it('a pseudo-version newer than the newest tag keeps itself; an older one is updated', async () => {
    const mods = { [A]: { 'v1.0.0': mod(A, '1.17') } }; // v1.0.0's .info says 2024-01-01
    assert.equal((await lifecycle(mods, 'v0.0.0-20250101000000-abcdefabcdef')).update, undefined, 'the tag is below the pseudo-version');
    assert.equal((await lifecycle(mods, 'v0.0.0-20230101000000-abcdefabcdef')).update?.version, 'v1.0.0');
  });

  it('deprecation from the latest version\'s go.mod; nothing for a module no proxy knows', async () => {
    assert.equal((await lifecycle({ [A]: { 'v1.0.0': mod(A, '1.17'), 'v1.1.0': `// Deprecated: use example.com/b.\n${mod(A, '1.17')}` } }, 'v1.0.0')).deprecated, 'use example.com/b.');
    assert.deepEqual(await lifecycle({}, 'v1.0.0'), {});
  });
});
