/**
 * A tiny stand-in language server for the runner's own tests (client.test.ts): it lets the test
 * client and the fixture runner be checked end to end over real stdio without the go-mod-lens
 * server. Its rules are deliberately trivial:
 *   - a line whose first word is BAD gets an error diagnostic, code "syntax", on that word;
 *     its quick fix "Delete the BAD line" has its edit filled in by codeAction/resolve;
 *   - `require PATH VERSION` gets the inlay hint "→ VERSION" (tooltip "required PATH");
 *   - hover shows the word under the cursor, the goModLens settings and GOMODCACHE.
 * Run: node fakeServer.js --stdio
 */
import {
  CodeActionKind, createConnection, DiagnosticSeverity, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type CodeAction, type Diagnostic, type InlayHint,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let settings: unknown = null;

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false },
    inlayHintProvider: { resolveProvider: false },
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
  },
}));

connection.onInitialized(async () => {
  [settings] = await connection.workspace.getConfiguration([{ section: 'goModLens' }]) as unknown[];
});

function diagnose(doc: TextDocument): Diagnostic[] {
  return doc.getText().split('\n').flatMap((line, i): Diagnostic[] => {
    const m = /^(\s*)BAD\b/.exec(line);
    if (!m) return [];
    const range = { start: { line: i, character: m[1].length }, end: { line: i, character: m[1].length + 3 } };
    return [{ range, code: 'syntax', severity: DiagnosticSeverity.Error, message: 'unknown directive: BAD', source: 'fake' }];
  });
}

documents.onDidChangeContent((e) => {
  void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics: diagnose(e.document) });
});

connection.languages.diagnostics.on((params) => {
  const doc = documents.get(params.textDocument.uri);
  return { kind: 'full', items: doc ? diagnose(doc) : [] };
});

connection.languages.inlayHint.on((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  return doc.getText().split('\n').flatMap((line, i): InlayHint[] => {
    const m = /^require (\S+) (\S+)/.exec(line);
    return m ? [{ position: { line: i, character: m[0].length }, label: `→ ${m[2]}`, tooltip: `required ${m[1]}`, paddingLeft: true }] : [];
  });
});

connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  const line = doc?.getText().split('\n')[params.position.line] ?? '';
  const words = [...line.matchAll(/\S+/g)];
  const word = words.find((w) => (w.index ?? 0) <= params.position.character && params.position.character < (w.index ?? 0) + w[0].length);
  if (!word) return null;
  const value = `word ${word[0]}\n\nsettings ${JSON.stringify(settings)}\n\nGOMODCACHE ${process.env.GOMODCACHE ?? ''}`;
  return { contents: { kind: 'markdown', value } };
});

connection.onCodeAction((params) => params.context.diagnostics
  .filter((d) => d.code === 'syntax')
  .map((d): CodeAction => ({ title: 'Delete the BAD line', kind: CodeActionKind.QuickFix, diagnostics: [d], data: { uri: params.textDocument.uri, line: d.range.start.line } })));

connection.onCodeActionResolve((action) => {
  const { uri, line } = action.data as { uri: string; line: number };
  const range = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
  return { ...action, edit: { documentChanges: [{ textDocument: { uri, version: documents.get(uri)?.version ?? null }, edits: [{ range, newText: '' }] }] } };
});

documents.listen(connection);
connection.listen();
