/** The go-mod-lens command, run as users run it (node bin/go-mod-lens.js …). */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    // a stays where -mod=mod already put it (v1.3.0): dropping c lowers nothing, but go get (1.19 and 1.26)
    // reports a against the v1.1.0 go.mod names: `go: upgraded example.com/a v1.1.0 => v1.3.0`
    assert.deepEqual(out.Require.map((q) => `${q.Path} ${q.Version}`), ['example.com/a v1.3.0', 'example.com/b v1.0.0']);
    assert.deepEqual(out.Changes.map((c) => `${c.Kind} ${c.Path}`), ['upgraded example.com/a', 'removed example.com/c']);
    const bad = cli(['what-if', join(fx, 'ws'), 'example.com/a'], repoRoot, env);
    assert.equal(bad.status, 2);
  });

  it('graph --html writes the view of an incomplete graph, with the missing go.mod marked', () => {
    const ws = join(repoRoot, 'test-fixtures/lsp/module-missing/ws');
    const out = join(dir, 'incomplete.html');
    const env = { ...process.env, GOMODCACHE: join(dir, 'empty-modcache'), GOPROXY: 'off', GOFLAGS: '', GOENV: 'off', GOWORK: 'off', GOMODLENS_CACHE_DIR: 'off' };
    const r = cli(['graph', '--html', out, ws], repoRoot, env);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^go-mod-lens: wrote \S+incomplete\.html; the graph is incomplete \(the view marks what is missing\): the go\.mod of example\.com\/\w+@v1\.0\.0, example\.com\/\w+@v1\.0\.0 are not in the module cache/);
    const html = readFileSync(out, 'utf8');
    for (const m of ['gone', 'present']) assert.match(html, new RegExp(`"id":"example\\.com/${m}@v1\\.0\\.0"[^}]*"missing":"module lookup disabled by GOPROXY=off"`));
    assert.match(html, /<meta http-equiv="Content-Security-Policy"/);
    const plain = cli(['graph', ws], repoRoot, env);
    assert.equal(plain.status, 1, 'graph without --html fails as go mod graph does');
  });

  it('graph --html marks vulnerable versions (-db) and retracted ones (the module cache) in the model', () => {
    const fxv = join(repoRoot, 'test-fixtures/lsp/vulnerable');
    const env = { ...process.env, GOMODCACHE: join(fxv, 'modcache'), GOPROXY: 'off', GOFLAGS: '-mod=mod', GOENV: 'off', GOWORK: 'off', GOMODLENS_CACHE_DIR: 'off', GOVULNDB: '' };
    const out = join(dir, 'vulnerable.html');
    const r = cli(['graph', '--html', out, '-db', join(fxv, 'vulndb'), join(fxv, 'ws')], repoRoot, env);
    assert.equal(r.status, 0, r.stderr);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /"id":"example\.com\/b@v1\.1\.0"[^}]*"vulnerable":\["GO-2099-0001: Crash on crafted input in example\.com\/b"\]/);
    const none = cli(['graph', '--html', out, join(fxv, 'ws')], repoRoot, env);
    assert.equal(none.status, 0, none.stderr);
    assert.doesNotMatch(readFileSync(out, 'utf8'), /"vulnerable":\[/, 'no database, no marks');
    const fxl = join(repoRoot, 'test-fixtures/lsp/module-lifecycle');
    const l = cli(['graph', '--html', out, join(fxl, 'ws')], repoRoot, { ...env, GOMODCACHE: join(fxl, 'modcache') });
    assert.equal(l.status, 0, l.stderr);
    assert.match(readFileSync(out, 'utf8'), /"id":"example\.com\/old@v1\.0\.0"[^}]*"retracted":"broken build on arm64"/);
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

  describe('rough edges a newcomer hits (issue 15)', () => {
    const fx = join(repoRoot, 'test-fixtures/lsp/mvs-example');
    const offline = { ...process.env, GOMODCACHE: join(fx, 'modcache'), GOPROXY: 'https://proxy.golang.org,direct', GOFLAGS: '', GOENV: 'off', GOWORK: 'off', GOMODLENS_CACHE_DIR: 'off' };
    /** a module needing example.com/a (in the fixture's module cache) and example.com/zzz (nowhere) */
    const partial = join(dir, 'partial');
    before(() => {
      mkdirSync(partial, { recursive: true });
      writeFileSync(join(partial, 'go.mod'), 'module example.com/partial\n\ngo 1.22\n\nrequire (\n\texample.com/a v1.1.0\n\texample.com/zzz v1.0.0\n)\n');
    });

    it('--version and version print the package version', () => {
      const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
      for (const a of ['--version', 'version', '-version']) {
        const r = cli([a], dir);
        assert.equal(r.status, 0, a);
        assert.equal(r.stdout, `go-mod-lens ${pkg.version}\n`, a);
      }
    });

    it('COMMAND -h / --help prints that command\'s usage on stdout with status 0', () => {
      for (const c of ['list', 'graph', 'why', 'what-if', 'pseudo', 'edit', 'serve']) {
        for (const h of ['--help', '-h']) {
          const r = cli([c, h], dir);
          assert.equal(r.status, 0, `${c} ${h}: ${r.stderr}`);
          assert.ok(r.stdout.startsWith(`usage: go-mod-lens ${c}`), `${c} ${h}: ${r.stdout}`);
          assert.equal(r.stderr, '');
        }
      }
      assert.match(cli(['list', '-h'], dir).stdout, /-cache=off/);
    });

    it('graph --html without OUT is a usage error; OUT or FILE naming a directory says so', () => {
      const noOut = cli(['graph', '--html'], join(fx, 'ws'), offline);
      assert.equal(noOut.status, 2);
      assert.equal(noOut.stdout, '');
      assert.match(noOut.stderr, /^usage: go-mod-lens graph/m);
      const d = cli(['graph', '--html', '.'], join(fx, 'ws'), offline);
      assert.equal(d.status, 1);
      assert.equal(d.stderr, 'go-mod-lens: . is a directory; graph --html writes one HTML file (e.g. graph --html module-graph.html)\n');
      const e = cli(['edit', '-json', '.'], join(fx, 'ws'));
      assert.equal(e.status, 1);
      assert.equal(e.stderr, 'go-mod-lens: . is a directory; edit reads a go.mod or go.work file (e.g. go.mod)\n');
    });

    it('edit on a go.sum refuses in one line instead of a line per checksum', () => {
      writeFileSync(join(dir, 'go.sum'), 'example.com/a v1.0.0 h1:x=\n'.repeat(500));
      const r = cli(['edit', '-json', 'go.sum'], dir);
      assert.equal(r.status, 1);
      assert.equal(r.stderr, 'go-mod-lens: go.sum is a checksum file; edit reads a go.mod or go.work file\n');
    });

    it('a DIR that does not exist (or is a file) is named as such', () => {
      const r = cli(['list', join(dir, 'no-such-dir')], dir, offline);
      assert.equal(r.status, 1);
      assert.equal(r.stderr, `go-mod-lens: directory ${join(dir, 'no-such-dir')} does not exist\n`);
      const f = cli(['graph', join(dir, 'go.sum')], dir, offline);
      assert.equal(f.status, 1);
      assert.match(f.stderr, /is not a directory/);
    });

    it('why of a module outside the build list writes to stderr, not stdout', () => {
      const r = cli(['why', 'example.com/nothere'], join(fx, 'ws'), offline);
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /example\.com\/nothere is not in the build list/);
    });

    it('missing go.mod files: advice in command-line terms (no editor settings), and why answers what is certain', () => {
      const l = cli(['list', partial], dir, offline);
      assert.equal(l.status, 1);
      assert.doesNotMatch(l.stderr, /goModLens|settings/);
      assert.match(l.stderr, /network access to the module proxy is off/);
      assert.match(l.stderr, /run go mod download in the module, or pass -network to let go-mod-lens ask GOPROXY/);
      const w = cli(['why', partial, 'example.com/a'], dir, offline);
      assert.equal(w.status, 1, 'incomplete: exit 1');
      assert.equal(w.stdout, '# example.com/a@v1.1.0 (or higher: the graph is incomplete)\nexample.com/partial -> example.com/a@v1.1.0\n');
      assert.match(w.stderr, /^go-mod-lens: INCOMPLETE: the chains above are certain, but the selected version may be higher: the go\.mod of example\.com\/zzz@v1\.0\.0 is not in the module cache/);
      const none = cli(['why', partial, 'example.com/zzz2'], dir, offline);
      assert.equal(none.status, 1);
      assert.equal(none.stdout, '');
      assert.match(none.stderr, /example\.com\/zzz2 is not in the part of the module graph that could be read/);
    });

    it('-cache=off writes nothing; without it the summary index goes where --help says', () => {
      const home = join(dir, 'home-cache');
      const env = { ...offline, HOME: home, XDG_CACHE_HOME: '', GOMODLENS_CACHE_DIR: undefined };
      const off = cli(['list', '-cache=off', join(fx, 'ws')], dir, env);
      assert.equal(off.status, 0, off.stderr);
      assert.equal(existsSync(join(home, '.cache', 'go-mod-lens')), false);
      const on = cli(['list', join(fx, 'ws')], dir, env);
      assert.equal(on.status, 0, on.stderr);
      assert.ok(readdirSync(join(home, '.cache', 'go-mod-lens', 'summaries')).some((f) => f.endsWith('.idx')));
    });

    it('graph --html of a graph with a replacement directory missing writes the view and exits 0, like any incomplete graph', () => {
      const ws = join(dir, 'dirgone');
      mkdirSync(ws, { recursive: true });
      writeFileSync(join(ws, 'go.mod'), 'module example.com/m\n\ngo 1.22\n\nrequire example.com/gone v1.0.0\n\nreplace example.com/gone => ./gone\n');
      const out = join(dir, 'dirgone.html');
      const r = cli(['graph', '--html', out, ws], dir, offline);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(existsSync(out));
      assert.match(r.stderr, /the graph is incomplete .*example\.com\/gone: reading gone\/go\.mod/);
    });
  });
});
