/**
 * What a change to the main module(s) does to the build (issue 18, `go-mod-lens diff`): the build
 * list before and after in go get's words (upgraded, downgraded, added, removed), each module with
 * the requirement that moves it — the go.mod line itself when the change names the module, else the
 * chain of requirements from a changed go.mod line to the version now (or, for a module that went
 * down or away, then) selected — and the replacements and go/toolchain lines that changed.
 */
import { Build } from './buildList';
import { ListedModule, listModules } from './listing';
import { ModuleKey } from './mvs';
import { Change, diffLists } from './whatIfCommon';
import { explainSelection } from './why';

/** RootChange: a requirement of a main go.mod as written, before and after ('' when absent). */
export interface RootChange {
  path: string;
  from: string;
  to: string;
}

/**
 * MovedModule: one module of the build list that changed. `requiredBy` is the chain that holds the
 * version: for an upgrade or an addition the new build's, ending at the new version; for a
 * downgrade or a removal the old build's, ending at the version that went; main module first.
 * `root` is the main go.mod requirement at its head when that line changed (the line of the diff
 * that moves this module); `direct` says the diff names the module itself.
 */
export interface MovedModule extends Change {
  direct: boolean;
  requiredBy: ModuleKey[];
  root?: RootChange;
  /** the replacement before and after, when it changed (`path version` or a directory; '' for none) */
  replace?: { from: string; to: string };
  /** the module left the list because it became a main module (a go.work now uses it), or came in because it stopped being one */
  mainChange?: 'became-main' | 'was-main';
}

export interface BuildDiff {
  changes: MovedModule[];
  /** main go.mod require lines that changed, by path */
  roots: RootChange[];
  goLine?: { from: string; to: string };
  toolchainLine?: { from: string; to: string };
  /** main modules (module paths) that appeared or went (a go.work gained or lost a member) */
  mainModules: { added: string[]; removed: string[] };
  before: ListedModule[];
  after: ListedModule[];
}

/** requirementsOf: the require lines of the main go.mod files, by path (a path two members require: the higher line's text wins by order). */
function requirementsOf(b: Build | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of b?.main.modules ?? []) for (const r of m.modFile.require) out.set(r.mod.path, r.mod.version);
  return out;
}

/** lineOf: the go or toolchain line of the main module set (go.work's in workspace mode). */
function lineOf(b: Build | undefined, which: 'go' | 'toolchain'): string {
  const file = b?.main.workspace?.work ?? b?.main.modules[0]?.modFile;
  if (!file) return '';
  return which === 'go' ? file.go?.version ?? '' : file.toolchain?.name ?? '';
}

const replaceText = (m: ListedModule | undefined): string => (m?.replace ? `${m.replace.path}${m.replace.version ? ' ' + m.replace.version : ''}` : '');

/**
 * diffBuilds compares two builds of (versions of) the same repository; a side without a build (no
 * go.mod there yet, or any more) has an empty build list: every module is added, or removed.
 */
export function diffBuilds(before: Build | undefined, after: Build | undefined): BuildDiff {
  const [was, now] = [before ? listModules(before) : [], after ? listModules(after) : []];
  const [oldReq, newReq] = [requirementsOf(before), requirementsOf(after)];
  const roots: RootChange[] = [];
  for (const path of new Set([...oldReq.keys(), ...newReq.keys()])) {
    const [from, to] = [oldReq.get(path) ?? '', newReq.get(path) ?? ''];
    if (from !== to) roots.push({ path, from, to });
  }
  roots.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const changedRoot = new Map(roots.map((r) => [r.path, r]));

  const moved: MovedModule[] = diffLists(was, now).map((c) => explain(c, before, after, changedRoot));
  for (const c of moved) {
    if (c.kind === 'removed' && after?.main.modules.some((m) => m.path === c.path)) c.mainChange = 'became-main';
    if (c.kind === 'added' && before?.main.modules.some((m) => m.path === c.path)) c.mainChange = 'was-main';
  }
  // modules at the same version whose replacement changed
  const wasBy = new Map(was.map((m) => [m.path, m]));
  const nowBy = new Map(now.map((m) => [m.path, m]));
  for (const m of now) {
    const o = wasBy.get(m.path);
    if (!o || o.version !== m.version || m.main) continue;
    const [from, to] = [replaceText(o), replaceText(m)];
    if (from !== to) moved.push({ ...explain({ path: m.path, from: m.version, to: m.version, kind: 'upgraded' }, before, after, changedRoot), kind: 'upgraded', replace: { from, to } });
  }
  for (const c of moved) {
    if (c.replace || c.kind === 'added' || c.kind === 'removed') continue;
    const [from, to] = [replaceText(wasBy.get(c.path)), replaceText(nowBy.get(c.path))];
    if (from !== to) c.replace = { from, to };
  }
  moved.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const [oldGo, newGo, oldTc, newTc] = [lineOf(before, 'go'), lineOf(after, 'go'), lineOf(before, 'toolchain'), lineOf(after, 'toolchain')];
  const oldMains = new Set(before?.main.modules.map((m) => m.path));
  const newMains = new Set(after?.main.modules.map((m) => m.path));
  return {
    changes: moved, roots,
    goLine: oldGo !== newGo ? { from: oldGo, to: newGo } : undefined,
    toolchainLine: oldTc !== newTc ? { from: oldTc, to: newTc } : undefined,
    mainModules: { added: [...newMains].filter((p) => !oldMains.has(p)).sort(), removed: [...oldMains].filter((p) => !newMains.has(p)).sort() },
    before: was, after: now,
  };
}

