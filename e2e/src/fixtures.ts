/**
 * fixtures: temp copies of the LSP fixture workspaces (test-fixtures/lsp/<name>), so a quick fix
 * can write to disk, with the workspace settings each scenario needs in ws/.vscode/settings.json.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturesDir } from './paths';

export interface FixtureCopy {
  /** root is the copy of test-fixtures/lsp/<name> */
  root: string;
  /** folder is the workspace folder opened in VS Code (root/ws) */
  folder: string;
}

/** copyFixture copies a fixture under parent and writes its workspace settings (absolute paths allowed). */
export function copyFixture(parent: string, name: string, settings: (root: string) => Record<string, unknown>): FixtureCopy {
  const root = join(parent, name);
  cpSync(join(fixturesDir, name), root, { recursive: true });
  const folder = join(root, 'ws');
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify(settings(root), null, 2) + '\n');
  return { root, folder };
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function readGolden(fixture: string, file: string): string {
  return readFileSync(join(fixturesDir, fixture, file), 'utf8');
}
