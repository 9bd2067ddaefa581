/**
 * Real projects (issue 14): the main modules listed in test-fixtures/real/projects.json, fetched from
 * the Go module proxy into a cache outside the repository (GML_REAL_CACHE, default
 * ~/.cache/go-mod-lens-real) and laid out as a checkout would be:
 *
 *   CACHE/modcache            the GOMODCACHE every run shares (filled by go, read by us)
 *   CACHE/work/ID/            the layout: the main module's zip at `main`, nested modules (go.work
 *                             `use` directories, directory replacement targets) from their own zips
 *
 * A module zip leaves nested modules and nothing else out, so a monorepo (kubernetes' staging
 * modules, otel's ../trace) is rebuilt from the zips of its modules. vendor/ directories are removed:
 * the comparisons are about the module graph, not vendoring. After the layout, `go list -m all`,
 * `go list -m -json all` and `go mod graph` run once with the proxy, so every later run works
 * offline (GOPROXY=off). A layout is made once per cache; `.ready` records what it holds.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseModFile } from '../../src/syntax/modfile';
import { parseWorkFile } from '../../src/syntax/workfile';
import { GoOracle, goOracle, goOracles, repoRoot, runGo } from '../oracle/env';
import { note } from '../support/notes';

export interface RealProject {
  id: string;
  module: string;
  version: string;
  /** where the main module sits in the layout (default '.') */
  main?: string;
  nestedVersion?: string;
  nestedPrefix?: string;
  why: string;
}

export function realProjects(): RealProject[] {
  const only = (process.env.GML_REAL_ONLY ?? '').split(',').filter((x) => x !== '');
  const all = (JSON.parse(readFileSync(join(repoRoot, 'test-fixtures/real/projects.json'), 'utf8')) as { projects: RealProject[] }).projects;
  return only.length > 0 ? all.filter((p) => only.includes(p.id)) : all;
}

export function realCache(): string {
  return resolve(process.env.GML_REAL_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'go-mod-lens-real'));
}

/** the proxy go fetches from while preparing (the user's GOPROXY when it names one, else proxy.golang.org) */
function onlineProxy(): string {
  const p = process.env.GOPROXY ?? '';
  return p !== '' && p !== 'off' && p !== 'direct' ? p : 'https://proxy.golang.org';
}

/** goEnvFor: the environment of every go command on a layout: its module cache, offline unless `online`. */
export function goEnvFor(cache: string, online: boolean, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GOMODCACHE: join(cache, 'modcache'), GOPROXY: online ? onlineProxy() : 'off', GOSUMDB: 'off', GOFLAGS: '-modcacherw',
    GOWORK: '', GOTOOLCHAIN: 'local', GONOSUMDB: '', GOPRIVATE: '', GONOPROXY: '', GOINSECURE: '', ...extra,
  };
}

/** proxyReachable: whether go can fetch from the proxy now (one small module), else why not. */
export async function proxyReachable(oracle: GoOracle, cache: string): Promise<string | undefined> {
  mkdirSync(cache, { recursive: true });
  const r = await runGo(oracle, ['mod', 'download', '-json', 'golang.org/x/mod@v0.20.0'], cache, goEnvFor(cache, true));
  return r.status === 0 ? undefined : `the Go module proxy (${onlineProxy()}) is not reachable: ${(r.stdout + r.stderr).trim().split('\n').filter((l) => /Error|error/.test(l)).pop() ?? r.stderr.trim()}`;
}

export interface Prepared {
  project: RealProject;
  /** the layout root */
  root: string;
  /** the main module's directory (where go and we run) */
  dir: string;
  /** workspace mode (a go.work in the main module's directory) */
  workspace: boolean;
  /** the nested modules placed, as module@version → directory */
  nested: string[];
  /** go get queries for what-if (an upgrade and a downgrade of a direct dependency, @none), their modules in the cache */
  queries: string[];
}

