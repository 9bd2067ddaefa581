/**
 * npm run bench:server — the language server over stdio on the largest real inputs of
 * ../shared/corpus: the go.work using the most modules present in the corpus (its whole corpus
 * folder is the workspace) and the go.mod with the most requirements (its folder alone). No module cache is
 * available for them: builds are incomplete, as on a machine that never ran `go mod download`.
 *
 * For each input and each diagnostics model (pull, push): time from process spawn to initialized,
 * from didOpen of the main file to its first diagnostics and inlay hints, then N one-character
 * edits (didChange) in two series — a "typo" series that deletes the last character of a
 * requirement version (go.mod) or of a `use` path (go.work) and types it again, so the file
 * alternates invalid/valid, and a "space" series that types a space at the end of the same lines
 * (inside the trailing comment when there is one) and deletes it, always valid — each edit timed
 * until diagnostics and inlay hints for the new version are received. Targets (the issue): first
 * results under 1 s, p95 after an edit under 50 ms. Figures are also printed as ratios against the
 * go command in the same run (goBaseline.ts).
 *
 * Environment: GML_BENCH_EDITS (default 50 per series), GML_BENCH_MODES (pull,push),
 * GML_BENCH_BUDGET_S (wall-clock budget per series, default 60), GML_BENCH_TIMEOUT_S (per request,
 * default 120), GML_BENCH_GO_RUNS (default 10), GML_BENCH_KEEP (keep the temporary copies),
 * GML_BENCH_PROFILE (a directory where each server process writes a V8 CPU profile), GML_BENCH_ONLY
 * ("workspace" or "go.mod": measure that input only), GML_BENCH_NODE_ARGS (extra node options for the
 * server), GML_BENCH_SERVER (the bin/go-mod-lens.js of another build, for A/B comparisons).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseModFile } from '../src/syntax/modfile';
import { parseWorkFile } from '../src/syntax/workfile';
import { findFiles, repoRoot } from '../test/oracle/env';
import { GoBaseline, measureGo } from './goBaseline';
import { EditSeries, RunResult, runServer, type Target } from './serverRun';

/** Input is one thing to measure, found in the corpus. */
interface Input {
  label: string;
  /** what is copied: a whole corpus folder (workspace) or one folder's files */
  source: string;
  tree: boolean;
  /** the main file, relative to the copy */
  file: string;
  size: string;
  targets: Target[];
  typoDescription: string;
}

const env = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/** offsetToLineChar converts a UTF-16 offset of text into an LSP position. */
function offsetToLineChar(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length - 1, character: offset - (nl + 1) };
}

/** targetAt: the edit target whose token ends at offset `end` (the line end is where a space goes). */
function targetAt(text: string, end: number, last: string): Target {
  const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
  const eol = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  return { tokenEnd: offsetToLineChar(text, end), lineEnd: offsetToLineChar(text, eol), last };
}

/**
 * findInputs picks the largest real workspace (the go.work with the most `use` directories that
 * hold a go.mod in the corpus: a vendored go.work lists directories that are not there) and the
 * go.mod with the most requirements.
 */
function findInputs(corpus: string): Input[] {
  const files = findFiles(corpus, (n) => n === 'go.work' || n === 'go.mod');
  let work: { file: string; n: number } | undefined;
  let mod: { file: string; n: number } | undefined;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    if (basename(f) === 'go.work') {
      const n = parseWorkFile(text, f).use.filter((u) => existsSync(join(dirname(f), u.path, 'go.mod'))).length;
      if (!work || n > work.n) work = { file: f, n };
    } else {
      const n = parseModFile(text, { name: f }).require.length;
      if (!mod || n > mod.n) mod = { file: f, n };
    }
  }
  const out: Input[] = [];
  if (work) {
    const text = readFileSync(work.file, 'utf8');
    const top = join(corpus, relative(corpus, work.file).split('/')[0]);
    const targets = parseWorkFile(text, work.file).use.filter((u) => u.path.length >= 3)
      .map((u) => targetAt(text, u.pathToken.end, u.path.slice(-1)));
    out.push({ label: 'largest workspace', source: top, tree: true, file: relative(top, work.file), size: `${work.n} modules used (use directories with a go.mod)`, targets,
      typoDescription: 'delete the last character of a use path (e.g. ./vision → ./visio, a directory that does not exist), then type it again' });
  }
  if (mod) {
    const text = readFileSync(mod.file, 'utf8');
    const targets = parseModFile(text, { name: mod.file }).require.filter((r) => /^v\d+\.\d+\.\d+$/.test(r.mod.version))
      .map((r) => targetAt(text, r.versionToken.end, r.mod.version.slice(-1)));
    out.push({ label: 'largest go.mod', source: dirname(mod.file), tree: false, file: 'go.mod', size: `${mod.n} requirements`, targets,
      typoDescription: 'delete the last character of a requirement version (v1.2.0 → v1.2.: invalid), then type it again (valid)' });
  }
  return out;
}

