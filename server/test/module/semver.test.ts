// Tests for semver, ported from golang.org/x/mod semver/semver_test.go (vectors transcribed), plus cases
// confirmed against Go's x/mod (vendored in Go 1.19) for big numbers and comparison corners.
import * as assert from 'node:assert/strict';
import {
  build, canonical, compare, isValid, major, majorMinor, max, parseSemver, prerelease, sortVersions,
} from '../../src/module';

// semver_test.go `tests`: input and canonical form ("" = invalid), in increasing order.
const tests: [string, string][] = [
  ['bad', ''],
  ['v1-alpha.beta.gamma', ''],
  ['v1-pre', ''],
  ['v1+meta', ''],
  ['v1-pre+meta', ''],
  ['v1.2-pre', ''],
  ['v1.2+meta', ''],
  ['v1.2-pre+meta', ''],
  ['v1.0.0-alpha', 'v1.0.0-alpha'],
  ['v1.0.0-alpha.1', 'v1.0.0-alpha.1'],
  ['v1.0.0-alpha.beta', 'v1.0.0-alpha.beta'],
  ['v1.0.0-beta', 'v1.0.0-beta'],
  ['v1.0.0-beta.2', 'v1.0.0-beta.2'],
  ['v1.0.0-beta.11', 'v1.0.0-beta.11'],
  ['v1.0.0-rc.1', 'v1.0.0-rc.1'],
  ['v1', 'v1.0.0'],
  ['v1.0', 'v1.0.0'],
  ['v1.0.0', 'v1.0.0'],
  ['v1.2', 'v1.2.0'],
  ['v1.2.0', 'v1.2.0'],
  ['v1.2.3-456', 'v1.2.3-456'],
  ['v1.2.3-456.789', 'v1.2.3-456.789'],
  ['v1.2.3-456-789', 'v1.2.3-456-789'],
  ['v1.2.3-456a', 'v1.2.3-456a'],
  ['v1.2.3-pre', 'v1.2.3-pre'],
  ['v1.2.3-pre+meta', 'v1.2.3-pre'],
  ['v1.2.3-pre.1', 'v1.2.3-pre.1'],
  ['v1.2.3-zzz', 'v1.2.3-zzz'],
  ['v1.2.3', 'v1.2.3'],
  ['v1.2.3+meta', 'v1.2.3'],
  ['v1.2.3+meta-pre', 'v1.2.3'],
  ['v1.2.3+meta-pre.sha.256a', 'v1.2.3'],
];

