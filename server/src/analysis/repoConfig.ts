/**
 * `.go-mod-lens.json`, the repository's settings (issue 18): `{"diagnostics": {"severity": {CODE:
 * LEVEL}}}`, read by `go-mod-lens check` and by the language server for the files under the folder
 * that holds it. A severity the user sets (the command line, the editor's settings) wins over it.
 */
import { Severity, findingCodes } from './findings';

export const REPO_CONFIG_NAME = '.go-mod-lens.json';

export type Level = Severity | 'off';

export interface RepoConfig {
  severity: Record<string, Level>;
}

const levels: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

/** isLevel: error, warning, information, hint or off. */
export function isLevel(x: unknown): x is Level {
  return typeof x === 'string' && levels.includes(x);
}

/**
 * parseRepoConfig reads the text of a `.go-mod-lens.json`; a string says what is wrong with it
 * (not JSON, an unknown key, an unknown code or level), naming the file and the key.
 */
export function parseRepoConfig(text: string, file: string): RepoConfig | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return `${file}: not JSON: ${(e as Error).message}`;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return `${file}: want an object like {"diagnostics": {"severity": {"CODE": "LEVEL"}}}`;
  for (const k of Object.keys(raw)) if (k !== 'diagnostics' && k !== '$schema') return `${file}: unknown key ${JSON.stringify(k)} (known: diagnostics)`;
  const diagnostics = (raw as { diagnostics?: unknown }).diagnostics ?? {};
  if (diagnostics === null || typeof diagnostics !== 'object' || Array.isArray(diagnostics)) return `${file}: diagnostics: want an object with a severity object`;
  for (const k of Object.keys(diagnostics)) if (k !== 'severity') return `${file}: diagnostics: unknown key ${JSON.stringify(k)} (known: severity)`;
  const given = (diagnostics as { severity?: unknown }).severity ?? {};
  if (given === null || typeof given !== 'object' || Array.isArray(given)) return `${file}: diagnostics.severity: want an object of CODE: LEVEL`;
  const severity: Record<string, Level> = {};
  for (const [k, v] of Object.entries(given)) {
    if (!(findingCodes as readonly string[]).includes(k)) return `${file}: diagnostics.severity: unknown diagnostic code ${JSON.stringify(k)}`;
    if (!isLevel(v)) return `${file}: diagnostics.severity.${k}: ${JSON.stringify(v)} is not error, warning, information, hint or off`;
    severity[k] = v;
  }
  return { severity };
}
