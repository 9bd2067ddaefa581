/**
 * Differential test against the real go command (Debian's Go 1.19): for every go.mod and go.work
 * in ../shared/corpus, `go-mod-lens edit -json` must print exactly what `go mod edit -json` prints,
 * formatting must equal `go mod edit -print` (legacy printer, as 1.19 has it), and where Go rejects
 * a file we must report an error on the same line(s). Files with syntax newer than 1.19 are
 * compared after `downlevel` (same lines, 1.19 syntax) and checked against the spec as well.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { goErrorLines } from '../../src/syntax/errors';
import { formatModFile, formatWorkFile } from '../../src/syntax/format';
import { goMarshalIndent, modFileJson, workFileJson } from '../../src/syntax/goJson';
import { parseModFile } from '../../src/syntax/modfile';
import { decodeGoUtf8 } from '../../src/syntax/text';
import { parseWorkFile } from '../../src/syntax/workfile';
import { downlevel } from '../oracle/downlevel';
import { findFiles, goBinary, mapLimit, noGo, noShared, runGo, sharedDir } from '../oracle/env';

interface Outcome {
  file: string;
  kind: 'accepted' | 'accepted-downleveled' | 'rejected' | 'mismatch';
  detail?: string;
}

function ours(text: string, name: string, work: boolean) {
  const f = work ? parseWorkFile(text, name) : parseModFile(text, { name });
  const errors = goErrorLines(name, text, f.errors);
  const json = errors.length === 0 ? goMarshalIndent('use' in f ? workFileJson(f) : modFileJson(f)) : '';
  const fmt = (work ? formatWorkFile : formatModFile)(text, name, { legacy: true });
  return { errors, json, fmt: fmt.ok ? fmt.text : '' };
}

const lineOf = (l: string): string => (/^.*?:(\d+)(?::\d+)?: /.exec(l) ?? ['', '?'])[1];

async function compareOne(file: string, scratch: string, index: number): Promise<Outcome> {
  const work = basename(file).endsWith('.work');
  const text = decodeGoUtf8(readFileSync(file));
  const down = downlevel(text);
  const dir = join(scratch, String(index));
  mkdirSync(dir);
  const name = work ? 'go.work' : 'go.mod';
  writeFileSync(join(dir, name), down);
  const cmd = work ? ['work', 'edit'] : ['mod', 'edit'];
  const [json, print] = await Promise.all([runGo([...cmd, '-json', name], dir), runGo([...cmd, '-print', name], dir)]);
  const o = ours(down, name, work);
  const at = relative(sharedDir() ?? '', file);
  if (json.status !== 0) {
    const goLines = json.stderr.split('\n').filter((l) => /^\S+:\d+(:\d+)?: /.test(l)).map(lineOf);
    const ourLines = o.errors.map(lineOf);
    if (goLines.join(',') !== ourLines.join(',')) {
      return { file: at, kind: 'mismatch', detail: `go rejects at lines ${goLines} with\n${json.stderr}we report lines ${ourLines}: ${o.errors.join('\n')}` };
    }
    return { file: at, kind: 'rejected' };
  }
  if (o.errors.length > 0) return { file: at, kind: 'mismatch', detail: `go accepts, we report ${o.errors.join('\n')}` };
  if (o.json !== json.stdout) return { file: at, kind: 'mismatch', detail: `-json differs:\nours:\n${o.json}\ngo:\n${json.stdout}` };
  if (o.fmt !== print.stdout) return { file: at, kind: 'mismatch', detail: `-fmt differs:\nours:\n${o.fmt}\ngo:\n${print.stdout}` };
  if (down !== text) {
    const spec = specCheck(text, work);
    if (spec) return { file: at, kind: 'mismatch', detail: spec };
    return { file: at, kind: 'accepted-downleveled' };
  }
  return { file: at, kind: 'accepted' };
}

/**
 * specCheck: a file with post-1.19 syntax, whose downleveled form Go accepted, must parse without
 * errors and keep the newer directives with their values (semantics §1.3).
 */
function specCheck(text: string, work: boolean): string | undefined {
  const f = work ? parseWorkFile(text) : parseModFile(text);
  if (f.errors.length > 0) return `newer syntax rejected: ${f.errors.map((e) => e.message).join('; ')}`;
  const goTok = /^go\s+(\S+)/m.exec(text);
  if (goTok && f.go?.version !== goTok[1]) return `go version ${f.go?.version} != ${goTok[1]}`;
  const tc = /^toolchain\s+(\S+)/m.exec(text);
  if (tc && f.toolchain?.name !== tc[1]) return `toolchain ${f.toolchain?.name} != ${tc[1]}`;
  if (!work && 'tool' in f) {
    const toolLines = text.split('\n').filter((l) => /^tool\s+\S/.test(l)).length;
    if (f.tool.length < toolLines) return `tool lines: ${f.tool.length} < ${toolLines}`;
  }
  return undefined;
}

describe('differential: edit -json / -fmt against the real go command over the corpus', function () {
  this.timeout(20 * 60 * 1000);

  it('agrees with go on every go.mod and go.work of ../shared/corpus', async function () {
    const shared = sharedDir();
    if (!shared) this.skip();
    if (!goBinary()) this.skip();
    const files = findFiles(join(shared as string, 'corpus'), (n) => n === 'go.mod' || n === 'go.work');
    const scratch = mkdtempSync(join(tmpdir(), 'gml-diff-'));
    const outcomes = await mapLimit(files, 4, (f) => compareOne(f, scratch, files.indexOf(f)));
    const count = (k: Outcome['kind']): number => outcomes.filter((o) => o.kind === k).length;
    const mismatches = outcomes.filter((o) => o.kind === 'mismatch');
    console.log(`      differential vs ${goBinary()}: ${files.length} files; identical: ${count('accepted')} accepted as-is, ` +
      `${count('accepted-downleveled')} accepted after downleveling newer syntax (also spec-checked), ` +
      `${count('rejected')} rejected by both on the same lines; mismatches: ${mismatches.length}`);
    assert.deepEqual(mismatches.slice(0, 5), []);
  });
});

export { noGo, noShared };
