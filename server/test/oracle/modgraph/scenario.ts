/**
 * Scenario: a plain, JSON-able description of a module graph test case — the module versions a
 * proxy serves, the main module (or a go.work workspace with member modules), and local directory
 * modules used as replacement targets. materialize.ts writes it to disk; generate.ts makes random
 * ones; shrink.ts reduces failing ones; fixtures under test-fixtures/mvs/ store them as JSON.
 */

/** Requirement is one `require` line. */
export interface Requirement {
  path: string;
  version: string;
  /** written with a `// indirect` comment */
  indirect?: boolean;
}

/** ModuleRef names a module version (for exclude lines and version replacement targets). */
export interface ModuleRef {
  path: string;
  version: string;
}

/**
 * Replace is one `replace` line. `oldVersion` absent means a wildcard replace (`replace P => …`).
 * The target is either a module version (`newPath newVersion`) or a local directory module named by
 * `local` (a key of Scenario.locals), written as a relative path from the file that holds the line.
 */
export interface Replace {
  oldPath: string;
  oldVersion?: string;
  newPath?: string;
  newVersion?: string;
  /** directory target: the name of a LocalModule */
  local?: string;
  /** directory target that does not exist (only meaningful in dependencies, where replace is ignored) */
  rawDir?: string;
}

/** GoModBody is what every go.mod here can say besides its module line. */
export interface GoModBody {
  /** the `go` line; absent means no go line */
  go?: string;
  /** the `toolchain` line (Go ≥ 1.21), e.g. go1.22.4 */
  toolchain?: string;
  requires: Requirement[];
  excludes?: ModuleRef[];
  replaces?: Replace[];
  /** `retract` arguments as written: `v1.0.0` or `[v1.0.0, v1.1.0]` */
  retracts?: string[];
}

/**
 * ModuleVersion is one module version served by the proxy. Its `.mod` declares `declares` as the
 * module path (default: `path`; `null` writes no module line at all — Go rejects that). Its `.info`
 * is `{"Version": version, "Time": …}` unless `info` gives the text, or is null (no `.info` served).
 */
export interface ModuleVersion extends GoModBody {
  path: string;
  version: string;
  declares?: string | null;
  info?: string | null;
}

/** LocalModule is a go.mod placed in a directory (src/local/NAME), used as a replacement target. */
export interface LocalModule extends GoModBody {
  /** the module line; directory replacements are not checked against it */
  path: string;
}

/** MainModule is the main module, or one workspace member (then `dir` is its directory under src/). */
export interface MainModule extends GoModBody {
  path: string;
  dir?: string;
}

/** Workspace is a go.work file with its member modules. */
export interface Workspace {
  /** the go.work `go` line (absent: none, Go reads it as 1.18) */
  go?: string;
  toolchain?: string;
  members: MainModule[];
  replaces: Replace[];
}

/** Scenario is one complete test case: exactly one of `main` and `workspace` is set. */
export interface Scenario {
  /** a short label for messages */
  name?: string;
  modules: ModuleVersion[];
  locals: Record<string, LocalModule>;
  main?: MainModule;
  workspace?: Workspace;
}

/** escapeModulePath applies the module cache/proxy case escaping: each upper-case X becomes !x. */
export function escapeModulePath(s: string): string {
  return s.replace(/[A-Z]/g, (c) => '!' + c.toLowerCase());
}

/** mainModules lists the main module or all workspace members. */
export function mainModules(s: Scenario): MainModule[] {
  return s.workspace ? s.workspace.members : s.main ? [s.main] : [];
}

/** allBodies lists every go.mod body of the scenario (modules, locals, main modules). */
export function allBodies(s: Scenario): GoModBody[] {
  return [...s.modules, ...Object.values(s.locals), ...mainModules(s)];
}

/** cloneScenario deep-copies a scenario (it is plain JSON). */
export function cloneScenario(s: Scenario): Scenario {
  return JSON.parse(JSON.stringify(s)) as Scenario;
}

