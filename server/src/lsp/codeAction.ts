/** textDocument/codeAction: the quick fixes of the diagnostics asked about, computed on the current text. */
import { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { quickFixes } from '../features/codeActions';
import { DiagnosticData } from '../features/diagnostics';
import { URI } from '../features/uri';
import { ServerContext } from './context';
import { Commands } from '../protocol';

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction((p, token) => ctx.safe('codeAction', async () => {
    const path = URI.toPath(p.textDocument.uri);
    if (!path || token.isCancellationRequested) return [];
    const current = await ctx.diagnosticsFor(p.textDocument.uri, token);
    const lookup = (d: Diagnostic): DiagnosticData | undefined => current.find((x) => x.code === d.code && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character)?.data as DiagnosticData | undefined;
    const wanted = p.context.diagnostics.length > 0 ? p.context.diagnostics : current.filter((d) => d.range.start.line <= p.range.end.line && d.range.end.line >= p.range.start.line);
    const actions: CodeAction[] = quickFixes(wanted, (f) => ctx.textOf(f), lookup, ctx.clientCommands().includes(Commands.whatIf) ? Commands.whatIf : undefined);
    return actions;
  }, []));
}
