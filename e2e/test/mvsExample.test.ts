/**
 * mvs-example in a real VS Code (code-server): the main module requires example.com/a v1.1.0, and
 * example.com/c v1.0.0 requires a v1.3.0, so MVS selects v1.3.0. The go.mod files of the graph come
 * from the fixture's module cache (goModLens.moduleCache in ws/.vscode/settings.json).
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { Session, session } from '../src/session';
import { waitFor, Workbench } from '../src/workbench';

describe('code-server: mvs-example', function () {
  let s: Session;
  let wb: Workbench;

  before(async function () {
    this.timeout(240_000);
    s = await session();
    wb = s.workbench;
    await wb.openFolder(s.mvs.folder);
    await wb.openFile(join(s.mvs.folder, 'go.mod'));
  });

  it('renders the inlay hint "→ v1.3.0" on the example.com/a v1.1.0 require line', async () => {
    const line = wb.editorLine('example.com/a v1.1.0');
    const hints = await waitFor('the inlay hints of the example.com/a line', () => wb.inlayHints(line), (h) => h.includes('→ v1.3.0'), 60_000);
    assert.deepEqual(hints, ['→ v1.3.0']);
    await wb.screenshot('mvs-inlay-hint');
  });

  it('explains the selection on hover over example.com/a: version and requirement chain', async () => {
    const hover = await wb.hoverOn(wb.editorLine('example.com/a v1.1.0'), 'example.com/a', 'Selected by MVS');
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Selected by MVS: v1\.3\.0/);
    assert.ok(text.includes('example.com/main → example.com/c@v1.0.0 → example.com/a@v1.3.0'), text);
    assert.equal(await hover.locator('code', { hasText: /^v1\.3\.0$/ }).count() > 0, true, 'v1.3.0 is rendered as code');
    await wb.screenshot('mvs-hover-selection-chain');
    await wb.page.keyboard.press('Escape');
  });

  it('lists the raised requirement once in the Problems panel (not-tidy, saying why)', async () => {
    const rows = await wb.showProblems();
    const texts = await waitFor('the not-tidy problem', () => rows.allTextContents(),
      (t) => t.some((x) => x.includes('MVS selects v1.3.0, required by example.com/c v1.0.0')));
    const raised = texts.filter((x) => x.includes('example.com/c v1.0.0'));
    assert.equal(raised.length, 1, `one problem for the a line: ${JSON.stringify(texts)}`);
    assert.match(raised[0], /not-tidy/);
    await wb.screenshot('mvs-problems');
  });

  it('shows "example.com/main · 4 modules" in the status bar', async () => {
    await wb.openFile(join(s.mvs.folder, 'go.mod'));
    // waits for the final text: while the graph loads the item may be hidden or say less
    const text = await waitFor('the status bar item', () => wb.statusText(), (t) => t === 'example.com/main · 4 modules', 60_000);
    assert.equal(text, 'example.com/main · 4 modules');
    await wb.screenshot('mvs-status-bar-item', wb.page.locator('.part.statusbar'));
  });

  it('Go Mod Lens: Show Build List opens the build list as a read-only document', async () => {
    await wb.runCommand('Go Mod Lens: Show Build List');
    const text = await waitFor('the build list in the active editor', () => wb.editorText(), (t) => t.startsWith('# go list -m all'));
    const lines = text.split('\n');
    assert.equal(lines[0], `# go list -m all — ${join(s.mvs.folder, 'go.mod')}`);
    assert.equal(lines[1], '# 4 modules');
    assert.deepEqual(lines.slice(3, 7), ['example.com/main', 'example.com/a v1.3.0', 'example.com/b v1.0.0', 'example.com/c v1.0.0']);
    await wb.clickOnText(wb.editorLine('example.com/a v1.3.0'), 'example.com/a');
    await wb.page.keyboard.type('x');
    await wb.page.locator('.monaco-editor-overlaymessage', { hasText: 'Cannot edit in read-only editor' }).waitFor({ timeout: 10_000 });
    await wb.screenshot('mvs-build-list-read-only');
    assert.equal(await wb.editorText(), text, 'typing changed nothing');
    assert.equal(await wb.activeTabTitle(), 'build list (example.com\u2215main).txt', 'the tab title names the main module (its slash shown as U+2215)');
  });
  it('what-if code lens: go get example.com/a@v1.1.0 would lower a and remove c; Apply edits go.mod, nothing else', async () => {
    await wb.openFile(join(s.mvs.folder, 'go.mod'));
    const before = await wb.editorText({ hints: false });
    // the lens over example.com/a (versions v1.1.0 and v1.3.0 in the fixture's module cache)
    const lens = wb.page.locator('.codelens-decoration a', { hasText: 'what if… (1 other version offline)' }).first();
    await lens.waitFor({ timeout: 60_000 });
    await lens.click();
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'v1.1.0' }).first().waitFor();
    await input.fill('v1.1.0');
    await wb.page.keyboard.press('Enter');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    const text = (await dialog.innerText()).replace(/\s+/g, ' ');
    assert.ok(text.includes('go get example.com/a@v1.1.0 would:'), text);
    assert.ok(text.includes('downgraded example.com/a v1.3.0 => v1.1.0') && text.includes('removed example.com/c v1.0.0'), text);
    await wb.screenshot('mvs-what-if-dialog');
    await dialog.locator('.monaco-button', { hasText: 'Apply to go.mod' }).click();
    const cLine = /^\s*example\.com\/c v1\.0\.0\s*$/m; // the requirement line (comments mention it too)
    await waitFor('the go.mod edit', () => wb.editorText(), (t) => !cLine.test(t));
    const after = await wb.editorText({ hints: false });
    const dropped = before.split('\n').filter((l) => !after.split('\n').includes(l));
    assert.deepEqual(dropped.map((l) => l.trim()), ['example.com/c v1.0.0'], 'only the c requirement is gone');
    // the screenshot shows the state after the edit: no "→ v1.3.0" on a (nothing raises it now) but the
    // upgrade the module cache lists (v1.3.0 available), 3 modules
    await waitFor('the hints after the edit', () => wb.inlayHints(wb.editorLine('example.com/a v1.1.0')), (h) => h.join() === 'v1.3.0 available', 30_000);
    await waitFor('the status bar after the edit', () => wb.statusText(), (t) => t === 'example.com/main · 3 modules', 30_000);
    await wb.screenshot('mvs-what-if-applied');
    await wb.page.keyboard.press('Control+Z');
    await waitFor('the undo', () => wb.editorText(), (t) => cLine.test(t));
  });
});
