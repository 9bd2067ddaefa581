/**
 * Reading the module cache (semantics §5.3): GOMODCACHE/cache/download/<escaped path>/@v/ holds
 * `<escaped version>.mod`, `.info` and a `list`, in exactly the layout of a GOPROXY. The go command
 * consults it before any proxy (modfetch/cache.go); this source only reads, never writes.
 */
import { mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { revInfoVersion } from '../graph/moduleInfo';
import { FetchResult, ModuleSource } from '../graph/source';
import { ModuleError } from '../module/errors';
import { goQuote } from '../module/goString';
import { canonicalVersion, escapePath, escapeVersion } from '../module/modulePath';
import { isValid } from '../module/semver';
import { decodeGoUtf8 } from '../syntax/text';
import { isMissing, readRegularFile } from './readFile';

/** EscapedModule is a module path (and version) in their case-safe file forms, or why they have none. */
export type EscapedModule = { ok: true; escPath: string; escVersion: string } | { ok: false; message: string };

/** escapeModulePath escapes a module path for cache and proxy URLs; the message is Go's error text. */
export function escapeModulePath(path: string): { ok: true; escPath: string } | { ok: false; message: string } {
  const r = escapePath(path);
  if ('error' in r) return { ok: false, message: `module ${path}: ${r.error.toString()}` };
  return { ok: true, escPath: r.value };
}

/**
 * escapeModuleVersion is the check behind modfetch.CachePath: a valid module path, and a version that is
 * valid, canonical semver (`v1.2` or `v1.2.3+meta` are refused: cache and proxy files use canonical names).
 */
export function escapeModuleVersion(path: string, version: string): EscapedModule {
  const p = escapePath(path);
  if ('error' in p) return { ok: false, message: new ModuleError(path, version, p.error.toString()).toString() };
  if (!isValid(version)) return { ok: false, message: new ModuleError(path, version, `non-semver module version ${goQuote(version)}`).toString() };
  if (canonicalVersion(version) !== version) {
    return { ok: false, message: new ModuleError(path, version, `non-canonical module version ${goQuote(version)}`).toString() };
  }
  const v = escapeVersion(version);
  if ('error' in v) return { ok: false, message: new ModuleError(path, version, v.error.toString()).toString() };
  return { ok: true, escPath: p.value, escVersion: v.value };
}

/** ReadBytes reads a whole file; it throws an error with an errno `code` when it cannot (injectable for tests). */
export type ReadBytes = (absPath: string) => Uint8Array;

/** errnoCode is the `code` of a Node file-system error ('' for anything else). */
export function errnoCode(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return '';
}

/** errorMessage is err's message without a stack, for any thrown value. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Old cmd/go wrote synthesized go.mod files starting with this; Go treats such a cached file as absent. */
const OLD_VGO_PREFIX = '//vgo 0.0.';

/**
 * ModuleCacheSource serves `.mod`, `.info` and `@v/list` from GOMODCACHE. Missing files answer
 * `not-found`; an invalid path or version, or an unreadable file, answers `error`. Like Go, a stale
 * `//vgo 0.0.` go.mod or a `.info` json.Unmarshal rejects counts as not cached. Every answer is synchronous.
 */
export class ModuleCacheSource implements ModuleSource {
  constructor(
    readonly root: string,
    private readonly readBytes: ReadBytes = readRegularFile,
  ) {}

  describe(): string {
    return `module cache ${this.root}`;
  }

  /** downloadDir is GOMODCACHE/cache/download, the proxy-shaped part of the cache. */
  downloadDir(): string {
    return nodePath.join(this.root, 'cache', 'download');
  }

  /** filePath is where path@version's `.mod` or `.info` would be, or undefined for an invalid module version. */
  filePath(path: string, version: string, suffix: 'mod' | 'info' | 'zip' | 'ziphash'): string | undefined {
    const esc = escapeModuleVersion(path, version);
    return esc.ok ? nodePath.join(this.downloadDir(), esc.escPath, '@v', `${esc.escVersion}.${suffix}`) : undefined;
  }

  goMod(path: string, version: string): FetchResult {
    const r = this.readModuleFile(path, version, 'mod');
    if (r.ok && r.text.startsWith(OLD_VGO_PREFIX)) {
      return { ok: false, kind: 'not-found', message: `${path}@${version}: ignoring stale auto-converted go.mod in module cache (${r.origin})` };
    }
    return r;
  }

  info(path: string, version: string): FetchResult {
    const r = this.readModuleFile(path, version, 'info');
    if (r.ok && !isRevInfoJson(r.text)) {
      return { ok: false, kind: 'not-found', message: `${path}@${version}: cached .info does not decode as a modfetch.RevInfo, so it counts as not cached (${r.origin})` };
    }
    return r;
  }

  versions(path: string): FetchResult {
    const root = this.checkRoot();
    if (root !== undefined) return root;
    const esc = escapeModulePath(path);
    if (!esc.ok) return { ok: false, kind: 'error', message: esc.message };
    return this.read(nodePath.join(this.downloadDir(), esc.escPath, '@v', 'list'), `module ${path}`);
  }

  private readModuleFile(path: string, version: string, suffix: 'mod' | 'info'): FetchResult {
    const root = this.checkRoot();
    if (root !== undefined) return root;
    const esc = escapeModuleVersion(path, version);
    if (!esc.ok) return { ok: false, kind: 'error', message: esc.message };
    return this.read(nodePath.join(this.downloadDir(), esc.escPath, '@v', `${esc.escVersion}.${suffix}`), `${path}@${version}`);
  }

  /** checkRoot is checkCacheDir's validation of GOMODCACHE, without creating it. */
  private checkRoot(): FetchResult | undefined {
    if (this.root === '') return { ok: false, kind: 'error', message: 'module cache not found: neither GOMODCACHE nor GOPATH is set' };
    if (!nodePath.isAbsolute(this.root)) {
      return { ok: false, kind: 'error', message: `GOMODCACHE entry is relative; must be absolute path: ${goQuote(this.root)}.` };
    }
    return undefined;
  }

  private read(file: string, what: string): FetchResult {
    try {
      return { ok: true, text: decodeGoUtf8(this.readBytes(file)), origin: file };
    } catch (err) {
      if (isMissing(err)) return { ok: false, kind: 'not-found', message: `${what}: not in module cache (${file} does not exist)` };
      return { ok: false, kind: 'error', message: `${what}: reading ${file}: ${errorMessage(err)}` };
    }
  }
}

/**
 * isRevInfoJson is whether json.Unmarshal into modfetch.RevInfo would succeed: a JSON object (or null)
 * whose Version is a string, Time an RFC 3339 string and Origin an object of strings, when present.
 */
export function isRevInfoJson(text: string): boolean {
  return revInfoVersion(text) !== undefined;
}

/**
 * ProxyAnswerCache keeps successful answers of one HTTP proxy under `dir`, in the proxy layout
 * (`<escaped path>/@v/<file>`), so a later session need not ask again. `.mod` and `.info` of a canonical
 * version never change; an `@v/list` does, so it is trusted only for `listMaxAgeMs`. Never GOMODCACHE:
 * Go's own cache is only read.
 */
export class ProxyAnswerCache {
  constructor(
    readonly dir: string,
    private readonly listMaxAgeMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** read returns the cached answer for a protocol file (`example.com/a/@v/v1.0.0.mod`), if fresh. */
  read(rel: string): { text: string; file: string } | undefined {
    const file = nodePath.join(this.dir, ...rel.split('/'));
    try {
      if (rel.endsWith('/list') && this.now() - statSync(file).mtimeMs > this.listMaxAgeMs) return undefined;
      return { text: decodeGoUtf8(readRegularFile(file)), file };
    } catch {
      return undefined;
    }
  }

  /** write stores an answer atomically (temporary file + rename); a failure only costs a refetch. */
  write(rel: string, text: string): void {
    const file = nodePath.join(this.dir, ...rel.split('/'));
    try {
      mkdirSync(nodePath.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, file);
    } catch {
      // best effort
    }
  }
}
