// resolveGoEnv against the rules of cmd/go internal/cfg (GOENV file, envOr defaults, GOPATH checks),
// table-driven; every expectation marked "go env" was produced by Go 1.19's `go env`, and the last
// block re-checks a set of cases against the real go command when it is installed.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GoEnv, envFilePath, parseEnvFile, parseGoFlags, readTextFile, resolveGoEnv } from '../../src/node/goEnv';
import { telemetryOff } from '../oracle/env';
import { describeEachGo } from '../oracle/suites';

type Env = Record<string, string | undefined>;

/** files makes a ReadTextFile over an in-memory map and records what was read. */
function files(map: Record<string, string>, log: string[] = []) {
  return (p: string): string | undefined => {
    log.push(p);
    return map[p];
  };
}

describe('node/goEnv: resolveGoEnv', () => {
  const home = '/home/u';
  const cases: { name: string; env: Env; files?: Record<string, string>; want: Partial<GoEnv>; problems?: string[] }[] = [
    {
      name: 'defaults come from HOME (go env)',
      env: { HOME: home },
      want: {
        gopath: '/home/u/go', gomodcache: '/home/u/go/pkg/mod', goproxy: 'https://proxy.golang.org,direct', gonoproxy: '',
        gonosumdb: '', goprivate: '', gosumdb: 'sum.golang.org', gowork: '', go111module: '', gotoolchain: 'auto', envFile: '/home/u/.config/go/env',
      },
    },
    { name: 'GOMODCACHE under the first GOPATH entry (go env)', env: { HOME: home, GOPATH: '/a:/b' }, want: { gopath: '/a:/b', gomodcache: '/a/pkg/mod' } },
    {
      name: 'an empty first GOPATH entry leaves no module cache (go env)', env: { HOME: home, GOPATH: ':/b' },
      want: { gomodcache: '' }, problems: ['module cache not found: neither GOMODCACHE nor GOPATH is set'],
    },
    {
      name: 'a relative GOPATH entry is refused (go env)', env: { HOME: home, GOPATH: 'rel' },
      want: { gopath: 'rel' },
      problems: ["go: GOPATH entry is relative; must be absolute path: \"rel\".\nFor more details see: 'go help gopath'",
        'GOMODCACHE entry is relative; must be absolute path: "rel/pkg/mod".'],
    },
    { name: 'a GOPATH entry starting with ~', env: { HOME: home, GOPATH: '~/go' }, want: {}, problems: ["go: GOPATH entry cannot start with shell metacharacter '~': \"~/go\"", 'GOMODCACHE entry is relative; must be absolute path: "~/go/pkg/mod".'] },
    { name: 'an inferred relative GOPATH is dropped, not refused', env: { HOME: 'rel' }, want: { gopath: '' }, problems: ['module cache not found: neither GOMODCACHE nor GOPATH is set'] },
    { name: 'no HOME, no GOPATH', env: {}, want: { gopath: '', envFile: '' }, problems: ['module cache not found: neither GOMODCACHE nor GOPATH is set'] },
    { name: 'GOMODCACHE wins over GOPATH', env: { HOME: home, GOMODCACHE: '/cache' }, want: { gomodcache: '/cache' } },
    { name: 'GOPRIVATE is the default of GONOPROXY and GONOSUMDB (go env)', env: { HOME: home, GOPRIVATE: '*.corp.example.com' }, want: { gonoproxy: '*.corp.example.com', gonosumdb: '*.corp.example.com' } },
    { name: 'an explicit GONOPROXY keeps GOPRIVATE out of the proxy rule (go env)', env: { HOME: home, GOPRIVATE: 'x', GONOPROXY: 'none' }, want: { gonoproxy: 'none', gonosumdb: 'x' } },
    {
      name: 'the GOENV file fills unset and empty variables (go env)',
      env: { HOME: home, GOPROXY: '', GOSUMDB: 'off' },
      files: { '/home/u/.config/go/env': 'GOPROXY=file:///from/file\nGOSUMDB=sum.example\nGOPRIVATE=corp.example\n' },
      want: { goproxy: 'file:///from/file', gosumdb: 'off', goprivate: 'corp.example', gonoproxy: 'corp.example' },
    },
    {
      name: 'env file lines are taken verbatim: CR kept, spaced keys and lowercase keys ignored (go env)',
      env: { HOME: home },
      files: { '/home/u/.config/go/env': 'GOFLAGS=-mod=vendor\r\nGONOSUMDB =x\nlower=1\n# GOPROXY=c\n=v\nGOSUMDB=a=b\n' },
      want: { gonosumdb: '', gosumdb: 'a=b', goproxy: 'https://proxy.golang.org,direct' },
    },
    { name: 'GOENV=off ignores the file (go env)', env: { HOME: home, GOENV: 'off' }, files: { '/home/u/.config/go/env': 'GOPROXY=x\n' }, want: { goproxy: 'https://proxy.golang.org,direct', envFile: '' } },
    { name: 'GOENV names the file (go env)', env: { HOME: home, GOENV: '/etc/goenv' }, files: { '/etc/goenv': 'GOPROXY=y\n' }, want: { goproxy: 'y', envFile: '/etc/goenv' } },
    { name: 'GOENV inside the file does not move the file (go env)', env: { HOME: home }, files: { '/home/u/.config/go/env': 'GOENV=off\nGOPROXY=p\n' }, want: { goproxy: 'p' } },
    { name: 'XDG_CONFIG_HOME holds the file (go env)', env: { HOME: home, XDG_CONFIG_HOME: '/xdg' }, files: { '/xdg/go/env': 'GOPROXY=xdg\n' }, want: { goproxy: 'xdg', envFile: '/xdg/go/env' } },
    { name: 'a relative XDG_CONFIG_HOME means no file (Go 1.20+)', env: { HOME: home, XDG_CONFIG_HOME: 'xdg' }, want: { envFile: '' } },
    {
      name: '$GOROOT/go.env is the last layer before the defaults (Go 1.21+)',
      env: { HOME: home, GOROOT: '/goroot' },
      files: { '/goroot/go.env': 'GOPROXY=https://corp.example,direct\nGOTOOLCHAIN=local\nGOSUMDB=off\n', '/home/u/.config/go/env': 'GOSUMDB=sum.corp\n' },
      want: { goproxy: 'https://corp.example,direct', gotoolchain: 'local', gosumdb: 'sum.corp', goroot: '/goroot' },
    },
    {
      name: 'the default GOPATH is never GOROOT', env: { HOME: '/usr/local', GOROOT: '/usr/local/go' },
      want: { gopath: '' }, problems: ['module cache not found: neither GOMODCACHE nor GOPATH is set'],
    },
    { name: 'GOWORK, GO111MODULE, GOTOOLCHAIN, GOINSECURE pass through', env: { HOME: home, GOWORK: 'off', GO111MODULE: 'auto', GOTOOLCHAIN: 'go1.22.1+auto', GOINSECURE: 'x.example' }, want: { gowork: 'off', go111module: 'auto', gotoolchain: 'go1.22.1+auto', goinsecure: 'x.example' } },
    { name: 'an unknown GO111MODULE is a problem', env: { HOME: home, GO111MODULE: 'bogus' }, want: {}, problems: ['go: unknown environment setting GO111MODULE=bogus'] },
    { name: 'GOFLAGS problems are reported', env: { HOME: home, GOFLAGS: 'mod=vendor' }, want: {}, problems: ['go: parsing $GOFLAGS: non-flag "mod=vendor"'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = resolveGoEnv(c.env, files(c.files ?? {}), { platform: 'linux' });
      for (const [k, v] of Object.entries(c.want)) assert.deepEqual(got[k as keyof GoEnv], v, k);
      assert.deepEqual(got.problems, c.problems ?? []);
    });
  }

  it('records where each value came from', () => {
    const got = resolveGoEnv({ HOME: home, GOPRIVATE: 'p', GOROOT: '/r' },
      files({ '/home/u/.config/go/env': 'GOSUMDB=s\n', '/r/go.env': 'GOTOOLCHAIN=local\n' }), { platform: 'linux' });
    assert.equal(got.sources.GOPRIVATE, 'env');
    assert.equal(got.sources.GOSUMDB, 'file');
    assert.equal(got.sources.GOTOOLCHAIN, 'goroot');
    assert.equal(got.sources.GOPROXY, 'default');
    assert.equal(got.sources.GONOPROXY, 'default');
    assert.equal(got.sources.GOPATH, 'default');
  });

  it('does not read any file with GOENV=off and no GOROOT', () => {
    const log: string[] = [];
    resolveGoEnv({ HOME: home, GOENV: 'off' }, files({}, log), { platform: 'linux' });
    assert.deepEqual(log, []);
  });

  it('treats a throwing reader as a missing file', () => {
    const got = resolveGoEnv({ HOME: home }, () => {
      throw new Error('EACCES');
    }, { platform: 'linux' });
    assert.equal(got.goproxy, 'https://proxy.golang.org,direct');
  });

  it('follows Windows conventions: USERPROFILE, %AppData%, `;` lists', () => {
    const got = resolveGoEnv({ USERPROFILE: 'C:\\Users\\u', AppData: 'C:\\Users\\u\\AppData\\Roaming', GOPATH: 'C:\\a;D:\\b' },
      files({ 'C:\\Users\\u\\AppData\\Roaming\\go\\env': 'GOPROXY=w\n' }), { platform: 'win32' });
    assert.equal(got.gomodcache, 'C:\\a\\pkg\\mod');
    assert.equal(got.goproxy, 'w');
    assert.equal(resolveGoEnv({ USERPROFILE: 'C:\\Users\\u' }, undefined, { platform: 'win32' }).gopath, 'C:\\Users\\u\\go');
  });

  it('finds the macOS config directory', () => {
    assert.equal(envFilePath({ HOME: '/Users/u' }, 'darwin'), '/Users/u/Library/Application Support/go/env');
  });
});

