/**
 * DiskCacheFacts answers the analysis layer's questions about the module cache (GOMODCACHE):
 * hashes for go.sum checks (the `h1:` of a cached go.mod, the recorded `.ziphash`), the versions
 * present offline, and parsed go.mod files (for retractions and deprecations). Answers are
 * remembered until `clear()` (the module cache changed).
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CacheFacts } from '../analysis/view';
import { compare, isValid } from '../module/semver';
import { ModFile, parseModFile } from '../syntax/modfile';
import { decodeGoUtf8 } from '../syntax/text';
import { readRegularFile } from './readFile';

const utf8 = new TextDecoder();
import { escapeModulePath, escapeModuleVersion } from './moduleCache';

/** goModH1 is Go's `h1:` hash of a go.mod file (dirhash Hash1 over the single file named go.mod). */
export function goModH1(bytes: Uint8Array): string {
  const fileSum = createHash('sha256').update(bytes).digest('hex');
  return 'h1:' + createHash('sha256').update(`${fileSum}  go.mod\n`).digest('base64');
}

export class DiskCacheFacts implements CacheFacts {
  private readonly memo = new Map<string, unknown>();

  constructor(private readonly root: string) {}

  clear(): void {
    this.memo.clear();
  }

  private once<T>(key: string, f: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    let v: T | undefined;
    try {
      v = f();
    } catch {
      v = undefined;
    }
    this.memo.set(key, v);
    return v as T;
  }

  private file(path: string, version: string, ext: string): string | undefined {
    const e = escapeModuleVersion(path, version);
    return e.ok ? join(this.root, 'cache', 'download', e.escPath, '@v', `${e.escVersion}.${ext}`) : undefined;
  }

  goModFile(path: string, version: string): string | undefined {
    return this.once(`file\0${path}\0${version}`, () => {
      const f = this.file(path, version, 'mod');
      return f && statSync(f).isFile() ? f : undefined; // statSync throws when absent
    });
  }

  goModHash(path: string, version: string): string | undefined {
    return this.once(`h1mod\0${path}\0${version}`, () => {
      const f = this.file(path, version, 'mod');
      return f ? goModH1(readRegularFile(f)) : undefined;
    });
  }

  zipHash(path: string, version: string): string | undefined {
    return this.once(`h1zip\0${path}\0${version}`, () => {
      const f = this.file(path, version, 'ziphash');
      return f ? utf8.decode(readRegularFile(f, 4096)).trim() : undefined;
    });
  }

  versions(path: string): string[] {
    return this.once(`versions\0${path}`, () => {
      const e = escapeModulePath(path);
      if (!e.ok) return [];
      const dir = join(this.root, 'cache', 'download', e.escPath, '@v');
      const found = new Set<string>();
      try {
        for (const l of utf8.decode(readRegularFile(join(dir, 'list'))).split('\n')) if (isValid(l.trim())) found.add(l.trim());
      } catch { /* no list file */ }
      try {
        for (const name of readdirSync(dir)) {
          if (!name.endsWith('.mod')) continue;
          const v = name.slice(0, -4).replace(/!([a-z])/g, (_, c: string) => c.toUpperCase());
          if (isValid(v)) found.add(v);
        }
      } catch { /* no directory */ }
      return [...found].sort(compare);
    }) ?? [];
  }

  goMod(path: string, version: string): ModFile | undefined {
    return this.once(`mod\0${path}\0${version}`, () => {
      const f = this.file(path, version, 'mod');
      return f ? parseModFile(decodeGoUtf8(readRegularFile(f)), { name: 'go.mod', strict: false }) : undefined;
    });
  }
}
