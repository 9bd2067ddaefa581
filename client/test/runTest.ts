/**
 * runTest runs the extension's integration suite (client/test/suite) in a real VS Code through
 * @vscode/test-electron, once per fixture workspace (a temp copy of test-fixtures/lsp/<name>/ws).
 * VS Code is $VSCODE_EXECUTABLE when set, else downloaded (cached under $GML_E2E_CACHE/vscode-test).
 * Where it can be neither, the run skips with one line saying why and exits 0: offline machines
 * cannot download VS Code (e2e/, in code-server, covers the same scenarios there).
 */
import { spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const repoRoot = resolve(__dirname, '..', '..', '..');
const DOWNLOAD_HOST = 'update.code.visualstudio.com';

/** SCENARIOS: the fixture each suite file runs on, and its workspace settings. */
const SCENARIOS: { suite: string; fixture: string; settings: (root: string) => Record<string, unknown> }[] = [
  { suite: 'replaceChain', fixture: 'replace-chain', settings: () => ({ 'goModLens.network': false }) },
  { suite: 'mvsExample', fixture: 'mvs-example', settings: (root) => ({ 'goModLens.moduleCache': join(root, 'modcache'), 'goModLens.network': false }) },
];

async function main(): Promise<void> {
  const executable = process.env.VSCODE_EXECUTABLE || undefined;
  if (!executable) {
    const reason = await whyNoDownload();
    if (reason) {
      console.log(`test:vscode skipped: VS Code cannot be downloaded here (${reason}); set VSCODE_EXECUTABLE to a local VS Code to run it, or see npm run test:e2e`);
      return;
    }
  }
  const built = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const tmp = mkdtempSync(join(tmpdir(), 'gml-vscode-test-'));
  let failed = 0;
  try {
    for (const s of SCENARIOS) failed += await runScenario(tmp, s, executable);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (failed > 0) throw new Error(`${failed} scenario(s) failed`);
}

async function runScenario(tmp: string, s: (typeof SCENARIOS)[number], executable: string | undefined): Promise<number> {
  const root = join(tmp, s.fixture);
  cpSync(join(repoRoot, 'test-fixtures', 'lsp', s.fixture), root, { recursive: true });
  const folder = join(root, 'ws');
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify(s.settings(root), null, 2));
  const home = join(tmp, `home-${s.suite}`);
  mkdirSync(join(home, 'empty-modcache'), { recursive: true });
  console.log(`test:vscode: ${s.suite} on ${folder}`);
  try {
    await runTests({
      vscodeExecutablePath: executable,
      version: process.env.VSCODE_VERSION || undefined,
      cachePath: join(cacheDir(), 'vscode-test'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(__dirname, 'suite', 'index'),
      launchArgs: [
        folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        '--user-data-dir', join(home, 'user-data'), '--extensions-dir', join(home, 'extensions'),
      ],
      extensionTestsEnv: {
        GML_SUITE: s.suite,
        GML_FIXTURE_ROOT: root,
        // the language server inherits the extension host's environment: offline, no caches of ours
        GOPROXY: 'off', GOFLAGS: '-mod=mod', GOENV: 'off', GOSUMDB: 'off', GOTOOLCHAIN: 'local',
        GOMODCACHE: join(home, 'empty-modcache'), GOMODLENS_CACHE_DIR: 'off',
      },
    });
    return 0;
  } catch (e) {
    console.error(`test:vscode: ${s.suite} failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

function cacheDir(): string {
  return process.env.GML_E2E_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'go-mod-lens-e2e');
}

/** whyNoDownload says why VS Code cannot be downloaded (DNS or HTTPS to its update server fails), within seconds. */
async function whyNoDownload(): Promise<string | undefined> {
  const timeout = <T>(p: Promise<T>, ms: number, what: string) =>
    Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms).unref())]);
  try {
    await timeout(lookup(DOWNLOAD_HOST), 3000, `DNS lookup of ${DOWNLOAD_HOST}`);
    await timeout(headStatus(`https://${DOWNLOAD_HOST}/api/releases/stable`), 5000, `HTTPS to ${DOWNLOAD_HOST}`);
    return undefined;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return err.code ? `${err.syscall ?? 'request'} ${err.code} for ${DOWNLOAD_HOST}` : err.message;
  }
}

function headStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'HEAD' }, (res) => {
      res.resume();
      if ((res.statusCode ?? 0) >= 500) reject(new Error(`HTTPS to ${DOWNLOAD_HOST} answered ${res.statusCode}`));
      else resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
