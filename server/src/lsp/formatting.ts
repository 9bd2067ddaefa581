/** textDocument/formatting: go mod edit -fmt (go work edit -fmt) as one minimal edit; go.sum is not formatted. */
import { basename } from 'node:path';
import { formatEdits } from '../features/codeActions';
import { ServerContext } from './context';

export function registerFormatting(ctx: ServerContext): void {
  ctx.connection.onDocumentFormatting((p) => ctx.safe('format', async () => {
    const doc = ctx.documents.get(p.textDocument.uri);
    if (!doc || doc.languageId === 'go.sum' || basename(p.textDocument.uri).endsWith('.sum')) return [];
    return formatEdits(basename(p.textDocument.uri), doc.getText());
  }, []));
}
