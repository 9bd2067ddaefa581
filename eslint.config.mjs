// ESLint flat config. The pure layers (syntax, module, graph, analysis, edits) must not reach
// outside the process: no file system, processes, network or LSP connection (see design.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const outsideWorld = [
  'fs', 'node:fs', 'fs/promises', 'node:fs/promises',
  'child_process', 'node:child_process',
  'http', 'node:http', 'https', 'node:https', 'net', 'node:net',
  'vscode-languageserver', 'vscode-languageserver/node', 'vscode',
];

export default tseslint.config(
  { ignores: ['**/out/**', 'dist/**', 'node_modules/**', '.artifacts/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      'server/src/syntax/**/*.ts', 'server/src/module/**/*.ts', 'server/src/graph/**/*.ts',
      'server/src/analysis/**/*.ts', 'server/src/edits/**/*.ts', 'server/src/vuln/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', {
        paths: outsideWorld.map((name) => ({ name, message: 'pure layers must not touch the outside world; inject it (design.md)' })),
        patterns: [{ group: ['**/node/**', '**/server', '**/cli'], message: 'pure layers must not depend on outer layers' }],
      }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // the pure layers and the LSP features keep nothing between calls: what they may remember is
    // data their caller owns and hands in (analysis/memo.ts's RuleMemo, a ModGraph's own indexes, a
    // document's LineIndex). No module-level let, and no module-level Map, WeakMap, WeakSet or
    // empty Set (a Set of constants is fine).
    files: [
      'server/src/syntax/**/*.ts', 'server/src/module/**/*.ts', 'server/src/graph/**/*.ts',
      'server/src/analysis/**/*.ts', 'server/src/edits/**/*.ts', 'server/src/features/**/*.ts', 'server/src/vuln/**/*.ts',
      'server/src/graphView/model.ts', 'server/src/graphView/fromBuild.ts', 'server/src/graphView/page.ts',
    ],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: 'Program > VariableDeclaration[kind="let"], Program > ExportNamedDeclaration > VariableDeclaration[kind="let"]', message: 'no module-level mutable state in a pure layer: the caller owns what is remembered (design.md)' },
        { selector: 'Program > VariableDeclaration > VariableDeclarator > NewExpression.init[callee.name=/^(Map|WeakMap|WeakSet)$/], Program > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > NewExpression.init[callee.name=/^(Map|WeakMap|WeakSet)$/]', message: 'no module-level caches in a pure layer: the caller owns what is remembered (analysis/memo.ts, ModGraph)' },
        { selector: 'Program > VariableDeclaration > VariableDeclarator > NewExpression.init[callee.name="Set"][arguments.length=0], Program > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > NewExpression.init[callee.name="Set"][arguments.length=0]', message: 'no module-level caches in a pure layer: the caller owns what is remembered (analysis/memo.ts, ModGraph)' },
      ],
    },
  },
  {
    // the workspace layer (session, build state, parse memory) and the LSP handlers reach the disk and
    // processes only through node/'s adapters
    files: ['server/src/workspace/**/*.ts', 'server/src/lsp/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: outsideWorld.filter((n) => !n.startsWith('vscode')).map((name) => ({ name, message: 'disk, processes and network go through node/ (design.md)' })),
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', __dirname: 'readonly', module: 'writable' } },
  },
);
