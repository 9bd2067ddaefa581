/**
 * The GitHub Action (action.yml, issue 18), run here as a runner would run it: its metadata read
 * with js-yaml and checked (a composite action on Node 20; every input, step and output it refers
 * to exists), then its steps executed on a pull request of support/updateWorld.ts — the `${{ }}`
 * expressions evaluated (the subset the file uses: contexts, string literals, == != && || !), each
 * `run` in `bash --noprofile --norc -eo pipefail`, GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STEP_SUMMARY
 * honoured, `uses:` steps recorded instead of run, and the GitHub API answered by a local server.
 * Asserted: the annotations and the SARIF log check writes, the upload's input, the comparison in
 * the job summary and in one pull-request comment (posted, then updated by the next run), and the
 * job failing on findings at or above fail-on — and passing with fail-on none.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { repoRoot } from '../oracle/env';
import { makeUpdateWorld, UpdateWorld } from '../support/updateWorld';
import { putFile } from '../support/files';
import { note } from '../support/notes';

interface Step { id?: string; name?: string; uses?: string; run?: string; shell?: string; if?: string; env?: Record<string, string>; with?: Record<string, string>; 'working-directory'?: string; 'continue-on-error'?: boolean }
interface Action { name: string; inputs: Record<string, { description: string; default?: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }

type Value = string | number | boolean | undefined | null | Record<string, unknown>;

/** evaluate: a GitHub Actions expression of the subset action.yml uses, over `ctx`. */
function evaluate(expr: string, ctx: Record<string, unknown>): Value {
  const tokens = expr.match(/\s*('(?:[^']|'')*'|&&|\|\||==|!=|!|\(|\)|[A-Za-z_][\w.-]*)/g)?.map((t) => t.trim()) ?? [];
  assert.equal(tokens.join(''), expr.replace(/\s+/g, ''), `unsupported expression: ${expr}`);
  let i = 0;
  const truthy = (v: Value): boolean => v !== undefined && v !== null && v !== '' && v !== false && v !== 0;
  const primary = (): Value => {
    const t = tokens[i++];
    if (t === '(') {
      const v = or();
      assert.equal(tokens[i++], ')');
      return v;
    }
    if (t === '!') return !truthy(primary());
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (t === 'true' || t === 'false') return t === 'true';
    let v: unknown = ctx;
    for (const part of t.split('.')) v = v === undefined || v === null ? undefined : (v as Record<string, unknown>)[part];
    return v as Value;
  };
  const eq = (): Value => {
    let v = primary();
    while (tokens[i] === '==' || tokens[i] === '!=') {
      const op = tokens[i++];
      const w = primary();
      const same = String(v ?? '') === String(w ?? '');
      v = op === '==' ? same : !same;
    }
    return v;
  };
  const and = (): Value => {
    let v = eq();
    while (tokens[i] === '&&') {
      i++;
      const w = eq();
      v = truthy(v) ? w : v;
    }
    return v;
  };
  const or = (): Value => {
    let v = and();
    while (tokens[i] === '||') {
      i++;
      const w = and();
      v = truthy(v) ? v : w;
    }
    return v;
  };
  const v = or();
  assert.equal(i, tokens.length, `unparsed: ${expr}`);
  return v;
}

/** expand: a string with `${{ … }}` parts evaluated. */
const expand = (s: string, ctx: Record<string, unknown>): string => s.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => {
  const v = evaluate(e.trim(), ctx);
  return v === undefined || v === null ? '' : String(v);
});

