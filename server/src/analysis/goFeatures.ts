/**
 * goFeatures finds, in the syntax tree of one .go file (tree-sitter-go), the uses of language
 * features that need a minimum `go` line: the engine of the `go-below-features` diagnostic (a
 * module's go line below what its own code uses; the compiler then says `<feature> requires go1.N or
 * later (-lang was set to go1.M; check go.mod)`). Pure: it reads nodes through the small structural
 * interface GoSyntaxNode, so the parser lives in node/ and tests may hand-build trees.
 *
 * Each feature carries the Go release that introduced it (gomod-semantics.md §6.5 and the gates of
 * go/types / types2 / the compiler's noder). Precision beats recall: only what the syntax decides.
 *
 * Covered:
 * - 1.9  type alias declarations `type A = B`.
 * - 1.13 numeric literal forms, judged on the literal's text exactly as types2's `langCompat`:
 *        `_` digit separators, `0b` binary, `0o` octal, hexadecimal floats `0x1p-2`, and the
 *        imaginary suffix on those forms (`0x1Fi`, `0b1i`); literals of at most two characters are
 *        exempt, and `1i` / `07i` were valid before.
 * - 1.16 `//go:embed` on a package-level `var name T` in a file importing "embed" (the compiler
 *        checks the other conditions first).
 * - 1.17 `unsafe.Add`, `unsafe.Slice`; 1.20 `unsafe.SliceData`, `unsafe.String`, `unsafe.StringData`
 *        (through the name the file imports "unsafe" under).
 * - 1.18 type parameter lists on func and type declarations; `~T`; unions `A | B` and non-interface
 *        type literals (`[]byte`, `*T`, ...) as interface elements; instantiated generic types
 *        wherever the syntax is a type (`var x List[int]`, `T[int]{}`, `make(T[int], n)`, receivers
 *        `(r *R[T])`, type switch cases); instantiations that cannot be index expressions
 *        (`F[int, string](x)`, `F[[]int]`).
 * - 1.21 calls of the built-ins `min`, `max`, `clear` that nothing in the file shadows; the use
 *        lists the name in `unlessDeclared`, for the caller to drop when another file of the package
 *        declares it at package level.
 * - 1.22 range over an integer: an int literal, a `len`/`cap` call (not shadowed, as above), or
 *        unary / arithmetic expressions of those.
 * - 1.23 range over a function literal of iterator shape `func(yield func(...) bool)`; generic type
 *        aliases `type A[T any] = B[T]` (the compiler's gate is go1.23, checked with Go 1.26: a
 *        go 1.23 module builds with every toolchain from 1.24; a Go 1.23 toolchain itself also
 *        wants GOEXPERIMENT=aliastypeparams).
 *
 * Skipped, and why:
 * - signed shift counts (1.13), slice → array-pointer (1.17) and slice → array (1.20)
 *   conversions, overlapping embedded methods (1.14), inference changes (1.21), range over
 *   variables of integer or iterator type: all need types, not syntax.
 * - `any` / `comparable` used as identifiers (1.18): a package may declare its own `any`.
 * - `f[int](x)` / `a[i](x)` and `new(a[i])`: a call through an index expression looks the same.
 * - implicit instantiation of imported generic functions (1.18): needs the callee's type.
 * - per-iteration loop variables (1.22): a change of meaning, never an error.
 * - `new(expr)` (1.26) and generic methods (1.27): tree-sitter-go 0.25 cannot parse them.
 * - changes before Go 1.9 (three-index slices, `for range x`, ...): the compiler does not gate them.
 * - anything under an ERROR node (the parser's recovery; the code does not compile as written).
 *
 * Build constraints: since Go 1.21 the type checker sets the language version of a file whose
 * `//go:build` line implies a minimum Go version (constraint.GoVersion: `go1.21 && linux` → go1.21)
 * from that line, whatever the module's go line: Go 1.21 only raised it, current toolchains use
 * max(it, go1.21) (gomod-semantics.md §6.5); toolchains before 1.21 ignore the line. So a use in a
 * file whose build line requires go1.N with N ≥ the feature's version does not count. `//go:embed`
 * is the exception: the compiler checks it against the package's -lang, so it always counts. A
 * feature newer than N but not than max(N, 1.21) still counts, as the first toolchains reject it.
 */
