/**
 * Session is the server's one model of the workspace (design.md "one model per workspace, rebuilt
 * incrementally"): every go.mod/go.work/go.sum under the folders (open buffers win over the disk),
 * the main module set of each go.mod, and each set's build. A change to one file re-parses that
 * file and recomputes only the builds that read it; go.mod summaries of module versions are kept.
 */
import { dirname, join, resolve } from 'node:path';
import { BuildView, FeatureNeed, ModDoc, SumDoc, VendorFacts, WorkDoc, WorkspaceView } from '../analysis/view';
import { sameItems } from '../analysis/analyze';
import { BuildIO, FilteredMemo, SummaryCache, computeBuild } from '../graph/buildList';
import { MainModuleSet, workspaceModules } from '../graph/mainModules';
import { goSumFiles } from '../graph/consistency';
import { ModuleKey } from '../graph/mvs';
import { WhatIf, whatIf } from '../graph/whatIf';
import { LATEST_GO } from '../module/goVersion';
import { compare as compareSemver, isValid as isValidSemver } from '../module/semver';
import { ModFile, parseModFile } from '../syntax/modfile';
import { parseSumFile } from '../syntax/sumfile';
import { parseWorkFile } from '../syntax/workfile';
import { DiskCacheFacts } from '../node/cacheFacts';
import { DiskFileSource, OverlayFileSource } from '../node/fileSource';
import { GoEnv } from '../node/goEnv';
import { loadProject } from '../node/project';
import { createModuleSource } from '../node/sources';
import { StampedFiles } from '../node/stampedFiles';
import { parseModulesTxt } from '../graph/vendor';
import { diskWorkspaceFs } from '../node/workspace';
import { WorkspaceModel, modelFolders } from '../node/workspaceModel';
import { BuildState, mainTexts, readDirs, semanticKey, sumKeySet } from './buildState';
import { missingGoModMessage } from './messages';
import { Parsed, RecentParses } from './parses';
import { LineIndex } from '../syntax/text';
import { VulnIndex } from '../vuln/match';
import { UpgradeChecks } from './upgrades';
import { RemoteEntries, VulnFeed } from './vulnFeed';
import { vulnBuild } from '../analysis/vulnRules';
import { ModuleSource } from '../graph/source';

export interface SessionOptions {
  env: GoEnv;
  /** network access to HTTP(S) proxies (off by default) */
  network: boolean;
  /** the local toolchain's Go version, when known */
  toolchain?: string;
  /** GOTOOLCHAIN as set in the environment */
  gotoolchain: string;
  /** scans a module directory for the language features its .go files need */
  scanFeatures?: (moduleDir: string) => Promise<FeatureNeed | undefined>;
  log?: (message: string) => void;
  /** called when something computed in the background (the .go feature scan) changed the view */
  onBackgroundChange?: () => void;
  /** the vulnerability database the settings name, read (none: no vulnerability checks) */
  vulns?: VulnIndex;
  /** check the requirements for available upgrades (goModLens.upgrades is not off) */
  upgrades?: boolean;
  /** a served vulnerability database (network access on): its entries are fetched for the modules built */
  vulnRemote?: RemoteEntries;
  /** go.mod summaries to start from and add to, shared with a caller that builds the same graphs (the CLI's diff) */
  summaries?: SummaryCache;
}

export class Session {
  readonly files = new OverlayFileSource(new DiskFileSource());
  private readonly stamped = new StampedFiles(this.files);
  private folders: string[] = [];
  private extraRoots = new Set<string>();
  private model?: WorkspaceModel;
  private readonly mods = new RecentParses<ModDoc>();
  private readonly works = new RecentParses<WorkDoc>();
  private readonly sums = new Map<string, Parsed<SumDoc>>();
  private readonly summaries: SummaryCache;
  /** filtered requirement lists by summary (graph/buildList.ts FilteredMemo), kept with the summaries */
  private readonly filteredLists: FilteredMemo = new WeakMap();
  private readonly mainParses = new Map<string, Parsed<ModFile>>();
  private readonly builds = new Map<string, BuildState>();
  /** vendor/modules.txt of each module directory with a vendor directory, by the text it was parsed from */
  private readonly vendor = new Map<string, { text: string | undefined; facts: VendorFacts }>();
  private readonly dirtyBuilds = new Set<string>();
  /** builds whose graph inputs beyond the main go.mod/go.work changed (no reuse of the graph) */
  private readonly graphStale = new Set<string>();
  private readonly lastGood = new Map<string, BuildState>();
  private readonly features = new Map<string, FeatureNeed>();
  private readonly dirtyFeatures = new Set<string>();
  private readonly scanned = new Set<string>();
  private readonly scanQueue = new Set<string>();
  private scanning?: Promise<void>;
  private cacheFacts: DiskCacheFacts;
  private options: SessionOptions;
  private pending?: Promise<WorkspaceView>;
  private generation = 0;
  private last?: { generation: number; view: WorkspaceView };

