/**
 * whatIf where no go command here can be the judge (the differential test against Go 1.19 is
 * server/test/differential/whatIf.test.ts): emulating Go ≥ 1.21, the `go` root takes part in the
 * edit, so asking for a version whose go.mod needs a newer language version raises the go line; a
 * workspace, the main module's own path and a non-version are refused with a message.
 */
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/edits/textEdit';
import { planGoGet } from '../../src/edits/goGetEdit';
import { changeLines, diffLists, reportedChanges, whatIf } from '../../src/graph/whatIf';
import { ListedModule } from '../../src/graph/listing';
import { allowedVersions } from '../../src/graph/whatIfCommon';
import { latestOf } from '../../src/analysis/buildRules';
import { FakeFiles, FakeModules, mainSet, mod, workSet } from './fake';

const A = 'example.com/a', B = 'example.com/b', MAIN = 'example.com/main';
const modules = new FakeModules({
  [`${A}@v1.0.0`]: mod(A, '1.21'),
  [`${A}@v1.1.0`]: mod(A, '1.22', [`${B} v1.0.0`]),
  [`${B}@v1.0.0`]: mod(B, '1.20'),
});
const io = { modules, files: new FakeFiles({}) };
const mainText = mod(MAIN, '1.21', [`${A} v1.0.0`]);

describe('whatIf beyond Go 1.19', () => {
  it('emulating Go 1.25, an upgrade whose go.mod says go 1.22 raises the go line, and the edit writes it', async () => {
    const r = await whatIf(mainSet(mainText, '1.25'), io, { toolchain: '1.25', mode: 'mod' }, { path: A, version: 'v1.1.0' });
    assert.ok(r.ok, r.ok ? '' : r.error);
    assert.deepEqual(r.goLine, { from: '1.21', to: '1.22' });
    // go get prints the go line first; b, selected through a and not required by go.mod, is not reported
    assert.deepEqual(changeLines(r), ['upgraded go 1.21 => 1.22', `upgraded ${A} v1.0.0 => v1.1.0`]);
    // pruned: the roots stay the paths that were roots (b is selected through a, not required here)
    assert.equal(applyEdits(mainText, planGoGet(mainText, r.requirements, r.goLine?.to)), `module ${MAIN}\ngo 1.22\nrequire ${A} v1.1.0\n`);
  });

  it('emulating Go 1.19, the same upgrade leaves the go line alone', async () => {
    const r = await whatIf(mainSet(mainText, '1.19'), io, { toolchain: '1.19', mode: 'mod' }, { path: A, version: 'v1.1.0' });
    assert.ok(r.ok, r.ok ? '' : r.error);
    assert.equal(r.goLine, undefined);
  });

  it('refuses a workspace, the main module itself and a version that is not one', async () => {
    const ws = await whatIf(workSet('go 1.21\nuse ./m\n', { m: mainText }), io, { toolchain: '1.21', mode: 'mod' }, { path: A, version: 'v1.1.0' });
    assert.match(ws.ok ? '' : ws.error, /workspace is not emulated/);
    const self = await whatIf(mainSet(mainText), io, { toolchain: '1.19', mode: 'mod' }, { path: MAIN, version: 'v1.0.0' });
    assert.match(self.ok ? '' : self.error, /main module/);
    const bad = await whatIf(mainSet(mainText), io, { toolchain: '1.19', mode: 'mod' }, { path: A, version: 'latest' });
    assert.match(bad.ok ? '' : bad.error, /not a semantic version/);
  });
});