import { compareGoVersion } from '../module/goVersion';
import { goBuildExprOf, goBuildMinorOf } from './goBuildConstraint';
import { GoSyntaxNode, clip, descendants, keyOf, kids, kidsNoComments, unparen, within } from './goSyntaxNode';

export type { GoSyntaxNode, GoSyntaxPoint } from './goSyntaxNode';

/** FeatureUse is one use of a feature that needs go ≥ version. */
export interface FeatureUse {
  /** Short human name, e.g. "digit separator in 1_000_000". */
  feature: string;
  /** The Go language version that introduced it, e.g. "1.13". */
  version: string;
  /** Zero-based line. */
  line: number;
  /** Zero-based character (UTF-16). */
  character: number;
  /**
   * Predeclared names this use relies on (`min`, `len`, ...): the use does not count when another
   * file of the same package declares one of them at package level (this file was checked).
   */
  unlessDeclared?: string[];
}

/** GoFileFacts: what the file-wide checks need, read from the top level of a file. */
export interface GoFileFacts {
  /** The package clause's name ('' when missing). */
  packageName: string;
  /** Names this file declares at package level (funcs, vars, consts, types; not methods). */
  packageScopeNames: string[];
  /** N when the file's //go:build line implies go1.N (0 for go1), else -1. */
  buildMinor: number;
}

/** The node types the engine looks at; everything else is reached from them. */
const CANDIDATES = [
  'int_literal', 'float_literal', 'imaginary_literal', 'type_alias', 'type_spec', 'function_declaration',
  'negated_type', 'type_elem', 'interface_type', 'generic_type', 'type_instantiation_expression',
  'type_arguments', 'call_expression', 'range_clause',
];
const UNIVERSE_CALLS = new Set(['min', 'max', 'clear', 'len', 'cap']);
const UNSAFE_FUNCS: Record<string, string> = {
  Add: '1.17', Slice: '1.17', SliceData: '1.20', String: '1.20', StringData: '1.20',
};
/** Type syntax that can never be read as an expression. */
const TYPE_LITERALS = new Set([
  'slice_type', 'array_type', 'implicit_length_array_type', 'map_type', 'channel_type',
  'function_type', 'struct_type', 'interface_type',
]);
/** Type syntax inside which a generic type has the context of the enclosing node (`*G[H[T]]`). */
const TYPE_WRAPPERS = new Set(['generic_type', 'type_arguments', 'type_elem', 'parenthesized_type', 'pointer_type']);
/**
 * Nodes whose type child can only be a type. Not among them: conversions (`a[i](x)` may be a call
 * through an index), `new(...)` (an expression since Go 1.26), type instantiation expressions and
 * call type arguments (index expressions look the same), and anything else tree-sitter may produce.
 */
const TYPE_CONTEXTS = new Set([
  'var_spec', 'const_spec', 'parameter_declaration', 'variadic_parameter_declaration', 'field_declaration',
  'type_spec', 'type_alias', 'type_constraint', 'composite_literal', 'type_case', 'type_assertion_expression',
  'function_declaration', 'method_declaration', 'func_literal', 'function_type', 'method_elem', 'interface_type',
  'slice_type', 'array_type', 'implicit_length_array_type', 'map_type', 'channel_type', 'negated_type',
]);
const NON_INTERFACE_ELEMENTS = new Set([
  'slice_type', 'array_type', 'map_type', 'channel_type', 'function_type', 'struct_type', 'pointer_type',
]);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '&', '|', '^', '&^', '<<', '>>']);

