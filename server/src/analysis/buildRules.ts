/**
 * Rules on a main module set's build (semantics §3): requirements below the selected version
 * (`version-raised`, `not-tidy`), incomplete graphs (`module-missing`, `build-error`), excluded,
 * retracted and deprecated requirements, and replaces of modules outside the graph (`replace-unused`).
 */
import { join } from 'node:path';
import { Build } from '../graph/buildList';
import { readonlyProblems } from '../graph/consistency';
import { MainModule } from '../graph/mainModules';
import { ModuleKey, cmpVersion, keyOf, showModule } from '../graph/mvs';
import { requirersOf } from '../graph/why';
import { compareGoVersion } from '../module/goVersion';
import { compare, isValid, prerelease } from '../module/semver';
import { ModFile, Require } from '../syntax/modfile';
import { RuleMemo } from './memo';
import { Finding } from './findings';
import { goLineOf, topDependencyGo } from './goRules';
import { BuildView, WorkspaceView } from './view';

export const showKey = (m: ModuleKey): string => (m.version === '' ? m.path : `${m.path} ${m.version}`);

/** memberFile is the go.mod of a main module. */
export const memberFile = (m: MainModule): string => join(m.dir, 'go.mod');

/** requiredBy names the module whose requirement sets path's selected version ("example.com/c v1.0.0"). */
export function requiredBy(build: Build, path: string): string | undefined {
  const selected = build.graph.selectedVersion(path);
  const setBy = requirersOf(build.graph, path).filter((r) => r.version === selected);
  const by = setBy.find((r) => !build.main.isMain(r.by)) ?? setBy[0];
  if (!by) return undefined;
  return build.main.isMain(by.by) ? `${by.by.path} (a main module)` : showKey(by.by);
}

/** raisedMessage: the wording the issue fixes for a requirement MVS raises. */
export function raisedMessage(build: Build, r: Require, selected: string): string {
  const by = requiredBy(build, r.mod.path);
  return `go.mod asks for ${r.mod.version} or later; MVS selects ${selected}${by ? `, required by ${by}` : ''}`;
}

/** requirementFindings: version-raised, not-tidy and excluded on each main go.mod of the view. */
export function requirementFindings(view: BuildView, memo?: RuleMemo): Finding[] {
  const b = view.build;
  if (!b || !view.main) return [];
  const out: Finding[] = [];
  const stops = new Map<Require, string>();
  if (view.readonly) {
    for (const p of readonlyProblems(view.readonly)) {
      if (p.require) stops.set(p.require, p.message);
      else if (p.kind === 'go-below-selected' || p.kind === 'toolchain-below-selected') {
        const f = view.main.modules[0];
        // a selected dependency's go line: go-below-dependency says it, naming the dependency
        const own = goLineOf({ mod: f.modFile }).version;
        if (p.kind === 'go-below-selected' && !view.main.workspace && topDependencyGo(b, own)?.go === p.selected && compareGoVersion(p.selected ?? '', '1.21') >= 0) continue;
        const line = p.kind === 'toolchain-below-selected' ? f.modFile.toolchain?.line ?? f.modFile.go?.line : f.modFile.go?.line ?? f.modFile.module?.line;
        const remedy = p.kind === 'go-below-selected' ? `go get go@${p.selected} raises it` : 'go get toolchain@none removes the line';
        if (line) out.push({ code: 'not-tidy', file: memberFile(f), start: line.start, end: line.end, message: `go list -m all stops here: ${p.message}; go: updates to go.mod needed (${remedy})`, fixes: p.kind === 'go-below-selected' && p.selected ? [{ title: `Set go ${p.selected} (as go get go@${p.selected} does)`, data: { kind: 'set-go', target: memberFile(f), version: p.selected } }] : undefined });
      }
    }
  }
  for (const m of view.main.modules) {
    if (view.main.workspace) out.push(...memberRequirementsMemo(b, m, memo));
    else out.push(...memberRequirements(b, m, stops));
  }
  return out;
}

