/**
 * Self-tests of the MVS differential harness; they need the go command but not our CLI: the named
 * scenarios make go print the documented build lists, the generator is deterministic, random
 * scenarios run under go offline (≥ 95%), a module cache replay prints what the proxy run printed,
 * and the shrinker finds minimal scenarios.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { mapLimit } from '../env';
import { describeEachGo } from '../suites';
import { note } from '../../support/notes';
import { compareRun, moduleTokens } from './compare';
import { ScenarioCheck, checkScenario, normalizedOutputs, regressionOutputs, scratchRoot } from './differential';
import { generateScenario, propertyScenario, scenarioSeed } from './generate';
import { removeTree } from './materialize';
import { expectedFor, namedScenarios } from './named';
import { allSucceeded, commands } from './runGoOracle';
import { Scenario, allBodies, scenarioSize } from './scenario';
import { loadRegressions, saveRegression, shrinkScenario } from './shrink';

/** replayDifferences lists the commands whose output (folders normalized) differs between the proxy run and the cache replay. */
function replayDifferences(check: ScenarioCheck): string[] {
  const { m, go } = check;
  const a = normalizedOutputs(go.proxy.outputs, m, go.proxy.modcache);
  const b = normalizedOutputs(go.cache.outputs, m, go.cache.modcache);
  return commands.filter((c) => JSON.stringify(a[c]) !== JSON.stringify(b[c]));
}

const selfTestRounds = Number(process.env.GML_MVS_SELFTEST_ROUNDS ?? 120);

describe('MVS harness: pure parts', () => {
  it('compares outputs: identical stdout, or both failing naming the same module versions', () => {
    const ok = { status: 0, stdout: 'm\nexample.com/a v1.0.0\n', stderr: '' };
    assert.equal(compareRun('list', ok, ok), undefined);
    assert.match(compareRun('list', ok, { ...ok, stdout: 'm\n' }) ?? '', /stdout differs/);
    const failed = { status: 1, stdout: '', stderr: 'go: example.com/a@v1.0.0 requires\n\texample.com/b@v1.2.0: parsing go.mod:\n\tmodule declares its path as: x\n' };
    assert.deepEqual(moduleTokens(failed.stderr), ['example.com/a@v1.0.0', 'example.com/b@v1.2.0']);
    assert.equal(compareRun('list', failed, { status: 1, stdout: '', stderr: 'example.com/a@v1.0.0 → example.com/b@v1.2.0: module declares its path as: x' }), undefined);
    assert.match(compareRun('list', failed, { status: 1, stdout: '', stderr: 'example.com/b@v1.2.0: module declares its path as x' }) ?? '', /does not name example.com\/a@v1.0.0/);
    assert.match(compareRun('list', failed, ok) ?? '', /we succeeded/);
  });

  it('generates the same scenario for the same seed, plain JSON, and different ones for other seeds', () => {
    const seeds = Array.from({ length: 50 }, (_, i) => scenarioSeed(7, i));
    for (const seed of seeds) {
      const s = generateScenario(seed);
      assert.deepEqual(generateScenario(seed), s);
      assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
      assert.ok(!!s.main !== !!s.workspace);
    }
    assert.equal(new Set(seeds.map((seed) => JSON.stringify(generateScenario(seed)))).size, seeds.length);
    assert.deepEqual(propertyScenario(7, 39), propertyScenario(7, 39));
  });

  it('generates the promised variety', () => {
    const all = Array.from({ length: 400 }, (_, i) => generateScenario(scenarioSeed(11, i)));
    const text = JSON.stringify(all);
    const count = (f: (s: Scenario) => boolean): number => all.filter(f).length;
    const stats = {
      workspaces: count((s) => !!s.workspace),
      workReplaces: count((s) => (s.workspace?.replaces.length ?? 0) > 0),
      dirReplaces: count((s) => Object.keys(s.locals).length > 0),
      excludes: count((s) => allBodies(s).some((b) => (b.excludes?.length ?? 0) > 0)),
      mainGo116: count((s) => s.main?.go === '1.16'),
      noGoLine: count((s) => s.modules.some((m) => m.go === undefined)),
    };
    for (const [k, v] of Object.entries(stats)) assert.ok(v > 10, `${k}: ${v}`);
    for (const needle of ['+incompatible', '-0.2023', 'v0.0.0-2023', 'Azure', 'gopkg.in/', '/v2"', '-rc.1']) assert.ok(text.includes(needle), needle);
  });

  it('shrinks a synthetic failure to a minimal scenario', async () => {
    // "fails" while something requires example.com/c at a version ≥ v1.1.0 and main has an exclude.
    const bad = (s: Scenario): boolean => allBodies(s).some((b) => b.requires.some((r) => r.path === 'example.com/c' && r.version >= 'v1.1.0')) &&
      (s.main?.excludes?.length ?? 0) > 0;
    let s: Scenario | undefined;
    for (let i = 0; !s; i++) {
      const g = generateScenario(scenarioSeed(3, i), { workspaceRate: 0 });
      if (bad(g) && scenarioSize(g) > 15) s = g;
    }
    const r = await shrinkScenario(s, (x) => Promise.resolve(bad(x)));
    const reqs = allBodies(r.scenario).flatMap((b) => b.requires);
    assert.equal(reqs.length, 1);
    assert.equal(reqs[0].path, 'example.com/c');
    assert.equal(r.scenario.main?.excludes?.length, 1);
    assert.equal(Object.keys(r.scenario.locals).length, 0);
    assert.ok(scenarioSize(r.scenario) <= 4, JSON.stringify(r.scenario));
    note(`shrinker: size ${scenarioSize(s)} → ${scenarioSize(r.scenario)} in ${r.evaluations} evaluations`);
  });

  it('saves and loads regressions', () => {
    const dir = scratchRoot(undefined, 'gml-fixtures-');
    const s = generateScenario(5);
    const run = { status: 0, stdout: 'x\n', stderr: '' };
    saveRegression('one', s, { go: 'go1.19', proxy: { list: run, json: run, graph: run } }, dir);
    const [r] = loadRegressions(dir);
    assert.equal(r.name, 'one');
    assert.deepEqual(r.scenario, { ...s, name: 'one' });
    assert.equal(r.expected.proxy.graph.stdout, 'x\n');
    removeTree(dir);
  });
});