/** goFeaturesOf lists, in position order, the feature uses of one file that its build line does not excuse. */
export function goFeaturesOf(root: GoSyntaxNode): FeatureUse[] {
  const facts = goFileFactsOf(root);
  const scan = new FileScan(root, facts);
  scan.run();
  const minor = facts.buildMinor;
  const kept = minor < 0 ? scan.uses :
    scan.uses.filter((u) => u.packageLang || compareGoVersion(u.version, `1.${minor}`) > 0);
  return kept.map(({ packageLang: _, ...use }) => use).sort((a, b) => a.line - b.line || a.character - b.character);
}

/** goFileFactsOf reads the package name, the package-level names and the build line's version. */
export function goFileFactsOf(root: GoSyntaxNode): GoFileFacts {
  let packageName = '';
  let buildMinor = -1;
  let seenBuild = false;
  const names: string[] = [];
  for (const n of kids(root)) {
    if (n.type === 'comment' && !packageName && !seenBuild && goBuildExprOf(n.text) !== undefined) {
      seenBuild = true; // only the first //go:build line counts (a second one is an error anyway)
      buildMinor = goBuildMinorOf(n.text);
    } else if (n.type === 'package_clause') {
      packageName = kids(n).find((c) => c.type === 'package_identifier')?.text ?? '';
    } else if (n.type === 'function_declaration') {
      const name = n.childForFieldName('name');
      if (name) names.push(name.text);
    } else if (n.type === 'var_declaration' || n.type === 'const_declaration' || n.type === 'type_declaration') {
      names.push(...declaredNames(n));
    }
  }
  return { packageName, packageScopeNames: names, buildMinor };
}

/** declaredNames lists the names a var/const/type declaration introduces. */
function declaredNames(decl: GoSyntaxNode): string[] {
  const out: string[] = [];
  const specs = kids(decl).flatMap((c) => (c.type === 'var_spec_list' ? kids(c) : [c]));
  for (const spec of specs) {
    if (spec.type === 'type_spec' || spec.type === 'type_alias') {
      const name = spec.childForFieldName('name');
      if (name) out.push(name.text);
    } else if (spec.type === 'var_spec' || spec.type === 'const_spec') {
      for (const c of kids(spec)) if (c.type === 'identifier') out.push(c.text);
    }
  }
  return out;
}

type Use = FeatureUse & { packageLang?: boolean };

/** A use waiting for the shadowing check of the predeclared names it relies on. */
interface Pending {
  use: Use;
  names: string[];
}

/** FileScan collects the uses of one file, one top-level declaration at a time. */
class FileScan {
  readonly uses: Use[] = [];
  private readonly fileNames: Set<string>;
  private readonly unsafeNames = new Set<string>();
  private importsEmbed = false;
  // per top-level declaration:
  private callees = new Set<string>();
  private pending: Pending[] = [];

  constructor(private readonly root: GoSyntaxNode, facts: GoFileFacts) {
    this.fileNames = new Set(facts.packageScopeNames);
    this.readImports();
  }

  run(): void {
    this.checkEmbeds(kids(this.root));
    for (const top of kids(this.root)) {
      if (top.type === 'comment' || top.type === 'package_clause' || top.type === 'import_declaration') continue;
      const candidates = descendants(top, CANDIDATES);
      if (candidates.length === 0) continue;
      const errors = descendants(top, ['ERROR']);
      this.callees = new Set();
      this.pending = [];
      for (const n of candidates) if (!errors.some((e) => within(n, e))) this.visit(n);
      this.settlePending(top);
    }
  }

  private add(node: GoSyntaxNode, feature: string, version: string, extra: Partial<Use> = {}): Use {
    const use = { feature, version, line: node.startPosition.row, character: node.startPosition.column, ...extra };
    this.uses.push(use);
    return use;
  }

