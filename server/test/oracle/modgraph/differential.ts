/**
 * One differential check of a scenario: materialize it, run go against the file proxy (which fills
 * a module cache), then our CLI twice — once reading the same proxy, once reading only that module
 * cache (GOPROXY=off) — and compare list, list -json and graph. Where go failed, go is replayed
 * against the cache too, because its message then depends on where modules come from; where it
 * succeeded the replay prints the same (checked by the harness self-tests), so it is skipped.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GoOracle } from '../env';
import { performance } from 'node:perf_hooks';
import { Difference, compareAll, runOursAll } from './compare';
import { Materialized, materialize, removeTree } from './materialize';
import { OracleRun, Outputs, Source, allSucceeded, commands, normalizeOutput, runGoOracle } from './runGoOracle';
import { Scenario } from './scenario';
import { RegressionOutputs, StillFails } from './shrink';

/** ScenarioCheck is the outcome of one differential check. */
export interface ScenarioCheck {
  m: Materialized;
  go: Record<Source, OracleRun>;
  /** our outputs, when our CLI was run */
  ours?: Record<Source, Outputs>;
  differences: Difference[];
  goMs: number;
  oursMs: number;
}

/** scratchRoot makes a fresh folder for one scenario run (under $TMPDIR unless parent is given). */
export function scratchRoot(parent?: string, label = 'gml-mvs-'): string {
  if (!parent) return mkdtempSync(join(tmpdir(), label));
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, label));
}

/**
 * checkScenario runs the differential check in the empty folder root. With `ours` false only go
 * runs (the harness self-tests); `replayGo` forces the go replay against the cache even on success.
 * Ours emulates the oracle's release (-go=).
 */
export async function checkScenario(oracle: GoOracle, s: Scenario, root: string, opts: { ours: boolean; replayGo?: boolean }): Promise<ScenarioCheck> {
  const m = materialize(s, root);
  const proxy = await runGoOracle(oracle, m, 'proxy');
  const replay = opts.replayGo || !allSucceeded(proxy.outputs);
  const cache = replay ? await runGoOracle(oracle, m, 'cache', proxy.modcache) : { ...proxy, ms: 0 };
  const check: ScenarioCheck = { m, go: { proxy, cache }, differences: [], goMs: proxy.ms + cache.ms, oursMs: 0 };
  if (!opts.ours) return check;
  const t0 = performance.now();
  const emptyCache = join(root, 'ours-modcache');
  mkdirSync(emptyCache, { recursive: true });
  const oursProxy = await runOursAll(m, 'proxy', emptyCache, oracle.emulate);
  const oursCache = await runOursAll(m, 'cache', proxy.modcache, oracle.emulate);
  check.oursMs = performance.now() - t0;
  check.ours = { proxy: oursProxy, cache: oursCache };
  // go ran on copies (runs/<source>-<cmd>) and, from the proxy, filled its own module cache: the
  // folders (list -json's Dir and GoMod) are compared normalized ($SRC, $GOMODCACHE)
  const norm = (o: Outputs, modcache: string): Outputs => normalizedOutputs(o, m, modcache);
  check.differences = [
    ...compareAll('proxy', norm(proxy.outputs, proxy.modcache), norm(oursProxy, emptyCache)),
    ...compareAll('cache', norm(cache.outputs, cache.modcache), norm(oursCache, proxy.modcache)),
  ];
  return check;
}

/** normalizedOutputs rewrites absolute folders in go's messages ($SRC, $PROXY, $GOMODCACHE). */
export function normalizedOutputs(o: Outputs, m: Materialized, modcache: string): Outputs {
  const out: Partial<Outputs> = {};
  for (const c of commands) {
    out[c] = { status: o[c].status, stdout: normalizeOutput(o[c].stdout, m, modcache), stderr: normalizeOutput(o[c].stderr, m, modcache) };
  }
  return out as Outputs;
}

/** regressionOutputs is what saveRegression stores for a check: go's outputs from both sources. */
export function regressionOutputs(check: ScenarioCheck, goVersion: string, note?: string): RegressionOutputs {
  const { m, go } = check;
  return {
    go: goVersion,
    proxy: normalizedOutputs(go.proxy.outputs, m, go.proxy.modcache),
    cache: normalizedOutputs(go.cache.outputs, m, go.cache.modcache),
    ...(note ? { note } : {}),
  };
}

/** signature names a difference kind: command, source, and whether go succeeded. */
export function signature(d: Difference, check: ScenarioCheck): string {
  return `${d.cmd}/${d.source}/go-${check.go[d.source].outputs[d.cmd].status === 0 ? 'ok' : 'failed'}`;
}

/**
 * sameDifference is the shrinking predicate for a difference: a reduced scenario still fails if
 * our output still differs from go's on the same command and source, with go still succeeding (or
 * still failing) there. Each evaluation runs in its own scratch folder under parent.
 */
export function sameDifference(oracle: GoOracle, wanted: string, parent: string): StillFails {
  return async (s) => {
    const root = scratchRoot(parent, 'shrink-');
    try {
      const check = await checkScenario(oracle, s, root, { ours: true });
      return check.differences.some((d) => signature(d, check) === wanted);
    } finally {
      removeTree(root);
    }
  };
}

/**
 * featureTags says which interesting features a checked scenario exercised in go's output, so the
 * property test can report its coverage (a generator that stopped producing them would show).
 */
export function featureTags(s: Scenario, check: ScenarioCheck): string[] {
  const list = check.go.proxy.outputs.list;
  const tags: string[] = [];
  const add = (tag: string, yes: boolean): void => { if (yes) tags.push(tag); };
  add('workspace', !!s.workspace);
  add('unpruned main', s.main?.go === '1.16');
  add('replacement in use', list.stdout.includes(' => '));
  add('directory replacement in use', / => \.\.?\//.test(list.stdout));
  add('+incompatible selected', list.stdout.includes('+incompatible'));
  add('pseudo-version selected', /-(0\.)?\d{14}-/.test(list.stdout));
  add('excluded requirement dropped', list.stderr.includes('dropping requirement'));
  add('10+ modules listed', list.stdout.split('\n').length > 10);
  add('go failed', list.status !== 0);
  return tags;
}
