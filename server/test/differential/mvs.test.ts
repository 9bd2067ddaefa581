/**
 * Differential test of the module graph (issue 3) against the real go command (Debian's Go 1.19):
 * `go-mod-lens list`, `list -json` and `graph` must print what `go list -mod=mod -m all`,
 * `go list -mod=mod -m -json all` (restricted fields) and `go mod graph` print, reading modules
 * once from a file:// GOPROXY and once from the module cache go filled (GOPROXY=off).
 *   (a) named scenarios: semantics §3.11, oracles.md §1, the mission example;
 *   (b) a property test over random scenarios (GML_MVS_ROUNDS, default 300; GML_FUZZ_SEED;
 *       GML_MVS_CONCURRENCY, default 2): a difference is shrunk, saved under test-fixtures/mvs/
 *       and reported with the shrunk scenario;
 *   (c) every saved regression in test-fixtures/mvs/ is replayed (without go: proxy mode only,
 *       against the stored outputs).
 * The harness itself is checked by server/test/oracle/modgraph/harness.test.ts.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { GoOracle, compareRelease, goOracle, mapLimit } from '../oracle/env';
import { describeEachGo } from '../oracle/suites';
import { note } from '../support/notes';
import { Difference, cliHasList, compareAll, noCli, runOursAll } from '../oracle/modgraph/compare';
import { ScenarioCheck, checkScenario, featureTags, normalizedOutputs, regressionOutputs, sameDifference, scratchRoot, signature } from '../oracle/modgraph/differential';
import { propertyScenario } from '../oracle/modgraph/generate';
import { materialize, removeTree } from '../oracle/modgraph/materialize';
import { expectedFor, namedScenarios } from '../oracle/modgraph/named';
import { Outputs, allSucceeded, runGoOracle } from '../oracle/modgraph/runGoOracle';
import { Scenario, describeScenario, scenarioSize } from '../oracle/modgraph/scenario';
import { Regression, fixturesDir, loadRegressions, saveRegression, shrinkScenario } from '../oracle/modgraph/shrink';

const rounds = Number(process.env.GML_MVS_ROUNDS ?? 300);
const seed = Number(process.env.GML_FUZZ_SEED ?? 7);
const concurrency = Math.min(4, Math.max(1, Number(process.env.GML_MVS_CONCURRENCY ?? 2)));
const maxShrinks = Number(process.env.GML_MVS_SHRINKS ?? 3);

function describeDifferences(ds: Difference[]): string {
  return ds.map((d) => `  ${d.cmd} (${d.source}): ${d.reason}`).join('\n');
}

/** needCli skips a suite, with one clear message, when our `list` command is missing. */
function needCli(): void {
  before(async function () {
    if (await cliHasList()) return;
    note(noCli);
    this.skip();
  });
}

/** releaseOf is the release of a `go version` word: go1.19.8 → 1.19. */
function releaseOf(version: string): string {
  return /^go(1\.\d+)/.exec(version)?.[1] ?? version;
}

/** emulationOf is what -go= takes for a `go version` word: go1.19.8 → 1.19.8. */
function emulationOf(version: string): string {
  return version.replace(/^go/, '');
}

const scratch = scratchRoot(undefined, 'gml-mvs-diff-');
after(() => { if (!process.env.GML_KEEP_SCRATCH) removeTree(scratch); });