  /** Candidates arrive parents first, so a conversion marks its type before the type is visited. */
  private visit(n: GoSyntaxNode): void {
    switch (n.type) {
      case 'int_literal':
      case 'float_literal':
      case 'imaginary_literal':
        return this.visitNumber(n);
      case 'type_alias':
        return this.visitTypeAlias(n);
      case 'type_spec':
      case 'function_declaration':
        return this.visitTypeParams(n);
      case 'negated_type':
        return void this.add(n, `approximation element ${clip(n.text)}`, '1.18');
      case 'type_elem':
        if (kidsNoComments(n).length > 1 && inTypeContext(n)) this.add(n, `union ${clip(n.text)}`, '1.18');
        return;
      case 'interface_type':
        return this.visitInterface(n);
      case 'generic_type':
        if (inTypeContext(n) || definiteTypeArgs(n.childForFieldName('type_arguments'))) this.add(n, `generic type ${clip(n.text)}`, '1.18');
        return;
      case 'type_arguments': // a call's (a generic type's are judged with it): `F[int, string](x)`
        if (n.parent?.type === 'call_expression' && definiteTypeArgs(n)) this.add(n, `explicit type arguments ${clip(n.text)}`, '1.18');
        return;
      case 'type_instantiation_expression':
        if (definiteTypeArgs(n, 1)) this.add(n, `explicit instantiation ${clip(n.text)}`, '1.18');
        return;
      case 'call_expression':
        return this.visitCall(n);
      case 'range_clause':
        return this.visitRange(n);
    }
  }

  private visitNumber(n: GoSyntaxNode): void {
    const s = n.text;
    if (s.length <= 2) return;
    if (s.includes('_')) return void this.add(n, `digit separator in ${clip(s)}`, '1.13');
    if (s[0] !== '0') return;
    const radix = s[1].toLowerCase();
    if (radix === 'b') this.add(n, `binary literal ${clip(s)}`, '1.13');
    else if (radix === 'o') this.add(n, `0o octal literal ${clip(s)}`, '1.13');
    else if (radix === 'x' && n.type === 'float_literal') this.add(n, `hexadecimal floating-point literal ${clip(s)}`, '1.13');
    else if (radix === 'x' && n.type === 'imaginary_literal') this.add(n, `imaginary hexadecimal literal ${clip(s)}`, '1.13');
  }

  private visitTypeAlias(n: GoSyntaxNode): void {
    const name = n.childForFieldName('name')?.text ?? '';
    const params = n.childForFieldName('type_parameters');
    if (params) this.add(params, `generic type alias ${name}`, '1.23');
    else this.add(n, `type alias ${name}`, '1.9');
  }

  private visitTypeParams(n: GoSyntaxNode): void {
    const params = n.childForFieldName('type_parameters');
    if (!params) return;
    const what = n.type === 'type_spec' ? 'type' : 'func';
    this.add(params, `type parameters on ${what} ${n.childForFieldName('name')?.text ?? ''}`, '1.18');
  }

  /** visitInterface flags non-interface type literals used as interface elements (constraints). */
  private visitInterface(n: GoSyntaxNode): void {
    for (const elem of kids(n)) {
      if (elem.type !== 'type_elem') continue;
      const parts = kidsNoComments(elem);
      if (parts.length === 1 && NON_INTERFACE_ELEMENTS.has(parts[0].type)) {
        this.add(elem, `non-interface element ${clip(elem.text)} in interface`, '1.18');
      }
    }
  }

  private visitCall(n: GoSyntaxNode): void {
    const fn = n.childForFieldName('function');
    if (!fn) return;
    if (fn.type === 'identifier') {
      const name = fn.text;
      if (UNIVERSE_CALLS.has(name)) this.callees.add(keyOf(fn));
      if (name === 'min' || name === 'max' || name === 'clear') {
        this.pending.push({ use: { feature: `built-in ${name}`, version: '1.21', line: fn.startPosition.row, character: fn.startPosition.column, unlessDeclared: [name] }, names: [name] });
      }
    } else if (fn.type === 'selector_expression' && this.unsafeNames.size > 0) {
      const pkg = fn.childForFieldName('operand');
      const name = fn.childForFieldName('field')?.text ?? '';
      if (pkg?.type === 'identifier' && this.unsafeNames.has(pkg.text) && Object.hasOwn(UNSAFE_FUNCS, name)) {
        this.add(fn, `unsafe.${name}`, UNSAFE_FUNCS[name]);
      }
    }
  }

