/**
 * The VS Code side of go-mod-lens: starts one language server (dist/server.js, over IPC) for the
 * window, passes the settings and the workspace's trust, and adds the commands and the status bar
 * item. Nothing semantic lives here: every answer comes from the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { buildListTooltip, tooltipCommands } from '../../server/src/features/statusTooltip';
import { BuildListResult, Commands, Requests, SETTINGS_SECTION } from '../../server/src/protocol';
import { showModuleGraph } from '../../server/src/graphView/panel';
import { whatIfCommand } from './whatIf';

const BUILD_LIST_SCHEME = 'go-mod-lens';
const LANGUAGES = ['go.mod', 'go.work', 'go.sum'];

let client: LanguageClient | undefined;

/** activate starts the server and registers the commands, the build-list documents and the status item. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Go Mod Lens', { log: true });
  const views = new BuildListDocuments();
  const status = vscode.window.createStatusBarItem('goModLens.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Go Mod Lens';
  status.command = Commands.showBuildList;
  context.subscriptions.push(output, status, vscode.workspace.registerTextDocumentContentProvider(BUILD_LIST_SCHEME, views));

  client = createClient(context, output);
  await startWithProgress(client);

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.showBuildList, () => showBuildList(views)),
    vscode.commands.registerCommand(Commands.explainVersion, (path?: string) => explainVersion(views, path)),
    vscode.commands.registerCommand(Commands.showModuleGraph, async () => showModuleGraph(context, client, await currentModUri())),
    vscode.commands.registerCommand(Commands.whatIf, (uri: string, path: string, versions?: string[], version?: string, targets?: { path: string; version: string }[]) => whatIfCommand(client, uri, path, versions, version, targets)),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      await client?.restart();
      await updateStatus(status);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatus(status)),
    vscode.workspace.onDidSaveTextDocument((d) => (LANGUAGES.includes(d.languageId) ? void updateStatus(status) : undefined)),
    // an edit of the active go.mod changes its build (the server reads the buffer): the count follows
    // once typing pauses, not only after a save
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!LANGUAGES.includes(e.document.languageId) || e.document !== vscode.window.activeTextEditor?.document) return;
      if (statusTimer) clearTimeout(statusTimer);
      statusTimer = setTimeout(() => void updateStatus(status), STATUS_DELAY_MS);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()), // trusted now: the server may ask the go binary
  );
  await updateStatus(status);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/{go.mod,go.work,go.sum,go.work.sum,*.go,.go-mod-lens.json}');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
    synchronize: { fileEvents: watcher, configurationSection: SETTINGS_SECTION },
    initializationOptions: () => ({ settings: vscode.workspace.getConfiguration(SETTINGS_SECTION), trustedWorkspace: vscode.workspace.isTrusted, commands: [Commands.whatIf] }),
    outputChannel: output,
    diagnosticCollectionName: 'go-mod-lens',
  };
  return new LanguageClient('goModLens', 'Go Mod Lens', serverOptions, clientOptions);
}

/** startWithProgress starts the client, with a progress notification while the first graphs load. */
async function startWithProgress(c: LanguageClient): Promise<void> {
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Go Mod Lens: starting' }, () => c.start());
  const editor = vscode.window.activeTextEditor;
  if (!editor || !LANGUAGES.includes(editor.document.languageId)) return;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Go Mod Lens: loading the module graph…' }, () =>
    c.sendRequest<BuildListResult>(Requests.buildList, { uri: editor.document.uri.toString() }).catch(() => undefined));
}

/** currentModUri: the go.mod/go.work/go.sum of the active editor, else the first go.mod open or found. */
async function currentModUri(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (active && LANGUAGES.includes(active.languageId)) return active.uri;
  const open = vscode.workspace.textDocuments.find((d) => d.languageId === 'go.mod');
  if (open) return open.uri;
  const found = await vscode.workspace.findFiles('**/go.mod', '**/{vendor,testdata,node_modules}/**', 1);
  return found[0];
}

async function buildList(uri: vscode.Uri): Promise<BuildListResult | undefined> {
  if (!client) return undefined;
  return client.sendRequest<BuildListResult>(Requests.buildList, { uri: uri.toString() });
}

/** after an edit, the status bar item is brought up to date this long after the last keystroke */
const STATUS_DELAY_MS = 300;
let statusTimer: ReturnType<typeof setTimeout> | undefined;

async function updateStatus(status: vscode.StatusBarItem): Promise<void> {
  const active = vscode.window.activeTextEditor?.document;
  if (!active || !LANGUAGES.includes(active.languageId) || active.uri.scheme !== 'file') {
    status.hide();
    return;
  }
  const r = await buildList(active.uri).catch(() => undefined);
  if (!r || r.mainFile === '') {
    status.hide();
    return;
  }
  status.text = `${r.incomplete ? '$(warning)' : '$(package)'} ${r.main.join(', ')} · ${r.count} modules`;
  const tip = new vscode.MarkdownString(buildListTooltip(r)); // trusted: the server's text in it is escaped
  tip.supportThemeIcons = true;
  tip.isTrusted = { enabledCommands: tooltipCommands };
  status.tooltip = tip;
  status.backgroundColor = r.incomplete ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  status.show();
}

/** BuildListDocuments serves the read-only documents of the commands (go-mod-lens:…). */
class BuildListDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  async show(name: string, text: string): Promise<void> {
    // a module path's slashes would make folders of the document's path: show them as U+2215 instead
    const uri = vscode.Uri.from({ scheme: BUILD_LIST_SCHEME, path: `/${name.replace(/\//g, '\u2215')}` });
    this.texts.set(uri.toString(), text);
    this.emitter.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}

async function showBuildList(views: BuildListDocuments): Promise<void> {
  const uri = await currentModUri();
  if (!uri) return void vscode.window.showInformationMessage('Go Mod Lens: no go.mod in this workspace.');
  const r = await buildList(uri);
  if (!r) return;
  const header = [
    `# go list -m all — ${r.mainFile || uri.fsPath}`,
    r.incomplete ? `# ⚠ INCOMPLETE: ${r.incomplete}` : `# ${r.count} modules`,
    '',
  ];
  await views.show(`build list (${r.main.join(', ') || 'none'}).txt`, [...header, ...r.lines].join('\n') + '\n');
}

async function explainVersion(views: BuildListDocuments, path?: string): Promise<void> {
  const uri = await currentModUri();
  if (!uri) return;
  const r = await buildList(uri);
  if (!r) return;
  const picked = path ?? (await vscode.window.showQuickPick(
    r.lines.slice(r.main.length).map((l) => ({ label: l.split(' ')[0], description: l.split(' ').slice(1).join(' ') })),
    { placeHolder: 'Explain the selected version of…', matchOnDescription: true },
  ))?.label;
  if (!picked || !client) return;
  const e = await client.sendRequest<{ text: string }>(Requests.explain, { uri: uri.toString(), path: picked });
  await views.show(`why ${picked}.txt`, e.text);
}
