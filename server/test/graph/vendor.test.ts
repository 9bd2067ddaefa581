// vendor/modules.txt: parsing, the consistency check against go.mod and the default -mod. MODULES_TXT
// below was written by Go 1.19's `go mod vendor` for MAIN_GO_MOD (dependencies served from a file://
// proxy); the expected messages are Go's (checked with `go list -m`, see the oracle block at the end).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  VendorGoMod, formatInconsistentVendoring, parseModulesTxt, vendorConsistencyErrors, vendorModeDefault,
} from '../../src/graph/vendor';
import { parseModFile } from '../../src/syntax/modfile';
import { noShared, sharedDir } from '../oracle/env';
import { note } from '../support/notes';
import { telemetryOff } from '../oracle/env';
import { describeEachGo } from '../oracle/suites';

const MAIN_GO_MOD = `module example.com/main

go 1.17

require (
\texample.com/Upper v1.2.0
\texample.com/dep v1.0.0
\texample.com/local v0.0.0
\texample.com/old v1.5.0
\texample.com/unused v1.0.0
)

require example.com/indirect v0.1.0 // indirect

replace example.com/old v1.5.0 => example.com/new v1.0.0

replace example.com/local => ./local

replace example.com/nothere => ./nothere
`;

const MODULES_TXT = `# example.com/Upper v1.2.0
## explicit; go 1.20
example.com/Upper
# example.com/dep v1.0.0
## explicit; go 1.17
example.com/dep
example.com/dep/sub
# example.com/indirect v0.1.0
## explicit
example.com/indirect
# example.com/local v0.0.0 => ./local
## explicit; go 1.19
example.com/local
# example.com/old v1.5.0 => example.com/new v1.0.0
## explicit; go 1.18
example.com/old
# example.com/unused v1.0.0
## explicit
# example.com/local => ./local
# example.com/nothere => ./nothere
`;

function goModOf(text: string): VendorGoMod {
  const f = parseModFile(text);
  assert.deepEqual(f.errors, []);
  return { modulePath: f.module?.path, require: f.require.map((r) => r.mod), replace: f.replace.map((r) => ({ old: r.old, new: r.new })) };
}

describe('graph/vendor: parseModulesTxt', () => {
  it('reads what go mod vendor writes', () => {
    const txt = parseModulesTxt(MODULES_TXT);
    assert.equal(txt.workspace, false);
    assert.deepEqual(txt.modules.map((m) => [m.path, m.version, m.replacement ?? null, m.explicit, m.goVersion, m.packages, m.line]), [
      ['example.com/Upper', 'v1.2.0', null, true, '1.20', ['example.com/Upper'], 0],
      ['example.com/dep', 'v1.0.0', null, true, '1.17', ['example.com/dep', 'example.com/dep/sub'], 3],
      ['example.com/indirect', 'v0.1.0', null, true, '', ['example.com/indirect'], 7],
      ['example.com/local', 'v0.0.0', { path: './local', version: '' }, true, '1.19', ['example.com/local'], 10],
      ['example.com/old', 'v1.5.0', { path: 'example.com/new', version: 'v1.0.0' }, true, '1.18', ['example.com/old'], 13],
      ['example.com/unused', 'v1.0.0', null, true, '', [], 16],
      ['example.com/local', '', { path: './local', version: '' }, false, '', [], 18],
      ['example.com/nothere', '', { path: './nothere', version: '' }, false, '', [], 19],
    ]);
    assert.deepEqual(txt.vendorList.map((m) => `${m.path}@${m.version}`), [
      'example.com/Upper@v1.2.0', 'example.com/dep@v1.0.0', 'example.com/indirect@v0.1.0', 'example.com/local@v0.0.0', 'example.com/old@v1.5.0',
    ]);
    assert.deepEqual(txt.replaced.map((m) => `${m.path}@${m.version}`), [
      'example.com/local@v0.0.0', 'example.com/old@v1.5.0', 'example.com/local@', 'example.com/nothere@',
    ]);
  });

  it('follows readVendorList on odd input', () => {
    const txt = parseModulesTxt([
      '## workspace', // first line: modules.txt of `go work vendor`
      'orphan/package', // before any header: ignored
      '# a.example/m v1.0.0\r',
      '## explicit\r',
      '# too-short', // fewer than three words: skipped, a.example/m stays current
      'a.example/m/p\r',
      '# a.example/m v1.0.0 => b.example/m v1.1.0',
      '## go 1.21; future-annotation',
      '# c.example/m notaversion', // not understood: ends the current module
      'c.example/m/lost',
      '# d.example/m v1.2.0 => e.example/m x y', // replacement not understood: ignored
      'not a/package', // two words: not a package
      'bad//x', // invalid import path
      '# a.example/m v1.1.0',
      'a.example/m/q',
      '# a.example/m v1.0.5',
      'a.example/m/r', // lower than v1.1.0: not selected again
      '',
    ].join('\n'));
    assert.equal(txt.workspace, true);
    const a = txt.modules[0];
    assert.deepEqual([a.path, a.version, a.explicit, a.goVersion, a.packages, a.replacement], ['a.example/m', 'v1.0.0', true, '1.21', ['a.example/m/p'], { path: 'b.example/m', version: 'v1.1.0' }]);
    assert.deepEqual(txt.modules.map((m) => `${m.path}@${m.version}:${m.packages.length}`), ['a.example/m@v1.0.0:1', 'd.example/m@v1.2.0:0', 'a.example/m@v1.1.0:1', 'a.example/m@v1.0.5:1']);
    assert.deepEqual(txt.vendorList.map((m) => m.version), ['v1.0.0', 'v1.1.0']);
    assert.deepEqual(txt.replaced.map((m) => m.path), ['a.example/m']);
    assert.deepEqual(parseModulesTxt(''), { modules: [], vendorList: [], replaced: [], workspace: false });
  });
});

