/**
 * The requirement diagnostics against `go mod tidy -diff` (Go ≥ 1.23) and a read-only
 * `go list -m all` on random module worlds.
 *
 * Every module version of a random modern scenario gets a package that imports the root packages
 * of the modules it requires (those whose paths sort after its own: packages must not import each
 * other in a cycle), and the main module imports every module it requires: tidy has real imports to
 * keep. `go mod tidy` makes the world tidy; from that go.mod come three variants — as tidied, with
 * one requirement lowered to an older version, with the go line lowered — each with a go.sum
 * holding every module version's hashes. For each, the server's diagnostics are compared with Go:
 *  - the read-only stop: we say `go list -m all` stops (not-tidy, or go-below-dependency as a
 *    warning) exactly when it stops with "updates to go.mod needed";
 *  - every require line whose version tidy changes, and the go line when tidy changes it, carries
 *    one of our reports (not-tidy, version-raised, go-below-dependency, excluded) — where the module
 *    graph alone makes that change (`go list -mod=mod -m all` selects that version, writes that go
 *    line); a change that follows only from how tidy resolves imports is counted, not compared;
 *  - where tidy changes nothing in go.mod and `go list -m all` does not stop, we report none of them.
 * What this found in Go itself: tidy and `go list -m all` disagree. Tidy raises the go line, and a
 * build stops, only for modules that provide packages the build loads; `go list -m all` checks the
 * whole module graph — so a go.mod that tidy leaves alone can still stop `go list -m all` (a
 * dependency reached only through the graph has a higher go line; a toolchain line below the go
 * line). Our messages say which command stops and name the `go get` that fixes it.
 * Changes tidy makes for imports (adding or dropping a requirement, an `// indirect` mark) are not
 * ours to predict — the analysis reads go.mod files, not the packages of every dependency — and are
 * counted, not compared.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { compare as compareSemver } from '../../src/module/semver';
import { goModH1 } from '../../src/node/cacheFacts';
import { parseModFile } from '../../src/syntax/modfile';
import { compareRelease, mapLimit, runGo, telemetryOff } from '../oracle/env';
import { scratchRoot } from '../oracle/modgraph/differential';
import { generateScenario, scenarioSeed } from '../oracle/modgraph/generate';
import { Materialized, copyTree, materialize, removeTree } from '../oracle/modgraph/materialize';
import { goModuleEnv } from '../oracle/modgraph/runGoOracle';
import { Scenario, escapeModulePath, goModText } from '../oracle/modgraph/scenario';
import { writeModuleZip } from '../oracle/modgraph/zip';
import { describeEachGo } from '../oracle/suites';
import { LspClient } from '../lsp/client';
import { serverCommand } from '../lsp/fixture';
import { note } from '../support/notes';

const rounds = Number(process.env.GML_TIDY_ROUNDS ?? 100);
const seed = Number(process.env.GML_FUZZ_SEED ?? 7);
const CODES = new Set(['not-tidy', 'version-raised', 'go-below-dependency', 'excluded']);

/** importsOf: a package importing the root package of each required module (blank imports). */
function packageSource(name: string, paths: string[]): string {
  const uniq = [...new Set(paths)].sort();
  return `package ${name}\n${uniq.length ? `\nimport (\n${uniq.map((p) => `\t_ "${p}"\n`).join('')})\n` : ''}${name === 'main' ? '\nfunc main() {}\n' : ''}`;
}

/** zipH1 is the go.sum hash of a module zip: dirhash Hash1 over its files, named path@version/NAME, in name order. */
function zipH1(path: string, version: string, files: Record<string, string>): string {
  const lines = Object.keys(files).map((n) => `${path}@${version}/${n}`).sort()
    .map((name) => `${createHash('sha256').update(files[name.slice(name.lastIndexOf('/') + 1)]).digest('hex')}  ${name}\n`);
  return 'h1:' + createHash('sha256').update(lines.join('')).digest('base64');
}

/**
 * withPackages materializes s with a package in every module: zips in the proxy, p.go in local
 * modules, main.go in the main module. The main package imports every module it requires; a
 * module's package imports the modules it requires whose paths sort after its own (packages that
 * import each other do not compile, and requirement graphs have cycles), never the main module.
 */