describe('node/goEnv: parseEnvFile and parseGoFlags', () => {
  it('parseEnvFile keeps the last value of a key', () => {
    assert.deepEqual([...parseEnvFile('A=1\nA=2\nB=\n')], [['A', '2'], ['B', '']]);
  });

  const flagCases: [string, string, string[]][] = [
    ['-mod=vendor -modcacherw', 'vendor', []],
    ['--mod=mod', 'mod', []],
    ['-mod=readonly\t-mod=vendor', 'vendor', []],
    ['-mod=', '', []],
    ['-mod=mod\u00a0-x', 'mod', []], // strings.Fields splits at U+00A0 too
    ['-mod', '', ['go: flag needs an argument: -mod (from $GOFLAGS)']],
    ['mod=vendor - -- ---x -=a', '', ['go: parsing $GOFLAGS: non-flag "mod=vendor"', 'go: parsing $GOFLAGS: non-flag "-"',
      'go: parsing $GOFLAGS: non-flag "--"', 'go: parsing $GOFLAGS: non-flag "---x"', 'go: parsing $GOFLAGS: non-flag "-=a"']],
    ['-modfile=x.mod', '', []],
  ];
  for (const [input, mod, errors] of flagCases) {
    it(`parseGoFlags(${JSON.stringify(input)})`, () => {
      const got = parseGoFlags(input);
      assert.equal(got.mod, mod);
      assert.deepEqual(got.errors, errors);
      assert.equal(got.raw, input);
    });
  }
});

