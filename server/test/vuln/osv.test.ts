/**
 * Vulnerability matching on synthetic databases whose answers are known: range events in any order,
 * several ranges, never fixed, re-introduced, withdrawn entries, pseudo-versions, +incompatible,
 * replaced modules, directory replacements and the standard library.
 */
import * as assert from 'node:assert/strict';
import { computeBuild } from '../../src/graph/buildList';
import { OsvEntry, OsvRange, affects, fixedAbove, parseOsv } from '../../src/vuln/osv';
import { goTagVersion, indexEntries, matchBuild } from '../../src/vuln/match';
import { FakeFiles, FakeModules, mainSet, mod } from '../graph/fake';

const semver = (...events: [string, string][]): OsvRange => ({ type: 'SEMVER', events: events.map(([k, v]) => ({ [k]: v })) });

function entry(id: string, module: string, ranges: OsvRange[], extra: Record<string, unknown> = {}): OsvEntry {
  const e = parseOsv(JSON.stringify({
    id, aliases: [`CVE-${id}`], summary: `summary of ${id}`,
    affected: [{ package: { name: module, ecosystem: 'Go' }, ranges, ecosystem_specific: { imports: [{ path: `${module}/pkg` }] } }], ...extra,
  }));
  if (typeof e === 'string') throw new Error(e);
  return e;
}

describe('OSV ranges', () => {
  it('introduced "0" to fixed: below the fix only', () => {
    const r = [semver(['introduced', '0'], ['fixed', '1.6.0'])];
    assert.equal(affects(r, 'v1.5.9'), true);
    assert.equal(affects(r, 'v1.6.0'), false);
    assert.equal(affects(r, 'v1.6.0-rc.1'), true, 'a prerelease of the fix is below it');
    assert.equal(fixedAbove(r, 'v1.5.0'), 'v1.6.0');
  });

  it('events in any order are sorted; a vulnerability re-introduced after a fix', () => {
    const r = [semver(['fixed', '1.7.0'], ['introduced', '1.5.0'], ['fixed', '1.2.0'], ['introduced', '0'])];
    assert.deepEqual(['v1.1.0', 'v1.2.0', 'v1.4.9', 'v1.5.0', 'v1.6.3', 'v1.7.0'].map((v) => affects(r, v)), [true, false, false, true, true, false]);
    assert.equal(fixedAbove(r, 'v1.1.0'), 'v1.2.0');
    assert.equal(fixedAbove(r, 'v1.6.3'), 'v1.7.0');
  });

  it('never fixed: affected from introduced on, no fixed version', () => {
    const r = [semver(['introduced', '2.0.0'])];
    assert.equal(affects(r, 'v1.9.9'), false);
    assert.equal(affects(r, 'v2.0.0'), true);
    assert.equal(affects(r, 'v9.0.0'), true);
    assert.equal(fixedAbove(r, 'v3.0.0'), '');
  });

  it('several ranges: any of them; the fix is the one of the range holding the version', () => {
    const r = [semver(['introduced', '0'], ['fixed', '0.3.8']), semver(['introduced', '0.4.0'], ['fixed', '0.4.2'])];
    assert.equal(affects(r, 'v0.3.7'), true);
    assert.equal(affects(r, 'v0.3.9'), false);
    assert.equal(affects(r, 'v0.4.1'), true);
    assert.equal(fixedAbove(r, 'v0.4.1'), 'v0.4.2');
    assert.equal(fixedAbove(r, 'v0.3.0'), 'v0.3.8');
  });

  it('pseudo-versions and +incompatible compare as Go semver (build metadata ignored)', () => {
    const r = [semver(['introduced', '0'], ['fixed', '0.0.0-20220525230936-793ad666bf5e'])];
    assert.equal(affects(r, 'v0.0.0-20211202192323-5770296d904e'), true);
    assert.equal(affects(r, 'v0.0.0-20220722155237-a158d28d115b'), false);
    const inc = [semver(['introduced', '0'], ['fixed', '2.1.0+incompatible'])];
    assert.equal(affects(inc, 'v2.0.0+incompatible'), true);
    assert.equal(affects(inc, 'v2.1.0+incompatible'), false);
  });

  it('no SEMVER range at all: every version is affected', () => {
    assert.equal(affects([], 'v1.0.0'), true);
    assert.equal(affects([{ type: 'GIT', events: [{ introduced: 'abc' }] }], 'v1.0.0'), true);
  });

  it('parseOsv says why a file is not an entry, and keeps only Go ecosystem blocks', () => {
    assert.match(parseOsv('{') as string, /^not JSON/);
    assert.equal(parseOsv('{"summary":"x"}'), 'not an OSV entry: no "id"');
    const e = parseOsv(JSON.stringify({ id: 'X', affected: [{ package: { name: 'p', ecosystem: 'npm' } }, { package: { name: 'q', ecosystem: 'Go' } }] })) as OsvEntry;
    assert.deepEqual(e.affected.map((a) => a.module), ['q']);
    assert.equal(e.url, 'https://pkg.go.dev/vuln/X');
  });

  it('go versions as the database writes the standard library', () => {
    assert.deepEqual(['1.21', 'go1.21.3', 'go1.22rc1', '1.20beta1', 'default', 'go1.21.3-custom'].map(goTagVersion), ['v1.21.0', 'v1.21.3', 'v1.22.0-rc.1', 'v1.20.0-beta.1', '', 'v1.21.3']);
  });
});

