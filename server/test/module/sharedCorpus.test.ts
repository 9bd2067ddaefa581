// Checks every row of the shared pseudo-version vector file (../shared/corpus/golang__mod/
// module_pseudo_vectors.tsv, transcribed from x/mod's pseudo_test.go). The file lives outside the
// repository, so the test skips itself when it is absent: the default suite must not depend on it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isPseudoVersion, pseudoVersion, pseudoVersionBase, pseudoVersionRev, pseudoVersionTime } from '../../src/module';

/** repoRoot walks up from this file to the directory holding the go-mod-lens package.json. */
function repoRoot(): string | undefined {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'go-mod-lens') return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

const root = repoRoot();
const vectors = root === undefined ? undefined : path.resolve(root, '../shared/corpus/golang__mod/module_pseudo_vectors.tsv');

describe('module/shared corpus: module_pseudo_vectors.tsv', () => {
  it('matches every row', function () {
    if (vectors === undefined || !fs.existsSync(vectors)) {
      // mocha's skip() takes no reason, so the reason goes into the title shown as pending.
      if (this.test) this.test.title += ` (skipped: ${vectors ?? '../shared/corpus/golang__mod/module_pseudo_vectors.tsv'} not found)`;
      this.skip();
    }
    const lines = fs.readFileSync(vectors, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    const header = lines.shift()?.split('\t');
    assert.deepEqual(header, ['kind', 'major', 'base', 'version', 'note']);
    const when = new Date(Date.UTC(2006, 0, 2, 15, 4, 5));
    let valid = 0;
    let invalid = 0;
    for (const line of lines) {
      const [kind, major, base, version] = line.split('\t');
      if (kind === 'valid') {
        valid++;
        assert.equal(pseudoVersion(major, base, when, 'hash'), version, `pseudoVersion ${line}`);
        assert.deepEqual(pseudoVersionBase(version), { value: base }, `base ${line}`);
        const t = pseudoVersionTime(version);
        assert.ok('value' in t && t.value.getTime() === when.getTime(), `time ${line}`);
        assert.deepEqual(pseudoVersionRev(version), { value: 'hash' }, `rev ${line}`);
        assert.equal(isPseudoVersion(base), false, `isPseudoVersion(base) ${line}`);
      } else if (kind === 'invalid_base') {
        invalid++;
        assert.ok('error' in pseudoVersionBase(version), `invalid base ${line}`);
      } else {
        assert.fail(`unknown row kind ${kind}`);
      }
    }
    assert.ok(valid > 0 && invalid > 0, 'the file holds both kinds of rows');
  });
});
