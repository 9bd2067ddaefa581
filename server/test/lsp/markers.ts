/**
 * Inline expectations of the tier-2 fixture tests (design.md "Tests, in three tiers").
 *
 * A marker is `@name(args)` inside a `//` comment that starts with `//@`; several may follow one
 * another (`//@diag(code="x") @hint("→ v1.3.0")`). A marker in an end-of-line comment applies to
 * its own line; one in a comment alone on its line applies to the next line that is neither blank
 * nor only a comment. Args are positional JSON strings and `key=JSONvalue` pairs (string, number,
 * boolean); a key may repeat. Files that cannot hold comments (go.sum) take their markers from the
 * fixture's markers.txt: `relative/path:LINE @diag(...)` with a 1-based LINE, `#` comments.
 *
 * Everything here is pure text processing; a malformed or unknown marker is an error, never
 * ignored, so that a typo cannot silently turn a check off.
 */

export type MarkerValue = string | number | boolean;

/** RawMarker is one parsed `@name(args)`. */
export interface RawMarker {
  name: string;
  positional: MarkerValue[];
  named: Array<[string, MarkerValue]>;
  /** the marker's own text, for messages */
  source: string;
}

/** Where names a 0-based line of a file; file is the path the caller gave (shown in messages). */
export interface Where {
  file: string;
  line: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface DiagExpect { where: Where; source: string; code: string; severity?: Severity; msgs: string[]; at?: Span }
export interface HintExpect { where: Where; source: string; label: string; tooltip?: string }
export interface NoHintExpect { where: Where; source: string }
export interface HoverExpect { where: Where; source: string; at: string; character: number; contains: string[]; not: string[] }
/** FixExpect: file is relative to the marked file's directory, golden relative to the fixture root. */
export interface FixExpect { where: Where; source: string; code: string; title: string; file: string; golden: string }

/** Span is a range of UTF-16 code units on one line. */
export interface Span {
  start: number;
  end: number;
}

/** Expectations collects every expectation of a fixture (or of one file). */
export interface Expectations {
  diags: DiagExpect[];
  hints: HintExpect[];
  nohints: NoHintExpect[];
  hovers: HoverExpect[];
  fixes: FixExpect[];
}

export function emptyExpectations(): Expectations {
  return { diags: [], hints: [], nohints: [], hovers: [], fixes: [] };
}

export function mergeExpectations(a: Expectations, b: Expectations): Expectations {
  return {
    diags: [...a.diags, ...b.diags], hints: [...a.hints, ...b.hints], nohints: [...a.nohints, ...b.nohints],
    hovers: [...a.hovers, ...b.hovers], fixes: [...a.fixes, ...b.fixes],
  };
}

export function countExpectations(e: Expectations): number {
  return e.diags.length + e.hints.length + e.nohints.length + e.hovers.length + e.fixes.length;
}

/** MarkerError is a malformed marker; the message names file:line. */
export class MarkerError extends Error {}

/** splitLines splits text into lines as LSP counts them (\n, \r\n or \r end a line). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** commentStart is the offset of the first `//` outside a "…" or `…` string on line, or -1. */
export function commentStart(line: string): number {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === '`') {
      quote = c;
    } else if (c === '/' && line[i + 1] === '/') {
      return i;
    }
  }
  return -1;
}

/** parseFileMarkers finds every marker of a go.mod, go.work or .go file and resolves its line. */
export function parseFileMarkers(file: string, text: string): Expectations {
  const lines = splitLines(text);
  const out = emptyExpectations();
  lines.forEach((line, i) => {
    const m = markerCommentStart(line);
    if (m < 0) return;
    const alone = line.slice(0, commentStart(line)).trim() === '';
    const target = alone ? nextCodeLine(lines, i) : i;
    if (target < 0) throw new MarkerError(`${file}:${i + 1}: marker comment is followed by no code line`);
    const markers = parseMarkerList(line.slice(m + 2), `${file}:${i + 1}`);
    for (const raw of markers) addMarker(out, raw, { file, line: target }, lines[target]);
  });
  return out;
}

/** nextCodeLine is the first line after i that is neither blank nor only a comment, or -1. */
function nextCodeLine(lines: string[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) {
    const t = lines[j].trim();
    if (t !== '' && !t.startsWith('//')) return j;
  }
  return -1;
}

