/**
 * replace-chain in VS Code's extension host: main-module replaces A with ./A, A replaces B with
 * ../B (ignored: only the main module's replaces count). Checks activation, the replace-ineffective
 * diagnostic and the quick fix that adds the replace to ws/go.mod (add-replace.golden).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, codeOf, fixtureRoot, fixtureUri, lineOf, openGoMod, poll } from './helpers';

const FIX_TITLE = 'Add "replace B => ./B"';

describe('VS Code: replace-chain', () => {
  it('activates and registers its commands', async () => {
    const ext = await activateExtension();
    assert.equal(ext.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['goModLens.showBuildList', 'goModLens.explainVersion', 'goModLens.restartServer']) assert.ok(commands.includes(c), c);
  });

  it('reports replace-ineffective on the replace line of A/go.mod', async () => {
    const doc = await openGoMod('ws', 'A', 'go.mod');
    const line = lineOf(doc, 'replace B => ../B');
    const diags = await poll('replace-ineffective', () => vscode.languages.getDiagnostics(doc.uri),
      (ds) => ds.some((d) => codeOf(d) === 'replace-ineffective'));
    const d = diags.find((x) => codeOf(x) === 'replace-ineffective')!;
    assert.equal(d.range.start.line, line);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /ignored when building main-module/);
    assert.match(d.message, /missing go\.sum entry for module providing package B/);
  });

  it('applies the quick fix: ws/go.mod becomes add-replace.golden', async () => {
    const doc = await openGoMod('ws', 'A', 'go.mod');
    const line = lineOf(doc, 'replace B => ../B');
    const actions = await poll('the add-replace quick fix',
      () => vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider', doc.uri, doc.lineAt(line).range, vscode.CodeActionKind.QuickFix.value, 10),
      (as) => (as ?? []).some((a) => a.title.includes(FIX_TITLE)));
    const fix = actions.find((a) => a.title.includes(FIX_TITLE))!;
    assert.equal(fix.title, 'Add "replace B => ./B" to ../go.mod');
    await applyAction(fix);
    const golden = readFileSync(join(fixtureRoot(), 'add-replace.golden'), 'utf8');
    const rootDoc = await vscode.workspace.openTextDocument(fixtureUri('ws', 'go.mod'));
    await poll('the edit in ws/go.mod', () => rootDoc.getText(), (t) => t === golden, 10_000).catch(() => undefined);
    assert.equal(rootDoc.getText(), golden, `the quick fix edits ws/go.mod (action: ${describeAction(fix)})`);
    // ws/go.mod is not open in an editor: workspace.saveAll saves editors only, so save the document
    assert.ok(await rootDoc.save(), 'ws/go.mod saved');
    const onDisk = await poll('ws/go.mod on disk', () => readFileSync(fixtureUri('ws', 'go.mod').fsPath, 'utf8'), (t) => t === golden, 10_000)
      .catch(() => readFileSync(fixtureUri('ws', 'go.mod').fsPath, 'utf8'));
    assert.equal(onDisk, golden);
  });
});

function describeAction(a: vscode.CodeAction | vscode.Command): string {
  const action = a as vscode.CodeAction;
  const files = action.edit ? action.edit.entries().map(([uri, edits]) => `${uri.fsPath}: ${edits.length} edit(s)`) : [];
  return JSON.stringify({ title: a.title, edit: files, command: action.command?.command ?? (a as vscode.Command).command });
}

/** applyAction applies a code action as the editor does: its edit, then its command. */
async function applyAction(a: vscode.CodeAction | vscode.Command): Promise<void> {
  if ('edit' in a || 'kind' in a || 'diagnostics' in a) {
    const action = a as vscode.CodeAction;
    if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), 'edit applied');
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    return;
  }
  const command = a as vscode.Command;
  await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
}
