/**
 * Printer golden tests: golang/mod's modfile/testdata pairs (from ../shared, when present) and our
 * own pairs in server/test/syntax/testdata. As in modfile's TestPrintParse, an `.in` file that the
 * directive parser accepts is printed with its tokens rewritten (unquoted paths, canonical
 * versions); one it rejects is printed from the syntax tree alone. Every `.golden` prints to itself.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FileSyntax } from '../../src/syntax/ast';
import { formatModFile, formatWorkFile, syntaxPrintFile } from '../../src/syntax/format';
import { parseModFile } from '../../src/syntax/modfile';
import { parseSyntax } from '../../src/syntax/parser';
import { printFile } from '../../src/syntax/printer';
import { parseWorkFile } from '../../src/syntax/workfile';
import { findFiles, noShared, repoRoot, sharedDir } from '../oracle/env';
import { note } from '../support/notes';

function printAsModfileTest(path: string, text: string): string {
  const work = basename(dirname(path)) === 'work';
  const f = work ? parseWorkFile(text, basename(path)) : parseModFile(text, { name: basename(path) });
  const syntax: FileSyntax = f.errors.length === 0 ? f.syntax : parseSyntax(basename(path), text).syntax;
  return printFile(syntaxPrintFile(syntax));
}

function formatAsGoModEdit(path: string, text: string): string {
  const r = path.endsWith('.work.in') || basename(path).startsWith('work') ? formatWorkFile(text) : formatModFile(text);
  assert.ok(r.ok, `${path} must parse: ${JSON.stringify(r)}`);
  return r.text;
}

/**
 * goldenSuite checks each `.in` against its `.golden`; with `fixpoint`, every `.golden` must also
 * print to itself (true of modfile.Format, not of `go mod edit -fmt`: a block whose first line
 * follows a blank line loses that blank line on the next run).
 */
function goldenSuite(dir: string, print: (path: string, text: string) => string, fixpoint: boolean): void {
  const files = findFiles(dir, (n) => n.endsWith('.in') || (fixpoint && n.endsWith('.golden')));
  assert.ok(files.length > 0, `no test data in ${dir}`);
  for (const file of files) {
    it(file.slice(dir.length + 1), () => {
      const text = readFileSync(file, 'utf8');
      const printed = print(file, text);
      const want = file.endsWith('.in') ? readFileSync(file.replace(/\.in$/, '.golden'), 'utf8') : text;
      assert.equal(printed, want);
      if (fixpoint) assert.equal(print(file, printed), printed, 'printing is idempotent');
    });
  }
}

describe('printer goldens: golang/mod modfile/testdata', function () {
  const shared = sharedDir();
  const dir = shared && join(shared, 'corpus/golang__mod/modfile/testdata');
  if (!dir || !existsSync(dir)) {
    it('needs ../shared', function () {
      note(noShared);
      this.skip();
    });
    return;
  }
  goldenSuite(dir, printAsModfileTest, true);
});

describe('printer goldens: our own test data', () => {
  describe('print (syntax tree as it is)', () => goldenSuite(join(repoRoot, 'server/test/syntax/testdata/print'), printAsModfileTest, true));
  // These goldens are `go mod edit -fmt` output; Go 1.19 printed the same for all but blocks.in, whose
  // difference is the documented x/mod change (blank line and comments before `)`).
  describe('fmt (go mod edit -fmt)', () => goldenSuite(join(repoRoot, 'server/test/syntax/testdata/fmt'), formatAsGoModEdit, false));
});

describe('canonical format (go mod edit -fmt)', () => {
  const cases: [string, string, string][] = [
    ['one-line blocks collapse, empty blocks go, duplicates drop, lines sort',
      'module m\nrequire (\n\tb v1.0.0\n)\nexclude ()\nreplace (\n\tz => ./z1\n\ta => ./a\n\tz => ./z2\n)\nexclude (\n\tx v1.0.0\n\tx v1.0.0 // dup\n\tw v1\n)\n',
      'module m\n\nrequire b v1.0.0\n\nreplace (\n\ta => ./a\n\tz => ./z2\n)\n\nexclude (\n\tw v1.0.0\n\tx v1.0.0\n)\n'],
    ['retract blocks sort descending; excludes sort by semver from go 1.21',
      'module m\ngo 1.21\nretract (\n\tv1.0.0\n\t[v1.1.0, v1.2.0]\n\tv1.10.0\n)\nexclude (\n\tx v1.10.0\n\tx v1.9.0\n)\n',
      'module m\n\ngo 1.21\n\nretract (\n\tv1.10.0\n\t[v1.1.0, v1.2.0]\n\tv1.0.0\n)\n\nexclude (\n\tx v1.9.0\n\tx v1.10.0\n)\n'],
    // modfile prints comments before `)` at the margin of the `)` itself
    ['comments before ) keep a one-line block (current x/mod)',
      'module m\nrequire (\n\ta v1.0.0\n\t// keep\n)\n',
      'module m\n\nrequire (\n\ta v1.0.0\n// keep\n)\n'],
    ['quoted paths are unquoted when they can be, CRLF becomes LF',
      'module "example.com/m"\r\nrequire "example.com/a" v1.2\r\n',
      'module example.com/m\n\nrequire example.com/a v1.2.0\n'],
  ];
  for (const [desc, input, want] of cases) {
    it(desc, () => {
      const r = formatModFile(input);
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(r.text, want);
    });
  }

  it('legacy mode prints as Go 1.20 and earlier did', () => {
    const input = 'module m\nrequire (\n\ta v1.0.0\n\tb v1.0.0\n\n)\nexclude (\n\tx v1.10.0\n\tx v1.9.0\n)\ngo 1.21\n';
    const r = formatModFile(input, 'go.mod', { legacy: true });
    assert.ok(r.ok);
    assert.equal(r.text, 'module m\n\nrequire (\n\ta v1.0.0\n\tb v1.0.0\n\n)\n\nexclude (\n\tx v1.10.0\n\tx v1.9.0\n)\n\ngo 1.21\n');
  });

  it('refuses files Go refuses', () => {
    const r = formatModFile('module m\nrequire a\n');
    assert.equal(r.ok, false);
  });
});