/** MarkersTxtEntry is one line of markers.txt: the file (as written) and 0-based line. */
export interface MarkersTxtEntry {
  file: string;
  line: number;
  markers: RawMarker[];
  /** where the entry is written, for messages */
  origin: string;
}

/** parseMarkersTxt reads markers.txt; the caller resolves the files and calls addMarker. */
export function parseMarkersTxt(text: string, name = 'markers.txt'): MarkersTxtEntry[] {
  const out: MarkersTxtEntry[] = [];
  splitLines(text).forEach((line, i) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    const origin = `${name}:${i + 1}`;
    const m = /^(\S+):(\d+)\s+(@.*)$/.exec(t);
    if (!m) throw new MarkerError(`${origin}: want "relative/path:LINE @marker(...)", got ${JSON.stringify(t)}`);
    const lineNo = Number(m[2]);
    if (lineNo < 1) throw new MarkerError(`${origin}: LINE is 1-based`);
    out.push({ file: m[1], line: lineNo - 1, markers: parseMarkerList(m[3], origin), origin });
  });
  return out;
}

/** parseMarkerList parses `@a(...) @b(...)`; text starts at the first `@`. */
export function parseMarkerList(text: string, origin: string): RawMarker[] {
  const p = new MarkerParser(text, origin);
  const out: RawMarker[] = [];
  p.skipSpace();
  while (!p.done()) {
    out.push(p.marker());
    p.skipSpace();
  }
  if (out.length === 0) throw new MarkerError(`${origin}: empty marker comment`);
  return out;
}

/** MarkerParser is a small recursive-descent reader over one marker comment. */
class MarkerParser {
  private pos = 0;
  constructor(private readonly text: string, private readonly origin: string) {}

  done(): boolean {
    return this.pos >= this.text.length;
  }

  skipSpace(): void {
    while (!this.done() && /\s/.test(this.text[this.pos])) this.pos++;
  }

  fail(want: string): never {
    const rest = this.text.slice(this.pos, this.pos + 20);
    throw new MarkerError(`${this.origin}: marker syntax: want ${want} at ${JSON.stringify(rest)} in ${JSON.stringify(this.text)}`);
  }

  marker(): RawMarker {
    const start = this.pos;
    if (this.text[this.pos] !== '@') this.fail('"@name(...)"');
    this.pos++;
    const name = this.ident();
    const m: RawMarker = { name, positional: [], named: [], source: '' };
    this.skipSpace();
    if (this.text[this.pos] === '(') {
      this.pos++;
      this.args(m);
    }
    m.source = this.text.slice(start, this.pos);
    return m;
  }

  private ident(): string {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (!m) this.fail('an identifier');
    this.pos += m[0].length;
    return m[0];
  }

  private args(m: RawMarker): void {
    this.skipSpace();
    if (this.text[this.pos] === ')') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === '"') {
        m.positional.push(this.string());
      } else {
        const key = this.ident();
        this.skipSpace();
        if (this.text[this.pos] !== '=') this.fail('"=" after a key');
        this.pos++;
        this.skipSpace();
        m.named.push([key, this.value()]);
      }
      this.skipSpace();
      const c = this.text[this.pos++];
      if (c === ')') return;
      if (c !== ',') this.fail('"," or ")"');
    }
  }

  private value(): MarkerValue {
    if (this.text[this.pos] === '"') return this.string();
    const m = /^(true|false|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)(?![\w.])/.exec(this.text.slice(this.pos));
    if (!m) this.fail('a JSON string, number or boolean');
    this.pos += m[0].length;
    return JSON.parse(m[0]) as MarkerValue;
  }

  private string(): string {
    const start = this.pos;
    for (let i = this.pos + 1; i < this.text.length; i++) {
      if (this.text[i] === '\\') i++;
      else if (this.text[i] === '"') {
        this.pos = i + 1;
        try {
          return JSON.parse(this.text.slice(start, this.pos)) as string;
        } catch {
          this.pos = start;
          this.fail('a valid JSON string');
        }
      }
    }
    return this.fail('a closing quote');
  }
}

