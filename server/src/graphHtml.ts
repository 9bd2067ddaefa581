/**
 * graphHtml: `go-mod-lens graph --html OUT [DIR]` — the module graph view as one self-contained
 * HTML file: the page script (sigma, and its d3-hierarchy layout worker) and stylesheet built by
 * scripts/bundle.mjs into dist/webview, and the model, all inlined; a Content-Security-Policy that
 * allows only those inline scripts (by nonce), inline styles and a blob: worker — no network.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphModel } from './graph/graphView';

/** webviewAssets finds the bundled page next to the CLI bundle (dist/) or from the compiled sources (server/out/src). */
export function webviewAssets(): { script: string; css: string } | string {
  const dirs = [join(__dirname, 'webview'), join(__dirname, '..', '..', '..', 'dist', 'webview')]; // dist/cli.js, server/out/src/cli.js
  const dir = dirs.find((d) => existsSync(join(d, 'graphView.js')));
  if (!dir) return `the graph view's page is not built (${dirs.map((d) => join(d, 'graphView.js')).join(' or ')}); run npm run build`;
  return { script: readFileSync(join(dir, 'graphView.js'), 'utf8'), css: readFileSync(join(dir, 'graphView.css'), 'utf8') };
}

/** graphHtml is the page: `</` is escaped wherever it could end an inline element early. */
export function graphHtml(model: GraphModel, assets: { script: string; css: string }): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data:; worker-src blob:`;
  const data = JSON.stringify(model).replace(/</g, '\\u003c');
  const script = assets.script.replace(/<\/(script)/gi, '<\\/$1');
  const title = `Module graph: ${model.main.join(', ')}`.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${assets.css.replace(/<\//g, '<\\/')}</style>
<script type="application/json" id="gml-model">${data}</script>
</head>
<body>
<script nonce="${nonce}">${script}</script>
</body>
</html>
`;
}
