/**
 * vendor/modules.txt (cmd/go modload/vendor.go readVendorList, checkVendorConsistency; init.go
 * setDefaultBuildMod): the parser, the consistency check against the main go.mod, and the default
 * `-mod` Go picks when a vendor directory exists (semantics §6.1). Pure: the caller reads the files.
 */
import { compareGoVersion, goModCompare } from '../module/goVersion';
import { checkImportPath } from '../module/modulePath';
import { goFields } from '../syntax/text';
import { isValid } from '../module/semver';

/** VendorModuleVersion is a module path and version ('' for a directory or a wildcard). */
export interface VendorModuleVersion {
  path: string;
  version: string;
}

/** VendoredModule merges every `# path version` header of one module version, as Go's vendorMeta does. */
export interface VendoredModule extends VendorModuleVersion {
  /** the target of `=> target [version]` (the last one given), if any */
  replacement?: VendorModuleVersion;
  /** `## explicit`: the main go.mod requires exactly this version */
  explicit: boolean;
  /** `## go 1.N`: the module's go line (recorded for go ≥ 1.17 main modules); '' when absent */
  goVersion: string;
  /** package lines after its header(s), in order */
  packages: string[];
  /** 0-based line of its first header */
  line: number;
}

/** ModulesTxt is a parsed vendor/modules.txt, with the lists checkVendorConsistency walks. */
export interface ModulesTxt {
  /** one entry per module version (wildcard replacement lines have version ''), in order of first header */
  modules: VendoredModule[];
  /** modules providing packages, each at its highest version seen (Go's vendorList) */
  vendorList: VendorModuleVersion[];
  /** every module version with a replacement header, once per such header (Go's vendorReplaced) */
  replaced: VendorModuleVersion[];
  /** `## workspace` on the first line: written by `go work vendor` (Go 1.22+) */
  workspace: boolean;
}

const key = (m: VendorModuleVersion): string => `${m.path}@${m.version}`;

/** Header is a `# ` line: the module version it names and its understood replacement, if any. */
type Header = { mv: VendorModuleVersion; replacement?: VendorModuleVersion } | 'skip' | 'end';

/** parseHeader reads a `# ` line; 'skip' (under three words) keeps the current module, 'end' drops it. */
function parseHeader(line: string): Header {
  let f = goFields(line);
  if (f.length < 3) return 'skip';
  let mv: VendorModuleVersion;
  if (isValid(f[2])) [mv, f] = [{ path: f[1], version: f[2] }, f.slice(3)];
  else if (f[2] === '=>') [mv, f] = [{ path: f[1], version: '' }, f.slice(2)];
  else return 'end';
  if (f[0] !== '=>') return { mv };
  if (f.length === 2) return { mv, replacement: { path: f[1], version: '' } };
  if (f.length === 3 && isValid(f[2])) return { mv, replacement: { path: f[1], version: f[2] } };
  return { mv }; // a replacement Go does not understand is ignored
}

/** Reader is readVendorList's state while it walks the lines. */
class Reader {
  readonly txt: ModulesTxt;
  private readonly byKey = new Map<string, VendoredModule>();
  private readonly selected = new Map<string, string>();
  private mod: VendoredModule | undefined;

  constructor(first: string) {
    this.txt = { modules: [], vendorList: [], replaced: [], workspace: isForWorkspace(first) };
  }

  line(line: string, n: number): void {
    if (line.startsWith('# ')) this.header(parseHeader(line), n);
    else if (this.mod === undefined) return;
    else if (line.startsWith('## ')) this.annotate(this.mod, line.slice(3));
    else this.addPackage(this.mod, goFields(line));
  }

  private header(h: Header, n: number): void {
    if (h === 'skip') return;
    if (h === 'end') {
      this.mod = undefined;
      return;
    }
    this.mod = this.byKey.get(key(h.mv));
    if (this.mod === undefined) {
      this.mod = { ...h.mv, explicit: false, goVersion: '', packages: [], line: n };
      this.byKey.set(key(h.mv), this.mod);
      this.txt.modules.push(this.mod);
    }
    if (h.replacement !== undefined) {
      this.mod.replacement = h.replacement;
      this.txt.replaced.push(h.mv);
    }
  }

  /** annotate takes the union of `## a; b` annotations; entries other than explicit and go are reserved. */
  private annotate(mod: VendoredModule, annotations: string): void {
    for (const raw of annotations.split(';')) {
      const entry = raw.trim();
      if (entry === 'explicit') mod.explicit = true;
      if (entry.startsWith('go ')) mod.goVersion = entry.slice(3);
    }
  }

  /** addPackage records a package line; its module is then known to be selected at (at least) this version. */
  private addPackage(mod: VendoredModule, f: string[]): void {
    if (f.length !== 1 || checkImportPath(f[0]) !== undefined) return;
    mod.packages.push(f[0]);
    const v = this.selected.get(mod.path);
    if (v === undefined || goModCompare(mod.path, v, mod.version) < 0) {
      this.txt.vendorList.push({ path: mod.path, version: mod.version });
      this.selected.set(mod.path, mod.version);
    }
  }
}

