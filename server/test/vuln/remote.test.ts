/**
 * A served vulnerability database over HTTP (node/vulnDb.ts RemoteVulnDb, as govulncheck's client
 * reads vuln.go.dev: BASE/ENDPOINT.json.gz): only the entries of the modules asked about are fetched,
 * each once; a failure answers nothing rather than part; the CLI reads one with -network only; the
 * editor's feed (workspace/vulnFeed.ts) fetches in the background and then refreshes.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { RemoteVulnDb } from '../../src/node/vulnDb';
import { VulnFeed } from '../../src/workspace/vulnFeed';
import { repoRoot } from '../oracle/env';

const entry = (id: string, module: string, fixed: string) => JSON.stringify({ id, summary: `s ${id}`, affected: [{ package: { name: module, ecosystem: 'Go' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed }] }] }] });

/** files: endpoint (without .json.gz) → JSON text */
const files: Record<string, string> = {
  'index/modules': JSON.stringify([
    { path: 'stdlib', vulns: [{ id: 'GO-2023-0001' }] },
    { path: 'example.com/a', vulns: [{ id: 'GO-2023-0002' }, { id: 'GO-2023-0003' }] },
    { path: 'example.com/b', vulns: [{ id: 'GO-2023-0004' }] },
  ]),
  'ID/GO-2023-0001': entry('GO-2023-0001', 'stdlib', '1.21.4'),
  'ID/GO-2023-0002': entry('GO-2023-0002', 'example.com/a', '1.1.0'),
  'ID/GO-2023-0003': entry('GO-2023-0003', 'example.com/a', '1.2.0'),
  'ID/GO-2023-0004': entry('GO-2023-0004', 'example.com/b', '1.0.1'),
};

function fakeFetch(asked: string[], broken = new Set<string>()): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = String(input);
    asked.push(url);
    const endpoint = url.replace(/^https:\/\/db\.example\//, '').replace(/\.json\.gz$/, '');
    if (broken.has(endpoint)) return new Response('boom', { status: 500, statusText: 'Internal Server Error' });
    const text = files[endpoint];
    return text === undefined ? new Response('no', { status: 404, statusText: 'Not Found' }) : new Response(gzipSync(text));
  }) as typeof fetch;
}

describe('served vulnerability database (HTTP)', () => {
  it('fetches the index once and only the entries of the modules asked about, each once', async () => {
    const asked: string[] = [];
    const db = new RemoteVulnDb('https://db.example/', { fetch: fakeFetch(asked) });
    const got = await db.entriesFor(['example.com/a', 'example.com/zzz']);
    assert.ok(typeof got !== 'string');
    assert.deepEqual(got.entries.map((e) => e.id), ['GO-2023-0002', 'GO-2023-0003']);
    const again = await db.entriesFor(['example.com/a', 'stdlib']);
    assert.ok(typeof again !== 'string');
    assert.deepEqual(again.entries.map((e) => e.id), ['GO-2023-0001', 'GO-2023-0002', 'GO-2023-0003']);
    assert.deepEqual(asked.map((u) => u.replace('https://db.example/', '')).sort(), ['ID/GO-2023-0001.json.gz', 'ID/GO-2023-0002.json.gz', 'ID/GO-2023-0003.json.gz', 'index/modules.json.gz']);
  });

  it('an entry that cannot be fetched fails the whole answer (a missing finding would look like none)', async () => {
    const db = new RemoteVulnDb('https://db.example', { fetch: fakeFetch([], new Set(['ID/GO-2023-0003'])) });
    assert.equal(await db.entriesFor(['example.com/a']), 'GET https://db.example/ID/GO-2023-0003.json.gz: 500 Internal Server Error');
  });

  it('the editor\'s feed: nothing at first, then the index of what the builds need, and a refresh', async () => {
    let refreshed = 0;
    const feed = new VulnFeed(new RemoteVulnDb('https://db.example', { fetch: fakeFetch([]) }), () => refreshed++, () => undefined);
    assert.equal(feed.index([]), undefined);
    await feed.settled();
    assert.equal(refreshed, 1);
    assert.deepEqual([...(feed.index([])?.byModule.keys() ?? [])], ['stdlib']);
  });

  describe('go-mod-lens vuln -db http://…', () => {
    let dir = '';
    let server: Server;
    let base = '';
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'gml-vuln-http-'));
      mkdirSync(join(dir, 'm'));
      writeFileSync(join(dir, 'm', 'go.mod'), 'module example.com/m\n\ngo 1.21\n\ntoolchain go1.21.3\n');
      server = createServer((req, res) => {
        const text = files[(req.url ?? '').replace(/^\//, '').replace(/\.json\.gz$/, '')];
        if (text === undefined) res.writeHead(404).end();
        else res.writeHead(200).end(gzipSync(text));
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => {
      server?.close();
      rmSync(dir, { recursive: true, force: true });
    });
    // the server runs in this process: the CLI must not block the event loop, so it runs asynchronously
    const run = (args: string[]) => new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      const env = { ...process.env, GOMODCACHE: join(dir, 'modcache'), GOPROXY: 'off', GOFLAGS: '', GOENV: 'off', GOWORK: 'off', GOMODLENS_CACHE_DIR: 'off', GOVULNDB: '' };
      const c = spawn(process.execPath, [join(repoRoot, 'bin/go-mod-lens.js'), 'vuln', ...args], { cwd: dir, env });
      let stdout = '';
      let stderr = '';
      c.stdout.on('data', (d) => (stdout += d));
      c.stderr.on('data', (d) => (stderr += d));
      c.on('close', (status) => done({ status, stdout, stderr }));
    });

    it('reads it with -network, and refuses without', async () => {
      const ok = await run(['-json', '-network', '-db', base, 'm']);
      assert.equal(ok.status, 1, ok.stderr);
      assert.deepEqual(JSON.parse(ok.stdout).Findings.map((f: { ID: string; Fixed: string }) => `${f.ID} ${f.Fixed}`), ['GO-2023-0001 go1.21.4']);
      const off = await run(['-json', '-db', base, 'm']);
      assert.equal(off.status, 2);
      assert.match(off.stderr, /network access is off, so the vulnerability database is read from this machine only/);
    });
  });
});
