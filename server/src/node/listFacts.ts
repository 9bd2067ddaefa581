/**
 * The disk facts `go list -m -json` reports (graph/listFiles.ts): where a module version's `.mod`
 * is in GOMODCACHE and whether it is there (modfetch.CachePath), whether the module is extracted
 * (modfetch.DownloadDir), and what go.sum records (modfetch.HaveSum, RecordedSum). Only reads.
 */
import { statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { ListFileFacts, ListFilesOptions, addModuleFiles } from '../graph/listFiles';
import { ListedModule } from '../graph/listing';
import { MainModuleSet } from '../graph/mainModules';
import { MaybePromise, ModuleSource } from '../graph/source';
import { compareGoVersion } from '../module/goVersion';
import { readTextFile } from './goEnv';
import { escapeModuleVersion } from './moduleCache';

/** an empty go.mod's hash, which old go commands wrote by mistake; go drops such go.sum lines when reading */
const EMPTY_GO_MOD_HASH = 'h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=';

/**
 * GoSums is go.sum as modfetch reads it (readGoSum): per `path version[/go.mod]`, the hashes of
 * each file; in a workspace go.work.sum and every member's go.sum.
 */
export class GoSums {
  private readonly files: Map<string, string[]>[] = [];

  /** read loads go.sum (module mode) or go.work.sum and the members' go.sum (workspace mode). */
  static read(main: MainModuleSet, read: (file: string) => string | undefined = readTextFile): GoSums {
    const s = new GoSums();
    const files = main.workspace
      ? [`${main.workspace.file}.sum`, ...main.modules.map((m) => nodePath.join(m.dir, 'go.sum'))]
      : main.modules.slice(0, 1).map((m) => nodePath.join(m.dir, 'go.sum'));
    for (const f of files) s.add(read(f) ?? '');
    return s;
  }

  /** add reads one file's text: blank lines skipped, lines of three fields kept (go stops on others), the empty go.mod's hash dropped. */
  add(text: string): void {
    const map = new Map<string, string[]>();
    for (const line of text.split('\n')) {
      const f = line.split(/\s+/).filter((x) => x !== '');
      if (f.length !== 3 || f[2] === EMPTY_GO_MOD_HASH) continue;
      const k = `${f[0]} ${f[1]}`;
      const list = map.get(k);
      if (list) list.push(f[2]);
      else map.set(k, [f[2]]);
    }
    this.files.push(map);
  }

  /** h1 is the h1 hashes recorded for `path version`, over all files. */
  private h1(path: string, version: string): string[] {
    const k = `${path} ${version}`;
    return this.files.flatMap((m) => (m.get(k) ?? []).filter((h) => h.startsWith('h1:')));
  }

  /** have is modfetch.HaveSum: some h1 hash is recorded. */
  have(path: string, version: string): boolean {
    return this.h1(path, version).length > 0;
  }

  /** recorded is modfetch.RecordedSum: the h1 hash when all recorded ones agree. */
  recorded(path: string, version: string): string | undefined {
    const hs = new Set(this.h1(path, version));
    return hs.size === 1 ? [...hs][0] : undefined;
  }
}

/** statOf is fs.statSync without throwing: undefined with the errno code when it fails. */
function statOf(p: string): { ok: true; dir: boolean; file: boolean } | { ok: false; code: string } {
  try {
    const s = statSync(p);
    return { ok: true, dir: s.isDirectory(), file: s.isFile() };
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    return { ok: false, code: typeof code === 'string' ? code : '' };
  }
}

/**
 * listFileFacts answers graph/listFiles.ts from GOMODCACHE (`gomodcache`, as the go command has
 * it), go.sum, and `source` (the module cache, then GOPROXY) for the go.mod files go would fetch.
 * `toolchain` is the emulated go command (its DownloadDir's exceptions).
 */
export function listFileFacts(gomodcache: string, sums: GoSums, source: ModuleSource, toolchain: string): ListFileFacts {
  // checkCacheDir: GOMODCACHE must be set and absolute, else CachePath and DownloadDir fail
  const rootOk = gomodcache !== '' && nodePath.isAbsolute(gomodcache);
  const cachePath = (path: string, version: string, suffix: string): string | undefined => {
    const esc = rootOk ? escapeModuleVersion(path, version) : undefined;
    return esc?.ok ? nodePath.join(gomodcache, 'cache', 'download', esc.escPath, '@v', `${esc.escVersion}.${suffix}`) : undefined;
  };
  return {
    goModPath: (path, version) => cachePath(path, version, 'mod'),
    goModCached: (path, version) => {
      const file = cachePath(path, version, 'mod');
      if (file === undefined) return false;
      const s = statOf(file);
      return s.ok && s.file;
    },
    goModFetchable: (path, version): MaybePromise<boolean> => {
      try {
        const r = source.goMod(path, version);
        return r instanceof Promise ? r.then((x) => x.ok, () => false) : r.ok;
      } catch {
        return false;
      }
    },
    downloadDir: (path, version) => {
      const esc = rootOk ? escapeModuleVersion(path, version) : undefined;
      if (!esc?.ok) return undefined;
      const dir = nodePath.join(gomodcache, `${esc.escPath}@${esc.escVersion}`);
      const d = statOf(dir);
      if (!d.ok || !d.dir) return undefined;
      // a .partial file: extraction started and did not finish
      const partial = statOf(cachePath(path, version, 'partial') ?? '');
      if (partial.ok || partial.code !== 'ENOENT') return undefined;
      // golang.org/fips140 is unpacked from GOROOT and has no .ziphash (Go 1.24+)
      if (path === 'golang.org/fips140' && compareGoVersion(toolchain, '1.24') >= 0) return dir;
      return statOf(cachePath(path, version, 'ziphash') ?? '').ok ? dir : undefined;
    },
    haveSum: (path, version) => sums.have(path, version),
    recordedSum: (path, version) => sums.recorded(path, version),
  };
}

/**
 * withModuleFiles is graph/listFiles.ts's addModuleFiles over this machine's disk: GOMODCACHE as
 * the go command has it, the main module set's go.sum files, and `source` for go.mod files go would
 * fetch.
 */
export function withModuleFiles(
  mods: ListedModule[], listed: ListedModule[], main: MainModuleSet, gomodcache: string, source: ModuleSource, options: ListFilesOptions,
): Promise<ListedModule[]> {
  return addModuleFiles(mods, listed, main, listFileFacts(gomodcache, GoSums.read(main), source, options.toolchain), options);
}
