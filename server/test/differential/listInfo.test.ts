/**
 * Differential test of the `.info` queries of `go list -m all` (server/src/graph/moduleInfo.ts)
 * against the real go command (Debian's Go 1.19), beside the MVS harness (mvs.test.ts) and with its
 * machinery: each named scenario of oracle/modgraph/namedInfo.ts is materialized, go runs list,
 * list -json and graph against the file:// proxy (filling a module cache), some cached `.info` files
 * are rewritten, go replays against that cache (GOPROXY=off), and our CLI runs both ways.
 *
 * Unlike the MVS harness, which for failures only asks that we fail naming the same modules, this
 * compares exactly: exit status, stdout (-json projected to our fields) and stderr, with the
 * scenario's folders normalized ($SRC, $PROXY, $GOMODCACHE). It also checks that go still prints
 * the `go list -m all` output the scenario records.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeEachGo } from '../oracle/suites';
import { note } from '../support/notes';
import { cliHasList, expectedStdout, noCli, runOursAll } from '../oracle/modgraph/compare';
import { normalizedOutputs, scratchRoot } from '../oracle/modgraph/differential';
import { materialize, removeTree } from '../oracle/modgraph/materialize';
import { InfoScenario, ListExpectation, infoScenarios } from '../oracle/modgraph/namedInfo';
import { Outputs, Source, commands, runGoOracle } from '../oracle/modgraph/runGoOracle';
import { describeScenario, escapeModulePath } from '../oracle/modgraph/scenario';

/** editCachedInfo rewrites (or deletes, for null) `.info` files of a module cache. */
function editCachedInfo(modcache: string, edits: InfoScenario['cacheInfo']): void {
  for (const [key, text] of Object.entries(edits ?? {})) {
    const at = key.lastIndexOf('@');
    const file = join(modcache, 'cache', 'download', escapeModulePath(key.slice(0, at)), '@v', `${escapeModulePath(key.slice(at + 1))}.info`);
    if (text === null) rmSync(file, { force: true });
    else {
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, text);
    }
  }
}

/** exactDifferences lists every command whose status, stdout or stderr differs between go and us. */
function exactDifferences(source: Source, go: Outputs, ours: Outputs): string[] {
  const out: string[] = [];
  for (const cmd of commands) {
    const g = go[cmd];
    const o = ours[cmd];
    const want = { status: g.status, stdout: g.status === 0 ? expectedStdout(cmd, g.stdout) : g.stdout, stderr: g.stderr };
    for (const k of ['status', 'stdout', 'stderr'] as const) {
      if (want[k] !== o[k]) out.push(`${cmd} (${source}) ${k}:\n  go:   ${JSON.stringify(want[k])}\n  ours: ${JSON.stringify(o[k])}`);
    }
  }
  return out;
}

/** listOutput is the recorded form of a normalized `go list -m all` run. */
function listOutput(o: Outputs): ListExpectation {
  const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');
  return o.list.status === 0 ? { status: 0, stdout: lines(o.list.stdout) } : { status: o.list.status, stderr: lines(o.list.stderr) };
}

describeEachGo('differential: go list -m .info queries against the real go command', function (oracle) {
  this.timeout(10 * 60 * 1000);
  const scratch = scratchRoot(undefined, 'gml-info-diff-');
  after(() => { if (!process.env.GML_KEEP_SCRATCH) removeTree(scratch); });

  before(async function () {
    if (await cliHasList()) return;
    note(noCli);
    this.skip();
  });

  for (const n of infoScenarios) {
    it(`${n.name}: ${n.about}`, async () => {
      const root = scratchRoot(scratch);
      const m = materialize(n.scenario, root);
      const goProxy = await runGoOracle(oracle, m, 'proxy');
      editCachedInfo(goProxy.modcache, n.cacheInfo);
      const goCache = await runGoOracle(oracle, m, 'cache', goProxy.modcache);
      const empty = join(root, 'ours-modcache');
      mkdirSync(empty, { recursive: true });
      const go = { proxy: normalizedOutputs(goProxy.outputs, m, goProxy.modcache), cache: normalizedOutputs(goCache.outputs, m, goProxy.modcache) };
      const ours = {
        proxy: normalizedOutputs(await runOursAll(m, 'proxy', empty, oracle.emulate), m, empty),
        cache: normalizedOutputs(await runOursAll(m, 'cache', goProxy.modcache, oracle.emulate), m, goProxy.modcache),
      };
      assert.deepEqual({ proxy: listOutput(go.proxy), cache: listOutput(go.cache) }, n.list, 'the go oracle changed');
      const diffs = [...exactDifferences('proxy', go.proxy, ours.proxy), ...exactDifferences('cache', go.cache, ours.cache)];
      assert.ok(diffs.length === 0, `${n.name}: our output differs from go's\n${diffs.join('\n')}\n${describeScenario(n.scenario)}`);
      removeTree(root);
    });
  }
});
