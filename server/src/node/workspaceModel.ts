/**
 * modelFolders: every go.mod and go.work under the editor's folders, and for each go.mod the main
 * module set the go command would use when run in its directory (a go.work that lists it, or the
 * module itself) — one folder often holds many modules.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { FileSource } from '../graph/source';
import { parseWorkFile } from '../syntax/workfile';
import { GoEnv } from './goEnv';
import { WorkspaceFs, findGoModFiles, findMainModules } from './workspace';

export type MainSetRef = { kind: 'workspace'; workFile: string } | { kind: 'module'; modFile: string };

export interface ModuleEntry {
  goMod: string;
  /** where the go command run in this module's directory takes its main modules from */
  main?: MainSetRef;
  /** why there is none (e.g. a go.work above that does not list this module) */
  problem?: string;
}

export interface WorkspaceModel {
  modules: ModuleEntry[];
  workFiles: string[];
  /** main module sets in use, keyed by their file (go.work, or go.mod in module mode) */
  mainSets: Map<string, MainSetRef>;
  truncated: boolean;
}

/** modelFolders scans folders (absolute paths) for go.mod/go.work files and assigns each module its main set. */
export async function modelFolders(folders: string[], env: GoEnv, fs: WorkspaceFs, files: FileSource): Promise<WorkspaceModel> {
  const model: WorkspaceModel = { modules: [], workFiles: [], mainSets: new Map(), truncated: false };
  const uses = new Map<string, Set<string> | undefined>();
  for (const folder of folders) {
    const scan = await findGoModFiles(folder, { names: ['go.mod', 'go.work'] });
    model.truncated ||= scan.truncated;
    for (const file of scan.files) {
      if (file.endsWith('go.work')) model.workFiles.push(file);
      else model.modules.push(await entryFor(file, env, fs, files, uses));
    }
  }
  for (const m of model.modules) {
    if (m.main) model.mainSets.set(m.main.kind === 'workspace' ? m.main.workFile : m.main.modFile, m.main);
  }
  return model;
}

async function entryFor(goMod: string, env: GoEnv, fs: WorkspaceFs, files: FileSource, uses: Map<string, Set<string> | undefined>): Promise<ModuleEntry> {
  const dir = dirname(goMod);
  const found = findMainModules(dir, env, fs);
  if (found.kind === 'none') return { goMod, problem: found.reason };
  if (found.kind === 'module') return { goMod, main: found };
  if (!uses.has(found.workFile)) uses.set(found.workFile, await useDirs(found.workFile, files));
  const members = uses.get(found.workFile);
  if (members && !members.has(resolve(dir))) {
    return { goMod, problem: `the go command run in ${dir} uses ${found.workFile}, which does not list this module (add it with go work use, or set GOWORK=off)` };
  }
  return { goMod, main: found };
}

/** useDirs is the set of absolute module directories a go.work lists (undefined when unreadable). */
async function useDirs(workFile: string, files: FileSource): Promise<Set<string> | undefined> {
  const text = await files.readText(workFile);
  if (text === undefined) return undefined;
  const work = parseWorkFile(text, workFile);
  const dir = dirname(workFile);
  return new Set(work.use.map((u) => resolve(isAbsolute(u.path) ? u.path : join(dir, u.path))));
}
