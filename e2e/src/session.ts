/**
 * session: the one code-server and browser page the end-to-end tests share, started on first use
 * (about 20 s), with temp copies of the fixture workspaces, and stopped by the root hook in
 * test/hooks.ts. Every path it writes is under one temp folder, removed at the end unless
 * GML_E2E_KEEP=1.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, LoopbackBrowser } from './browser';
import { CodeServer, startCodeServer } from './codeServer';
import { copyFixture, FixtureCopy, makeTempDir } from './fixtures';
import { harnessWorkspace, HarnessWorkspace, packageHarness } from './harness';
import { artifactsDir, vsixPath } from './paths';
import { Workbench } from './workbench';

/** USER_SETTINGS keeps the workbench quiet and deterministic: no chat, tips, updates, git or minimap. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.enablePreview': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'security.workspace.trust.enabled': false,
  'editor.minimap.enabled': false,
  'editor.inlayHints.enabled': 'on',
  'editor.hover.delay': 200,
  'files.autoSave': 'off',
};

export interface Session {
  workbench: Workbench;
  codeServer: CodeServer;
  browser: LoopbackBrowser;
  replaceChain: FixtureCopy;
  mvs: FixtureCopy;
  /** copies of the fixtures in which the harness runs the extension-host suite of client/test */
  harness: { replaceChain: HarnessWorkspace; mvs: HarnessWorkspace };
  tmp: string;
}

let started: Promise<Session> | undefined;

/** session starts code-server and the browser once and returns the shared session. */
export function session(): Promise<Session> {
  started ??= startSession();
  return started;
}

async function startSession(): Promise<Session> {
  const tmp = makeTempDir('gml-e2e-');
  const artifacts = artifactsDir();
  rmSync(artifacts, { recursive: true, force: true });
  const replaceChainSettings = () => ({ 'goModLens.network': false });
  const mvsSettings = (root: string) => ({ 'goModLens.moduleCache': join(root, 'modcache'), 'goModLens.network': false });
  const replaceChain = copyFixture(tmp, 'replace-chain', replaceChainSettings);
  const mvs = copyFixture(tmp, 'mvs-example', mvsSettings);
  const harness = {
    replaceChain: harnessWorkspace(join(tmp, 'harness'), 'replace-chain', 'replaceChain', replaceChainSettings),
    mvs: harnessWorkspace(join(tmp, 'harness'), 'mvs-example', 'mvsExample', mvsSettings),
  };
  const codeServer = await startCodeServer({
    root: join(tmp, 'code-server'), vsix: [vsixPath, packageHarness(tmp)], logFile: join(tmp, 'code-server.log'), userSettings: USER_SETTINGS,
  });
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  page.setDefaultTimeout(30_000);
  return { workbench: new Workbench(page, codeServer.url, artifacts), codeServer, browser, replaceChain, mvs, harness, tmp };
}

/** startedSession is the session if one was started (for the failure screenshot), without starting one. */
export async function startedSession(): Promise<Session | undefined> {
  return started?.catch(() => undefined);
}

/** stopSession closes the browser and code-server, keeps code-server's log among the artifacts. */
export async function stopSession(): Promise<void> {
  if (!started) return;
  const s = await started.catch(() => undefined);
  started = undefined;
  if (!s) return;
  if (s.browser.blocked.length > 0) console.log(`    blocked ${s.browser.blocked.length} non-loopback request(s): ${[...new Set(s.browser.blocked)].join(', ')}`);
  await s.browser.close().catch(() => undefined);
  await s.codeServer.stop();
  try {
    copyFileSync(join(s.tmp, 'code-server.log'), join(s.workbench.artifacts, 'code-server.log'));
  } catch {
    // no log written
  }
  if (process.env.GML_E2E_KEEP !== '1') rmSync(s.tmp, { recursive: true, force: true });
  else console.log(`    kept ${s.tmp}`);
}
