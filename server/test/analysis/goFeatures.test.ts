// goFeaturesOf on real tree-sitter-go trees: for each feature a positive snippet and near misses
// that must stay silent; then build lines, positions, error recovery and the build-line parser.
import * as assert from 'node:assert/strict';
import type { Parser } from 'web-tree-sitter';
import { goBuildMinorOf } from '../../src/analysis/goBuildConstraint';
import { FeatureUse, GoSyntaxNode, goFeaturesOf, goFileFactsOf } from '../../src/analysis/goFeatures';
import { createGoParser } from '../../src/node/goFeatureScan';

let parser: Parser;

function withTree<T>(src: string, f: (root: GoSyntaxNode) => T): T {
  const tree = parser.parse(src);
  if (!tree) throw new Error('no tree');
  try {
    return f(tree.rootNode);
  } finally {
    tree.delete();
  }
}

function usesOf(src: string): FeatureUse[] {
  return withTree(src, goFeaturesOf);
}

/** brief is how a case states a use: "1.13 digit separator in 1_000". */
function brief(u: FeatureUse): string {
  return `${u.version} ${u.feature}`;
}

/** A case: Go source after `package p` and the uses it must produce (none for a near miss). */
type Case = [name: string, src: string, want: string[]];

const literals: Case[] = [
  ['digit separator', 'var x = 1_000_000', ['1.13 digit separator in 1_000_000']],
  ['digit separator in a float', 'var x = 3.141_592', ['1.13 digit separator in 3.141_592']],
  ['no separator in a string', 'var x = "1_000"', []],
  ['no separator in a raw string or rune', 'var x, y = `1_000`, \'_\'', []],
  ['no separator in an identifier or comment', 'var x_1 = 1000 // 1_000', []],
  ['binary literal', 'var x = 0b1010', ['1.13 binary literal 0b1010']],
  ['upper-case binary', 'var x = 0B11', ['1.13 binary literal 0B11']],
  ['hex int with b digits is old', 'var x = 0xb1', []],
  ['0o octal literal', 'var x = 0o17', ['1.13 0o octal literal 0o17']],
  ['old-style octal is old', 'var x = 017', []],
  ['hexadecimal float', 'var x = 0x1p-2', ['1.13 hexadecimal floating-point literal 0x1p-2']],
  ['hex int with e digit is old', 'var x = 0x1e3', []],
  ['decimal exponent is old', 'var x = 1e3', []],
  ['imaginary suffix on a hex literal', 'var x = 0x1Fi', ['1.13 imaginary hexadecimal literal 0x1Fi']],
  ['imaginary suffix on a binary literal', 'var x = 0b1i', ['1.13 binary literal 0b1i']],
  ['decimal imaginaries are old', 'var x, y, z = 1i, 07i, 1.5e3i', []],
  ['two-character literals are exempt', 'var x = 0x', []],
];

const declarations: Case[] = [
  ['type alias', 'type A = B', ['1.9 type alias A']],
  ['type alias in a group', 'type (\n\tA = B\n\tC int\n)', ['1.9 type alias A']],
  ['a defined type is not an alias', 'type A B', []],
  ['generic type alias', 'type A[T any] = []T', ['1.23 generic type alias A']],
  ['generic func', 'func F[T any](x T) {}', ['1.18 type parameters on func F']],
  ['plain func', 'func F(x T) {}', []],
  ['generic type', 'type S[T any] struct{ v T }', ['1.18 type parameters on type S']],
  ['array type with a constant length', 'type S [N]int', []],
  ['[P *C] is an array type', 'type S[P *C] int', []],
  ['[P *C,] is a type parameter', 'type S[P *C,] int', ['1.18 type parameters on type S']],
  ['any and comparable as plain names', 'func f(x any, y comparable) {}\nvar any interface{}', []],
];

const constraints: Case[] = [
  ['approximation element', 'type I interface{ ~int }', ['1.18 approximation element ~int']],
  ['union', 'type Number interface{ int | float64 }', ['1.18 union int | float64']],
  ['non-interface element', 'type Bytes interface{ []byte }', ['1.18 non-interface element []byte in interface']],
  ['embedded interfaces and methods are old', 'type I interface {\n\tio.Reader\n\tM() int\n}', []],
];

