/**
 * npm run test:real (issue 17): `go-mod-lens list -u [-json]` against `go list -m -u [-json] all`
 * (the newest go command) on real projects, offline: GOPROXY is a file:// URL of the real-project
 * module cache's download directory, so both read the same `@v/list`, `.info` and `.mod` files.
 * Without the proxy or a go command, one skipped line says so.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GoOracle, repoRoot, runGo } from '../oracle/env';
import { Prepared, goEnvFor, modernSuite, prepare, realProjects } from './projects';

const PROJECTS = ['gin', 'echo', 'viper-old', 'nats-server', 'caddy', 'argo-cd', 'prometheus', 'containerd'];

describe('list -u against go list -m -u all (issue 17)', function () {
  this.timeout(30 * 60 * 1000);
  const { oracle, cache, summary } = modernSuite((label) => `list -u against ${label}, GOPROXY=file:// over the module cache`);

  for (const id of PROJECTS) {
    it(`${id}: the same text and JSON`, async function () {
      const p = realProjects().find((x) => x.id === id);
      if (!p) this.skip();
      const prepared = await prepare(oracle as GoOracle, cache, p as NonNullable<typeof p>);
      assert.ok(!('error' in prepared), 'error' in prepared ? prepared.error : '');
      const r = prepared as Prepared;
      const env = { ...goEnvFor(cache, false), GOPROXY: pathToFileURL(join(cache, 'modcache', 'cache', 'download')).href, GOFLAGS: '-mod=mod -modcacherw', GOWORK: 'off' };
      // go list -m -mod=mod may tidy go.mod and go.sum: run it on copies of both
      const keep = mkdtempSync(join(tmpdir(), 'gml-listu-real-'));
      const files = ['go.mod', 'go.sum'].filter((f) => existsSync(join(r.dir, f)));
      for (const f of files) copyFileSync(join(r.dir, f), join(keep, f));
      try {
        let updates = 0;
        for (const json of [false, true]) {
          const args = ['list', '-m', '-u', ...(json ? ['-json'] : []), 'all'];
          const go = await runGo(oracle as GoOracle, args, r.dir, env);
          for (const f of files) copyFileSync(join(keep, f), join(r.dir, f));
          const ours = spawnSync(process.execPath, [join(repoRoot, 'bin/go-mod-lens.js'), 'list', '-u', `-go=${(oracle as GoOracle).version.replace(/^go/, '')}`, '-cache=off', ...(json ? ['-json'] : []), r.dir], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
          if (!json) updates = (go.stdout.match(/ \[v/g) ?? []).length;
          assert.equal(ours.status, go.status, `exit status (${args.join(' ')}): ${ours.stderr}`);
          assert.equal(ours.stdout, go.stdout, `stdout of ${args.join(' ')}`);
          assert.equal(ours.stderr, go.stderr.replace(/\r/g, ''), `stderr of ${args.join(' ')}`);
          if (!json) summary.push(`${id.padEnd(12)} ${String(go.stdout.split('\n').length - 1).padStart(4)} modules, ${String(updates).padStart(4)} updates, ${(go.stdout.match(/\(retracted\)/g) ?? []).length} retracted, ${(go.stdout.match(/\(deprecated\)/g) ?? []).length} deprecated: identical (text and JSON)`);
        }
      } finally {
        for (const f of files) copyFileSync(join(keep, f), join(r.dir, f));
        rmSync(keep, { recursive: true, force: true });
      }
    });
  }
});