describe('module/semver', () => {
  describe('per-version functions (semver_test.go tests)', () => {
    for (const [input, out] of tests) {
      it(`${input}`, () => {
        assert.equal(isValid(input), out !== '', 'isValid');
        assert.equal(canonical(input), out, 'canonical');
        assert.equal(major(input), out === '' ? '' : out.slice(0, out.indexOf('.')), 'major');
        let mm = '';
        if (out !== '') {
          mm = input.replace(/\+.*$/, '').replace(/-.*$/, '');
          const dots = mm.split('.').length - 1;
          mm = dots === 0 ? mm + '.0' : dots === 2 ? mm.slice(0, mm.lastIndexOf('.')) : mm;
        }
        assert.equal(majorMinor(input), mm, 'majorMinor');
        assert.equal(prerelease(input), out !== '' && out.includes('-') ? out.slice(out.indexOf('-')) : '', 'prerelease');
        assert.equal(build(input), out !== '' && input.includes('+') ? input.slice(input.indexOf('+')) : '', 'build');
      });
    }
  });

  it('compare orders the table (TestCompare)', () => {
    tests.forEach(([a, ca], i) => {
      tests.forEach(([b, cb], j) => {
        const want = ca === cb ? 0 : i < j ? -1 : 1;
        assert.equal(compare(a, b), want, `compare(${a}, ${b})`);
      });
    });
  });

  it('max returns the canonical greater (TestMax)', () => {
    tests.forEach(([a], i) => {
      tests.forEach(([b], j) => {
        assert.equal(max(a, b), canonical(i < j ? b : a), `max(${a}, ${b})`);
      });
    });
  });

  it('sortVersions matches the TestSort golden order from any starting order', () => {
    const golden = [
      'bad', 'v1+meta', 'v1-alpha.beta.gamma', 'v1-pre', 'v1-pre+meta', 'v1.2+meta', 'v1.2-pre', 'v1.2-pre+meta',
      'v1.0.0-alpha', 'v1.0.0-alpha.1', 'v1.0.0-alpha.beta', 'v1.0.0-beta', 'v1.0.0-beta.2', 'v1.0.0-beta.11',
      'v1.0.0-rc.1', 'v1', 'v1.0', 'v1.0.0', 'v1.2', 'v1.2.0', 'v1.2.3-456', 'v1.2.3-456.789', 'v1.2.3-456-789',
      'v1.2.3-456a', 'v1.2.3-pre', 'v1.2.3-pre+meta', 'v1.2.3-pre.1', 'v1.2.3-zzz', 'v1.2.3', 'v1.2.3+meta',
      'v1.2.3+meta-pre', 'v1.2.3+meta-pre.sha.256a',
    ];
    let seed = 1;
    for (let round = 0; round < 20; round++) {
      const list = tests.map(([v]) => v);
      for (let i = list.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const j = seed % (i + 1);
        [list[i], list[j]] = [list[j], list[i]];
      }
      assert.deepEqual(sortVersions(list), golden);
    }
  });

  describe('beyond the Go table (confirmed with Go)', () => {
    const cmp: [string, string, number][] = [
      ['v1.0.0+metadata-dash', 'v1.0.0+metadata-dash1', 0],
      ['v99999999999999999999.0.0', 'v99999999999999999998.0.0', 1],
      ['v1.99999999999999999999.0', 'v1.100000000000000000000.0', -1],
      ['v1.0.0-99999999999999999999', 'v1.0.0-100000000000000000000', -1],
      ['v1.0.0-2', 'v1.0.0-10', -1],
      ['v1.0.0-a', 'v1.0.0-1', 1],
      ['v1.0.0-a.b', 'v1.0.0-a', 1],
      ['v1.0.0-A', 'v1.0.0-a', -1],
      ['v1.0.0-0.20060102150405-abc', 'v1.0.0-alpha', -1],
      ['v1.2.4-0.20060102150405-abc', 'v1.2.3', 1],
      ['v1.2.4-0.20060102150405-abc', 'v1.2.4-pre', -1],
      ['v1.2.4-0.20060102150405-abc', 'v1.2.4-0.20070102150405-abc', -1],
      ['', 'bad', 0],
      ['bad', 'v0.0.0', -1],
      ['v0.0.0', 'v0.0.0-0', 1],
    ];
    for (const [a, b, want] of cmp) {
      it(`compare(${a}, ${b}) = ${want}`, () => {
        assert.equal(compare(a, b), want);
        assert.equal(compare(b, a), want === 0 ? 0 : -want);
      });
    }
    const invalid = ['', 'v', '1.2.3', 'v01.2.3', 'v1.02.3', 'v1.2.03', 'v1.2.3-01', 'v1.2.3-', 'v1.2.3-a..b', 'v1.2.3+',
      'v1.2.3+a..b', 'v1.2.3-a_b', 'v1.2.3 ', 'V1.2.3', 'v1.2.3.4', 'v1.', 'v1.2.', 'v-1', 'v1.2.3-\u00e9', 'v1.2.3+\u00e9'];
    for (const v of invalid) {
      it(`rejects ${JSON.stringify(v)}`, () => {
        assert.equal(isValid(v), false);
        assert.equal(parseSemver(v), undefined);
        assert.equal(canonical(v), '');
      });
    }
    const valid: [string, string][] = [['v0', 'v0.0.0'], ['v1.2.3-0', 'v1.2.3-0'], ['v1.2.3+001', 'v1.2.3'],
      ['v1.2.3-0a', 'v1.2.3-0a'], ['v1.2.3--', 'v1.2.3--'], ['v1.2.3-x.0.y', 'v1.2.3-x.0.y'],
      ['v123456789012345678901234567890.0.0', 'v123456789012345678901234567890.0.0']];
    for (const [v, c] of valid) it(`accepts ${v}`, () => assert.equal(canonical(v), c));

    it('parseSemver exposes the parts once', () => {
      assert.deepEqual(parseSemver('v1.2'), { major: '1', minor: '2', patch: '0', short: '.0', prerelease: '', build: '' });
      assert.deepEqual(parseSemver('v1.2.3-pre.1+b.2'),
        { major: '1', minor: '2', patch: '3', short: '', prerelease: '-pre.1', build: '+b.2' });
    });

    it('majorMinor keeps the written minor and fills a missing one', () => {
      assert.equal(majorMinor('v2'), 'v2.0');
      assert.equal(majorMinor('v2.1.0-pre+b'), 'v2.1');
    });

    it('sortVersions breaks ties by byte order and sorts invalid first', () => {
      assert.deepEqual(sortVersions(['v1.0.0', 'v1', 'v1.0', 'zzz', 'aaa']), ['aaa', 'zzz', 'v1', 'v1.0', 'v1.0.0']);
    });
  });
});