describe('graph/vendor: vendorConsistencyErrors', () => {
  const txt = parseModulesTxt(MODULES_TXT);

  it('finds nothing wrong with the go.mod that produced modules.txt', () => {
    assert.deepEqual(vendorConsistencyErrors(txt, goModOf(MAIN_GO_MOD), '1.17'), []);
  });

  const drifted = MAIN_GO_MOD.replace('example.com/dep v1.0.0', 'example.com/dep v1.0.1')
    .replace('=> example.com/new v1.0.0', '=> example.com/new v1.0.2')
    .replace('replace example.com/nothere => ./nothere', 'replace example.com/extra v1.0.0 => ./extra');

  it('reports drift in Go 1.22+ wording', () => {
    const issues = vendorConsistencyErrors(txt, goModOf(drifted), '1.17');
    assert.deepEqual(issues.map((i) => [i.code, i.message, i.index ?? null]), [
      ['require-not-explicit', 'example.com/dep@v1.0.1: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt', 1],
      ['replace-differs', 'example.com/old@v1.5.0: is replaced by example.com/new@v1.0.2 in go.mod, but marked as replaced by example.com/new@v1.0.0 in vendor/modules.txt', 0],
      ['replace-not-vendored', 'example.com/extra@v1.0.0: is replaced in go.mod, but not marked as replaced in vendor/modules.txt', 2],
      ['explicit-not-required', 'example.com/dep@v1.0.0: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod', null],
      ['replaced-only-in-vendor', 'example.com/nothere: is marked as replaced in vendor/modules.txt, but not replaced in go.mod', null],
    ]);
    assert.equal(formatInconsistentVendoring('/w/main', issues), [
      'go: inconsistent vendoring in /w/main:',
      '\texample.com/dep@v1.0.1: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt',
      '\texample.com/old@v1.5.0: is replaced by example.com/new@v1.0.2 in go.mod, but marked as replaced by example.com/new@v1.0.0 in vendor/modules.txt',
      '\texample.com/extra@v1.0.0: is replaced in go.mod, but not marked as replaced in vendor/modules.txt',
      '\texample.com/dep@v1.0.0: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod',
      '\texample.com/nothere: is marked as replaced in vendor/modules.txt, but not replaced in go.mod',
      '',
      '\tTo ignore the vendor directory, use -mod=readonly or -mod=mod.',
      '\tTo sync the vendor directory, run:',
      '\t\tgo mod vendor',
    ].join('\n'));
  });

  it('only flags contradictions below go 1.14 (or without a go line)', () => {
    const old = drifted.replace('replace example.com/extra v1.0.0 => ./extra', 'replace example.com/extra v1.0.0 => ./extra\nreplace example.com/extra2 => ./extra2');
    for (const v of ['1.13', '', undefined]) {
      assert.deepEqual(vendorConsistencyErrors(txt, goModOf(old), v).map((i) => i.message), [
        'example.com/dep@v1.0.1: is explicitly required in go.mod, but vendor/modules.txt indicates example.com/dep@v1.0.0',
        'example.com/old@v1.5.0: is replaced by example.com/new@v1.0.2 in go.mod, but marked as replaced by example.com/new@v1.0.0 in vendor/modules.txt',
        'example.com/dep@v1.0.0: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod',
        'example.com/nothere: is marked as replaced in vendor/modules.txt, but not replaced in go.mod',
      ]);
    }
  });

  it('reports vendored modules that need a newer Go than the local toolchain', () => {
    const issues = vendorConsistencyErrors(txt, goModOf(MAIN_GO_MOD), '1.17', { localGoVersion: '1.19' });
    assert.deepEqual(issues.map((i) => [i.code, i.message]), [['go-too-new', 'example.com/Upper@v1.2.0: requires go >= 1.20 (running go 1.19)']]);
    assert.ok(!formatInconsistentVendoring('/d', issues).includes('Upper'));
  });

  it('does not count a wildcard replace of the main module itself', () => {
    const gm = goModOf(MAIN_GO_MOD + 'replace example.com/main => ./elsewhere\n');
    assert.deepEqual(vendorConsistencyErrors(txt, gm, '1.17'), []);
  });
});