/**
 * memberRequirementsMemo: in workspace mode (no read-only stops) a member's findings depend only on
 * its parse and the graph, so a keystroke in one member re-checks that member alone (with a memo).
 */
function memberRequirementsMemo(b: Build, m: MainModule, memo?: RuleMemo): Finding[] {
  const hit = memo?.members.get(m.modFile);
  if (hit && hit.graph === b.graph) return hit.findings;
  const findings = memberRequirements(b, m, new Map());
  memo?.members.set(m.modFile, { graph: b.graph, findings });
  return findings;
}

/** memberRequirements: excluded, raised and not-tidy requirements of one main go.mod. */
function memberRequirements(b: Build, m: MainModule, stops: Map<Require, string>): Finding[] {
  const out: Finding[] = [];
  const file = memberFile(m);
  for (const r of m.modFile.require) {
    const span = { start: r.line.start, end: r.line.end };
    if (b.main.excludes.has(keyOf(r.mod))) {
      const sel = b.graph.selectedVersion(r.mod.path);
      // read-only, go list -m all stops on it (the requirement must go); -mod=mod and go mod tidy drop it
      const stop = stops.has(r) ? '; go list -m all stops here (go: updates to go.mod needed) until the line is removed (go mod tidy removes it)' : '';
      out.push({ code: 'excluded', file, ...span, message: `${r.mod.path} ${r.mod.version} is excluded by an exclude directive: the go command ignores this requirement (go: dropping requirement on excluded version ${r.mod.path} ${r.mod.version}) and ${sel === 'none' ? 'the module leaves the build list unless something else requires it' : `selects ${sel}`}${stop}` });
      continue;
    }
    if (b.main.isMain({ path: r.mod.path, version: '' })) continue; // a workspace module: its own directory is built
    const sel = b.graph.selectedVersion(r.mod.path);
    if (sel === 'none' || cmpVersion(r.mod.path, r.mod.version, sel) >= 0) {
      const why = stops.get(r);
      if (why) out.push({ code: 'not-tidy', file, ...span, message: `go list -m all stops here: ${why}; go: updates to go.mod needed (go mod tidy rewrites it)` });
      continue;
    }
    const fix = { title: `Set ${r.mod.path} to ${sel} (as go mod tidy would)`, data: { kind: 'set-require' as const, target: file, path: r.mod.path, version: sel } };
    // one finding per line and cause: where the raise is also what stops the go command, not-tidy
    // says both (the raise and its consequence), not two diagnostics saying the same thing
    if (stops.has(r)) {
      out.push({ code: 'not-tidy', file, ...span, message: `${raisedMessage(b, r, sel)}, so go list -m all stops here: go: updates to go.mod needed (a build stops too when it uses a package of a module that requires ${sel}); go get ${r.mod.path}@${sel} fixes go.mod`, fixes: [fix] });
    } else {
      out.push({ code: 'version-raised', file, start: r.versionToken.start, end: r.versionToken.end, message: raisedMessage(b, r, sel), fixes: [fix] });
    }
  }
  return out;
}

/**
 * MANY_MISSING: above this many go.mod files missing from the module cache (a fresh clone before
 * `go mod download`: tailscale's go.mod has 516), one module-missing diagnostic says so instead of
 * one per requirement — a squiggle on every require line hides the findings that matter, and the
 * remedy is one command. The hover of a require still says when its go.mod is missing.
 */
export const MANY_MISSING = 20;

/**
 * missingFindings: the build list is incomplete, or the go command would stop for another reason.
 * `missingMessage` words it: for one module (`own`: on the require of that very version), or for
 * several at once.
 */
