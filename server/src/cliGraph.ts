/**
 * The module-graph commands of the CLI: `list`, `graph` and `why`, printing what `go list -m all`,
 * `go list -m -json all` and `go mod graph` print, computed offline from the module cache (and the
 * GOPROXY when it is a file:// tree, or when network access is enabled).
 */
import { statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Build, BuildIO, SummaryCache, computeBuild, moduleGoVersion } from './graph/buildList';
import { Failure } from './graph/load';
import { graphModel } from './graphView/fromBuild';
import { ListedModule, graphLines, listJson, listLines, listModules } from './graph/listing';
import { MainModuleSet } from './graph/mainModules';
import { completeFromModCache } from './graph/moduleInfo';
import { ModuleKey, keyOf } from './graph/mvs';
import { ModuleSource } from './graph/source';
import { changeLines, whatIf } from './graph/whatIf';
import { explainSelection, selectionText } from './graph/why';
import { parseSumFile } from './syntax/sumfile';
import { LATEST_GO, compareGoVersion, isValidGoVersion } from './module/goVersion';
import { DiskFileSource } from './node/fileSource';
import { GoEnv, readTextFile, resolveGoEnv } from './node/goEnv';
import { loadProject } from './node/project';
import { createModuleSource } from './node/sources';
import { withModuleFiles } from './node/listFacts';
import { StoredSummaryCache, summaryStoreFile } from './node/summaryStore';
import { graphHtml, webviewAssets } from './graphView/html';
import { LoadedVulnDb, fetchVulnDb, loadVulnDb, vulnDbDir } from './node/vulnDb';
import { builtModules, indexEntries, matchBuild } from './vuln/match';
import { diskWorkspaceFs } from './node/workspace';
import { UpgradeQueries } from './graph/upgrades';
import { graphHealth } from './features/graphHealth';
import { DiskCacheFacts } from './node/cacheFacts';
import { VulnIndex } from './vuln/match';

/** saves of the summary index, run once a command has printed its answer */
const pendingSaves: (() => void)[] = [];

/** flushSummaryIndex writes what this process learnt to the persistent summary index. */
export function flushSummaryIndex(): void {
  for (const save of pendingSaves.splice(0)) save();
}

export interface GraphIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

export interface Flags {
  json: boolean;
  /** -u: available updates, retractions and deprecations (list only) */
  u: boolean;
  toolchain: string;
  mode: 'mod' | 'readonly';
  network: boolean;
  /** -cache=off: neither read nor write the summary index (GOMODLENS_CACHE_DIR=off does the same) */
  cache: boolean;
  args: string[];
}

export function parseFlags(args: string[]): Flags | string {
  const f: Flags = { json: false, u: false, toolchain: LATEST_GO, mode: 'mod', network: false, cache: true, args: [] };
  for (const a of args) {
    const m = /^--?([a-z]+)(?:=(.*))?$/.exec(a);
    if (!m) {
      f.args.push(a);
      continue;
    }
    const [, name, value] = m;
    if (name === 'json' && value === undefined) f.json = true;
    else if (name === 'u' && value === undefined) f.u = true;
    else if (name === 'network' && value === undefined) f.network = true;
    else if (name === 'go' && value !== undefined && isValidGoVersion(value)) f.toolchain = value;
    else if (name === 'mod' && (value === 'mod' || value === 'readonly')) f.mode = value;
    else if (name === 'cache' && (value === 'off' || value === 'on')) f.cache = value === 'on';
    else return `unknown or malformed flag ${a}`;
  }
  return f;
}

/** Built: a build, what it was read from, and where `.info` files come from (remembered in the summary index). */
export interface Built {
  build: Build;
  bio: BuildIO;
  info: ModuleSource;
  /** the go environment the build was computed in */
  env: GoEnv;
  /** with incompleteOk: what is missing from the graph (go.mod files this machine lacks), worded for the command line */
  incomplete?: string;
}

