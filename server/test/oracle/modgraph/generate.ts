/**
 * A seeded random Scenario generator for the MVS differential test. It mixes go 1.16/1.17/1.19
 * modules and modules without a go line, pruned and unpruned main modules, version-specific and
 * wildcard replaces to module versions and to directories, excludes (also of a required version),
 * `+incompatible` and pseudo-versions, upper-case and gopkg.in paths, requirement cycles, several
 * versions of one path with different requirements, and go.work workspaces with 2–4 members.
 * Almost every scenario is valid for Go 1.19 offline; a few (about 2.5%) make go fail on purpose
 * (missing module version, wrong module line, conflicting workspace replacements).
 *
 * With `modern` (for a go command ≥ 1.21) it adds what current go.mod files say: go lines 1.21.0 and
 * later (also `1.22`, `1.22rc1`), toolchain lines in main modules, go.work and dependencies, and now
 * and then a go line above the running go command (which go refuses with GOTOOLCHAIN=local). Without
 * it the random sequence is exactly the one older runs and saved seeds used.
 */
import { compareGoVersion } from '../../../src/module/goVersion';
import { Rng } from '../../fuzz/mutate';
import { LocalModule, MainModule, ModuleVersion, Replace, Requirement, Scenario, mainModules } from './scenario';

/** GenOptions tunes the mix; the defaults are what the property test uses. */
export interface GenOptions {
  /** probability of a go.work workspace (default 0.25) */
  workspaceRate?: number;
  /** probability of a deliberate go failure (default 0.02) */
  failureRate?: number;
  /** current go.mod syntax and go/toolchain lines (for a go command ≥ 1.21) */
  modern?: boolean;
}