describe('graph/vendor: vendorModeDefault', () => {
  const cases: [string, string | undefined, boolean, string | undefined, object, object][] = [
    ['no vendor directory', '1.17', false, undefined, {}, { mod: 'readonly', explicit: false, reason: '' }],
    ['go 1.14 and a vendor directory', '1.14', true, undefined, {}, { mod: 'vendor', explicit: false, reason: 'Go version in go.mod is at least 1.14 and vendor directory exists.' }],
    ['go 1.21.0', '1.21.0', true, '', {}, { mod: 'vendor', explicit: false, reason: 'Go version in go.mod is at least 1.14 and vendor directory exists.' }],
    ['go 1.13', '1.13', true, undefined, {}, { mod: 'readonly', explicit: false, reason: 'Go version in go.mod is 1.13, so vendor directory was not used.' }],
    ['no go line', undefined, true, undefined, {}, { mod: 'readonly', explicit: false, reason: 'Go version in go.mod is unspecified, so vendor directory was not used.' }],
    ['-mod=mod wins', '1.17', true, 'mod', {}, { mod: 'mod', explicit: true, reason: '' }],
    ['-mod=vendor without a vendor dir', '1.17', false, 'vendor', {}, { mod: 'vendor', explicit: true, reason: '' }],
    ['-mod=bogus', '1.17', true, 'bogus', {}, { mod: 'readonly', explicit: true, reason: '', error: "-mod=bogus not supported (can be '', 'mod', 'readonly', or 'vendor')" }],
    ['workspace vendoring', '1.22', true, undefined, { workspace: true, vendorIsForWorkspace: true }, { mod: 'vendor', explicit: false, reason: 'Go version in go.work is at least 1.14 and vendor directory exists.' }],
    ['a module vendor dir in workspace mode', '1.22', true, undefined, { workspace: true }, { mod: 'readonly', explicit: false, reason: 'In workspace mode, but vendor directory is not for a workspace' }],
    ['a workspace vendor dir in module mode', '1.22', true, undefined, { vendorIsForWorkspace: true }, { mod: 'readonly', explicit: false, reason: 'Outside workspace mode, but vendor directory is for a workspace.' }],
    ['-mod=mod in workspace mode', '1.22', false, 'mod', { workspace: true }, {
      mod: 'mod', explicit: true, reason: '',
      error: 'go: -mod may only be set to readonly or vendor when in workspace mode, but it is set to "mod"\n\tRemove the -mod flag to use the default readonly value, \n\tor set GOWORK=off to disable workspace mode.',
    }],
  ];
  for (const [name, go, hasVendor, flag, opts, want] of cases) {
    it(name, () => assert.deepEqual(vendorModeDefault(go, hasVendor, flag, opts), want));
  }
});

