/**
 * Runs the real go command (oracles.md §1) on a materialized scenario: `go list -mod=mod -m all`,
 * `go list -mod=mod -m -json all` and `go mod graph` in module mode; the same without -mod in
 * workspace mode (Go 1.19 allows only -mod=readonly there). Each command runs on a fresh copy of
 * ROOT/src, because -mod=mod rewrites go.mod. The module cache Go fills is kept, so the scenario can
 * be replayed with GOPROXY=off against it (the layout a user's machine has, semantics §5.3).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { GoOracle, GoRun, runGo } from '../env';
import { Materialized, copyTree } from './materialize';

/** Command is one of the three compared commands. */
export type Command = 'list' | 'json' | 'graph';

/** commands lists them in the order they run. */
export const commands: readonly Command[] = ['list', 'json', 'graph'];

/** Outputs holds what each command printed and its exit status. */
export type Outputs = Record<Command, GoRun>;

/** Source says where module files come from: the file:// proxy, or only the module cache (GOPROXY=off). */
export type Source = 'proxy' | 'cache';

/** OracleRun is the result of running the three commands once. */
export interface OracleRun {
  outputs: Outputs;
  /** GOMODCACHE used (and, for the proxy run, filled) by go */
  modcache: string;
  /** wall-clock milliseconds spent in go (the three commands) */
  ms: number;
}

/** goArgs is the go command line for cmd; workspace mode cannot take -mod=mod in Go 1.19. */
export function goArgs(cmd: Command, workspace: boolean): string[] {
  const mod = workspace ? [] : ['-mod=mod'];
  switch (cmd) {
    case 'list': return ['list', ...mod, '-m', 'all'];
    case 'json': return ['list', ...mod, '-m', '-json', 'all'];
    case 'graph': return ['mod', 'graph'];
  }
}

/**
 * goModuleEnv is the Go environment for a scenario whose sources are at srcDir: GOPROXY (the file
 * proxy, or off), GOMODCACHE, GOFLAGS (-mod=mod, or empty for a workspace) and GOWORK (off, or the
 * absolute go.work). Our CLI receives the same variables.
 */
export function goModuleEnv(m: Materialized, srcDir: string, source: Source, modcache: string): Record<string, string> {
  return {
    GOPROXY: source === 'proxy' ? m.proxyUrl : 'off',
    GOMODCACHE: modcache,
    GOFLAGS: m.goWork ? '' : '-mod=mod',
    GOWORK: m.goWork ? join(srcDir, m.goWork) : 'off',
    GOSUMDB: 'off',
    GONOSUMDB: '',
    GOPRIVATE: '',
    GONOPROXY: '',
    GOTOOLCHAIN: 'local',
    GO111MODULE: 'on',
    GOENV: 'off',
    GOPATH: join(m.root, 'gopath'),
  };
}

/** runDirOf is the directory where commands run for sources at srcDir. */
export function runDirOf(m: Materialized, srcDir: string): string {
  return join(srcDir, m.runDir);
}

/**
 * runGoOracle runs the three commands on fresh copies of the scenario (ROOT/runs/<source>-<cmd>).
 * source `proxy` reads the file proxy into `modcache` (pass a fresh folder); source `cache` replays
 * with GOPROXY=off against a module cache an earlier proxy run filled.
 */
export async function runGoOracle(oracle: GoOracle, m: Materialized, source: Source, modcache = join(m.root, 'modcache')): Promise<OracleRun> {
  const outputs: Partial<Outputs> = {};
  let ms = 0;
  for (const cmd of commands) {
    const copy = join(m.root, 'runs', `${source}-${cmd}`);
    copyTree(m.src, copy);
    const t0 = performance.now();
    outputs[cmd] = await runGo(oracle, goArgs(cmd, !!m.goWork), runDirOf(m, copy), goModuleEnv(m, copy, source, modcache));
    ms += performance.now() - t0;
  }
  return { outputs: outputs as Outputs, modcache, ms };
}

/** allSucceeded says whether go exited 0 for every command. */
export function allSucceeded(o: Outputs): boolean {
  return commands.every((c) => o[c].status === 0);
}

/**
 * normalizeOutput replaces the scenario's absolute folders in a message with $SRC, $PROXY,
 * $GOMODCACHE and $ROOT, so outputs from different copies (and saved fixtures) compare equal.
 */
export function normalizeOutput(text: string, m: Materialized, modcache?: string): string {
  let t = text;
  const runs = join(m.root, 'runs');
  t = t.replace(new RegExp(escapeRe(runs) + '/[a-z]+-[a-z]+', 'g'), '$SRC');
  if (modcache) t = t.split(modcache).join('$GOMODCACHE');
  t = t.split(m.src).join('$SRC').split(m.proxy).join('$PROXY').split(m.root).join('$ROOT');
  return t;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