const instantiations: Case[] = [
  ['generic type in a var', 'var l List[int]', ['1.18 generic type List[int]']],
  ['qualified generic type', 'var p atomic.Pointer[T]', ['1.18 generic type atomic.Pointer[T]']],
  ['generic receiver', 'func (r *R[T]) M() {}', ['1.18 generic type R[T]']],
  ['generic composite literal', 'var x = T[int]{}', ['1.18 generic type T[int]']],
  ['generic type in make', 'var m = make(L[int], 0)', ['1.18 generic type L[int]']],
  ['type switch case', 'func f(v any) {\n\tswitch v.(type) {\n\tcase G[int]:\n\t}\n}', ['1.18 generic type G[int]']],
  ['index expression', 'var x = l[i]', []],
  ['call through an index expression', 'func f() { fns[i](x) }', []],
  ['call through a qualified index expression', 'func f() { x := a.b[c](d); _ = x }', []],
  ['nested index expressions in a call', 'func f() { _ = a[b[c]](y) }', []],
  ['call through a dereferenced index', 'func f() { _ = (*a[i])(y) }', []],
  ['new of an index expression (new(expr) since 1.26)', 'func f() { _ = new(a[i]) }', []],
  ['bitwise or in an index', 'func f() { _ = a[i|j](y) }', []],
  ['nested indexes tree-sitter reads as an instantiation', 'func f() {\n\tif semi[label[ancestor[v]]] < semi[label[v]] {\n\t}\n}', []],
  ['generic type under a pointer in a field', 'type S struct{ p *atomic.Pointer[T] }', ['1.18 generic type atomic.Pointer[T]']],
  ['generic type as a func result', 'func f() List[int] { return nil }', ['1.18 generic type List[int]']],
  ['two type arguments in a call', 'func f() { _ = Map[int, string](xs) }', ['1.18 generic type Map[int, string]']],
  ['type arguments of a call', 'func f() { x := Map[int, string](xs, f); _ = x }', ['1.18 explicit type arguments [int, string]']],
  ['type-only argument in a call', 'func f() { _ = F[[]int](y) }', ['1.18 generic type F[[]int]']],
  ['two type arguments without a call', 'var f = G[int, string]', ['1.18 explicit instantiation G[int, string]']],
];

const embeds: Case[] = [
  ['go:embed', 'import _ "embed"\n\n//go:embed x.txt\nvar s string', ['1.16 //go:embed directive']],
  ['go:embed in a var group', 'import "embed"\n\nvar (\n\t//go:embed a\n\tfiles embed.FS\n)', ['1.16 //go:embed directive']],
  ['go:embed without importing embed', '//go:embed x.txt\nvar s string', []],
  ['a space after //', 'import _ "embed"\n\n// go:embed x.txt\nvar s string', []],
  ['go:embed on a var with a value', 'import _ "embed"\n\n//go:embed x.txt\nvar s = "x"', []],
  ['go:embed on two vars', 'import _ "embed"\n\n//go:embed x.txt\nvar a, b string', []],
  ['go:embed inside a func', 'import _ "embed"\n\nfunc f() {\n\t//go:embed x.txt\n\tvar s string\n\t_ = s\n}', []],
];

const unsafeCalls: Case[] = [
  ['unsafe.Add', 'import "unsafe"\n\nvar p = unsafe.Add(q, 1)', ['1.17 unsafe.Add']],
  ['unsafe.Slice', 'import "unsafe"\n\nvar s = unsafe.Slice(p, 4)', ['1.17 unsafe.Slice']],
  ['unsafe.String under another name', 'import u "unsafe"\n\nvar s = u.String(p, 4)', ['1.20 unsafe.String']],
  ['unsafe.SliceData and StringData', 'import "unsafe"\n\nvar p, q = unsafe.SliceData(b), unsafe.StringData(s)', ['1.20 unsafe.SliceData', '1.20 unsafe.StringData']],
  ['old unsafe functions', 'import "unsafe"\n\nvar p, n = unsafe.Pointer(x), unsafe.Sizeof(x)', []],
  ['a package that is not unsafe', 'import "example.com/unsafe"\n\nvar p = unsafe.Add(q, 1)', []],
];

