/**
 * Hover: on a require, the selected version and why (the requirement chain), the allowed range,
 * the pseudo-version decoded, the replacement in effect (or why this file's replaces are ignored)
 * and a pkg.go.dev link; on a directive keyword, what it really means; on the go line, the language
 * version and the local toolchain; on a go.sum line, what the hash covers.
 */
import { Hover, MarkupKind } from 'vscode-languageserver';
import { replacementDirUnreadable } from '../analysis/buildRules';
import { dependencyUsages } from '../analysis/replaceRules';
import { pseudoMessage } from '../analysis/fileRules';
import { BuildView, ModDoc, SumDoc, WorkDoc, WorkspaceView } from '../analysis/view';
import { ModuleKey, showModule } from '../graph/mvs';
import { splitPathVersion } from '../module/modulePath';
import { major } from '../module/semver';
import { Line, LineBlock, Token } from '../syntax/ast';
import { ModFile } from '../syntax/modfile';
import { WorkFile } from '../syntax/workfile';
import { modDirectiveDocs, sumDoc } from './directiveDocs';
import { buildViewOf, explainChainText, explainingBuild, upgradeOf, upgradeText } from './explain';
import { mdCode, mdText } from './markdown';
import { spanToRange } from './positions';
import { goLineVulnText, requireVulnText } from './vulnHover';

const show = showModule;

/** allowedRange says which versions a requirement admits: ≥ it, within its module path's major version. */
export function allowedRange(path: string, version: string): string {
  const sp = splitPathVersion(path);
  const pm = sp.ok ? sp.pathMajor : '';
  if (version.endsWith('+incompatible')) return `≥ ${version} (any later +incompatible or v0/v1 version of ${path}; a go.mod-aware v${major(version).slice(1)} would be ${path}/${major(version)})`;
  if (pm === '') return `≥ ${version}, < v2.0.0 (v2 and later are a different module: ${path}/v2)`;
  const n = Number(/\d+/.exec(pm)?.[0] ?? '2');
  const base = sp.ok ? sp.prefix : path;
  const next = pm.startsWith('.') ? `${base}.v${n + 1}` : `${base}/v${n + 1}`;
  return `≥ ${version}, < v${n + 1}.0.0 (v${n + 1} would be the module ${next})`;
}

function lineAt(f: ModFile | WorkFile, offset: number): { line: Line; block?: LineBlock } | undefined {
  for (const s of f.syntax.stmts) {
    if (offset < s.start || offset > s.end) continue;
    if (s.type === 'line') return { line: s };
    if (s.type === 'block') {
      const l = s.lines.find((x) => offset >= x.start && offset <= x.end);
      if (l) return { line: l, block: s };
      return { line: { type: 'line', tokens: s.verb, start: s.start, end: s.lparen.pos, inBlock: false, comments: s.comments }, block: s };
    }
  }
  return undefined;
}

const tokenAt = (tokens: Token[], offset: number): Token | undefined => tokens.find((t) => offset >= t.start && offset <= t.end);

/** hoverModOrWork answers a hover in a go.mod or go.work. */
export function hoverModOrWork(doc: ModDoc | WorkDoc, ws: WorkspaceView | undefined, offset: number): Hover | undefined {
  const f = 'mod' in doc ? doc.mod : doc.work;
  const at = lineAt(f, offset);
  if (!at) return undefined;
  const verb = at.block ? at.block.verb[0]?.text : at.line.tokens[0]?.text;
  const keyword = at.block ? tokenAt(at.block.verb, offset) : at.line.tokens[0] && tokenAt([at.line.tokens[0]], offset);
  const range = (t: Token) => spanToRange(doc.lines, t.start, t.end);
  if (verb === 'go') return goLineHover(doc, ws);
  if (keyword && verb && modDirectiveDocs[verb]) {
    return { contents: { kind: MarkupKind.Markdown, value: `**${verb}**\n\n${modDirectiveDocs[verb]}` }, range: range(keyword) };
  }
  if (verb === 'require' && 'mod' in doc) {
    const r = doc.mod.require.find((x) => x.line === at.line);
    if (r) return { contents: { kind: MarkupKind.Markdown, value: requireHover(doc, ws, r.mod.path, r.mod.version) }, range: spanToRange(doc.lines, r.line.start, r.line.end) };
  }
  if (verb === 'replace') {
    const r = f.replace.find((x) => x.line === at.line);
    if (r) return { contents: { kind: MarkupKind.Markdown, value: replaceHover(doc, ws, r.old, r.new) }, range: spanToRange(doc.lines, r.line.start, r.line.end) };
  }
  const t = tokenAt(at.line.tokens, offset);
  if (t) {
    const p = pseudoMessage(t.norm ?? t.text);
    if (p) return { contents: { kind: MarkupKind.Markdown, value: mdText(p) }, range: range(t) };
  }
  return undefined;
}

function goLineHover(doc: ModDoc | WorkDoc, ws: WorkspaceView | undefined): Hover | undefined {
  const go = 'mod' in doc ? doc.mod.go : doc.work.go;
  if (!go) return undefined;
  const lines = [`**go ${mdText(go.version)}**: the language version of ${'mod' in doc ? `this module (${mdText(doc.mod.module?.path ?? 'unnamed')})` : 'this workspace'} only; each dependency compiles with the go line of its own go.mod.`];
  if (ws?.toolchain) lines.push(`Local toolchain: go ${mdText(ws.toolchain)}.`);
  else lines.push('Local toolchain: unknown (set goModLens.toolchainVersion, or trust the workspace so go-mod-lens may ask `go env GOVERSION`).');
  const vulns = ws ? goLineVulnText(ws, 'mod' in doc ? buildViewOf(doc, ws) : ws.builds.get(doc.file), doc) : undefined;
  if (vulns) lines.push(vulns);
  lines.push(`---\n\n${modDirectiveDocs.go}`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: spanToRange(doc.lines, go.line.start, go.line.end) };
}

