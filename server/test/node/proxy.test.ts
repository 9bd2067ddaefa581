// GOPROXY: the list parser (table), file:// proxies (temp trees), http(s) proxies (a local server on
// 127.0.0.1) and the fallback rules of ProxyChainSource (fakes, then the real go command as judge).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FetchResult, ModuleSource } from '../../src/graph/source';
import {
  DIRECT_MESSAGE, FileProxySource, HttpProxySource, OFFLINE_MESSAGE, PROXY_OFF_MESSAGE, ProxyChainSource, ProxySpec, parseGoProxy, redactUrl,
} from '../../src/node/proxy';
import { MemoryModuleSource } from '../../src/node/sources';
import { telemetryOff } from '../oracle/env';
import { describeEachGo } from '../oracle/suites';
import { putFile as put } from '../support/files';


const spec = (url: string, fallBackOnError = false): ProxySpec => ({ url, fallBackOnError });

describe('node/proxy: parseGoProxy', () => {
  const cases: [string, ProxySpec[], string?][] = [
    ['https://proxy.golang.org,direct', [spec('https://proxy.golang.org'), spec('direct')]],
    ['a.example|b.example/sub,direct', [spec('https://a.example', true), spec('https://b.example/sub'), spec('direct')]],
    ['off', [spec('off')]],
    ['direct,https://never', [spec('direct')]],
    ['https://a,off,https://b', [spec('https://a'), spec('off')]],
    ['file:///p, ,|https://q', [spec('file:///p'), spec('https://q')]],
    [' file:///p | direct ', [spec('file:///p', true), spec('direct')]],
    ['HTTPS://X.example', [spec('HTTPS://X.example')]],
    ['localhost:8080', [spec('https://localhost:8080')]],
    ['/abs/dir', [], 'invalid proxy URL missing scheme: /abs/dir'],
    ['foo', [], 'invalid proxy URL missing scheme: foo'],
    ['https://ok,foo', [spec('https://ok')], 'invalid proxy URL missing scheme: foo'],
    [',', [], 'GOPROXY list is not the empty string, but contains no entries'],
    [' ', [], 'GOPROXY list is not the empty string, but contains no entries'],
    ['', [], 'GOPROXY list is not the empty string, but contains no entries'],
    ['file://host/x', [], 'invalid file:// proxy URL with non-path elements: file://host/x'],
    ['file://localhost/x', [], 'invalid file:// proxy URL with non-path elements: file://localhost/x'],
    ['file:x', [], 'parse "https://file:x": invalid URL'], // no ":/", so Go prefixes https:// (and says: invalid port ":x" after host)
    ['file:///x?q', [], 'invalid file:// proxy URL with non-path elements: file:///x?q'],
    ['ftp://x', [], 'invalid proxy URL scheme (must be https, http, file): ftp://x'],
    ['https://u:p@h:bad/x', [], 'parse "https://u:xxxxx@h:bad/x": invalid URL'],
  ];
  for (const [input, entries, error] of cases) {
    it(JSON.stringify(input), () => {
      assert.deepEqual(parseGoProxy(input), error === undefined ? { entries } : { entries, error });
    });
  }

  it('redactUrl hides a password like url.Redacted', () => {
    assert.equal(redactUrl('https://user:secret@h/x'), 'https://user:xxxxx@h/x');
    assert.equal(redactUrl('https://user@h/x'), 'https://user@h/x');
  });
});

