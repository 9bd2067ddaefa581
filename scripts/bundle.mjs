// Bundles the CLI (dist/cli.js), the language server (dist/server.js) and the VS Code extension
// (dist/extension.js), each one file: Node starts
// faster when it loads one module instead of fifty, and the .vsix ships no node_modules. The CLI
// loads dist/server.js only for `serve`. The tree-sitter WebAssembly files sit beside the bundles.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' };
await build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' });
await build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' });
await build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] });

// The module graph view's page (server/src/graphView/webview): one script (SVG drawing), carrying the layout
// worker's bundle as a string (the page starts it from a blob: URL, so the same script works in a
// VS Code webview and inlined in `graph --html`), and its stylesheet.
const web = { bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true, logLevel: 'warning' };
const worker = await build({ ...web, entryPoints: ['server/src/graphView/webview/layoutWorker.ts'], write: false });
await build({
  ...web, entryPoints: ['server/src/graphView/webview/main.ts'], outfile: 'dist/webview/graphView.js',
  define: { GML_LAYOUT_WORKER: JSON.stringify(worker.outputFiles[0].text) },
});
mkdirSync('dist/webview', { recursive: true });
copyFileSync('server/src/graphView/webview/page.css', 'dist/webview/graphView.css');

// WebAssembly needed by the .go feature scanner (go-below-features), copied next to the bundles.
const require = createRequire(import.meta.url);
mkdirSync('dist', { recursive: true });
for (const spec of ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter-go/tree-sitter-go.wasm']) {
  let from;
  try {
    from = require.resolve(spec); // web-tree-sitter's exports map has no package.json: resolve the file itself
  } catch {
    throw new Error(`bundle: cannot find ${spec}; run npm install`);
  }
  copyFileSync(from, join('dist', spec.split('/')[1]));
}