/** missingAdvice: what to do about go.mod files missing from the module cache, in command-line terms. */
function missingAdvice(absent: readonly Failure[], gomodcache: string, network: boolean): string {
  const names = absent.slice(0, 3).map((m) => `${m.module.path}@${m.module.version}`).join(', ') + (absent.length > 3 ? `, and ${absent.length - 3} more` : '');
  return `the go.mod of ${names} ${absent.length === 1 ? 'is' : 'are'} not in the module cache (${gomodcache}); ` +
    `run go mod download in the module${network ? '' : ', or pass -network to let go-mod-lens ask GOPROXY'}`;
}

/**
 * build computes the build of DIR's main module set. A build the go command would stop on is an
 * error, unless `incompleteOk` and the only problem is go.mod files this machine lacks (the graph
 * view shows them as missing).
 */
export async function buildDir(dir: string, io: GraphIO, flags: Flags, rootsNeeded = false, incompleteOk = false, reuse?: SummaryCache): Promise<Built | string> {
  const at = statSync(resolve(io.cwd, dir), { throwIfNoEntry: false });
  if (!at) return `go-mod-lens: directory ${dir} does not exist`;
  if (!at.isDirectory()) return `go-mod-lens: ${dir} is not a directory (give the directory of a go.mod or go.work)`;
  const env = resolveGoEnv(io.env, readTextFile);
  const files = new DiskFileSource();
  const project = await loadProject(resolve(io.cwd, dir), env, diskWorkspaceFs(), files, flags.toolchain, undefined, true);
  if (!project.ok) return project.error;
  const store = flags.cache ? summaryStoreFile(io.env, `${env.gomodcache}\0${env.goproxy}`) : undefined;
  const cache: SummaryCache = reuse ?? (store ? new StoredSummaryCache(store) : new Map());
  const bio: BuildIO = { modules: createModuleSource(env, { allowNetwork: flags.network }), files, cache };
  const b = await computeBuild(project.main, bio, {
    toolchain: flags.toolchain, mode: project.main.workspace ? 'readonly' : flags.mode, unprunedRoots: rootsNeeded ? 'rewrite' : 'skip', gotoolchain: env.gotoolchain,
  });
  if (cache instanceof StoredSummaryCache && cache !== reuse) pendingSaves.push(() => cache.save());
  if (flags.mode === 'mod') {
    for (const m of b.main.droppedRoots) io.stderr(`go: dropping requirement on excluded version ${m.path} ${m.version}\n`);
  }
  const absent = b.missing.filter((m) => m.unavailable);
  let incomplete: string | undefined;
  if (b.error && incompleteOk && b.missing.length > 0) {
    // go.mod files this machine lacks, or replacement directories that are not there: the part of the graph that was read still answers
    const dirs = b.missing.filter((m) => !m.unavailable).map((m) => `${m.module.path}: ${m.message}`);
    incomplete = [absent.length > 0 ? missingAdvice(absent, env.gomodcache, flags.network) : '', ...dirs].filter((x) => x !== '').join('; ');
  } else if (b.error) {
    if (absent.length === 0) return b.error;
    return `${b.error}\n(go-mod-lens: ${missingAdvice(absent, env.gomodcache, flags.network)})`;
  }
  return { build: b, bio, info: cache instanceof StoredSummaryCache ? cache.rememberInfo(bio.modules) : bio.modules, env, incomplete };
}

