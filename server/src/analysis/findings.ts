/**
 * Findings are what the analysis rules produce (design.md "findings carry a stable code and
 * structured data"): a code, a span in one file, a message, and the data a quick fix needs. The
 * features layer turns them into LSP diagnostics; code actions are chosen by code + data, never by
 * message text.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** FindingCode lists every diagnostic code go-mod-lens publishes; README.md documents each. */
export const findingCodes = [
  'syntax', 'replace-ineffective', 'replace-missing', 'replace-unused', 'replace-dir-missing', 'go-below-dependency', 'go-below-features',
  'go-above-toolchain', 'pseudo-version', 'pseudo-version-invalid', 'version-raised', 'not-tidy', 'major-version',
  'module-missing', 'excluded', 'retracted', 'deprecated', 'work-use-missing', 'work-replace-conflict',
  'sum-malformed', 'sum-missing', 'sum-mismatch', 'build-error', 'file-unreadable', 'vendor-inconsistent', 'vulnerable',
] as const;

export type FindingCode = (typeof findingCodes)[number];

/**
 * defaultSeverity is each code's severity unless the user's settings say otherwise; `off` codes are
 * computed but not published unless a setting gives them a severity (pseudo-version: the inlay hint
 * and the hover already decode every pseudo-version, a diagnostic on each would only repeat them).
 */
/** chosenSeverity: a finding's severity as the user's choice (per code), else the rule's, else the code's default decides. */
export function chosenSeverity(f: Finding, chosen: Partial<Record<string, Severity | 'off'>>): Severity | 'off' {
  return chosen[f.code] ?? f.severity ?? defaultSeverity[f.code];
}

export const defaultSeverity: Record<FindingCode, Severity | 'off'> = {
  'syntax': 'error',
  'replace-ineffective': 'warning',
  'replace-missing': 'warning',
  'replace-unused': 'information',
  'replace-dir-missing': 'error',
  'go-below-dependency': 'warning',
  'go-below-features': 'error',
  'go-above-toolchain': 'warning',
  'pseudo-version': 'off',
  'pseudo-version-invalid': 'error',
  'version-raised': 'information',
  'not-tidy': 'warning',
  'major-version': 'error',
  'module-missing': 'warning',
  'excluded': 'warning',
  'retracted': 'warning',
  'deprecated': 'warning',
  'work-use-missing': 'error',
  'work-replace-conflict': 'error',
  'sum-malformed': 'error',
  'sum-missing': 'warning',
  'sum-mismatch': 'error',
  'build-error': 'error',
  'file-unreadable': 'error',
  'vendor-inconsistent': 'error',
  'vulnerable': 'warning',
};

export interface Related {
  file: string;
  /** offsets in file's text; -1 when the location is given as line/character (a file not parsed here) */
  start: number;
  end: number;
  line?: number;
  character?: number;
  message: string;
}

/** FixData is what a quick fix needs, computed again against the current text when it is applied. */
export type FixData =
  | { kind: 'add-replace'; target: string; old: { path: string; version: string }; new: { path: string; version: string } }
  | { kind: 'set-go'; target: string; version: string }
  | { kind: 'set-require'; target: string; path: string; version: string }
  | { kind: 'set-toolchain'; target: string; name: string }
  /** no edit of its own: the client's what-if preview of go get path@version (which applies go get's edit) */
  | { kind: 'preview-go-get'; target: string; path: string; version: string }
  | { kind: 'replace-text'; target: string; start: number; end: number; old: string; text: string; title: string };

export interface Finding {
  code: FindingCode;
  file: string;
  start: number;
  end: number;
  message: string;
  severity?: Severity;
  related?: Related[];
  /** quick fixes, each with the file it edits (absolute path) */
  fixes?: { title: string; data: FixData }[];
  /** LSP tags: unnecessary code (rendered faded) */
  unnecessary?: boolean;
}
