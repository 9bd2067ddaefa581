/**
 * whatIf where no go command here can be the judge (the differential test against Go 1.19 is
 * server/test/differential/whatIf.test.ts): emulating Go ≥ 1.21, the `go` root takes part in the
 * edit, so asking for a version whose go.mod needs a newer language version raises the go line; a
 * workspace, the main module's own path and a non-version are refused with a message.
 */
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/edits/textEdit';
import { planGoGet } from '../../src/edits/goGetEdit';
import { changeLines, whatIf } from '../../src/graph/whatIf';
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
    assert.deepEqual(changeLines(r), ['go line raised: go 1.21 => go 1.22', `upgraded ${A} v1.0.0 => v1.1.0`, `added ${B} v1.0.0`]);
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
