// The e2e test harness: in a window whose workspace has .vscode/gml-harness.json, it runs the
// extension-host mocha suite of client/test (the one @vscode/test-electron runs where VS Code can be
// downloaded) inside code-server's real Node extension host, and writes the outcome and the mocha
// output to the result file named there. Windows without that file are left alone.
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS extension entry, loaded as is */
const fs = require('node:fs');
const path = require('node:path');
const url = require('node:url');
const util = require('node:util');
const vscode = require('vscode');

async function activate() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return;
  const config = JSON.parse(fs.readFileSync(path.join(folder.uri.fsPath, '.vscode', 'gml-harness.json'), 'utf8'));
  process.env.GML_SUITE = config.suite;
  process.env.GML_FIXTURE_ROOT = config.fixtureRoot;
  process.env.NO_COLOR = '1'; // the output goes to a file
  // The extension host does not let console.log be replaced: collect mocha's reporter output at its
  // source, in the same mocha module the suite imports.
  const mochaEntry = require.resolve('mocha', { paths: [path.dirname(config.suiteIndex)] });
  const { default: Mocha } = await import(url.pathToFileURL(mochaEntry).href);
  const output = [];
  Mocha.reporters.Base.consoleLog = (...args) => output.push(util.format(...args));
  let result;
  try {
    await require(config.suiteIndex).run();
    result = { ok: true };
  } catch (e) {
    result = { ok: false, error: e instanceof Error ? e.stack || e.message : String(e) };
  }
  fs.writeFileSync(config.resultFile, JSON.stringify({ ...result, output: output.join('\n') }));
}

module.exports = { activate, deactivate: () => undefined };
