/**
 * Delta debugging for scenarios: given a scenario on which a predicate fails (for the differential
 * test: "our output differs from go's in the same way"), remove workspace members, module versions,
 * local modules, requirements, replaces, excludes and retractions, and lower required versions,
 * for as long as the predicate keeps failing. Large chunks go first, then single elements, until
 * no single removal or lowering keeps the failure (a 1-minimal scenario).
 * saveRegression / loadRegressions store shrunk scenarios under test-fixtures/mvs/<name>/.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare } from '../../../src/module/semver';
import { repoRoot } from '../env';
import { Outputs } from './runGoOracle';
import { GoModBody, Scenario, allBodies, cloneScenario, describeScenario } from './scenario';

/** StillFails answers whether the failure of interest still happens on a scenario. */
export type StillFails = (s: Scenario) => Promise<boolean>;

/** ShrinkResult is the smallest scenario found and what it cost. */
export interface ShrinkResult {
  scenario: Scenario;
  /** predicate calls made */
  evaluations: number;
  /** accepted reductions */
  steps: number;
}

/**
 * shrinkScenario reduces s while stillFails(s') holds; s itself is assumed to fail. At most
 * maxEvaluations predicate calls are made (default 400), so a slow predicate cannot stall a test run.
 */
export async function shrinkScenario(s: Scenario, stillFails: StillFails, maxEvaluations = 400): Promise<ShrinkResult> {
  let current = cloneScenario(s);
  let evaluations = 0;
  let steps = 0;
  const seen = new Set<string>([JSON.stringify(current)]);
  for (let progress = true; progress && evaluations < maxEvaluations;) {
    progress = false;
    for (const candidate of candidates(current)) {
      const key = JSON.stringify(candidate);
      if (seen.has(key)) continue;
      seen.add(key);
      if (evaluations++ >= maxEvaluations) break;
      if (await stillFails(candidate)) {
        current = candidate;
        steps++;
        progress = true;
        break;
      }
    }
  }
  return { scenario: current, evaluations, steps };
}

/** Reduction edits a clone of the scenario in place. */
type Reduction = (s: Scenario) => void;

/** candidates yields reduced copies of s, biggest reductions first. */
function* candidates(s: Scenario): Generator<Scenario> {
  for (const r of reductions(s)) {
    const c = cloneScenario(s);
    r(c);
    if (JSON.stringify(c) !== JSON.stringify(s)) yield c;
  }
}

function* reductions(s: Scenario): Generator<Reduction> {
  const members = s.workspace?.members.length ?? 0;
  if (members > 1) for (let i = 0; i < members; i++) yield (c) => { c.workspace?.members.splice(i, 1); };
  for (const chunk of chunks(s.modules.length)) {
    yield (c) => dropModules(c, chunk);
  }
  for (const name of Object.keys(s.locals)) yield (c) => dropLocal(c, name);
  if (s.workspace) for (let i = 0; i < s.workspace.replaces.length; i++) yield (c) => { c.workspace?.replaces.splice(i, 1); };
  const bodies = allBodies(s);
  for (let b = 0; b < bodies.length; b++) {
    for (const key of ['requires', 'replaces', 'excludes', 'retracts'] as const) {
      const n = bodies[b][key]?.length ?? 0;
      for (const chunk of chunks(n)) yield (c) => { spliceBody(allBodies(c)[b], key, chunk); };
    }
  }
  yield* lowerings(s);
}

/**
 * lowerings replaces a required version by a lower version of that path that the proxy serves,
 * drops `// indirect`, and short-cuts a chain: a requirement on X becomes one of X's requirements.
 */
function* lowerings(s: Scenario): Generator<Reduction> {
  const bodies = allBodies(s);
  for (let b = 0; b < bodies.length; b++) {
    for (let i = 0; i < bodies[b].requires.length; i++) {
      const r = bodies[b].requires[i];
      for (const v of lowerVersions(s, r.path, r.version)) {
        yield (c) => { allBodies(c)[b].requires[i].version = v; };
      }
      if (r.indirect) yield (c) => { delete allBodies(c)[b].requires[i].indirect; };
      const target = s.modules.find((m) => m.path === r.path && m.version === r.version);
      for (const q of target?.requires ?? []) {
        if (!bodies[b].requires.some((o) => o.path === q.path)) yield (c) => { allBodies(c)[b].requires[i] = { ...q }; };
      }
    }
  }
}