  private readonly upgradeChecks: UpgradeChecks;
  /** a workspace's twin for the upgrade queries' lookups, by the build's main module set */
  private readonly lookupTwins = new WeakMap<MainModuleSet, MainModuleSet>();
  private vulnFeed?: VulnFeed;

  constructor(options: SessionOptions) {
    this.options = options;
    this.summaries = options.summaries ?? new Map();
    this.cacheFacts = new DiskCacheFacts(options.env.gomodcache);
    this.upgradeChecks = new UpgradeChecks(() => this.upgradeSource(), () => {
      this.touch();
      this.options.onBackgroundChange?.();
    });
    this.vulnFeed = this.feedOf(options);
  }

  /** feedOf: the background fetcher of a served vulnerability database, when the options name one. */
  private feedOf(options: SessionOptions): VulnFeed | undefined {
    return options.vulnRemote ? new VulnFeed(options.vulnRemote, () => {
      this.touch();
      this.options.onBackgroundChange?.();
    }, (m) => this.options.log?.(m)) : undefined;
  }

  /** upgradeSource: where versions lists come from (the module cache and GOPROXY; the network only when allowed). */
  private upgradeSource(): ModuleSource {
    return createModuleSource(this.options.env, { allowNetwork: this.options.network });
  }

  /** textOf: a file's text — its buffer, else the disk's through the stamp cache (a stat at most once a second). */
  textOf(file: string): string | undefined {
    return this.stamped.readText(file);
  }

  /** setFolders sets the workspace folders (absolute paths) and rescans. */
  setFolders(folders: string[]): void {
    this.folders = folders.map((f) => resolve(f));
    this.rescan();
  }

  /** reconfigure applies new settings (network, toolchain, environment) and recomputes everything. */
  reconfigure(options: SessionOptions): void {
    this.options = options;
    this.vulnFeed = this.feedOf(options);
    this.cacheFacts = new DiskCacheFacts(options.env.gomodcache);
    this.upgradeChecks.reset();
    this.summaries.clear();
    this.features.clear();
    this.scanned.clear();
    this.rescan();
  }

  /** rescan forgets the file model (a go.mod or go.work appeared or vanished). */
  rescan(): void {
    this.model = undefined;
    this.stamped.forgetAll();
    this.builds.clear();
    this.lastGood.clear();
    this.touch();
  }

  /** clearModuleCache forgets what was read from the module cache (it changed on disk). */
  clearModuleCache(): void {
    for (const k of [...this.summaries.keys()]) if (!k.startsWith('dir:')) this.summaries.delete(k);
    this.cacheFacts = new DiskCacheFacts(this.options.env.gomodcache); // a new identity: memoised checks see the change
    this.upgradeChecks.reset();
    for (const id of this.builds.keys()) {
      this.dirtyBuilds.add(id);
      this.graphStale.add(id);
    }
    this.touch();
  }

  private touch(): void {
    this.generation++;
  }

  /** setBuffer / clearBuffer: an editor opened, changed or closed a file. */
  setBuffer(file: string, text: string): void {
    this.files.setBuffer(file, text);
    this.fileChanged(file);
  }

  clearBuffer(file: string): void {
    this.files.clearBuffer(file);
    this.fileChanged(file);
  }

