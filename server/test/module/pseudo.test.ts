// Tests for pseudo: vectors ported from golang.org/x/mod module/pseudo_test.go (pseudoTests,
// TestInvalidPseudoVersionBase, TestIncDecimal, TestDecDecimal); error texts and timestamp validation
// produced by x/mod (vendored in Go 1.19) and Go's time.Parse through a throwaway oracle program.
import * as assert from 'node:assert/strict';
import {
  decDecimal, decodePseudoVersion, formatPseudoTimestamp, incDecimal, isPseudoVersion, isValid, isZeroPseudoVersion,
  parsePseudoTimestamp, pseudoVersion, pseudoVersionBase, pseudoVersionRev, pseudoVersionTime, zeroPseudoVersion,
} from '../../src/module';

const pseudoTime = new Date(Date.UTC(2006, 0, 2, 15, 4, 5));
const iso = (d: Date): string => d.toISOString().replace('.000Z', 'Z');

// pseudoTests: major, older, version
const pseudoTests: [string, string, string][] = [
  ['', '', 'v0.0.0-20060102150405-hash'],
  ['v0', '', 'v0.0.0-20060102150405-hash'],
  ['v1', '', 'v1.0.0-20060102150405-hash'],
  ['v2', '', 'v2.0.0-20060102150405-hash'],
  ['unused', 'v0.0.0', 'v0.0.1-0.20060102150405-hash'],
  ['unused', 'v1.2.3', 'v1.2.4-0.20060102150405-hash'],
  ['unused', 'v1.2.99999999999999999', 'v1.2.100000000000000000-0.20060102150405-hash'],
  ['unused', 'v1.2.3-pre', 'v1.2.3-pre.0.20060102150405-hash'],
  ['unused', 'v1.3.0-pre', 'v1.3.0-pre.0.20060102150405-hash'],
  ['unused', 'v0.0.0--', 'v0.0.0--.0.20060102150405-hash'],
  ['unused', 'v1.0.0+metadata', 'v1.0.1-0.20060102150405-hash+metadata'],
  ['unused', 'v2.0.0+incompatible', 'v2.0.1-0.20060102150405-hash+incompatible'],
  ['unused', 'v2.3.0-pre+incompatible', 'v2.3.0-pre.0.20060102150405-hash+incompatible'],
];