/** prepare lays a project out (once per cache) and fills the module cache for its graph. */
export async function prepare(oracle: GoOracle, cache: string, p: RealProject): Promise<Prepared | { error: string }> {
  const root = join(cache, 'work', p.id);
  const dir = join(root, p.main ?? '.');
  const stamp = join(root, '.ready');
  const want = JSON.stringify({ module: p.module, version: p.version, nestedVersion: p.nestedVersion ?? '', layout: 3 });
  if (existsSync(stamp)) {
    const had = JSON.parse(readFileSync(stamp, 'utf8')) as { want: string; nested: string[]; queries?: string[] };
    if (had.want === want) {
      had.queries ??= await chooseQueries(oracle, cache, dir);
      writeFileSync(stamp, JSON.stringify(had));
      return { project: p, root, dir, workspace: existsSync(join(dir, 'go.work')), nested: had.nested, queries: had.queries };
    }
  }
  rmSync(root, { recursive: true, force: true });
  const placed = await place(oracle, cache, p.module, p.version, dir);
  if (placed) return { error: placed };
  const nested: string[] = [];
  for (let round = 0; round < 10; round++) {
    const missing = missingModules(p, root, dir);
    if (missing.length === 0) break;
    for (const m of missing) {
      const err = await place(oracle, cache, m.module, m.version, m.dir);
      if (err) return { error: `nested module ${m.module}@${m.version} for ${relative(root, m.dir) || '.'}: ${err}` };
      nested.push(`${m.module}@${m.version} → ${relative(root, m.dir) || '.'}`);
    }
  }
  removeVendor(root);
  const workspace = existsSync(join(dir, 'go.work'));
  // fill the module cache with what the graph and the -json listing read (go may rewrite go.mod: keep it as shipped)
  const keep = snapshot(dir);
  const env = goEnvFor(cache, true, workspace ? {} : { GOFLAGS: '-mod=mod -modcacherw' });
  for (const args of [['list', '-m', 'all'], ['list', '-m', '-json', 'all'], ['mod', 'graph']]) await runGo(oracle, args, dir, env);
  // what go says of the required versions' lifecycle (retracted, deprecated): it also puts each latest go.mod in the cache
  if (!workspace) {
    const paths = parseModFile(readFileSync(join(dir, 'go.mod'), 'utf8'), { name: 'go.mod' }).require.map((r) => r.mod.path);
    const u = paths.length > 0 ? await runGo(oracle, ['list', '-m', '-u', '-retracted', '-json', ...new Set(paths)], dir, env) : { stdout: '' };
    writeFileSync(join(root, '.lifecycle.json'), JSON.stringify(u.stdout));
  }
  keep();
  const queries = await chooseQueries(oracle, cache, dir);
  writeFileSync(stamp, JSON.stringify({ want, nested, queries }));
  return { project: p, root, dir, workspace, nested, queries };
}

/**
 * chooseQueries picks what-if queries on the first direct, unreplaced requirement at a release
 * version: the next release above it, the release below it, and @none; go get runs each once with
 * the proxy (GOWORK=off: go get changes one go.mod) so that the offline runs find every go.mod.
 */
async function chooseQueries(oracle: GoOracle, cache: string, dir: string): Promise<string[]> {
  const f = parseModFile(readFileSync(join(dir, 'go.mod'), 'utf8'), { name: 'go.mod' });
  const replaced = new Set(f.replace.map((r) => r.old.path));
  const online = goEnvFor(cache, true, { GOWORK: 'off' });
  for (const r of f.require) {
    if (r.indirect || replaced.has(r.mod.path) || !/^v\d+\.\d+\.\d+$/.test(r.mod.version)) continue;
    const v = await runGo(oracle, ['list', '-m', '-versions', '-json', r.mod.path], dir, online);
    let versions: string[];
    try {
      versions = ((JSON.parse(v.stdout) as { Versions?: string[] }).Versions ?? []).filter((x) => /^v\d+\.\d+\.\d+$/.test(x));
    } catch {
      continue;
    }
    const at = versions.indexOf(r.mod.version);
    if (at < 1 || at + 1 >= versions.length) continue; // one release below and one above are wanted
    const queries = [`${r.mod.path}@${versions[at + 1]}`, `${r.mod.path}@${versions[at - 1]}`, `${r.mod.path}@none`];
    for (const q of queries) {
      const keep = snapshot(dir);
      await runGo(oracle, ['get', q], dir, online);
      await runGo(oracle, ['list', '-mod=mod', '-m', 'all'], dir, online);
      keep();
    }
    return queries;
  }
  return [];
}

/** snapshot remembers go.mod, go.sum and go.work in dir; the function it returns puts them back. */
export function snapshot(dir: string): () => void {
  const files = ['go.mod', 'go.sum', 'go.work', 'go.work.sum'].map((f) => join(dir, f));
  const saved = files.map((f) => (existsSync(f) ? readFileSync(f) : undefined));
  return () => files.forEach((f, i) => {
    const s = saved[i];
    if (s === undefined) rmSync(f, { force: true });
    else writeFileSync(f, s);
  });
}

