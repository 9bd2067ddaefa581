// e2e/setup.sh runs under `npm run test:e2e`, whose npm exports its own configuration (npm_config_*)
// to the script. An inner npm run under Node 24 read it as its own: npm_config_user_agent kept saying
// node/v20 and code-server's postinstall refused to install on every machine without the e2e cache.
// e2e/npm-env.sh's clean_npm_env removes that configuration; here an inner npm, started after it
// under an environment that carries a planted outer configuration, must report its own user agent.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../oracle/env';

const planted = {
  npm_config_user_agent: 'npm/0.0.0 node/v1.2.3 linux x64 workspaces/false',
  npm_config_node_gyp: '/outer/npm/node_modules/node-gyp/bin/node-gyp.js',
  npm_node_execpath: '/outer/node',
  npm_lifecycle_event: 'test:e2e',
  npm_config_cache: '/kept/cache',
};

function innerEnv(clean: boolean): Record<string, string> {
  const script = `${clean ? `. '${join(repoRoot, 'e2e', 'npm-env.sh')}' && clean_npm_env && ` : ''}` +
    `env | grep '^npm_' | sort; echo "inner=$(npm exec --offline -c 'echo "$npm_config_user_agent"' 2>/dev/null)"`;
  const r = spawnSync('bash', ['-c', script], { env: { ...process.env, ...planted }, cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  return Object.fromEntries(r.stdout.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

describe('e2e/npm-env.sh: clean_npm_env', function () {
  this.timeout(120_000);

  it('without it, an inner npm inherits the outer npm user agent (the defect)', () => {
    assert.equal(innerEnv(false).inner, planted.npm_config_user_agent);
  });

  it("with it, an inner npm reports its own Node, and the user's cache setting is kept", () => {
    const env = innerEnv(true);
    assert.match(env.inner, new RegExp(`node/${process.version.replace(/\./g, '\\.')} `));
    for (const k of ['npm_config_user_agent', 'npm_config_node_gyp', 'npm_node_execpath', 'npm_lifecycle_event']) assert.equal(env[k], undefined, k);
    assert.equal(env.npm_config_cache, '/kept/cache');
  });
});