describeEachGo('differential: module graph against the real go command', function (oracle) {
  this.timeout(30 * 60 * 1000);
  // current go.mod syntax, go/toolchain lines and go lines above the running go, for go ≥ 1.21
  const modern = compareRelease(oracle.release, '1.21') >= 0;

  describe('named scenarios', () => {
    needCli();
    for (const n of namedScenarios) {
      it(`${n.name}: ${n.about}`, async () => {
        const root = scratchRoot(scratch);
        const check = await checkScenario(oracle, n.scenario, root, { ours: true });
        const want = expectedFor(n, oracle.release);
        const { stdout, stderr } = check.go.proxy.outputs.list;
        assert.equal(stdout, want.list.length > 0 ? want.list.join('\n') + '\n' : '', 'the go oracle changed');
        if (want.stderr) assert.ok(stderr.includes(want.stderr), `go's stderr lacks ${JSON.stringify(want.stderr)}: ${stderr}`);
        assert.ok(check.differences.length === 0, `${n.name}: our output differs from go's\n${describeDifferences(check.differences)}\n${describeScenario(n.scenario)}`);
        removeTree(root);
      });
    }
  });

  describe('random scenarios', () => {
    needCli();
    it(`agree with go on ${rounds} random scenarios (seed ${seed})`, async () => {
      const t0 = performance.now();
      const results = await mapLimit(Array.from({ length: rounds }, (_, i) => i), concurrency, async (i) => {
        const scenario = propertyScenario(seed, i, modern);
        const root = scratchRoot(scratch);
        const check = await checkScenario(oracle, scenario, root, { ours: true });
        if (check.differences.length === 0) removeTree(root);
        return { i, scenario, check };
      });
      const wall = (performance.now() - t0) / 1000;
      const failing = results.filter((r) => r.check.differences.length > 0);
      const goOk = results.filter((r) => allSucceeded(r.check.go.proxy.outputs)).length;
      const sum = (f: (c: ScenarioCheck) => number): number => results.reduce((a, r) => a + f(r.check), 0);
      note(`${rounds} random scenarios against ${oracle.label} (seed ${seed}, concurrency ${concurrency}): ${rounds - failing.length} identical, ` +
        `${failing.length} with differences; go succeeded on ${goOk}, failed on ${rounds - goOk} (failures compared too); ` +
        `go ${(sum((c) => c.goMs) / rounds).toFixed(0)} ms/scenario, ours ${(sum((c) => c.oursMs) / rounds).toFixed(0)} ms/scenario, ` +
        `wall clock ${wall.toFixed(1)} s`);
      const tags = new Map<string, number>();
      for (const r of results) for (const t of featureTags(r.scenario, r.check)) tags.set(t, (tags.get(t) ?? 0) + 1);
      note(`coverage: ${[...tags].map(([t, n]) => `${t} ${n}`).join(', ')}`);
      if (failing.length === 0) return;
      const reports: string[] = [];
      for (const f of failing.slice(0, maxShrinks)) reports.push(await shrinkAndSave(f.i, f.scenario, f.check));
      for (const f of failing.slice(maxShrinks)) reports.push(`scenario ${f.i} (propertyScenario(${seed}, ${f.i})), not shrunk:\n${describeDifferences(f.check.differences)}`);
      assert.fail(`${failing.length} of ${rounds} random scenarios differ from go (GML_FUZZ_SEED=${seed}):\n\n${reports.join('\n\n')}`);
    });

    /** shrinkAndSave shrinks a differing scenario, saves it as a regression and describes it. */
    async function shrinkAndSave(i: number, scenario: Scenario, check: ScenarioCheck): Promise<string> {
      const wanted = signature(check.differences[0], check);
      const t0 = performance.now();
      const shrunk = await shrinkScenario(scenario, sameDifference(oracle, wanted, join(scratch, 'shrink')), 300);
      const root = scratchRoot(scratch);
      const final = await checkScenario(oracle, shrunk.scenario, root, { ours: true, replayGo: true });
      const name = `seed${seed}-${i}-${wanted.replace(/\//g, '-')}`;
      const ds = final.differences.length > 0 ? final.differences : check.differences;
      const dir = saveRegression(name, shrunk.scenario, regressionOutputs(final, oracle.version, describeDifferences(ds)));
      return `scenario ${i} (propertyScenario(${seed}, ${i}${modern ? ', modern' : ''})): ${wanted}; shrunk from size ${scenarioSize(scenario)} to ` +
        `${scenarioSize(shrunk.scenario)} in ${shrunk.evaluations} runs (${((performance.now() - t0) / 1000).toFixed(1)} s), saved to ${dir}\n` +
        `${describeDifferences(ds)}\n${describeScenario(shrunk.scenario)}`;
    }
  });
});

describe('differential: saved regressions (test-fixtures/mvs)', function () {
  this.timeout(30 * 60 * 1000);

  it('replays every saved scenario', async function () {
    const regressions = loadRegressions();
    const hasCli = await cliHasList();
    const releases = [...new Set(regressions.map((r) => releaseOf(r.expected.go)))].sort();
    const oracles = releases.map((rel) => goOracle(rel)).filter((o): o is GoOracle => !!o);
    note(`${regressions.length} saved scenarios in ${fixturesDir()} (recorded with go ${releases.join(', ')}); ` +
      `${oracles.length > 0 ? `re-checked by ${oracles.map((o) => o.label).join(', ')}` : 'no go command of those releases to re-check them'}; ` +
      `${hasCli ? 'our CLI is compared with -go=<the recorded version>' : noCli}`);
    if (regressions.length === 0 || (oracles.length === 0 && !hasCli)) this.skip();
    const problems = (await mapLimit(regressions, concurrency, (r) => replay(r, goOracle(releaseOf(r.expected.go)), hasCli))).flat();
    assert.ok(problems.length === 0, problems.join('\n\n'));
  });

  /** replay checks one saved regression (against oracle when given); it returns the problems found. */
  async function replay(r: Regression, oracle: GoOracle | undefined, withCli: boolean): Promise<string[]> {
    const root = scratchRoot(scratch);
    const m = materialize(r.scenario, root);
    const emulate = emulationOf(r.expected.go);
    const problems: string[] = [];
    let cache: { dir: string; outputs: Outputs } | undefined;
    if (oracle) {
      const proxy = await runGoOracle(oracle, m, 'proxy');
      const now = normalizedOutputs(proxy.outputs, m, proxy.modcache);
      if (JSON.stringify(now) !== JSON.stringify(r.expected.proxy)) problems.push(`${r.name}: ${oracle.label}'s output differs from the one recorded with ${r.expected.go} (stale fixture?)`);
      const replayed = await runGoOracle(oracle, m, 'cache', proxy.modcache);
      cache = { dir: proxy.modcache, outputs: replayed.outputs };
    }
    if (withCli) {
      const empty = join(root, 'ours-modcache');
      mkdirSync(empty, { recursive: true });
      // folders normalized as in the recording ($SRC, $GOMODCACHE): list -json prints Dir and GoMod
      const ds = compareAll('proxy', r.expected.proxy, normalizedOutputs(await runOursAll(m, 'proxy', empty, emulate), m, empty));
      if (cache) ds.push(...compareAll('cache', normalizedOutputs(cache.outputs, m, cache.dir), normalizedOutputs(await runOursAll(m, 'cache', cache.dir, emulate), m, cache.dir)));
      if (ds.length > 0) problems.push(`${r.name} (${r.dir}):\n${describeDifferences(ds)}\n${describeScenario(r.scenario)}`);
    }
    removeTree(root);
    return problems;
  }
});