/** place copies module@version's files (from its zip, via go mod download) into target, writable. */
async function place(oracle: GoOracle, cache: string, module: string, version: string, target: string): Promise<string | undefined> {
  const r = await runGo(oracle, ['mod', 'download', '-json', `${module}@${version}`], cache, goEnvFor(cache, true));
  let info: { Dir?: string; Error?: string };
  try {
    info = JSON.parse(r.stdout) as { Dir?: string; Error?: string };
  } catch {
    return r.stderr.trim() || `go mod download ${module}@${version} failed`;
  }
  if (!info.Dir) return info.Error ?? r.stderr.trim();
  mkdirSync(target, { recursive: true });
  cpSync(info.Dir, target, { recursive: true, force: false, errorOnExist: false });
  makeWritable(target);
  return undefined;
}

function makeWritable(dir: string): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    chmodSync(p, st.mode | 0o200);
    if (st.isDirectory()) makeWritable(p);
  }
  chmodSync(dir, statSync(dir).mode | 0o200);
}

/** removeVendor deletes every vendor/ directory holding a modules.txt under root. */
function removeVendor(root: string): void {
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const p = join(d, e.name);
      if (e.name === 'vendor' && existsSync(join(p, 'modules.txt'))) rmSync(p, { recursive: true, force: true });
      else if (e.name !== 'testdata' && !e.name.startsWith('.')) walk(p);
    }
  };
  walk(root);
}

/** missingModules: go.work use directories and directory replacement targets (of placed go.mods) without a go.mod. */
function missingModules(p: RealProject, root: string, dir: string): Array<{ module: string; version: string; dir: string }> {
  const out = new Map<string, { module: string; version: string; dir: string }>();
  const inside = (d: string): boolean => !relative(root, d).startsWith('..');
  const workFile = join(dir, 'go.work');
  const modDirs = [dir];
  if (existsSync(workFile)) {
    const work = parseWorkFile(readFileSync(workFile, 'utf8'), workFile);
    for (const u of work.use) {
      const d = resolve(dir, u.path);
      if (existsSync(join(d, 'go.mod'))) modDirs.push(d);
      else if (p.nestedPrefix && p.nestedVersion && inside(d)) {
        const rel = relative(join(root, p.nestedPrefix), d).split('\\').join('/');
        if (!rel.startsWith('..')) out.set(d, { module: rel, version: p.nestedVersion, dir: d });
      }
    }
  }
  for (const m of findGoMods(root)) if (!modDirs.includes(m)) modDirs.push(m);
  for (const md of modDirs) {
    const file = join(md, 'go.mod');
    if (!existsSync(file)) continue;
    const f = parseModFile(readFileSync(file, 'utf8'), { name: file });
    for (const r of f.replace) {
      if (r.new.version !== '' || !(r.new.path.startsWith('./') || r.new.path.startsWith('../') || r.new.path === '.' || r.new.path === '..')) continue;
      const d = isAbsolute(r.new.path) ? r.new.path : resolve(md, r.new.path);
      if (existsSync(join(d, 'go.mod')) || !inside(d) || out.has(d)) continue;
      const required = f.require.find((x) => x.mod.path === r.old.path)?.mod.version;
      const version = p.nestedVersion ?? (required && !/^v0\.0\.0$/.test(required) ? required : undefined);
      if (version) out.set(d, { module: r.old.path, version, dir: d });
    }
  }
  return [...out.values()];
}

/** findGoMods lists the directories under root holding a go.mod (not under vendor/ or testdata/). */
function findGoMods(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    if (existsSync(join(d, 'go.mod'))) out.push(d);
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory() && e.name !== 'vendor' && e.name !== 'testdata' && !e.name.startsWith('.') && e.name !== 'node_modules') walk(join(d, e.name));
    }
  };
  walk(root);
  return out.map((x) => resolve(x)).filter((x) => dirname(x) !== x);
}

/**
 * modernSuite: what a real-project suite judged by the newest go command (1.21 or later) sets up
 * inside its describe — the oracle, the real-project cache, hooks that skip the suite with one line
 * when there is no such go command or no proxy, and a summary the suite fills, printed as one note
 * headed by `heading(oracle label)` at the end.
 */
export function modernSuite(heading: (label: string) => string): { oracle: GoOracle; cache: string; summary: string[] } {
  const oracle = goOracle('1.26') ?? goOracles().find((o) => Number(o.release.split('.')[1]) >= 21);
  const cache = realCache();
  const summary: string[] = [];
  before(async function () {
    const skip = !oracle ? 'skipped: no go command of release 1.21 or later' : await proxyReachable(oracle, cache);
    if (skip) {
      note(skip.startsWith('skipped') ? skip : `skipped: ${skip}`);
      this.skip();
    }
  });
  after(() => {
    if (summary.length > 0) note(`${heading(oracle?.label ?? '')}:\n${summary.join('\n')}`);
  });
  // the hooks skip every test when there is none, so the tests may take it as there
  return { oracle: oracle as GoOracle, cache, summary };
}
