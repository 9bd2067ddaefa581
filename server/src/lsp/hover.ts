/** textDocument/hover: what a directive, a module version or a go.sum line means here (features/hover.ts). */
import { hoverModOrWork, hoverSum } from '../features/hover';
import { positionToOffset } from '../features/positions';
import { ServerContext } from './context';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover((p, token) => ctx.safe('hover', async () => {
    const { doc, ws } = await ctx.docFor(p.textDocument.uri);
    if (!doc || token.isCancellationRequested) return null;
    const offset = positionToOffset(doc.lines, p.position);
    return ('sum' in doc ? hoverSum(doc, ws, offset) : hoverModOrWork(doc, ws, offset)) ?? null;
  }, null));
}