describeEachGo('node/goEnv: agrees with `go env` (oracle)', function (oracle) {
  let dir = '';
  before(function () {
    dir = telemetryOff(mkdtempSync(join(tmpdir(), 'gml-goenv-')));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const cases: { env: Env; file?: string }[] = [
    { env: {} },
    { env: { GOPATH: '/a:/b' } },
    { env: { GOPRIVATE: '*.corp.example.com,x' } },
    { env: { GOPRIVATE: 'x', GONOPROXY: 'none', GONOSUMDB: 'y' } },
    { env: { GOPROXY: '' }, file: 'GOPROXY=file:///from/file\nGOPRIVATE=corp.example\nGOFLAGS=-mod=vendor\r\nGONOSUMDB =x\nlower=1\nGOSUMDB=a=b\n' },
    { env: { GOPROXY: 'direct', GOMODCACHE: '/elsewhere' }, file: 'GOPROXY=p\nGOMODCACHE=/m\nGOPATH=/gp\n' },
    { env: { GOFLAGS: '-mod=mod -modcacherw' }, file: 'GOFLAGS=-mod=vendor\n' },
  ];
  cases.forEach((c, i) => {
    it(`case ${i}: ${JSON.stringify(c)}`, () => {
      const home = telemetryOff(join(dir, `home${i}`));
      mkdirSync(join(home, '.config', 'go'), { recursive: true });
      if (c.file !== undefined) writeFileSync(join(home, '.config', 'go', 'env'), c.file);
      const env: Env = { PATH: process.env.PATH, HOME: home, GOCACHE: join(dir, 'gocache'), GOTOOLCHAIN: 'local', ...c.env };
      const out = execFileSync(oracle.bin, ['env', '-json'], { env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
      const go = JSON.parse(out) as Record<string, string>;
      const ours = resolveGoEnv(env, readTextFile, { platform: 'linux' });
      const pick = (e: GoEnv) => ({
        GOPATH: e.gopath, GOMODCACHE: e.gomodcache, GOPROXY: e.goproxy, GONOPROXY: e.gonoproxy, GONOSUMDB: e.gonosumdb,
        GOPRIVATE: e.goprivate, GOSUMDB: e.gosumdb, GOFLAGS: e.goflags.raw, GOINSECURE: e.goinsecure, GOENV: e.envFile,
      });
      const want = pick(ours);
      const got = Object.fromEntries(Object.keys(want).map((k) => [k, go[k] ?? '']));
      assert.deepEqual(want, got);
    });
  });
});