describe('whatIf: the changes go get prints (modget reportChanges)', () => {
  const C = 'example.com/c';
  // the mission's world with a b v1.1.0: c v1.0.0 needs a v1.3.0, so MVS selects it over go.mod's a v1.1.0
  const world = {
    modules: new FakeModules({
      [`${A}@v1.1.0`]: mod(A, '1.19'), [`${A}@v1.3.0`]: mod(A, '1.19'),
      [`${B}@v1.0.0`]: mod(B, '1.19', [`${A} v1.1.0`]), [`${B}@v1.1.0`]: mod(B, '1.19', [`${A} v1.1.0`]),
      [`${C}@v1.0.0`]: mod(C, '1.19', [`${A} v1.3.0`]),
    }),
    files: new FakeFiles({}),
  };
  const mission = mod(MAIN, '1.19', [`${A} v1.1.0`, `${B} v1.0.0`, `${C} v1.0.0`]);
  for (const go of ['1.19', '1.26']) {
    it(`emulating Go ${go}, a requirement MVS had raised is reported against go.mod as written, though the build list moves only for the query`, async () => {
      const r = await whatIf(mainSet(mission, go), world, { toolchain: go, mode: 'mod' }, { path: B, version: 'v1.1.0' });
      assert.ok(r.ok, r.ok ? '' : r.error);
      assert.deepEqual(changeLines(r), [`upgraded ${A} v1.1.0 => v1.3.0`, `upgraded ${B} v1.0.0 => v1.1.0`]);
      assert.deepEqual(diffLists(r.before, r.after).map((c) => c.path), [B]);
      // a query that changes nothing still rewrites a v1.1.0, and says so
      const same = await whatIf(mainSet(mission, go), world, { toolchain: go, mode: 'mod' }, { path: C, version: 'v1.0.0' });
      assert.ok(same.ok, same.ok ? '' : same.error);
      assert.deepEqual(changeLines(same), [`upgraded ${A} v1.1.0 => v1.3.0`]);
      // @none of a module the build list does not hold prints nothing
      const none = await whatIf(mainSet(mod(MAIN, '1.19', [`${A} v1.3.0`]), go), world, { toolchain: go, mode: 'mod' }, { path: B, version: 'none' });
      assert.ok(none.ok, none.ok ? '' : none.error);
      assert.deepEqual(changeLines(none), []);
    });
  }

  it('orders go, toolchain, then paths; a module only the build list holds is not reported; a go line crossing 1.17 adds the note', () => {
    const listed = (ms: [string, string][]): ListedModule[] => [{ path: MAIN, version: '', main: true, indirect: false }, ...ms.map(([path, version]) => ({ path, version, main: false, indirect: true }))];
    const input = {
      modern: true, target: { path: C, version: 'v1.0.0' },
      before: listed([['go', '1.16'], [A, 'v1.0.0'], [B, 'v1.0.0']]), final: listed([['go', '1.21'], [A, 'v1.2.0'], [C, 'v1.0.0'], ['example.com/d', 'v1.0.0']]),
      oldRequire: [{ path: B, version: 'v1.0.0' }, { path: A, version: 'v1.0.0' }], newRequire: [{ path: A, version: 'v1.2.0' }, { path: C, version: 'v1.0.0' }],
      goLine: { from: '1.16', to: '1.21' }, toolchainLine: { from: 'go1.21.0', to: '' },
    };
    const r = { ok: true as const, target: input.target, before: [], after: [], requirements: [], changes: reportedChanges(input) };
    assert.deepEqual(changeLines(r), [
      'upgraded go 1.16 => 1.21', "\tnote: expanded dependencies to upgrade to go 1.17 or higher; run 'go mod tidy' to clean up",
      'removed toolchain go1.21.0', `upgraded ${A} v1.0.0 => v1.2.0`, `removed ${B} v1.0.0`, `added ${C} v1.0.0`,
    ]);
    // Go 1.19 reports modules only
    assert.deepEqual(reportedChanges({ ...input, modern: false }).map((c) => c.path), [A, B, C]);
    // an edit that changed nothing leaves go get with the build list it started from
    assert.deepEqual(reportedChanges({ ...input, final: input.before, newRequire: [] }).map((c) => `${c.kind} ${c.path}`), ['upgraded go', 'removed toolchain', `added ${C}`]);
  });
});

describe('whatIf: the versions a module may be lowered to', () => {
  it("are the proxy list's release and pre-release versions: a pseudo-version a proxy lists is not one (modfetch proxyRepo.Versions)", async () => {
    // proxy.golang.org lists github.com/Microsoft/hcsshim v0.8.7-0.20190325164909-8abdbb8205e4 between v0.8.6 and v0.8.7; go get lowers to v0.8.6
    const listing = { describe: () => 'list', goMod: () => ({ ok: false as const, kind: 'not-found' as const, message: 'none' }), versions: () => ({ ok: true as const, text: 'v0.8.6\nv0.8.7-0.20190325164909-8abdbb8205e4\nv0.8.7\n', origin: 'list' }) };
    const got = await allowedVersions(A, { modules: listing, files: new FakeFiles({}) }, mainSet(mainText), async () => ({ ok: false, message: 'no go.mod' }));
    assert.deepEqual(got, ['v0.8.6', 'v0.8.7']);
  });
});

describe('latestOf (go list -m -u)', () => {
  it('is the highest release, and +incompatible versions count only when the last compatible version has no go.mod of its own (whatever the requirement is)', () => {
    const versions = ['v1.5.4', 'v1.5.5', 'v3.0.0+incompatible', 'v4.1.2+incompatible', 'v1.6.0-rc.1'];
    assert.equal(latestOf(versions), 'v1.5.5'); // github.com/go-chi/chi: v1.5.5 has a go.mod (and is deprecated)
    assert.equal(latestOf(versions, (v) => v !== 'v1.6.0-rc.1'), 'v4.1.2+incompatible'); // the last compatible one, pre-releases included, decides

    assert.equal(latestOf(['v2.0.0+incompatible', 'v2.1.0+incompatible']), 'v2.1.0+incompatible');
    assert.equal(latestOf(['v1.0.0-rc.1', 'v0.9.0-beta']), 'v1.0.0-rc.1');
  });
});
