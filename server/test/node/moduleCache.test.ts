// ModuleCacheSource over temporary GOMODCACHE trees, and over a cache filled by the real go command.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModuleCacheSource, escapeModuleVersion, isRevInfoJson } from '../../src/node/moduleCache';
import { telemetryOff } from '../oracle/env';
import { describeEachGo } from '../oracle/suites';
import { putFile as put } from '../support/files';


describe('node/moduleCache: ModuleCacheSource', () => {
  let root = '';
  let dl = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'gml-cache-'));
    dl = join(root, 'cache', 'download');
    put(join(dl, 'example.com/!upper/@v/v1.2.0.mod'), 'module example.com/Upper\r\n\r\ngo 1.20\r\n');
    put(join(dl, 'example.com/!upper/@v/v1.2.0.info'), '{"Version":"v1.2.0","Time":"2023-01-01T00:00:00Z"}');
    put(join(dl, 'example.com/!upper/@v/list'), 'v1.1.0\nv1.2.0\n');
    put(join(dl, 'example.com/bad/@v/v1.0.0.mod'), new Uint8Array([0x6d, 0xff, 0x0a]));
    put(join(dl, 'example.com/bad/@v/v1.0.0.info'), '{"Version":"v1.0.0","Time":"yesterday"}');
    put(join(dl, 'example.com/vgo/@v/v1.0.0.mod'), '//vgo 0.0.4\nmodule example.com/vgo\n');
    put(join(dl, 'example.com/inc/@v/v2.0.0+incompatible.mod'), 'module example.com/inc\n');
    mkdirSync(join(dl, 'example.com/dir/@v/v1.0.0.mod'), { recursive: true });
    put(join(dl, 'example.com/plainfile'), 'x');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads .mod, .info and list at their escaped paths', () => {
    const c = new ModuleCacheSource(root);
    assert.deepEqual(c.goMod('example.com/Upper', 'v1.2.0'), {
      ok: true, text: 'module example.com/Upper\r\n\r\ngo 1.20\r\n', origin: join(dl, 'example.com/!upper/@v/v1.2.0.mod'),
    });
    const info = c.info('example.com/Upper', 'v1.2.0');
    assert.ok(info.ok && JSON.parse(info.text).Version === 'v1.2.0');
    const list = c.versions('example.com/Upper');
    assert.ok(list.ok && list.text === 'v1.1.0\nv1.2.0\n');
    assert.ok(c.goMod('example.com/inc', 'v2.0.0+incompatible').ok);
    assert.equal(c.describe(), `module cache ${root}`);
    assert.equal(c.filePath('example.com/Upper', 'v1.2.0', 'zip'), join(dl, 'example.com/!upper/@v/v1.2.0.zip'));
    assert.equal(c.filePath('example.com/Upper', 'v1.2', 'mod'), undefined);
  });

  it('decodes invalid UTF-8 the way Go walks it', () => {
    const r = new ModuleCacheSource(root).goMod('example.com/bad', 'v1.0.0');
    assert.ok(r.ok && r.text === 'm\udcff\n');
  });

  it('answers not-found for missing files, stale vgo go.mods and .info Go cannot decode', () => {
    const c = new ModuleCacheSource(root);
    const missing = c.goMod('example.com/Upper', 'v9.0.0');
    assert.deepEqual(missing, {
      ok: false, kind: 'not-found', message: `example.com/Upper@v9.0.0: not in module cache (${join(dl, 'example.com/!upper/@v/v9.0.0.mod')} does not exist)`,
    });
    assert.equal(kindOf(c.goMod('example.com/vgo', 'v1.0.0')), 'not-found');
    assert.equal(kindOf(c.info('example.com/bad', 'v1.0.0')), 'not-found');
    assert.equal(kindOf(c.versions('example.com/none')), 'not-found');
    assert.equal(kindOf(c.goMod('example.com/plainfile/sub', 'v1.0.0')), 'not-found', 'a file where a directory is expected (ENOTDIR) is missing too');
  });

  it('answers error for invalid module versions, unreadable files and a bad GOMODCACHE', () => {
    const c = new ModuleCacheSource(root);
    assert.deepEqual(c.goMod('example.com/a', 'v1.2'), { ok: false, kind: 'error', message: 'example.com/a@v1.2: non-canonical module version "v1.2"' });
    assert.deepEqual(c.goMod('example.com/a', 'latest'), { ok: false, kind: 'error', message: 'example.com/a@latest: non-semver module version "latest"' });
    assert.deepEqual(c.goMod('Example.com/a', 'v1.0.0'), {
      ok: false, kind: 'error', message: 'Example.com/a@v1.0.0: malformed module path "Example.com/a": invalid char \'E\' in first path element',
    });
    assert.deepEqual(c.versions('nodot/a'), { ok: false, kind: 'error', message: 'module nodot/a: malformed module path "nodot/a": missing dot in first path element' });
    assert.equal(kindOf(c.goMod('example.com/dir', 'v1.0.0')), 'error');
    assert.deepEqual(new ModuleCacheSource('').goMod('example.com/a', 'v1.0.0'), { ok: false, kind: 'error', message: 'module cache not found: neither GOMODCACHE nor GOPATH is set' });
    assert.deepEqual(new ModuleCacheSource('rel').info('example.com/a', 'v1.0.0'), { ok: false, kind: 'error', message: 'GOMODCACHE entry is relative; must be absolute path: "rel".' });
  });

  it('never throws, even when the reader does', () => {
    const c = new ModuleCacheSource('/x', () => {
      throw 'not an Error';
    });
    assert.deepEqual(c.goMod('example.com/a', 'v1.0.0'), { ok: false, kind: 'error', message: 'example.com/a@v1.0.0: reading /x/cache/download/example.com/a/@v/v1.0.0.mod: not an Error' });
  });

  it('escapeModuleVersion and isRevInfoJson', () => {
    assert.deepEqual(escapeModuleVersion('github.com/Azure/x', 'v1.0.0-RC1'), { ok: true, escPath: 'github.com/!azure/x', escVersion: 'v1.0.0-!r!c1' });
    assert.equal(isRevInfoJson('{"Version":"v1.0.0"}'), true);
    assert.equal(isRevInfoJson('null'), true);
    assert.equal(isRevInfoJson('{"version":1}'), false, 'encoding/json matches field names case-insensitively');
    assert.equal(isRevInfoJson('[]'), false);
    assert.equal(isRevInfoJson('{"Time":"2019-10-11T12:13:14.5+02:00"}'), true);
    assert.equal(isRevInfoJson('{"Version":"v1.0.0","Name":1}'), true, 'Name and Short are json:"-"');
    assert.equal(isRevInfoJson('{"Version":"v1.0.0","Origin":{"Hash":1}}'), false, 'Origin\'s fields are strings');
    assert.equal(isRevInfoJson('{"Version":"v1.0.0","Time":"2023-13-01T00:00:00Z"}'), false, 'time.Parse checks ranges');
  });
});

