/**
 * go-mod-lens diff (issue 18) through the command line: a git repository whose go.mod changes the
 * way a dependency-update pull request does, compared at revisions (--base, two revisions, a
 * subdirectory), as two directories and as two go.mod files; the text, Markdown and JSON forms; the
 * findings that appear (a vulnerable version, from an OSV directory); exit statuses. The world is
 * support/updateWorld.ts (a file:// GOPROXY: no network, no go command needed).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../oracle/env';
import { putFile, putOsvEntry } from '../support/files';
import { UpdateWorld, makeUpdateWorld } from '../support/updateWorld';

describe('go-mod-lens diff', function () {
  this.timeout(120000);
  let root = '';
  let repo = '';
  let world: UpdateWorld;
  // the repository has no go.sum: sum-missing (which changes with every change) is turned off but where a test looks at it
  const run = (args: string[], cwd = repo, quiet = true) => spawnSync(process.execPath, [join(repoRoot, 'bin/go-mod-lens.js'), 'diff', ...(quiet ? ['--severity', 'sum-missing=off'] : []), ...args], { cwd, env: world.env, encoding: 'utf8' });
  const git = (...args: string[]) => world.git(...args);
  const goMod = (requires: string[], go = '1.21') => world.goMod(requires, go);

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'gml-diff-'));
    world = makeUpdateWorld(root);
    repo = world.repo;
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const expected = [
    'upgraded go 1.21 => 1.22',
    'upgraded example.com/a v1.1.0 => v1.3.0',
    '\trequired by example.com/c@v1.0.0; go.mod: require example.com/c v1.0.0 added',
    'upgraded example.com/b v1.0.0 => v1.1.0',
    '\tgo.mod: require example.com/b v1.0.0 => v1.1.0',
    'added example.com/c v1.0.0',
    '\tgo.mod: require example.com/c v1.0.0 added',
    'added example.com/x v1.2.0',
    '\trequired by example.com/b@v1.1.0; go.mod: require example.com/b v1.0.0 => v1.1.0',
  ];

  it('two revisions: every module that moves, in go get\'s words, with the requirement that moves it', () => {
    const r = run(['HEAD~1', 'HEAD']);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^# HEAD~1 \([0-9a-f]{12}\) => HEAD \([0-9a-f]{12}\)$/);
    assert.deepEqual(lines.slice(1, -1), expected);
    assert.match(lines.at(-1) ?? '', /^4 modules change in the build list \(2 upgraded, 2 added\); 0 new findings, 0 resolved\.$/);
  });

  it('--base REV against the working tree, and a subdirectory of the repository (DIR)', () => {
    putFile(join(repo, 'go.mod'), goMod(['example.com/b v1.1.0', 'example.com/c v1.0.0'], '1.22').replace('example.com/b v1.1.0', 'example.com/b v1.0.0'));
    try {
      const r = run(['--base', 'HEAD']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^# HEAD \([0-9a-f]{12}\) => the working tree\n/);
      assert.deepEqual(r.stdout.trimEnd().split('\n').slice(1, -1), ['downgraded example.com/b v1.1.0 => v1.0.0', '\tgo.mod: require example.com/b v1.1.0 => v1.0.0', 'removed example.com/x v1.2.0', '\twas required by example.com/b@v1.1.0; go.mod: require example.com/b v1.1.0 => v1.0.0']);
    } finally {
      git('checkout', '-q', '--', 'go.mod');
    }
    const tools = run(['HEAD~1', 'HEAD', 'tools']);
    assert.equal(tools.status, 0, tools.stderr);
    assert.match(tools.stdout, /^the build list does not change; 0 new findings, 0 resolved\.$/m);
    // --base from inside the subdirectory: the same
    assert.equal(run(['--base', 'HEAD~1'], join(repo, 'tools')).status, 0);
  });

  it('a module the change adds (its directory is not in the base): every module it builds is added; in neither revision: exit 1', () => {
    putFile(join(repo, 'added/go.mod'), 'module example.com/app/added\n\ngo 1.21\n\nrequire example.com/c v1.0.0\n');
    try {
      const r = run(['--base', 'HEAD', 'added']);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(r.stdout.trimEnd().split('\n').slice(1, -1), [
        'added go 1.21', 'added main module example.com/app/added',
        'added example.com/a v1.3.0', '\trequired by example.com/c@v1.0.0; go.mod: require example.com/c v1.0.0 added',
        'added example.com/c v1.0.0', '\tgo.mod: require example.com/c v1.0.0 added',
      ]);
    } finally {
      rmSync(join(repo, 'added'), { recursive: true, force: true });
    }
    // a directory neither revision has
    mkdirSync(join(repo, 'empty'), { recursive: true });
    const none = run(['HEAD~1', 'HEAD', 'empty']);
    rmSync(join(repo, 'empty'), { recursive: true, force: true });
    assert.equal(none.status, 1);
    assert.match(none.stderr, /neither HEAD~1 \(\w+\) nor HEAD \(\w+\) has a go\.mod or go\.work at empty/);
  });

  it('two directories, and two go.mod files (one not named go.mod)', () => {
    const [a, b] = [join(root, 'dirs/old'), join(root, 'dirs/new')];
    putFile(join(a, 'go.mod'), goMod(['example.com/b v1.0.0']));
    putFile(join(b, 'go.mod'), goMod(['example.com/b v1.1.0', 'example.com/c v1.0.0'], '1.22'));
    const dirs = run([a, b], root);
    assert.equal(dirs.status, 0, dirs.stderr);
    assert.deepEqual(dirs.stdout.trimEnd().split('\n').slice(1, -1), expected);
    putFile(join(root, 'dirs/go.mod.orig'), goMod(['example.com/b v1.0.0']));
    const files = run(['dirs/go.mod.orig', 'dirs/new/go.mod'], root);
    assert.equal(files.status, 0, files.stderr);
    assert.deepEqual(files.stdout.trimEnd().split('\n').slice(1, -1), expected);
  });

  it('a workspace: go.work starts using the directory of a module the build required — it becomes a main module', () => {
    const ws = join(root, 'dirs/work');
    putFile(join(ws, 'app/go.mod'), world.goMod(['example.com/b v1.0.0']));
    putFile(join(ws, 'b/go.mod'), 'module example.com/b\n\ngo 1.21\n');
    putFile(join(ws, 'old/go.work'), 'go 1.21\n\nuse ../app\n');
    putFile(join(ws, 'new/go.work'), 'go 1.22\n\nuse (\n\t../app\n\t../b\n)\n');
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin/go-mod-lens.js'), 'diff', '--severity', 'sum-missing=off', 'old/go.work', 'new/go.work'], { cwd: ws, env: { ...world.env, GOWORK: '' }, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trimEnd().split('\n').slice(1, -1), [
      // a v1.1.0 stays, as in go list -m all (go1.26.8 keeps it: app still requires b v1.0.0, whose go.mod needs it)
      'upgraded go 1.21 => 1.22', 'added main module example.com/b', 'removed example.com/b v1.0.0', '\tnow a main module: the workspace uses its directory',
    ]);
  });

  it('markdown for a pull-request comment, and json', () => {
    const md = run(['--format', 'markdown', 'HEAD~1', 'HEAD']).stdout;
    assert.match(md, /^### go-mod-lens: 4 modules change in the build list \(2 upgraded, 2 added\)\n/);
    assert.match(md, /^\| Module \| Before \| After \| Change \| Why \|$/m);
    assert.ok(md.includes('| `example.com/x` |  | v1.2.0 | added | required by `example.com/b@v1.1.0`; go.mod: `require example.com/b v1.0.0 => v1.1.0` |'), md);
    assert.match(md, /<details><summary>Requirement chains of the modules no go.mod line names<\/summary>/);
    const j = JSON.parse(run(['--format', 'json', 'HEAD~1', 'HEAD']).stdout) as { GoLine: unknown; Changes: { Path: string; Kind: string; Direct: boolean; RequiredBy: string[]; Root?: { Path: string } }[] };
    assert.deepEqual(j.GoLine, { From: '1.21', To: '1.22' });
    const a = j.Changes.find((c) => c.Path === 'example.com/a');
    assert.deepEqual([a?.Kind, a?.Direct, a?.RequiredBy, a?.Root?.Path], ['upgraded', false, ['example.com/app', 'example.com/c@v1.0.0', 'example.com/a@v1.3.0'], 'example.com/c']);
  });

  it('findings that appear: a version with a known vulnerability (--db), and --fail-on', () => {
    const osv = join(root, 'osv');
    putOsvEntry(osv, 'GO-2099-0002', 'example.com/x', 'Made-up flaw in x v1.2.0', [{ introduced: '1.2.0' }, { fixed: '1.2.1' }]);
    const r = run(['--db', osv, 'HEAD~1', 'HEAD']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^new findings:\n\tgo\.mod:\d+:\d+: \w+ vulnerable: .*GO-2099-0002/m);
    assert.match(r.stdout, /1 new finding, 0 resolved\.$/m);
    assert.equal(run(['--db', osv, '--fail-on', 'information', 'HEAD~1', 'HEAD']).status, 1, 'a new finding at or above --fail-on fails');
    assert.equal(run(['--db', osv, '--fail-on', 'information', 'HEAD', 'HEAD']).status, 0, 'no change, nothing new');
    // a finding on the same thing with another message has changed (go.sum lacks other checksums now)
    const all = run(['HEAD~1', 'HEAD'], repo, false);
    assert.match(all.stdout, /^changed findings:\n\tgo\.mod:1:1: warning sum-missing: .*lacks 2 checksums.*\n\t\t\(was: .*lacks 1 checksum /m);
    assert.match(all.stdout, /0 new findings, 0 resolved, 1 changed\.$/m);
  });

  it('usage errors exit 2, a side that does not build exits 1 and names it', () => {
    for (const args of [[], ['HEAD'], ['--format', 'xml', 'HEAD~1', 'HEAD'], ['no-such-rev', 'HEAD'], ['--base', 'HEAD', 'a', 'b']]) {
      const r = run(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /usage: go-mod-lens diff/);
    }
    assert.match(run(['no-such-rev', 'HEAD']).stderr, /no-such-rev is neither a file nor a directory, nor a revision/);
    const outside = mkdtempSync(join(tmpdir(), 'gml-diff-nogit-'));
    try {
      cpSync(join(repo, 'go.mod'), join(outside, 'go.mod'));
      const r = run(['--base', 'HEAD'], outside);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /not in a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    putFile(join(root, 'bad/go.mod'), 'module example.com/bad\n\ngo 1.21\n\nrequire example.com/missing v1.0.0\n');
    const bad = run(['dirs/old', 'bad'], root);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /^go-mod-lens: bad: .*example\.com\/missing/);
  });
});
