/**
 * runFixture drives one fixture workspace through the real server: it opens every go.mod, go.work
 * and go.sum (and every other file with markers), gets diagnostics, inlay hints, hovers and quick
 * fixes, and compares them with the markers. It returns every mismatch rather than stopping at the
 * first, so that one run shows everything that is wrong.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Command, Diagnostic } from 'vscode-languageserver-protocol';
import { checkDiagnostics, checkHints, checkHover, compareGolden } from './check';
import { type LspClient, uriKey, uriOf } from './client';
import { applyTextEdits, workspaceEditToChanges } from './edits';
import { prepareFixture, startFixtureServer, type Fixture, type PreparedFixture, type ServerCommand } from './fixture';
import { loadMarkdown } from '../support/markdown';
import { emptyExpectations, type Expectations, type FixExpect } from './markers';

export interface FixtureRun {
  mismatches: string[];
  /** the server's stderr */
  stderr: string;
  /** the temporary copy, kept when something failed */
  root: string;
  /** whether diagnostics were pulled (false: collected from publishDiagnostics) */
  pulled: boolean;
}

export interface RunOptions {
  /** overrides fixture.json's pull */
  pull?: boolean;
  /** how long push mode waits for publishes to match the markers (default 10 s) */
  pushTimeoutMs?: number;
  /** another server than go-mod-lens serve --stdio (the runner's own tests) */
  server?: ServerCommand;
}

/**
 * settled asks again, for up to 5 s, while the answer still mismatches: what the server computes in
 * the background (the .go feature scan, upgrade checks) shows once it is done. The last answer counts.
 */
