/**
 * Quiet defaults on real go.mod files (issue 15), through the real server with default settings and
 * no module cache — a fresh clone before `go mod download`, as a newcomer opens one:
 *  - tailscale's go.mod (516 requirements, 111 pseudo-versions): no diagnostic per pseudo-version
 *    (the inlay hints decode them), no what-if lens (nothing could answer without the module graph),
 *    one module-missing summary instead of a squiggle per require;
 *  - Kubernetes' k8s.io/apiserver go.mod alone (its `k8s.io/api => ../api` replaces point at
 *    directories that are not there): replace-dir-missing on each of those replace lines, not one
 *    build-error on line 1, and never two findings of one cause on one line.
 * Needs ../shared/corpus; skips with one line without it.
 */
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeLens, Diagnostic } from 'vscode-languageserver-protocol';
import { repoRoot } from '../oracle/env';
import { note } from '../support/notes';
import { LspClient } from './client';
import { serverCommand } from './fixture';

const corpus = join(repoRoot, '..', 'shared', 'corpus');

describe('quiet defaults on real go.mod files (corpus, no module cache)', function () {
  this.timeout(120_000);
  let tmp: string;
  let client: LspClient | undefined;

  before(function () {
    if (!existsSync(join(corpus, 'tailscale__tailscale', 'go.mod'))) {
      note(`skipped: ${corpus} is not there; these tests read real go.mod files from it`);
      this.skip();
    }
  });
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'gml-quiet-'));
  });
  afterEach(async () => {
    await client?.shutdown().catch(() => client?.dispose());
    client = undefined;
    rmSync(tmp, { recursive: true, force: true });
  });

  async function open(dir: string): Promise<{ diags: Diagnostic[]; lenses: CodeLens[]; text: string }> {
    client = await LspClient.start({
      ...serverCommand(),
      env: { PATH: process.env.PATH, HOME: tmp, GOMODCACHE: join(tmp, 'modcache'), GOPROXY: 'off', GOFLAGS: '', GOENV: 'off', GOWORK: 'off', GOTOOLCHAIN: 'local', GOMODLENS_CACHE_DIR: 'off' },
      folders: [dir], pullDiagnostics: true, timeoutMs: 60_000,
    });
    const file = join(dir, 'go.mod');
    const doc = await client.open(file);
    const diags = await client.pullDiagnostics(file);
    const lenses = (await client.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri: doc.uri } })) ?? [];
    return { diags, lenses, text: readFileSync(file, 'utf8') };
  }

  /** onePerLine: no line carries two findings that say the same thing (not-tidy and version-raised). */
  function assertOnePerCause(diags: Diagnostic[]): void {
    const byLine = new Map<number, string[]>();
    for (const d of diags) byLine.set(d.range.start.line, [...(byLine.get(d.range.start.line) ?? []), String(d.code)]);
    for (const [line, codes] of byLine) assert.ok(!(codes.includes('not-tidy') && codes.includes('version-raised')), `line ${line + 1}: ${codes.join(', ')}`);
  }

  it('tailscale: no pseudo-version diagnostics, no what-if lenses, one summary of what is missing', async () => {
    const dir = join(tmp, 'tailscale');
    mkdirSync(dir);
    cpSync(join(corpus, 'tailscale__tailscale', 'go.mod'), join(dir, 'go.mod'));
    const { diags, lenses, text } = await open(dir);
    const pseudos = (text.match(/v\d+\.\d+\.\d+-(?:\d+\.)?\d{14}-[0-9a-f]{12}/g) ?? []).length;
    assert.ok(pseudos > 50, `the file has ${pseudos} pseudo-versions`);
    assert.deepEqual(diags.filter((d) => d.code === 'pseudo-version'), []);
    assert.deepEqual(lenses, [], 'no lens can answer without the module graph');
    assert.deepEqual(diags.map((d) => d.code), ['module-missing'], JSON.stringify(diags.map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`)));
    assertOnePerCause(diags);
    // the hints still decode every pseudo-version
    const hints = await client!.inlayHints(join(dir, 'go.mod'));
    assert.ok(hints.filter((h) => /^\d{4}-\d{2}-\d{2}$/.test(String(h.label))).length >= pseudos - 5, `${hints.length} hints`);
  });

  it('k8s.io/apiserver alone: replace-dir-missing on each replace to a directory that is not there', async () => {
    const dir = join(tmp, 'staging', 'apiserver');
    mkdirSync(dir, { recursive: true });
    cpSync(join(corpus, 'kubernetes__kubernetes__index', 'staging', 'src', 'k8s.io', 'apiserver', 'go.mod'), join(dir, 'go.mod'));
    const { diags, text } = await open(dir);
    const lines = text.split('\n');
    const dirReplaces = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*(replace\s+)?k8s\.io\/\S+\s+=>\s+\.\.\//.test(l)).map(([, i]) => i);
    assert.ok(dirReplaces.length >= 5, `${dirReplaces.length} directory replaces`);
    const missing = diags.filter((d) => d.code === 'replace-dir-missing');
    assert.deepEqual(missing.map((d) => d.range.start.line).sort((a, b) => a - b), dirReplaces, JSON.stringify(missing.map((d) => d.message)));
    assert.match(typeof missing[0].message === 'string' ? missing[0].message : missing[0].message.value, /^the replacement directory \.\.\/\S+ does not exist or has no go\.mod, so the go command stops as soon as the build needs k8s\.io\/\S+: go: k8s\.io\/\S+: reading \.\.\/\S+\/go\.mod: /);
    assert.equal(missing[0].severity, 1);
    assert.deepEqual(diags.filter((d) => d.code === 'build-error'), [], 'said on the replace lines, not again on line 1');
    assertOnePerCause(diags);
    // the hover of such a replace does not call it "in effect"
    const at = { line: dirReplaces[0], character: lines[dirReplaces[0]].indexOf('k8s.io') + 2 };
    const hover = await client!.hover(join(dir, 'go.mod'), at);
    const md = JSON.stringify(hover);
    assert.match(md, /Not usable:\*\* the directory's go\.mod cannot be read/);
    assert.doesNotMatch(md, /In effect/);
  });
});
