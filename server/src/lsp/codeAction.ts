/**
 * textDocument/codeAction: the quick fixes of the diagnostics asked about, computed on the current
 * text; and on a require line whose module has a newer release (goModLens.upgrades), "Upgrade to
 * v1.4.2" — and, with two or more, "Upgrade all direct dependencies" (one go get of all of them):
 * go get's what-if preview for a client that runs it, else go get's own go.mod edit.
 */
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic } from 'vscode-languageserver/node';
import { ModDoc, WorkspaceView } from '../analysis/view';
import { quickFixes } from '../features/codeActions';
import { DiagnosticData } from '../features/diagnostics';
import { positionToOffset } from '../features/positions';
import { URI } from '../features/uri';
import { whatIfAnswer, whatIfMain } from '../features/whatIfLens';
import { upgradeOf } from '../features/explain';
import { Commands } from '../protocol';
import { ServerContext } from './context';

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction((p, token) => ctx.safe('codeAction', async () => {
    const path = URI.toPath(p.textDocument.uri);
    if (!path || token.isCancellationRequested) return [];
    const current = await ctx.diagnosticsFor(p.textDocument.uri, token);
    const lookup = (d: Diagnostic): DiagnosticData | undefined => current.find((x) => x.code === d.code && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character)?.data as DiagnosticData | undefined;
    const wanted = p.context.diagnostics.length > 0 ? p.context.diagnostics : current.filter((d) => d.range.start.line <= p.range.end.line && d.range.end.line >= p.range.start.line);
    const preview = ctx.clientCommands().includes(Commands.whatIf) ? Commands.whatIf : undefined;
    const actions: CodeAction[] = quickFixes(wanted, (f) => ctx.textOf(f), lookup, preview);
    if (!p.context.only || p.context.only.some((k) => k === CodeActionKind.Refactor || k === CodeActionKind.RefactorRewrite)) {
      const { doc, ws } = await ctx.docFor(p.textDocument.uri);
      if (doc && ws && 'mod' in doc) actions.push(...await upgradeActions(ctx, doc, ws, p, preview));
    }
    return actions;
  }, []));
}

/** upgradeActions: "Upgrade to …" for the require lines in the range whose module has an update. */
async function upgradeActions(ctx: ServerContext, doc: ModDoc, ws: WorkspaceView, p: CodeActionParams, preview: string | undefined): Promise<CodeAction[]> {
  const main = whatIfMain(doc, ws);
  if (!ws.upgrades?.has(doc.file) || !main) return [];
  const build = ws.builds.get(doc.file)?.build;
  const [start, end] = [positionToOffset(doc.lines, p.range.start), positionToOffset(doc.lines, p.range.end)];
  const out: CodeAction[] = [];
  const updateOf = (path: string, required: string) => upgradeOf(ws, doc, build, path, required)?.update;
  let touched = false;
  for (const r of doc.mod.require) {
    if (r.line.end < start || r.line.start > end) continue;
    touched = true;
    const u = updateOf(r.mod.path, r.mod.version);
    if (!u) continue;
    if (preview) {
      const title = `Upgrade ${r.mod.path} to ${u.version}: preview go get…`;
      out.push({ title, kind: CodeActionKind.RefactorRewrite, command: { title, command: preview, arguments: [p.textDocument.uri, r.mod.path, [], u.version] } });
      continue;
    }
    const target = { path: r.mod.path, version: u.version };
    const answer = whatIfAnswer(doc, await ctx.session().whatIf(main, target), target);
    if (answer.ok && answer.edits.length > 0) {
      out.push({ title: `Upgrade ${r.mod.path} to ${u.version} (as go get does: ${answer.lines.join('; ')})`, kind: CodeActionKind.RefactorRewrite, edit: { changes: { [p.textDocument.uri]: answer.edits } } });
    }
  }
  // every direct requirement with an update, in one go get (its combined preview, or its edit)
  const all = new Map<string, string>();
  for (const r of doc.mod.require) {
    const u = r.indirect ? undefined : updateOf(r.mod.path, r.mod.version);
    if (u) all.set(r.mod.path, u.version);
  }
  if (touched && all.size >= 2) {
    const targets = [...all].map(([path, version]) => ({ path, version }));
    const query = targets.map((t) => `${t.path}@${t.version}`).join(' ');
    if (preview) {
      const title = `Upgrade all ${targets.length} direct dependencies: preview go get…`;
      out.push({ title, kind: CodeActionKind.RefactorRewrite, command: { title, command: preview, arguments: [p.textDocument.uri, '', [], '', targets] } });
    } else {
      const answer = whatIfAnswer(doc, await ctx.session().whatIf(main, targets), targets);
      if (answer.ok && answer.edits.length > 0) out.push({ title: `Upgrade all ${targets.length} direct dependencies (go get ${query})`, kind: CodeActionKind.RefactorRewrite, edit: { changes: { [p.textDocument.uri]: answer.edits } } });
    }
  }
  return out;
}
