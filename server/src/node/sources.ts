/**
 * Assembling the ModuleSource the graph layer reads go.mod files from: the module cache first, then
 * the GOPROXY chain — what the go command does (modfetch.GoMod reads the disk cache before any proxy).
 * Also MemoryModuleSource, a Map-backed fake for the tests of other layers.
 */
import { FetchResult, MaybePromise, ModuleSource } from '../graph/source';
import { compare } from '../module/semver';
import { GoEnv } from './goEnv';
import { ModuleCacheSource, escapeModulePath, escapeModuleVersion } from './moduleCache';
import { ProxyChainSource } from './proxy';

/** ModuleSourceOptions: network access (off unless enabled) and where proxy answers are cached. */
export interface ModuleSourceOptions {
  allowNetwork: boolean;
  /** directory for the HTTP proxy disk cache (never GOMODCACHE: we do not write Go's cache) */
  cacheDir?: string;
  /** per-request timeout in ms for HTTP proxies (default 10 000) */
  timeoutMs?: number;
  /** injectable for tests */
  fetch?: typeof fetch;
}

/**
 * createModuleSource builds the source Go's settings describe: GOMODCACHE, then GOPROXY with
 * GONOPROXY routing. HTTP(S) proxies are used only with `allowNetwork`; otherwise they answer `offline`.
 */
export function createModuleSource(env: GoEnv, options: ModuleSourceOptions): ModuleSource {
  const cache = new ModuleCacheSource(env.gomodcache);
  const proxies = new ProxyChainSource(env.goproxy, {
    gonoproxy: env.gonoproxy,
    http: { allowNetwork: options.allowNetwork, cacheDir: options.cacheDir, timeoutMs: options.timeoutMs, fetch: options.fetch },
  });
  return new CacheFirstSource(cache, proxies);
}

/** isPromise tells a MaybePromise's promise from a plain value. */
function isPromise<T>(x: MaybePromise<T>): x is Promise<T> {
  return typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';
}

/** orElse returns first when it succeeded, else what next() answers; synchronous when first is. */
function orElse(first: MaybePromise<FetchResult>, next: () => MaybePromise<FetchResult>): MaybePromise<FetchResult> {
  if (isPromise(first)) return first.then((r) => (r.ok ? r : next()), () => next());
  return first.ok ? first : next();
}

/** guard turns a throw inside a source into an `error` answer, so composed sources never throw. */
function guard(what: string, f: () => MaybePromise<FetchResult>): MaybePromise<FetchResult> {
  const fail = (err: unknown): FetchResult => ({ ok: false, kind: 'error', message: `${what}: ${err instanceof Error ? err.message : String(err)}` });
  try {
    const r = f();
    return isPromise(r) ? r.catch(fail) : r;
  } catch (err) {
    return fail(err);
  }
}

/**
 * CacheFirstSource asks `cache`, and on any failure `fallback` (whose answer then stands, as Go
 * reports the proxy's error). An invalid path or version is refused up front. Cache hits are
 * synchronous. Version lists are the exception: the fallback is asked first, because the cache's
 * `list` only names versions downloaded to this machine; the cache answers when the fallback cannot
 * be asked (not when it says there are none).
 */
export class CacheFirstSource implements ModuleSource {
  constructor(readonly cache: ModuleSource, readonly fallback: ModuleSource) {}

  describe(): string {
    return `${this.cache.describe()}, then ${this.fallback.describe()}`;
  }

  goMod(path: string, version: string): MaybePromise<FetchResult> {
    const esc = escapeModuleVersion(path, version);
    if (!esc.ok) return { ok: false, kind: 'error', message: esc.message };
    const what = `${path}@${version}`;
    return orElse(guard(what, () => this.cache.goMod(path, version)), () => guard(what, () => this.fallback.goMod(path, version)));
  }

  info(path: string, version: string): MaybePromise<FetchResult> {
    const esc = escapeModuleVersion(path, version);
    if (!esc.ok) return { ok: false, kind: 'error', message: esc.message };
    const what = `${path}@${version}`;
    const ask = (s: ModuleSource) => () => guard(what, () => s.info?.(path, version) ?? notServed(what, s, '.info'));
    return orElse(ask(this.cache)(), ask(this.fallback));
  }

