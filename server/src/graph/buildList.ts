/**
 * computeBuild answers "what does the go command select?" for a main module or workspace, from
 * files already on the machine (semantics §3.10): roots, replacement- and exclusion-aware
 * summaries, the pruned/unpruned/workspace graph, and (with -mod=mod) the root-sync iteration.
 * Missing go.mod files are a result: the build is marked incomplete and names each of them.
 */
import { join } from 'node:path';
import { compareGoVersion } from '../module/goVersion';
import { FileSource, ModuleSource, unreadableMessage } from './source';
import { Failure, LoadedGraph, SummaryFn, failureChain, readModGraph } from './load';
import { MainModuleSet, Replacement } from './mainModules';
import { ModGraph, ModuleKey, cmpVersion, keyOf, keyedModule, showModule } from './mvs';
import { minimalRequirements } from './req';
import { Summary, SummaryResult, pruningForGoVersion, summarizeGoMod } from './summary';
import { isTooNew, switchesToolchain, tooNewMessage } from './tooNew';

export interface BuildOptions {
  /** emulate this go command version: '1.19' reproduces Go 1.19; 1.21+ adds the go/toolchain pseudo-modules */
  toolchain: string;
  /** 'mod' re-roots inconsistent requirements as -mod=mod does; 'readonly' keeps the roots as written */
  mode: 'mod' | 'readonly';
  /**
   * unprunedRoots: with -mod=mod an unpruned main module's roots are rewritten to a minimal set
   * (mvs.Req) and the graph reloaded; the build list does not change, only the main module's edges
   * (as `go mod graph` shows them). 'skip' saves that work when only the build list is wanted.
   */
  unprunedRoots?: 'rewrite' | 'skip';
  /**
   * gotoolchain (GOTOOLCHAIN), when the caller emulates one go command exactly (the CLI): where it
   * does not let go switch toolchains, a dependency's go line ≥ 1.21 above `toolchain` stops the
   * graph load with go's TooNewError (from Go 1.21). Unset, such go lines are read as a newer go
   * command would read them (the server: GOTOOLCHAIN=auto switches, the editor says so).
   */
  gotoolchain?: string;
}

/** SummaryCache keeps raw (unfiltered) summaries by the module version or directory they were read from. */
export type SummaryCache = Map<string, SummaryResult>;

export interface Build {
  main: MainModuleSet;
  /** the roots after -mod=mod re-rooting (equal to main.roots in readonly mode) */
  roots: ModuleKey[];
  graph: ModGraph;
  loaded: LoadedGraph;
  /** modules whose go.mod could not be read or parsed: the build list is incomplete */
  missing: Failure[];
  /** the error the go command would stop with (without the `go: ` prefix), if any */
  error?: string;
  /** go.mod summaries read for this build, by module version */
  summaries: Map<string, Summary>;
  /** raw summaries by where they were read from (reusable by the next build) */
  cache: SummaryCache;
  /** go lines of the go.mod files this build read, by the module version they were read as (cmd/go's rawGoVersion) */
  goVersions: Map<string, string>;
}

export interface BuildIO {
  modules: ModuleSource;
  files: FileSource;
  cache?: SummaryCache;
  /**
   * the filtered requirement lists of earlier builds, by summary object (a long-lived caller's, the
   * session's: every build after an edit filters the same cached summaries again)
   */
  filtered?: FilteredMemo;
}

/** FilteredMemo: a summary's requirement list with the go@ requirement added and exclusions dropped, for one set of exclusions. */
export type FilteredMemo = WeakMap<Summary, { sig: string; pseudo: boolean; result: SummaryResult }>;

