// createModuleSource (module cache, then GOPROXY), CacheFirstSource and MemoryModuleSource.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FetchResult, ModuleSource } from '../../src/graph/source';
import { resolveGoEnv } from '../../src/node/goEnv';
import { OFFLINE_MESSAGE } from '../../src/node/proxy';
import { CacheFirstSource, MemoryModuleSource, createModuleSource } from '../../src/node/sources';
import { putFile as put } from '../support/files';


function kindOf(r: FetchResult): string {
  return r.ok ? 'ok' : r.kind;
}

describe('node/sources: createModuleSource', () => {
  let dir = '';
  let cache = '';
  let proxy = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gml-sources-'));
    cache = join(dir, 'modcache');
    proxy = join(dir, 'proxy');
    put(join(cache, 'cache/download/example.com/cached/@v/v1.0.0.mod'), 'module example.com/cached // from the cache\n');
    put(join(cache, 'cache/download/example.com/both/@v/v1.0.0.mod'), 'module example.com/both // from the cache\n');
    put(join(cache, 'cache/download/example.com/both/@v/list'), 'v1.0.0\n');
    put(join(proxy, 'example.com/both/@v/v1.0.0.mod'), 'module example.com/both // from the proxy\n');
    put(join(proxy, 'example.com/both/@v/list'), 'v1.0.0\nv1.1.0\n');
    put(join(proxy, 'example.com/proxied/@v/v1.0.0.mod'), 'module example.com/proxied\n');
    put(join(proxy, 'example.com/proxied/@v/v1.0.0.info'), '{"Version":"v1.0.0"}');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const envWith = (goproxy: string, extra: Record<string, string> = {}) =>
    resolveGoEnv({ HOME: dir, GOENV: 'off', GOMODCACHE: cache, GOPROXY: goproxy, ...extra }, undefined, { platform: 'linux' });

  it('reads the module cache first, synchronously', () => {
    const s = createModuleSource(envWith(`file://${proxy}`), { allowNetwork: false });
    const r = s.goMod('example.com/both', 'v1.0.0');
    assert.ok(!(r instanceof Promise));
    assert.ok(r.ok && r.text.includes('from the cache'));
  });

  it('falls back to the GOPROXY chain', async () => {
    const s = createModuleSource(envWith(`file://${proxy}`), { allowNetwork: false });
    const r = await s.goMod('example.com/proxied', 'v1.0.0');
    assert.ok(r.ok && r.origin === `file://${proxy}/example.com/proxied/@v/v1.0.0.mod`);
    assert.ok((await s.info?.('example.com/proxied', 'v1.0.0'))?.ok);
    assert.match(s.describe(), /^module cache .*, then GOPROXY=file:/);
  });

  it('reports the proxy failure when neither has it, as Go does', async () => {
    const s = createModuleSource(envWith(`file://${proxy}`), { allowNetwork: false });
    const r = await s.goMod('example.com/none', 'v1.0.0');
    assert.equal(kindOf(r), 'not-found');
    assert.ok(!r.ok && r.message.includes(`reading file://${proxy}/example.com/none/@v/v1.0.0.mod`));
  });

  it('answers offline for the default proxy without network access, but still serves the cache', async () => {
    const s = createModuleSource(envWith(''), { allowNetwork: false });
    assert.deepEqual(await s.goMod('example.com/none', 'v1.0.0'), { ok: false, kind: 'offline', message: `example.com/none@v1.0.0: ${OFFLINE_MESSAGE}` });
    assert.ok((await s.goMod('example.com/cached', 'v1.0.0')).ok);
  });

  it('sends GOPRIVATE paths direct (unsupported) and honours GOPROXY=off', async () => {
    const priv = createModuleSource(envWith(`file://${proxy}`, { GOPRIVATE: 'example.com/proxied' }), { allowNetwork: false });
    assert.equal(kindOf(await priv.goMod('example.com/proxied', 'v1.0.0')), 'unsupported');
    assert.ok((await priv.goMod('example.com/cached', 'v1.0.0')).ok, 'the cache is read whatever GOPRIVATE says');
    const off = createModuleSource(envWith('off'), { allowNetwork: true });
    assert.deepEqual(await off.goMod('example.com/none', 'v1.0.0'), {
      ok: false, kind: 'unsupported', message: 'example.com/none@v1.0.0: module lookup disabled by GOPROXY=off',
    });
  });

  it('refuses invalid module versions before looking anywhere', () => {
    const s = createModuleSource(envWith(`file://${proxy}`), { allowNetwork: false });
    assert.deepEqual(s.goMod('example.com/a', 'v1.0'), { ok: false, kind: 'error', message: 'example.com/a@v1.0: non-canonical module version "v1.0"' });
    assert.equal(kindOf(s.versions?.('Bad/path') as FetchResult), 'error');
  });

  it('asks the proxy for version lists first, the cache when the proxy cannot answer', async () => {
    const s = createModuleSource(envWith(`file://${proxy}`), { allowNetwork: false });
    const fromProxy = await s.versions?.('example.com/both');
    assert.ok(fromProxy?.ok && fromProxy.text === 'v1.0.0\nv1.1.0\n');
    const offline = createModuleSource(envWith(''), { allowNetwork: false });
    const fromCache = await offline.versions?.('example.com/both');
    assert.ok(fromCache?.ok && fromCache.text === 'v1.0.0\n');
  });

  it("takes a proxy's answer that there are no versions, or an error, as go does — not the cache's list", async () => {
    // GOPROXY=off: modfetch's errProxyOff is a not-exist error, so go get finds no lower version (checked on go-kit's go get github.com/apache/thrift@none)
    const off = createModuleSource(envWith('off'), { allowNetwork: false });
    assert.deepEqual(await off.versions?.('example.com/both'), { ok: false, kind: 'not-found', message: 'module example.com/both: module lookup disabled by GOPROXY=off' });
    // a proxy without the module (404): none, though the cache lists one
    put(join(cache, 'cache/download/example.com/cached/@v/list'), 'v1.0.0\n');
    const missing = createModuleSource(envWith(`file://${proxy}`), { allowNetwork: false });
    assert.equal(kindOf(await missing.versions?.('example.com/cached') as FetchResult), 'not-found');
    // a failing proxy (here: a throw, as a 403 is an error): the error stands (go get stops; traefik's lego/v4 list is 403 on proxy.golang.org)
    const failing = new CacheFirstSource(createModuleSource(envWith(''), { allowNetwork: false }), { describe: () => 'failing', goMod: () => ({ ok: false, kind: 'error', message: 'x' }), versions: () => ({ ok: false, kind: 'error', message: 'module example.com/both: reading …: 403 Forbidden' }) });
    assert.deepEqual(await failing.versions('example.com/both'), { ok: false, kind: 'error', message: 'module example.com/both: reading …: 403 Forbidden' });
  });
});

