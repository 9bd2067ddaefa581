/**
 * Differential test of what-if (issue 6 §2) against the real go command (Debian's Go 1.19): for a
 * scenario and a query path@version, Go runs `go get path@version` on a copy of the main module and
 * then `go list -m all`; we compute graph/whatIf.ts on the untouched copy. They must agree on
 * whether go get fails, on the build list after it, and on the requirements go.mod then holds
 * (path, version, `// indirect`) — both as whatIf lists them and as our planned go.mod edit leaves them —
 * on the go line go.mod then has, and on the changes go get prints (its stderr lines `go: added …`,
 * `go: upgraded …`, …, without the prefix, in its order) against our changeLines.
 *   (a) named scenarios: upgrades, forced downgrades, @none, the mission example, a conflict;
 *   (b) random module-mode scenarios (GML_WHATIF_ROUNDS, default 120; GML_FUZZ_SEED) from the MVS
 *       generator, each with a random query among the versions its proxy serves (one in eight
 *       @none). A difference fails with the scenario and query printed.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planGoGet } from '../../src/edits/goGetEdit';
import { applyEdits } from '../../src/edits/textEdit';
import { changeLines, whatIf } from '../../src/graph/whatIf';
import { listLines } from '../../src/graph/listing';
import { DiskFileSource } from '../../src/node/fileSource';
import { resolveGoEnv } from '../../src/node/goEnv';
import { loadProject } from '../../src/node/project';
import { createModuleSource } from '../../src/node/sources';
import { diskWorkspaceFs } from '../../src/node/workspace';
import { parseModFile } from '../../src/syntax/modfile';
import { Rng } from '../fuzz/mutate';
import { GoOracle, compareRelease, mapLimit, runGo } from '../oracle/env';
import { describeEachGo } from '../oracle/suites';
import { note } from '../support/notes';
import { scratchRoot } from '../oracle/modgraph/differential';
import { generateScenario, scenarioSeed } from '../oracle/modgraph/generate';
import { Materialized, copyTree, removeTree } from '../oracle/modgraph/materialize';
import { goModuleEnv } from '../oracle/modgraph/runGoOracle';
import { Scenario, describeScenario } from '../oracle/modgraph/scenario';
import { materializeWithZips } from '../oracle/modgraph/zip';

const rounds = Number(process.env.GML_WHATIF_ROUNDS ?? 120);
const seed = Number(process.env.GML_FUZZ_SEED ?? 7);

interface Outcome {
  ok: boolean;
  /** `go list -m all` after go get, or the error */
  text: string;
  /** go.mod requirements after, `path version[ // indirect]`, sorted */
  require: string[];
  /** ours: the kinds of build-list change (upgraded, downgraded, added, removed) */
  kinds?: string[];
  /** the go and toolchain lines go.mod has after (ours: after our planned edit) */
  goLine?: string;
  toolchain?: string;
  /** the change lines go get prints (without `go: `), ours from changeLines */
  lines?: string[];
}

function requireLines(goModText: string): string[] {
  return parseModFile(goModText, { name: 'go.mod' }).require.map((r) => `${r.mod.path} ${r.mod.version}${r.indirect ? ' // indirect' : ''}`).sort();
}

async function goOutcome(oracle: GoOracle, m: Materialized, query: string): Promise<Outcome> {
  const copy = join(m.root, 'runs', 'go-get');
  copyTree(m.src, copy);
  const env = { ...goModuleEnv(m, copy, 'proxy', join(m.root, 'modcache-go')), GOFLAGS: '-mod=mod -modcacherw' };
  const dir = join(copy, m.runDir);
  const get = await runGo(oracle, ['get', ...query.split(' ')], dir, env);
  if (get.status !== 0) return { ok: false, text: get.stderr, require: [] };
  const list = await runGo(oracle, ['list', '-m', 'all'], dir, env);
  if (list.status !== 0) return { ok: false, text: `go list after go get: ${list.stderr}`, require: [] };
  const after = readFileSync(join(dir, 'go.mod'), 'utf8');
  const f = parseModFile(after, { name: 'go.mod' });
  return { ok: true, text: list.stdout, require: requireLines(after), goLine: f.go?.version ?? '', toolchain: f.toolchain?.name ?? '', lines: reportedLines(get.stderr) };
}

