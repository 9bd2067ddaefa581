/**
 * RuleMemo: what the analysis rules may remember from one pass to the next. The rules themselves
 * keep nothing between calls (no module-level state: ESLint enforces it for analysis/); whoever runs
 * them owns a RuleMemo and passes it in — the language server's findings (lsp/findings.ts, through
 * AnalyzeMemo) — or passes none, and every rule computes from its inputs alone.
 */
import { Finding } from './findings';

export interface PseudoVerdict {
  code: 'pseudo-version' | 'pseudo-version-invalid';
  message: string;
}

export class RuleMemo {
  /** workspace-mode member findings, per parsed go.mod, valid for one graph */
  readonly members = new WeakMap<object, { graph: object; findings: Finding[] }>();
  /** the latest version of each required path, per module-cache facts object (a changed cache is a new object) */
  readonly latest = new WeakMap<object, Map<string, string | undefined>>();
  /** what each pseudo-version token says, by version string (decoding is the costly part) */
  readonly pseudoVerdicts = new Map<string, PseudoVerdict>();
  /** go.sum lines that disagree with the module cache, per parsed go.sum, valid for one cache view */
  readonly sumMismatch = new WeakMap<object, { cache: object; findings: Finding[] }>();
}