describe('matching a build', () => {
  const A = 'example.com/a', B = 'example.com/b', C = 'example.com/c', F = 'example.com/fork';
  const mods = {
    [`${A}@v1.0.0`]: mod(A, '1.17', [`${B} v1.1.0`]),
    [`${B}@v1.1.0`]: mod(B, '1.17'),
    [`${B}@v1.3.0`]: mod(B, '1.17'),
    [`${C}@v1.0.0`]: mod(C, '1.17'),
    [`${F}@v1.0.1`]: mod(C, '1.17'),
  };
  const db = [
    entry('GO-1', B, [semver(['introduced', '0'], ['fixed', '1.2.0'])]),
    entry('GO-2', B, [semver(['introduced', '1.2.0'])]),
    entry('GO-3', C, [semver(['introduced', '0'])]),
    entry('GO-4', F, [semver(['introduced', '0'], ['fixed', '1.0.2'])]),
    entry('GO-5', B, [semver(['introduced', '0'])], { withdrawn: '2024-01-01T00:00:00Z' }),
    entry('GO-6', 'stdlib', [semver(['introduced', '0'], ['fixed', '1.21.4'])]),
    entry('GO-7', 'toolchain', [semver(['introduced', '1.22.0'], ['fixed', '1.22.1'])]),
  ];

  async function findings(main: string) {
    const build = await computeBuild(mainSet(main, '1.26'), { modules: new FakeModules(mods), files: new FakeFiles({ '/w/local/go.mod': mod(C, '1.17') }) }, { toolchain: '1.26', mode: 'readonly' });
    assert.equal(build.error, undefined);
    return matchBuild(indexEntries(db), build).map((f) => `${f.ID} ${f.Module}@${f.Version} fixed=${f.Fixed} via ${f.Chain.join(' > ')}`);
  }

  it('an indirect module: its selected version, with the chain from the main module; withdrawn entries left out', async () => {
    assert.deepEqual(await findings(mod('example.com/m', '1.21', [`${A} v1.0.0`], 'toolchain go1.21.3\n')), [
      'GO-6 stdlib@go1.21.3 fixed=go1.21.4 via example.com/m',
      `GO-1 ${B}@v1.1.0 fixed=v1.2.0 via example.com/m > ${A}@v1.0.0 > ${B}@v1.1.0`,
    ]);
  });

  it('MVS picks a higher version: the version built is matched, not the one written', async () => {
    assert.deepEqual(await findings(mod('example.com/m', '1.22.1', [`${A} v1.0.0`, `${B} v1.3.0`])), [
      `GO-2 ${B}@v1.3.0 fixed= via example.com/m > ${B}@v1.3.0`,
    ]);
  });

  it('a module replaced by another is matched as the replacement; a directory replacement is not matched', async () => {
    assert.deepEqual(await findings(mod('example.com/m', '1.22.1', [`${C} v1.0.0`], `replace ${C} => ${F} v1.0.1\n`)), [
      `GO-4 ${F}@v1.0.1 fixed=v1.0.2 via example.com/m > ${C}@v1.0.0`,
    ]);
    assert.deepEqual(await findings(mod('example.com/m', '1.22.1', [`${C} v1.0.0`], `replace ${C} => ../local\n`)), []);
  });

  it('the toolchain line, else the go line, is the Go matched against stdlib and toolchain entries', async () => {
    assert.deepEqual(await findings(mod('example.com/m', '1.22.0')), ['GO-7 toolchain@go1.22.0 fixed=go1.22.1 via example.com/m']);
    assert.deepEqual(await findings(mod('example.com/m', '1.20', [], 'toolchain go1.22.0\n')), ['GO-7 toolchain@go1.22.0 fixed=go1.22.1 via example.com/m']);
    assert.deepEqual(await findings(mod('example.com/m', '1.21', [], 'toolchain go1.21.4\n')), []);
  });
});
