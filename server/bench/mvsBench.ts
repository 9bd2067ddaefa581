/**
 * npm run bench:mvs — go-mod-lens against `go list -mod=mod -m all` on random module graphs of
 * 50, 500, 2,000 and 10,000 modules, same inputs, same run, warm module cache (Go populates it
 * first from a file:// proxy; both then read it with GOPROXY=off).
 *
 * Prints, per size: go's time, our CLI's time as a whole process, the ratio, the in-process
 * recomputation time once go.mod files are parsed (the two builds the language server computes
 * after an edit; and, separately, the root rewrite that only `graph` needs), and the heap used. Environment: GML_BENCH_SIZES (e.g. "50,500"), GML_BENCH_RUNS (default 5).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeBuild } from '../src/graph/buildList';
import { listLines, listModules } from '../src/graph/listing';
import { escapePath, escapeVersion } from '../src/module/modulePath';
import { DiskFileSource } from '../src/node/fileSource';
import { readTextFile, resolveGoEnv } from '../src/node/goEnv';
import { loadProject } from '../src/node/project';
import { createModuleSource } from '../src/node/sources';
import { diskWorkspaceFs } from '../src/node/workspace';
import { Rng } from '../test/fuzz/mutate';
import { goEnv, goOracle, repoRoot } from '../test/oracle/env';

interface Gen {
  root: string;
  mainDir: string;
  proxy: string;
  files: number;
}

const modPath = (i: number): string => `example.com/m${i % 7 === 0 ? 'X' : ''}${i}`;

/** generate writes a random graph of n module paths (1–3 versions each, mixed go 1.16/1.17/1.19). */
function generate(n: number, seed: number): Gen {
  const rng = new Rng(seed);
  const root = mkdtempSync(join(tmpdir(), `gml-bench-${n}-`));
  const proxy = join(root, 'proxy');
  let files = 0;
  const versionsOf = (i: number): string[] => Array.from({ length: 1 + (i % 3) }, (_, k) => `v1.${k}.0`);
  for (let i = 0; i < n; i++) {
    const path = modPath(i);
    const esc = escapePath(path);
    if ('error' in esc) throw new Error(String(esc.error));
    const dir = join(proxy, esc.value, '@v');
    mkdirSync(dir, { recursive: true });
    const vs = versionsOf(i);
    writeFileSync(join(dir, 'list'), vs.join('\n') + '\n');
    for (const v of vs) {
      const reqs = new Set<string>();
      const fan = i + 1 < n ? 1 + rng.int(4) : 0;
      for (let k = 0; k < fan; k++) {
        const j = i + 1 + rng.int(Math.min(n - i - 1, 60));
        reqs.add(`require ${modPath(j)} ${rng.pick(versionsOf(j))}`);
      }
      const go = rng.pick(['1.16', '1.17', '1.19', '']);
      writeFileSync(join(dir, `${(escapeVersion(v) as { value: string }).value}.mod`), `module ${path}\n${go ? `go ${go}\n` : ''}${[...reqs].join('\n')}\n`);
      writeFileSync(join(dir, `${v}.info`), JSON.stringify({ Version: v, Time: '2023-01-01T00:00:00Z' }));
      files++;
    }
  }
  const mainDir = join(root, 'main');
  mkdirSync(mainDir);
  const roots = new Set<string>();
  for (let k = 0; k < Math.max(5, Math.floor(n / 20)); k++) {
    const i = rng.int(Math.min(n, 40 + k * 3));
    roots.add(`\t${modPath(i)} ${rng.pick(versionsOf(i))}`);
  }
  writeFileSync(join(mainDir, 'go.mod'), `module example.com/main\n\ngo 1.16\n\nrequire (\n${[...roots].join('\n')}\n)\n`);
  return { root, mainDir, proxy, files };
}

