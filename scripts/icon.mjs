// Renders images/icon.svg into images/icon.png (128×128), the icon of the .vsix, with the headless
// Chromium that the end-to-end tests use (playwright-core). Run it after changing the SVG:
//   node scripts/icon.mjs [path/to/chromium]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const executablePath = process.argv[2] ?? process.env.GML_CHROMIUM ?? '/usr/bin/chromium';
const here = (rel) => fileURLToPath(new globalThis.URL(rel, import.meta.url));
const svg = readFileSync(here('../images/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: here('../images/icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
