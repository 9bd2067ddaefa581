/**
 * A persistent index of go.mod summaries for module versions, so that a fresh process does not
 * re-read and re-parse thousands of `.mod` files from the module cache. A module version's go.mod
 * never changes (the module cache and proxies are immutable, and go.sum pins them), so an entry
 * keyed by `path@version` stays valid; the index is kept per module source (GOMODCACHE + GOPROXY),
 * and directory replacements and workspace files are never stored. The Version each `.info` names
 * (what `go list -m` asks of every listed module) is kept the same way.
 *
 * Location: $GOMODLENS_CACHE_DIR, else $XDG_CACHE_HOME/go-mod-lens, else $HOME/.cache/go-mod-lens;
 * GOMODLENS_CACHE_DIR=off disables it. Go's own module cache is never written.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { revInfoVersion } from '../graph/moduleInfo';
import { keyedModule } from '../graph/mvs';
import { FetchResult, ModuleSource } from '../graph/source';
import { readRegularFile } from './readFile';
import { Summary, SummaryResult, pruningForGoVersion } from '../graph/summary';

const HEADER = 'go-mod-lens summary index 2\n';
const MAX_ENTRIES = 250_000;

type Entry = [module: string, goVersion: string, require: string[], deprecated: string, retract: [string, string, string][]];

/** summaryStoreFile names the index file for a module source, or undefined when disabled or homeless. */
export function summaryStoreFile(env: Record<string, string | undefined>, sourceId: string): string | undefined {
  const dir = env.GOMODLENS_CACHE_DIR ?? (env.XDG_CACHE_HOME ? join(env.XDG_CACHE_HOME, 'go-mod-lens') : env.HOME ? join(env.HOME, '.cache', 'go-mod-lens') : undefined);
  if (!dir || dir === 'off') return undefined;
  return join(dir, 'summaries', `${createHash('sha256').update(sourceId).digest('hex').slice(0, 24)}.idx`);
}

/**
 * StoredSummaryCache is a SummaryCache backed by the index file: stored entries are turned into
 * summaries only when the build asks for them, and what the build reads anew is saved back.
 */
export class StoredSummaryCache extends Map<string, SummaryResult> {
  /** stored entries as `key\tJSON` lines, parsed only when asked for */
  private readonly stored = new Map<string, string>();
  /** `.info` Versions learnt by this process, by `info:path@version` */
  private readonly infos = new Map<string, string>();

  constructor(private readonly file: string) {
    super();
    let text: string;
    try {
      text = new TextDecoder().decode(readRegularFile(file, 256 << 20));
    } catch {
      return; // no index yet
    }
    if (!text.startsWith(HEADER)) return; // another format: start afresh
    for (let at = text.indexOf('\n') + 1; at > 0 && at < text.length;) {
      const nl = text.indexOf('\n', at);
      const line = text.slice(at, nl < 0 ? text.length : nl);
      const tab = line.indexOf('\t');
      if (tab > 0) this.stored.set(line.slice(0, tab), line);
      at = nl < 0 ? -1 : nl + 1;
    }
  }

  override get(k: string): SummaryResult | undefined {
    let v = super.get(k);
    if (v === undefined) {
      const line = this.stored.get(k);
      const e = line === undefined ? undefined : parseEntry(line.slice(line.indexOf('\t') + 1));
      if (e) {
        v = { ok: true, summary: fromEntry(e) };
        super.set(k, v);
      }
    }
    return v;
  }

  override has(k: string): boolean {
    return super.has(k) || this.stored.has(k);
  }

  /**
   * rememberInfo wraps a ModuleSource so that the Version of each `.info` it serves is kept in the
   * index (as `info:path@version` lines) and answered from there later, without touching the disk:
   * like a go.mod, a module version's `.info` in the module cache or a proxy never changes. Failures
   * are not kept, so what is missing is looked up again next time.
   */
  rememberInfo(source: ModuleSource): ModuleSource {
    const info = source.info?.bind(source);
    if (!info) return source;
    const keep = (k: string, r: FetchResult): FetchResult => {
      const version = r.ok ? revInfoVersion(r.text) : undefined;
      if (version !== undefined) this.infos.set(k, version);
      return r;
    };
    return {
      goMod: (path, version) => source.goMod(path, version),
      ...(source.versions ? { versions: source.versions.bind(source) } : {}),
      describe: () => source.describe(),
      info: (path, version) => {
        const k = `info:${path}@${version}`;
        const known = this.infos.get(k) ?? this.storedInfo(k);
        if (known !== undefined) return { ok: true, text: `{"Version":${JSON.stringify(known)}}`, origin: `${this.file} (${k})` };
        const r = info(path, version);
        return r instanceof Promise ? r.then((x) => keep(k, x)) : keep(k, r);
      },
    };
  }

  /** storedInfo reads an `info:` line's Version: as written, or as a JSON string when it starts with `"`. */
  private storedInfo(k: string): string | undefined {
    const line = this.stored.get(k);
    if (line === undefined) return undefined;
    const v = line.slice(line.indexOf('\t') + 1);
    if (!v.startsWith('"')) return v;
    try {
      const s = JSON.parse(v) as unknown;
      return typeof s === 'string' ? s : undefined;
    } catch {
      return undefined;
    }
  }

  /** save writes the index (atomically) when this process read module versions it did not have. */
  save(): void {
    const fresh: string[] = [];
    for (const [k, r] of super.entries()) {
      if (r.ok && !k.startsWith('dir:') && !k.includes('\n') && !this.stored.has(k)) fresh.push(`${k}\t${JSON.stringify(toEntry(r.summary))}`);
    }
    for (const [k, v] of this.infos) {
      if (!k.includes('\n') && !this.stored.has(k)) fresh.push(`${k}\t${/^[^"\s]*$/.test(v) ? v : JSON.stringify(v)}`);
    }
    if (fresh.length === 0) return;
    const lines = [...fresh, ...this.stored.values()].slice(0, MAX_ENTRIES);
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, HEADER + lines.join('\n') + '\n');
      renameSync(tmp, this.file);
    } catch {
      // a read-only home is not an error: the index only saves time
    }
  }
}

function parseEntry(json: string): Entry | undefined {
  try {
    const e = JSON.parse(json) as unknown;
    return Array.isArray(e) && e.length === 5 ? (e as Entry) : undefined;
  } catch {
    return undefined;
  }
}

function toEntry(s: Summary): Entry {
  return [s.module, s.goVersion, s.require.map((r) => `${r.path} ${r.version}`), s.deprecated, s.retract.map((r) => [r.low, r.high, r.rationale])];
}

function fromEntry(e: Entry): Summary {
  const [module, goVersion, require, deprecated, retract] = e;
  return {
    module, goVersion, pruning: pruningForGoVersion(goVersion),
    require: require.map((r) => {
      const sp = r.indexOf(' ');
      return keyedModule(r.slice(0, sp), r.slice(sp + 1));
    }),
    deprecated, retract: retract.map(([low, high, rationale]) => ({ low, high, rationale })),
  };
}
