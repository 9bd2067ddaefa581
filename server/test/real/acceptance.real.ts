/**
 * npm run test:real (issue 14): the real main modules of test-fixtures/real/projects.json, each laid
 * out from the Go module proxy with a full module cache (projects.ts), judged by the newest go
 * command on the machine, offline:
 *  - `list`, `list -json`, `graph` against `go list -m all`, `go list -m -json all`, `go mod graph`;
 *  - `why -mod=mod` for three modules of each build list: every chain is a path of go's graph that
 *    ends at the selected version;
 *  - the diagnostics the real server publishes for the main go.mod (and go.work / go.sum), as a table
 *    project × code, with the ones that have a ground truth checked: not-tidy exactly where a
 *    read-only `go list -m all` stops with "updates to go.mod needed", build-error only where it
 *    fails, sum-missing where it wants a go.sum entry, retracted / deprecated as
 *    `go list -m -u -retracted -json` says of the required versions, sum-mismatch exactly where
 *    `go mod verify` finds a module that does not match the go.sum the project ships, replace-unused
 *    on paths go list -m all does not list; and not-tidy only where `go mod tidy -diff` reports
 *    changes, on six mid-sized projects as released and with requirements lowered. Every other
 *    finding but hints is listed for review.
 * Without the proxy (or without a go command) the suite is one skipped line saying so.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { GoOracle, GoRun, goOracle, goOracles, mapLimit, runGo, telemetryOff } from '../oracle/env';
import { cliArgs, compareRun, lineDiff, runOurs, splitJsonStream } from '../oracle/modgraph/compare';
import { planGoGet } from '../../src/edits/goGetEdit';
import { applyEdits } from '../../src/edits/textEdit';
import { listLines } from '../../src/graph/listing';
import { changeLines, diffLists, whatIf } from '../../src/graph/whatIf';
import { DiskFileSource } from '../../src/node/fileSource';
import { resolveGoEnv } from '../../src/node/goEnv';
import { loadProject } from '../../src/node/project';
import { createModuleSource } from '../../src/node/sources';
import { diskWorkspaceFs } from '../../src/node/workspace';
import { ModFile, parseModFile } from '../../src/syntax/modfile';
import { cmpVersion } from '../../src/graph/mvs';
import { Command, commands, goArgs } from '../oracle/modgraph/runGoOracle';
import { LspClient } from '../lsp/client';
import { serverCommand } from '../lsp/fixture';
import { note } from '../support/notes';
import { Prepared, RealProject, goEnvFor, prepare, proxyReachable, realCache, realProjects, snapshot } from './projects';

const text = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

/** the go command judging: the newest with toolchain lines (≥ 1.21) */
function judge(): GoOracle | undefined {
  return goOracle('1.26') ?? goOracles().find((o) => Number(o.release.split('.')[1]) >= 21);
}

interface Outcome {
  ok: boolean;
  /** ours: the paths whose version the query changes */
  changed?: string[];
  /** the build list after, or the error */
  text: string;
  require: string[];
  goLine?: string;
  toolchain?: string;
  /** the change lines go get prints on stderr (without `go: `); ours from changeLines */
  lines?: string[];
}

function requireLines(f: ModFile): string[] {
  return f.require.map((r) => `${r.mod.path} ${r.mod.version}${r.indirect ? ' // indirect' : ''}`).sort();
}

interface GoFacts {
  outputs: Record<Command, GoRun>;
  /** a read-only `go list -m all` (no -mod flag) */
  readonly: GoRun;
  /** `go mod verify`: the module cache against the go.sum the project ships */
  verify: GoRun;
}

