/**
 * serverRun: one measured session of the real server (node bin/go-mod-lens.js serve --stdio) for
 * the server bench — spawn, open the main file, two series of one-character edits — through the
 * tests' LSP client. Every wait has a timeout and the server is always killed at the end.
 *
 * Pull mode: diagnostics are a textDocument/diagnostic request sent right after the notification.
 * Push mode: the server's publish of the main file for the document version just sent (it
 * publishes an open document whenever its version changed, with that version). Inlay hints: a
 * textDocument/inlayHint request for the whole file, sent with the diagnostics request; requests
 * after a didChange see the new text.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-protocol';
import { LspClient, type IncrementalChange } from '../test/lsp/client';
import { serverCommand } from '../test/lsp/fixture';

/** Target is a place to edit: the end of a version or path token, and the end of its line. */
export interface Target {
  tokenEnd: Position;
  lineEnd: Position;
  /** the token's last character (typed again by the typo series) */
  last: string;
}

export interface EditSeries {
  scheme: 'typo' | 'space';
  description: string;
  wanted: number;
  /** per edit, ms from didChange to diagnostics and hints both received */
  both: number[];
  diag: number[];
  hints: number[];
  stopped?: string;
}

export interface RunResult {
  mode: 'pull' | 'push';
  spawnToInit?: number;
  openToDiag?: number;
  openToHints?: number;
  openToBoth?: number;
  spawnToBoth?: number;
  diagCount: number;
  hintCount: number;
  codes: Record<string, number>;
  series: EditSeries[];
  note?: string;
  error?: string;
}

export interface RunOptions {
  mode: 'pull' | 'push';
  folder: string;
  file: string;
  home: string;
  targets: Target[];
  /** what the typo series does to this kind of file */
  typoDescription: string;
  edits: number;
  budgetMs: number;
  timeoutMs: number;
}

const now = (): number => performance.now();

/** serverEnv: offline, a private home and an empty module cache. */
function serverEnv(home: string): NodeJS.ProcessEnv {
  const modcache = join(home, 'modcache');
  mkdirSync(modcache, { recursive: true });
  return {
    PATH: process.env.PATH, HOME: home, GOPATH: join(home, 'go'), XDG_CACHE_HOME: join(home, '.cache'), XDG_CONFIG_HOME: join(home, '.config'),
    GOENV: 'off', GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOMODCACHE: modcache, GOMODLENS_CACHE_DIR: 'off', GOSUMDB: 'off',
  };
}

interface Measured {
  diag: number;
  hints: number;
  both: number;
  diagnostics: Diagnostic[];
  hintCount: number;
}

/** Session is a started server plus what the measurements need. */
class Session {
  constructor(readonly client: LspClient, readonly opts: RunOptions) {}

  /** measure runs send (didOpen or didChange) and times diagnostics and inlay hints from it. */
  async measure(send: () => Promise<unknown>): Promise<Measured> {
    const { client, opts } = this;
    const t = now();
    await send();
    // push: the publish of the main file for the document version just sent (the server publishes an
    // open document after each change of its version, other files only when theirs change)
    const diagP = (opts.mode === 'pull' ? client.diagnostics(opts.file) : client.nextPublish(opts.file).then((p) => p.diagnostics)).then((d) => ({ d, at: now() - t }));
    const hintP = client.inlayHints(opts.file).then((h) => ({ h, at: now() - t }));
    const [d, h] = await Promise.all([diagP, hintP]);
    return { diag: d.at, hints: h.at, both: Math.max(d.at, h.at), diagnostics: d.d, hintCount: h.h.length };
  }