function withPackages(s: Scenario, root: string): { m: Materialized; goSum: string } {
  const m = materialize(s, root);
  const sums: string[] = [];
  const mainPath = s.main?.path ?? '';
  const imports = (from: string, requires: { path: string }[]): string[] => requires.map((r) => r.path).filter((p) => p > from && p !== mainPath);
  for (const v of s.modules) {
    const dir = join(m.proxy, escapeModulePath(v.path), '@v');
    const goMod = goModText(v.declares === undefined ? v.path : v.declares, v, '../local');
    const files = { 'go.mod': goMod, 'p.go': packageSource('p', imports(v.path, v.requires)) };
    writeModuleZip(join(dir, `${escapeModulePath(v.version)}.zip`), v.path, v.version, goMod, { 'p.go': files['p.go'] });
    sums.push(`${v.path} ${v.version} ${zipH1(v.path, v.version, files)}`, `${v.path} ${v.version}/go.mod ${goModH1(Buffer.from(goMod))}`);
  }
  for (const [name, l] of Object.entries(s.locals)) writeFileSync(join(m.src, 'local', name, 'p.go'), packageSource('p', imports(l.path, l.requires)));
  writeFileSync(join(m.src, 'main', 'main.go'), packageSource('main', (s.main?.requires ?? []).map((r) => r.path).filter((p) => p !== mainPath)));
  return { m, goSum: [...new Set(sums)].sort().map((l) => l + '\n').join('') };
}

/** TidyDiff is what `go mod tidy -diff` says about go.mod: require versions it changes, the go line, and the rest. */
interface TidyDiff {
  failed?: string;
  /** module path → [old version, new version] */
  versions: Map<string, [string, string]>;
  goLine?: [string, string];
  /** other changed lines (requirements added or dropped, `// indirect` marks, toolchain) */
  other: string[];
}

const requireLine = /^\s*(?:require\s+)?(\S+)\s+(v\S+)(\s*\/\/\s*indirect)?\s*$/;

function parseTidyDiff(stdout: string): TidyDiff {
  const d: TidyDiff = { versions: new Map(), other: [] };
  let inGoMod = false;
  const removed = new Map<string, { version: string; indirect: boolean }>();
  const added = new Map<string, { version: string; indirect: boolean }>();
  for (const line of stdout.split('\n')) {
    if (line.startsWith('--- ')) inGoMod = /go\.mod$/.test(line.trim());
    if (!inGoMod || line.startsWith('--- ') || line.startsWith('+++ ') || line.startsWith('@@')) continue;
    const sign = line[0];
    if (sign !== '-' && sign !== '+') continue;
    const body = line.slice(1);
    const go = /^go (\S+)$/.exec(body);
    if (go) {
      d.goLine = sign === '-' ? [go[1], d.goLine?.[1] ?? ''] : [d.goLine?.[0] ?? '', go[1]];
      continue;
    }
    const r = requireLine.exec(body);
    if (r && r[1] !== 'require' && r[1] !== ')' ) (sign === '-' ? removed : added).set(r[1], { version: r[2], indirect: !!r[3] });
    else if (body.trim() !== '' && body.trim() !== ')' && body.trim() !== 'require (') d.other.push(line);
  }
  for (const [path, old] of removed) {
    const now = added.get(path);
    if (!now) d.other.push(`-${path} ${old.version}`);
    else {
      if (now.version !== old.version) d.versions.set(path, [old.version, now.version]);
      if (now.indirect !== old.indirect) d.other.push(`~${path} // indirect`);
    }
  }
  for (const [path, now] of added) if (!removed.has(path)) d.other.push(`+${path} ${now.version}`);
  return d;
}

const changes = (d: TidyDiff): boolean => d.versions.size > 0 || d.goLine !== undefined || d.other.length > 0;