/** scenarioSeed derives the generator seed of scenario i of a run, so one scenario can be replayed alone. */
export function scenarioSeed(runSeed: number, i: number): number {
  return (Math.imul(runSeed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(i + 1, 0x85ebca6b)) | 0;
}

/**
 * propertyScenario is scenario i of a property run with seed runSeed: every 40th is broken on
 * purpose (go must fail on it, and so must we), the others only by chance (workspace conflicts).
 * Deciding by index keeps failures in every run, whatever the seed.
 */
export function propertyScenario(runSeed: number, i: number, modern = false): Scenario {
  return generateScenario(scenarioSeed(runSeed, i), { failureRate: i % 40 === 39 ? 1 : 0, modern });
}

/** PathKind says which versions a path can have. */
type PathKind = 'plain' | 'v2' | 'gopkg' | 'incompatible';

interface PathInfo {
  path: string;
  kind: PathKind;
  versions: string[];
}

const letters = 'abcdefghijklmnopqrstuvwxyz';
const goLines: (string | undefined)[] = [undefined, '1.16', '1.16', '1.17', '1.17', '1.17', '1.19', '1.19'];
const mainGoLines = ['1.16', '1.17', '1.19'];
/** go lines of current go.mod files (modern scenarios); ABOVE is above every go command the tests run */
const modernGoLines = ['1.21.0', '1.21', '1.21rc2', '1.22', '1.22.5', '1.23.0', '1.24', '1.24.2', '1.25.0', '1.26', '1.26.0'];
const modernToolchains = ['go1.21.0', 'go1.21.13', 'go1.22.4', 'go1.23.1', 'go1.24.0', 'go1.25.3', 'go1.26.0', 'go1.26.8', 'go1.23rc1'];
const ABOVE = '1.99.0';

class Generator {
  readonly paths: PathInfo[] = [];
  readonly modules: ModuleVersion[] = [];
  readonly locals: Record<string, LocalModule> = {};
  private forks = 0;

  constructor(readonly rng: Rng, readonly modern = false) {}

  /** goLine picks a dependency's go line (and, in modern scenarios, maybe a toolchain line) for body. */
  goLineFor(body: { go?: string; toolchain?: string }, old = false): void {
    if (!this.modern || old || this.chance(0.5)) {
      const go = this.rng.pick(goLines);
      if (go) body.go = go;
      else delete body.go;
      return;
    }
    body.go = this.chance(0.01) ? ABOVE : this.rng.pick(modernGoLines);
    if (this.chance(0.15)) body.toolchain = this.rng.pick(modernToolchains);
  }

  /** mainGoLine picks a main module's (or go.work's) go and toolchain lines. */
  mainGoLine(body: { go?: string; toolchain?: string }, oldLines: (string | undefined)[]): void {
    if (!this.modern || this.chance(0.35)) {
      const go = this.rng.pick(oldLines);
      if (go) body.go = go;
      return;
    }
    body.go = this.chance(0.01) ? ABOVE : this.rng.pick(modernGoLines);
    if (this.chance(0.35)) body.toolchain = this.rng.pick(modernToolchains);
  }

  chance(p: number): boolean {
    return this.rng.next() < p;
  }

  /** between returns an integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.rng.int(hi - lo + 1);
  }

  newPath(i: number): PathInfo {
    const l = letters[i % 26];
    const kinds: [PathKind, string][] = [
      ['plain', `example.com/${l}`], ['plain', `example.com/${l}`], ['plain', `example.com/${l}`],
      ['plain', `github.com/Azure/${l}-sdk`], ['v2', `example.com/${l}/v2`], ['gopkg', `gopkg.in/${l}.v1`],
      ['incompatible', `example.com/inc${l}`],
    ];
    const [kind, path] = this.rng.pick(kinds);
    const info: PathInfo = { path, kind, versions: [] };
    const n = this.between(1, 4);
    for (let k = 0; k < 20 && info.versions.length < n; k++) {
      const v = this.version(kind);
      if (!info.versions.includes(v)) info.versions.push(v);
    }
    return info;
  }

  timestamp(): string {
    const two = (n: number): string => String(n).padStart(2, '0');
    return `2023${two(this.between(1, 12))}${two(this.between(1, 28))}${two(this.between(0, 23))}${two(this.between(0, 59))}${two(this.between(0, 59))}`;
  }

  rev(): string {
    let s = '';
    for (let i = 0; i < 12; i++) s += '0123456789abcdef'[this.rng.int(16)];
    return s;
  }

  /** version makes a version valid for a path of that kind (semantics §1.10, §4.1). */
  version(kind: PathKind): string {
    const major = kind === 'v2' ? 2 : kind === 'gopkg' ? 1 : this.rng.int(2);
    const minor = this.rng.int(4);
    const patch = this.rng.int(3);
    const r = this.rng.int(10);
    if (kind === 'incompatible' && r < 4) {
      const m = 2 + this.rng.int(2);
      return r === 0 ? `v${m}.${minor}.${patch + 1}-0.${this.timestamp()}-${this.rev()}+incompatible` : `v${m}.${minor}.${patch}+incompatible`;
    }
    if (r === 4) return `v${major}.${minor}.${patch}-${this.rng.pick(['pre', 'rc.1', 'beta.2', 'alpha'])}`;
    if (r === 5) return major === 1 && kind !== 'gopkg'
      ? `v1.${minor}.${patch + 1}-0.${this.timestamp()}-${this.rev()}`
      : `v${major}.0.0-${this.timestamp()}-${this.rev()}`;
    if (r === 6) return `v${major}.${minor}.${patch + 1}-0.${this.timestamp()}-${this.rev()}`;
    return `v${major}.${minor}.${patch}`;
  }

  /**
   * pickRef picks an existing module version. `exceptPath` (a module's own path) is avoided: always
   * for main modules, 95% of the time for dependencies (a module may require another version of itself).
   */
  pickRef(exceptPath?: string, allowSelf = false): { path: string; version: string } {
    const candidates = this.paths.filter((p) => p.path !== exceptPath || (allowSelf && this.chance(0.05)));
    const p = this.rng.pick(candidates.length > 0 ? candidates : this.paths);
    return { path: p.path, version: this.rng.pick(p.versions) };
  }

  requirements(n: number, exceptPath?: string, allowSelf = false): Requirement[] {
    const out: Requirement[] = [];
    for (let k = 0; k < n; k++) {
      const r = this.pickRef(exceptPath, allowSelf);
      if (out.some((o) => o.path === r.path)) continue;
      out.push(this.chance(0.3) ? { ...r, indirect: true } : r);
    }
    return out;
  }

  /** moduleVersion fills in the go.mod a proxy serves for path@version. */
  moduleVersion(p: PathInfo, version: string): ModuleVersion {
    const incompatible = version.endsWith('+incompatible');
    // A +incompatible version comes from a repository without go.mod: the proxy serves `module P`.
    if (incompatible && this.chance(0.7)) return { path: p.path, version, requires: [] };
    const m: ModuleVersion = { path: p.path, version, requires: this.requirements(this.between(0, 3), p.path, true) };
    if (!incompatible) this.goLineFor(m);
    if (this.chance(0.1)) m.excludes = [this.pickRef()];
    if (this.chance(0.1)) m.replaces = [{ oldPath: this.pickRef().path, rawDir: '../elsewhere' }];
    if (this.chance(0.1)) m.retracts = [this.rng.pick(p.versions), `[${version}, ${version}]`].slice(0, this.between(1, 2));
    return m;
  }

  /** replaceTarget makes the right side of a replace for path: another version, a fork, or a directory. */
  replaceTarget(p: PathInfo, base: Replace): Replace {
    const r = this.rng.int(3);
    const others = p.versions.filter((v) => v !== base.oldVersion);
    if (r === 0 && others.length > 0) return { ...base, newPath: p.path, newVersion: this.rng.pick(others) };
    if (r <= 1) {
      const fork = `example.com/fork${this.forks++}`;
      const version = `v1.${this.rng.int(3)}.${this.rng.int(3)}`;
      const m: ModuleVersion = { path: fork, version, requires: this.requirements(this.between(0, 2), p.path) };
      this.goLineFor(m);
      if (this.chance(0.5)) m.declares = p.path; // a fork may keep the original module line
      this.modules.push(m);
      return { ...base, newPath: fork, newVersion: version };
    }
    const name = `l${Object.keys(this.locals).length + 1}`;
    const local: LocalModule = { path: this.chance(0.9) ? p.path : `example.com/elsewhere/${name}`, requires: this.requirements(this.between(0, 3), p.path) };
    this.goLineFor(local);
    this.locals[name] = local;
    return { ...base, local: name };
  }

  /** replaces makes n replace lines; version-specific ones usually name an existing version. */
  replaces(n: number, avoidWildcard: string[] = []): Replace[] {
    const out: Replace[] = [];
    for (let k = 0; k < n; k++) {
      const p = this.rng.pick(this.paths);
      const wildcard = this.chance(0.4) && !avoidWildcard.includes(p.path);
      const oldVersion = wildcard ? undefined : this.chance(0.9) ? this.rng.pick(p.versions) : this.version(p.kind);
      if (out.some((o) => o.oldPath === p.path && o.oldVersion === oldVersion)) continue;
      out.push(this.replaceTarget(p, oldVersion ? { oldPath: p.path, oldVersion } : { oldPath: p.path }));
    }
    return out;
  }

  /** mainModule makes the main module (or a workspace member) with requires, excludes and replaces. */
  mainModule(path: string, mainPaths: string[], dir?: string): MainModule {
    const m: MainModule = { path, requires: [] };
    if (this.modern) this.mainGoLine(m, mainGoLines);
    else m.go = this.rng.pick(mainGoLines);
    m.requires = this.requirements(this.between(1, 5), path);
    if (dir) m.dir = dir;
    if (this.chance(0.03) && m.requires.length > 0) {
      const dup = m.requires[0];
      const other = this.paths.find((p) => p.path === dup.path)?.versions.find((v) => v !== dup.version);
      if (other) m.requires.push({ path: dup.path, version: other }); // the same path required twice
    }
    if (this.chance(0.3)) {
      m.excludes = Array.from({ length: this.between(1, 2) }, () => this.pickRef());
      if (this.chance(0.4)) m.excludes.push({ path: m.requires[0].path, version: m.requires[0].version }); // exclude a required version
    }
    if (this.chance(0.4)) m.replaces = this.replaces(this.between(1, 3), mainPaths);
    return m;
  }
}

/** generateScenario makes the scenario for one seed; the same seed always gives the same scenario. */
export function generateScenario(seed: number, opts: GenOptions = {}): Scenario {
  const g = new Generator(new Rng(seed), opts.modern);
  const large = g.chance(0.1); // one scenario in ten has a bigger graph
  const nPaths = large ? g.between(10, 20) : g.between(3, 9);
  for (let i = 0; g.paths.length < nPaths && i < 80; i++) {
    const p = g.newPath(g.rng.int(large ? 26 : 12));
    if (!g.paths.some((q) => q.path === p.path)) g.paths.push(p);
  }
  const workspace = g.chance(opts.workspaceRate ?? 0.25);
  const mainPaths = workspace ? Array.from({ length: g.between(2, 4) }, (_, i) => `example.com/w${i + 1}`) : ['example.com/main'];
  if (g.chance(0.15)) g.paths.push({ path: g.rng.pick(mainPaths), kind: 'plain', versions: ['v1.0.0'] }); // a cycle back to a main module
  for (const p of g.paths) for (const v of p.versions) g.modules.push(g.moduleVersion(p, v));
  const s: Scenario = { modules: g.modules, locals: g.locals };
  if (workspace) {
    const members = mainPaths.map((p, i) => g.mainModule(p, mainPaths, `w${i + 1}`));
    avoidReplaceConflicts(members, g.chance(0.05));
    s.workspace = { members, replaces: g.chance(0.3) ? g.replaces(g.between(1, 2), mainPaths) : [] };
    if (opts.modern) {
      g.mainGoLine(s.workspace, [undefined, '1.18', '1.19']);
      // mostly a go.work that names at least its members' go lines (go work use writes that);
      // otherwise Go ≥ 1.21 refuses the workspace (errWorkTooOld), which is kept for 1 in 4
      const top = members.map((m) => m.go ?? '').filter((v) => v !== '' && compareGoVersion(v, '1.21') >= 0).sort(compareGoVersion).pop();
      if (top && g.chance(0.75) && compareGoVersion(top, s.workspace.go ?? '1.18') > 0) s.workspace.go = top;
    } else {
      const go = g.rng.pick([undefined, '1.18', '1.19']);
      if (go) s.workspace.go = go;
    }
  } else {
    s.main = g.mainModule(mainPaths[0], mainPaths);
  }
  if (g.chance(opts.failureRate ?? 0.02)) breakScenario(g, s);
  return s;
}

/**
 * avoidReplaceConflicts makes members that replace the same path use the same replace line. Go
 * 1.19 rejects a module version that two members replace differently — also when one replace is
 * a wildcard and the other names the version ("conflicting replacements found for P@V in workspace
 * modules defined by …"; newer Go compares only identical left sides, semantics §2.2). `keep`
 * leaves overlaps alone, to get that error on purpose.
 */
function avoidReplaceConflicts(members: MainModule[], keep: boolean): void {
  if (keep) return;
  const seen = new Map<string, Replace[]>();
  for (const m of members) {
    const own = m.replaces ?? [];
    const taken = own.filter((r) => seen.has(r.oldPath));
    const mine = own.filter((r) => !seen.has(r.oldPath));
    const borrowed = [...new Set(taken.map((r) => r.oldPath))].flatMap((p) => seen.get(p) ?? []);
    for (const r of mine) seen.set(r.oldPath, [...(seen.get(r.oldPath) ?? []), r]);
    m.replaces = [...mine, ...borrowed.map((r) => ({ ...r }))];
  }
}

/**
 * breakScenario makes go fail on purpose: a module the main module (or a member) requires
 * directly — so its go.mod is read — declares a wrong module path, or a required version is missing.
 */
function breakScenario(g: Generator, s: Scenario): void {
  const holder = s.main ?? g.rng.pick(s.workspace?.members ?? []);
  const replaced = new Set([...mainModules(s).flatMap((m) => m.replaces ?? []), ...(s.workspace?.replaces ?? [])].map((r) => r.oldPath));
  const excluded = new Set(mainModules(s).flatMap((m) => m.excludes ?? []).map((e) => `${e.path}@${e.version}`));
  const victims = s.modules.filter((m) => !replaced.has(m.path) && !excluded.has(`${m.path}@${m.version}`) &&
    holder.requires.some((r) => r.path === m.path && r.version === m.version));
  if (victims.length > 0 && g.chance(0.5)) {
    g.rng.pick(victims).declares = 'example.com/wrong/path';
    return;
  }
  const p = g.rng.pick(g.paths);
  const missing = p.kind === 'v2' ? 'v2.9.9' : p.kind === 'gopkg' ? 'v1.9.9' : 'v0.9.9';
  holder.requires.push({ path: p.path, version: missing });
}
