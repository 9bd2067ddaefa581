/**
 * textDocument/diagnostic (pull): the document's diagnostics now, answered `unchanged` when they
 * are the ones of the report the client names (previousResultId).
 */
import { Diagnostic, DocumentDiagnosticReport, DocumentDiagnosticReportKind } from 'vscode-languageserver/node';
import { sameJson } from '../features/diagnostics';
import { ServerContext } from './context';

/** PullReports: the last full report per document, by the resultId the client was given. */
export class PullReports {
  private readonly reports = new Map<string, { resultId: string; items: Diagnostic[] }>();
  private count = 0;

  /** report answers a pull of uri whose diagnostics are now items. */
  report(uri: string, items: Diagnostic[], previousResultId: string | undefined): DocumentDiagnosticReport {
    const last = this.reports.get(uri);
    if (last && previousResultId === last.resultId && sameJson(last.items, items)) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
    const resultId = String(++this.count);
    this.reports.set(uri, { resultId, items });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  /** forget drops a closed document's report. */
  forget(uri: string): void {
    this.reports.delete(uri);
  }
}

export function registerPullDiagnostics(ctx: ServerContext, reports: PullReports): void {
  ctx.connection.languages.diagnostics.on((p, token) => ctx.safe('diagnostic', async (): Promise<DocumentDiagnosticReport> => {
    const items = await ctx.diagnosticsFor(p.textDocument.uri, token);
    return reports.report(p.textDocument.uri, items, p.previousResultId);
  }, { kind: DocumentDiagnosticReportKind.Full, items: [] }));
}