describeEachGo('MVS harness: the go command on named and random scenarios', function (oracle) {
  this.timeout(15 * 60 * 1000);
  const scratch = scratchRoot(undefined, 'gml-mvs-self-');
  after(() => removeTree(scratch));

  for (const n of namedScenarios) {
    it(`${n.name}: ${n.about}`, async () => {
      const check = await checkScenario(oracle, n.scenario, join(scratchRoot(scratch), n.name), { ours: false, replayGo: true });
      const { proxy } = check.go;
      const want = expectedFor(n, oracle.release);
      assert.equal(proxy.outputs.list.stdout, want.list.length > 0 ? want.list.join('\n') + '\n' : '', proxy.outputs.list.stderr);
      for (const c of commands) assert.equal(proxy.outputs[c].status, want.list.length > 0 ? 0 : 1, `${c}: ${proxy.outputs[c].stderr}`);
      assert.deepEqual(replayDifferences(check), [], 'the module cache replay differs');
      if (want.stderr) assert.ok(proxy.outputs.list.stderr.includes(want.stderr), proxy.outputs.list.stderr);
      // GML_MVS_WRITE_FIXTURES=1 (re)writes test-fixtures/mvs/named-*, so the CLI can be checked where go is absent.
      if (process.env.GML_MVS_WRITE_FIXTURES === '1') saveRegression(`named-${n.name}`, n.scenario, regressionOutputs(check, oracle.version, n.about));
    });
  }

  it(`runs ≥ 95% of ${selfTestRounds} random scenarios offline, and a cache replay prints the same`, async () => {
    const seed = Number(process.env.GML_FUZZ_SEED ?? 7);
    const t0 = Date.now();
    const results = await mapLimit(Array.from({ length: selfTestRounds }, (_, i) => i), 2, async (i) => {
      const root = scratchRoot(scratch);
      const check = await checkScenario(oracle, propertyScenario(seed, i), root, { ours: false, replayGo: true });
      const ok = allSucceeded(check.go.proxy.outputs);
      const sameReplay = replayDifferences(check).length === 0;
      removeTree(root);
      return { i, ok, sameReplay, ms: check.go.proxy.ms, stderr: check.go.proxy.outputs.list.stderr };
    });
    const ok = results.filter((r) => r.ok);
    const rate = ok.length / results.length;
    const avg = ok.reduce((a, r) => a + r.ms, 0) / Math.max(1, ok.length);
    note(`${oracle.version} ran ${ok.length}/${results.length} random scenarios successfully (${(rate * 100).toFixed(1)}%, seed ${seed}); ` +
      `go per scenario (3 commands): ${avg.toFixed(0)} ms on average, max ${Math.max(...results.map((r) => r.ms)).toFixed(0)} ms; ` +
      `wall clock ${((Date.now() - t0) / 1000).toFixed(1)} s for proxy run + cache replay`);
    for (const r of results.filter((x) => !x.ok)) note(`  go failed on scenario ${r.i}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    assert.ok(rate >= 0.95, `only ${(rate * 100).toFixed(1)}% of random scenarios ran`);
    assert.deepEqual(ok.filter((r) => !r.sameReplay).map((r) => r.i), [], 'cache replay differs from the proxy run');
  });

  it('shrinks a random scenario with a go-backed predicate (a replacement is in use)', async () => {
    const inUse = async (s: Scenario): Promise<boolean> => {
      const root = scratchRoot(scratch, 'shrink-');
      const check = await checkScenario(oracle, s, root, { ours: false });
      removeTree(root);
      const out = check.go.proxy.outputs.list;
      return out.status === 0 && / => example\.com\/fork/.test(out.stdout);
    };
    let s: Scenario | undefined;
    for (let i = 0; !s; i++) {
      const g = generateScenario(scenarioSeed(13, i), { workspaceRate: 0, failureRate: 0 });
      if (scenarioSize(g) > 12 && await inUse(g)) s = g;
    }
    const r = await shrinkScenario(s, inUse);
    const sh = r.scenario;
    note(`go-backed shrink: size ${scenarioSize(s)} → ${scenarioSize(sh)} in ${r.evaluations} evaluations`);
    assert.equal(sh.main?.requires.length, 1, JSON.stringify(sh));
    assert.equal(sh.main?.replaces?.length, 1, JSON.stringify(sh));
    assert.ok(sh.modules.length <= 2, JSON.stringify(sh)); // the fork the replacement names (and the module replaced)
    assert.ok(await inUse(sh));
  });
});
