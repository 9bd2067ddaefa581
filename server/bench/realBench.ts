/**
 * npm run bench:real — our language server against gopls, and our `list` CLI against
 * `go list -m all`, on the largest real projects of test-fixtures/real/projects.json (issue 14).
 *
 * The projects are laid out by test/real/projects.ts in the real-projects cache (the one
 * npm run test:real uses). The five largest by build-list size (lines of `go list -m all`; the sizes
 * are kept in CACHE/bench-sizes.json so later runs do not measure them again) are then given the
 * full module cache: `go mod download` with the proxy (module SOURCES: gopls loads packages), once
 * per layout (CACHE/work/ID/.sources.json records it). Everything measured afterwards is offline
 * (GOPROXY=off), on the same workspace folder (the layout root) and the same main go.mod:
 *
 *  - `node bin/go-mod-lens.js list DIR` against `go list -mod=mod -m all` (`go list -m all` in
 *    workspace mode): wall time, one unmeasured warm-up then the median of GML_BENCH_LIST_RUNS runs
 *    each, as a ratio ours/go; whether both print the same build list.
 *  - Both servers through the tests' LSP client (test/lsp/client.ts) in PUSH diagnostics mode (gopls
 *    pushes): spawn → initialized; didOpen(go.mod) → the first publishDiagnostics for it, and → an
 *    answer to textDocument/inlayHint for the whole file (sent right after didOpen); then the
 *    diagnostics are left to settle (no new publish for GML_BENCH_QUIET_S) and the last set is kept
 *    for the comparison; RSS (VmRSS, and the peak VmHWM, of /proc/PID/status) of the server process
 *    after the first results and after settling; then GML_BENCH_EDITS one-character edits of require
 *    lines: the last character of a require version is replaced (v1.2.3 → v1.2.4, a version that
 *    is normally not in the module cache), then put back, and so on; each edit is timed from
 *    didChange to the next publishDiagnostics for go.mod with the new version (what a user sees; a
 *    server that publishes nothing within GML_BENCH_EDIT_TIMEOUT_S counts a timeout) and to the
 *    answer of an inlay hint request sent with it.
 *  - gopls runs twice per project: first with an empty GOCACHE and gopls file cache (GOPLSCACHE)
 *    ("cold"), then again on the caches the first run filled ("warm"); the edit series runs in the
 *    warm session only. Our server keeps no cache between runs (GOMODLENS_CACHE_DIR=off): one
 *    session.
 *  - The diagnostics each server gives on the unchanged go.mod (settled set), line by line: what
 *    gopls reports that we do not, and the reverse.
 *
 * Targets printed next to the figures (measured, not asserted): first results (diagnostics and
 * inlay hints) < 1 s on every project and ≤ 0.2× gopls; edit → results p95 < 50 ms. At the end: a
 * Markdown table for README.md and one JSON line with every figure.
 *
 * gopls: golang.org/x/tools/gopls@v0.21.1, installed with `go install` into CACHE/gopls (GOBIN=bin,
 * GOMODCACHE=modcache, GOFLAGS=-modcacherw, GOSUMDB=off, GOTOOLCHAIN=local); when that fails the gopls
 * part is skipped with one line saying why.
 *
 * Environment:
 *   GML_REAL_CACHE             the real-projects cache (default ~/.cache/go-mod-lens-real)
 *   GML_REAL_ONLY=id,id        consider these projects only (the largest GML_BENCH_TOP of them are measured)
 *   GML_BENCH_TOP              how many of the largest projects (default 5)
 *   GML_BENCH_EDITS            edits per server session (default 50)
 *   GML_BENCH_LIST_RUNS        runs of each list command (default 5)
 *   GML_BENCH_SKIP_GOPLS       any value: measure our server and the CLI only
 *   GML_BENCH_GOPLS            a gopls binary to use instead of installing v0.21.1
 *   GML_BENCH_GOPLS_RUNS       which gopls sessions: cold,warm (default both)
 *   GML_BENCH_TIMEOUT_S        wait for first results, per request (default 600)
 *   GML_BENCH_EDIT_TIMEOUT_S   wait for the publish / hints after an edit (default 30)
 *   GML_BENCH_BUDGET_S         wall-clock budget of one edit series (default 300)
 *   GML_BENCH_QUIET_S          diagnostics are settled after this long without a publish (default 10)
 *   GML_BENCH_SETTLE_MAX_S     stop waiting for them to settle after this long (default 300)
 *   GML_BENCH_PROFILE=DIR      our server writes a V8 CPU profile there when it exits
 *   GML_BENCH_NODE_ARGS        extra node options for our server, space-separated
 *   GML_BENCH_UPGRADES         goModLens.upgrades for our server (off, direct, all; default: the setting's default)
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Diagnostic, InlayHint, Position } from 'vscode-languageserver-protocol';
import { parseModFile } from '../src/syntax/modfile';
import { LspClient, type IncrementalChange } from '../test/lsp/client';
import { serverCommand } from '../test/lsp/fixture';
import { GoOracle, GoRun, goEnv, goOracle, mapLimit, repoRoot, telemetryOff } from '../test/oracle/env';
import { Prepared, RealProject, goEnvFor, prepare, proxyReachable, realCache, realProjects, snapshot } from '../test/real/projects';

const GOPLS_VERSION = 'v0.21.1';

const num = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const now = (): number => performance.now();
const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const firstLines = (s: string, n = 3): string => s.split('\n').filter((l) => l.trim() !== '').slice(0, n).join(' | ');

/** percentile by nearest rank. */
function percentile(xs: number[], p: number): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)];
}

const median = (xs: number[]): number | undefined => percentile(xs, 0.5);

