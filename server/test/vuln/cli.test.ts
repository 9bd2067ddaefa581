/** go-mod-lens vuln on a temporary module and databases in both layouts: findings, exit status, errors. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../oracle/env';

describe('go-mod-lens vuln', () => {
  let dir = '';
  const env = (extra: Record<string, string> = {}) => ({ ...process.env, GOMODCACHE: join(dir, 'modcache'), GOPROXY: 'off', GOFLAGS: '', GOENV: 'off', GOWORK: 'off', GOMODLENS_CACHE_DIR: 'off', GOVULNDB: '', ...extra });
  const run = (args: string[], extra: Record<string, string> = {}) => spawnSync(process.execPath, [join(repoRoot, 'bin/go-mod-lens.js'), 'vuln', ...args], { cwd: dir, encoding: 'utf8', env: env(extra) });
  const stdlib = (id: string, fixed: string) => JSON.stringify({ id, aliases: ['CVE-1'], summary: `s ${id}`, affected: [{ package: { name: 'stdlib', ecosystem: 'Go' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed }] }] }] });

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gml-vuln-'));
    mkdirSync(join(dir, 'm'));
    writeFileSync(join(dir, 'm', 'go.mod'), 'module example.com/m\n\ngo 1.21\n\ntoolchain go1.21.3\n');
    mkdirSync(join(dir, 'osv'));
    writeFileSync(join(dir, 'osv', 'GO-2023-0001.json'), stdlib('GO-2023-0001', '1.21.4'));
    writeFileSync(join(dir, 'osv', 'GO-2023-0002.json'), stdlib('GO-2023-0002', '1.21.1'));
    writeFileSync(join(dir, 'osv', 'README.json'), '[1, 2]');
    mkdirSync(join(dir, 'v1', 'index'), { recursive: true });
    mkdirSync(join(dir, 'v1', 'ID'));
    writeFileSync(join(dir, 'v1', 'index', 'db.json'), '{"modified":"2024-01-01T00:00:00Z"}');
    writeFileSync(join(dir, 'v1', 'index', 'modules.json'), '[{"path":"stdlib","vulns":[{"id":"GO-2023-0001"}]}]');
    writeFileSync(join(dir, 'v1', 'ID', 'GO-2023-0001.json'), stdlib('GO-2023-0001', '1.21.4'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('-json prints the findings and exits 1; a file that is not an entry is named on stderr', () => {
    const r = run(['-json', '-db', join(dir, 'osv'), 'm']);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { Findings: [{ ID: 'GO-2023-0001', Aliases: ['CVE-1'], Summary: 's GO-2023-0001', Module: 'stdlib', Version: 'go1.21.3', Fixed: 'go1.21.4', Chain: ['example.com/m'] }] });
    assert.match(r.stderr, /skipped README\.json: not an OSV entry/);
  });

  it('reads the served v1 layout from a file:// URL, and GOVULNDB', () => {
    const url = pathToFileURL(join(dir, 'v1')).href;
    const a = run(['-json', `-db=${url}`, 'm']);
    assert.equal(a.status, 1, a.stderr);
    assert.deepEqual(JSON.parse(a.stdout).Findings.map((f: { ID: string }) => f.ID), ['GO-2023-0001']);
    const b = run(['m'], { GOVULNDB: url });
    assert.equal(b.status, 1, b.stderr);
    assert.match(b.stdout, /^GO-2023-0001 \(CVE-1\): s GO-2023-0001\n {2}stdlib@go1\.21\.3, fixed in go1\.21\.4\n/);
  });

  it('no findings: exit 0', () => {
    writeFileSync(join(dir, 'm', 'go.mod'), 'module example.com/m\n\ngo 1.21\n\ntoolchain go1.21.4\n');
    try {
      const r = run(['-db', join(dir, 'osv'), 'm']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^No known vulnerabilities in the 0 modules built\.\n$/);
    } finally {
      writeFileSync(join(dir, 'm', 'go.mod'), 'module example.com/m\n\ngo 1.21\n\ntoolchain go1.21.3\n');
    }
  });

  it('exit 2 without a database, for an http(s) one (nothing is fetched) and for a missing directory', () => {
    const none = run(['m']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no vulnerability database: give -db DIR \(or set GOVULNDB\)/);
    const web = run(['-db', 'https://vuln.go.dev', 'm']);
    assert.equal(web.status, 2);
    assert.match(web.stderr, /read from this machine only/);
    const gone = run(['-db', join(dir, 'nope'), 'm']);
    assert.equal(gone.status, 2);
    assert.match(gone.stderr, /no such directory/);
  });
});
