/**
 * Reading the Go vulnerability database from this machine: a directory of OSV files (one per id,
 * as the database's repository keeps them) or the layout vuln.go.dev serves (index/db.json,
 * index/modules.json, ID/<id>.json), given as a path or a file:// URL; and a served one over
 * HTTP(S) (fetchVulnDb), which callers use only when the user turned network access on.
 */
import { readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OsvEntry, parseOsv } from '../vuln/osv';
import { readRegularFile } from './readFile';

export interface LoadedVulnDb {
  /** the directory read */
  dir: string;
  layout: 'osv-directory' | 'v1';
  entries: OsvEntry[];
  /** files that are not OSV entries, with why */
  skipped: string[];
}

/** vulnDbDir turns a -db value or GOVULNDB into a local directory (or, for http(s), its URL); a string saying why not. */
export function vulnDbDir(spec: string, cwd: string, network = false): { dir: string } | { url: string } | { error: string } {
  if (/^https?:\/\//i.test(spec)) {
    return network ? { url: spec } : { error: `${spec}: network access is off, so the vulnerability database is read from this machine only; give a directory or a file:// URL (a copy of vuln.go.dev, or a directory of OSV files), or turn network access on` };
  }
  let dir = spec;
  if (/^file:\/\//i.test(spec)) {
    try {
      dir = fileURLToPath(spec);
    } catch (e) {
      return { error: `${spec}: ${(e as Error).message}` };
    }
  }
  dir = isAbsolute(dir) ? dir : resolve(cwd, dir);
  const st = statSync(dir, { throwIfNoEntry: false });
  if (!st) return { error: `${spec}: no such directory` };
  if (!st.isDirectory()) return { error: `${spec}: not a directory` };
  return { dir };
}

/**
 * loadVulnDb reads the entries of the database in dir: every entry, or with `modules` only those
 * that name one of them — in the served layout, through index/modules.json, the files of those ids
 * alone (what govulncheck reads); a directory of OSV files is read whole either way.
 */
export function loadVulnDb(dir: string, modules?: Iterable<string>): LoadedVulnDb {
  const v1 = statSync(join(dir, 'index', 'modules.json'), { throwIfNoEntry: false })?.isFile() === true;
  const from = v1 ? join(dir, 'ID') : dir;
  const skipped: string[] = [];
  let names: string[];
  const wanted = modules === undefined ? undefined : new Set(modules);
  if (v1 && wanted) {
    const ids = new Set<string>();
    try {
      const index = modulesIndex(JSON.parse(new TextDecoder().decode(readRegularFile(join(dir, 'index', 'modules.json')))));
      for (const m of wanted) for (const id of index.get(m) ?? []) ids.add(id);
      names = [...ids].sort().map((id) => `${id}.json`);
    } catch (e) {
      skipped.push(`index/modules.json: ${(e as Error).message}; every entry read instead`);
      names = readdirSync(from).filter((n) => n.endsWith('.json')).sort();
    }
  } else {
    names = readdirSync(from).filter((n) => n.endsWith('.json')).sort();
  }
  const entries: OsvEntry[] = [];
  const decoder = new TextDecoder();
  for (const name of names) {
    let text: string;
    try {
      text = decoder.decode(readRegularFile(join(from, name)));
    } catch (e) {
      skipped.push(`${name}: ${(e as Error).message}`);
      continue;
    }
    const entry = parseOsv(text);
    if (typeof entry === 'string') skipped.push(`${name}: ${entry}`);
    else entries.push(entry);
  }
  return { dir, layout: v1 ? 'v1' : 'osv-directory', entries, skipped };
}

/**
 * modulesIndex reads index/modules.json ([{"path", "vulns": [{"id", …}]}]) into the ids of each
 * module; ids that could not name a file (anything but letters, digits, `.`, `_`, `-`) are left out.
 */
function modulesIndex(list: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of Array.isArray(list) ? list : []) {
    const path = (m as { path?: unknown }).path;
    if (typeof path !== 'string') continue;
    const vulns = (m as { vulns?: unknown }).vulns;
    const ids = (Array.isArray(vulns) ? vulns : []).map((v) => (v as { id?: unknown }).id).filter((id): id is string => typeof id === 'string' && /^[A-Za-z0-9._-]+$/.test(id));
    out.set(path, [...(out.get(path) ?? []), ...ids]);
  }
  return out;
}

