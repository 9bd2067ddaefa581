/**
 * Differential test against every go command there is (Go 1.26, Go 1.19, …): for every go.mod and
 * go.work in ../shared/corpus, `go-mod-lens edit -json` must print exactly what `go mod edit -json`
 * prints, formatting must equal `go mod edit -print`, and where Go rejects a file we must report
 * errors on the same lines — with the same messages for the newest go (see oracle/compareEdit.ts).
 * A second test does the same for mutated corpus files.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { decodeGoUtf8 } from '../../src/syntax/text';
import { Rng, mutate } from '../fuzz/mutate';
import { Outcome, compareWithGo } from '../oracle/compareEdit';
import { downlevel } from '../oracle/downlevel';
import { GoOracle, compareRelease, findFiles, mapLimit, noShared, sharedDir } from '../oracle/env';
import { describeEachGo } from '../oracle/suites';
import { note } from '../support/notes';

function summary(oracle: GoOracle, what: string, outcomes: Outcome[]): Outcome[] {
  const count = (k: Outcome['kind']): number => outcomes.filter((o) => o.kind === k).length;
  const mismatches = outcomes.filter((o) => o.kind === 'mismatch');
  note(`${what} vs ${oracle.label}: ${outcomes.length} inputs; identical: ${count('accepted')} accepted as-is, ` +
    `${count('accepted-downleveled')} accepted after downleveling newer syntax (also spec-checked), ` +
    `${count('rejected')} rejected by both on the same lines, ${count('rejected-newer')} rejected only for invalid newer syntax; ` +
    `mismatches: ${mismatches.length}`);
  return mismatches;
}

function corpusFiles(): string[] {
  return findFiles(join(sharedDir() as string, 'corpus'), (n) => n === 'go.mod' || n === 'go.work');
}

describeEachGo('differential: edit -json / -fmt against the real go command', function (oracle) {
  this.timeout(20 * 60 * 1000);

  before(function () {
    if (sharedDir()) return;
    note(noShared);
    this.skip();
  });

  it('agrees with go on every go.mod and go.work of ../shared/corpus', async () => {
    const shared = sharedDir() as string;
    const files = corpusFiles();
    const scratch = mkdtempSync(join(tmpdir(), 'gml-diff-'));
    const outcomes = await mapLimit(files.map((f, i) => ({ f, i })), 4, ({ f, i }) =>
      compareWithGo(oracle, decodeGoUtf8(readFileSync(f)), basename(f) === 'go.work', join(scratch, String(i)), relative(shared, f)));
    assert.deepEqual(summary(oracle, 'corpus', outcomes).slice(0, 3), []);
  });

  it('agrees with go on mutated corpus files (errors on the same lines)', async () => {
    const seed = Number(process.env.GML_FUZZ_SEED ?? 7);
    const rounds = Number(process.env.GML_DIFF_FUZZ_ROUNDS ?? 600);
    const rng = new Rng(seed);
    const sources = corpusFiles().map((f) => ({ work: basename(f) === 'go.work', text: decodeGoUtf8(readFileSync(f)) }))
      .filter((s) => s.text.length < 8000 && (compareRelease(oracle.release, '1.21') >= 0 || downlevel(s.text) === s.text)); // Go < 1.21: only 1.19-era syntax
    const inputs = Array.from({ length: rounds }, () => {
      const s = rng.pick(sources);
      let text = s.text;
      for (let k = 1 + rng.int(3); k > 0; k--) text = mutate(rng, text);
      return { work: s.work, text };
    });
    const scratch = mkdtempSync(join(tmpdir(), 'gml-fuzz-'));
    const outcomes = await mapLimit(inputs.map((x, i) => ({ ...x, i })), 4, (x) =>
      compareWithGo(oracle, x.text, x.work, join(scratch, String(x.i)), `mutation ${x.i} (seed ${seed}): ${JSON.stringify(x.text.slice(0, 3000))}`));
    assert.deepEqual(summary(oracle, `mutations (seed ${seed})`, outcomes).slice(0, 3), []);
  });
});
