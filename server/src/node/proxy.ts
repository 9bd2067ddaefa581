/**
 * GOPROXY (semantics §5.4; cmd/go modfetch/proxy.go and repo.go): parsing the list, reading `file://`
 * proxies, fetching from `http(s)://` proxies only when network access is on, and the fallback rules
 * across the list (`,` moves on only after not-found, `|` after any error; `direct` and `off` end it).
 */
import { createHash } from 'node:crypto';
import * as nodePath from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { revInfoVersion } from '../graph/moduleInfo';
import { FetchResult, ModuleSource } from '../graph/source';
import { goQuote } from '../module/goString';
import { matchPrefixPatterns } from '../module/modulePath';
import { decodeGoUtf8 } from '../syntax/text';
import { MAX_FILE_BYTES, formatBytes, readRegularFile } from './readFile';
import { ProxyAnswerCache, errnoCode, errorMessage, escapeModulePath, escapeModuleVersion } from './moduleCache';

/** ProxySpec is one GOPROXY entry: a URL, `direct` or `off`, and whether any error (`|`) may fall through. */
export interface ProxySpec {
  url: string;
  fallBackOnError: boolean;
}

/** ProxyList is the parsed GOPROXY; with `error` set the go command refuses every lookup. */
export interface ProxyList {
  entries: ProxySpec[];
  error?: string;
}

/**
 * parseGoProxy is modfetch.proxyList without the implicit `noproxy` entry: entries split at `,` or `|`
 * (the separator *after* an entry decides its fallback), blanks skipped, nothing read after `off` or
 * `direct`, a schemeless entry with `.`, `:` or `/` that is not an absolute path gets `https://`.
 */
export function parseGoProxy(value: string): ProxyList {
  const entries: ProxySpec[] = [];
  let rest = value;
  while (rest !== '') {
    const i = rest.search(/[,|]/);
    const fallBackOnError = i >= 0 && rest[i] === '|';
    let url = (i >= 0 ? rest.slice(0, i) : rest).trim();
    rest = i >= 0 ? rest.slice(i + 1) : '';
    if (url === '') continue;
    if (url === 'off' || url === 'direct') {
      entries.push({ url, fallBackOnError: false });
      break;
    }
    if (/[.:/]/.test(url) && !url.includes(':/') && !nodePath.posix.isAbsolute(url) && !nodePath.win32.isAbsolute(url)) {
      url = 'https://' + url;
    }
    const error = checkProxyUrl(url);
    if (error !== undefined) return { entries, error };
    entries.push({ url, fallBackOnError });
  }
  if (entries.length === 0) return { entries, error: 'GOPROXY list is not the empty string, but contains no entries' };
  return { entries };
}

/** urlScheme is url.Parse's scheme: letters, digits, `+-.` after a leading letter, up to `:`; '' if none. */
function urlScheme(raw: string): string {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(raw);
  return m ? m[1].toLowerCase() : '';
}

/** checkProxyUrl is newProxyRepo's validation of a proxy base URL, with Go's messages. */
function checkProxyUrl(url: string): string | undefined {
  const scheme = urlScheme(url);
  const shown = redactUrl(url);
  if (scheme === 'http' || scheme === 'https') {
    try {
      new URL(url);
      return undefined;
    } catch {
      return `parse ${goQuote(shown)}: invalid URL`;
    }
  }
  if (scheme === 'file') {
    const rest = url.slice(5);
    const pathOnly = (rest === '' || rest.startsWith('/')) && !/[?#]/.test(rest) && !/^\/\/[^/]/.test(rest);
    return pathOnly ? undefined : `invalid file:// proxy URL with non-path elements: ${shown}`;
  }
  if (scheme === '') return `invalid proxy URL missing scheme: ${shown}`;
  return `invalid proxy URL scheme (must be https, http, file): ${shown}`;
}

/** redactUrl is url.Redacted: a password in the URL is shown as `xxxxx`. */
export function redactUrl(url: string): string {
  return url.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/@]*?:)[^/@]*@/, '$1xxxxx@');
}

