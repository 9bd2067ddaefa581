import * as assert from 'node:assert/strict';
import { goErrorLines } from '../../src/syntax/errors';
import { parseModFile } from '../../src/syntax/modfile';
import { parseWorkFile } from '../../src/syntax/workfile';

/**
 * Error texts and positions as the go command prints them. Rows marked (1.19) were checked against
 * Go 1.19's `go mod edit -json`; the others follow the current golang.org/x/mod text (semantics §1),
 * where Go 1.19's wording differs (noted inline).
 */
const cases: [string, string, string[]][] = [
  ['closing paren followed by a token (1.19)', 'module x\n\nrequire (\n\ta v1.0.0\n) x\n', ['go.mod:5:4: syntax error (expected newline after closing paren)']],
  ['non-breaking space (1.19)', 'module x\nrequire a v1\u00a0\n', ["go.mod:2:13: unexpected input character '\\u00a0'"]],
  ['control character (1.19)', 'module x\nrequire a v1.0.0\x01\n', ["go.mod:2:17: unexpected input character '\\x01'"]],
  ['byte order mark (1.19)', '\ufeffmodule x\n', ["go.mod:1: unexpected input character '\\ufeff'"]],
  ['unterminated block (1.19)', 'module x\nrequire (\n\ta v1.0.0\n', ['go.mod:4: syntax error (unterminated block started at go.mod:2:1)']],
  ['newline in string (1.19)', 'module x\n"abc\n', ['go.mod:2:5: unexpected newline in string']],
  ['EOF in string (1.19)', 'module x\n  "abc', ['go.mod:2:3: unexpected EOF in string']],
  ['block comment (1.19)', 'module x /* c */\n', ['go.mod:1:10: mod files must use // comments (not /* */ comments)']],
  ['major suffix errors (1.19)', 'module x\nrequire a/v1 v1.0.0\nrequire b v2.0.0\n\trequire c v1\n', [
    'go.mod:2: invalid module path',
    'go.mod:3: require b: version "v2.0.0" invalid: should be v0 or v1, not v2',
  ]],
  ['unknown directive and bad replace targets', 'module x\nfoo bar\nreplace a => b\nreplace a v1 => b@v1\n', [
    'go.mod:2: unknown directive: foo',
    'go.mod:3: replacement module without version must be directory path (rooted or starting with . or ..)',
    "go.mod:4: replacement module must match format 'path version', not 'path@version'",
  ]],
  ['stray paren is a token (1.19)', 'module x\nrequire a v1.0.0 )\n', ['go.mod:2: usage: require module/path v1.2.3']],
  ['paren inside a block line (1.19)', 'module x\nrequire (\n\ta v1.0.0 ) // c\n)\n', ['go.mod:3:2: usage: require module/path v1.2.3']],
  ['retract with ( (1.19)', 'module x\nretract (v1.2.3, v1.2.4]\n', ["go.mod:2: expected '[' or version"]],
  ['retract trailing token (1.19)', 'module x\nretract [v1.2.3, v1.2.4] extra\n', ['go.mod:2: unexpected token after version: "extra"']],
  ['retract missing comma (1.19)', 'module x\nretract [v1.2.3 v1.2.4]\n', ["go.mod:2: expected ',' after version"]],
  ['retract bad quoted (1.19)', 'module x\nretract "v1\\x"\n', ['go.mod:2: retract: version "\\"v1\\\\x\\"" invalid: invalid syntax']],
  ['backquoted path (1.19)', 'module x\nrequire `a` v1.0.0\n', ['go.mod:2: invalid quoted string: unquoted string cannot contain quote']],
  ['bad escape in version (1.19)', 'module x\nrequire a "v1.0\\q"\n', ['go.mod:2: require a: version "\\"v1.0\\\\q\\"" invalid: invalid syntax']],
  ['missing version in block (1.19)', 'module x\nrequire (\n\ta v1.0.0\n\tb\n)\n', ['go.mod:4:2: usage: require module/path v1.2.3']],
  ['exclude major (1.19)', 'module x\nexclude a/v2 v1.0.0\n', ['go.mod:2: exclude a/v2: version "v1.0.0" invalid: should be v2, not v1']],
  ['directory with version (1.19)', 'module x\nreplace a v1.0.0 => ./b v1.0.0\n', ['go.mod:2: replacement module directory path "./b" cannot have version']],
  ['go versions', 'module x\ngo 1\ngo 1.2\n', ["go.mod:2: invalid go version '1': must match format 1.23.0"]],
  ['repeated module (1.19)', 'module x\nmodule y\n', ['go.mod:2: repeated module statement']],
  ['module usage (1.19)', 'module\n', ['go.mod:1: usage: module module/path']],
  ['comment after ( then bad close (1.19)', 'require ( // c\n\ta v1.0.0\n) x\n', ['go.mod:3:4: syntax error (expected newline after closing paren)']],
  ['unknown block types (1.19)', 'module x\nrequire v1 (\n\ta v1.0.0\n)\ngo (\n)\n', ['go.mod:2: unknown block type: require v1', 'go.mod:5: unknown block type: go']],
  ['( ) mid-line is not a block (1.19)', 'module x\nrequire ()\nrequire ( ) x\n', ['go.mod:3: usage: require module/path v1.2.3']],
  ['indented top-level line (1.19)', 'module x\n\trequire a v1.0.0 v2\n', ['go.mod:2:2: usage: require module/path v1.2.3']],
  ['toolchain and godebug', 'module x\ntoolchain 1.21\ngodebug a\ngodebug x=1,2\n', [
    "go.mod:2: invalid toolchain version '1.21': must match format go1.23.0 or default",
    'go.mod:3: usage: godebug key=value',
    'go.mod:4: usage: godebug key=value',
  ]],
  ['tool and ignore arity', 'module x\ntool\nignore a b\n', ['go.mod:2: tool directive expects exactly one argument', 'go.mod:3: ignore directive expects exactly one argument']],
  ['windows directory', 'module x\nreplace a => .\\b\n', ['go.mod:2: replacement directory appears to be Windows path (on a non-windows system)']],
];

