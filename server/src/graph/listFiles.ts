/**
 * The Dir, GoMod, Sum and GoModSum fields of `go list -m -json all` (cmd/go modload.moduleInfo and
 * its completeFromModCache; modfetch.CachePath, DownloadDir, HaveSum, RecordedSum), for a build list
 * whose versions and Times were already queried (moduleInfo.ts). Disk facts come in through
 * ListFileFacts (server/src/node/listFacts.ts), so this layer stays pure.
 *
 *   - A main module: Dir is its root, GoMod `<root>/go.mod` (whatever the disk holds).
 *   - A directory replacement: Dir is the path as printed when absolute (uncleaned), else joined to
 *     the main module's root (the go.work directory in a workspace) and cleaned; GoMod is
 *     `<Dir>/go.mod`, cleaned. The replaced module shows the same Dir and GoMod, and neither has a Time.
 *   - A module version (not replaced, or the replacement version of a replaced module, whose Dir and
 *     GoMod the replaced module repeats): GoMod is `GOMODCACHE/cache/download/<path>/@v/<v>.mod` when
 *     that is a regular file once go has run — it was already there, or go fetched it from GOPROXY
 *     for the go line — and Dir `GOMODCACHE/<path>@<v>` when the module is fully extracted there
 *     (a directory, no `.partial`, a `.ziphash`). Sum and GoModSum (from Go 1.23: go1.22.0 prints
 *     none, go1.23.0 does) are go.sum's h1 hashes, read as they are on disk.
 *   - In -mod=readonly module mode (and in a workspace before Go 1.20) GoMod and GoModSum need go.sum's
 *     `path version/go.mod` line, Dir and Sum its `path version` line (checksumOk), for the version
 *     Query reported; the files looked at are those of the version as listed from Go 1.22, of the
 *     version Query reported before (a cached `.info` can name another one, or none: then no file is looked at).
 *     A failed query changes nothing here.
 */
import { isAbsolute, join } from 'node:path';
import { compareGoVersion } from '../module/goVersion';
import { ListedModule, ListedReplace, ModuleFiles } from './listing';
import { MainModuleSet } from './mainModules';
import { ModuleKey } from './mvs';
import { MaybePromise } from './source';

/** What the disk says about one module version in GOMODCACHE (node layer). */
export interface ListFileFacts {
  /** GOMODCACHE/cache/download/…/@v/<v>.mod (modfetch.CachePath), undefined for an invalid path or version */
  goModPath(path: string, version: string): string | undefined;
  /** whether goModPath names a regular file now */
  goModCached(path: string, version: string): boolean;
  /** whether go, reading this go.mod now, would get it (from GOPROXY, and so write it to the cache) */
  goModFetchable(path: string, version: string): MaybePromise<boolean>;
  /** modfetch.DownloadDir when it succeeds: the extracted module's directory, else undefined */
  downloadDir(path: string, version: string): string | undefined;
  /** modfetch.HaveSum: an h1 line of go.sum (go.work.sum and the members' go.sum in a workspace) for `path version[/go.mod]` */
  haveSum(path: string, version: string): boolean;
  /** modfetch.RecordedSum: that h1 hash when exactly one is recorded */
  recordedSum(path: string, version: string): string | undefined;
}

export interface ListFilesOptions {
  /** the emulated go command */
  toolchain: string;
  /** whether checksumOk asks go.sum (mod=readonly in module mode; a workspace before Go 1.20) */
  needSums: boolean;
  /**
   * the module whose go.mod go reads for a listed module's go line, when it reads one during
   * `go list` (the module as listed, or before Go 1.22 the version a cached `.info` named); the
   * files of another version are only looked at
   */
  goLineRead: (index: number) => ModuleKey | undefined;
}

/**
 * addModuleFiles fills Dir, GoMod, Sum and GoModSum of the listing (see the file comment). `listed`
 * is the build list before the `.info` queries, `mods` after (same order).
 */
export async function addModuleFiles(
  mods: ListedModule[], listed: ListedModule[], main: MainModuleSet, facts: ListFileFacts, options: ListFilesOptions,
): Promise<ListedModule[]> {
  const sums = compareGoVersion(options.toolchain, '1.23') >= 0;
  const beforeQuery = compareGoVersion(options.toolchain, '1.22') >= 0;
  const replaceBase = main.workspace ? main.workspace.dir : main.modules[0]?.dir ?? '';
  const checksumOk = (path: string, version: string): boolean => !options.needSums || facts.haveSum(path, version);

  /** completeFromModCache's file fields for a module version: `was` as listed, `now` as queried */
  const versionFiles = async (path: string, was: string, now: string, read: ModuleKey | undefined): Promise<ModuleFiles> => {
    const v = beforeQuery ? was : now;
    const out: ModuleFiles = {};
    if (now === '') return out; // a cached .info without a Version: go looks at no file
    if (checksumOk(path, `${now}/go.mod`)) {
      const file = facts.goModPath(path, v);
      const fetched = async (): Promise<boolean> => read !== undefined && read.path === path && read.version === v && facts.goModFetchable(path, v);
      if (file !== undefined && (facts.goModCached(path, v) || await fetched())) out.goMod = file;
      if (sums) out.goModSum = facts.recordedSum(path, `${v}/go.mod`);
    }
    if (checksumOk(path, now)) {
      out.dir = facts.downloadDir(path, v);
      if (sums) out.sum = facts.recordedSum(path, v);
    }
    return out;
  };

  const out: ListedModule[] = [];
  for (let i = 0; i < mods.length; i++) {
    const m = mods[i];
    const was = listed[i];
    if (m.main) {
      const dir = main.modules.find((x) => x.path === m.path)?.dir;
      out.push(dir === undefined ? m : { ...m, dir: goClean(dir), goMod: goJoin(dir, 'go.mod') });
      continue;
    }
    const r = m.replace;
    if (!r) {
      out.push({ ...m, ...await versionFiles(m.path, was.version, m.version, options.goLineRead(i)) });
      continue;
    }
    let files: ModuleFiles;
    if (r.version === '') {
      const dir = isAbsolute(r.path) ? r.path : goJoin(replaceBase, r.path);
      files = { dir, goMod: goJoin(dir, 'go.mod') };
    } else {
      // a failed query leaves the version as it was and goes on (the files are still looked at)
      files = await versionFiles(r.path, was.replace?.version ?? r.version, r.version, options.goLineRead(i));
    }
    const replace: ListedReplace = { ...r, ...files };
    out.push({ ...m, replace, dir: files.dir, goMod: files.goMod });
  }
  return out;
}

/** goClean is filepath.Clean for the absolute slash-separated paths used here (no trailing slash). */
export function goClean(p: string): string {
  const j = join(p);
  return j.length > 1 && j.endsWith('/') ? j.slice(0, -1) : j;
}

/** goJoin is filepath.Join: the elements joined and cleaned. */
export function goJoin(...parts: string[]): string {
  return goClean(join(...parts));
}