/** keyValues: the key=value lines of a GITHUB_OUTPUT or GITHUB_ENV file. */
const keyValues = (file: string): Record<string, string> => Object.fromEntries(readFileSync(file, 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

interface JobRun { status: 'success' | 'failure'; failedStep?: string; outputs: Record<string, string>; summary: string; log: string; uses: { uses: string; with: Record<string, string> }[] }

/** runJob runs the action's steps as a runner would, with `inputs` given by the workflow. */
async function runJob(action: Action, workspace: string, inputs: Record<string, string>, github: Record<string, unknown>, env: Record<string, string | undefined>): Promise<JobRun> {
  const temp = mkdtempSync(join(tmpdir(), 'gml-runner-'));
  const summaryFile = join(temp, 'summary.md');
  const envFile = join(temp, 'env');
  writeFileSync(summaryFile, '');
  writeFileSync(envFile, '');
  const withDefaults = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? (v.default !== undefined ? expand(v.default, { github }) : '')]));
  const steps: Record<string, { outputs: Record<string, string>; outcome: string }> = {};
  const ctx = { inputs: withDefaults, github, steps };
  const run: JobRun = { status: 'success', outputs: {}, summary: '', log: '', uses: [] };
  try {
    for (const [n, step] of action.runs.steps.entries()) {
      const cond = step.if === undefined ? true : evaluate(step.if.replace(/^\$\{\{(.*)\}\}$/s, '$1').trim(), ctx);
      if (run.status === 'failure' || !cond) continue;
      const outFile = join(temp, `output-${n}`);
      writeFileSync(outFile, '');
      if (step.uses) {
        run.uses.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(String(v), ctx)])) });
        if (step.id) steps[step.id] = { outputs: {}, outcome: 'success' };
        continue;
      }
      assert.equal(step.shell, 'bash', `${step.name}: a composite run step names its shell`);
      const script = join(temp, `step-${n}.sh`);
      writeFileSync(script, step.run ?? '');
      const stepEnv: Record<string, string | undefined> = {
        ...env, ...keyValues(envFile), GITHUB_ACTION_PATH: repoRoot, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp,
        GITHUB_OUTPUT: outFile, GITHUB_ENV: envFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_REPOSITORY: String(github.repository), GITHUB_API_URL: String(github.api_url),
        ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v), ctx)])),
      };
      const cwd = step['working-directory'] ? expand(step['working-directory'], ctx) : workspace;
      const code = await new Promise<number>((resolve) => {
        const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env: stepEnv });
        child.stdout.on('data', (d: Buffer) => (run.log += d.toString()));
        child.stderr.on('data', (d: Buffer) => (run.log += d.toString()));
        child.on('close', (c) => resolve(c ?? 1));
      });
      if (step.id) steps[step.id] = { outputs: keyValues(outFile), outcome: code === 0 ? 'success' : 'failure' };
      if (code !== 0 && !step['continue-on-error']) {
        run.status = 'failure';
        run.failedStep = step.name;
      }
    }
    run.outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, expand(v.value, ctx)]));
    run.summary = readFileSync(summaryFile, 'utf8');
    const sarif = run.outputs['sarif-file'];
    if (sarif) putFile(join(workspace, '..', 'last.sarif'), readFileSync(sarif));
    return run;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

