/**
 * mvs-example in VS Code's extension host: go.mod requires example.com/a v1.1.0, example.com/c
 * v1.0.0 requires a v1.3.0, so MVS selects v1.3.0 (graph read from the fixture's module cache via
 * goModLens.moduleCache). Checks the inlay hint, the hover and the Show Build List command.
 */
import * as assert from 'node:assert/strict';
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, fixtureUri, lineOf, markdownOf, openGoMod, poll } from './helpers';

describe('VS Code: mvs-example', () => {
  before(async () => {
    await activateExtension();
  });

  it('shows the inlay hint "→ v1.3.0" on the example.com/a v1.1.0 line', async () => {
    const doc = await openGoMod('ws', 'go.mod');
    const line = lineOf(doc, '\texample.com/a v1.1.0');
    const labelsOn = (hints: vscode.InlayHint[] | undefined) => (hints ?? [])
      .filter((h) => h.position.line === line)
      .map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')).trim());
    const hints = await poll('the inlay hints',
      () => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0)),
      (hs) => labelsOn(hs).includes('→ v1.3.0'));
    assert.deepEqual(labelsOn(hints), ['→ v1.3.0']);
    const hint = hints.find((h) => h.position.line === line)!;
    assert.equal(hint.position.character, doc.lineAt(line).text.indexOf('v1.1.0') + 'v1.1.0'.length, 'after the version');
  });

  it('explains the selection on hover over example.com/a', async () => {
    const doc = await openGoMod('ws', 'go.mod');
    const line = lineOf(doc, '\texample.com/a v1.1.0');
    const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('example.com/a') + 3);
    const text = markdownOf(await poll('the hover',
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at),
      (hs) => markdownOf(hs ?? []).includes('Selected by MVS')));
    assert.ok(text.includes('Selected by MVS: `v1.3.0`'), text);
    // as rendered: links shown as their text, backslash escapes (the server escapes workspace strings) as the character
    const shown = text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\\([!-/:-@[-`{-~])/g, '$1');
    assert.ok(shown.includes('example.com/main → example.com/c@v1.0.0 → example.com/a@v1.3.0'), text);
  });

  it('Show Build List opens the build list of example.com/main', async () => {
    await openGoMod('ws', 'go.mod');
    await vscode.commands.executeCommand('goModLens.showBuildList');
    const editor = await poll('the build list editor', () => vscode.window.activeTextEditor,
      (e) => e?.document.uri.scheme === 'go-mod-lens');
    const lines = editor!.document.getText().split('\n');
    assert.equal(lines[0], `# go list -m all — ${fixtureUri('ws', 'go.mod').fsPath}`);
    assert.equal(lines[1], '# 4 modules');
    assert.deepEqual(lines.slice(3, 7), ['example.com/main', 'example.com/a v1.3.0', 'example.com/b v1.0.0', 'example.com/c v1.0.0']);
    // the document's name is what VS Code shows as the tab title
    assert.equal(posix.basename(editor!.document.uri.path), 'build list (example.com\u2215main).txt'); // the module path's slash as U+2215
  });
});