/** listCommand: `list [-json] [-go=V] [-mod=mod|readonly] [-network] [DIR]`. */
export async function listCommand(args: string[], io: GraphIO): Promise<number> {
  const flags = parseFlags(args);
  if (typeof flags === 'string' || flags.args.length > 1) return usage(io, 'list [-json] [-go=VERSION] [-mod=mod|readonly] [-network] [DIR]', flags);
  const r = await buildDir(flags.args[0] ?? '.', io, flags);
  if (typeof r === 'string') return fail(io, r);
  const listed = listModules(r.build);
  // go list -m queries each module's .info (graph/moduleInfo.ts); without -e a failure prints no list.
  // -json prints each .info's Time, which the summary index does not keep: it reads the files.
  const { modules: mods, errors } = await completeFromModCache(listed, r.build.main, flags.json ? r.bio.modules : r.info);
  if (errors.length > 0) {
    flushSummaryIndex();
    for (const e of [...(r.build.main.lateErrors ?? []), ...errors]) io.stderr(`go: ${e}\n`);
    return 1;
  }
  if (flags.u) await addLifecycles(mods, r.build.main, r.bio.modules);
  if (!flags.json) {
    io.stdout(listLines(mods).map((l) => l + '\n').join(''));
    return done(io, r.build);
  }
  // a go.mod not yet read is read for its go line only where go.sum vouches for it (moduleInfo's
  // checksumOk): in read-only module mode, and in workspace mode too before Go 1.20 (mustHaveSums)
  const workspace = r.build.main.workspace !== undefined;
  const readonly = workspace ? compareGoVersion(flags.toolchain, '1.20') < 0 : flags.mode === 'readonly';
  const sums = readonly ? goSumKeys(r.build.main) : new Set<string>();
  const versions = new Map<string, string>();
  const goLineRead: (ModuleKey | undefined)[] = [];
  for (let i = 0; i < mods.length; i++) {
    // Where a cached .info named another version, Go before 1.22 reads that version's go.mod for the
    // go line, unless it knows one for the module as listed (cmd/go rawGoVersion, keyed by the version
    // read); from 1.22 (completeFromModCache takes the module before its Query) the version as listed.
    const [was, now] = [listed[i], mods[i]];
    let m: ModuleKey = was;
    if (compareGoVersion(flags.toolchain, '1.22') < 0) {
      if (now.replace && now.replace.version !== '' && now.replace.version !== was.replace?.version) m = { path: now.replace.path, version: now.replace.version };
      else if (now.version !== was.version && !r.build.goVersions.has(keyOf(was))) m = now;
    }
    versions.set(was.path, await moduleGoVersion(r.build, r.bio, m, readonly, sums, flags.toolchain));
    goLineRead[i] = m !== was || !was.replace ? m : was.replace.version === '' ? undefined : { path: was.replace.path, version: was.replace.version };
  }
  // Dir, GoMod, Sum, GoModSum: from the main modules, replacement directories, GOMODCACHE and go.sum (graph/listFiles.ts)
  const full = await withModuleFiles(mods, listed, r.build.main, r.env.gomodcache, r.bio.modules, { toolchain: flags.toolchain, needSums: readonly, goLineRead: (i) => goLineRead[i] });
  io.stdout(listJson(full, (m) => versions.get(m.path) ?? '', compareGoVersion(flags.toolchain, '1.22') < 0));
  return done(io, r.build);
}

/** addLifecycles: what -u adds to each listed module and its replacement, eight queries at a time. */
async function addLifecycles(mods: ListedModule[], main: MainModuleSet, source: ModuleSource): Promise<void> {
  const queries = new UpgradeQueries(source, main);
  const jobs: (() => Promise<void>)[] = [];
  for (const m of mods) {
    if (m.main) continue;
    jobs.push(async () => {
      m.lifecycle = await queries.lifecycle(m.path, m.version);
    });
    const rep = m.replace;
    if (rep && rep.version !== '') jobs.push(async () => {
      rep.lifecycle = await queries.lifecycle(rep.path, rep.version);
    });
  }
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < jobs.length) await jobs[next++]();
  }));
}

