/**
 * Dependency health in a real VS Code (code-server), issue 17's editor features seen as a user sees
 * them: on the upgrades fixture the "v1.1.0 available" inlay hint and the upgrade code action, which
 * edits go.mod as go get would; on the vulnerable fixture (goModLens.vulnDB naming its database)
 * the vulnerable warning on the require line that brings the affected module and its entry in the
 * Problems panel.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from '../src/fixtures';
import { Session, session } from '../src/session';
import { waitFor, Workbench } from '../src/workbench';

describe('code-server: dependency health (upgrades, vulnerabilities)', function () {
  let s: Session;
  let wb: Workbench;

  before(async function () {
    this.timeout(240_000);
    s = await session();
    wb = s.workbench;
  });

  it('upgrades: the "v1.1.0 available" hint, and the upgrade code action shows what go get would change, then edits go.mod', async () => {
    const fx = copyFixture(join(s.tmp, 'health'), 'upgrades', (root) => ({ 'goModLens.moduleCache': join(root, 'modcache'), 'goModLens.network': false }));
    await wb.openFolder(fx.folder);
    await wb.openFile(join(fx.folder, 'go.mod'));
    const line = wb.editorLine('example.com/a v1.0.0');
    const hints = await waitFor('the upgrade hint of the example.com/a line', () => wb.inlayHints(line), (h) => h.includes('v1.1.0 available'), 60_000);
    assert.deepEqual(hints, ['v1.1.0 available']);
    assert.deepEqual(await wb.inlayHints(wb.editorLine('example.com/b v1.0.0')), [], 'b: its only newer version is retracted');
    await wb.screenshot('health-upgrade-hint');
    await wb.clickOnText(line, 'example.com/a');
    const rows = await wb.quickFixMenu();
    // with the extension's what-if preview, the action asks before it edits (go get's own words)
    const upgrade = rows.filter({ hasText: /Upgrade example\.com\/a to v1\.1\.0/ }).first();
    await upgrade.waitFor({ timeout: 30_000 }).catch(async (e) => {
      throw new Error(`no upgrade action in the menu: ${JSON.stringify(await rows.allTextContents())}; ${e}`);
    });
    await wb.screenshot('health-upgrade-action');
    await upgrade.click();
    await rows.first().waitFor({ state: 'hidden' });
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match(await dialog.innerText(), /go get example\.com\/a@v1\.1\.0 would:\s+upgraded example\.com\/a v1\.0\.0 => v1\.1\.0/);
    await wb.screenshot('health-upgrade-what-if');
    await dialog.locator('.monaco-button', { hasText: 'Apply to go.mod' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await wb.runCommand('File: Save All');
    const onDisk = await waitFor('go.mod with a at v1.1.0', async () => readFileSync(join(fx.folder, 'go.mod'), 'utf8'), (t) => /\texample\.com\/a v1\.1\.0\n/.test(t), 20_000);
    assert.match(onDisk, /\texample\.com\/b v1\.0\.0\n/, 'nothing else moved');
  });

  it('vulnerable: a warning on the require that brings the affected module, listed in the Problems panel', async () => {
    const fx = copyFixture(join(s.tmp, 'health'), 'vulnerable', (root) => ({ 'goModLens.moduleCache': join(root, 'modcache'), 'goModLens.vulnDB': join(root, 'vulndb'), 'goModLens.network': false }));
    await wb.openFolder(fx.folder);
    await wb.openFile(join(fx.folder, 'go.mod'));
    const line = wb.editorLine('example.com/a v1.0.0');
    await waitFor('the warning squiggle on the example.com/a line', () => wb.hasSquiggle(line, 'warning'), (x) => x, 60_000);
    const problems = await wb.showProblems();
    const texts = await waitFor('the vulnerable problems', () => problems.allTextContents(), (t) => t.some((x) => x.includes('GO-2099-0001')));
    const a = texts.filter((x) => x.includes('GO-2099-0001'));
    assert.equal(a.length, 1, JSON.stringify(texts));
    assert.match(a[0], /1 known vulnerability in example\.com\/b@v1\.1\.0, required through example\.com\/a@v1\.0\.0/);
    await wb.screenshot('health-vulnerable-problems');
  });
});
