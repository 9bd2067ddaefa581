/**
 * The module graph view's panel: asks the server for the graph model of the current main module
 * (Requests.graph) and shows it in one webview panel, reused while it is open. The page
 * (dist/webview/graphView.js, built from webview/) gets the model inline, runs no network request and
 * loads nothing but its own script and stylesheet (strict Content-Security-Policy, with a nonce).
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { graphPageHtml } from './page';
import { Requests } from '../protocol';

let panel: vscode.WebviewPanel | undefined;

/** showModuleGraph opens (or refreshes) the module graph view for the main module of uri. */
export async function showModuleGraph(context: vscode.ExtensionContext, client: LanguageClient | undefined, uri: vscode.Uri | undefined): Promise<void> {
  if (!uri) return void vscode.window.showInformationMessage('Go Mod Lens: no go.mod in this workspace.');
  if (!client) return;
  const invoked = Date.now(); // the page reports how long it took from here to its first drawing
  const model = await client.sendRequest<{ main?: string[]; error?: string }>(Requests.graph, { uri: uri.toString() });
  const answered = Date.now();
  if (model.error !== undefined || !model.main) return void vscode.window.showWarningMessage(`Go Mod Lens: no module graph: ${model.error ?? 'unknown error'}`);
  const root = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
  const title = `Module Graph (${model.main.join(', ')})`;
  if (panel) {
    panel.title = title;
    panel.reveal(panel.viewColumn);
  } else {
    panel = vscode.window.createWebviewPanel('goModLens.moduleGraph', title, vscode.ViewColumn.Active, {
      enableScripts: true, localResourceRoots: [root], retainContextWhenHidden: true, // a large graph is laid out once
    });
    panel.onDidDispose(() => (panel = undefined), undefined, context.subscriptions);
    panel.webview.onDidReceiveMessage((m: unknown) => void saveExport(m), undefined, context.subscriptions);
  }
  panel.webview.html = pageHtml(panel.webview, root, model, `${invoked} ${answered}`);
}

/** pageHtml is the page shell (page.ts) with the webview's own stylesheet and script URIs. */
function pageHtml(webview: vscode.Webview, root: vscode.Uri, model: unknown, invoked: string): string {
  const css = webview.asWebviewUri(vscode.Uri.joinPath(root, 'graphView.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(root, 'graphView.js'));
  return graphPageHtml({
    csp: (nonce) => [
      `default-src 'none'`, `script-src ${webview.cspSource} 'nonce-${nonce}'`, `style-src ${webview.cspSource} 'unsafe-inline'`,
      `img-src ${webview.cspSource} data:`, `font-src ${webview.cspSource}`, `worker-src blob:`,
    ].join('; '),
    head: `<link rel="stylesheet" href="${css.toString()}">`,
    script: (nonce) => `<script nonce="${nonce}" src="${js.toString()}"></script>`,
    model,
    bodyAttributes: `data-invoked="${invoked}"`,
  });
}

/** saveExport: the page's SVG or PNG of the current view (base64), saved where the user says. */
async function saveExport(m: unknown): Promise<void> {
  const msg = m as { type?: string; format?: string; name?: string; data?: string };
  if (msg.type !== 'export' || (msg.format !== 'svg' && msg.format !== 'png') || typeof msg.data !== 'string') return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `module-graph.${msg.format}`) : undefined,
    filters: msg.format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    title: 'Save the module graph view',
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(msg.data, 'base64'));
  void vscode.window.showInformationMessage(`Go Mod Lens: saved ${target.fsPath}`);
}
