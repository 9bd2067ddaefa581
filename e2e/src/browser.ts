/**
 * browser: Debian's headless Chromium driven by playwright-core, with every request that leaves the
 * loopback interface aborted (the tests are offline by construction, and say what they blocked).
 */
import { Browser, BrowserContext, chromium } from 'playwright-core';
import { chromiumPath } from './paths';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
];

export interface LoopbackBrowser {
  browser: Browser;
  context: BrowserContext;
  /** blocked lists the non-loopback URLs that were aborted */
  blocked: string[];
  close(): Promise<void>;
}

/** isLoopback: http(s)/ws(s) to 127.0.0.0/8, localhost or [::1]; data: and blob: URLs never leave the page. */
export function isLoopback(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  return /^127\.\d+\.\d+\.\d+$/.test(u.hostname) || u.hostname === 'localhost' || u.hostname === '[::1]';
}

export async function launchBrowser(): Promise<LoopbackBrowser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return { browser, context, blocked, close: () => browser.close() };
}
