// Tests for goVersion: vectors from golang/go src/internal/gover/gover_test.go and
// src/cmd/go/internal/gover/toolchain_test.go, the go/toolchain line cases of golang.org/x/mod
// modfile/read_test.go TestParseVersions (strict column), and the orderings stated in gomod-semantics.md §1.9.
import * as assert from 'node:assert/strict';
import {
  compareGoVersion, goFromToolchain, goLang, goModCompare, goVersionRE, isGoLangVersion, isValidGoVersion,
  laxGoVersionRE, maxGoVersion, parseGoVersion, toolchainRE,
} from '../../src/module';

describe('module/goVersion', () => {
  describe('compareGoVersion (gover_test.go compareTests)', () => {
    const table: [string, string, number][] = [
      ['', '', 0], ['x', 'x', 0], ['', 'x', 0], ['1', '1.1', -1], ['1.5', '1.6', -1], ['1.5', '1.10', -1],
      ['1.6', '1.6.1', -1], ['1.19', '1.19.0', 0], ['1.19rc1', '1.19', -1], ['1.20', '1.20.0', 0],
      ['1.20rc1', '1.20', -1], ['1.21', '1.21.0', -1], ['1.21', '1.21rc1', -1], ['1.21rc1', '1.21.0', -1],
      ['1.6', '1.19', -1], ['1.19', '1.19.1', -1], ['1.19rc1', '1.19', -1], ['1.19rc1', '1.19.1', -1],
      ['1.19rc1', '1.19rc2', -1], ['1.19.0', '1.19.1', -1], ['1.19rc1', '1.19.0', -1], ['1.19alpha3', '1.19beta2', -1],
      ['1.19beta2', '1.19rc1', -1], ['1.1', '1.99999999999999998', -1], ['1.99999999999999998', '1.99999999999999999', -1],
      // gomod-semantics.md §1.9 and corners (checked against a transcription of gover.Compare)
      ['1.21rc1', '1.21rc2', -1], ['1.21.0', '1.21.1', -1], ['1.21.1', '1.22', -1], ['1.20.0', '1.20.1', -1],
      ['1.21.0rc1', '1.21.0', -1], ['1.21.0rc1', '1.21rc1', 1], ['1.21rc', '1.21rc1', -1], ['1', '1.0.0', 0],
      ['bad', '1', -1], ['go1.21', '1.0', -1], ['2', '1.999', 1], ['1.21testmod', '1.21rc1', 1],
    ];
    for (const [x, y, want] of table) {
      it(`${JSON.stringify(x)} vs ${JSON.stringify(y)} = ${want}`, () => {
        assert.equal(compareGoVersion(x, y), want);
        assert.equal(compareGoVersion(y, x), want === 0 ? 0 : -want);
      });
    }
    it('orders the documented chains', () => {
      const chains = [['1.21', '1.21rc1', '1.21rc2', '1.21.0', '1.21.1', '1.22'], ['1.20rc1', '1.20', '1.20.1']];
      for (const chain of chains) {
        for (let i = 0; i + 1 < chain.length; i++) assert.equal(compareGoVersion(chain[i], chain[i + 1]), -1, chain[i]);
      }
    });
  });

  describe('parseGoVersion (gover_test.go parseTests)', () => {
    const table: [string, [string, string, string, string, string]][] = [
      ['1', ['1', '0', '0', '', '']], ['1.2', ['1', '2', '0', '', '']], ['1.2.3', ['1', '2', '3', '', '']],
      ['1.2rc3', ['1', '2', '', 'rc', '3']], ['1.20', ['1', '20', '0', '', '']], ['1.21', ['1', '21', '', '', '']],
      ['1.21rc3', ['1', '21', '', 'rc', '3']], ['1.21.0', ['1', '21', '0', '', '']], ['1.24', ['1', '24', '', '', '']],
      ['1.24rc3', ['1', '24', '', 'rc', '3']], ['1.24.0', ['1', '24', '0', '', '']],
      ['1.999testmod', ['1', '999', '', 'testmod', '']],
      ['1.99999999999999999', ['1', '99999999999999999', '', '', '']],
      ['1.21.3rc2', ['1', '21', '3', 'rc', '2']],
    ];
    for (const [input, [major, minor, patch, kind, pre]] of table) {
      it(input, () => assert.deepEqual(parseGoVersion(input), { major, minor, patch, kind, pre }));
    }
    for (const bad of ['', '01', '1.01', '1.2.03', '1.2rc01', '1.2RC1', '1.2-rc1', '1.', '1.2.', 'go1.2', 'v1.2', '1.2rc1x', '1.2.3.4']) {
      it(`rejects ${JSON.stringify(bad)}`, () => assert.equal(parseGoVersion(bad), undefined));
    }
  });

  describe('goLang / isGoLangVersion / isValidGoVersion (langTests, isLangTests, isValidTests)', () => {
    const lang: [string, string][] = [['1.2rc3', '1.2'], ['1.2.3', '1.2'], ['1.2', '1.2'], ['1', '1'],
      ['1.999testmod', '1.999'], ['1.21.3', '1.21'], ['1.21rc1', '1.21'], ['1.0.2', '1'], ['bad', '']];
    for (const [v, want] of lang) it(`goLang(${v}) = ${JSON.stringify(want)}`, () => assert.equal(goLang(v), want));
    const isLang: [string, boolean][] = [['1.2rc3', false], ['1.2.3', false], ['1.999testmod', false], ['1.22', true],
      ['1.21', true], ['1.20', false], ['1.19', false], ['1.3', false], ['1.2', false], ['1', false], ['', false]];
    for (const [v, want] of isLang) it(`isGoLangVersion(${v}) = ${want}`, () => assert.equal(isGoLangVersion(v), want));
    const valid: [string, boolean][] = [['1.2rc3', true], ['1.2.3', true], ['1.999testmod', true], ['1.600+auto', false],
      ['1.22', true], ['1.21.0', true], ['1.21rc2', true], ['1.21', true], ['1.20.0', true], ['1.20', true],
      ['1.19', true], ['1.3', true], ['1.2', true], ['1', true]];
    for (const [v, want] of valid) it(`isValidGoVersion(${v}) = ${want}`, () => assert.equal(isValidGoVersion(v), want));
  });

  describe('goFromToolchain (toolchain_test.go)', () => {
    const table: [string, string][] = [
      ['go1.2.3', '1.2.3'], ['1.2.3', ''], ['go1.2.3+bigcorp', ''], ['go1.2.3-bigcorp', '1.2.3'],
      ['go1.2.3-bigcorp more text', '1.2.3'], ['gccgo-go1.23rc4', ''], ['gccgo-go1.23rc4-bigdwarf', ''],
      // path separators are refused (the name would be run as a relative path)
      ['go1.2.3-x/y', ''], ['go1.2.3-x\\y', ''], ['go1.21 extra', '1.21'], ['go1.21\tx', '1.21'], ['go', ''],
    ];
    for (const [name, want] of table) it(`${JSON.stringify(name)} -> ${JSON.stringify(want)}`, () => assert.equal(goFromToolchain(name), want));
  });

  describe('line regexps (modfile)', () => {
    // TestParseVersions: strict parse accepts exactly these go versions
    const strict: [string, boolean][] = [['', false], ['1', false], ['1.22', true], ['1.22.333', true], ['v1.2', false],
      ['1.2rc1', true], ['1.2.3', true], ['1.2beta1', true], ['1.2.beta1', false], ['v1.2.3', false], ['v1.2rc1', false],
      // gomod-semantics.md §1.9
      ['1.21.0rc1', true], ['0.1', false], ['v1.21', false], ['1.21.00', false], ['1.21beta', false], ['01.2', false],
      ['1.2\n', false]];
    for (const [v, want] of strict) it(`goVersionRE ${JSON.stringify(v)} = ${want}`, () => assert.equal(goVersionRE.test(v), want));
    const lax: [string, string | undefined][] = [['1.2.3beta', '1.2'], ['v1.2.beta1', '1.2'], ['v1.2.3', '1.2'],
      ['1.2rc1-x', '1.2'], ['v1.2', undefined], ['1.22', undefined], ['1.2a\nb', undefined], ['1.2a\rb', '1.2'],
      ['1.2a\u2028', '1.2'], ['1.21.0', '1.21']];
    for (const [v, want] of lax) {
      it(`laxGoVersionRE ${JSON.stringify(v)} -> ${JSON.stringify(want)}`, () => assert.equal(laxGoVersionRE.exec(v)?.[1], want));
    }
    const tool: [string, boolean][] = [['go1.2', true], ['go1.2.3', true], ['go1.2rc1', true], ['go1.2rc1-gccgo', true],
      ['default', true], ['inconceivable!', false], ['go1', true], ['go10', false], ['local', false], ['go1x', false],
      ['default ', false], ['gccgo-go1.2', false]];
    for (const [v, want] of tool) it(`toolchainRE ${JSON.stringify(v)} = ${want}`, () => assert.equal(toolchainRE.test(v), want));
  });

  describe('maxGoVersion and goModCompare', () => {
    it('maxGoVersion keeps the first of equals', () => {
      assert.equal(maxGoVersion('1.20', '1.20.0'), '1.20');
      assert.equal(maxGoVersion('1.20.0', '1.20'), '1.20.0');
      assert.equal(maxGoVersion('1.21', '1.21rc1'), '1.21rc1');
      assert.equal(maxGoVersion('bad', '1'), '1');
    });
    it('goModCompare uses Go order for go/toolchain and semver otherwise', () => {
      assert.equal(goModCompare('go', '1.21', '1.21.0'), -1);
      assert.equal(goModCompare('toolchain', 'go1.21.1', '1.21.0'), 1);
      assert.equal(goModCompare('toolchain', 'go1.21rc1', 'go1.21.0'), -1);
      assert.equal(goModCompare('example.com/m', 'v1.21.0', 'v1.3.0'), 1);
      assert.equal(goModCompare('example.com/m', '1.21', '1.3'), 0);
    });
  });
});
