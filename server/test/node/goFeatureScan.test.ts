// GoFeatureScanner on temp modules: which files count, the package-level shadowing across files,
// the per-file cache, cancellation and a missing grammar; then a differential check against the
// real compiler (Go 1.19): a module builds exactly when its go line is at least the version we say
// its code requires.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareGoVersion } from '../../src/module/goVersion';
import { GoFeatureScanCancelled, GoFeatureScanner, goParserWasmPaths } from '../../src/node/goFeatureScan';
import { mapLimit, runGo } from '../oracle/env';
import { describeEachGo } from '../oracle/suites';
import { note } from '../support/notes';
import { putFile as put } from '../support/files';


describe('node/goFeatureScan: GoFeatureScanner', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gml-features-'));
    put(join(dir, 'go.mod'), 'module example.com/m\n\ngo 1.12\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the highest version and its first use by path, then position', async () => {
    put(join(dir, 'a.go'), 'package m\n\nvar x = 1_000\n');
    put(join(dir, 'b.go'), 'package m\n\ntype A = int\n\nfunc F[T any]() {}\n\nfunc G[T any]() {}\n');
    put(join(dir, 'sub', 'c.go'), 'package sub\n\ntype L[T any] []T\n');
    const got = await new GoFeatureScanner().scanModule(dir);
    assert.deepEqual(got, {
      required: '1.18',
      first: { feature: 'type parameters on func F', version: '1.18', line: 4, character: 6, file: join(dir, 'b.go') },
      files: 3,
    });
  });

  it('reads only the module\'s own packages', async () => {
    put(join(dir, 'a.go'), 'package m\n\nvar x = 1_000\n');
    put(join(dir, 'a_test.go'), 'package m\n\nvar y = 0b1\n');
    const newer = 'package x\n\nfunc f() { for range 10 {} }\n';
    for (const skipped of ['nested/x.go', 'nested/deeper/x.go', 'vendor/example.com/v/x.go', 'testdata/x.go', 'sub/testdata/x.go',
      '.hidden/x.go', '_skip/x.go', '_x.go', '.x.go', 'sub/vendor/x.go', 'x.go.txt']) {
      put(join(dir, skipped), newer);
    }
    put(join(dir, 'nested', 'go.mod'), 'module example.com/m/nested\n');
    put(join(dir, 'sub', 'ok.go'), 'package sub\n');
    mkdirSync(join(dir, 'dir', 'go.mod'), { recursive: true }); // a directory named go.mod is no module
    put(join(dir, 'dir', 'y.go'), 'package dir\n\nvar z = 0o7\n');
    const got = await new GoFeatureScanner().scanModule(dir);
    assert.equal(got.required, '1.13');
    assert.equal(got.files, 4);
  });

  it('skips files over the size limit', async () => {
    put(join(dir, 'big.go'), 'package m\n\nfunc F[T any]() {}\n' + '// padding\n'.repeat(100));
    put(join(dir, 'small.go'), 'package m\n\nvar x = 1_000\n');
    const got = await new GoFeatureScanner({ maxFileBytes: 200 }).scanModule(dir);
    assert.deepEqual([got.required, got.files], ['1.13', 1]);
  });

  it('reports nothing for a module without features', async () => {
    put(join(dir, 'a.go'), 'package m\n\nvar x = "1_000"\n');
    assert.deepEqual(await new GoFeatureScanner().scanModule(dir), { required: '', files: 1 });
  });

  it('drops uses of a predeclared name that another file of the package declares', async () => {
    put(join(dir, 'min.go'), 'package m\n\nfunc min(a, b int) int { return a }\n');
    put(join(dir, 'use.go'), 'package m\n\nvar x = min(1, 2)\n');
    put(join(dir, 'use_test.go'), 'package m_test\n\nvar y = max(1, 2)\n'); // another package: counts
    put(join(dir, 'sub', 'use.go'), 'package sub\n\nvar z = min(1, 2)\n'); // another directory: counts
    const got = await new GoFeatureScanner().scanModule(dir);
    assert.equal(got.required, '1.21');
    assert.equal(got.first?.file, join(dir, 'sub', 'use.go'));
    rmSync(join(dir, 'sub'), { recursive: true });
    rmSync(join(dir, 'use_test.go'));
    assert.deepEqual(await new GoFeatureScanner().scanModule(dir), { required: '', files: 2 });
  });

  it('re-parses only changed or invalidated files', async () => {
    for (const name of ['a', 'b', 'c']) put(join(dir, `${name}.go`), 'package m\n\nvar x = 1\n');
    const scanner = new GoFeatureScanner();
    assert.equal((await scanner.scanModule(dir)).required, '');
    assert.equal(scanner.parseCount, 3);
    await scanner.scanModule(dir);
    assert.equal(scanner.parseCount, 3, 'an unchanged module is not parsed again');

    put(join(dir, 'b.go'), 'package m\n\nvar x = 0x1p-2\n');
    assert.equal((await scanner.scanModule(dir)).required, '1.13');
    assert.equal(scanner.parseCount, 4, 'only the changed file');

    put(join(dir, 'b.go'), 'package m\n\nvar x = 0x1p+2\n'); // same size: the mtime tells
    utimesSync(join(dir, 'b.go'), new Date(), new Date(Date.now() + 5000));
    await scanner.scanModule(dir);
    assert.equal(scanner.parseCount, 5);

    scanner.invalidate(join(dir, 'c.go'));
    await scanner.scanModule(dir);
    assert.equal(scanner.parseCount, 6, 'the invalidated file');
    scanner.invalidate(dir);
    await scanner.scanModule(dir);
    assert.equal(scanner.parseCount, 9, 'everything under an invalidated directory');
  });

  it('forgets deleted files', async () => {
    put(join(dir, 'a.go'), 'package m\n\nvar x = 1_000\n');
    const scanner = new GoFeatureScanner();
    assert.equal((await scanner.scanModule(dir)).required, '1.13');
    rmSync(join(dir, 'a.go'));
    assert.deepEqual(await scanner.scanModule(dir), { required: '', files: 0 });
  });

  it('stops when cancelled', async () => {
    for (const name of ['a', 'b', 'c']) put(join(dir, `${name}.go`), 'package m\n');
    const scanner = new GoFeatureScanner();
    let polls = 0;
    await assert.rejects(scanner.scanModule(dir, { isCancelled: () => ++polls > 2 }), GoFeatureScanCancelled);
    assert.ok(scanner.parseCount < 3);
  });

  it('rejects with a clear error when the grammar cannot be loaded', async () => {
    put(join(dir, 'a.go'), 'package m\n');
    const missing = join(dir, 'nowhere', 'tree-sitter-go.wasm');
    const scanner = new GoFeatureScanner({ wasm: { runtime: goParserWasmPaths().runtime, go: missing } });
    await assert.rejects(scanner.scanModule(dir), (err: Error) => err.message.startsWith('cannot load the Go parser from ') && err.message.includes(missing));
    await assert.rejects(scanner.scanModule(dir), /cannot load the Go parser/); // and stays so
    assert.equal((await new GoFeatureScanner().scanModule(dir)).files, 1, 'other scanners still work');
  });

  it('finds both .wasm files in node_modules when none is beside the script', () => {
    const paths = goParserWasmPaths();
    assert.match(paths.runtime, /node_modules[/\\]web-tree-sitter[/\\]tree-sitter\.wasm$/);
    assert.match(paths.go, /node_modules[/\\]tree-sitter-go[/\\]tree-sitter-go\.wasm$/);
  });
});