const builtins: Case[] = [
  ['min', 'func f() { _ = min(1, 2) }', ['1.21 built-in min']],
  ['max and clear', 'func f(m map[int]int) { clear(m); _ = max(1, 2) }', ['1.21 built-in clear', '1.21 built-in max']],
  ['min declared at package level', 'func min(a, b int) int { return a }\n\nfunc f() { _ = min(1, 2) }', []],
  ['min as a local variable', 'func f() {\n\tmin := func(a, b int) int { return a }\n\t_ = min(1, 2)\n}', []],
  ['a method named max', 'func f() { _ = x.max(1, 2) }', []],
];

const ranges: Case[] = [
  ['range over an int literal', 'func f() { for i := range 10 { _ = i } }', ['1.22 range over int 10']],
  ['range over len', 'func f(s []int) { for range len(s) {} }', ['1.22 range over int len(s)']],
  ['range over arithmetic', 'func f(s []int) { for i := range len(s) - 1 { _ = i } }', ['1.22 range over int len(s) - 1']],
  ['range over a slice', 'func f(s []int) { for i := range s { _ = i } }', []],
  ['range over a variable of unknown type', 'func f(n int) { for i := range n { _ = i } }', []],
  ['range over a string or float literal', 'func f() { for range "abc" {}; for range 1.5 {} }', []],
  ['range over a shadowed len', 'func f(s []int) {\n\tlen := func([]int) int { return 1 }\n\tfor range len(s) {}\n}', []],
  ['range over an iterator literal', 'func f() { for x := range func(yield func(int) bool) {} { _ = x } }', ['1.23 range over function']],
  ['range over a two-value iterator', 'func f() {\n\tfor k, v := range func(yield func(string, int) bool) { yield("a", 1) } {\n\t\t_, _ = k, v\n\t}\n}', ['1.23 range over function']],
  ['range over a function call', 'func f() { for x := range g() { _ = x } }', []],
  ['range over a func value', 'func f(seq func(func(int) bool)) { for x := range seq { _ = x } }', []],
];

const tables: [string, Case[]][] = [
  ['1.13 numeric literals', literals], ['declarations (1.9, 1.18, 1.23)', declarations],
  ['1.18 constraints', constraints], ['1.18 instantiations', instantiations], ['1.16 //go:embed', embeds],
  ['1.17/1.20 unsafe', unsafeCalls], ['1.21 built-ins', builtins], ['1.22/1.23 range', ranges],
];

describe('analysis/goFeatures', () => {
  before(async () => {
    parser = await createGoParser();
  });

  for (const [title, cases] of tables) {
    describe(title, () => {
      for (const [name, src, want] of cases) {
        it(name, () => assert.deepEqual(usesOf(`package p\n\n${src}\n`).map(brief), want));
      }
    });
  }

  it('reports positions as zero-based lines and UTF-16 characters', () => {
    const uses = usesOf('package p\n\nvar s, x = "é😀", 1_0\n');
    assert.deepEqual(uses.map((u) => [u.line, u.character]), [[2, 18]]); // UTF-8 bytes would say 21
  });

  it('marks uses of predeclared names for the package-level check', () => {
    const uses = usesOf('package p\n\nfunc f(s []int) {\n\tfor range len(s) {}\n\t_ = min(1, 2)\n}\n');
    assert.deepEqual(uses.map((u) => u.unlessDeclared), [['len'], ['min']]);
  });

  it('ignores what sits in a syntax error and keeps the rest', () => {
    const uses = usesOf('package p\n\nvar a = 1_000\n\n@ 0b11 @\n\nfunc f() {\n\tfor range [1_0 {}\n}\n');
    assert.deepEqual(uses.map(brief), ['1.13 digit separator in 1_000']);
  });

  describe('//go:build lines', () => {
    const generic = 'func F[T any]() {}\n';
    const cases: [string, string, string[]][] = [
      ['a build line at the feature version excuses it', '//go:build go1.18\n\npackage p\n\n' + generic, []],
      ['a later version too', '//go:build linux && go1.20\n\npackage p\n\n' + generic, []],
      ['an earlier version does not', '//go:build go1.17\n\npackage p\n\n' + generic, ['1.18 type parameters on func F']],
      ['an alternative without a version does not', '//go:build linux || go1.18\n\npackage p\n\n' + generic, ['1.18 type parameters on func F']],
      ['a negated version does not', '//go:build !go1.18\n\npackage p\n\n' + generic, ['1.18 type parameters on func F']],
      ['+build lines do not count', '// +build go1.18\n\npackage p\n\n' + generic, ['1.18 type parameters on func F']],
      ['a build line after the package clause does not count', 'package p\n\n//go:build go1.18\n\n' + generic, ['1.18 type parameters on func F']],
      ['go:embed is checked against the package version', '//go:build go1.16\n\npackage p\n\nimport _ "embed"\n\n//go:embed x\nvar s string\n', ['1.16 //go:embed directive']],
    ];
    for (const [name, src, want] of cases) it(name, () => assert.deepEqual(usesOf(src).map(brief), want));
  });

  it('goFileFactsOf reads the package, its package-level names and the build line', () => {
    const src = '//go:build go1.21\n\npackage p\n\nfunc min() {}\nfunc (T) max() {}\nvar (\n\ta, b int\n)\nconst c = 1\ntype (\n\tT int\n\tU = T\n)\n';
    assert.deepEqual(withTree(src, goFileFactsOf), { packageName: 'p', packageScopeNames: ['min', 'a', 'b', 'c', 'T', 'U'], buildMinor: 21 });
  });

  it('works on trees without descendantsOfType (a walk over namedChildren)', () => {
    const src = 'package p\n\nimport "unsafe"\n\nvar x = 1_000\nvar p = unsafe.Add(q, 1)\nvar l List[int]\n\nfunc f() { fns[i](x); _ = Map[int, string](xs); _ = semi[label[ancestor[v]]] < semi[label[v]] }\n';
    const plain = withTree(src, (root) => goFeaturesOf(toPlain(root)).map(brief));
    assert.deepEqual(plain, usesOf(src).map(brief));
    assert.equal(plain.length, 4);
  });
});

