/**
 * The go-mod-lens language server: wires LSP requests to the session (workspace model, builds)
 * and the features layer. One server covers every workspace folder. Capabilities are declared
 * statically (some clients ignore dynamic registration); every handler is wrapped so a failure is
 * logged and answered with an empty result; diagnostics are pulled when the client can, else
 * pushed (changes in quick succession gathered into one pass).
 */
import { basename, dirname } from 'node:path';
import {
  CancellationToken, CodeAction, Connection, Diagnostic, ErrorCodes, ResponseError, DidChangeWatchedFilesNotification, DocumentDiagnosticReport, DocumentDiagnosticReportKind,
  FileChangeType, InitializeParams, InitializeResult, TextDocumentSyncKind, TextDocuments, WatchKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalyzeMemo, analyzeWorkspace } from './analysis/analyze';
import { parseFindings, pseudoFindings, sumFindings } from './analysis/fileRules';
import { Finding } from './analysis/findings';
import { ModDoc, SumDoc, WorkDoc, WorkspaceView } from './analysis/view';
import { graphModel } from './graph/graphView';
import { listLines, listModules } from './graph/listing';
import { explainSelection, selectionText } from './graph/why';
import { parseModFile } from './syntax/modfile';
import { parseSumFile } from './syntax/sumfile';
import { parseWorkFile } from './syntax/workfile';
import { DiagnosticData, findingToDiagnostic, sameJson } from './features/diagnostics';
import { formatEdits, quickFixes } from './features/codeActions';
import { buildOf, buildViewOf, explainingBuild, selectionTooltip } from './features/explain';
import { hoverModOrWork, hoverSum } from './features/hover';
import { SelectionHintData, inlayHintsFor } from './features/inlayHints';
import { whatIfAnswer, whatIfLenses, whatIfMain } from './features/whatIfLens';
import { completions, definition, documentLinks } from './features/navigation';
import { positionToOffset } from './features/positions';
import { connectionFromArguments } from './transport';
import { URI } from './features/uri';
import { BuildListResult, Requests, SETTINGS_SECTION, Settings, WhatIfParams, WhatIfResult, mergeSettings } from './protocol';
import { readTextFile, resolveGoEnv } from './node/goEnv';
import { Session, SessionOptions } from './node/session';
import { probeToolchain } from './node/toolchain';
import { createFeatureScanner } from './node/featureScan';

type AnyDoc = ModDoc | WorkDoc | SumDoc;

/**
 * docKind: how a file the session's model does not hold (outside the folders, or untitled) is read,
 * by its language id or file name; anything else is a go.mod when `orMod`, else not read.
 */
function docKind(kind: string, orMod: boolean): 'sum' | 'work' | 'mod' | undefined {
  if (kind === 'go.sum' || kind.endsWith('.sum')) return 'sum';
  if (kind === 'go.work' || kind.endsWith('.work')) return 'work';
  return orMod || kind === 'go.mod' || kind.endsWith('.mod') ? 'mod' : undefined;
}

/** parseDoc parses such a file as `kind` says. */
function parseDoc(file: string, text: string, kind: 'sum' | 'work' | 'mod'): AnyDoc {
  const dir = file.startsWith('/') ? dirname(file) : ''; // an untitled document has no directory
  if (kind === 'sum') return { file, text, sum: parseSumFile(text, file) };
  if (kind === 'work') return { file, dir, text, work: parseWorkFile(text, file) };
  return { file, dir, text, mod: parseModFile(text, { name: file }) };
}

/** ownerFile: the go.mod or go.work a document belongs with (a go.sum: its go.mod; go.work.sum: go.work). */
function ownerFile(doc: AnyDoc): string {
  return 'sum' in doc ? doc.file.replace(/\.sum$/, '.mod').replace(/\.work\.mod$/, '.work') : doc.file;
}

/** startServer runs the server on a connection (stdio, IPC or a socket, as the process arguments say). */
export function startServer(connection: Connection = connectionFromArguments()): void {
  new GoModLensServer(connection).listen();
}

/** how many parsed documents outside the model the server keeps */
const OUTSIDE_ENTRIES = 16;

/** changes less than this many ms apart are a burst (no person types that fast) */
const BURST_MS = 5;

