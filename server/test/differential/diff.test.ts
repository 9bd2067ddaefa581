/**
 * Differential test of `go-mod-lens diff` (issue 18) against the real go command: a scenario's main
 * module is copied twice, go get (or a one-line go.mod edit) changes the second copy (what a Dependabot or Renovate pull request
 * does), and `go list -m all` runs in both. The build-list delta diff reports must be exactly the
 * difference of go's two lists (path, version before, version after, and go get's word for it), and
 * each change's requirement chain must be real: every edge of it a line of `go mod graph` on the
 * side it belongs to (the new side for an upgrade or an addition, the old for a downgrade or a
 * removal), ending at the version that moved.
 *   (a) the mission's examples; (b) random module-mode scenarios (GML_DIFF_ROUNDS, default 60;
 *   GML_FUZZ_SEED) from the MVS generator, each with a random go get query.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { diffCommand } from '../../src/cliDiff';
import { Rng } from '../fuzz/mutate';
import { GoOracle, compareRelease, mapLimit, runGo } from '../oracle/env';
import { describeEachGo } from '../oracle/suites';
import { note } from '../support/notes';
import { goDelta, listed, oursDelta } from '../support/listDelta';
import { scratchRoot } from '../oracle/modgraph/differential';
import { generateScenario, scenarioSeed } from '../oracle/modgraph/generate';
import { Materialized, copyTree, removeTree } from '../oracle/modgraph/materialize';
import { materializeWithZips } from '../oracle/modgraph/zip';
import { goModuleEnv } from '../oracle/modgraph/runGoOracle';
import { Scenario, describeScenario } from '../oracle/modgraph/scenario';

const rounds = Number(process.env.GML_DIFF_ROUNDS ?? 60);
const seed = Number(process.env.GML_FUZZ_SEED ?? 7);

interface JsonChange { Path: string; From?: string; To?: string; Kind: string; RequiredBy: string[]; Reason: string; Direct: boolean }
interface JsonDiff { Changes: JsonChange[]; GoLine?: { From?: string; To?: string } }

/** Outcome of one case: '' when go and diff agree, else what differs; skipped when go get or go list fails. */
async function compare(oracle: GoOracle, s: Scenario, query: string, root: string): Promise<{ diff: string; skipped?: string; changes: number; indirect: number; delta?: string[] }> {
  const m: Materialized = materializeWithZips(s, root);
  const [before, after] = [join(m.root, 'runs', 'before'), join(m.root, 'runs', 'after')];
  copyTree(m.src, before);
  copyTree(m.src, after);
  const modcache = join(m.root, 'modcache-go');
  const env = { ...goModuleEnv(m, after, 'proxy', modcache), GOFLAGS: '-mod=mod -modcacherw' };
  // `go get P@V`, or a one-line edit of go.mod as a bot or a person makes it (`go mod edit -require=P@V`, `-droprequire=P`)
  const [how, target] = query.split(/ (.*)/s);
  const args = how === 'get' ? ['get', ...target.split(' ')]
    : target.endsWith('@none') ? ['mod', 'edit', `-droprequire=${target.slice(0, -5)}`] : ['mod', 'edit', `-require=${target}`];
  const change = await runGo(oracle, args, join(after, m.runDir), env);
  if (change.status !== 0) return { diff: '', skipped: `go ${args.join(' ')} failed`, changes: 0, indirect: 0 };
  // ours first: go list -mod=mod may write go.mod (a requirement raised to the version selected)
  let out = '';
  let err = '';
  const status = await diffCommand(['--format', 'json', '-cache=off', `-go=${oracle.emulate}`, join(before, m.runDir), join(after, m.runDir)], {
    stdout: (x) => (out += x), stderr: (x) => (err += x), cwd: m.root, env: { ...env, HOME: m.root, GOVULNDB: '' },
  });
  const lists: Map<string, string>[] = [];
  const graphs: Set<string>[] = [];
  for (const dir of [before, after]) {
    // the graph first: go list -mod=mod may rewrite go.mod's requirements, and go mod graph would then print the rewritten graph
    const g = await runGo(oracle, ['mod', 'graph'], join(dir, m.runDir), env);
    const l = await runGo(oracle, ['list', '-m', 'all'], join(dir, m.runDir), env);
    // a side go cannot list: diff must refuse it too (exit 1, the side named)
    if (l.status !== 0 || g.status !== 0) return { diff: status === 1 ? '' : `go failed (${l.stderr}${g.stderr}) but diff exited ${status}`, skipped: 'go list -m all failed on a side', changes: 0, indirect: 0 };
    lists.push(listed(l.stdout));
    graphs.push(new Set(g.stdout.trim().split('\n')));
  }
  if (status !== 0) return { diff: `diff exited ${status}: ${err}`, changes: 0, indirect: 0 };
  const ours = JSON.parse(out) as JsonDiff;
  const [want, got] = [goDelta(lists[0], lists[1]), oursDelta(ours.Changes)];
  if (want.join('\n') !== got.join('\n')) return { diff: `the build-list delta differs\ngo:\n${want.join('\n')}\nours:\n${got.join('\n')}`, changes: 0, indirect: 0 };
  // every chain: real edges of go mod graph on its side, ending at the version that moved
  const mainPath = s.main?.path ?? 'example.com/main';
  for (const c of ours.Changes) {
    if (c.Kind === 'replaced') continue;
    const rising = c.Kind === 'upgraded' || c.Kind === 'added';
    const end = `${c.Path}@${rising ? c.To : c.From}`;
    if (c.RequiredBy.at(-1) !== end || c.RequiredBy[0] !== mainPath) return { diff: `${c.Path}: the chain ${c.RequiredBy.join(' -> ')} does not run from ${mainPath} to ${end}`, changes: 0, indirect: 0 };
    const edges = graphs[rising ? 1 : 0];
    for (let i = 0; i + 1 < c.RequiredBy.length; i++) {
      const edge = `${c.RequiredBy[i]} ${c.RequiredBy[i + 1]}`;
      if (!edges.has(edge)) return { diff: `${c.Path}: the chain edge ${edge} is not in go mod graph of the ${rising ? 'new' : 'old'} side`, changes: 0, indirect: 0 };
    }
    if (c.Reason === '') return { diff: `${c.Path}: no reason`, changes: 0, indirect: 0 };
  }
  return { diff: '', changes: ours.Changes.length, indirect: ours.Changes.filter((c) => !c.Direct).length, delta: got };
}

