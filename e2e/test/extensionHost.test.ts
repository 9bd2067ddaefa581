/**
 * The extension-host suite of client/test (activation, diagnostics, executeInlayHintProvider,
 * executeHoverProvider, executeCodeActionProvider + the quick fix on disk, Show Build List), the one
 * @vscode/test-electron runs where VS Code can be downloaded, run here inside code-server's Node
 * extension host by the harness extension (e2e/harness), on copies of the fixtures of its own.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { HarnessWorkspace } from '../src/harness';
import { Session, session } from '../src/session';
import { waitFor } from '../src/workbench';

describe('code-server: the extension-host suite of client/test', function () {
  let s: Session;

  before(async function () {
    this.timeout(240_000);
    s = await session();
  });

  for (const [name, pick] of [['replace-chain', (x: Session) => x.harness.replaceChain], ['mvs-example', (x: Session) => x.harness.mvs]] as const) {
    it(`passes on ${name}`, async function () {
      this.timeout(180_000);
      const ws: HarnessWorkspace = pick(s);
      await s.workbench.openFolder(ws.folder);
      await waitFor(`the harness result in ${ws.resultFile}`, async () => existsSync(ws.resultFile), (x) => x, 150_000);
      const result = JSON.parse(readFileSync(ws.resultFile, 'utf8')) as { ok: boolean; error?: string; output: string };
      console.log(result.output.replace(/^/gm, '      | '));
      await s.workbench.screenshot(`extension-host-suite-${name}`);
      if (!result.ok) assert.fail(`the extension-host suite failed (its output is above): ${(result.error ?? '').split('\n')[0]}`);
    });
  }
});