describe('real projects against the go command (issue 14)', function () {
  this.timeout(60 * 60 * 1000);
  const oracle = judge();
  const cache = realCache();
  const projects = realProjects();
  const prepared = new Map<string, Promise<Prepared | { error: string }>>();
  let skip: string | undefined;
  const table: Array<{ id: string; size: number; counts: Map<string, number> }> = [];
  const review: string[] = [];
  const verified: string[] = [];
  const stats = { whatIf: 0, whatIfImports: 0 };
  const reviewWhatIf: string[] = [];

  before(async function () {
    if (!oracle) skip = 'skipped: no go command of release 1.21 or later (Go 1.26 at /usr/local/go, or GO_MOD_LENS_GO)';
    else skip = await proxyReachable(oracle, cache);
    if (skip) {
      note(skip.startsWith('skipped') ? skip : `skipped: ${skip}`);
      this.skip();
    }
    telemetryOff(join(cache, 'home'));
    const t0 = performance.now();
    // lay every project out (network), four at a time
    const results = await mapLimit(projects, 4, async (p) => {
      const r = prepare(oracle as GoOracle, cache, p);
      prepared.set(p.id, r);
      return r;
    });
    const failed = results.filter((r): r is { error: string } => 'error' in r);
    note(`${projects.length} real projects laid out in ${cache} in ${((performance.now() - t0) / 1000).toFixed(0)} s` + (failed.length ? `; ${failed.length} could not be: ${failed.map((f) => f.error).join('; ')}` : ''));
  });

  after(() => {
    if (table.length === 0) return;
    note(`what-if: ${stats.whatIf} go get queries compared; ${stats.whatIfImports} where go get's answer also follows the imports (an // indirect requirement added, a module raised or added by import resolution, or a package error), not compared` +
      (reviewWhatIf.length ? `:\n${reviewWhatIf.join('\n')}` : ''));
    note(`go mod verify (the module cache against each shipped go.sum; a module that does not match must be our sum-mismatch): ${verified.filter((v) => v.endsWith('all modules verified')).length} of ${verified.length} projects "all modules verified"` +
      verified.filter((v) => !v.endsWith('all modules verified')).map((v) => `\n  ${v}`).join(''));
    const codes = [...new Set(table.flatMap((r) => [...r.counts.keys()]))].sort();
    const rows = table.map((r) => `${r.id.padEnd(18)} ${String(r.size).padStart(5)} ${codes.map((c) => String(r.counts.get(c) ?? '·').padStart(Math.max(3, c.length))).join(' ')}`);
    note(`diagnostics of the main go.mod (go.work, go.sum) per project, through the real server (${oracle?.label}):\n` +
      `${'project'.padEnd(18)} ${'mods'.padStart(5)} ${codes.map((c) => c.padStart(Math.max(3, c.length))).join(' ')}\n${rows.join('\n')}` +
      (review.length ? `\nfindings without a ground truth (hints left out), for review:\n${review.join('\n')}` : ''));
  });

  for (const p of projects) {
    it(`${p.id}: ${p.module}@${p.version} — ${p.why}`, async function () {
      const r = await prepared.get(p.id);
      assert.ok(r, 'not prepared');
      if ('error' in r) assert.fail(`could not lay out ${p.module}@${p.version}: ${r.error}`);
      const o = oracle as GoOracle;
      const go = await goFacts(o, r);
      const problems: string[] = [];
      // 1. list, list -json, graph
      for (const cmd of commands) {
        const ours = await runOurs(cliArgs(cmd, r.dir, o.emulate), r.dir, cliEnv(r));
        const diff = compareRun(cmd, go.outputs[cmd], ours);
        if (diff) problems.push(`${cmd}: ${diff}`);
      }
      const listed = go.outputs.list.status === 0 ? go.outputs.list.stdout.trim().split('\n') : [];
      // 2. why chains against go's graph
      if (go.outputs.graph.status === 0 && listed.length > 1) problems.push(...await checkWhy(r, listed, go.outputs.graph.stdout, o));
      // 3. what-if against go get
      problems.push(...await checkWhatIf(r, o, go.outputs.list.stdout));
      // 4. diagnostics through the real server
      const diags = await serverDiagnostics(r, o);
      const counts = new Map<string, number>();
      for (const d of diags.all) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
      table.push({ id: p.id, size: listed.length, counts });
      problems.push(...checkDiagnostics(r, go, diags.mod, review));
      // sum-mismatch (on go.mod or go.sum) exactly where go mod verify finds a module that does not match go.sum
      const mismatches = diags.all.filter((d) => d.code === 'sum-mismatch');
      const verifyFails = go.verify.status !== 0 && /checksum mismatch|has been modified|SECURITY ERROR/.test(go.verify.stderr);
      if (verifyFails !== (mismatches.length > 0)) problems.push(`sum-mismatch: we report ${mismatches.length}; go mod verify: ${(go.verify.stdout + go.verify.stderr).trim().split('\n').slice(0, 2).join(' | ')}`);
      verified.push(`${p.id}: ${go.verify.status === 0 ? go.verify.stdout.trim() : `exit ${go.verify.status}`}`);
      assert.deepEqual(problems, [], `${p.id}: ${problems.length} differences from go`);
    });
  }

  /**
   * not-tidy against `go mod tidy -diff` (which needs the packages' sources: fetched from the proxy
   * for a few mid-sized projects only). Released projects are tidy, so each go.mod is also perturbed
   * where the graph makes it untidy: a requirement of the main module lowered to a version another
   * module requires, while a third still requires the version selected. Wherever we say not-tidy,
   * tidy -diff must report changes; and the perturbations must make us say it at least once.
   */
  it('not-tidy only where go mod tidy -diff reports changes (perturbed go.mod files of mid-sized projects)', async function () {
    const o = oracle as GoOracle;
    const ids = ['gin', 'echo', 'grpc-gateway', 'pgx', 'delve', 'nats-server'];
    const seen: string[] = [];
    const problems: string[] = [];
    let saidNotTidy = 0;
    for (const id of ids) {
      const r = await prepared.get(id);
      if (!r || 'error' in r || r.workspace) continue;
      const graph = await runGo(o, ['mod', 'graph'], r.dir, goEnvFor(cache, false, { HOME: join(cache, 'home'), GOFLAGS: '-mod=mod' }));
      const original = readFileSync(join(r.dir, 'go.mod'), 'utf8');
      const variants: Array<{ label: string; text: string }> = [{ label: 'as released', text: original }];
      for (const v of lowerings(original, graph.stdout).slice(0, 2)) variants.push(v);
      for (const v of variants) {
        const keep = snapshot(r.dir);
        try {
          writeFileSync(join(r.dir, 'go.mod'), v.text);
          const mod = (await serverDiagnostics(r, o)).mod;
          const ours = mod.some((d) => d.code === 'not-tidy');
          const tidy = await runGo(o, ['mod', 'tidy', '-diff'], r.dir, goEnvFor(cache, true, { HOME: join(cache, 'home'), GOFLAGS: '-modcacherw' }));
          const changes = tidy.status !== 0 && tidy.stdout.trim() !== '';
          if (tidy.status !== 0 && !changes) {
            seen.push(`${id} ${v.label}: go mod tidy -diff failed (${tidy.stderr.trim().split('\n')[0]}); not judged`);
            continue;
          }
          if (ours) saidNotTidy++;
          seen.push(`${id} ${v.label}: ours ${ours ? 'not-tidy' : 'tidy'}, go mod tidy -diff ${changes ? 'reports changes' : 'none'}`);
          if (ours && !changes) problems.push(`${id} ${v.label}: we say not-tidy; go mod tidy -diff reports no change`);
        } finally {
          keep();
        }
      }
    }
    note(`not-tidy against go mod tidy -diff:\n${seen.map((s) => `  ${s}`).join('\n')}`);
    assert.deepEqual(problems, []);
    assert.ok(saidNotTidy > 0, 'no perturbation made us say not-tidy: the check judged nothing');
  });

  /** goFacts runs go's three commands (as -mod=mod does, on a copy of go.mod: go may rewrite it) and a read-only list. */
  async function goFacts(o: GoOracle, r: Prepared): Promise<GoFacts> {
    const outputs = {} as Record<Command, GoRun>;
    for (const cmd of commands) {
      const restore = snapshot(r.dir);
      outputs[cmd] = await runGo(o, goArgs(cmd, r.workspace), r.dir, goEnvFor(cache, false, { HOME: join(cache, 'home') }));
      restore();
    }
    const readonly = await runGo(o, ['list', '-m', 'all'], r.dir, goEnvFor(cache, false, { HOME: join(cache, 'home') }));
    const restore = snapshot(r.dir);
    const verify = await runGo(o, ['mod', 'verify'], r.dir, goEnvFor(cache, false, { HOME: join(cache, 'home') }));
    restore();
    return { outputs, readonly, verify };
  }

  function cliEnv(r: Prepared): Record<string, string> {
    return { ...goEnvFor(cache, false), GOFLAGS: r.workspace ? '' : '-mod=mod' };
  }

  /** checkWhy: our chains for three modules of the build list follow go's graph to the selected version. */
  async function checkWhy(r: Prepared, listed: string[], graph: string, o: GoOracle): Promise<string[]> {
    const edges = new Set(graph.trim().split('\n'));
    const mods = listed.slice(1).map((l) => l.split(' ')).filter((x) => x.length >= 2 && !x.includes('=>'));
    const picks = [mods[0], mods[Math.floor(mods.length / 2)], mods[mods.length - 1]].filter((x, i, a) => x && a.indexOf(x) === i);
    const out: string[] = [];
    for (const [path, version] of picks) {
      const ours = await runOurs(['why', `-go=${o.emulate}`, '-mod=mod', r.dir, path], r.dir, cliEnv(r));
      const chains = ours.stdout.split('\n').filter((l) => l.includes(' -> ')).map((l) => l.split(' -> '));
      if (ours.status !== 0 || chains.length === 0) {
        out.push(`why ${path}: no chain (status ${ours.status}): ${ours.stderr.trim() || ours.stdout.trim()}`);
        continue;
      }
      for (const c of chains) {
        if (c[c.length - 1] !== `${path}@${version}`) out.push(`why ${path}: the chain ${c.join(' -> ')} does not end at the selected ${path}@${version}`);
        for (let i = 0; i + 1 < c.length; i++) if (!edges.has(`${c[i]} ${c[i + 1]}`)) out.push(`why ${path}: ${c[i]} -> ${c[i + 1]} is not an edge of go mod graph`);
      }
    }
    return out;
  }

  /**
   * checkWhatIf: each query's outcome (failure, build list after, requirements, go and toolchain
   * lines, the change lines go get prints) as go get's in place — both with the module proxy (the versions a downgrade may take are
   * the proxy's list). go get also keeps the requirements the main module's imports need (package
   * loading): an `// indirect` requirement it adds beyond ours, or a failure about a package, is
   * counted as import-driven, not compared.
   */
  async function checkWhatIf(r: Prepared, o: GoOracle, before: string): Promise<string[]> {
    const versionsIn = (list: string): Map<string, string> => new Map(list.trim().split('\n').map((l) => l.split(' ')).filter((x) => x.length >= 2).map((x) => [x[0], x[1]] as [string, string]));
    // what-if runs in module mode (GOWORK=off): in a workspace, the list before is that module's own
    let listed = before;
    if (r.workspace) {
      const keep = snapshot(r.dir);
      listed = (await runGo(o, ['list', '-mod=mod', '-m', 'all'], r.dir, goEnvFor(cache, false, { GOWORK: 'off', HOME: join(cache, 'home') }))).stdout;
      keep();
    }
    const was = versionsIn(listed);
    const out: string[] = [];
    const env = goEnvFor(cache, true, { GOWORK: 'off', GOFLAGS: '-mod=mod -modcacherw', HOME: join(cache, 'home') });
    for (const [qi, q] of r.queries.entries()) {
      const keep = snapshot(r.dir);
      let go: Outcome;
      const get = await runGo(o, ['get', q], r.dir, env);
      get.stderr = get.stderr.replace(/\r/g, '');
      if (get.status !== 0) go = { ok: false, text: get.stderr, require: [] };
      else {
        const list = await runGo(o, ['list', '-m', 'all'], r.dir, env);
        const f = parseModFile(readFileSync(join(r.dir, 'go.mod'), 'utf8'), { name: 'go.mod' });
        go = list.status !== 0 ? { ok: false, text: `go list after go get: ${list.stderr}`, require: [] }
          : {
            ok: true, text: list.stdout, require: requireLines(f), goLine: f.go?.version ?? '', toolchain: f.toolchain?.name ?? '',
            lines: get.stderr.split('\n').filter((l) => /^go: (added|removed|upgraded|downgraded) /.test(l) || l.startsWith('\tnote: expanded dependencies')).map((l) => l.replace(/^go: /, '')),
          };
      }
      keep();
      const ours = await ourWhatIf(r, o, q);
      stats.whatIf++;
      const extra = go.require.filter((l) => !ours.require.includes(l));
      if (!go.ok && /cannot find module providing package|no required module provides package|does not contain package|missing go\.sum entry for module providing package/.test(go.text) && ours.ok) {
        stats.whatIfImports++;
        continue;
      }
      if (go.ok && ours.ok && go.text === ours.text && extra.length > 0 && extra.every((l) => l.endsWith('// indirect')) && ours.require.every((l) => go.require.includes(l))) {
        stats.whatIfImports++;
        continue;
      }
      // a downgrade or @none never raises or adds a module by MVS alone only when nothing new is read; a module go
      // upgrades there, or adds at a version no module of the graph asks for, comes from resolving an import
      const now = versionsIn(go.text);
      const raised = qi > 0 && go.ok ? [...now].filter(([path, v]) => (!was.has(path) || cmpVersion(path, was.get(path) as string, v) < 0) && !(ours.changed ?? []).includes(path)).map(([path]) => path) : [];
      if (go.ok && ours.ok && raised.length > 0) {
        stats.whatIfImports++;
        reviewWhatIf.push(`  ${r.project.id} go get ${q}: go also ${raised.map((x) => `changed ${x}`).join(', ')} (import resolution); the rest not compared`);
        continue;
      }
      if (go.ok !== ours.ok) out.push(`what-if ${q}: go ${go.ok ? 'succeeded' : `failed (${go.text.trim().split('\n').pop()})`}, we ${ours.ok ? 'succeeded' : `failed (${ours.text.trim()})`}`);
      else if (go.ok && go.text !== ours.text) out.push(`what-if ${q}: the build list after differs:\n${lineDiff(go.text, ours.text)}`);
      else if (go.ok && go.require.join('\n') !== ours.require.join('\n')) out.push(`what-if ${q}: the requirements after differ:\n${lineDiff(go.require.join('\n'), ours.require.join('\n'))}`);
      else if (go.ok && (go.goLine !== ours.goLine || go.toolchain !== ours.toolchain)) out.push(`what-if ${q}: go/toolchain lines after: go ${go.goLine}/${go.toolchain}, ours ${ours.goLine}/${ours.toolchain}`);
      else if (go.ok && (go.lines ?? []).join('\n') !== (ours.lines ?? []).join('\n')) out.push(`what-if ${q}: the changes printed differ:\n${lineDiff((go.lines ?? []).join('\n'), (ours.lines ?? []).join('\n'))}`);
    }
    return out;
  }

  async function ourWhatIf(r: Prepared, o: GoOracle, query: string): Promise<Outcome> {
    const env = resolveGoEnv({ ...goEnvFor(cache, true, { GOWORK: 'off', GOFLAGS: '-mod=mod' }), HOME: join(cache, 'home') }, () => undefined);
    const files = new DiskFileSource();
    const project = await loadProject(r.dir, env, diskWorkspaceFs(), files, o.emulate, undefined, true);
    if (!project.ok) return { ok: false, text: project.error, require: [] };
    const at = query.lastIndexOf('@');
    const io = { modules: createModuleSource(env, { allowNetwork: true }), files, cache: new Map() };
    const w = await whatIf(project.main, io, { toolchain: o.emulate, mode: 'mod', gotoolchain: env.gotoolchain }, { path: query.slice(0, at), version: query.slice(at + 1) });
    if (!w.ok) return { ok: false, text: w.error, require: [] };
    const text = readFileSync(join(r.dir, 'go.mod'), 'utf8');
    const edited = parseModFile(applyEdits(text, planGoGet(text, w.requirements, w.goLine?.to, w.toolchainLine?.to)), { name: 'go.mod' });
    return { ok: true, text: listLines(w.after).map((l) => l + '\n').join(''), require: requireLines(edited), goLine: edited.go?.version ?? '', toolchain: edited.toolchain?.name ?? '', changed: diffLists(w.before, w.after).map((c) => c.path), lines: changeLines(w) };
  }

  async function serverDiagnostics(r: Prepared, o: GoOracle): Promise<{ all: Diagnostic[]; mod: Diagnostic[] }> {
    const client = await LspClient.start({
      ...serverCommand(),
      env: { PATH: process.env.PATH, HOME: join(cache, 'home'), ...goEnvFor(cache, false), GOFLAGS: '', GOMODLENS_CACHE_DIR: 'off' },
      folders: [r.root], settings: { toolchainVersion: o.emulate }, pullDiagnostics: true, timeoutMs: 120_000,
    });
    try {
      const mod = await client.pullDiagnostics(join(r.dir, 'go.mod'));
      const all = [...mod];
      for (const f of ['go.sum', 'go.work']) if (existsSync(join(r.dir, f))) all.push(...await client.pullDiagnostics(join(r.dir, f)));
      return { all, mod };
    } finally {
      await client.shutdown().catch(() => client.dispose());
    }
  }

  const modText = (r: Prepared): string[] => readFileSync(join(r.dir, 'go.mod'), 'utf8').split('\n');

  /** checkDiagnostics holds the findings that have a ground truth to go; the rest go to review. */
  function checkDiagnostics(r: Prepared, go: GoFacts, mod: Diagnostic[], reviewed: string[]): string[] {
    const out: string[] = [];
    const stops = go.readonly.status !== 0;
    const err = go.readonly.stderr;
    const has = (code: string): Diagnostic[] => mod.filter((d) => d.code === code);
    const updates = stops && /updates to go\.mod needed/.test(err);
    if ((has('not-tidy').length > 0) !== updates && !r.workspace) out.push(`not-tidy: we ${has('not-tidy').length ? 'say' : 'do not say'} go list -m all stops; go: ${stops ? err.trim().split('\n')[0] : 'ok'}`);
    if (has('build-error').length > 0 && !stops) out.push(`build-error where go list -m all succeeds: ${has('build-error').map(text).join(' | ')}`);
    const wantsSum = stops && /missing go\.sum entry/.test(err);
    if (wantsSum && has('sum-missing').length === 0) out.push(`go list -m all wants a go.sum entry (${err.trim().split('\n')[0]}); we report no sum-missing`);
    if (!stops && has('sum-missing').length > 0) out.push(`sum-missing where go list -m all succeeds: ${has('sum-missing').map(text).slice(0, 3).join(' | ')}`);
    // lifecycle: go's Retracted / Deprecated of each required version the build selects as written
    const lifeFile = join(r.root, '.lifecycle.json');
    if (!r.workspace && existsSync(lifeFile)) {
      const facts = splitJsonStream(JSON.parse(readFileSync(lifeFile, 'utf8')) as string);
      const lines = modText(r);
      const onLineOf = (path: string, code: string): boolean => has(code).some((d) => new RegExp(`^\\s*(require\\s+)?${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s`).test(lines[d.range.start.line] ?? ''));
      for (const f of facts) {
        const path = String(f.Path);
        const retracted = Array.isArray(f.Retracted) && f.Retracted.length > 0;
        const deprecated = typeof f.Deprecated === 'string' && f.Deprecated !== '';
        if (retracted !== onLineOf(path, 'retracted')) out.push(`retracted: go says ${path}@${String(f.Version)} is ${retracted ? '' : 'not '}retracted; we ${onLineOf(path, 'retracted') ? 'do' : 'do not'} say so`);
        if (deprecated !== onLineOf(path, 'deprecated')) out.push(`deprecated: go says ${path} is ${deprecated ? '' : 'not '}deprecated; we ${onLineOf(path, 'deprecated') ? 'do' : 'do not'} say so`);
      }
    }
    // replace-unused: the replaced path is not in go's build list
    const inList = new Set(go.outputs.list.stdout.split('\n').map((l) => l.split(' ')[0]));
    for (const d of has('replace-unused')) {
      const path = /^\s*(?:replace\s+)?(\S+)/.exec(modText(r)[d.range.start.line] ?? '')?.[1] ?? '';
      if (go.outputs.list.status !== 0 || path === '' || inList.has(path)) out.push(`replace-unused on ${path || `line ${d.range.start.line + 1}`}, which go list -m all ${go.outputs.list.status !== 0 ? 'could not judge (it failed)' : 'lists'}`);
    }
    const judged = new Set(['not-tidy', 'build-error', 'sum-missing', 'retracted', 'deprecated', 'replace-unused']);
    // hints (pseudo-version decodings, an allowed lower go line) are not in the Problems panel: counted in the table only
    for (const d of mod) if (!judged.has(String(d.code)) && d.severity !== 4) reviewed.push(`  ${r.project.id} go.mod:${d.range.start.line + 1} ${d.code} (${['', 'error', 'warning', 'information', 'hint'][d.severity ?? 1]}): ${text(d).slice(0, 240)}`);
    return out;
  }
});

