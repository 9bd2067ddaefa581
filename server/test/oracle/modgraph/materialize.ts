/**
 * Writes a Scenario to disk (layout below) so that `go list -m all`, `go list -m -json all` and
 * `go mod graph` run offline (oracles.md §1, semantics §5.3–5.4):
 *
 *   ROOT/src/main/go.mod                  module mode: the main module
 *   ROOT/src/go.work, ROOT/src/<dir>/go.mod  workspace mode: go.work and its members
 *   ROOT/src/local/<name>/go.mod          directory replacement targets
 *   ROOT/proxy/<esc path>/@v/<esc ver>.{mod,info}, @v/list   the file:// GOPROXY (.info as ModuleVersion.info says)
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Scenario, escapeModulePath, goModText, memberDir, workText } from './scenario';

/** Materialized says where a scenario was written. */
export interface Materialized {
  root: string;
  /** ROOT/src: every file a go command may modify (copy it before running go with -mod=mod) */
  src: string;
  proxy: string;
  /** file:///…/proxy (absolute, three slashes) */
  proxyUrl: string;
  /** the directory, relative to src, where commands run: `main`, or `.` for a workspace */
  runDir: string;
  /** go.work relative to src, in workspace mode */
  goWork?: string;
}

/** isPseudoVersion recognises pseudo-versions (semantics §4.2), which a proxy leaves out of @v/list. */
export function isPseudoVersion(v: string): boolean {
  return /^v[0-9]+\.(0\.0-|\d+\.\d+-([^+]*\.)?0\.)\d{14}-[A-Za-z0-9]+(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/.test(v);
}

/** materialize writes scenario s under root (which must not exist yet or be empty) and says where. */
export function materialize(s: Scenario, root: string): Materialized {
  const src = join(root, 'src');
  const proxy = join(root, 'proxy');
  mkdirSync(src, { recursive: true });
  mkdirSync(proxy, { recursive: true });
  writeProxy(s, proxy);
  for (const [name, l] of Object.entries(s.locals)) write(join(src, 'local', name, 'go.mod'), goModText(l.path, l, '..'));
  const proxyUrl = pathToFileURL(proxy).href;
  if (s.workspace) {
    write(join(src, 'go.work'), workText(s.workspace));
    s.workspace.members.forEach((m, i) => write(join(src, memberDir(m, i), 'go.mod'), goModText(m.path, m, '../local')));
    return { root, src, proxy, proxyUrl, runDir: '.', goWork: 'go.work' };
  }
  if (!s.main) throw new Error('scenario has neither a main module nor a workspace');
  write(join(src, 'main', 'go.mod'), goModText(s.main.path, s.main, '../local'));
  return { root, src, proxy, proxyUrl, runDir: 'main' };
}

function writeProxy(s: Scenario, proxy: string): void {
  const byPath = new Map<string, string[]>();
  for (const m of s.modules) {
    const dir = join(proxy, escapeModulePath(m.path), '@v');
    const file = escapeModulePath(m.version);
    write(join(dir, `${file}.mod`), goModText(m.declares === undefined ? m.path : m.declares, m, '../local'));
    if (m.info !== null) write(join(dir, `${file}.info`), m.info ?? JSON.stringify({ Version: m.version, Time: infoTime(m.version) }) + '\n');
    const list = byPath.get(m.path) ?? [];
    if (!isPseudoVersion(m.version) && !list.includes(m.version)) list.push(m.version);
    byPath.set(m.path, list);
  }
  for (const [path, versions] of byPath) {
    write(join(proxy, escapeModulePath(path), '@v', 'list'), versions.map((v) => v + '\n').join(''));
  }
}

/** infoTime is the commit time a proxy reports: the pseudo-version's timestamp, else a fixed date. */
function infoTime(version: string): string {
  const m = /(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)-[A-Za-z0-9]+(\+incompatible)?$/.exec(version);
  return m && isPseudoVersion(version) ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : '2023-01-01T00:00:00Z';
}

function write(file: string, text: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

/** copyTree copies a directory tree (regular files and folders only); it refuses to copy a folder into itself. */
export function copyTree(from: string, to: string): void {
  if ((resolve(to) + sep).startsWith(resolve(from) + sep)) throw new Error(`copyTree: ${to} is inside ${from}`);
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const a = join(from, name);
    const b = join(to, name);
    if (statSync(a).isDirectory()) copyTree(a, b);
    else copyFileSync(a, b);
  }
}

/**
 * removeTree deletes a scratch tree. go list -m never extracts zips, so the module cache it fills
 * has no read-only folders.
 */
export function removeTree(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    // best effort: a scratch folder left behind is harmless
  }
}