export function missingFindings(view: BuildView, missingMessage: (missing: readonly ModuleKey[], own: boolean) => string, ws?: WorkspaceView): Finding[] {
  const b = view.build;
  const out: Finding[] = [];
  const anchor = anchorOf(view, ws);
  if (!b) {
    // a parse error of the main go.mod is already a syntax finding, at its exact place; a main
    // go.mod or go.work that cannot be read, a file-unreadable finding
    const said = view.error?.startsWith('errors parsing') || (ws?.mods.get(view.file) ?? ws?.works.get(view.file))?.unreadable !== undefined;
    if (view.error && anchor && !said) out.push({ code: 'build-error', ...anchor, message: `go: ${view.error}` });
    return out;
  }
  const absent = b.missing.filter((f) => f.unavailable);
  const leading = absent.length > 0 ? requireIndex(view, b) : undefined;
  if (absent.length > 0) {
    // beside modules merely absent, a go.mod that is there but broken (unreadable, too large, not
    // parseable) is an error of its own: on the require that reaches it, as module-missing is
    for (const f of b.missing) {
      if (dirReplaceFailure(b, f)) continue; // replace-dir-missing says it, on the replace line
      const at = f.unavailable ? undefined : leading?.(f.module) ?? anchor;
      if (at) out.push({ code: 'build-error', file: at.file, start: at.start, end: at.end, message: `go: ${showModule(f.module)}: ${f.message}` });
    }
  }
  if (absent.length > MANY_MISSING && anchor) {
    out.push({ code: 'module-missing', ...anchor, message: missingMessage(absent.map((f) => f.module), false) });
    return out;
  }
  for (const f of absent) {
    const lead = leading?.(f.module);
    const at = lead ?? anchor;
    if (!at) continue;
    // on the require of this very module version, the message need not name it twice
    const own = lead !== undefined && lead.path === f.module.path && lead.version === f.module.version;
    out.push({ code: 'module-missing', file: at.file, start: at.start, end: at.end, message: missingMessage([f.module], own) });
  }
  const covered = b.error?.startsWith('conflicting replacements') && view.main?.workspace; // work-replace-conflict says it
  const onReplaceLines = b.missing.length > 0 && b.missing.every((f) => dirReplaceFailure(b, f));
  if (absent.length === 0 && b.error && anchor && !covered && !onReplaceLines) out.push({ code: 'build-error', ...anchor, message: `go: ${b.error}` });
  return out;
}

function anchorOf(view: BuildView, ws?: WorkspaceView): { file: string; start: number; end: number } | undefined {
  const m = view.main?.modules[0];
  if (!view.main && ws) {
    const line = ws.works.get(view.file)?.work.go?.line ?? ws.mods.get(view.file)?.mod.module?.line;
    if (line) return { file: view.file, start: line.start, end: line.end };
  }
  if (view.main?.workspace) {
    const line = view.main.workspace.work.go?.line ?? view.main.workspace.work.use[0]?.line;
    return { file: view.file, start: line?.start ?? 0, end: line?.end ?? 0 };
  }
  if (!m) return { file: view.file, start: 0, end: 0 };
  const line = m.modFile.module?.line;
  return { file: memberFile(m), start: line?.start ?? 0, end: line?.end ?? 0 };
}

/**
 * requireIndex answers "through which require line (in a main go.mod) does the graph reach m?" in
 * O(1) per question after one breadth-first walk (first hops), so thousands of missing modules cost
 * one traversal, not one each.
 */
function requireIndex(view: BuildView, b: Build): (m: ModuleKey) => { file: string; start: number; end: number; path: string; version: string } | undefined {
  const lines = new Map<string, { file: string; start: number; end: number; path: string; version: string }>();
  for (const mm of view.main?.modules ?? []) {
    for (const r of mm.modFile.require) if (!lines.has(r.mod.path)) lines.set(r.mod.path, { file: memberFile(mm), start: r.line.start, end: r.line.end, path: r.mod.path, version: r.mod.version });
  }
  let firstHop: Map<string, string> | undefined;
  return (m) => {
    const direct = lines.get(m.path);
    if (direct) return direct;
    firstHop ??= firstHops(b);
    const hop = firstHop.get(keyOf(m));
    return hop === undefined ? undefined : lines.get(hop);
  };
}

/** replacementDirUnreadable: f is the failure to read the go.mod of a directory replacement (for whatever reason). */
export function replacementDirUnreadable(b: Build, f: { module: ModuleKey; unavailable?: string }): boolean {
  return !f.unavailable && !b.main.isMain(f.module) && b.main.replacement(f.module)?.version === '';
}

