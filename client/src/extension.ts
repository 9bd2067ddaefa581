import * as vscode from 'vscode';

/** activate is a placeholder until the language client lands (issue 5). */
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