/** pathEscape is proxy.go's pathEscape (url.PathEscape keeping `/`): `!` in escaped paths becomes %21. */
function pathEscape(s: string): string {
  return s.replace(/[^A-Za-z0-9\-._~$&+:=@/]/g, (c) =>
    Array.from(new TextEncoder().encode(c), (b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join(''));
}

/** ProxyFile names one file of the proxy protocol relative to the base URL, or why there is none. */
type ProxyFile = { ok: true; rel: string; what: string } | { ok: false; result: FetchResult };

/** proxyFile is the protocol file for path@version (its `.mod` or `.info`), or path's `@v/list`. */
function proxyFile(path: string, version: string | undefined, suffix: 'mod' | 'info' | 'list'): ProxyFile {
  if (version === undefined) {
    const esc = escapeModulePath(path);
    if (!esc.ok) return { ok: false, result: { ok: false, kind: 'error', message: esc.message } };
    return { ok: true, rel: `${esc.escPath}/@v/list`, what: `module ${path}` };
  }
  const esc = escapeModuleVersion(path, version);
  if (!esc.ok) return { ok: false, result: { ok: false, kind: 'error', message: esc.message } };
  return { ok: true, rel: `${esc.escPath}/@v/${esc.escVersion}.${suffix}`, what: `${path}@${version}` };
}

/**
 * checkInfo is proxyRepo.Stat's check of a `.info` answer: what json.Unmarshal accepts as a
 * modfetch.RevInfo, whose Version is the requested version. Undefined when the answer is acceptable.
 */
function checkInfo(what: string, version: string, text: string, base: string): FetchResult | undefined {
  const got = revInfoVersion(text);
  if (got === undefined) {
    let problem = 'json: cannot unmarshal into Go value of type modfetch.RevInfo';
    try {
      JSON.parse(text);
    } catch (err) {
      problem = errorMessage(err); // JavaScript's wording, not encoding/json's
    }
    return { ok: false, kind: 'error', message: `${what}: invalid response from proxy ${goQuote(base)}: ${problem}` };
  }
  if (got === version) return undefined;
  return { ok: false, kind: 'error', message: `${what}: proxy returned info for version ${got} instead of requested version` };
}

/**
 * ProxySource is what `file://` and `http(s)://` proxies share: protocol file names and answer checks.
 * R is the answer type: synchronous for files, a promise for the network.
 */
abstract class ProxySource<R extends FetchResult | Promise<FetchResult>> implements ModuleSource {
  constructor(readonly base: string) {}

  abstract describe(): string;

  protected abstract get(rel: string, what: string): R;

  /** lift turns an immediate answer into R. */
  protected abstract lift(r: FetchResult): R;

  /** then applies f to an answer of type R. */
  protected abstract then(r: R, f: (x: FetchResult) => FetchResult): R;

  goMod(path: string, version: string): R {
    const f = proxyFile(path, version, 'mod');
    return f.ok ? this.get(f.rel, f.what) : this.lift(f.result);
  }

  info(path: string, version: string): R {
    const f = proxyFile(path, version, 'info');
    if (!f.ok) return this.lift(f.result);
    return this.then(this.get(f.rel, f.what), (r) => (r.ok ? checkInfo(f.what, version, r.text, redactUrl(this.base)) ?? r : r));
  }

  versions(path: string): R {
    const f = proxyFile(path, undefined, 'list');
    return f.ok ? this.get(f.rel, f.what) : this.lift(f.result);
  }

  /** urlOf is the full URL of a protocol file; redacted (the default), as Go prints it in messages. */
  protected urlOf(rel: string, redacted = true): string {
    const base = redacted ? redactUrl(this.base) : this.base;
    return base.replace(/\/$/, '') + '/' + pathEscape(rel);
  }
}

/**
 * FileProxySource reads a `file://` GOPROXY (or a directory given as an absolute path) directly. A
 * missing file is `not-found` (Go turns it into a 404); anything else unreadable is an `error`.
 */
export class FileProxySource extends ProxySource<FetchResult> {
  private readonly dir: string | undefined;
  private readonly problem: string | undefined;

  constructor(base: string, private readonly readBytes: (p: string) => Uint8Array = readRegularFile) {
    const isUrl = urlScheme(base) === 'file';
    super(isUrl ? base : safeFileUrl(base));
    if (!isUrl && !nodePath.isAbsolute(base)) {
      this.problem = `file proxy directory is not an absolute path: ${base}`;
    } else if (isUrl) {
      try {
        this.dir = fileURLToPath(base);
      } catch (err) {
        this.problem = `invalid file:// proxy URL ${base}: ${errorMessage(err)}`;
      }
    } else {
      this.dir = base;
    }
  }

  describe(): string {
    return `file proxy ${this.base}`;
  }

  protected lift(r: FetchResult): FetchResult {
    return r;
  }

  protected then(r: FetchResult, f: (x: FetchResult) => FetchResult): FetchResult {
    return f(r);
  }

  protected get(rel: string, what: string): FetchResult {
    if (this.dir === undefined) return { ok: false, kind: 'error', message: `${what}: ${this.problem ?? 'invalid file proxy'}` };
    const file = nodePath.join(this.dir, ...rel.split('/'));
    const url = this.urlOf(rel);
    try {
      return { ok: true, text: decodeGoUtf8(this.readBytes(file)), origin: url };
    } catch (err) {
      const code = errnoCode(err);
      const missing = code === 'ENOENT' || code === 'ENOTDIR';
      const denied = code === 'EACCES' || code === 'EPERM';
      // web.HTTPError drops the file name from the os error when the URL already ends with it
      const open = url.endsWith(file) ? '' : `open ${file}: `;
      if (missing) return { ok: false, kind: 'not-found', message: `${what}: reading ${url}: ${open}no such file or directory` };
      const reason = denied ? `${open}permission denied` : code === 'EISDIR' ? `read ${file}: is a directory` : errorMessage(err);
      return { ok: false, kind: 'error', message: `${what}: reading ${url}: ${reason}` };
    }
  }
}

function safeFileUrl(dir: string): string {
  return nodePath.isAbsolute(dir) ? pathToFileURL(dir).href : dir;
}

/** HttpProxyOptions: network access (off unless enabled), per-request timeout, disk cache. */
export interface HttpProxyOptions {
  allowNetwork: boolean;
  /** per-request timeout in milliseconds (default 10 000) */
  timeoutMs?: number;
  /** successful answers are kept under this directory and read before the network */
  cacheDir?: string;
  /** how long a cached `@v/list` (which changes upstream) is trusted, in ms (default 10 minutes) */
  listMaxAgeMs?: number;
  /**
   * after a transport failure (no DNS answer, connection refused, a timeout), every request to this
   * proxy fails at once with that failure for this long, in ms (default 30 s): without a network one
   * failed lookup ends a build instead of each of hundreds of modules waiting for its own failure
   */
  downForMs?: number;
  /** injectable for tests: the fetch implementation and the clock */
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * OFFLINE_MESSAGE ends every `offline` answer. It says what happened, not what to do: the way to
 * turn network access on differs where the message is shown (the CLI's -network flag, the editor's
 * goModLens.network setting), so the CLI and the server add their own advice.
 */
export const OFFLINE_MESSAGE = 'network access to the module proxy is off';

/** at most this many requests to one proxy are in flight at once */
const MAX_IN_FLIGHT = 8;

/** MAX_BODY caps an answer's size, like codehost.MaxGoMod; MAX_ERROR_BODY an error answer's (its detail is 648 bytes at most). */
const MAX_BODY = MAX_FILE_BYTES;
const MAX_ERROR_BODY = 64 << 10;

/**
 * readBody reads a response body up to limit bytes, chunk by chunk, and undefined when it is longer
 * (it claims more in Content-Length, or streams more): then the rest is never read and the
 * connection is dropped, so an endless answer costs limit bytes of memory, not all it sends.
 */
async function readBody(res: Response, limit: number): Promise<Uint8Array | undefined> {
  const claimed = Number(res.headers.get('content-length') ?? NaN);
  if (claimed > limit) {
    await res.body?.cancel().catch(() => undefined);
    return undefined;
  }
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, total);
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
}

/**
 * HttpProxySource fetches from an `http(s)://` proxy, but only when constructed with network access;
 * otherwise every call answers `offline` without touching the network or the disk cache. 404 and 410
 * are `not-found`; other statuses, timeouts and transport failures are `error` (messages as Go's).
 */
export class HttpProxySource extends ProxySource<Promise<FetchResult>> {
  private readonly cache: ProxyAnswerCache | undefined;
  /** the last transport failure and until when (options.now's clock) it answers for the proxy */
  private down: { cause: string; until: number } | undefined;
  private inFlight = 0;
  private readonly queue: (() => void)[] = [];

  constructor(base: string, private readonly options: HttpProxyOptions) {
    super(base);
    if (options.cacheDir !== undefined) {
      const slug = redactUrl(base).replace(/^[a-z]+:\/\//i, '').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
      const hash = createHash('sha256').update(base).digest('hex').slice(0, 12);
      this.cache = new ProxyAnswerCache(nodePath.join(options.cacheDir, `${slug}-${hash}`), options.listMaxAgeMs, options.now);
    }
  }

  describe(): string {
    return `module proxy ${redactUrl(this.base)}${this.options.allowNetwork ? '' : ' (network access off)'}`;
  }

  protected lift(r: FetchResult): Promise<FetchResult> {
    return Promise.resolve(r);
  }

  protected then(r: Promise<FetchResult>, f: (x: FetchResult) => FetchResult): Promise<FetchResult> {
    return r.then(f);
  }

  protected async get(rel: string, what: string): Promise<FetchResult> {
    if (!this.options.allowNetwork) return { ok: false, kind: 'offline', message: `${what}: ${OFFLINE_MESSAGE}` };
    const url = this.urlOf(rel);
    const cached = this.cache?.read(rel);
    if (cached !== undefined) return { ok: true, text: cached.text, origin: `${url} (cached in ${cached.file})` };
    const failed = this.failedEarlier(what);
    if (failed) return failed;
    await this.slot();
    try {
      // another request may have found the proxy unreachable while this one waited for its slot
      const meanwhile = this.failedEarlier(what);
      if (meanwhile) return meanwhile;
      const r = await this.download(this.urlOf(rel, false), url, what);
      if (r.ok) this.cache?.write(rel, r.text);
      return r;
    } finally {
      this.release();
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** failedEarlier: the answer while the proxy is known to be unreachable (a recent transport failure). */
  private failedEarlier(what: string): FetchResult | undefined {
    if (this.down === undefined || this.now() >= this.down.until) return undefined;
    return { ok: false, kind: 'error', message: `${what}: not asked: ${redactUrl(this.base)} could not be reached just before (${this.down.cause})` };
  }

  private async slot(): Promise<void> {
    if (this.inFlight < MAX_IN_FLIGHT) {
      this.inFlight++;
      return;
    }
    await new Promise<void>((go) => this.queue.push(go)); // the slot passes from release() to this waiter
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.inFlight--;
  }

  private async download(target: string, url: string, what: string): Promise<FetchResult> {
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    if (/^http:\/\/[^/]*@/i.test(target)) {
      return { ok: false, kind: 'error', message: `${what}: refusing to pass credentials to insecure URL: ${url}` };
    }
    try {
      const { href, headers } = withBasicAuth(target);
      const res = await (this.options.fetch ?? fetch)(href, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
      // an answer is read only up to its limit, whatever it claims or streams (an error's detail: a little)
      const body = await readBody(res, res.status === 200 ? MAX_BODY : MAX_ERROR_BODY);
      if (res.status === 200) {
        if (body === undefined) return { ok: false, kind: 'error', message: `${what}: reading ${url}: response too large (over ${formatBytes(MAX_BODY)})` };
        return { ok: true, text: decodeGoUtf8(body), origin: url };
      }
      const status = `${res.status} ${res.statusText || ''}`.trim();
      const detail = body === undefined ? '' : errorDetail(res.headers.get('content-type') ?? '', body);
      const sep = detail.includes('\n') ? '\n\t' : ' ';
      const message = `${what}: reading ${url}: ${status}${detail === '' ? '' : `\n\tserver response:${sep}${detail}`}`;
      return { ok: false, kind: res.status === 404 || res.status === 410 ? 'not-found' : 'error', message };
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      const cause = timedOut ? `timed out after ${timeoutMs} ms` : transportError(err);
      this.down = { cause, until: this.now() + (this.options.downForMs ?? 30_000) };
      return { ok: false, kind: 'error', message: `${what}: Get ${goQuote(url)}: ${cause}` };
    }
  }
}

/** withBasicAuth moves user:password out of a URL into an Authorization header (fetch refuses credentials in URLs). */
function withBasicAuth(target: string): { href: string; headers: Record<string, string> } {
  const u = new URL(target);
  if (u.username === '' && u.password === '') return { href: target, headers: {} };
  const auth = Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64');
  u.username = '';
  u.password = '';
  return { href: u.href, headers: { authorization: `Basic ${auth}` } };
}

/** transportError names a fetch failure by its innermost cause ("connect ECONNREFUSED 127.0.0.1:9"). */
function transportError(err: unknown): string {
  let e: unknown = err;
  while (e instanceof Error && e.cause !== undefined) e = e.cause;
  return errorMessage(e);
}

/**
 * errorDetail is web.Response.formatErrorDetail: for a text/plain (UTF-8 or ASCII) body made of
 * graphic characters and spaces, its first lines up to a blank line, at most 8 lines and 648 bytes.
 */
function errorDetail(contentType: string, body: Uint8Array): string {
  const m = /^\s*text\/plain\s*(;|$)/i.exec(contentType);
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? '';
  if (!m || !['', 'utf-8', 'us-ascii'].includes(charset)) return '';
  let s: string;
  try {
    s = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return '';
  }
  if (/[^\P{C}\s]/u.test(s)) return '';
  let detail = '';
  const lines = s.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') break;
    if (i > 0) detail += '\n\t';
    if (i >= 8) return detail + '[Truncated: too many lines.]';
    if (Buffer.byteLength(detail) + Buffer.byteLength(lines[i]) > 648) return detail + '[Truncated: too long.]';
    detail += lines[i];
  }
  return detail;
}

/** PROXY_OFF_MESSAGE is Go's errProxyOff. */
export const PROXY_OFF_MESSAGE = 'module lookup disabled by GOPROXY=off';

/** DIRECT_MESSAGE ends every answer for a module Go would fetch from version control. */
export const DIRECT_MESSAGE = 'go-mod-lens does not fetch from version control (GOPROXY=direct or GOPRIVATE/GONOPROXY match); run go mod download';

/** ProxyChainOptions: GONOPROXY, and how each URL entry becomes a source (default: file or http). */
export interface ProxyChainOptions {
  gonoproxy?: string;
  http?: HttpProxyOptions;
  sourceFor?: (url: string) => ModuleSource;
}

type Op = 'goMod' | 'info' | 'versions';

/**
 * ProxyChainSource is modfetch.TryProxies over a GOPROXY list. Paths matching GONOPROXY go `direct`;
 * `direct` answers `unsupported` (we never run version control), `off` answers `unsupported` with Go's
 * wording (for a `.info`: `not-found` with Go's exact text, as Query then fails as surely as on a
 * missing file). When every entry fails, the answer is Go's "most helpful" one: a `direct` failure,
 * else the last proxy error that is not a not-found, else the last not-found.
 */
export class ProxyChainSource implements ModuleSource {
  readonly list: ProxyList;
  private readonly sources = new Map<string, ModuleSource>();

  constructor(readonly goproxy: string, private readonly options: ProxyChainOptions = {}) {
    this.list = parseGoProxy(goproxy);
  }

  describe(): string {
    return `GOPROXY=${redactUrl(this.goproxy)}`;
  }

  goMod(path: string, version: string): Promise<FetchResult> {
    return this.run('goMod', path, version);
  }

  info(path: string, version: string): Promise<FetchResult> {
    return this.run('info', path, version);
  }

  versions(path: string): Promise<FetchResult> {
    return this.run('versions', path, undefined);
  }

  private async run(op: Op, path: string, version: string | undefined): Promise<FetchResult> {
    const what = version === undefined ? `module ${path}` : `${path}@${version}`;
    // modload.Query reports TryProxies' own errors unwrapped; the graph loader's chain names the module itself
    if (this.list.error !== undefined) return { ok: false, kind: 'error', message: op === 'info' ? this.list.error : `${what}: ${this.list.error}` };
    const gonoproxy = this.options.gonoproxy ?? '';
    if (gonoproxy !== '' && this.goproxy !== 'direct' && matchPrefixPatterns(gonoproxy, path)) {
      return { ok: false, kind: 'unsupported', message: `${what}: ${DIRECT_MESSAGE}` };
    }
    let best: FetchResult | undefined;
    let bestRank = 0; // 0 not-found, 1 proxy error, 2 direct
    for (const spec of this.list.entries) {
      const r = await this.one(spec.url, op, path, version, what);
      if (r.ok) return r;
      const notExist = r.kind === 'not-found' || spec.url === 'off';
      if (spec.url === 'direct') [best, bestRank] = [r, 2];
      else if (bestRank <= 1 && !notExist) [best, bestRank] = [r, 1];
      else if (bestRank === 0) best = r;
      if (!spec.fallBackOnError && !notExist) break;
    }
    return best ?? { ok: false, kind: 'error', message: `${what}: GOPROXY list is empty` };
  }

  private async one(url: string, op: Op, path: string, version: string | undefined, what: string): Promise<FetchResult> {
    if (url === 'off') {
      // For a `.info`, Query fails exactly so (errProxyOff names no module), and go list -m fails with it.
      if (op === 'info') return { ok: false, kind: 'not-found', message: PROXY_OFF_MESSAGE };
      // a version list: errProxyOff is a not-exist error, so modload.versions finds none (checked against go get @none offline)
      if (op === 'versions') return { ok: false, kind: 'not-found', message: `${what}: ${PROXY_OFF_MESSAGE}` };
      return { ok: false, kind: 'unsupported', message: `${what}: ${PROXY_OFF_MESSAGE}` };
    }
    if (url === 'direct') return { ok: false, kind: 'unsupported', message: `${what}: ${DIRECT_MESSAGE}` };
    const source = this.sourceFor(url);
    try {
      if (op === 'goMod') return await source.goMod(path, version ?? '');
      const f = op === 'info' ? source.info?.bind(source) : undefined;
      if (f) return await f(path, version ?? '');
      if (op === 'versions' && source.versions) return await source.versions(path);
      return { ok: false, kind: 'not-found', message: `${what}: ${source.describe()} does not serve ${op === 'info' ? '.info' : '@v/list'}` };
    } catch (err) {
      return { ok: false, kind: 'error', message: `${what}: ${errorMessage(err)}` };
    }
  }

  private sourceFor(url: string): ModuleSource {
    let s = this.sources.get(url);
    if (s === undefined) {
      s = this.options.sourceFor?.(url) ??
        (urlScheme(url) === 'file' ? new FileProxySource(url) : new HttpProxySource(url, this.options.http ?? { allowNetwork: false }));
      this.sources.set(url, s);
    }
    return s;
  }
}
