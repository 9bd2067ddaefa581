/**
 * What the LSP method handlers of this folder (one file per method or custom request) need from the
 * server: the connection and open documents, the settings, the session (workspace model and builds),
 * and the server's shared operations. server.ts implements it and wires the handlers; a handler
 * holds no state of its own beyond what its method needs (pull reports, for textDocument/diagnostic).
 */
import { CancellationToken, Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceView } from '../analysis/view';
import { Settings } from '../protocol';
import { Session } from '../workspace/session';
import { AnyDoc } from './documents';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  settings(): Settings;
  /** the client resolves inlay hint tooltips (inlayHint/resolve) */
  lazyHintTooltips(): boolean;
  /** the go-mod-lens commands the client runs (initializationOptions.commands), e.g. the what-if preview */
  clientCommands(): readonly string[];
  session(): Session;
  /** settles once the configuration has been read */
  ready(): Promise<void>;
  /** the parsed document of a URI and the workspace view it was read in */
  docFor(uri: string): Promise<{ doc?: AnyDoc; ws?: WorkspaceView }>;
  /** the diagnostics of a document now (pull, and code actions) */
  diagnosticsFor(uri: string, token?: CancellationToken): Promise<Diagnostic[]>;
  /** a file's text: the open buffer's, else the disk's */
  textOf(file: string): string | undefined;
  /** runs a handler: a failure is logged and answered with fallback; outside the running phase, refused */
  safe<T>(name: string, f: () => T | Promise<T>, fallback: T): Promise<T>;
}
