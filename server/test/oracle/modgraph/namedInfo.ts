/**
 * Named scenarios for the `.info` queries of `go list -m all` (server/src/graph/moduleInfo.ts):
 * Go 1.19's modload.moduleInfo → completeFromModCache → Query(path, version) for every listed module
 * that is not replaced and for every replacement by another module version. Each scenario says what
 * `go list -mod=mod -m all` prints for it, read from the file:// proxy (`proxy`) and from the module
 * cache that run filled (`cache`, GOPROXY=off), after `cacheInfo` rewrote some cached `.info` files.
 * test/differential/listInfo.test.ts checks that go still prints that and that our CLI prints
 * exactly what go prints for list, list -json and graph.
 */
import { Source } from './runGoOracle';
import { LocalModule, MainModule, ModuleVersion, Requirement, Scenario } from './scenario';

/** ListExpectation is `go list -m all`'s exit status and stdout or stderr lines ($PROXY = the proxy folder). */
export interface ListExpectation {
  status: number;
  stdout?: string[];
  stderr?: string[];
}

export interface InfoScenario {
  name: string;
  about: string;
  scenario: Scenario;
  /** cached `.info` texts (`path@version` → text, null deletes) set after go's proxy run, before the cache replay */
  cacheInfo?: Record<string, string | null>;
  list: Record<Source, ListExpectation>;
}

function req(spec: string): Requirement {
  const [path, version] = spec.split(' ');
  return { path, version };
}

function mv(spec: string, extra: Partial<ModuleVersion> = {}, ...requires: string[]): ModuleVersion {
  const [path, version] = spec.split(' ');
  return { path, version, go: '1.19', requires: requires.map(req), ...extra };
}

function local(path: string, ...requires: string[]): LocalModule {
  return { path, go: '1.19', requires: requires.map(req) };
}

function main(path: string, requires: string[], extra: Partial<MainModule> = {}): MainModule {
  return { path, go: '1.19', requires: requires.map(req), ...extra };
}

const info = (v: string): string => JSON.stringify({ Version: v, Time: '2023-01-01T00:00:00Z' });
const readingInfo = (path: string, version: string): string => `go: ${path}@${version}: reading file://$PROXY/${path}/@v/${version}.info: no such file or directory`;
const OFF = 'go: module lookup disabled by GOPROXY=off';
const DOTLESS = 'go: malformed module path "B": missing dot in first path element';

/** mainWithLocalA is the brief's example: main-module requires A, replaced by the directory ./A (here ../local/A). */
function mainWithLocalA(...aRequires: string[]): Pick<Scenario, 'main' | 'locals'> {
  return {
    main: main('main-module', ['A v0.0.0'], { replaces: [{ oldPath: 'A', local: 'A' }] }),
    locals: { A: local('A', ...aRequires) },
  };
}

