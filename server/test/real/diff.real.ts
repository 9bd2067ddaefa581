/**
 * npm run test:real (issue 18): `go-mod-lens diff` on real projects against the newest go command.
 * Each project's go.mod is changed the way dependency-update pull requests change it — one direct
 * requirement raised to the newest version the module cache lists, then up to six at once — and
 * the build-list delta diff reports must equal the difference of `go list -m all` before and after
 * (GOFLAGS=-mod=mod, the Go module proxy for what the cache lacks; diff with -network). Projects
 * whose go.mod replaces modules with directories are left out (the copies compared are go.mod and
 * go.sum alone). Without the proxy or a go command, one skipped line says so.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare as semverCompare, isValid, major, prerelease } from '../../src/module/semver';
import { isPseudoVersion } from '../../src/module/pseudo';
import { parseModFile } from '../../src/syntax/modfile';
import { GoOracle, repoRoot, runGo } from '../oracle/env';
import { escapeModulePath } from '../oracle/modgraph/scenario';
import { goDelta, listed, oursDelta } from '../support/listDelta';
import { Prepared, goEnvFor, modernSuite, prepare, realProjects } from './projects';

const PROJECTS = ['gin', 'echo', 'caddy', 'prometheus', 'containerd', 'argo-cd', 'nats-server', 'cobra'];

/** newest: the newest release the module cache lists for path above `current`, in its major version. */
function newest(modcache: string, path: string, current: string): string | undefined {
  const list = join(modcache, 'cache', 'download', escapeModulePath(path), '@v', 'list');
  if (!existsSync(list)) return undefined;
  const versions = readFileSync(list, 'utf8').split('\n').filter((v) => isValid(v) && prerelease(v) === '' && !isPseudoVersion(v) && major(v) === major(current) && !v.endsWith('+incompatible'));
  const best = versions.sort(semverCompare).at(-1);
  return best && semverCompare(best, current) > 0 ? best : undefined;
}

describe('diff against go list -m all before and after (issue 18)', function () {
  this.timeout(30 * 60 * 1000);
  const { oracle, cache, summary } = modernSuite((label) => `diff against ${label}, go list -m all before and after go mod edit -require`);

  for (const id of PROJECTS) {
    it(`${id}: the build-list delta of one and of several raised requirements`, async function () {
      const p = realProjects().find((x) => x.id === id);
      if (!p) this.skip();
      const prepared = await prepare(oracle as GoOracle, cache, p as NonNullable<typeof p>);
      assert.ok(!('error' in prepared), 'error' in prepared ? prepared.error : '');
      const r = prepared as Prepared;
      const text = readFileSync(join(r.dir, 'go.mod'), 'utf8');
      const mod = parseModFile(text, { name: 'go.mod' });
      if (r.workspace || mod.replace.some((x) => x.new.version === '')) {
        summary.push(`${id.padEnd(12)} left out: ${r.workspace ? 'a workspace' : 'directory replacements'}`);
        this.skip();
      }
      const env = { ...goEnvFor(cache, true), GOFLAGS: '-mod=mod -modcacherw', GOWORK: 'off' };
      const bumps = mod.require.filter((q) => !q.indirect).map((q) => ({ path: q.mod.path, version: newest(join(cache, 'modcache'), q.mod.path, q.mod.version) }))
        .filter((b): b is { path: string; version: string } => b.version !== undefined);
      if (bumps.length === 0) {
        summary.push(`${id.padEnd(12)} left out: no direct requirement has a newer version in the module cache`);
        this.skip();
      }
      const scratch = mkdtempSync(join(tmpdir(), 'gml-diff-real-'));
      try {
        for (const [label, chosen] of [['one', bumps.slice(0, 1)], ['several', bumps.slice(0, 6)]] as const) {
          if (label === 'several' && chosen.length < 2) continue;
          const sides = ['before', 'after'].map((s) => join(scratch, label, s));
          for (const dir of sides) {
            mkdirSync(dir, { recursive: true });
            for (const f of ['go.mod', 'go.sum']) if (existsSync(join(r.dir, f))) copyFileSync(join(r.dir, f), join(dir, f));
          }
          const edit = await runGo(oracle as GoOracle, ['mod', 'edit', ...chosen.map((b) => `-require=${b.path}@${b.version}`)], sides[1], env);
          assert.equal(edit.status, 0, edit.stderr);
          // ours first: go list -mod=mod rewrites go.mod and go.sum
          const t0 = performance.now();
          const ours = spawnSync(process.execPath, [join(repoRoot, 'bin/go-mod-lens.js'), 'diff', '--format', 'json', '-network', '-cache=off', `-go=${(oracle as GoOracle).version.replace(/^go/, '')}`, ...sides],
            { env: { ...process.env, ...env, GOVULNDB: '' }, encoding: 'utf8', maxBuffer: 1 << 28 });
          const ms = performance.now() - t0;
          const lists: Map<string, string>[] = [];
          const t1 = performance.now();
          let refused = '';
          for (const dir of sides) {
            const go = await runGo(oracle as GoOracle, ['list', '-m', 'all'], dir, env);
            if (go.status !== 0) refused ||= go.stderr.trim().split('\n')[0].replace(/^go: /, '');
            lists.push(listed(go.stdout));
          }
          const goMs = performance.now() - t1;
          if (refused) {
            // go cannot list a side: diff refuses it too, with go's reason
            assert.equal(ours.status, 1, `go: ${refused}; diff: ${ours.stdout}`);
            assert.ok(ours.stderr.includes(refused), `go: ${refused}\ndiff: ${ours.stderr}`);
            summary.push(`${id.padEnd(12)} ${label.padEnd(7)} ${chosen.length} raised: go refuses the result (${refused.slice(0, 90)}), and so does diff`);
            continue;
          }
          assert.equal(ours.status, 0, ours.stderr);
          const d = JSON.parse(ours.stdout) as { Changes: { Path: string; From?: string; To?: string; Kind: string; Direct: boolean }[] };
          const got = oursDelta(d.Changes);
          const want = goDelta(lists[0], lists[1]);
          assert.deepEqual(got, want, `${id} (${chosen.map((b) => `${b.path}@${b.version}`).join(' ')})`);
          summary.push(`${id.padEnd(12)} ${label.padEnd(7)} ${chosen.length} raised: ${String(want.length).padStart(3)} modules move (${d.Changes.filter((c) => !c.Direct).length} not named by the edit): identical; diff ${Math.round(ms)} ms, go list -m all ×2 ${Math.round(goMs)} ms`);
        }
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  }
});
