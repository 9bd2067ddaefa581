/**
 * Module-level vulnerability matching (as `govulncheck -scan module` does): every module version a
 * build actually builds — the replacement's path and version where a module is replaced by another
 * module; directory replacements and main modules have no version to match — against the entries
 * that name it, and the Go distribution (`stdlib`, `toolchain` entries) against the toolchain the
 * main module asks for (its toolchain line, else its go line). Pure.
 */
import { Build } from '../graph/buildList';
import { listModules } from '../graph/listing';
import { ModuleKey, showModule } from '../graph/mvs';
import { compare } from '../module/semver';
import { OsvAffected, OsvEntry, affects, fixedAbove } from './osv';

/** VulnIndex: the standing entries of a database, by the module each affects. */
export interface VulnIndex {
  byModule: Map<string, { entry: OsvEntry; affected: OsvAffected }[]>;
  /** entries read, and how many of them were withdrawn (left out) */
  entries: number;
  withdrawn: number;
}

export function indexEntries(entries: Iterable<OsvEntry>): VulnIndex {
  const byModule = new Map<string, { entry: OsvEntry; affected: OsvAffected }[]>();
  let n = 0;
  let withdrawn = 0;
  for (const entry of entries) {
    n++;
    if (entry.withdrawn !== '') {
      withdrawn++;
      continue;
    }
    for (const affected of entry.affected) {
      const list = byModule.get(affected.module);
      if (list) list.push({ entry, affected });
      else byModule.set(affected.module, [{ entry, affected }]);
    }
  }
  return { byModule, entries: n, withdrawn };
}

/** BuiltModule: a module version as built, and the requirement chain from a main module that brings it. */
export interface BuiltModule {
  /** the path and version matched: the replacement's when replaced by another module */
  path: string;
  version: string;
  /** the module as required (differs from path@version when replaced) */
  required: ModuleKey;
  /** `path@version` of each module from a main module down to the required one */
  chain: string[];
}

/** chainPath: the module path of one chain item (`path@version`, or `path` for a main module). */
export function chainPath(item: string): string {
  return item.replace(/@[^@]*$/, '');
}

/** VulnFinding is one (entry, module) pair; the field names are those `vuln -json` prints. */
export interface VulnFinding {
  ID: string;
  Aliases: string[];
  Summary: string;
  Module: string;
  Version: string;
  /** the lowest fixed version above Version in the range that holds it; '' when none */
  Fixed: string;
  Chain: string[];
  /** affected packages, and the entry's page (for hovers; not printed by -json) */
  packages: string[];
  url: string;
}

/** GO_MODULES: the database's names for the Go distribution's standard library and go command. */
const GO_MODULES = ['stdlib', 'toolchain'];

/** goTagVersion: a go line or toolchain name as Go semver ("1.21" → v1.21.0, "go1.22rc1" → v1.22.0-rc.1); '' when not a release form. */
export function goTagVersion(v: string): string {
  const m = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:(rc|beta)(\d+))?(?:-.*)?$/.exec(v);
  if (!m) return '';
  return `v${m[1]}.${m[2]}.${m[3] ?? '0'}${m[4] ? `-${m[4]}.${m[5]}` : ''}`;
}

/** builtModules lists what a build builds, with chains (main modules and directory replacements left out). */
export function builtModules(build: Build): BuiltModule[] {
  const out: BuiltModule[] = [];
  for (const m of listModules(build)) {
    if (m.main) continue;
    if (m.replace && m.replace.version === '') continue;
    const required = { path: m.path, version: m.version };
    const chain = (build.graph.chainTo(required) ?? [required]).map(showModule);
    out.push({ path: m.replace?.path ?? m.path, version: m.replace?.version ?? m.version, required, chain });
  }
  return out;
}

/** goAskedFor: the toolchain the main module set asks for — its toolchain line, else its go line ('' when neither). */
export function goAskedFor(build: Build): { version: string; chain: string[] } {
  const main = build.main;
  const file = main.workspace ? main.workspace.work : main.modules[0]?.modFile;
  const name = main.workspace ? main.workspace.file : main.modules[0]?.path ?? '';
  const toolchain = file?.toolchain?.name;
  const version = toolchain && toolchain !== 'default' ? toolchain : file?.go?.version ? `go${file.go.version}` : '';
  return { version, chain: [name] };
}

/** matchBuild: the findings of a build, in module order then by id. */
export function matchBuild(index: VulnIndex, build: Build): VulnFinding[] {
  const out: VulnFinding[] = [];
  const go = goAskedFor(build);
  const goSemver = goTagVersion(go.version);
  if (goSemver !== '') for (const module of GO_MODULES) out.push(...matchOne(index, module, go.version, goSemver, go.chain));
  // the chain (a walk up the breadth-first tree) is made only for a module some entry names
  for (const m of listModules(build)) {
    if (m.main || (m.replace && m.replace.version === '')) continue;
    const path = m.replace?.path ?? m.path;
    if (!index.byModule.has(path)) continue;
    const version = m.replace?.version ?? m.version;
    const required = { path: m.path, version: m.version };
    const chain = (build.graph.chainTo(required) ?? [required]).map(showModule);
    out.push(...matchOne(index, path, version, version, chain));
  }
  return out;
}

function matchOne(index: VulnIndex, module: string, shown: string, version: string, chain: string[]): VulnFinding[] {
  const found = new Map<string, { f: VulnFinding; fixed: string }>();
  for (const { entry, affected } of index.byModule.get(module) ?? []) {
    if (!affects(affected.ranges, version)) continue;
    const fixed = fixedAbove(affected.ranges, version);
    const prior = found.get(entry.id);
    if (prior) {
      // one entry may name a module twice (two affected blocks): one finding, the lowest fix
      if (fixed !== '' && (prior.fixed === '' || compare(fixed, prior.fixed) < 0)) prior.fixed = fixed;
      prior.f.packages.push(...affected.packages);
      continue;
    }
    found.set(entry.id, {
      fixed,
      f: { ID: entry.id, Aliases: entry.aliases, Summary: entry.summary, Module: module, Version: shown, Fixed: '', Chain: chain, packages: [...affected.packages], url: entry.url },
    });
  }
  const goModule = GO_MODULES.includes(module);
  return [...found.values()]
    .map(({ f, fixed }) => ({ ...f, Fixed: fixed !== '' && goModule ? 'go' + fixed.slice(1) : fixed }))
    .sort((a, b) => (a.ID < b.ID ? -1 : a.ID > b.ID ? 1 : 0));
}
