/**
 * The editor's upgrade checks (issue 17): for the requirements of each main go.mod, what
 * `go list -m -u` would say (graph/upgrades.ts) — the update, the newest patch of the current minor,
 * the next major version's newest release — computed in the background from the module source (the
 * module cache's @v/list files offline; the proxy only with network access), remembered by main
 * module and requirement until the module cache or the settings change. First results never wait
 * for it: a finished batch that found something tells the server to refresh.
 */
import { MainModuleSet } from '../graph/mainModules';
import { ModuleKey } from '../graph/mvs';
import { ModuleSource } from '../graph/source';
import { Lifecycle, UpdateInfo, UpgradeQueries, nextMajor } from '../graph/upgrades';

/** ModuleUpgrade: go list -m -u's answer for one requirement, and the newer versions a hover lists. */
export interface ModuleUpgrade extends Lifecycle {
  /** the newest release of the current major.minor above the current version */
  patch?: UpdateInfo;
  /** the next major version's module path and newest release */
  major?: UpdateInfo & { path: string };
}

/** UpgradeView: for each main go.mod, its requirements' upgrades by `path@version` (only those computed so far). */
export type UpgradeView = Map<string, Map<string, ModuleUpgrade>>;

export class UpgradeChecks {
  private readonly known = new Map<string, ModuleUpgrade>();
  private readonly queue = new Map<string, { file: string; main: MainModuleSet; m: ModuleKey }>();
  private running?: Promise<void>;
  private generation = 0;

  constructor(private source: () => ModuleSource, private readonly onChange: () => void) {}

  /** reset forgets every answer (the module cache, the proxy settings or network access changed). */
  reset(source?: () => ModuleSource): void {
    if (source) this.source = source;
    this.known.clear();
    this.queue.clear();
    this.generation++;
  }

  /** view: the answers known for these main go.mod files' requirements; the others are queued. */
  view(mains: Array<{ file: string; main: MainModuleSet; requires: ModuleKey[] }>): UpgradeView {
    const out: UpgradeView = new Map();
    for (const { file, main, requires } of mains) {
      const mine = new Map<string, ModuleUpgrade>();
      for (const m of requires) {
        const key = `${file}\0${m.path}@${m.version}`;
        const hit = this.known.get(key);
        if (hit) mine.set(`${m.path}@${m.version}`, hit);
        else if (!main.isMain({ path: m.path, version: '' })) this.queue.set(key, { file, main, m });
      }
      out.set(file, mine);
    }
    this.drain();
    return out;
  }

  private drain(): void {
    if (this.running || this.queue.size === 0) return;
    const generation = this.generation;
    this.running = (async () => {
      let found = false;
      while (this.queue.size > 0 && generation === this.generation) {
        const batch = [...this.queue.entries()];
        this.queue.clear();
        const byMain = new Map<MainModuleSet, UpgradeQueries>();
        const source = this.source();
        await Promise.all(batch.map(async ([key, { main, m }]) => {
          let q = byMain.get(main);
          if (!q) byMain.set(main, (q = new UpgradeQueries(source, main)));
          const l: ModuleUpgrade = await q.lifecycle(m.path, m.version);
          const p = await q.upgrade(m.path, m.version, true);
          if (p.ok && p.value && p.value.version !== m.version) l.patch = p.value;
          const major = await nextMajor(source, m.path);
          if (major) l.major = major;
          if (generation !== this.generation) return;
          this.known.set(key, l);
          if (l.update || l.patch || l.major || l.retracted || l.deprecated) found = true;
        }));
      }
      if (found && generation === this.generation) this.onChange();
    })().catch(() => undefined).finally(() => {
      this.running = undefined;
      if (this.queue.size > 0) this.drain();
    });
  }
}
