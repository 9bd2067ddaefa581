// Tests for modulePath, ported from golang.org/x/mod module/module_test.go (checkTests, checkPathTests,
// splitPathVersionTests, escapeTests, badUnescape, TestMatchPathMajor, TestMatchPrefixPatterns) and Go's
// path/match_test.go. Expected error texts were produced by x/mod (vendored in Go 1.19, same code as
// x/mod HEAD for these functions) through a throwaway oracle program.
import * as assert from 'node:assert/strict';
import {
  canonicalVersion, check, checkFilePath, checkImportPath, checkPath, checkPathMajor, escapePath, escapeVersion,
  isDirectoryPath, matchPathMajor, matchPrefixPatterns, pathMajorPrefix, pathMatch, sortModuleVersions,
  splitPathVersion, unescapePath, unescapeVersion,
} from '../../src/module';

const str = (e: { toString(): string } | undefined): string | undefined => e?.toString();
const lit = (s: string): string => JSON.stringify(s);
type Outcome = { value: string } | { error: string };
const outcome = (r: { value: string } | { error: { toString(): string } }): Outcome =>
  'error' in r ? { error: r.error.toString() } : { value: r.value };

// checkPathTests: path, module ok, import ok, file ok, then Go's exact error for each kind. Go's
// "x.y/\xFFz" (invalid UTF-8) is written with U+FFFD, which is how our input decoding presents it.
const checkPathTests: [string, boolean, boolean, boolean, string | undefined, string | undefined, string | undefined][] = [
  ["x.y/z", true, true, true, undefined, undefined, undefined],
  ["x.y", true, true, true, undefined, undefined, undefined],
  ["", false, false, false, "malformed module path \"\": empty string", "malformed import path \"\": empty string", "malformed file path \"\": empty string"],
  ["x.y/\ufffdz", false, false, false, "malformed module path \"x.y/\ufffdz\": invalid char '\ufffd'", "malformed import path \"x.y/\ufffdz\": invalid char '\ufffd'", "malformed file path \"x.y/\ufffdz\": invalid char '\ufffd'"],
  ["/x.y/z", false, false, false, "malformed module path \"/x.y/z\": empty path element", "malformed import path \"/x.y/z\": empty path element", "malformed file path \"/x.y/z\": empty path element"],
  ["x./z", false, false, false, "malformed module path \"x./z\": trailing dot in path element", "malformed import path \"x./z\": trailing dot in path element", "malformed file path \"x./z\": trailing dot in path element"],
  [".x/z", false, true, true, "malformed module path \".x/z\": leading dot in path element", undefined, undefined],
  ["-x/z", false, false, true, "malformed module path \"-x/z\": leading dash", "malformed import path \"-x/z\": leading dash", undefined],
  ["x..y/z", true, true, true, undefined, undefined, undefined],
  ["x.y/z/../../w", false, false, false, "malformed module path \"x.y/z/../../w\": invalid path element \"..\"", "malformed import path \"x.y/z/../../w\": invalid path element \"..\"", "malformed file path \"x.y/z/../../w\": invalid path element \"..\""],
  ["x.y//z", false, false, false, "malformed module path \"x.y//z\": double slash", "malformed import path \"x.y//z\": double slash", "malformed file path \"x.y//z\": double slash"],
  ["x.y/z//w", false, false, false, "malformed module path \"x.y/z//w\": double slash", "malformed import path \"x.y/z//w\": double slash", "malformed file path \"x.y/z//w\": double slash"],
  ["x.y/z/", false, false, false, "malformed module path \"x.y/z/\": trailing slash", "malformed import path \"x.y/z/\": trailing slash", "malformed file path \"x.y/z/\": trailing slash"],
  ["x.y/z/v0", false, true, true, "malformed module path \"x.y/z/v0\": invalid version", undefined, undefined],
  ["x.y/z/v1", false, true, true, "malformed module path \"x.y/z/v1\": invalid version", undefined, undefined],
  ["x.y/z/v2", true, true, true, undefined, undefined, undefined],
  ["x.y/z/v2.0", false, true, true, "malformed module path \"x.y/z/v2.0\": invalid version", undefined, undefined],
  ["X.y/z", false, true, true, "malformed module path \"X.y/z\": invalid char 'X' in first path element", undefined, undefined],
  ["!x.y/z", false, false, true, "malformed module path \"!x.y/z\": invalid char '!'", "malformed import path \"!x.y/z\": invalid char '!'", undefined],
  ["_x.y/z", false, true, true, "malformed module path \"_x.y/z\": invalid char '_' in first path element", undefined, undefined],
  ["x.y!/z", false, false, true, "malformed module path \"x.y!/z\": invalid char '!'", "malformed import path \"x.y!/z\": invalid char '!'", undefined],
  ["x.y\"/z", false, false, false, "malformed module path \"x.y\\\"/z\": invalid char '\"'", "malformed import path \"x.y\\\"/z\": invalid char '\"'", "malformed file path \"x.y\\\"/z\": invalid char '\"'"],
  ["x.y#/z", false, false, true, "malformed module path \"x.y#/z\": invalid char '#'", "malformed import path \"x.y#/z\": invalid char '#'", undefined],
  ["x.y$/z", false, false, true, "malformed module path \"x.y$/z\": invalid char '$'", "malformed import path \"x.y$/z\": invalid char '$'", undefined],
  ["x.y%/z", false, false, true, "malformed module path \"x.y%/z\": invalid char '%'", "malformed import path \"x.y%/z\": invalid char '%'", undefined],
  ["x.y&/z", false, false, true, "malformed module path \"x.y&/z\": invalid char '&'", "malformed import path \"x.y&/z\": invalid char '&'", undefined],
  ["x.y'/z", false, false, false, "malformed module path \"x.y'/z\": invalid char '\\''", "malformed import path \"x.y'/z\": invalid char '\\''", "malformed file path \"x.y'/z\": invalid char '\\''"],
  ["x.y(/z", false, false, true, "malformed module path \"x.y(/z\": invalid char '('", "malformed import path \"x.y(/z\": invalid char '('", undefined],
  ["x.y)/z", false, false, true, "malformed module path \"x.y)/z\": invalid char ')'", "malformed import path \"x.y)/z\": invalid char ')'", undefined],
  ["x.y*/z", false, false, false, "malformed module path \"x.y*/z\": invalid char '*'", "malformed import path \"x.y*/z\": invalid char '*'", "malformed file path \"x.y*/z\": invalid char '*'"],
  ["x.y+/z", false, true, true, "malformed module path \"x.y+/z\": invalid char '+'", undefined, undefined],
  ["x.y,/z", false, false, true, "malformed module path \"x.y,/z\": invalid char ','", "malformed import path \"x.y,/z\": invalid char ','", undefined],
  ["x.y-/z", true, true, true, undefined, undefined, undefined],
  ["x.y./zt", false, false, false, "malformed module path \"x.y./zt\": trailing dot in path element", "malformed import path \"x.y./zt\": trailing dot in path element", "malformed file path \"x.y./zt\": trailing dot in path element"],
  ["x.y:/z", false, false, false, "malformed module path \"x.y:/z\": invalid char ':'", "malformed import path \"x.y:/z\": invalid char ':'", "malformed file path \"x.y:/z\": invalid char ':'"],
  ["x.y;/z", false, false, false, "malformed module path \"x.y;/z\": invalid char ';'", "malformed import path \"x.y;/z\": invalid char ';'", "malformed file path \"x.y;/z\": invalid char ';'"],
  ["x.y</z", false, false, false, "malformed module path \"x.y</z\": invalid char '<'", "malformed import path \"x.y</z\": invalid char '<'", "malformed file path \"x.y</z\": invalid char '<'"],
  ["x.y=/z", false, false, true, "malformed module path \"x.y=/z\": invalid char '='", "malformed import path \"x.y=/z\": invalid char '='", undefined],
  ["x.y>/z", false, false, false, "malformed module path \"x.y>/z\": invalid char '>'", "malformed import path \"x.y>/z\": invalid char '>'", "malformed file path \"x.y>/z\": invalid char '>'"],
  ["x.y?/z", false, false, false, "malformed module path \"x.y?/z\": invalid char '?'", "malformed import path \"x.y?/z\": invalid char '?'", "malformed file path \"x.y?/z\": invalid char '?'"],
  ["x.y@/z", false, false, true, "malformed module path \"x.y@/z\": invalid char '@'", "malformed import path \"x.y@/z\": invalid char '@'", undefined],
  ["x.y[/z", false, false, true, "malformed module path \"x.y[/z\": invalid char '['", "malformed import path \"x.y[/z\": invalid char '['", undefined],
  ["x.y\\/z", false, false, false, "malformed module path \"x.y\\\\/z\": invalid char '\\\\'", "malformed import path \"x.y\\\\/z\": invalid char '\\\\'", "malformed file path \"x.y\\\\/z\": invalid char '\\\\'"],
  ["x.y]/z", false, false, true, "malformed module path \"x.y]/z\": invalid char ']'", "malformed import path \"x.y]/z\": invalid char ']'", undefined],
  ["x.y^/z", false, false, true, "malformed module path \"x.y^/z\": invalid char '^'", "malformed import path \"x.y^/z\": invalid char '^'", undefined],
  ["x.y_/z", false, true, true, "malformed module path \"x.y_/z\": invalid char '_' in first path element", undefined, undefined],
  ["x.y`/z", false, false, false, "malformed module path \"x.y`/z\": invalid char '`'", "malformed import path \"x.y`/z\": invalid char '`'", "malformed file path \"x.y`/z\": invalid char '`'"],
  ["x.y{/z", false, false, true, "malformed module path \"x.y{/z\": invalid char '{'", "malformed import path \"x.y{/z\": invalid char '{'", undefined],
  ["x.y}/z", false, false, true, "malformed module path \"x.y}/z\": invalid char '}'", "malformed import path \"x.y}/z\": invalid char '}'", undefined],
  ["x.y~/z", false, true, true, "malformed module path \"x.y~/z\": invalid char '~' in first path element", undefined, undefined],
  ["x.y/z!", false, false, true, "malformed module path \"x.y/z!\": invalid char '!'", "malformed import path \"x.y/z!\": invalid char '!'", undefined],
  ["x.y/z\"", false, false, false, "malformed module path \"x.y/z\\\"\": invalid char '\"'", "malformed import path \"x.y/z\\\"\": invalid char '\"'", "malformed file path \"x.y/z\\\"\": invalid char '\"'"],
  ["x.y/z#", false, false, true, "malformed module path \"x.y/z#\": invalid char '#'", "malformed import path \"x.y/z#\": invalid char '#'", undefined],
  ["x.y/z$", false, false, true, "malformed module path \"x.y/z$\": invalid char '$'", "malformed import path \"x.y/z$\": invalid char '$'", undefined],
  ["x.y/z%", false, false, true, "malformed module path \"x.y/z%\": invalid char '%'", "malformed import path \"x.y/z%\": invalid char '%'", undefined],
  ["x.y/z&", false, false, true, "malformed module path \"x.y/z&\": invalid char '&'", "malformed import path \"x.y/z&\": invalid char '&'", undefined],
  ["x.y/z'", false, false, false, "malformed module path \"x.y/z'\": invalid char '\\''", "malformed import path \"x.y/z'\": invalid char '\\''", "malformed file path \"x.y/z'\": invalid char '\\''"],
  ["x.y/z(", false, false, true, "malformed module path \"x.y/z(\": invalid char '('", "malformed import path \"x.y/z(\": invalid char '('", undefined],
  ["x.y/z)", false, false, true, "malformed module path \"x.y/z)\": invalid char ')'", "malformed import path \"x.y/z)\": invalid char ')'", undefined],
  ["x.y/z*", false, false, false, "malformed module path \"x.y/z*\": invalid char '*'", "malformed import path \"x.y/z*\": invalid char '*'", "malformed file path \"x.y/z*\": invalid char '*'"],
  ["x.y/z++", false, true, true, "malformed module path \"x.y/z++\": invalid char '+'", undefined, undefined],
  ["x.y/z,", false, false, true, "malformed module path \"x.y/z,\": invalid char ','", "malformed import path \"x.y/z,\": invalid char ','", undefined],
  ["x.y/z-", true, true, true, undefined, undefined, undefined],
  ["x.y/z.t", true, true, true, undefined, undefined, undefined],
  ["x.y/z/t", true, true, true, undefined, undefined, undefined],
  ["x.y/z:", false, false, false, "malformed module path \"x.y/z:\": invalid char ':'", "malformed import path \"x.y/z:\": invalid char ':'", "malformed file path \"x.y/z:\": invalid char ':'"],
  ["x.y/z;", false, false, false, "malformed module path \"x.y/z;\": invalid char ';'", "malformed import path \"x.y/z;\": invalid char ';'", "malformed file path \"x.y/z;\": invalid char ';'"],
  ["x.y/z<", false, false, false, "malformed module path \"x.y/z<\": invalid char '<'", "malformed import path \"x.y/z<\": invalid char '<'", "malformed file path \"x.y/z<\": invalid char '<'"],
  ["x.y/z=", false, false, true, "malformed module path \"x.y/z=\": invalid char '='", "malformed import path \"x.y/z=\": invalid char '='", undefined],
  ["x.y/z>", false, false, false, "malformed module path \"x.y/z>\": invalid char '>'", "malformed import path \"x.y/z>\": invalid char '>'", "malformed file path \"x.y/z>\": invalid char '>'"],
  ["x.y/z?", false, false, false, "malformed module path \"x.y/z?\": invalid char '?'", "malformed import path \"x.y/z?\": invalid char '?'", "malformed file path \"x.y/z?\": invalid char '?'"],
  ["x.y/z@", false, false, true, "malformed module path \"x.y/z@\": invalid char '@'", "malformed import path \"x.y/z@\": invalid char '@'", undefined],
  ["x.y/z[", false, false, true, "malformed module path \"x.y/z[\": invalid char '['", "malformed import path \"x.y/z[\": invalid char '['", undefined],
  ["x.y/z\\", false, false, false, "malformed module path \"x.y/z\\\\\": invalid char '\\\\'", "malformed import path \"x.y/z\\\\\": invalid char '\\\\'", "malformed file path \"x.y/z\\\\\": invalid char '\\\\'"],
  ["x.y/z]", false, false, true, "malformed module path \"x.y/z]\": invalid char ']'", "malformed import path \"x.y/z]\": invalid char ']'", undefined],
  ["x.y/z^", false, false, true, "malformed module path \"x.y/z^\": invalid char '^'", "malformed import path \"x.y/z^\": invalid char '^'", undefined],
  ["x.y/z_", true, true, true, undefined, undefined, undefined],
  ["x.y/z`", false, false, false, "malformed module path \"x.y/z`\": invalid char '`'", "malformed import path \"x.y/z`\": invalid char '`'", "malformed file path \"x.y/z`\": invalid char '`'"],
  ["x.y/z{", false, false, true, "malformed module path \"x.y/z{\": invalid char '{'", "malformed import path \"x.y/z{\": invalid char '{'", undefined],
  ["x.y/z}", false, false, true, "malformed module path \"x.y/z}\": invalid char '}'", "malformed import path \"x.y/z}\": invalid char '}'", undefined],
  ["x.y/z~", true, true, true, undefined, undefined, undefined],
  ["x.y/x.foo", true, true, true, undefined, undefined, undefined],
  ["x.y/aux.foo", false, false, false, "malformed module path \"x.y/aux.foo\": \"aux\" disallowed as path element component on Windows", "malformed import path \"x.y/aux.foo\": \"aux\" disallowed as path element component on Windows", "malformed file path \"x.y/aux.foo\": \"aux\" disallowed as path element component on Windows"],
  ["x.y/prn", false, false, false, "malformed module path \"x.y/prn\": \"prn\" disallowed as path element component on Windows", "malformed import path \"x.y/prn\": \"prn\" disallowed as path element component on Windows", "malformed file path \"x.y/prn\": \"prn\" disallowed as path element component on Windows"],
  ["x.y/prn2", true, true, true, undefined, undefined, undefined],
  ["x.y/com", true, true, true, undefined, undefined, undefined],
  ["x.y/com1", false, false, false, "malformed module path \"x.y/com1\": \"com1\" disallowed as path element component on Windows", "malformed import path \"x.y/com1\": \"com1\" disallowed as path element component on Windows", "malformed file path \"x.y/com1\": \"com1\" disallowed as path element component on Windows"],
  ["x.y/com1.txt", false, false, false, "malformed module path \"x.y/com1.txt\": \"com1\" disallowed as path element component on Windows", "malformed import path \"x.y/com1.txt\": \"com1\" disallowed as path element component on Windows", "malformed file path \"x.y/com1.txt\": \"com1\" disallowed as path element component on Windows"],
  ["x.y/calm1", true, true, true, undefined, undefined, undefined],
  ["x.y/z~", true, true, true, undefined, undefined, undefined],
  ["x.y/z~0", false, false, true, "malformed module path \"x.y/z~0\": trailing tilde and digits in path element", "malformed import path \"x.y/z~0\": trailing tilde and digits in path element", undefined],
  ["x.y/z~09", false, false, true, "malformed module path \"x.y/z~09\": trailing tilde and digits in path element", "malformed import path \"x.y/z~09\": trailing tilde and digits in path element", undefined],
  ["x.y/z09", true, true, true, undefined, undefined, undefined],
  ["x.y/z09~", true, true, true, undefined, undefined, undefined],
  ["x.y/z09~09z", true, true, true, undefined, undefined, undefined],
  ["x.y/z09~09z~09", false, false, true, "malformed module path \"x.y/z09~09z~09\": trailing tilde and digits in path element", "malformed import path \"x.y/z09~09z~09\": trailing tilde and digits in path element", undefined],
  ["github.com/!123/logrus", false, false, true, "malformed module path \"github.com/!123/logrus\": invalid char '!'", "malformed import path \"github.com/!123/logrus\": invalid char '!'", undefined],
  ["github.com/user/unicode/\u0438\u0441\u043f\u044b\u0442\u0430\u043d\u0438\u0435", false, false, true, "malformed module path \"github.com/user/unicode/\u0438\u0441\u043f\u044b\u0442\u0430\u043d\u0438\u0435\": invalid char '\u0438'", "malformed import path \"github.com/user/unicode/\u0438\u0441\u043f\u044b\u0442\u0430\u043d\u0438\u0435\": invalid char '\u0438'", undefined],
  ["../x", false, false, false, "malformed module path \"../x\": invalid path element \"..\"", "malformed import path \"../x\": invalid path element \"..\"", "malformed file path \"../x\": invalid path element \"..\""],
  ["./y", false, false, false, "malformed module path \"./y\": invalid path element \".\"", "malformed import path \"./y\": invalid path element \".\"", "malformed file path \"./y\": invalid path element \".\""],
  ["x:y", false, false, false, "malformed module path \"x:y\": invalid char ':'", "malformed import path \"x:y\": invalid char ':'", "malformed file path \"x:y\": invalid char ':'"],
  ["\\temp\\foo", false, false, false, "malformed module path \"\\\\temp\\\\foo\": invalid char '\\\\'", "malformed import path \"\\\\temp\\\\foo\": invalid char '\\\\'", "malformed file path \"\\\\temp\\\\foo\": invalid char '\\\\'"],
  [".gitignore", false, true, true, "malformed module path \".gitignore\": leading dot in path element", undefined, undefined],
  [".github/ISSUE_TEMPLATE", false, true, true, "malformed module path \".github/ISSUE_TEMPLATE\": leading dot in path element", undefined, undefined],
  ["x\u263ay", false, false, false, "malformed module path \"x\u263ay\": invalid char '\u263a'", "malformed import path \"x\u263ay\": invalid char '\u263a'", "malformed file path \"x\u263ay\": invalid char '\u263a'"],
];

