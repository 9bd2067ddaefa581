/**
 * Document links (replace targets and `use` directories → their go.mod), go to definition (a
 * require → the dependency's go.mod in the module cache or its replacement directory) and
 * completion (directive keywords; module paths and versions known from the module cache).
 */
import { isAbsolute, join } from 'node:path';
import { CompletionItem, CompletionItemKind, DocumentLink, Location } from 'vscode-languageserver';
import { ModDoc, WorkDoc, WorkspaceView } from '../analysis/view';
import { modDirectiveDocs } from './directiveDocs';
import { buildViewOf } from './explain';
import { spanToRange } from './positions';
import { URI } from './uri';

/** documentLinks: directory replacement targets and go.work `use` paths link to the go.mod there. */
export function documentLinks(doc: ModDoc | WorkDoc, ws: WorkspaceView): DocumentLink[] {
  const out: DocumentLink[] = [];
  const f = 'mod' in doc ? doc.mod : doc.work;
  const link = (path: string, start: number, end: number, tooltip: string): void => {
    const goMod = join(isAbsolute(path) ? path : join(doc.dir, path), 'go.mod');
    if (ws.hasFile(goMod)) out.push({ range: spanToRange(doc.lines, start, end), target: URI.file(goMod), tooltip });
  };
  for (const r of f.replace) if (r.new.version === '') link(r.new.path, r.newPathToken.start, r.newPathToken.end, 'Open the replacement\'s go.mod');
  if ('work' in doc) for (const u of doc.work.use) link(u.path, u.pathToken.start, u.pathToken.end, 'Open the workspace module\'s go.mod');
  return out;
}

/** definition: from a require (path or version) to the go.mod that supplies the dependency's requirements. */
export function definition(doc: ModDoc, ws: WorkspaceView, offset: number): Location | undefined {
  const r = doc.mod.require.find((x) => offset >= x.pathToken.start && offset <= x.versionToken.end);
  if (!r) return undefined;
  const view = buildViewOf(doc, ws);
  const sel = view?.build?.graph.selectedVersion(r.mod.path);
  const version = sel && sel !== 'none' ? sel : r.mod.version;
  const eff = view?.build?.main.replacement({ path: r.mod.path, version });
  let file: string | undefined;
  if (eff?.dir) file = join(eff.dir, 'go.mod');
  else if (eff) file = ws.cache.goModFile(eff.path, eff.version);
  else file = ws.cache.goModFile(r.mod.path, version) ?? ws.cache.goModFile(r.mod.path, r.mod.version);
  if (!file) return undefined;
  return { uri: URI.file(file), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

const workKeywords = ['go', 'toolchain', 'godebug', 'use', 'replace'];

/**
 * completions: at the start of a line, directive keywords; after `require`/`replace`/`exclude` (or
 * inside their blocks), module paths seen in the workspace's builds; after a module path, the
 * versions of that module in the module cache, newest first.
 */
export function completions(doc: ModDoc | WorkDoc, ws: WorkspaceView, offset: number): CompletionItem[] {
  const text = doc.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const words = before.trim().split(/\s+/).filter((w) => w !== '');
  const atWordStart = /\s$/.test(before) || before.trim() === '';
  const inBlock = blockVerbAt(doc, offset);
  const verbs = 'work' in doc ? workKeywords : Object.keys(modDirectiveDocs).filter((k) => k !== 'use');
  if (!inBlock && words.length <= 1 && !(words.length === 1 && atWordStart)) {
    return verbs.map((v) => ({ label: v, kind: CompletionItemKind.Keyword, documentation: { kind: 'markdown', value: modDirectiveDocs[v] } }));
  }
  const args = inBlock ? words : words.slice(1);
  const verb = inBlock ?? words[0];
  if (!['require', 'replace', 'exclude', 'retract'].includes(verb)) return [];
  const complete = atWordStart ? args.length : args.length - 1;
  if (complete === 0) return modulePaths(ws).map((p) => ({ label: p, kind: CompletionItemKind.Module }));
  const path = args[0].replace(/^"|"$/g, '');
  if (complete === 1 || (verb === 'replace' && complete === 3)) {
    const p = complete === 1 ? path : args[2];
    return ws.cache.versions(p).reverse().map((v, i) => ({ label: v, kind: CompletionItemKind.Constant, sortText: String(i).padStart(5, '0') }));
  }
  return [];
}

function blockVerbAt(doc: ModDoc | WorkDoc, offset: number): string | undefined {
  const f = 'mod' in doc ? doc.mod : doc.work;
  for (const s of f.syntax.stmts) if (s.type === 'block' && offset > s.lparen.pos && offset <= s.rparen.pos) return s.verb[0]?.text;
  return undefined;
}

function modulePaths(ws: WorkspaceView): string[] {
  const paths = new Set<string>();
  for (const v of ws.builds.values()) for (const m of v.build?.graph.buildList() ?? []) if (m.path !== 'go' && m.path !== 'toolchain') paths.add(m.path);
  return [...paths].sort();
}