/** addMarker validates one raw marker and adds its expectation; lineText is the target line. */
export function addMarker(out: Expectations, raw: RawMarker, where: Where, lineText: string | undefined): void {
  const ctx = `${where.file}:${where.line + 1}: ${raw.source}`;
  if (lineText === undefined) throw new MarkerError(`${ctx}: the file has no line ${where.line + 1}`);
  const a = new MarkerArgs(raw, ctx);
  switch (raw.name) {
    case 'diag': {
      a.check(0, ['code', 'severity', 'msg', 'at']);
      const severity = a.optional('severity');
      if (severity !== undefined && !['error', 'warning', 'information', 'hint'].includes(severity)) {
        throw new MarkerError(`${ctx}: severity must be error, warning, information or hint`);
      }
      const at = a.optional('at');
      out.diags.push({
        where, source: raw.source, code: a.required('code'), severity: severity as Severity | undefined,
        msgs: a.all('msg'), at: at === undefined ? undefined : spanOf(lineText, at, ctx),
      });
      return;
    }
    case 'hint': {
      a.check(1, ['tooltip']);
      out.hints.push({ where, source: raw.source, label: a.positional(0), tooltip: a.optional('tooltip') });
      return;
    }
    case 'nohint':
      a.check(0, []);
      out.nohints.push({ where, source: raw.source });
      return;
    case 'hover': {
      a.check(0, ['at', 'contains', 'not']);
      const at = a.required('at');
      const span = spanOf(lineText, at, ctx);
      out.hovers.push({
        where, source: raw.source, at, character: span.start + Math.floor(at.length / 2),
        contains: a.all('contains'), not: a.all('not'),
      });
      return;
    }
    case 'fix': {
      a.check(0, ['code', 'title', 'file', 'golden']);
      const own = where.file.split(/[\\/]/).pop() as string;
      out.fixes.push({
        where, source: raw.source, code: a.required('code'), title: a.required('title'),
        file: a.optional('file') ?? own, golden: a.required('golden'),
      });
      return;
    }
    default:
      throw new MarkerError(`${ctx}: unknown marker @${raw.name} (want diag, hint, nohint, hover or fix)`);
  }
}

/** markerCommentStart is where the line's marker comment (`//@`) starts, or -1. */
export function markerCommentStart(line: string): number {
  const c = commentStart(line);
  return c < 0 ? -1 : line.indexOf('//@', c);
}

/** spanOf is the first occurrence of at on the line before its markers; an absent one is a fixture error. */
function spanOf(lineText: string, at: string, ctx: string): Span {
  const m = markerCommentStart(lineText);
  const i = (m < 0 ? lineText : lineText.slice(0, m)).indexOf(at);
  if (at === '' || i < 0) throw new MarkerError(`${ctx}: at=${JSON.stringify(at)} does not occur on the line ${JSON.stringify(lineText)}`);
  return { start: i, end: i + at.length };
}

/** MarkerArgs gives typed access to a marker's arguments and rejects unknown or ill-typed ones. */
class MarkerArgs {
  constructor(private readonly raw: RawMarker, private readonly ctx: string) {}

  check(positional: number, keys: string[]): void {
    if (this.raw.positional.length !== positional) {
      throw new MarkerError(`${this.ctx}: @${this.raw.name} takes ${positional} positional argument(s), got ${this.raw.positional.length}`);
    }
    for (const [k, v] of this.raw.named) {
      if (!keys.includes(k)) throw new MarkerError(`${this.ctx}: @${this.raw.name} has no argument ${k} (want ${keys.join(', ') || 'none'})`);
      if (typeof v !== 'string') throw new MarkerError(`${this.ctx}: ${k} must be a string`);
    }
  }

  positional(i: number): string {
    const v = this.raw.positional[i];
    if (typeof v !== 'string') throw new MarkerError(`${this.ctx}: positional argument ${i + 1} must be a string`);
    return v;
  }

  all(key: string): string[] {
    return this.raw.named.filter(([k]) => k === key).map(([, v]) => String(v));
  }

  optional(key: string): string | undefined {
    const vs = this.all(key);
    if (vs.length > 1) throw new MarkerError(`${this.ctx}: ${key} given ${vs.length} times`);
    return vs[0];
  }

  required(key: string): string {
    const v = this.optional(key);
    if (v === undefined) throw new MarkerError(`${this.ctx}: @${this.raw.name} needs ${key}=`);
    return v;
  }
}
