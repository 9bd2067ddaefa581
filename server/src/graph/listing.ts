/**
 * The go command's views of a build (semantics §3.5): `go list -m all` lines, `go list -m -json all`
 * objects (modinfo.ModulePublic: Path, Version, Replace, Time, Main, Indirect, Dir, GoMod, GoVersion,
 * Error, Sum, GoModSum) and `go mod graph` edges.
 */
import { JsonValue, goMarshalIndent } from '../syntax/goJson';
import { Build } from './buildList';
import { ModuleKey, keyOf } from './mvs';
import { Lifecycle } from './upgrades';

/**
 * ModuleFiles are the fields of a listed module (or of its replacement) that `go list -m -json`
 * fills from the `.info` query and the disk (moduleInfo.ts, listFiles.ts); absent when go prints none.
 */
export interface ModuleFiles {
  /** the `.info` Time, as go prints it */
  time?: string;
  /** the module's directory: a main module's root, a replacement directory, an extracted module in GOMODCACHE */
  dir?: string;
  /** its go.mod: in the main module or replacement directory, or the `.mod` in GOMODCACHE/cache/download */
  goMod?: string;
  /** go.sum's hash of the module's files (`path version h1:…`), Go 1.23+ */
  sum?: string;
  /** go.sum's hash of its go.mod (`path version/go.mod h1:…`), Go 1.23+ */
  goModSum?: string;
}

/** ListedReplace is the replacement of a listed module: a module version, or a directory (version ''). */
export interface ListedReplace extends ModuleFiles {
  path: string;
  version: string;
  error?: string;
  /** with -u: the update, retraction and deprecation (graph/upgrades.ts) */
  lifecycle?: Lifecycle;
}

/** ListedModule is one entry of `go list -m all`. */
export interface ListedModule extends ModuleFiles {
  path: string;
  version: string;
  main: boolean;
  indirect: boolean;
  replace?: ListedReplace;
  /** why the module's version could not be queried (moduleInfo.ts); go list fails unless -e */
  error?: string;
  /** with -u: the update, retraction and deprecation (graph/upgrades.ts) */
  lifecycle?: Lifecycle;
}

const isPseudoModule = (path: string): boolean => path === 'go' || path === 'toolchain';

/** listModules is the build list as `go list -m all` orders it: main module(s) first, then by path. */
export function listModules(build: Build): ListedModule[] {
  return build.graph.buildList().filter((m) => !isPseudoModule(m.path)).map((m) => {
    const main = build.main.isMain(m);
    const r = main ? undefined : build.main.replacement(m);
    return {
      path: m.path, version: m.version, main,
      indirect: !main && !build.main.direct.has(m.path),
      replace: r ? { path: r.path, version: r.version } : undefined,
    };
  });
}

/**
 * listLines formats modules as `go list -m all` prints them (modinfo's String): with -u, a version
 * gets ` (retracted)`, its update ` [v1.4.2]`, a deprecated module ` (deprecated)`, for the module
 * and for its replacement.
 */
export function listLines(mods: ListedModule[]): string[] {
  const version = (v: string, l: Lifecycle | undefined): string => (l?.retracted ? `${v} (retracted)` : v);
  return mods.map((m) => {
    let s = m.path;
    if (m.version !== '') {
      s += ` ${version(m.version, m.lifecycle)}`;
      if (m.lifecycle?.update) s += ` [${m.lifecycle.update.version}]`;
    }
    if (m.lifecycle?.deprecated) s += ' (deprecated)';
    const r = m.replace;
    if (r) {
      s += ` => ${r.path}`;
      if (r.version !== '') {
        s += ` ${version(r.version, r.lifecycle)}`;
        if (r.lifecycle?.update) s += ` [${r.lifecycle.update.version}]`;
      }
      if (r.lifecycle?.deprecated) s += ' (deprecated)';
    }
    return s;
  });
}

/**
 * listJson formats modules as `go list -m -json all` does: the fields of modinfo.ModulePublic in its
 * order (Query, Versions, Update, Retracted, Deprecated, Origin and Reuse never show without other
 * flags); `goVersionOf` gives the go line of a module's go.mod (its replacement's when replaced),
 * '' when unknown; a replacement carries the same go line (cmd/go moduleInfo copies it).
 */
export function listJson(mods: ListedModule[], goVersionOf: (m: ListedModule) => string, legacyEscapes = false): string {
  return mods.map((m) => {
    const goVersion = goVersionOf(m) || undefined;
    const r = m.replace;
    const obj: JsonValue = {
      Path: m.path,
      Version: m.version || undefined,
      Replace: r ? {
        Path: r.path, Version: r.version || undefined, Time: r.time, Update: updateJson(r.path, r.lifecycle), Dir: r.dir || undefined, GoMod: r.goMod || undefined,
        GoVersion: goVersion, Retracted: r.lifecycle?.retracted, Deprecated: r.lifecycle?.deprecated, Error: moduleError(r.error ?? r.lifecycle?.error),
        Sum: r.sum || undefined, GoModSum: r.goModSum || undefined,
      } : undefined,
      Time: m.time,
      Update: updateJson(m.path, m.lifecycle),
      Main: m.main || undefined,
      Indirect: m.indirect || undefined,
      Dir: m.dir || undefined,
      GoMod: m.goMod || undefined,
      GoVersion: goVersion,
      Retracted: m.lifecycle?.retracted,
      Deprecated: m.lifecycle?.deprecated,
      Error: moduleError(m.error ?? m.lifecycle?.error),
      Sum: m.sum || undefined,
      GoModSum: m.goModSum || undefined,
    };
    return goMarshalIndent(obj, legacyEscapes);
  }).join('');
}

/** updateJson is the Update of -u: a ModulePublic with Path, Version and Time. */
function updateJson(path: string, l: Lifecycle | undefined): JsonValue | undefined {
  return l?.update ? { Path: path, Version: l.update.version, Time: l.update.time || undefined } : undefined;
}

/** moduleError is modinfo.ModuleError as JSON: `{"Err": text}`. */
function moduleError(text: string | undefined): JsonValue | undefined {
  return text === undefined ? undefined : { Err: text };
}

/**
 * graphLines is `go mod graph`: every recorded edge, nodes visited breadth-first from the roots.
 * mvs.Graph.WalkBreadthFirst queues every root entry, so a root listed twice (Go 1.19's workspace
 * with two members of one module path) has its edges printed twice.
 */
export function graphLines(build: Build): string[] {
  const fmt = (m: ModuleKey): string => (m.version === '' ? m.path : `${m.path}@${m.version}`);
  const edges = (m: ModuleKey): string[] => (build.graph.requiredBy(m) ?? []).map((r) => `${fmt(m)} ${fmt(r)}`);
  const roots = build.graph.roots.filter((r) => r.version !== 'none');
  const isRoot = new Set(roots.map(keyOf));
  const out = roots.flatMap(edges);
  build.graph.walkBreadthFirst((m) => {
    if (!isRoot.has(keyOf(m))) out.push(...edges(m));
  });
  return out;
}

/** goVersionFromSummaries looks a module's go line up among the go.mod files the build read. */
export function goVersionFromSummaries(build: Build, m: ModuleKey): string | undefined {
  return build.summaries.get(keyOf(m))?.goVersion;
}