describe('node/proxy: FileProxySource', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'gml-fileproxy-'));
    put(join(root, 'example.com/a/@v/v1.0.0.mod'), 'module example.com/a\n');
    put(join(root, 'example.com/a/@v/v1.0.0.info'), '{"Version":"v1.0.0"}');
    put(join(root, 'example.com/a/@v/list'), 'v1.0.0\n');
    put(join(root, 'example.com/!upper/@v/v1.2.0.mod'), 'module example.com/Upper\n');
    put(join(root, 'example.com/wrong/@v/v1.0.0.info'), '{"Version":"v1.0.1"}');
    put(join(root, 'example.com/notjson/@v/v1.0.0.info'), '{');
    mkdirSync(join(root, 'example.com/dir/@v/v1.0.0.mod'), { recursive: true });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reads through a file:// URL or an absolute directory', () => {
    for (const base of [`file://${root}`, root]) {
      const p = new FileProxySource(base);
      assert.deepEqual(p.goMod('example.com/a', 'v1.0.0'), { ok: true, text: 'module example.com/a\n', origin: `file://${root}/example.com/a/@v/v1.0.0.mod` });
      assert.ok(p.info('example.com/a', 'v1.0.0').ok);
      assert.deepEqual(p.versions('example.com/a'), { ok: true, text: 'v1.0.0\n', origin: `file://${root}/example.com/a/@v/list` });
      assert.ok(p.goMod('example.com/Upper', 'v1.2.0').ok);
    }
  });

  it('words failures as Go does (checked against go 1.19)', () => {
    const p = new FileProxySource(`file://${root}`);
    assert.deepEqual(p.goMod('example.com/b', 'v1.0.0'), {
      ok: false, kind: 'not-found', message: `example.com/b@v1.0.0: reading file://${root}/example.com/b/@v/v1.0.0.mod: no such file or directory`,
    });
    assert.deepEqual(p.goMod('example.com/Upper', 'v9.0.0'), {
      ok: false, kind: 'not-found',
      message: `example.com/Upper@v9.0.0: reading file://${root}/example.com/%21upper/@v/v9.0.0.mod: open ${root}/example.com/!upper/@v/v9.0.0.mod: no such file or directory`,
    });
    assert.deepEqual(p.info('example.com/wrong', 'v1.0.0'), {
      ok: false, kind: 'error', message: 'example.com/wrong@v1.0.0: proxy returned info for version v1.0.1 instead of requested version',
    });
    const bad = p.info('example.com/notjson', 'v1.0.0');
    assert.ok(!bad.ok && bad.kind === 'error' && bad.message.startsWith(`example.com/notjson@v1.0.0: invalid response from proxy "file://${root}": `), JSON.stringify(bad));
    const dir = p.goMod('example.com/dir', 'v1.0.0');
    assert.ok(!dir.ok && dir.kind === 'error' && dir.message.endsWith('is a directory'), JSON.stringify(dir));
    assert.deepEqual(p.goMod('example.com/a', 'v1'), { ok: false, kind: 'error', message: 'example.com/a@v1: non-canonical module version "v1"' });
    const rel = new FileProxySource('relative/dir').goMod('example.com/a', 'v1.0.0');
    assert.ok(!rel.ok && rel.kind === 'error', JSON.stringify(rel));
  });
});

interface Server {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

let endlessBytes = 0;

/** endless writes 1 MiB chunks as fast as the client reads them, for as long as it reads. */
function endless(res: http.ServerResponse, status: number): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  const chunk = Buffer.alloc(1 << 20, 0x61);
  const write = (): void => {
    while (!res.destroyed && res.write(chunk)) endlessBytes += chunk.length;
    if (!res.destroyed) res.once('drain', write);
  };
  write();
}