/**
 * dirReplaceFailure: f is a directory replacement whose go.mod is not there (the directory does not
 * exist, or has no go.mod), which replace-dir-missing reports on the replace line. A go.mod that is
 * there but cannot be read (too large, a pipe, not permitted) stays a build-error.
 */
function dirReplaceFailure(b: Build, f: { module: ModuleKey; message: string; unavailable?: string }): boolean {
  return replacementDirUnreadable(b, f) && /no such file or directory|not a directory/.test(f.message);
}

/**
 * replaceDirMissingFindings: a replace to a directory whose go.mod cannot be read, on that replace
 * line (go.work's or a main go.mod's, whichever is in effect), whatever else is missing from the
 * graph: the go command stops as soon as the build needs the module.
 */
export function replaceDirMissingFindings(view: BuildView): Finding[] {
  const b = view.build;
  if (!b || !view.main) return [];
  const out: Finding[] = [];
  const failed = b.missing.filter((f) => dirReplaceFailure(b, f));
  if (failed.length === 0) return out;
  const files: Array<{ file: string; replaces: MainModule['modFile']['replace'] }> = [];
  if (view.main.workspace) files.push({ file: view.file, replaces: view.main.workspace.work.replace });
  for (const m of view.main.modules) files.push({ file: memberFile(m), replaces: m.modFile.replace });
  for (const f of failed) {
    const eff = b.main.replacement(f.module);
    for (const { file, replaces } of files) {
      const r = replaces.find((x) => x.new.version === '' && x.new.path === eff?.path && x.old.path === f.module.path && (x.old.version === '' || x.old.version === f.module.version));
      if (!r) continue;
      out.push({ code: 'replace-dir-missing', file, start: r.line.start, end: r.line.end, message: `the replacement directory ${r.new.path} does not exist or has no go.mod, so the go command stops as soon as the build needs ${f.module.path}: go: ${showModule(f.module)}: ${f.message}` });
      break;
    }
  }
  return out;
}

/** firstHops maps each node to the path of the first non-main module on a shortest chain from the roots. */
function firstHops(b: Build): Map<string, string> {
  const hop = new Map<string, string>();
  b.graph.walkBreadthFirst((m, from) => {
    if (!from) return;
    hop.set(keyOf(m), b.main.isMain(from) ? m.path : hop.get(keyOf(from)) ?? from.path);
  });
  return hop;
}

/**
 * latestOf is the version whose go.mod says whether a module is retracted or deprecated — modload's
 * queryLatestVersionIgnoringRetractions, a "latest" query with no current version: the highest
 * release, else the highest; as queryMatcher.filterVersions, +incompatible versions do not count
 * when the last compatible version (pre-releases included) has a go.mod of its own (`hasGoMod`;
 * unknown counts as yes), even for a +incompatible requirement — gh's go-chi/chi v4.1.2+incompatible
 * is deprecated by v1.5.5's go.mod.
 */
export function latestOf(versions: string[], hasGoMod: (v: string) => boolean | undefined = () => true): string | undefined {
  let valid = versions.filter((v) => isValid(v)).sort(compare);
  const lastCompatible = valid.filter((v) => !v.endsWith('+incompatible')).at(-1);
  const dropIncompatible = lastCompatible !== undefined && valid.some((v) => v.endsWith('+incompatible')) && hasGoMod(lastCompatible) !== false;
  if (dropIncompatible) valid = valid.filter((v) => !v.endsWith('+incompatible'));
  const releases = valid.filter((v) => prerelease(v) === '');
  const pool = releases.length > 0 ? releases : valid;
  return pool[pool.length - 1];
}

/** isLegacyGoMod: a cached go.mod that is only `module PATH` — what the go command writes for a version without one. */
function isLegacyGoMod(f: ModFile): boolean {
  return !f.go && !f.toolchain && f.require.length + f.exclude.length + f.replace.length + f.retract.length === 0 && !f.module?.deprecated;
}

