/**
 * goBaseline: the real go command on the same inputs as the server bench, in the same run, so the
 * server's figures can be printed as ratios (project rule: figures are ratios against go).
 *
 * Go 1.19 (the only Go in Debian bookworm) rejects newer syntax in a main module or go.work
 * (`go 1.25.0`, `toolchain`, `tool`): it is run on the real file (its answer is reported) and on a
 * copy downlevelled by test/oracle/downlevel.ts (same size and shape, syntax 1.19 reads), whose
 * time is the ratio base when the real file is rejected. `go list -m all` cannot run offline
 * without a module cache; what it prints is reported.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { downlevel } from '../test/oracle/downlevel';
import { findFiles, goEnv, goOracle } from '../test/oracle/env';

/** GoRunTiming is one go command, run `runs` times: its median wall time and what it printed. */
export interface GoRunTiming {
  command: string;
  status: number | null;
  medianMs: number;
  runs: number;
  /** the first distinct stderr lines (errors), at most three */
  errors: string[];
  stderrLines: number;
  stdoutBytes: number;
}

export interface GoBaseline {
  version?: string;
  /** `go mod edit -json` / `go work edit -json` on the real file */
  editReal?: GoRunTiming;
  /** the same on the downlevelled copy */
  editDownlevelled?: GoRunTiming;
  /** `go list -m all` (downlevelled copy, offline, empty module cache) */
  list?: GoRunTiming;
  /** the time ratios are computed against, and what it is */
  baseMs?: number;
  baseLabel?: string;
  note?: string;
}

/** runTimed runs a go command `runs` times (after one unmeasured warm-up) and keeps the median. */
function runTimed(go: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, runs: number): GoRunTiming {
  const times: number[] = [];
  let last = spawnSync(go, args, { cwd, env, encoding: 'utf8', timeout: 120000, maxBuffer: 1 << 28 });
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    last = spawnSync(go, args, { cwd, env, encoding: 'utf8', timeout: 120000, maxBuffer: 1 << 28 });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const lines = (last.stderr ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return {
    command: `go ${args.join(' ')}`, status: last.status, medianMs: times[Math.floor(times.length / 2)], runs,
    errors: [...new Set(lines)].slice(0, 3), stderrLines: lines.length, stdoutBytes: (last.stdout ?? '').length,
  };
}

/** downlevelCopy copies dir to dest and downlevels every go.mod and go.work in it. */
function downlevelCopy(dir: string, dest: string): void {
  cpSync(dir, dest, { recursive: true });
  for (const f of findFiles(dest, (n) => n === 'go.mod' || n === 'go.work')) writeFileSync(f, downlevel(readFileSync(f, 'utf8')));
}

/**
 * measureGo times the go command on a copy of the input: root is a directory holding the input
 * (`file` relative to it), scratch a directory this may fill.
 */
export function measureGo(root: string, file: string, scratch: string, runs: number): GoBaseline {
  const go = goOracle()?.bin;
  if (!go) return { note: 'no go command: install golang-1.19-go (apt-get install -y golang-1.19-go); ratios are not available' };
  const version = spawnSync(go, ['version'], { encoding: 'utf8', env: goEnv() }).stdout.trim();
  const real = join(scratch, 'go-real');
  const low = join(scratch, 'go-downlevelled');
  cpSync(root, real, { recursive: true });
  downlevelCopy(root, low);
  const isWork = basename(file) === 'go.work';
  const dir = (r: string): string => join(r, dirname(file));
  const envFor = (r: string): NodeJS.ProcessEnv => (isWork
    ? goEnv({ GOWORK: join(r, file), GOFLAGS: '' }) // -mod=mod is refused in workspace mode
    : goEnv({ GOWORK: 'off' }));
  const editArgs = [isWork ? 'work' : 'mod', 'edit', '-json', basename(file)];
  const editReal = runTimed(go, editArgs, dir(real), envFor(real), runs);
  const editDownlevelled = runTimed(go, editArgs, dir(low), envFor(low), runs);
  const list = runTimed(go, ['list', '-m', 'all'], dir(low), envFor(low), Math.max(1, Math.min(3, runs)));
  const base = editReal.status === 0 ? editReal : editDownlevelled.status === 0 ? editDownlevelled : undefined;
  return {
    version, editReal, editDownlevelled, list,
    baseMs: base?.medianMs,
    baseLabel: base ? `${base.command}${base === editReal ? '' : ' (downlevelled copy)'}` : undefined,
    note: base ? undefined : 'go could not read the file even downlevelled: ratios are not available',
  };
}
