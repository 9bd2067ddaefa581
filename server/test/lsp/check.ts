/**
 * Comparing what the server answered with the fixture's expectations. Pure: every function takes
 * the observed LSP values and returns mismatch messages (`file:LINE: …`, 1-based lines), so that
 * the runner can be tested with fake result sets.
 *
 * Diagnostics and inlay hints are exhaustive: each one the server reports must be matched by
 * exactly one marker and each marker by exactly one report (a maximum bipartite matching, so the
 * order of markers on a line does not matter).
 */
import type { Diagnostic, Hover, InlayHint, MarkedString, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { markdownToText } from '../support/markdown';
import type { DiagExpect, HintExpect, HoverExpect, NoHintExpect, Severity } from './markers';

const severityNames: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** severityName names an LSP severity; an absent one is shown as "unspecified". */
export function severityName(d: Diagnostic): string {
  return d.severity === undefined ? 'unspecified' : (severityNames[d.severity] ?? `severity ${d.severity}`);
}

export function positionToString(p: Position): string {
  return `${p.line + 1}:${p.character + 1}`;
}

/** diagnosticMessage is the message text (LSP 3.18 allows markup). */
export function diagnosticMessage(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** describeDiagnostic is one line: [severity] code "message" (range). */
export function describeDiagnostic(d: Diagnostic): string {
  const code = d.code === undefined ? '(no code)' : String(d.code);
  return `[${severityName(d)}] ${code} ${JSON.stringify(diagnosticMessage(d))} (${positionToString(d.range.start)}-${positionToString(d.range.end)})`;
}

/** diagnosticMatches says whether d satisfies the @diag expectation e. */
export function diagnosticMatches(e: DiagExpect, d: Diagnostic): boolean {
  if (d.range.start.line !== e.where.line) return false;
  if (d.code === undefined || String(d.code) !== e.code) return false;
  if (e.severity !== undefined && severityName(d) !== e.severity) return false;
  if (!e.msgs.every((m) => diagnosticMessage(d).includes(m))) return false;
  if (e.at) {
    const { start, end } = d.range;
    if (start.character !== e.at.start || end.line !== e.where.line || end.character !== e.at.end) return false;
  }
  return true;
}

/** matchAll pairs expectations with observations (Kuhn's algorithm); it returns, per observation, the expectation index or -1. */
export function matchAll<E, O>(expects: E[], observed: O[], fits: (e: E, o: O) => boolean): { byObserved: number[]; byExpect: number[] } {
  const byObserved = observed.map(() => -1);
  const byExpect = expects.map(() => -1);
  const tryAssign = (ei: number, seen: boolean[]): boolean => {
    for (let oi = 0; oi < observed.length; oi++) {
      if (seen[oi] || !fits(expects[ei], observed[oi])) continue;
      seen[oi] = true;
      if (byObserved[oi] < 0 || tryAssign(byObserved[oi], seen)) {
        byObserved[oi] = ei;
        byExpect[ei] = oi;
        return true;
      }
    }
    return false;
  };
  expects.forEach((_, ei) => tryAssign(ei, observed.map(() => false)));
  return { byObserved, byExpect };
}

/** checkDiagnostics compares the diagnostics of one file with its @diag markers. */
export function checkDiagnostics(file: string, expects: DiagExpect[], got: Diagnostic[]): string[] {
  const { byObserved, byExpect } = matchAll(expects, got, diagnosticMatches);
  const out: string[] = [];
  byExpect.forEach((oi, ei) => {
    if (oi >= 0) return;
    const e = expects[ei];
    const onLine = got.filter((d) => d.range.start.line === e.where.line).map(describeDiagnostic);
    out.push(`${file}:${e.where.line + 1}: missing diagnostic ${e.source}${atNote(e)}; got on that line: ${onLine.length ? onLine.join('; ') : 'none'}`);
  });
  byObserved.forEach((ei, oi) => {
    if (ei < 0) out.push(`${file}:${got[oi].range.start.line + 1}: unexpected diagnostic ${describeDiagnostic(got[oi])}`);
  });
  return out;
}

function atNote(e: DiagExpect): string {
  return e.at ? ` (want range ${e.where.line + 1}:${e.at.start + 1}-${e.where.line + 1}:${e.at.end + 1})` : '';
}

/** hintLabel is the label of a hint: the string, or the concatenated label parts. */
export function hintLabel(h: InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}

/** hintTooltip is the hint's tooltip as a reader sees it (Markdown rendered), or the label parts' tooltips joined. */
export function hintTooltip(h: InlayHint): string {
  const text = (t: string | MarkupContent | undefined): string => (t === undefined ? '' : typeof t === 'string' ? t : shownText(t));
  if (h.tooltip !== undefined) return text(h.tooltip);
  return typeof h.label === 'string' ? '' : h.label.map((p) => text(p.tooltip)).join('\n');
}

export function hintMatches(e: HintExpect, h: InlayHint): boolean {
  if (h.position.line !== e.where.line || hintLabel(h) !== e.label) return false;
  return e.tooltip === undefined || hintTooltip(h).includes(e.tooltip);
}

function describeHint(h: InlayHint): string {
  const tip = hintTooltip(h);
  return `${JSON.stringify(hintLabel(h))} at ${positionToString(h.position)}${tip ? ` tooltip ${JSON.stringify(tip.length > 120 ? `${tip.slice(0, 117)}...` : tip)}` : ''}`;
}

/** checkHints compares the inlay hints of one file with its @hint and @nohint markers. */
export function checkHints(file: string, expects: HintExpect[], nohints: NoHintExpect[], got: InlayHint[]): string[] {
  const { byObserved, byExpect } = matchAll(expects, got, hintMatches);
  const out: string[] = [];
  for (const n of nohints) {
    const clash = expects.find((e) => e.where.line === n.where.line);
    if (clash) out.push(`${file}:${n.where.line + 1}: ${n.source} contradicts ${clash.source} on the same line`);
  }
  byExpect.forEach((oi, ei) => {
    if (oi >= 0) return;
    const e = expects[ei];
    const onLine = got.filter((h) => h.position.line === e.where.line).map(describeHint);
    out.push(`${file}:${e.where.line + 1}: missing inlay hint ${e.source}; got on that line: ${onLine.length ? onLine.join('; ') : 'none'}`);
  });
  byObserved.forEach((ei, oi) => {
    if (ei >= 0) return;
    const h = got[oi];
    const marked = nohints.some((n) => n.where.line === h.position.line) ? ' (line marked @nohint)' : '';
    out.push(`${file}:${h.position.line + 1}: unexpected inlay hint ${describeHint(h)}${marked}`);
  });
  return out;
}

/** hoverText is the hover's text as a reader sees it (Markdown rendered), parts joined by newlines. */
export function hoverText(h: Hover): string {
  const one = (c: MarkupContent | MarkedString): string => (typeof c === 'string' ? c : 'kind' in c ? shownText(c) : c.value);
  return Array.isArray(h.contents) ? h.contents.map(one).join('\n') : one(h.contents);
}

/** shownText: Markdown is rendered (as VS Code renders it, support/markdown.ts), plain text is as is. */
function shownText(c: MarkupContent): string {
  return c.kind === 'markdown' ? markdownToText(c.value) : c.value;
}

/** checkHover compares one hover answer (null when the server had none) with a @hover marker. */
export function checkHover(file: string, e: HoverExpect, got: Hover | null | undefined): string[] {
  const where = `${file}:${e.where.line + 1}:${e.character + 1}`;
  if (!got) return [`${where}: ${e.source}: no hover`];
  const text = hoverText(got);
  const out: string[] = [];
  for (const c of e.contains) if (!text.includes(c)) out.push(`${where}: ${e.source}: hover lacks ${JSON.stringify(c)}`);
  for (const n of e.not) if (text.includes(n)) out.push(`${where}: ${e.source}: hover must not contain ${JSON.stringify(n)}`);
  if (out.length) out[out.length - 1] += `\n      hover text was: ${JSON.stringify(text)}`;
  return out;
}

/** compareGolden says how got differs from want: the first differing line, or '' when equal. */
export function compareGolden(want: string, got: string): string {
  if (want === got) return '';
  const w = want.split('\n');
  const g = got.split('\n');
  let i = 0;
  while (i < w.length && i < g.length && w[i] === g[i]) i++;
  const show = (lines: string[]): string => (i < lines.length ? JSON.stringify(lines[i]) : '(end of file)');
  return `first difference at line ${i + 1}: want ${show(w)}, got ${show(g)}\n    --- want ---\n${indent(want)}\n    --- got ---\n${indent(got)}`;
}

function indent(text: string): string {
  return text.split('\n').map((l) => `    | ${l}`).join('\n');
}
