/**
 * The what-if code lens (textDocument/codeLens) and its requests: the versions of a module available
 * offline (goModLens/versions) and what go get PATH@VERSION would change (goModLens/whatIf).
 */
import { whatIfAnswer, whatIfLenses, whatIfMain } from '../features/whatIfLens';
import { Requests, WhatIfParams, WhatIfResult } from '../protocol';
import { ServerContext } from './context';

export function registerWhatIf(ctx: ServerContext): void {
  const c = ctx.connection;
  c.onCodeLens((p) => ctx.safe('codeLens', async () => {
    const { doc, ws } = await ctx.docFor(p.textDocument.uri);
    return doc && ws && 'mod' in doc ? whatIfLenses(doc, ws, p.textDocument.uri) : [];
  }, []));
  c.onRequest(Requests.versions, (p: { uri: string; path: string }) => ctx.safe('versions', async () => {
    await ctx.ready();
    return ctx.session().versions(p.path);
  }, [] as string[]));
  c.onRequest(Requests.whatIf, (p: WhatIfParams) => ctx.safe('whatIf', async (): Promise<WhatIfResult> => {
    const { doc, ws } = await ctx.docFor(p.uri);
    const main = doc && ws && 'mod' in doc ? whatIfMain(doc, ws) : undefined;
    if (!doc || !('mod' in doc) || !main) return { ok: false, error: 'what-if works on the go.mod of a main module in module mode (go get changes that file)', lines: [], edits: [] };
    const targets = p.targets && p.targets.length > 0 ? p.targets.map((t) => ({ path: String(t.path), version: String(t.version) })) : [{ path: p.path, version: p.version }];
    return whatIfAnswer(doc, await ctx.session().whatIf(main, targets), targets);
  }, { ok: false, error: 'what-if failed (see the go-mod-lens log)', lines: [], edits: [] }));
}
