/**
 * The main module(s) of a build (semantics §2.2, §3.2, §3.8, §3.9): one go.mod, or the members of
 * a go.work; their roots, direct dependencies, exclusions and replacements, with the go command's
 * precedence rules and its fatal configuration errors.
 */
import { isAbsolute, join, relative } from 'node:path';
import { ModFile, Replace } from '../syntax/modfile';
import { WorkFile } from '../syntax/workfile';
import { compareGoVersion } from '../module/goVersion';
import { ModuleKey, compareModules, keyOf, showModule } from './mvs';
import { Pruning, pruningForGoVersion } from './summary';

export interface MainModule {
  path: string;
  /** absolute directory of the module */
  dir: string;
  modFile: ModFile;
}

/** Replacement is where a module version's go.mod really comes from: another module version or a directory. */
export interface Replacement {
  /** module path, or the directory as the go command prints it */
  path: string;
  /** '' for a directory */
  version: string;
  /** absolute directory, for directory replacements */
  dir?: string;
}

export interface MainModuleSet {
  modules: MainModule[];
  workspace?: { file: string; dir: string; work: WorkFile };
  /** the go version that decides pruning (go.mod go line, or go.work's), '' when absent */
  goVersion: string;
  pruning: Pruning;
  roots: ModuleKey[];
  direct: Set<string>;
  /** `go: dropping requirement on excluded version P V` lines */
  droppedRoots: ModuleKey[];
  excludes: Set<string>;
  /** fatal configuration errors, as the go command prints them (without the `go: ` prefix) */
  errors: string[];
  /** errors found while resolving (the go command reports them and exits 1, after printing its answer) */
  lateErrors?: string[];
  isMain(m: ModuleKey): boolean;
  replacement(m: ModuleKey): Replacement | undefined;
}

export interface MainModuleOptions {
  /** emulate the go command of this version (go@/toolchain@ pseudo-modules from 1.21) */
  toolchain: string;
}

const show = showModule;

function replaceMap(replaces: Replace[], dir: string, errors: string[], display: (p: string) => string): ReplaceMap {
  const map: ReplaceMap = new Map();
  for (const r of replaces) {
    const target: Replacement = r.new.version === ''
      ? { path: display(r.new.path), version: '', dir: isAbsolute(r.new.path) ? r.new.path : join(dir, r.new.path) }
      : { path: r.new.path, version: r.new.version };
    const k = keyOf(r.old);
    const prev = map.get(k);
    if (prev && (prev.path !== target.path || prev.version !== target.version)) {
      errors.push(`conflicting replacements for ${show(r.old)}:\n\t${show(prev)}\n\t${show(target)}`);
    }
    map.set(k, target);
  }
  return map;
}

/** ReplaceMap: replacements by `path@version` (`path@` for wildcards), and the set of replaced paths. */
type ReplaceMap = Map<string, Replacement> & { paths?: Set<string> };

function lookup(map: ReplaceMap, m: ModuleKey): Replacement | undefined {
  map.paths ??= new Set([...map.keys()].map((k) => k.slice(0, k.lastIndexOf('@'))));
  if (!map.paths.has(m.path)) return undefined; // the common case: most paths are not replaced
  return map.get(keyOf(m)) ?? map.get(`${m.path}@`);
}

/**
 * goRoots are the go and toolchain roots from Go 1.21 (modload.appendGoAndToolchainRoots), and go
 * counts as a direct requirement ("every module directly uses the language and runtime"): when -mod=mod
 * rewrites an unpruned main module's roots, go stays a root at its selected version.
 */
function goRoots(goVersion: string, toolchain: string | undefined, options: MainModuleOptions, defaultGo: string, direct: Set<string>): ModuleKey[] {
  if (compareGoVersion(options.toolchain, '1.21') < 0) return [];
  const roots = [{ path: 'go', version: goVersion || defaultGo }];
  direct.add('go');
  if (toolchain) roots.push({ path: 'toolchain', version: toolchain });
  return roots;
}

/** singleModule builds the main module set of module mode (no go.work). */
export function singleModule(main: MainModule, options: MainModuleOptions): MainModuleSet {
  const f = main.modFile;
  const errors: string[] = [];
  const excludes = new Set(f.exclude.map((x) => keyOf(x.mod)));
  const replaces = replaceMap(f.replace, main.dir, errors, (p) => p);
  const roots: ModuleKey[] = [];
  const droppedRoots: ModuleKey[] = [];
  const direct = new Set<string>();
  for (const r of f.require) {
    if (excludes.has(keyOf(r.mod))) {
      droppedRoots.push(r.mod);
      continue;
    }
    roots.push(r.mod);
    if (!r.indirect) direct.add(r.mod.path);
  }
  const goVersion = f.go?.version ?? '';
  roots.push(...goRoots(goVersion, f.toolchain?.name, options, '1.16', direct));
  roots.sort(compareModules);
  return {
    modules: [main], goVersion, pruning: pruningForGoVersion(goVersion || '1.16'), roots, direct, droppedRoots, excludes, errors,
    isMain: (m) => m.version === '' && m.path === main.path,
    replacement: (m) => (m.version === '' && m.path === main.path ? undefined : lookup(replaces, m)),
  };
}