/** copyInput copies an input into dest (a whole tree, or the files of one folder). */
function copyInput(input: Input, dest: string): { files: number; bytes: number } {
  mkdirSync(dest, { recursive: true });
  if (input.tree) cpSync(input.source, dest, { recursive: true });
  else for (const name of readdirSync(input.source)) if (statSync(join(input.source, name)).isFile()) cpSync(join(input.source, name), join(dest, name));
  const all = findFiles(dest, () => true);
  return { files: all.length, bytes: all.reduce((s, f) => s + statSync(f).size, 0) };
}

/** serverEntry says which code bin/go-mod-lens.js loads (it picks the newer of the bundle and tsc's output). */
function serverEntry(): string {
  const mtime = (p: string): number => (existsSync(p) ? statSync(p).mtimeMs : -1);
  const bundled = mtime(join(repoRoot, 'dist/cli.js'));
  const compiled = Math.max(mtime(join(repoRoot, 'server/out/src/cli.js')), mtime(join(repoRoot, 'server/out/.tsbuildinfo')));
  return bundled >= compiled ? 'dist/cli.js (bundle)' : 'server/out/src (tsc output, newer than the bundle)';
}

const fmt = (ms: number | undefined): string => (ms === undefined || !Number.isFinite(ms) ? '—' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const ratio = (ms: number | undefined, base: number | undefined): string => (ms === undefined || !base ? '' : `×${(ms / base).toFixed(ms / base >= 10 ? 0 : 2)}`);

/** percentile by nearest rank. */
export function percentile(xs: number[], p: number): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)];
}

function seriesRows(runs: RunResult[], scheme: string): Array<[string, Array<number | undefined>, string?]> {
  const pick = (r: RunResult): EditSeries | undefined => r.series.find((s) => s.scheme === scheme);
  const rows: Array<[string, Array<number | undefined>, string?]> = [];
  const desc = runs.map(pick).find((s) => s)?.description ?? scheme;
  const n = runs.map((r) => { const s = pick(r); return s ? `${s.both.length}/${s.wanted}${s.stopped ? ` (${s.stopped})` : ''}` : '—'; }).join(', ');
  rows.push([`edits "${scheme}": ${desc}; done ${n}`, []]);
  for (const [name, p] of [['p50', 0.5], ['p95', 0.95], ['max', 1]] as const) {
    rows.push([`  didChange → diagnostics + hints, ${name}`, runs.map((r) => percentile(pick(r)?.both ?? [], p)), name === 'p95' ? '< 50' : undefined]);
  }
  rows.push([`  didChange → diagnostics only, p50`, runs.map((r) => percentile(pick(r)?.diag ?? [], 0.5))]);
  rows.push([`  didChange → inlay hints only, p50`, runs.map((r) => percentile(pick(r)?.hints ?? [], 0.5))]);
  return rows;
}

/** printTable prints one input's results: rows of metrics, a column (ms and ratio to go) per mode. */
function printTable(runs: RunResult[], base: number | undefined): void {
  const rows: Array<[string, Array<number | undefined>, string?]> = [
    ['spawn → initialize answered', runs.map((r) => r.spawnToInit)],
    ['didOpen → first diagnostics', runs.map((r) => r.openToDiag)],
    ['didOpen → first inlay hints', runs.map((r) => r.openToHints)],
    ['didOpen → both', runs.map((r) => r.openToBoth), '< 1000'],
    ['spawn → both (cold start to first results)', runs.map((r) => r.spawnToBoth)],
    ...seriesRows(runs, 'typo'),
    ...seriesRows(runs, 'space'),
  ];
  const w = Math.max(...rows.map((r) => (r[1].length ? r[0].length : 0)));
  console.log(`  ${'ms'.padStart(w)}  ${runs.map((r) => `${r.mode.padStart(9)} ${'vs go'.padEnd(7)}`).join(' ')} target`);
  for (const [name, values, target] of rows) {
    if (values.length === 0) {
      console.log(`  ${name}`);
      continue;
    }
    const cells = values.map((v) => `${fmt(v).padStart(9)} ${ratio(v, base).padEnd(7)}`).join(' ');
    const verdict = target ? `${target} ms: ${values.map((v) => (v === undefined ? '—' : v < Number(target.slice(2)) ? 'ok' : 'MISSED')).join(', ')}` : '';
    console.log(`  ${name.padEnd(w)}  ${cells} ${verdict}`);
  }
  for (const r of runs) {
    console.log(`  ${r.mode}: first results: ${r.diagCount} diagnostics on the main file (${Object.entries(r.codes).map(([c, k]) => `${c} ×${k}`).join(', ') || 'none'}), ${r.hintCount} inlay hints${r.note ? `; ${r.note}` : ''}`);
    if (r.error) console.log(`  ${r.mode}: ERROR ${r.error.split('\n').slice(0, 8).join('\n    ')}`);
  }
}