/**
 * lowerings: go.mod texts where one requirement of the main module (path P at v) is lowered to a
 * version w < v that a dependency requires, while another dependency still requires P at v — so MVS
 * still selects v and the go.mod no longer lists it.
 */
function lowerings(text: string, graph: string): Array<{ label: string; text: string }> {
  const edges = graph.split('\n').map((l) => l.split(' ')).filter((e) => e.length === 2);
  const main = edges[0]?.[0] ?? '';
  const byTarget = new Map<string, Array<{ from: string; version: string }>>();
  for (const [from, to] of edges) {
    const at = to.lastIndexOf('@');
    if (at <= 0 || from === main) continue;
    const path = to.slice(0, at);
    byTarget.set(path, [...(byTarget.get(path) ?? []), { from, version: to.slice(at + 1) }]);
  }
  const out: Array<{ label: string; text: string }> = [];
  for (const [from, to] of edges) {
    if (from !== main) continue;
    const at = to.lastIndexOf('@');
    const [path, v] = [to.slice(0, at), to.slice(at + 1)];
    const others = byTarget.get(path) ?? [];
    if (!others.some((e) => e.version === v)) continue;
    const lower = others.map((e) => e.version).filter((w) => cmpVersion(path, w, v) < 0).sort((a, b) => cmpVersion(path, a, b)).pop();
    if (lower === undefined) continue;
    const re = new RegExp(`^(\\s*(?:require\\s+)?${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+)${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`, 'm');
    if (!re.test(text)) continue;
    out.push({ label: `with ${path} lowered ${v} → ${lower}`, text: text.replace(re, `$1${lower}$2`) });
  }
  return out;
}

export type { RealProject };
