/**
 * The module graph view, end to end: in code-server (Go Mod Lens: Show Module Graph on mvs-example,
 * select example.com/a, check the highlighted chain main → c@v1.0.0 → a@v1.3.0), on a generated
 * 2,000-module graph (time from the command to the first drawing, target < 1 s; the clustered
 * overview), and the same page exported by `go-mod-lens graph --html` and opened in headless
 * Chromium (keyboard, SVG and PNG export, light, dark and forced-colours themes). On every drawing:
 * no two drawn label boxes intersect, and every label lies inside the graph pane (never under the
 * side panel).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Frame, Page } from 'playwright-core';
import { repoRoot } from '../src/paths';
import { Session, session } from '../src/session';
import { waitFor, Workbench } from '../src/workbench';

const CLI = join(repoRoot, 'bin', 'go-mod-lens.js');
const CHAIN_A = [['example.com/main', 'example.com/c@v1.0.0', 'example.com/a@v1.3.0']];
const OPEN_BUDGET_MS = 1000;

/** writeBigGraph writes a main module and a module cache of n module paths (1–3 versions, unpruned go 1.16 so every go.mod is read). */
function writeBigGraph(root: string, n: number): { folder: string; modcache: string } {
  let seed = 7;
  const rnd = (k: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % k;
  };
  const path = (i: number): string => `example.com/g${i}`;
  const versions = (i: number): string[] => Array.from({ length: 1 + (i % 3) }, (_, k) => `v1.${k}.0`);
  const reqs = (i: number): string[] => {
    const out = new Set<string>();
    const fan = i + 1 < n ? 1 + rnd(3) : 0;
    for (let k = 0; k < fan; k++) {
      const j = i + 1 + rnd(Math.min(n - i - 1, 40));
      out.add(`require ${path(j)} ${versions(j)[rnd(versions(j).length)]}`);
    }
    return [...out];
  };
  const modcache = join(root, 'modcache');
  for (let i = 1; i < n; i++) {
    const dir = join(modcache, 'cache', 'download', path(i), '@v');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'list'), versions(i).join('\n') + '\n');
    for (const v of versions(i)) writeFileSync(join(dir, `${v}.mod`), `module ${path(i)}\n\ngo 1.16\n\n${reqs(i).join('\n')}\n`);
  }
  const folder = join(root, 'ws');
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  const direct = Array.from({ length: 12 }, (_, k) => `require ${path(1 + k)} ${versions(1 + k)[0]}`);
  writeFileSync(join(folder, 'go.mod'), `module example.com/big\n\ngo 1.16\n\n${direct.join('\n')}\n`);
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'goModLens.moduleCache': modcache, 'goModLens.network': false }, null, 2));
  return { folder, modcache };
}

/** graphFrame is the frame of the module graph webview once its page has built its controls. */
async function graphFrame(page: Page): Promise<Frame> {
  return waitFor('the module graph webview', () => findGraphFrame(page), (f) => f !== undefined, 30_000) as Promise<Frame>;
}

async function findGraphFrame(page: Page): Promise<Frame | undefined> {
  for (const f of page.frames()) {
    if (await f.locator('#gml-status').count().catch(() => 0)) return f;
  }
  return undefined;
}

/**
 * labels: the drawn label boxes inside the graph pane, how many pairs intersect, and how many reach
 * outside the pane (under the side panel or off the edge).
 */
async function labels(frame: Frame): Promise<{ drawn: number; overlaps: string[]; outside: string[]; texts: string[] }> {
  return frame.evaluate(() => {
    const pane = (document.getElementById('gml-graph') as HTMLElement).getBoundingClientRect();
    const all = [...document.querySelectorAll('#gml-graph text.gml-label')].map((e) => ({ text: e.textContent ?? '', r: e.getBoundingClientRect() }));
    const seen = all.filter(({ r }) => r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom);
    const overlaps: string[] = [];
    for (let i = 0; i < seen.length; i++) {
      for (let j = i + 1; j < seen.length; j++) {
        const [a, b] = [seen[i].r, seen[j].r];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps.push(`${seen[i].text} × ${seen[j].text}`);
      }
    }
    const outside = all.filter(({ r }) => r.left < pane.left - 0.5 || r.right > pane.right + 0.5 || r.top < pane.top - 0.5 || r.bottom > pane.bottom + 0.5).map((x) => x.text);
    return { drawn: seen.length, overlaps, outside, texts: seen.map((x) => x.text) };
  });
}

/** readable: after fitting, every label drawn, none overlapping, all inside the pane. */
async function assertReadable(frame: Frame, what: string): Promise<number> {
  const l = await labels(frame);
  assert.ok(l.drawn > 0, `${what}: labels drawn`);
  assert.deepEqual(l.overlaps, [], `${what}: label boxes intersect`);
  assert.deepEqual(l.outside, [], `${what}: labels outside the graph pane`);
  return l.drawn;
}

