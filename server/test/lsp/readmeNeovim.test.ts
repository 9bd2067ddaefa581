/**
 * README's Neovim snippet, as a user would paste it into init.lua (issue 15): headless Neovim runs
 * the Lua block of README.md as its init file, with `go-mod-lens` on PATH (a shim for the command
 * `npm install -g` installs; tooling/package.test.ts installs the real package), opens the
 * mvs-example go.mod and its go.sum, and writes what it saw: the file types the snippet names and the
 * diagnostics the server pushed. Skipped when `nvim` is not installed.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../oracle/env';
import { note } from '../support/notes';

const nvim = process.env.GML_NVIM ?? 'nvim';

/** readmeLua: the Lua block that follows README's "Neovim 0.7 or later" line. */
function readmeLua(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const at = readme.indexOf('Neovim 0.7 or later');
  assert.ok(at >= 0, 'README.md has a Neovim section');
  const m = /```lua\n([\s\S]*?)```/.exec(readme.slice(at));
  assert.ok(m, 'a ```lua block follows it');
  return m[1];
}

const harness = `
local out = {}
local function done()
  vim.fn.writefile({ vim.fn.json_encode(out) }, vim.env.GML_OUT)
  vim.cmd('qa!')
end
local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.env.GML_SUM)
  out.sum_filetype = vim.bo.filetype
  vim.cmd('edit ' .. vim.env.GML_MOD)
  out.mod_filetype = vim.bo.filetype
  local buf = vim.api.nvim_get_current_buf()
  out.waited = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out.diagnostics, { lnum = d.lnum, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message })
  end
  out.clients = #vim.lsp.get_active_clients()
end)
if not ok then out.error = tostring(err) end
done()
`;

describe('README: the Neovim snippet works as written', function () {
  this.timeout(60_000);

  it('names the file types and starts go-mod-lens from PATH; diagnostics arrive', function () {
    const version = spawnSync(nvim, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    if (version.status !== 0) {
      note('skipped: nvim is not installed: apt-get install -y neovim');
      this.skip();
    }
    const tmp = mkdtempSync(join(tmpdir(), 'gml-readme-nvim-'));
    try {
      const bin = join(tmp, 'bin');
      mkdirSync(bin);
      writeFileSync(join(bin, 'go-mod-lens'), `#!/bin/sh\nexec "${process.execPath}" "${join(repoRoot, 'bin', 'go-mod-lens.js')}" "$@"\n`);
      chmodSync(join(bin, 'go-mod-lens'), 0o755);
      const project = join(tmp, 'project');
      cpSync(join(repoRoot, 'test-fixtures', 'lsp', 'mvs-example'), project, { recursive: true });
      const ws = join(project, 'ws');
      writeFileSync(join(ws, 'go.sum'), 'example.com/a v1.3.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n');
      writeFileSync(join(tmp, 'init.lua'), readmeLua());
      writeFileSync(join(tmp, 'harness.lua'), harness);
      const out = join(tmp, 'out.json');
      const r = spawnSync(nvim, ['--headless', '-u', join(tmp, 'init.lua'), '-c', `luafile ${join(tmp, 'harness.lua')}`], {
        cwd: ws, encoding: 'utf8', timeout: 45_000,
        env: {
          PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: tmp, XDG_CONFIG_HOME: join(tmp, 'config'), XDG_DATA_HOME: join(tmp, 'data'), XDG_STATE_HOME: join(tmp, 'state'), XDG_CACHE_HOME: join(tmp, 'cache'),
          GOMODCACHE: join(project, 'modcache'), GOPROXY: 'off', GOFLAGS: '', GOENV: 'off', GOWORK: 'off', GOMODLENS_CACHE_DIR: 'off',
          GML_OUT: out, GML_MOD: join(ws, 'go.mod'), GML_SUM: join(ws, 'go.sum'),
        },
      });
      let seen: { error?: string; mod_filetype?: string; sum_filetype?: string; waited?: boolean; clients?: number; diagnostics?: Array<{ code?: string; message: string }> };
      try {
        seen = JSON.parse(readFileSync(out, 'utf8')) as typeof seen;
      } catch {
        assert.fail(`Neovim wrote nothing (exit ${r.status}): ${r.stdout}${r.stderr}`);
      }
      assert.equal(seen.error, undefined);
      assert.equal(seen.sum_filetype, 'gosum');
      assert.equal(seen.mod_filetype, 'gomod');
      assert.equal(seen.clients, 1, 'one go-mod-lens client for both buffers');
      assert.ok(seen.waited, 'diagnostics arrived');
      assert.ok(seen.diagnostics?.some((d) => d.code === 'not-tidy' && d.message.includes('MVS selects v1.3.0')), JSON.stringify(seen.diagnostics));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