  /** series runs `edits` one-character edits in pairs that restore the text; it stops between pairs when the budget is spent. */
  async series(scheme: EditSeries['scheme']): Promise<EditSeries> {
    const { opts } = this;
    const description = scheme === 'typo' ? opts.typoDescription
      : 'type a space at the end of a line (inside its trailing comment if any), then delete it (always valid, meaning unchanged)';
    const s: EditSeries = { scheme, description, wanted: opts.edits, both: [], diag: [], hints: [] };
    const start = now();
    for (let i = 0; i < opts.edits; i++) {
      if (i % 2 === 0 && now() - start > opts.budgetMs) {
        s.stopped = `budget of ${opts.budgetMs / 1000} s spent`;
        break;
      }
      const target = opts.targets[(Math.floor(i / 2) * 7) % opts.targets.length];
      const m = await this.measure(() => this.client.change(opts.file, planEdit(scheme, target, i % 2 === 0)));
      s.both.push(m.both);
      s.diag.push(m.diag);
      s.hints.push(m.hints);
    }
    return s;
  }
}

const at = (p: Position, delta: number): Position => ({ line: p.line, character: p.character + delta });
const range = (start: Position, end: Position): Range => ({ start, end });

/** planEdit: the first (`first`) or second edit of a pair at target; the pair leaves the text as it was. */
export function planEdit(scheme: EditSeries['scheme'], t: Target, first: boolean): IncrementalChange {
  if (scheme === 'typo') {
    return first ? { range: range(at(t.tokenEnd, -1), t.tokenEnd), text: '' } : { range: range(at(t.tokenEnd, -1), at(t.tokenEnd, -1)), text: t.last };
  }
  return first ? { range: range(t.lineEnd, t.lineEnd), text: ' ' } : { range: range(t.lineEnd, at(t.lineEnd, 1)), text: '' };
}

/** runServer measures one server session; failures are recorded in the result, the process is always killed. */
export async function runServer(opts: RunOptions): Promise<RunResult> {
  const result: RunResult = { mode: opts.mode, diagCount: 0, hintCount: 0, codes: {}, series: [] };
  let client: LspClient | undefined;
  try {
    if (opts.targets.length === 0) throw new Error('no edit targets in the main file');
    const env = serverEnv(opts.home);
    const t0 = now();
    const cmd = serverCommand();
    // GML_BENCH_SERVER: another build's bin/go-mod-lens.js (an A/B comparison in one sitting)
    if (process.env.GML_BENCH_SERVER) cmd.args[0] = process.env.GML_BENCH_SERVER;
    // GML_BENCH_PROFILE=DIR: the server writes a V8 CPU profile there when it exits
    if (process.env.GML_BENCH_PROFILE) cmd.args.unshift('--cpu-prof', `--cpu-prof-dir=${process.env.GML_BENCH_PROFILE}`);
    // GML_BENCH_NODE_ARGS: extra node options for the server process (e.g. V8 heap flags), space-separated
    if (process.env.GML_BENCH_NODE_ARGS) cmd.args.unshift(...process.env.GML_BENCH_NODE_ARGS.split(' ').filter(Boolean));
    client = await LspClient.start({ ...cmd, env, folders: [opts.folder], pullDiagnostics: opts.mode === 'pull', timeoutMs: opts.timeoutMs });
    result.spawnToInit = now() - t0;
    if (opts.mode === 'pull' && !client.pullEnabled) result.note = 'the server did not offer pull diagnostics: measured push';
    const session = new Session(client, opts);
    const c = client;
    const first = await session.measure(() => c.open(opts.file));
    Object.assign(result, {
      openToDiag: first.diag, openToHints: first.hints, openToBoth: first.both, spawnToBoth: now() - t0,
      diagCount: first.diagnostics.length, hintCount: first.hintCount,
    });
    for (const d of first.diagnostics) result.codes[String(d.code)] = (result.codes[String(d.code)] ?? 0) + 1;
    for (const scheme of ['typo', 'space'] as const) result.series.push(await session.series(scheme));
    await client.shutdown();
  } catch (e) {
    result.error = e instanceof Error ? e.message : String(e);
  } finally {
    client?.dispose();
  }
  return result;
}
