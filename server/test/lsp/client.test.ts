/**
 * The test client and the fixture runner, end to end over real stdio, against a tiny stand-in server
 * (fakeServer.ts) and a sample fixture written to a temporary directory: a correct fixture passes in
 * pull and push mode, a wrong one reports every mismatch, didChange re-publishes, shutdown exits 0.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LspClient } from './client';
import { readFixture, type ServerCommand } from './fixture';
import { runFixture } from './runner';

const fake: ServerCommand = { command: process.execPath, args: [join(__dirname, 'fakeServer.js'), '--stdio'], cwd: __dirname };

const goMod = [
  'module example.com/m //@hover(at="example.com/m", contains="word example.com/m", contains="{\\"x\\":1}", contains="empty-modcache", not="BAD")',
  '',
  '//@hint("→ v1.1.0", tooltip="required example.com/a")',
  'require example.com/a v1.1.0',
  'BAD line //@diag(code="syntax", severity="error", msg="unknown directive", at="BAD") @fix(code="syntax", title="Delete", golden="deleted.golden")',
  '',
].join('\n');

const temporary: string[] = [];

function writeTree(root: string, files: Record<string, string>): string {
  temporary.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

function sample(overrides: Record<string, string> = {}): string {
  return writeTree(mkdtempSync(join(tmpdir(), 'gml-sample-')), {
    'fixture.json': JSON.stringify({ settings: { x: 1 } }),
    'ws/go.mod': goMod,
    'ws/go.sum': 'example.com/a v1.1.0/go.mod h1:abc=\nBAD\n',
    'markers.txt': '# go.sum holds no comments\nws/go.sum:2 @diag(code="syntax", at="BAD")\n',
    'deleted.golden': goMod.split('\n').filter((l) => !l.startsWith('BAD')).join('\n'),
    ...overrides,
  });
}

describe('LSP test client and runner (against a stand-in server)', function () {
  this.timeout(30000);
  after(() => {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  });

  it('a fixture whose markers match passes with pull diagnostics', async () => {
    const run = await runFixture(readFixture(sample()), { server: fake });
    assert.deepEqual(run.mismatches, []);
    assert.equal(run.pulled, true);
  });

  it('the same fixture passes with publishDiagnostics only', async () => {
    const run = await runFixture(readFixture(sample()), { server: fake, pull: false });
    assert.deepEqual(run.mismatches, []);
    assert.equal(run.pulled, false);
  });

  it('a fixture whose markers do not match reports every mismatch', async () => {
    const wrong = goMod
      .replace('@diag(code="syntax", severity="error"', '@diag(code="syntax", severity="warning"')
      .replace('"→ v1.1.0"', '"→ v1.2.0"')
      .replace('contains="empty-modcache"', 'contains="absent text"');
    const dir = sample({
      'ws/go.mod': wrong,
      'ws/go.work': 'go 1.21\nBAD\n',
      'deleted.golden': 'something else\n',
    });
    const run = await runFixture(readFixture(dir), { server: fake });
    temporary.push(run.root);
    const text = run.mismatches.join('\n');
    const want = [
      /^ws\/go\.mod:1:\d+: @hover.*: hover lacks "absent text"$/m,
      /^ws\/go\.mod:4: missing inlay hint @hint\("→ v1\.2\.0".*got on that line: "→ v1\.1\.0"/m,
      /^ws\/go\.mod:4: unexpected inlay hint "→ v1\.1\.0"/m,
      /^ws\/go\.mod:5: missing diagnostic @diag\(code="syntax", severity="warning".*got on that line: \[error\] syntax/m,
      /^ws\/go\.mod:5: unexpected diagnostic \[error\] syntax "unknown directive: BAD" \(5:1-5:4\)/m,
      /^ws\/go\.mod:5: @fix.*: ws\/go\.mod after the fix differs from deleted\.golden: first difference at line 1/m,
      /^ws\/go\.work:2: unexpected diagnostic \[error\] syntax/m,
    ];
    for (const re of want) assert.match(text, re);
    assert.equal(run.mismatches.length, want.length, text);
  });

  it('a stray edit to a file no @fix lists is reported', async () => {
    const dir = sample({ 'ws/go.mod': goMod.replace('golden="deleted.golden"', 'file="go.sum", golden="deleted.golden"') });
    const run = await runFixture(readFixture(dir), { server: fake });
    temporary.push(run.root);
    assert.match(run.mismatches.join('\n'), /the edit also changes ws\/go\.mod, which no @fix with this title lists/);
  });

  it('didChange re-publishes, pull follows the edit, shutdown exits with 0', async () => {
    const ws = writeTree(mkdtempSync(join(tmpdir(), 'gml-client-')), { 'go.mod': 'module m\n' });
    const client = await LspClient.start({ ...fake, env: { PATH: process.env.PATH }, folders: [ws], pullDiagnostics: false });
    try {
      const file = join(ws, 'go.mod');
      await client.open(file);
      assert.deepEqual((await client.diagnostics(file)), []);
      await client.change(file, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'BAD\n' });
      assert.equal(client.document(file).text, 'BAD\nmodule m\n');
      const p = await client.nextPublish(file);
      assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range.start.line]), [['syntax', 0]]);
      assert.equal(p.version, 2);
      await client.change(file, readFileSync(file, 'utf8'));
      assert.deepEqual((await client.diagnostics(file)), []);
      await client.shutdown();
      assert.equal(client.exitStatus?.code, 0);
    } finally {
      client.dispose();
    }
  });

  it('a server that dies is reported with its stderr instead of hanging', async () => {
    const client = LspClient.start({
      command: process.execPath, args: ['-e', 'process.stderr.write("boom: no such command"); process.exit(3)'],
      cwd: __dirname, env: {}, folders: [__dirname],
    });
    await assert.rejects(client, /server exited.*"code":3[\s\S]*boom: no such command/);
  });
});
