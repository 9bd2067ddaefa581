/**
 * A stand-in for our CLI in the harness self-tests: it answers `list [-json] DIR` and `graph DIR`
 * by running the go command itself on a copy of the sources, so the whole differential pipeline
 * (environment, comparison, shrinking, saving, replay) can be exercised before runCli implements
 * those commands. An optional planted bug rewrites what it prints.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { GoOracle, runGo } from '../env';
import { CliFunction } from './compare';
import { copyTree, removeTree } from './materialize';
import { Command, goArgs } from './runGoOracle';

/** PlantedBug rewrites the fake CLI's stdout for one command. */
export type PlantedBug = (cmd: Command, stdout: string) => string;

/** goBackedCli returns a CliFunction that delegates to the oracle's go (and then applies bug, if given). */
export function goBackedCli(oracle: GoOracle, bug?: PlantedBug): CliFunction {
  return async (args, io) => {
    const [verb, ...rest] = args;
    if (verb !== 'list' && verb !== 'graph') {
      io.stderr(`go-mod-lens: unknown command ${JSON.stringify(verb)}\n`);
      return 2;
    }
    const cmd: Command = verb === 'graph' ? 'graph' : rest.includes('-json') ? 'json' : 'list';
    const dir = rest.find((a) => !a.startsWith('-')) ?? io.cwd;
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(io.env)) if (v !== undefined) env[k] = v;
    const workspace = (env.GOWORK ?? 'off') !== 'off';
    // -mod=mod rewrites go.mod, so go runs on a copy: the workspace folder, or the main module
    // folder plus the local/ folder beside it (directory replacement targets, see materialize.ts).
    const copy = mkdtempSync(join(tmpdir(), 'gml-fake-'));
    const runDir = workspace ? copy : join(copy, 'main');
    copyTree(dir, runDir);
    const locals = join(dirname(dir), 'local');
    if (!workspace && existsSync(locals)) copyTree(locals, join(copy, 'local'));
    if (workspace) env.GOWORK = join(copy, relative(dir, env.GOWORK));
    const r = await runGo(oracle, goArgs(cmd, workspace), runDir, env);
    removeTree(copy);
    // the folders of the copy, as they are in the sources it was made from (list -json's Dir, GoMod)
    const out = workspace ? r.stdout.split(copy).join(dir) : r.stdout.split(runDir).join(dir).split(join(copy, 'local')).join(locals);
    io.stdout(bug ? bug(cmd, out) : out);
    io.stderr(r.stderr);
    return r.status;
  };
}
