import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskFileSource } from '../../src/node/fileSource';
import { resolveGoEnv } from '../../src/node/goEnv';
import { diskWorkspaceFs } from '../../src/node/workspace';
import { modelFolders } from '../../src/node/workspaceModel';
import { putFile } from '../support/files';

describe('workspace model: which main module set each go.mod belongs to', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'gml-model-'));
    const put = (p: string, text: string): void => putFile(join(root, p), text);
    put('ws/go.work', 'go 1.21\n\nuse (\n\t./a\n\t./b\n)\n');
    put('ws/a/go.mod', 'module example.com/a\n');
    put('ws/b/go.mod', 'module example.com/b\n');
    put('ws/c/go.mod', 'module example.com/c\n');
    put('solo/go.mod', 'module example.com/solo\n');
    put('solo/inner/go.mod', 'module example.com/solo/inner\n');
    put('solo/vendor/x/go.mod', 'module vendored\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('assigns workspace members, standalone and nested modules, and flags unlisted ones', async () => {
    const env = resolveGoEnv({ HOME: root, GOENV: 'off' });
    const model = await modelFolders([root], env, diskWorkspaceFs(), new DiskFileSource());
    const rel = (p?: string): string | undefined => p?.slice(root.length + 1);
    const byFile = Object.fromEntries(model.modules.map((m) => [rel(m.goMod), m.main ? rel(m.main.kind === 'workspace' ? m.main.workFile : m.main.modFile) : `problem: ${m.problem}`]));
    assert.deepEqual(byFile['ws/a/go.mod'], 'ws/go.work');
    assert.deepEqual(byFile['ws/b/go.mod'], 'ws/go.work');
    assert.match(byFile['ws/c/go.mod'] ?? '', /^problem: .*does not list this module/);
    assert.equal(byFile['solo/go.mod'], 'solo/go.mod');
    assert.equal(byFile['solo/inner/go.mod'], 'solo/inner/go.mod');
    assert.equal(byFile['solo/vendor/x/go.mod'], undefined, 'vendor/ is skipped');
    assert.deepEqual(model.workFiles.map(rel), ['ws/go.work']);
    assert.equal(model.mainSets.size, 3);
    const off = await modelFolders([root], resolveGoEnv({ HOME: root, GOENV: 'off', GOWORK: 'off' }), diskWorkspaceFs(), new DiskFileSource());
    assert.equal(off.modules.find((m) => m.goMod.endsWith('ws/c/go.mod'))?.main?.kind, 'module', 'GOWORK=off: every module is its own main module');
  });
});
