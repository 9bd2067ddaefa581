/**
 * WorkspaceView is everything the analysis rules read, assembled by the node layer: the parsed
 * go.mod/go.work/go.sum files of the editor's folders (open buffers win over the disk), the build of
 * every main module set, and facts from the module cache. Pure data: no I/O behind it.
 */
import { ModulesTxt } from '../graph/vendor';
import { Build } from '../graph/buildList';
import { MainModuleSet } from '../graph/mainModules';
import { ModFile } from '../syntax/modfile';
import { SumFile } from '../syntax/sumfile';
import { WorkFile } from '../syntax/workfile';
import { LineIndex } from '../syntax/text';
import { VulnIndex } from '../vuln/match';

export interface ModDoc {
  file: string;
  dir: string;
  text: string;
  /** offset ↔ position for text, made with the document (line starts found at the first question) */
  lines: LineIndex;
  mod: ModFile;
  /** why a file that is there could not be read (too large, a named pipe, no permission); its text is then '' */
  unreadable?: string;
}

export interface WorkDoc {
  file: string;
  dir: string;
  text: string;
  lines: LineIndex;
  work: WorkFile;
  unreadable?: string;
}

export interface SumDoc {
  file: string;
  text: string;
  lines: LineIndex;
  sum: SumFile;
  unreadable?: string;
}

/** BuildView is one main module set (a go.mod in module mode, or a go.work) and what Go selects for it. */
export interface BuildView {
  /** the go.mod (module mode) or go.work that defines the main module set */
  file: string;
  main?: MainModuleSet;
  /** the build as `go list -mod=mod -m all` sees it (selection after root sync) */
  build?: Build;
  /** the build with the roots as written (what a default read-only `go build` loads) */
  readonly?: Build;
  /** why there is no build (the go command's error) */
  error?: string;
  /** keys `path version` and `path version/go.mod` of go.sum (module mode) or go.work.sum + members' go.sum */
  sums: Set<string>;
}

/** FeatureUse is the first use of the newest language feature a module's own .go files need. */
export interface FeatureNeed {
  required: string;
  first?: { file: string; line: number; character: number; feature: string; version: string };
}

/** CacheFacts answers questions about the module cache (absent data answers undefined). */
export interface CacheFacts {
  /** h1: hash of path@version's go.mod as it is in the module cache */
  goModHash(path: string, version: string): string | undefined;
  /** the h1: hash of path@version's zip recorded in the module cache (.ziphash) */
  zipHash(path: string, version: string): string | undefined;
  /** the go.mod file of path@version in the module cache, when present */
  goModFile(path: string, version: string): string | undefined;
  /** versions of path known offline, sorted by semver */
  versions(path: string): string[];
  /** the parsed go.mod of path@version (lax), when present */
  goMod(path: string, version: string): ModFile | undefined;
}

export interface WorkspaceView {
  mods: Map<string, ModDoc>;
  works: Map<string, WorkDoc>;
  sums: Map<string, SumDoc>;
  builds: Map<string, BuildView>;
  /** for each go.mod: the main module set (BuildView file) the go command run in its directory uses */
  mainOf: Map<string, string>;
  /** for each go.mod without a main set, why */
  problems: Map<string, string>;
  /** the local toolchain's version (`1.22.3`), when known */
  toolchain?: string;
  /** the go version emulated for semantics (the local toolchain's, or the default) */
  emulate: string;
  /** language features needed by each module's own .go files (keyed by go.mod file) */
  features: Map<string, FeatureNeed>;
  cache: CacheFacts;
  /** whether a regular file exists (disk or open buffer) */
  hasFile(absPath: string): boolean;
  /** GOTOOLCHAIN as the environment sets it ('' when unset) */
  gotoolchain: string;
  /** for each main go.mod in module mode beside a vendor directory: vendor/modules.txt (the same object while it is unchanged) */
  vendor?: Map<string, VendorFacts>;
  /** the -mod flag of GOFLAGS ('' when unset: the go command picks the default) */
  goflagsMod?: string;
  /** the vulnerability database the user named (none: no vulnerability checks) */
  vulns?: VulnIndex;
  /**
   * go list -m -u's answers for the requirements of each main go.mod (by go.mod file, then
   * `path@version`), as far as the background checks have got; none when goModLens.upgrades is off
   */
  upgrades?: Map<string, Map<string, ModuleUpgradeFacts>>;
}

/** ModuleUpgradeFacts: an available update, the newest patch, the next major (workspace/upgrades.ts computes them). */
export interface ModuleUpgradeFacts {
  update?: { version: string; time: string };
  patch?: { version: string; time: string };
  major?: { path: string; version: string; time: string };
  retracted?: string[];
  deprecated?: string;
  error?: string;
}

/** VendorFacts: a module's vendor directory and its modules.txt, parsed (undefined when the file is missing). */
export interface VendorFacts {
  modulesTxt?: ModulesTxt;
}