/**
 * parseModulesTxt reads modules.txt exactly as readVendorList does: `# path version [=> target
 * [version]]` and `# path => target [version]` headers (other headers end the current module, headers
 * of fewer than three words are skipped), `## a; b` annotations (`explicit`, `go V`; others reserved),
 * and package lines (a single valid import path). Lines before any header are ignored. Never throws.
 */
export function parseModulesTxt(text: string): ModulesTxt {
  const lines = text.split('\n');
  const r = new Reader(lines[0] ?? '');
  lines.forEach((line, n) => r.line(line, n));
  return r.txt;
}

/** isForWorkspace is modulesTextIsForWorkspace: a first line `## …` with a `workspace` entry. */
function isForWorkspace(first: string): boolean {
  return first.startsWith('## ') && first.slice(3).split(';').some((e) => e.trim() === 'workspace');
}

/** VendorGoMod is what the check needs from the main go.mod, in file order. */
export interface VendorGoMod {
  /** the main module's path (a wildcard replace of it is not a replacement) */
  modulePath?: string;
  require: VendorModuleVersion[];
  replace: { old: VendorModuleVersion; new: VendorModuleVersion }[];
}

/** VendorIssueCode names each inconsistency (stable codes for diagnostics). */
export type VendorIssueCode =
  | 'require-not-explicit' | 'require-version-differs' | 'replace-not-vendored' | 'replace-differs'
  | 'explicit-not-required' | 'replaced-only-in-vendor' | 'go-too-new';

/** VendorIssue is one line of Go's report; `index` points into goMod.require or goMod.replace when it comes from there. */
export interface VendorIssue {
  code: VendorIssueCode;
  mod: VendorModuleVersion;
  detail: string;
  /** Go's line: `path@version: detail` (or `path: detail` for a wildcard) */
  message: string;
  index?: number;
}

const describe = (m: VendorModuleVersion): string => (m.version === '' ? m.path : `${m.path}@${m.version}`);

function issue(code: VendorIssueCode, mod: VendorModuleVersion, detail: string, index?: number): VendorIssue {
  return { code, mod, detail, message: `${describe(mod)}: ${detail}`, index };
}

/** replacementIn is modload.Replacement for a single main module: exact path@version, then the wildcard. */
function replacementIn(goMod: VendorGoMod, m: VendorModuleVersion): VendorModuleVersion | undefined {
  if (m.version === '' && m.path === goMod.modulePath) return undefined; // the main module is never replaced
  let exact: VendorModuleVersion | undefined;
  let wildcard: VendorModuleVersion | undefined;
  for (const r of goMod.replace) {
    if (r.old.path !== m.path) continue;
    if (r.old.version === m.version) exact = r.new;
    if (r.old.version === '') wildcard = r.new;
  }
  return exact ?? wildcard;
}

/**
 * vendorConsistencyErrors is checkVendorConsistency for a single main module (Go 1.22+ wording): the
 * lines Go prints after `go: inconsistent vendoring in DIR:`. `goVersion` is the main go line ('' or
 * undefined when absent): below 1.14 modules.txt carried too little to check, so Go only flags
 * contradictions. With `localGoVersion`, modules whose `## go` is newer are reported too (Go stops
 * with `P in vendor/modules.txt requires go >= V (running go L)` before anything else).
 */
export function vendorConsistencyErrors(
  txt: ModulesTxt, goMod: VendorGoMod, goVersion: string | undefined, options: { localGoVersion?: string } = {},
): VendorIssue[] {
  const c: Check = {
    txt, goMod, out: [], pre114: compareGoVersion(goVersion ?? '', '1.14') < 0,
    meta: new Map(txt.modules.map((m) => [key(m), m])), selected: new Map(txt.vendorList.map((m) => [m.path, m.version])),
  };
  const local = options.localGoVersion;
  for (const m of txt.modules) {
    if (local !== undefined && m.goVersion !== '' && compareGoVersion(m.goVersion, local) > 0) {
      c.out.push(issue('go-too-new', m, `requires go >= ${m.goVersion} (running go ${local})`));
    }
  }
  checkRequires(c);
  checkReplaces(c);
  const required = new Set(goMod.require.map(key));
  for (const m of txt.vendorList) {
    if (c.meta.get(key(m))?.explicit && !required.has(key(m))) {
      c.out.push(issue('explicit-not-required', m, 'is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod'));
    }
  }
  for (const m of txt.replaced) {
    if (replacementIn(goMod, m) === undefined) {
      c.out.push(issue('replaced-only-in-vendor', m, 'is marked as replaced in vendor/modules.txt, but not replaced in go.mod'));
    }
  }
  return c.out;
}

/** Check is the state of one consistency check: Go's vendorMeta and vendorVersion maps, and the findings. */
interface Check {
  txt: ModulesTxt;
  goMod: VendorGoMod;
  out: VendorIssue[];
  pre114: boolean;
  meta: Map<string, VendoredModule>;
  selected: Map<string, string>;
}