/** serve starts a module proxy on 127.0.0.1 with fixed answers, logging every request path. */
async function serve(): Promise<Server> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    const u = req.url ?? '';
    hits.push(u);
    const text = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (u.startsWith('/slow/')) return; // never answers
    if (u.startsWith('/endless/')) return endless(res, u.includes('/gone/') ? 500 : 200); // streams until the client hangs up
    if (u.startsWith('/claims/')) { // says it will send 1 GiB
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(2 ** 30) });
      return res.write('module x\n');
    }
    if (u === '/p/example.com/a/@v/v1.0.0.mod') return text(200, 'module example.com/a\n');
    if (u === '/p/example.com/a/@v/v1.0.0.info') return text(200, '{"Version":"v1.0.0"}', 'application/json');
    if (u === '/p/example.com/a/@v/list') return text(200, 'v1.0.0\n');
    if (u === '/p/example.com/wrong/@v/v1.0.0.info') return text(200, '{"Version":"v1.0.1"}', 'application/json');
    if (u === '/p/example.com/%21upper/@v/v1.2.0.mod') return text(200, 'module example.com/Upper\n');
    if (u === '/p/example.com/gone/@v/v1.0.0.mod') return text(410, 'gone forever\n');
    if (u === '/p/example.com/boom/@v/v1.0.0.mod') return text(500, 'line one\nline two\n\nafter the blank line\n');
    if (u === '/p/example.com/html/@v/v1.0.0.mod') return text(503, '<h1>down</h1>', 'text/html');
    return text(404, `not found: ${u}`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

describe('node/proxy: HttpProxySource', () => {
  let srv: Server;
  let cacheDir = '';
  before(async () => {
    srv = await serve();
    cacheDir = mkdtempSync(join(tmpdir(), 'gml-httpcache-'));
  });
  after(async () => {
    await srv.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('fetches .mod, .info and list; `!` goes out as %21 as Go sends it', async () => {
    const p = new HttpProxySource(`${srv.url}/p/`, { allowNetwork: true });
    assert.deepEqual(await p.goMod('example.com/a', 'v1.0.0'), { ok: true, text: 'module example.com/a\n', origin: `${srv.url}/p/example.com/a/@v/v1.0.0.mod` });
    assert.ok((await p.info('example.com/a', 'v1.0.0')).ok);
    assert.ok((await p.versions('example.com/a')).ok);
    assert.ok((await p.goMod('example.com/Upper', 'v1.2.0')).ok);
  });

  it('maps 404 and 410 to not-found, other statuses to error, with the server detail Go prints', async () => {
    const p = new HttpProxySource(`${srv.url}/p`, { allowNetwork: true });
    assert.deepEqual(await p.goMod('example.com/none', 'v1.0.0'), {
      ok: false, kind: 'not-found',
      message: `example.com/none@v1.0.0: reading ${srv.url}/p/example.com/none/@v/v1.0.0.mod: 404 Not Found\n\tserver response: not found: /p/example.com/none/@v/v1.0.0.mod`,
    });
    assert.equal(kindOf(await p.goMod('example.com/gone', 'v1.0.0')), 'not-found');
    assert.deepEqual(await p.goMod('example.com/boom', 'v1.0.0'), {
      ok: false, kind: 'error',
      message: `example.com/boom@v1.0.0: reading ${srv.url}/p/example.com/boom/@v/v1.0.0.mod: 500 Internal Server Error\n\tserver response:\n\tline one\n\tline two`,
    });
    assert.deepEqual(await p.goMod('example.com/html', 'v1.0.0'), {
      ok: false, kind: 'error', message: `example.com/html@v1.0.0: reading ${srv.url}/p/example.com/html/@v/v1.0.0.mod: 503 Service Unavailable`,
    });
    assert.deepEqual(await p.info('example.com/wrong', 'v1.0.0'), {
      ok: false, kind: 'error', message: 'example.com/wrong@v1.0.0: proxy returned info for version v1.0.1 instead of requested version',
    });
  });

  it('reads an endless or oversized answer only up to its limit, then hangs up', async () => {
    const p = new HttpProxySource(`${srv.url}/endless`, { allowNetwork: true, timeoutMs: 10_000 });
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    assert.deepEqual(await p.goMod('example.com/a', 'v1.0.0'), {
      ok: false, kind: 'error', message: `example.com/a@v1.0.0: reading ${srv.url}/endless/example.com/a/@v/v1.0.0.mod: response too large (over 16 MiB)`,
    });
    const ms = performance.now() - t0;
    const grew = (process.memoryUsage().rss - rss0) / 2 ** 20;
    assert.ok(endlessBytes < 64 << 20, `the server wrote ${endlessBytes} bytes before we hung up`);
    assert.ok(ms < 5000, `${ms} ms: it did not wait for the timeout`);
    assert.ok(grew < 200, `RSS grew by ${grew.toFixed(0)} MiB`);
    // an error answer's detail is read only a little of
    const gone = await p.goMod('example.com/gone', 'v1.0.0');
    assert.deepEqual(gone, { ok: false, kind: 'error', message: `example.com/gone@v1.0.0: reading ${srv.url}/endless/example.com/gone/@v/v1.0.0.mod: 500 Internal Server Error` });
    const claims = new HttpProxySource(`${srv.url}/claims`, { allowNetwork: true, timeoutMs: 10_000 });
    assert.equal(kindOf(await claims.goMod('example.com/a', 'v1.0.0')), 'error');
  });

  it('gives up after the timeout', async () => {
    const p = new HttpProxySource(`${srv.url}/slow`, { allowNetwork: true, timeoutMs: 150 });
    assert.deepEqual(await p.goMod('example.com/a', 'v1.0.0'), {
      ok: false, kind: 'error', message: `example.com/a@v1.0.0: Get "${srv.url}/slow/example.com/a/@v/v1.0.0.mod": timed out after 150 ms`,
    });
  });

  it('after a failure to reach the proxy, fails every other request at once (one failed lookup ends a build), for a while', async () => {
    let calls = 0;
    let inFlight = 0;
    let most = 0;
    let clock = 0;
    const failing = (async () => {
      calls++;
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND proxy.invalid'), { code: 'ENOTFOUND' }) });
    }) as unknown as typeof fetch;
    const p = new HttpProxySource('https://proxy.invalid', { allowNetwork: true, fetch: failing, now: () => clock, downForMs: 30_000 });
    const t0 = performance.now();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => p.goMod(`example.com/m${i}`, 'v1.0.0')));
    const ms = performance.now() - t0;
    assert.ok(answers.every((a) => !a.ok && a.kind === 'error'));
    assert.equal(calls, 8, 'only the first requests (as many as may be in flight at once) go out');
    assert.equal(most, 8, 'at most 8 requests in flight');
    assert.ok(ms < 1000, `200 lookups answered in ${ms.toFixed(0)} ms`);
    assert.equal(answers[0].ok ? '' : answers[0].message, 'example.com/m0@v1.0.0: Get "https://proxy.invalid/example.com/m0/@v/v1.0.0.mod": getaddrinfo ENOTFOUND proxy.invalid');
    assert.equal(answers[199].ok ? '' : answers[199].message, 'example.com/m199@v1.0.0: not asked: https://proxy.invalid could not be reached just before (getaddrinfo ENOTFOUND proxy.invalid)');
    // the network may come back: after downForMs the proxy is asked again
    clock += 30_001;
    await p.goMod('example.com/again', 'v1.0.0');
    assert.equal(calls, 9);
  });

  it('answers offline, touching neither network nor disk cache, when network access is off', async () => {
    const before = srv.hits.length;
    const p = new HttpProxySource(`${srv.url}/p`, { allowNetwork: false, cacheDir });
    assert.deepEqual(await p.goMod('example.com/a', 'v1.0.0'), { ok: false, kind: 'offline', message: `example.com/a@v1.0.0: ${OFFLINE_MESSAGE}` });
    assert.equal(kindOf(await p.versions('example.com/a')), 'offline');
    assert.equal(srv.hits.length, before);
    assert.match(p.describe(), /network access off/);
  });

  it('refuses credentials over plain http, and sends them as basic auth over https', async () => {
    const plain = await new HttpProxySource('http://u:secret@127.0.0.1:9/p', { allowNetwork: true }).goMod('example.com/a', 'v1.0.0');
    assert.deepEqual(plain, {
      ok: false, kind: 'error', message: 'example.com/a@v1.0.0: refusing to pass credentials to insecure URL: http://u:xxxxx@127.0.0.1:9/p/example.com/a/@v/v1.0.0.mod',
    });
    const seen: { url: string; auth: string }[] = [];
    const fakeFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      seen.push({ url: String(input), auth: new Headers(init?.headers).get('authorization') ?? '' });
      return new Response('module example.com/a\n', { status: 200 });
    };
    const r = await new HttpProxySource('https://u:p%20w@proxy.example/p', { allowNetwork: true, fetch: fakeFetch }).goMod('example.com/a', 'v1.0.0');
    assert.deepEqual(r, { ok: true, text: 'module example.com/a\n', origin: 'https://u:xxxxx@proxy.example/p/example.com/a/@v/v1.0.0.mod' });
    assert.deepEqual(seen, [{ url: 'https://proxy.example/p/example.com/a/@v/v1.0.0.mod', auth: 'Basic ' + Buffer.from('u:p w').toString('base64') }]);
  });

  it('reports a refused connection like a transport error', async () => {
    const gone = await serve();
    await gone.close();
    const r = await new HttpProxySource(gone.url, { allowNetwork: true }).goMod('example.com/a', 'v1.0.0');
    assert.ok(!r.ok && r.kind === 'error' && r.message.startsWith(`example.com/a@v1.0.0: Get "${gone.url}/example.com/a/@v/v1.0.0.mod": `), JSON.stringify(r));
  });

  it('keeps answers in the disk cache and serves them without the server', async () => {
    const own = await serve();
    const dir = mkdtempSync(join(cacheDir, 'own-'));
    const p = new HttpProxySource(`${own.url}/p`, { allowNetwork: true, cacheDir: dir });
    assert.ok((await p.goMod('example.com/a', 'v1.0.0')).ok);
    assert.ok((await p.goMod('example.com/a', 'v1.0.0')).ok);
    assert.ok((await p.versions('example.com/a')).ok);
    assert.equal(kindOf(await p.goMod('example.com/none', 'v1.0.0')), 'not-found', 'failures are not cached');
    assert.deepEqual(own.hits, ['/p/example.com/a/@v/v1.0.0.mod', '/p/example.com/a/@v/list', '/p/example.com/none/@v/v1.0.0.mod']);
    await own.close();
    const again = new HttpProxySource(`${own.url}/p`, { allowNetwork: true, cacheDir: dir });
    const hit = await again.goMod('example.com/a', 'v1.0.0');
    assert.ok(hit.ok && hit.text === 'module example.com/a\n' && hit.origin.includes('(cached in '), JSON.stringify(hit));
    assert.ok((await again.versions('example.com/a')).ok, 'a fresh list is served from the cache');
    const later = new HttpProxySource(`${own.url}/p`, { allowNetwork: true, cacheDir: dir, now: () => Date.now() + 11 * 60_000 });
    assert.equal(kindOf(await later.versions('example.com/a')), 'error', 'a stale list goes to the (gone) server');
    assert.ok((await later.goMod('example.com/a', 'v1.0.0')).ok, '.mod files never go stale');
  });
});

