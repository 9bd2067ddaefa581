/**
 * Argument rules shared by go.mod and go.work directives (semantics §1.4–1.8): strings, versions,
 * `replace` arguments, retract intervals and the comments that carry meaning. Each rule returns
 * its value or a DirectiveError naming the token to blame, and records on tokens the text Go's
 * parser rewrites them to (unquoted paths, canonical versions), which the printer uses.
 */
import { canonicalVersion, checkPathMajor, isDirectoryPath, splitPathVersion } from '../module/modulePath';
import { goQuote, goUnquote, isGoPrint } from '../module/goString';
import { Comment, Comments, LineBlock, Line, Span, Token, tokenText } from './ast';
import { goFields, trimGoSpace } from './text';

/** DirectiveError is a rule error before it gets its position: Go's text and what to underline. */
export interface DirectiveError {
  message: string;
  span?: Span;
  hint?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DirectiveError };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(message: string, span?: Span, hint?: string): Result<T> => ({ ok: false, error: { message, span, hint } });

/** mustQuote is modfile.MustQuote: whether s needs quotes to be one token (hot: one call per argument). */
export function mustQuote(s: string): boolean {
  if (s === '') return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x60 || c === 0x7f) return true;
      if (c === 0x2f && (s.charCodeAt(i + 1) === 0x2f || s.charCodeAt(i + 1) === 0x2a)) return true; // `//` or `/*`
      if ((c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2c) && s.length > 1) return true;
      continue;
    }
    const cp = s.codePointAt(i) ?? c;
    if (cp > 0xffff) i++;
    else if (cp >= 0xd800 && cp <= 0xdfff) continue; // a lone surrogate: Go sees U+FFFD, which is printable
    if (!isGoPrint(cp)) return true;
  }
  return false;
}

/** autoQuote is modfile.AutoQuote: s, or its Go quotation when it must be quoted. */
export function autoQuote(s: string): string {
  return mustQuote(s) ? goQuote(s) : s;
}

function setNorm(t: Token, text: string): void {
  if (text !== t.text) t.norm = text;
  else delete t.norm;
}

/**
 * parseStringArg is modfile's parseString: a `"…"` token is unquoted; any other token holding a
 * quote is rejected (this includes backquoted strings). The token is rewritten to autoQuote(value).
 */
