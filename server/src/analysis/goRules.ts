/**
 * go-line rules (semantics §6): a main module's go line below a selected dependency's
 * (`go-below-dependency`), any module's go line below the language features its own code uses
 * (`go-below-features`), and a go line newer than the local toolchain (`go-above-toolchain`).
 */
import { dirname, relative } from 'node:path';
import { keyOf } from '../graph/mvs';
import { tooNewMessage } from '../graph/tooNew';
import { compareGoVersion, goLang } from '../module/goVersion';
import { memberFile } from './buildRules';
import { Finding } from './findings';
import { BuildView, ModDoc, WorkspaceView } from './view';

/** goLineOf: the go version a go.mod declares, and the default the go command assumes without one. */
export function goLineOf(doc: Pick<ModDoc, 'mod'>): { version: string; declared: boolean } {
  const v = doc.mod.go?.version;
  return v ? { version: v, declared: true } : { version: '1.16', declared: false };
}

function goAnchor(doc: ModDoc): { start: number; end: number } {
  const line = doc.mod.go?.line ?? doc.mod.module?.line;
  return { start: line?.start ?? 0, end: line?.end ?? 0 };
}

/** DependencyGo: the selected dependency with the highest go line above the main module's. */
export interface DependencyGo {
  path: string;
  version: string;
  go: string;
  /** where its go.mod is read from (path@version, or the replacement) */
  read: string;
}

/** topDependencyGo: the build-list dependency whose go line is highest above `own`, if any. */
export function topDependencyGo(b: NonNullable<BuildView['build']>, own: string): DependencyGo | undefined {
  let any = false; // most graphs have no go line above the main one: then no walk of the build list
  for (const go of b.goVersions.values()) if (compareGoVersion(go, own) > 0) any = true;
  if (!any) return undefined;
  let top: DependencyGo | undefined;
  for (const m of b.graph.buildList()) {
    if (b.main.isMain(m) || m.path === 'go' || m.path === 'toolchain') continue;
    const r = b.main.replacement(m);
    const go = b.goVersions.get(keyOf(r ? { path: r.path, version: r.version } : m));
    if (!go || compareGoVersion(go, own) <= 0) continue;
    if (!top || compareGoVersion(go, top.go) > 0) top = { path: m.path, version: m.version, go, read: r ? (r.version === '' ? r.path : `${r.path}@${r.version}`) : `${m.path}@${m.version}` };
  }
  return top;
}

/**
 * dependencyGoFindings: the main go line below the go line of a selected dependency. What stops
 * (checked against Go 1.26 on random worlds, differential/tidy.test.ts): from Go 1.21 the module
 * graph selects that go version, so commands that load the whole graph (`go list -m all`) stop
 * read-only with "updates to go.mod needed"; a build stops only when it loads a package whose
 * module needs it, and `go mod tidy` raises the line only then — `go get go@V` always does.
 */
export function dependencyGoFindings(view: BuildView, ws: WorkspaceView): Finding[] {
  const b = view.build;
  if (!b || !view.main || view.main.workspace) return [];
  const main = view.main.modules[0];
  const doc = ws.mods.get(memberFile(main));
  if (!doc) return [];
  const own = goLineOf(doc).version;
  const top = topDependencyGo(b, own);
  if (!top) return [];
  const strict = compareGoVersion(ws.emulate, '1.21') >= 0 && compareGoVersion(top.go, '1.21') >= 0;
  const consequence = strict
    ? `with Go 1.21 or later (here: go${ws.emulate}) go list -m all stops with "go: updates to go.mod needed", and so does a build that uses a package of that dependency; go get go@${top.go} raises this line`
    : compareGoVersion(top.go, '1.21') >= 0
      ? `Go 1.20 and older still build it, each module with its own language version; with Go 1.21 and later go list -m all (and a build that uses a package of that dependency) stops with "go: updates to go.mod needed" until the line is raised (go get go@${top.go})`
      : `this is allowed: the dependency's go line is below 1.21, so it is compiled with its own language version (go ${top.go}) and this module keeps go ${own}`;
  // a go line (1.21+) above the local toolchain too: what GOTOOLCHAIN makes of it (Go 1.26, checked)
  const local = ws.toolchain;
  const newer = local && strict && compareGoVersion(top.go, local) > 0
    ? `; and go ${top.go} is newer than the local Go toolchain (go ${local}): ${toolchainMode(ws.gotoolchain, top.go, local, `module ${top.read}`)}`
    : '';
  return [{
    // allowed (a dependency below 1.21 keeps its own language version): only a hint, which explains on hover
    code: 'go-below-dependency', file: doc.file, ...goAnchor(doc), severity: strict ? 'warning' : compareGoVersion(top.go, '1.21') >= 0 ? 'information' : 'hint',
    message: `go ${own} is below the go line of ${top.path} ${top.version} (go ${top.go}): ${consequence}${newer}`,
    fixes: [{ title: `Raise the go line to ${top.go}`, data: { kind: 'set-go', target: doc.file, version: top.go } }],
  }];
}