/** graphCommand: `graph [-go=V] [DIR]`, the lines of `go mod graph`; with `--html OUT`, the graph view as one HTML file. */
export async function graphCommand(args: string[], io: GraphIO): Promise<number> {
  let db = io.env.GOVULNDB ?? '';
  const dbAt = args.findIndex((a) => /^--?db(=|$)/.test(a));
  if (dbAt >= 0) {
    db = args[dbAt].includes('=') ? args[dbAt].slice(args[dbAt].indexOf('=') + 1) : args[dbAt + 1] ?? '';
    args = args.filter((_, i) => i !== dbAt && (i !== dbAt + 1 || args[dbAt].includes('=')));
  }
  const at = args.findIndex((a) => /^--?html(=|$)/.test(a));
  const html = at < 0 ? undefined : args[at].includes('=') ? args[at].slice(args[at].indexOf('=') + 1) : args[at + 1] ?? '';
  const rest = at < 0 ? args : args.filter((_, i) => i !== at && (i !== at + 1 || args[at].includes('=')));
  const flags = parseFlags(rest);
  if (typeof flags === 'string' || flags.args.length > 1 || flags.json || html === '') return usage(io, 'graph [-go=VERSION] [-network] [--html OUT.html [-db DB]] [DIR]', flags);
  if (html !== undefined) {
    // like why: the requirements as written (read-only) unless -mod=mod is asked for, so the chains explain
    const out = resolve(io.cwd, html);
    if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) return fail(io, `go-mod-lens: ${html} is a directory; graph --html writes one HTML file (e.g. graph --html module-graph.html)`);
    const r = await buildDir(flags.args[0] ?? '.', io, { ...flags, mode: rest.some((a) => /^--?mod=mod$/.test(a)) ? 'mod' : 'readonly' }, false, true);
    if (typeof r === 'string') return fail(io, r);
    const assets = webviewAssets();
    if (typeof assets === 'string') return fail(io, assets);
    // dependency health: retracted versions from the module cache, vulnerable ones from -db (or GOVULNDB) when given
    let vulns: VulnIndex | undefined;
    if (db !== '') {
      const where = vulnDbDir(db, io.cwd, flags.network);
      if ('error' in where) return fail(io, `go-mod-lens: ${where.error}`);
      const loaded = await entriesFor(where, r.build);
      if (typeof loaded === 'string') return fail(io, `go-mod-lens: vulnerability database: ${loaded}`);
      vulns = indexEntries(loaded.entries);
    }
    writeFileSync(out, graphHtml(graphModel(r.build, graphHealth({ vulns, cache: new DiskCacheFacts(r.env.gomodcache) }, r.build)), assets));
    if (!r.incomplete) return done(io, r.build);
    // an incomplete graph is still drawn, with what is missing marked: the file is written, so the command succeeded
    io.stderr(`go-mod-lens: wrote ${html}; the graph is incomplete (the view marks what is missing): ${r.incomplete}\n`);
    flushSummaryIndex();
    return 0;
  }
  const r = await buildDir(flags.args[0] ?? '.', io, flags, true);
  if (typeof r === 'string') return fail(io, r);
  io.stdout(graphLines(r.build).map((l) => l + '\n').join(''));
  return done(io, r.build);
}

