/**
 * go.mod directives (semantics §1.3, §1.7): parseModFile turns text into a ModFile holding every
 * directive that parsed and every error with its span, in Go's strict mode (a main module, with
 * the checks `go mod edit` applies) or lax mode (a dependency's go.mod: only go, module, retract,
 * require and ignore are read, everything else is ignored as Go ignores it).
 */
import { goQuote } from '../module/goString';
import { goVersionRE, laxGoVersionRE, toolchainRE } from '../module/goVersion';
import { FileSyntax, Line, LineBlock, Span, Token, tokenText } from './ast';
import {
  DirectiveError, Result, checkMajor, deprecation, directiveComment, isIndirect, modulePathMajor,
  parseReplaceArgs, parseStringArg, parseVersionArg, parseVersionInterval,
} from './directives';
import { ParseError, parseSyntax } from './parser';

export interface ModVersion {
  path: string;
  /** empty for the main module and for wildcard replacements */
  version: string;
}

/** Directive is what every parsed directive keeps: its line, and its block when it is in one. */
export interface Directive {
  line: Line;
  block?: LineBlock;
}

export interface ModuleStmt extends Directive { path: string; deprecated: string; pathToken?: Token }
export interface GoStmt extends Directive { version: string; versionToken: Token }
export interface ToolchainStmt extends Directive { name: string; nameToken: Token }
export interface GodebugStmt extends Directive { key: string; value: string; token: Token }
export interface Require extends Directive { mod: ModVersion; indirect: boolean; pathToken: Token; versionToken: Token }
export interface Exclude extends Directive { mod: ModVersion; pathToken: Token; versionToken: Token }
export interface Replace extends Directive {
  old: ModVersion;
  new: ModVersion;
  oldPathToken: Token;
  oldVersionToken?: Token;
  arrowToken: Token;
  newPathToken: Token;
  newVersionToken?: Token;
}
export interface Retract extends Directive { low: string; high: string; rationale: string }
export interface PathStmt extends Directive { path: string; pathToken: Token }

export interface ModFile {
  syntax: FileSyntax;
  strict: boolean;
  errors: ParseError[];
  module?: ModuleStmt;
  go?: GoStmt;
  toolchain?: ToolchainStmt;
  godebug: GodebugStmt[];
  require: Require[];
  exclude: Exclude[];
  replace: Replace[];
  retract: Retract[];
  tool: PathStmt[];
  ignore: PathStmt[];
}

export interface ParseOptions {
  /** file name used in messages (default `go.mod`) */
  name?: string;
  /** strict (main module, default) or lax (a dependency's go.mod) */
  strict?: boolean;
}

const laxVerbs = new Set(['go', 'module', 'retract', 'require', 'ignore']);
const blockVerbs = new Set(['module', 'godebug', 'require', 'exclude', 'replace', 'retract', 'tool', 'ignore']);

/** parseModFile parses a go.mod; it never throws, and `errors` is empty exactly when Go accepts the file. */
export function parseModFile(text: string, options: ParseOptions = {}): ModFile {
  const strict = options.strict ?? true;
  const { syntax, errors } = parseSyntax(options.name ?? 'go.mod', text);
  const f: ModFile = {
    syntax, strict, errors, godebug: [], require: [], exclude: [], replace: [], retract: [], tool: [], ignore: [],
  };
  for (const x of syntax.stmts) {
    if (x.type === 'line') {
      addDirective(f, undefined, x, x.tokens[0], x.tokens.slice(1));
    } else if (x.type === 'block') {
      if (x.verb.length > 1 || !blockVerbs.has(x.verb[0].text)) {
        if (strict) unknownBlock(errors, x);
        continue;
      }
      for (const l of x.lines) addDirective(f, x, l, x.verb[0], l.tokens);
    }
  }
  errors.sort((a, b) => a.pos - b.pos);
  return f;
}

/** unknownBlock reports a block whose header is not a single known verb. */
export function unknownBlock(errors: ParseError[], x: LineBlock): void {
  const last = x.verb[x.verb.length - 1];
  errors.push({
    message: `unknown block type: ${x.verb.map((t) => t.text).join(' ')}`, phase: 'rule',
    pos: x.start, start: x.start, end: last.end,
    hint: x.verb.length > 1 ? 'a block header is a single directive name followed by (' : 'only some directives can be written as blocks',
  });
}

