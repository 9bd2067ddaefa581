/**
 * Where go.mod files come from, as seen by the pure graph layer. Implementations live in
 * server/src/node/ (module cache, GOPROXY, directories, editor buffers); tests inject fakes.
 * Methods may answer synchronously (disk, memory) or with a promise (network).
 */

import { compare, isValid } from '../module/semver';
import { isPseudoVersion } from '../module/pseudo';

export type MaybePromise<T> = T | Promise<T>;

/** FetchResult is a go.mod (or .info/list) text, or why it could not be had. */
export type FetchResult =
  | { ok: true; text: string; origin: string }
  | { ok: false; kind: FetchFailure; message: string };

/**
 * FetchFailure: `not-found` (no such file/version: a proxy's 404/410), `offline` (only the network
 * has it and network access is off), `unsupported` (GOPROXY=direct, GOPROXY=off or a private path
 * routed to version control), `error` (anything else: I/O, HTTP 5xx, timeout, malformed data).
 */
export type FetchFailure = 'not-found' | 'offline' | 'unsupported' | 'error';

/** ModuleSource serves module versions the way a Go module proxy does (semantics §5.3–5.4). */
export interface ModuleSource {
  /** goMod is the `.mod` file of path@version (canonical version), exactly as served. */
  goMod(path: string, version: string): MaybePromise<FetchResult>;
  /**
   * info is the `.info` JSON of path@version (`{"Version": …, "Time": …}`): a cached one as it is, a
   * proxy's only if it names that version. A malformed path or version is an `error`; a failure's
   * message is modload.Query's (GOPROXY=off: `module lookup disabled by GOPROXY=off`, naming nothing).
   */
  info?(path: string, version: string): MaybePromise<FetchResult>;
  /** versions is the `@v/list` text (one version per line). */
  versions?(path: string): MaybePromise<FetchResult>;
  /** describe says in a few words where this source looks, for messages ("module cache /home/u/go/pkg/mod"). */
  describe(): string;
}

/** FileSource reads workspace files: open editor buffers win over the disk. */
export interface FileSource {
  /** readText returns the file's text, or undefined when it does not exist or cannot be read. */
  readText(absPath: string): MaybePromise<string | undefined>;
  /**
   * readError says why readText answered undefined, in Go's words (`open X: no such file or
   * directory`, `open X: permission denied`, a file too large or not a regular file); `missing`
   * when the file does not exist. Undefined when the file reads now (or the source cannot tell).
   */
  readError?(absPath: string): UnreadableFile | undefined;
}

/** UnreadableFile is why a file could not be read. */
export interface UnreadableFile {
  missing: boolean;
  message: string;
}

/** unreadableMessage is files' reason why absPath did not read, or Go's message for a missing file. */
export function unreadableMessage(files: FileSource, absPath: string): string {
  return files.readError?.(absPath)?.message ?? `open ${absPath}: no such file or directory`;
}

/**
 * listedVersions: the versions of an `@v/list` text as modfetch's proxyRepo.Versions keeps them —
 * the first field of each line, valid semver, no pseudo-versions (a proxy may list some) — sorted.
 */
export function listedVersions(text: string): string[] {
  return text.split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter((v) => isValid(v) && !isPseudoVersion(v)).sort(compare);
}