/** lowerVersions lists the versions of path below version that the proxy serves, lowest first. */
function lowerVersions(s: Scenario, path: string, version: string): string[] {
  return s.modules.filter((m) => m.path === path && compare(m.version, version) < 0).map((m) => m.version)
    .sort(compare);
}

/** chunks lists index ranges [start, end) of n items: halves, quarters, … single items. */
function chunks(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let size = Math.max(1, Math.floor(n / 2)); ; size = Math.max(1, Math.floor(size / 2))) {
    for (let start = 0; start < n; start += size) out.push([start, Math.min(n, start + size)]);
    if (size === 1) break;
  }
  return out;
}

function spliceBody(body: GoModBody, key: 'requires' | 'replaces' | 'excludes' | 'retracts', [start, end]: [number, number]): void {
  const list = body[key];
  if (list) list.splice(start, end - start);
}

/** dropModules removes module versions [start, end) and every requirement and replace that points at them. */
function dropModules(s: Scenario, [start, end]: [number, number]): void {
  const gone = new Set(s.modules.slice(start, end).map((m) => `${m.path}@${m.version}`));
  s.modules.splice(start, end - start);
  for (const b of allBodies(s)) {
    b.requires = b.requires.filter((r) => !gone.has(`${r.path}@${r.version}`));
    if (b.replaces) b.replaces = b.replaces.filter((r) => r.newVersion === undefined || !gone.has(`${r.newPath ?? r.oldPath}@${r.newVersion}`));
  }
  if (s.workspace) s.workspace.replaces = s.workspace.replaces.filter((r) => r.newVersion === undefined || !gone.has(`${r.newPath ?? r.oldPath}@${r.newVersion}`));
}

/** dropLocal removes a local directory module and the replaces that point at it. */
function dropLocal(s: Scenario, name: string): void {
  delete s.locals[name];
  for (const b of allBodies(s)) if (b.replaces) b.replaces = b.replaces.filter((r) => r.local !== name);
  if (s.workspace) s.workspace.replaces = s.workspace.replaces.filter((r) => r.local !== name);
}

/** RegressionOutputs is what go printed for a saved scenario (stderr normalized: $SRC, $PROXY, $GOMODCACHE). */
export interface RegressionOutputs {
  /** `go version` of the oracle */
  go: string;
  proxy: Outputs;
  cache?: Outputs;
  /** why it was saved (the difference found) */
  note?: string;
}

/** Regression is a saved scenario with its expected go outputs. */
export interface Regression {
  name: string;
  dir: string;
  scenario: Scenario;
  expected: RegressionOutputs;
}

/** fixturesDir is where regressions live: test-fixtures/mvs/ ($GML_MVS_FIXTURES overrides it). */
export function fixturesDir(): string {
  return process.env.GML_MVS_FIXTURES ?? join(repoRoot, 'test-fixtures', 'mvs');
}

/**
 * saveRegression writes DIR/<name>/scenario.json, expected.json (go's outputs) and files.txt (the
 * go.mod and go.work texts, for reading) and returns the folder.
 */
export function saveRegression(name: string, scenario: Scenario, goOutputs: RegressionOutputs, dir = fixturesDir()): string {
  const out = join(dir, name);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'scenario.json'), JSON.stringify({ ...scenario, name }, null, 2) + '\n');
  writeFileSync(join(out, 'expected.json'), JSON.stringify(goOutputs, null, 2) + '\n');
  writeFileSync(join(out, 'files.txt'), describeScenario(scenario) + '\n');
  return out;
}

/** loadRegressions reads every saved regression (folders holding scenario.json and expected.json). */
export function loadRegressions(dir = fixturesDir()): Regression[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'scenario.json')) && existsSync(join(dir, e.name, 'expected.json')))
    .map((e) => e.name).sort()
    .map((name) => ({
      name,
      dir: join(dir, name),
      scenario: JSON.parse(readFileSync(join(dir, name, 'scenario.json'), 'utf8')) as Scenario,
      expected: JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as RegressionOutputs,
    }));
}
