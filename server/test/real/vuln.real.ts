/**
 * npm run test:real (issue 17): `go-mod-lens vuln -json` against govulncheck -scan module -json
 * (golang.org/x/vuln, installed from the Go module proxy into the real-project cache) on real
 * projects, with the v1 database built from ../shared/vulndb/osv. govulncheck matches the modules
 * of the packages the main module's packages import (its SBOM); we match every module version the
 * build list builds. So on the modules govulncheck lists the (id, module) pairs and fixed versions
 * must be the same, and the standard library pairs too when govulncheck is told (GOVERSION) the Go
 * the module asks for; the `toolchain` entries (the go command itself), which govulncheck does not
 * report, and the modules of the build list no package imports are counted, not compared.
 * Without the proxy, a go command or ../shared, one skipped line says so.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GoOracle, goOracle, goOracles, repoRoot, runGo, sharedDir, telemetryOff } from '../oracle/env';
import { splitJsonStream } from '../oracle/modgraph/compare';
import { note } from '../support/notes';
import { Prepared, goEnvFor, prepare, proxyReachable, realCache, realProjects } from './projects';

const GOVULNCHECK = 'golang.org/x/vuln/cmd/govulncheck@v1.10.0';
/** small and mid-sized projects whose packages load quickly (govulncheck downloads their source) */
const PROJECTS = ['gin', 'echo', 'cobra', 'gorm', 'nats-server', 'viper-old', 'logrus', 'testify', 'pgx', 'grpc'];

/** writeV1Database lays the OSV files of osvDir out as vuln.go.dev serves them (index/db.json, index/modules.json, index/vulns.json, ID/). */
export function writeV1Database(osvDir: string, out: string): number {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'index'), { recursive: true });
  mkdirSync(join(out, 'ID'));
  const modules = new Map<string, { id: string; modified: string }[]>();
  const vulns: { id: string; modified: string; aliases: string[] }[] = [];
  let latest = '';
  for (const name of readdirSync(osvDir).filter((n) => n.endsWith('.json')).sort()) {
    const text = readFileSync(join(osvDir, name), 'utf8');
    const e = JSON.parse(text) as { id: string; modified: string; aliases?: string[]; affected?: { package?: { name?: string } }[] };
    writeFileSync(join(out, 'ID', `${e.id}.json`), text);
    vulns.push({ id: e.id, modified: e.modified, aliases: e.aliases ?? [] });
    if (e.modified > latest) latest = e.modified;
    for (const path of new Set((e.affected ?? []).map((a) => a.package?.name ?? '').filter((p) => p !== ''))) {
      const list = modules.get(path) ?? [];
      list.push({ id: e.id, modified: e.modified });
      modules.set(path, list);
    }
  }
  writeFileSync(join(out, 'index', 'db.json'), JSON.stringify({ modified: latest }));
  writeFileSync(join(out, 'index', 'vulns.json'), JSON.stringify(vulns));
  writeFileSync(join(out, 'index', 'modules.json'), JSON.stringify([...modules].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([path, v]) => ({ path, vulns: v }))));
  return vulns.length;
}

