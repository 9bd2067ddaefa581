// The two packages users install (issue 15): the npm package (the go-mod-lens command, installed
// with npm install -g, run from any directory) and the .vsix (its page is the README: every link
// and image in it must be inside the package).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../oracle/env';
import { note } from '../support/notes';
import { LspClient } from '../lsp/client';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** cleanEnv: this environment without the npm_* variables an outer `npm test` sets (an inner npm must not inherit them) */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv()): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 180_000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

/** the files of the npm package, as npm pack would put them in the tarball */
function packedFiles(): string[] {
  const r = run(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], repoRoot);
  assert.equal(r.status, 0, r.stderr);
  const [info] = JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>;
  return info.files.map((f) => f.path).sort();
}

describe('the npm package: go-mod-lens installed as users install it', function () {
  this.timeout(240_000);
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    name: string; version: string; private?: boolean; bin: Record<string, string>; engines: Record<string, string>;
    dependencies?: Record<string, string>; files: string[];
  };

  before(function () {
    if (!existsSync(join(repoRoot, 'dist', 'cli.js'))) {
      note('skipped: dist/cli.js is not built; run npm run build');
      this.skip();
    }
  });

  it('is publishable: a bin, the Node version it needs, no runtime dependencies (the program is bundled)', () => {
    assert.notEqual(manifest.private, true);
    assert.deepEqual(manifest.bin, { 'go-mod-lens': 'bin/go-mod-lens.js' });
    assert.match(manifest.engines.node, /^>=20\.19/);
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), [], 'everything the CLI and server need is in dist/');
  });

  it('holds the bundled program and the user documents, no sources, tests, maps or fixtures', () => {
    assert.deepEqual(packedFiles(), [
      'CHANGELOG.md', 'LICENSE', 'README.md', 'bin/go-mod-lens.js', 'dist/cli.js', 'dist/server.js',
      'dist/tree-sitter-go.wasm', 'dist/tree-sitter.wasm', 'dist/webview/graphView.css', 'dist/webview/graphView.js', 'package.json',
    ]);
  });

  it('installs with npm install -g (no network), and the command runs from a Go project directory: version, list, why, serve', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'gml-pkg-'));
    try {
      const env = { ...cleanEnv(), npm_config_cache: join(tmp, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
      const packed = run(npm, ['pack', '--ignore-scripts', '--pack-destination', tmp], repoRoot, env);
      assert.equal(packed.status, 0, packed.stderr);
      const tarball = join(tmp, `${manifest.name}-${manifest.version}.tgz`);
      const prefix = join(tmp, 'prefix');
      const installed = run(npm, ['install', '-g', '--offline', '--prefix', prefix, tarball], tmp, env);
      assert.equal(installed.status, 0, installed.stderr);
      const bin = join(prefix, 'bin', 'go-mod-lens');
      assert.ok(existsSync(bin), `${bin} after npm install -g`);

      // a Go project elsewhere: the mvs example with its module cache, as after go mod download
      const project = join(tmp, 'project');
      cpSync(join(repoRoot, 'test-fixtures', 'lsp', 'mvs-example'), project, { recursive: true });
      const ws = join(project, 'ws');
      const goEnv = { PATH: `${join(prefix, 'bin')}:${process.env.PATH ?? ''}`, HOME: tmp, GOMODCACHE: join(project, 'modcache'), GOPROXY: 'off', GOFLAGS: '', GOENV: 'off', GOWORK: 'off', GOMODLENS_CACHE_DIR: 'off' };
      const version = run(bin, ['--version'], ws, goEnv);
      assert.equal(version.stdout, `go-mod-lens ${manifest.version}\n`, version.stderr);
      const list = run(bin, ['list'], ws, goEnv);
      assert.equal(list.stdout, 'example.com/main\nexample.com/a v1.3.0\nexample.com/b v1.0.0\nexample.com/c v1.0.0\n', list.stderr);
      const why = run(bin, ['why', 'example.com/a'], ws, goEnv);
      assert.match(why.stdout, /^# example\.com\/a@v1\.3\.0\nexample\.com\/main -> example\.com\/c@v1\.0\.0 -> example\.com\/a@v1\.3\.0\n/);

      // the language server as an editor starts it: the installed command, nothing from this checkout
      const client = await LspClient.start({ command: bin, args: ['serve', '--stdio'], cwd: ws, env: goEnv, folders: [ws], pullDiagnostics: true });
      try {
        const diags = await client.pullDiagnostics(join(ws, 'go.mod'));
        assert.ok(diags.some((d) => d.code === 'not-tidy'), JSON.stringify(diags));
      } finally {
        await client.shutdown().catch(() => client.dispose());
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('the .vsix: its page (README.md) links only to what it packages', function () {
  this.timeout(120_000);

  it('vsce packages it (no conflicting file lists), and every relative link and image of README.md is a file it packages', () => {
    const vsce = join(repoRoot, 'node_modules', '.bin', 'vsce');
    const tmp = mkdtempSync(join(tmpdir(), 'gml-vsix-'));
    try {
      const p = run(vsce, ['package', '--no-dependencies', '--no-rewrite-relative-links', '-o', join(tmp, 'x.vsix')], repoRoot);
      assert.equal(p.status, 0, p.stdout + p.stderr);
      assert.ok(existsSync(join(tmp, 'x.vsix')));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    const r = run(vsce, ['ls', '--no-dependencies'], repoRoot);
    assert.equal(r.status, 0, r.stderr);
    const packaged = new Set(r.stdout.split('\n').map((l) => l.trim()).filter((l) => l !== ''));
    assert.ok(packaged.has('README.md') && packaged.has('CHANGELOG.md') && packaged.has('LICENSE'), [...packaged].join(', '));
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/i.test(t) && !t.startsWith('#'));
    const images = targets.filter((t) => /\.(png|svg|gif|jpe?g)$/i.test(t));
    assert.ok(images.length >= 3, `README shows screenshots: ${targets.join(', ')}`);
    // a link to a developer document is fine on GitHub but dead in the extension page: only packaged files
    const dead = targets.filter((t) => !packaged.has(t.replace(/^\.\//, '').split('#')[0]));
    assert.deepEqual(dead, [], `README.md links to files the .vsix does not hold: ${dead.join(', ')}`);
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { icon?: string };
    assert.ok(manifest.icon && packaged.has(manifest.icon), `the icon ${manifest.icon} is packaged`);
  });
});
