/** The persistent summary index: `.info` Versions remembered across processes (rememberInfo). */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { revInfoVersion } from '../../src/graph/moduleInfo';
import { FetchResult } from '../../src/graph/source';
import { MemoryModuleSource } from '../../src/node/sources';
import { StoredSummaryCache } from '../../src/node/summaryStore';

describe('node/summaryStore: remembered .info Versions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gml-store-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const version = (r: FetchResult): string | undefined => (r.ok ? revInfoVersion(r.text) : undefined);

  it('keeps what a source answered, serves it without asking again, and forgets nothing it did not learn', async () => {
    const file = join(dir, 'a.idx');
    const mem = new MemoryModuleSource()
      .setInfo('example.com/a', 'v1.0.0', '{"Version":"v1.0.0","Time":"2023-01-01T00:00:00Z"}')
      .setInfo('example.com/b', 'v1.0.0', '{"Version":"v1.0.7"}')
      .setInfo('example.com/c', 'v1.0.0', '{}')
      .setInfo('example.com/d', 'v1.0.0', '{"Version":"odd \\"one\\"\\n"}')
      .fail('example.com/e', 'v1.0.0', 'offline', 'network access off');
    const first = new StoredSummaryCache(file);
    const s = first.rememberInfo(mem);
    assert.equal(version(await s.info?.('example.com/a', 'v1.0.0') as FetchResult), 'v1.0.0');
    assert.equal(version(await s.info?.('example.com/b', 'v1.0.0') as FetchResult), 'v1.0.7');
    assert.equal(version(await s.info?.('example.com/c', 'v1.0.0') as FetchResult), '');
    assert.equal(version(await s.info?.('example.com/d', 'v1.0.0') as FetchResult), 'odd "one"\n');
    assert.equal((await s.info?.('example.com/e', 'v1.0.0') as FetchResult).ok, false);
    assert.equal((await s.info?.('example.com/f', 'v1.0.0') as FetchResult).ok, false);
    assert.equal((await s.goMod('example.com/a', 'v1.0.0')).ok, false, 'goMod goes to the source');
    first.save();
    assert.match(readFileSync(file, 'utf8'), /^info:example\.com\/a@v1\.0\.0\tv1\.0\.0$/m);

    const empty = new MemoryModuleSource();
    const again = new StoredSummaryCache(file).rememberInfo(empty);
    assert.equal(version(await again.info?.('example.com/a', 'v1.0.0') as FetchResult), 'v1.0.0');
    assert.equal(version(await again.info?.('example.com/b', 'v1.0.0') as FetchResult), 'v1.0.7');
    assert.equal(version(await again.info?.('example.com/c', 'v1.0.0') as FetchResult), '');
    assert.equal(version(await again.info?.('example.com/d', 'v1.0.0') as FetchResult), 'odd "one"\n');
    assert.deepEqual(empty.requested, [], 'remembered answers are not asked for again');
    assert.equal((await again.info?.('example.com/e', 'v1.0.0') as FetchResult).ok, false);
    assert.deepEqual(empty.requested, ['info example.com/e@v1.0.0'], 'failures are asked for again');
  });

  it('leaves a source without .info files as it is', () => {
    const source = { goMod: (): FetchResult => ({ ok: false, kind: 'not-found', message: 'x' }), describe: () => 'bare' };
    assert.equal(new StoredSummaryCache(join(dir, 'b.idx')).rememberInfo(source), source);
  });
});
