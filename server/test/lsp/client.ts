/**
 * LspClient is a small language client for tests: it starts a server as a child process, speaks
 * JSON-RPC over its stdio (vscode-jsonrpc), answers the server's requests the way an editor does,
 * records what the server sends, and offers one awaitable helper per feature.
 *
 * Waiting is always on a condition (a message arrived, the process exited) with a timeout, never a
 * fixed sleep. Every error message carries the method, the params and the tail of the server's
 * stderr, so that a failing test says what happened on the wire.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationTokenSource, createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  ApplyWorkspaceEditParams, ClientCapabilities, CodeAction, Command, Diagnostic, DocumentDiagnosticReport, Hover, InitializeResult,
  InlayHint, Position, PublishDiagnosticsParams, Range, ServerCapabilities,
} from 'vscode-languageserver-protocol';
import { clientCapabilities } from './capabilities';
import { applyTextEdits } from './edits';

export interface LspClientOptions {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** absolute paths of the workspace folders */
  folders: string[];
  /** the value of the configuration section (goModLens); undefined answers null */
  settings?: unknown;
  /** the configuration section the settings belong to (default goModLens) */
  section?: string;
  /** declare textDocument.diagnostic (pull diagnostics); default true */
  pullDiagnostics?: boolean;
  /** timeout of each request and wait, in ms (default 20000) */
  timeoutMs?: number;
  /** change what the client declares (to play a client that lacks a capability) */
  capabilities?: (declared: ClientCapabilities) => ClientCapabilities;
  /** initializationOptions (e.g. the commands the client runs) */
  initializationOptions?: unknown;
}

/** OpenDocument is the client's copy of a document it opened. */
export interface OpenDocument {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

/** IncrementalChange is a didChange content change with a range. */
export interface IncrementalChange {
  range: Range;
  text: string;
}

const live = new Set<LspClient>();
process.on('exit', () => {
  for (const c of live) c.dispose();
});

/** uriOf is the file: URI of an absolute path (or the URI itself). */
export function uriOf(pathOrUri: string): string {
  return /^[a-z][a-z0-9+.-]+:/i.test(pathOrUri) ? pathOrUri : pathToFileURL(pathOrUri).href; // file:, untitled:, …
}

/** uriKey normalises a file URI (percent-encoding differs between implementations) for lookups. */
export function uriKey(uri: string): string {
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

/** languageIdOf is the language id VS Code (and the Go extension) give the file. */
export function languageIdOf(path: string): string {
  const name = basename(path);
  if (name === 'go.mod' || name === 'go.work') return name;
  if (name === 'go.sum' || name === 'go.work.sum') return 'go.sum';
  return name.endsWith('.go') ? 'go' : 'plaintext';
}

export class LspClient {
  capabilities: ServerCapabilities = {};
  readonly logs: Array<{ type: number; message: string; method: string }> = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  /** every request the server sent, in order */
  readonly serverRequests: Array<{ method: string; params: unknown }> = [];
  /** things the server did that the protocol does not allow or this client does not know */
  readonly protocolProblems: string[] = [];
  readonly timeoutMs: number;
  /** append the tail of the server's stderr to error messages (a runner that prints it once turns this off) */
  stderrInErrors = true;
  exitStatus: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private readonly child: ChildProcess;
  private readonly connection: MessageConnection;
  private stderrText = '';
  private readonly docs = new Map<string, OpenDocument>();
  private readonly publishes = new Map<string, PublishDiagnosticsParams[]>();
  private readonly publishMark = new Map<string, number>();
  private readonly pullResults = new Map<string, { resultId?: string; items: Diagnostic[] }>();
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly opts: LspClientOptions) {
    this.timeoutMs = opts.timeoutMs ?? 20000;
    this.child = spawn(opts.command, opts.args, { cwd: opts.cwd, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'] });
    live.add(this);
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (s: string) => {
      this.stderrText = (this.stderrText + s).slice(-200000);
    });
    this.child.on('error', (e) => this.protocolProblems.push(`spawn ${opts.command}: ${e.message}`));
    this.child.on('exit', (code, signal) => {
      this.exitStatus = { code, signal };
      live.delete(this);
      this.wake();
    });
    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout as NodeJS.ReadableStream),
      new StreamMessageWriter(this.child.stdin as NodeJS.WritableStream),
    );
    this.connection.onRequest((method, params) => this.answer(method, params));
    this.connection.onNotification((method, params) => this.notified(method, params));
    this.connection.onError(([e]) => this.protocolProblems.push(`connection error: ${e.message}`));
    this.connection.listen();
  }

