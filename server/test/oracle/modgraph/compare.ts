/**
 * Runs our CLI (`runCli` from server/src/cli.ts) the way the differential tests need it and compares
 * its output with the go command's. The contract (issue 3): `list [-json] [DIR]` prints exactly what
 * `go list -mod=mod -m [-json] all` prints (every -json field, with the folders of the run normalized
 * where go ran on a copy); `graph [DIR]` prints what `go mod graph` prints; `-go=RELEASE` asks
 * for that go command's behaviour (the oracle's release). When go fails we must fail too, naming the
 * same module versions.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliIO, runCli } from '../../../src/cli';
import { GoRun } from '../env';
import { Materialized, removeTree } from './materialize';
import { Command, Outputs, Source, commands, goModuleEnv, runDirOf } from './runGoOracle';

/** CliFunction is runCli's shape; it may answer synchronously or with a promise. */
export type CliFunction = (args: string[], io: CliIO) => number | Promise<number>;
let cli: CliFunction = runCli;

/**
 * useCliForTesting swaps the CLI under test (the harness self-tests use a go-backed fake, with and
 * without planted bugs); call it without an argument to restore runCli.
 */
export function useCliForTesting(f?: CliFunction): void {
  cli = f ?? runCli;
  listSupport = undefined;
}

/** cliArgs is our command line for cmd run in dir, emulating the go command of release. */
export function cliArgs(cmd: Command, dir: string, release: string): string[] {
  switch (cmd) {
    case 'list': return ['list', `-go=${release}`, dir];
    case 'json': return ['list', `-go=${release}`, '-json', dir];
    case 'graph': return ['graph', `-go=${release}`, dir];
  }
}

/** runOurs runs our CLI with args and env and captures what it prints; a throw counts as status 1. */
export async function runOurs(args: string[], cwd: string, env: Record<string, string>): Promise<GoRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, cwd, env };
  try {
    const status = await cli(args, io);
    return { status, stdout, stderr };
  } catch (e) {
    return { status: 1, stdout, stderr: stderr + `threw: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n` };
  }
}

let listSupport: boolean | undefined;

/**
 * cliHasList says whether runCli implements `list` yet: an unimplemented command answers with exit
 * status 2 and "unknown command" (or the usage text).
 */
export async function cliHasList(): Promise<boolean> {
  if (listSupport !== undefined) return listSupport;
  const dir = mkdtempSync(join(tmpdir(), 'gml-probe-'));
  writeFileSync(join(dir, 'go.mod'), 'module example.com/probe\n\ngo 1.19\n');
  const r = await runOurs(['list', dir], dir, { GOPROXY: 'off', GOFLAGS: '-mod=mod', GOWORK: 'off', GOMODCACHE: join(dir, 'modcache') });
  removeTree(dir);
  listSupport = !(r.status === 2 && /unknown command|usage:/.test(r.stderr));
  return listSupport;
}

/** noCli is the skip message while the CLI has no `list` command. */
export const noCli = 'skipped: runCli has no `list` command yet (issue 3); the go side of the harness is checked by its self-tests';

/**
 * runOursAll runs our three commands on the pristine scenario sources (ROOT/src) with the same Go
 * environment go had: source `proxy` with an empty module cache, `cache` with GOPROXY=off; release is
 * the go command we emulate (-go=).
 */
export async function runOursAll(m: Materialized, source: Source, modcache: string, release: string): Promise<Outputs> {
  const env = goModuleEnv(m, m.src, source, modcache);
  const dir = runDirOf(m, m.src);
  const out: Partial<Outputs> = {};
  for (const cmd of commands) out[cmd] = await runOurs(cliArgs(cmd, dir, release), dir, env);
  return out as Outputs;
}

type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

/** splitJsonStream splits go's `-json` output (concatenated indented objects) into parsed objects. */
export function splitJsonStream(text: string): Record<string, JsonValue>[] {
  const out: Record<string, JsonValue>[] = [];
  for (const chunk of text.split(/(?<=\n\})\n/)) {
    if (chunk.trim() !== '') out.push(JSON.parse(chunk) as Record<string, JsonValue>);
  }
  return out;
}

/**
 * expectedStdout is what our CLI must print for cmd when go printed goStdout: the same bytes, `-json`
 * included (every field of go list -m -json all: Time, Dir, GoMod, Sum, GoModSum too). Where go and
 * we ran in different folders or module caches, compare outputs normalized first (normalizeOutput).
 */
export function expectedStdout(_cmd: Command, goStdout: string): string {
  return goStdout;
}

/** moduleTokens lists the `path@version` words of a go error message (the chain it names). */
export function moduleTokens(stderr: string): string[] {
  return [...new Set(stderr.match(/[A-Za-z0-9._~!+/-]+@v[0-9][^\s:,)'"]*/g) ?? [])];
}

/** Phrases of go errors our message must repeat when go's does (what went wrong, not where). */
const keyPhrases = [
  'missing module line', 'module declares its path as', 'but was required as', 'conflicting replacements',
  'appears multiple times in workspace', 'is replaced at all versions', 'updates to go.mod needed',
  'module lookup disabled by GOPROXY=off', 'invalid version', 'malformed module path',
];

/**
 * compareRun compares one command: on success stdout must be identical; on failure we must fail
 * too, name every module version go's message names, and repeat its key phrase. Returns why the
 * outputs differ, or undefined when they agree.
 */
export function compareRun(cmd: Command, go: GoRun, ours: GoRun): string | undefined {
  if (go.status === 0) {
    if (ours.status !== 0) return `go succeeded, we failed (status ${ours.status}): ${ours.stderr.trim().slice(0, 500)}`;
    const want = expectedStdout(cmd, go.stdout);
    return ours.stdout === want ? undefined : `stdout differs:\n${lineDiff(want, ours.stdout)}`;
  }
  if (ours.status === 0) return `go failed (${go.stderr.trim()}), we succeeded`;
  const missing = moduleTokens(go.stderr).filter((t) => !ours.stderr.includes(t));
  if (missing.length > 0) return `both failed, but our message does not name ${missing.join(', ')}:\ngo:   ${go.stderr.trim()}\nours: ${ours.stderr.trim()}`;
  const phrase = keyPhrases.find((p) => go.stderr.includes(p) && !ours.stderr.includes(p));
  if (phrase) return `both failed, but our message lacks "${phrase}":\ngo:   ${go.stderr.trim()}\nours: ${ours.stderr.trim()}`;
  return undefined;
}

/** lineDiff shows the first differing lines of two outputs (enough to see what went wrong). */
export function lineDiff(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < 12; i++) {
    if (a[i] !== b[i]) out.push(`  line ${i + 1}: go ${JSON.stringify(a[i] ?? null)} / ours ${JSON.stringify(b[i] ?? null)}`);
  }
  return out.join('\n');
}

/** Difference is one command whose outputs differ, in one source mode. */
export interface Difference {
  cmd: Command;
  source: Source;
  reason: string;
}

/** compareAll compares the three commands of go and ours for one source mode. */
export function compareAll(source: Source, go: Outputs, ours: Outputs): Difference[] {
  const out: Difference[] = [];
  for (const cmd of commands) {
    const reason = compareRun(cmd, go[cmd], ours[cmd]);
    if (reason !== undefined) out.push({ cmd, source, reason });
  }
  return out;
}
