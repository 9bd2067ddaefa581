/**
 * Test environment helpers: where the repository and the optional ../shared folder are, and how
 * to run the real go command offline (oracles.md §1). Tests that need either skip with a clear
 * message when it is absent, so a plain clone still runs the default suite.
 */
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { decodeGoUtf8 } from '../../src/syntax/text';

/** repoRoot is the project root (tests run from server/out/test/...). */
export const repoRoot = resolve(__dirname, '../../../..');

/** sharedDir is ../shared beside the project, when present. */
export function sharedDir(): string | undefined {
  const dir = resolve(repoRoot, '../shared');
  return existsSync(join(dir, 'corpus')) ? dir : undefined;
}

export const noShared = 'skipped: ../shared (the corpus) is not beside this checkout';

/** findFiles lists files under dir whose base name satisfies want, sorted. */
export function findFiles(dir: string, want: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (want(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/**
 * GoOracle is one real go command the differential tests can ask: where it is, what it calls itself
 * (`go env GOVERSION`, e.g. go1.26.8), its language release (1.26) and the version our `-go=`
 * emulation takes for it (1.26.8, which also names it in "running go 1.26.8" messages). label is
 * what test output prints, so every figure names the go it was measured against.
 */
export interface GoOracle {
  bin: string;
  version: string;
  release: string;
  emulate: string;
  label: string;
}

/** Where go commands are looked for, besides $GO_MOD_LENS_GO: current Go first, then Debian's Go 1.19. */
const goCandidates = ['go', '/usr/local/go/bin/go', '/usr/lib/go-1.19/bin/go'];

let oracles: GoOracle[] | undefined;

/**
 * goOracles lists every distinct go command available, newest release first: each path in
 * $GO_MOD_LENS_GO (separated by ':'), `go` on PATH, /usr/local/go/bin/go (Go 1.26 on this project's
 * machines) and /usr/lib/go-1.19/bin/go (Debian's golang-1.19-go). GO_MOD_LENS_GO=none lists none,
 * as on a machine without go.
 */
export function goOracles(): GoOracle[] {
  oracles ??= findGoOracles(process.env.GO_MOD_LENS_GO ?? '', goCandidates);
  return oracles;
}

/**
 * findGoOracles asks each path of setting (':'-separated; 'none' for no go at all), then each
 * candidate, for its version; those that run are returned newest release first (in the order found
 * within a release). The same binary reached twice (a symlink, `go` on PATH) is listed once.
 */
export function findGoOracles(setting: string, candidates: string[]): GoOracle[] {
  const wanted = setting === 'none' ? [] : [...setting.split(':').filter((p) => p !== ''), ...candidates];
  const seen = new Set<string>();
  const found: GoOracle[] = [];
  for (const bin of wanted) {
    const o = probeGo(bin);
    if (!o || seen.has(o.real)) continue;
    seen.add(o.real);
    found.push(o.oracle);
  }
  return found.sort((x, y) => compareRelease(y.release, x.release));
}

/** probeGo asks bin for its version; undefined when it does not run or names no release. */
function probeGo(bin: string): { oracle: GoOracle; real: string } | undefined {
  try {
    const version = execFileSync(bin, ['env', 'GOVERSION'], { stdio: 'pipe', env: goEnv(), cwd: tmpdir(), encoding: 'utf8' }).trim();
    const m = /(?:^|\s)go(1\.\d+)(\.\d+)?/.exec(version); // go1.26.8, or devel go1.27-abcdef
    if (!m) return undefined;
    const real = realpathSync(bin.includes('/') ? bin : onPath(bin));
    return { oracle: { bin, version, release: m[1], emulate: m[1] + (m[2] ?? ''), label: `${version} (${real})` }, real };
  } catch {
    return undefined;
  }
}

/** onPath is the first executable named name in $PATH's folders (as the shell finds it). */
function onPath(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir || '.', name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  throw new Error(`${name} not on PATH`);
}

/** compareRelease orders Go releases such as 1.9 < 1.19 < 1.26. */
export function compareRelease(a: string, b: string): number {
  const [, x] = a.split('.').map(Number);
  const [, y] = b.split('.').map(Number);
  return x - y;
}

/** goOracle is the go command of release (e.g. '1.19'), or without an argument the newest one. */
export function goOracle(release?: string): GoOracle | undefined {
  return release ? goOracles().find((o) => o.release === release) : goOracles()[0];
}

/** noGoOracle is the one-line skip message when goOracle(release) finds nothing. */
export function noGoOracle(release?: string): string {
  if (release === '1.19') return 'skipped: no Go 1.19 oracle (apt-get install golang-1.19-go, or GO_MOD_LENS_GO=/path/to/go1.19/bin/go)';
  if (release) return `skipped: no Go ${release} oracle (set GO_MOD_LENS_GO=/path/to/go${release}/bin/go)`;
  return 'skipped: no go command (Go 1.26 at /usr/local/go, golang-1.19-go from Debian, or GO_MOD_LENS_GO)';
}

let scratch: string | undefined;

/**
 * telemetryOff makes home a HOME in which the go command (Go ≥ 1.23) keeps no telemetry: its mode
 * file (os.UserConfigDir()/go/telemetry/mode) says off. Otherwise go writes counters there in the
 * background, which races with a test removing its temp folder (ENOTEMPTY). Returns home.
 */
export function telemetryOff(home: string): string {
  const dir = join(home, '.config', 'go', 'telemetry');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'mode'), 'off\n');
  return home;
}

/** goEnv is an environment in which the go command never touches the network or the home folder. */
export function goEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  scratch ??= telemetryOff(mkdtempSync(join(tmpdir(), 'gml-go-')));
  return {
    PATH: process.env.PATH, HOME: scratch, GOFLAGS: '-mod=mod', GOPROXY: 'off', GOSUMDB: 'off', GOENV: 'off',
    GOWORK: 'off', GOTOOLCHAIN: 'local', GO111MODULE: 'on', GOTELEMETRY: 'off',
    GOPATH: join(scratch, 'gopath'), GOMODCACHE: join(scratch, 'modcache'), GOCACHE: join(scratch, 'cache'),
    ...extra,
  };
}

export interface GoRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * runGo runs the oracle's go command with args (in goEnv, plus env) and resolves with its exit status
 * and output, decoded as files are (decodeGoUtf8: an invalid byte Go prints stays that byte). It
 * never rejects; a go command still running after two minutes is killed (status -1, said in stderr).
 */
export function runGo(oracle: GoOracle, args: string[], cwd?: string, env: Record<string, string> = {}): Promise<GoRun> {
  return new Promise((done) => {
    execFile(oracle.bin, args, { cwd, env: goEnv(env), encoding: 'buffer', maxBuffer: 64 << 20, timeout: 120_000, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      if (err?.killed) {
        done({ status: -1, stdout: '', stderr: `go ${args.join(' ')}: still running after 120 s, killed\n` });
        return;
      }
      const status = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      done({ status, stdout: decodeGoUtf8(stdout), stderr: decodeGoUtf8(stderr) });
    });
  });
}

/** mapLimit runs f over items with at most `limit` calls in flight, keeping order. */
export async function mapLimit<T, R>(items: T[], limit: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
