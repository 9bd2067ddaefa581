/**
 * A git repository whose go.mod changes the way a dependency-update pull request changes it, over
 * a file:// GOPROXY the helper writes (no network, no go command): the mission's world — b v1.0.0
 * requires a v1.1.0, c requires a v1.3.0, b v1.1.0 also requires x v1.2.0. Commit one requires b
 * v1.0.0 (and a tools/ module requires c); commit two raises b to v1.1.0, adds c and the go line 1.22.
 * Used by the diff command's tests and the GitHub Action's.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { putFile } from './files';

export interface UpdateWorld {
  repo: string;
  /** the environment the go-mod-lens commands (and git) run in */
  env: Record<string, string | undefined>;
  /** runs git in the repository (committer set, signing off) and returns its stdout */
  git(...args: string[]): string;
  goMod(requires: string[], go?: string): string;
}

export function makeUpdateWorld(root: string): UpdateWorld {
  const repo = join(root, 'repo');
  const env = {
    PATH: process.env.PATH, HOME: root, GOPROXY: `file://${join(root, 'proxy')}`, GOMODCACHE: join(root, 'modcache'), GOFLAGS: '-mod=mod',
    GOENV: 'off', GOWORK: 'off', GOTOOLCHAIN: 'local', GOMODLENS_CACHE_DIR: 'off', GOVULNDB: '', GIT_CONFIG_NOSYSTEM: '1',
  };
  const git = (...args: string[]): string => {
    const r = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  };
  const mod = (path: string, version: string, body = ''): void => {
    putFile(join(root, 'proxy', path, '@v', `${version}.mod`), `module ${path}\n\ngo 1.21\n${body}`);
    putFile(join(root, 'proxy', path, '@v', `${version}.info`), JSON.stringify({ Version: version, Time: '2024-01-01T00:00:00Z' }));
  };
  const goMod = (requires: string[], go = '1.21'): string => `module example.com/app\n\ngo ${go}\n\nrequire (\n${requires.map((r) => `\t${r}\n`).join('')})\n`;
  mod('example.com/a', 'v1.1.0');
  mod('example.com/a', 'v1.3.0');
  mod('example.com/b', 'v1.0.0', 'require example.com/a v1.1.0\n');
  mod('example.com/b', 'v1.1.0', 'require (\n\texample.com/a v1.1.0\n\texample.com/x v1.2.0\n)\n');
  mod('example.com/c', 'v1.0.0', 'require example.com/a v1.3.0\n');
  mod('example.com/x', 'v1.2.0');
  mkdirSync(repo, { recursive: true });
  git('init', '-q', '-b', 'main');
  putFile(join(repo, 'go.mod'), goMod(['example.com/b v1.0.0']));
  putFile(join(repo, 'tools/go.mod'), 'module example.com/app/tools\n\ngo 1.21\n\nrequire example.com/c v1.0.0\n');
  git('add', '.');
  git('commit', '-qm', 'one');
  putFile(join(repo, 'go.mod'), goMod(['example.com/b v1.1.0', 'example.com/c v1.0.0'], '1.22'));
  git('commit', '-qam', 'two');
  return { repo, env, git, goMod };
}