  /** fileChanged: the content of file (buffer or disk) may differ; mark what depends on it. */
  fileChanged(file: string, kind: 'changed' | 'created' | 'deleted' = 'changed'): void {
    const abs = resolve(file);
    this.stamped.forget(abs);
    const base = abs.slice(abs.lastIndexOf('/') + 1);
    if ((base === 'go.mod' || base === 'go.work') && kind !== 'changed') {
      this.rescan();
      return;
    }
    if (base === 'go.mod' && this.model && !this.mods.has(abs) && !this.model.modules.some((m) => m.goMod === abs)) {
      this.extraRoots.add(dirname(abs)); // an open go.mod outside the folders
      this.rescan();
      return;
    }
    const dir = dirname(abs);
    if (base === 'go.mod' || base === 'go.work') {
      this.summaries.delete(`dir:${dir}`);
      for (const [id, b] of this.builds) {
        if (id !== abs && !b.dirs.has(dir)) continue;
        this.dirtyBuilds.add(id);
        // a replacement directory's go.mod feeds the graph itself: the graph must be recomputed
        if (!b.view.main?.modules.some((m) => m.dir === dir) && id !== abs) this.graphStale.add(id);
      }
      if (base === 'go.work') this.dirtyBuilds.add(abs);
    } else if (base === 'go.sum' || base === 'go.work.sum') {
      for (const [id, b] of this.builds) if (b.sumFiles.includes(abs)) this.dirtyBuilds.add(id);
    } else if (base === 'modules.txt' && dir.endsWith('/vendor')) {
      this.stamped.forget(dir); // go mod vendor made, rewrote or removed it: vendorFacts asks the disk again
    } else if (abs.endsWith('.go')) {
      for (const m of this.model?.modules ?? []) if (abs.startsWith(dirname(m.goMod) + '/')) this.dirtyFeatures.add(m.goMod);
    }
    this.touch();
  }

  /** view returns the current WorkspaceView, recomputing what changed (concurrent callers share one computation). */
  async view(): Promise<WorkspaceView> {
    if (this.last && this.last.generation === this.generation) return this.last.view;
    while (this.pending) await this.pending.catch(() => undefined);
    if (this.last && this.last.generation === this.generation) return this.last.view;
    const generation = this.generation;
    this.pending = this.compute();
    try {
      const view = await this.pending;
      if (generation === this.generation) this.last = { generation, view };
      return view;
    } finally {
      this.pending = undefined;
    }
  }

  private async compute(): Promise<WorkspaceView> {
    const env = this.options.env;
    if (!this.model) {
      this.model = await modelFolders([...this.folders, ...this.extraRoots], env, diskWorkspaceFs(), this.files);
      this.mods.clear();
      this.works.clear();
      this.sums.clear();
    }
    const model = this.model;
    const mods = new Map<string, ModDoc>();
    for (const m of model.modules) {
      const doc = await this.modDoc(m.goMod);
      if (doc) mods.set(m.goMod, doc);
    }
    const works = new Map<string, WorkDoc>();
    for (const w of model.workFiles) {
      const doc = await this.workDoc(w);
      if (doc) works.set(w, doc);
    }
    const sums = new Map<string, SumDoc>();
    // go.sum files are large (a 150-module workspace holds megabytes of them): read those a build
    // checks (module mode) and those open in the editor; a workspace member's go.sum when opened.
    for (const m of model.modules) {
      const sum = join(dirname(m.goMod), 'go.sum');
      if (m.main?.kind === 'module' || this.files.hasBuffer(sum)) await this.addSum(sum, sums);
    }
    for (const w of model.workFiles) if (this.files.hasBuffer(`${w}.sum`)) await this.addSum(`${w}.sum`, sums);
    const mainOf = new Map<string, string>();
    const problems = new Map<string, string>();
    for (const m of model.modules) {
      if (m.main) mainOf.set(m.goMod, m.main.kind === 'workspace' ? m.main.workFile : m.main.modFile);
      else if (m.problem) problems.set(m.goMod, m.problem);
    }
    const builds = new Map<string, BuildView>();
    for (const id of model.mainSets.keys()) {
      let state = this.builds.get(id);
      if (!state || this.dirtyBuilds.has(id)) {
        state = await this.computeBuildState(id);
        this.builds.set(id, state);
      }
      builds.set(id, state.view);
    }
    this.dirtyBuilds.clear();
    this.scheduleFeatureScan([...mods.keys()]);
    const vendor = new Map<string, VendorFacts>();
    for (const m of model.modules) {
      if (m.main?.kind !== 'module') continue; // go work vendor (a workspace's vendor directory) is not checked
      const facts = this.vendorFacts(dirname(m.goMod));
      if (facts) vendor.set(m.goMod, facts);
    }
    return {
      mods, works, sums, builds, mainOf, problems,
      toolchain: this.options.toolchain, emulate: this.emulate(), gotoolchain: this.options.gotoolchain,
      features: new Map(this.features), cache: this.cacheFacts,
      hasFile: (p) => this.hasFile(p),
      vendor, goflagsMod: this.options.env.goflags.mod,
      vulns: this.options.vulns ?? this.vulnFeed?.index([...builds.values()].map((v) => vulnBuild(v)).filter((b): b is NonNullable<typeof b> => b !== undefined)),
      upgrades: this.options.upgrades ? this.upgradeChecks.view(this.upgradeMains(mods, mainOf, builds)) : undefined,
    };
  }

