// findMainModules (Go's go.work / go.mod lookup) and findGoModFiles (the workspace scanner), on temp
// trees and a fake file system; the last block asks the real go command (`go env GOMOD GOWORK`).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GoEnv, resolveGoEnv } from '../../src/node/goEnv';
import { WorkspaceFs, diskWorkspaceFs, findGoModFiles, findMainModules } from '../../src/node/workspace';
import { telemetryOff } from '../oracle/env';
import { describeEachGo } from '../oracle/suites';
import { putFile as put } from '../support/files';


function envOf(vars: Record<string, string>): GoEnv {
  return resolveGoEnv({ HOME: '/home/u', GOENV: 'off', ...vars }, undefined, { platform: 'linux' });
}

/** fakeFs is a WorkspaceFs over a set of file paths (directories are implied by them). */
function fakeFs(files: string[], dirs: string[] = []): WorkspaceFs {
  const all = new Set([...files, ...dirs]);
  return { exists: (p) => all.has(p) || files.some((f) => f.startsWith(p + '/')), isFile: (p) => files.includes(p) };
}

describe('node/workspace: findMainModules', () => {
  const fs = fakeFs(['/w/go.work', '/w/a/go.mod', '/w/a/b/c.txt', '/m/go.mod', '/r/go.work', '/r/src/cmd/go.mod', '/tmp/go.mod', '/gp/go.mod'], ['/w/a/go.mod/x', '/d/go.work']);
  const opts = { tempDir: '/tmp' };
  const cases: [string, string, Record<string, string>, unknown][] = [
    ['nearest go.work wins in auto mode', '/w/a/b', {}, { kind: 'workspace', workFile: '/w/go.work' }],
    ['GOWORK=auto is the same', '/w/a/b', { GOWORK: 'auto' }, { kind: 'workspace', workFile: '/w/go.work' }],
    ['GOWORK=off: the nearest go.mod', '/w/a/b', { GOWORK: 'off' }, { kind: 'module', modFile: '/w/a/go.mod' }],
    ['GOWORK relative', '/w', { GOWORK: 'go.work' }, { kind: 'none', reason: 'go: invalid GOWORK: not an absolute path' }],
    ['GOWORK absolute', '/m', { GOWORK: '/w/go.work' }, { kind: 'workspace', workFile: '/w/go.work' }],
    ['GOWORK missing', '/m', { GOWORK: '/nope/go.work' }, { kind: 'none', reason: 'go: reading go.work: open /nope/go.work: no such file or directory' }],
    ['GOWORK a directory', '/m', { GOWORK: '/d/go.work' }, { kind: 'none', reason: 'go: reading go.work: read /d/go.work: is a directory' }],
    ['no go.work: the module', '/m/x/y', {}, { kind: 'module', modFile: '/m/go.mod' }],
    ['the search never crosses into GOROOT', '/r/src/cmd', { GOROOT: '/r' }, { kind: 'module', modFile: '/r/src/cmd/go.mod' }],
    ['without GOROOT it would', '/r/src/cmd', {}, { kind: 'workspace', workFile: '/r/go.work' }],
    ['nothing found', '/x/y', {}, { kind: 'none', reason: "go: go.mod file not found in current directory or any parent directory; see 'go help modules'" }],
    ['nothing found, GO111MODULE=auto', '/x', { GO111MODULE: 'auto' }, { kind: 'none', reason: "go: go.mod file not found in current directory or any parent directory; see 'go help modules' (GO111MODULE=auto: GOPATH mode)" }],
    ['GO111MODULE=off', '/m', { GO111MODULE: 'off' }, { kind: 'none', reason: "go: modules disabled by GO111MODULE=off; see 'go help modules'" }],
    ['GO111MODULE unknown', '/m', { GO111MODULE: 'yes' }, { kind: 'none', reason: 'go: unknown environment setting GO111MODULE=yes' }],
    ['a go.mod in the temp root is ignored', '/tmp/x', {}, { kind: 'none', reason: 'go: warning: ignoring go.mod in system temp root /tmp' }],
    ['$GOPATH/go.mod is ignored', '/gp/src/x', { GOPATH: '/gp' }, { kind: 'none', reason: 'go: warning: ignoring go.mod in $GOPATH /gp' }],
  ];
  for (const [name, dir, vars, want] of cases) {
    it(name, () => assert.deepEqual(findMainModules(dir, envOf(vars), fs, opts), want));
  }

  it('skips a directory named go.mod on the real disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gml-ws-'));
    try {
      put(join(dir, 'go.mod'), 'module example.com/a\n');
      mkdirSync(join(dir, 'sub', 'go.mod'), { recursive: true });
      assert.deepEqual(findMainModules(join(dir, 'sub'), envOf({}), diskWorkspaceFs()), { kind: 'module', modFile: join(dir, 'go.mod') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('node/workspace: findGoModFiles', () => {
  let root = '';
  let outside = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'gml-scan-'));
    outside = mkdtempSync(join(tmpdir(), 'gml-scan-out-'));
    for (const f of ['go.mod', 'a/go.mod', 'b/c/go.mod', 'b/go.work', 'vendor/x/go.mod', 'testdata/go.mod', '.hidden/go.mod', 'node_modules/m/go.mod', 'a/x/y/z/go.mod']) {
      put(join(root, f), 'module x\n');
    }
    put(join(outside, 'lib/go.mod'), 'module lib\n');
    symlinkSync(root, join(root, 'b', 'loop'));
    symlinkSync(outside, join(root, 'ext'));
    symlinkSync('/', join(root, 'rootfs'));
    put(join(root, 'd/inner/go.mod'), 'module inner\n');
    symlinkSync(join(root, 'd'), join(root, 'alias')); // inside the folder: followed (once)
    symlinkSync(join(root, 'missing-target'), join(root, 'dangling'));
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('finds every go.mod, skipping vendor, testdata, node_modules, hidden dirs and symlink loops', async () => {
    const scan = await findGoModFiles(root);
    assert.deepEqual(scan.files, ['a/go.mod', 'a/x/y/z/go.mod', 'alias/inner/go.mod', 'b/c/go.mod', 'go.mod'].map((f) => join(root, f)));
    assert.equal(scan.truncated, false);
    assert.deepEqual(scan.errors, []);
  });

  it('stays inside the folder: links to directories outside it (ext, and rootfs → /) are not followed (issue 20)', async () => {
    const scan = await findGoModFiles(root);
    assert.ok(scan.files.every((f) => f.startsWith(root + '/') && !f.startsWith(join(root, 'ext')) && !f.startsWith(join(root, 'rootfs'))), scan.files.join('\n'));
    assert.ok(scan.visited < 40, `visited ${scan.visited} entries`);
    // a folder opened through a link is scanned (its real path is the root)
    symlinkSync(root, join(outside, 'via'));
    assert.deepEqual((await findGoModFiles(join(outside, 'via'))).files.length, scan.files.length);
  });

  it('collects other names on request and can leave symlinks alone', async () => {
    const scan = await findGoModFiles(root, { names: ['go.mod', 'go.work'], followSymlinks: false, skipDirs: ['a'] });
    assert.deepEqual(scan.files, ['b/c/go.mod', 'b/go.work', 'd/inner/go.mod', 'go.mod'].map((f) => join(root, f)));
  });

  it('stops after maxEntries and says so', async () => {
    const scan = await findGoModFiles(root, { maxEntries: 3 });
    assert.equal(scan.truncated, true);
    assert.equal(scan.visited, 3);
  });

  it('reports an unreadable root instead of throwing', async () => {
    const scan = await findGoModFiles(join(root, 'no-such-dir'));
    assert.deepEqual(scan.files, []);
    assert.equal(scan.errors.length, 1);
  });
});

describeEachGo('node/workspace: agrees with `go env GOMOD GOWORK` (oracle)', function (oracle) {
  let dir = '';
  before(function () {
    dir = telemetryOff(mkdtempSync(join(tmpdir(), 'gml-ws-go-')));
    put(join(dir, 'w/go.work'), 'go 1.18\n\nuse ./a\n');
    put(join(dir, 'w/a/go.mod'), 'module example.com/a\n\ngo 1.18\n');
    mkdirSync(join(dir, 'w/a/b/go.mod'), { recursive: true });
    put(join(dir, 'm/go.mod'), 'module example.com/m\n\ngo 1.18\n');
    mkdirSync(join(dir, 'm/deep/er'), { recursive: true });
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const cases: [string, Record<string, string>][] = [
    ['w/a/b/go.mod', {}], ['w/a/b/go.mod', { GOWORK: 'off' }], ['m/deep/er', {}], ['m', { GOWORK: 'auto' }], ['w', {}],
  ];
  for (const [sub, vars] of cases) {
    it(`${sub} ${JSON.stringify(vars)}`, () => {
      const cwd = join(dir, sub);
      const env = { PATH: process.env.PATH ?? '', HOME: dir, GOENV: 'off', GOTOOLCHAIN: 'local', GO111MODULE: 'on', GOCACHE: join(dir, 'gocache'), GOPATH: join(dir, 'gopath'), ...vars };
      const [gomod, gowork] = execFileSync(oracle.bin, ['env', 'GOMOD', 'GOWORK'], { cwd, env, encoding: 'utf8' }).split('\n');
      const ours = findMainModules(cwd, resolveGoEnv(env, undefined, { platform: 'linux' }), diskWorkspaceFs());
      if (gowork !== '' && gowork !== 'off') {
        assert.deepEqual(ours, { kind: 'workspace', workFile: gowork });
      } else if (gomod !== '' && gomod !== '/dev/null') {
        assert.deepEqual(ours, { kind: 'module', modFile: gomod });
      } else {
        assert.equal(ours.kind, 'none');
      }
    });
  }
});
