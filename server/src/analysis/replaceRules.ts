/**
 * The replace pitfall (mission: "replace only applies in the main module"): a go.mod's replace
 * directives are ignored by every build in which that go.mod is not a main module. From the
 * dependency's side that is `replace-ineffective`; from the main module's side, a module its graph
 * uses that some workspace go.mod replaces with a local directory but the main module does not,
 * `replace-missing`. Both offer the same fix: the equivalent replace in the main go.mod (or go.work),
 * with a directory target rewritten relative to it.
 */
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { Replacement } from '../graph/mainModules';
import { ModuleKey } from '../graph/mvs';
import { Replace } from '../syntax/modfile';
import { memberFile } from './buildRules';
import { Finding, FixData } from './findings';
import { BuildView, ModDoc, WorkspaceView } from './view';

/** Usage: a workspace go.mod read as a dependency (via a directory replacement) in another build. */
interface Usage {
  view: BuildView;
  /** the module version the build reads this directory as */
  as: ModuleKey;
}

/** dependencyUsages lists the builds that read doc's module from its directory without it being a main module. */
export function dependencyUsages(doc: ModDoc, ws: WorkspaceView): Usage[] {
  const out: Usage[] = [];
  for (const view of ws.builds.values()) {
    const b = view.build;
    if (!b || !view.main || view.main.modules.some((m) => m.dir === doc.dir)) continue;
    for (const m of b.graph.buildList()) {
      const r = b.main.isMain(m) ? undefined : b.main.replacement(m);
      if (r?.dir !== undefined && r.dir === doc.dir) {
        out.push({ view, as: m });
        break;
      }
    }
  }
  return out;
}

/** replaceTargetFile is where the fix writes: go.work in workspace mode, else the main go.mod. */
function replaceTargetFile(view: BuildView): string {
  return view.main?.workspace ? view.file : memberFile(view.main!.modules[0]);
}

/** equivalentTarget rewrites a replacement target for a file in another directory. */
export function equivalentTarget(r: Replace, fromDir: string, toDir: string): { path: string; version: string } {
  if (r.new.version !== '') return { path: r.new.path, version: r.new.version };
  const abs = isAbsolute(r.new.path) ? r.new.path : join(fromDir, r.new.path);
  let rel = relative(toDir, abs).split(sep).join('/');
  if (rel === '') rel = '.';
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return { path: isAbsolute(r.new.path) ? r.new.path : rel, version: '' };
}

function sameTarget(eff: Replacement | undefined, r: Replace, fromDir: string): boolean {
  if (!eff) return false;
  if (r.new.version !== '') return eff.version === r.new.version && eff.path === r.new.path;
  const abs = isAbsolute(r.new.path) ? r.new.path : join(fromDir, r.new.path);
  return eff.dir !== undefined && eff.dir === abs;
}

const describe = (t: { path: string; version: string }): string => (t.version === '' ? t.path : `${t.path} ${t.version}`);

/** insteadText says what the build does with the module instead of the ignored replacement. */
function insteadText(view: BuildView, path: string, eff: Replacement | undefined, ws: WorkspaceView): string {
  const b = view.build!;
  const sel = b.graph.selectedVersion(path);
  if (eff) return `it uses ${describe(eff)} instead (its own replace)`;
  if (sel === 'none') return `${path} is not in its module graph yet`;
  const missing = b.missing.find((f) => f.module.path === path);
  if (missing) {
    return `${path} is looked up as an ordinary module at ${sel}, which is not available (${missing.message.split('\n')[0]}); a build fails with errors such as "missing go.sum entry for module providing package ${path}"`;
  }
  if (ws.cache.goModFile(path, sel) === undefined) {
    return `${path} is looked up as an ordinary module at ${sel}, which is not in the module cache: a build that imports it fails with "missing go.sum entry for module providing package ${path}" (or cannot download it)`;
  }
  return `${path} is looked up as an ordinary module: ${sel} from the module cache or proxy, not your local copy`;
}

