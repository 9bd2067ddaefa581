/**
 * The module graph view's health marks through the real server (issue 19): the goModLens/graph
 * model of the `vulnerable` fixture marks the module versions with known vulnerabilities (from the
 * fixture's vulnerability database, as the vulnerable diagnostic matches them), and that of
 * `module-lifecycle` the version its author retracted (from the module cache's latest go.mod).
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { GraphModel } from '../../src/graphView/model';
import { uriOf } from './client';
import { fixturesRoot, prepareFixture, readFixture, startFixtureServer } from './fixture';

describe('module graph view: vulnerable and retracted versions marked (issue 19)', function () {
  this.timeout(60_000);

  async function modelOf(name: string): Promise<GraphModel> {
    const p = prepareFixture(readFixture(join(fixturesRoot, name)));
    const c = await startFixtureServer(p, { pull: true });
    try {
      const file = join(p.folders[0], 'go.mod');
      await c.open(file);
      return (await c.request('goModLens/graph', { uri: uriOf(file) })) as GraphModel;
    } finally {
      await c.shutdown().catch(() => undefined);
      c.dispose();
      rmSync(p.root, { recursive: true, force: true });
    }
  }

  it('vulnerable: the versions built that an entry affects, with its id and summary', async () => {
    const m = await modelOf('vulnerable');
    const marked = Object.fromEntries(m.nodes.filter((n) => n.vulnerable).map((n) => [n.id, n.vulnerable]));
    assert.deepEqual(marked, {
      'example.com/b@v1.1.0': ['GO-2099-0001: Crash on crafted input in example.com/b'],
      'example.com/c@v1.0.0': ['GO-2099-0002: Unbounded allocation in example.com/c'],
      'example.com/d@v1.0.0': ['GO-2099-0005: Path traversal in example.com/d'],
    });
  });

  it('retracted: the version the latest go.mod retracts, with the rationale', async () => {
    const m = await modelOf('module-lifecycle');
    assert.deepEqual(m.nodes.filter((n) => n.retracted !== undefined).map((n) => [n.id, n.retracted]), [['example.com/old@v1.0.0', 'broken build on arm64']]);
  });
});