/** workspaceModules builds the main module set of workspace mode from go.work and its members. */
export function workspaceModules(
  workFile: string, work: WorkFile, listed: MainModule[], options: MainModuleOptions,
): MainModuleSet {
  const workDir = join(workFile, '..');
  // Two members with one module path: Go 1.20+ refuses the workspace (loadProject says so); Go 1.19
  // keeps both entries but holds one go.mod per path, the last one read (cmd/go makeMainModules
  // fills maps keyed by the path): every entry is that member (checked against go1.19.8)
  const members = compareGoVersion(options.toolchain, '1.20') >= 0 ? listed : listed.map((m) => listed.filter((x) => x.path === m.path).pop() ?? m);
  const errors: string[] = [];
  const mainPaths = new Set(members.map((m) => m.path));
  // a member's relative replacement directory, relative to the workspace instead; from Go 1.22
  // (modload.ToDirectoryPath) spelled as a directory path: `local/x` becomes `./local/x`
  const toDir = compareGoVersion(options.toolchain, '1.22') >= 0 ? toDirectoryPath : (p: string) => p;
  const rel = (abs: string): string => toDir(relative(workDir, abs) || '.');
  const workReplaces = replaceMap(work.replace, workDir, errors, (p) => p);
  for (const r of work.replace) {
    if (mainPaths.has(r.old.path) && r.old.version === '') {
      errors.push(`workspace module ${r.old.path} is replaced at all versions in the go.work file. To fix, remove the replacement from the go.work file or specify the version at which to replace the module.`);
    }
  }
  const replacedByWork = new Set(work.replace.map((r) => r.old.path));
  const mapOf = (m: MainModule): ReplaceMap => replaceMap(m.modFile.replace, m.dir, errors, (p) => (isAbsolute(p) ? p : rel(join(m.dir, p))));
  // every listed go.mod's replacements are checked against each other, also the one a duplicate hides
  const listedMaps = listed.map(mapOf);
  checkConflicts(listed, listedMaps, replacedByWork, errors);
  const memberMaps = members.map((m) => listedMaps[listed.indexOf(m)]);
  const memberReplaced = replacedPaths(memberMaps);
  const excludes = new Set(members.flatMap((m) => m.modFile.exclude.map((x) => keyOf(x.mod))));
  // Before Go 1.23 (directRequirements) workspace mode marked no dependency direct: every
  // non-workspace module lists as Indirect (checked against Go 1.19–1.22 and 1.23–1.26).
  const direct = compareGoVersion(options.toolchain, '1.23') >= 0
    ? new Set(members.flatMap((m) => m.modFile.require.filter((r) => !r.indirect).map((r) => r.mod.path)))
    : new Set<string>();
  const goVersion = work.go?.version ?? '';
  const roots: ModuleKey[] = members.map((m) => ({ path: m.path, version: '' }));
  roots.push(...goRoots(goVersion, work.toolchain?.name, options, '1.18', direct));
  roots.sort(compareModules);
  const conflicts: string[] = [];
  return {
    modules: members, workspace: { file: workFile, dir: workDir, work }, goVersion, pruning: 'workspace', roots, direct,
    droppedRoots: [], excludes, errors, lateErrors: conflicts,
    isMain: (m) => m.version === '' && mainPaths.has(m.path),
    replacement: (m) => {
      if (m.version === '' && mainPaths.has(m.path)) return undefined;
      const fromWork = lookup(workReplaces, m); // go.work replaces win, printed as written
      if (fromWork) return fromWork;
      return memberReplacement(m, members, memberMaps, memberReplaced, conflicts);
    },
  };
}

/**
 * memberReplacement is cmd/go's Replacement over workspace members' go.mod files: members are
 * consulted in order and the last match wins, except that a later version-specific match naming a
 * different target is a conflict (reported; the first match stays). Go 1.19 behaves so.
 */
function memberReplacement(m: ModuleKey, members: MainModule[], maps: ReplaceMap[], replaced: Set<string>, conflicts: string[]): Replacement | undefined {
  if (!replaced.has(m.path)) return undefined; // most paths are replaced by no member: skip the scan
  let found: Replacement | undefined;
  let foundAt = -1;
  for (let i = 0; i < maps.length; i++) {
    const exact = maps[i].get(keyOf(m));
    const r = exact ?? maps[i].get(`${m.path}@`);
    if (!r) continue;
    if (found && exact && (found.path !== r.path || found.version !== r.version)) {
      const msg = `conflicting replacements found for ${show(m)} in workspace modules defined by ${join(members[foundAt].dir, 'go.mod')} and ${join(members[i].dir, 'go.mod')}`;
      if (!conflicts.includes(msg)) conflicts.push(msg);
      return found;
    }
    found = r;
    foundAt = i;
  }
  return found;
}

/** replacedPaths: every module path some member replaces. */
function replacedPaths(maps: ReplaceMap[]): Set<string> {
  const set = new Set<string>();
  for (const map of maps) for (const k of map.keys()) set.add(k.slice(0, k.lastIndexOf('@')));
  return set;
}

/** checkConflicts reports two members replacing the same module version differently (unless go.work decides). */
function checkConflicts(members: MainModule[], maps: ReplaceMap[], replacedByWork: Set<string>, errors: string[]): void {
  const seen = new Map<string, Replacement>();
  members.forEach((_, i) => {
    for (const [k, r] of maps[i]) {
      const path = k.slice(0, k.lastIndexOf('@'));
      if (replacedByWork.has(path)) continue;
      const prev = seen.get(k);
      const norm = (x: Replacement): string => x.dir ?? `${x.path}@${x.version}`;
      if (prev && norm(prev) !== norm(r)) {
        const old = k.endsWith('@') ? path : k;
        errors.push(`conflicting replacements for ${old}:\n\t${prev.dir ?? show(prev)}\n\t${r.dir ?? show(r)}\nuse "go work edit -replace ${old}=[override]" to resolve`);
      }
      seen.set(k, r);
    }
  });
}

/** toDirectoryPath is modload.ToDirectoryPath: p as is when it reads as a directory path (`.`, `./…`, `../…`, absolute), else `./` + p. */
function toDirectoryPath(p: string): string {
  return p === '.' || p === '..' || p.startsWith('./') || p.startsWith('../') || isAbsolute(p) ? p : `./${p}`;
}
