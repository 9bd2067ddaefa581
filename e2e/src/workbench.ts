/**
 * workbench: what a person does in the VS Code workbench (open a folder, open a file, run a command,
 * hover, open the Quick Fix menu, save), each step waiting on what the workbench renders, never on
 * a fixed sleep. Selectors are VS Code's own class names and ids (1.139).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Locator, Page } from 'playwright-core';

/** STATUS_ITEM is the go-mod-lens status bar item: `<publisher>.<name>.<item id>`. */
export const STATUS_ITEM = '[id="go-mod-lens.go-mod-lens.goModLens.status"]';

export class Workbench {
  private shot = 0;

  constructor(readonly page: Page, readonly url: string, readonly artifacts: string) {
    mkdirSync(artifacts, { recursive: true });
  }

  /** openFolder loads the workbench on a folder and waits for its explorer to list files. */
  async openFolder(folder: string): Promise<void> {
    await this.page.goto(`${this.url}/?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
  }

  /**
   * openFile brings a file to the front by its absolute path: a click on its tab when it is open,
   * else Go to File (Ctrl+P) with the path, which lists it under "file results" once resolved
   * (before that the picker may still show the recently opened files). It waits until the active
   * editor is that file.
   */
  async openFile(path: string): Promise<void> {
    const tab = this.page.locator('.editor-group-container .tab', { has: this.page.locator(`.tab-label[aria-label^="${path} "], .tab-label[aria-label="${path}"]`) });
    if ((await tab.count()) > 0) {
      await tab.first().click();
    } else {
      const input = await this.quickInput('Control+P');
      await input.fill(path);
      await this.page.locator('.quick-input-list .monaco-list-row[aria-label*="file results"]').first().click({ timeout: 30_000 });
      await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }
    await waitFor(`the active editor to be ${path}`, () => this.activeEditorPath(), (p) => p === path);
    await this.editorLines().first().waitFor();
  }

  /** activeEditorPath is the path (or URI path) of the active editor, from its tab's label. */
  async activeEditorPath(): Promise<string> {
    const label = this.page.locator('.editor-group-container.active .tab.active .tab-label').first();
    if ((await label.count()) === 0) return '';
    return ((await label.getAttribute('aria-label')) ?? '').replace(/ • .*$/, '');
  }

  /** runCommand runs a command from the Command Palette by its label ("Category: Title"). */
  async runCommand(label: string): Promise<void> {
    const input = await this.quickInput('F1');
    await input.fill(`>${label}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** setColorTheme picks a colour theme by its label (Preferences: Color Theme), e.g. "Dark Modern". */
  async setColorTheme(label: string): Promise<void> {
    await this.runCommandKeepingPicker('Preferences: Color Theme');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.fill(label);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** runCommandKeepingPicker runs a command that opens a picker of its own (the widget stays visible). */
  private async runCommandKeepingPicker(label: string): Promise<void> {
    const input = await this.quickInput('F1');
    await input.fill(`>${label}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await this.page.waitForFunction(() => !(document.querySelector('.quick-input-widget .quick-input-box input') as HTMLInputElement | null)?.value.startsWith('>'));
  }

  private async quickInput(key: string): Promise<Locator> {
    if (await this.page.locator('.quick-input-widget').isVisible()) await this.page.keyboard.press('Escape');
    await this.page.keyboard.press(key);
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    return input;
  }

  /** activeTabTitle is the title of the active editor tab. */
  async activeTabTitle(): Promise<string> {
    return (await this.page.locator('.editor-group-container.active .tab.active').first().getAttribute('aria-label')) ?? '';
  }

  /** activeEditor is the editor widget of the active editor group. */
  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  editorLines(): Locator {
    return this.activeEditor().locator('.view-lines .view-line');
  }

  /** editorLine is the rendered line (document text plus injected inlay hints) containing text. */
  editorLine(text: string): Locator {
    return this.editorLines().filter({ hasText: text }).first();
  }

  /**
   * editorText is the rendered text of the active editor, lines in order, with inlay hints inline —
   * or, with hints false, the document's own text only (inlay hints come and go as the server
   * answers, so a before/after comparison of an edit must leave them out).
   */
  async editorText(opts: { hints?: boolean } = {}): Promise<string> {
    const hints = opts.hints ?? true;
    const lines = await this.editorLines().evaluateAll((els, withHints) => els.map((e) => {
      const copy = e.cloneNode(true) as HTMLElement;
      if (!withHints) copy.querySelectorAll('span[class*="dyn-rule-"]').forEach((h) => h.remove());
      return { top: parseFloat((e as HTMLElement).style.top), text: copy.textContent ?? '' };
    }), hints);
    return lines.sort((a, b) => a.top - b.top).map((l) => l.text.replace(/\u00a0/g, ' ')).join('\n');
  }

  /** hasSquiggle says whether a rendered line carries a squiggle of that severity (on the overlay at its height). */
  async hasSquiggle(line: Locator, severity: 'error' | 'warning' | 'info'): Promise<boolean> {
    const top = await line.evaluate((e) => (e as HTMLElement).style.top);
    const overlays = this.activeEditor().locator('.view-overlays > div').filter({ has: this.page.locator(`.squiggly-${severity}`) });
    const tops = await overlays.evaluateAll((els) => els.map((e) => (e as HTMLElement).style.top));
    return tops.includes(top);
  }

  /** inlayHints lists the injected texts (inlay hints) rendered on a line. */
  async inlayHints(line: Locator): Promise<string[]> {
    const texts = await line.locator('span[class*="dyn-rule-"]').allTextContents();
    return texts.map((t) => t.replace(/\u00a0/g, ' ').trim()).filter((t) => t !== '');
  }

  /** clickOnText puts the cursor on the first occurrence of a token of a rendered line. */
  async clickOnText(line: Locator, token: string): Promise<void> {
    await line.locator('span span', { hasText: token }).first().click();
  }

  /** hoverOn moves the mouse over a token of a line and returns the hover widget once it shows text. */
  async hoverOn(line: Locator, token: string, contains: string): Promise<Locator> {
    const target = line.locator('span span', { hasText: token }).first();
    const hover = this.page.locator('.monaco-hover:not(.hidden)', { hasText: contains }).first();
    const deadline = Date.now() + 30_000;
    for (;;) {
      await target.waitFor({ state: 'visible' });
      const box = await target.boundingBox(); // null when the line was re-rendered meanwhile
      if (box) {
        await this.page.mouse.move(box.x + 2, box.y + box.height / 2);
        await this.page.mouse.move(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2, { steps: 4 });
        try {
          await hover.waitFor({ state: 'visible', timeout: 5_000 });
          return hover;
        } catch (e) {
          if (Date.now() > deadline) throw e;
          await this.page.mouse.move(5, 5); // leave and come back: the server may have been busy
        }
      } else if (Date.now() > deadline) {
        throw new Error(`"${token}" is not rendered`);
      }
    }
  }

  /** quickFixMenu opens the Quick Fix menu (Ctrl+.) at the cursor and returns its rows. */
  async quickFixMenu(): Promise<Locator> {
    await this.page.keyboard.press('Control+.');
    const rows = this.page.locator('.action-widget .monaco-list-row');
    await rows.first().waitFor({ timeout: 30_000 });
    return rows;
  }

  /** showProblems opens the Problems panel and returns its rows. */
  async showProblems(): Promise<Locator> {
    await this.runCommand('View: Focus Problems');
    const panel = this.page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible' });
    return panel.locator('.monaco-list-row');
  }

  statusItem(): Locator {
    return this.page.locator(STATUS_ITEM);
  }

  /** statusText is the go-mod-lens status bar text without its icon, or '' while hidden. */
  async statusText(): Promise<string> {
    const item = this.statusItem();
    if (!(await item.isVisible())) return '';
    return ((await item.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  /** screenshot saves the whole workbench (or one element) as NN-name.png in the artifacts folder. */
  async screenshot(name: string, element?: Locator): Promise<string> {
    this.shot += 1;
    const path = join(this.artifacts, `${String(this.shot).padStart(2, '0')}-${name}.png`);
    if (element) await element.screenshot({ path });
    else await this.page.screenshot({ path });
    return path;
  }
}

/** waitFor polls an async condition until it holds or the deadline passes (the last value is in the error). */
export async function waitFor<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
    last = await probe();
  }
  return last;
}