/** reportedLines: go get's change report on stderr (modget reportChanges), without the `go: ` prefix. */
function reportedLines(stderr: string): string[] {
  return stderr.replace(/\r/g, '').split('\n').filter((l) => /^go: (added|removed|upgraded|downgraded) /.test(l) || l.startsWith('\tnote: expanded dependencies')).map((l) => l.replace(/^go: /, ''));
}

async function ourOutcome(release: string, m: Materialized, query: string): Promise<Outcome> {
  const copy = join(m.root, 'runs', 'ours');
  copyTree(m.src, copy);
  const env = resolveGoEnv({ ...goModuleEnv(m, copy, 'proxy', join(m.root, 'modcache-ours')), HOME: m.root }, () => undefined);
  const files = new DiskFileSource();
  const project = await loadProject(join(copy, m.runDir), env, diskWorkspaceFs(), files, release, undefined, true);
  if (!project.ok) return { ok: false, text: project.error, require: [] };
  // one query, or several (go get p1@v1 p2@v2 …)
  const targets = query.split(' ').map((q) => ({ path: q.slice(0, q.lastIndexOf('@')), version: q.slice(q.lastIndexOf('@') + 1) }));
  const io = { modules: createModuleSource(env, { allowNetwork: false }), files, cache: new Map() };
  const w = await whatIf(project.main, io, { toolchain: release, mode: 'mod', gotoolchain: env.gotoolchain }, targets);
  if (!w.ok) return { ok: false, text: w.error, require: [] };
  // the go.mod edit we would apply must leave exactly those requirements
  const goModFile = join(copy, m.runDir, 'go.mod');
  const text = readFileSync(goModFile, 'utf8');
  const editedText = applyEdits(text, planGoGet(text, w.requirements, w.goLine?.to, w.toolchainLine?.to));
  const edited = requireLines(editedText);
  const editedFile = parseModFile(editedText, { name: 'go.mod' });
  const [goLine, toolchain] = [editedFile.go?.version ?? '', editedFile.toolchain?.name ?? ''];
  const listed = w.requirements.map((r) => `${r.path} ${r.version}${r.indirect ? ' // indirect' : ''}`).sort();
  if (edited.join('\n') !== listed.join('\n')) return { ok: true, text: 'the planned go.mod edit leaves other requirements', require: edited };
  const kinds = [...new Set(w.changes.filter((c) => c.path !== 'go' && c.path !== 'toolchain').map((c) => `${c.kind} a module`))];
  if (w.goLine) kinds.push('changed the go line');
  if (w.toolchainLine) kinds.push('changed the toolchain line');
  return { ok: true, goLine, toolchain, kinds, lines: changeLines(w), text: listLines(w.after).map((l) => l + '\n').join(''), require: w.requirements.map((r) => `${r.path} ${r.version}${r.indirect ? ' // indirect' : ''}`).sort() };
}

/** compare returns '' when go and we agree, else what differs. */
async function compare(oracle: GoOracle, s: Scenario, query: string, root: string): Promise<{ diff: string; go: Outcome; ours: Outcome }> {
  const m = materializeWithZips(s, root);
  const [go, ours] = [await goOutcome(oracle, m, query), await ourOutcome(oracle.emulate, m, query)];
  let diff = '';
  if (go.ok !== ours.ok) diff = `go ${go.ok ? 'succeeded' : 'failed'}, we ${ours.ok ? 'succeeded' : 'failed'}\ngo: ${go.text}\nours: ${ours.text}`;
  else if (go.ok && go.text !== ours.text) diff = `build list after differs\ngo:\n${go.text}ours:\n${ours.text}`;
  else if (go.ok && go.require.join('\n') !== ours.require.join('\n')) diff = `go.mod requirements differ\ngo:\n${go.require.join('\n')}\nours:\n${ours.require.join('\n')}`;
  else if (go.ok && go.goLine !== ours.goLine) diff = `go line after differs: go ${go.goLine}, ours ${ours.goLine}`;
  else if (go.ok && go.toolchain !== ours.toolchain) diff = `toolchain line after differs: go ${go.toolchain}, ours ${ours.toolchain}`;
  else if (go.ok && (go.lines ?? []).join('\n') !== (ours.lines ?? []).join('\n')) diff = `the changes printed differ\ngo:\n${(go.lines ?? []).join('\n')}\nours:\n${(ours.lines ?? []).join('\n')}`;
  return { diff, go, ours };
}

