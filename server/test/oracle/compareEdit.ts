/**
 * compareWithGo runs `go mod edit -json` and `go mod edit -print` (or the go work forms) on a text
 * and compares them with go-mod-lens: identical JSON and formatting (legacy printer, as Go 1.19
 * has it) when Go accepts the text, errors on the same lines when Go rejects it. Texts with syntax
 * newer than Go 1.19 are compared after `downlevel` and spec-checked as they are.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goErrorLines } from '../../src/syntax/errors';
import { formatModFile, formatWorkFile } from '../../src/syntax/format';
import { goMarshalIndent, modFileJson, workFileJson } from '../../src/syntax/goJson';
import { parseModFile } from '../../src/syntax/modfile';
import { encodeGoUtf8 } from '../../src/syntax/text';
import { parseWorkFile } from '../../src/syntax/workfile';
import { downlevel } from './downlevel';
import { GoOracle, runGo } from './env';

export interface Outcome {
  label: string;
  kind: 'accepted' | 'accepted-downleveled' | 'rejected' | 'rejected-newer' | 'mismatch';
  detail?: string;
}

function ours(text: string, name: string, work: boolean) {
  const f = work ? parseWorkFile(text, name) : parseModFile(text, { name });
  const errors = goErrorLines(name, text, f.errors);
  const json = errors.length === 0 ? goMarshalIndent('use' in f ? workFileJson(f) : modFileJson(f), true) : '';
  const fmt = (work ? formatWorkFile : formatModFile)(text, name, { legacy: true });
  return { errors, json, fmt: fmt.ok ? fmt.text : '' };
}

const lineOf = (l: string): string => (/^.*?:(\d+)(?::\d+)?: /.exec(l) ?? ['', '?'])[1];

/** compareWithGo compares one text; `dir` must be a fresh empty directory. */
export async function compareWithGo(oracle: GoOracle, text: string, work: boolean, dir: string, label: string): Promise<Outcome> {
  const down = downlevel(text);
  mkdirSync(dir, { recursive: true });
  const name = work ? 'go.work' : 'go.mod';
  writeFileSync(join(dir, name), encodeGoUtf8(down)); // an invalid byte the text kept goes to Go as that byte
  const cmd = work ? ['work', 'edit'] : ['mod', 'edit'];
  const [json, print] = await Promise.all([runGo(oracle, [...cmd, '-json', name], dir), runGo(oracle, [...cmd, '-print', name], dir)]);
  const o = ours(down, name, work);
  if (json.status !== 0) {
    const goLines = json.stderr.split('\n').filter((l) => /^\S+:\d+(:\d+)?: /.test(l)).map(lineOf);
    const ourLines = o.errors.map(lineOf);
    if (goLines.join(',') !== ourLines.join(',')) {
      return { label, kind: 'mismatch', detail: `go rejects at lines ${goLines} with\n${json.stderr}we report lines ${ourLines}: ${o.errors.join('\n')}` };
    }
    return { label, kind: 'rejected' };
  }
  if (o.errors.length > 0) return { label, kind: 'mismatch', detail: `go accepts, we report ${o.errors.join('\n')}` };
  if (o.json !== json.stdout) return { label, kind: 'mismatch', detail: `-json differs:\nours:\n${o.json}\ngo:\n${json.stdout}` };
  if (o.fmt !== print.stdout) return { label, kind: 'mismatch', detail: `-fmt differs:\nours:\n${o.fmt}\ngo:\n${print.stdout}` };
  if (down !== text) {
    return specCheck(text, down, work, label);
  }
  return { label, kind: 'accepted' };
}

/**
 * specCheck judges a file whose downleveled form Go 1.19 accepted: every line Go read unchanged is
 * valid, so any error we report must sit on a line `downlevel` rewrote (newer syntax, judged by
 * the spec: semantics §1.3, §1.9); without errors, the newer directives must keep their values.
 */
function specCheck(text: string, down: string, work: boolean, label: string): Outcome {
  const a = text.split('\n');
  const b = down.split('\n');
  const changed = new Set(a.map((l, i) => (l !== b[i] ? String(i + 1) : '')).filter((x) => x !== ''));
  const f = work ? parseWorkFile(text) : parseModFile(text);
  const errors = goErrorLines(work ? 'go.work' : 'go.mod', text, f.errors);
  if (errors.length > 0) {
    const stray = errors.filter((e) => !changed.has(lineOf(e)));
    if (stray.length > 0) return { label, kind: 'mismatch', detail: `errors on lines Go 1.19 accepted: ${stray.join('; ')}` };
    return { label, kind: 'rejected-newer' };
  }
  const goTok = /^go\s+(\S+)/m.exec(text);
  if (goTok && f.go?.version !== goTok[1]) return { label, kind: 'mismatch', detail: `go version ${f.go?.version} != ${goTok[1]}` };
  const tc = /^toolchain\s+(\S+)/m.exec(text);
  if (tc && f.toolchain?.name !== tc[1]) return { label, kind: 'mismatch', detail: `toolchain ${f.toolchain?.name} != ${tc[1]}` };
  if ('tool' in f) {
    const toolLines = a.filter((l) => /^tool\s+\S/.test(l)).length;
    if (f.tool.length < toolLines) return { label, kind: 'mismatch', detail: `tool lines: ${f.tool.length} < ${toolLines}` };
  }
  return { label, kind: 'accepted-downleveled' };
}
