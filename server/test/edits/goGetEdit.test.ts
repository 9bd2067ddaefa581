import * as assert from 'node:assert/strict';
import { planGoGet } from '../../src/edits/goGetEdit';
import { applyEdits } from '../../src/edits/textEdit';

const before = `// top comment
module example.com/main

go 1.17

require (
\texample.com/a v1.0.0 // keep this comment
\texample.com/b v1.1.0 // indirect
\texample.com/c v1.0.0
)

replace example.com/x => ./x // untouched
`;

describe('planGoGet: the go.mod edit of go get', () => {
  it('changes versions in place, drops and adds lines, and leaves every other byte', () => {
    const edits = planGoGet(before, [
      { path: 'example.com/a', version: 'v1.2.0', indirect: false },
      { path: 'example.com/c', version: 'v1.0.0', indirect: false },
      { path: 'example.com/d', version: 'v0.1.0', indirect: true },
    ]);
    assert.equal(edits.length, 1, 'one minimal edit');
    assert.equal(applyEdits(before, edits), `// top comment
module example.com/main

go 1.17

require (
\texample.com/a v1.2.0 // keep this comment
\texample.com/c v1.0.0
\texample.com/d v0.1.0 // indirect
)

replace example.com/x => ./x // untouched
`);
  });

  it('plans nothing when the requirements are already those', () => {
    assert.deepEqual(planGoGet(before, [
      { path: 'example.com/a', version: 'v1.0.0', indirect: false },
      { path: 'example.com/b', version: 'v1.1.0', indirect: true },
      { path: 'example.com/c', version: 'v1.0.0', indirect: false },
    ]), []);
  });

  it('adds a require line to a go.mod without any', () => {
    const text = 'module m\n\ngo 1.19\n';
    assert.equal(applyEdits(text, planGoGet(text, [{ path: 'example.com/a', version: 'v1.0.0', indirect: true }])), 'module m\n\ngo 1.19\n\nrequire example.com/a v1.0.0 // indirect\n');
  });
});