  /** upgradeMains: each go.mod that is a main module, with its main module set and its requirements. */
  private upgradeMains(mods: Map<string, ModDoc>, mainOf: Map<string, string>, builds: Map<string, BuildView>): Array<{ file: string; main: MainModuleSet; requires: ModuleKey[] }> {
    const out: Array<{ file: string; main: MainModuleSet; requires: ModuleKey[] }> = [];
    for (const [file, doc] of mods) {
      const view = builds.get(mainOf.get(file) ?? '');
      if (!view?.main) continue;
      // the version the build selects is the one go list -m -u answers for
      const selected = (path: string): string | undefined => {
        const v = view.build?.graph.selectedVersion(path);
        return v && v !== 'none' ? v : undefined;
      };
      out.push({ file, main: this.lookupMain(view.main), requires: doc.mod.require.map((r) => ({ path: r.mod.path, version: selected(r.mod.path) ?? r.mod.version })) });
    }
    return out;
  }

  /**
   * lookupMain: the main module set the upgrade queries look replacements up in — the build's own in
   * module mode; for a workspace a twin of it (one per set), since a workspace's lookups record
   * replace conflicts, which are the build's and the analysis's to report, not the queries'.
   */
  private lookupMain(main: MainModuleSet): MainModuleSet {
    if (!main.workspace) return main;
    let twin = this.lookupTwins.get(main);
    if (!twin) this.lookupTwins.set(main, (twin = workspaceModules(main.workspace.file, main.workspace.work, main.modules, { toolchain: this.options.toolchain ?? LATEST_GO })));
    return twin;
  }

  /**
   * vendorFacts: dir's vendor directory and its modules.txt, parsed once per text (the same object
   * while the file is unchanged, so the analysis of an unchanged module is reused); undefined
   * without a vendor directory.
   */
  private vendorFacts(dir: string): VendorFacts | undefined {
    if (!this.stamped.isDirectory(join(dir, 'vendor'))) {
      this.vendor.delete(dir);
      return undefined;
    }
    const text = this.stamped.readText(join(dir, 'vendor', 'modules.txt'));
    const hit = this.vendor.get(dir);
    if (hit && hit.text === text) return hit.facts;
    const facts: VendorFacts = { modulesTxt: text === undefined ? undefined : parseModulesTxt(text) };
    this.vendor.set(dir, { text, facts });
    return facts;
  }

  /** emulate: the go command version whose semantics apply (the local toolchain's, else a recent default). */
  emulate(): string {
    return this.options.toolchain ?? LATEST_GO;
  }

  private hasFile(p: string): boolean {
    const t = this.stamped.readText(p);
    return typeof t === 'string';
  }

  /**
   * unreadable: why a workspace file that exists cannot be read (too large, a named pipe, no
   * permission); its document is then empty and says so (file-unreadable) — the go command fails on it too.
   */
  private unreadable(file: string): string | undefined {
    const why = this.stamped.readError(file);
    return why && !why.missing ? why.message : undefined;
  }

  private async modDoc(file: string): Promise<ModDoc | undefined> {
    const text = this.stamped.readText(file);
    if (text === undefined) {
      const unreadable = this.unreadable(file);
      return unreadable === undefined ? undefined : { file, dir: dirname(file), text: '', lines: new LineIndex(''), mod: parseModFile('', { name: file }), unreadable };
    }
    const hit = this.mods.get(file, text);
    if (hit) return hit;
    const value = { file, dir: dirname(file), text, lines: new LineIndex(text), mod: parseModFile(text, { name: file }) };
    this.mods.set(file, text, value);
    return value;
  }