/** replaceIneffectiveFindings: on each replace of a go.mod used as a dependency by some build. */
export function replaceIneffectiveFindings(doc: ModDoc, ws: WorkspaceView): Finding[] {
  if (doc.mod.replace.length === 0) return [];
  const usages = dependencyUsages(doc, ws);
  const out: Finding[] = [];
  for (const r of doc.mod.replace) {
    const ignoring: Usage[] = [];
    for (const u of usages) {
      const b = u.view.build!;
      const sel = b.graph.selectedVersion(r.old.path);
      const probe = { path: r.old.path, version: r.old.version || (sel === 'none' ? '' : sel) };
      if (r.old.version !== '' && sel !== 'none' && sel !== r.old.version) continue; // not the version in use
      if (sameTarget(b.main.replacement(probe), r, doc.dir)) continue; // the main module replaces it the same way
      ignoring.push(u);
    }
    if (ignoring.length === 0) continue;
    const names = ignoring.map((u) => u.view.main!.workspace ? `the workspace ${u.view.file}` : u.view.main!.modules[0].path);
    const first = ignoring[0];
    const b = first.view.build!;
    const sel = b.graph.selectedVersion(r.old.path);
    const eff = b.main.replacement({ path: r.old.path, version: r.old.version || sel });
    out.push({
      code: 'replace-ineffective', file: doc.file, start: r.line.start, end: r.line.end,
      message: `this replace is ignored when building ${names.join(', ')}: replace directives apply only in the main module (or go.work), and here ${doc.mod.module?.path ?? 'this module'} is a dependency. Instead, ${insteadText(first.view, r.old.path, eff, ws)}`,
      related: ignoring.map((u) => relatedMain(u.view, ws)),
      fixes: ignoring.map((u) => addReplaceFix(u.view, r, doc.dir)),
    });
  }
  return out;
}

function relatedMain(view: BuildView, ws: WorkspaceView): Finding['related'] extends (infer R)[] | undefined ? R : never {
  const file = replaceTargetFile(view);
  const doc = ws.mods.get(file);
  const line = doc?.mod.module?.line ?? ws.works.get(file)?.work.go?.line;
  return { file, start: line?.start ?? 0, end: line?.end ?? 0, message: `main module${view.main?.workspace ? 's of this workspace' : ''}: its replace directives are the ones that count` };
}

function addReplaceFix(view: BuildView, r: Replace, fromDir: string): { title: string; data: FixData } {
  const target = replaceTargetFile(view);
  const to = equivalentTarget(r, fromDir, dirname(target));
  const old = { path: r.old.path, version: r.old.version };
  const shown = `replace ${describe(old)} => ${describe(to)}`;
  return { title: `Add "${shown}" to ${relativeName(target, fromDir)}`, data: { kind: 'add-replace', target, old, new: to } };
}

function relativeName(file: string, fromDir: string): string {
  const rel = relative(fromDir, file).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** replaceMissingFindings: on a main go.mod (or go.work), modules that workspace go.mod files replace locally but it does not. */
export function replaceMissingFindings(view: BuildView, ws: WorkspaceView): Finding[] {
  const b = view.build;
  if (!b || !view.main) return [];
  const target = replaceTargetFile(view);
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const doc of ws.mods.values()) {
    if (!dependencyUsages(doc, ws).some((u) => u.view === view)) continue;
    for (const r of doc.mod.replace) {
      if (r.new.version !== '' || seen.has(r.old.path)) continue;
      const sel = b.graph.selectedVersion(r.old.path);
      if (sel === 'none' || (r.old.version !== '' && r.old.version !== sel)) continue;
      if (sameTarget(b.main.replacement({ path: r.old.path, version: sel }), r, doc.dir)) continue;
      seen.add(r.old.path);
      const at = anchorFor(view, r.old.path, ws);
      out.push({
        code: 'replace-missing', file: at.file, start: at.start, end: at.end,
        message: `${r.old.path} is replaced by a local directory in ${relativeName(doc.file, dirname(target))}, but that replace is ignored here (it is not the main module); this build uses ${r.old.path} ${sel} ${b.missing.some((f) => f.module.path === r.old.path) || ws.cache.goModFile(r.old.path, sel) === undefined ? 'as an ordinary module, which is not in the module cache (builds fail with "missing go.sum entry for module providing package ' + r.old.path + '")' : 'from the module cache or proxy'}`,
        related: [{ file: doc.file, start: r.line.start, end: r.line.end, message: 'the ignored replace' }],
        fixes: [addReplaceFix(view, r, doc.dir)],
      });
    }
  }
  return out;
}

function anchorFor(view: BuildView, path: string, ws: WorkspaceView): { file: string; start: number; end: number } {
  for (const m of view.main!.modules) {
    const r = m.modFile.require.find((q) => q.mod.path === path);
    if (r) return { file: memberFile(m), start: r.line.start, end: r.line.end };
  }
  const file = replaceTargetFile(view);
  const line = ws.mods.get(file)?.mod.module?.line ?? ws.works.get(file)?.work.go?.line ?? view.main?.modules[0].modFile.module?.line;
  return { file, start: line?.start ?? 0, end: line?.end ?? 0 };
}