describe('vulnerabilities against govulncheck -scan module (issue 17)', function () {
  this.timeout(40 * 60 * 1000);
  const oracle = goOracle('1.26') ?? goOracles().find((o) => Number(o.release.split('.')[1]) >= 21);
  const cache = realCache();
  const bin = join(cache, 'bin', 'govulncheck');
  const db = join(cache, 'vulndb-v1');
  const summary: string[] = [];

  before(async function () {
    const shared = sharedDir();
    let skip: string | undefined;
    if (!shared || !existsSync(join(shared, 'vulndb', 'osv'))) skip = 'skipped: ../shared/vulndb/osv (the vulnerability database snapshot) is not beside this checkout';
    else if (!oracle) skip = 'skipped: no go command of release 1.21 or later';
    else skip = await proxyReachable(oracle, cache);
    if (!skip && oracle && !existsSync(bin)) {
      const r = await runGo(oracle, ['install', GOVULNCHECK], cache, { ...goEnvFor(cache, true), GOBIN: join(cache, 'bin'), GOFLAGS: '' });
      if (r.status !== 0) skip = `skipped: go install ${GOVULNCHECK} failed: ${r.stderr.trim().split('\n').pop()}`;
    }
    if (skip) {
      note(skip.startsWith('skipped') ? skip : `skipped: ${skip}`);
      this.skip();
    }
    telemetryOff(join(cache, 'home'));
    const n = writeV1Database(join(shared as string, 'vulndb', 'osv'), db);
    summary.push(`database: ${n} entries (v1 layout written to ${db})`);
  });

  after(() => {
    if (summary.length > 1) note(`go-mod-lens vuln against ${GOVULNCHECK.split('@')[1]} govulncheck -scan module:\n${summary.join('\n')}`);
  });

  for (const id of PROJECTS) {
    it(`${id}: the same findings on the modules govulncheck scans, and for the standard library`, async function () {
      const p = realProjects().find((x) => x.id === id);
      if (!p) this.skip();
      const prepared = await prepare(oracle as GoOracle, cache, p as NonNullable<typeof p>);
      assert.ok(!('error' in prepared), 'error' in prepared ? prepared.error : '');
      const r = prepared as Prepared;
      const offline = goEnvFor(cache, false);
      const ours = spawnSync(process.execPath, [join(repoRoot, 'bin/go-mod-lens.js'), 'vuln', '-json', '-db', db, '-cache=off', r.dir], { encoding: 'utf8', env: { ...process.env, ...offline, GOVULNDB: '' }, maxBuffer: 1 << 28 });
      assert.ok(ours.status === 0 || ours.status === 1, `go-mod-lens vuln failed (${ours.status}): ${ours.stderr}`);
      const findings = (JSON.parse(ours.stdout) as { Findings: { ID: string; Module: string; Version: string; Fixed: string }[] }).Findings;
      const stdlib = findings.find((f) => f.Module === 'stdlib')?.Version ?? askedGo(r.dir);
      // govulncheck loads the main module's packages: their source comes from the proxy (once, into the cache)
      const gv = spawnSync(bin, ['-scan', 'module', '-json', '-db', `file://${db}`], {
        cwd: r.dir, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 15 * 60 * 1000,
        env: { ...process.env, ...goEnvFor(cache, true), HOME: join(cache, 'home'), GOVERSION: stdlib, GOFLAGS: '-modcacherw', GOWORK: 'off' },
      });
      const messages = splitJsonStream(gv.stdout) as Record<string, unknown>[];
      const sbom = messages.find((m) => 'SBOM' in m)?.SBOM as { modules?: { path: string; version?: string }[] } | undefined;
      assert.ok(sbom?.modules, `govulncheck gave no SBOM (status ${gv.status}): ${gv.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      const scanned = new Map(sbom.modules.filter((m) => m.version).map((m) => [m.path, m.version as string]));
      const theirs = new Map<string, string>();
      for (const m of messages) {
        const f = m.finding as { osv: string; fixed_version?: string; trace: { module: string }[] } | undefined;
        if (f) theirs.set(`${f.osv} ${f.trace[0].module}`, norm(f.fixed_version ?? ''));
      }
      const mine = new Map<string, string>();
      let toolchain = 0;
      let unscanned = 0;
      for (const f of findings) {
        if (f.Module === 'toolchain') toolchain++;
        else if (f.Module !== 'stdlib' && !scanned.has(f.Module)) unscanned++;
        else mine.set(`${f.ID} ${f.Module}`, norm(f.Fixed));
      }
      // the versions govulncheck scanned are the ones we built
      const ourVersions = new Map(findings.map((f) => [f.Module, f.Version]));
      const versionDiffs = [...scanned].filter(([path, v]) => path !== 'stdlib' && ourVersions.has(path) && ourVersions.get(path) !== v).map(([path, v]) => `${path}: govulncheck ${v}, ours ${ourVersions.get(path)}`);
      const onlyOurs = [...mine.keys()].filter((k) => !theirs.has(k)).sort();
      const onlyTheirs = [...theirs.keys()].filter((k) => !mine.has(k)).sort();
      const fixedDiffs = [...mine].filter(([k, v]) => theirs.has(k) && theirs.get(k) !== v).map(([k, v]) => `${k}: fixed ${v} (ours), ${theirs.get(k)} (govulncheck)`);
      summary.push(`${id.padEnd(12)} ${String(theirs.size).padStart(4)} pairs compared (${[...theirs.keys()].filter((k) => k.endsWith(' stdlib')).length} stdlib at ${stdlib}), ${scanned.size} modules scanned; not compared: ${toolchain} toolchain, ${unscanned} on build-list modules no package imports`);
      assert.deepEqual({ onlyOurs, onlyTheirs, fixedDiffs, versionDiffs }, { onlyOurs: [], onlyTheirs: [], fixedDiffs: [], versionDiffs: [] });
    });
  }
});

/** norm: a fixed version without its v/go prefix (govulncheck prints the standard library's as v1.21.4, we as go1.21.4). */
function norm(v: string): string {
  return v.replace(/^(v|go)/, '');
}

/** askedGo: the Go a module asks for (toolchain line, else go line) as a GOVERSION value. */
function askedGo(dir: string): string {
  const text = readFileSync(join(dir, existsSync(join(dir, 'go.work')) ? 'go.work' : 'go.mod'), 'utf8');
  const t = /^toolchain\s+(go\S+)/m.exec(text)?.[1];
  const g = /^go\s+(\S+)/m.exec(text)?.[1];
  return t ?? (g ? `go${g}` : 'go1.26.8');
}