class GoModLensServer {
  private readonly documents = new TextDocuments(TextDocument);
  private settings: Settings = mergeSettings(undefined);
  private session: Session;
  private trusted = false;
  private pull = false;
  private refreshSupport = false;
  /** the client resolves inlay hint tooltips (inlayHint/resolve): send them without */
  private lazyHintTooltips = false;
  private configSupport = false;
  private watchRegistration = false;
  /** the client sends workspace/didChangeWorkspaceFolders (vscode-languageserver throws on a subscription otherwise) */
  private folderEvents = false;
  /** the lifecycle: requests before initialize are refused with -32002, requests after shutdown with InvalidRequest */
  private phase: 'new' | 'running' | 'shutdown' = 'new';
  private folders: string[] = [];
  private findings = new WeakMap<WorkspaceView, Map<string, Finding[]>>();
  /** per-document and per-file results reused by the next analysis (analysis/analyze.ts) */
  private readonly analyzeMemo = new AnalyzeMemo();
  /** push: what was last published per file (path), with the findings, text and document version it was made from */
  private readonly published = new Map<string, { findings?: Finding[]; text: string; version?: number; items: Diagnostic[] }>();
  /** push: how many changes were announced (a publishing pass stops when another one comes) */
  private changes = 0;
  /** push: when the last change was announced (performance.now()) */
  private lastChange = -Infinity;
  private pushTimer?: NodeJS.Timeout;
  private refreshTimer?: NodeJS.Timeout;
  /** the last full diagnostics report per document (pull), by the resultId the client was given */
  private readonly reports = new Map<string, { resultId: string; items: Diagnostic[] }>();
  private reportCount = 0;
  /**
   * documents the model does not hold (outside the folders, unsaved, untitled), parsed once per text:
   * a hover or an inlay-hint request on a 100k-line file does not parse it again. Keyed by how it
   * was parsed and its path (or URI); the oldest entries go beyond OUTSIDE_ENTRIES.
   */
  private readonly outside = new Map<string, { text: string; doc?: AnyDoc; findings?: Finding[] }>();
  private readonly debounceMs = Number(process.env.GOMODLENS_DEBOUNCE_MS ?? 25);
  /** settles once the configuration has been read; requests wait for it so that none sees a half-configured session */
  private ready: Promise<void>;
  private scanner?: ReturnType<typeof createFeatureScanner>;
  private markReady: () => void = () => undefined;

