/**
 * The findings the handlers and publishing share: the analysis of a workspace view (once per view),
 * turned into LSP diagnostics with the current settings, and the documents the workspace model does
 * not hold (outside the folders, unsaved, untitled), parsed once per text with the checks their text
 * alone allows.
 */
import { basename } from 'node:path';
import { CancellationToken, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalyzeMemo, analyzeWorkspace } from '../analysis/analyze';
import { parseFindings, pseudoFindings, sumFindings } from '../analysis/fileRules';
import { Finding } from '../analysis/findings';
import { WorkspaceView } from '../analysis/view';
import { findingToDiagnostic } from '../features/diagnostics';
import { LineIndexes } from '../features/positions';
import { LineIndex } from '../syntax/text';
import { URI } from '../features/uri';
import { Session } from '../workspace/session';
import { Settings } from '../protocol';
import { AnyDoc, docKind, inModel, parseDoc, viewText } from './documents';

/** how many parsed documents outside the model are kept */
const OUTSIDE_ENTRIES = 16;

export interface FindingsDeps {
  session(): Session;
  settings(): Settings;
  /** the severities the repository's .go-mod-lens.json sets for a file (the settings win over them) */
  repoSeverity?(file: string): Settings['diagnostics']['severity'];
  readonly documents: TextDocuments<TextDocument>;
  ready(): Promise<void>;
  log(message: string): void;
}

export class Findings {
  private readonly byView = new WeakMap<WorkspaceView, Map<string, Finding[]>>();
  /** per-document and per-file results reused by the next analysis (analysis/analyze.ts) */
  private readonly analyzeMemo = new AnalyzeMemo();
  /** the line starts of the texts diagnostics were last converted in */
  private readonly lines = new LineIndexes();
  /**
   * documents the model does not hold, parsed once per text: a hover or an inlay-hint request on a
   * 100k-line file does not parse it again. Keyed by how it was parsed and its path (or URI); the
   * oldest entries go beyond OUTSIDE_ENTRIES.
   */
  private readonly outside = new Map<string, { text: string; doc?: AnyDoc; findings?: Finding[] }>();

  constructor(private readonly deps: FindingsDeps) {}

  /** of: the findings of every file of the view, by file. */
  of(ws: WorkspaceView): Map<string, Finding[]> {
    let f = this.byView.get(ws);
    if (!f) {
      const session = this.deps.session();
      f = analyzeWorkspace(ws, {
        missingMessage: (missing, own) => session.missingMessage(missing, own),
        memo: this.analyzeMemo,
        onError: (rule, err) => this.deps.log(`rule ${rule} failed: ${err instanceof Error ? err.stack : String(err)}`),
      });
      this.byView.set(ws, f);
    }
    return f;
  }

  /** diagnosticsFor: a document's diagnostics now (pull, code actions). */
  async diagnosticsFor(uri: string, token?: CancellationToken): Promise<Diagnostic[]> {
    await this.deps.ready();
    const session = this.deps.session();
    const path = URI.toPath(uri);
    if (!path) {
      const doc = this.deps.documents.get(uri);
      return doc ? this.untitledDiagnostics(doc) : [];
    }
    if (basename(path) === 'go.mod') {
      await session.view(); // the model must know the module before its .go files are scanned
      await session.ensureFeatures(path);
    }
    const ws = await session.view();
    if (token?.isCancellationRequested) return [];
    const text = this.textOf(path) ?? viewText(ws, path);
    if (text === undefined) return [];
    let list = this.of(ws).get(path);
    if (!list && !inModel(ws, path)) list = this.standalone(path, text);
    return this.toDiagnostics(list ?? [], text);
  }

  /** toDiagnostics converts the findings of a file whose text is `text` (related spans in other files read their current text). */
  toDiagnostics(findings: Finding[], text: string, textOf: (file: string) => string | undefined = (x) => this.textOf(x)): Diagnostic[] {
    const user = this.deps.settings();
    // the repository's severities under the user's: one Settings per distinct config object
    const merged = new Map<object, Settings>();
    const settingsOf = (f: Finding): Settings => {
      const repo = this.deps.repoSeverity?.(f.file);
      if (!repo || Object.keys(repo).length === 0) return user;
      let s = merged.get(repo);
      if (!s) merged.set(repo, (s = { ...user, diagnostics: { ...user.diagnostics, severity: { ...repo, ...user.diagnostics.severity } } }));
      return s;
    };
    const linesOf = (file: string): LineIndex | undefined => {
      const t = textOf(file);
      return t === undefined ? undefined : this.lines.of(t);
    };
    return findings.map((f) => findingToDiagnostic(f, this.lines.of(text), settingsOf(f), linesOf)).filter((d): d is Diagnostic => d !== undefined);
  }

  /** standalone: a file outside every folder's model (or not a file at all): parse-level checks only. */
  standalone(file: string, text: string, language?: string): Finding[] {
    const parsed = this.outsideParse(file, text, language ?? basename(file), false);
    const doc = parsed.doc;
    if (!doc) return [];
    parsed.findings ??= 'sum' in doc ? sumFindings(doc) : [...parseFindings(doc), ...pseudoFindings(file, 'mod' in doc ? doc.mod : doc.work)];
    return parsed.findings;
  }

  /** untitledDiagnostics: what an untitled buffer's text alone shows. */
  untitledDiagnostics(doc: TextDocument): Diagnostic[] {
    const text = doc.getText();
    return this.toDiagnostics(this.standalone(doc.uri, text, doc.languageId).map((f) => ({ ...f, related: undefined })), text, () => undefined);
  }

  /** docFor: the parsed document of a URI (the model's, else parsed from its text) and the view. */
  async docFor(uri: string): Promise<{ doc?: AnyDoc; ws?: WorkspaceView }> {
    await this.deps.ready();
    const path = URI.toPath(uri);
    if (!path) {
      const d = this.deps.documents.get(uri);
      if (!d) return {};
      return { doc: this.outsideParse(uri, d.getText(), d.languageId, true).doc };
    }
    const ws = await this.deps.session().view();
    const doc = ws.mods.get(path) ?? ws.works.get(path) ?? ws.sums.get(path);
    if (doc) return { doc, ws };
    const text = this.textOf(path);
    if (text === undefined) return { ws };
    return { ws, doc: this.outsideParse(path, text, basename(path), true).doc };
  }

  /** forget drops what was parsed of a closed document (by path, or by URI when untitled). */
  forget(pathOrUri: string): void {
    for (const k of this.outside.keys()) if (k.endsWith(`\0${pathOrUri}`)) this.outside.delete(k);
  }

  /** textOf: the open buffer's text, else the disk's. */
  textOf(file: string): string | undefined {
    return this.deps.session().textOf(file);
  }

  /** outsideParse: parseDoc, remembered per file (or untitled URI) while the text stays the same. */
  private outsideParse(file: string, text: string, kind: string, orMod: boolean): { text: string; doc?: AnyDoc; findings?: Finding[] } {
    const which = docKind(kind, orMod);
    if (!which) return { text };
    const key = `${which}\0${file}`;
    let entry = this.outside.get(key);
    if (entry?.text !== text) {
      entry = { text, doc: parseDoc(file, text, which) };
      this.outside.delete(key);
      this.outside.set(key, entry);
      for (const k of this.outside.keys()) {
        if (this.outside.size <= OUTSIDE_ENTRIES) break;
        this.outside.delete(k);
      }
    }
    return entry;
  }
}