describe('parse errors, as the go command prints them', () => {
  for (const [desc, text, want] of cases) {
    it(desc, () => {
      const f = parseModFile(text);
      assert.deepEqual(goErrorLines('go.mod', text, f.errors), want);
    });
  }

  it('a syntax error hides directive errors but we keep both', () => {
    const text = 'module x\nfoo\nrequire a v1\u00a0\n';
    const f = parseModFile(text);
    assert.deepEqual(goErrorLines('go.mod', text, f.errors), ["go.mod:3:13: unexpected input character '\\u00a0'"]);
    assert.equal(f.errors.length, 2);
    assert.equal(f.module?.path, 'x');
  });

  it('recovers at the next line and keeps what parsed, inside and outside blocks', () => {
    const text = 'module x\nrequire (\n\ta v1.0.0\n\tb v1\u0001.0\n\tc v1.2\n)\nrequire d /* v1 */\nrequire e v1.0.0\n';
    const f = parseModFile(text);
    assert.deepEqual(f.require.map((r) => `${r.mod.path}@${r.mod.version}`), ['a@v1.0.0', 'c@v1.2.0', 'e@v1.0.0']);
    assert.deepEqual(f.errors.map((e) => [e.message, text.slice(e.start, e.end)]), [
      ["unexpected input character '\\x01'", '\u0001'],
      ['mod files must use // comments (not /* */ comments)', '/*'],
    ]);
  });

  it('an unterminated block keeps its lines and points at its start', () => {
    const text = 'module x\nrequire (\n\ta v1.0.0\n\tb v1.1.0';
    const f = parseModFile(text);
    assert.deepEqual(f.require.map((r) => r.mod.path), ['a', 'b']);
    assert.equal(f.errors.length, 1);
    assert.equal(text.slice(f.errors[0].start, f.errors[0].end), 'require (');
  });

  it('rule errors carry the span of the offending token', () => {
    const text = 'module x\nrequire (\n\texample.com/a v2.0.0 // indirect\n)\n';
    const f = parseModFile(text);
    assert.equal(f.errors.length, 1);
    assert.equal(text.slice(f.errors[0].start, f.errors[0].end), 'v2.0.0');
    assert.match(f.errors[0].hint ?? '', /example\.com\/a\/v2/);
  });

  it('lax mode ignores what dependencies may carry', () => {
    const text = 'module x\ngo 1.21.0beta\ntoolchain bogus\nreplace a => b\nexclude a v2\nfoo bar\nretract [v1\nblah (\n)\n';
    const f = parseModFile(text, { strict: false });
    assert.deepEqual(f.errors, []);
    assert.equal(f.go?.version, '1.21');
    assert.equal(f.replace.length, 0);
    const strict = parseModFile(text);
    assert.equal(strict.errors.length, 7);
  });

  it('lax mode still reports require errors and syntax errors', () => {
    const f = parseModFile('module x\nrequire a\ngo v1.2\n', { strict: false });
    assert.deepEqual(f.errors.map((e) => e.message), ['usage: require module/path v1.2.3', "invalid go version 'v1.2': must match format 1.23.0"]);
  });

  it('go.work errors', () => {
    const text = 'go 1.21\ngo 1.22\nuse\nrequire a v1.0.0\nmodule (\n)\nuse (\n\t./a\n)\n';
    const f = parseWorkFile(text);
    assert.deepEqual(goErrorLines('go.work', text, f.errors), [
      'go.work:2: repeated go statement',
      'go.work:3: usage: use local/dir',
      'go.work:4: unknown directive: require',
      'go.work:5: unknown block type: module',
    ]);
    assert.deepEqual(f.use.map((u) => u.path), ['./a']);
  });

  it('never throws on hostile input', () => {
    for (const text of ['', '\n', '(', ')', '"', '`', '//', '/*', '\u0000', 'require (', 'require (\n)', 'x ( )', '\r\r\n', '\ud800', 'a\\']) {
      parseModFile(text);
      parseModFile(text, { strict: false });
      parseWorkFile(text);
    }
  });
});