  constructor(private readonly connection: Connection) {
    this.session = new Session(this.sessionOptions());
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  private log(message: string): void {
    this.connection.console.log(message);
  }

  private sessionOptions(toolchain?: string): SessionOptions {
    const raw = { ...process.env };
    if (this.settings?.moduleCache) raw.GOMODCACHE = this.settings.moduleCache;
    const env = resolveGoEnv(raw, readTextFile);
    this.scanner ??= createFeatureScanner((m) => this.log(m));
    const scanner = this.scanner;
    return {
      env, network: this.settings?.network ?? false, toolchain, gotoolchain: raw.GOTOOLCHAIN ?? '',
      scanFeatures: scanner, log: (m) => this.log(m), onBackgroundChange: () => this.changed(),
    };
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onShutdown(() => {
      this.phase = 'shutdown';
    });
    c.onInitialized(() => void this.safe('initialized', () => this.initialized(), undefined).finally(() => this.markReady()));
    c.onDidChangeConfiguration(() => void this.safe('configuration', () => this.loadConfiguration(), undefined));
    c.onDidChangeWatchedFiles((p) => {
      for (const ch of p.changes) {
        const path = URI.toPath(ch.uri);
        if (!path) continue;
        if (this.documents.get(ch.uri) && ch.type === FileChangeType.Changed) continue; // the buffer wins
        this.session.fileChanged(path, ch.type === FileChangeType.Created ? 'created' : ch.type === FileChangeType.Deleted ? 'deleted' : 'changed');
      }
      this.changed();
    });
    c.onHover((p, token) => this.safe('hover', async () => {
      const { doc, ws } = await this.docFor(p.textDocument.uri);
      if (!doc || token.isCancellationRequested) return null;
      const offset = positionToOffset(doc.text, p.position);
      return ('sum' in doc ? hoverSum(doc, ws, offset) : hoverModOrWork(doc, ws, offset)) ?? null;
    }, null));
    c.languages.inlayHint.on((p, token) => this.safe('inlayHint', async () => {
      const { doc, ws } = await this.docFor(p.textDocument.uri);
      if (!doc || 'sum' in doc || token.isCancellationRequested) return [];
      return inlayHintsFor(doc, ws, this.settings, positionToOffset(doc.text, p.range.start), positionToOffset(doc.text, p.range.end), this.lazyHintTooltips);
    }, []));
    // the tooltip of a selected-version hint, asked for when the user points at the hint
    c.languages.inlayHint.resolve((hint) => this.safe('inlayHint/resolve', async () => {
      const data = hint.data as Partial<SelectionHintData> | undefined;
      if (hint.tooltip !== undefined || typeof data?.file !== 'string' || typeof data.path !== 'string') return hint;
      const { doc, ws } = await this.docFor(URI.file(data.file));
      const view = doc && ws && 'mod' in doc ? buildViewOf(doc, ws) : undefined;
      const tooltip = view ? selectionTooltip(view, data.path) : undefined;
      return tooltip ? { ...hint, tooltip } : hint;
    }, hint));
    c.languages.diagnostics.on((p, token) => this.safe('diagnostic', async (): Promise<DocumentDiagnosticReport> => {
      const items = await this.diagnosticsFor(p.textDocument.uri, token);
      // the same diagnostics as the client's last report: say so instead of sending them again
      const last = this.reports.get(p.textDocument.uri);
      if (last && p.previousResultId === last.resultId && sameJson(last.items, items)) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
      const resultId = String(++this.reportCount);
      this.reports.set(p.textDocument.uri, { resultId, items });
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
    }, { kind: DocumentDiagnosticReportKind.Full, items: [] }));
    c.onCodeAction((p, token) => this.safe('codeAction', async () => {
      const path = URI.toPath(p.textDocument.uri);
      if (!path || token.isCancellationRequested) return [];
      const current = await this.diagnosticsFor(p.textDocument.uri, token);
      const lookup = (d: Diagnostic): DiagnosticData | undefined => current.find((x) => x.code === d.code && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character)?.data as DiagnosticData | undefined;
      const wanted = p.context.diagnostics.length > 0 ? p.context.diagnostics : current.filter((d) => d.range.start.line <= p.range.end.line && d.range.end.line >= p.range.start.line);
      const actions: CodeAction[] = quickFixes(wanted, (f) => this.textOf(f), lookup);
      return actions;
    }, []));
    c.onDocumentFormatting((p) => this.safe('format', async () => {
      const doc = this.documents.get(p.textDocument.uri);
      if (!doc || doc.languageId === 'go.sum' || basename(p.textDocument.uri).endsWith('.sum')) return [];
      return formatEdits(basename(p.textDocument.uri), doc.getText());
    }, []));
    c.onDocumentLinks((p) => this.safe('documentLink', async () => {
      const { doc, ws } = await this.docFor(p.textDocument.uri);
      return doc && ws && !('sum' in doc) ? documentLinks(doc, ws) : [];
    }, []));
    c.onDefinition((p) => this.safe('definition', async () => {
      const { doc, ws } = await this.docFor(p.textDocument.uri);
      if (!doc || !ws || !('mod' in doc)) return null;
      return definition(doc, ws, positionToOffset(doc.text, p.position)) ?? null;
    }, null));
    c.onCompletion((p) => this.safe('completion', async () => {
      const { doc, ws } = await this.docFor(p.textDocument.uri);
      if (!doc || !ws || 'sum' in doc) return [];
      return completions(doc, ws, positionToOffset(doc.text, p.position));
    }, []));
    c.onRequest(Requests.buildList, (p: { uri: string }) => this.safe('buildList', () => this.buildList(p.uri), undefined));
    c.onRequest(Requests.explain, (p: { uri: string; path: string }) => this.safe('explain', async () => {
      const { ws, doc } = await this.docFor(p.uri);
      const view = doc && ws ? buildOf(ws, doc.file) : undefined;
      const b = view ? explainingBuild(view, p.path) : undefined;
      return { text: b ? selectionText(explainSelection(b, p.path)) : 'no build list for this file' };
    }, { text: '' }));
    // the module graph view: the graph as the go.mod files write it (read-only build), so chains explain
    c.onRequest(Requests.graph, (p: { uri: string }) => this.safe('graph', async () => {
      const { ws, doc } = await this.docFor(p.uri);
      const view = doc && ws ? buildOf(ws, ownerFile(doc)) : undefined;
      const b = view?.readonly ?? view?.build;
      return b ? graphModel(b) : { error: view?.error ?? 'no go.mod or go.work here' };
    }, { error: 'the graph could not be computed' }));
    c.onCodeLens((p) => this.safe('codeLens', async () => {
      const { doc, ws } = await this.docFor(p.textDocument.uri);
      return doc && ws && 'mod' in doc ? whatIfLenses(doc, ws, p.textDocument.uri) : [];
    }, []));
    c.onRequest(Requests.versions, (p: { uri: string; path: string }) => this.safe('versions', async () => {
      await this.ready;
      return this.session.versions(p.path);
    }, [] as string[]));
    c.onRequest(Requests.whatIf, (p: WhatIfParams) => this.safe('whatIf', async (): Promise<WhatIfResult> => {
      const { doc, ws } = await this.docFor(p.uri);
      const main = doc && ws && 'mod' in doc ? whatIfMain(doc, ws) : undefined;
      if (!doc || !('mod' in doc) || !main) return { ok: false, error: 'what-if works on the go.mod of a main module in module mode (go get changes that file)', lines: [], edits: [] };
      const target = { path: p.path, version: p.version };
      return whatIfAnswer(doc, await this.session.whatIf(main, target), target);
    }, { ok: false, error: 'what-if failed (see the go-mod-lens log)', lines: [], edits: [] }));
    this.documents.onDidOpen((e) => this.bufferChanged(e.document));
    this.documents.onDidChangeContent((e) => this.bufferChanged(e.document));
    this.documents.onDidClose((e) => {
      this.reports.delete(e.document.uri);
      const path = URI.toPath(e.document.uri);
      for (const k of this.outside.keys()) if (k.endsWith(`\0${path ?? e.document.uri}`)) this.outside.delete(k);
      if (path) this.session.clearBuffer(path);
      this.changed();
    });
    this.documents.listen(this.connection);
    this.connection.listen();
  }

  private initialize(p: InitializeParams): InitializeResult {
    const caps = p.capabilities;
    this.pull = caps.textDocument?.diagnostic !== undefined;
    this.refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
    this.lazyHintTooltips = caps.textDocument?.inlayHint?.resolveSupport?.properties.includes('tooltip') === true;
    this.configSupport = caps.workspace?.configuration === true;
    this.folderEvents = !!caps.workspace?.workspaceFolders;
    this.phase = 'running';
    this.watchRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const init = (p.initializationOptions ?? {}) as { settings?: unknown; trustedWorkspace?: boolean };
    this.trusted = init.trustedWorkspace === true;
    this.settings = mergeSettings(init.settings);
    this.folders = (p.workspaceFolders ?? []).map((f) => URI.toPath(f.uri)).filter((x): x is string => x !== undefined);
    if (this.folders.length === 0 && p.rootUri) {
      const root = URI.toPath(p.rootUri);
      if (root) this.folders.push(root);
    }
    this.session.reconfigure(this.sessionOptions());
    this.session.setFolders(this.folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        inlayHintProvider: { resolveProvider: true },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        documentFormattingProvider: true,
        documentLinkProvider: { resolveProvider: false },
        definitionProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [' ', '\t'] },
        diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false, identifier: 'go-mod-lens' },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'go-mod-lens', version: '0.1.0' },
    };
  }

  private async initialized(): Promise<void> {
    if (this.watchRegistration) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/{go.mod,go.work,go.sum,go.work.sum}', kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete }, { globPattern: '**/*.go' }],
      }).catch(() => undefined);
    }
    if (this.folderEvents) this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => URI.toPath(f.uri)));
      this.folders = this.folders.filter((f) => !removed.has(f));
      for (const f of e.added) {
        const p = URI.toPath(f.uri);
        if (p) this.folders.push(p);
      }
      this.session.setFolders(this.folders);
      this.changed();
    });
    await this.loadConfiguration();
  }

  private async loadConfiguration(): Promise<void> {
    if (this.configSupport) {
      const got = await this.connection.workspace.getConfiguration(SETTINGS_SECTION).catch(() => null);
      if (got !== null && got !== undefined) this.settings = mergeSettings(got);
    }
    let toolchain = this.settings.toolchainVersion || undefined;
    if (!toolchain && this.trusted) toolchain = await probeToolchain(this.settings.goBinary, process.env);
    this.session.reconfigure(this.sessionOptions(toolchain));
    for (const p of this.published.values()) p.findings = undefined; // severities may have changed: convert again
    this.changed();
  }

  private bufferChanged(doc: TextDocument): void {
    const path = URI.toPath(doc.uri);
    if (path) this.session.setBuffer(path, doc.getText());
    this.changed();
  }

  /**
   * changed: something may have changed; pull clients are asked to refresh (once the changes settle:
   * a client pulls the document it edits by itself, the refresh is for the other files that depend
   * on it), push clients get new diagnostics.
   */
  private changed(): void {
    if (this.pull) {
      if (!this.refreshSupport) return;
      if (this.refreshTimer) clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(() => void this.connection.languages.diagnostics.refresh().catch(() => undefined), this.debounceMs);
      return;
    }
    this.changes++;
    if (this.pushTimer) clearTimeout(this.pushTimer);
    // a change on its own (a keystroke: people type tens of milliseconds apart) is published at
    // once — waiting would only add latency; changes that come in a burst (edits applied by a
    // tool, a storm of file events) are gathered into one pass debounceMs after the last of them.
    // A pass under way stops when another change comes (publishAll).
    const now = performance.now();
    const burst = now - this.lastChange < BURST_MS;
    this.lastChange = now;
    this.pushTimer = setTimeout(() => void this.safe('publish', () => this.publishAll(), undefined), burst ? this.debounceMs : 0);
  }

  /**
   * publishAll pushes diagnostics: first those of the open documents (what the user waits for), each
   * time its version changed, with that version; then every other file whose diagnostics changed.
   * A file whose findings and text are the very same as at its last publish is not even converted:
   * in a 154-module workspace a keystroke republishes one or two files, not every go.mod.
   */
  private async publishAll(): Promise<void> {
    await this.ready;
    const ws = await this.session.view();
    const byFile = this.findingsOf(ws);
    const open = new Map<string, TextDocument>();
    for (const d of this.documents.all()) {
      const path = URI.toPath(d.uri);
      if (path) open.set(path, d);
    }
    const files = new Set<string>([...open.keys(), ...byFile.keys(), ...this.published.keys()]);
    const changes = this.changes;
    for (const file of files) {
      // the open documents first; before each other file, requests that came meanwhile are served
      if (!open.has(file)) await new Promise((r) => setImmediate(r));
      if (this.changes !== changes) return; // changed meanwhile: the next pass (already scheduled) says what is current
      const uri = URI.file(file);
      const text = this.textOf(file) ?? viewText(ws, file);
      const version = open.get(file)?.version;
      const last = this.published.get(file);
      if (text === undefined) { // gone: clear what was said about it
        if (last) await this.connection.sendDiagnostics({ uri, diagnostics: [] });
        this.published.delete(file);
        continue;
      }
      // an open document the model does not hold (a go.mod not saved yet): what its text alone shows, as a pull client gets
      const findings = byFile.get(file) ?? (open.has(file) && !inModel(ws, file) ? this.standaloneFindings(file, text) : undefined);
      if (last && last.findings === findings && last.text === text && last.version === version) continue;
      const items = this.toDiagnostics(findings ?? [], text);
      const said = last && last.version === version && sameJson(last.items, items);
      if (!said && (last || items.length > 0 || version !== undefined)) await this.connection.sendDiagnostics({ uri, version, diagnostics: items });
      if (items.length === 0 && version === undefined) this.published.delete(file);
      else this.published.set(file, { findings, text, version, items });
    }
    for (const d of this.documents.all()) if (!URI.toPath(d.uri)) await this.connection.sendDiagnostics({ uri: d.uri, diagnostics: this.untitledDiagnostics(d) });
  }

  private findingsOf(ws: WorkspaceView): Map<string, Finding[]> {
    let f = this.findings.get(ws);
    if (!f) {
      f = analyzeWorkspace(ws, {
        missingMessage: (missing, own) => this.session.missingMessage(missing, own),
        memo: this.analyzeMemo,
        onError: (rule, err) => this.log(`rule ${rule} failed: ${err instanceof Error ? err.stack : String(err)}`),
      });
      this.findings.set(ws, f);
    }
    return f;
  }

  private async diagnosticsFor(uri: string, token?: CancellationToken): Promise<Diagnostic[]> {
    await this.ready;
    const path = URI.toPath(uri);
    if (!path) {
      const doc = this.documents.get(uri);
      return doc ? this.untitledDiagnostics(doc) : [];
    }
    if (basename(path) === 'go.mod') {
      await this.session.view(); // the model must know the module before its .go files are scanned
      await this.session.ensureFeatures(path);
    }
    const ws = await this.session.view();
    if (token?.isCancellationRequested) return [];
    const text = this.textOf(path) ?? viewText(ws, path);
    if (text === undefined) return [];
    let list = this.findingsOf(ws).get(path);
    if (!list && !inModel(ws, path)) list = this.standaloneFindings(path, text);
    return this.toDiagnostics(list ?? [], text);
  }

  /** toDiagnostics converts the findings of a file whose text is `text` (related spans in other files read their current text). */
  private toDiagnostics(findings: Finding[], text: string, textOf: (file: string) => string | undefined = (x) => this.textOf(x)): Diagnostic[] {
    return findings.map((f) => findingToDiagnostic(f, text, this.settings, textOf)).filter((d): d is Diagnostic => d !== undefined);
  }

  /** standaloneFindings: a file outside every folder's model (or not a file at all): parse-level checks only. */
  private standaloneFindings(file: string, text: string, language?: string): Finding[] {
    const parsed = this.outsideParse(file, text, language ?? basename(file), false);
    const doc = parsed.doc;
    if (!doc) return [];
    parsed.findings ??= 'sum' in doc ? sumFindings(doc) : [...parseFindings(doc), ...pseudoFindings(file, 'mod' in doc ? doc.mod : doc.work)];
    return parsed.findings;
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

  private untitledDiagnostics(doc: TextDocument): Diagnostic[] {
    const text = doc.getText();
    return this.toDiagnostics(this.standaloneFindings(doc.uri, text, doc.languageId).map((f) => ({ ...f, related: undefined })), text, () => undefined);
  }

  /** textOf: the open buffer's text, else the disk's. */
  private textOf(file: string): string | undefined {
    return this.session.textOf(file);
  }

  private async docFor(uri: string): Promise<{ doc?: AnyDoc; ws?: WorkspaceView }> {
    await this.ready;
    const path = URI.toPath(uri);
    if (!path) {
      const d = this.documents.get(uri);
      if (!d) return {};
      return { doc: this.outsideParse(uri, d.getText(), d.languageId, true).doc };
    }
    const ws = await this.session.view();
    const doc = ws.mods.get(path) ?? ws.works.get(path) ?? ws.sums.get(path);
    if (doc) return { doc, ws };
    const text = this.textOf(path);
    if (text === undefined) return { ws };
    return { ws, doc: this.outsideParse(path, text, basename(path), true).doc };
  }

  private async buildList(uri: string): Promise<BuildListResult> {
    const { doc, ws } = await this.docFor(uri);
    const empty: BuildListResult = { mainFile: '', main: [], lines: [], count: 0, incomplete: 'no go.mod or go.work here' };
    if (!doc || !ws) return empty;
    const file = ownerFile(doc);
    const view = buildOf(ws, file);
    if (!view) return { ...empty, incomplete: ws.problems.get(file) ?? empty.incomplete };
    if (!view.build) return { ...empty, mainFile: view.file, incomplete: view.error };
    const mods = listModules(view.build);
    const incomplete = view.build.missing.length > 0 ? `incomplete: ${view.build.missing.length} go.mod file(s) not available offline (${view.build.missing.slice(0, 3).map((m) => `${m.module.path}@${m.module.version}`).join(', ')})` : view.build.error;
    return { mainFile: view.file, main: mods.filter((m) => m.main).map((m) => m.path), lines: listLines(mods), count: mods.length, incomplete };
  }

  /**
   * safe runs a handler: a failure is logged and answered with `fallback`. Outside the running phase
   * nothing runs: a request is answered with the error the protocol names (-32002 before initialize,
   * InvalidRequest after shutdown) and a notification's work is dropped.
   */
  private async safe<T>(name: string, f: () => T | Promise<T>, fallback: T): Promise<T> {
    if (this.phase !== 'running') {
      const refusal = this.phase === 'new'
        ? new ResponseError(ErrorCodes.ServerNotInitialized, `go-mod-lens: ${name} before initialize`)
        : new ResponseError(ErrorCodes.InvalidRequest, `go-mod-lens: ${name} after shutdown`);
      return refusal as unknown as T; // vscode-jsonrpc answers a request whose handler returns a ResponseError with that error
    }
    try {
      return await f();
    } catch (err) {
      this.log(`go-mod-lens: ${name} failed: ${err instanceof Error ? err.stack : String(err)}`);
      return fallback;
    }
  }
}

if (require.main === module) startServer();

/** inModel: the workspace model holds the file (its findings come from the analysis). */
function inModel(ws: WorkspaceView, file: string): boolean {
  return ws.mods.has(file) || ws.works.has(file) || ws.sums.has(file);
}

/** viewText: a file's text as the view holds it — '' for a file that is there but cannot be read (its one finding says why). */
function viewText(ws: WorkspaceView, file: string): string | undefined {
  return (ws.mods.get(file) ?? ws.works.get(file) ?? ws.sums.get(file))?.text;
}