const ms = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '—' : v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`);
const mb = (kb: number | undefined): string => (kb === undefined ? '—' : `${(kb / 1024).toFixed(0)} MB`);
const ratio = (a: number | undefined, b: number | undefined): string => {
  if (a === undefined || b === undefined || !(b > 0)) return '—';
  const r = a / b;
  return `×${r >= 10 ? r.toFixed(0) : r >= 0.1 ? r.toFixed(2) : r.toPrecision(2)}`;
};

// ---------------------------------------------------------------------------------------------
// go commands with a long timeout (runGo kills after two minutes; a download takes longer)

function goLong(o: GoOracle, args: string[], cwd: string, env: Record<string, string>, timeoutMs: number): Promise<GoRun & { ms: number }> {
  const t = now();
  return new Promise((done) => {
    execFile(o.bin, args, { cwd, env: goEnv(env), encoding: 'utf8', maxBuffer: 256 << 20, timeout: timeoutMs, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      const status = err ? (err.killed ? -1 : typeof err.code === 'number' ? err.code : 1) : 0;
      done({ status, stdout, stderr: err?.killed ? `${stderr}\ngo ${args.join(' ')}: killed after ${timeoutMs / 1000} s` : stderr, ms: now() - t });
    });
  });
}

/** listArgs: go's build-list command in the layout (-mod=mod is refused in workspace mode). */
const listArgs = (workspace: boolean): string[] => (workspace ? ['list', '-m', 'all'] : ['list', '-mod=mod', '-m', 'all']);

// ---------------------------------------------------------------------------------------------
// project sizes: lines of `go list -m all`, cached in CACHE/bench-sizes.json

interface Size {
  want: string;
  lines: number;
  error?: string;
}

async function projectSizes(o: GoOracle, cache: string, projects: RealProject[]): Promise<Map<string, Size>> {
  const file = join(cache, 'bench-sizes.json');
  let known: Record<string, Size> = {};
  try {
    known = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Size>;
  } catch {
    // none yet
  }
  const todo = projects.filter((p) => known[p.id]?.want !== `${p.module}@${p.version}` || known[p.id]?.error !== undefined);
  if (todo.length > 0) {
    console.log(`measuring the build-list size of ${todo.length} project(s) (layout from the module proxy when not yet in the cache)…`);
    const t0 = now();
    await mapLimit(todo, 3, async (p) => {
      const r = await prepare(o, cache, p);
      if ('error' in r) {
        known[p.id] = { want: `${p.module}@${p.version}`, lines: 0, error: r.error };
        return;
      }
      const keep = snapshot(r.dir);
      const l = await goLong(o, listArgs(r.workspace), r.dir, goEnvFor(cache, false, { HOME: join(cache, 'home') }), 600_000);
      keep();
      known[p.id] = { want: `${p.module}@${p.version}`, lines: l.stdout.split('\n').filter((x) => x.trim() !== '').length, error: l.status === 0 ? undefined : firstLines(l.stderr) };
    });
    writeFileSync(file, JSON.stringify(known, null, 1));
    console.log(`  done in ${((now() - t0) / 1000).toFixed(0)} s; sizes kept in ${file}`);
  }
  return new Map(projects.map((p) => [p.id, known[p.id]]));
}

// ---------------------------------------------------------------------------------------------
// the full module cache (sources) for gopls

interface Sources {
  ok: boolean;
  ms: number;
  note: string;
  cached: boolean;
}

async function downloadSources(o: GoOracle, cache: string, r: Prepared): Promise<Sources> {
  const stamp = join(r.root, '.sources.json');
  const want = `${r.project.module}@${r.project.version}`;
  if (existsSync(stamp)) {
    const had = JSON.parse(readFileSync(stamp, 'utf8')) as Sources & { want: string };
    if (had.want === want && had.ok) return { ...had, cached: true };
  }
  const t0 = now();
  const notes: string[] = [];
  const run = async (dir: string, flags: string, gowork?: string): Promise<boolean> => {
    const keep = snapshot(dir);
    const env = goEnvFor(cache, true, { GOFLAGS: flags, HOME: join(cache, 'home'), ...(gowork !== undefined ? { GOWORK: gowork } : {}) });
    const d = await goLong(o, ['mod', 'download'], dir, env, 3_600_000);
    keep();
    if (d.status !== 0) notes.push(`go mod download in ${relative(r.root, dir) || '.'} (GOFLAGS=${flags}${gowork ? `, GOWORK=${gowork}` : ''}): exit ${d.status}: ${firstLines(d.stderr)}`);
    return d.status === 0;
  };
  let ok: boolean;
  if (!r.workspace) ok = await run(r.dir, '-mod=mod -modcacherw');
  else {
    ok = await run(r.dir, '-modcacherw');
    if (!ok) {
      // per module of the workspace, each on its own
      const work = readFileSync(join(r.dir, 'go.work'), 'utf8');
      const uses = [...work.matchAll(/^\s*(?:use\s+)?(\.{1,2}\/[^\s)]*|\.)\s*$/gm)].map((m) => join(r.dir, m[1]));
      ok = true;
      for (const u of uses) if (existsSync(join(u, 'go.mod'))) ok = (await run(u, '-mod=mod -modcacherw', 'off')) && ok;
    }
  }
  const result = { ok, ms: now() - t0, note: notes.join('; '), cached: false };
  writeFileSync(stamp, JSON.stringify({ want, ...result }));
  return result;
}

// ---------------------------------------------------------------------------------------------
// list CLI against go list -m all

interface Timed {
  command: string;
  medianMs?: number;
  times: number[];
  status: number | null;
  stdout: string;
  stderr: string;
}

function timeCommand(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, runs: number, label: string, restoreDir: string): Timed {
  const times: number[] = [];
  let last = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 28 });
  for (let k = 0; k <= runs; k++) {
    const keep = snapshot(restoreDir);
    const t = now();
    last = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 28 });
    const dt = now() - t;
    keep();
    if (k > 0) times.push(dt); // k = 0: the warm-up
  }
  return { command: label, medianMs: median(times), times, status: last.status, stdout: last.stdout ?? '', stderr: last.stderr ?? '' };
}

interface ListResult {
  ours: Timed;
  go: Timed;
  same: boolean;
  diff?: string;
}

function compareList(o: GoOracle, cache: string, r: Prepared, runs: number): ListResult {
  const home = join(cache, 'home');
  const goE = goEnv(goEnvFor(cache, false, { HOME: home }));
  const go = timeCommand(o.bin, listArgs(r.workspace), r.dir, goE, runs, `go ${listArgs(r.workspace).join(' ')}`, r.dir);
  const oursE: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, ...goEnvFor(cache, false), GOFLAGS: r.workspace ? '' : '-mod=mod', GOMODLENS_CACHE_DIR: 'off' };
  const bin = join(repoRoot, 'bin/go-mod-lens.js');
  const ours = timeCommand(process.execPath, [bin, 'list', r.dir], r.dir, oursE, runs, 'node bin/go-mod-lens.js list DIR', r.dir);
  const same = go.status === 0 && ours.status === 0 && go.stdout === ours.stdout;
  let diff: string | undefined;
  if (!same) {
    const a = new Set(go.stdout.split('\n'));
    const b = new Set(ours.stdout.split('\n'));
    const onlyGo = [...a].filter((l) => !b.has(l));
    const onlyOurs = [...b].filter((l) => !a.has(l));
    diff = `go exit ${go.status}${go.status !== 0 ? ` (${firstLines(go.stderr, 2)})` : ''}, ours exit ${ours.status}${ours.status !== 0 ? ` (${firstLines(ours.stderr, 2)})` : ''}; ` +
      `${onlyGo.length} lines only in go's output (${onlyGo.slice(0, 3).join(' | ')}), ${onlyOurs.length} only in ours (${onlyOurs.slice(0, 3).join(' | ')})`;
  }
  return { ours, go, same, diff };
}