async function settled(check: () => Promise<string[]>, ms = 5000): Promise<string[]> {
  const until = Date.now() + ms;
  for (;;) {
    const got = await check();
    if (got.length === 0 || Date.now() >= until) return got;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** runFixture runs one fixture through the server and returns every mismatch. */
export async function runFixture(fx: Fixture, opts: RunOptions = {}): Promise<FixtureRun> {
  await loadMarkdown(); // hovers and tooltips are compared as rendered
  const p = prepareFixture(fx);
  const client = await startFixtureServer(p, { pull: opts.pull ?? fx.config.pull ?? true, server: opts.server });
  client.stderrInErrors = false; // the runner prints the stderr once
  const mismatches: string[] = [];
  const attempt = async (what: string, f: () => Promise<void>): Promise<void> => {
    try {
      await f();
    } catch (e) {
      mismatches.push(`${what}: ${(e as Error).message}`);
    }
  };
  try {
    for (const rel of p.files) await client.open(join(p.root, rel));
    const diagnostics = new Map<string, Diagnostic[]>();
    if (client.pullEnabled) {
      for (const rel of p.files) await attempt(`${rel}: textDocument/diagnostic`, async () => void diagnostics.set(rel, await client.pullDiagnostics(join(p.root, rel))));
      for (const [rel, got] of diagnostics) mismatches.push(...checkDiagnostics(rel, expectationsOf(p, rel).diags, got));
    } else {
      mismatches.push(...await collectPublished(client, p, diagnostics, opts.pushTimeoutMs ?? 10000));
    }
    for (const rel of p.files) {
      const e = expectationsOf(p, rel);
      await attempt(`${rel}: textDocument/inlayHint`, async () => {
        mismatches.push(...await settled(async () => checkHints(rel, e.hints, e.nohints, await client.inlayHints(join(p.root, rel)))));
      });
      for (const h of e.hovers) {
        await attempt(`${rel}:${h.where.line + 1}: textDocument/hover`, async () => {
          mismatches.push(...await settled(async () => checkHover(rel, h, await client.hover(join(p.root, rel), { line: h.where.line, character: h.character }))));
        });
      }
    }
    for (const group of fixGroups(p)) {
      await attempt(`${group[0].where.file}:${group[0].where.line + 1}: ${group[0].source}`, async () => {
        mismatches.push(...await checkFixGroup(client, p, group, diagnostics.get(group[0].where.file) ?? []));
      });
    }
    mismatches.push(...client.protocolProblems.map((m) => `protocol: ${m}`));
    await attempt('shutdown', () => client.shutdown());
  } finally {
    client.dispose();
  }
  if (mismatches.length === 0) rmSync(p.root, { recursive: true, force: true });
  return { mismatches, stderr: client.stderr, root: p.root, pulled: client.pullEnabled };
}

function expectationsOf(p: PreparedFixture, rel: string): Expectations {
  return p.expectations.get(rel) ?? emptyExpectations();
}

/**
 * collectPublished waits until the latest publish of every open file (after its didOpen) matches its
 * markers — servers may publish in stages — or the timeout passes; then it reports the latest state.
 * A file that never got a publish counts as having none (servers need not publish empty lists), but
 * only once some publish has arrived since the files were opened: with nothing published at all the
 * runner waits for the timeout before it concludes there is nothing.
 */
async function collectPublished(client: LspClient, p: PreparedFixture, out: Map<string, Diagnostic[]>, timeoutMs: number): Promise<string[]> {
  const check = (): string[] => p.files.flatMap((rel) => {
    const last = client.freshPublish(join(p.root, rel));
    const want = expectationsOf(p, rel).diags;
    if (!last) return want.length ? [`${rel}: no publishDiagnostics received after didOpen (${want.length} @diag expected)`] : [];
    return checkDiagnostics(rel, want, last.diagnostics);
  });
  const anyPublished = (): boolean => p.files.some((rel) => client.freshPublish(join(p.root, rel)) !== undefined);
  try {
    await client.waitFor(() => (anyPublished() && check().length === 0 ? true : undefined), 'publishDiagnostics matching the markers', timeoutMs);
  } catch {
    // the state at the timeout is reported below
  }
  for (const rel of p.files) out.set(rel, client.freshPublish(join(p.root, rel))?.diagnostics ?? []);
  return check();
}

/** fixGroups groups @fix markers by marked file, line, code and title: one code action each. */
function fixGroups(p: PreparedFixture): FixExpect[][] {
  const groups = new Map<string, FixExpect[]>();
  for (const e of p.expectations.values()) {
    for (const f of e.fixes) {
      const key = JSON.stringify([f.where.file, f.where.line, f.code, f.title]);
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
  }
  return [...groups.values()];
}

const isCodeAction = (a: CodeAction | Command): a is CodeAction => typeof (a as Command).command !== 'string';

/** checkFixGroup requests the code actions for the marked diagnostic, applies the chosen one and compares goldens. */
async function checkFixGroup(client: LspClient, p: PreparedFixture, group: FixExpect[], diagnostics: Diagnostic[]): Promise<string[]> {
  const { where, code, title, source } = group[0];
  const at = `${where.file}:${where.line + 1}: ${source}`;
  const diag = diagnostics.find((d) => d.range.start.line === where.line && String(d.code) === code);
  if (!diag) return [`${at}: no diagnostic with code ${JSON.stringify(code)} on this line to fix`];
  const markedFile = join(p.root, where.file);
  const actions = await client.codeActions(markedFile, diag.range, [diag]);
  const candidates = actions.filter(isCodeAction).filter((a) => a.title.includes(title));
  const titles = actions.map((a) => JSON.stringify(a.title)).join(', ') || 'none';
  if (candidates.length !== 1) return [`${at}: want exactly one code action whose title contains ${JSON.stringify(title)}; got ${titles}`];
  let action = candidates[0];
  if (!action.edit) {
    const provider = client.capabilities.codeActionProvider;
    if (typeof provider === 'object' && provider.resolveProvider) action = await client.resolveCodeAction(action);
  }
  if (!action.edit) return [`${at}: code action ${JSON.stringify(action.title)} has no edit (after codeAction/resolve when offered)`];
  const results = new Map<string, string>();
  for (const [uri, edits] of workspaceEditToChanges(action.edit)) {
    if (edits.length === 0) continue;
    const path = fileURLToPath(uri);
    results.set(path, applyTextEdits(currentText(client, path), edits));
  }
  const out: string[] = [];
  const listed = new Set<string>();
  for (const f of group) {
    const target = resolve(dirname(markedFile), f.file);
    listed.add(target);
    const golden = join(p.root, f.golden);
    if (!existsSync(golden)) {
      out.push(`${at}: golden file ${f.golden} does not exist`);
      continue;
    }
    const got = results.get(target) ?? currentText(client, target);
    const diff = Buffer.from(got, 'utf8').equals(readFileSync(golden)) ? '' : compareGolden(readFileSync(golden, 'utf8'), got);
    if (diff) out.push(`${at}: ${relative(p.root, target)} after the fix differs from ${f.golden}: ${diff}`);
  }
  for (const path of results.keys()) {
    if (!listed.has(path)) out.push(`${at}: the edit also changes ${relative(p.root, path)}, which no @fix with this title lists`);
  }
  return out;
}

/** currentText is the client's copy of an open document, else the file on disk ('' when absent). */
function currentText(client: LspClient, path: string): string {
  try {
    return client.document(uriKey(uriOf(path))).text;
  } catch {
    return existsSync(path) ? readFileSync(path, 'utf8') : '';
  }
}

/** formatRun is a failure message: every mismatch, where the copy is, and the server's stderr. */
export function formatRun(name: string, run: FixtureRun): string {
  const stderr = run.stderr.trim() ? `\n--- server stderr (tail) ---\n${run.stderr.slice(-4000)}` : '';
  return `${name}: ${run.mismatches.length} mismatch(es) (${run.pulled ? 'pull' : 'push'} diagnostics; workspace copy kept at ${run.root})\n`
    + `${run.mismatches.map((m) => `  ${m}`).join('\n')}${stderr}`;
}