/** explain finds the requirement that moves one module: the changed go.mod line naming it, else the chain that holds its version. */
function explain(c: Change, before: Build | undefined, after: Build | undefined, changedRoot: Map<string, RootChange>): MovedModule {
  const direct = changedRoot.get(c.path);
  const rising = c.kind === 'upgraded' || c.kind === 'added';
  const build = rising ? after : before;
  const sel = build ? explainSelection(build, c.path) : { chains: [] };
  // prefer a chain headed by a go.mod line the change touched (the line that moves it), then the shortest
  const headed = (chain: ModuleKey[]): RootChange | undefined => (chain.length > 1 ? changedRoot.get(chain[1].path) : undefined);
  const chains = [...sel.chains].sort((a, b) => Number(headed(b) !== undefined) - Number(headed(a) !== undefined) || a.length - b.length);
  const chain = chains[0] ?? [];
  return { ...c, direct: direct !== undefined, requiredBy: chain, root: direct ?? headed(chain) };
}

/** verb: go get's word for a change (a replacement-only change is `replaced`). */
export function changeVerb(c: MovedModule): string {
  return c.replace && c.from === c.to ? 'replaced' : c.kind;
}

/** changeHead: the change in go get's words — `upgraded P v1 => v2`, `added P v`, `removed P v`; a new replacement `replaced P v: R1 => R2`. */
export function changeHead(c: MovedModule): string {
  const repl = c.replace ? ` (replaced: ${c.replace.from || 'none'} => ${c.replace.to || 'none'})` : '';
  if (c.replace && c.from === c.to) return `replaced ${c.path} ${c.from}: ${c.replace.from || 'not replaced'} => ${c.replace.to || 'not replaced'}`;
  if (c.kind === 'added') return `added ${c.path} ${c.to}${repl}`;
  if (c.kind === 'removed') return `removed ${c.path} ${c.from}${repl}`;
  return `${c.kind} ${c.path} ${c.from} => ${c.to}${repl}`;
}

/** rootText: a changed go.mod line, `require P v1 => v2` (added/removed lines: `+ require P v`, `- require P v`). */
export function rootText(r: RootChange): string {
  if (r.from === '') return `require ${r.path} ${r.to} added`;
  if (r.to === '') return `require ${r.path} ${r.from} removed`;
  return `require ${r.path} ${r.from} => ${r.to}`;
}

/**
 * changeReason: why, in words — `go.mod: require P v1 => v2` for a module the diff names; else the
 * module that requires the version (`required by Q@v`, or `was required by Q@v` for one that went
 * down or away) and the go.mod line at the head of its chain when the diff changed it.
 */
export function changeReason(c: MovedModule, mainFile = 'go.mod'): string {
  if (c.mainChange === 'became-main') return 'now a main module: the workspace uses its directory';
  if (c.mainChange === 'was-main') return 'no longer a main module: the workspace stopped using its directory';
  if (c.direct && c.root) return `${mainFile}: ${rootText(c.root)}`;
  const rising = c.kind === 'upgraded' || c.kind === 'added';
  const chain = c.requiredBy;
  if (chain.length < 2) return rising ? 'selected by the build' : 'no longer selected';
  const by = chain[chain.length - 2];
  const byText = by.version === '' ? `the main module ${by.path}` : `${by.path}@${by.version}`;
  const via = c.root ? `; ${mainFile}: ${rootText(c.root)}` : '';
  return `${rising ? 'required by' : 'was required by'} ${byText}${via}`;
}
