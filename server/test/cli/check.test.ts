/**
 * go-mod-lens check (issue 18) on a copy of test-fixtures/lsp/module-lifecycle: the findings the
 * editor shows there (its markers), in each format; severities from flags and .go-mod-lens.json;
 * exit statuses; and the SARIF log validated by Microsoft's SARIF Multitool (installed from the npm
 * registry into a cache outside the repository; skipped with one line when it cannot be).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../oracle/env';
import { note } from '../support/notes';
import { putOsvEntry } from '../support/files';

describe('go-mod-lens check', function () {
  this.timeout(240000);
  let dir = '';
  const env = () => ({ ...process.env, GOMODCACHE: join(dir, 'modcache'), GOPROXY: 'off', GOFLAGS: '-mod=mod', GOENV: 'off', GOWORK: 'off', GOMODLENS_CACHE_DIR: 'off', GOVULNDB: '' });
  const check = (args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'bin/go-mod-lens.js'), 'check', ...args], { cwd: dir, env: env(), encoding: 'utf8' });

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gml-check-'));
    cpSync(join(repoRoot, 'test-fixtures/lsp/module-lifecycle'), dir, { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('text: FILE:LINE:COL: level code: message, exit 1 on an error', () => {
    const r = check(['ws']);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.stdout.split('\n').filter((l) => /^ws\//.test(l)).map((l) => l.replace(/: .*?: .*$/, (m) => m.split(': ').slice(0, 2).join(': '))), [
      'ws/go.mod:11:2: warning retracted', 'ws/go.mod:11:2: warning deprecated', 'ws/go.mod:12:2: warning excluded',
      'ws/go.mod:19:1: information replace-unused', 'ws/go.sum:2:31: error sum-mismatch', 'ws/go.sum:3:1: error sum-malformed',
    ]);
    assert.match(r.stdout, /^ws\/go\.sum:3:1: error sum-malformed: malformed go\.sum:\n\t/m, 'a message\'s further lines are indented');
  });

  it('severities from --severity and .go-mod-lens.json; --fail-on', () => {
    assert.equal(check(['--fail-on', 'none', 'ws']).status, 0);
    const quiet = check(['--severity', 'sum-mismatch=off', '--severity=sum-malformed=warning', 'ws']);
    assert.equal(quiet.status, 0, 'no error left');
    assert.doesNotMatch(quiet.stdout, /sum-mismatch/);
    assert.equal(check(['--severity', 'sum-mismatch=off', '--severity=sum-malformed=warning', '--fail-on=warning', 'ws']).status, 1);
    writeFileSync(join(dir, '.go-mod-lens.json'), JSON.stringify({ diagnostics: { severity: { 'replace-unused': 'error', 'retracted': 'off' } } }));
    try {
      const r = check(['--severity', 'replace-unused=hint', 'ws']);
      assert.match(r.stdout, /^ws\/go\.mod:19:1: hint replace-unused:/m, 'the command line wins over the file');
      assert.doesNotMatch(r.stdout, / retracted:/, 'the file turns retracted off');
    } finally {
      rmSync(join(dir, '.go-mod-lens.json'));
    }
  });

  it('json and github formats', () => {
    const j = JSON.parse(check(['--format', 'json', 'ws']).stdout) as { file: string; line: number; code: string; severity: string; fixes?: string[] }[];
    assert.deepEqual(j.find((f) => f.code === 'retracted'), { ...j.find((f) => f.code === 'retracted'), file: 'ws/go.mod', line: 11, severity: 'warning', fixes: ['Set example.com/old to v1.1.0'] });
    const g = check(['--format=github', 'ws']).stdout.split('\n');
    assert.ok(g.includes('::notice file=ws/go.mod,line=19,col=1,endLine=19,endColumn=39,title=go-mod-lens replace-unused::this replace has no effect: example.com/unused is not in the module graph, so the go command ignores it'));
    assert.ok(g.some((l) => /^::error file=ws\/go\.sum,line=3,.*::malformed go\.sum:%0A/.test(l)), 'newlines are escaped');
  });

  it('vulnerable: from --db (a directory of OSV files), as the editor reads GOVULNDB', () => {
    const osv = join(dir, 'osv');
    putOsvEntry(osv, 'GO-2099-0001', 'example.com/fine', 'Made-up flaw in example.com/fine', [{ introduced: '0' }, { fixed: '1.0.1' }]);
    const r = check(['--db', osv, '--fail-on', 'none', 'ws']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^ws\/go\.mod:13:2: \w+ vulnerable: .*GO-2099-0001/m, r.stdout);
    assert.doesNotMatch(check(['--fail-on', 'none', 'ws']).stdout, /vulnerable/, 'no database, no vulnerability check');
    const bad = check(['--db', join(dir, 'no-such-db'), 'ws']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /vulnerability database/);
  });

  it('usage errors exit 2', () => {
    for (const args of [['--format', 'xml'], ['--severity', 'nope=error'], ['--fail-on', 'loud'], ['--bogus'], ['missing-dir']]) {
      const r = check(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}`);
      assert.match(r.stderr, /usage: go-mod-lens check/);
    }
  });

  it('sarif: a SARIF 2.1.0 log the SARIF Multitool validates, with the quick fix as a SARIF fix', function () {
    const r = check(['--format', 'sarif', 'ws']);
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; fixes?: { artifactChanges: { replacements: { insertedContent: { text: string } }[] }[] }[] }[] }[] };
    assert.deepEqual(log.runs[0].tool.driver.rules.map((x) => x.id), ['deprecated', 'excluded', 'replace-unused', 'retracted', 'sum-malformed', 'sum-mismatch']);
    assert.equal(log.runs[0].results.find((x) => x.ruleId === 'retracted')?.fixes?.[0].artifactChanges[0].replacements[0].insertedContent.text, 'v1.1.0');
    const tool = multitool();
    if (typeof tool === 'string') {
      note(`skipped SARIF validation: ${tool}`);
      return;
    }
    const file = join(dir, 'check.sarif');
    writeFileSync(file, r.stdout);
    rmSync(join(dir, 'validation.sarif'), { force: true });
    const v = spawnSync(tool.bin, ['validate', file, '-o', join(dir, 'validation.sarif')], { encoding: 'utf8', timeout: 120000 });
    assert.equal(v.status, 0, v.stdout + v.stderr);
    const found = (JSON.parse(readFileSync(join(dir, 'validation.sarif'), 'utf8')) as { runs: { results?: { ruleId: string; level?: string; message: unknown }[] }[] }).runs[0].results ?? [];
    // schema (JSON…) and SARIF rule results alike: none, not even a warning
    assert.deepEqual(found.map((x) => `${x.level ?? 'warning'} ${x.ruleId} ${JSON.stringify(x.message)}`), []);
    note('SARIF Multitool 5.7.0: the log is valid, no errors or warnings');
  });
});

/** multitool: the SARIF Multitool binary, installed once into a cache outside the repository; a string says why not. */
function multitool(): { bin: string } | string {
  const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'go-mod-lens-tools', 'sarif-multitool-5.7.0');
  const bin = join(cache, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
  if (process.platform !== 'linux' || process.arch !== 'x64') return `the SARIF Multitool's npm package serves linux-x64 here, not ${process.platform}-${process.arch}`;
  if (!existsSync(bin)) {
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'package.json'), '{"private": true}');
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '@microsoft/sarif-multitool@5.7.0'], { cwd: cache, encoding: 'utf8', timeout: 200000 });
    if (r.status !== 0 || !existsSync(bin)) return `npm install @microsoft/sarif-multitool@5.7.0 failed: ${(r.stderr || r.stdout).trim().split('\n').pop()}`;
  }
  chmodSync(bin, 0o755); // its postinstall would do this; scripts are not run
  return { bin };
}
