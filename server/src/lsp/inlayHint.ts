/**
 * textDocument/inlayHint and inlayHint/resolve: selected versions, replacements and pseudo-version
 * dates (features/inlayHints.ts); a selected-version hint's tooltip (the chain that selects it) is
 * worked out on resolve when the client resolves tooltips.
 */
import { buildViewOf, selectionTooltip } from '../features/explain';
import { SelectionHintData, inlayHintsFor } from '../features/inlayHints';
import { positionToOffset } from '../features/positions';
import { URI } from '../features/uri';
import { ServerContext } from './context';

export function registerInlayHints(ctx: ServerContext): void {
  const c = ctx.connection;
  c.languages.inlayHint.on((p, token) => ctx.safe('inlayHint', async () => {
    const { doc, ws } = await ctx.docFor(p.textDocument.uri);
    if (!doc || 'sum' in doc || token.isCancellationRequested) return [];
    return inlayHintsFor(doc, ws, ctx.settings(), positionToOffset(doc.lines, p.range.start), positionToOffset(doc.lines, p.range.end), ctx.lazyHintTooltips());
  }, []));
  // the tooltip of a selected-version hint, asked for when the user points at the hint
  c.languages.inlayHint.resolve((hint) => ctx.safe('inlayHint/resolve', async () => {
    const data = hint.data as Partial<SelectionHintData> | undefined;
    if (hint.tooltip !== undefined || typeof data?.file !== 'string' || typeof data.path !== 'string') return hint;
    const { doc, ws } = await ctx.docFor(URI.file(data.file));
    const view = doc && ws && 'mod' in doc ? buildViewOf(doc, ws) : undefined;
    const tooltip = view ? selectionTooltip(view, data.path) : undefined;
    return tooltip ? { ...hint, tooltip } : hint;
  }, hint));
}
