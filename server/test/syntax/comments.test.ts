import * as assert from 'node:assert/strict';
import { Comments } from '../../src/syntax/ast';
import { parseModFile } from '../../src/syntax/modfile';
import { parseSyntax } from '../../src/syntax/parser';

const texts = (c: Comments) => ({ before: c.before.map((x) => x.text), suffix: c.suffix.map((x) => x.text), after: c.after.map((x) => x.text) });

describe('comment attachment (modfile rules)', () => {
  it('attaches before and suffix comments to lines, blocks and parens', () => {
    const text = [
      '// file comment', '', '// before module', 'module x // on module', '',
      '// before block', 'require ( // on lparen', '\t// before a', '\ta v1.0.0 // on a', '', '\t// before rparen', ') // on rparen', '// trailing',
    ].join('\n');
    const { syntax, errors } = parseSyntax('go.mod', text);
    assert.deepEqual(errors, []);
    const [cb, mod, block, tail] = syntax.stmts;
    assert.equal(cb.type, 'comments');
    assert.deepEqual(texts(cb.comments).before, ['// file comment']);
    assert.deepEqual(texts(mod.comments), { before: ['// before module'], suffix: ['// on module'], after: [] });
    assert.ok(block.type === 'block');
    assert.deepEqual(texts(block.comments).before, ['// before block']);
    assert.deepEqual(texts(block.lparen.comments).suffix, ['// on lparen']);
    assert.deepEqual(texts(block.lines[0].comments), { before: ['// before a'], suffix: ['// on a'], after: [] });
    assert.deepEqual(texts(block.rparen.comments), { before: ['', '// before rparen'], suffix: ['// on rparen'], after: [] });
    assert.equal(tail.type, 'comments');
  });

  it('drops exactly one trailing CRLF from comment text', () => {
    const { syntax } = parseSyntax('go.mod', 'module x // a\r\r\n');
    assert.deepEqual(texts(syntax.stmts[0].comments).suffix, ['// a\r']);
  });

  it('a blank line separates a comment block from the next statement', () => {
    const { syntax } = parseSyntax('go.mod', '// a\n\nmodule x\n');
    assert.equal(syntax.stmts.length, 2);
    assert.deepEqual(texts(syntax.stmts[1].comments).before, []);
  });

  it('spans are offsets of the tokens', () => {
    const text = 'require (\n\t"example.com/a b" v1.2 // indirect\n)\n';
    const f = parseModFile(text, { name: 'go.mod' });
    const r = f.require[0];
    assert.equal(text.slice(r.pathToken.start, r.pathToken.end), '"example.com/a b"');
    assert.equal(text.slice(r.versionToken.start, r.versionToken.end), 'v1.2');
    assert.equal(r.versionToken.norm, 'v1.2.0');
    assert.equal(r.mod.path, 'example.com/a b');
    assert.equal(r.indirect, true);
  });

  it('indirect detection follows modfile', () => {
    const cases: [string, boolean][] = [
      ['// indirect', true], ['//indirect', true], ['//\tindirect', true], ['// indirect; reason', true],
      ['// indirect reason', false], ['// Indirect', false], ['// indirect;', false], ['//', false],
    ];
    for (const [comment, want] of cases) {
      const f = parseModFile(`module m\nrequire a v1.0.0 ${comment}\n`);
      assert.equal(f.require[0].indirect, want, comment);
    }
    const before = parseModFile('module m\n// indirect\nrequire a v1.0.0\n');
    assert.equal(before.require[0].indirect, false);
  });

  it('module deprecation and retract rationale', () => {
    const f = parseModFile([
      '// Deprecated: use example.com/b', '// instead.', '', '// more', 'module example.com/a',
      '', '// Bad release.', '// Really.', 'retract v1.0.0', '', '// block comment', 'retract (', '\tv1.1.0', '\t[v1.2.0, v1.3.0] // why', ')',
    ].join('\n'));
    assert.equal(f.module?.deprecated, '');
    assert.deepEqual(f.retract.map((r) => [r.low, r.high, r.rationale]), [
      ['v1.0.0', 'v1.0.0', 'Bad release.\nReally.'], ['v1.1.0', 'v1.1.0', 'block comment'], ['v1.2.0', 'v1.3.0', 'why'],
    ]);
    const g = parseModFile('// Deprecated: use example.com/b\n// instead.\n//\n// More text.\nmodule example.com/a\n');
    assert.equal(g.module?.deprecated, 'use example.com/b\ninstead.');
    assert.equal(parseModFile('// some text\n// Deprecated: x\nmodule m\n').module?.deprecated, '');
    assert.equal(parseModFile('//Deprecated:blah\nmodule m\n').module?.deprecated, 'blah');
  });
});