function timeMs(run: () => void): number {
  const t0 = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function benchSize(n: number, runs: number): Promise<void> {
  const go = goOracle()?.bin;
  const gen = generate(n, 1000 + n);
  const cache = join(gen.root, 'modcache');
  const fill = goEnv({ GOPROXY: `file://${gen.proxy}`, GOMODCACHE: cache, GOFLAGS: '-mod=mod -modcacherw' });
  const warm = goEnv({ GOPROXY: 'off', GOMODCACHE: cache, GOFLAGS: '-mod=mod -modcacherw' });
  let goOut = '';
  let goMs = NaN;
  if (go) {
    const scratch = join(gen.root, 'go-run');
    const run = (env: NodeJS.ProcessEnv): string => {
      rmSync(scratch, { recursive: true, force: true });
      cpSync(gen.mainDir, scratch, { recursive: true });
      const r = spawnSync(go, ['list', '-mod=mod', '-m', 'all'], { cwd: scratch, env, encoding: 'utf8', maxBuffer: 1 << 28 });
      if (r.status !== 0) throw new Error(`go failed: ${r.stderr}`);
      return r.stdout;
    };
    goOut = run(fill); // cold: fills the module cache
    goMs = median(Array.from({ length: runs }, () => timeMs(() => run(warm))));
  }
  const cliEnv = { ...process.env, GOPROXY: 'off', GOMODCACHE: cache, GOENV: 'off', GOWORK: 'off', GOFLAGS: '' };
  let cliOut = '';
  const cliMs = median(Array.from({ length: runs }, () => timeMs(() => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin/go-mod-lens.js'), 'list', '-go=1.19', gen.mainDir], { env: cliEnv, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`go-mod-lens failed: ${r.stderr}`);
    cliOut = r.stdout;
  })));
  const env = resolveGoEnv(cliEnv, readTextFile);
  const files = new DiskFileSource();
  const project = await loadProject(gen.mainDir, env, diskWorkspaceFs(), files, '1.19');
  if (!project.ok) throw new Error(project.error);
  const bio = { modules: createModuleSource(env, { allowNetwork: false }), files, cache: new Map() };
  const first = await computeBuild(project.main, bio, { toolchain: '1.19', mode: 'mod', unprunedRoots: 'skip' });
  // After an edit the language server computes two builds from parsed go.mod files (workspace/session.ts):
  // the -mod=mod selection (roots not rewritten) and the read-only one. `graph` also rewrites an
  // unpruned main module's roots (mvs.Req) and reloads; that is timed on its own.
  const timed = async (f: () => Promise<unknown>): Promise<number> => {
    const ts: number[] = [];
    for (let k = 0; k < 5; k++) await f(); // a running server's code is warm
    for (let k = 0; k < Math.max(runs, 15); k++) {
      const t0 = process.hrtime.bigint();
      await f();
      ts.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return median(ts);
  };
  const again = await timed(async () => {
    await computeBuild(project.main, bio, { toolchain: '1.19', mode: 'mod', unprunedRoots: 'skip' });
    await computeBuild(project.main, bio, { toolchain: '1.19', mode: 'readonly' });
  });
  const rewrite = await timed(() => computeBuild(project.main, bio, { toolchain: '1.19', mode: 'mod', unprunedRoots: 'rewrite' }));
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  const listed = listLines(listModules(first)).length;
  const same = !go || goOut === cliOut;
  console.log(`${String(n).padStart(6)} modules: build list ${listed}, go.mod files read ${first.summaries.size} (of ${gen.files}); ` +
    `go ${go ? goMs.toFixed(0) + ' ms' : 'absent'}, go-mod-lens CLI ${cliMs.toFixed(0)} ms` +
    `${go ? ` (ratio ${(cliMs / goMs).toFixed(2)})` : ''}, in-process recompute after an edit ${again.toFixed(1)} ms (graph with rewritten roots ${rewrite.toFixed(1)} ms), heap ${heapMb.toFixed(0)} MB` +
    `${same ? (go ? ', output identical to go' : '') : ' — OUTPUT DIFFERS FROM GO'}`);
  if (process.env.GML_BENCH_KEEP) console.log(`  kept ${gen.root}`);
  else rmSync(gen.root, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const sizes = (process.env.GML_BENCH_SIZES ?? '50,500,2000,10000').split(',').map(Number);
  const runs = Number(process.env.GML_BENCH_RUNS ?? 5);
  const go = goOracle()?.bin;
  console.log(`node ${process.version}; ${go ? spawnSync(go, ['version'], { encoding: 'utf8', env: goEnv() }).stdout.trim() : 'no go command'}; median of ${runs} runs`);
  for (const n of sizes) await benchSize(n, runs);
}

void main();