/** checkRequires: every go.mod requirement must be `## explicit` (before 1.14: must not contradict). */
function checkRequires(c: Check): void {
  c.goMod.require.forEach((r, i) => {
    if (c.meta.get(key(r))?.explicit) return;
    const vv = c.selected.get(r.path);
    if (!c.pre114) c.out.push(issue('require-not-explicit', r, 'is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt', i));
    else if (vv !== undefined && vv !== r.version) {
      c.out.push(issue('require-version-differs', r, `is explicitly required in go.mod, but vendor/modules.txt indicates ${r.path}@${vv}`, i));
    }
  });
}

/** checkReplaces: every go.mod replacement (once per left side) must be recorded with the same target. */
function checkReplaces(c: Check): void {
  const seen = new Set<string>();
  c.goMod.replace.forEach((r, i) => {
    if (seen.has(key(r.old))) return;
    seen.add(key(r.old));
    const rNew = replacementIn(c.goMod, r.old);
    const vr = c.meta.get(key(r.old))?.replacement;
    if (vr === undefined) {
      // before 1.14, modules.txt omitted wildcard replacements and those of modules without packages
      if (rNew === undefined || (c.pre114 && (r.old.version === '' || c.selected.get(r.old.path) !== r.old.version))) return;
      c.out.push(issue('replace-not-vendored', r.old, 'is replaced in go.mod, but not marked as replaced in vendor/modules.txt', i));
    } else if (rNew !== undefined && key(vr) !== key(rNew)) {
      c.out.push(issue('replace-differs', r.old, `is replaced by ${describe(rNew)} in go.mod, but marked as replaced by ${describe(vr)} in vendor/modules.txt`, i));
    }
  });
}

/** formatInconsistentVendoring is Go's whole error for the issues of a module rooted at dir. */
export function formatInconsistentVendoring(dir: string, issues: VendorIssue[]): string {
  const lines = issues.filter((i) => i.code !== 'go-too-new').map((i) => `\n\t${i.message}`).join('');
  return `go: inconsistent vendoring in ${dir}:${lines}\n\n\tTo ignore the vendor directory, use -mod=readonly or -mod=mod.` +
    '\n\tTo sync the vendor directory, run:\n\t\tgo mod vendor';
}

/** BuildMode is the effective `-mod`, whether it was set explicitly, Go's recorded reason, and an error. */
export interface BuildMode {
  mod: 'mod' | 'readonly' | 'vendor';
  explicit: boolean;
  /** cfg.BuildModReason: why vendoring was or was not chosen ('' when no vendor directory matters) */
  reason: string;
  /** what the go command would refuse (an unknown -mod, or -mod=mod in workspace mode) */
  error?: string;
}

/**
 * vendorModeDefault is setDefaultBuildMod for commands that build (not go get / go mod tidy): an
 * explicit `-mod` (from GOFLAGS) wins; otherwise a vendor *directory* beside go.mod (go.work in workspace
 * mode) selects `vendor` when the go line is at least 1.14 and modules.txt was written in the same mode
 * (`## workspace` or not), else `readonly`. A missing go line never enables vendoring.
 */
export function vendorModeDefault(
  goVersion: string | undefined, hasVendorDir: boolean, goflagsMod: string | undefined,
  options: { workspace?: boolean; vendorIsForWorkspace?: boolean } = {},
): BuildMode {
  const workspace = options.workspace ?? false;
  const flag = goflagsMod ?? '';
  if (flag !== '') {
    if (flag !== 'mod' && flag !== 'readonly' && flag !== 'vendor') {
      return { mod: 'readonly', explicit: true, reason: '', error: `-mod=${flag} not supported (can be '', 'mod', 'readonly', or 'vendor')` };
    }
    const error = workspace && flag === 'mod'
      ? 'go: -mod may only be set to readonly or vendor when in workspace mode, but it is set to "mod"' +
        '\n\tRemove the -mod flag to use the default readonly value, \n\tor set GOWORK=off to disable workspace mode.'
      : undefined;
    return { mod: flag, explicit: true, reason: '', ...(error === undefined ? {} : { error }) };
  }
  if (!hasVendorDir) return { mod: 'readonly', explicit: false, reason: '' };
  const source = workspace ? 'go.work' : 'go.mod';
  const v = goVersion ?? '';
  if (v === '') return { mod: 'readonly', explicit: false, reason: `Go version in ${source} is unspecified, so vendor directory was not used.` };
  if (compareGoVersion(v, '1.14') < 0) {
    return { mod: 'readonly', explicit: false, reason: `Go version in ${source} is ${v}, so vendor directory was not used.` };
  }
  if ((options.vendorIsForWorkspace ?? false) !== workspace) {
    const reason = workspace ? 'In workspace mode, but vendor directory is not for a workspace' : 'Outside workspace mode, but vendor directory is for a workspace.';
    return { mod: 'readonly', explicit: false, reason };
  }
  return { mod: 'vendor', explicit: false, reason: `Go version in ${source} is at least 1.14 and vendor directory exists.` };
}