export function parseStringArg(t: Token): Result<string> {
  const raw = tokenText(t);
  let value = raw;
  if (raw.startsWith('"')) {
    const u = goUnquote(raw);
    if ('error' in u) return fail(`invalid quoted string: ${u.error}`, t, 'fix the escape sequences or write the value without quotes');
    value = u.value;
  } else if (/["'`]/.test(raw)) {
    return fail('invalid quoted string: unquoted string cannot contain quote', t, 'use "double quotes" around the whole value, or no quotes');
  }
  setNorm(t, autoQuote(value));
  return ok(value);
}

/** verbPrefix is how modfile.Error names a directive: `verb path: ` or `verb: `. */
export function verbPrefix(verb: string, path: string): string {
  return path !== '' ? `${verb} ${path}: ` : `${verb}: `;
}

/**
 * parseVersionArg is modfile's parseVersion without a fixer (what `go mod edit` and dependency
 * go.mod files use): the version is canonicalised (`v1.2` → `v1.2.0`, build metadata dropped
 * except `+incompatible`) and is an error only when it has no canonical form.
 */
export function parseVersionArg(verb: string, path: string, t: Token): Result<string> {
  const s = parseStringArg(t);
  if (!s.ok) {
    const inner = s.error.message.replace(/^invalid quoted string: /, '');
    return fail(`${verbPrefix(verb, path)}version ${goQuote(t.text)} invalid: ${inner}`, t);
  }
  const cv = canonicalVersion(s.value);
  if (cv === '') {
    return fail(`${verbPrefix(verb, path)}version ${goQuote(s.value)} invalid: must be of the form v1.2.3`, t,
      'module versions are semantic versions with a leading v, such as v1.2.3 or a pseudo-version');
  }
  setNorm(t, cv);
  return ok(cv);
}

/** parseRawVersionArg is parseVersion with modfile's identity fixer (used for retract bounds). */
function parseRawVersionArg(verb: string, t: Token): Result<string> {
  const s = parseStringArg(t);
  if (!s.ok) {
    const inner = s.error.message.replace(/^invalid quoted string: /, '');
    return fail(`${verbPrefix(verb, '')}version ${goQuote(t.text)} invalid: ${inner}`, t);
  }
  setNorm(t, s.value);
  return ok(s.value);
}

/** modulePathMajor splits the major-version suffix off a path, failing as modfile does. */
export function modulePathMajor(path: string, t: Span): Result<string> {
  const r = splitPathVersion(path);
  if (!r.ok) return fail('invalid module path', t, 'a /vN suffix must be /v2 or higher, without leading zeros or dots');
  return ok(r.pathMajor);
}

/** checkMajor runs CheckPathMajor and formats its error as modfile's wrapModPathError does. */
export function checkMajor(verb: string, path: string, version: string, pathMajor: string, t: Span): Result<void> {
  const err = checkPathMajor(version, pathMajor);
  if (!err) return ok(undefined);
  const hint = pathMajor === ''
    ? `a module path without a /vN suffix takes v0 or v1 versions (or +incompatible); use ${path}/${majorOf(version)} if that module has a go.mod`
    : `the path ends in ${pathMajor}, so its versions must start with ${pathMajor.replace(/^[./]/, '').replace(/-unstable$/, '')}`;
  return fail(`${verbPrefix(verb, path)}${err.toString()}`, t, hint);
}

function majorOf(v: string): string {
  const m = /^v(\d+)/.exec(v);
  return m ? `v${m[1]}` : 'vN';
}

export interface ReplaceArgs {
  oldPath: string;
  oldVersion: string;
  newPath: string;
  newVersion: string;
  arrow: number;
}

const replaceUsage = (verb: string): string =>
  `usage: ${verb} module/path [v1.2.3] => other/module v1.4\n\t or ${verb} module/path [v1.2.3] => ../local/directory`;

/** parseReplaceArgs is modfile's parseReplace over the tokens after the verb. */
export function parseReplaceArgs(verb: string, args: Token[], line: Span): Result<ReplaceArgs> {
  const arrow = args.length >= 2 && args[1].text === '=>' ? 1 : 2;
  if (args.length < arrow + 2 || args.length > arrow + 3 || args[arrow].text !== '=>') {
    return fail(replaceUsage(verb), line, 'write `old/path [version] => new/path version` or `old/path [version] => ./dir`');
  }
  const oldPath = parseStringArg(args[0]);
  if (!oldPath.ok) return oldPath;
  const major = modulePathMajor(oldPath.value, args[0]);
  if (!major.ok) return fail(`${verbPrefix(verb, oldPath.value)}${major.error.message}`, args[0], major.error.hint);
  let oldVersion = '';
  if (arrow === 2) {
    const v = parseVersionArg(verb, oldPath.value, args[1]);
    if (!v.ok) return v;
    const c = checkMajor(verb, oldPath.value, v.value, major.value, args[1]);
    if (!c.ok) return c;
    oldVersion = v.value;
  }
  const target = args[arrow + 1];
  const ns = parseStringArg(target);
  if (!ns.ok) return ns;
  if (args.length === arrow + 2) {
    const e = checkDirectoryTarget(ns.value, target);
    if (e) return { ok: false, error: e };
    return ok({ oldPath: oldPath.value, oldVersion, newPath: ns.value, newVersion: '', arrow });
  }
  const nv = parseVersionArg(verb, ns.value, args[arrow + 2]);
  if (!nv.ok) return nv;
  if (isDirectoryPath(ns.value)) {
    return fail(`replacement module directory path ${goQuote(ns.value)} cannot have version`, args[arrow + 2], 'drop the version: a directory replacement uses whatever is in the directory');
  }
  return ok({ oldPath: oldPath.value, oldVersion, newPath: ns.value, newVersion: nv.value, arrow });
}

function checkDirectoryTarget(ns: string, t: Token): DirectiveError | undefined {
  if (!isDirectoryPath(ns)) {
    if (ns.includes('@')) {
      return { message: "replacement module must match format 'path version', not 'path@version'", span: t, hint: 'separate the path and the version with a space' };
    }
    return {
      message: 'replacement module without version must be directory path (rooted or starting with . or ..)', span: t,
      hint: 'add a version (`=> other/module v1.2.3`) or write a directory as ./dir or ../dir',
    };
  }
  if (ns.includes('\\')) {
    return { message: 'replacement directory appears to be Windows path (on a non-windows system)', span: t, hint: 'use / as the path separator' };
  }
  return undefined;
}

export interface Interval {
  low: string;
  high: string;
  /** how many argument tokens the interval used */
  used: number;
}

/** parseVersionInterval is modfile's parseVersionInterval with the identity fixer used at parse time. */
export function parseVersionInterval(verb: string, args: Token[], line: Span): Result<Interval> {
  const at = (i: number): Span => args[i] ?? { start: line.end, end: line.end };
  if (args.length === 0 || args[0].text === '(') return fail("expected '[' or version", at(0));
  if (args[0].text !== '[') {
    const v = parseRawVersionArg(verb, args[0]);
    return v.ok ? ok({ low: v.value, high: v.value, used: 1 }) : v;
  }
  if (args.length < 2) return fail("expected version after '['", at(1));
  const low = parseRawVersionArg(verb, args[1]);
  if (!low.ok) return low;
  if (args.length < 3 || args[2].text !== ',') return fail("expected ',' after version", at(2));
  if (args.length < 4) return fail("expected version after ','", at(3));
  const high = parseRawVersionArg(verb, args[3]);
  if (!high.ok) return high;
  if (args.length < 5 || args[4].text !== ']') return fail("expected ']' after version", at(4));
  return ok({ low: low.value, high: high.value, used: 5 });
}

/**
 * directiveComment is modfile's parseDirectiveComment: the text of a line's comments (before, then
 * suffix), or of its block's when the line has none; `//` stripped and each line trimmed.
 */
export function directiveComment(block: LineBlock | undefined, line: Line): string {
  let c: Comments = line.comments;
  if (block && c.before.length === 0 && c.suffix.length === 0) c = block.comments;
  const lines: string[] = [];
  for (const com of [...c.before, ...c.suffix]) {
    if (!com.text.startsWith('//')) continue; // a blank-line placeholder
    lines.push(trimGoSpace(com.text.slice(2)));
  }
  return lines.join('\n');
}

const deprecatedRE = /(?:^|\n\n)Deprecated: *([\s\S]*?)(?:$|\n\n)/;

/** deprecation extracts a module's deprecation message: the first paragraph starting `Deprecated:`. */
export function deprecation(block: LineBlock | undefined, line: Line): string {
  const m = deprecatedRE.exec(directiveComment(block, line));
  return m ? m[1] : '';
}

/** isIndirect is modfile's isIndirect: the first suffix comment is `// indirect` or `// indirect; …`. */
export function isIndirect(line: Line): boolean {
  const first: Comment | undefined = line.comments.suffix[0];
  if (!first) return false;
  const f = goFields(first.text.startsWith('//') ? first.text.slice(2) : first.text);
  return (f.length === 1 && f[0] === 'indirect') || (f.length > 1 && f[0] === 'indirect;');
}
