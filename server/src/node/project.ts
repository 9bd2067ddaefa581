/**
 * loadProject finds and reads the main module(s) for a directory as the go command would (GOWORK,
 * go.work upward, else the nearest go.mod), parses them strictly and builds the MainModuleSet,
 * with the go command's messages for what stops it.
 */
import { dirname, isAbsolute, join, relative } from 'node:path';
import { MainModule, MainModuleSet, singleModule, workspaceModules } from '../graph/mainModules';
import { FileSource, unreadableMessage } from '../graph/source';
import { goErrorLines } from '../syntax/errors';
import { ModFile, parseModFile } from '../syntax/modfile';
import { parseWorkFile } from '../syntax/workfile';
import { GoEnv } from './goEnv';
import { WorkspaceFs, findMainModules } from './workspace';

export type ProjectResult = { ok: true; main: MainModuleSet } | { ok: false; error: string };

/** loadProject: `dir` is where the go command would run; `toolchain` the go version to emulate. */
/** ParseMod parses a main go.mod (strict); the server passes one that remembers unchanged texts. */
export type ParseMod = (text: string, name: string, file: string) => ModFile;

export async function loadProject(dir: string, env: GoEnv, fs: WorkspaceFs, files: FileSource, toolchain: string, parse: ParseMod = (t, name) => parseModFile(t, { name })): Promise<ProjectResult> {
  const found = findMainModules(dir, env, fs);
  if (found.kind === 'none') return { ok: false, error: found.reason.replace(/^go: /, '') };
  const show = (p: string): string => {
    const rel = relative(dir, p);
    return rel.length < p.length && !rel.startsWith('..') ? rel : p;
  };
  if (found.kind === 'module') {
    const m = await readMainModule(found.modFile, files, show, parse);
    return m.ok ? { ok: true, main: singleModule(m.module, { toolchain }) } : m;
  }
  const text = await files.readText(found.workFile);
  if (text === undefined) return { ok: false, error: `reading go.work: ${unreadableMessage(files, found.workFile)}` };
  const work = parseWorkFile(text, show(found.workFile));
  if (work.errors.length > 0) return { ok: false, error: `errors parsing go.work:\n${goErrorLines(show(found.workFile), text, work.errors).join('\n')}` };
  const workDir = dirname(found.workFile);
  const members: MainModule[] = [];
  const seen = new Set<string>();
  for (const u of work.use) {
    const modDir = isAbsolute(u.path) ? u.path : join(workDir, u.path);
    if (seen.has(modDir)) return { ok: false, error: `path ${modDir} appears multiple times in workspace` };
    seen.add(modDir);
    const m = await readMainModule(join(modDir, 'go.mod'), files, show, parse);
    if (!m.ok) return { ok: false, error: `cannot load module ${u.path} listed in go.work file: ${m.error}` };
    members.push(m.module);
  }
  const paths = new Map<string, string>();
  for (const m of members) {
    if (paths.has(m.path)) return { ok: false, error: `module ${m.path} appears multiple times in workspace` };
    paths.set(m.path, m.dir);
  }
  return { ok: true, main: workspaceModules(found.workFile, work, members, { toolchain }) };
}

async function readMainModule(file: string, files: FileSource, show: (p: string) => string, parse: ParseMod): Promise<{ ok: true; module: MainModule } | { ok: false; error: string }> {
  const text = await files.readText(file);
  if (text === undefined) return { ok: false, error: unreadableMessage(files, file) };
  const modFile = parse(text, show(file), file);
  if (modFile.errors.length > 0) return { ok: false, error: `errors parsing ${show(file)}:\n${goErrorLines(show(file), text, modFile.errors).join('\n')}` };
  if (!modFile.module) {
    return { ok: false, error: 'error reading go.mod: missing module declaration. To specify the module path:\n\tgo mod edit -module=example.com/mod' };
  }
  return { ok: true, module: { path: modFile.module.path, dir: dirname(file), modFile } };
}
