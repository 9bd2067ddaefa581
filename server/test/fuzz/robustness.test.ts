/**
 * Robustness: thousands of mutated inputs never make the parsers throw or hang, every span they
 * return lies inside the text and names the right characters, and every file that parses survives
 * a print/parse round trip unchanged. Parsing time grows linearly with input size.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileSyntax } from '../../src/syntax/ast';
import { formatModFile, formatWorkFile, syntaxPrintFile } from '../../src/syntax/format';
import { LATEST_GO } from '../../src/module/goVersion';
import { goMarshalIndent, modFileJson, workFileJson } from '../../src/syntax/goJson';
import { parseModFile } from '../../src/syntax/modfile';
import { ParseError } from '../../src/syntax/parser';
import { printFile } from '../../src/syntax/printer';
import { parseSumFile } from '../../src/syntax/sumfile';
import { parseWorkFile } from '../../src/syntax/workfile';
import { findFiles, repoRoot, sharedDir } from '../oracle/env';
import { Rng, mutate, randomBytes } from './mutate';

const seed = Number(process.env.GML_FUZZ_SEED ?? 20261129);
const rounds = Number(process.env.GML_FUZZ_ROUNDS ?? 4000);

function samples(): string[] {
  const own = findFiles(join(repoRoot, 'server/test/syntax/testdata'), (n) => n.endsWith('.in'));
  const shared = sharedDir();
  const corpus = shared ? findFiles(join(shared, 'corpus'), (n) => /^go\.(mod|work|sum)$/.test(n)).filter((_, i) => i % 7 === 0) : [];
  return [...own, ...corpus].map((f) => readFileSync(f, 'utf8')).filter((t) => t.length < 200_000);
}

function checkSpans(text: string, errors: ParseError[], syntax?: FileSyntax): void {
  for (const e of errors) {
    assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `error span ${e.start}-${e.end} of ${text.length}`);
    assert.ok(e.pos >= 0 && e.pos <= text.length, `error pos ${e.pos}`);
    assert.ok(e.message.length > 0);
  }
  for (const s of syntax?.stmts ?? []) {
    const lines = s.type === 'line' ? [s] : s.type === 'block' ? s.lines : [];
    for (const l of lines) {
      for (const t of l.tokens) assert.equal(text.slice(t.start, t.end), t.text, 'token span');
      for (const c of l.comments.suffix) assert.equal(text.slice(c.start, c.end), c.text, 'comment span');
    }
  }
}

const roundTrip = (text: string): void => {
  const f = parseModFile(text);
  if (f.errors.length > 0) return;
  const printed = printFile(syntaxPrintFile(f.syntax));
  const g = parseModFile(printed);
  assert.deepEqual(g.errors, [], `printed file must parse:\n${printed}`);
  assert.equal(goMarshalIndent(modFileJson(g, LATEST_GO)), goMarshalIndent(modFileJson(f, LATEST_GO)), 'parse(print(parse(x))) == parse(x)');
  const fmt = formatModFile(text);
  assert.ok(fmt.ok);
  const h = parseModFile(fmt.text);
  assert.deepEqual(h.errors, []);
  // Formatting sorts block lines, so compare each list as a set. Retract rationales are left out:
  // `go mod edit -fmt` itself can change them (a line that sorts to the top of a block loses the
  // blank line before it and then inherits the block's comment; checked with Go 1.19).
  const sortedJson = (m: typeof f): string => {
    const j = modFileJson(m, LATEST_GO) as Record<string, unknown>;
    if (Array.isArray(j.Retract)) j.Retract = (j.Retract as Record<string, unknown>[]).map((r) => ({ ...r, Rationale: undefined }));
    for (const k of ['Require', 'Exclude', 'Replace', 'Retract', 'Godebug', 'Tool', 'Ignore']) {
      if (Array.isArray(j[k])) j[k] = (j[k] as unknown[]).map((x) => JSON.stringify(x)).sort();
    }
    return JSON.stringify(j);
  };
  assert.equal(sortedJson(h), sortedJson(f), 'formatting keeps the meaning');
};

describe('robustness of the parsers', function () {
  this.timeout(10 * 60 * 1000);

  it(`survives ${rounds} mutations (seed ${seed})`, () => {
    const rng = new Rng(seed);
    const inputs = samples();
    for (let i = 0; i < rounds; i++) {
      let text = rng.pick(inputs);
      const n = 1 + rng.int(4);
      for (let k = 0; k < n; k++) text = mutate(rng, text);
      try {
        const strict = parseModFile(text);
        checkSpans(text, strict.errors, strict.syntax);
        const lax = parseModFile(text, { strict: false });
        checkSpans(text, lax.errors, lax.syntax);
        const work = parseWorkFile(text);
        checkSpans(text, work.errors, work.syntax);
        if (work.errors.length === 0) assert.ok(formatWorkFile(text).ok && goMarshalIndent(workFileJson(work)).length > 0);
        checkSpans(text, parseSumFile(text).errors);
        roundTrip(text);
      } catch (e) {
        assert.fail(`round ${i} (seed ${seed}) failed on ${JSON.stringify(text.slice(0, 2000))}: ${e instanceof Error ? e.stack : e}`);
      }
    }
  });

  it('handles binary data and 10 MB inputs', () => {
    const rng = new Rng(seed);
    const binary = randomBytes(rng, 1 << 20);
    const f = parseModFile(binary);
    checkSpans(binary, f.errors, f.syntax);
    assert.ok(f.errors.length > 0);
    const lines = ['module example.com/big', '', 'require ('];
    for (let i = 0, size = 0; size < 10_000_000; i++) {
      const line = `\texample.com/dep${i} v1.${i % 100}.0 // indirect`;
      lines.push(line);
      size += line.length + 1;
    }
    lines.push(')');
    const big = lines.join('\n') + '\n';
    const g = parseModFile(big);
    assert.deepEqual(g.errors, []);
    assert.equal(g.require.length, lines.length - 4);
    const fmt = formatModFile(big);
    assert.ok(fmt.ok);
    assert.equal(parseSumFile(big).errors.length > 0, true);
  });

  it('parses in time linear in the input size', () => {
    const unit = 'require (\n' + Array.from({ length: 200 }, (_, i) => `\texample.com/m${i} v1.0.${i} // indirect\n`).join('') + ')\n// note\n';
    const time = (copies: number): number => {
      const text = 'module m\n' + unit.repeat(copies);
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t0 = process.hrtime.bigint();
        parseModFile(text);
        best = Math.min(best, Number(process.hrtime.bigint() - t0));
      }
      return best;
    };
    time(20);
    const small = time(50);
    const large = time(800);
    // 16 times the input: a linear parser takes about 16 times as long; allow for noise, catch quadratics (256×)
    assert.ok(large / small < 48, `16x input took ${(large / small).toFixed(1)}x the time`);
  });
});