  private visitRange(n: GoSyntaxNode): void {
    const right = n.childForFieldName('right');
    if (!right) return;
    const names = obviouslyInt(right);
    if (names) {
      const use: Use = { feature: `range over int ${clip(right.text)}`, version: '1.22', line: right.startPosition.row, character: right.startPosition.column };
      if (names.length) this.pending.push({ use: { ...use, unlessDeclared: names }, names });
      else this.uses.push(use);
    } else if (isIteratorLiteral(unparen(right))) {
      this.add(right, 'range over function', '1.23');
    }
  }

  /**
   * settlePending keeps the uses of predeclared names that nothing in the file may shadow:
   * conservatively, no package-level declaration of the name in this file and no mention of it in
   * the top-level declaration other than as a callee (a parameter, variable, field key, ...).
   */
  private settlePending(top: GoSyntaxNode): void {
    if (this.pending.length === 0) return;
    const mentioned = new Set<string>();
    for (const id of descendants(top, ['identifier', 'type_identifier'])) {
      if (UNIVERSE_CALLS.has(id.text) && !this.callees.has(keyOf(id))) mentioned.add(id.text);
    }
    for (const p of this.pending) {
      if (!p.names.some((name) => this.fileNames.has(name) || mentioned.has(name))) this.uses.push(p.use);
    }
  }

  private readImports(): void {
    for (const decl of kids(this.root)) {
      if (decl.type !== 'import_declaration') continue;
      const specs = kids(decl).flatMap((c) => (c.type === 'import_spec_list' ? kids(c) : [c]));
      for (const spec of specs) {
        if (spec.type !== 'import_spec') continue;
        const path = spec.childForFieldName('path')?.text.slice(1, -1);
        const name = spec.childForFieldName('name');
        if (path === 'embed') this.importsEmbed = true;
        if (path === 'unsafe' && (!name || name.type === 'package_identifier')) this.unsafeNames.add(name?.text ?? 'unsafe');
      }
    }
  }

  /**
   * checkEmbeds flags `//go:embed` directives that the compiler checks against -lang: in a file
   * importing "embed", on a package-level `var name T` (one name, a type, no value), directly
   * before the var (only other comments between). Directives before `var (` are misplaced.
   */
  private checkEmbeds(nodes: GoSyntaxNode[]): void {
    let directive: GoSyntaxNode | undefined;
    for (const n of nodes) {
      if (n.type === 'comment') {
        if (!directive && /^\/\/go:embed[ \t]/.test(n.text)) directive = n;
        continue;
      }
      const spec = n.type === 'var_declaration' ? kidsNoComments(n)[0] : n;
      if (directive && this.importsEmbed && spec?.type === 'var_spec' && isEmbeddableSpec(spec)) {
        this.add(directive, '//go:embed directive', '1.16', { packageLang: true });
      }
      directive = undefined;
      const list = n.type === 'var_declaration' ? kids(n).find((c) => c.type === 'var_spec_list') : undefined;
      if (list) this.checkEmbeds(kids(list));
    }
  }
}

/**
 * inTypeContext reports whether a type node certainly stands for a type: going up through type
 * syntax (`*`, `( )`, type arguments), it reaches a node from TYPE_CONTEXTS, or `make`'s first
 * argument.
 */
