import * as assert from 'node:assert/strict';
import { applyEdits } from '../../src/edits/textEdit';
import {
  planAddReplace, planAddRequire, planDropLine, planDropRequire, planSetGoVersion, planSetIndirect, planSetRequireVersion,
} from '../../src/edits/planners';
import { parseModFile } from '../../src/syntax/modfile';
import { parseWorkFile } from '../../src/syntax/workfile';
import { ModFile } from '../../src/syntax/modfile';
import { TextEdit } from '../../src/edits/textEdit';

interface Case {
  desc: string;
  in: string;
  args: (f: ModFile) => TextEdit[];
  out: string;
}

const mv = (path: string, version = '') => ({ path, version });

const cases: Case[] = [
  {
    desc: 'add replace at end when there is none',
    in: 'module m\n\ngo 1.19\n\nrequire b v1.0.0\n',
    args: (f) => planAddReplace(f, mv('b'), mv('./b')),
    out: 'module m\n\ngo 1.19\n\nrequire b v1.0.0\n\nreplace b => ./b\n',
  },
  {
    desc: 'add replace to a file without final newline',
    in: 'module m\nrequire b v1.0.0',
    args: (f) => planAddReplace(f, mv('b'), mv('./b')),
    out: 'module m\nrequire b v1.0.0\n\nreplace b => ./b\n',
  },
  {
    desc: 'a single replace line of the same path becomes a block',
    in: 'module m\n\nreplace b v1.0.0 => ./b1 // keep me\n\nrequire b v1.0.0\n',
    args: (f) => planAddReplace(f, mv('b', 'v1.1.0'), mv('./b2')),
    out: 'module m\n\nreplace (\n\tb v1.0.0 => ./b1 // keep me\n\tb v1.1.0 => ./b2\n)\n\nrequire b v1.0.0\n',
  },
  {
    desc: 'a new path goes to the end of the file even when replace blocks exist (as go mod edit does)',
    in: 'module   m\nreplace (\n    a   =>   ./a\n)\nreplace (\n  c => ./c\n)\n// tail\n',
    args: (f) => planAddReplace(f, mv('b'), mv('b2', 'v1.0.0')),
    out: 'module   m\nreplace (\n    a   =>   ./a\n)\nreplace (\n  c => ./c\n)\n// tail\n\nreplace b => b2 v1.0.0\n',
  },
  {
    desc: 'placed next to a replace of the same path (version-specific)',
    in: 'module m\nreplace (\n\tb v1.0.0 => ./b1\n\tz => ./z\n)\nreplace y => ./y\n',
    args: (f) => planAddReplace(f, mv('b', 'v2.0.0+incompatible'), mv('./b2')),
    out: 'module m\nreplace (\n\tb v1.0.0 => ./b1\n\tb v2.0.0+incompatible => ./b2\n\tz => ./z\n)\nreplace y => ./y\n',
  },
  {
    desc: 'existing wildcard replace is updated in place, comments kept',
    in: 'module m\r\n\r\nreplace b => ../old // why\r\n',
    args: (f) => planAddReplace(f, mv('b'), mv('./b')),
    out: 'module m\r\n\r\nreplace b => ./b // why\r\n',
  },
  {
    desc: 'a wildcard update rewrites the first replace of the path and drops the others',
    in: 'module m\nreplace (\n\tb v1.0.0 => ./x\n\tb v1.1.0 => ./y\n\tc => ./c\n)\n',
    args: (f) => planAddReplace(f, mv('b'), mv('./b')),
    out: 'module m\nreplace (\n\tb => ./b\n\tc => ./c\n)\n',
  },
  {
    desc: 'CRLF file, new block line uses CRLF',
    in: 'module m\r\nreplace (\r\n\ta v1.0.0 => ./a\r\n)\r\n',
    args: (f) => planAddReplace(f, mv('a', 'v1.1.0'), mv('./b')),
    out: 'module m\r\nreplace (\r\n\ta v1.0.0 => ./a\r\n\ta v1.1.0 => ./b\r\n)\r\n',
  },
  {
    desc: 'CRLF file, new statement at the end uses CRLF',
    in: 'module m\r\n',
    args: (f) => planAddReplace(f, mv('b'), mv('./b')),
    out: 'module m\r\n\r\nreplace b => ./b\r\n',
  },
  {
    desc: 'paths that need quotes are quoted',
    in: 'module m\n',
    args: (f) => planAddReplace(f, mv('a b'), mv('./a b')),
    out: 'module m\n\nreplace "a b" => "./a b"\n',
  },
  {
    desc: 'set go version in place',
    in: 'module m\n\ngo   1.16 // old\n',
    args: (f) => planSetGoVersion(f, '1.21'),
    out: 'module m\n\ngo   1.21 // old\n',
  },
  {
    desc: 'add go line after the module line',
    in: '// header\nmodule m // c\n\nrequire a v1.0.0\n',
    args: (f) => planSetGoVersion(f, '1.21.0'),
    out: '// header\nmodule m // c\n\ngo 1.21.0\n\nrequire a v1.0.0\n',
  },
  {
    desc: 'set require version keeps // indirect and drops duplicates',
    in: 'module m\nrequire (\n\ta v1.0.0 // indirect\n\tb v1.0.0\n)\nrequire a v1.1.0\n',
    args: (f) => planSetRequireVersion(f, 'a', 'v1.3.0'),
    out: 'module m\nrequire (\n\ta v1.3.0 // indirect\n\tb v1.0.0\n)\n',
  },
  {
    desc: 'set require version of a missing module adds it to the last require block',
    in: 'module m\n\nrequire (\n\ta v1.0.0\n)\n\nrequire (\n\tb v1.0.0 // indirect\n)\n',
    args: (f) => planSetRequireVersion(f, 'c', 'v0.1.0'),
    out: 'module m\n\nrequire (\n\ta v1.0.0\n)\n\nrequire (\n\tb v1.0.0 // indirect\n\tc v0.1.0\n)\n',
  },
  {
    desc: 'add indirect require',
    in: 'module m\n\nrequire a v1.0.0\n',
    args: (f) => planAddRequire(f, 'c', 'v0.1.0', true),
    out: 'module m\n\nrequire (\n\ta v1.0.0\n\tc v0.1.0 // indirect\n)\n',
  },
  {
    desc: 'drop require removes every line for the path',
    in: 'module m\nrequire (\n\ta v1.0.0 // c\n\tb v1.0.0\n)\nrequire a v1.1.0\n',
    args: (f) => planDropRequire(f, 'a'),
    out: 'module m\nrequire (\n\tb v1.0.0\n)\n',
  },
  {
    desc: 'drop a directive line with CRLF',
    in: 'module m\r\nexclude a v1.0.0 // x\r\ngo 1.19\r\n',
    args: (f) => planDropLine(f, f.exclude[0].line),
    out: 'module m\r\ngo 1.19\r\n',
  },
  {
    desc: 'add // indirect',
    in: 'module m\nrequire a v1.0.0\n',
    args: (f) => planSetIndirect(f.require[0], true),
    out: 'module m\nrequire a v1.0.0 // indirect\n',
  },
  {
    desc: 'add // indirect before existing comment text',
    in: 'module m\nrequire (\n\ta v1.0.0 //   pinned\n)\n',
    args: (f) => planSetIndirect(f.require[0], true),
    out: 'module m\nrequire (\n\ta v1.0.0 // indirect; pinned\n)\n',
  },
  {
    desc: 'remove // indirect',
    in: 'module m\nrequire a v1.0.0   //indirect\r\n',
    args: (f) => planSetIndirect(f.require[0], false),
    out: 'module m\nrequire a v1.0.0\r\n',
  },
  {
    desc: 'remove indirect; prefix, keep the reason',
    in: 'module m\nrequire a v1.0.0 // indirect; pinned\n',
    args: (f) => planSetIndirect(f.require[0], false),
    out: 'module m\nrequire a v1.0.0 // pinned\n',
  },
];

describe('edit planners', () => {
  for (const c of cases) {
    it(c.desc, () => {
      const f = parseModFile(c.in);
      assert.deepEqual(f.errors, []);
      const out = applyEdits(c.in, c.args(f));
      assert.equal(out, c.out);
      assert.deepEqual(parseModFile(out).errors, [], 'the result must parse');
    });
  }

  it('adds a replace to a go.work', () => {
    const text = 'go 1.19\n\nuse ./a\n';
    const f = parseWorkFile(text);
    const out = applyEdits(text, planAddReplace(f, mv('b'), mv('./b')));
    assert.equal(out, 'go 1.19\n\nuse ./a\n\nreplace b => ./b\n');
  });
});
