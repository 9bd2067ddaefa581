/**
 * The upgrade code actions through the real server (test-fixtures/lsp/upgrades): go get's go.mod
 * edit for a client without the what-if command, the what-if preview command for one that runs it
 * (initializationOptions.commands), each for one module and for every direct dependency at once.
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Command, InlayHint } from 'vscode-languageserver-protocol';
import { Commands } from '../../src/protocol';
import { LspClient } from './client';
import { applyTextEdits } from './edits';
import { PreparedFixture, fixturesRoot, prepareFixture, readFixture, serverCommand } from './fixture';

describe('upgrade code actions (goModLens.upgrades)', function () {
  this.timeout(60000);
  let p: PreparedFixture;
  let client: LspClient;

  async function start(initializationOptions?: unknown): Promise<{ uri: string; text: string; line: number }> {
    p = prepareFixture(readFixture(join(fixturesRoot, 'upgrades')));
    client = await LspClient.start({ ...serverCommand(), env: p.env, folders: p.folders, settings: p.fixture.config.settings, pullDiagnostics: true, initializationOptions });
    const doc = await client.open(join(p.root, 'ws/go.mod'));
    const line = doc.text.split('\n').findIndex((l) => l.startsWith('\texample.com/a v1.0.0'));
    // the checks run in the background: wait for their hint
    for (let i = 0; i < 50; i++) {
      const hints = await client.inlayHints(join(p.root, 'ws/go.mod'));
      if (hints.some((h: InlayHint) => h.label === 'v1.1.0 available')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return { uri: doc.uri, text: doc.text, line };
  }

  afterEach(async () => {
    await client?.shutdown().catch(() => client.dispose());
    if (p) rmSync(p.root, { recursive: true, force: true });
  });

  const range = (line: number) => ({ start: { line, character: 2 }, end: { line, character: 2 } });
  /** the server answers CodeAction objects (with a kind), never bare Commands */
  const isAction = (a: CodeAction | Command): a is CodeAction => 'kind' in a;

  it('without the what-if command: go get\'s edit, for one module and for all direct dependencies', async () => {
    const { uri, text, line } = await start();
    const actions = (await client.codeActions(uri, range(line), [])).filter(isAction);
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles, ['Upgrade example.com/a to v1.1.0 (as go get does: upgraded example.com/a v1.0.0 => v1.1.0)', 'Upgrade all 2 direct dependencies (go get example.com/a@v1.1.0 example.com/d@v1.0.5)']);
    const one = applyTextEdits(text, actions[0].edit?.changes?.[uri] ?? []);
    assert.equal(one, text.replace('\texample.com/a v1.0.0', '\texample.com/a v1.1.0'));
    const all = applyTextEdits(text, actions[1].edit?.changes?.[uri] ?? []);
    assert.equal(all, text.replace('\texample.com/a v1.0.0', '\texample.com/a v1.1.0').replace('\texample.com/d v1.0.0', '\texample.com/d v1.0.5'));
  });

  it('with it: the preview commands, carrying go get\'s queries', async () => {
    const { uri, line } = await start({ commands: [Commands.whatIf] });
    const actions = (await client.codeActions(uri, range(line), [])).filter(isAction);
    assert.deepEqual(actions.map((a) => [a.title, a.command?.command, a.command?.arguments]), [
      ['Upgrade example.com/a to v1.1.0: preview go get…', Commands.whatIf, [uri, 'example.com/a', [], 'v1.1.0']],
      ['Upgrade all 2 direct dependencies: preview go get…', Commands.whatIf, [uri, '', [], '', [{ path: 'example.com/a', version: 'v1.1.0' }, { path: 'example.com/d', version: 'v1.0.5' }]]],
    ]);
  });
});