/** computeBuild loads the graph of the main module set and selects versions. */
export async function computeBuild(main: MainModuleSet, io: BuildIO, options: BuildOptions): Promise<Build> {
  const cache = io.cache ?? new Map<string, SummaryResult>();
  const summaries = new Map<string, Summary>();
  const goVersions = new Map<string, string>();
  const summary = makeSummaryFn(main, io, cache, options, summaries, goVersions);
  const mainKey = main.workspace ? undefined : { path: main.modules[0].path, version: '' };
  let roots = main.roots;
  if (options.mode === 'mod' && main.pruning === 'pruned' && mainKey) roots = collapseRedundantRoots(main, roots);
  const base = { main, summaries, cache, goVersions };
  if (main.errors.length > 0) {
    const empty = { graph: new ModGraph(mainKey ? [mainKey] : roots), failures: new Map() };
    return finish({ ...base, roots, loaded: empty, error: main.errors[0] });
  }
  let loaded = await readModGraph(main.pruning, mainKey, roots, summary);
  if (loaded.failures.size === 0 && options.mode === 'mod' && mainKey && !allRootsSelected(loaded.graph, roots)) {
    const next = main.pruning === 'pruned'
      ? await syncPrunedRoots(main, roots, loaded, summary, mainKey)
      : options.unprunedRoots === 'skip' ? { roots } : await minimalRequirements(mainKey, roots, main.direct, loaded.graph, summary);
    if (next.roots !== roots) {
      roots = next.roots;
      loaded = next.loaded ?? await readModGraph(main.pruning, mainKey, roots, summary);
    }
  }
  return finish({ ...base, roots, loaded });
}

/**
 * collapseRedundantRoots: with -mod=mod, a pruned main module that requires a path twice (or its
 * own path) has its roots rewritten before the graph is loaded — each path at the highest version
 * required, the main module's path dropped (cmd/go loadModFile with hasRedundantRoot).
 */
function collapseRedundantRoots(main: MainModuleSet, roots: ModuleKey[]): ModuleKey[] {
  const mainPaths = new Set(main.modules.map((m) => m.path));
  const seen = new Set<string>();
  let redundant = false;
  for (const r of roots) {
    if (mainPaths.has(r.path) || seen.has(r.path)) redundant = true;
    seen.add(r.path);
  }
  if (!redundant) return roots;
  const max = new Map<string, ModuleKey>();
  for (const r of roots) {
    const cur = max.get(r.path);
    if (!cur || cmpVersion(r.path, cur.version, r.version) < 0) max.set(r.path, r);
  }
  const out: ModuleKey[] = [];
  for (const r of roots) {
    if (mainPaths.has(r.path) || max.get(r.path) === undefined) continue;
    out.push(max.get(r.path) as ModuleKey);
    max.delete(r.path);
  }
  return out;
}

function finish(b: Omit<Build, 'graph' | 'missing'>): Build {
  const missing = [...b.loaded.failures.values()];
  let error = b.error;
  const chain = failureChain(b.loaded);
  if (!error && chain) error = chainError(chain.chain, chain.message, b.main);
  return { ...b, graph: b.loaded.graph, missing, error };
}

const show = showModule;

/** chainError formats a load failure as mvs.BuildListError does: `a@v requires\n\tb@v: reason`. */
function chainError(chain: ModuleKey[], message: string, main: MainModuleSet): string {
  const stack = chain.filter((m, i) => !(m.version === '' && chain.slice(0, i + 1).every((x) => x.version === '')));
  if (stack.length === 0) return message;
  const lines = stack.slice(0, -1).map((m) => `${show(m)} requires\n\t`).join('');
  const last = stack[stack.length - 1];
  const r = main.replacement(last);
  const replaced = r && (r.path !== last.path || r.version !== last.version);
  return lines + (replaced ? `${show(last)} (replaced by ${show(r)}): ${message}` : `${show(last)}: ${message}`);
}

function allRootsSelected(g: ModGraph, roots: ModuleKey[]): boolean {
  return roots.every((m) => g.selectedVersion(m.path) === m.version);
}

/**
 * syncPrunedRoots is updatePrunedRoots without packages: every root moves to its selected version
 * (duplicates collapse, main modules drop out); since a raised root's go.mod is then read, the
 * selection can rise again, so repeat until no root changes.
 */
export async function syncPrunedRoots(main: MainModuleSet, roots: ModuleKey[], loaded: LoadedGraph, summary: SummaryFn, mainKey: ModuleKey): Promise<{ roots: ModuleKey[]; loaded?: LoadedGraph }> {
  let cur = roots;
  let g = loaded;
  for (;;) {
    const next: ModuleKey[] = [];
    const inRoots = new Set(main.modules.map((m) => m.path));
    let upgraded = false;
    for (const m of cur) {
      if (inRoots.has(m.path)) continue;
      inRoots.add(m.path);
      const v = g.graph.selectedVersion(m.path);
      next.push({ path: m.path, version: v });
      if (v !== m.version) upgraded = true;
    }
    const changed = upgraded || next.length !== cur.length;
    if (!changed) return { roots: cur, loaded: g };
    cur = next;
    g = await readModGraph('pruned', mainKey, cur, summary);
    if (g.failures.size > 0 || !upgraded) return { roots: cur, loaded: g };
  }
}

