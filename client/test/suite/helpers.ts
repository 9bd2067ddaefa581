/**
 * helpers for the extension-host suites: the fixture copy being tested, the extension, and polling
 * waits (the language server answers once it has loaded the module graph).
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'go-mod-lens.go-mod-lens';

/** fixtureRoot is the temp copy of test-fixtures/lsp/<name> (the workspace folder is its ws/). */
export function fixtureRoot(): string {
  const root = process.env.GML_FIXTURE_ROOT;
  assert.ok(root, 'GML_FIXTURE_ROOT is set by runTest');
  return root;
}

export function fixtureUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.file(join(fixtureRoot(), ...segments));
}

/** activateExtension activates go-mod-lens (it also activates by itself on workspaceContains:go.mod). */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  await ext.activate();
  return ext;
}

/** openGoMod opens a go.mod of the fixture in an editor and checks its language. */
export async function openGoMod(...segments: string[]): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(...segments));
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'go.mod');
  return doc;
}

/** lineOf is the index of the first line containing text. */
export function lineOf(doc: vscode.TextDocument, text: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(text)) return i;
  throw new Error(`no line contains ${JSON.stringify(text)} in ${doc.uri.fsPath}`);
}

/** poll calls probe until ok holds or the deadline passes, then fails with the last value. */
export async function poll<T>(what: string, probe: () => Thenable<T> | T, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last = await probe();
  while (!ok(last)) {
    if (Date.now() > deadline) assert.fail(`timed out after ${ms} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}

/** codeOf is a diagnostic's code as a string (a code may come with a link target). */
export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

/** markdownOf joins the text of hover contents. */
export function markdownOf(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}
