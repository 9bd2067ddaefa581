/**
 * npm run bench:vuln (issue 17): the vulnerability database and matching.
 *  1. Loading the database: ../shared/vulndb/osv (4,291 OSV entries) read and indexed, as the server
 *     does when goModLens.vulnDB is set (node/vulnDb.ts + indexEntries); median of 9 runs.
 *  2. Re-matching after an edit: matchBuild over a real project's build list (in process, the build
 *     already computed; median of 50 runs) — what each view computation pays for `vulnerable`.
 *  3. The command: `go-mod-lens vuln -json -db DB` (the v1 copy test:real writes) against the go
 *     command listing the same build list (`go list -m -json all`, the floor of any module-level
 *     scan), wall time, median of GML_BENCH_RUNS (default 5) after one warm-up; and govulncheck
 *     -scan module's time for reference when test:real installed it (it scans only the modules
 *     the root package imports, so it is not a ratio).
 * Projects: GML_REAL_ONLY (default telegraf,nats-server) from the real-project cache (npm run
 * test:real fills it); a project not laid out there is skipped with one line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { computeBuild } from '../src/graph/buildList';
import { listModules } from '../src/graph/listing';
import { DiskFileSource } from '../src/node/fileSource';
import { readTextFile, resolveGoEnv } from '../src/node/goEnv';
import { loadProject } from '../src/node/project';
import { createModuleSource } from '../src/node/sources';
import { loadVulnDb } from '../src/node/vulnDb';
import { diskWorkspaceFs } from '../src/node/workspace';
import { indexEntries, matchBuild } from '../src/vuln/match';
import { repoRoot, sharedDir } from '../test/oracle/env';
import { goEnvFor, realCache } from '../test/real/projects';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timeMs = (f: () => unknown): number => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

async function main(): Promise<void> {
  const shared = sharedDir();
  const osv = shared ? join(shared, 'vulndb', 'osv') : '';
  if (!shared || !existsSync(osv)) {
    console.log('bench:vuln skipped: ../shared/vulndb/osv is not beside this checkout');
    return;
  }
  const loads: number[] = [];
  let index = indexEntries([]);
  for (let i = 0; i < 9; i++) loads.push(timeMs(() => (index = indexEntries(loadVulnDb(osv).entries))));
  console.log(`node ${process.version}; database ${osv}: ${index.entries} entries (${index.withdrawn} withdrawn), ${index.byModule.size} modules; load + index: median ${median(loads).toFixed(0)} ms, first ${loads[0].toFixed(0)} ms (of 9 runs)`);

  const cache = realCache();
  const v1 = join(cache, 'vulndb-v1');
  const govulncheck = join(cache, 'bin', 'govulncheck');
  const runs = Number(process.env.GML_BENCH_RUNS ?? 5);
  for (const id of (process.env.GML_REAL_ONLY ?? 'telegraf,nats-server').split(',')) {
    const dir = join(cache, 'work', id);
    if (!existsSync(join(dir, '.ready'))) {
      console.log(`  ${id}: skipped (not laid out in ${cache}; npm run test:real lays it out)`);
      continue;
    }
    const offline = goEnvFor(cache, false);
    const env = resolveGoEnv({ ...process.env, ...offline }, readTextFile);
    const project = await loadProject(dir, env, diskWorkspaceFs(), new DiskFileSource(), '1.26');
    if (!project.ok) {
      console.log(`  ${id}: skipped (${project.error})`);
      continue;
    }
    const b = await computeBuild(project.main, { modules: createModuleSource(env, { allowNetwork: false }), files: new DiskFileSource() }, { toolchain: '1.26', mode: 'readonly' });
    const modules = listModules(b).length;
    let found = 0;
    for (let i = 0; i < 5; i++) found = matchBuild(index, b).length; // warm
    const match = median(Array.from({ length: 50 }, () => timeMs(() => matchBuild(index, b))));
    let line = `  ${id}: ${modules} modules, ${found} findings; re-match after an edit ${match.toFixed(2)} ms (median of 50)`;
    if (existsSync(v1)) {
      const ours = (): number => timeMs(() => spawnSync(process.execPath, [join(repoRoot, 'bin/go-mod-lens.js'), 'vuln', '-json', '-db', v1, dir], { env: { ...process.env, ...offline, GOVULNDB: '' }, maxBuffer: 1 << 28 }));
      ours();
      const oursMs = median(Array.from({ length: runs }, ours));
      line += `; go-mod-lens vuln ${oursMs.toFixed(0)} ms`;
      // the go command's own floor for any module-level scan: listing the build list
      const goList = (): number => timeMs(() => spawnSync('go', ['list', '-m', '-json', 'all'], { cwd: dir, env: { ...process.env, ...offline, HOME: join(cache, 'home') }, maxBuffer: 1 << 28 }));
      goList();
      const goMs = median(Array.from({ length: runs }, goList));
      line += `, go list -m -json all ${goMs.toFixed(0)} ms (ratio ${(oursMs / goMs).toFixed(2)})`;
      if (existsSync(govulncheck)) {
        const theirs = (): { ms: number; ok: boolean; scanned: number } => {
          const t0 = performance.now();
          const r = spawnSync(govulncheck, ['-scan', 'module', '-json', '-db', `file://${v1}`], { cwd: dir, env: { ...process.env, ...offline, HOME: join(cache, 'home'), GOFLAGS: '-modcacherw', GOWORK: 'off' }, maxBuffer: 1 << 28, encoding: 'utf8' });
          const sbom = /"SBOM":\s*\{[^]*?"modules":\s*\[([^\]]*)\]/.exec(r.stdout)?.[1] ?? '';
          return { ms: performance.now() - t0, ok: r.status === 0, scanned: (sbom.match(/"path"/g) ?? []).length };
        };
        const warm = theirs();
        if (!warm.ok) line += '; govulncheck cannot scan it offline (its packages\' source is not in the cache)';
        else {
          const gvMs = median(Array.from({ length: runs }, () => theirs().ms));
          line += `; govulncheck -scan module ${gvMs.toFixed(0)} ms (it scans ${warm.scanned} modules: those the root package imports)`;
        }
      } else line += ' (govulncheck not installed: npm run test:real installs it)';
    }
    console.log(line);
  }
}

void main();