function inTypeContext(n: GoSyntaxNode): boolean {
  let child = n;
  let up = n.parent;
  while (up && TYPE_WRAPPERS.has(up.type)) {
    child = up;
    up = up.parent;
  }
  if (!up) return false;
  if (up.type !== 'argument_list') return TYPE_CONTEXTS.has(up.type);
  const fn = up.parent?.childForFieldName('function');
  const first = kidsNoComments(up)[0];
  return fn?.type === 'identifier' && fn.text === 'make' && first !== undefined && keyOf(first) === keyOf(child);
}

/** isEmbeddableSpec: exactly one name, a type and no value. */
function isEmbeddableSpec(spec: GoSyntaxNode): boolean {
  const names = kids(spec).filter((c) => c.type === 'identifier').length;
  return names === 1 && spec.childForFieldName('type') !== null && spec.childForFieldName('value') === null;
}

/**
 * definiteTypeArgs reports whether a list of type arguments cannot be an index: several of them,
 * or one that is type-only syntax (`[]T`, `map[K]V`, `~T`, `func()`, ...). A union is not enough:
 * `a[i|j]` is an index. `skip` drops leading children (the instantiated name).
 */
function definiteTypeArgs(list: GoSyntaxNode | null, skip = 0): boolean {
  if (!list) return false;
  const args = kidsNoComments(list).slice(skip);
  if (args.length > 1) return true;
  const parts = args[0]?.type === 'type_elem' ? kidsNoComments(args[0]) : args;
  return parts.length === 1 && (TYPE_LITERALS.has(parts[0].type) || parts[0].type === 'negated_type');
}

/**
 * obviouslyInt reports whether e is certainly an integer (an untyped int constant or an int): the
 * predeclared names it relies on (`len`, `cap`), or undefined when it is not obviously one.
 */
function obviouslyInt(e: GoSyntaxNode): string[] | undefined {
  switch (e.type) {
    case 'int_literal':
      return [];
    case 'parenthesized_expression': {
      const inner = kidsNoComments(e);
      return inner.length === 1 ? obviouslyInt(inner[0]) : undefined;
    }
    case 'unary_expression': {
      const op = e.childForFieldName('operator')?.type;
      const x = e.childForFieldName('operand');
      return x && (op === '+' || op === '-' || op === '^') ? obviouslyInt(x) : undefined;
    }
    case 'binary_expression': {
      const l = e.childForFieldName('left');
      const r = e.childForFieldName('right');
      if (!l || !r || !ARITHMETIC.has(e.childForFieldName('operator')?.type ?? '')) return undefined;
      const li = obviouslyInt(l);
      const ri = li && obviouslyInt(r);
      return li && ri ? [...new Set([...li, ...ri])] : undefined;
    }
    case 'call_expression': {
      const fn = e.childForFieldName('function');
      const args = e.childForFieldName('arguments');
      const ok = fn?.type === 'identifier' && (fn.text === 'len' || fn.text === 'cap') && args && kidsNoComments(args).length === 1;
      return ok ? [fn.text] : undefined;
    }
  }
  return undefined;
}

/** isIteratorLiteral: `func(yield func(<at most two params>) bool) { ... }` with no result. */
function isIteratorLiteral(e: GoSyntaxNode): boolean {
  if (e.type !== 'func_literal' || e.childForFieldName('result')) return false;
  const params = e.childForFieldName('parameters');
  const decls = params ? kidsNoComments(params) : [];
  if (decls.length !== 1 || decls[0].type !== 'parameter_declaration') return false;
  if (kids(decls[0]).filter((c) => c.type === 'identifier').length > 1) return false;
  const yieldType = decls[0].childForFieldName('type');
  if (yieldType?.type !== 'function_type') return false;
  const result = yieldType.childForFieldName('result');
  if (result?.type !== 'type_identifier' || result.text !== 'bool') return false;
  const yieldParams = yieldType.childForFieldName('parameters');
  let count = 0;
  for (const p of yieldParams ? kidsNoComments(yieldParams) : []) {
    if (p.type !== 'parameter_declaration') return false;
    count += Math.max(1, kids(p).filter((c) => c.type === 'identifier').length);
  }
  return count <= 2;
}