function requireHover(doc: ModDoc, ws: WorkspaceView | undefined, path: string, version: string): string {
  const out = [`**${mdText(path)}** — required: ${mdCode(version)}`];
  const view = ws ? buildViewOf(doc, ws) : undefined;
  const b = view?.build;
  if (b && b.main.isMain({ path, version: '' })) {
    out.push('A **workspace module**: built from its directory in this workspace, whatever version is required here.');
  } else if (b) {
    const sel = b.graph.selectedVersion(path);
    out.push(sel === 'none' ? 'Not in the build list.' : `Selected by MVS: ${mdCode(sel)}${sel === version ? '' : ` (raised from ${mdText(version)})`}`);
    if (sel !== 'none') out.push(explainChainText(explainingBuild(view as BuildView, path) ?? b, path));
    const eff = sel === 'none' ? undefined : b.main.replacement({ path, version: sel });
    if (eff) out.push(`Replaced in this build by ${mdCode(eff.version === '' ? eff.path : `${eff.path} ${eff.version}`)}.`);
    const absent = b.missing.filter((f) => f.unavailable && f.module.path === path).map((f) => `${f.module.path}@${f.module.version}`);
    if (absent.length > 0) out.push(`**Not in the module cache:** the go.mod of ${absent.map(mdText).join(', ')}, so the build list is incomplete (run ${mdCode(`go mod download ${absent[0]}`)}).`);
  } else if (view?.error) {
    out.push(`No build list: ${mdText(view.error)}`);
  }
  const upgrade = ws ? upgradeOf(ws, doc, b, path, version) : undefined;
  const newer = upgrade ? upgradeText(path, upgrade) : '';
  if (newer !== '') out.push(newer);
  const vulns = ws ? requireVulnText(doc, ws, view, path) : undefined;
  if (vulns) out.push(vulns);
  out.push(`Allowed range: ${mdText(allowedRange(path, version))}`);
  const pseudo = pseudoMessage(version);
  if (pseudo) out.push(mdText(pseudo));
  if (urlSafe.test(path) && urlSafe.test(version)) out.push(`[pkg.go.dev/${mdText(path)}@${mdText(version)}](https://pkg.go.dev/${path}@${version})`);
  return out.join('\n\n');
}

/** urlSafe: the characters of a valid module path or version, which go into a URL as they are. */
const urlSafe = /^[A-Za-z0-9._~/+-]+$/;

function replaceHover(doc: ModDoc | WorkDoc, ws: WorkspaceView | undefined, old: ModuleKey, to: ModuleKey): string {
  const out = [`**replace** ${mdText(show(old))} ⇒ ${mdText(to.version === '' ? to.path : show(to))}`];
  if (ws && 'mod' in doc) {
    const view = buildViewOf(doc, ws);
    if (view?.build) {
      const b = view.build;
      const sel = b.graph.selectedVersion(old.path);
      const main = mdText(doc.mod.module?.path ?? '');
      const broken = to.version === '' ? b.missing.find((f) => f.module.path === old.path && replacementDirUnreadable(b, f)) : undefined;
      if (broken) out.push(`**Not usable:** the directory's go.mod cannot be read, so building ${main} stops as soon as it needs ${mdText(old.path)} (${mdText(broken.message)}).`);
      else out.push(sel === 'none' ? `In effect for ${main}, but ${mdText(old.path)} is not in its module graph.` : `In effect when building ${main} (${mdText(old.path)} ${mdText(sel)}).`);
    }
    const ignoring = dependencyUsages(doc, ws);
    if (ignoring.length > 0) {
      out.push(`**Ignored here: not the main module** of ${ignoring.map((u) => mdText((u.view.main?.workspace ? u.view.file : u.view.main?.modules[0].path) ?? '')).join(', ')}, which read${ignoring.length > 1 ? '' : 's'} this go.mod as a dependency.`);
    }
  }
  return out.join('\n\n');
}

/** hoverSum answers a hover on a go.sum line. */
export function hoverSum(doc: SumDoc, ws: WorkspaceView | undefined, offset: number): Hover | undefined {
  const l = doc.sum.lines.find((x) => offset >= x.start && offset <= x.end);
  if (!l) return undefined;
  const mv = `${mdText(l.path.text)} ${mdText(l.moduleVersion)}`;
  const covers = l.goMod ? `the **go.mod file** of ${mv} (what MVS reads)` : `the **module zip** of ${mv} (its source files)`;
  const lines = [`${mdCode(l.hash.text)} is the hash of ${covers}.`, sumDoc];
  if (ws) {
    const dir = doc.file.slice(0, doc.file.lastIndexOf('/'));
    const view = [...ws.builds.values()].find((v) => v.main?.modules.some((m) => m.dir === dir) || v.file === doc.file.replace(/\.sum$/, ''));
    const sel = view?.build?.graph.selectedVersion(l.path.text);
    if (sel !== undefined) {
      lines.push(sel === l.moduleVersion ? `${mv} is in the build list.` : sel === 'none' ? `${mdText(l.path.text)} is not in the build list.` : `This version is not the one built: the build list has ${mdText(l.path.text)} ${mdText(sel)}.`);
    }
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: spanToRange(doc.lines, l.start, l.end) };
}
