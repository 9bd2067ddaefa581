/**
 * The what-if command (from the code lens over a require line): pick a version available offline
 * (or none), see what `go get path@version` would change in the build list, and apply the go.mod
 * edit go get would make. The server computes everything (graph/whatIf.ts).
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { Requests, WhatIfParams, WhatIfResult } from '../../server/src/protocol';

export async function whatIfCommand(client: LanguageClient | undefined, uri: string, path: string, versions: string[] = [], version?: string, targets?: { path: string; version: string }[]): Promise<WhatIfResult | undefined> {
  if (!client) return undefined;
  if (targets && targets.length > 0) return preview(client, { uri, path: '', version: '', targets }, targets.map((t) => `${t.path}@${t.version}`).join(' '));
  // the lens carries the versions known offline; the server adds the proxy's list when network access is on
  const known = version ? versions : await client.sendRequest<string[]>(Requests.versions, { uri, path }).catch(() => versions);
  const picked = version ?? (await vscode.window.showQuickPick(
    [...[...(known.length > 0 ? known : versions)].reverse().map((v) => ({ label: v, description: '' })), { label: 'none', description: 'remove the requirement (and what needs it)' }],
    { placeHolder: `go get ${path}@…: what would change?` },
  ))?.label;
  if (!picked) return undefined;
  return preview(client, { uri, path, version: picked }, `${path}@${picked}`);
}

/** preview asks the server what go get QUERY would do, shows it, and applies go get's go.mod edit when asked to. */
async function preview(client: LanguageClient, params: WhatIfParams, query: string): Promise<WhatIfResult> {
  const uri = params.uri;
  const r = await client.sendRequest<WhatIfResult>(Requests.whatIf, params);
  if (!r.ok) {
    void vscode.window.showErrorMessage(r.error ?? 'what-if failed');
    return r;
  }
  const apply = r.edits.length > 0 ? 'Apply to go.mod' : undefined;
  const choice = await vscode.window.showInformationMessage(`go get ${query} would:`, { modal: true, detail: r.lines.join('\n') }, ...(apply ? [apply] : []));
  if (choice === apply && apply) {
    const edit = new vscode.WorkspaceEdit();
    const target = vscode.Uri.parse(uri);
    for (const e of r.edits) edit.replace(target, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    await vscode.workspace.applyEdit(edit);
  }
  return r;
}