export const infoScenarios: InfoScenario[] = [
  {
    name: 'info-missing-dependency',
    about: 'a dependency of a directory replacement that no source has: its go.mod is not needed (pruned), its .info is',
    scenario: { modules: [], ...mainWithLocalA('example.com/b v0.0.0') },
    list: {
      proxy: { status: 1, stderr: [readingInfo('example.com/b', 'v0.0.0')] },
      cache: { status: 1, stderr: [OFF] },
    },
  },
  {
    name: 'info-not-served',
    about: 'the proxy serves a version\'s .mod but not its .info: go mod graph works, go list -m all fails',
    scenario: {
      modules: [mv('example.com/a v1.0.0', { info: null }), mv('example.com/d v1.0.0')], locals: {},
      main: main('example.com/main', ['example.com/a v1.0.0', 'example.com/d v1.0.0']),
    },
    list: {
      proxy: { status: 1, stderr: [readingInfo('example.com/a', 'v1.0.0')] },
      cache: { status: 1, stderr: [OFF] },
    },
  },
  {
    name: 'info-dotless-path',
    about: 'a module path without a dot fails CheckPath before any lookup',
    scenario: { modules: [], ...mainWithLocalA('B v0.0.0') },
    list: { proxy: { status: 1, stderr: [DOTLESS] }, cache: { status: 1, stderr: [DOTLESS] } },
  },
  {
    name: 'info-error-order',
    about: 'one error line per failed module, in build-list order (B < example.com/b < example.com/c), the others succeed',
    scenario: {
      modules: [mv('example.com/ok v1.0.0')],
      ...mainWithLocalA('example.com/c v0.0.0', 'B v0.0.0', 'example.com/ok v1.0.0', 'example.com/b v0.0.0'),
    },
    list: {
      proxy: { status: 1, stderr: [DOTLESS, readingInfo('example.com/b', 'v0.0.0'), readingInfo('example.com/c', 'v0.0.0')] },
      cache: { status: 1, stderr: [DOTLESS, OFF, OFF] },
    },
  },
  {
    name: 'info-replacement-not-served',
    about: 'a replacement by a version without .info only sets Replace.Error (-json); a path replaced at that version answers itself',
    scenario: {
      modules: [
        mv('example.com/fork v1.0.0', { info: null, declares: 'example.com/a', go: '1.18' }),
        mv('example.com/c v1.1.0', { info: null, go: '1.17' }),
      ],
      locals: {},
      main: main('example.com/main', ['example.com/a v1.0.0', 'example.com/c v1.0.0'], {
        replaces: [
          { oldPath: 'example.com/a', newPath: 'example.com/fork', newVersion: 'v1.0.0' },
          { oldPath: 'example.com/c', newPath: 'example.com/c', newVersion: 'v1.1.0' },
        ],
      }),
    },
    list: {
      proxy: { status: 0, stdout: ['example.com/main', 'example.com/a v1.0.0 => example.com/fork v1.0.0', 'example.com/c v1.0.0 => example.com/c v1.1.0'] },
      cache: { status: 0, stdout: ['example.com/main', 'example.com/a v1.0.0 => example.com/fork v1.0.0', 'example.com/c v1.0.0 => example.com/c v1.1.0'] },
    },
  },
  {
    name: 'info-directory-replacement',
    about: 'a directory replacement needs no .info, and the module it replaces is not looked up at all',
    scenario: {
      modules: [], locals: { d: local('example.com/d') },
      main: main('example.com/main', ['example.com/d v1.0.0'], { replaces: [{ oldPath: 'example.com/d', oldVersion: 'v1.0.0', local: 'd' }] }),
    },
    list: {
      proxy: { status: 0, stdout: ['example.com/main', 'example.com/d v1.0.0 => ../local/d'] },
      cache: { status: 0, stdout: ['example.com/main', 'example.com/d v1.0.0 => ../local/d'] },
    },
  },
  {
    name: 'info-cached-other-version',
    about: 'a cached .info is trusted as written: another Version is listed, none lists the path alone',
    scenario: {
      modules: [mv('example.com/a v1.0.0'), mv('example.com/b v1.0.0'), mv('example.com/c v1.0.0')], locals: {},
      main: main('example.com/main', ['example.com/a v1.0.0', 'example.com/b v1.0.0', 'example.com/c v1.0.0']),
    },
    cacheInfo: { 'example.com/a@v1.0.0': info('v1.0.7'), 'example.com/b@v1.0.0': '{}' },
    list: {
      proxy: { status: 0, stdout: ['example.com/main', 'example.com/a v1.0.0', 'example.com/b v1.0.0', 'example.com/c v1.0.0'] },
      cache: { status: 0, stdout: ['example.com/main', 'example.com/a v1.0.7', 'example.com/b', 'example.com/c v1.0.0'] },
    },
  },
  {
    name: 'info-cached-replacement-other-version',
    about: 'a replacement\'s cached .info naming another version changes Replace.Version (and the go line -json reads: that version\'s, absent here)',
    scenario: {
      modules: [mv('example.com/fork v1.0.0', { declares: 'example.com/a', go: '1.18' })], locals: {},
      main: main('example.com/main', ['example.com/a v1.0.0'], { replaces: [{ oldPath: 'example.com/a', newPath: 'example.com/fork', newVersion: 'v1.0.0' }] }),
    },
    cacheInfo: { 'example.com/fork@v1.0.0': info('v1.0.1') },
    list: {
      proxy: { status: 0, stdout: ['example.com/main', 'example.com/a v1.0.0 => example.com/fork v1.0.0'] },
      cache: { status: 0, stdout: ['example.com/main', 'example.com/a v1.0.0 => example.com/fork v1.0.1'] },
    },
  },
  {
    name: 'info-cached-corrupt',
    about: 'a cached .info json.Unmarshal rejects (not JSON, a bad Time, a non-string Origin field) counts as not cached',
    scenario: {
      modules: [mv('example.com/a v1.0.0'), mv('example.com/b v1.0.0'), mv('example.com/c v1.0.0'), mv('example.com/d v1.0.0')], locals: {},
      main: main('example.com/main', ['example.com/a v1.0.0', 'example.com/b v1.0.0', 'example.com/c v1.0.0', 'example.com/d v1.0.0']),
    },
    cacheInfo: {
      'example.com/a@v1.0.0': 'not json\n',
      'example.com/b@v1.0.0': '{"Version":"v1.0.0","Time":"yesterday"}',
      'example.com/d@v1.0.0': '{"Version":"v1.0.0","Time":"2023-01-01T00:00:00Z","Origin":{"VCS":5}}',
    },
    list: {
      proxy: { status: 0, stdout: ['example.com/main', 'example.com/a v1.0.0', 'example.com/b v1.0.0', 'example.com/c v1.0.0', 'example.com/d v1.0.0'] },
      cache: { status: 1, stderr: [OFF, OFF, OFF] },
    },
  },
  {
    name: 'info-proxy-other-version',
    about: 'a proxy .info naming another version is refused (and not cached)',
    scenario: {
      modules: [mv('example.com/a v1.0.0', { info: info('v1.0.1') })], locals: {},
      main: main('example.com/main', ['example.com/a v1.0.0']),
    },
    list: {
      proxy: { status: 1, stderr: ['go: example.com/a@v1.0.0: proxy returned info for version v1.0.1 instead of requested version'] },
      cache: { status: 1, stderr: [OFF] },
    },
  },
  {
    name: 'info-workspace',
    about: 'workspace mode queries the same way',
    scenario: {
      modules: [mv('example.com/a v1.0.0', { info: null }), mv('example.com/d v1.0.0')], locals: {},
      workspace: {
        go: '1.19', replaces: [],
        members: [
          { path: 'example.com/m1', dir: 'm1', go: '1.19', requires: [req('example.com/a v1.0.0')] },
          { path: 'example.com/m2', dir: 'm2', go: '1.19', requires: [req('example.com/d v1.0.0')] },
        ],
      },
    },
    list: {
      proxy: { status: 1, stderr: [readingInfo('example.com/a', 'v1.0.0')] },
      cache: { status: 1, stderr: [OFF] },
    },
  },
];