function addDirective(f: ModFile, block: LineBlock | undefined, line: Line, verbTok: Token, args: Token[]): void {
  const verb = verbTok.text;
  if (!f.strict && !laxVerbs.has(verb)) return;
  const report = (e: DirectiveError): void => {
    const span = e.span ?? line;
    f.errors.push({ message: e.message, pos: line.start, start: span.start, end: span.end, phase: 'rule', hint: e.hint });
  };
  const rule = ruleFor(verb);
  if (!rule) {
    report({ message: `unknown directive: ${verb}`, span: verbTok, hint: 'go.mod knows module, go, toolchain, godebug, require, exclude, replace, retract, tool and ignore' });
    return;
  }
  const err = rule(f, { block, line, verb, verbTok, args });
  if (err) report(err);
}

interface Ctx {
  block?: LineBlock;
  line: Line;
  verb: string;
  verbTok: Token;
  args: Token[];
}

type Rule = (f: ModFile, c: Ctx) => DirectiveError | undefined;

function ruleFor(verb: string): Rule | undefined {
  switch (verb) {
    case 'module': return moduleRule;
    case 'go': return goRule;
    case 'toolchain': return toolchainRule;
    case 'godebug': return (f, c) => godebugRule(c, (g) => f.godebug.push(g));
    case 'require': case 'exclude': return requireRule;
    case 'replace': return (f, c) => replaceRule(c, (r) => f.replace.push(r));
    case 'retract': return retractRule;
    case 'tool': return (f, c) => pathRule(c, (p) => f.tool.push(p));
    case 'ignore': return (f, c) => pathRule(c, (p) => f.ignore.push(p));
  }
  return undefined;
}

const err = (message: string, span?: Span, hint?: string): DirectiveError => ({ message, span, hint });
const failed = <T>(r: Result<T>): DirectiveError | undefined => (r.ok ? undefined : r.error);

function moduleRule(f: ModFile, c: Ctx): DirectiveError | undefined {
  if (f.module) return err('repeated module statement', c.line, 'a go.mod has exactly one module line');
  const m: ModuleStmt = { line: c.line, block: c.block, path: '', deprecated: deprecation(c.block, c.line) };
  f.module = m;
  if (c.args.length !== 1) return err('usage: module module/path', c.line, 'write `module example.com/path`');
  const s = parseStringArg(c.args[0]);
  if (!s.ok) return s.error;
  m.path = s.value;
  m.pathToken = c.args[0];
  return undefined;
}

function goRule(f: ModFile, c: Ctx): DirectiveError | undefined {
  return goLine(c, f.strict, f.go !== undefined, (g) => (f.go = g));
}

/** goLine checks a `go` line; lax parsing truncates versions like `1.2.3beta` to `1.2` as Go does. */
export function goLine(c: Ctx, strict: boolean, repeated: boolean, set: (g: GoStmt) => void): DirectiveError | undefined {
  if (repeated) return err('repeated go statement', c.line, 'keep a single go line');
  if (c.args.length !== 1) return err('go directive expects exactly one argument', c.line, 'write `go 1.23.0`');
  const t = c.args[0];
  let version = t.text;
  if (!goVersionRE.test(version)) {
    const m = strict ? null : laxGoVersionRE.exec(version);
    if (!m) {
      return err(`invalid go version '${version}': must match format 1.23.0`, t,
        'a go version is major.minor with an optional .patch or rc/beta suffix, without a leading v, such as 1.21 or 1.22.3');
    }
    version = m[1];
    t.norm = version;
  }
  set({ line: c.line, block: c.block, version, versionToken: t });
  return undefined;
}

function toolchainRule(f: ModFile, c: Ctx): DirectiveError | undefined {
  return toolchainLine(c, f.toolchain !== undefined, (t) => (f.toolchain = t));
}

