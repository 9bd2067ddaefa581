/**
 * The JSON views of go.mod and go.work that `go mod edit -json` and `go work edit -json` print,
 * with Go's encoding/json layout (MarshalIndent with a tab, HTML-safe escapes, `null` for empty
 * lists) and the same field names, order and omissions.
 *
 * The fields depend on the go command's release (cmd/go/internal/modcmd's fileJSON): Toolchain from
 * Go 1.21 (omitted when empty), Tool from 1.24 and Ignore from 1.25 (always, `null` when empty),
 * GoDebug from 1.26 (omitted when empty). `go work edit -json` has printed Go, Use and Replace only in
 * every release.
 */
import { compareGoVersion } from '../module/goVersion';
import { ModFile, ModVersion } from './modfile';
import { WorkFile } from './workfile';

/** JsonValue is the subset of values Go's encoder produces here; `undefined` fields are omitted. */
export type JsonValue = string | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

/**
 * modFileJson is the object `go mod edit -json` of go command release `go` (e.g. '1.26') prints for
 * a parsed (and canonicalised) go.mod.
 */
export function modFileJson(f: ModFile, go: string): JsonValue {
  const from = (release: string): boolean => compareGoVersion(go, release) >= 0;
  return {
    Module: { Path: f.module?.path ?? '', Deprecated: omitEmpty(f.module?.deprecated) },
    Go: omitEmpty(f.go?.version),
    Toolchain: from('1.21') ? omitEmpty(f.toolchain?.name) : undefined,
    GoDebug: from('1.26') ? omitEmptyList(f.godebug.map((g) => ({ Key: g.key, Value: g.value }))) : undefined,
    Require: nullIfEmpty(f.require.map((r) => ({ Path: r.mod.path, Version: omitEmpty(r.mod.version), Indirect: r.indirect ? true : undefined }))),
    Exclude: nullIfEmpty(dedupe(f.exclude, (x) => key(x.mod), 'first').map((x) => modVersion(x.mod))),
    Replace: nullIfEmpty(dedupe(f.replace, (x) => key(x.old), 'last').map((r) => ({ Old: modVersion(r.old), New: modVersion(r.new) }))),
    Retract: nullIfEmpty(f.retract.map((r) => ({ Low: omitEmpty(r.low), High: omitEmpty(r.high), Rationale: omitEmpty(r.rationale) }))),
    Tool: from('1.24') ? nullIfEmpty(dedupe(f.tool, (t) => t.path, 'first').map((t) => ({ Path: t.path }))) : undefined,
    Ignore: from('1.25') ? nullIfEmpty(dedupe(f.ignore, (t) => t.path, 'first').map((t) => ({ Path: t.path }))) : undefined,
  };
}

/** workFileJson is the object `go work edit -json` prints (the same in every release). */
export function workFileJson(f: WorkFile): JsonValue {
  return {
    Go: omitEmpty(f.go?.version),
    Use: nullIfEmpty(f.use.map((u) => ({ DiskPath: u.path }))),
    Replace: nullIfEmpty(dedupe(f.replace, (x) => key(x.old), 'last').map((r) => ({ Old: modVersion(r.old), New: modVersion(r.new) }))),
  };
}

const key = (m: ModVersion): string => `${m.path}@${m.version}`;

/** dedupe mirrors modfile's removeDups, which `go mod edit` runs before printing. */
function dedupe<T>(list: T[], k: (x: T) => string, wins: 'first' | 'last'): T[] {
  const seen = new Set<string>();
  const ordered = wins === 'first' ? list : [...list].reverse();
  const kept = new Set<T>();
  for (const x of ordered) {
    const id = k(x);
    if (!seen.has(id)) kept.add(x);
    seen.add(id);
  }
  return list.filter((x) => kept.has(x));
}

function modVersion(m: ModVersion): JsonValue {
  return { Path: m.path, Version: omitEmpty(m.version) };
}

function omitEmpty(s: string | undefined): string | undefined {
  return s === undefined || s === '' ? undefined : s;
}

function nullIfEmpty(list: JsonValue[]): JsonValue {
  return list.length === 0 ? null : list;
}

function omitEmptyList(list: JsonValue[]): JsonValue | undefined {
  return list.length === 0 ? undefined : list;
}

/**
 * goMarshalIndent is json.MarshalIndent(v, "", "\t") followed by the newline `go … -json` adds.
 * `legacy` escapes U+0008 and U+000C as \u0008 and \u000c, as encoding/json did before Go 1.22.
 */
export function goMarshalIndent(v: JsonValue, legacy = false): string {
  const out: string[] = [];
  write(out, v, '', legacy ? goJsonStringLegacy : goJsonString);
  return out.join('') + '\n';
}

type Quote = (s: string) => string;

function write(out: string[], v: JsonValue, indent: string, quote: Quote): void {
  if (v === null) {
    out.push('null');
  } else if (typeof v === 'string') {
    out.push(quote(v));
  } else if (typeof v === 'boolean') {
    out.push(v ? 'true' : 'false');
  } else if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push('[]');
      return;
    }
    const inner = indent + '\t';
    out.push('[');
    v.forEach((x, i) => {
      out.push(i === 0 ? '\n' : ',\n', inner);
      write(out, x, inner, quote);
    });
    out.push('\n', indent, ']');
  } else {
    const entries = Object.entries(v).filter((e): e is [string, JsonValue] => e[1] !== undefined);
    if (entries.length === 0) {
      out.push('{}');
      return;
    }
    const inner = indent + '\t';
    out.push('{');
    entries.forEach(([k, x], i) => {
      out.push(i === 0 ? '\n' : ',\n', inner, quote(k), ': ');
      write(out, x, inner, quote);
    });
    out.push('\n', indent, '}');
  }
}

const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function goJsonStringLegacy(s: string): string {
  return goJsonString(s).replace(/\\([\\bf])/g, (m, c: string) => (c === 'b' ? '\\u0008' : c === 'f' ? '\\u000c' : m));
}

/** goJsonString quotes a string as encoding/json does, HTML-safe (`<`, `>`, `&`, U+2028/9 escaped). */
export function goJsonString(s: string): string {
  // eslint-disable-next-line no-control-regex
  return '"' + s.replace(/["\\\u0000-\u001f<>&\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => {
    if (named[c]) return named[c];
    if (c.length === 1 && c >= '\ud800' && c <= '\udfff') return '\\ufffd';
    return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
  }) + '"';
}