/** featureFindings: a module's go line below what its own .go files use. */
export function featureFindings(doc: ModDoc, ws: WorkspaceView): Finding[] {
  const need = ws.features.get(doc.file);
  if (!need || need.required === '' || !need.first) return [];
  const { version: own, declared } = goLineOf(doc);
  if (compareGoVersion(goLang(own) || own, need.required) >= 0) return [];
  const f = need.first;
  const where = `${relative(dirname(doc.file), f.file).split('\\').join('/')}:${f.line + 1}`;
  return [{
    code: 'go-below-features', file: doc.file, ...goAnchor(doc),
    message: `${declared ? `go ${own}` : `no go line (the go command assumes go 1.16)`} is below what this module's code uses: ${f.feature} at ${where} needs go ${f.version}, so the build fails with "… requires go${f.version} or later (-lang was set to go${goLang(own) || own}; check go.mod)"`,
    related: [{ file: f.file, start: -1, end: -1, line: f.line, character: f.character, message: `${f.feature}: needs go ${f.version}` }],
    fixes: [{ title: `Raise the go line to ${need.required}`, data: { kind: 'set-go', target: doc.file, version: need.required } }],
  }];
}

/**
 * toolchainMode says what a go command of version `local` (≥ 1.21) does with a go line `goVersion`
 * above it that `what` asks for, under GOTOOLCHAIN (checked against Go 1.26): with `auto` (or
 * `…+auto`) it switches to that release (a language version 1.N means go1.N.0), downloading it;
 * with `path` it looks for it on PATH; otherwise it stops with its TooNewError.
 */
function toolchainMode(gotoolchain: string, goVersion: string, local: string, what: string): string {
  const mode = gotoolchain === '' ? 'auto' : gotoolchain;
  const release = `go${goVersion.split('.').length === 2 && compareGoVersion(goVersion, '1.21') >= 0 ? `${goVersion}.0` : goVersion}`;
  if (mode === 'auto' || mode.endsWith('+auto')) return `with GOTOOLCHAIN=${mode} the go command switches to ${release} (downloading it as a module if it is not installed)`;
  if (mode === 'path' || mode.endsWith('+path')) return `with GOTOOLCHAIN=${mode} the go command runs ${release} from PATH (and stops when there is none)`;
  return `with GOTOOLCHAIN=${mode} the go command stops: ${tooNewMessage(what, goVersion, local, mode)}`;
}

/** toolchainFindings: a go line (go.mod or go.work) newer than the local Go toolchain. */
export function toolchainFindings(file: string, goVersion: string | undefined, span: { start: number; end: number }, ws: WorkspaceView, gotoolchain: string): Finding[] {
  const local = ws.toolchain;
  if (!local || !goVersion || compareGoVersion(goVersion, local) <= 0) return [];
  let what: string;
  if (compareGoVersion(local, '1.21') >= 0) {
    what = toolchainMode(gotoolchain, goVersion, local, file.endsWith('go.work') ? 'go.work' : 'go.mod');
  } else {
    what = `Go ${local} predates toolchain switching: it still tries to build, and when compilation fails it adds "note: module requires Go ${goVersion}"`;
    if (/^\d+\.\d+\.\d+/.test(goVersion) || compareGoVersion(goVersion, '1.21') >= 0) what += `; Go 1.20 and older cannot even parse a go line like "go ${goVersion}" in a main module, and Go 1.19.13+/1.20.8+ refuse go lines of 1.22 and later`;
  }
  return [{ code: 'go-above-toolchain', file, ...span, message: `go ${goVersion} is newer than the local Go toolchain (go ${local}): ${what}` }];
}
