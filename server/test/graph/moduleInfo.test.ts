/**
 * What `go list -m all` asks of each listed module's `.info` (graph/moduleInfo.ts): which modules
 * are queried, Go's error texts and their order, replacement errors, versions a cached `.info`
 * names, and the RevInfo decoding rules. The same cases run against Go 1.19 in
 * test/differential/listInfo.test.ts.
 */
import * as assert from 'node:assert/strict';
import { computeBuild } from '../../src/graph/buildList';
import { ListedModule, listJson, listLines, listModules } from '../../src/graph/listing';
import { completeFromModCache, queryVersion, revInfoTime, revInfoVersion } from '../../src/graph/moduleInfo';
import { FetchResult, ModuleSource } from '../../src/graph/source';
import { FakeFiles, FakeModules, mainSet, mod } from './fake';

/** InfoModules adds `.info` answers to FakeModules: a text, or a failure; absent means not found. */
class InfoModules extends FakeModules implements ModuleSource {
  readonly infoReads: string[] = [];
  constructor(mods: Record<string, string>, private readonly infos: Record<string, string | FetchResult>, private readonly async = false) {
    super(mods);
  }
  info(path: string, version: string): FetchResult | Promise<FetchResult> {
    const k = `${path}@${version}`;
    this.infoReads.push(k);
    const x = this.infos[k];
    const r: FetchResult = x === undefined ? { ok: false, kind: 'not-found', message: `${k}: reading fake proxy: no .info` } : typeof x === 'string' ? { ok: true, text: x, origin: 'fake' } : x;
    return this.async ? new Promise((done) => setTimeout(() => done(r), 1)) : r;
  }
}

const info = (v: string): string => JSON.stringify({ Version: v, Time: '2023-01-01T00:00:00Z' });

async function listed(mainText: string, mods: Record<string, string>, infos: Record<string, string | FetchResult>, files: Record<string, string> = {}, async = false) {
  const source = new InfoModules(mods, infos, async);
  const main = mainSet(mainText);
  const build = await computeBuild(main, { modules: source, files: new FakeFiles(files) }, { toolchain: '1.19', mode: 'mod' });
  assert.equal(build.error, undefined);
  const done = await completeFromModCache(listModules(build), main, source);
  return { ...done, lines: listLines(done.modules), infoReads: source.infoReads };
}

const A = 'example.com/a', B = 'example.com/b', C = 'example.com/c', F = 'example.com/fork';

