/** In-memory module sources and main modules for graph tests. */
import { FetchResult, FileSource, ModuleSource } from '../../src/graph/source';
import { MainModuleSet, singleModule, workspaceModules } from '../../src/graph/mainModules';
import { parseModFile } from '../../src/syntax/modfile';
import { parseWorkFile } from '../../src/syntax/workfile';

/** FakeModules serves go.mod texts keyed `path@version`; `reads` counts what was fetched. */
export class FakeModules implements ModuleSource {
  readonly reads: string[] = [];
  constructor(private readonly mods: Record<string, string>) {}
  goMod(path: string, version: string): FetchResult {
    const k = `${path}@${version}`;
    this.reads.push(k);
    const text = this.mods[k];
    if (text === undefined) return { ok: false, kind: 'not-found', message: `${k}: reading fake proxy: not found` };
    return { ok: true, text, origin: 'fake' };
  }
  describe(): string {
    return 'fake modules';
  }
}

export class FakeFiles implements FileSource {
  constructor(private readonly files: Record<string, string>) {}
  readText(p: string): string | undefined {
    return this.files[p];
  }
}

/** mod builds a go.mod text: `mod('example.com/a', '1.17', ['example.com/b v1.0.0'])`. */
export function mod(path: string, go: string | undefined, requires: string[] = [], extra = ''): string {
  return `module ${path}\n${go ? `go ${go}\n` : ''}${requires.map((r) => `require ${r}\n`).join('')}${extra}`;
}

export function mainSet(text: string, toolchain = '1.19', dir = '/w/main'): MainModuleSet {
  const modFile = parseModFile(text);
  if (modFile.errors.length > 0) throw new Error(modFile.errors.map((e) => e.message).join('\n'));
  return singleModule({ path: modFile.module?.path ?? '', dir, modFile }, { toolchain });
}

export function workSet(workText: string, members: Record<string, string>, toolchain = '1.19'): MainModuleSet {
  const work = parseWorkFile(workText);
  const mods = Object.entries(members).map(([dir, text]) => {
    const modFile = parseModFile(text);
    return { path: modFile.module?.path ?? '', dir, modFile };
  });
  return workspaceModules('/w/go.work', work, mods, { toolchain });
}