/** toPlain copies a tree into plain objects that have no descendantsOfType. */
function toPlain(n: GoSyntaxNode, parent: GoSyntaxNode | null = null): GoSyntaxNode {
  const fields = ['name', 'type', 'type_parameters', 'type_arguments', 'function', 'arguments', 'operand', 'field',
    'path', 'right', 'left', 'operator', 'parameters', 'result', 'value'];
  const byField = new Map<string, GoSyntaxNode | null>();
  const named: (GoSyntaxNode | null)[] = [];
  const plain: GoSyntaxNode = {
    type: n.type, text: n.text, startPosition: n.startPosition, endPosition: n.endPosition, namedChildren: named, parent,
    childForFieldName: (f) => byField.get(f) ?? null,
  };
  for (const c of n.namedChildren) named.push(c ? toPlain(c, plain) : null);
  for (const f of fields) {
    const c = n.childForFieldName(f);
    const same = (x: GoSyntaxNode | null): boolean => !!x && !!c && x.type === c.type && x.startPosition.row === c.startPosition.row && x.startPosition.column === c.startPosition.column;
    byField.set(f, c ? named.find(same) ?? toPlain(c, plain) : null); // operators are not named children
  }
  return plain;
}

describe('analysis/goBuildConstraint: goBuildMinorOf (constraint.GoVersion)', () => {
  const cases: [string, number][] = [
    ['//go:build go1.22', 22],
    ['//go:build linux && go1.22', 22],
    ['//go:build (linux && go1.22) || (windows && go1.20)', 20],
    ['//go:build linux', -1],
    ['//go:build linux || (windows && go1.22)', -1],
    ['//go:build !go1.22', -1],
    ['//go:build !!go1.5', 5],
    ['//go:build !(!go1.5 && !go1.6)', 5],
    ['//go:build (linux && !linux && go1.20) || go1.21', 20],
    ['//go:build go1', 0],
    ['//go:build go1.21rc1', -1],
    ['//go:build go1.21.3', -1],
    ['//go:build xgo1.5', 5], // strings.Cut finds "go1." anywhere in the tag
    ['//go:build\tgo1.9', 9],
    ['//go:buildgo1.9', -1],
    ['//go:build (go1.9', -1],
    ['//go:build go1.9 &&', -1],
    ['//go:build go1.9 go1.10', -1],
    ['// +build go1.9', -1],
  ];
  for (const [line, want] of cases) it(line, () => assert.equal(goBuildMinorOf(line), want));
});