// ---------------------------------------------------------------------------------------------
// gopls

interface Gopls {
  bin: string;
  version: string;
  how: string;
}

async function installGopls(o: GoOracle, cache: string): Promise<Gopls | { error: string }> {
  const versionOf = (bin: string): string | undefined => {
    const v = spawnSync(bin, ['version'], { encoding: 'utf8', timeout: 30_000, env: goEnv() });
    return v.status === 0 ? v.stdout.trim().split('\n')[0] : undefined;
  };
  if (process.env.GML_BENCH_GOPLS) {
    const v = versionOf(process.env.GML_BENCH_GOPLS);
    return v ? { bin: process.env.GML_BENCH_GOPLS, version: v, how: 'GML_BENCH_GOPLS' } : { error: `GML_BENCH_GOPLS=${process.env.GML_BENCH_GOPLS} does not answer \`gopls version\`` };
  }
  const dir = join(cache, 'gopls');
  const bin = join(dir, 'bin', 'gopls');
  const how = `go install golang.org/x/tools/gopls@${GOPLS_VERSION} (${o.version}) with GOBIN=${join(dir, 'bin')}, GOMODCACHE=${join(dir, 'modcache')}, GOFLAGS=-modcacherw, GOSUMDB=off, GOTOOLCHAIN=local`;
  const had = existsSync(bin) ? versionOf(bin) : undefined;
  if (had?.includes(GOPLS_VERSION)) return { bin, version: had, how: `${how} (installed by an earlier run)` };
  const home = telemetryOff(join(dir, 'home'));
  const online = goEnvFor(cache, true).GOPROXY;
  const r = await goLong(o, ['install', `golang.org/x/tools/gopls@${GOPLS_VERSION}`], dir, {
    GOBIN: join(dir, 'bin'), GOMODCACHE: join(dir, 'modcache'), GOCACHE: join(dir, 'build-cache'), GOPATH: join(dir, 'gopath'), HOME: home,
    GOFLAGS: '-modcacherw', GOSUMDB: 'off', GOTOOLCHAIN: 'local', GOPROXY: online, GOWORK: 'off',
  }, 1_800_000);
  const v = existsSync(bin) ? versionOf(bin) : undefined;
  if (r.status !== 0 || !v) return { error: `go install golang.org/x/tools/gopls@${GOPLS_VERSION} failed (exit ${r.status}): ${firstLines(r.stderr, 4)}` };
  return { bin, version: v, how: `${how}, in ${(r.ms / 1000).toFixed(0)} s` };
}

// ---------------------------------------------------------------------------------------------
// one server session

/** Target is a require version to edit: where its last character is, what it is and what replaces it. */
interface Target {
  line: number;
  character: number;
  last: string;
  other: string;
  path: string;
}

/** editTargets: requirements whose version ends in a digit, not replaced (a replaced version means nothing), direct ones first. */
function editTargets(text: string): Target[] {
  const f = parseModFile(text, { name: 'go.mod' });
  const replaced = new Set(f.replace.map((r) => r.old.path));
  const pos = (offset: number): Position => {
    const before = text.slice(0, offset);
    return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
  };
  const usable = f.require.filter((r) => /\d$/.test(r.mod.version) && r.versionToken.end > r.versionToken.start && text[r.versionToken.end - 1] === r.mod.version.slice(-1));
  const ordered = [...usable.filter((r) => !r.indirect && !replaced.has(r.mod.path)), ...usable.filter((r) => r.indirect && !replaced.has(r.mod.path)), ...usable.filter((r) => replaced.has(r.mod.path))];
  return ordered.map((r) => {
    const last = r.mod.version.slice(-1);
    const p = pos(r.versionToken.end - 1);
    return { line: p.line, character: p.character, last, other: last === '9' ? '8' : String(Number(last) + 1), path: r.mod.path };
  });
}

interface Mem {
  rssKb?: number;
  hwmKb?: number;
}

function memOf(pid: number | undefined): Mem {
  if (pid === undefined) return {};
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string): number | undefined => {
      const m = new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s);
      return m ? Number(m[1]) : undefined;
    };
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return {};
  }
}

interface EditStats {
  wanted: number;
  /** ms from didChange to the publish of the new version, per edit that got one */
  diag: number[];
  hints: number[];
  /** ms to both, per edit that got both */
  both: number[];
  diagTimeouts: number;
  hintFailures: number;
  /** what the publish after the first edit (a version changed) held */
  afterFirstEdit?: string;
  stopped?: string;
}

