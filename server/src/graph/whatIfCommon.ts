/**
 * What go get would change, whichever go command's algorithm computes it (whatIf.ts for Go 1.19,
 * whatIfModern.ts for Go 1.21 and later): the result types, the versions a module may be lowered to,
 * and the build-list difference in go get's words.
 */
import { BuildIO } from './buildList';
import { ListedModule } from './listing';
import { SummaryFn } from './load';
import { listedVersions } from './source';
import { MainModuleSet } from './mainModules';
import { ModuleKey, cmpVersion } from './mvs';
import { compareGoVersion } from '../module/goVersion';
import { goCompareStrings } from '../module/goString';
import { isPseudoVersion } from '../module/pseudo';
import { compare as semverCompare, isValid as validSemver, prerelease } from '../module/semver';

export interface Requirement {
  path: string;
  version: string;
  indirect: boolean;
}

/**
 * Change: one change go get reports. `path` is a module path, or — emulating Go ≥ 1.21 — `go` or
 * `toolchain` for the go.mod line of that name.
 */
export interface Change {
  path: string;
  /** '' when added */
  from: string;
  /** '' when removed */
  to: string;
  kind: 'added' | 'removed' | 'upgraded' | 'downgraded';
}

export type WhatIf =
  | {
    ok: true; target: ModuleKey; /** every module asked for (go get p1@v1 p2@v2 …); [target] for one */ targets?: ModuleKey[]; before: ListedModule[]; after: ListedModule[]; requirements: Requirement[];
    /** what go get prints after writing go.mod (reportedChanges), in its order */
    changes: Change[];
    goLine?: { from: string; to: string };
    /** the toolchain line go.mod ends with ('' when dropped or absent), when it changes */
    toolchainLine?: { from: string; to: string };
  }
  | { ok: false; error: string };

/**
 * allowedVersions: the versions of path the module source lists, sorted, without excluded ones and
 * without those the latest version's go.mod retracts (modload.versions with CheckAllowed; the
 * latest is the highest release, else the highest pre-release; a path replaced for every version
 * is not checked for retractions, as the go command does not read them then).
 */
export async function allowedVersions(path: string, io: BuildIO, main: MainModuleSet, summary: SummaryFn): Promise<string[] | string> {
  const r = await io.modules.versions?.(path);
  if (r && !r.ok && r.kind === 'error') return r.message.startsWith(`module ${path}: `) ? r.message : `${path}: ${r.message}`; // go: module P: reading …: 403 Forbidden
  const served = r?.ok ? listedVersions(r.text) : [];
  // modload's replacementRepo: the versions a main module replaces (not pseudo-versions) exist too
  const replaced = [...main.modules.flatMap((m) => m.modFile.replace), ...(main.workspace?.work.replace ?? [])]
    .filter((x) => x.old.path === path && x.old.version !== '' && !isPseudoVersion(x.old.version)).map((x) => x.old.version);
  const listed = [...new Set([...served, ...replaced])].filter((v) => validSemver(v)).sort((a, b) => semverCompare(a, b));
  let retract: { low: string; high: string }[] = [];
  const releases = listed.filter((v) => prerelease(v) === '');
  const latest = releases.at(-1) ?? listed.at(-1);
  if (latest && !main.replacement({ path, version: '' })) {
    const s = await summary({ path, version: latest });
    if (s.ok) retract = s.summary.retract;
  }
  const retracted = (v: string): boolean => retract.some((x) => semverCompare(x.low, v) <= 0 && semverCompare(v, x.high) <= 0);
  return listed.filter((v) => !main.excludes.has(`${path}@${v}`) && !retracted(v));
}