describeEachGo('differential: requirement diagnostics against go mod tidy -diff', function (oracle) {
  this.timeout(30 * 60 * 1000);
  let scratch = '';
  before(function () {
    if (compareRelease(oracle.release, '1.23') < 0) {
      note(`skipped: ${oracle.label} has no go mod tidy -diff (Go 1.23)`);
      this.skip();
    }
    scratch = telemetryOff(scratchRoot(undefined, 'gml-tidy-'));
  });
  after(() => { if (scratch && !process.env.GML_KEEP_SCRATCH) removeTree(scratch); });

  it(`agrees with go on ${rounds} random worlds (seed ${seed}): we say go list -m all stops exactly when it does, report on every line the module graph makes tidy change, and nothing where tidy has nothing to do`, async () => {
    const stats = { worlds: 0, tidyFailed: 0, variants: 0, tidyChanges: 0, versionChanges: 0, goLineChanges: 0, importOnly: 0, reported: 0, stops: 0, importDriven: 0 };
    const problems: string[] = [];
    const failures = new Map<string, number>();
    const variantFailures = new Map<string, number>();
    const worlds = await mapLimit(Array.from({ length: rounds }, (_, i) => i), 2, async (i) => {
      const s = generateScenario(scenarioSeed(seed, i), { failureRate: 0, modern: true });
      if (s.workspace || !s.main) return undefined; // go mod tidy works on one module
      const root = join(scratch, `w${i}`);
      const { m, goSum } = withPackages(s, root);
      const modcache = join(root, 'modcache');
      const env = { ...goModuleEnv(m, m.src, 'proxy', modcache), GOFLAGS: '-modcacherw' };
      const main = join(m.src, 'main');
      const tidy = await runGo(oracle, ['mod', 'tidy'], main, env);
      if (tidy.status !== 0) return { i, s, failed: tidy.stderr.trim().split('\n').pop() };
      const tidied = readFileSync(join(main, 'go.mod'), 'utf8');
      const f = parseModFile(tidied, { name: 'go.mod' });
      const variants: Array<{ name: string; text: string }> = [{ name: 'tidied', text: tidied }];
      // one requirement lowered to an older version the proxy serves
      const older = f.require.map((r) => ({ r, v: s.modules.filter((x) => x.path === r.mod.path && compareSemver(x.version, r.mod.version) < 0).map((x) => x.version).sort(compareSemver).pop() })).find((x) => x.v);
      if (older?.v) variants.push({ name: `${older.r.mod.path} lowered to ${older.v}`, text: tidied.slice(0, older.r.versionToken.start) + older.v + tidied.slice(older.r.versionToken.end) });
      if (f.go && f.go.version !== '1.21.0') variants.push({ name: 'go line lowered to 1.21.0', text: tidied.slice(0, f.go.versionToken.start) + '1.21.0' + tidied.slice(f.go.versionToken.end) });
      const out: Array<{ name: string; dir: string; text: string; diff: TidyDiff; stops: boolean; graph: { selected: Map<string, string>; goLine?: string } }> = [];
      for (const [k, v] of variants.entries()) {
        const dir = join(m.src, `v${k}`);
        copyTree(main, dir);
        writeFileSync(join(dir, 'go.mod'), v.text);
        writeFileSync(join(dir, 'go.sum'), goSum); // every hash: a read-only go command stops for go.mod, not go.sum
        const list = await runGo(oracle, ['list', '-m', 'all'], dir, env);
        const diff = await runGo(oracle, ['mod', 'tidy', '-diff'], dir, env);
        const failed = list.status !== 0 && !/updates to go\.mod needed/.test(list.stderr) ? `go list -m all: ${list.stderr.trim().split('\n').pop()}`
          : diff.status !== 0 && !diff.stdout.includes('--- ') ? `go mod tidy -diff: ${diff.stderr.trim().split('\n').pop()}` : undefined;
        const parsed = failed ? { versions: new Map<string, [string, string]>(), other: [], failed } : parseTidyDiff(diff.stdout);
        writeFileSync(join(dir, 'go.mod'), v.text); // -diff writes nothing, but be sure the server reads the variant
        // what the module graph alone changes: go list -mod=mod -m all on a copy (the versions it selects, the go line it writes)
        const copy = join(m.src, `v${k}-mod`);
        copyTree(dir, copy);
        const fixed = await runGo(oracle, ['list', '-mod=mod', '-m', 'all'], copy, env);
        const selected = new Map(fixed.stdout.split('\n').map((l) => l.split(' ')).filter((x) => x.length >= 2).map((x) => [x[0], x[1]] as [string, string]));
        const goLine = /^go (\S+)$/m.exec(readFileSync(join(copy, 'go.mod'), 'utf8'))?.[1];
        out.push({ name: v.name, dir, text: v.text, diff: parsed, stops: list.status !== 0, graph: { selected, goLine } });
      }
      return { i, s, m, modcache, variants: out, graphSelected: (v: (typeof out)[number], path: string): string | undefined => v.graph.selected.get(path) };
    });

    // one server over every world's variants, with the oracle's version as the local toolchain
    const home = join(scratch, '.home');
    for (const w of worlds) {
      if (!w) continue;
      stats.worlds++;
      if ('failed' in w) {
        stats.tidyFailed++;
        const kind = (w.failed ?? '').replace(/\S+\.\S+\/\S+|v\d\S*|\/tmp\/\S+/g, '…');
        failures.set(kind, (failures.get(kind) ?? 0) + 1);
        continue;
      }
      const client = await LspClient.start({
        ...serverCommand(),
        env: { PATH: process.env.PATH, HOME: home, GOENV: 'off', GOPROXY: 'off', GOFLAGS: '', GOTOOLCHAIN: 'local', GOMODCACHE: w.modcache, GOMODLENS_CACHE_DIR: 'off', GOWORK: 'off' },
        folders: w.variants.map((v) => v.dir), settings: { toolchainVersion: oracle.emulate }, pullDiagnostics: true, timeoutMs: 60_000,
      });
      try {
        for (const v of w.variants) {
          if (v.diff.failed) {
            const kind = v.diff.failed.replace(/\S+\.\S+\/\S+|v\d\S*|\/tmp\/\S+/g, '…');
            variantFailures.set(kind, (variantFailures.get(kind) ?? 0) + 1);
            continue;
          }
          stats.variants++;
          const diags = (await client.pullDiagnostics(join(v.dir, 'go.mod'))).filter((d) => CODES.has(String(d.code)));
          const f = parseModFile(v.text, { name: 'go.mod' });
          const lineOf = (off: number): number => v.text.slice(0, off).split('\n').length - 1;
          const on = (line: number): Diagnostic[] => diags.filter((d) => d.range.start.line <= line && d.range.end.line >= line);
          const where = `world ${w.i} (seed ${seed}), ${v.name}`;
          const tidyChanges = changes(v.diff);
          if (tidyChanges) stats.tidyChanges++;
          if (diags.length > 0) stats.reported++;
          if (v.diff.versions.size > 0) stats.versionChanges++;
          if (v.diff.goLine) stats.goLineChanges++;
          if (tidyChanges && v.diff.versions.size === 0 && !v.diff.goLine) stats.importOnly++;
          const said = diags.map((d) => `  ${d.range.start.line}: ${d.code}: ${typeof d.message === 'string' ? d.message : d.message.value}`).join('\n');
          // the stop we claim: not-tidy, or go-below-dependency as a warning (its message says go list -m all stops)
          const claimsStop = diags.some((d) => d.code === 'not-tidy' || (d.code === 'go-below-dependency' && d.severity === 2) || (d.code === 'excluded' && /go list -m all stops/.test(String(typeof d.message === 'string' ? d.message : d.message.value))));
          if (v.stops) stats.stops++;
          if (claimsStop !== v.stops) problems.push(`${where}: go list -m all ${v.stops ? 'stops with "updates to go.mod needed"' : 'does not stop'}, we ${claimsStop ? 'say it stops' : 'say nothing of a stop'}:\n${said}`);
          if (v.name === 'tidied' && tidyChanges) problems.push(`${where}: tidy changes its own output: ${JSON.stringify([...v.diff.versions, v.diff.goLine, v.diff.other])}`);
          if (diags.length > 0 && !tidyChanges && !v.stops) problems.push(`${where}: we report, but tidy has nothing to do and go list -m all does not stop:\n${said}`);
          // a version or go line tidy changes that the module graph alone does not (go list -mod=mod -m all
          // selects the written version, writes the same go line) follows from packages: tidy resolved an import
          let importDriven = false;
          for (const [path, [from, to]] of v.diff.versions) {
            const r = f.require.find((x) => x.mod.path === path);
            if (!r) continue;
            if (w.graphSelected(v, path) === from) {
              importDriven = true;
              continue;
            }
            if (on(lineOf(r.line.start)).length === 0) problems.push(`${where}: tidy changes ${path} ${from} → ${to}, and so does the module graph (go list -mod=mod selects ${w.graphSelected(v, path)}); we say nothing on that line`);
          }
          if (v.diff.goLine && f.go) {
            if (v.graph.goLine === f.go.version) importDriven = true;
            else if (on(lineOf(f.go.line.start)).length === 0) problems.push(`${where}: tidy changes the go line ${v.diff.goLine.join(' → ')}, and so does the module graph (to ${v.graph.goLine}); we say nothing on it (${diags.map((d) => d.code).join(', ')})`);
          }
          if (importDriven) stats.importDriven++;
        }
      } finally {
        await client.shutdown().catch(() => client.dispose());
      }
    }
    note(`${stats.worlds} random module worlds against ${oracle.label} (seed ${seed}); go mod tidy failed on ${stats.tidyFailed}; ` +
      `${stats.variants} go.mod variants compared: tidy -diff changed ${stats.tidyChanges} (a require version in ${stats.versionChanges}, the go line in ${stats.goLineChanges}, ` +
      `only requirements or indirect marks that follow from imports in ${stats.importOnly}); go list -m all stopped on ${stats.stops}; a version or go line only tidy changes (by imports) in ${stats.importDriven}; we reported on ${stats.reported}; disagreements: ${problems.length}` +
      (failures.size ? `\ngo mod tidy failures: ${[...failures].map(([k, n]) => `${n}× ${k}`).join('; ')}` : '') +
      (variantFailures.size ? `\nvariants go could not judge: ${[...variantFailures].map(([k, n]) => `${n}× ${k}`).join('; ')}` : ''));
    assert.ok(stats.variants >= rounds / 2, `too few variants compared (${stats.variants}): the worlds did not tidy`);
    assert.deepEqual(problems, []);
  });
});