const mod = (path: string, version: string, requires: [string, string][] = [], go = '1.17') => ({ path, version, go, requires: requires.map(([p, v]) => ({ path: p, version: v })) });
const main = (requires: [string, string, boolean?][], go: string | undefined = '1.17') => ({ path: 'example.com/main', ...(go ? { go } : {}), requires: requires.map(([path, version, indirect]) => ({ path, version, indirect })) });
const A = 'example.com/a';
const B = 'example.com/b';
const C = 'example.com/c';
const D = 'example.com/d';

const named: { name: string; query: string; scenario: Scenario; expect: 'ok' | 'fail' }[] = [
  {
    name: 'upgrade that brings a new dependency (pruned)', query: `${A}@v1.1.0`, expect: 'ok',
    scenario: { locals: {}, modules: [mod(A, 'v1.0.0'), mod(A, 'v1.1.0', [[B, 'v1.1.0']]), mod(B, 'v1.1.0')], main: main([[A, 'v1.0.0']]) },
  },
  {
    name: 'downgrade that forces a dependent down (pruned)', query: `${B}@v1.0.0`, expect: 'ok',
    scenario: {
      locals: {}, modules: [mod(A, 'v1.0.0', [[B, 'v1.0.0']]), mod(A, 'v1.1.0', [[B, 'v1.1.0']]), mod(B, 'v1.0.0'), mod(B, 'v1.1.0')],
      main: main([[A, 'v1.1.0']]),
    },
  },
  {
    name: 'downgrade below every version of a dependent removes it (unpruned)', query: `${B}@v1.0.0`, expect: 'ok',
    scenario: {
      locals: {}, modules: [mod(A, 'v1.1.0', [[B, 'v1.1.0']], '1.16'), mod(B, 'v1.0.0', [], '1.16'), mod(B, 'v1.1.0', [], '1.16'), mod(C, 'v1.0.0', [], '1.16')],
      main: main([[A, 'v1.1.0'], [C, 'v1.0.0']], '1.16'),
    },
  },
  {
    name: '@none removes a module and what needs it', query: `${B}@none`, expect: 'ok',
    scenario: {
      locals: {}, modules: [mod(A, 'v1.0.0', [[B, 'v1.0.0']]), mod(B, 'v1.0.0'), mod(C, 'v1.0.0')],
      main: main([[A, 'v1.0.0'], [B, 'v1.0.0', true], [C, 'v1.0.0']]),
    },
  },
  {
    // the mission: B requires A v1.1.0, C requires A v1.3.0, main requires B, C and A v1.1.0 → A v1.3.0;
    // asking for A v1.2.0 lowers C to the version that needs no more than that
    name: 'mission example: go get A@v1.2.0 lowers C', query: `${A}@v1.2.0`, expect: 'ok',
    scenario: {
      locals: {},
      modules: [mod(A, 'v1.1.0'), mod(A, 'v1.2.0'), mod(A, 'v1.3.0'), mod(B, 'v1.0.0', [[A, 'v1.1.0']]), mod(C, 'v1.0.0', [[A, 'v1.2.0']]), mod(C, 'v1.1.0', [[A, 'v1.3.0']])],
      main: main([[A, 'v1.1.0'], [B, 'v1.0.0'], [C, 'v1.1.0']]),
    },
  },
  {
    name: 'a version whose own graph needs a higher version of it: conflict', query: `${A}@v1.0.0`, expect: 'fail',
    scenario: {
      locals: {}, modules: [mod(A, 'v1.0.0', [[D, 'v1.0.0']], '1.16'), mod(A, 'v1.1.0'), mod(D, 'v1.0.0', [[A, 'v1.1.0']], '1.16')],
      main: main([[A, 'v1.1.0']]),
    },
  },
  {
    name: 'a main module without a go line: go get writes one and every module of the build list becomes a root', query: `${A}@v1.1.0`, expect: 'ok',
    scenario: {
      locals: {}, modules: [mod(A, 'v1.0.0', [[B, 'v1.0.0']], '1.16'), mod(A, 'v1.1.0', [[B, 'v1.1.0']], '1.16'), mod(B, 'v1.0.0', [], '1.16'), mod(B, 'v1.1.0', [], '1.16')],
      main: main([[A, 'v1.0.0']], undefined),
    },
  },
  {
    // the mission's world with a b v1.1.0: go get reports a raised from the v1.1.0 go.mod names to the
    // v1.3.0 c needs (modget reportChanges compares the require lines as written with the build list)
    name: 'the mission example, go get B@v1.1.0: also reports A v1.1.0 => v1.3.0', query: `${B}@v1.1.0`, expect: 'ok',
    scenario: {
      locals: {},
      modules: [mod(A, 'v1.1.0', [], '1.19'), mod(A, 'v1.3.0', [], '1.19'), mod(B, 'v1.0.0', [[A, 'v1.1.0']], '1.19'), mod(B, 'v1.1.0', [[A, 'v1.1.0']], '1.19'), mod(C, 'v1.0.0', [[A, 'v1.3.0']], '1.19')],
      main: main([[A, 'v1.1.0'], [B, 'v1.0.0'], [C, 'v1.0.0']], '1.19'),
    },
  },
  {
    name: 'the same, unpruned (go 1.16)', query: `${B}@v1.1.0`, expect: 'ok',
    scenario: {
      locals: {},
      modules: [mod(A, 'v1.1.0', [], '1.16'), mod(A, 'v1.3.0', [], '1.16'), mod(B, 'v1.0.0', [[A, 'v1.1.0']], '1.16'), mod(B, 'v1.1.0', [[A, 'v1.1.0']], '1.16'), mod(C, 'v1.0.0', [[A, 'v1.3.0']], '1.16')],
      main: main([[A, 'v1.1.0'], [B, 'v1.0.0'], [C, 'v1.0.0']], '1.16'),
    },
  },
  {
    name: 'a query for the version already selected still reports the requirement go.mod understates', query: `${C}@v1.0.0`, expect: 'ok',
    scenario: {
      locals: {},
      modules: [mod(A, 'v1.1.0'), mod(A, 'v1.3.0'), mod(B, 'v1.0.0', [[A, 'v1.1.0']]), mod(C, 'v1.0.0', [[A, 'v1.3.0']])],
      main: main([[A, 'v1.1.0'], [B, 'v1.0.0', true], [C, 'v1.0.0']]),
    },
  },
  {
    name: '@none of a module the build list does not hold prints nothing', query: `${D}@none`, expect: 'ok',
    scenario: { locals: {}, modules: [mod(A, 'v1.0.0'), mod(D, 'v1.0.0')], main: main([[A, 'v1.0.0']]) },
  },
  {
    name: 'an upgrade whose go.mod needs a newer go (from 1.21: the go line reported first, with a note past 1.17)', query: `${A}@v1.1.0`, expect: 'ok',
    scenario: {
      locals: {}, modules: [mod(A, 'v1.0.0', [], '1.16'), mod(A, 'v1.1.0', [[B, 'v1.0.0']], '1.21'), mod(B, 'v1.0.0', [], '1.16')],
      main: main([[A, 'v1.0.0']], '1.16'),
    },
  },
  {
    name: 'a version not served: go get fails', query: `${A}@v1.5.0`, expect: 'fail',
    scenario: { locals: {}, modules: [mod(A, 'v1.0.0')], main: main([[A, 'v1.0.0']]) },
  },
];