/**
 * summaryFunction is goModSummary for a main module set, outside a build (graph/whatIf.ts): the
 * replaced, checked and exclusion-filtered requirement list of a module version.
 */
export function summaryFunction(main: MainModuleSet, io: BuildIO, options: BuildOptions): SummaryFn {
  return makeSummaryFn(main, io, io.cache ?? new Map(), options, new Map(), new Map());
}

/** makeSummaryFn builds goModSummary for this main module set: replacement, reading, checks, exclusions. */
function makeSummaryFn(main: MainModuleSet, io: BuildIO, cache: SummaryCache, options: BuildOptions, out: Map<string, Summary>, goVersions: Map<string, string>) {
  const pseudo = compareGoVersion(options.toolchain, '1.21') >= 0;
  const stops = pseudo && options.gotoolchain !== undefined && !switchesToolchain(options.gotoolchain);
  const excluded = { memo: io.filtered, sig: [...main.excludes].sort().join('\n') };
  return (m: ModuleKey): SummaryResult | Promise<SummaryResult> => {
    if (m.path === 'go' || m.path === 'toolchain') return pseudoSummary(m, pseudo);
    const member = main.isMain(m) ? main.modules.find((x) => x.path === m.path) : undefined;
    if (member) return keep(m, filtered(memberSummary(member.modFile), main, pseudo, excluded));
    const actual = main.replacement(m);
    const raw = rawSummary(actual ?? m, actual, io, cache);
    const done = (r: SummaryResult): SummaryResult => {
      // rawGoVersion: only a go.mod with a go line is remembered (a module without one is looked up again)
      if (r.ok && r.summary.goVersion !== '') goVersions.set(keyOf(actual ? { path: actual.path, version: actual.version } : m), r.summary.goVersion);
      if (r.ok && stops && isTooNew(r.summary.goVersion, options.toolchain, true)) {
        return keep(m, { ok: false, message: tooNewMessage(`module ${show(actual ?? m)}`, r.summary.goVersion, options.toolchain, options.gotoolchain ?? ''), tooNew: true });
      }
      return keep(m, r.ok ? checked(m, actual, r.summary, main, pseudo, excluded) : r);
    };
    return raw instanceof Promise ? raw.then(done) : done(raw);
  };

  function keep(m: ModuleKey, r: SummaryResult): SummaryResult {
    if (r.ok) out.set(keyOf(m), r.summary);
    return r;
  }
}

/**
 * moduleGoVersion is the go line of a listed module's go.mod (its replacement's when replaced), as
 * `go list -m -json` reports it: known when the graph read that go.mod; otherwise read now with
 * -mod=mod or for directory replacements, and in read-only modes only when go.sum vouches for it
 * (`sums` holds `path version/go.mod` keys; cmd/go moduleInfo's checksumOk); '' when unknown. A go.mod
 * read now whose go line (≥ 1.21) is above `local`, the emulated go command, gives none: that read
 * fails with a TooNewError (Go ≥ 1.21).
 */
export async function moduleGoVersion(build: Build, io: BuildIO, m: ModuleKey, readonly: boolean, sums: Set<string>, local?: string): Promise<string> {
  if (build.main.isMain(m)) return build.main.modules.find((x) => x.path === m.path)?.modFile.go?.version ?? '';
  const known = build.goVersions.get(keyOf(m));
  if (known !== undefined) return known;
  const r = build.main.replacement(m);
  const actual = r ?? m;
  if (readonly && actual.version !== '' && !sums.has(`${actual.path} ${actual.version}/go.mod`)) return '';
  const raw = await rawSummary(actual, r, io, build.cache);
  if (!raw.ok || (local !== undefined && compareGoVersion(local, '1.21') >= 0 && isTooNew(raw.summary.goVersion, local, true))) return '';
  return raw.summary.goVersion;
}

