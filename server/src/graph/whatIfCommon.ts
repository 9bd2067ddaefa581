/**
 * What go get would change, whichever go command's algorithm computes it (whatIf.ts for Go 1.19,
 * whatIfModern.ts for Go 1.21 and later): the result types, the versions a module may be lowered to,
 * and the build-list difference in go get's words.
 */
import { BuildIO } from './buildList';
import { ListedModule } from './listing';
import { SummaryFn } from './load';
import { MainModuleSet } from './mainModules';
import { ModuleKey, cmpVersion } from './mvs';
import { compareGoVersion } from '../module/goVersion';
import { isPseudoVersion } from '../module/pseudo';
import { compare as semverCompare, isValid as validSemver, prerelease } from '../module/semver';

export interface Requirement {
  path: string;
  version: string;
  indirect: boolean;
}

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
    ok: true; target: ModuleKey; before: ListedModule[]; after: ListedModule[]; changes: Change[]; requirements: Requirement[];
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
  // modfetch's proxyRepo.Versions: the first field of each line, valid semver, no pseudo-versions (a proxy may list some)
  const served = r?.ok ? r.text.split('\n').map((l) => l.trim().split(/\s+/)[0]).filter((v) => !isPseudoVersion(v)) : [];
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

/** changeLines: one line per change, in go get's words (`upgraded P v1 => v2`). */
export function changeLines(r: Extract<WhatIf, { ok: true }>): string[] {
  const lines = r.changes.map((c) => c.kind === 'added' ? `added ${c.path} ${c.to}`
    : c.kind === 'removed' ? `removed ${c.path} ${c.from}`
      : `${c.kind} ${c.path} ${c.from} => ${c.to}`);
  if (r.toolchainLine) {
    const { from, to } = r.toolchainLine;
    lines.unshift(from === '' ? `toolchain line added: toolchain ${to}` : to === '' ? `toolchain line removed: toolchain ${from}` : `toolchain line changed: toolchain ${from} => toolchain ${to}`);
  }
  if (r.goLine) {
    const { from, to } = r.goLine;
    lines.unshift(from === '' ? `go line added: go ${to}` : compareGoVersion(to, from) > 0 ? `go line raised: go ${from} => go ${to}` : `go line lowered: go ${from} => go ${to}`);
  }
  return lines;
}

