// DiskFileSource and OverlayFileSource: editor buffers win over the disk.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskFileSource, OverlayFileSource } from '../../src/node/fileSource';

describe('node/fileSource', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gml-files-'));
    writeFileSync(join(dir, 'go.mod'), 'module example.com/a\n');
    writeFileSync(join(dir, 'bad.mod'), new Uint8Array([0x61, 0xc3, 0x0a]));
    mkdirSync(join(dir, 'sub'));
    symlinkSync(join(dir, 'go.mod'), join(dir, 'link.mod'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('DiskFileSource reads regular files (through symlinks) and answers undefined otherwise', () => {
    const d = new DiskFileSource();
    assert.equal(d.readText(join(dir, 'go.mod')), 'module example.com/a\n');
    assert.equal(d.readText(join(dir, 'link.mod')), 'module example.com/a\n');
    assert.equal(d.readText(join(dir, 'bad.mod')), 'a\udcc3\n');
    assert.equal(d.readText(join(dir, 'missing')), undefined);
    assert.equal(d.readText(join(dir, 'sub')), undefined);
  });

  it('OverlayFileSource prefers buffers, then falls back to disk after clearBuffer', async () => {
    const o = new OverlayFileSource();
    const p = join(dir, 'go.mod');
    o.setBuffer(join(dir, 'sub', '..', 'go.mod'), 'module example.com/edited\n');
    assert.equal(await o.readText(p), 'module example.com/edited\n');
    assert.ok(o.hasBuffer(p));
    assert.deepEqual(o.bufferPaths(), [p]);
    o.setBuffer(join(dir, 'unsaved.mod'), 'module x\n');
    assert.equal(await o.readText(join(dir, 'unsaved.mod')), 'module x\n');
    o.clearBuffer(p);
    assert.equal(await o.readText(p), 'module example.com/a\n');
    assert.equal(o.hasBuffer(p), false);
  });

  it('OverlayFileSource never throws, whatever its base does', async () => {
    const throwing = new OverlayFileSource({
      readText: () => {
        throw new Error('x');
      },
    });
    assert.equal(await throwing.readText('/a'), undefined);
    const rejecting = new OverlayFileSource({ readText: () => Promise.reject(new Error('y')) });
    assert.equal(await rejecting.readText('/a'), undefined);
  });
});
