/**
 * go.sum (semantics §5.1): lines of `path version[/go.mod] hash`. Go itself only insists on three
 * fields per non-blank line (anything else makes the whole file unreadable: `malformed go.sum`);
 * the other checks here are warnings for things Go accepts silently but that can never verify.
 */
import { isValid as isValidSemver } from '../module/semver';
import { Span } from './ast';
import { ParseError } from './parser';
import { GO_SPACE } from './text';

export interface SumField extends Span {
  text: string;
}

export interface SumLine extends Span {
  /** 1-based line number, as Go counts it */
  lineNumber: number;
  path: SumField;
  version: SumField;
  hash: SumField;
  /** true for `version/go.mod` lines (the hash of the go.mod file only) */
  goMod: boolean;
  /** the version without `/go.mod` */
  moduleVersion: string;
}

export interface SumFile {
  lines: SumLine[];
  errors: ParseError[];
}

/** emptyGoModHash is the hash of an empty go.mod, written by an old Go bug; Go drops such lines. */
export const emptyGoModHash = 'h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=';

const fieldRE = new RegExp(`[^${GO_SPACE}]+`, 'g');

/** parseSumFile parses go.sum text; `name` is used in Go-style messages. */
export function parseSumFile(text: string, name = 'go.sum'): SumFile {
  const out: SumFile = { lines: [], errors: [] };
  let lineNumber = 0;
  for (let start = 0; start < text.length;) {
    lineNumber++;
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    parseSumLine(text, start, end, lineNumber, name, out);
    start = end + 1;
  }
  return out;
}

function parseSumLine(text: string, start: number, end: number, lineNumber: number, name: string, out: SumFile): void {
  const fields: SumField[] = [];
  fieldRE.lastIndex = start;
  for (let m = fieldRE.exec(text); m && m.index < end; m = fieldRE.exec(text)) {
    const fEnd = Math.min(m.index + m[0].length, end);
    fields.push({ start: m.index, end: fEnd, text: text.slice(m.index, fEnd) });
    if (fEnd === end) break;
  }
  if (fields.length === 0) return;
  const span = { start: fields[0].start, end: fields[fields.length - 1].end };
  if (fields.length !== 3) {
    out.errors.push({
      message: `malformed go.sum:\n${name}:${lineNumber}: wrong number of fields ${fields.length}`, phase: 'syntax',
      pos: start, ...span, hint: 'each line is `module/path version[/go.mod] h1:hash`; `go mod tidy` removes malformed lines',
    });
    return;
  }
  const [path, version, hash] = fields;
  const goMod = version.text.endsWith('/go.mod');
  const moduleVersion = goMod ? version.text.slice(0, -'/go.mod'.length) : version.text;
  if (hash.text === emptyGoModHash) return; // dropped by Go (historic bug), never checked
  out.lines.push({ start: span.start, end: span.end, lineNumber, path, version, hash, goMod, moduleVersion });
  const warn = (f: SumField, message: string, hint: string): void => {
    out.errors.push({ message, phase: 'rule', pos: f.start, start: f.start, end: f.end, hint, severity: 'warning' });
  };
  if (!isValidSemver(moduleVersion)) warn(version, `invalid version ${JSON.stringify(moduleVersion)} in go.sum`, 'versions are semantic versions with a leading v');
  const h = checkHash(hash.text);
  if (h) warn(hash, h, 'run `go mod tidy` or `go mod download` to rewrite go.sum');
}

/** checkHash explains why a hash can never match: unknown algorithm or a payload that is not a SHA-256. */
function checkHash(hash: string): string | undefined {
  const colon = hash.indexOf(':');
  if (colon < 0) return `malformed hash ${JSON.stringify(hash)}: expected h1:<base64>`;
  const alg = hash.slice(0, colon);
  if (alg !== 'h1') return `unknown hash algorithm ${JSON.stringify(alg)}: Go only defines h1`;
  const payload = hash.slice(colon + 1);
  if (!/^[A-Za-z0-9+/]{43}=$/.test(payload)) return `malformed h1 hash: expected 44 characters of base64 (a SHA-256), got ${JSON.stringify(payload)}`;
  return undefined;
}
