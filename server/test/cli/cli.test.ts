/** The go-mod-lens command, run as users run it (node bin/go-mod-lens.js …). */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../oracle/env';

function cli(args: string[], cwd = repoRoot, env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin/go-mod-lens.js'), ...args], { cwd, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('go-mod-lens CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gml-cli-'));

  it('edit -json prints go mod edit -json output for ./go.mod by default (as Go 1.26 prints it)', () => {
    writeFileSync(join(dir, 'go.mod'), '// Deprecated: use b\nmodule example.com/a\n\ngo 1.22.1\n\ntoolchain go1.23.0\n\nrequire (\n\texample.com/x v1.2 // indirect\n)\n\nexclude example.com/x v1.0.0\n\nreplace example.com/x => ../x\n\nretract [v1.0.0, v1.1.0] // broken\n\ntool example.com/x/cmd/t\n');
    const r = cli(['edit', '-json'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, [
      '{', '\t"Module": {', '\t\t"Path": "example.com/a",', '\t\t"Deprecated": "use b"', '\t},', '\t"Go": "1.22.1",', '\t"Toolchain": "go1.23.0",',
      '\t"Require": [', '\t\t{', '\t\t\t"Path": "example.com/x",', '\t\t\t"Version": "v1.2.0",', '\t\t\t"Indirect": true', '\t\t}', '\t],',
      '\t"Exclude": [', '\t\t{', '\t\t\t"Path": "example.com/x",', '\t\t\t"Version": "v1.0.0"', '\t\t}', '\t],',
      '\t"Replace": [', '\t\t{', '\t\t\t"Old": {', '\t\t\t\t"Path": "example.com/x"', '\t\t\t},', '\t\t\t"New": {', '\t\t\t\t"Path": "../x"', '\t\t\t}', '\t\t}', '\t],',
      '\t"Retract": [', '\t\t{', '\t\t\t"Low": "v1.0.0",', '\t\t\t"High": "v1.1.0",', '\t\t\t"Rationale": "broken"', '\t\t}', '\t],',
      '\t"Tool": [', '\t\t{', '\t\t\t"Path": "example.com/x/cmd/t"', '\t\t}', '\t],', '\t"Ignore": null', '}', '',
    ].join('\n'));
  });

  it('edit -json -go=VERSION prints the fields that go command prints', () => {
    writeFileSync(join(dir, 'fields.mod'), 'module example.com/a\n\ngo 1.22\n\ntoolchain go1.23.0\n\ngodebug panicnil=1\n');
    const fields = (go: string): string[] => Object.keys(JSON.parse(cli(['edit', '-json', `-go=${go}`, join(dir, 'fields.mod')]).stdout) as object);
    assert.deepEqual(fields('1.19'), ['Module', 'Go', 'Require', 'Exclude', 'Replace', 'Retract']);
    assert.deepEqual(fields('1.21'), ['Module', 'Go', 'Toolchain', 'Require', 'Exclude', 'Replace', 'Retract']);
    assert.deepEqual(fields('1.24'), ['Module', 'Go', 'Toolchain', 'Require', 'Exclude', 'Replace', 'Retract', 'Tool']);
    assert.deepEqual(fields('1.26'), ['Module', 'Go', 'Toolchain', 'GoDebug', 'Require', 'Exclude', 'Replace', 'Retract', 'Tool', 'Ignore']);
  });

  it('ends quietly, with the status of SIGPIPE, when its reader goes away (list | head -1)', async () => {
    writeFileSync(join(dir, 'long.mod'), 'module example.com/m\n\n' + 'require example.com/x v1.0.0\n'.repeat(200_000));
    const child = spawn(process.execPath, [join(repoRoot, 'bin/go-mod-lens.js'), 'edit', '-json', join(dir, 'long.mod')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    child.stdout.once('data', () => child.stdout.destroy()); // read one chunk, then hang up like head
    const status = await new Promise<number | null>((done) => child.on('close', done));
    assert.equal(stderr, '');
    assert.equal(status, 141);
  });

  it('what-if prints the build-list change go get would make (the mission example), and -json the go.mod requirements', () => {
    const fx = join(repoRoot, 'test-fixtures/lsp/mvs-example');
    const env = { ...process.env, GOMODCACHE: join(fx, 'modcache'), GOPROXY: 'off', GOFLAGS: '', GOENV: 'off', GOWORK: 'off', GOMODLENS_CACHE_DIR: 'off' };
    const r = cli(['what-if', join(fx, 'ws'), 'example.com/a@v1.1.0'], repoRoot, env);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'downgraded example.com/a v1.3.0 => v1.1.0\nremoved example.com/c v1.0.0\n');
    const j = cli(['what-if', '-json', join(fx, 'ws'), 'example.com/c@none'], repoRoot, env);
    assert.equal(j.status, 0, j.stderr);
    const out = JSON.parse(j.stdout) as { Require: { Path: string; Version: string }[]; Changes: { Path: string; Kind: string }[] };
    // a stays where -mod=mod already put it (v1.3.0): dropping c lowers nothing
    assert.deepEqual(out.Require.map((q) => `${q.Path} ${q.Version}`), ['example.com/a v1.3.0', 'example.com/b v1.0.0']);
    assert.deepEqual(out.Changes.map((c) => `${c.Kind} ${c.Path}`), ['removed example.com/c']);
    const bad = cli(['what-if', join(fx, 'ws'), 'example.com/a'], repoRoot, env);
    assert.equal(bad.status, 2);
  });

  it('graph --html writes the view of an incomplete graph, with the missing go.mod marked', () => {
    const ws = join(repoRoot, 'test-fixtures/lsp/module-missing/ws');
    const out = join(dir, 'incomplete.html');
    const env = { ...process.env, GOMODCACHE: join(dir, 'empty-modcache'), GOPROXY: 'off', GOFLAGS: '', GOENV: 'off', GOWORK: 'off', GOMODLENS_CACHE_DIR: 'off' };
    const r = cli(['graph', '--html', out, ws], repoRoot, env);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /the graph is incomplete: 2 go\.mod file\(s\) are not in the module cache/);
    const html = readFileSync(out, 'utf8');
    for (const m of ['gone', 'present']) assert.match(html, new RegExp(`"id":"example\\.com/${m}@v1\\.0\\.0"[^}]*"missing":"module lookup disabled by GOPROXY=off"`));
    assert.match(html, /<meta http-equiv="Content-Security-Policy"/);
    const plain = cli(['graph', ws], repoRoot, env);
    assert.equal(plain.status, 1, 'graph without --html fails as go mod graph does');
  });

  it('edit -json recognises go.work by name', () => {
    const file = join(dir, 'go.work');
    writeFileSync(file, 'go 1.21\n\nuse (\n\t./a\n)\n');
    const r = cli(['edit', '-json', file]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '{\n\t"Go": "1.21",\n\t"Use": [\n\t\t{\n\t\t\t"DiskPath": "./a"\n\t\t}\n\t],\n\t"Replace": null\n}\n');
  });

  it('reports errors as FILE:LINE:COL: message with exit status 1', () => {
    const file = join(dir, 'bad.mod');
    writeFileSync(file, 'module x\nrequire (\n\ta v2.0.0\n)\nfoo\n');
    const r = cli(['edit', '-json', file]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `${file}:3:2: require a: version "v2.0.0" invalid: should be v0 or v1, not v2\n${file}:5: unknown directive: foo\n`);
  });

  it('edit -fmt rewrites the file; -print prints instead', () => {
    const file = join(dir, 'fmt.mod');
    const input = 'module   "m"\nrequire (\n\tb v1\n\ta v1.0.0\n)\n';
    writeFileSync(file, input);
    const p = cli(['edit', '-fmt', '-print', file]);
    assert.equal(p.status, 0);
    assert.equal(p.stdout, 'module m\n\nrequire (\n\ta v1.0.0\n\tb v1.0.0\n)\n');
    assert.equal(readFileSync(file, 'utf8'), input);
    assert.equal(cli(['edit', '-fmt', file]).status, 0);
    assert.equal(readFileSync(file, 'utf8'), p.stdout);
  });

  it('pseudo decodes a pseudo-version', () => {
    const r = cli(['pseudo', 'v1.2.4-0.20191109021931-daa7c04131f5']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '{"base": "v1.2.3", "time": "2019-11-09T02:19:31Z", "rev": "daa7c04131f5"}\n');
    const bad = cli(['pseudo', 'v1.2.3-20191109021931-daa7c04131f5']);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /pseudo-version "v1\.2\.3-20191109021931-daa7c04131f5" invalid: syntax error/);
    const time = cli(['pseudo', 'v0.0.0-20190229000000-daa7c04131f5']);
    assert.equal(time.status, 1);
    assert.match(time.stderr, /malformed time "20190229000000"/);
  });

  it('usage errors exit with 2', () => {
    assert.equal(cli([]).status, 2);
    assert.equal(cli(['frobnicate']).status, 2);
    assert.equal(cli(['edit']).status, 2);
    assert.equal(cli(['edit', '-json', '-print']).status, 2);
  });
});
