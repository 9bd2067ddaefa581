/**
 * Neovim as an independent LSP client (oracles.md §3): headless Neovim runs neovim.lua, which
 * starts the real server over stdio with Neovim's own client (vim.lsp.start_client), opens
 * A/go.mod of the replace-chain fixture, waits for pushed diagnostics (Neovim 0.7 has no pull
 * diagnostics), asks for the hover on the `B` of `replace B => ../B` and for the code actions of
 * that line, and writes what it saw as JSON. This test checks that JSON: the replace-ineffective
 * diagnostic on that line, the hover text, and the quick fix that adds `replace B => ./B` to the
 * main module's go.mod (applied, it must give the fixture's golden file).
 *
 * Skipped when `nvim` is not installed (`apt-get install -y neovim`).
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../oracle/env';
import { applyTextEdits } from './edits';
import { fixturesRoot, prepareFixture, readFixture, serverCommand, type PreparedFixture } from './fixture';

/** NvimResult is the JSON neovim.lua writes. */
interface NvimResult {
  error?: string;
  filetype?: string;
  steps: Array<{ name: string; ms: number }>;
  diagnostics?: Array<{ lnum: number; col: number; code?: string | number; severity?: number; message: string }>;
  hover?: string | null;
  code_actions?: Array<{ title: string; kind?: string; edits: NvimEdit[] }>;
  exit?: { code: number; signal: number };
}

interface NvimEdit {
  uri: string;
  newText: string | null;
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

const nvimBinary = process.env.GML_NVIM ?? 'nvim';
const limitMs = 30000;

/** nvimVersion is the first line of `nvim --version`, or undefined when Neovim cannot be run. */
function nvimVersion(): string | undefined {
  const r = spawnSync(nvimBinary, ['--version'], { encoding: 'utf8', timeout: 10000 });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

/** runNeovim runs headless Neovim on neovim.lua with a config file; it kills Neovim after limitMs. */
function runNeovim(home: string, configFile: string): Promise<{ code: number | null; output: string; killed: boolean }> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, HOME: home, GML_NVIM_CONFIG: configFile,
    XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'),
    XDG_STATE_HOME: join(home, '.local/state'), XDG_CACHE_HOME: join(home, '.cache'),
  };
  const script = join(repoRoot, 'server/test/lsp/neovim.lua');
  const child = spawn(nvimBinary, ['--headless', '--clean', '-c', `luafile ${script}`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  return new Promise((resolve, reject) => {
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, killed });
    });
  });
}

/** lspLogTail is the end of Neovim's lsp.log (server stderr lands there), for failure messages. */
function lspLogTail(home: string): string {
  for (const f of [join(home, '.cache/nvim/lsp.log'), join(home, '.local/state/nvim/lsp.log')]) {
    if (existsSync(f)) return readFileSync(f, 'utf8').slice(-4000);
  }
  return '(no lsp.log)';
}

describe('Neovim as an independent LSP client (real server over stdio)', function () {
  this.timeout(limitMs + 20000);
  const version = nvimVersion();
  if (!version) {
    it.skip(`skipped: ${nvimBinary} is not installed (apt-get install -y neovim)`);
    return;
  }
  let p: PreparedFixture | undefined;
  after(() => {
    if (p) rmSync(p.root, { recursive: true, force: true });
  });

  it(`${version}: push diagnostics, hover and the add-replace quick fix on replace-chain/ws/A/go.mod`, async function () {
    p = prepareFixture(readFixture(join(fixturesRoot, 'replace-chain')));
    const ws = join(p.root, 'ws');
    const file = join(ws, 'A/go.mod');
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    const line = lines.findIndex((l) => /^replace B => \.\.\/B\b/.test(l));
    assert.ok(line >= 0, 'the fixture A/go.mod has no `replace B => ../B` line');
    const home = join(p.root, '.nvim-home');
    mkdirSync(home, { recursive: true });
    const out = join(p.root, 'nvim-result.json');
    const server = serverCommand();
    const config = {
      cmd: [server.command, ...server.args], env: p.env, folder: ws, file, line, character: 'replace '.length, out,
      timeout_ms: limitMs - 10000,
    };
    const configFile = join(p.root, 'nvim-config.json');
    writeFileSync(configFile, JSON.stringify(config));

    const run = await runNeovim(home, configFile);
    const context = (): string => `\n--- nvim exit ${run.code}${run.killed ? ' (killed after the time limit)' : ''}, output ---\n${run.output}\n--- lsp.log (tail) ---\n${lspLogTail(home)}`;
    assert.ok(existsSync(out), `Neovim wrote no result file${context()}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
    assert.equal(result.error, undefined, `neovim.lua failed: ${result.error}\nsteps: ${JSON.stringify(result.steps)}${context()}`);
    assert.equal(run.code, 0, `Neovim exited with ${run.code}${context()}`);

    const diags = result.diagnostics ?? [];
    assert.ok(diags.some((d) => d.code === 'replace-ineffective' && d.lnum === line),
      `want a replace-ineffective diagnostic on line ${line} (0-based) of A/go.mod; Neovim shows ${JSON.stringify(diags, null, 1)}`);
    assert.ok(typeof result.hover === 'string' && result.hover.includes('Ignored here: not the main module'),
      `hover at ${line}:${config.character} should say "Ignored here: not the main module"; got ${JSON.stringify(result.hover)}`);

    const actions = result.code_actions ?? [];
    const fix = actions.find((a) => a.title.includes('Add "replace B => ./B"'));
    assert.ok(fix, `no code action titled 'Add "replace B => ./B" …'; got ${JSON.stringify(actions.map((a) => a.title))}`);
    const rootMod = join(ws, 'go.mod');
    const targets = fix.edits.map((e) => fileURLToPath(e.uri));
    assert.ok(fix.edits.length > 0 && targets.every((t) => t === rootMod), `the fix should edit only ws/go.mod; edits ${JSON.stringify(fix.edits)}`);
    const edited = applyTextEdits(readFileSync(rootMod, 'utf8'), fix.edits.map((e) => {
      assert.ok(e.range && typeof e.newText === 'string', `not a text edit: ${JSON.stringify(e)}`);
      return { range: e.range, newText: e.newText };
    }));
    assert.ok(edited.split(/\r?\n/).includes('replace B => ./B'), `the fix should add a line \`replace B => ./B\`; gives:\n${edited}`);
    assert.equal(edited, readFileSync(join(p.root, 'add-replace.golden'), 'utf8'), 'ws/go.mod after the fix differs from add-replace.golden');
    assert.deepEqual(result.exit, { code: 0, signal: 0 }, 'the server should exit with 0 after Neovim sends shutdown + exit');
  });
});
