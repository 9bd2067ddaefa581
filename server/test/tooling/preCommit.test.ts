/**
 * The pre-commit hook (.pre-commit-hooks.yaml, issue 18) run by pre-commit itself: `pre-commit
 * try-repo` clones this repository (its committed files and tracked changes), builds the command on
 * first use (npm ci from the registry) and runs go-mod-lens check in a repository holding a go.mod —
 * failing the commit on a syntax error, passing once it is fixed. Skipped with one line when
 * pre-commit is not installed (.ci/run installs Debian's) or this is not a git checkout.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../oracle/env';
import { note } from '../support/notes';

describe('the pre-commit hook (.pre-commit-hooks.yaml)', function () {
  this.timeout(10 * 60 * 1000);
  let dir = '';
  before(function () {
    const why = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status !== 0 ? 'pre-commit is not installed'
      : !existsSync(join(repoRoot, '.git')) ? 'not a git checkout' : '';
    if (why) {
      note(`skipped: ${why}`);
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'gml-pre-commit-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stops a commit whose go.mod has an error, and lets the fixed one through', () => {
    const env = { ...process.env, PRE_COMMIT_HOME: join(dir, 'home'), GOMODCACHE: join(dir, 'modcache'), GOPROXY: 'off', GOFLAGS: '', GOWORK: 'off', GOMODLENS_CACHE_DIR: 'off', GIT_CONFIG_NOSYSTEM: '1' };
    const work = join(dir, 'work');
    const sh = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: work, env, encoding: 'utf8' });
    spawnSync('git', ['init', '-q', work], { env });
    writeFileSync(join(work, 'go.mod'), 'module example.com/pc\n\ngo 1.21\n\nrequir example.com/x v1.0.0\n');
    assert.equal(sh('git', ['add', 'go.mod']).status, 0);
    const bad = sh('pre-commit', ['try-repo', repoRoot, 'go-mod-lens-check', '--all-files']);
    assert.equal(bad.status, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout, /go-mod-lens check\.+Failed/);
    assert.match(bad.stdout, /^go\.mod:5:1: error syntax: unknown directive: requir$/m);
    writeFileSync(join(work, 'go.mod'), 'module example.com/pc\n\ngo 1.21\n');
    assert.equal(sh('git', ['add', 'go.mod']).status, 0);
    const good = sh('pre-commit', ['try-repo', repoRoot, 'go-mod-lens-check', '--all-files']);
    assert.equal(good.status, 0, good.stdout + good.stderr);
    assert.match(good.stdout, /go-mod-lens check\.+Passed/);
  });
});