  versions(path: string): MaybePromise<FetchResult> {
    const esc = escapeModulePath(path);
    if (!esc.ok) return { ok: false, kind: 'error', message: esc.message };
    const what = `module ${path}`;
    const ask = (s: ModuleSource) => () => guard(what, () => s.versions?.(path) ?? notServed(what, s, '@v/list'));
    const first = ask(this.fallback)();
    // the cache's list stands in only when the proxies could not be asked (network off, version
    // control): what a proxy answers is go's answer too — no versions (a 404, or GOPROXY=off, which
    // Go's modfetch reports as not existing: previousVersion then says none), or an error (a 403:
    // go get stops there)
    const withCache = (r: FetchResult): MaybePromise<FetchResult> => (r.ok || (r.kind !== 'offline' && r.kind !== 'unsupported') ? r : orElse(ask(this.cache)(), () => r));
    return isPromise(first) ? first.then(withCache) : withCache(first);
  }
}

function notServed(what: string, s: ModuleSource, file: string): FetchResult {
  return { ok: false, kind: 'not-found', message: `${what}: ${s.describe()} does not serve ${file}` };
}

/**
 * MemoryModuleSource is a Map-backed ModuleSource for tests of other layers: `set` a go.mod text per
 * path@version; `.info` is synthesized for every version that has a go.mod unless set explicitly, and
 * `@v/list` is the semver-sorted versions with a go.mod unless set explicitly. Unknown versions answer
 * `not-found`; `fail` makes a version answer any failure. `requested` logs every call, in order.
 */
export class MemoryModuleSource implements ModuleSource {
  readonly requested: string[] = [];
  private readonly mods = new Map<string, string>();
  private readonly infos = new Map<string, string>();
  private readonly lists = new Map<string, string>();
  private readonly failures = new Map<string, FetchResult>();

  constructor(private readonly name = 'memory') {}

  describe(): string {
    return this.name;
  }

  /** set stores the go.mod text of path@version. */
  set(path: string, version: string, text: string): this {
    this.mods.set(`${path}@${version}`, text);
    return this;
  }

  /** setInfo stores the `.info` JSON of path@version. */
  setInfo(path: string, version: string, json: string): this {
    this.infos.set(`${path}@${version}`, json);
    return this;
  }

  /** setVersions stores the `@v/list` of path (one version per line). */
  setVersions(path: string, versions: string[] | string): this {
    this.lists.set(path, typeof versions === 'string' ? versions : versions.map((v) => v + '\n').join(''));
    return this;
  }

  /** fail makes every request for path@version (or path's list, with version '') answer this failure. */
  fail(path: string, version: string, kind: Extract<FetchResult, { ok: false }>['kind'], message: string): this {
    this.failures.set(`${path}@${version}`, { ok: false, kind, message });
    return this;
  }

  goMod(path: string, version: string): FetchResult {
    return this.answer('mod', path, version, this.mods.get(`${path}@${version}`));
  }

  info(path: string, version: string): FetchResult {
    const key = `${path}@${version}`;
    const synthesized = this.mods.has(key) ? JSON.stringify({ Version: version }) : undefined;
    return this.answer('info', path, version, this.infos.get(key) ?? synthesized);
  }

  versions(path: string): FetchResult {
    const prefix = `${path}@`;
    const known = [...this.mods.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
    const synthesized = known.length === 0 ? undefined : known.sort(compare).map((v) => v + '\n').join('');
    return this.answer('list', path, '', this.lists.get(path) ?? synthesized);
  }

  private answer(file: string, path: string, version: string, text: string | undefined): FetchResult {
    const key = `${path}@${version}`;
    this.requested.push(`${file} ${version === '' ? path : key}`);
    const failure = this.failures.get(key);
    if (failure !== undefined) return failure;
    const what = version === '' ? `module ${path}` : key;
    if (text === undefined) return { ok: false, kind: 'not-found', message: `${what}: no ${file} in ${this.name}` };
    return { ok: true, text, origin: `${this.name}:${key}.${file}` };
  }
}
