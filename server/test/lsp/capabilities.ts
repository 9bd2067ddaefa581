/**
 * clientCapabilities is what the test client declares in initialize: roughly what VS Code declares
 * for the features go-mod-lens offers, with pull diagnostics switchable so that both diagnostic
 * models can be exercised against the same server.
 */
import type { ClientCapabilities } from 'vscode-languageserver-protocol';

export function clientCapabilities(pullDiagnostics: boolean): ClientCapabilities {
  return {
    general: { positionEncodings: ['utf-16'] },
    window: { workDoneProgress: true, showMessage: {}, showDocument: { support: false } },
    workspace: {
      applyEdit: true,
      configuration: true,
      workspaceFolders: true,
      workspaceEdit: { documentChanges: true, resourceOperations: [], failureHandling: 'abort' },
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      diagnostics: pullDiagnostics ? { refreshSupport: true } : undefined,
      inlayHint: { refreshSupport: true },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: true, willSave: false, willSaveWaitUntil: false },
      publishDiagnostics: {
        relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true,
        tagSupport: { valueSet: [1, 2] },
      },
      diagnostic: pullDiagnostics ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
      inlayHint: {
        dynamicRegistration: false,
        resolveSupport: { properties: ['tooltip', 'textEdits', 'label.tooltip', 'label.location', 'label.command'] },
      },
      hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
      codeAction: {
        dynamicRegistration: false,
        isPreferredSupport: true,
        disabledSupport: true,
        dataSupport: true,
        resolveSupport: { properties: ['edit'] },
        codeActionLiteralSupport: {
          codeActionKind: {
            valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports', 'source.fixAll'],
          },
        },
      },
    },
  };
}
