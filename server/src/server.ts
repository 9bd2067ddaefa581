/**
 * The go-mod-lens language server: wiring. One server covers every workspace folder; this file owns
 * the lifecycle (initialize, configuration, folders, buffers) and registers the handlers of lsp/ —
 * one file per LSP method or custom request — which read the session (workspace model, builds)
 * through the ServerContext it implements. Capabilities are declared statically (some clients ignore
 * dynamic registration); every handler is wrapped so a failure is logged and answered with an empty
 * result; diagnostics are pulled when the client can, else pushed (lsp/publish.ts).
 */
import {
  CancellationToken, Connection, Diagnostic, ErrorCodes, ResponseError, DidChangeWatchedFilesNotification,
  FileChangeType, InitializeParams, InitializeResult, TextDocumentSyncKind, TextDocuments, WatchKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceView } from './analysis/view';
import { connectionFromArguments } from './transport';
import { URI } from './features/uri';
import { SETTINGS_SECTION, Settings, mergeSettings } from './protocol';
import { readTextFile, resolveGoEnv } from './node/goEnv';
import { Session, SessionOptions } from './workspace/session';
import { probeToolchain } from './node/toolchain';
import { createFeatureScanner } from './node/featureScan';
import { registerBuildList } from './lsp/buildList';
import { registerCodeActions } from './lsp/codeAction';
import { ServerContext } from './lsp/context';
import { PullReports, registerPullDiagnostics } from './lsp/diagnostic';
import { AnyDoc } from './lsp/documents';
import { Findings } from './lsp/findings';
import { registerFormatting } from './lsp/formatting';
import { registerHover } from './lsp/hover';
import { registerInlayHints } from './lsp/inlayHint';
import { registerCompletion, registerDefinition, registerDocumentLinks } from './lsp/navigation';
import { Publisher } from './lsp/publish';
import { registerWhatIf } from './lsp/whatIf';
import { RemoteVulnDb, loadVulnDb, vulnDbDir } from './node/vulnDb';
import { RepoConfigs } from './node/repoConfigs';
import { VulnIndex, indexEntries } from './vuln/match';

/** startServer runs the server on a connection (stdio, IPC or a socket, as the process arguments say). */
export function startServer(connection: Connection = connectionFromArguments()): void {
  new GoModLensServer(connection).listen();
}

class GoModLensServer implements ServerContext {
  readonly documents = new TextDocuments(TextDocument);
  private vulnDb?: { spec: string; vulns?: VulnIndex; remote?: RemoteVulnDb };
  private currentSettings: Settings = mergeSettings(undefined);
  private currentSession: Session;
  private trusted = false;
  private pull = false;
  private refreshSupport = false;
  /** the client resolves inlay hint tooltips (inlayHint/resolve): send them without */
  private lazyTooltips = false;
  private commands: string[] = [];
  private configSupport = false;
  private watchRegistration = false;
  /** the client sends workspace/didChangeWorkspaceFolders (vscode-languageserver throws on a subscription otherwise) */
  private folderEvents = false;
  /** the lifecycle: requests before initialize are refused with -32002, requests after shutdown with InvalidRequest */
  private phase: 'new' | 'running' | 'shutdown' = 'new';
  private folders: string[] = [];
  private readonly findings: Findings;
  /** the .go-mod-lens.json of each folder: severities under the user's settings */
  private readonly repoConfigs = new RepoConfigs((m) => this.log(m));
  private readonly publisher: Publisher;
  private readonly reports = new PullReports();
  /** settles once the configuration has been read; requests wait for it so that none sees a half-configured session */
  private readonly readyPromise: Promise<void>;
  private scanner?: ReturnType<typeof createFeatureScanner>;
  private markReady: () => void = () => undefined;

  constructor(readonly connection: Connection) {
    this.currentSession = new Session(this.sessionOptions());
    this.readyPromise = new Promise((resolve) => (this.markReady = resolve));
    this.findings = new Findings({ session: () => this.currentSession, settings: () => this.currentSettings, repoSeverity: (file) => this.repoConfigs.severityFor(file), documents: this.documents, ready: () => this.readyPromise, log: (m) => this.log(m) });
    this.publisher = new Publisher({
      connection, documents: this.documents, findings: this.findings, session: () => this.currentSession, ready: () => this.readyPromise,
      pull: () => ({ pull: this.pull, refreshSupport: this.refreshSupport }), safe: (name, f, fallback) => this.safe(name, f, fallback),
    });
  }