/** cachedLatest: latestOf over the cache's versions of path; with a memo, once per path while the cache is unchanged (every edit asks for every requirement). */
function cachedLatest(ws: WorkspaceView, path: string, memo?: RuleMemo): string | undefined {
  let known = memo?.latest.get(ws.cache);
  if (memo && !known) memo.latest.set(ws.cache, (known = new Map()));
  if (known?.has(path)) return known.get(path);
  const latest = latestInCache(ws, path);
  known?.set(path, latest);
  return latest;
}

/** latestInCache: the version of path the go command calls latest, from the versions the module cache knows (its go.mod carries the retractions). */
export function latestInCache(ws: Pick<WorkspaceView, 'cache'>, path: string): string | undefined {
  return latestOf(ws.cache.versions(path), (v) => {
    const g = ws.cache.goMod(path, v);
    return g ? !isLegacyGoMod(g) : undefined;
  });
}

/** retractionCovering: the first retract directive of a (latest) go.mod whose range holds path@version. */
export function retractionCovering(f: ModFile, path: string, version: string): ModFile['retract'][number] | undefined {
  return f.retract.find((x) => cmpVersion(path, x.low, version) <= 0 && cmpVersion(path, version, x.high) <= 0);
}

/** lifecycleFindings: retracted and deprecated requirements, from the latest version's go.mod in the cache. */
export function lifecycleFindings(view: BuildView, ws: WorkspaceView, memo?: RuleMemo): Finding[] {
  const out: Finding[] = [];
  for (const m of view.main?.modules ?? []) {
    for (const r of m.modFile.require) {
      const latest = cachedLatest(ws, r.mod.path, memo);
      if (!latest) continue;
      const f = ws.cache.goMod(r.mod.path, latest);
      if (!f) continue;
      const span = { file: memberFile(m), start: r.line.start, end: r.line.end };
      const x = retractionCovering(f, r.mod.path, r.mod.version);
      if (x) out.push({ code: 'retracted', ...span, message: `${r.mod.path} ${r.mod.version} is retracted by its author (go.mod of ${latest})${x.rationale ? `: ${x.rationale}` : ''}; go get ${r.mod.path}@latest moves to ${latest}`, fixes: [{ title: `Set ${r.mod.path} to ${latest}`, data: { kind: 'set-require', target: span.file, path: r.mod.path, version: latest } }] });
      if (f.module?.deprecated) {
        out.push({ code: 'deprecated', ...span, message: `${r.mod.path} is deprecated (go.mod of ${latest}): ${f.module.deprecated}` });
      }
    }
  }
  return out;
}

/** unusedReplaceFindings: a main-module (or go.work) replace of a module the graph never reaches. */
export function unusedReplaceFindings(view: BuildView): Finding[] {
  const b = view.build;
  if (!b || !view.main || b.missing.length > 0 || b.error) return []; // an incomplete graph cannot prove absence
  const paths = new Set<string>();
  const keys = new Set<string>();
  for (const n of b.graph.allNodes()) {
    paths.add(n.path);
    keys.add(keyOf(n));
  }
  const out: Finding[] = [];
  const check = (file: string, replaces: MainModule['modFile']['replace'], mainPaths: Set<string>): void => {
    for (const r of replaces) {
      if (mainPaths.has(r.old.path)) continue;
      const used = r.old.version === '' ? paths.has(r.old.path) : keys.has(keyOf(r.old));
      if (used) continue;
      const what = r.old.version === '' ? `${r.old.path} is not in the module graph` : `${r.old.path} ${r.old.version} is not in the module graph${paths.has(r.old.path) ? ` (the graph has ${r.old.path} ${b.graph.selectedVersion(r.old.path)})` : ''}`;
      out.push({ code: 'replace-unused', file, start: r.line.start, end: r.line.end, unnecessary: true, message: `this replace has no effect: ${what}, so the go command ignores it` });
    }
  };
  const mainPaths = new Set(view.main.modules.map((m) => m.path));
  if (view.main.workspace) check(view.file, view.main.workspace.work.replace, mainPaths);
  for (const m of view.main.modules) check(memberFile(m), m.modFile.replace, mainPaths);
  return out;
}