function printGo(g: GoBaseline): void {
  if (g.note && !g.editReal) return console.log(`  go: ${g.note}`);
  const line = (t: GoBaseline['editReal'], what: string): void => {
    if (!t) return;
    const outcome = t.status === 0 ? `ok, ${t.stdoutBytes} bytes of JSON` : `exit ${t.status}: ${t.errors.join(' | ')}${t.stderrLines > t.errors.length ? ` (${t.stderrLines} error lines)` : ''}`;
    console.log(`  ${t.command} ${what}: ${fmt(t.medianMs)} ms (median of ${t.runs}); ${outcome}`);
  };
  console.log(`  ${g.version}`);
  line(g.editReal, 'on the real file');
  line(g.editDownlevelled, 'on the downlevelled copy');
  line(g.list, 'offline, no module cache (downlevelled copy)');
  console.log(g.baseMs ? `  ratios ("vs go") are against: ${g.baseLabel}, ${fmt(g.baseMs)} ms` : `  ${g.note}`);
}

async function benchInput(input: Input, modes: Array<'pull' | 'push'>, edits: number, scratch: string): Promise<unknown> {
  const copy = join(scratch, 'ws');
  const { files, bytes } = copyInput(input, copy);
  console.log(`\n${input.label}: ${relative(resolve(repoRoot, '..'), join(input.source, input.file))} — ${input.size}; copied ${files} files, ${(bytes / 1e6).toFixed(1)} MB`);
  const go = measureGo(copy, input.file, join(scratch, 'go'), env('GML_BENCH_GO_RUNS', 10));
  printGo(go);
  const runs: RunResult[] = [];
  for (const mode of modes) {
    runs.push(await runServer({
      mode, folder: copy, file: join(copy, input.file), home: join(scratch, `home-${mode}`), targets: input.targets, typoDescription: input.typoDescription, edits,
      budgetMs: env('GML_BENCH_BUDGET_S', 60) * 1000, timeoutMs: env('GML_BENCH_TIMEOUT_S', 120) * 1000,
    }));
  }
  printTable(runs, go.baseMs);
  return {
    input: input.label, file: relative(resolve(repoRoot, '..'), join(input.source, input.file)), size: input.size, files, bytes,
    go: { version: go.version, baseMs: go.baseMs, base: go.baseLabel, editReal: go.editReal, editDownlevelled: go.editDownlevelled, list: go.list },
    runs: runs.map((r) => ({
      ...r, series: r.series.map((s) => ({
        scheme: s.scheme, description: s.description, done: s.both.length, wanted: s.wanted, stopped: s.stopped,
        p50: percentile(s.both, 0.5), p95: percentile(s.both, 0.95), max: percentile(s.both, 1), samples: s.both.map((x) => +x.toFixed(2)),
      })),
    })),
  };
}

async function main(): Promise<void> {
  const corpus = resolve(repoRoot, '../shared/corpus');
  if (!existsSync(corpus)) {
    console.log(`bench:server skipped: ${corpus} (../shared/corpus beside the repository) is absent`);
    return;
  }
  const modes = (process.env.GML_BENCH_MODES ?? 'pull,push').split(',').filter((m): m is 'pull' | 'push' => m === 'pull' || m === 'push');
  const edits = env('GML_BENCH_EDITS', 50);
  console.log(`go-mod-lens server bench: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), server entry ${serverEntry()}`);
  console.log('No module cache (empty GOMODCACHE, GOPROXY=off): every build is incomplete, as on a machine that never ran `go mod download`.');
  console.log(`Push mode: a change on its own is published at once; changes less than 5 ms apart wait GOMODLENS_DEBOUNCE_MS (default 25 ms) after the last.`);
  const results: unknown[] = [];
  const only = process.env.GML_BENCH_ONLY; // "workspace" or "go.mod": one input only
  for (const input of findInputs(corpus).filter((i) => !only || i.label.endsWith(only))) {
    const scratch = mkdtempSync(join(tmpdir(), 'gml-serverbench-'));
    try {
      results.push(await benchInput(input, modes, edits, scratch));
    } finally {
      if (process.env.GML_BENCH_KEEP) console.log(`  kept ${scratch}`);
      else rmSync(scratch, { recursive: true, force: true });
    }
  }
  console.log(JSON.stringify({ bench: 'server', node: process.version, cpus: cpus().length, entry: serverEntry(), edits, modes, results }));
}

process.on('SIGINT', () => process.exit(130)); // the LSP client kills its servers on exit
main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exitCode = 1;
});
