/**
 * The extension's build-list requests: the build list of a file's main module (goModLens/buildList:
 * the status bar item and Show Build List), why a module's version is selected (goModLens/explain),
 * and the module graph view's model (goModLens/graph).
 */
import { buildOf, explainingBuild } from '../features/explain';
import { graphModel } from '../graphView/fromBuild';
import { graphHealth } from '../features/graphHealth';
import { listLines, listModules } from '../graph/listing';
import { explainSelection, selectionText } from '../graph/why';
import { BuildListResult, Requests } from '../protocol';
import { ServerContext } from './context';
import { ownerFile } from './documents';

export function registerBuildList(ctx: ServerContext): void {
  const c = ctx.connection;
  c.onRequest(Requests.buildList, (p: { uri: string }) => ctx.safe('buildList', () => buildList(ctx, p.uri), undefined));
  c.onRequest(Requests.explain, (p: { uri: string; path: string }) => ctx.safe('explain', async () => {
    const { ws, doc } = await ctx.docFor(p.uri);
    const view = doc && ws ? buildOf(ws, doc.file) : undefined;
    const b = view ? explainingBuild(view, p.path) : undefined;
    return { text: b ? selectionText(explainSelection(b, p.path)) : 'no build list for this file' };
  }, { text: '' }));
  // the module graph view: the graph as the go.mod files write it (read-only build), so chains explain
  c.onRequest(Requests.graph, (p: { uri: string }) => ctx.safe('graph', async () => {
    const { ws, doc } = await ctx.docFor(p.uri);
    const view = doc && ws ? buildOf(ws, ownerFile(doc)) : undefined;
    const b = view?.readonly ?? view?.build;
    return b && ws ? graphModel(b, graphHealth(ws, b)) : { error: view?.error ?? 'no go.mod or go.work here' };
  }, { error: 'the graph could not be computed' }));
}

async function buildList(ctx: ServerContext, uri: string): Promise<BuildListResult> {
  const { doc, ws } = await ctx.docFor(uri);
  const empty: BuildListResult = { mainFile: '', main: [], lines: [], count: 0, incomplete: 'no go.mod or go.work here' };
  if (!doc || !ws) return empty;
  const file = ownerFile(doc);
  const view = buildOf(ws, file);
  if (!view) return { ...empty, incomplete: ws.problems.get(file) ?? empty.incomplete };
  if (!view.build) return { ...empty, mainFile: view.file, incomplete: view.error };
  const mods = listModules(view.build);
  const incomplete = view.build.missing.length > 0 ? `incomplete: ${view.build.missing.length} go.mod file(s) not available offline (${view.build.missing.slice(0, 3).map((m) => `${m.module.path}@${m.module.version}`).join(', ')})` : view.build.error;
  return { mainFile: view.file, main: mods.filter((m) => m.main).map((m) => m.path), lines: listLines(mods), count: mods.length, incomplete };
}