describe('node/sources: CacheFirstSource', () => {
  it('turns throws into errors and works with sources that lack info/versions', async () => {
    const thrower: ModuleSource = {
      describe: () => 'thrower',
      goMod: () => {
        throw new Error('boom');
      },
    };
    const rejecter: ModuleSource = { describe: () => 'rejecter', goMod: () => Promise.reject(new Error('nope')) };
    const s = new CacheFirstSource(thrower, rejecter);
    assert.deepEqual(await s.goMod('example.com/a', 'v1.0.0'), { ok: false, kind: 'error', message: 'example.com/a@v1.0.0: nope' });
    assert.deepEqual(await s.info('example.com/a', 'v1.0.0'), { ok: false, kind: 'not-found', message: 'example.com/a@v1.0.0: rejecter does not serve .info' });
    const mem = new MemoryModuleSource().set('example.com/a', 'v1.0.0', 'module example.com/a\n');
    assert.ok((await new CacheFirstSource(thrower, mem).goMod('example.com/a', 'v1.0.0')).ok);
  });
});

describe('node/sources: MemoryModuleSource', () => {
  it('serves what was set, synthesizes .info and lists, and logs requests', () => {
    const m = new MemoryModuleSource()
      .set('example.com/a', 'v1.10.0', 'module example.com/a\n')
      .set('example.com/a', 'v1.9.0', 'module example.com/a\n')
      .setInfo('example.com/a', 'v1.9.0', '{"Version":"v1.9.0","Time":"2020-01-01T00:00:00Z"}');
    assert.deepEqual(m.goMod('example.com/a', 'v1.10.0'), { ok: true, text: 'module example.com/a\n', origin: 'memory:example.com/a@v1.10.0.mod' });
    assert.deepEqual(m.info('example.com/a', 'v1.10.0'), { ok: true, text: '{"Version":"v1.10.0"}', origin: 'memory:example.com/a@v1.10.0.info' });
    assert.ok(m.info('example.com/a', 'v1.9.0').ok);
    assert.deepEqual(m.versions('example.com/a'), { ok: true, text: 'v1.9.0\nv1.10.0\n', origin: 'memory:example.com/a@.list' });
    assert.deepEqual(m.goMod('example.com/a', 'v2.0.0'), { ok: false, kind: 'not-found', message: 'example.com/a@v2.0.0: no mod in memory' });
    assert.deepEqual(m.versions('example.com/b'), { ok: false, kind: 'not-found', message: 'module example.com/b: no list in memory' });
    m.setVersions('example.com/b', ['v0.1.0']).fail('example.com/c', 'v1.0.0', 'offline', 'x');
    assert.ok(m.versions('example.com/b').ok);
    assert.deepEqual(m.goMod('example.com/c', 'v1.0.0'), { ok: false, kind: 'offline', message: 'x' });
    assert.deepEqual(m.requested, [
      'mod example.com/a@v1.10.0', 'info example.com/a@v1.10.0', 'info example.com/a@v1.9.0', 'list example.com/a',
      'mod example.com/a@v2.0.0', 'list example.com/b', 'list example.com/b', 'mod example.com/c@v1.0.0',
    ]);
    assert.equal(m.describe(), 'memory');
  });
});