interface SessionResult {
  label: string;
  server: 'ours' | 'gopls';
  spawnToInit?: number;
  openToDiag?: number;
  openToHints?: number;
  openToBoth?: number;
  firstCount?: number;
  hintCount?: number;
  hintError?: string;
  /** ms from didOpen to the last publish before the diagnostics went quiet */
  settledAt?: number;
  publishes?: number;
  settleNote?: string;
  settled: Diagnostic[];
  memOpen: Mem;
  memSettled: Mem;
  edits?: EditStats;
  error?: string;
  problems: string[];
  errorLogs: string[];
}

interface SessionSpec {
  label: string;
  server: 'ours' | 'gopls';
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  folder: string;
  file: string;
  settings: unknown;
  section?: string;
  edits: number;
}

function wholeRange(text: string): { start: Position; end: Position } {
  const lines = text.split(/\r\n|\n|\r/);
  return { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
}

async function hints(client: LspClient, file: string, timeoutMs: number): Promise<InlayHint[]> {
  const doc = client.document(file);
  return (await client.request<InlayHint[] | null>('textDocument/inlayHint', { textDocument: { uri: doc.uri }, range: wholeRange(doc.text) }, timeoutMs)) ?? [];
}

async function stop(client: LspClient): Promise<void> {
  try {
    await client.request('shutdown', undefined, 20_000);
    await client.notify('exit', undefined);
    await client.waitFor(() => client.exitStatus, 'exit after shutdown', 10_000);
  } catch {
    // killed below
  } finally {
    client.dispose();
  }
}

async function runSession(spec: SessionSpec, targets: Target[]): Promise<SessionResult> {
  const firstTimeout = num('GML_BENCH_TIMEOUT_S', 600) * 1000;
  const editTimeout = num('GML_BENCH_EDIT_TIMEOUT_S', 30) * 1000;
  const budget = num('GML_BENCH_BUDGET_S', 300) * 1000;
  const quiet = num('GML_BENCH_QUIET_S', 10) * 1000;
  const settleMax = num('GML_BENCH_SETTLE_MAX_S', 300) * 1000;
  const res: SessionResult = { label: spec.label, server: spec.server, settled: [], memOpen: {}, memSettled: {}, problems: [], errorLogs: [] };
  let client: LspClient | undefined;
  try {
    const t0 = now();
    client = await LspClient.start({
      command: spec.command, args: spec.args, cwd: spec.cwd, env: spec.env, folders: [spec.folder], settings: spec.settings, section: spec.section,
      pullDiagnostics: false, timeoutMs: firstTimeout,
    });
    const c = client;
    res.spawnToInit = now() - t0;
    // every publish for go.mod, with when it arrived (the check runs whenever a message arrives)
    const arrivals: number[] = [];
    let seen = 0;
    const observe = (): undefined => {
      for (const n = c.published(spec.file).length; seen < n; seen++) arrivals.push(now());
      return undefined;
    };
    c.waitFor(observe, 'the end of the session', 24 * 3600 * 1000).catch(() => undefined);

    // didOpen → first diagnostics, inlay hints
    const tOpen = now();
    await c.open(spec.file);
    const diagP = c.nextPublish(spec.file, firstTimeout).then((p) => ({ at: now() - tOpen, n: p.diagnostics.length }));
    const hintP = hints(c, spec.file, firstTimeout).then((h) => ({ at: now() - tOpen, n: h.length }), (e: unknown) => ({ at: undefined, n: undefined, error: errText(e) }));
    const [d, h] = await Promise.all([diagP, hintP]);
    res.openToDiag = d.at;
    res.firstCount = d.n;
    res.openToHints = h.at;
    res.hintCount = h.n;
    if ('error' in h) res.hintError = firstLines(h.error ?? '', 2);
    res.openToBoth = h.at === undefined ? undefined : Math.max(d.at, h.at);
    res.memOpen = memOf(c.pid);

    // settle: no new publish for `quiet` ms
    for (;;) {
      const n = c.published(spec.file).length;
      try {
        await c.waitFor(() => (c.published(spec.file).length > n ? true : undefined), 'another publish', quiet);
      } catch (e) {
        if (c.exitStatus) throw e;
        break;
      }
      if (now() - tOpen > settleMax) {
        res.settleNote = `still publishing ${settleMax / 1000} s after didOpen`;
        break;
      }
    }
    observe();
    const all = c.published(spec.file);
    res.settled = all[all.length - 1]?.diagnostics ?? [];
    res.publishes = arrivals.length;
    res.settledAt = arrivals.length > 0 ? arrivals[arrivals.length - 1] - tOpen : undefined;
    res.memSettled = memOf(c.pid);

    // edits
    if (spec.edits > 0) {
      const e: EditStats = { wanted: spec.edits, diag: [], hints: [], both: [], diagTimeouts: 0, hintFailures: 0 };
      res.edits = e;
      if (targets.length === 0) e.stopped = 'no require version ending in a digit to edit';
      const start = now();
      let consecutive = 0;
      for (let i = 0; i < spec.edits && targets.length > 0; i++) {
        if (i % 2 === 0 && now() - start > budget) {
          e.stopped = `budget of ${budget / 1000} s spent after ${i} edits`;
          break;
        }
        if (i % 2 === 0 && consecutive >= 4) {
          e.stopped = `stopped after ${i} edits: the last ${consecutive} timed out`;
          break;
        }
        const t = targets[(Math.floor(i / 2) * 7) % targets.length];
        const first = i % 2 === 0;
        const change: IncrementalChange = {
          range: { start: { line: t.line, character: t.character }, end: { line: t.line, character: t.character + 1 } },
          text: first ? t.other : t.last,
        };
        const te = now();
        await c.change(spec.file, change);
        const dP = c.nextPublish(spec.file, editTimeout).then((p) => {
          if (i === 0) e.afterFirstEdit = `${p.diagnostics.length} diagnostics${p.diagnostics.length ? `, e.g. ${kind(p.diagnostics.find((x) => x.range.start.line === t.line) ?? p.diagnostics[0])}` : ''}`;
          return now() - te;
        }, () => undefined);
        const hP = hints(c, spec.file, editTimeout).then(() => now() - te, () => undefined);
        const [dd, hh] = await Promise.all([dP, hP]);
        if (dd === undefined) {
          e.diagTimeouts++;
          consecutive++;
        } else {
          e.diag.push(dd);
          consecutive = 0;
        }
        if (hh === undefined) e.hintFailures++;
        else e.hints.push(hh);
        if (dd !== undefined && hh !== undefined) e.both.push(Math.max(dd, hh));
      }
    }
    res.problems = [...c.protocolProblems];
    res.errorLogs = c.logs.filter((l) => l.type === 1).map((l) => l.message.split('\n')[0].slice(0, 300));
    await stop(c);
  } catch (e) {
    res.error = firstLines(errText(e), 6);
    if (client) {
      res.problems = [...client.protocolProblems];
      res.errorLogs = client.logs.filter((l) => l.type === 1).map((l) => l.message.split('\n')[0].slice(0, 300));
    }
  } finally {
    client?.dispose();
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// the environments of the two servers

function oursSpec(cache: string, r: Prepared, o: GoOracle, home: string, edits: number): SessionSpec {
  const cmd = serverCommand();
  if (process.env.GML_BENCH_PROFILE) cmd.args.unshift('--cpu-prof', `--cpu-prof-dir=${process.env.GML_BENCH_PROFILE}`);
  if (process.env.GML_BENCH_NODE_ARGS) cmd.args.unshift(...process.env.GML_BENCH_NODE_ARGS.split(' ').filter(Boolean));
  return {
    label: 'go-mod-lens', server: 'ours', ...cmd,
    env: { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), XDG_CONFIG_HOME: join(home, '.config'), ...goEnvFor(cache, false), GOFLAGS: '', GOMODLENS_CACHE_DIR: 'off' },
    folder: r.root, file: join(r.dir, 'go.mod'), settings: { toolchainVersion: o.emulate, ...(process.env.GML_BENCH_UPGRADES ? { upgrades: process.env.GML_BENCH_UPGRADES } : {}) }, edits,
  };
}

function goplsSpec(cache: string, r: Prepared, g: Gopls, home: string, state: string, label: string, edits: number): SessionSpec {
  return {
    label, server: 'gopls', command: g.bin, args: [], cwd: r.dir,
    env: {
      PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), XDG_CONFIG_HOME: join(home, '.config'),
      ...goEnvFor(cache, false), GOFLAGS: r.workspace ? '-modcacherw' : '-mod=mod -modcacherw',
      GOPATH: join(state, 'gopath'), GOCACHE: join(state, 'gocache'), GOPLSCACHE: join(state, 'goplscache'),
    },
    folder: r.root, file: join(r.dir, 'go.mod'), settings: {}, section: 'gopls', edits,
  };
}

// ---------------------------------------------------------------------------------------------
// diagnostics comparison

const diagText = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : String((d.message as { value?: string }).value ?? d.message));
const describe = (d: Diagnostic, lines: string[]): string =>
  `go.mod:${d.range.start.line + 1} [${[d.source, d.code].filter((x) => x !== undefined && x !== '').join('/') || '—'}] ${diagText(d).split('\n')[0].slice(0, 200)}  «${(lines[d.range.start.line] ?? '').trim().slice(0, 80)}»`;

