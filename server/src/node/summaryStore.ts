/**
 * A persistent index of go.mod summaries for module versions, so that a fresh process does not
 * re-read and re-parse thousands of `.mod` files from the module cache. A module version's go.mod
 * never changes (the module cache and proxies are immutable, and go.sum pins them), so an entry
 * keyed by `path@version` stays valid; the index is kept per module source (GOMODCACHE + GOPROXY),
 * and directory replacements and workspace files are never stored.
 *
 * Location: $GOMODLENS_CACHE_DIR, else $XDG_CACHE_HOME/go-mod-lens, else $HOME/.cache/go-mod-lens;
 * GOMODLENS_CACHE_DIR=off disables it. Go's own module cache is never written.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Summary, SummaryResult, pruningForGoVersion } from '../graph/summary';

const FORMAT = 1;
const MAX_ENTRIES = 250_000;

type Entry = [module: string, goVersion: string, require: string[], deprecated: string, retract: [string, string, string][]];

/** summaryStoreFile names the index file for a module source, or undefined when disabled or homeless. */
export function summaryStoreFile(env: Record<string, string | undefined>, sourceId: string): string | undefined {
  const dir = env.GOMODLENS_CACHE_DIR ?? (env.XDG_CACHE_HOME ? join(env.XDG_CACHE_HOME, 'go-mod-lens') : env.HOME ? join(env.HOME, '.cache', 'go-mod-lens') : undefined);
  if (!dir || dir === 'off') return undefined;
  return join(dir, 'summaries', `${createHash('sha256').update(sourceId).digest('hex').slice(0, 24)}.json`);
}

/**
 * StoredSummaryCache is a SummaryCache backed by the index file: stored entries are turned into
 * summaries only when the build asks for them, and what the build reads anew is saved back.
 */
export class StoredSummaryCache extends Map<string, SummaryResult> {
  private readonly stored = new Map<string, Entry>();

  constructor(private readonly file: string) {
    super();
    let data: { format?: number; entries?: Record<string, Entry> } = {};
    try {
      data = JSON.parse(readFileSync(file, 'utf8')) as typeof data;
    } catch {
      // no index yet, or a damaged one: start empty
    }
    if (data.format === FORMAT && typeof data.entries === 'object' && data.entries !== null) {
      for (const [k, e] of Object.entries(data.entries)) if (Array.isArray(e) && e.length === 5) this.stored.set(k, e);
    }
  }

  override get(k: string): SummaryResult | undefined {
    let v = super.get(k);
    if (v === undefined) {
      const e = this.stored.get(k);
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

  /** save writes the index (atomically) when this process read module versions it did not have. */
  save(): void {
    const fresh: [string, Entry][] = [];
    for (const [k, r] of super.entries()) {
      if (r.ok && !k.startsWith('dir:') && !this.stored.has(k)) fresh.push([k, toEntry(r.summary)]);
    }
    if (fresh.length === 0) return;
    const entries: Record<string, Entry> = {};
    let n = 0;
    for (const [k, e] of [...fresh, ...this.stored]) {
      if (n++ >= MAX_ENTRIES) break;
      entries[k] = e;
    }
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ format: FORMAT, entries }));
      renameSync(tmp, this.file);
    } catch {
      // a read-only home is not an error: the index only saves time
    }
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
      return { path: r.slice(0, sp), version: r.slice(sp + 1) };
    }),
    deprecated, retract: retract.map(([low, high, rationale]) => ({ low, high, rationale })),
  };
}