describe('the GitHub Action (action.yml)', function () {
  this.timeout(120000);
  const action = load(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as Action;
  let root = '';
  let world: UpdateWorld;
  const comments: { id: number; body: string }[] = [];
  const requests: string[] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (d: Buffer) => (data += d.toString()));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url} ${req.headers.authorization}`);
      res.setHeader('Content-Type', 'application/json');
      const m = /^\/repos\/o\/r\/issues\/comments\/(\d+)$/.exec(req.url ?? '');
      const c = comments.find((x) => m && x.id === Number(m[1]));
      if (req.method === 'GET' && /^\/repos\/o\/r\/issues\/7\/comments\?/.test(req.url ?? '')) res.end(JSON.stringify(comments));
      else if (req.method === 'POST' && req.url === '/repos/o/r/issues/7/comments') {
        comments.push({ id: 100 + comments.length, body: (JSON.parse(data) as { body: string }).body });
        res.end(JSON.stringify(comments.at(-1)));
      } else if (req.method === 'PATCH' && c) {
        c.body = (JSON.parse(data) as { body: string }).body;
        res.end(JSON.stringify(c));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
  });

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'gml-action-'));
    world = makeUpdateWorld(root);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  after(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  const github = () => {
    const base = world.git('rev-parse', 'HEAD~1');
    return {
      workspace: world.repo, event_name: 'pull_request', repository: 'o/r', token: 'secret-token',
      api_url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, event: { pull_request: { number: 7, base: { sha: base } } },
    };
  };

  it('is a composite action on Node 20 whose references all resolve', () => {
    assert.equal(action.runs.using, 'composite');
    const node = action.runs.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    assert.equal(String(node?.with?.['node-version']), '20');
    const text = readFileSync(join(repoRoot, 'action.yml'), 'utf8');
    for (const [, name] of text.matchAll(/inputs\.([\w-]+)/g)) assert.ok(action.inputs[name], `inputs.${name} is declared`);
    const ids = new Set(action.runs.steps.map((s) => s.id).filter(Boolean));
    for (const [, id] of text.matchAll(/steps\.([\w-]+)\.outputs/g)) assert.ok(ids.has(id), `step ${id} exists`);
    for (const s of action.runs.steps) if (s.run) assert.doesNotMatch(s.run, /\$\{\{/, `${s.name}: inputs reach scripts through env, never spliced into the script`);
  });

  it("README's workflow passes actionlint (its inputs checked against action.yml), the run scripts shellcheck", function () {
    const tools = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'go-mod-lens-tools', 'actionlint-1.7.12');
    const actionlint = join(tools, 'actionlint');
    if (!existsSync(actionlint)) {
      const r = spawnSync('go', ['install', 'github.com/rhysd/actionlint/cmd/actionlint@v1.7.12'], { env: { ...process.env, GOBIN: tools, GOFLAGS: '-modcacherw' }, encoding: 'utf8' });
      if (r.status !== 0) {
        note(`skipped actionlint: go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 failed: ${(r.stderr || String(r.error)).trim().split('\n').pop()}`);
      }
    }
    const dir = join(root, 'lint');
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const workflow = /```yaml\n(# \.github\/workflows\/go-mod\.yml\n[\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(workflow, 'README has the workflow example');
    putFile(join(dir, '.github/workflows/go-mod.yml'), workflow.replace(/go-mod-lens\/go-mod-lens@v[\d.]+/, './'));
    putFile(join(dir, 'action.yml'), readFileSync(join(repoRoot, 'action.yml')));
    spawnSync('git', ['init', '-q', dir]);
    let checked = 0;
    if (existsSync(actionlint)) {
      const r = spawnSync(actionlint, ['-shellcheck=', '-pyflakes='], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      checked++;
    }
    if (spawnSync('shellcheck', ['--version']).status === 0) {
      for (const [i, step] of action.runs.steps.entries()) {
        if (!step.run) continue;
        const script = join(dir, `step-${i}.sh`);
        writeFileSync(script, `#!/usr/bin/env bash\n${step.run}`);
        const r = spawnSync('shellcheck', ['-s', 'bash', script], { encoding: 'utf8' });
        assert.equal(r.status, 0, `${step.name}: ${r.stdout}`);
      }
      const hook = spawnSync('shellcheck', [join(repoRoot, 'scripts/pre-commit-hook.sh')], { encoding: 'utf8' });
      assert.equal(hook.status, 0, hook.stdout);
      checked++;
    } else note('skipped shellcheck: not installed (.ci/run installs it)');
    if (checked === 0) this.skip();
  });

  it('on a pull request: annotations, SARIF, the comparison in the summary and in one comment; fails on findings', async () => {
    // this world has no go.sum: sum-missing, a warning, fails the job at fail-on warning
    const first = await runJob(action, world.repo, { 'fail-on': 'warning' }, github(), world.env);
    assert.equal(first.status, 'failure', first.log);
    assert.equal(first.failedStep, 'Fail on findings', first.log);
    assert.equal(first.outputs.status, '1');
    assert.match(first.log, /^::warning file=go\.mod,line=1,col=1,.*title=go-mod-lens sum-missing::/m);
    const upload = first.uses.find((u) => u.uses.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload?.with.category, 'go-mod-lens');
    assert.equal(upload?.with.sarif_file, first.outputs['sarif-file']);
    const sarif = JSON.parse(readFileSync(join(root, 'last.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((r) => r.ruleId === 'sum-missing'));
    assert.match(first.summary, /^### go-mod-lens: 4 modules change in the build list \(2 upgraded, 2 added\)/m);
    assert.ok(first.summary.includes('| `example.com/x` |  | v1.2.0 | added | required by `example.com/b@v1.1.0`'), first.summary);
    assert.equal(comments.length, 1);
    assert.ok(comments[0].body.startsWith('<!-- go-mod-lens diff -->'));
    assert.ok(comments[0].body.includes('4 modules change in the build list'));
    assert.ok(requests.every((r) => r.endsWith('Bearer secret-token')), requests.join('\n'));
  });

  it('a second push updates the comment instead of adding one; fail-on none passes', async () => {
    world.git('checkout', '-q', '-b', 'second');
    putFile(join(world.repo, 'go.mod'), world.goMod(['example.com/b v1.1.0'], '1.22'));
    world.git('commit', '-qam', 'three');
    const second = await runJob(action, world.repo, { 'fail-on': 'none', 'annotations': 'false', 'base': world.git('rev-parse', 'HEAD~2') }, github(), world.env);
    assert.equal(second.status, 'success', second.log);
    assert.equal(second.outputs.status, '0');
    assert.equal(comments.length, 1, 'one comment');
    assert.match(comments[0].body, /2 modules change in the build list \(1 upgraded, 1 added\)/);
    assert.ok(requests.some((r) => r.startsWith('PATCH /repos/o/r/issues/comments/100 ')), requests.join('\n'));
  });
});