const mod = (path: string, version: string, requires: [string, string][] = [], go = '1.17') => ({ path, version, go, requires: requires.map(([p, v]) => ({ path: p, version: v })) });
const main = (requires: [string, string, boolean?][], go = '1.17') => ({ path: 'example.com/main', go, requires: requires.map(([path, version, indirect]) => ({ path, version, indirect })) });
const [A, B, C, X]: string[] = ['example.com/a', 'example.com/b', 'example.com/c', 'example.com/x'];

const named: { name: string; query: string; scenario: Scenario; expect: string[] }[] = [
  {
    // the mission: B requires A v1.1.0, C requires A v1.3.0; adding C raises A, which no go.mod line of the change names
    name: 'the mission example: a new requirement on C raises A past the v1.1.0 B requires', query: `get ${C}@v1.0.0`,
    scenario: { locals: {}, modules: [mod(A, 'v1.1.0', [], '1.16'), mod(A, 'v1.3.0', [], '1.16'), mod(B, 'v1.0.0', [[A, 'v1.1.0']], '1.16'), mod(C, 'v1.0.0', [[A, 'v1.3.0']], '1.16')], main: main([[B, 'v1.0.0']], '1.16') },
    expect: [`changed ${A} v1.1.0 => v1.3.0`, `added ${C} v1.0.0`],
  },
  {
    name: 'the mission example as a one-line edit of a pruned go.mod (go 1.21): A raised, not named by the edit', query: `edit ${C}@v1.0.0`,
    scenario: { locals: {}, modules: [mod(A, 'v1.1.0', [], '1.21'), mod(A, 'v1.3.0', [], '1.21'), mod(B, 'v1.0.0', [[A, 'v1.1.0']], '1.21'), mod(C, 'v1.0.0', [[A, 'v1.3.0']], '1.21')], main: main([[A, 'v1.1.0', true], [B, 'v1.0.0']], '1.21') },
    expect: [`changed ${A} v1.1.0 => v1.3.0`, `added ${C} v1.0.0`],
  },
  {
    name: 'an upgrade that brings a module no go.mod line names (go 1.16, unpruned)', query: `get ${B}@v1.1.0`,
    scenario: { locals: {}, modules: [mod(B, 'v1.0.0', [], '1.16'), mod(B, 'v1.1.0', [[X, 'v1.2.0']], '1.16'), mod(X, 'v1.2.0', [], '1.16')], main: main([[B, 'v1.0.0']], '1.16') },
    expect: [`changed ${B} v1.0.0 => v1.1.0`, `added ${X} v1.2.0`],
  },
  {
    name: 'a downgrade that removes what the higher version needed (an edit)', query: `edit ${B}@v1.0.0`,
    scenario: { locals: {}, modules: [mod(B, 'v1.0.0', [], '1.16'), mod(B, 'v1.1.0', [[X, 'v1.2.0']], '1.16'), mod(X, 'v1.2.0', [], '1.16')], main: main([[B, 'v1.1.0']], '1.16') },
    expect: [`changed ${B} v1.1.0 => v1.0.0`, `removed ${X} v1.2.0`],
  },
];