describe('go list -m: .info queries (graph/moduleInfo)', () => {
  it('queries every listed module that is not replaced, and no main module', async () => {
    const r = await listed(mod('example.com/main', '1.19', [`${A} v1.0.0`, `${B} v1.1.0`]), {
      [`${A}@v1.0.0`]: mod(A, '1.19'), [`${B}@v1.1.0`]: mod(B, '1.19'),
    }, { [`${A}@v1.0.0`]: info('v1.0.0'), [`${B}@v1.1.0`]: info('v1.1.0') });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.infoReads, [`${A}@v1.0.0`, `${B}@v1.1.0`]);
    assert.deepEqual(r.lines, ['example.com/main', `${A} v1.0.0`, `${B} v1.1.0`]);
  });

  it('fails with Go\'s texts in build-list order: a malformed path, then proxy errors', async () => {
    // a directory replacement's requirements are listed without their go.mod being read (pruned)
    const main = mod('main-module', '1.19', ['A v0.0.0'], 'replace A => ./A\n');
    const r = await listed(main, {}, { [`${B}@v0.0.0`]: { ok: false, kind: 'not-found', message: 'module lookup disabled by GOPROXY=off' } },
      { '/w/main/A/go.mod': mod('A', '1.19', [`${C} v0.0.0`, `${B} v0.0.0`, 'B v0.0.0']) });
    assert.deepEqual(r.errors, [
      'malformed module path "B": missing dot in first path element',
      'module lookup disabled by GOPROXY=off',
      `${C}@v0.0.0: reading fake proxy: no .info`,
    ]);
    assert.deepEqual(r.infoReads, ['B@v0.0.0', `${B}@v0.0.0`, `${C}@v0.0.0`], 'the directory replacement is not looked up');
    assert.equal(r.modules.find((m) => m.path === 'B')?.error, r.errors[0]);
  });

  it('queries a version replacement, not the module replaced; its failure is Replace.Error only', async () => {
    const main = mod('example.com/main', '1.19', [`${A} v1.0.0`, `${C} v1.0.0`], `replace ${A} => ${F} v1.0.0\nreplace ${C} => ${C} v1.1.0\n`);
    const r = await listed(main, { [`${F}@v1.0.0`]: mod(A, '1.18'), [`${C}@v1.1.0`]: mod(C, '1.17') }, {});
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.infoReads, [`${F}@v1.0.0`, `${C}@v1.1.0`]);
    assert.deepEqual(r.lines, ['example.com/main', `${A} v1.0.0 => ${F} v1.0.0`, `${C} v1.0.0 => ${C} v1.1.0`]);
    assert.deepEqual(r.modules[1].replace, { path: F, version: 'v1.0.0', error: `${F}@v1.0.0: reading fake proxy: no .info` });
    assert.deepEqual(r.modules[2].replace, { path: C, version: 'v1.1.0', time: '0001-01-01T00:00:00Z' }, 'a replaced path answers its own replaced version (replacementRepo), with the zero Time');
    assert.equal(listJson([r.modules[1]], () => '1.18'),
      `{\n\t"Path": "${A}",\n\t"Version": "v1.0.0",\n\t"Replace": {\n\t\t"Path": "${F}",\n\t\t"Version": "v1.0.0",\n\t\t"GoVersion": "1.18",\n\t\t"Error": {\n\t\t\t"Err": "${F}@v1.0.0: reading fake proxy: no .info"\n\t\t}\n\t},\n\t"GoVersion": "1.18"\n}\n`);
  });

  it('needs nothing for a directory replacement', async () => {
    const r = await listed(mod('example.com/main', '1.19', [`${A} v1.0.0`], `replace ${A} => ../a\n`), {}, {}, { '/w/a/go.mod': mod(A, '1.19') });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.infoReads, []);
    assert.deepEqual(r.lines, ['example.com/main', `${A} v1.0.0 => ../a`]);
  });

  it('lists the version a cached .info names, even none', async () => {
    const r = await listed(mod('example.com/main', '1.19', [`${A} v1.0.0`, `${B} v1.0.0`]), {
      [`${A}@v1.0.0`]: mod(A, '1.19'), [`${B}@v1.0.0`]: mod(B, '1.19'),
    }, { [`${A}@v1.0.0`]: info('v1.0.7'), [`${B}@v1.0.0`]: '{}' });
    assert.deepEqual(r.lines, ['example.com/main', `${A} v1.0.7`, B]);
  });

  it('takes the version as listed when only the network or version control could say', async () => {
    const r = await listed(mod('example.com/main', '1.19', [`${A} v1.0.0`, `${B} v1.0.0`]), {
      [`${A}@v1.0.0`]: mod(A, '1.19'), [`${B}@v1.0.0`]: mod(B, '1.19'),
    }, {
      [`${A}@v1.0.0`]: { ok: false, kind: 'offline', message: 'network access off' },
      [`${B}@v1.0.0`]: { ok: false, kind: 'unsupported', message: 'GOPROXY=direct' },
    });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.lines, ['example.com/main', `${A} v1.0.0`, `${B} v1.0.0`]);
  });

  it('keeps the build-list order when answers arrive asynchronously', async () => {
    const paths = Array.from({ length: 30 }, (_, i) => `example.com/m${String(i).padStart(2, '0')}`);
    const mods = Object.fromEntries(paths.map((p) => [`${p}@v1.0.0`, mod(p, '1.19')]));
    const infos = Object.fromEntries(paths.filter((_, i) => i % 3 !== 0).map((p) => [`${p}@v1.0.0`, info('v1.0.0')]));
    const r = await listed(mod('example.com/main', '1.19', paths.map((p) => `${p} v1.0.0`)), mods, infos, {}, true);
    assert.deepEqual(r.errors, paths.filter((_, i) => i % 3 === 0).map((p) => `${p}@v1.0.0: reading fake proxy: no .info`));
  });

  it('answers a source without .info files with the version asked', () => {
    const main = mainSet(mod('example.com/main', '1.19'));
    assert.deepEqual(queryVersion(new FakeModules({}), main, A, 'v1.0.0'), { ok: true, version: 'v1.0.0' });
  });

  it('prints a module whose .info has no version as its path alone', () => {
    const m: ListedModule = { path: A, version: '', main: false, indirect: false };
    assert.deepEqual(listLines([m]), [A]);
  });
});