describe('module/pseudo', () => {
  describe('pseudoTests', () => {
    for (const [major, older, version] of pseudoTests) {
      it(`${major || '""'} ${older || '""'} -> ${version}`, () => {
        assert.equal(pseudoVersion(major, older, pseudoTime, 'hash'), version, 'pseudoVersion');
        assert.equal(isPseudoVersion(version), true, 'isPseudoVersion(version)');
        assert.equal(isPseudoVersion(older), false, 'isPseudoVersion(older)');
        const t = pseudoVersionTime(version);
        assert.ok('value' in t && t.value.getTime() === pseudoTime.getTime(), 'pseudoVersionTime(version)');
        assert.ok('error' in pseudoVersionTime(older), 'pseudoVersionTime(older)');
        assert.deepEqual(pseudoVersionRev(version), { value: 'hash' });
        assert.ok('error' in pseudoVersionRev(older), 'pseudoVersionRev(older)');
        assert.deepEqual(pseudoVersionBase(version), { value: older });
      });
    }
    it('pseudoVersionTime("---") fails (TestInvalidPseudoVersionTime)', () => {
      assert.ok('error' in pseudoVersionTime('---'));
    });
  });

  describe('invalid bases (TestInvalidPseudoVersionBase)', () => {
    for (const v of ['v0.0.0', 'v0.0.0-', 'v0.0.0-0.20060102150405-hash', 'v0.1.0-0.20060102150405-hash',
      'v1.0.0-0.20060102150405-hash', 'v0.0.0-20060102150405-hash+incompatible', 'v0.0.0-20060102150405-hash+metadata']) {
      it(v, () => assert.ok('error' in pseudoVersionBase(v)));
    }
  });

  describe('incDecimal / decDecimal', () => {
    const inc: [string, string][] = [['0', '1'], ['1', '2'], ['99', '100'], ['100', '101'], ['101', '102'],
      ['18446744073709551615', '18446744073709551616']];
    for (const [input, want] of inc) it(`incDecimal(${input}) = ${want}`, () => assert.equal(incDecimal(input), want));
    const dec: [string, string][] = [['', ''], ['0', ''], ['00', ''], ['1', '0'], ['2', '1'], ['99', '98'], ['100', '99'],
      ['101', '100'], ['10', '9'], ['1000000000000000000000', '999999999999999999999']];
    for (const [input, want] of dec) it(`decDecimal(${JSON.stringify(input)}) = ${JSON.stringify(want)}`, () => assert.equal(decDecimal(input), want));
  });

  describe('recognition and decoding against Go', () => {
    // v, isPseudo, isZero, base, base error, time (RFC 3339), time error, rev, rev error
    const table: [string, boolean, boolean, string, string | undefined, string, string | undefined, string, string | undefined][] = [
      ["v1.2.3", false, false, "", "pseudo-version \"v1.2.3\" invalid: syntax error", "", "pseudo-version \"v1.2.3\" invalid: syntax error", "", "pseudo-version \"v1.2.3\" invalid: syntax error"],
      ["v0.0.0-20060102150405-hash+incompatible", true, false, "", "pseudo-version \"v0.0.0-20060102150405-hash+incompatible\" invalid: lacks base version, but has build metadata \"+incompatible\"", "2006-01-02T15:04:05Z", undefined, "hash", undefined],
      ["v1.0.0-0.20060102150405-hash", true, false, "", "pseudo-version \"v1.0.0-0.20060102150405-hash\" invalid: version before v1.0.0 would have negative patch number", "2006-01-02T15:04:05Z", undefined, "hash", undefined],
      ["v1.2.4-0.20061302150405-hash", true, false, "v1.2.3", undefined, "", "pseudo-version \"v1.2.4-0.20061302150405-hash\" invalid: malformed time \"20061302150405\"", "hash", undefined],
      ["v1.2.4-0.20060230150405-hash", true, false, "v1.2.3", undefined, "", "pseudo-version \"v1.2.4-0.20060230150405-hash\" invalid: malformed time \"20060230150405\"", "hash", undefined],
      ["v1.2.4-0.20060102240000-hash", true, false, "v1.2.3", undefined, "", "pseudo-version \"v1.2.4-0.20060102240000-hash\" invalid: malformed time \"20060102240000\"", "hash", undefined],
      ["v1.2.4-0.20060102235960-hash", true, false, "v1.2.3", undefined, "", "pseudo-version \"v1.2.4-0.20060102235960-hash\" invalid: malformed time \"20060102235960\"", "hash", undefined],
      ["v1.2.4-0.20060102150405-hash", true, false, "v1.2.3", undefined, "2006-01-02T15:04:05Z", undefined, "hash", undefined],
      ["v1.2.3-20060102150405-hash", false, false, "", "pseudo-version \"v1.2.3-20060102150405-hash\" invalid: syntax error", "", "pseudo-version \"v1.2.3-20060102150405-hash\" invalid: syntax error", "", "pseudo-version \"v1.2.3-20060102150405-hash\" invalid: syntax error"],
      ["v1.2.3-pre.0.20060102150405-abcdef123456+incompatible", true, false, "v1.2.3-pre+incompatible", undefined, "2006-01-02T15:04:05Z", undefined, "abcdef123456", undefined],
      ["v0.0.0-00010101000000-000000000000", true, true, "", undefined, "0001-01-01T00:00:00Z", undefined, "000000000000", undefined],
      ["v2.0.0-00010101000000-000000000000", true, true, "", undefined, "0001-01-01T00:00:00Z", undefined, "000000000000", undefined],
      ["v0.0.0-0.20060102150405-hash", true, false, "", "pseudo-version \"v0.0.0-0.20060102150405-hash\" invalid: version before v0.0.0 would have negative patch number", "2006-01-02T15:04:05Z", undefined, "hash", undefined],
      ["v1.2.3-pre-0.20060102150405-hash", false, false, "", "pseudo-version \"v1.2.3-pre-0.20060102150405-hash\" invalid: syntax error", "", "pseudo-version \"v1.2.3-pre-0.20060102150405-hash\" invalid: syntax error", "", "pseudo-version \"v1.2.3-pre-0.20060102150405-hash\" invalid: syntax error"],
      ["v1.2.3-x.y.0.20060102150405-h", true, false, "v1.2.3-x.y", undefined, "2006-01-02T15:04:05Z", undefined, "h", undefined],
      ["v1.2.3-0.2006010215040-hash", false, false, "", "pseudo-version \"v1.2.3-0.2006010215040-hash\" invalid: syntax error", "", "pseudo-version \"v1.2.3-0.2006010215040-hash\" invalid: syntax error", "", "pseudo-version \"v1.2.3-0.2006010215040-hash\" invalid: syntax error"],
      ["v1.0.0-20000229000000-hash", true, false, "", undefined, "2000-02-29T00:00:00Z", undefined, "hash", undefined],
      ["v1.0.0-19000229000000-hash", true, false, "", undefined, "", "pseudo-version \"v1.0.0-19000229000000-hash\" invalid: malformed time \"19000229000000\"", "hash", undefined],
      ["v0.0.0-00000101000000-hash", true, false, "", undefined, "0000-01-01T00:00:00Z", undefined, "hash", undefined],
    ];
    for (const [v, pseudo, zero, base, baseErr, time, timeErr, rev, revErr] of table) {
      it(v, () => {
        assert.equal(isPseudoVersion(v), pseudo, 'isPseudoVersion');
        assert.equal(isZeroPseudoVersion(v), zero, 'isZeroPseudoVersion');
        const b = pseudoVersionBase(v);
        assert.deepEqual('error' in b ? { error: b.error.toString() } : b, baseErr ? { error: baseErr } : { value: base });
        const t = pseudoVersionTime(v);
        assert.deepEqual('error' in t ? { error: t.error.toString() } : { value: iso(t.value) }, timeErr ? { error: timeErr } : { value: time });
        const r = pseudoVersionRev(v);
        assert.deepEqual('error' in r ? { error: r.error.toString() } : r, revErr ? { error: revErr } : { value: rev });
      });
    }
  });

  it('isPseudoVersion agrees with x/mod\'s regexp on generated versions', () => {
    const re = /^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
    const bases = ['v0.0.0', 'v1.0.0', 'v1.2.3', 'v0.1.0', 'v1.0', 'v10.20.30'];
    const mids = ['', '0.', 'pre.0.', 'pre.', '-0.', 'a.b.0.', '0.0.', '1.', 'x-0.', '.0.', 'pre.00.'];
    const stamps = ['20060102150405', '2006010215040', '200601021504055', '00010101000000'];
    const revs = ['-hash', '-abcdef123456', '-', '.hash', '-a.b', '-a-b', '-0'];
    const builds = ['', '+incompatible', '+meta.1', '+', '+a..b'];
    let n = 0;
    for (const b of bases) for (const m of mids) for (const s of stamps) for (const r of revs) for (const bu of builds) {
      const v = `${b}-${m}${s}${r}${bu}`;
      const want = (v.split('-').length - 1) >= 2 && isValid(v) && re.test(v);
      assert.equal(isPseudoVersion(v), want, v);
      n++;
    }
    assert.ok(n > 5000);
  });

  describe('timestamps (time.Parse with layout 20060102150405)', () => {
    const table: [string, string | undefined][] = [
      ['20060102150405', '2006-01-02T15:04:05Z'], ['00010101000000', '0001-01-01T00:00:00Z'],
      ['00000101000000', '0000-01-01T00:00:00Z'], ['99991231235959', '9999-12-31T23:59:59Z'],
      ['20000229000000', '2000-02-29T00:00:00Z'], ['20040229000000', '2004-02-29T00:00:00Z'],
      ['19000229000000', undefined], ['20060229000000', undefined], ['20060230000000', undefined],
      ['20060431000000', undefined], ['20061301000000', undefined], ['20060001000000', undefined],
      ['20060100000000', undefined], ['20060132000000', undefined], ['20060102240000', undefined],
      ['20060102236000', undefined], ['20060102235960', undefined], ['2006010215040', undefined], ['2006010215040x', undefined],
    ];
    for (const [ts, want] of table) {
      it(`${ts} -> ${want}`, () => {
        const d = parsePseudoTimestamp(ts);
        assert.equal(d === undefined ? undefined : iso(d), want);
        if (d !== undefined) assert.equal(formatPseudoTimestamp(d), ts);
      });
    }
    it('formats out-of-range years like Go and refuses invalid dates', () => {
      const y = (year: number): Date => { const d = new Date(0); d.setUTCFullYear(year, 0, 2); return d; };
      assert.equal(formatPseudoTimestamp(y(12345)), '123450102000000');
      assert.equal(formatPseudoTimestamp(y(-1)), '-00010102000000');
      assert.equal(formatPseudoTimestamp(new Date(NaN)), '');
      assert.equal(pseudoVersion('v1', '', new Date(NaN), 'h'), '');
    });
    it('uses UTC whatever the Date was built from', () => {
      assert.equal(pseudoVersion('', '', new Date('2006-01-02T10:04:05-05:00'), 'abc'), 'v0.0.0-20060102150405-abc');
      assert.equal(pseudoVersion('', '', new Date(Date.UTC(2006, 0, 2, 15, 4, 5, 999)), 'abc'), 'v0.0.0-20060102150405-abc');
    });
  });

  describe('zero pseudo-versions', () => {
    it('zeroPseudoVersion and isZeroPseudoVersion', () => {
      assert.equal(zeroPseudoVersion(''), 'v0.0.0-00010101000000-000000000000');
      assert.equal(zeroPseudoVersion('v2'), 'v2.0.0-00010101000000-000000000000');
      const zero = new Date(0);
      zero.setUTCFullYear(1, 0, 1);
      assert.equal(pseudoVersion('v3', '', zero, '000000000000'), zeroPseudoVersion('v3'));
      assert.equal(isZeroPseudoVersion('v2.0.0-00010101000000-000000000000'), true);
      assert.equal(isZeroPseudoVersion('v2.0.0-00010101000000-000000000001'), false);
      assert.equal(isZeroPseudoVersion(''), false);
    });
  });

  describe('decodePseudoVersion', () => {
    it('decodes the five forms', () => {
      const table: [string, string, string, number][] = [
        ['v0.0.0-20060102150405-abcdef123456', '', '', 1],
        ['v1.2.4-0.20060102150405-abcdef123456', 'v1.2.3', '', 2],
        ['v2.0.1-0.20060102150405-abcdef123456+incompatible', 'v2.0.0+incompatible', '+incompatible', 3],
        ['v1.2.3-pre.0.20060102150405-abcdef123456', 'v1.2.3-pre', '', 4],
        ['v2.3.0-pre.0.20060102150405-abcdef123456+incompatible', 'v2.3.0-pre+incompatible', '+incompatible', 5],
      ];
      for (const [v, base, build, form] of table) {
        const d = decodePseudoVersion(v);
        assert.ok(d.ok, v);
        assert.deepEqual({ ...d, time: iso(d.time) },
          { ok: true, base, time: '2006-01-02T15:04:05Z', timestamp: '20060102150405', rev: 'abcdef123456', build, form });
      }
    });
    it('reports the first problem: syntax, then time, then base', () => {
      const table: [string, string][] = [
        ['v1.2.3', 'pseudo-version "v1.2.3" invalid: syntax error'],
        ['v1.0.0-0.20061302150405-hash', 'pseudo-version "v1.0.0-0.20061302150405-hash" invalid: malformed time "20061302150405"'],
        ['v1.0.0-0.20060102150405-hash', 'pseudo-version "v1.0.0-0.20060102150405-hash" invalid: version before v1.0.0 would have negative patch number'],
        ['v0.0.0-20060102150405-hash+incompatible', 'pseudo-version "v0.0.0-20060102150405-hash+incompatible" invalid: lacks base version, but has build metadata "+incompatible"'],
      ];
      for (const [v, msg] of table) {
        const d = decodePseudoVersion(v);
        assert.ok(!d.ok, v);
        assert.equal(d.error.toString(), msg);
        assert.equal(d.error.pseudo, true);
      }
    });
  });
});
