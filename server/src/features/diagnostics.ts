/**
 * Findings → LSP diagnostics: severity from the settings (or the code's default; `off` drops it),
 * `source: go-mod-lens`, the code, related information, and the quick fixes in `data`.
 */
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { URI } from './uri';
import { Finding, chosenSeverity } from '../analysis/findings';
import { Settings } from '../protocol';
import { spanToRange } from './positions';
import { LineIndex } from '../syntax/text';

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

/** DiagnosticData is what go-mod-lens puts in Diagnostic.data: the quick fixes of the finding. */
export interface DiagnosticData {
  fixes?: Finding['fixes'];
}

/**
 * findingToDiagnostic converts one finding of a file whose text `lines` indexes; `linesOf` indexes
 * the current text of another file (for related spans).
 */
export function findingToDiagnostic(f: Finding, lines: LineIndex, settings: Settings, linesOf: (file: string) => LineIndex | undefined): Diagnostic | undefined {
  const chosen = chosenSeverity(f, settings.diagnostics.severity);
  if (chosen === 'off') return undefined;
  const d: Diagnostic = {
    range: spanToRange(lines, f.start, f.end), severity: severities[chosen], code: f.code, source: 'go-mod-lens', message: f.message,
  };
  if (f.unnecessary) d.tags = [DiagnosticTag.Unnecessary];
  if (f.related && f.related.length > 0) {
    const rel: DiagnosticRelatedInformation[] = [];
    for (const r of f.related) {
      const t = r.file === f.file ? lines : linesOf(r.file);
      const range = r.start < 0 || t === undefined
        ? { start: { line: r.line ?? 0, character: r.character ?? 0 }, end: { line: r.line ?? 0, character: r.character ?? 0 } }
        : spanToRange(t, r.start, r.end);
      rel.push({ location: { uri: URI.file(r.file), range }, message: r.message });
    }
    d.relatedInformation = rel;
  }
  if (f.fixes && f.fixes.length > 0) d.data = { fixes: f.fixes } satisfies DiagnosticData;
  return d;
}

/** sameJson: whether two JSON-shaped values (diagnostics) are equal, member by member. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], bb[i])) return false;
    return true;
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}
