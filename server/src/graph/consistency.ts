/**
 * Read-only consistency (semantics §3.6): would a default `go build` (-mod=readonly) stop with
 * "updates to go.mod needed", and exactly why; and which `/go.mod` lines go.sum lacks for the
 * go.mod files the build reads (semantics §5.1).
 */
import { join } from 'node:path';
import { goUnquote } from '../module/goString';
import { canonicalVersion } from '../module/modulePath';
import { Require } from '../syntax/modfile';
import { Build } from './buildList';
import { ModuleKey, cmpVersion, keyOf } from './mvs';

export type ProblemKind =
  | 'root-below-selected' | 'duplicate-root' | 'excluded-root' | 'go-below-selected' | 'toolchain-below-selected'
  | 'non-canonical-version';

export interface ConsistencyProblem {
  kind: ProblemKind;
  /** the requirement as written in the main go.mod (or the go/toolchain pseudo-module) */
  module: ModuleKey;
  /** the version MVS selects for its path */
  selected?: string;
  /** the require line, when the problem is on one */
  require?: Require;
  message: string;
}

/** readonlyProblems lists why the main go.mod (module mode) is not what -mod=mod would write. */
export function readonlyProblems(build: Build): ConsistencyProblem[] {
  if (build.main.workspace) return []; // go.mod files are never rewritten in workspace mode
  const f = build.main.modules[0].modFile;
  const g = build.graph;
  const out: ConsistencyProblem[] = [];
  const seen = new Map<string, Require>();
  for (const r of f.require) {
    const raw = r.versionToken.text.startsWith('"') ? goUnquote(r.versionToken.text) : { value: r.versionToken.text };
    if ('value' in raw && raw.value !== canonicalVersion(raw.value)) {
      out.push({ kind: 'non-canonical-version', module: r.mod, require: r, message: `${r.mod.path} ${raw.value} is not a canonical version: the go command would resolve it with the network and rewrite it as ${r.mod.version}` });
    }
    if (build.main.excludes.has(keyOf(r.mod))) {
      out.push({ kind: 'excluded-root', module: r.mod, require: r, message: `${r.mod.path} ${r.mod.version} is excluded: go: ignoring requirement on excluded version ${r.mod.path} ${r.mod.version}` });
      continue;
    }
    const prev = seen.get(r.mod.path);
    if (prev && prev.mod.version !== r.mod.version) {
      out.push({ kind: 'duplicate-root', module: r.mod, require: r, message: `${r.mod.path} is required twice, at ${prev.mod.version} and ${r.mod.version}` });
    }
    seen.set(r.mod.path, r);
    const sel = g.selectedVersion(r.mod.path);
    if (cmpVersion(r.mod.path, r.mod.version, sel) < 0) {
      out.push({ kind: 'root-below-selected', module: r.mod, selected: sel, require: r, message: `${r.mod.path} is required at ${r.mod.version} but ${sel} is selected` });
    }
  }
  for (const root of build.main.roots) {
    if (root.path !== 'go' && root.path !== 'toolchain') continue;
    const sel = g.selectedVersion(root.path);
    if (cmpVersion(root.path, root.version, sel) < 0) {
      const kind = root.path === 'go' ? 'go-below-selected' : 'toolchain-below-selected';
      const source = root.path === 'go' ? 'a dependency requires' : 'the module graph selects'; // dependencies' toolchain lines are ignored: the go versions imply it
      out.push({ kind, module: root, selected: sel, message: `the ${root.path} line says ${root.version} but ${source} ${sel}` });
    }
  }
  return out;
}

/**
 * missingGoModSums lists the `path version/go.mod` keys go.sum must hold for the go.mod files this
 * build reads (by the module version they are read from: the replacement's when replaced; none for
 * directories), that `sums` (the keys of go.sum, `path version`) lacks.
 */
export function missingGoModSums(build: Build, sums: Set<string>): { module: ModuleKey; actual: ModuleKey }[] {
  if (build.main.workspace) return []; // workspace mode never fails for missing sums
  const out: { module: ModuleKey; actual: ModuleKey }[] = [];
  for (const k of build.summaries.keys()) {
    const at = k.lastIndexOf('@');
    const m = { path: k.slice(0, at), version: k.slice(at + 1) };
    if (m.version === '' || m.path === 'go' || m.path === 'toolchain') continue;
    const r = build.main.replacement(m);
    const actual = r ?? m;
    if (actual.version === '') continue;
    if (!sums.has(`${actual.path} ${actual.version}/go.mod`)) out.push({ module: m, actual: { path: actual.path, version: actual.version } });
  }
  return out.sort((a, b) => (keyOf(a.module) < keyOf(b.module) ? -1 : 1));
}

/** goSumFiles: the checksum files a build consults: go.sum (module mode), or go.work.sum and every member's go.sum. */
export function goSumFiles(main: Build['main']): string[] {
  return main.workspace ? [`${main.workspace.file}.sum`, ...main.modules.map((m) => join(m.dir, 'go.sum'))] : [join(main.modules[0].dir, 'go.sum')];
}
