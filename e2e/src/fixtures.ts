/**
 * fixtures: temp copies of the LSP fixture workspaces (test-fixtures/lsp/<name>), so a quick fix
 * can write to disk, with the workspace settings each scenario needs in ws/.vscode/settings.json.
 * The fixtures' expectation markers (`//@diag(…)` comments, read by the LSP runner) are taken out
 * of the workspace's go.mod and go.work files: a user's file has none, and the screenshots show
 * what a user sees, not lines of markers running off the screen.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  // the expected files (*.golden, which the extension-host suite reads from the copy) lose theirs too
  const goldens = readdirSync(root).filter((f) => f.endsWith('.golden')).map((f) => join(root, f));
  for (const file of [...goFiles(folder), ...goldens]) writeFileSync(file, stripMarkers(readFileSync(file, 'utf8')));
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify(settings(root), null, 2) + '\n');
  return { root, folder };
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** readGolden reads a fixture's expected file, without markers as the workspace copy has none. */
export function readGolden(fixture: string, file: string): string {
  return stripMarkers(readFileSync(join(fixturesDir, fixture, file), 'utf8'));
}

/** stripMarkers drops comment lines that are only markers and markers at the end of a line. */
export function stripMarkers(text: string): string {
  return text.split('\n').filter((l) => !/^\s*\/\/@/.test(l)).map((l) => l.replace(/\s*\/\/@.*$/, '')).join('\n');
}

/** goFiles: the go.mod and go.work files under dir. */
function goFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)go\.(mod|work)$/.test(f)).map((f) => join(dir, f));
}
