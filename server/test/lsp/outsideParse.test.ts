/**
 * A document outside the workspace model is parsed once per text (issue 20: it was parsed again on
 * every hover and inlay-hint request, 0.4–0.55 s each at 100k lines). The server runs in this
 * process on an in-memory connection so that the parser's calls can be counted.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from '../../src/server';

// the module object the server calls through (CommonJS: the property is read at each call)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const modfile = require('../../src/syntax/modfile') as typeof import('../../src/syntax/modfile');

describe('server: documents outside the model are parsed once per text (issue 20)', function () {
  this.timeout(30_000);
  let root = '';
  const original = modfile.parseModFile;
  const parsed: string[] = [];

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'gml-outside-'));
    mkdirSync(join(root, 'folder'));
    writeFileSync(join(root, 'folder/go.mod'), 'module example.com/inside\n\ngo 1.21\n');
    mkdirSync(join(root, 'elsewhere'));
    modfile.parseModFile = (text, options) => {
      parsed.push(options?.name ?? '');
      return original(text, options);
    };
  });
  after(() => {
    modfile.parseModFile = original;
    rmSync(root, { recursive: true, force: true });
  });

  it('answers hovers, inlay hints and diagnostics of one text from one parse; an edit parses once more', async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(server);
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onRequest(() => null);
    client.listen();
    try {
      const folder = pathToFileURL(join(root, 'folder')).href;
      await client.sendRequest('initialize', {
        processId: null, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'folder' }],
        capabilities: { textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown'] } } },
      });
      await client.sendNotification('initialized', {});
      const file = join(root, 'elsewhere/go.mod'); // outside the folder, and not on disk
      const uri = pathToFileURL(file).href;
      const lines = ['module example.com/outside', '', 'go 1.21', '', 'require ('];
      for (let i = 0; i < 2000; i++) lines.push(`\texample.com/m${i} v1.0.${i}`);
      lines.push(')', '');
      const text = lines.join('\n');
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'go.mod', version: 1, text } });
      const ask = async (): Promise<void> => {
        for (let i = 0; i < 4; i++) {
          const hover = await client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } });
          assert.ok(hover, 'a hover on the go directive');
          await client.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } } });
          await client.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
        }
      };
      await ask();
      const count = (): number => parsed.filter((n) => n === file).length;
      assert.equal(count(), 1, `parses of the outside document after 12 requests: ${count()}`);
      await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text.replace('go 1.21', 'go 1.22') }] });
      await ask();
      assert.equal(count(), 2, `parses after an edit and 12 more requests: ${count()}`);
    } finally {
      client.dispose();
      server.dispose();
    }
  });
});
