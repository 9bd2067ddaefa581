/**
 * The server's stdio writer (src/transport.ts): its JSON must be JSON.stringify's, byte for byte,
 * and what it writes must read back as the same messages through vscode-jsonrpc's own reader.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { StreamMessageReader } from 'vscode-jsonrpc/node';
import type { Message } from 'vscode-jsonrpc';
import { ChunkedJsonWriter, jsonChunks } from '../../src/transport';

class Point {
  constructor(readonly x: number, readonly y: number) {}
}

const diagnostics = (n: number): unknown[] => Array.from({ length: n }, (_, i) => ({
  range: { start: { line: i, character: 1 }, end: { line: i, character: 40 } },
  severity: 2, code: i % 2 ? 'module-missing' : 'pseudo-version', source: 'go-mod-lens',
  message: `the go.mod of example.com/m${i}@v1.${i}.0 — “quoted” \\ "and" \n ≥ v1.0.0 😀`,
  data: i % 3 ? undefined : { fixes: [{ title: 't', data: { kind: 'set-require', version: `v${i}` } }] },
  tags: i % 5 ? undefined : [1],
}));

describe('stdio transport (chunked JSON writer)', () => {
  it('writes exactly what JSON.stringify writes', () => {
    const values: unknown[] = [
      null, 0, -1.5, 'x', '', true, [], {}, [[]], [{}], { a: undefined, b: () => 1, c: Symbol('s'), d: null, e: [undefined, () => 1, Symbol('t'), 1] },
      { when: new Date(Date.UTC(2019, 10, 9, 2, 19, 31)), p: new Point(1, 2), m: new Map([[1, 2]]) },
      { jsonrpc: '2.0', id: 7, result: { kind: 'full', resultId: '3', items: diagnostics(2000) } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a/go.mod', version: 3, diagnostics: diagnostics(5) } },
      { deep: { er: { than: { four: { levels: [1, { x: [2, 3] }], s: '\u2028\u0000' } } } } },
      [1, 'two', { three: [3] }, [4, [5]]],
      { '': 1, 'key with "quotes"': 2, '\u00e9': 3, 10: 'ten', 2: 'two' },
    ];
    for (const v of values) assert.equal(jsonChunks(v).join(''), JSON.stringify(v), JSON.stringify(v)?.slice(0, 80));
  });

  it('cuts a long answer into strings far below the 128 KB of a large V8 object', () => {
    const chunks = jsonChunks({ jsonrpc: '2.0', id: 1, result: { kind: 'full', items: diagnostics(2000) } });
    assert.ok(chunks.length > 20, `${chunks.length} chunks`);
    for (const c of chunks) assert.ok(c.length < 48 * 1024, `a chunk of ${c.length} characters`);
  });

  it('frames messages with their length in bytes, readable by vscode-jsonrpc', async () => {
    const pipe = new PassThrough();
    const writer = new ChunkedJsonWriter(pipe);
    const reader = new StreamMessageReader(pipe);
    const got: Message[] = [];
    reader.listen((m) => got.push(m));
    const sent: Message[] = [
      { jsonrpc: '2.0', id: 1, result: { kind: 'full', items: diagnostics(1500) } } as Message,
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'ünïcödé — 😀' } } as Message,
      { jsonrpc: '2.0', id: 2, result: null } as Message,
    ];
    await Promise.all(sent.map((m) => writer.write(m)));
    for (let i = 0; i < 100 && got.length < sent.length; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(got, JSON.parse(JSON.stringify(sent)));
    reader.dispose();
    writer.dispose();
  });

  it('over --stdio, sends console output to the client\'s log instead of corrupting stdout', () => {
    const transport = join(__dirname, '../../src/transport.js');
    const script = `const c = require(${JSON.stringify(transport)}).connectionFromArguments(['--stdio']); c.listen();
      console.log('hello', { a: 1 }); console.info('i'); console.table([1]); console.warn('w'); console.error('e'); console.trace('t');
      console.assert(false, 'bad'); console.assert(true, 'fine'); setTimeout(() => process.exit(0), 300);`;
    const r = spawnSync(process.execPath, ['-e', script], { input: '', encoding: 'utf8', timeout: 20000 });
    const frames = [...r.stdout.matchAll(/Content-Length: (\d+)\r\n\r\n/g)];
    let rest = r.stdout;
    const messages: Array<{ method: string; params: { type: number; message: string } }> = [];
    while (rest.length > 0) {
      const m = /^Content-Length: (\d+)\r\n\r\n/.exec(rest);
      assert.ok(m, `not a framed message: ${JSON.stringify(rest.slice(0, 120))}`);
      const body = Buffer.from(rest.slice(m[0].length), 'utf8').subarray(0, Number(m[1])).toString('utf8');
      messages.push(JSON.parse(body));
      rest = rest.slice(m[0].length + body.length);
    }
    assert.equal(frames.length, messages.length);
    assert.deepEqual(messages.map((x) => [x.method, x.params.type, x.params.message]), [
      ['window/logMessage', 4, 'hello { a: 1 }'], ['window/logMessage', 4, 'i'], ['window/logMessage', 4, '[ 1 ]'],
      ['window/logMessage', 2, 'w'], ['window/logMessage', 1, 'e'], ['window/logMessage', 1, 't'], ['window/logMessage', 1, 'Assertion failed: bad'],
    ]);
  });
});
