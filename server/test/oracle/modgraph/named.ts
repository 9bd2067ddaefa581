/**
 * Named scenarios with the `go list -m all` output Go 1.19 gives for them: every worked example of
 * gomod-semantics.md §3.11, the behaviours observed in oracles.md §1, and the mission example
 * (B requires A v1.1.0, C requires A v1.3.0 ⇒ A v1.3.0). Local directory modules live in
 * src/local/NAME, so a directory replacement is listed as `=> ../local/NAME` (or `./local/NAME`
 * in a workspace).
 */
import { compareGoVersion } from '../../../src/module/goVersion';
import { GoModBody, MainModule, ModuleVersion, Replace, Requirement, Scenario } from './scenario';

/** NamedScenario is a scenario plus what go must print for it. */
export interface NamedScenario {
  name: string;
  /** where the case comes from and what it shows */
  about: string;
  scenario: Scenario;
  /** expected `go list -mod=mod -m all` stdout, one entry per line */
  list: string[];
  /** a fragment go's stderr must contain (warnings such as "dropping requirement") */
  stderr?: string;
  /** where a later go command answers otherwise: from that release on (the last entry that applies wins) */
  since?: { release: string; list: string[]; stderr?: string }[];
}

/** expectedFor: what go of `release` (1.N) prints for a named scenario: its list (empty: go fails) and a stderr fragment. */
export function expectedFor(n: NamedScenario, release: string): { list: string[]; stderr?: string } {
  const newer = (n.since ?? []).filter((x) => compareGoVersion(release, x.release) >= 0);
  return newer[newer.length - 1] ?? n;
}

/** req parses `path version [// indirect]`. */
function req(spec: string): Requirement {
  const [path, version, ...rest] = spec.split(/\s+/);
  return rest.join(' ') === '// indirect' ? { path, version, indirect: true } : { path, version };
}

/** mv declares a proxy module version: `mv('example.com/b v1.0.0', '1.17', 'example.com/a v1.1.0')`. */
function mv(spec: string, go: string | undefined, ...requires: string[]): ModuleVersion {
  const [path, version] = spec.split(' ');
  return { path, version, ...(go ? { go } : {}), requires: requires.map(req) };
}

function main(go: string, requires: string[], extra: Partial<GoModBody> = {}, path = 'example.com/main'): MainModule {
  return { path, go, requires: requires.map(req), ...extra };
}

function module(mainModule: MainModule, modules: ModuleVersion[], locals: Scenario['locals'] = {}): Scenario {
  return { modules, locals, main: mainModule };
}

function workspace(members: MainModule[], modules: ModuleVersion[], replaces: Replace[] = [], go = '1.18'): Scenario {
  return { modules, locals: {}, workspace: { go, members, replaces } };
}

function withGo(ms: ModuleVersion[], spec: string, go: string | undefined): ModuleVersion[] {
  return ms.map((m) => (`${m.path} ${m.version}` === spec ? { ...m, go } : m));
}

// oracles.md §1, pruning: b (go 1.17) → c (go 1.17) → d v1.1.0; main requires b and d v1.0.0.
const pruneModules = [
  mv('example.com/b v1.0.0', '1.17', 'example.com/c v1.0.0'), mv('example.com/c v1.0.0', '1.17', 'example.com/d v1.1.0'),
  mv('example.com/d v1.0.0', '1.17'), mv('example.com/d v1.1.0', '1.17'),
];
const pruneMain = ['example.com/b v1.0.0', 'example.com/d v1.0.0'];

// oracles.md §1, root sync: main requires a v1.1.0 and b; b requires a v1.3.0; a v1.3.0 requires c v1.5.0.
const syncModules = [
  mv('example.com/a v1.1.0', '1.17'), mv('example.com/a v1.3.0', '1.17', 'example.com/c v1.5.0'),
  mv('example.com/b v1.0.0', '1.17', 'example.com/a v1.3.0'), mv('example.com/c v1.5.0', '1.17'),
];
const syncMain = ['example.com/a v1.1.0', 'example.com/b v1.0.0'];