/** diffLists: what changed between two `go list -m all` lists, by path. */
export function diffLists(before: ListedModule[], after: ListedModule[]): Change[] {
  const was = new Map(before.filter((m) => !m.main).map((m) => [m.path, m.version]));
  const now = new Map(after.filter((m) => !m.main).map((m) => [m.path, m.version]));
  const out: Change[] = [];
  for (const path of new Set([...was.keys(), ...now.keys()])) {
    const [from, to] = [was.get(path) ?? '', now.get(path) ?? ''];
    if (from === to) continue;
    const kind = from === '' ? 'added' : to === '' ? 'removed' : cmpVersion(path, from, to) < 0 ? 'upgraded' : 'downgraded';
    out.push({ path, from, to, kind });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What reportedChanges compares: the state before go get and after it. */
export interface ReportInput {
  /** the go command emulated is 1.21 or later: the go and toolchain lines are reported too */
  modern: boolean;
  /** the requested module, or with targets, every one of them */
  target?: ModuleKey;
  targets?: ModuleKey[];
  /** the build list go get starts from (the -mod=mod graph) */
  before: ListedModule[];
  /**
   * the build list go get holds when it reports: that of the edited requirements when the edit
   * changed them (modget updateBuildList reloads the graph only then), else `before` — which can
   * differ from the list of the go.mod it writes (an unpruned go.mod whose go line go get raises past
   * 1.17 without an edit: the next load prunes the graph)
   */
  final: ListedModule[];
  /** the go.mod require lines as written (file order), and those go get writes */
  oldRequire: ModuleKey[];
  newRequire: ModuleKey[];
  /** the go and toolchain lines before ('' when absent; a missing go line counts as already added) and after */
  goLine: { from: string; to: string };
  toolchainLine: { from: string; to: string };
}

/**
 * reportedChanges is what go get prints after writing go.mod (cmd/go/internal/modget, resolver.reportChanges):
 * not the build-list difference but, keyed by path with a later rule overriding an earlier one,
 *  1. the requested path: its version in the starting build list → the requested version (nothing
 *     when it was absent and is asked for @none);
 *  2. each require line as written → that path's version in the build list go get holds ('' when gone);
 *  3. each require line go get writes: the path's version in the starting build list → the written version;
 *  4. from Go 1.21, the go and toolchain lines as go.mod had them → as written (a missing go line is
 *     added in memory before go get starts, so it is not reported).
 * Modules only in the build list (neither asked for nor required by go.mod) are not reported. The
 * order is by path (byte order), with go and then toolchain first.
 */
export function reportedChanges(r: ReportInput): Change[] {
  const isPseudo = (path: string): boolean => path === 'go' || path === 'toolchain';
  const index = (list: ListedModule[]): Map<string, string> => new Map(list.filter((m) => !m.main && !isPseudo(m.path)).map((m) => [m.path, m.version]));
  const [initial, final] = [index(r.before), index(r.final)];
  const changes = new Map<string, { from: string; to: string }>();
  const note = (path: string, from: string, to: string): void => {
    if (from !== to) changes.set(path, { from, to });
  };
  for (const t of r.targets ?? (r.target ? [r.target] : [])) {
    if (isPseudo(t.path)) continue;
    const from = initial.get(t.path) ?? '';
    if (from !== '' || t.version !== 'none') note(t.path, from, t.version);
  }
  for (const q of r.oldRequire) if (!isPseudo(q.path)) note(q.path, q.version, final.get(q.path) ?? '');
  for (const q of r.newRequire) if (!isPseudo(q.path)) note(q.path, initial.get(q.path) ?? '', q.version);
  if (r.modern) {
    note('go', r.goLine.from, r.goLine.to);
    note('toolchain', r.toolchainLine.from, r.toolchainLine.to);
  }
  const rank = (path: string): number => (path === 'go' ? 0 : path === 'toolchain' ? 1 : 2);
  const paths = [...changes.keys()].sort((a, b) => rank(a) - rank(b) || goCompareStrings(a, b));
  return paths.map((path) => {
    const { from, to } = changes.get(path) as { from: string; to: string };
    const gone = to === '' || to === 'none';
    const kind = from === '' ? 'added' : gone ? 'removed' : cmpVersion(path, to, from) > 0 ? 'upgraded' : 'downgraded';
    return { path, from, to: gone ? '' : to, kind };
  });
}

/**
 * changeLines: the lines go get prints for r.changes, without its `go: ` prefix (`upgraded P v1 =>
 * v2`, `added P v`, …), with the note it adds when the go line crosses 1.17.
 */
export function changeLines(r: Extract<WhatIf, { ok: true }>): string[] {
  const lines: string[] = [];
  for (const c of r.changes) {
    if (c.kind === 'added') lines.push(`added ${c.path} ${c.to}`);
    else if (c.kind === 'removed') lines.push(`removed ${c.path} ${c.from}`);
    else lines.push(`${c.kind} ${c.path} ${c.from} => ${c.to}`);
    if (c.path === 'go' && c.kind === 'upgraded' && compareGoVersion(c.from, '1.17') < 0 && compareGoVersion(c.to, '1.17') >= 0) {
      lines.push("\tnote: expanded dependencies to upgrade to go 1.17 or higher; run 'go mod tidy' to clean up");
    }
  }
  return lines;
}