  private async workDoc(file: string): Promise<WorkDoc | undefined> {
    const text = this.stamped.readText(file);
    if (text === undefined) {
      const unreadable = this.unreadable(file);
      return unreadable === undefined ? undefined : { file, dir: dirname(file), text: '', lines: new LineIndex(''), work: parseWorkFile('', file), unreadable };
    }
    const hit = this.works.get(file, text);
    if (hit) return hit;
    const value = { file, dir: dirname(file), text, lines: new LineIndex(text), work: parseWorkFile(text, file) };
    this.works.set(file, text, value);
    return value;
  }

  private async addSum(file: string, out: Map<string, SumDoc>): Promise<void> {
    const text = this.stamped.readText(file);
    if (text === undefined) {
      const unreadable = this.unreadable(file);
      if (unreadable !== undefined) out.set(file, { file, text: '', lines: new LineIndex(''), sum: parseSumFile('', file), unreadable });
      return;
    }
    const hit = this.sums.get(file);
    if (hit && hit.text === text) {
      out.set(file, hit.value);
      return;
    }
    const value = { file, text, lines: new LineIndex(text), sum: parseSumFile(text, file) };
    this.sums.set(file, { text, value });
    out.set(file, value);
  }

  /** sumDocsOf: the parsed go.sum files among files (those that exist), in order. */
  private async sumDocsOf(files: string[]): Promise<SumDoc[]> {
    const docs = new Map<string, SumDoc>();
    for (const f of files) await this.addSum(f, docs);
    return files.map((f) => docs.get(f)).filter((d): d is SumDoc => d !== undefined);
  }

  /**
   * parseMain parses a main go.mod for loadProject, reusing the parse of an unchanged text — the
   * file model's parse of the same text (only the file name differs; errors are names-free and
   * formatted with the name by loadProject).
   */
  private parseMain(text: string, name: string, file: string): ModFile {
    const hit = this.mainParses.get(file);
    if (hit && hit.text === text && hit.value.syntax.name === name) return hit.value;
    const doc = this.mods.get(file, text);
    const value = doc ? { ...doc.mod, syntax: { ...doc.mod.syntax, name } } : parseModFile(text, { name });
    this.mainParses.set(file, { text, value });
    return value;
  }

  private async computeBuildState(id: string): Promise<BuildState> {
    const toolchain = this.emulate();
    const dir = dirname(id);
    const project = await loadProject(dir, this.options.env, diskWorkspaceFs(), this.stamped, toolchain, (text, name, file) => this.parseMain(text, name, file));
    if (!project.ok) return { view: { file: id, error: project.error, sums: new Set() }, dirs: new Set([dir]), sumFiles: [] };
    const main = project.main;
    const key = semanticKey(main);
    const prev = this.lastGood.get(id); // the last state with a graph: a typo and its repair come back to it
    const stale = this.graphStale.delete(id);
    if (stale) this.lastGood.delete(id);
    const texts = mainTexts(main);
    if (prev?.key === key && prev.view.build && !stale) {
      const sumDocs = await this.sumDocsOf(prev.sumFiles);
      // the very texts and go.sum files of the last good state (a typo repaired, an undo): that state
      // itself, so that what was computed from its objects (analysis/analyze.ts memos) still holds
      if (prev.texts && sameItems(prev.texts, texts) && sameItems(prev.sumDocs ?? [], sumDocs)) return prev;
      // only comments, spacing or order changed: the graph is the same; keep it, with the new spans
      const view: BuildView = { ...prev.view, main, build: { ...prev.view.build, main }, readonly: prev.view.readonly && { ...prev.view.readonly, main } };
      view.sums = sumKeySet(sumDocs);
      return { ...prev, view, texts, sumDocs };
    }
    const io = this.buildIO();
    const view: BuildView = { file: id, main, sums: new Set() };
    try {
      view.build = await computeBuild(main, io, { toolchain, mode: main.workspace ? 'readonly' : 'mod', unprunedRoots: 'skip' });
      // -mod=mod that kept the roots as written (a consistent go.mod, the usual case) loaded exactly the
      // graph a read-only build loads: one load per edit, not two (telegraf: 1,171 modules, 24,270 edges)
      const asWritten = view.build.roots === main.roots;
      view.readonly = main.workspace || asWritten ? view.build : await computeBuild(main, io, { toolchain, mode: 'readonly' });
    } catch (err) {
      view.error = `internal error computing the build: ${err instanceof Error ? err.message : String(err)}`;
      this.options.log?.(`build of ${id} failed: ${err instanceof Error ? err.stack : String(err)}`);
    }
    const sumFiles = main.workspace ? [] : goSumFiles(main); // workspace mode never checks go.sum (consistency.ts)
    const sumDocs = await this.sumDocsOf(sumFiles);
    view.sums = sumKeySet(sumDocs);
    const state = { view, dirs: readDirs(view.build, main.modules.map((m) => m.dir)), sumFiles, key, texts, sumDocs };
    if (view.build) this.lastGood.set(id, state);
    return state;
  }

