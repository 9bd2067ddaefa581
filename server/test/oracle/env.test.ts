// The choice of go oracles (env.ts findGoOracles) on fake go commands in a temp dir: every go
// command that runs is listed once, newest release first, with its version; none with 'none'.
import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareRelease, findGoOracles } from './env';

describe('oracle/env: findGoOracles', () => {
  let dir = '';
  const fake = (name: string, goversion: string, status = 0): string => {
    const p = join(dir, name);
    writeFileSync(p, `#!/bin/sh\n[ "$1 $2" = "env GOVERSION" ] || exit 3\necho '${goversion}'\nexit ${status}\n`);
    chmodSync(p, 0o755);
    return p;
  };
  before(() => { dir = mkdtempSync(join(tmpdir(), 'gml-oracles-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists each go command that runs once, newest release first, labelled with its version', () => {
    const go119 = fake('go119', 'go1.19.8');
    const go126 = fake('go126', 'go1.26.8');
    const devel = fake('devel', 'devel go1.27-abcdef Tue Jan 1 00:00:00 2030 +0000');
    const broken = fake('broken', 'go1.30.0', 1);
    symlinkSync(go126, join(dir, 'go126-link'));
    const found = findGoOracles(`${go119}:${join(dir, 'go126-link')}`, [go126, broken, devel, join(dir, 'missing')]);
    assert.deepEqual(found.map((o) => [o.bin, o.version, o.release, o.emulate]), [
      [devel, 'devel go1.27-abcdef Tue Jan 1 00:00:00 2030 +0000', '1.27', '1.27'],
      [join(dir, 'go126-link'), 'go1.26.8', '1.26', '1.26.8'],
      [go119, 'go1.19.8', '1.19', '1.19.8'],
    ]);
    assert.match(found[1].label, /^go1\.26\.8 \(.*\/go126\)$/);
  });

  it("'none' finds no go command at all", () => {
    assert.deepEqual(findGoOracles('none', [fake('go', 'go1.26.8')]), []);
  });

  it('orders releases numerically', () => {
    assert.ok(compareRelease('1.9', '1.19') < 0);
    assert.ok(compareRelease('1.26', '1.19') > 0);
    assert.equal(compareRelease('1.21', '1.21'), 0);
  });
});