describeEachGo('differential: diff against go list -m all before and after a change', function (oracle) {
  this.timeout(30 * 60 * 1000);
  const scratch = scratchRoot(undefined, 'gml-diff-');
  after(() => { if (!process.env.GML_KEEP_SCRATCH) removeTree(scratch); });

  for (const n of named) {
    it(`${n.name} (go ${n.query})`, async () => {
      const root = scratchRoot(scratch);
      const r = await compare(oracle, n.scenario, n.query, root);
      assert.equal(r.skipped, undefined, r.skipped);
      assert.equal(r.diff, '', `${r.diff}\n${describeScenario(n.scenario)}`);
      assert.deepEqual(r.delta, n.expect, 'the scenario moves what it was written to move');
      assert.ok(r.indirect >= 1, 'a module no go.mod line of the change names');
      removeTree(root);
    });
  }

  it(`${rounds} random scenarios, each changed by a random go get or go.mod edit`, async () => {
    const modern = compareRelease(oracle.release, '1.21') >= 0;
    const cases = Array.from({ length: rounds }, (_, i) => {
      const s = generateScenario(scenarioSeed(seed + 3000, i), { workspaceRate: 0, modern });
      const rng = new Rng(scenarioSeed(seed + 11, i));
      const paths = [...new Set(s.modules.map((m) => m.path))].filter((p) => p !== s.main?.path);
      const path = rng.pick(paths);
      const query = `${rng.int(2) === 0 ? 'get' : 'edit'} ${rng.int(8) === 0 ? `${path}@none` : `${path}@${rng.pick(s.modules.filter((m) => m.path === path)).version}`}`;
      return { i, s, query };
    });
    let compared = 0;
    let changes = 0;
    let indirect = 0;
    const failures: string[] = [];
    await mapLimit(cases, 2, async ({ i, s, query }) => {
      const root = scratchRoot(scratch);
      const r = await compare(oracle, s, query, root);
      if (!r.skipped) compared++;
      changes += r.changes;
      indirect += r.indirect;
      if (r.diff) failures.push(`scenario ${i} (go ${query}): ${r.diff}\n${describeScenario(s)}`);
      else removeTree(root);
    });
    note(`${rounds} scenarios against ${oracle.label} (seed ${seed}): ${compared} compared (go refused the change on the rest), ${compared - failures.length} identical; ${changes} build-list changes, ${indirect} of them of modules no changed go.mod line names, every chain an edge path of go mod graph`);
    assert.equal(failures.length, 0, failures.slice(0, 3).join('\n\n'));
    assert.ok(compared >= rounds / 2, `only ${compared} of ${rounds} compared`);
  });
});
