/**
 * Test environment helpers: where the repository and the optional ../shared folder are, and how
 * to run the real go command offline (oracles.md §1). Tests that need either skip with a clear
 * message when it is absent, so a plain clone still runs the default suite.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

let goPath: string | null | undefined;

/** goBinary is the go command used as an oracle: $GO_MOD_LENS_GO, Debian's Go 1.19, or `go` on PATH. */
export function goBinary(): string | undefined {
  if (goPath !== undefined) return goPath ?? undefined;
  const candidates = [process.env.GO_MOD_LENS_GO, '/usr/lib/go-1.19/bin/go', 'go'].filter((c): c is string => !!c);
  goPath = null;
  for (const c of candidates) {
    try {
      execFileSync(c, ['version'], { stdio: 'pipe', env: goEnv() });
      goPath = c;
      break;
    } catch {
      // try the next one
    }
  }
  return goPath ?? undefined;
}

export const noGo = 'skipped: no go command (install golang-1.19-go, or set GO_MOD_LENS_GO)';

let scratch: string | undefined;

/** goEnv is an environment in which the go command never touches the network or the home folder. */
export function goEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  scratch ??= mkdtempSync(join(tmpdir(), 'gml-go-'));
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

/** runGo runs the go command with args and returns its exit status and output. */
export function runGo(args: string[], cwd?: string): Promise<GoRun> {
  const go = goBinary();
  if (!go) return Promise.reject(new Error(noGo));
  return new Promise((done) => {
    execFile(go, args, { cwd, env: goEnv(), encoding: 'utf8', maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const status = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      done({ status, stdout, stderr });
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