export function toolchainLine(c: Ctx, repeated: boolean, set: (t: ToolchainStmt) => void): DirectiveError | undefined {
  if (repeated) return err('repeated toolchain statement', c.line, 'keep a single toolchain line');
  if (c.args.length !== 1) return err('toolchain directive expects exactly one argument', c.line, 'write `toolchain go1.23.0`');
  const t = c.args[0];
  if (!toolchainRE.test(t.text)) {
    return err(`invalid toolchain version '${t.text}': must match format go1.23.0 or default`, t, 'a toolchain name starts with go1, such as go1.22.3, or is `default`');
  }
  set({ line: c.line, block: c.block, name: t.text, nameToken: t });
  return undefined;
}

export function godebugRule(c: Ctx, add: (g: GodebugStmt) => void): DirectiveError | undefined {
  const usage = err('usage: godebug key=value', c.args[0] ?? c.line, 'write `godebug key=value` with no quotes or commas');
  if (c.args.length !== 1 || /["`',]/.test(c.args[0].text)) return usage;
  const t = c.args[0];
  const eq = t.text.indexOf('=');
  if (eq < 0) return usage;
  add({ line: c.line, block: c.block, key: t.text.slice(0, eq), value: t.text.slice(eq + 1), token: t });
  return undefined;
}

function requireRule(f: ModFile, c: Ctx): DirectiveError | undefined {
  if (c.args.length !== 2) {
    return err(`usage: ${c.verb} module/path v1.2.3`, c.line, `write \`${c.verb} example.com/module v1.2.3\``);
  }
  const [pathTok, versionTok] = c.args;
  const s = parseStringArg(pathTok);
  if (!s.ok) return s.error;
  const v = parseVersionArg(c.verb, s.value, versionTok);
  if (!v.ok) return v.error;
  const major = modulePathMajor(s.value, pathTok);
  if (!major.ok) return major.error;
  const bad = failed(checkMajor(c.verb, s.value, v.value, major.value, versionTok));
  if (bad) return bad;
  const mod = { path: s.value, version: v.value };
  if (c.verb === 'require') {
    f.require.push({ line: c.line, block: c.block, mod, indirect: isIndirect(c.line), pathToken: pathTok, versionToken: versionTok });
  } else {
    f.exclude.push({ line: c.line, block: c.block, mod, pathToken: pathTok, versionToken: versionTok });
  }
  return undefined;
}

export function replaceRule(c: Ctx, add: (r: Replace) => void): DirectiveError | undefined {
  const r = parseReplaceArgs(c.verb, c.args, c.line);
  if (!r.ok) return r.error;
  const { arrow } = r.value;
  add({
    line: c.line, block: c.block,
    old: { path: r.value.oldPath, version: r.value.oldVersion },
    new: { path: r.value.newPath, version: r.value.newVersion },
    oldPathToken: c.args[0], oldVersionToken: arrow === 2 ? c.args[1] : undefined, arrowToken: c.args[arrow],
    newPathToken: c.args[arrow + 1], newVersionToken: c.args[arrow + 2],
  });
  return undefined;
}

function retractRule(f: ModFile, c: Ctx): DirectiveError | undefined {
  const rationale = directiveComment(c.block, c.line);
  const vi = parseVersionInterval(c.verb, c.args, c.line);
  if (!vi.ok) return f.strict ? vi.error : undefined; // lax: a future interval syntax is ignored
  if (c.args.length > vi.value.used && f.strict) {
    const extra = c.args[vi.value.used];
    return err(`unexpected token after version: ${goQuote(tokenText(extra))}`, extra, 'a retract line holds one version or one [low, high] interval');
  }
  f.retract.push({ line: c.line, block: c.block, low: vi.value.low, high: vi.value.high, rationale });
  return undefined;
}

export function pathRule(c: Ctx, add: (p: PathStmt) => void): DirectiveError | undefined {
  if (c.args.length !== 1) {
    const usage = c.verb === 'use' ? `usage: ${c.verb} local/dir` : `${c.verb} directive expects exactly one argument`;
    return err(usage, c.line, `write \`${c.verb} ${c.verb === 'use' ? './dir' : 'example.com/path'}\``);
  }
  const s = parseStringArg(c.args[0]);
  if (!s.ok) return s.error;
  add({ line: c.line, block: c.block, path: s.value, pathToken: c.args[0] });
  return undefined;
}

export type { Ctx as DirectiveContext };
