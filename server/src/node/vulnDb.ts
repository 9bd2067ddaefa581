/**
 * Reading the Go vulnerability database from this machine: a directory of OSV files (one per id,
 * as the database's repository keeps them) or the layout vuln.go.dev serves (index/db.json,
 * index/modules.json, ID/<id>.json), given as a path or a file:// URL. Nothing is fetched: an
 * http(s) database is refused here (the network is the user's choice, and not read by this loader).
 */
import { readdirSync, statSync } from 'node:fs';
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

/** vulnDbDir turns a -db value or GOVULNDB into a local directory; a string saying why not. */
export function vulnDbDir(spec: string, cwd: string): { dir: string } | { error: string } {
  if (/^https?:\/\//i.test(spec)) return { error: `${spec}: the vulnerability database is read from this machine only; give a directory or a file:// URL (a copy of vuln.go.dev, or a directory of OSV files)` };
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
      const index = JSON.parse(new TextDecoder().decode(readRegularFile(join(dir, 'index', 'modules.json')))) as unknown;
      for (const m of Array.isArray(index) ? index : []) {
        const path = (m as { path?: unknown }).path;
        if (typeof path !== 'string' || !wanted.has(path)) continue;
        for (const v of (m as { vulns?: unknown }).vulns as unknown[] ?? []) {
          const id = (v as { id?: unknown }).id;
          if (typeof id === 'string' && /^[A-Za-z0-9._-]+$/.test(id)) ids.add(id);
        }
      }
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