  /** start spawns the server and runs initialize/initialized. */
  static async start(opts: LspClientOptions): Promise<LspClient> {
    const c = new LspClient(opts);
    try {
      await c.initialize();
    } catch (e) {
      c.dispose();
      throw e;
    }
    return c;
  }

  /** spawn starts the server without the handshake (to talk to it before initialize); initialize() runs it later. */
  static spawn(opts: LspClientOptions): LspClient {
    return new LspClient(opts);
  }

  /** pullEnabled: the client declared pull diagnostics and the server offers them. */
  get pullEnabled(): boolean {
    return this.opts.pullDiagnostics !== false && !!this.capabilities.diagnosticProvider;
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** pid is the server process's id (to read its memory from /proc). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** initialize runs initialize/initialized. */
  async initialize(): Promise<void> {
    const folders = this.opts.folders.map((f) => ({ uri: uriOf(f), name: basename(f) }));
    const result = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      clientInfo: { name: 'go-mod-lens-test-client', version: '1' },
      locale: 'en',
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: (this.opts.capabilities ?? ((c) => c))(clientCapabilities(this.opts.pullDiagnostics !== false)),
      ...(this.opts.initializationOptions === undefined ? {} : { initializationOptions: this.opts.initializationOptions }),
    });
    if (!result || typeof result !== 'object' || !result.capabilities) {
      throw this.error(`initialize answered without capabilities: ${JSON.stringify(result)}`);
    }
    this.capabilities = result.capabilities;
    await this.notify('initialized', {});
  }

  /** open sends didOpen for a file (its text read from disk unless given). */
  async open(path: string, text?: string, languageId = languageIdOf(path)): Promise<OpenDocument> {
    const doc = { uri: uriOf(path), languageId, version: 1, text: text ?? readFileSync(path, 'utf8') };
    this.docs.set(uriKey(doc.uri), doc);
    this.publishMark.set(uriKey(doc.uri), this.publishes.get(uriKey(doc.uri))?.length ?? 0);
    await this.notify('textDocument/didOpen', { textDocument: doc });
    return doc;
  }

  /** document is the client's copy of an open document. */
  document(uri: string): OpenDocument {
    const doc = this.docs.get(uriKey(uriOf(uri)));
    if (!doc) throw new Error(`${uri} is not open`);
    return doc;
  }

  /** change sends didChange: a whole new text, or one ranged edit (sent as full text to a Full-sync server). */
  async change(uri: string, change: string | IncrementalChange): Promise<OpenDocument> {
    const doc = this.document(uri);
    const text = typeof change === 'string' ? change : applyTextEdits(doc.text, [{ range: change.range, newText: change.text }]);
    const sync = this.capabilities.textDocumentSync;
    const kind = typeof sync === 'number' ? sync : (sync?.change ?? 0);
    if (kind === 0) throw this.error('the server does not accept didChange (textDocumentSync.change is None)');
    const event = typeof change === 'string' || kind === 1 ? { text } : change;
    doc.text = text;
    doc.version++;
    this.publishMark.set(uriKey(doc.uri), this.publishes.get(uriKey(doc.uri))?.length ?? 0);
    await this.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: doc.version }, contentChanges: [event] });
    return doc;
  }

  async close(uri: string): Promise<void> {
    const doc = this.document(uri);
    this.docs.delete(uriKey(doc.uri));
    await this.notify('textDocument/didClose', { textDocument: { uri: doc.uri } });
  }

  /** diagnostics pulls them when pull is enabled, else waits for the first publish after the last open/change. */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    if (this.pullEnabled) return this.pullDiagnostics(uri);
    return (await this.nextPublish(uri)).diagnostics;
  }

  /** pullDiagnostics sends textDocument/diagnostic, following resultIds and retrying ServerCancelled. */
  async pullDiagnostics(uri: string): Promise<Diagnostic[]> {
    const key = uriKey(uriOf(uri));
    const provider = this.capabilities.diagnosticProvider;
    const identifier = provider && 'identifier' in provider ? provider.identifier : undefined;
    for (let attempt = 0; ; attempt++) {
      const previous = this.pullResults.get(key);
      const params = { textDocument: { uri: uriOf(uri) }, identifier, previousResultId: previous?.resultId };
      try {
        const report = await this.request<DocumentDiagnosticReport>('textDocument/diagnostic', params);
        if (report?.kind === 'unchanged') {
          if (!previous) throw this.error(`textDocument/diagnostic answered "unchanged" without a previous result: ${JSON.stringify(params)}`);
          return previous.items;
        }
        if (report?.kind !== 'full' || !Array.isArray(report.items)) {
          throw this.error(`textDocument/diagnostic answered ${JSON.stringify(report)} for ${JSON.stringify(params)}`);
        }
        this.pullResults.set(key, { resultId: report.resultId, items: report.items });
        return report.items;
      } catch (e) {
        const retry = e instanceof RequestFailed && e.code === -32802 && attempt < 5;
        if (!retry) throw e;
      }
    }
  }

  /** published is every publishDiagnostics received for uri, oldest first. */
  published(uri: string): PublishDiagnosticsParams[] {
    return this.publishes.get(uriKey(uriOf(uri))) ?? [];
  }

  /** freshPublish is the latest publish for uri received after its last open/change (a stale version does not count). */
  freshPublish(uri: string): PublishDiagnosticsParams | undefined {
    const key = uriKey(uriOf(uri));
    const list = this.publishes.get(key) ?? [];
    const last = list[list.length - 1];
    const version = this.docs.get(key)?.version;
    const fresh = list.length > (this.publishMark.get(key) ?? 0);
    return fresh && (last.version === undefined || version === undefined || last.version >= version) ? last : undefined;
  }

  /** nextPublish waits for a publish for uri after the last open/change, not older than the document version. */
  nextPublish(uri: string, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => this.freshPublish(uri), `publishDiagnostics for ${uri}`, timeoutMs);
  }

  /** waitForPublish waits until the latest publish for uri since its last open/change satisfies want. */
  waitForPublish(uri: string, want: (p: PublishDiagnosticsParams) => boolean, what: string, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => {
      const last = this.freshPublish(uri);
      return last && want(last) ? last : undefined;
    }, what, timeoutMs);
  }

  /** inlayHints asks for the hints of the whole document (or range), resolving tooltips when the server resolves. */
  async inlayHints(uri: string, range?: Range): Promise<InlayHint[]> {
    const doc = this.document(uri);
    const lines = doc.text.split(/\r\n|\n|\r/);
    const whole = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
    const hints = (await this.request<InlayHint[] | null>('textDocument/inlayHint', { textDocument: { uri: doc.uri }, range: range ?? whole })) ?? [];
    const provider = this.capabilities.inlayHintProvider;
    const resolves = typeof provider === 'object' && 'resolveProvider' in provider && provider.resolveProvider;
    if (!resolves) return hints;
    return Promise.all(hints.map((h) => (h.tooltip === undefined ? this.request<InlayHint>('inlayHint/resolve', h) : h)));
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(uri) }, position });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<Array<CodeAction | Command>> {
    const context = { diagnostics, only, triggerKind: 1 };
    return (await this.request<Array<CodeAction | Command> | null>('textDocument/codeAction', { textDocument: { uri: uriOf(uri) }, range, context })) ?? [];
  }

  resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    return this.request<CodeAction>('codeAction/resolve', action);
  }

  /** request sends a request and waits for its answer, the server's exit, or the timeout. */
  request<R>(method: string, params: unknown, timeoutMs = this.timeoutMs): Promise<R> {
    const what = `${method} ${truncate(JSON.stringify(params))}`;
    if (this.exitStatus) return Promise.reject(this.error(`server exited before ${what}`));
    const cts = new CancellationTokenSource();
    return new Promise<R>((resolve, reject) => {
      const finish = (f: () => void): void => {
        clearTimeout(timer);
        this.waiters.delete(onExit);
        f();
      };
      const onExit = (): void => {
        if (this.exitStatus) finish(() => reject(this.error(`server exited without answering ${what}`)));
      };
      const timer = setTimeout(() => {
        cts.cancel();
        finish(() => reject(this.error(`no answer to ${what} within ${timeoutMs} ms`)));
      }, timeoutMs);
      this.waiters.add(onExit);
      this.connection.sendRequest<R>(method, params, cts.token).then(
        (r) => finish(() => resolve(r)),
        (e: unknown) => finish(() => reject(e instanceof ResponseError
          ? new RequestFailed(e.code, this.error(`${what} failed: ${e.code} ${e.message} ${JSON.stringify(e.data ?? null)}`).message)
          : this.error(`${what} failed: ${String(e)}`))),
      );
    });
  }

  /** notify sends a notification; a broken pipe is reported with the server's stderr. */
  async notify(method: string, params: unknown): Promise<void> {
    try {
      await this.connection.sendNotification(method, params);
    } catch (e) {
      throw this.error(`sending ${method}: ${String(e)}`);
    }
  }

  /** waitFor resolves with check()'s first defined value, re-checked whenever a message arrives. */
  waitFor<T>(check: () => T | undefined, what: string, timeoutMs = this.timeoutMs): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const done = (f: () => void): void => {
        clearTimeout(timer);
        this.waiters.delete(tick);
        f();
      };
      const tick = (): void => {
        let v: T | undefined;
        try {
          v = check();
        } catch (e) {
          done(() => reject(e));
          return;
        }
        if (v !== undefined) done(() => resolve(v));
        else if (this.exitStatus) done(() => reject(this.error(`server exited while waiting for ${what}`)));
      };
      const timer = setTimeout(() => done(() => reject(this.error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
      this.waiters.add(tick);
      tick();
    });
  }

  /** shutdown runs shutdown + exit and waits for the process; a non-zero exit status is an error. */
  async shutdown(): Promise<void> {
    if (this.exitStatus) throw this.error('server had already exited before shutdown');
    await this.request<null>('shutdown', undefined);
    await this.notify('exit', undefined);
    try {
      const status = await this.waitFor(() => this.exitStatus, 'process exit after the exit notification', 5000);
      if (status.code !== 0) throw this.error(`server exited with ${JSON.stringify(status)} after shutdown + exit (want code 0)`);
    } finally {
      this.dispose();
    }
  }

  /** dispose kills the process if it still runs; safe to call more than once (after hooks). */
  dispose(): void {
    if (!this.exitStatus && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    this.connection.dispose();
    live.delete(this);
  }

  /** error makes an Error whose message ends with the exit status and the tail of stderr. */
  error(message: string): Error {
    const exit = this.exitStatus ? `\n(server exited: ${JSON.stringify(this.exitStatus)})` : '';
    const tail = !this.stderrInErrors ? '' : this.stderrText.slice(-4000);
    return new Error(`${message}${exit}${tail ? `\n--- server stderr (tail) ---\n${tail}` : ''}`);
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  private answer(method: string, params: unknown): unknown {
    this.serverRequests.push({ method, params });
    queueMicrotask(() => this.wake());
    switch (method) {
      case 'workspace/configuration':
        return ((params as { items?: Array<{ section?: string }> }).items ?? []).map((item) => this.configuration(item.section));
      case 'workspace/applyEdit':
        this.appliedEdits.push(params as ApplyWorkspaceEditParams);
        return { applied: true };
      case 'workspace/workspaceFolders':
        return this.opts.folders.map((f) => ({ uri: uriOf(f), name: basename(f) }));
      case 'client/registerCapability': case 'client/unregisterCapability': case 'window/workDoneProgress/create':
      case 'window/showMessageRequest': case 'window/showDocument':
      case 'workspace/diagnostic/refresh': case 'workspace/inlayHint/refresh': case 'workspace/codeLens/refresh':
      case 'workspace/semanticTokens/refresh': case 'workspace/inlineValue/refresh': case 'workspace/foldingRange/refresh':
        return null;
      default:
        this.protocolProblems.push(`server sent unknown request ${method} ${truncate(JSON.stringify(params))}`);
        return new ResponseError(-32601, `test client does not handle ${method}`);
    }
  }

  /** configuration answers one workspace/configuration item: the settings for our section, else null. */
  private configuration(section: string | undefined): unknown {
    const name = this.opts.section ?? 'goModLens';
    const settings = this.opts.settings ?? null;
    if (section === undefined || section === '') return settings === null ? null : { [name]: settings };
    if (section === name) return settings;
    if (!section.startsWith(`${name}.`)) return null;
    let v: unknown = settings;
    for (const part of section.slice(name.length + 1).split('.')) {
      v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] ?? null : null;
    }
    return v;
  }

  private notified(method: string, params: unknown): void {
    if (method === 'textDocument/publishDiagnostics') {
      const p = params as PublishDiagnosticsParams;
      const key = uriKey(p.uri);
      this.publishes.set(key, [...(this.publishes.get(key) ?? []), p]);
    } else if (method === 'window/logMessage' || method === 'window/showMessage') {
      const p = params as { type: number; message: string };
      this.logs.push({ type: p.type, message: p.message, method });
    }
    this.wake();
  }
}

/** RequestFailed is a request the server answered with an error; code is the JSON-RPC error code. */
export class RequestFailed extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

function truncate(s: string | undefined, max = 600): string {
  if (s === undefined) return '';
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
