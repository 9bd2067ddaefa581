/**
 * html: `go-mod-lens graph --html OUT [DIR]` — the module graph view as one self-contained
 * HTML file: the page script (SVG drawing, and its elkjs layout worker) and stylesheet built by
 * scripts/bundle.mjs into dist/webview, and the model, all inlined; a Content-Security-Policy that
 * allows only those inline scripts (by nonce), inline styles and a blob: worker — no network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphModel } from './model';
import { graphPageHtml } from './page';

/** webviewAssets finds the bundled page next to the CLI bundle (dist/) or from the compiled sources (server/out/src/graphView). */
export function webviewAssets(): { script: string; css: string } | string {
  const dirs = [join(__dirname, 'webview'), join(__dirname, '..', '..', '..', '..', 'dist', 'webview')]; // dist/cli.js, server/out/src/graphView/html.js
  const dir = dirs.find((d) => existsSync(join(d, 'graphView.js')));
  if (!dir) return `the graph view's page is not built (${dirs.map((d) => join(d, 'graphView.js')).join(' or ')}); run npm run build`;
  return { script: readFileSync(join(dir, 'graphView.js'), 'utf8'), css: readFileSync(join(dir, 'graphView.css'), 'utf8') };
}

/** graphHtml is the page, everything inlined: `</` is escaped wherever it could end an inline element early. */
export function graphHtml(model: GraphModel, assets: { script: string; css: string }): string {
  const script = assets.script.replace(/<\/(script)/gi, '<\\/$1');
  const title = `Module graph: ${model.main.join(', ')}`.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return graphPageHtml({
    csp: (nonce) => `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data:; worker-src blob:`,
    head: `<title>${title}</title>\n<style>${assets.css.replace(/<\//g, '<\\/')}</style>`,
    script: (nonce) => `<script nonce="${nonce}">${script}</script>`,
    model,
  });
}