function pseudoSummary(m: ModuleKey, pseudo: boolean): SummaryResult {
  const require = pseudo && m.path === 'go' && compareGoVersion(m.version, '1.21') >= 0 ? [{ path: 'toolchain', version: `go${m.version}` }] : [];
  return { ok: true, summary: { module: m.path, goVersion: '', pruning: 'pruned', require, deprecated: '', retract: [] } };
}

function memberSummary(f: MainModuleSet['modules'][number]['modFile']): Summary {
  const goVersion = f.go?.version ?? '';
  return {
    module: f.module?.path ?? '', goVersion, pruning: pruningForGoVersion(goVersion),
    require: f.require.map((r) => keyedModule(r.mod.path, r.mod.version)), deprecated: f.module?.deprecated ?? '', retract: [],
  };
}

/** rawSummary reads and parses the go.mod of a module version or replacement directory, once per cache. */
function rawSummary(m: ModuleKey, r: Replacement | undefined, io: BuildIO, cache: SummaryCache): SummaryResult | Promise<SummaryResult> {
  const dir = r && r.version === '' ? r.dir ?? r.path : undefined;
  const key = dir !== undefined ? `dir:${dir}` : keyOf(m);
  const hit = cache.get(key);
  if (hit) return hit;
  const store = (res: SummaryResult): SummaryResult => {
    cache.set(key, res);
    return res;
  };
  if (dir !== undefined) {
    const file = join(dir, 'go.mod');
    const text = io.files.readText(file);
    const parse = (t: string | undefined): SummaryResult => store(t === undefined
      ? { ok: false, message: `reading ${join(r?.path ?? dir, 'go.mod')}: ${unreadableMessage(io.files, file)}` }
      : summarizeGoMod(t, join(r?.path ?? dir, 'go.mod')));
    return text instanceof Promise ? text.then(parse) : parse(text);
  }
  const got = io.modules.goMod(m.path, m.version);
  const prefix = `${m.path}@${m.version}: `; // the error chain names the module itself
  const parse = (f: Awaited<typeof got>): SummaryResult => store(f.ok
    ? summarizeGoMod(f.text, 'go.mod')
    : { ok: false, message: f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message, unavailable: f.kind === 'error' ? undefined : f.kind });
  return got instanceof Promise ? got.then(parse) : parse(got);
}

/** checked applies the module-path checks of versioned go.mod files, the go@ requirement and exclusions. */
function checked(m: ModuleKey, actual: Replacement | undefined, s: Summary, main: MainModuleSet, pseudo: boolean, excluded: Excluded): SummaryResult {
  const versioned = actual === undefined || actual.version !== '';
  if (versioned) {
    if (s.module === '') return { ok: false, message: 'parsing go.mod: missing module line' };
    const actualPath = actual?.path ?? m.path;
    if (s.module !== m.path && s.module !== actualPath) {
      return { ok: false, message: `parsing go.mod:\n\tmodule declares its path as: ${s.module}\n\t        but was required as: ${m.path}` };
    }
  }
  return filtered(s, main, pseudo, excluded);
}

/** Excluded: the build's exclusions as one string, and the caller's memo of filtered lists. */
interface Excluded {
  memo?: FilteredMemo;
  sig: string;
}

/**
 * filtered: the go@ requirement added (Go ≥ 1.21) and excluded versions dropped; remembered in the
 * caller's memo per summary object while the exclusions are the same (loki, an edit: two builds
 * filter about a thousand cached summaries again).
 */
function filtered(s: Summary, main: MainModuleSet, pseudo: boolean, excluded: Excluded): SummaryResult {
  const hit = excluded.memo?.get(s);
  if (hit && hit.sig === excluded.sig && hit.pseudo === pseudo) return hit.result;
  let require = s.require;
  if (pseudo && s.goVersion !== '' && compareGoVersion(s.goVersion, '1.21') >= 0) require = [...require, keyedModule('go', s.goVersion)];
  if (main.excludes.size > 0) require = require.filter((r) => !main.excludes.has(keyOf(r)));
  const result: SummaryResult = { ok: true, summary: require === s.require ? s : { ...s, require } };
  excluded.memo?.set(s, { sig: excluded.sig, pseudo, result });
  return result;
}
