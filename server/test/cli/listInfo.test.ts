/**
 * `go-mod-lens list` and the `.info` each listed module needs (graph/moduleInfo.ts), run as users
 * run it, without a go command: the outputs below are Go 1.19's for the same files (the differential
 * test test/differential/listInfo.test.ts re-checks them against go where it is installed).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../oracle/env';
import { putFile as put } from '../support/files';


describe('go-mod-lens list: the .info of every listed module', () => {
  const root = mkdtempSync(join(tmpdir(), 'gml-cli-info-'));
  const proxy = join(root, 'proxy');
  const modcache = join(root, 'modcache');
  after(() => rmSync(root, { recursive: true, force: true }));

  function list(dir: string, goproxy: string, ...flags: string[]) {
    const env = {
      PATH: process.env.PATH, HOME: root, GOMODLENS_CACHE_DIR: 'off', GOENV: 'off', GOFLAGS: '-mod=mod', GOWORK: 'off',
      GOPROXY: goproxy, GOMODCACHE: modcache, GOSUMDB: 'off', GONOPROXY: '', GOPRIVATE: '', GOTOOLCHAIN: 'local',
    };
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin/go-mod-lens.js'), 'list', '-go=1.19', ...flags, dir], { cwd: dir, env, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  before(() => {
    // the brief's example: A (a directory) requires modules nobody has; their go.mod is never needed
    put(join(root, 'm1/go.mod'), 'module main-module\n\ngo 1.19\n\nrequire A v0.0.0\n\nreplace A => ./A\n');
    put(join(root, 'm1/A/go.mod'), 'module A\n\ngo 1.19\n\nrequire (\n\texample.com/c v0.0.0\n\texample.com/b v0.0.0\n\tB v0.0.0\n)\n');
    // a replacement by a version whose .info is nowhere, and a directory replacement
    put(join(root, 'm2/go.mod'), 'module example.com/main\n\ngo 1.19\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/d v1.0.0\n)\n\n' +
      'replace example.com/a => example.com/fork v1.0.0\n\nreplace example.com/d => ./d\n');
    put(join(root, 'm2/d/go.mod'), 'module example.com/d\n\ngo 1.19\n');
    put(join(modcache, 'cache/download/example.com/fork/@v/v1.0.0.mod'), 'module example.com/a\n\ngo 1.18\n');
    mkdirSync(proxy, { recursive: true });
  });

  it('fails as go list -m all does with GOPROXY=off: one line per module, in build-list order, nothing on stdout', () => {
    for (const flags of [[], ['-json']]) {
      const r = list(join(root, 'm1'), 'off', ...flags);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, 'go: malformed module path "B": missing dot in first path element\n' +
        'go: module lookup disabled by GOPROXY=off\ngo: module lookup disabled by GOPROXY=off\n');
      assert.equal(r.status, 1);
    }
  });

  it('names the missing file of a file:// proxy', () => {
    const url = pathToFileURL(proxy).href;
    const r = list(join(root, 'm1'), url);
    assert.equal(r.stderr, 'go: malformed module path "B": missing dot in first path element\n' +
      `go: example.com/b@v0.0.0: reading ${url}/example.com/b/@v/v0.0.0.info: no such file or directory\n` +
      `go: example.com/c@v0.0.0: reading ${url}/example.com/c/@v/v0.0.0.info: no such file or directory\n`);
    assert.equal(r.status, 1);
  });

  it('reports a replacement\'s failed query only as Replace.Error, and needs nothing for a directory', () => {
    const r = list(join(root, 'm2'), 'off');
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, 'example.com/main\nexample.com/a v1.0.0 => example.com/fork v1.0.0\nexample.com/d v1.0.0 => ./d\n');
    const j = list(join(root, 'm2'), 'off', '-json');
    assert.equal(j.status, 0, j.stderr);
    // the failed query leaves the rest to fill: the cached .mod and its go line (checked against go1.19.8 and go1.26.8)
    const gomod = join(modcache, 'cache/download/example.com/fork/@v/v1.0.0.mod');
    assert.ok(j.stdout.includes(`\t"Replace": {\n\t\t"Path": "example.com/fork",\n\t\t"Version": "v1.0.0",\n\t\t"GoMod": "${gomod}",\n\t\t"GoVersion": "1.18",\n` +
      `\t\t"Error": {\n\t\t\t"Err": "module lookup disabled by GOPROXY=off"\n\t\t}\n\t},\n\t"GoMod": "${gomod}",\n\t"GoVersion": "1.18"\n}\n`), j.stdout);
  });

  it('lists the version a cached .info names', () => {
    put(join(modcache, 'cache/download/example.com/fork/@v/v1.0.0.info'), '{"Version":"v1.0.1","Time":"2023-01-01T00:00:00Z"}');
    const r = list(join(root, 'm2'), 'off');
    assert.equal(r.stdout, 'example.com/main\nexample.com/a v1.0.0 => example.com/fork v1.0.1\nexample.com/d v1.0.0 => ./d\n');
    rmSync(join(modcache, 'cache/download/example.com/fork/@v/v1.0.0.info'));
  });
});