/** scenarioSize counts the elements the shrinker can remove, so shrinking progress can be measured. */
export function scenarioSize(s: Scenario): number {
  let n = s.modules.length + Object.keys(s.locals).length + (s.workspace ? s.workspace.members.length + s.workspace.replaces.length : 0);
  for (const b of allBodies(s)) {
    n += b.requires.length + (b.excludes?.length ?? 0) + (b.replaces?.length ?? 0) + (b.retracts?.length ?? 0);
  }
  return n;
}

/** memberDir is the directory (under src/) of workspace member i. */
export function memberDir(m: MainModule, i: number): string {
  return m.dir ?? `m${i + 1}`;
}

/** describeScenario renders a scenario as the go.mod/go.work texts it materializes to, for failure messages. */
export function describeScenario(s: Scenario): string {
  const out: string[] = [];
  const lines = (title: string, text: string): void => {
    out.push(`-- ${title} --`, text.trimEnd());
  };
  if (s.workspace) {
    lines('go.work', workText(s.workspace));
    s.workspace.members.forEach((m, i) => lines(`${memberDir(m, i)}/go.mod`, goModText(m.path, m, '../local')));
  } else if (s.main) {
    lines('main/go.mod', goModText(s.main.path, s.main, '../local'));
  }
  for (const [name, l] of Object.entries(s.locals)) lines(`local/${name}/go.mod`, goModText(l.path, l, '..'));
  for (const m of s.modules) lines(`proxy ${m.path}@${m.version}`, goModText(m.declares === undefined ? m.path : m.declares, m, '../local'));
  return out.join('\n');
}

/** replaceTarget renders the right-hand side of a replace line; `localBase` is the local/ folder relative to the file. */
export function replaceTarget(r: Replace, localBase: string): string {
  if (r.local !== undefined) return `${localBase}/${r.local}`;
  if (r.rawDir !== undefined) return r.rawDir;
  return `${r.newPath ?? r.oldPath} ${r.newVersion ?? ''}`.trimEnd();
}

function replaceLine(r: Replace, localBase: string): string {
  const left = r.oldVersion ? `${r.oldPath} ${r.oldVersion}` : r.oldPath;
  return `${left} => ${replaceTarget(r, localBase)}`;
}

function block(verb: string, items: string[]): string {
  if (items.length === 0) return '';
  if (items.length === 1) return `\n${verb} ${items[0]}\n`;
  return `\n${verb} (\n${items.map((i) => `\t${i}\n`).join('')})\n`;
}

/**
 * goModText renders a go.mod. `declares` null omits the module line; `localBase` is how the file
 * reaches the local/ folder (`../local` from src/main and from workspace members).
 */
export function goModText(declares: string | null, body: GoModBody, localBase: string): string {
  let text = declares === null ? '' : `module ${declares}\n`;
  if (body.go !== undefined) text += `\ngo ${body.go}\n`;
  if (body.toolchain !== undefined) text += `\ntoolchain ${body.toolchain}\n`;
  text += block('require', body.requires.map((r) => `${r.path} ${r.version}${r.indirect ? ' // indirect' : ''}`));
  text += block('exclude', (body.excludes ?? []).map((e) => `${e.path} ${e.version}`));
  text += block('replace', (body.replaces ?? []).map((r) => replaceLine(r, localBase)));
  text += block('retract', body.retracts ?? []);
  return text;
}

/** workText renders the go.work file; members live in src/DIR and local modules in src/local. */
export function workText(w: Workspace): string {
  let text = w.go !== undefined ? `go ${w.go}\n` : '';
  if (w.toolchain !== undefined) text += `\ntoolchain ${w.toolchain}\n`;
  text += block('use', w.members.map((m, i) => `./${memberDir(m, i)}`));
  text += block('replace', w.replaces.map((r) => replaceLine(r, './local')));
  return text.replace(/^\n/, '');
}
