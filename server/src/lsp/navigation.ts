/**
 * textDocument/documentLink, textDocument/definition and textDocument/completion
 * (features/navigation.ts): links on replace targets and use paths, a require → the dependency's
 * go.mod, directives, module paths and cached versions.
 */
import { completions, definition, documentLinks } from '../features/navigation';
import { positionToOffset } from '../features/positions';
import { ServerContext } from './context';

export function registerDocumentLinks(ctx: ServerContext): void {
  ctx.connection.onDocumentLinks((p) => ctx.safe('documentLink', async () => {
    const { doc, ws } = await ctx.docFor(p.textDocument.uri);
    return doc && ws && !('sum' in doc) ? documentLinks(doc, ws) : [];
  }, []));
}

export function registerDefinition(ctx: ServerContext): void {
  ctx.connection.onDefinition((p) => ctx.safe('definition', async () => {
    const { doc, ws } = await ctx.docFor(p.textDocument.uri);
    if (!doc || !ws || !('mod' in doc)) return null;
    return definition(doc, ws, positionToOffset(doc.lines, p.position)) ?? null;
  }, null));
}

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion((p) => ctx.safe('completion', async () => {
    const { doc, ws } = await ctx.docFor(p.textDocument.uri);
    if (!doc || !ws || 'sum' in doc) return [];
    return completions(doc, ws, positionToOffset(doc.lines, p.position));
  }, []));
}