describe('revInfoTime: the .info Time as go list -m -json prints it', () => {
  const cases: [string, string | undefined][] = [
    ['{"Version":"v1.0.0","Time":"2023-01-01T00:00:00Z"}', '2023-01-01T00:00:00Z'],
    ['{"Version":"v1.0.0"}\n', '0001-01-01T00:00:00Z'],
    ['{"Version":"v1.0.0","Time":null}', '0001-01-01T00:00:00Z'],
    ['null', '0001-01-01T00:00:00Z'],
    ['{"Version":"v1.0.0","Time":"2023-01-02T03:04:05.120+02:00"}', '2023-01-02T03:04:05.12+02:00'],
    ['{"Version":"v1.0.0","Time":"2023-01-02T03:04:05.000-00:00"}', '2023-01-02T03:04:05Z'],
    ['{"Version":"v1.0.0","Time":"2023-01-02T3:04:05,1234567891Z"}', '2023-01-02T03:04:05.123456789Z'],
    ['{"time":"2023-01-02T03:04:05Z","Version":"v1.0.0","Short":"x"}', '2023-01-02T03:04:05Z'],
    ['{"Version":"v1.0.0","Time":"2023-02-30T00:00:00Z"}', undefined],
    ['{"Version":"v1.0.0","Time":5}', undefined],
  ];
  for (const [text, want] of cases) it(`${text} → ${want}`, () => assert.equal(revInfoTime(text), want));
});

describe('revInfoVersion: json.Unmarshal into modfetch.RevInfo', () => {
  const cases: [string, string | undefined][] = [
    ['{"Version":"v1.0.0","Time":"2023-01-01T00:00:00Z"}', 'v1.0.0'],
    ['{"Version":"v1.0.0","Time":"2023-01-01T00:00:00Z"}\n', 'v1.0.0'],
    ['{"Version":"v1.0.7","Time":"2023-01-01T00:00:00Z"}', 'v1.0.7'],
    ['{ "Version": "v1.0.0" }', 'v1.0.0'],
    ['{"version":"v1.2.0","TIME":"2019-10-11T12:13:14.5+02:00"}', 'v1.2.0'],
    ['{}', ''],
    ['null', ''],
    ['{"Version":null}', ''],
    ['{"Version":"v1.0.0","Name":5,"Short":[]}', 'v1.0.0'], // json:"-" fields are ignored
    ['{"Version":"v1.0.0","Origin":{"VCS":"git","URL":"https://x","Hash":"abc","Extra":1}}', 'v1.0.0'],
    ['{"Version":"v1.0.0","Time":"2023-01-01T1:02:03Z"}', 'v1.0.0'], // a one-digit hour parses
    ['{"Version":"v1.0.0","Time":"2024-02-29T00:00:00,5Z"}', 'v1.0.0'],
    ['not json', undefined],
    ['{', undefined],
    ['[]', undefined],
    ['"v1.0.0"', undefined],
    ['{"Version":1}', undefined],
    ['{"Version":"v1.0.0","Time":"yesterday"}', undefined],
    ['{"Version":"v1.0.0","Time":5}', undefined],
    ['{"Version":"v1.0.0","Time":"2023-02-29T00:00:00Z"}', undefined],
    ['{"Version":"v1.0.0","Time":"2023-01-01T24:00:00Z"}', undefined],
    ['{"Version":"v1.0.0","Time":"2023-01-01T00:00:00"}', undefined],
    ['{"Version":"v1.0.0","Origin":{"VCS":5}}', undefined],
    ['{"Version":"v1.0.0","Origin":"git"}', undefined],
  ];
  for (const [text, want] of cases) {
    it(`${JSON.stringify(text)} → ${want === undefined ? 'rejected' : JSON.stringify(want)}`, () => assert.equal(revInfoVersion(text), want));
  }
});
