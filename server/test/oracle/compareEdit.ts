/**
 * compareWithGo runs `go mod edit -json` and `go mod edit -print` (or the go work forms) on a text
 * and compares them with go-mod-lens: identical JSON and formatting when Go accepts the text, the
 * same error lines (position and message) when Go rejects it. Go before 1.21 knows no newer syntax:
 * for it texts are compared after `downlevel` and spec-checked as they are, and its printer and
 * encoding/json are the legacy ones (x/mod before 2023: Go ≤ 1.20; `\b`/`\f` escapes: Go < 1.22).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_GO } from '../../src/module/goVersion';
import { goErrorLines } from '../../src/syntax/errors';
import { formatModFile, formatWorkFile } from '../../src/syntax/format';
import { goMarshalIndent, modFileJson, workFileJson } from '../../src/syntax/goJson';
import { parseModFile } from '../../src/syntax/modfile';
import { encodeGoUtf8 } from '../../src/syntax/text';
import { parseWorkFile } from '../../src/syntax/workfile';
import { downlevel } from './downlevel';
import { GoOracle, compareRelease, runGo } from './env';

export interface Outcome {
  label: string;
  kind: 'accepted' | 'accepted-downleveled' | 'rejected' | 'rejected-newer' | 'mismatch';
  detail?: string;
}

function ours(oracle: GoOracle, text: string, name: string, work: boolean) {
  const f = work ? parseWorkFile(text, name) : parseModFile(text, { name });
  const errors = goErrorLines(name, text, f.errors);
  const json = errors.length === 0 ? goMarshalIndent('use' in f ? workFileJson(f) : modFileJson(f, oracle.release), compareRelease(oracle.release, '1.22') < 0) : '';
  const fmt = (work ? formatWorkFile : formatModFile)(text, name, { legacy: compareRelease(oracle.release, '1.21') < 0 });
  return { errors, json, fmt: fmt.ok ? fmt.text : '' };
}

const lineOf = (l: string): string => (/^.*?:(\d+)(?::\d+)?: /.exec(l) ?? ['', '?'])[1];

/** compareWithGo compares one text; `dir` must be a fresh empty directory. */
export async function compareWithGo(oracle: GoOracle, text: string, work: boolean, dir: string, label: string): Promise<Outcome> {
  const down = compareRelease(oracle.release, '1.21') < 0 ? downlevel(text) : text;
  mkdirSync(dir, { recursive: true });
  const name = work ? 'go.work' : 'go.mod';
  writeFileSync(join(dir, name), encodeGoUtf8(down)); // an invalid byte the text kept goes to Go as that byte
  const cmd = work ? ['work', 'edit'] : ['mod', 'edit'];
  const [json, print] = await Promise.all([runGo(oracle, [...cmd, '-json', name], dir), runGo(oracle, [...cmd, '-print', name], dir)]);
  const o = ours(oracle, down, name, work);
  if (json.status !== 0) {
    // one entry per error: continuation lines (a tab first) belong to the error before
    const goErrors: string[] = [];
    for (const l of json.stderr.split('\n')) {
      if (/^\S+:\d+(:\d+)?: /.test(l)) goErrors.push(l);
      else if (l.startsWith('\t') && goErrors.length > 0) goErrors[goErrors.length - 1] += `\n${l}`;
    }
    if (goErrors.map(lineOf).join(',') !== o.errors.map(lineOf).join(',')) {
      return { label, kind: 'mismatch', detail: `go rejects at lines ${goErrors.map(lineOf)} with\n${json.stderr}we report lines ${o.errors.map(lineOf)}: ${o.errors.join('\n')}` };
    }
    // the messages too, as the newest go command words them (older releases worded some differently)
    const sameWords = compareRelease(oracle.release, LATEST_GO) < 0 || goErrors.join('\n') === o.errors.join('\n');
    if (!sameWords) return { label, kind: 'mismatch', detail: `other messages:\ngo:   ${goErrors.join('\n      ')}\nours: ${o.errors.join('\n      ')}` };
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