/**
 * Tiny modules, each built by the real compiler at go 1.12 and 1.17 and, with a go command ≥ 1.21,
 * also at the go line just below the version we say its code requires and at that version itself:
 * it must fail below and build at it (checked for every feature the scanner gates, up to Go 1.26).
 * Features the scanner does not gate (they need types, or tree-sitter cannot parse them) are listed
 * in analysis/goFeatures.ts.
 */
const differential: [name: string, files: Record<string, string>][] = [
  ['no features', { 'a.go': 'package m\n\nvar x = "1_000" + `0b1`\n\nfunc f(fns []func(int)) { fns[0](1) }\n' }],
  ['digit separator', { 'a.go': 'package m\n\nvar x = 1_000_000\n' }],
  ['binary, octal and hex-float literals', { 'a.go': 'package m\n\nvar x, y, z = 0b101, 0o17, 0x1p-2\n' }],
  ['imaginary hex literal', { 'a.go': 'package m\n\nvar x = 0x1Fi\n' }],
  ['type alias', { 'a.go': 'package m\n\ntype A = int\n' }],
  ['go:embed', { 'a.go': 'package m\n\nimport _ "embed"\n\n//go:embed x.txt\nvar s string\n', 'x.txt': 'hello\n' }],
  ['unsafe.Add', { 'a.go': 'package m\n\nimport "unsafe"\n\nfunc f(p unsafe.Pointer) unsafe.Pointer { return unsafe.Add(p, 1) }\n' }],
  ['unsafe.Slice', { 'a.go': 'package m\n\nimport "unsafe"\n\nfunc f(p *byte) []byte { return unsafe.Slice(p, 4) }\n' }],
  ['unsafe.String (Go 1.20)', { 'a.go': 'package m\n\nimport u "unsafe"\n\nfunc f(p *byte) string { return u.String(p, 4) }\n' }],
  ['unsafe.SliceData (Go 1.20)', { 'a.go': 'package m\n\nimport "unsafe"\n\nfunc f(b []byte) *byte { return unsafe.SliceData(b) }\n' }],
  ['type parameters', { 'a.go': 'package m\n\nfunc F[T any](x T) T { return x }\n' }],
  ['generic type', { 'a.go': 'package m\n\ntype List[T any] []T\n' }],
  ['constraint interface', { 'a.go': 'package m\n\ntype Number interface{ ~int | ~float64 }\n' }],
  ['min (Go 1.21)', { 'a.go': 'package m\n\nvar x = min(1, 2)\n' }],
  ['clear (Go 1.21)', { 'a.go': 'package m\n\nfunc f(m map[int]int) { clear(m) }\n' }],
  ['min declared in another file', { 'a.go': 'package m\n\nvar x = min(1, 2)\n', 'b.go': 'package m\n\nfunc min(a, b int) int { return a }\n' }],
  ['range over int (Go 1.22)', { 'a.go': 'package m\n\nfunc f() {\n\tfor range 10 {\n\t}\n}\n' }],
  ['range over len (Go 1.22)', { 'a.go': 'package m\n\nfunc f(s []int) {\n\tfor i := range len(s) - 1 {\n\t\t_ = i\n\t}\n}\n' }],
  ['range over a function (Go 1.23)', { 'a.go': 'package m\n\nfunc f() {\n\tfor x := range func(yield func(int) bool) { yield(1) } {\n\t\t_ = x\n\t}\n}\n' }],
  ['generic type alias (Go 1.23 gate)', { 'a.go': 'package m\n\ntype Set[T comparable] = map[T]struct{}\n' }],
  ['build line at the feature version (ignored before Go 1.21)', { 'a.go': '//go:build go1.13\n\npackage m\n\nvar x = 1_000\n' }],
];