  /**
   * scheduleFeatureScan scans, in the background, the .go files of every module whose result is
   * unknown or stale; first diagnostics never wait for it. Each finished module that changes its
   * answer bumps the generation and tells the server to refresh.
   */
  private scheduleFeatureScan(files: string[]): void {
    const scan = this.options.scanFeatures;
    if (!scan) return;
    for (const f of files) if (!this.scanned.has(f) || this.dirtyFeatures.has(f)) this.scanQueue.add(f);
    this.dirtyFeatures.clear();
    if (this.scanning || this.scanQueue.size === 0) return;
    this.scanning = (async () => {
      while (this.scanQueue.size > 0) {
        const file = this.scanQueue.values().next().value as string;
        this.scanQueue.delete(file);
        if (await this.scanOne(file)) this.options.onBackgroundChange?.();
      }
    })().finally(() => {
      this.scanning = undefined;
    });
  }

  /** vulnSettled: resolves when the served vulnerability database's fetches asked for so far are done (the CLI waits for them). */
  async vulnSettled(): Promise<void> {
    await this.vulnFeed?.settled();
  }

  /**
   * ensureFeatures scans the module of one go.mod now (if its answer is unknown or stale), so that a
   * diagnostics request for that file includes go-below-features without waiting for the others.
   */
  async ensureFeatures(goMod: string): Promise<void> {
    const scan = this.options.scanFeatures;
    if (!scan || (this.scanned.has(goMod) && !this.dirtyFeatures.has(goMod) && !this.scanQueue.has(goMod))) return;
    this.scanQueue.delete(goMod);
    this.dirtyFeatures.delete(goMod);
    await this.scanOne(goMod);
  }

  /** scanOne scans one module's .go files and records the answer; true when it changed (the view is then stale). */
  private async scanOne(goMod: string): Promise<boolean> {
    const need = await this.options.scanFeatures?.(dirname(goMod)).catch(() => undefined);
    this.scanned.add(goMod);
    const before = JSON.stringify(this.features.get(goMod) ?? null);
    if (need) this.features.set(goMod, need);
    else this.features.delete(goMod);
    if (JSON.stringify(need ?? null) === before) return false;
    this.touch();
    return true;
  }

  /** featureScanIdle resolves when the background .go scan has nothing left to do (tests, benchmarks). */
  async featureScanIdle(): Promise<void> {
    while (this.scanning) await this.scanning;
  }

  /**
   * versions: the versions of path this machine knows (module cache `@v/list` and cached go.mod
   * files), with the proxy's `@v/list` when network access is on; semver-sorted.
   */
  async versions(path: string): Promise<string[]> {
    const all = new Set(this.cacheFacts.versions(path));
    if (this.options.network) {
      const r = await createModuleSource(this.options.env, { allowNetwork: true }).versions?.(path);
      if (r?.ok) for (const v of r.text.split('\n').map((l) => l.trim())) if (isValidSemver(v)) all.add(v);
    }
    return [...all].sort(compareSemver);
  }

  /** whatIf: what `go get target` (or several at once) would do in the module-mode main module set `main` (graph/whatIf.ts). */
  whatIf(main: MainModuleSet, target: ModuleKey | ModuleKey[]): Promise<WhatIf> {
    return whatIf(main, this.buildIO(), { toolchain: this.emulate(), mode: 'mod' }, target);
  }

  /** buildIO: where builds read module go.mod files (cache, and the proxy when allowed), workspace files, and remembered summaries. */
  private buildIO(): BuildIO {
    return { modules: createModuleSource(this.options.env, { allowNetwork: this.options.network }), files: this.stamped, cache: this.summaries, filtered: this.filteredLists };
  }

  /** missingMessage: workspace/messages.ts's wording, with this session's network setting. */
  missingMessage(missing: readonly ModuleKey[], own: boolean): string {
    return missingGoModMessage(missing, own, this.options.network);
  }

}
