/**
 * Tier-2 tests (design.md): every scenario under test-fixtures/lsp driven through the real server
 * (node bin/go-mod-lens.js serve --stdio) over JSON-RPC, one test per scenario, checked against the
 * markers written in its files. See runner.ts for what is opened and compared.
 */
import * as assert from 'node:assert/strict';
import { discoverFixtures, fixturesRoot } from './fixture';
import { formatRun, runFixture } from './runner';

describe('LSP fixtures (real server over stdio)', function () {
  this.timeout(120000);
  const fixtures = discoverFixtures();
  if (fixtures.length === 0) it.skip(`no fixtures under ${fixturesRoot}`);
  for (const fx of fixtures) {
    if (fx.config.skip) {
      it.skip(`${fx.name} (skipped: ${fx.config.skip})`);
      continue;
    }
    it(fx.name, async () => {
      const run = await runFixture(fx);
      if (run.mismatches.length) assert.fail(formatRun(fx.name, run));
    });
  }
});
