/**
 * Server features the inline markers do not cover: go to definition, document links, completion,
 * Format Document, incremental recomputation after an edit (a hint appears and disappears), a file
 * outside every folder, and that bad requests are answered (empty) without killing the server.
 */
import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { CodeLens, CompletionItem, CompletionList, DocumentDiagnosticReport, DocumentLink, InlayHint, Location, TextEdit } from 'vscode-languageserver-protocol';
import type { WhatIfResult } from '../../src/protocol';
import { LspClient } from './client';
import { Fixture, PreparedFixture, fixturesRoot, prepareFixture, readFixture, serverCommand, startFixtureServer } from './fixture';
import { applyTextEdits } from './edits';

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in text`);
  return text.slice(0, i).split('\n').length - 1;
}

describe('language server features', function () {
  this.timeout(60000);
  let p: PreparedFixture;
  let client: LspClient;

  async function start(name: string): Promise<void> {
    const fx: Fixture = readFixture(join(fixturesRoot, name));
    p = prepareFixture(fx);
    client = await startFixtureServer(p, { pull: true });
  }

  afterEach(async () => {
    await client?.shutdown().catch(() => client.dispose());
    if (p) rmSync(p.root, { recursive: true, force: true });
  });

  it('goes from a require to the go.mod of the selected version in the module cache', async () => {
    await start('mvs-example');
    const doc = await client.open(join(p.root, 'ws/go.mod'));
    const line = lineOf(doc.text, '\texample.com/a v1.1.0');
    const loc = await client.request<Location | null>('textDocument/definition', { textDocument: { uri: doc.uri }, position: { line, character: 3 } });
    assert.ok(loc, 'no definition');
    assert.match(loc.uri, /modcache\/cache\/download\/example\.com\/a\/@v\/v1\.3\.0\.mod$/);
  });

  it('links replace targets and completes module paths and cached versions', async () => {
    await start('mvs-example');
    const doc = await client.open(join(p.root, 'ws/go.mod'));
    const line = lineOf(doc.text, '\texample.com/b v1.0.0');
    const paths = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri: doc.uri }, position: { line, character: 1 } });
    const labels = (Array.isArray(paths) ? paths : paths.items).map((i) => i.label);
    assert.ok(labels.includes('example.com/c'), `paths: ${labels.join(', ')}`);
    const versions = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: doc.uri }, position: { line: lineOf(doc.text, '\texample.com/a v1.1.0'), character: '\texample.com/a '.length } });
    assert.deepEqual(versions.map((v) => v.label), ['v1.3.0', 'v1.1.0']);
    const top = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: doc.uri }, position: { line: lineOf(doc.text, 'go 1.19'), character: 0 } });
    assert.ok(top.some((c) => c.label === 'replace') && top.some((c) => c.label === 'retract'));
    await client.shutdown();
    await start('replace-chain');
    const main = await client.open(join(p.root, 'ws/go.mod'));
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: main.uri } });
    assert.equal(links.length, 1);
    assert.match(links[0].target ?? '', /ws\/A\/go\.mod$/);
  });

  it('formats as go mod edit -fmt, with one minimal edit', async () => {
    await start('replace-chain');
    const doc = await client.open(join(p.root, 'ws/B/go.mod'), 'module   B\n\n\n\ngo    1.19\nrequire(\nexample.com/x v1.0.0\n)\n');
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: doc.uri }, options: { tabSize: 4, insertSpaces: false } });
    assert.equal(applyTextEdits(doc.text, edits), 'module B\n\ngo 1.19\n\nrequire example.com/x v1.0.0\n');
    const bad = await client.open(join(p.root, 'ws/A/go.mod'), 'module A\nrequire (\n');
    const none = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: bad.uri }, options: { tabSize: 4, insertSpaces: false } });
    assert.deepEqual(none, [], 'a file that does not parse is left alone');
  });

  it('sends selected-version hints without their tooltip to a client that resolves tooltips, and with it to one that does not', async () => {
    await start('mvs-example');
    const doc = await client.open(join(p.root, 'ws/go.mod'));
    const raw = (await client.request<InlayHint[] | null>('textDocument/inlayHint', { textDocument: { uri: doc.uri }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } })) ?? [];
    const sel = raw.find((h) => h.label === '→ v1.3.0');
    assert.ok(sel, JSON.stringify(raw));
    assert.equal(sel.tooltip, undefined, 'the chain is worked out on resolve, not with every keystroke');
    const resolved = await client.request<InlayHint>('inlayHint/resolve', sel);
    const lazy = typeof resolved.tooltip === 'object' ? resolved.tooltip.value : String(resolved.tooltip);
    assert.match(lazy, /selected because:\n- example\.com\/main → example\.com\/c\\@v1\.0\.0 → /);
    await client.shutdown();
    // a client without resolveSupport for tooltips (Neovim, older clients) gets the same tooltip at once
    client = await LspClient.start({
      ...serverCommand(), env: p.env, folders: p.folders, settings: p.fixture.config.settings, pullDiagnostics: true,
      capabilities: (c) => ({ ...c, textDocument: { ...c.textDocument, inlayHint: { dynamicRegistration: false } } }),
    });
    const doc2 = await client.open(join(p.root, 'ws/go.mod'));
    const eager = ((await client.request<InlayHint[] | null>('textDocument/inlayHint', { textDocument: { uri: doc2.uri }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } })) ?? []).find((h) => h.label === '→ v1.3.0');
    assert.deepEqual(eager?.tooltip, resolved.tooltip);
  });

  it('recomputes after an edit: raising the requirement removes the hint and the diagnostics', async () => {
    await start('mvs-example');
    const doc = await client.open(join(p.root, 'ws/go.mod'));
    const before = await client.inlayHints(doc.uri);
    assert.ok(before.some((h) => h.label === '→ v1.3.0'));
    const raised = doc.text.replace('\texample.com/a v1.1.0', '\texample.com/a v1.3.0');
    await client.change(doc.uri, raised);
    const after = await client.inlayHints(doc.uri);
    assert.deepEqual(after.map((h) => h.label), []);
    const diags = await client.diagnostics(doc.uri);
    assert.deepEqual(diags.map((d) => d.code), []);
    // an edit in another module's go.mod changes this module's build: lower c's requirement on disk is not
    // possible (it is in the module cache), so instead drop c from the main go.mod and see a's hint go
    await client.change(doc.uri, doc.text.replace('\texample.com/c v1.0.0\n', ''));
    assert.deepEqual((await client.inlayHints(doc.uri)).map((h) => h.label), []);
  });

  it('answers "unchanged" when a document\'s diagnostics are the same as in the report the client names', async () => {
    await start('mvs-example');
    const doc = await client.open(join(p.root, 'ws/go.mod'));
    const pull = (previousResultId?: string): Promise<DocumentDiagnosticReport> =>
      client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: doc.uri }, previousResultId });
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.ok(first.kind === 'full' && first.resultId && first.items.length > 0);
    // nothing changed, and a space in a comment changes no diagnostic: unchanged, same id
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    await client.change(doc.uri, doc.text.replace('// An MVS example', '//  An MVS example'));
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // without an id, or with another one, the whole report
    const again = await pull();
    assert.equal(again.kind, 'full');
    assert.equal((await pull('no-such-id')).kind, 'full');
    // raising a's requirement changes them: a full report with a new id
    await client.change(doc.uri, doc.text.replace('\texample.com/a v1.1.0', '\texample.com/a v1.3.0'));
    const raised = await pull(again.kind === 'full' ? again.resultId : undefined);
    assert.ok(raised.kind === 'full' && raised.resultId !== first.resultId && !raised.items.some((d) => d.code === 'not-tidy'), JSON.stringify(raised));
  });

  it('offers a what-if code lens per requirement and answers what go get would change, with the go.mod edit', async () => {
    await start('mvs-example');
    const doc = await client.open(join(p.root, 'ws/go.mod'));
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: doc.uri } });
    assert.deepEqual(lenses.map((l) => l.range.start.line), [lineOf(doc.text, '\texample.com/a v1.1.0'), lineOf(doc.text, '\texample.com/b'), lineOf(doc.text, '\texample.com/c')]);
    assert.equal(lenses[0].command?.command, 'goModLens.whatIf');
    assert.deepEqual(lenses[0].command?.arguments, [doc.uri, 'example.com/a', ['v1.1.0', 'v1.3.0']]);
    assert.deepEqual(await client.request<string[]>('goModLens/versions', { uri: doc.uri, path: 'example.com/a' }), ['v1.1.0', 'v1.3.0']);
    // the mission example: c needs a v1.3.0 and has no lower version, so asking for a v1.1.0 removes c
    const r = await client.request<WhatIfResult>('goModLens/whatIf', { uri: doc.uri, path: 'example.com/a', version: 'v1.1.0' });
    assert.deepEqual(r.lines, ['downgraded example.com/a v1.3.0 => v1.1.0', 'removed example.com/c v1.0.0']);
    assert.equal(applyTextEdits(doc.text, r.edits), doc.text.replace('\texample.com/c v1.0.0\n', ''));
    const bad = await client.request<WhatIfResult>('goModLens/whatIf', { uri: doc.uri, path: 'example.com/a', version: 'v9.9.9' });
    assert.equal(bad.ok, false);
    assert.match(bad.error ?? '', /example\.com\/a@v9\.9\.9/);
  });

  it('keeps the graph across a comment edit, with the spans moved', async () => {
    await start('mvs-example');
    const doc = await client.open(join(p.root, 'ws/go.mod'));
    const line = lineOf(doc.text, '\texample.com/a v1.1.0');
    const before = (await client.diagnostics(doc.uri)).find((d) => d.code === 'not-tidy');
    assert.equal(before?.range.start.line, line);
    await client.change(doc.uri, '// a new first line\n' + doc.text);
    const after = (await client.diagnostics(doc.uri)).find((d) => d.code === 'not-tidy');
    assert.equal(after?.range.start.line, line + 1);
    const hints = await client.inlayHints(doc.uri);
    assert.equal(hints.find((h) => h.label === '→ v1.3.0')?.position.line, line + 1);
  });

  it('picks up changes on disk through watched-file notifications', async () => {
    await start('replace-chain');
    const main = await client.open(join(p.root, 'ws/go.mod'));
    assert.ok((await client.diagnostics(main.uri)).some((d) => d.code === 'replace-missing'));
    const aGoMod = join(p.root, 'ws/A/go.mod');
    writeFileSync(aGoMod, 'module A\n\ngo 1.19\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(aGoMod).href, type: 2 }] });
    assert.deepEqual((await client.diagnostics(main.uri)).map((d) => d.code), []);
    rmSync(join(p.root, 'ws/B/go.mod'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(p.root, 'ws/B/go.mod')).href, type: 3 }] });
    assert.deepEqual((await client.diagnostics(main.uri)).map((d) => d.code), []);
  });

  it('after a typo and its repair answers as before, and still sees a go.sum changed on disk meanwhile', async () => {
    await start('mvs-example');
    const doc = await client.open(join(p.root, 'ws/go.mod'));
    const text = doc.text;
    const original = await client.diagnostics(doc.uri);
    const hints = await client.inlayHints(doc.uri);
    const typo = text.replace('example.com/b v1.0.0', 'example.com/b v1.0.');
    for (let i = 0; i < 3; i++) {
      await client.change(doc.uri, typo);
      assert.ok((await client.diagnostics(doc.uri)).some((d) => d.code === 'syntax'));
      await client.change(doc.uri, text);
      assert.deepEqual(await client.diagnostics(doc.uri), original, `repair ${i}: the same diagnostics`);
      assert.deepEqual(await client.inlayHints(doc.uri), hints, `repair ${i}: the same hints`);
    }
    // go.sum goes away while the file has a typo: the repaired text must not bring back the old answer
    await client.change(doc.uri, typo);
    await client.diagnostics(doc.uri);
    const sum = join(p.root, 'ws/go.sum');
    rmSync(sum);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(sum).href, type: 3 }] });
    await client.change(doc.uri, text);
    const after = await client.diagnostics(doc.uri);
    assert.ok(after.some((d) => d.code === 'sum-missing' && String(d.message).startsWith('there is no go.sum')), JSON.stringify(after.map((d) => [d.code, d.message])));
    assert.ok(!original.some((d) => d.code === 'sum-missing'), 'the fixture\'s go.sum was complete');
  });

  it('survives binary junk and a 10 MB go.mod in a buffer', async () => {
    await start('replace-chain');
    const junk = await client.open(join(p.root, 'ws/B/go.mod'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1'));
    assert.ok((await client.diagnostics(junk.uri)).every((d) => d.source === 'go-mod-lens'));
    // 10 MB: 2,000 requires (each missing from the module cache) and a long comment block
    const comment = Array.from({ length: 100000 }, (_, i) => `// padding line ${i} ${'x'.repeat(80)}\n`).join('');
    const big = 'module example.com/big\n\ngo 1.19\n\n' + comment + 'require (\n' + Array.from({ length: 2000 }, (_, i) => `\texample.com/m${i} v1.0.${i}\n`).join('') + ')\n';
    assert.ok(big.length > 10_000_000);
    const t0 = Date.now();
    const doc = await client.open(join(p.root, 'ws/B/go.mod'), big);
    const diags = await client.diagnostics(doc.uri);
    assert.ok(Array.isArray(diags));
    const hints = await client.inlayHints(doc.uri, { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } });
    assert.ok(Array.isArray(hints));
    assert.ok(Date.now() - t0 < 30000, `took ${Date.now() - t0} ms`);
  });

  it('answers for a go.mod outside every folder, an untitled buffer, and a request on a missing file', async () => {
    await start('replace-chain');
    const outside = await client.open(join(p.root, 'outside.mod.go.mod'), 'module x\n\ngo 1.19\n\nrequire example.com/y v1.0.0 v2\n');
    void outside;
    const untitled = await client.open('untitled:Untitled-1', 'module x\nrequire example.com/p v0.0.0-20191109021931-daa7c04131f5\nbogus\n', 'go.mod');
    const d = await client.diagnostics(untitled.uri);
    assert.deepEqual(d.map((x) => x.code).sort(), ['syntax']); // the pseudo-version is decoded in hints, not diagnosed (off by default)
    const h = await client.hover(join(p.root, 'ws/does-not-exist/go.mod'), { line: 0, character: 0 }).catch((e: Error) => e);
    assert.ok(!(h instanceof Error) || !/exited/.test(h.message), 'the server must survive');
    const still = await client.open(join(p.root, 'ws/A/go.mod'));
    assert.ok((await client.diagnostics(still.uri)).some((x) => x.code === 'replace-ineffective'));
  });
});
