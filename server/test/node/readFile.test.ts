// node/readFile: bounded reads of regular files only, with Go's wording for each failure. A named
// pipe without a writer must be refused at once (a plain read would block forever), a file above the
// limit from its size (never read), and 16 MiB of invalid UTF-8 must decode in linear time.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_FILE_BYTES, ReadError, formatBytes, readRegularFile, readRegularFileAsync } from '../../src/node/readFile';
import { decodeGoUtf8, encodeGoUtf8 } from '../../src/syntax/text';

describe('node/readFile', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gml-read-'));
    writeFileSync(join(dir, 'go.mod'), 'module example.com/a\n');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'big'), '');
    truncateSync(join(dir, 'big'), 600 << 20);
    execFileSync('mkfifo', [join(dir, 'fifo')]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const failure = async (path: string, limit?: number): Promise<[string, string][]> => {
    const out: [string, string][] = [];
    for (const read of [(p: string) => readRegularFile(p, limit), (p: string) => readRegularFileAsync(p, limit)]) {
      try {
        await read(path);
        out.push(['', 'read']);
      } catch (e) {
        assert.ok(e instanceof ReadError, String(e));
        out.push([e.code, e.message]);
      }
    }
    assert.deepEqual(out[0], out[1], 'sync and async agree');
    return out.slice(0, 1);
  };

  it('reads a regular file whole, sync and async', async () => {
    assert.equal(new TextDecoder().decode(readRegularFile(join(dir, 'go.mod'))), 'module example.com/a\n');
    assert.equal(new TextDecoder().decode(await readRegularFileAsync(join(dir, 'go.mod'))), 'module example.com/a\n');
    assert.equal(readRegularFile(join(dir, 'go.mod'), 21).length, 21, 'exactly at the limit is fine');
  });

  it('refuses a named pipe at once, a directory, a missing file, and a file above the limit, in Go-like words', async () => {
    assert.deepEqual(await failure(join(dir, 'fifo')), [['ENOTREG', `open ${join(dir, 'fifo')}: not a regular file (a named pipe)`]]);
    assert.deepEqual(await failure(join(dir, 'sub')), [['EISDIR', `read ${join(dir, 'sub')}: is a directory`]]);
    assert.deepEqual(await failure(join(dir, 'none')), [['ENOENT', `open ${join(dir, 'none')}: no such file or directory`]]);
    assert.deepEqual(await failure(join(dir, 'none', 'x')), [['ENOENT', `open ${join(dir, 'none', 'x')}: no such file or directory`]]);
    assert.deepEqual(await failure(join(dir, 'go.mod', 'x')), [['ENOTDIR', `open ${join(dir, 'go.mod', 'x')}: not a directory`]]);
    assert.deepEqual(await failure(join(dir, 'big')), [['EFBIG', `read ${join(dir, 'big')}: file too large (600 MiB; go-mod-lens reads files up to 16 MiB)`]]);
    assert.deepEqual(await failure(join(dir, 'go.mod'), 20), [['EFBIG', `read ${join(dir, 'go.mod')}: file too large (21 bytes; go-mod-lens reads files up to 20 bytes)`]]);
    assert.equal(MAX_FILE_BYTES, 16 << 20);
  });

  it('says "permission denied" for a file it may not read', async function () {
    if (process.getuid?.() === 0) {
      if (this.test) this.test.title += ' (skipped: running as root, which may read anything)';
      return this.skip();
    }
    const p = join(dir, 'secret');
    writeFileSync(p, 'x');
    chmodSync(p, 0);
    assert.deepEqual(await failure(p), [['EACCES', `open ${p}: permission denied`]]);
  });

  it('formats sizes', () => {
    assert.deepEqual([10, 2048, 16 << 20, 600 << 20, 3 * 2 ** 30].map(formatBytes), ['10 bytes', '2 KiB', '16 MiB', '600 MiB', '3 GiB']);
  });

  it('decodes 16 MiB of invalid UTF-8 to one rune per byte and back', () => {
    const bytes = new Uint8Array(MAX_FILE_BYTES);
    for (let i = 0; i < bytes.length; i++) bytes[i] = 0x80 | (i & 0x7f) | ((i >> 7) & 1 ? 0x40 : 0); // continuation and lead bytes, never valid
    bytes[100] = 0x61;
    const text = decodeGoUtf8(bytes);
    assert.equal(text.length, bytes.length, 'one UTF-16 unit per byte');
    assert.equal(text.charCodeAt(0), 0xdc80);
    assert.equal(text[100], 'a');
    assert.deepEqual(Buffer.from(encodeGoUtf8(text)).equals(Buffer.from(bytes)), true, 'the same bytes come back');
  });
});