function kindOf(r: { ok: boolean; kind?: string }): string {
  return r.ok ? 'ok' : r.kind ?? '';
}

describeEachGo('node/moduleCache: reads a cache the go command filled (oracle)', function (oracle) {
  let dir = '';
  before(function () {
    dir = telemetryOff(mkdtempSync(join(tmpdir(), 'gml-cache-go-')));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds every .mod and .info the go command downloaded, byte for byte', () => {
    const proxy = join(dir, 'proxy');
    const mods: [string, string, string][] = [
      ['example.com/Upper', 'example.com/!upper', 'v1.2.0'],
      ['example.com/dep', 'example.com/dep', 'v1.0.0-RC1'],
    ];
    for (const [path, esc, v] of mods) {
      const escV = v.replace(/[A-Z]/g, (c) => '!' + c.toLowerCase());
      put(join(proxy, esc, '@v', `${escV}.mod`), `module ${path}\n\ngo 1.17\n`);
      put(join(proxy, esc, '@v', `${escV}.info`), `{"Version":"${v}","Time":"2023-01-01T00:00:00Z"}`);
    }
    const main = join(dir, 'main');
    put(join(main, 'go.mod'), 'module example.com/main\n\ngo 1.17\n\nrequire (\n\texample.com/Upper v1.2.0\n\texample.com/dep v1.0.0-RC1\n)\n');
    const gomodcache = join(dir, 'modcache');
    execFileSync(oracle.bin, ['list', '-m', 'all'], {
      cwd: main, encoding: 'utf8',
      env: {
        PATH: process.env.PATH, HOME: dir, GOPROXY: `file://${proxy}`, GOSUMDB: 'off', GOFLAGS: '-mod=mod', GOENV: 'off', GOWORK: 'off',
        GOTOOLCHAIN: 'local', GO111MODULE: 'on', GOMODCACHE: gomodcache, GOPATH: join(dir, 'gopath'), GOCACHE: join(dir, 'gocache'),
      },
    });
    const c = new ModuleCacheSource(gomodcache);
    for (const [path, esc, v] of mods) {
      const escV = v.replace(/[A-Z]/g, (ch) => '!' + ch.toLowerCase());
      const mod = c.goMod(path, v);
      assert.ok(mod.ok, JSON.stringify(mod));
      assert.equal(mod.text, readFileSync(join(proxy, esc, '@v', `${escV}.mod`), 'utf8'));
      const info = c.info(path, v);
      assert.ok(info.ok && JSON.parse(info.text).Version === v, JSON.stringify(info));
    }
  });
});