function kindOf(r: FetchResult): string {
  return r.ok ? 'ok' : r.kind;
}

describe('node/proxy: ProxyChainSource fallback rules', () => {
  const good = new MemoryModuleSource('good').set('example.com/a', 'v1.0.0', 'module example.com/a\n');
  const missing = new MemoryModuleSource('missing');
  const broken = new MemoryModuleSource('broken').fail('example.com/a', 'v1.0.0', 'error', 'example.com/a@v1.0.0: reading https://broken/x: 500 Internal Server Error');
  const offline = new MemoryModuleSource('offline').fail('example.com/a', 'v1.0.0', 'offline', 'example.com/a@v1.0.0: offline');
  const throwing: ModuleSource = {
    describe: () => 'throwing',
    goMod: () => {
      throw new Error('kaput');
    },
  };
  const sources: Record<string, ModuleSource> = {
    'https://good': good, 'https://missing': missing, 'https://missing2': new MemoryModuleSource('missing2'),
    'https://broken': broken, 'https://offline': offline, 'https://throwing': throwing,
  };
  const chain = (goproxy: string, gonoproxy = '') => new ProxyChainSource(goproxy, { gonoproxy, sourceFor: (u) => sources[u] });
  const cases: [string, string, string, string][] = [
    // GOPROXY, GONOPROXY, expected kind, expected message (or origin for ok)
    ['https://good', '', 'ok', 'good:example.com/a@v1.0.0.mod'],
    ['https://missing,https://good', '', 'ok', 'good:example.com/a@v1.0.0.mod'],
    ['https://broken,https://good', '', 'error', 'example.com/a@v1.0.0: reading https://broken/x: 500 Internal Server Error'],
    ['https://broken|https://good', '', 'ok', 'good:example.com/a@v1.0.0.mod'],
    ['https://offline,https://good', '', 'offline', 'example.com/a@v1.0.0: offline'],
    ['https://offline|https://good', '', 'ok', 'good:example.com/a@v1.0.0.mod'],
    ['https://missing,https://missing2', '', 'not-found', 'example.com/a@v1.0.0: no mod in missing2'],
    ['https://broken|https://missing', '', 'error', 'example.com/a@v1.0.0: reading https://broken/x: 500 Internal Server Error'],
    ['https://missing,direct', '', 'unsupported', `example.com/a@v1.0.0: ${DIRECT_MESSAGE}`],
    ['https://broken|direct', '', 'unsupported', `example.com/a@v1.0.0: ${DIRECT_MESSAGE}`],
    ['https://missing,off', '', 'unsupported', 'example.com/a@v1.0.0: module lookup disabled by GOPROXY=off'],
    ['off', '', 'unsupported', 'example.com/a@v1.0.0: module lookup disabled by GOPROXY=off'],
    ['direct', '', 'unsupported', `example.com/a@v1.0.0: ${DIRECT_MESSAGE}`],
    ['https://good', 'example.com', 'unsupported', `example.com/a@v1.0.0: ${DIRECT_MESSAGE}`],
    ['off', 'example.com/a', 'unsupported', `example.com/a@v1.0.0: ${DIRECT_MESSAGE}`],
    ['https://good', 'other.example', 'ok', 'good:example.com/a@v1.0.0.mod'],
    ['https://throwing|https://good', '', 'ok', 'good:example.com/a@v1.0.0.mod'],
    ['https://throwing', '', 'error', 'example.com/a@v1.0.0: kaput'],
    ['/abs', '', 'error', 'example.com/a@v1.0.0: invalid proxy URL missing scheme: /abs'],
  ];
  for (const [goproxy, gonoproxy, kind, text] of cases) {
    it(`GOPROXY=${goproxy} GONOPROXY=${gonoproxy}`, async () => {
      const r = await chain(goproxy, gonoproxy).goMod('example.com/a', 'v1.0.0');
      assert.equal(kindOf(r), kind, JSON.stringify(r));
      assert.equal(r.ok ? r.origin : r.message, text);
    });
  }

  it('routes info and versions through the same list', async () => {
    const c = chain('https://missing,https://good');
    const info = await c.info('example.com/a', 'v1.0.0');
    assert.ok(info.ok && JSON.parse(info.text).Version === 'v1.0.0');
    const list = await c.versions('example.com/a');
    assert.ok(list.ok && list.text === 'v1.0.0\n');
    assert.equal(c.describe(), 'GOPROXY=https://missing,https://good');
  });

  it('words a .info lookup\'s failure as modload.Query does: GOPROXY=off is a bare not-found', async () => {
    for (const goproxy of ['off', 'https://missing,off']) {
      assert.deepEqual(await chain(goproxy).info('example.com/a', 'v1.0.0'), { ok: false, kind: 'not-found', message: PROXY_OFF_MESSAGE });
    }
    assert.equal(kindOf(await chain('off').goMod('example.com/a', 'v1.0.0')), 'unsupported', 'go.mod lookups keep their kind');
    assert.deepEqual(await chain('/abs').info('example.com/a', 'v1.0.0'), { ok: false, kind: 'error', message: 'invalid proxy URL missing scheme: /abs' });
    assert.equal(kindOf(await chain('off', 'example.com').info('example.com/a', 'v1.0.0')), 'unsupported', 'GONOPROXY paths go to version control');
  });

  it('builds file and http sources itself when not given a factory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gml-chain-'));
    try {
      put(join(dir, 'example.com/a/@v/v1.0.0.mod'), 'module example.com/a\n');
      const c = new ProxyChainSource(`https://proxy.example,file://${dir}`, { http: { allowNetwork: false } });
      assert.equal(kindOf(await c.goMod('example.com/a', 'v1.0.0')), 'offline', '`,` stops at the offline https proxy');
      const d = new ProxyChainSource(`https://proxy.example|file://${dir}`);
      assert.equal(kindOf(await d.goMod('example.com/a', 'v1.0.0')), 'ok', '`|` goes on to the file proxy');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeEachGo('node/proxy: fallback agrees with the go command (oracle)', function (oracle) {
  let dir = '';
  before(function () {
    dir = telemetryOff(mkdtempSync(join(tmpdir(), 'gml-chain-go-')));
    for (const name of ['good', 'bad']) {
      put(join(dir, name, 'example.com/dep/@v/list'), 'v1.0.0\n');
    }
    put(join(dir, 'good/example.com/dep/@v/v1.0.0.mod'), 'module example.com/dep\n\ngo 1.17\n');
    put(join(dir, 'good/example.com/dep/@v/v1.0.0.info'), '{"Version":"v1.0.0","Time":"2023-01-01T00:00:00Z"}');
    mkdirSync(join(dir, 'bad/example.com/dep/@v/v1.0.0.mod'), { recursive: true }); // a directory: read fails (not a 404)
    mkdirSync(join(dir, 'bad/example.com/dep/@v/v1.0.0.info'), { recursive: true });
    put(join(dir, 'main/go.mod'), 'module example.com/main\n\ngo 1.17\n\nrequire example.com/dep v1.0.0\n');
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const lists = ['GOOD', 'MISSING,GOOD', 'BAD,GOOD', 'BAD|GOOD', 'BAD|MISSING', 'MISSING|BAD', 'MISSING,off', 'MISSING', 'off'];
  lists.forEach((list, i) => {
    it(list, async () => {
      const goproxy = list.replace(/GOOD/g, `file://${dir}/good`).replace(/BAD/g, `file://${dir}/bad`).replace(/MISSING/g, `file://${dir}/missing`);
      const ours = await new ProxyChainSource(goproxy).goMod('example.com/dep', 'v1.0.0');
      const go = await new Promise<{ code: number; stderr: string }>((done) => {
        execFile(oracle.bin, ['list', '-m', 'all'], {
          cwd: join(dir, 'main'),
          env: {
            PATH: process.env.PATH, HOME: dir, GOPROXY: goproxy, GOSUMDB: 'off', GOFLAGS: '-mod=mod', GOENV: 'off', GOWORK: 'off', GOTOOLCHAIN: 'local',
            GO111MODULE: 'on', GOMODCACHE: join(dir, `mc${i}`), GOPATH: join(dir, 'gopath'), GOCACHE: join(dir, 'gocache'),
          },
        }, (err, _stdout, stderr) => done({ code: err ? 1 : 0, stderr }));
      });
      assert.equal(ours.ok, go.code === 0, `ours ${JSON.stringify(ours)}, go: ${go.stderr}`);
      if (!ours.ok && ours.kind !== 'error') assert.ok(go.stderr.includes(ours.message), `go said:\n${go.stderr}\nwe said: ${ours.message}`);
    });
  });
});
