/**
 * The editor's vulnerability database when it is served over HTTP(S) (goModLens.vulnDB or GOVULNDB
 * naming a URL, with goModLens.network on): the entries of the modules the builds build, fetched in
 * the background the first time a module appears (through node/'s RemoteVulnDb, the only code that
 * reaches the network), gathered into one index. First results never wait for it: a batch that
 * brings entries tells the server to refresh.
 */
import { Build } from '../graph/buildList';
import { OsvEntry } from '../vuln/osv';
import { VulnIndex, builtModules, indexEntries } from '../vuln/match';

/** RemoteEntries: how the feed asks for entries (node/vulnDb.ts RemoteVulnDb). */
export interface RemoteEntries {
  entriesFor(modules: Iterable<string>): Promise<{ entries: OsvEntry[]; skipped: string[] } | string>;
}

export class VulnFeed {
  private readonly asked = new Set<string>();
  private readonly entries = new Map<string, OsvEntry>();
  private current?: VulnIndex;
  private running?: Promise<void>;
  private readonly pending = new Set<string>();

  constructor(private readonly remote: RemoteEntries, private readonly onChange: () => void, private readonly log: (m: string) => void) {}

  /** index: what has been fetched so far for these builds (undefined before the first answer); new modules are fetched in the background. */
  index(builds: Build[]): VulnIndex | undefined {
    for (const m of ['stdlib', 'toolchain', ...builds.flatMap((b) => builtModules(b).map((x) => x.path))]) {
      if (!this.asked.has(m)) {
        this.asked.add(m);
        this.pending.add(m);
      }
    }
    this.drain();
    return this.current;
  }

  private drain(): void {
    if (this.running || this.pending.size === 0) return;
    const batch = [...this.pending];
    this.pending.clear();
    this.running = (async () => {
      const got = await this.remote.entriesFor(batch);
      if (typeof got === 'string') {
        this.log(`go-mod-lens: vulnerability database: ${got}`);
        return;
      }
      for (const e of got.entries) this.entries.set(e.id, e);
      this.current = indexEntries(this.entries.values());
      this.onChange();
    })().catch((e: unknown) => this.log(`go-mod-lens: vulnerability database: ${String(e)}`)).finally(() => {
      this.running = undefined;
      this.drain();
    });
  }

  /** settled: resolves when the fetches asked for so far are done (tests). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }
}