  // ServerContext
  settings(): Settings {
    return this.currentSettings;
  }

  clientCommands(): readonly string[] {
    return this.commands;
  }

  lazyHintTooltips(): boolean {
    return this.lazyTooltips;
  }

  session(): Session {
    return this.currentSession;
  }

  ready(): Promise<void> {
    return this.readyPromise;
  }

  docFor(uri: string): Promise<{ doc?: AnyDoc; ws?: WorkspaceView }> {
    return this.findings.docFor(uri);
  }

  diagnosticsFor(uri: string, token?: CancellationToken): Promise<Diagnostic[]> {
    return this.findings.diagnosticsFor(uri, token);
  }

  /** textOf: the open buffer's text, else the disk's. */
  textOf(file: string): string | undefined {
    return this.currentSession.textOf(file);
  }

  private log(message: string): void {
    this.connection.console.log(message);
  }

  private sessionOptions(toolchain?: string): SessionOptions {
    const raw = { ...process.env };
    if (this.currentSettings?.moduleCache) raw.GOMODCACHE = this.currentSettings.moduleCache;
    const env = resolveGoEnv(raw, readTextFile);
    this.scanner ??= createFeatureScanner((m) => this.log(m));
    const scanner = this.scanner;
    const network = this.currentSettings?.network ?? false;
    const vuln = this.vulnSource(network);
    return {
      env, network, toolchain, gotoolchain: raw.GOTOOLCHAIN ?? '', vulns: vuln.local, vulnRemote: vuln.remote, upgrades: (this.currentSettings?.upgrades ?? 'direct') !== 'off',
      scanFeatures: scanner, log: (m) => this.log(m), onBackgroundChange: () => this.changed(),
    };
  }