describe('module/modulePath', () => {
  describe('check (checkTests)', () => {
    const table: [string, string, boolean, string | undefined][] = [
      ["rsc.io/quote", "0.1.0", false, "rsc.io/quote@0.1.0: invalid version: not a semantic version"],
      ["rsc io/quote", "v1.0.0", false, "malformed module path \"rsc io/quote\": invalid char ' '"],
      ["github.com/go-yaml/yaml", "v0.8.0", true, undefined],
      ["github.com/go-yaml/yaml", "v1.0.0", true, undefined],
      ["github.com/go-yaml/yaml", "v2.0.0", false, "github.com/go-yaml/yaml@v2.0.0: invalid version: should be v0 or v1, not v2"],
      ["github.com/go-yaml/yaml", "v2.1.5", false, "github.com/go-yaml/yaml@v2.1.5: invalid version: should be v0 or v1, not v2"],
      ["github.com/go-yaml/yaml", "v3.0.0", false, "github.com/go-yaml/yaml@v3.0.0: invalid version: should be v0 or v1, not v3"],
      ["github.com/go-yaml/yaml/v2", "v1.0.0", false, "github.com/go-yaml/yaml/v2@v1.0.0: invalid version: should be v2, not v1"],
      ["github.com/go-yaml/yaml/v2", "v2.0.0", true, undefined],
      ["github.com/go-yaml/yaml/v2", "v2.1.5", true, undefined],
      ["github.com/go-yaml/yaml/v2", "v3.0.0", false, "github.com/go-yaml/yaml/v2@v3.0.0: invalid version: should be v2, not v3"],
      ["gopkg.in/yaml.v0", "v0.8.0", true, undefined],
      ["gopkg.in/yaml.v0", "v1.0.0", false, "gopkg.in/yaml.v0@v1.0.0: invalid version: should be v0, not v1"],
      ["gopkg.in/yaml.v0", "v2.0.0", false, "gopkg.in/yaml.v0@v2.0.0: invalid version: should be v0, not v2"],
      ["gopkg.in/yaml.v0", "v2.1.5", false, "gopkg.in/yaml.v0@v2.1.5: invalid version: should be v0, not v2"],
      ["gopkg.in/yaml.v0", "v3.0.0", false, "gopkg.in/yaml.v0@v3.0.0: invalid version: should be v0, not v3"],
      ["gopkg.in/yaml.v1", "v0.8.0", false, "gopkg.in/yaml.v1@v0.8.0: invalid version: should be v1, not v0"],
      ["gopkg.in/yaml.v1", "v1.0.0", true, undefined],
      ["gopkg.in/yaml.v1", "v2.0.0", false, "gopkg.in/yaml.v1@v2.0.0: invalid version: should be v1, not v2"],
      ["gopkg.in/yaml.v1", "v2.1.5", false, "gopkg.in/yaml.v1@v2.1.5: invalid version: should be v1, not v2"],
      ["gopkg.in/yaml.v1", "v3.0.0", false, "gopkg.in/yaml.v1@v3.0.0: invalid version: should be v1, not v3"],
      ["gopkg.in/check.v1", "v0.0.0", false, "gopkg.in/check.v1@v0.0.0: invalid version: should be v1, not v0"],
      ["gopkg.in/check.v1", "v0.0.0-20160102150405-abcdef123456", true, undefined],
      ["gopkg.in/yaml.v2", "v1.0.0", false, "gopkg.in/yaml.v2@v1.0.0: invalid version: should be v2, not v1"],
      ["gopkg.in/yaml.v2", "v2.0.0", true, undefined],
      ["gopkg.in/yaml.v2", "v2.1.5", true, undefined],
      ["gopkg.in/yaml.v2", "v3.0.0", false, "gopkg.in/yaml.v2@v3.0.0: invalid version: should be v2, not v3"],
      ["rsc.io/quote", "v17.0.0", false, "rsc.io/quote@v17.0.0: invalid version: should be v0 or v1, not v17"],
      ["rsc.io/quote", "v17.0.0+incompatible", true, undefined],
    ];
    for (const [path, version, ok, msg] of table) {
      it(`${path}@${version}`, () => {
        const err = check(path, version);
        assert.equal(err === undefined, ok);
        assert.equal(str(err), msg);
      });
    }
  });

  describe('checkPath / checkImportPath / checkFilePath (checkPathTests)', () => {
    for (const [path, ok, importOK, fileOK, modErr, importErr, fileErr] of checkPathTests) {
      it(lit(path), () => {
        assert.equal(checkPath(path) === undefined, ok, 'module');
        assert.equal(checkImportPath(path) === undefined, importOK, 'import');
        assert.equal(checkFilePath(path) === undefined, fileOK, 'file');
        assert.equal(str(checkPath(path)), modErr);
        assert.equal(str(checkImportPath(path)), importErr);
        assert.equal(str(checkFilePath(path)), fileErr);
      });
    }
    it('reports a lone surrogate as invalid UTF-8 (what Go says for invalid bytes)', () => {
      assert.equal(str(checkPath('x.y/\ud800z')), 'malformed module path "x.y/\\xed\\xa0\\x80z": invalid UTF-8');
      assert.equal(checkFilePath('x.y/\ud800')?.message, 'invalid UTF-8');
    });
    it('exposes kind, path and message', () => {
      const e = checkImportPath('a//b');
      assert.deepEqual([e?.kind, e?.path, e?.message], ['import', 'a//b', 'double slash']);
    });
  });

  describe('splitPathVersion (splitPathVersionTests)', () => {
    const table: [string, string][] = [['x.y/z', ''], ['x.y/z', '/v2'], ['x.y/z', '/v3'], ['x.y/v', ''],
      ['gopkg.in/yaml', '.v0'], ['gopkg.in/yaml', '.v1'], ['gopkg.in/yaml', '.v2'], ['gopkg.in/yaml', '.v3']];
    for (const [prefix, pathMajor] of table) {
      it(prefix + pathMajor, () => assert.deepEqual(splitPathVersion(prefix + pathMajor), { prefix, pathMajor, ok: true }));
    }
    it('prefix + pathMajor always reassembles the checkPathTests paths', () => {
      for (const [path] of checkPathTests) {
        const r = splitPathVersion(path);
        assert.equal(r.prefix + r.pathMajor, path);
      }
    });
    const notOK = ['x.y/z/v0', 'x.y/z/v1', 'x.y/z/v2.0', 'x.y/z/v02', 'gopkg.in/yaml', 'gopkg.in/yaml.v01', 'gopkg.in/v1'];
    for (const path of notOK) {
      it(`${path} is not ok`, () => assert.deepEqual(splitPathVersion(path), { prefix: path, pathMajor: '', ok: false }));
    }
    it('keeps -unstable in a gopkg.in major', () => {
      assert.deepEqual(splitPathVersion('gopkg.in/yaml.v2-unstable'), { prefix: 'gopkg.in/yaml', pathMajor: '.v2-unstable', ok: true });
    });
  });

  describe('escaping (escapeTests, badUnescape)', () => {
    it('escapePath fails for every invalid module path', () => {
      for (const [path, ok] of checkPathTests) if (!ok) assert.ok('error' in escapePath(path), path);
    });
    it('unescapePath fails for every invalid module path', () => {
      for (const [path, ok] of checkPathTests) if (!ok) assert.ok('error' in unescapePath(path), path);
    });
    const bad = ['github.com/GoogleCloudPlatform/omega', 'github.com/!google!cloud!platform!/omega',
      'github.com/!0google!cloud!platform/omega', 'github.com/!_google!cloud!platform/omega',
      'github.com/!!google!cloud!platform/omega', ''];
    for (const s of bad) it(`unescapePath rejects ${lit(s)}`, () => assert.ok('error' in unescapePath(s)));
    // input, escapePath, escapeVersion, unescapePath, unescapeVersion
    const table: [string, Outcome, Outcome, Outcome, Outcome][] = [
      ["ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789", { value: "ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789" }, { error: "version \"ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789\" invalid: disallowed version string" }, { value: "ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789" }, { error: "invalid escaped version \"ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789\": invalid char '/'" }],
      ["github.com/GoogleCloudPlatform/omega", { value: "github.com/!google!cloud!platform/omega" }, { error: "version \"github.com/GoogleCloudPlatform/omega\" invalid: disallowed version string" }, { error: "invalid escaped module path \"github.com/GoogleCloudPlatform/omega\"" }, { error: "invalid escaped version \"github.com/GoogleCloudPlatform/omega\"" }],
      ["github.com/!google!cloud!platform/omega", { error: "malformed module path \"github.com/!google!cloud!platform/omega\": invalid char '!'" }, { error: "version \"github.com/!google!cloud!platform/omega\" invalid: disallowed version string" }, { value: "github.com/GoogleCloudPlatform/omega" }, { error: "invalid escaped version \"github.com/GoogleCloudPlatform/omega\": invalid char '/'" }],
      ["github.com/!google!cloud!platform!/omega", { error: "malformed module path \"github.com/!google!cloud!platform!/omega\": invalid char '!'" }, { error: "version \"github.com/!google!cloud!platform!/omega\" invalid: disallowed version string" }, { error: "invalid escaped module path \"github.com/!google!cloud!platform!/omega\"" }, { error: "invalid escaped version \"github.com/!google!cloud!platform!/omega\"" }],
      ["github.com/!0google!cloud!platform/omega", { error: "malformed module path \"github.com/!0google!cloud!platform/omega\": invalid char '!'" }, { error: "version \"github.com/!0google!cloud!platform/omega\" invalid: disallowed version string" }, { error: "invalid escaped module path \"github.com/!0google!cloud!platform/omega\"" }, { error: "invalid escaped version \"github.com/!0google!cloud!platform/omega\"" }],
      ["github.com/!_google!cloud!platform/omega", { error: "malformed module path \"github.com/!_google!cloud!platform/omega\": invalid char '!'" }, { error: "version \"github.com/!_google!cloud!platform/omega\" invalid: disallowed version string" }, { error: "invalid escaped module path \"github.com/!_google!cloud!platform/omega\"" }, { error: "invalid escaped version \"github.com/!_google!cloud!platform/omega\"" }],
      ["github.com/!!google!cloud!platform/omega", { error: "malformed module path \"github.com/!!google!cloud!platform/omega\": invalid char '!'" }, { error: "version \"github.com/!!google!cloud!platform/omega\" invalid: disallowed version string" }, { error: "invalid escaped module path \"github.com/!!google!cloud!platform/omega\"" }, { error: "invalid escaped version \"github.com/!!google!cloud!platform/omega\"" }],
      ["", { error: "malformed module path \"\": empty string" }, { error: "version \"\" invalid: disallowed version string" }, { error: "invalid escaped module path \"\": malformed module path \"\": empty string" }, { error: "invalid escaped version \"\": empty path element" }],
      ["v1.2.3", { value: "v1.2.3" }, { value: "v1.2.3" }, { value: "v1.2.3" }, { value: "v1.2.3" }],
      ["v1.2.3-Pre", { error: "malformed module path \"v1.2.3-Pre\": invalid char 'P' in first path element" }, { value: "v1.2.3-!pre" }, { error: "invalid escaped module path \"v1.2.3-Pre\"" }, { error: "invalid escaped version \"v1.2.3-Pre\"" }],
      ["v1.2.3-!pre", { error: "malformed module path \"v1.2.3-!pre\": invalid char '!'" }, { error: "version \"v1.2.3-!pre\" invalid: disallowed version string" }, { error: "invalid escaped module path \"v1.2.3-!pre\": malformed module path \"v1.2.3-Pre\": invalid char 'P' in first path element" }, { value: "v1.2.3-Pre" }],
      ["v1.2.3/x", { value: "v1.2.3/x" }, { error: "version \"v1.2.3/x\" invalid: disallowed version string" }, { value: "v1.2.3/x" }, { error: "invalid escaped version \"v1.2.3/x\": invalid char '/'" }],
      ["v\u00e9", { error: "malformed module path \"v\u00e9\": invalid char '\u00e9'" }, { error: "internal error: inconsistency in EscapePath" }, { error: "invalid escaped module path \"v\u00e9\"" }, { error: "invalid escaped version \"v\u00e9\"" }],
      ["x.y/\u00e9", { error: "malformed module path \"x.y/\u00e9\": invalid char '\u00e9'" }, { error: "version \"x.y/\u00e9\" invalid: disallowed version string" }, { error: "invalid escaped module path \"x.y/\u00e9\"" }, { error: "invalid escaped version \"x.y/\u00e9\"" }],
      ["!", { error: "malformed module path \"!\": invalid char '!'" }, { error: "version \"!\" invalid: disallowed version string" }, { error: "invalid escaped module path \"!\"" }, { error: "invalid escaped version \"!\"" }],
      ["a!", { error: "malformed module path \"a!\": invalid char '!'" }, { error: "version \"a!\" invalid: disallowed version string" }, { error: "invalid escaped module path \"a!\"" }, { error: "invalid escaped version \"a!\"" }],
      ["x..", { error: "malformed module path \"x..\": trailing dot in path element" }, { error: "version \"x..\" invalid: disallowed version string" }, { error: "invalid escaped module path \"x..\": malformed module path \"x..\": trailing dot in path element" }, { error: "invalid escaped version \"x..\": trailing dot in path element" }],
      ["COM1", { error: "malformed module path \"COM1\": \"COM1\" disallowed as path element component on Windows" }, { error: "version \"COM1\" invalid: disallowed version string" }, { error: "invalid escaped module path \"COM1\"" }, { error: "invalid escaped version \"COM1\"" }],
      ["v1.0.0+Incompatible", { error: "malformed module path \"v1.0.0+Incompatible\": invalid char '+'" }, { value: "v1.0.0+!incompatible" }, { error: "invalid escaped module path \"v1.0.0+Incompatible\"" }, { error: "invalid escaped version \"v1.0.0+Incompatible\"" }],
      ["github.com/!azure/azure-sdk-for-go", { error: "malformed module path \"github.com/!azure/azure-sdk-for-go\": invalid char '!'" }, { error: "version \"github.com/!azure/azure-sdk-for-go\" invalid: disallowed version string" }, { value: "github.com/Azure/azure-sdk-for-go" }, { error: "invalid escaped version \"github.com/Azure/azure-sdk-for-go\": invalid char '/'" }],
      ["X.y/z", { error: "malformed module path \"X.y/z\": invalid char 'X' in first path element" }, { error: "version \"X.y/z\" invalid: disallowed version string" }, { error: "invalid escaped module path \"X.y/z\"" }, { error: "invalid escaped version \"X.y/z\"" }],
    ];
    for (const [input, ep, ev, up, uv] of table) {
      it(lit(input), () => {
        assert.deepEqual(outcome(escapePath(input)), ep, 'escapePath');
        assert.deepEqual(outcome(escapeVersion(input)), ev, 'escapeVersion');
        assert.deepEqual(outcome(unescapePath(input)), up, 'unescapePath');
        assert.deepEqual(outcome(unescapeVersion(input)), uv, 'unescapeVersion');
      });
    }
  });

  describe('major versions', () => {
    const match: [string, string, boolean][] = [
      ['v0.0.0', '', true], ['v0.0.0', '/v2', false], ['v0.0.0', '.v0', true],
      ['v0.0.0-20190510104115-cbcb75029529', '.v1', true], ['v1.0.0', '/v2', false], ['v1.0.0', '.v1', true],
      ['v1.0.0', '.v1-unstable', true], ['v2.0.0+incompatible', '', true], ['v2.0.0', '', false],
      ['v2.0.0', '/v2', true], ['v2.0.0', '.v2', true],
      // gomod-semantics.md §1.10: accepted here, rejected only when fetching
      ['v1.0.0+incompatible', '', true], ['v3.0.0+incompatible', '/v3', true],
    ];
    for (const [v, pathMajor, want] of match) {
      it(`matchPathMajor(${v}, ${lit(pathMajor)}) = ${want}`, () => assert.equal(matchPathMajor(v, pathMajor), want));
    }
    const messages: [string, string, string][] = [
      ["v1.0.0", "/v2", "version \"v1.0.0\" invalid: should be v2, not v1"],
      ["v2.0.0", "", "version \"v2.0.0\" invalid: should be v0 or v1, not v2"],
      ["v2.0.0", ".v1", "version \"v2.0.0\" invalid: should be v1, not v2"],
      ["v0.0.0", "/v2", "version \"v0.0.0\" invalid: should be v2, not v0"],
      ["bad", "/v2", "version \"bad\" invalid: should be v2, not "],
      ["bad", "", "version \"bad\" invalid: should be v0 or v1, not "],
      ["v3.0.0", ".v2-unstable", "version \"v3.0.0\" invalid: should be v2, not v3"],
      ["v2.0.0", "v2", "version \"v2.0.0\" invalid: should be v2, not v2"],
      ["v2.0.0", "x", "version \"v2.0.0\" invalid: should be x, not v2"],
    ];
    for (const [v, pathMajor, msg] of messages) {
      it(`checkPathMajor(${lit(v)}, ${lit(pathMajor)}) says ${msg}`, () => assert.equal(str(checkPathMajor(v, pathMajor)), msg));
    }
    it('pathMajorPrefix', () => {
      const table: [string, string | undefined][] = [['', ''], ['/v2', 'v2'], ['.v1', 'v1'], ['.v1-unstable', 'v1'],
        ['.v0', 'v0'], ['v2', undefined], ['/v2.0', undefined], ['/x', undefined]];
      for (const [pm, want] of table) assert.equal(pathMajorPrefix(pm), want, pm);
    });
    it('canonicalVersion keeps +incompatible only', () => {
      const table: [string, string][] = [['v1.2', 'v1.2.0'], ['v1.2.3+meta', 'v1.2.3'], ['v2.0.0+incompatible', 'v2.0.0+incompatible'],
        ['v2+incompatible', ''], ['v1.0.0-pre+incompatible', 'v1.0.0-pre+incompatible'], ['master', ''], ['1.0.0', ''],
        ['v1.2.3+incompatible.x', 'v1.2.3']];
      for (const [v, want] of table) assert.equal(canonicalVersion(v), want, v);
    });
  });

  describe('sortModuleVersions (module.Sort)', () => {
    it('sorts by path bytes, then semver, then the /suffix', () => {
      const list = [
        { path: 'b', version: 'v1.0.0' }, { path: 'a', version: 'v1.0.0/go.mod' }, { path: 'a/b', version: 'v1.0.0' },
        { path: 'a', version: 'v1.10.0' }, { path: 'a', version: 'v1.0.0' }, { path: 'a-b', version: 'v0.1.0' },
        { path: 'a', version: 'v0.9.0/go.mod' }, { path: 'a', version: 'v1.2.0' }, { path: 'a', version: 'v1.0.0-pre' },
      ];
      assert.deepEqual(sortModuleVersions(list).map((m) => `${m.path} ${m.version}`), [
        'a v0.9.0/go.mod', 'a v1.0.0-pre', 'a v1.0.0', 'a v1.0.0/go.mod', 'a v1.2.0', 'a v1.10.0', 'a-b v0.1.0',
        'a/b v1.0.0', 'b v1.0.0',
      ]);
    });
    it('keeps equal-comparing versions in input order', () => {
      const list = [{ path: 'm', version: 'v1.0' }, { path: 'm', version: 'v1.0.0' }, { path: 'm', version: 'v1' }];
      assert.deepEqual(sortModuleVersions([...list]).map((m) => m.version), ['v1.0', 'v1.0.0', 'v1']);
    });
  });

  describe('matchPrefixPatterns (TestMatchPrefixPatterns)', () => {
    const table: [string, string, boolean][] = [
      ['', 'rsc.io/quote', false], ['/', 'rsc.io/quote', false], ['*/quote', 'rsc.io/quote', true],
      ['*/quo', 'rsc.io/quote', false], ['*/quo??', 'rsc.io/quote', true], ['*/quo*', 'rsc.io/quote', true],
      ['*quo*', 'rsc.io/quote', false], ['rsc.io', 'rsc.io/quote', true], ['*.io', 'rsc.io/quote', true],
      ['rsc.io/', 'rsc.io/quote', true], ['rsc', 'rsc.io/quote', false], ['rsc*', 'rsc.io/quote', true],
      ['rsc.io', 'rsc.io/quote/v3', true], ['*/quote', 'rsc.io/quote/v3', true], ['*/quote/', 'rsc.io/quote/v3', true],
      ['*/quote/*', 'rsc.io/quote/v3', true], ['*/quote/*/', 'rsc.io/quote/v3', true], ['*/v3', 'rsc.io/quote/v3', false],
      ['*/*/v3', 'rsc.io/quote/v3', true], ['*/*/*', 'rsc.io/quote/v3', true], ['*/*/*/', 'rsc.io/quote/v3', true],
      ['*/*/*', 'rsc.io/quote', false], ['*/*/*/', 'rsc.io/quote', false],
      ['*/*/*,,', 'rsc.io/quote', false], ['*/*/*,,*/quote', 'rsc.io/quote', true], [',,*/quote', 'rsc.io/quote', true],
      // a malformed glob is skipped, not fatal
      ['[,rsc.io', 'rsc.io/quote', true], ['rsc.io[', 'rsc.io/quote', false],
    ];
    for (const [globs, target, want] of table) {
      it(`${lit(globs)} ~ ${target} = ${want}`, () => assert.equal(matchPrefixPatterns(globs, target), want));
    }
  });

  describe('pathMatch (path/match_test.go)', () => {
    const bad = 'syntax error in pattern';
    const table: [string, string, boolean, string?][] = [
      ['abc', 'abc', true], ['*', 'abc', true], ['*c', 'abc', true], ['a*', 'a', true], ['a*', 'abc', true],
      ['a*', 'ab/c', false], ['a*/b', 'abc/b', true], ['a*/b', 'a/c/b', false], ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
      ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true], ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
      ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false], ['a*b?c*x', 'abxbbxdbxebxczzx', true],
      ['a*b?c*x', 'abxbbxdbxebxczzy', false], ['ab[c]', 'abc', true], ['ab[b-d]', 'abc', true], ['ab[e-g]', 'abc', false],
      ['ab[^c]', 'abc', false], ['ab[^b-d]', 'abc', false], ['ab[^e-g]', 'abc', true], ['a\\*b', 'a*b', true],
      ['a\\*b', 'ab', false], ['a?b', 'a\u263ab', true], ['a[^a]b', 'a\u263ab', true], ['a???b', 'a\u263ab', false],
      ['a[^a][^a][^a]b', 'a\u263ab', false], ['[a-\u03b6]*', '\u03b1', true], ['*[a-\u03b6]', 'A', false], ['a?b', 'a/b', false],
      ['a*b', 'a/b', false], ['[\\]a]', ']', true], ['[\\-]', '-', true], ['[x\\-]', 'x', true], ['[x\\-]', '-', true],
      ['[x\\-]', 'z', false], ['[\\-x]', 'x', true], ['[\\-x]', '-', true], ['[\\-x]', 'a', false],
      ['[]a]', ']', false, bad], ['[-]', '-', false, bad], ['[x-]', 'x', false, bad], ['[x-]', '-', false, bad],
      ['[x-]', 'z', false, bad], ['[-x]', 'x', false, bad], ['[-x]', '-', false, bad], ['[-x]', 'a', false, bad],
      ['\\', 'a', false, bad], ['[a-b-c]', 'a', false, bad], ['[', 'a', false, bad], ['[^', 'a', false, bad],
      ['[^bc', 'a', false, bad], ['a[', 'a', false, bad], ['a[', 'ab', false, bad], ['a[', 'x', false, bad],
      ['a/b[', 'x', false, bad], ['*x', 'xxx', true],
      // Go works on bytes: after a star, ? can match single bytes of a multi-byte character (checked with Go)
      ['*??', '\u{1f600}', true], ['??', '\u00e9', false],
    ];
    for (const [pattern, name, matched, error] of table) {
      it(`${lit(pattern)} ~ ${lit(name)}`, () => assert.deepEqual(pathMatch(pattern, name), error ? { matched, error } : { matched }));
    }
  });

  describe('isDirectoryPath (modfile.IsDirectoryPath)', () => {
    const table: [string, boolean][] = [['.', true], ['..', true], ['./x', true], ['.\\x', true], ['../x', true],
      ['..\\x', true], ['/abs', true], ['\\abs', true], ['C:\\x', true], ['c:', true], ['C', false], ['.x', false],
      ['..x', false], ['example.com/m', false], ['1:x', false], ['', false]];
    for (const [s, want] of table) it(`${lit(s)} = ${want}`, () => assert.equal(isDirectoryPath(s), want));
  });
});