// The mission example, with upper-case paths (proxy escaping !a, !b, !c).
const missionModules = [
  mv('example.com/A v1.1.0', '1.17'), mv('example.com/A v1.3.0', '1.17'),
  mv('example.com/B v1.0.0', '1.17', 'example.com/A v1.1.0'), mv('example.com/C v1.0.0', '1.17', 'example.com/A v1.3.0'),
];
const missionMain = ['example.com/A v1.1.0', 'example.com/B v1.0.0', 'example.com/C v1.0.0'];
const missionList = ['example.com/main', 'example.com/A v1.3.0', 'example.com/B v1.0.0', 'example.com/C v1.0.0'];
const replaceAToV110: Replace = { oldPath: 'example.com/A', newPath: 'example.com/A', newVersion: 'v1.1.0' };

// semantics §3.11 example 1 (mod_graph_version.txt).
const ex1Modules = [
  mv('example.com/incompatible v1.0.0', '1.17'), { path: 'example.com/incompatible', version: 'v2.0.0+incompatible', requires: [] },
  mv('example.com/requireincompatible v0.1.0', '1.15', 'example.com/incompatible v2.0.0+incompatible'),
];
const ex1Locals = {
  lazy: { path: 'example.com/lazy', go: '1.17', requires: [req('example.com/incompatible v1.0.0'), req('example.com/requireincompatible v0.1.0')],
    excludes: [{ path: 'example.com/incompatible', version: 'v2.0.0+incompatible' }] },
};
const ex1Main = (go: string): MainModule => main(go, ['example.com/incompatible v1.0.0 // indirect', 'example.com/lazy v0.1.0'],
  { replaces: [{ oldPath: 'example.com/lazy', oldVersion: 'v0.1.0', local: 'lazy' }] });

// semantics §3.11 example 5 (work_prune_all.txt).
const ex5Modules = [
  mv('example.com/b v1.0.0', '1.18', 'example.com/q v1.1.0'), mv('example.com/q v1.0.0', '1.18'),
  mv('example.com/q v1.0.5', '1.18', 'example.com/r v1.0.0'), mv('example.com/q v1.1.0', '1.18', 'example.com/w v1.0.0', 'example.com/z v1.1.0'),
  mv('example.com/r v1.0.0', '1.18'), mv('example.com/w v1.0.0', '1.18', 'example.com/x v1.0.0'), mv('example.com/x v1.0.0', '1.18', 'example.com/y v1.0.0'),
  mv('example.com/y v1.0.0', '1.18'), mv('example.com/z v1.0.0', '1.18', 'example.com/q v1.0.5'), mv('example.com/z v1.1.0', '1.18'),
];