/** kind: a diagnostic with its module paths and versions taken out, to group the same finding on many lines. */
function kind(d: Diagnostic): string {
  const m = diagText(d).split('\n')[0]
    .replace(/\bv\d+\.\d+\.\d+[^\s"',:)]*/g, 'vX')
    .replace(/\b[a-z0-9][a-z0-9.-]*\.[a-z]{2,}(\/[^\s"',:)@]*)?/gi, 'MOD')
    .replace(/\b[0-9a-f]{12}\b/g, 'REV')
    .replace(/\b\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\b/g, 'DATE')
    .slice(0, 140);
  return `[${[d.source, d.code].filter((x) => x !== undefined && x !== '').join('/') || '—'}] ${m}`;
}

interface Comparison {
  oursOnly: Diagnostic[];
  goplsOnly: Diagnostic[];
  bothLines: number;
}

function compareDiagnostics(ours: Diagnostic[], gopls: Diagnostic[]): Comparison {
  const oursLines = new Set(ours.map((d) => d.range.start.line));
  const goplsLines = new Set(gopls.map((d) => d.range.start.line));
  return {
    oursOnly: ours.filter((d) => !goplsLines.has(d.range.start.line)),
    goplsOnly: gopls.filter((d) => !oursLines.has(d.range.start.line)),
    bothLines: [...oursLines].filter((l) => goplsLines.has(l)).length,
  };
}

function printGrouped(title: string, ds: Diagnostic[], lines: string[], indent = '    '): void {
  console.log(`${indent.slice(2)}${title}: ${ds.length}`);
  const groups = new Map<string, Diagnostic[]>();
  for (const d of ds) groups.set(kind(d), [...(groups.get(kind(d)) ?? []), d]);
  for (const [k, g] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`${indent}×${g.length} ${k}`);
    for (const d of g.slice(0, 3)) console.log(`${indent}    e.g. ${describe(d, lines)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// printing

interface ProjectResult {
  id: string;
  module: string;
  lines: number;
  workspace: boolean;
  sources?: Sources;
  list?: ListResult;
  ours?: SessionResult;
  gopls: SessionResult[];
  comparison?: Comparison;
  error?: string;
}

const firstResults = (s: SessionResult | undefined): number | undefined => (s?.openToDiag === undefined ? undefined : s.openToBoth ?? undefined);

function printSession(s: SessionResult): void {
  console.log(`  ${s.label}:`);
  if (s.error) console.log(`    ERROR: ${s.error}`);
  console.log(`    spawn → initialized ${ms(s.spawnToInit)}; didOpen → first publishDiagnostics ${ms(s.openToDiag)} (${s.firstCount ?? '—'} diagnostics), → inlay hints answered ${ms(s.openToHints)} (${s.hintCount ?? '—'} hints${s.hintError ? `; ERROR ${s.hintError}` : ''}), → both ${ms(s.openToBoth)}`);
  console.log(`    diagnostics settled: last of ${s.publishes ?? '—'} publishes for go.mod ${ms(s.settledAt)} after didOpen, ${s.settled.length} diagnostics${s.settleNote ? ` (${s.settleNote})` : ''}`);
  console.log(`    memory: VmRSS ${mb(s.memOpen.rssKb)} after the first results, ${mb(s.memSettled.rssKb)} when settled (peak VmHWM ${mb(s.memSettled.hwmKb ?? s.memOpen.hwmKb)})`);
  const e = s.edits;
  if (e) {
    console.log(`    edits: ${e.diag.length + e.diagTimeouts}/${e.wanted} done${e.stopped ? ` (${e.stopped})` : ''}; ${e.diagTimeouts} without a publish within ${num('GML_BENCH_EDIT_TIMEOUT_S', 30)} s, ${e.hintFailures} inlay hint requests failed or timed out`);
    if (e.afterFirstEdit) console.log(`      the publish after the first edit: ${e.afterFirstEdit}`);
    console.log(`      didChange → publishDiagnostics  p50 ${ms(percentile(e.diag, 0.5))}  p95 ${ms(percentile(e.diag, 0.95))}  max ${ms(percentile(e.diag, 1))}`);
    console.log(`      didChange → inlay hints         p50 ${ms(percentile(e.hints, 0.5))}  p95 ${ms(percentile(e.hints, 0.95))}  max ${ms(percentile(e.hints, 1))}`);
    console.log(`      didChange → both                p50 ${ms(percentile(e.both, 0.5))}  p95 ${ms(percentile(e.both, 0.95))}  max ${ms(percentile(e.both, 1))}`);
  }
  if (s.problems.length) console.log(`    protocol: ${s.problems.slice(0, 5).join(' | ')}`);
  if (s.errorLogs.length) console.log(`    error log messages (${s.errorLogs.length}): ${[...new Set(s.errorLogs)].slice(0, 4).join(' | ')}`);
}

function targetLines(p: ProjectResult): string[] {
  const out: string[] = [];
  const o = p.ours;
  if (!o) return out;
  const first = firstResults(o);
  const verdicts = p.gopls.map((g) => {
    const gf = firstResults(g) ?? g.openToDiag;
    const r = first !== undefined && gf ? first / gf : undefined;
    return `${g.label} ${ratio(first, gf)} ${r === undefined ? '—' : r <= 0.2 ? 'ok' : 'MISSED'}`;
  });
  out.push(`${p.id}: first results (diagnostics + hints) ${ms(first)} — target < 1 s: ${first === undefined ? '—' : first < 1000 ? 'ok' : 'MISSED'}; ≤ 0.2× gopls: ${verdicts.join(', ') || 'gopls not measured'}`);
  const p95 = percentile(o.edits?.both ?? [], 0.95);
  out.push(`${p.id}: edit → diagnostics + hints p95 ${ms(p95)} — target < 50 ms: ${p95 === undefined ? '—' : p95 < 50 ? 'ok' : 'MISSED'}`);
  return out;
}

function ratioLines(p: ProjectResult): string[] {
  const o = p.ours;
  const out: string[] = [];
  if (p.list) out.push(`${p.id}: list CLI / go list -m all = ${ms(p.list.ours.medianMs)} / ${ms(p.list.go.medianMs)} = ${ratio(p.list.ours.medianMs, p.list.go.medianMs)}${p.list.same ? ' (same output)' : ' (OUTPUT DIFFERS)'}`);
  if (!o) return out;
  for (const g of p.gopls) {
    const parts = [
      `first diagnostics ${ratio(o.openToDiag, g.openToDiag)}`,
      `settled diagnostics ${ratio(o.settledAt, g.settledAt)}`,
      `inlay hints ${ratio(o.openToHints, g.openToHints)}`,
      `first results (both) ${ratio(firstResults(o), firstResults(g))}`,
      `RSS after open ${ratio(o.memOpen.rssKb, g.memOpen.rssKb)}`,
      `RSS settled ${ratio(o.memSettled.rssKb, g.memSettled.rssKb)}`,
    ];
    if (g.edits && o.edits) {
      parts.push(`edit → publish p50 ${ratio(percentile(o.edits.diag, 0.5), percentile(g.edits.diag, 0.5))}, p95 ${ratio(percentile(o.edits.diag, 0.95), percentile(g.edits.diag, 0.95))}`);
      parts.push(`edit → both p50 ${ratio(percentile(o.edits.both, 0.5), percentile(g.edits.both, 0.5))}, p95 ${ratio(percentile(o.edits.both, 0.95), percentile(g.edits.both, 0.95))}`);
    }
    out.push(`${p.id}: ours/${g.label}: ${parts.join('; ')}`);
  }
  return out;
}

function markdown(results: ProjectResult[], go: GoOracle, gopls: Gopls | undefined, when: string): string {
  const rows: string[] = [];
  rows.push(`Measured ${when} on ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), node ${process.version}, ${go.version}${gopls ? `, ${gopls.version}` : ''}; full module cache, offline (GOPROXY=off); push diagnostics; ${num('GML_BENCH_EDITS', 50)} edits per session.`);
  rows.push('');
  rows.push('| Project | Build list | Server | didOpen → first diagnostics | didOpen → inlay hints | Diagnostics settled | Edit → diagnostics p50 / p95 | Edit → diagnostics + hints p50 / p95 | Edits without a publish | RSS after open |');
  rows.push('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of results) {
    const sessions = [p.ours, ...p.gopls].filter((s): s is SessionResult => s !== undefined);
    if (sessions.length === 0) rows.push(`| ${p.id} | ${p.lines} | — | ${p.error ?? 'not measured'} | | | | | | |`);
    sessions.forEach((s, i) => {
      const e = s.edits;
      const pair = (xs: number[] | undefined): string => (e && xs && xs.length > 0 ? `${ms(percentile(xs, 0.5))} / ${ms(percentile(xs, 0.95))}` : '—');
      const cell = (v: number | undefined): string => (s.error && v === undefined ? 'error' : ms(v));
      rows.push(`| ${i === 0 ? p.id : ''} | ${i === 0 ? p.lines : ''} | ${s.label} | ${cell(s.openToDiag)} | ${s.hintError ? 'error' : cell(s.openToHints)} | ${ms(s.settledAt)} (${s.settled.length}) | ${pair(e?.diag)} | ${pair(e?.both)} | ${e ? `${e.diagTimeouts}/${e.diag.length + e.diagTimeouts}` : '—'} | ${mb(s.memOpen.rssKb)} |`);
    });
  }
  rows.push('');
  rows.push('| Project | Build list | `go-mod-lens list` | `go list -m all` | ours / go | Same output |');
  rows.push('|---|---:|---:|---:|---:|---|');
  for (const p of results) {
    if (!p.list) continue;
    rows.push(`| ${p.id} | ${p.lines} | ${ms(p.list.ours.medianMs)} | ${ms(p.list.go.medianMs)} | ${ratio(p.list.ours.medianMs, p.list.go.medianMs)} | ${p.list.same ? 'yes' : 'no'} |`);
  }
  return rows.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function benchProject(o: GoOracle, cache: string, p: RealProject, lines: number, gopls: Gopls | undefined): Promise<ProjectResult> {
  const res: ProjectResult = { id: p.id, module: `${p.module}@${p.version}`, lines, workspace: false, gopls: [] };
  const r = await prepare(o, cache, p);
  if ('error' in r) {
    res.error = `could not lay out: ${r.error}`;
    console.log(`  ERROR ${res.error}`);
    return res;
  }
  res.workspace = r.workspace;
  console.log(`  layout ${r.root}${r.workspace ? ' (workspace: go.work in the main directory)' : ''}; main go.mod ${relative(r.root, join(r.dir, 'go.mod'))}`);
  if (gopls) {
    const s = await downloadSources(o, cache, r);
    res.sources = s;
    console.log(`  module sources (go mod download): ${s.ok ? 'ok' : 'FAILED'}${s.cached ? ' (done by an earlier run in ' : ' ('}${(s.ms / 1000).toFixed(0)} s)${s.note ? `; ${s.note}` : ''}`);
  }

  const list = compareList(o, cache, r, num('GML_BENCH_LIST_RUNS', 5));
  res.list = list;
  console.log(`  ${list.ours.command}: median ${ms(list.ours.medianMs)} of ${list.ours.times.length} (${list.ours.times.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(`  ${list.go.command}: median ${ms(list.go.medianMs)} of ${list.go.times.length} (${list.go.times.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(`  ratio ours/go ${ratio(list.ours.medianMs, list.go.medianMs)}; ${list.same ? 'same output' : `OUTPUT DIFFERS: ${list.diff}`}`);

  const text = readFileSync(join(r.dir, 'go.mod'), 'utf8');
  const targets = editTargets(text);
  const edits = num('GML_BENCH_EDITS', 50);
  console.log(`  edits: the last character of a require version replaced (${targets[0] ? `e.g. ${targets[0].path} …${targets[0].last} → …${targets[0].other}` : 'none found'}), then put back; ${targets.length} require lines rotate`);
  const scratch = mkdtempSync(join(tmpdir(), 'gml-realbench-'));
  try {
    const keep = snapshot(r.dir);
    try {
      res.ours = await runSession(oursSpec(cache, r, o, telemetryOff(join(scratch, 'home-ours')), edits), targets);
    } finally {
      keep();
    }
    printSession(res.ours);
    if (gopls) {
      const state = join(cache, 'gopls', 'state', p.id);
      const runs = (process.env.GML_BENCH_GOPLS_RUNS ?? 'cold,warm').split(',').filter((x) => x === 'cold' || x === 'warm');
      for (const run of runs) {
        if (run === 'cold') rmSync(state, { recursive: true, force: true });
        mkdirSync(state, { recursive: true });
        const warmNote = run === 'warm' ? (existsSync(join(state, 'gocache')) ? 'warm: GOCACHE and GOPLSCACHE as a previous session left them' : 'warm requested but no previous cache') : 'cold: empty GOCACHE and GOPLSCACHE';
        const label = `gopls (${run})`;
        const editsHere = run === 'warm' || !runs.includes('warm') ? edits : 0;
        const k = snapshot(r.dir);
        let s: SessionResult;
        try {
          s = await runSession(goplsSpec(cache, r, gopls, telemetryOff(join(scratch, `home-gopls-${run}`)), state, label, editsHere), targets);
        } finally {
          k();
        }
        res.gopls.push(s);
        console.log(`  ${warmNote}${editsHere === 0 ? '; no edit series in this session' : ''}`);
        printSession(s);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  // diagnostics: ours against gopls on the unchanged go.mod (the settled sets; gopls warm if it ran)
  const g = [...res.gopls].reverse().find((s) => !s.error) ?? res.gopls[res.gopls.length - 1];
  const modLines = text.split('\n');
  if (res.ours && g) {
    res.comparison = compareDiagnostics(res.ours.settled, g.settled);
    console.log(`  diagnostics on go.mod (settled): ours ${res.ours.settled.length}, ${g.label} ${g.settled.length}; lines with both: ${res.comparison.bothLines}`);
    printGrouped(`reported by ${g.label} on lines where we report nothing`, res.comparison.goplsOnly, modLines);
    printGrouped('reported by us on lines where gopls reports nothing', res.comparison.oursOnly, modLines);
    const both = new Set([...res.ours.settled.map((d) => d.range.start.line)].filter((l) => g.settled.some((x) => x.range.start.line === l)));
    if (both.size > 0) {
      console.log(`    lines where both report something: ${both.size}`);
      for (const l of [...both].slice(0, 5)) {
        console.log(`      ours:  ${res.ours.settled.filter((d) => d.range.start.line === l).map((d) => describe(d, modLines)).join(' ; ')}`);
        console.log(`      gopls: ${g.settled.filter((d) => d.range.start.line === l).map((d) => describe(d, modLines)).join(' ; ')}`);
      }
    }
  } else if (res.ours) printGrouped('our diagnostics on go.mod (settled)', res.ours.settled, modLines);
  return res;
}

async function main(): Promise<void> {
  const tStart = now();
  const o = goOracle('1.26') ?? goOracle();
  if (!o) {
    console.log('bench:real skipped: no go command (Go 1.26 at /usr/local/go, or GO_MOD_LENS_GO)');
    return;
  }
  const cache = realCache();
  mkdirSync(cache, { recursive: true });
  telemetryOff(join(cache, 'home'));
  const entry = statSync(join(repoRoot, 'dist/cli.js'), { throwIfNoEntry: false });
  const compiled = statSync(join(repoRoot, 'server/out/.tsbuildinfo'), { throwIfNoEntry: false });
  console.log(`go-mod-lens real-project bench: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${o.label}, cache ${cache}`);
  console.log(`our server and CLI: bin/go-mod-lens.js → ${entry && (!compiled || entry.mtimeMs >= compiled.mtimeMs) ? 'dist/cli.js (bundle)' : 'server/out/src (tsc output, newer than the bundle)'}`);
  const unreachable = await proxyReachable(o, cache);
  if (unreachable) console.log(`note: ${unreachable}; only what is already in the cache can be measured`);

  const projects = realProjects();
  const sizes = await projectSizes(o, cache, projects);
  const ranked = projects.filter((p) => sizes.get(p.id) && !sizes.get(p.id)?.error).sort((a, b) => (sizes.get(b.id)?.lines ?? 0) - (sizes.get(a.id)?.lines ?? 0));
  const failed = projects.filter((p) => sizes.get(p.id)?.error);
  if (failed.length) console.log(`not ranked (no build list): ${failed.map((p) => `${p.id}: ${sizes.get(p.id)?.error}`).join('; ')}`);
  const top = ranked.slice(0, num('GML_BENCH_TOP', 5));
  console.log(`build-list sizes (lines of go list -m all): ${ranked.map((p) => `${p.id} ${sizes.get(p.id)?.lines}`).join(', ')}`);
  console.log(`measured: ${top.map((p) => p.id).join(', ')}`);

  let gopls: Gopls | undefined;
  if (process.env.GML_BENCH_SKIP_GOPLS) console.log('gopls: skipped (GML_BENCH_SKIP_GOPLS is set)');
  else {
    const g = await installGopls(o, cache);
    if ('error' in g) console.log(`gopls: skipped: ${g.error}`);
    else {
      gopls = g;
      console.log(`gopls: ${g.version} at ${g.bin}; ${g.how}`);
      console.log('gopls settings: defaults (the client answers workspace/configuration for "gopls" with {}); GOFLAGS=-mod=mod outside workspace mode');
    }
  }

  const results: ProjectResult[] = [];
  for (const p of top) {
    console.log(`\n${p.id}: ${p.module}@${p.version} — build list ${sizes.get(p.id)?.lines} modules`);
    const t = now();
    try {
      results.push(await benchProject(o, cache, p, sizes.get(p.id)?.lines ?? 0, gopls));
    } catch (e) {
      console.log(`  ERROR ${errText(e)}`);
      results.push({ id: p.id, module: `${p.module}@${p.version}`, lines: sizes.get(p.id)?.lines ?? 0, workspace: false, gopls: [], error: errText(e) });
    }
    console.log(`  (${p.id} took ${((now() - t) / 1000).toFixed(0)} s)`);
  }

  console.log('\n## Targets (measured, not asserted)');
  for (const p of results) for (const l of targetLines(p)) console.log(l);
  console.log('\n## Ratios');
  for (const p of results) for (const l of ratioLines(p)) console.log(l);
  console.log('\n## Diagnostics: gopls against go-mod-lens (settled sets on the unchanged go.mod, all measured projects)');
  const all = { goplsOnly: new Map<string, string[]>(), oursOnly: new Map<string, string[]>() };
  for (const p of results) {
    if (!p.comparison) continue;
    for (const d of p.comparison.goplsOnly) all.goplsOnly.set(kind(d), [...(all.goplsOnly.get(kind(d)) ?? []), p.id]);
    for (const d of p.comparison.oursOnly) all.oursOnly.set(kind(d), [...(all.oursOnly.get(kind(d)) ?? []), p.id]);
  }
  for (const [title, m] of [['gopls reports, we do not (on those lines)', all.goplsOnly], ['we report, gopls does not (on those lines)', all.oursOnly]] as const) {
    console.log(`${title}:${m.size === 0 ? ' nothing' : ''}`);
    for (const [k, ids] of [...m].sort((a, b) => b[1].length - a[1].length)) {
      const per = [...new Set(ids)].map((id) => `${id} ×${ids.filter((x) => x === id).length}`).join(', ');
      console.log(`  ×${ids.length} ${k}  (${per})`);
    }
  }
  const totalS = (now() - tStart) / 1000;
  console.log(`\n## Markdown (for README.md)\n`);
  console.log(markdown(results, o, gopls, new Date().toISOString().slice(0, 10)));
  console.log(`\nbench:real took ${totalS.toFixed(0)} s`);
  const slim = (s: SessionResult | undefined): unknown => s && {
    ...s, settled: s.settled.map((d) => ({ line: d.range.start.line + 1, source: d.source, code: d.code, message: diagText(d).slice(0, 300) })),
    edits: s.edits && { ...s.edits, diag: s.edits.diag.map((x) => +x.toFixed(2)), hints: s.edits.hints.map((x) => +x.toFixed(2)), both: s.edits.both.map((x) => +x.toFixed(2)) },
  };
  console.log(JSON.stringify({
    bench: 'real', node: process.version, cpus: cpus().length, go: o.version, gopls: gopls?.version, seconds: Math.round(totalS),
    results: results.map((p) => ({
      ...p, ours: slim(p.ours), gopls: p.gopls.map(slim), comparison: undefined,
      list: p.list && { ours: { ...p.list.ours, stdout: undefined, stderr: p.list.ours.stderr.slice(0, 500) }, go: { ...p.list.go, stdout: undefined, stderr: p.list.go.stderr.slice(0, 500) }, same: p.list.same, diff: p.list.diff },
    })),
  }));
}

process.on('SIGINT', () => process.exit(130)); // the LSP client kills its servers on exit
main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exitCode = 1;
});
