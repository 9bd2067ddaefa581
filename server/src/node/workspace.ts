/**
 * Where the main module(s) of a directory are, by the go command's rules (semantics §2.2 item 1;
 * cmd/go modload/init.go FindGoWork, findWorkspaceFile, findModuleRoot), and a scanner listing every
 * go.mod under a workspace folder.
 */
import { Dirent, Stats, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { GoEnv, splitList } from './goEnv';

/** WorkspaceFs is the little of the file system findMainModules needs (injectable for tests). */
export interface WorkspaceFs {
  exists(p: string): boolean;
  /** isFile: exists and is not a directory (Go accepts any non-directory named go.mod or go.work) */
  isFile(p: string): boolean;
}

/** MainModules says how the go command would run in a directory: workspace mode, one module, or neither. */
export type MainModules =
  | { kind: 'workspace'; workFile: string }
  | { kind: 'module'; modFile: string }
  | { kind: 'none'; reason: string };

/** FindMainModulesOptions: the system temp directory (a go.mod directly in it is ignored, as in Go). */
export interface FindMainModulesOptions {
  tempDir?: string;
}

const NO_GO_MOD = "go: go.mod file not found in current directory or any parent directory; see 'go help modules'";

/**
 * findMainModules applies Go's rules from `dir`: GO111MODULE must allow modules; GOWORK=off skips
 * workspaces, empty or `auto` searches upward for a go.work (never crossing into GOROOT), anything else
 * must be an absolute path to an existing file; otherwise the nearest go.mod upward is the main module,
 * unless it sits directly in the system temp directory or is $GOPATH/go.mod (Go ignores both).
 */
export function findMainModules(dir: string, env: GoEnv, fs: WorkspaceFs, options: FindMainModulesOptions = {}): MainModules {
  const start = nodePath.resolve(dir);
  const g111 = env.go111module;
  if (g111 === 'off') return { kind: 'none', reason: "go: modules disabled by GO111MODULE=off; see 'go help modules'" };
  if (!['', 'on', 'auto'].includes(g111)) return { kind: 'none', reason: `go: unknown environment setting GO111MODULE=${g111}` };
  const work = findWorkFile(start, env, fs);
  if (work !== undefined) return work;
  const root = findUp(start, 'go.mod', fs, undefined);
  if (root === undefined) {
    return { kind: 'none', reason: g111 === 'auto' ? `${NO_GO_MOD} (GO111MODULE=auto: GOPATH mode)` : NO_GO_MOD };
  }
  const modRoot = nodePath.dirname(root);
  const temp = options.tempDir ?? tmpdir();
  if (samePath(modRoot, temp)) return { kind: 'none', reason: `go: warning: ignoring go.mod in system temp root ${temp}` };
  const gopath = splitList(env.gopath)[0] ?? '';
  if (gopath !== '' && samePath(modRoot, gopath)) return { kind: 'none', reason: `go: warning: ignoring go.mod in $GOPATH ${gopath}` };
  return { kind: 'module', modFile: root };
}

/** findWorkFile is FindGoWork: the go.work in effect, a reason why GOWORK is unusable, or undefined. */
function findWorkFile(start: string, env: GoEnv, fs: WorkspaceFs): MainModules | undefined {
  const gowork = env.gowork;
  if (gowork === 'off') return undefined;
  if (gowork === '' || gowork === 'auto') {
    const found = findUp(start, 'go.work', fs, env.goroot === '' ? undefined : nodePath.resolve(env.goroot));
    return found === undefined ? undefined : { kind: 'workspace', workFile: found };
  }
  if (!nodePath.isAbsolute(gowork)) return { kind: 'none', reason: 'go: invalid GOWORK: not an absolute path' };
  if (!fs.exists(gowork)) return { kind: 'none', reason: `go: reading go.work: open ${gowork}: no such file or directory` };
  if (!fs.isFile(gowork)) return { kind: 'none', reason: `go: reading go.work: read ${gowork}: is a directory` };
  return { kind: 'workspace', workFile: gowork };
}

/** findUp looks for `name` in dir and its parents; with stopAt, never looks in stopAt or above it. */
function findUp(dir: string, name: string, fs: WorkspaceFs, stopAt: string | undefined): string | undefined {
  for (let d = dir; ;) {
    const f = nodePath.join(d, name);
    if (fs.isFile(f)) return f;
    const parent = nodePath.dirname(d);
    if (parent === d || (stopAt !== undefined && samePath(parent, stopAt))) return undefined;
    d = parent;
  }
}

function samePath(a: string, b: string): boolean {
  return nodePath.resolve(a) === nodePath.resolve(b);
}

/** GoModScanOptions: which file names to collect, which directories to skip, and how much to visit. */
export interface GoModScanOptions {
  /** file names to collect (default `go.mod`; add `go.work` to find workspaces too) */
  names?: string[];
  /** cap on directory entries examined; the scan stops and reports `truncated` beyond it (default 20 000) */
  maxEntries?: number;
  /** follow symbolic links to directories (default true; loops are detected by real path) */
  followSymlinks?: boolean;
  /** extra directory names to skip, besides vendor, testdata, node_modules and hidden ones */
  skipDirs?: string[];
}

/** GoModScan is what findGoModFiles found: absolute file paths, sorted, and whether it stopped early. */
export interface GoModScan {
  files: string[];
  truncated: boolean;
  visited: number;
  /** directories that could not be read, with the reason */
  errors: string[];
}

const SKIPPED = new Set(['vendor', 'testdata', 'node_modules']);

/**
 * findGoModFiles lists every go.mod (or other `names`) under root, breadth first, skipping vendor/,
 * testdata/, node_modules/ and hidden directories below the root, following directory symlinks once
 * per real directory (so links back up the tree end) and only to directories inside the root (a
 * link to / does not take the scan out of the folder), and stopping after `maxEntries` entries.
 */
export async function findGoModFiles(root: string, options: GoModScanOptions = {}): Promise<GoModScan> {
  const walk = new Walk(options);
  const top = nodePath.resolve(root);
  walk.realRoot = await realpath(top).catch(() => top);
  await walk.enqueue(top);
  for (let dir = walk.queue.shift(); dir !== undefined && !walk.scan.truncated; dir = walk.queue.shift()) await walk.visit(dir);
  walk.scan.files.sort();
  return walk.scan;
}

/** Walk is the state of one findGoModFiles scan. */
class Walk {
  readonly scan: GoModScan = { files: [], truncated: false, visited: 0, errors: [] };
  readonly queue: string[] = [];
  private readonly seen = new Set<string>();
  private readonly names: Set<string>;
  private readonly skip: Set<string>;
  /** the root's real path: directories found through links must lie inside it */
  realRoot = '/';

  constructor(private readonly options: GoModScanOptions) {
    this.names = new Set(options.names ?? ['go.mod']);
    this.skip = new Set([...SKIPPED, ...(options.skipDirs ?? [])]);
  }

  /** enqueue schedules dir unless its real path was already scheduled (this is what ends symlink loops) or lies outside the root. */
  async enqueue(dir: string): Promise<void> {
    const real = await realpath(dir).catch(() => dir);
    if (this.seen.has(real) || !isWithin(this.realRoot, real)) return;
    this.seen.add(real);
    this.queue.push(dir);
  }

  /** visit examines the entries of one directory, in name order, counting them against maxEntries. */
  async visit(dir: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      this.scan.errors.push(`${dir}: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (this.scan.visited >= (this.options.maxEntries ?? 20_000)) {
        this.scan.truncated = true;
        return;
      }
      this.scan.visited++;
      const full = nodePath.join(dir, e.name);
      const follow = e.isSymbolicLink() && (this.options.followSymlinks ?? true);
      const kind = follow ? await statKind(full) : e.isDirectory() ? 'dir' : e.isFile() ? 'file' : 'other';
      if (kind === 'dir' && !this.skip.has(e.name) && !e.name.startsWith('.')) await this.enqueue(full);
      else if (kind === 'file' && this.names.has(e.name)) this.scan.files.push(full);
    }
  }
}

/** isWithin: `p` is `root` or below it (both real, absolute paths). */
function isWithin(root: string, p: string): boolean {
  const rel = nodePath.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${nodePath.sep}`) && !nodePath.isAbsolute(rel));
}

async function statKind(p: string): Promise<'dir' | 'file' | 'other'> {
  try {
    const s = await stat(p);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'other';
  } catch {
    return 'other';
  }
}

/** diskWorkspaceFs is the WorkspaceFs of the real disk (symbolic links followed, as os.Stat does). */
export function diskWorkspaceFs(): WorkspaceFs {
  const statOf = (p: string): Stats | undefined => {
    try {
      return statSync(p, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
  };
  return {
    exists: (p) => statOf(p) !== undefined,
    isFile: (p) => {
      const s = statOf(p);
      return s !== undefined && !s.isDirectory();
    },
  };
}
