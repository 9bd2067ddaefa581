// Tests for the module error values: texts follow golang.org/x/mod module.go's Error methods (checked
// against x/mod output where the message comes from a real check, see modulePath/pseudo tests).
import * as assert from 'node:assert/strict';
import { errorText, InvalidPathError, InvalidVersionError, ModuleError, versionError } from '../../src/module';

describe('module/errors', () => {
  it('InvalidVersionError prints version/pseudo-version with Go quoting', () => {
    assert.equal(new InvalidVersionError('v2.0.0', 'should be v0 or v1, not v2').toString(),
      'version "v2.0.0" invalid: should be v0 or v1, not v2');
    assert.equal(new InvalidVersionError('v1.2.3', 'syntax error', true).toString(), 'pseudo-version "v1.2.3" invalid: syntax error');
    assert.equal(new InvalidVersionError('v1\u00a0"x"', 'm').toString(), 'version "v1\\u00a0\\"x\\"" invalid: m');
    const e = new InvalidVersionError('v', 'msg', true);
    assert.deepEqual([e.version, e.message, e.pseudo, e.noun], ['v', 'msg', true, 'pseudo-version']);
  });

  it('InvalidPathError prints malformed KIND path', () => {
    assert.equal(new InvalidPathError('module', 'x\ty', 'invalid char \'\\t\'').toString(),
      'malformed module path "x\\ty": invalid char \'\\t\'');
    assert.equal(new InvalidPathError('file', '', 'empty string').toString(), 'malformed file path "": empty string');
  });

  it('ModuleError prints like module.ModuleError', () => {
    const iv = new InvalidVersionError('v1.0.0', 'not a semantic version');
    assert.equal(new ModuleError('rsc.io/quote', '', iv).toString(), 'rsc.io/quote@v1.0.0: invalid version: not a semantic version');
    assert.equal(new ModuleError('m', 'v9', new InvalidVersionError('v1.2.3', 'x', true)).toString(),
      'm@v1.2.3: invalid pseudo-version: x', 'the wrapped version wins over the module version');
    assert.equal(new ModuleError('m', 'v1.0.0', 'missing go.sum entry').toString(), 'm@v1.0.0: missing go.sum entry');
    assert.equal(new ModuleError('m', '', new Error('boom')).toString(), 'module m: boom');
    assert.equal(new ModuleError('m', '', new InvalidPathError('import', 'a', 'b')).toString(), 'module m: malformed import path "a": b');
  });

  it('versionError does not wrap the same module twice', () => {
    const inner = new ModuleError('m', 'v1.0.0', 'e');
    assert.equal(versionError('m', 'v1.0.0', inner), inner);
    assert.equal(versionError('n', 'v1.0.0', inner).toString(), 'n@v1.0.0: m@v1.0.0: e');
    assert.equal(errorText(new Error('x')), 'x');
  });
});
