/**
 * Rules that need only one file: parse errors (`syntax`, `major-version`, `sum-malformed`) and the
 * decoding of pseudo-versions (`pseudo-version`, `pseudo-version-invalid`).
 */
import { decodePseudoVersion, isPseudoVersion } from '../module/pseudo';
import { Token } from '../syntax/ast';
import { ModFile } from '../syntax/modfile';
import { ParseError } from '../syntax/parser';
import { WorkFile } from '../syntax/workfile';
import { PseudoVerdict, RuleMemo } from './memo';
import { Finding } from './findings';
import { ModDoc, SumDoc, WorkDoc } from './view';

const majorRE = /invalid: should be (v0 or v1|v\d+|\.v\d+), not (v\d+|\.v\d+)/;

/**
 * unreadableFindings: a file that is there but could not be read (too large, a named pipe, no
 * permission) gets one `file-unreadable` error on line 1, saying why.
 */
export function unreadableFindings(doc: ModDoc | WorkDoc | SumDoc): Finding[] {
  return doc.unreadable === undefined ? [] : [{ code: 'file-unreadable', file: doc.file, start: 0, end: 0, message: doc.unreadable }];
}

/** parseFindings turns parse errors into `syntax` findings (`major-version` for path/version disagreements). */
export function parseFindings(doc: ModDoc | WorkDoc): Finding[] {
  const f = 'mod' in doc ? doc.mod : doc.work;
  return f.errors.map((e) => parseErrorFinding(doc.file, doc.text, e));
}

function parseErrorFinding(file: string, text: string, e: ParseError): Finding {
  const major = majorRE.exec(e.message);
  const message = e.hint ? `${e.message}\n(${e.hint})` : e.message;
  const related = e.related ? [{ file, start: e.related.start, end: e.related.end, message: e.related.message }] : undefined;
  const finding: Finding = {
    code: major ? 'major-version' : 'syntax', file, start: e.start, end: Math.max(e.end, e.start), message, related,
    severity: e.severity === 'warning' ? 'warning' : undefined,
  };
  if (major) finding.fixes = majorFixes(file, text, e);
  return finding;
}

/**
 * majorFixes: `require example.com/m v2.0.0` has two honest repairs: the module has no go.mod at v2
 * (`v2.0.0+incompatible`) or it is the `/v2` module. Offered only for a plain path (no /vN yet).
 */
function majorFixes(file: string, text: string, e: ParseError): Finding['fixes'] {
  const lineStart = text.lastIndexOf('\n', e.start - 1) + 1;
  const lineEnd = text.indexOf('\n', e.start);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const m = /(^|\s)(require\s+)?("?)([^\s"]+)\3\s+("?)(v(\d+)\.\d+\.\d+[^\s"]*)\5/.exec(line);
  if (!m || Number(m[7]) < 2 || /\/v\d+$/.test(m[4]) || m[6].endsWith('+incompatible')) return undefined;
  const versionStart = lineStart + line.indexOf(m[6], m.index + m[0].indexOf(m[4]) + m[4].length);
  const pathStart = lineStart + m.index + m[0].indexOf(m[4]);
  const path = m[4];
  const version = m[6];
  const major = `v${m[7]}`;
  return [
    { title: `Use ${version}+incompatible (${path} has no go.mod at ${major})`, data: { kind: 'replace-text', target: file, start: versionStart, end: versionStart + version.length, old: version, text: `${version}+incompatible`, title: '' } },
    { title: `Require the ${major} module: ${path}/${major}`, data: { kind: 'replace-text', target: file, start: pathStart, end: pathStart + path.length, old: path, text: `${path}/${major}`, title: '' } },
  ];
}

/** sumFindings reports malformed go.sum lines. */
export function sumFindings(doc: SumDoc): Finding[] {
  return doc.sum.errors.map((e) => ({
    code: 'sum-malformed', file: doc.file, start: e.start, end: e.end, message: e.hint ? `${e.message}\n(${e.hint})` : e.message,
    severity: e.severity === 'warning' ? 'warning' : undefined,
  }));
}

/** versionTokens lists every version token of a go.mod or go.work with the module path it belongs to. */
export function versionTokens(f: ModFile | WorkFile): { path: string; version: string; token: Token }[] {
  const out: { path: string; version: string; token: Token }[] = [];
  if ('require' in f) {
    for (const r of f.require) out.push({ path: r.mod.path, version: r.mod.version, token: r.versionToken });
    for (const x of f.exclude) out.push({ path: x.mod.path, version: x.mod.version, token: x.versionToken });
  }
  for (const r of f.replace) {
    if (r.oldVersionToken) out.push({ path: r.old.path, version: r.old.version, token: r.oldVersionToken });
    if (r.newVersionToken) out.push({ path: r.new.path, version: r.new.version, token: r.newVersionToken });
  }
  return out;
}

/**
 * looksPseudo: a version the go command takes for a pseudo-version (module.IsPseudoVersion), valid or
 * not. A semver that only resembles one — traefik requires github.com/ultradns/ultradns-go-sdk
 * v1.6.1-20231103022937-8589b6a, a tag — is a tag for go, which fetches it like any other.
 */
export function looksPseudo(v: string): boolean {
  return isPseudoVersion(v);
}

/** pseudoDecoded: the decoded meaning of a valid pseudo-version, in the exact form the issue names, and its commit date (yyyy-mm-dd). */
export function pseudoDecoded(v: string): { message: string; date: string } | undefined {
  const d = decodePseudoVersion(v);
  if (!d.ok) return undefined;
  const when = d.time.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const base = d.base === '' ? '' : `, after ${d.base}`;
  return { message: `pseudo-version: commit ${d.rev} from ${when}${base}`, date: when.slice(0, 10) };
}

/** pseudoMessage is the decoded meaning of a valid pseudo-version. */
export function pseudoMessage(v: string): string | undefined {
  return pseudoDecoded(v)?.message;
}

/** pseudoVerdict: what a pseudo-version token says (with a memo, remembered by version string: decoding is the costly part of pseudoFindings). */
function pseudoVerdict(v: string, memo?: RuleMemo): PseudoVerdict {
  let r = memo?.pseudoVerdicts.get(v);
  if (r) return r;
  const ok = pseudoDecoded(v);
  const d = ok ? undefined : decodePseudoVersion(v); // decoded again only to word what is wrong
  r = ok ? { code: 'pseudo-version', message: ok.message } : { code: 'pseudo-version-invalid', message: d && !d.ok ? d.error.toString() : `${v}: invalid pseudo-version` };
  if (memo) {
    if (memo.pseudoVerdicts.size >= 20_000) memo.pseudoVerdicts.clear();
    memo.pseudoVerdicts.set(v, r);
  }
  return r;
}

/** pseudoFindings: an Information finding on every pseudo-version, an error on malformed ones. */
export function pseudoFindings(file: string, f: ModFile | WorkFile, memo?: RuleMemo): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<number>();
  for (const t of versionTokens(f)) {
    if (seen.has(t.token.start) || !looksPseudo(t.version)) continue;
    seen.add(t.token.start);
    const { code, message } = pseudoVerdict(t.version, memo);
    out.push({ code, file, start: t.token.start, end: t.token.end, message });
  }
  return out;
}