/** whyCommand: `why [-go=V] [DIR] MODULE`, the requirement chains that set MODULE's version. */
export async function whyCommand(args: string[], io: GraphIO): Promise<number> {
  const flags = parseFlags(args);
  if (typeof flags === 'string' || flags.args.length < 1 || flags.args.length > 2) return usage(io, 'why [-go=VERSION] [-mod=mod|readonly] [DIR] MODULE', flags);
  const [dir, path] = flags.args.length === 2 ? flags.args : ['.', flags.args[0]];
  const r = await buildDir(dir, io, { ...flags, mode: args.some((a) => /^--?mod=mod$/.test(a)) ? 'mod' : 'readonly' }, false, true);
  if (typeof r === 'string') return fail(io, r);
  const s = explainSelection(r.build, path);
  flushSummaryIndex();
  if (r.incomplete) {
    // every chain printed is certain (each of its go.mod files was read); what is not known is
    // whether a missing go.mod requires more, so the version is a lower bound, and exit 1 says so
    if (s.version === 'none') {
      io.stderr(`go-mod-lens: ${path} is not in the part of the module graph that could be read; the graph is incomplete: ${r.incomplete}\n`);
    } else {
      io.stdout(selectionText(s).replace(/^# (\S+)\n/, `# $1 (or higher: the graph is incomplete)\n`));
      io.stderr(`go-mod-lens: INCOMPLETE: the chains above are certain, but the selected version may be higher: ${r.incomplete}\n`);
    }
    return 1;
  }
  if (s.version === 'none') {
    io.stderr(selectionText(s));
    return 1;
  }
  io.stdout(selectionText(s));
  return 0;
}

/** goSumKeys: the `path version` keys of go.sum (module mode) or go.work.sum and every member's go.sum. */
function goSumKeys(main: MainModuleSet): Set<string> {
  const files = main.workspace ? [`${main.workspace.file}.sum`, ...main.modules.map((m) => join(m.dir, 'go.sum'))] : [join(main.modules[0].dir, 'go.sum')];
  const keys = new Set<string>();
  for (const f of files) {
    const text = readTextFile(f);
    if (text === undefined) continue;
    for (const l of parseSumFile(text, f).lines) keys.add(`${l.path.text} ${l.version.text}`);
  }
  return keys;
}

function usage(io: GraphIO, text: string, flags: Flags | string): number {
  io.stderr(`${typeof flags === 'string' ? `go-mod-lens: ${flags}\n` : ''}usage: go-mod-lens ${text}\n`);
  return 2;
}

/** done reports errors the go command finds while answering (after the answer), with its exit status. */
function done(io: GraphIO, b: Build): number {
  flushSummaryIndex();
  const late = b.main.lateErrors ?? [];
  for (const e of late) io.stderr(`go: ${e}\n`);
  return late.length > 0 ? 1 : 0;
}

/** fail reports an error the go command would give (printed with go's prefix), or one of our own (already prefixed go-mod-lens:). */
function fail(io: GraphIO, error: string): number {
  io.stderr(error.startsWith('go-mod-lens: ') ? `${error}\n` : `go: ${error}\n`);
  return 1;
}

/**
 * whatIfCommand: `what-if [-json] [-go=V] [-network] [DIR] PATH@VERSION`, the change `go get
 * PATH@VERSION` would make (graph/whatIf.ts): the lines go get prints, without their `go: ` prefix
 * (`upgraded P v1 => v2`, `downgraded …`, `added P v`, `removed P v`, for the requested module, the
 * go.mod requirements and, from Go 1.21, the go and toolchain lines); with -json, those changes, the
 * go.mod requirements go get would write, and the build lists before and after.
 */
export async function whatIfCommand(args: string[], io: GraphIO): Promise<number> {
  const flags = parseFlags(args);
  const shape = 'what-if [-json] [-go=VERSION] [-network] [DIR] PATH@VERSION';
  if (typeof flags === 'string' || flags.args.length < 1 || flags.args.length > 2) return usage(io, shape, flags);
  const [dir, query] = flags.args.length === 2 ? flags.args : ['.', flags.args[0]];
  const at = query.lastIndexOf('@');
  if (at <= 0) return usage(io, shape, `${query}: want PATH@VERSION`);
  const r = await buildDir(dir, io, { ...flags, mode: 'mod' });
  if (typeof r === 'string') return fail(io, r);
  const w = await whatIf(r.build.main, r.bio, { toolchain: flags.toolchain, mode: 'mod', gotoolchain: r.env.gotoolchain }, { path: query.slice(0, at), version: query.slice(at + 1) });
  flushSummaryIndex();
  if (!w.ok) return fail(io, w.error);
  if (flags.json) {
    const list = (ms: ListedModule[]): { Path: string; Version: string }[] => ms.map((m) => ({ Path: m.path, Version: m.version }));
    io.stdout(JSON.stringify({
      Query: query, Changes: w.changes.map((c) => ({ Path: c.path, From: c.from, To: c.to, Kind: c.kind })),
      GoLine: w.goLine ? { From: w.goLine.from || undefined, To: w.goLine.to } : undefined,
      Toolchain: w.toolchainLine ? { From: w.toolchainLine.from || undefined, To: w.toolchainLine.to || undefined } : undefined, Require: w.requirements.map((q) => ({ Path: q.path, Version: q.version, Indirect: q.indirect || undefined })),
      Before: list(w.before), After: list(w.after),
    }, null, '\t') + '\n');
    return 0;
  }
  const lines = changeLines(w);
  // go get reports only the requested module and go.mod's requirements: with nothing to report, the build list may still move
  const quiet = listLines(w.before).join('\n') === listLines(w.after).join('\n') ? 'would not change the build list' : 'would report no change (the build list still changes: see -json Before and After)';
  io.stdout(lines.length > 0 ? lines.map((l) => l + '\n').join('') : `go get ${query} ${quiet}\n`);
  return 0;
}

/** entriesFor: the database's entries for the modules a build builds and the Go distribution's, as govulncheck reads them. */
function entriesFor(where: { dir: string } | { url: string }, b: Build): LoadedVulnDb | Promise<LoadedVulnDb | string> {
  const wanted = ['stdlib', 'toolchain', ...builtModules(b).map((m) => m.path)];
  return 'dir' in where ? loadVulnDb(where.dir, wanted) : fetchVulnDb(where.url, wanted);
}

/**
 * vulnCommand: `vuln [-json] [-db DB] [flags] [DIR]`, the known vulnerabilities of the module
 * versions DIR's build builds (vuln/match.ts), from a vulnerability database on this machine (-db,
 * else GOVULNDB), or served over HTTP(S) with -network (nothing is fetched without it). Exit status 1
 * when there are findings, 0 when none, 2 when the question cannot be answered (no database, a
 * database that cannot be read, a build the go command would stop on).
 */
export async function vulnCommand(args: string[], io: GraphIO): Promise<number> {
  const rest: string[] = [];
  let db = io.env.GOVULNDB ?? '';
  for (let i = 0; i < args.length; i++) {
    const m = /^--?db(?:=(.*))?$/.exec(args[i]);
    if (!m) rest.push(args[i]);
    else if (m[1] !== undefined) db = m[1];
    else if (i + 1 < args.length) db = args[++i];
    else return usage(io, 'vuln [-json] [-db DB] [-go=VERSION] [-network] [DIR]', 'flag -db needs a value');
  }
  const flags = parseFlags(rest);
  if (typeof flags === 'string' || flags.args.length > 1) return usage(io, 'vuln [-json] [-db DB] [-go=VERSION] [-network] [DIR]', flags);
  if (db === '') {
    io.stderr('go-mod-lens: no vulnerability database: give -db DIR (or set GOVULNDB) to a copy of vuln.go.dev or a directory of OSV files, or -db https://vuln.go.dev with -network\n');
    return 2;
  }
  const where = vulnDbDir(db, io.cwd, flags.network);
  if ('error' in where) {
    io.stderr(`go-mod-lens: ${where.error}\n`);
    return 2;
  }
  const r = await buildDir(flags.args[0] ?? '.', io, { ...flags, mode: 'readonly' });
  flushSummaryIndex();
  if (typeof r === 'string') {
    fail(io, r);
    return 2;
  }
  const loaded = await entriesFor(where, r.build);
  if (typeof loaded === 'string') {
    io.stderr(`go-mod-lens: vulnerability database: ${loaded}\n`);
    return 2;
  }
  for (const s of loaded.skipped.slice(0, 5)) io.stderr(`go-mod-lens: vulnerability database: skipped ${s}\n`);
  if (loaded.skipped.length > 5) io.stderr(`go-mod-lens: vulnerability database: skipped ${loaded.skipped.length - 5} more files\n`);
  const findings = matchBuild(indexEntries(loaded.entries), r.build);
  if (flags.json) {
    const printed = findings.map((f) => ({ ID: f.ID, Aliases: f.Aliases, Summary: f.Summary, Module: f.Module, Version: f.Version, Fixed: f.Fixed, Chain: f.Chain }));
    io.stdout(JSON.stringify({ Findings: printed }, null, '\t') + '\n');
  } else if (findings.length === 0) {
    io.stdout(`No known vulnerabilities in the ${builtModules(r.build).length} modules built.\n`);
  } else {
    for (const f of findings) {
      io.stdout(`${f.ID}${f.Aliases.length > 0 ? ` (${f.Aliases.join(', ')})` : ''}: ${f.Summary}\n`);
      io.stdout(`  ${f.Module}@${f.Version}, ${f.Fixed !== '' ? `fixed in ${f.Fixed}` : 'no fixed version'}\n`);
      if (f.Chain.length > 1) io.stdout(`  required by ${f.Chain.slice(0, -1).join(' → ')}\n`);
      io.stdout(`  ${f.url}\n`);
    }
    const modules = new Set(findings.map((f) => f.Module)).size;
    io.stdout(`\n${findings.length} known ${findings.length === 1 ? 'vulnerability' : 'vulnerabilities'} in ${modules} ${modules === 1 ? 'module' : 'modules'}.\n`);
  }
  return findings.length > 0 ? 1 : 0;
}

