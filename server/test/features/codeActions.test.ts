/** Quick fixes from diagnostic data: an edit fix everywhere, a what-if preview only where the client runs the command. */
import * as assert from 'node:assert/strict';
import { Diagnostic } from 'vscode-languageserver';
import { quickFixes } from '../../src/features/codeActions';
import { URI } from '../../src/features/uri';
import { Commands } from '../../src/protocol';

describe('quick fixes', () => {
  const target = '/w/m/go.mod';
  const text = 'module example.com/m\n\ngo 1.21\n\nrequire example.com/d v1.0.0\n';
  const d: Diagnostic = {
    source: 'go-mod-lens', code: 'vulnerable', message: 'm', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 28 } },
    data: { fixes: [
      { title: 'Upgrade example.com/d to v1.0.1', data: { kind: 'set-require', target, path: 'example.com/d', version: 'v1.0.1' } },
      { title: 'Preview go get example.com/d@v1.0.1…', data: { kind: 'preview-go-get', target, path: 'example.com/d', version: 'v1.0.1' } },
    ] },
  };

  it('without the what-if command: the edit only', () => {
    const actions = quickFixes([d], () => text, () => undefined);
    assert.deepEqual(actions.map((a) => a.title), ['Upgrade example.com/d to v1.0.1']);
    assert.deepEqual(actions[0].edit?.changes?.[URI.file(target)], [{ range: { start: { line: 4, character: 22 }, end: { line: 4, character: 28 } }, newText: 'v1.0.1' }]);
  });

  it('with it: also the preview, a command carrying go get\'s query', () => {
    const actions = quickFixes([d], () => text, () => undefined, Commands.whatIf);
    assert.deepEqual(actions.map((a) => a.title), ['Upgrade example.com/d to v1.0.1', 'Preview go get example.com/d@v1.0.1…']);
    assert.equal(actions[1].edit, undefined);
    assert.deepEqual(actions[1].command, { title: 'Preview go get example.com/d@v1.0.1…', command: Commands.whatIf, arguments: [URI.file(target), 'example.com/d', [], 'v1.0.1'] });
  });
});
