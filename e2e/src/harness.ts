/**
 * harness: the test-harness extension (e2e/harness) that runs the extension-host suite of
 * client/test (written for @vscode/test-electron) inside code-server's Node extension host, so that
 * suite runs offline too. It is packaged with vsce into a .vsix and installed beside go-mod-lens;
 * it acts only in workspaces holding .vscode/gml-harness.json.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, FixtureCopy } from './fixtures';
import { repoRoot } from './paths';

/** SUITE_INDEX is the compiled entry of the extension-host suite (tsc -p client/test). */
export const SUITE_INDEX = join(repoRoot, 'client', 'test', 'out', 'suite', 'index.js');

/** packageHarness builds the harness .vsix under dir and returns its path. */
export function packageHarness(dir: string): string {
  if (!existsSync(SUITE_INDEX)) throw new Error(`${SUITE_INDEX} is missing: run tsc -p client/test first`);
  const stage = join(dir, 'harness');
  mkdirSync(stage, { recursive: true });
  for (const f of ['package.json', 'extension.js', 'README.md']) copyFileSync(join(repoRoot, 'e2e', 'harness', f), join(stage, f));
  copyFileSync(join(repoRoot, 'LICENSE'), join(stage, 'LICENSE'));
  const vsix = join(dir, 'gml-test-harness.vsix');
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '-o', vsix], {
    cwd: stage, stdio: 'pipe',
  });
  return vsix;
}

export interface HarnessWorkspace extends FixtureCopy {
  /** resultFile receives {ok, error?, output} when the suite has run */
  resultFile: string;
}

/** harnessWorkspace copies a fixture for the harness, with the suite to run in .vscode/gml-harness.json. */
export function harnessWorkspace(parent: string, fixture: string, suite: string, settings: (root: string) => Record<string, unknown>): HarnessWorkspace {
  mkdirSync(parent, { recursive: true });
  const copy = copyFixture(parent, fixture, settings);
  const resultFile = join(copy.root, 'harness-result.json');
  writeFileSync(join(copy.folder, '.vscode', 'gml-harness.json'), JSON.stringify({ suite, fixtureRoot: copy.root, suiteIndex: SUITE_INDEX, resultFile }, null, 2));
  return { ...copy, resultFile };
}
