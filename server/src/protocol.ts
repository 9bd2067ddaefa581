/**
 * What client and server share (design.md "custom commands and requests are declared once"):
 * the settings section, its defaults, and the custom requests and commands.
 */

export const SETTINGS_SECTION = 'goModLens';

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** Settings is the `goModLens` configuration section; a null or missing value means the default. */
export interface Settings {
  inlayHints: {
    /** selected-version hints after require lines: only when they differ, always, or never */
    selectedVersion: 'changed' | 'always' | 'off';
    /** the commit date after each pseudo-version */
    pseudoVersionDate: boolean;
  };
  /** severity per diagnostic code, overriding the defaults */
  diagnostics: { severity: Record<string, SeveritySetting> };
  /** module cache location (GOMODCACHE) override */
  moduleCache: string;
  /** let go-mod-lens ask HTTP(S) module proxies (GOPROXY) for go.mod files it lacks */
  network: boolean;
  /** the go binary used (in trusted workspaces only) to learn the local toolchain version */
  goBinary: string;
  /** the local toolchain version (e.g. 1.22.3), instead of asking the go binary */
  toolchainVersion: string;
  /** a Go vulnerability database on this machine (directory or file:// URL); '' → GOVULNDB when local, else none */
  vulnDB: string;
  /** "v1.4.2 available" hints: after direct requirements, after all, or none (and no checks) */
  upgrades: 'off' | 'direct' | 'all';
}

export const defaultSettings: Settings = {
  inlayHints: { selectedVersion: 'changed', pseudoVersionDate: true },
  diagnostics: { severity: {} },
  moduleCache: '',
  network: false,
  goBinary: 'go',
  toolchainVersion: '',
  vulnDB: '',
  upgrades: 'direct',
};

/** mergeSettings overlays a (possibly null or partial) settings object on the defaults, ignoring wrong types. */
export function mergeSettings(raw: unknown): Settings {
  const s: Settings = JSON.parse(JSON.stringify(defaultSettings)) as Settings;
  if (typeof raw !== 'object' || raw === null) return s;
  const r = raw as Record<string, unknown>;
  const hints = r.inlayHints as Record<string, unknown> | undefined;
  if (hints && typeof hints === 'object') {
    if (hints.selectedVersion === 'changed' || hints.selectedVersion === 'always' || hints.selectedVersion === 'off') s.inlayHints.selectedVersion = hints.selectedVersion;
    if (typeof hints.pseudoVersionDate === 'boolean') s.inlayHints.pseudoVersionDate = hints.pseudoVersionDate;
  }
  const diags = r.diagnostics as Record<string, unknown> | undefined;
  const sev = diags && typeof diags === 'object' ? diags.severity : undefined;
  if (sev && typeof sev === 'object') {
    for (const [k, v] of Object.entries(sev as Record<string, unknown>)) {
      if (v === 'error' || v === 'warning' || v === 'information' || v === 'hint' || v === 'off') s.diagnostics.severity[k] = v;
    }
  }
  if (typeof r.moduleCache === 'string') s.moduleCache = r.moduleCache;
  if (typeof r.network === 'boolean') s.network = r.network;
  if (typeof r.goBinary === 'string' && r.goBinary !== '') s.goBinary = r.goBinary;
  if (typeof r.toolchainVersion === 'string') s.toolchainVersion = r.toolchainVersion.replace(/^go/, '');
  if (typeof r.vulnDB === 'string') s.vulnDB = r.vulnDB;
  if (r.upgrades === 'off' || r.upgrades === 'direct' || r.upgrades === 'all') s.upgrades = r.upgrades;
  return s;
}

/** Custom requests (client → server). */
export const Requests = {
  /** params: { uri }; result: BuildListResult */
  buildList: 'goModLens/buildList',
  /** params: { uri, path }; result: { text: string } */
  explain: 'goModLens/explain',
  /** params: { uri }; result: GraphModel (graphView/model.ts) of the file's main module, or { error } */
  graph: 'goModLens/graph',
  /** params: WhatIfParams; result: WhatIfResult */
  whatIf: 'goModLens/whatIf',
  /** params: { uri, path }; result: string[] — versions of path in the module cache, and from GOPROXY when network access is on (sorted) */
  versions: 'goModLens/versions',
} as const;

/** WhatIfParams: what `go get path@version` would do in the main module of the go.mod at uri. */
export interface WhatIfParams {
  uri: string;
  path: string;
  /** a version, or `none` */
  version: string;
  /** several modules at once (go get p1@v1 p2@v2 …: "upgrade all"); path and version are then ignored */
  targets?: { path: string; version: string }[];
}

export interface WhatIfResult {
  ok: boolean;
  error?: string;
  /** one line per build-list change, in go get's words (`upgraded P v1 => v2`) */
  lines: string[];
  /** the go.mod edit go get would make (LSP text edits on the file at uri) */
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
}

export interface BuildListResult {
  /** the go.mod or go.work defining the main module set ('' when none) */
  mainFile: string;
  /** main module path(s) */
  main: string[];
  /** `go list -m all` lines */
  lines: string[];
  /** modules listed */
  count: number;
  /** set when the build list is incomplete or the go command would stop */
  incomplete?: string;
}

/** Commands (client side ids). */
export const Commands = {
  showBuildList: 'goModLens.showBuildList',
  explainVersion: 'goModLens.explainVersion',
  restartServer: 'goModLens.restartServer',
  showModuleGraph: 'goModLens.showModuleGraph',
  /** arguments: uri, module path, versions available offline (from the code lens of a require line) */
  whatIf: 'goModLens.whatIf',
} as const;
