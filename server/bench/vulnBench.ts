/**
 * npm run bench:vuln (issue 17): the vulnerability database and matching.
 *  1. Loading the database: ../shared/vulndb/osv (4,291 OSV entries) read and indexed, as the server
 *     does when goModLens.vulnDB is set (node/vulnDb.ts + indexEntries); median of 9 runs.
 *  2. Re-matching after an edit: matchBuild over a build list (in process, the build already
 *     computed; median of 50 runs) — what each view computation pays for `vulnerable`: a synthetic
 *     build of 2,000 modules with an entry for one module in ten added to the database, and the
 *     real projects'.
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
import { OsvEntry, parseOsv } from '../src/vuln/osv';
import { singleModule } from '../src/graph/mainModules';
import { ModuleSource } from '../src/graph/source';
import { parseModFile } from '../src/syntax/modfile';
import { Rng } from '../test/fuzz/mutate';
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
  // what the server pays once: a fresh process (code not yet optimised), the files in the page cache
  const script = `const {loadVulnDb}=require(${JSON.stringify(join(__dirname, '../src/node/vulnDb.js'))});const {indexEntries}=require(${JSON.stringify(join(__dirname, '../src/vuln/match.js'))});const t=performance.now();indexEntries(loadVulnDb(${JSON.stringify(osv)}).entries);process.stdout.write(String(performance.now()-t))`;
  const fresh = median(Array.from({ length: 5 }, () => Number(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout)));
  console.log(`node ${process.version}; database ${osv}: ${index.entries} entries (${index.withdrawn} withdrawn), ${index.byModule.size} modules; load + index: ${fresh.toFixed(0)} ms in a fresh process (median of 5), ${median(loads).toFixed(0)} ms warm (median of 9)`);

  // a synthetic build of about 2,000 modules (random requirements, 1-3 versions each), with one module in
  // ten named by an entry added to the real database: the "re-matching at 2,000 modules"
  {
    const n = 2200; // about 2,000 of them end up in the build list
    const rng = new Rng(17);
    const path = (i: number): string => `example.com/synthetic/m${i}`;
    const texts = new Map<string, string>();
    for (let i = 0; i < n; i++) {
      for (let k = 0; k <= i % 3; k++) {
        const reqs = i + 1 < n ? Array.from({ length: 1 + rng.int(4) }, () => `require ${path(i + 1 + rng.int(Math.min(n - i - 1, 60)))} v1.${rng.int(3)}.0`) : [];
        texts.set(`${path(i)}@v1.${k}.0`, `module ${path(i)}\ngo 1.16\n${[...new Set(reqs)].join('\n')}\n`);
      }
    }
    for (let i = 0; i < n; i++) if (!texts.has(`${path(i)}@v1.1.0`)) texts.set(`${path(i)}@v1.1.0`, `module ${path(i)}\ngo 1.21\n`);
    for (let i = 0; i < n; i++) if (!texts.has(`${path(i)}@v1.2.0`)) texts.set(`${path(i)}@v1.2.0`, `module ${path(i)}\ngo 1.21\n`);
    const modules: ModuleSource = {
      goMod: (p, v) => {
        const t = texts.get(`${p}@${v}`);
        return t === undefined ? { ok: false, kind: 'not-found', message: `${p}@${v}: not found` } : { ok: true, text: t, origin: 'synthetic' };
      },
      describe: () => 'synthetic',
    };
    const rootReqs = Array.from({ length: 40 }, (_, k) => `require ${path(k * 7)} v1.2.0`).join('\n');
    const main = singleModule({ path: 'example.com/synthetic/main', dir: '/synthetic', modFile: parseModFile(`module example.com/synthetic/main\ngo 1.21\n${rootReqs}\n`) }, { toolchain: '1.26' });
    const b = await computeBuild(main, { modules, files: { readText: () => undefined } }, { toolchain: '1.26', mode: 'readonly' });
    const extra: OsvEntry[] = [];
    for (let i = 0; i < n; i += 10) {
      const e = parseOsv(JSON.stringify({ id: `GO-9999-${String(i).padStart(4, '0')}`, summary: 's', affected: [{ package: { name: path(i), ecosystem: 'Go' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: i % 20 === 0 ? '1.3.0' : '1.1.0' }] }] }] }));
      if (typeof e !== 'string') extra.push(e);
    }
    const synthetic = indexEntries([...loadVulnDb(osv).entries, ...extra]);
    let found = 0;
    for (let i = 0; i < 5; i++) found = matchBuild(synthetic, b).length;
    const match = median(Array.from({ length: 50 }, () => timeMs(() => matchBuild(synthetic, b))));
    console.log(`  synthetic: ${listModules(b).length} modules, ${found} findings (${extra.length} entries added); re-match after an edit ${match.toFixed(2)} ms (median of 50)`);
  }

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
