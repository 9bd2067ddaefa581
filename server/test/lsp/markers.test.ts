/**
 * Self-tests of the tier-2 runner without a server: marker parsing, matching fake results against
 * markers (a mismatch must be reported, or the fixture tests could not fail), applying edits.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic, DiagnosticSeverity, InlayHint } from 'vscode-languageserver-protocol';
import { checkDiagnostics, checkHints, checkHover, compareGolden } from './check';
import { applyTextEdits, EditError, workspaceEditToChanges } from './edits';
import { commentStart, MarkerError, parseFileMarkers, parseMarkerList, parseMarkersTxt } from './markers';

const mod = [
  'module example.com/m', //                                   0
  '',
  'go 1.21',
  '',
  '//@hint("→ v1.3.0", tooltip="because c")', //               4
  '// a comment between the marker and its line',
  '',
  'require example.com/a v1.1.0', //                           7
  'require example.com/b v1.0.0 // indirect; //@diag(code="x", severity="warning", msg="one", msg="two", at="example.com/b") @nohint',
  'replace example.com/b => ../b //@diag(code="replace-ineffective") @fix(code="replace-ineffective", title="Add replace", file="../go.mod", golden="a.golden")',
  'replace "a//b" => ../c //@hover(at="../c", contains="dir", not="zip")', // 10
  '',
].join('\n');

function diag(line: number, code: string | undefined, message: string, severity = 2, start = 0, end = 1): Diagnostic {
  return { range: { start: { line, character: start }, end: { line, character: end } }, code, message, severity: severity as DiagnosticSeverity };
}

function hint(line: number, label: string | string[], tooltip?: string): InlayHint {
  return {
    position: { line, character: 28 },
    label: typeof label === 'string' ? label : label.map((value) => ({ value })),
    tooltip,
  };
}

describe('LSP runner: markers', () => {
  const e = parseFileMarkers('ws/go.mod', mod);

  it('attaches end-of-line markers to their line and standalone ones to the next code line', () => {
    assert.deepEqual(e.hints.map((h) => [h.where.line, h.label, h.tooltip]), [[7, '→ v1.3.0', 'because c']]);
    assert.deepEqual(e.diags.map((d) => [d.where.line, d.code]), [[8, 'x'], [9, 'replace-ineffective']]);
    assert.deepEqual(e.nohints.map((n) => n.where.line), [8]);
  });

  it('reads repeated keys, severities, at spans, hover positions and fix defaults', () => {
    const [x] = e.diags;
    assert.equal(x.severity, 'warning');
    assert.deepEqual(x.msgs, ['one', 'two']);
    assert.deepEqual(x.at, { start: 8, end: 21 });
    assert.deepEqual(e.fixes.map((f) => [f.where.line, f.code, f.title, f.file, f.golden]), [[9, 'replace-ineffective', 'Add replace', '../go.mod', 'a.golden']]);
    const [h] = e.hovers;
    assert.equal(h.where.line, 10);
    assert.equal(h.character, 'replace "a//b" => '.length + 2);
    assert.deepEqual([h.contains, h.not], [['dir'], ['zip']]);
    const own = parseFileMarkers('ws/sub/go.mod', 'module m //@fix(code="c", title="t", golden="g")\n').fixes[0];
    assert.equal(own.file, 'go.mod');
  });

  it('finds comments outside strings only', () => {
    assert.equal(commentStart('replace "a//b" => ../c // x'), 23);
    assert.equal(commentStart('x := `//` // y'), 10);
    assert.equal(commentStart('s := "\\"//" '), -1);
    assert.equal(parseFileMarkers('a.go', 'package a\n\nvar s = "//@diag(code=\\"no\\")"\n').diags.length, 0);
  });

  it('rejects malformed and unknown markers instead of ignoring them', () => {
    const bad = [
      'module m //@diag(code="x"',
      'module m //@diag(code=x)',
      'module m //@diag(code="x") trailing words',
      'module m //@diags(code="x")',
      'module m //@diag(severity="warning")',
      'module m //@diag(code="x", severity="fatal")',
      'module m //@diag(code="x", bogus="y")',
      'module m //@diag(code="x", at="absent")',
      'module m //@hint()',
      'module m //@hint("a", "b")',
      'module m //@hover(contains="x")',
      'module m //@fix(code="x", title="t")',
      'module m //@nohint("x")',
      'module m //@diag(code="a", code="b")',
      'module m\n//@diag(code="x")\n\n// only comments follow\n',
    ];
    for (const text of bad) assert.throws(() => parseFileMarkers('go.mod', text), MarkerError, text);
  });

  it('parses JSON values: escapes, numbers, booleans', () => {
    const [m] = parseMarkerList('@x("a\\"b\\u00e9", n=-1.5e3, b=true, s = "q" )', 'here');
    assert.deepEqual(m.positional, ['a"bé']);
    assert.deepEqual(m.named, [['n', -1500], ['b', true], ['s', 'q']]);
    assert.equal(parseMarkerList('@nohint @nohint()', 'here').length, 2);
  });

  it('reads markers.txt entries with 1-based lines and # comments', () => {
    const entries = parseMarkersTxt('# go.sum has no comments\n\nws/go.sum:3 @diag(code="sum-malformed") @nohint\n');
    assert.deepEqual(entries.map((x) => [x.file, x.line, x.markers.map((m) => m.name)]), [['ws/go.sum', 2, ['diag', 'nohint']]]);
    assert.throws(() => parseMarkersTxt('ws/go.sum @diag(code="x")'), MarkerError);
    assert.throws(() => parseMarkersTxt('ws/go.sum:0 @diag(code="x")'), MarkerError);
  });
});

describe('LSP runner: checking results', () => {
  const e = parseFileMarkers('ws/go.mod', mod);

  it('accepts results that match every marker exactly once', () => {
    const diags = [
      diag(9, 'replace-ineffective', 'replace in a dependency'),
      diag(8, 'x', 'one and two', 2, 8, 21),
    ];
    assert.deepEqual(checkDiagnostics('ws/go.mod', e.diags, diags), []);
    assert.deepEqual(checkHints('ws/go.mod', e.hints, e.nohints, [hint(7, ['→ ', 'v1.3.0'], 'selected because c requires it')]), []);
  });

  it('reports missing, unexpected and mismatching diagnostics with file:line', () => {
    const got = checkDiagnostics('ws/go.mod', e.diags, [
      diag(8, 'x', 'one only', 2, 8, 21), // msg "two" missing
      diag(3, 'syntax', 'unknown directive', 1),
    ]);
    assert.equal(got.length, 4, got.join('\n'));
    assert.match(got[0], /^ws\/go\.mod:9: missing diagnostic @diag\(code="x".*got on that line: \[warning\] x "one only"/);
    assert.match(got[1], /^ws\/go\.mod:10: missing diagnostic @diag\(code="replace-ineffective"\); got on that line: none/);
    assert.match(got[2], /^ws\/go\.mod:9: unexpected diagnostic \[warning\] x "one only" \(9:9-9:22\)/);
    assert.match(got[3], /^ws\/go\.mod:4: unexpected diagnostic \[error\] syntax/);
  });

  it('checks severity and the at range', () => {
    const [x] = e.diags;
    assert.equal(checkDiagnostics('f', [x], [diag(8, 'x', 'one two', 1, 8, 21)]).length, 2);
    assert.equal(checkDiagnostics('f', [x], [diag(8, 'x', 'one two', 2, 8, 20)]).length, 2);
    assert.equal(checkDiagnostics('f', [x], [diag(8, 'x', 'one two', 2, 8, 21)]).length, 0);
  });

  it('matches one marker per diagnostic: two identical diagnostics need two markers', () => {
    const [, r] = e.diags;
    const twice = [diag(9, 'replace-ineffective', 'a'), diag(9, 'replace-ineffective', 'b')];
    assert.equal(checkDiagnostics('f', [r], twice).length, 1);
    assert.equal(checkDiagnostics('f', [r, r], twice).length, 0);
  });

  it('reports unexpected, missing and @nohint-violating hints', () => {
    const got = checkHints('ws/go.mod', e.hints, e.nohints, [hint(7, '→ v1.2.0'), hint(8, '→ v1.0.1'), hint(0, 'x')]);
    assert.equal(got.length, 4, got.join('\n'));
    assert.match(got[0], /^ws\/go\.mod:8: missing inlay hint @hint\("→ v1\.3\.0".*got on that line: "→ v1\.2\.0"/);
    assert.match(got[2], /^ws\/go\.mod:9: unexpected inlay hint "→ v1\.0\.1" .*\(line marked @nohint\)/);
    assert.match(got[3], /^ws\/go\.mod:1: unexpected inlay hint "x"/);
    assert.equal(checkHints('f', e.hints, [], [hint(7, '→ v1.3.0', 'other tooltip')]).length, 2);
  });

  it('checks hover text: contains, not, absent hover; markup and marked strings', () => {
    const [h] = e.hovers;
    assert.deepEqual(checkHover('f', h, { contents: { kind: 'markdown', value: 'a local dir' } }), []);
    assert.deepEqual(checkHover('f', h, { contents: ['a', { language: 'go', value: 'dir' }] }), []);
    const zip = checkHover('f', h, { contents: 'dir or zip' });
    assert.equal(zip.length, 1);
    assert.match(zip[0], /hover must not contain "zip"\n.*hover text was: "dir or zip"/);
    assert.equal(checkHover('f', h, { contents: 'nothing' }).length, 1);
    assert.match(checkHover('f', h, null)[0], /^f:11:\d+: @hover.*: no hover/);
  });

  it('compares goldens byte for byte and shows the first difference', () => {
    assert.equal(compareGolden('a\nb\n', 'a\nb\n'), '');
    assert.match(compareGolden('a\nb\n', 'a\nc\n'), /first difference at line 2: want "b", got "c"/);
    assert.match(compareGolden('a\n', 'a'), /first difference at line 2: want "", got \(end of file\)/);
  });
});

describe('LSP runner: applying workspace edits', () => {
  const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

  it('applies edits against the original text, in any order, with CRLF and UTF-16 positions', () => {
    const text = 'module m\r\n\r\nrequire é v1.0.0\r\n';
    const out = applyTextEdits(text, [
      { range: r(3, 0, 3, 0), newText: 'replace é => ../e\r\n' },
      { range: r(2, 10, 2, 16), newText: 'v1.2.0' },
      { range: r(0, 7, 0, 99), newText: 'n' },
    ]);
    assert.equal(out, 'module n\r\n\r\nrequire é v1.2.0\r\nreplace é => ../e\r\n');
  });

  it('rejects overlapping edits and resource operations', () => {
    assert.throws(() => applyTextEdits('abcdef', [{ range: r(0, 0, 0, 3), newText: '' }, { range: r(0, 2, 0, 4), newText: '' }]), EditError);
    assert.throws(() => workspaceEditToChanges({ documentChanges: [{ kind: 'create', uri: 'file:///x' }] }), EditError);
  });

  it('merges changes and documentChanges per URI', () => {
    const m = workspaceEditToChanges({
      changes: { 'file:///a': [{ range: r(0, 0, 0, 0), newText: 'x' }] },
      documentChanges: [{ textDocument: { uri: 'file:///b', version: 1 }, edits: [{ range: r(0, 0, 0, 0), newText: 'y' }] }],
    });
    assert.deepEqual([...m.keys()], ['file:///a', 'file:///b']);
  });
});