/** relayout runs an action and waits for the drawing it causes. */
async function relayout(frame: Frame, action: () => Promise<unknown>): Promise<Record<string, string>> {
  const before = (await status(frame)).layout;
  await action();
  return waitFor('the new drawing', () => status(frame), (x) => x.layout !== before, 60_000);
}

async function status(frame: Frame): Promise<Record<string, string>> {
  return frame.locator('#gml-status').evaluate((e) => ({ ...(e as HTMLElement).dataset }) as Record<string, string>);
}

/** selectBySearch types a path in the search box and presses Enter; returns the highlighted chains. */
async function selectBySearch(frame: Frame, path: string): Promise<{ selected: string; chains: string[][] }> {
  await frame.locator('#gml-search').fill(path);
  await frame.locator('#gml-search').press('Enter');
  const s = await waitFor(`the selection of ${path}`, () => status(frame), (x) => (x.selected ?? '').startsWith(path));
  return { selected: s.selected, chains: JSON.parse(s.chains) as string[][] };
}

describe('module graph view', function () {
  let s: Session;
  let wb: Workbench;
  const timings: string[] = [];

  before(async function () {
    this.timeout(240_000);
    s = await session();
    wb = s.workbench;
  });

  after(() => {
    if (timings.length > 0) console.log(`    ${timings.join('\n    ')}`);
  });

  it('code-server: Show Module Graph on mvs-example, select example.com/a, the chain main → c → a@v1.3.0 is highlighted', async () => {
    await wb.openFolder(s.mvs.folder);
    await wb.openFile(join(s.mvs.folder, 'go.mod'));
    await waitFor('the status bar item', () => wb.statusText(), (t) => t === 'example.com/main · 4 modules', 60_000);
    await wb.runCommand('Go Mod Lens: Show Module Graph');
    const frame = await graphFrame(wb.page);
    await waitFor('the drawn layout', () => status(frame), (x) => x.ready !== undefined);
    assert.equal(await wb.activeTabTitle(), 'Module Graph (example.com/main)');
    // the first view: the main module and its direct requirements, every label drawn, none cut off or overlapping
    await assertReadable(frame, 'mvs-example, first view');
    assert.deepEqual((await labels(frame)).texts.sort(), ['example.com/a@v1.3.0', 'example.com/b@v1.0.0', 'example.com/c@v1.0.0', 'example.com/main']);
    const { selected, chains } = await selectBySearch(frame, 'example.com/a');
    assert.equal(selected, 'example.com/a@v1.3.0');
    assert.deepEqual(chains, CHAIN_A);
    const details = await frame.locator('#gml-details').innerText();
    assert.match(details, /Selected by minimal version selection: v1\.3\.0/);
    assert.match(details, /example\.com\/b@v1\.0\.0 requires v1\.1\.0/);
    // the lost version: its panel points to the selected one, and the same chain explains it
    const lost = await selectBySearch(frame, 'example.com/a@v1.1.0');
    assert.deepEqual(lost.chains, CHAIN_A);
    assert.match(await frame.locator('#gml-details').innerText(), /Not selected: a higher requirement wins, MVS selects example\.com\/a@v1\.3\.0/);
    await selectBySearch(frame, 'example.com/a');
    await assertReadable(frame, 'mvs-example, a selected');
    await wb.screenshot('graph-view-mvs-chain');
    // SVG: the page hands the drawing to the extension, which asks where to save it (code-server's own save dialog)
    const saved = join(s.mvs.folder, 'module-graph.svg');
    await frame.locator('#gml-svg').click();
    const dialog = wb.page.locator('.quick-input-widget .quick-input-box input');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await waitFor('the save dialog\'s default name', () => dialog.inputValue(), (v) => v.endsWith('module-graph.svg'));
    await dialog.press('Enter');
    const svg = await waitFor('the saved SVG', async () => (existsSync(saved) ? readFileSync(saved, 'utf8') : ''), (t) => t.includes('</svg>'));
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const id of ['example.com/main', 'example.com/c@v1.0.0', 'example.com/a@v1.3.0']) assert.ok(svg.includes(`>${id}</text>`), `${id} in the saved SVG`);
    rmSync(saved); // the later scenarios' screenshots show the workspace as it was
    // VS Code's themes reach the page as its CSS variables and body class: dark and high contrast, then back
    try {
      for (const [theme, shot] of [['Dark Modern', 'dark'], ['Dark High Contrast', 'high-contrast']]) {
        await wb.setColorTheme(theme);
        await waitFor(`the webview in ${theme}`, () => frame.evaluate(() => document.body.className), (c) => c.includes(shot === 'dark' ? 'vscode-dark' : 'vscode-high-contrast'));
        await assertReadable(frame, `mvs-example in ${theme}`);
        await wb.screenshot(`graph-view-theme-${shot}`);
      }
    } finally {
      await wb.setColorTheme('Light Modern');
    }
  });

  it('code-server: opens a 2,000-module graph (command to first drawing, timed against the 1 s target), readable, with its overview', async function () {
    this.timeout(300_000);
    const big = writeBigGraph(join(s.tmp, 'big-graph'), 2000);
    await wb.openFolder(big.folder);
    await wb.openFile(join(big.folder, 'go.mod'));
    const count = await waitFor('the status bar item of the big graph', () => wb.statusText(), (t) => /^example\.com\/big · \d+ modules$/.test(t), 120_000);
    const t0 = Date.now();
    await wb.runCommand('Go Mod Lens: Show Module Graph');
    const frame = await graphFrame(wb.page);
    const st = await waitFor('the drawn layout', () => status(frame), (x) => x.ready !== undefined, 60_000);
    const ms = Date.now() - t0;
    const nodes = await frame.locator('#gml-summary').innerText();
    // from the command's handler (the extension host) to the page's first drawing; `ms` adds the palette typing
    const opened = Number(st.readyAt) - Number(st.invoked);
    // ours: the server's answer, and the page from its start to the drawing (code-server creating the webview in between is not)
    const ours = Number(st.answered) - Number(st.invoked) + Number(st.ready);
    timings.push(`code-server: ${nodes} (${count}): command → drawn layout ${opened} ms, of it ours ${ours} ms, target < ${OPEN_BUDGET_MS} ms of ours: ${ours < OPEN_BUDGET_MS ? 'met' : 'MISSED'}; ${ms} ms with the command palette typed; server answered after ${Number(st.answered) - Number(st.invoked)} ms, page started after ${Number(st.origin) - Number(st.invoked)} ms, page marks ${st.marks}, drawn at ${st.ready} ms of the page (layout in ${st.worker === 'yes' ? 'a worker' : 'the page'}: ${st.layoutMs} ms, round trip with the worker's start ${st.roundTripMs} ms)`);
    assert.equal(st.worker, 'yes', 'the layout ran in a Web Worker');
    await assertReadable(frame, '2,000 modules, first view');
    await wb.screenshot('graph-view-2000-modules');
    const ov = await relayout(frame, () => frame.locator('#gml-overview').click());
    assert.equal(ov.mode, 'overview');
    const boxes = await assertReadable(frame, '2,000 modules, overview');
    timings.push(`code-server: the 2,000-module overview: ${boxes} boxes drawn, laid out in ${ov.layoutMs} ms`);
    await wb.screenshot('graph-view-2000-overview');
    // speed is measured, not asserted (a loaded CI machine must not fail the suite): the figure is printed against the target
  });

  describe('go-mod-lens graph --html', () => {
    let server: Server;
    let base: string;
    const dir = (): string => join(s.tmp, 'html');

    before(async () => {
      mkdirSync(dir(), { recursive: true });
      server = createServer((req, res) => {
        try {
          res.end(readFileSync(join(dir(), decodeURIComponent((req.url ?? '/').slice(1)))));
        } catch {
          res.statusCode = 404;
          res.end();
        }
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => server.close());

    function exportHtml(ws: string, modcache: string, out: string): string {
      const r = spawnSync(process.execPath, [CLI, 'graph', '--html', join(dir(), out), ws], {
        env: { ...process.env, GOMODCACHE: modcache, GOPROXY: 'off', GOFLAGS: '', GOMODLENS_CACHE_DIR: 'off', GOTOOLCHAIN: 'local' }, encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '', 'nothing on stdout with --html');
      return readFileSync(join(dir(), out), 'utf8');
    }

    it('writes one self-contained file (CSP, inline model) that shows the same chain in Chromium, offline', async () => {
      const html = exportHtml(s.mvs.folder, join(s.mvs.root, 'modcache'), 'mvs.html');
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-[^']+'; style-src 'unsafe-inline'; img-src data:; worker-src blob:">/);
      assert.ok(html.includes('"id":"example.com/a@v1.3.0"'), 'the model is inlined');
      assert.doesNotMatch(html, /<script[^>]+src=|<link /, 'no external script or stylesheet');
      const page = await s.browser.context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`${base}/mvs.html`);
      const frame = page.mainFrame();
      const st = await waitFor('the drawn layout', () => status(frame), (x) => x.ready !== undefined);
      assert.equal(st.worker, 'yes');
      const { chains } = await selectBySearch(frame, 'example.com/a');
      assert.deepEqual(chains, CHAIN_A);
      await wb.screenshot('graph-html-mvs-chain', page.locator('body'));
      // the keyboard: Escape goes back (no selection), Home goes to the main module, an arrow to a requirement, Enter focuses it
      await relayout(frame, () => page.locator('#gml-graph').press('Escape'));
      assert.equal((await status(frame)).selected, undefined);
      await page.locator('#gml-graph').press('Home');
      assert.equal((await status(frame)).cursor, 'example.com/main');
      await page.locator('#gml-graph').press('ArrowRight');
      const cursor = (await status(frame)).cursor;
      assert.match(cursor, /^example\.com\/[abc]@/);
      await relayout(frame, () => page.locator('#gml-graph').press('Enter'));
      assert.equal((await status(frame)).selected, cursor);
      // SVG and PNG of the view, saved by the browser
      for (const [button, check] of [['#gml-svg', (b: Buffer) => /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/.test(b.toString('utf8')) && b.toString('utf8').includes('example.com/main')], ['#gml-png', (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))]] as const) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
        const file = join(dir(), download.suggestedFilename());
        await download.saveAs(file);
        assert.ok(check(readFileSync(file)), `${button}: ${download.suggestedFilename()}`);
      }
      // themes: the reader's dark scheme and forced colours (high contrast), as VS Code's themes are its variables
      for (const [name, media] of [['light', { colorScheme: 'light' }], ['dark', { colorScheme: 'dark' }], ['high-contrast', { forcedColors: 'active' }]] as const) {
        await page.emulateMedia(media);
        await page.waitForTimeout(100);
        await assertReadable(frame, `theme ${name}`);
        await wb.screenshot(`graph-html-theme-${name}`, page.locator('body'));
      }
      assert.deepEqual(requests.filter((u) => !u.startsWith('blob:')), [`${base}/mvs.html`], 'the page loads nothing else');
      await page.close();
    });

    it('shows workspace strings as text: a replacement directory written as HTML and a Markdown link stays text in the details (issue 20)', async () => {
      const ws = join(s.tmp, 'inject', 'ws');
      const evil = './b <img src=x id=gml-evil> [run](command:goModLens.restartServer)';
      mkdirSync(join(ws, evil), { recursive: true });
      writeFileSync(join(ws, 'go.mod'), `module example.com/inj\n\ngo 1.21\n\nrequire example.com/b v1.0.0\n\nreplace example.com/b => "${evil}"\n`);
      writeFileSync(join(ws, evil, 'go.mod'), 'module example.com/b\n\ngo 1.21\n');
      exportHtml(ws, join(s.tmp, 'inject', 'modcache'), 'inject.html');
      const page = await s.browser.context.newPage();
      await page.goto(`${base}/inject.html`);
      const frame = page.mainFrame();
      await waitFor('the drawn layout', () => status(frame), (x) => x.ready !== undefined);
      await selectBySearch(frame, 'example.com/b');
      const details = await frame.locator('#gml-details').innerText();
      assert.ok(details.includes(`Replaced by ${evil}.`), details);
      assert.equal(await frame.locator('#gml-evil, #gml-details img').count(), 0, 'no element made from the path');
      assert.equal(await frame.locator('a[href^="command:"]').count(), 0, 'no command link');
      await page.close();
    });

    it('opens a 2,000-module export (navigation to first drawing, timed against the 1 s target)', async function () {
      this.timeout(120_000);
      const big = writeBigGraph(join(s.tmp, 'big-html'), 2000);
      exportHtml(big.folder, big.modcache, 'big.html');
      const page = await s.browser.context.newPage();
      const t0 = Date.now();
      await page.goto(`${base}/big.html`);
      const st = await waitFor('the drawn layout', () => status(page.mainFrame()), (x) => x.ready !== undefined, 60_000);
      const ms = Date.now() - t0;
      const nodes = await page.locator('#gml-summary').innerText();
      timings.push(`graph --html: ${nodes}: navigation → drawn layout ${ms} ms, target < ${OPEN_BUDGET_MS} ms: ${ms < OPEN_BUDGET_MS ? 'met' : 'MISSED'} (page says ${st.ready} ms; layout ${st.layoutMs} ms in ${st.worker === 'yes' ? 'a worker' : 'the page'}, round trip with the worker's start ${st.roundTripMs} ms)`);
      await assertReadable(page.mainFrame(), 'graph --html, 2,000 modules');
      const { selected, chains } = await selectBySearch(page.mainFrame(), 'example.com/g1999');
      assert.equal(selected.split('@')[0], 'example.com/g1999');
      assert.ok(chains.length > 0 && chains.every((c) => c[0] === 'example.com/big' && c[c.length - 1] === selected), JSON.stringify(chains));
      await assertReadable(page.mainFrame(), 'graph --html, 2,000 modules, g1999 selected');
      await wb.screenshot('graph-html-2000-modules', page.locator('body'));
      await page.close();
    });
  });
});
