/**
 * The protocol's edges through the real server (issue 20): requests before initialize and after
 * shutdown get the errors LSP names, a client without workspace-folder events still has its settings
 * read, and a push client sees the errors of a go.mod that exists only in the editor.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, LspClientOptions, RequestFailed, uriOf } from './client';
import { serverCommand } from './fixture';
import { putFile } from '../support/files';

const text = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const show = (ds: Diagnostic[]): string => ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} [${d.severity}]: ${text(d)}`).join('\n');

/** failure runs a request that must fail and returns its JSON-RPC error code. */
async function failure(p: Promise<unknown>): Promise<number> {
  try {
    const r = await p;
    assert.fail(`the request was answered: ${JSON.stringify(r)}`);
  } catch (e) {
    if (e instanceof RequestFailed) return e.code;
    throw e;
  }
}

describe('LSP lifecycle and capabilities (issue 20)', function () {
  this.timeout(60_000);
  let root = '';
  const clients: LspClient[] = [];

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'gml-lifecycle-'));
    const put = (p: string, text: string): void => putFile(join(root, p), text);
    put('ws/go.mod', 'module example.com/ws\n\ngo 1.22\n');
    put('ws/broken/go.mod', 'module example.com/broken\n\ngo 1.21\n\nrequir example.com/x v1.0.0\n');
  });
  after(() => {
    for (const c of clients) c.dispose();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const options = (extra: Partial<LspClientOptions> = {}): LspClientOptions => {
    const home = join(root, '.home');
    return {
      ...serverCommand(),
      env: { PATH: process.env.PATH, HOME: home, GOPATH: join(home, 'go'), GOENV: 'off', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOMODCACHE: join(home, 'modcache'), GOMODLENS_CACHE_DIR: 'off' },
      folders: [join(root, 'ws')],
      timeoutMs: 20_000,
      ...extra,
    };
  };
  const track = (c: LspClient): LspClient => {
    clients.push(c);
    return c;
  };

  it('answers a request before initialize with -32002 (ServerNotInitialized), not a wait, then initializes', async () => {
    const c = track(LspClient.spawn(options({ timeoutMs: 5_000 })));
    const hover = { textDocument: { uri: uriOf(join(root, 'ws/go.mod')) }, position: { line: 2, character: 1 } };
    assert.equal(await failure(c.request('textDocument/hover', hover)), -32002);
    assert.equal(await failure(c.request('textDocument/inlayHint', { textDocument: hover.textDocument, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } } })), -32002);
    await c.initialize();
    await c.open(join(root, 'ws/go.mod'));
    assert.ok(await c.hover(hover.textDocument.uri, hover.position), 'a hover once initialized');
    await c.shutdown();
  });

  it('answers requests after shutdown with InvalidRequest (-32600), and exit then ends the process with 0', async () => {
    const c = track(await LspClient.start(options()));
    const doc = await c.open(join(root, 'ws/go.mod'));
    assert.ok(await c.hover(doc.uri, { line: 2, character: 1 }));
    assert.equal(await c.request('shutdown', undefined), null);
    assert.equal(await failure(c.hover(doc.uri, { line: 2, character: 1 })), -32600);
    assert.equal(await failure(c.request('textDocument/diagnostic', { textDocument: { uri: doc.uri } })), -32600);
    await c.notify('exit', undefined);
    const status = await c.waitFor(() => c.exitStatus, 'the exit');
    assert.equal(status.code, 0);
  });

  it('reads the settings of a client that has workspace/configuration but no workspace-folder events', async () => {
    const c = track(await LspClient.start(options({
      capabilities: (caps) => ({ ...caps, workspace: { ...caps.workspace, workspaceFolders: false } }),
      settings: { diagnostics: { severity: { syntax: 'hint' } }, toolchainVersion: '1.21.0' },
      pullDiagnostics: true,
    })));
    const ws = await c.pullDiagnostics(join(root, 'ws/go.mod'));
    const broken = await c.pullDiagnostics(join(root, 'ws/broken/go.mod'));
    // the toolchain setting is read: go 1.22 is above the 1.21.0 it names
    assert.ok(ws.some((d) => d.code === 'go-above-toolchain' && text(d).includes('1.21.0')), show(ws));
    // the severity setting is read: the syntax error is a hint (4), not an error
    assert.deepEqual(broken.map((d) => [d.code, d.severity, d.range.start.line]), [['syntax', 4, 4]], show(broken));
    assert.deepEqual(c.logs.filter((l) => /failed/.test(l.message)).map((l) => l.message), []);
    await c.shutdown();
  });

  it("honours the repository's .go-mod-lens.json under the user's settings, and reads it again when it changes (issue 18)", async () => {
    const folder = join(root, 'cfg');
    putFile(join(folder, 'go.mod'), 'module example.com/cfg\n\ngo 1.21\n\nrequir example.com/x v1.0.0\n');
    putFile(join(folder, 'sub/go.mod'), 'module example.com/cfg/sub\n\ngo 1.21\n\nrequir example.com/x v1.0.0\n');
    putFile(join(folder, '.go-mod-lens.json'), '{"diagnostics": {"severity": {"syntax": "warning", "go-above-toolchain": "off"}}}\n');
    const c = track(await LspClient.start(options({ folders: [folder], settings: { diagnostics: { severity: { 'go-above-toolchain': 'information' } }, toolchainVersion: '1.20.0' }, pullDiagnostics: true })));
    const levels = async (file: string): Promise<[unknown, unknown][]> => (await c.pullDiagnostics(join(folder, file))).map((d): [unknown, unknown] => [d.code, d.severity]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    // the config's warning (2) for both files under the folder; the user's setting wins where both speak
    assert.deepEqual(await levels('go.mod'), [['go-above-toolchain', 3], ['syntax', 2]]);
    assert.deepEqual(await levels('sub/go.mod'), [['go-above-toolchain', 3], ['syntax', 2]]);
    putFile(join(folder, '.go-mod-lens.json'), '{"diagnostics": {"severity": {"syntax": "off"}}}\n');
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(folder, '.go-mod-lens.json')), type: 2 }] });
    assert.deepEqual(await levels('go.mod'), [['go-above-toolchain', 3]]);
    // a malformed config is logged and ignored: the defaults again (error, 1)
    putFile(join(folder, '.go-mod-lens.json'), '{"diagnostics": {"severity": {"no-such-code": "off"}}}\n');
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(folder, '.go-mod-lens.json')), type: 2 }] });
    assert.deepEqual(await levels('go.mod'), [['go-above-toolchain', 3], ['syntax', 1]]);
    assert.ok(c.logs.some((l) => l.message.includes('unknown diagnostic code "no-such-code"')), c.logs.map((l) => l.message).join('\n'));
    await c.shutdown();
  });

  it('publishes the errors of a go.mod open in the editor but not on disk, and follows its edits (push client)', async () => {
    const c = track(await LspClient.start(options({ pullDiagnostics: false })));
    const file = join(root, 'ws/sub/go.mod');
    const doc = await c.open(file, 'module example.com/sub\n\ngo 1.21\n\nrequir example.com/x v2.0.0\n');
    const first = await c.waitForPublish(doc.uri, (p) => p.diagnostics.length > 0, 'diagnostics of the unsaved go.mod');
    assert.deepEqual(first.diagnostics.map((d) => [d.code, d.range.start.line]), [['syntax', 4]], show(first.diagnostics));
    assert.match(text(first.diagnostics[0]), /unknown directive: requir/);
    // fixed directive, still a v2 version on a v0/v1 path: Go's parser error for it, at the version
    await c.change(doc.uri, { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 6 } }, text: 'require' });
    const second = await c.waitForPublish(doc.uri, (p) => p.version === 2, 'diagnostics after the edit');
    assert.deepEqual(second.diagnostics.map((d) => [d.code, d.range.start.line]), [['major-version', 4]], show(second.diagnostics));
    assert.match(text(second.diagnostics[0]), /v2\.0\.0/);
    await c.change(doc.uri, { range: { start: { line: 4, character: 23 }, end: { line: 4, character: 24 } }, text: '1' });
    const third = await c.waitForPublish(doc.uri, (p) => p.version === 3, 'diagnostics after the fix');
    assert.deepEqual(third.diagnostics, [], show(third.diagnostics));
    await c.shutdown();
  });
});