  /**
   * vulnSource: the vulnerability database the settings (goModLens.vulnDB, else GOVULNDB) name — one
   * on this machine, read once per value, or, with network access on, a served one whose entries the
   * session fetches for the modules built; none when neither names one.
   */
  private vulnSource(network: boolean): { local?: VulnIndex; remote?: RemoteVulnDb } {
    const spec = this.currentSettings?.vulnDB || (process.env.GOVULNDB ?? '');
    if (spec === '') return {};
    const key = `${network}\0${spec}`;
    if (this.vulnDb?.spec !== key) {
      const where = vulnDbDir(spec, process.cwd(), network);
      if ('error' in where) {
        this.log(`go-mod-lens: no vulnerability checks: ${where.error}`);
        this.vulnDb = { spec: key };
      } else if ('url' in where) {
        this.vulnDb = { spec: key, remote: new RemoteVulnDb(where.url) };
        this.log(`go-mod-lens: vulnerability database ${where.url}: the entries of the modules built are fetched as they appear`);
      } else {
        const t0 = performance.now();
        const db = loadVulnDb(where.dir);
        this.vulnDb = { spec: key, vulns: indexEntries(db.entries) };
        this.log(`go-mod-lens: vulnerability database ${where.dir}: ${db.entries.length} entries read in ${Math.round(performance.now() - t0)} ms${db.skipped.length > 0 ? `; ${db.skipped.length} files skipped (${db.skipped[0]})` : ''}`);
      }
    }
    return { local: this.vulnDb.vulns, remote: this.vulnDb.remote };
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
        if (this.repoConfigs.isConfigFile(path)) {
          this.repoConfigs.load(this.folders);
          this.publisher.settingsChanged();
          continue;
        }
        if (this.documents.get(ch.uri) && ch.type === FileChangeType.Changed) continue; // the buffer wins
        this.currentSession.fileChanged(path, ch.type === FileChangeType.Created ? 'created' : ch.type === FileChangeType.Deleted ? 'deleted' : 'changed');
      }
      this.changed();
    });
    registerHover(this);
    registerInlayHints(this);
    registerPullDiagnostics(this, this.reports);
    registerCodeActions(this);
    registerFormatting(this);
    registerDocumentLinks(this);
    registerDefinition(this);
    registerCompletion(this);
    registerBuildList(this);
    registerWhatIf(this);
    this.documents.onDidOpen((e) => this.bufferChanged(e.document));
    this.documents.onDidChangeContent((e) => this.bufferChanged(e.document));
    this.documents.onDidClose((e) => {
      this.reports.forget(e.document.uri);
      const path = URI.toPath(e.document.uri);
      this.findings.forget(path ?? e.document.uri);
      if (path) this.currentSession.clearBuffer(path);
      this.changed();
    });
    this.documents.listen(this.connection);
    this.connection.listen();
  }

  private initialize(p: InitializeParams): InitializeResult {
    const caps = p.capabilities;
    this.pull = caps.textDocument?.diagnostic !== undefined;
    this.refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
    this.lazyTooltips = caps.textDocument?.inlayHint?.resolveSupport?.properties.includes('tooltip') === true;
    this.configSupport = caps.workspace?.configuration === true;
    this.folderEvents = !!caps.workspace?.workspaceFolders;
    this.phase = 'running';
    this.watchRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const init = (p.initializationOptions ?? {}) as { settings?: unknown; trustedWorkspace?: boolean; commands?: unknown };
    this.trusted = init.trustedWorkspace === true;
    this.commands = Array.isArray(init.commands) ? init.commands.filter((c): c is string => typeof c === 'string') : [];
    this.currentSettings = mergeSettings(init.settings);
    this.folders = (p.workspaceFolders ?? []).map((f) => URI.toPath(f.uri)).filter((x): x is string => x !== undefined);
    if (this.folders.length === 0 && p.rootUri) {
      const root = URI.toPath(p.rootUri);
      if (root) this.folders.push(root);
    }
    this.currentSession.reconfigure(this.sessionOptions());
    this.currentSession.setFolders(this.folders);
    this.repoConfigs.load(this.folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        inlayHintProvider: { resolveProvider: true },
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
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
        watchers: [
          { globPattern: '**/{go.mod,go.work,go.sum,go.work.sum}', kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete },
          { globPattern: '**/vendor/modules.txt', kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete },
          { globPattern: '**/.go-mod-lens.json', kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete },
          { globPattern: '**/*.go' },
        ],
      }).catch(() => undefined);
    }
    if (this.folderEvents) this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => URI.toPath(f.uri)));
      this.folders = this.folders.filter((f) => !removed.has(f));
      for (const f of e.added) {
        const p = URI.toPath(f.uri);
        if (p) this.folders.push(p);
      }
      this.currentSession.setFolders(this.folders);
      this.repoConfigs.load(this.folders);
      this.publisher.settingsChanged();
      this.changed();
    });
    await this.loadConfiguration();
  }

  private async loadConfiguration(): Promise<void> {
    if (this.configSupport) {
      const got = await this.connection.workspace.getConfiguration(SETTINGS_SECTION).catch(() => null);
      if (got !== null && got !== undefined) this.currentSettings = mergeSettings(got);
    }
    let toolchain = this.currentSettings.toolchainVersion || undefined;
    if (!toolchain && this.trusted) toolchain = await probeToolchain(this.currentSettings.goBinary, process.env);
    this.currentSession.reconfigure(this.sessionOptions(toolchain));
    this.publisher.settingsChanged(); // severities may have changed: convert again
    this.changed();
  }

  private bufferChanged(doc: TextDocument): void {
    const path = URI.toPath(doc.uri);
    if (path) this.currentSession.setBuffer(path, doc.getText());
    this.changed();
  }

  /** changed: something may have changed (lsp/publish.ts: a refresh for pull clients, a publishing pass for push). */
  private changed(): void {
    this.publisher.changed();
  }

  /**
   * safe runs a handler: a failure is logged and answered with `fallback`. Outside the running phase
   * nothing runs: a request is answered with the error the protocol names (-32002 before initialize,
   * InvalidRequest after shutdown) and a notification's work is dropped.
   */
  async safe<T>(name: string, f: () => T | Promise<T>, fallback: T): Promise<T> {
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
