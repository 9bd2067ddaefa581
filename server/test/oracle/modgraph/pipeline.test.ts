/**
 * End-to-end self-test of the differential pipeline with a go-backed fake CLI (fakeCli.ts): an
 * honest fake must agree with go everywhere (so the comparison, JSON projection and environment
 * are right), and a fake with a planted bug must be caught, shrunk to a small scenario, saved as a
 * regression and caught again when the regression is replayed.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { mapLimit } from '../env';
import { describeEachGo } from '../suites';
import { note } from '../../support/notes';
import { cliHasList, compareAll, runOursAll, useCliForTesting } from './compare';
import { checkScenario, normalizedOutputs, regressionOutputs, sameDifference, scratchRoot, signature } from './differential';
import { goBackedCli } from './fakeCli';
import { generateScenario, scenarioSeed } from './generate';
import { materialize, removeTree } from './materialize';
import { namedScenarios } from './named';
import { allSucceeded } from './runGoOracle';
import { Scenario, scenarioSize } from './scenario';
import { loadRegressions, saveRegression, shrinkScenario } from './shrink';

describeEachGo('MVS harness: the differential pipeline with a go-backed fake CLI', function (oracle) {
  this.timeout(10 * 60 * 1000);
  const scratch = scratchRoot(undefined, 'gml-mvs-pipe-');

  after(() => {
    useCliForTesting();
    removeTree(scratch);
  });

  it('an honest fake agrees with go on named and random scenarios, from the proxy and from the cache', async () => {
    useCliForTesting(goBackedCli(oracle));
    assert.equal(await cliHasList(), true);
    const scenarios: Scenario[] = [...namedScenarios.map((n) => n.scenario), ...Array.from({ length: 40 }, (_, i) => generateScenario(scenarioSeed(21, i)))];
    const checks = await mapLimit(scenarios, 2, async (s) => {
      const root = scratchRoot(scratch);
      const c = await checkScenario(oracle, s, root, { ours: true });
      removeTree(root);
      return c;
    });
    const failedByGo = checks.filter((c) => !allSucceeded(c.go.proxy.outputs)).length;
    note(`honest fake: ${checks.length} scenarios (${failedByGo} on which go fails), ${checks.filter((c) => c.differences.length > 0).length} with differences`);
    assert.deepEqual(checks.flatMap((c) => c.differences), []);
  });

  it('the runCli probe says `list` is missing while runCli answers "unknown command"', async () => {
    useCliForTesting((args, io) => {
      io.stderr(`go-mod-lens: unknown command ${JSON.stringify(args[0])}\nusage: …\n`);
      return 2;
    });
    assert.equal(await cliHasList(), false);
  });

  it('a planted bug (replacements not shown) is found, shrunk, saved and replayed', async () => {
    const bug = goBackedCli(oracle, (cmd, out) => (cmd === 'list' ? out.split('\n').map((l) => l.replace(/ => .*/, '')).join('\n') : out));
    useCliForTesting(bug);
    let found: { s: Scenario; wanted: string } | undefined;
    for (let i = 0; !found && i < 200; i++) {
      const s = generateScenario(scenarioSeed(31, i), { workspaceRate: 0, failureRate: 0 });
      const root = scratchRoot(scratch);
      const c = await checkScenario(oracle, s, root, { ours: true });
      removeTree(root);
      if (c.differences.length > 0) found = { s, wanted: signature(c.differences[0], c) };
    }
    assert.ok(found, 'the planted bug was never observed');
    assert.equal(found.wanted, 'list/proxy/go-ok');
    const shrunk = await shrinkScenario(found.s, sameDifference(oracle, found.wanted, join(scratch, 'shrink')));
    note(`planted bug: size ${scenarioSize(found.s)} → ${scenarioSize(shrunk.scenario)} in ${shrunk.evaluations} runs`);
    assert.ok(scenarioSize(shrunk.scenario) <= 4, JSON.stringify(shrunk.scenario));
    assert.equal(shrunk.scenario.main?.replaces?.length, 1);

    const final = await checkScenario(oracle, shrunk.scenario, scratchRoot(scratch), { ours: true, replayGo: true });
    const fixtures = join(scratch, 'fixtures');
    saveRegression('planted', shrunk.scenario, regressionOutputs(final, oracle.version, 'planted bug'), fixtures);
    const [saved] = loadRegressions(fixtures);
    const m = materialize(saved.scenario, scratchRoot(scratch));
    const emptyCache = join(m.root, 'empty-cache');
    assert.deepEqual(compareAll('proxy', saved.expected.proxy, normalizedOutputs(await runOursAll(m, 'proxy', emptyCache, oracle.emulate), m, emptyCache)).map((d) => d.cmd), ['list']);
    useCliForTesting(goBackedCli(oracle));
    assert.deepEqual(compareAll('proxy', saved.expected.proxy, normalizedOutputs(await runOursAll(m, 'proxy', emptyCache, oracle.emulate), m, emptyCache)), []);
  });
});