/**
 * queryFor picks a query for a random scenario: a served version of one of its paths, or @none; for
 * a go command ≥ 1.21 (`local`, its version) one query in six is `go@1.N.P` (at, below or above the
 * running go: go knows versions up to its own without GOPROXY) or `toolchain@goV` / `toolchain@none`.
 */
function queryFor(s: Scenario, rng: Rng, local?: string): string {
  if (local !== undefined && rng.int(6) === 0) {
    return rng.pick([`go@${local}`, 'go@1.21.0', 'go@1.22.3', 'go@1.24.0', 'go@1.25.1', 'go@1.99.0', `toolchain@go${local}`, 'toolchain@none', 'toolchain@go1.22.0']);
  }
  const paths = [...new Set(s.modules.map((m) => m.path))].filter((p) => p !== s.main?.path);
  const path = rng.pick(paths);
  if (rng.int(8) === 0) return `${path}@none`;
  return `${path}@${rng.pick(s.modules.filter((m) => m.path === path)).version}`;
}

describeEachGo('differential: what-if against go get', function (oracle) {
  this.timeout(30 * 60 * 1000);
  const scratch = scratchRoot(undefined, 'gml-whatif-');
  after(() => { if (!process.env.GML_KEEP_SCRATCH) removeTree(scratch); });

  for (const n of named) {
    it(`${n.name} (${n.query})`, async () => {
      const root = scratchRoot(scratch);
      const { diff, go } = await compare(oracle, n.scenario, n.query, root);
      assert.equal(go.ok, n.expect === 'ok', `the go oracle changed: ${go.text}`);
      assert.equal(diff, '', `${n.name}: ${diff}\n${describeScenario(n.scenario)}`);
      removeTree(root);
    });
  }

  if (compareRelease(oracle.release, '1.21') >= 0) {
    it(`${Math.ceil(rounds / 2)} random scenarios, each with go get of two or three modules at once (upgrade all)`, async () => {
      const cases = Array.from({ length: Math.ceil(rounds / 2) }, (_, i) => {
        const s = generateScenario(scenarioSeed(seed + 5000, i), { workspaceRate: 0, modern: true });
        const rng = new Rng(scenarioSeed(seed + 7, i));
        const byPath = new Map<string, string>();
        for (let k = 0, want = 2 + rng.int(2); k < 12 && byPath.size < want; k++) {
          const q = queryFor(s, rng);
          const path = q.slice(0, q.lastIndexOf('@'));
          if (!byPath.has(path)) byPath.set(path, q);
        }
        return { i, s, query: [...byPath.values()].join(' ') };
      });
      let goOk = 0;
      const failures: string[] = [];
      await mapLimit(cases, 2, async ({ i, s, query }) => {
        const root = scratchRoot(scratch);
        const { diff, go } = await compare(oracle, s, query, root);
        if (go.ok) goOk++;
        if (diff) failures.push(`scenario ${i} (go get ${query}): ${diff}\n${describeScenario(s)}`);
        else removeTree(root);
      });
      note(`${cases.length} multi-module go get queries against ${oracle.label} (seed ${seed}): ${cases.length - failures.length} identical; go get succeeded on ${goOk}`);
      assert.equal(failures.length, 0, failures.slice(0, 3).join('\n\n'));
    });
  }

  it(`${rounds} random scenarios, each with a random go get query`, async () => {
    // current go.mod syntax and go/toolchain lines and queries, for go ≥ 1.21
    const modern = compareRelease(oracle.release, '1.21') >= 0;
    const cases = Array.from({ length: rounds }, (_, i) => {
      const s = generateScenario(scenarioSeed(seed + 1000, i), { workspaceRate: 0, modern });
      return { i, s, query: queryFor(s, new Rng(scenarioSeed(seed, i)), modern ? oracle.emulate : undefined) };
    });
    let goOk = 0;
    let printed = 0;
    const kinds = new Map<string, number>();
    const failures: string[] = [];
    await mapLimit(cases, 2, async ({ i, s, query }) => {
      const root = scratchRoot(scratch);
      const { diff, go, ours } = await compare(oracle, s, query, root);
      if (go.ok) goOk++;
      printed += go.lines?.length ?? 0;
      for (const k of ours.kinds ?? []) kinds.set(k, (kinds.get(k) ?? 0) + 1);
      if (diff) failures.push(`scenario ${i} (go get ${query}): ${diff}\n${describeScenario(s)}`);
      else removeTree(root);
    });
    const pseudo = cases.filter((c) => /^(go|toolchain)@/.test(c.query)).length;
    note(`${rounds} scenarios against ${oracle.label} (seed ${seed}): ${rounds - failures.length} identical; go get succeeded on ${goOk}, failed on ${rounds - goOk}; ` +
      `${pseudo} go@/toolchain@ queries; ${printed} change lines printed by go get; queries that ${[...kinds].sort().map(([k, n]) => `${k}: ${n}`).join(', ')}`);
    assert.equal(failures.length, 0, failures.slice(0, 3).join('\n\n'));
  });
});