describe('graph/vendor: the shared corpus', () => {
  const shared = sharedDir();
  const files = ['grafana__loki', 'moby__moby', 'moby__moby/man', 'containerd__containerd'];
  for (const f of files) {
    it(`${f}/vendor/modules.txt is consistent with its go.mod`, function () {
      if (shared === undefined) {
        note(`graph/vendor corpus: ${noShared}`);
        if (this.test) this.test.title += ` (${noShared})`;
        this.skip();
      }
      const dir = join(shared, 'corpus', f);
      const txt = parseModulesTxt(readFileSync(join(dir, 'vendor/modules.txt'), 'utf8'));
      const gm = parseModFile(readFileSync(join(dir, 'go.mod'), 'utf8'));
      assert.ok(txt.modules.length > 0 && txt.vendorList.length > 0);
      const goMod: VendorGoMod = { modulePath: gm.module?.path, require: gm.require.map((r) => r.mod), replace: gm.replace.map((r) => ({ old: r.old, new: r.new })) };
      assert.deepEqual(vendorConsistencyErrors(txt, goMod, gm.go?.version).map((i) => i.message), []);
      const packages = txt.modules.reduce((n, m) => n + m.packages.length, 0);
      const packageLines = readFileSync(join(dir, 'vendor/modules.txt'), 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#')).length;
      assert.equal(packages, packageLines, 'every non-comment line is a package');
    });
  }
});

describeEachGo('graph/vendor: agrees with `go list -m` on vendoring (oracle)', function (oracle) {
  let dir = '';
  before(function () {
    dir = telemetryOff(mkdtempSync(join(tmpdir(), 'gml-vendor-go-')));
  });
  after(() => {
    if (dir && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  });

  /** goListM runs `go list -m` in a copy of the main module with the given go.mod, GOFLAGS and vendor dir. */
  const goListM = (name: string, goMod: string, goflags: string, withVendor: boolean) => new Promise<string>((done) => {
    const d = join(dir, name);
    mkdirSync(join(d, withVendor ? 'vendor' : ''), { recursive: true });
    writeFileSync(join(d, 'go.mod'), goMod);
    if (withVendor) writeFileSync(join(d, 'vendor/modules.txt'), MODULES_TXT);
    execFile(oracle.bin, ['list', '-m'], {
      cwd: d,
      env: {
        PATH: process.env.PATH, HOME: dir, GOPROXY: 'off', GOSUMDB: 'off', GOFLAGS: goflags, GOENV: 'off', GOWORK: 'off', GOTOOLCHAIN: 'local',
        GO111MODULE: 'on', GOMODCACHE: join(dir, 'modcache'), GOPATH: join(dir, 'gopath'), GOCACHE: join(dir, 'gocache'),
      },
    }, (err, _stdout, stderr) => done(err ? stderr : ''));
  });

  // Go 1.19 also printed "is marked as replaced by X in vendor/modules.txt, but replaced by Y in go.mod"
  // after the explicit-requirement lines; Go 1.22 dropped it as a duplicate of the replace-differs line.
  const drop119 = (s: string) => s.split('\n').filter((l) => !/is marked as replaced by .* but replaced by /.test(l)).join('\n');
  const mutations: [string, (s: string) => string][] = [
    ['as vendored', (s) => s],
    ['dep bumped', (s) => s.replace('example.com/dep v1.0.0', 'example.com/dep v1.0.1')],
    ['replacement moved', (s) => s.replace('=> example.com/new v1.0.0', '=> example.com/new v1.0.2')],
    ['replace added and dropped', (s) => s.replace('replace example.com/nothere => ./nothere', 'replace example.com/extra v1.0.0 => ./extra')],
    ['explicit dropped', (s) => s.replace('\texample.com/unused v1.0.0\n', '').replace('\texample.com/Upper v1.2.0\n', '')],
    ['go 1.13', (s) => s.replace('go 1.17', 'go 1.13').replace('example.com/dep v1.0.0', 'example.com/dep v1.0.1')],
  ];
  mutations.forEach(([name, mutate], i) => {
    it(name, async () => {
      const text = mutate(MAIN_GO_MOD);
      const stderr = drop119(await goListM(`m${i}`, text, '-mod=vendor', true));
      const gm = parseModFile(text);
      const issues = vendorConsistencyErrors(parseModulesTxt(MODULES_TXT), goModOf(text), gm.go?.version);
      assert.equal(stderr, issues.length === 0 ? '' : formatInconsistentVendoring(join(dir, `m${i}`), issues) + '\n');
    });
  });

  // The effective -mod shows in whether the (deliberately inconsistent) vendor directory is checked.
  const modes: [string | undefined, boolean, string][] = [
    ['1.17', true, ''], ['1.14', true, ''], ['1.13', true, ''], [undefined, true, ''], ['1.17', false, ''],
    ['1.13', true, '-mod=vendor'], ['1.17', true, '-mod=readonly'], ['1.17', true, '-mod=mod'],
  ];
  modes.forEach(([go, withVendor, goflags], i) => {
    it(`vendorModeDefault go=${go} vendor=${withVendor} GOFLAGS=${goflags}`, async () => {
      let text = MAIN_GO_MOD.replace('example.com/dep v1.0.0', 'example.com/dep v1.0.1');
      text = go === undefined ? text.replace('go 1.17\n', '') : text.replace('go 1.17', `go ${go}`);
      const stderr = await goListM(`mode${i}`, text, goflags, withVendor);
      const mode = vendorModeDefault(go, withVendor, goflags.replace('-mod=', ''));
      assert.equal(stderr.includes('inconsistent vendoring'), mode.mod === 'vendor', `${JSON.stringify(mode)}\n${stderr}`);
    });
  });
});
