/**
 * loadProject finds and reads the main module(s) for a directory as the go command would (GOWORK,
 * go.work upward, else the nearest go.mod), parses them strictly and builds the MainModuleSet,
 * with the go command's messages for what stops it.
 */
import { dirname, isAbsolute, join, relative } from 'node:path';
import { MainModule, MainModuleSet, singleModule, workspaceModules } from '../graph/mainModules';
import { FileSource, unreadableMessage } from '../graph/source';
import { isTooNew, switchesToolchain, tooNewMessage, workTooOldMessage } from '../graph/tooNew';
import { compareGoVersion } from '../module/goVersion';
import { goErrorLines } from '../syntax/errors';
import { ModFile, parseModFile } from '../syntax/modfile';
import { parseWorkFile } from '../syntax/workfile';
import { GoEnv } from './goEnv';
import { WorkspaceFs, findMainModules } from './workspace';

export type ProjectResult = { ok: true; main: MainModuleSet } | { ok: false; error: string };

/**
 * loadProject: `dir` is where the go command would run; `toolchain` the go version to emulate. With
 * `tooNew` (the CLI, which emulates one go command exactly), a main go.mod or go.work whose go line
 * is above that version stops it as the go command stops when GOTOOLCHAIN does not let it switch;
 * a workspace member above go.work's go line is refused from Go 1.21 in every case.
 */
/** ParseMod parses a main go.mod (strict); the server passes one that remembers unchanged texts. */
export type ParseMod = (text: string, name: string, file: string) => ModFile;

export async function loadProject(dir: string, env: GoEnv, fs: WorkspaceFs, files: FileSource, toolchain: string, parse: ParseMod = (t, name) => parseModFile(t, { name }), tooNew = false): Promise<ProjectResult> {
  const stops = tooNew && compareGoVersion(toolchain, '1.21') >= 0 && !switchesToolchain(env.gotoolchain);
  const found = findMainModules(dir, env, fs);
  if (found.kind === 'none') return { ok: false, error: found.reason.replace(/^go: /, '') };
  const show = (p: string): string => {
    const rel = relative(dir, p);
    return rel.length < p.length && !rel.startsWith('..') ? rel : p;
  };
  if (found.kind === 'module') {
    const m = await readMainModule(found.modFile, files, show, parse, stops ? toolchain : undefined, env.gotoolchain);
    return m.ok ? { ok: true, main: singleModule(m.module, { toolchain }) } : m;
  }
  const text = await files.readText(found.workFile);
  if (text === undefined) return { ok: false, error: `reading go.work: ${unreadableMessage(files, found.workFile)}` };
  const work = parseWorkFile(text, show(found.workFile));
  if (work.errors.length > 0) return { ok: false, error: `errors parsing go.work:\n${goErrorLines(show(found.workFile), text, work.errors).join('\n')}` };
  const workGo = work.go?.version ?? '';
  if (stops && isTooNew(workGo, toolchain)) return { ok: false, error: tooNewMessage(show(found.workFile), workGo, toolchain, env.gotoolchain) };
  const workDir = dirname(found.workFile);
  const dirs: string[] = [];
  for (const u of work.use) {
    const modDir = isAbsolute(u.path) ? u.path : join(workDir, u.path);
    if (dirs.includes(modDir)) return { ok: false, error: `path ${modDir} appears multiple times in workspace` };
    dirs.push(modDir);
  }
  // every member is read and each failure reported (errors.Join), as Go 1.21+ does; before, the first stopped it
  const modern = compareGoVersion(toolchain, '1.21') >= 0;
  const members: MainModule[] = [];
  const errors: string[] = [];
  for (const modDir of dirs) {
    const m = await readMainModule(join(modDir, 'go.mod'), files, show, parse, stops ? toolchain : undefined, env.gotoolchain);
    if (m.ok) {
      members.push(m.module);
      const memberGo = m.module.modFile.go?.version || '1.16';
      if (modern && compareGoVersion(memberGo, workGo || '1.18') > 0 && compareGoVersion(memberGo, '1.21') >= 0) errors.push(workTooOldMessage(show(modDir), memberGo, workGo));
      continue;
    }
    if (m.tooNew !== undefined) errors.push(workTooOldMessage(show(modDir), m.tooNew, workGo));
    else if (!modern) return { ok: false, error: `cannot load module listed in go.work file: ${m.error}` };
    else errors.push(`cannot load module ${show(modDir)} listed in go.work file: ${compareGoVersion(toolchain, '1.24') >= 0 ? m.error.split(join(modDir, 'go.mod')).join(show(join(modDir, 'go.mod'))) : m.error}`);
  }
  if (errors.length > 0) return { ok: false, error: errors.join('\n') };
  // Go 1.20 (modload.loadModFile) refuses two members with one module path; Go 1.19 let the last one stand for both (workspaceModules)
  const paths = new Set<string>();
  for (const m of members) {
    if (paths.has(m.path) && compareGoVersion(toolchain, '1.20') >= 0) return { ok: false, error: `module ${m.path} appears multiple times in workspace` };
    paths.add(m.path);
  }
  return { ok: true, main: workspaceModules(found.workFile, work, members, { toolchain }) };
}

type ReadMain = { ok: true; module: MainModule } | { ok: false; error: string; tooNew?: string };

/**
 * readMainModule reads and strictly parses a main go.mod. With `local` (the emulated go version, when
 * go lines above it stop the go command), a go line above it is a TooNewError — also where only the
 * lax parse succeeds (cmd/go ReadModFile: newer syntax is forgiven in a file that needs a newer Go).
 */
async function readMainModule(file: string, files: FileSource, show: (p: string) => string, parse: ParseMod, local?: string, gotoolchain = ''): Promise<ReadMain> {
  const text = await files.readText(file);
  if (text === undefined) return { ok: false, error: unreadableMessage(files, file) };
  const modFile = parse(text, show(file), file);
  const tooNew = (v: string | undefined): ReadMain | undefined => (local !== undefined && v !== undefined && isTooNew(v, local)
    ? { ok: false, error: tooNewMessage(show(file), v, local, gotoolchain), tooNew: v } : undefined);
  if (modFile.errors.length > 0) {
    const lax = local === undefined ? undefined : parseModFile(text, { name: show(file), strict: false });
    return (lax?.errors.length === 0 ? tooNew(lax.go?.version) : undefined) ??
      { ok: false, error: `errors parsing ${show(file)}:\n${goErrorLines(show(file), text, modFile.errors).join('\n')}` };
  }
  const refused = tooNew(modFile.go?.version);
  if (refused) return refused;
  if (!modFile.module) {
    return { ok: false, error: 'error reading go.mod: missing module declaration. To specify the module path:\n\tgo mod edit -module=example.com/mod' };
  }
  return { ok: true, module: { path: modFile.module.path, dir: dirname(file), modFile } };
}
