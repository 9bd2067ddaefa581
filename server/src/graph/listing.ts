/**
 * The go command's views of a build (semantics §3.5): `go list -m all` lines, `go list -m -json all`
 * objects (Path, Version, Replace, Main, Indirect, GoVersion) and `go mod graph` edges.
 */
import { JsonValue, goMarshalIndent } from '../syntax/goJson';
import { Build } from './buildList';
import { ModuleKey, keyOf } from './mvs';

/** ListedModule is one entry of `go list -m all`. */
export interface ListedModule {
  path: string;
  version: string;
  main: boolean;
  indirect: boolean;
  replace?: { path: string; version: string; error?: string };
  /** why the module's version could not be queried (moduleInfo.ts); go list fails unless -e */
  error?: string;
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

/** listLines formats modules as `go list -m all` prints them. */
export function listLines(mods: ListedModule[]): string[] {
  return mods.map((m) => {
    let s = m.version === '' ? m.path : `${m.path} ${m.version}`;
    if (m.replace) s += m.replace.version ? ` => ${m.replace.path} ${m.replace.version}` : ` => ${m.replace.path}`;
    return s;
  });
}

/**
 * listJson formats modules as `go list -m -json all` does, restricted to Path, Version, Replace
 * (Path, Version, Error), Main, Indirect, GoVersion and Error; `goVersionOf` gives the go line of a
 * module's go.mod (its replacement's when replaced), '' when unknown.
 */
export function listJson(mods: ListedModule[], goVersionOf: (m: ListedModule) => string, legacyEscapes = false): string {
  return mods.map((m) => {
    const goVersion = goVersionOf(m) || undefined;
    const obj: JsonValue = {
      Path: m.path,
      Version: m.version || undefined,
      Replace: m.replace ? { Path: m.replace.path, Version: m.replace.version || undefined, Error: moduleError(m.replace.error) } : undefined,
      Main: m.main || undefined,
      Indirect: m.indirect || undefined,
      GoVersion: goVersion,
      Error: moduleError(m.error),
    };
    return goMarshalIndent(obj, legacyEscapes);
  }).join('');
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