/** MAX_INDEX_BYTES / MAX_ENTRY_BYTES: how much a served index or entry may take, uncompressed. */
const MAX_INDEX_BYTES = 64 << 20;
const MAX_ENTRY_BYTES = 4 << 20;

export interface FetchVulnOptions {
  /** injectable for tests */
  fetch?: typeof fetch;
  /** per request, in ms (default 20 000) */
  timeoutMs?: number;
  /** requests in flight at once (default 8) */
  parallel?: number;
}

/**
 * RemoteVulnDb reads a served database over HTTP(S) as govulncheck's client does — each endpoint is
 * `BASE/ENDPOINT.json.gz`, gzip-compressed JSON: index/modules once, then the entries (ID/<id>) of
 * the modules asked about, each fetched once. Used only with network access on.
 */
export class RemoteVulnDb {
  private readonly root: string;
  private index?: Promise<Map<string, string[]> | string>;
  private readonly entries = new Map<string, Promise<OsvEntry | string>>();

  constructor(base: string, private readonly options: FetchVulnOptions = {}) {
    this.root = base.replace(/\/+$/, '');
  }

  private async get(endpoint: string, limit: number): Promise<string | { text: string }> {
    const url = `${this.root}/${endpoint}.json.gz`;
    try {
      const res = await (this.options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 20_000), redirect: 'follow' });
      if (res.status !== 200) return `GET ${url}: ${res.status} ${res.statusText}`.trim();
      const out = gunzipSync(new Uint8Array(await res.arrayBuffer()), { maxOutputLength: limit });
      return { text: new TextDecoder().decode(out) };
    } catch (e) {
      return `GET ${url}: ${(e as Error).message}`;
    }
  }

  private modulesIndex(): Promise<Map<string, string[]> | string> {
    this.index ??= (async () => {
      const got = await this.get('index/modules', MAX_INDEX_BYTES);
      if (typeof got === 'string') {
        this.index = undefined; // asked again next time
        return got;
      }
      try {
        return modulesIndex(JSON.parse(got.text));
      } catch (e) {
        return `${this.root}/index/modules.json.gz: ${(e as Error).message}`;
      }
    })();
    return this.index;
  }

  /** entriesFor: the entries naming any of these modules; a string when the database could not be read whole. */
  async entriesFor(modules: Iterable<string>): Promise<{ entries: OsvEntry[]; skipped: string[] } | string> {
    const index = await this.modulesIndex();
    if (typeof index === 'string') return index;
    const ids = new Set<string>();
    for (const m of modules) for (const id of index.get(m) ?? []) ids.add(id);
    const queue = [...ids].sort();
    const ask = (id: string): Promise<OsvEntry | string> => {
      let p = this.entries.get(id);
      if (!p) {
        p = this.get(`ID/${id}`, MAX_ENTRY_BYTES).then((got) => (typeof got === 'string' ? got : parseOsv(got.text)));
        this.entries.set(id, p);
      }
      return p;
    };
    const entries: OsvEntry[] = [];
    const skipped: string[] = [];
    let failed: string | undefined;
    await Promise.all(Array.from({ length: this.options.parallel ?? 8 }, async () => {
      while (queue.length > 0 && failed === undefined) {
        const id = queue.shift() as string;
        const got = await ask(id);
        if (typeof got !== 'string') entries.push(got);
        else if (got.startsWith('GET ')) {
          this.entries.delete(id); // a transport failure is asked again next time
          failed = got; // a database read in part would make a missing finding look like none
        } else skipped.push(`ID/${id}: ${got}`);
      }
    }));
    if (failed !== undefined) return failed;
    entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { entries, skipped };
  }
}

/** fetchVulnDb: the entries of these modules from a served database (RemoteVulnDb), as a loaded database. */
export async function fetchVulnDb(base: string, modules: Iterable<string>, options: FetchVulnOptions = {}): Promise<LoadedVulnDb | string> {
  const got = await new RemoteVulnDb(base, options).entriesFor(modules);
  return typeof got === 'string' ? got : { dir: base, layout: 'v1', entries: got.entries, skipped: got.skipped };
}
