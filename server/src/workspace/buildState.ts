/**
 * What a build state of the session is made of and the keys that say when it can be kept: the
 * directives the graph depends on (semanticKey), the texts it was computed from, the go.sum keys it
 * checks, and the directories whose go.mod it read.
 */
import { BuildView, SumDoc } from '../analysis/view';
import { Build } from '../graph/buildList';
import { MainModuleSet } from '../graph/mainModules';

export interface BuildState {
  view: BuildView;
  /** directories whose go.mod this build reads (main modules and directory replacements) */
  dirs: Set<string>;
  sumFiles: string[];
  /** what the graph depends on in the main go.mod/go.work files (semanticKey) */
  key?: string;
  /** the texts of the main go.mod/go.work files and the parsed go.sum files this state was made from */
  texts?: string[];
  sumDocs?: SumDoc[];
}

/**
 * semanticKey is everything of a main module set that the graph depends on — directives, not their
 * positions or comments — so that a whitespace or comment edit can keep the computed graph.
 */
export function semanticKey(main: MainModuleSet): string {
  const pairs = (rs: { old: unknown; new: unknown }[]): unknown[] => rs.map((r) => [r.old, r.new]);
  return JSON.stringify({
    pruning: main.pruning, go: main.goVersion, roots: main.roots, direct: [...main.direct].sort(), excludes: [...main.excludes].sort(),
    errors: main.errors, late: main.lateErrors ?? [], dropped: main.droppedRoots,
    modules: main.modules.map((m) => [m.path, m.dir, m.modFile.go?.version, m.modFile.toolchain?.name, m.modFile.module?.deprecated,
      m.modFile.require.map((r) => [r.mod, r.indirect]), m.modFile.exclude.map((x) => x.mod), pairs(m.modFile.replace)]),
    work: main.workspace ? [main.workspace.work.go?.version, main.workspace.work.toolchain?.name, pairs(main.workspace.work.replace)] : null,
  });
}

const sumKeyCache = new WeakMap<SumDoc, string[]>();

/** sumKeys: the `path version` keys of a parsed go.sum (remembered per parse). */
function sumKeys(doc: SumDoc | undefined): string[] {
  if (!doc) return [];
  let keys = sumKeyCache.get(doc);
  if (!keys) {
    keys = doc.sum.lines.map((l) => `${l.path.text} ${l.version.text}`);
    sumKeyCache.set(doc, keys);
  }
  return keys;
}

/** sumKeySet: the `path version` keys of parsed go.sum files. */
export function sumKeySet(docs: SumDoc[]): Set<string> {
  const keys = new Set<string>();
  for (const d of docs) for (const k of sumKeys(d)) keys.add(k);
  return keys;
}

/** mainTexts: the texts of a main module set's go.work and go.mod files (the same string objects while a file is unchanged). */
export function mainTexts(main: MainModuleSet): string[] {
  return [main.workspace?.work.syntax.text ?? '', ...main.modules.map((m) => m.modFile.syntax.text)];
}

/** readDirs: the directories a build read go.mod files from. */
export function readDirs(build: Build | undefined, mainDirs: string[]): Set<string> {
  const dirs = new Set(mainDirs);
  if (!build) return dirs;
  // only directory replacements read go.mod files outside the module cache: without one, no node is looked up
  const byDir = (rs: { new: { version: string } }[]): boolean => rs.some((r) => r.new.version === '');
  if (!byDir(build.main.workspace?.work.replace ?? []) && !build.main.modules.some((m) => byDir(m.modFile.replace))) return dirs;
  for (const m of build.graph.allNodes()) {
    const r = build.main.isMain(m) ? undefined : build.main.replacement(m);
    if (r?.dir) dirs.add(r.dir);
  }
  return dirs;
}
