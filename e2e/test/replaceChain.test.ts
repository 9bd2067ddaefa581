/**
 * replace-chain in a real VS Code (code-server): main-module replaces A with ./A, and A replaces B
 * with ../B, a replace Go ignores. The workbench must show the warnings, list them in the Problems
 * panel, explain them on hover, and the quick fix must write `replace B => ./B` into ws/go.mod.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGolden } from '../src/fixtures';
import { Session, session } from '../src/session';
import { waitFor, Workbench } from '../src/workbench';

const FIX_TITLE = 'Add "replace B => ./B" to ../go.mod';

describe('code-server: replace-chain', function () {
  let s: Session;
  let wb: Workbench;
  let aGoMod: string;
  let rootGoMod: string;

  before(async function () {
    this.timeout(240_000);
    s = await session();
    wb = s.workbench;
    aGoMod = join(s.replaceChain.folder, 'A', 'go.mod');
    rootGoMod = join(s.replaceChain.folder, 'go.mod');
    await wb.openFolder(s.replaceChain.folder);
  });

  it('activates on A/go.mod: the status bar item and the warning squiggle on the replace line', async () => {
    await wb.openFile(aGoMod);
    const status = await waitFor('the status bar item', () => wb.statusText(), (t) => t === 'A · 2 modules', 60_000);
    assert.equal(status, 'A · 2 modules');
    await waitFor('a warning squiggle on the replace line', () => wb.hasSquiggle(wb.editorLine('replace B => ../B'), 'warning'), (x) => x);
    await wb.screenshot('replace-chain-A-go.mod');
  });

  it('lists replace-ineffective and replace-missing in the Problems panel', async () => {
    await wb.openFile(rootGoMod);
    const rows = await wb.showProblems();
    const texts = await waitFor('the go-mod-lens problems', () => rows.allTextContents(),
      (t) => t.some((x) => x.includes('ignored when building main-module')) && t.some((x) => x.includes('B is replaced by a local directory in ./A/go.mod')));
    const ineffective = texts.find((x) => x.includes('ignored when building main-module'))!;
    const missing = texts.find((x) => x.includes('B is replaced by a local directory in ./A/go.mod'))!;
    assert.match(ineffective, /replace-ineffective/, `the Problems row names the code: ${ineffective}`);
    assert.match(missing, /replace-missing/, `the Problems row names the code: ${missing}`);
    await wb.screenshot('replace-chain-problems');
  });

  it("explains on hover that A's replace is ignored", async () => {
    await wb.openFile(aGoMod);
    const hover = await wb.hoverOn(wb.editorLine('replace B => ../B'), 'B', 'Ignored here');
    assert.match(await hover.innerText(), /Ignored here: not the main module/);
    await wb.screenshot('replace-chain-hover-ignored-replace');
    await wb.page.keyboard.press('Escape');
  });

  it('quick fix on the replace line writes replace B => ./B into ../go.mod (add-replace.golden)', async () => {
    await wb.openFile(aGoMod);
    await wb.clickOnText(wb.editorLine('replace B => ../B'), 'replace');
    const rows = await wb.quickFixMenu();
    const fix = rows.filter({ hasText: FIX_TITLE }).first();
    await fix.waitFor({ timeout: 30_000 }).catch(async (e) => {
      throw new Error(`no "${FIX_TITLE}" in the Quick Fix menu: ${JSON.stringify(await rows.allTextContents())}; ${e}`);
    });
    await wb.screenshot('replace-chain-quick-fix-menu');
    await fix.click();
    await rows.first().waitFor({ state: 'hidden' });
    await wb.runCommand('File: Save All');
    const golden = readGolden('replace-chain', 'add-replace.golden');
    const onDisk = await waitFor('ws/go.mod on disk to equal add-replace.golden', async () => readFileSync(rootGoMod, 'utf8'), (t) => t === golden, 20_000)
      .catch(() => readFileSync(rootGoMod, 'utf8'));
    assert.equal(onDisk, golden);
    await wb.openFile(rootGoMod);
    await wb.editorLine('replace B => ./B').waitFor();
    const rowsAfter = await wb.showProblems();
    await waitFor('replace-missing to leave the Problems panel', () => rowsAfter.allTextContents(), (t) => !t.some((x) => x.includes('replace-missing')));
    await wb.screenshot('replace-chain-after-quick-fix');
  });
});