/** namedScenarios lists the hand-written cases, each checked against go and (later) our CLI. */
export const namedScenarios: NamedScenario[] = [
  {
    name: 'semantics-ex1-pruned', about: 'semantics §3.11 ex. 1: lazy is a go 1.17 root, so requireincompatible\'s go.mod is never read',
    scenario: module(ex1Main('1.17'), ex1Modules, ex1Locals),
    list: ['example.com/main', 'example.com/incompatible v1.0.0', 'example.com/lazy v0.1.0 => ../local/lazy', 'example.com/requireincompatible v0.1.0'],
  },
  {
    name: 'semantics-ex1-unpruned', about: 'semantics §3.11 ex. 1 with main at go 1.16: the closure is read, v2.0.0+incompatible wins',
    scenario: module(ex1Main('1.16'), ex1Modules, ex1Locals),
    list: ['example.com/main', 'example.com/incompatible v2.0.0+incompatible', 'example.com/lazy v0.1.0 => ../local/lazy', 'example.com/requireincompatible v0.1.0'],
  },
  {
    name: 'semantics-ex2-unpruned-root', about: 'semantics §3.11 ex. 2: an unpruned root (C, go 1.16) inside a pruned main loads its whole closure; B\'s go.mod is not read (no G)',
    scenario: module(main('1.19', ['example.com/a v1.0.0', 'example.com/c v1.0.0']), [
      mv('example.com/a v1.0.0', '1.19', 'example.com/b v1.0.0'), mv('example.com/b v1.0.0', '1.17', 'example.com/g v1.0.0'),
      mv('example.com/c v1.0.0', '1.16', 'example.com/d v1.0.0'), mv('example.com/d v1.0.0', '1.19', 'example.com/e v1.0.0'),
      mv('example.com/e v1.0.0', '1.17', 'example.com/f v1.0.0'), mv('example.com/f v1.0.0', '1.17'), mv('example.com/g v1.0.0', '1.17'),
    ]),
    list: ['example.com/main', 'example.com/a v1.0.0', 'example.com/b v1.0.0', 'example.com/c v1.0.0', 'example.com/d v1.0.0', 'example.com/e v1.0.0', 'example.com/f v1.0.0'],
  },
  {
    name: 'semantics-ex3-workspace-reload', about: 'semantics §3.11 ex. 3 (work_prune.txt): p\'s dependency q is upgraded by a → b, so q v1.1.0\'s go.mod is read (r appears)',
    scenario: workspace([
      { path: 'example.com/a', dir: 'a', go: '1.18', requires: [req('example.com/b v1.0.0')] },
      { path: 'example.com/p', dir: 'p', go: '1.18', requires: [req('example.com/q v1.0.0')] },
    ], [
      mv('example.com/b v1.0.0', '1.18', 'example.com/q v1.1.0'), mv('example.com/q v1.0.0', '1.18'),
      mv('example.com/q v1.1.0', '1.18', 'example.com/r v1.0.0'), mv('example.com/r v1.0.0', '1.18'),
    ]),
    list: ['example.com/a', 'example.com/p', 'example.com/b v1.0.0', 'example.com/q v1.1.0', 'example.com/r v1.0.0'],
  },
  {
    name: 'semantics-ex4-pruned-grandchild', about: 'semantics §3.11 ex. 4: main (go 1.17) → a → b → c lists a and b but not c',
    scenario: module(main('1.17', ['example.com/a v0.1.0']), [
      mv('example.com/a v0.1.0', '1.17', 'example.com/b v0.1.0'), mv('example.com/b v0.1.0', '1.17', 'example.com/c v0.1.0'), mv('example.com/c v0.1.0', '1.17'),
    ]),
    list: ['example.com/main', 'example.com/a v0.1.0', 'example.com/b v0.1.0'],
  },
  {
    name: 'semantics-ex4-go114', about: 'semantics §3.11 ex. 4 with main at go 1.14: unpruned, c is listed',
    scenario: module(main('1.14', ['example.com/a v0.1.0']), [
      mv('example.com/a v0.1.0', '1.17', 'example.com/b v0.1.0'), mv('example.com/b v0.1.0', '1.17', 'example.com/c v0.1.0'), mv('example.com/c v0.1.0', '1.17'),
    ]),
    list: ['example.com/main', 'example.com/a v0.1.0', 'example.com/b v0.1.0', 'example.com/c v0.1.0'],
  },
  {
    name: 'semantics-ex5-workspace-prune-all', about: 'semantics §3.11 ex. 5 (work_prune_all.txt): b, q v1.1.0, w, x, z v1.1.0 and no r, no y',
    scenario: workspace([
      { path: 'example.com/a', dir: 'a', go: '1.18', requires: [req('example.com/b v1.0.0'), req('example.com/z v1.0.0')] },
      { path: 'example.com/p', dir: 'p', go: '1.18', requires: [req('example.com/q v1.0.0')] },
    ], ex5Modules),
    list: ['example.com/a', 'example.com/p', 'example.com/b v1.0.0', 'example.com/q v1.1.0', 'example.com/w v1.0.0', 'example.com/x v1.0.0', 'example.com/z v1.1.0'],
  },
  {
    name: 'oracle-prune-pruned', about: 'oracles §1: main (go 1.17) requires b and d v1.0.0; b → c → d v1.1.0 all go 1.17 ⇒ d v1.0.0',
    scenario: module(main('1.17', pruneMain), pruneModules),
    list: ['example.com/main', 'example.com/b v1.0.0', 'example.com/c v1.0.0', 'example.com/d v1.0.0'],
  },
  {
    name: 'oracle-prune-main-go116', about: 'oracles §1: the same with main at go 1.16 ⇒ d v1.1.0',
    scenario: module(main('1.16', pruneMain), pruneModules),
    list: ['example.com/main', 'example.com/b v1.0.0', 'example.com/c v1.0.0', 'example.com/d v1.1.0'],
  },
  {
    name: 'oracle-prune-dep-go116', about: 'oracles §1: the same with b at go 1.16 (unpruned dependency expanded fully) ⇒ d v1.1.0',
    scenario: module(main('1.17', pruneMain), withGo(pruneModules, 'example.com/b v1.0.0', '1.16')),
    list: ['example.com/main', 'example.com/b v1.0.0', 'example.com/c v1.0.0', 'example.com/d v1.1.0'],
  },
  {
    name: 'oracle-root-sync', about: 'oracles §1: raising root a to v1.3.0 loads a v1.3.0\'s requirements, so c v1.5.0 is listed',
    scenario: module(main('1.17', syncMain), syncModules),
    list: ['example.com/main', 'example.com/a v1.3.0', 'example.com/b v1.0.0', 'example.com/c v1.5.0'],
  },
  {
    name: 'oracle-exclude-drops-edge', about: 'oracles §1: exclude a v1.3.0 removes b → a v1.3.0 (no move to a next version)',
    scenario: module(main('1.17', syncMain, { excludes: [{ path: 'example.com/a', version: 'v1.3.0' }] }), syncModules),
    list: ['example.com/main', 'example.com/a v1.1.0', 'example.com/b v1.0.0'],
  },
  {
    name: 'oracle-exclude-required-version', about: 'semantics §3.9: excluding the version main requires drops the requirement (-mod=mod)',
    scenario: module(main('1.17', syncMain, { excludes: [{ path: 'example.com/a', version: 'v1.1.0' }] }), syncModules),
    list: ['example.com/main', 'example.com/a v1.3.0', 'example.com/b v1.0.0'],
    stderr: 'go: dropping requirement on excluded version example.com/a v1.1.0',
  },
  {
    name: 'oracle-dependency-replace-exclude-ignored', about: 'oracles §1: replace and exclude lines in a dependency\'s go.mod have no effect',
    scenario: module(main('1.17', syncMain), syncModules.map((m) => (m.path === 'example.com/b' ? {
      ...m, excludes: [{ path: 'example.com/a', version: 'v1.3.0' }],
      replaces: [{ oldPath: 'example.com/a', newPath: 'example.com/a', newVersion: 'v1.1.0' }, { oldPath: 'example.com/c', oldVersion: 'v1.5.0', rawDir: '../nowhere' }],
    } : m))),
    list: ['example.com/main', 'example.com/a v1.3.0', 'example.com/b v1.0.0', 'example.com/c v1.5.0'],
  },
  {
    name: 'workspace-duplicate-module-path', about: 'issue 20: two go.work members with one module path — Go 1.19 lets the last one stand for both (its go.mod, its replaces); Go 1.20 refuses',
    scenario: workspace([
      { path: 'example.com/m', dir: 'a', go: '1.18', requires: [req('example.com/B v1.0.0')], replaces: [replaceAToV110] },
      { path: 'example.com/m', dir: 'b', go: '1.18', requires: [req('example.com/C v1.0.0')] },
    ], missionModules),
    list: ['example.com/m', 'example.com/A v1.3.0', 'example.com/C v1.0.0'],
    since: [{ release: '1.20', list: [], stderr: 'go: module example.com/m appears multiple times in workspace' }],
  },
  {
    name: 'mission-max-of-requirements', about: 'mission: B requires A v1.1.0, C requires A v1.3.0, main requires B, C, A v1.1.0 ⇒ A v1.3.0',
    scenario: module(main('1.17', missionMain), missionModules),
    list: missionList,
  },
  {
    name: 'mission-replace-in-main', about: 'mission: replace A => A v1.1.0 in main ⇒ A v1.3.0 is built from v1.1.0',
    scenario: module(main('1.17', missionMain, { replaces: [replaceAToV110] }), missionModules),
    list: ['example.com/main', 'example.com/A v1.3.0 => example.com/A v1.1.0', 'example.com/B v1.0.0', 'example.com/C v1.0.0'],
  },
  {
    name: 'mission-replace-in-dependencies', about: 'mission: the same replace written in B and in C has no effect',
    scenario: module(main('1.17', missionMain), missionModules.map((m) => (m.path === 'example.com/A' ? m : { ...m, replaces: [replaceAToV110] }))),
    list: missionList,
  },
];
