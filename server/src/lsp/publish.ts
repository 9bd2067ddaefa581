/**
 * Publishing diagnostics as the client wants them. Pull clients ask (textDocument/diagnostic,
 * diagnostic.ts) and are told to refresh once changes settle; push clients get
 * textDocument/publishDiagnostics: the open documents first, each with its version, then only the
 * files whose diagnostics changed. A change on its own is published at once; a burst is gathered.
 */
import { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Finding } from '../analysis/findings';
import { sameJson } from '../features/diagnostics';
import { URI } from '../features/uri';
import { Session } from '../workspace/session';
import { inModel, viewText } from './documents';
import { Findings } from './findings';

/** changes less than this many ms apart are a burst (no person types that fast) */
const BURST_MS = 5;

export interface PublisherDeps {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly findings: Findings;
  session(): Session;
  ready(): Promise<void>;
  /** the client pulls diagnostics; it may be told to refresh them */
  pull(): { pull: boolean; refreshSupport: boolean };
  safe<T>(name: string, f: () => T | Promise<T>, fallback: T): Promise<T>;
}

export class Publisher {
  /** push: what was last published per file (path), with the findings, text and document version it was made from */
  private readonly published = new Map<string, { findings?: Finding[]; text: string; version?: number; items: Diagnostic[] }>();
  /** push: how many changes were announced (a publishing pass stops when another one comes) */
  private changes = 0;
  /** push: when the last change was announced (performance.now()) */
  private lastChange = -Infinity;
  private pushTimer?: NodeJS.Timeout;
  private refreshTimer?: NodeJS.Timeout;
  private readonly debounceMs = Number(process.env.GOMODLENS_DEBOUNCE_MS ?? 25);

  constructor(private readonly deps: PublisherDeps) {}

  /** settingsChanged: severities may have changed, so every file is converted again at the next pass. */
  settingsChanged(): void {
    for (const p of this.published.values()) p.findings = undefined;
  }

  /**
   * changed: something may have changed; pull clients are asked to refresh (once the changes settle:
   * a client pulls the document it edits by itself, the refresh is for the other files that depend
   * on it), push clients get new diagnostics.
   */
  changed(): void {
    const { pull, refreshSupport } = this.deps.pull();
    if (pull) {
      if (!refreshSupport) return;
      if (this.refreshTimer) clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(() => void this.deps.connection.languages.diagnostics.refresh().catch(() => undefined), this.debounceMs);
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
    this.pushTimer = setTimeout(() => void this.deps.safe('publish', () => this.publishAll(), undefined), burst ? this.debounceMs : 0);
  }

  /**
   * publishAll pushes diagnostics: first those of the open documents (what the user waits for), each
   * time its version changed, with that version; then every other file whose diagnostics changed.
   * A file whose findings and text are the very same as at its last publish is not even converted:
   * in a 154-module workspace a keystroke republishes one or two files, not every go.mod.
   */
  private async publishAll(): Promise<void> {
    const { connection, documents, findings } = this.deps;
    await this.deps.ready();
    const ws = await this.deps.session().view();
    const byFile = findings.of(ws);
    const open = new Map<string, TextDocument>();
    for (const d of documents.all()) {
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
      const text = findings.textOf(file) ?? viewText(ws, file);
      const version = open.get(file)?.version;
      const last = this.published.get(file);
      if (text === undefined) { // gone: clear what was said about it
        if (last) await connection.sendDiagnostics({ uri, diagnostics: [] });
        this.published.delete(file);
        continue;
      }
      // an open document the model does not hold (a go.mod not saved yet): what its text alone shows, as a pull client gets
      const list = byFile.get(file) ?? (open.has(file) && !inModel(ws, file) ? findings.standalone(file, text) : undefined);
      if (last && last.findings === list && last.text === text && last.version === version) continue;
      const items = findings.toDiagnostics(list ?? [], text);
      const said = last && last.version === version && sameJson(last.items, items);
      if (!said && (last || items.length > 0 || version !== undefined)) await connection.sendDiagnostics({ uri, version, diagnostics: items });
      if (items.length === 0 && version === undefined) this.published.delete(file);
      else this.published.set(file, { findings: list, text, version, items });
    }
    for (const d of documents.all()) if (!URI.toPath(d.uri)) await connection.sendDiagnostics({ uri: d.uri, diagnostics: findings.untitledDiagnostics(d) });
  }
}