/** linesFor: the go lines a case is built at — 1.12 and 1.17, and around the version we predict (go ≥ 1.21). */
function linesFor(required: string, modern: boolean): string[] {
  const lines = ['1.12', '1.17'];
  if (modern && required !== '') {
    const [major, minor] = required.split('.').map(Number);
    lines.push(`${major}.${minor - 1}`, required);
  }
  return [...new Set(lines)];
}

describeEachGo('node/goFeatureScan: differential against the go command', function (oracle) {
  this.timeout(300_000);

  it('a module builds exactly when its go line covers the required version', async function () {
    const modern = compareGoVersion(oracle.release, '1.21') >= 0;
    const root = mkdtempSync(join(tmpdir(), 'gml-features-go-'));
    try {
      const scanner = new GoFeatureScanner();
      const jobs = (await mapLimit(differential.map(([name, files], i) => ({ name, files, i })), 2, async ({ name, files, i }) => {
        const probe = join(root, `${i}-scan`);
        for (const [file, text] of Object.entries(files)) put(join(probe, file), text);
        const required = (await scanner.scanModule(probe)).required;
        return linesFor(required, modern).map((line) => ({ name, files, line, required, dir: join(root, `${i}-${line}`) }));
      })).flat();
      const results = await mapLimit(jobs, 2, async (job) => {
        put(join(job.dir, 'go.mod'), `module example.com/m\n\ngo ${job.line}\n`);
        for (const [file, text] of Object.entries(job.files)) put(join(job.dir, file), text);
        const build = await runGo(oracle, ['build', './...'], job.dir);
        return { ...job, build };
      });
      const disagreements: string[] = [];
      for (const r of results) {
        const predicted = r.required === '' || compareGoVersion(r.required, r.line) <= 0;
        const built = r.build.status === 0;
        const buildLineCase = r.name.startsWith('build line');
        // Go 1.21+ lets the build line lift the file's version; older toolchains ignore it.
        const expected = buildLineCase && !modern ? r.line !== '1.12' : predicted;
        if (built !== expected) disagreements.push(`${r.name} at go ${r.line}: required ${r.required || 'nothing'}, go build ${built ? 'succeeded' : 'failed: ' + r.build.stderr.trim()}`);
      }
      note(`${oracle.label}: ${differential.length} modules built at ${results.length} go lines; ${results.filter((r) => r.build.status !== 0).length} builds failed, each where we predicted`);
      assert.deepEqual(disagreements, []);
      const digits = results.find((r) => r.name === 'digit separator' && r.line === '1.12');
      assert.match(digits?.build.stderr ?? '', /underscores? in numeric literals? requires go1\.13 or later \(-lang was set to go1\.12; check go\.mod\)/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
