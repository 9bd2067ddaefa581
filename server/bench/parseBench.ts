/**
 * npm run bench:parse — parser throughput over ../shared/corpus and the time for its largest
 * go.mod, with the real go command measured in the same run for comparison (end to end, since
 * `go mod edit -json` is the go command's only way to parse a go.mod).
 *
 * Environment: GML_BENCH_GO_SAMPLES (files per side for the end-to-end comparison, default 60).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseModFile } from '../src/syntax/modfile';
import { parseSumFile } from '../src/syntax/sumfile';
import { parseWorkFile } from '../src/syntax/workfile';
import { downlevel } from '../test/oracle/downlevel';
import { findFiles, goEnv, goOracle, repoRoot, sharedDir } from '../test/oracle/env';

interface Input {
  name: string;
  text: string;
}

function parseAny(f: Input): number {
  if (f.name === 'go.mod') return parseModFile(f.text).require.length;
  if (f.name === 'go.work') return parseWorkFile(f.text).use.length;
  return parseSumFile(f.text).lines.length;
}

const ms = (ns: bigint): number => Number(ns) / 1e6;

function timeOnce(run: () => void): number {
  const t0 = process.hrtime.bigint();
  run();
  return ms(process.hrtime.bigint() - t0);
}

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)] };
}

function corpusThroughput(inputs: Input[]): void {
  const bytes = inputs.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const cold = timeOnce(() => inputs.forEach(parseAny));
  const warm = stats(Array.from({ length: 7 }, () => timeOnce(() => inputs.forEach(parseAny))));
  const mb = bytes / 1e6;
  console.log(`corpus: ${inputs.length} files (go.mod ${inputs.filter((f) => f.name === 'go.mod').length}, go.sum ${inputs.filter((f) => f.name === 'go.sum').length}, go.work ${inputs.filter((f) => f.name === 'go.work').length}), ${mb.toFixed(1)} MB`);
  console.log(`  first pass (cold JIT): ${cold.toFixed(0)} ms = ${(mb / (cold / 1000)).toFixed(1)} MB/s`);
  console.log(`  warm, median of 7:     ${warm.median.toFixed(0)} ms = ${(mb / (warm.median / 1000)).toFixed(1)} MB/s   (target: whole corpus < 2000 ms)`);
}

function largestGoMod(inputs: Input[]): Input & { path: string } {
  const mods = inputs.filter((f) => f.name === 'go.mod') as (Input & { path: string })[];
  return mods.reduce((a, b) => (parseModFile(b.text).require.length > parseModFile(a.text).require.length ? b : a));
}

function largestTime(big: Input): void {
  const requires = parseModFile(big.text).require.length;
  for (let i = 0; i < 300; i++) parseModFile(big.text);
  const s = stats(Array.from({ length: 1000 }, () => timeOnce(() => parseModFile(big.text))));
  console.log(`largest go.mod: ${requires} requires, ${(big.text.length / 1024).toFixed(1)} KiB`);
  console.log(`  parse: median ${s.median.toFixed(3)} ms, p95 ${s.p95.toFixed(3)} ms   (target: < 2 ms)`);
}

function endToEnd(files: string[], label: string): void {
  const go = goOracle()?.bin;
  if (!go) {
    console.log('go command: not found, no comparison (install golang-1.19-go)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'gml-bench-'));
  const copies = files.map((f, i) => {
    const p = join(dir, `${i}.mod`);
    writeFileSync(p, downlevel(readFileSync(f, 'utf8')));
    return p;
  });
  const env = goEnv();
  const run = (cmd: string, args: (p: string) => string[]): number => timeOnce(() => {
    for (const p of copies) spawnSync(cmd, args(p), { env, stdio: 'ignore' });
  });
  run(go, (p) => ['mod', 'edit', '-json', p]); // warm the go build cache and the page cache
  const goMs = run(go, (p) => ['mod', 'edit', '-json', p]);
  const oursMs = run(process.execPath, (p) => [join(repoRoot, 'bin/go-mod-lens.js'), 'edit', '-json', p]);
  const inProcess = timeOnce(() => copies.forEach((p) => parseModFile(readFileSync(p, 'utf8'))));
  console.log(`${label}: ${files.length} go.mod files, one process per file`);
  console.log(`  go mod edit -json:          ${goMs.toFixed(0)} ms (${(goMs / files.length).toFixed(1)} ms/file)`);
  console.log(`  go-mod-lens edit -json:     ${oursMs.toFixed(0)} ms (${(oursMs / files.length).toFixed(1)} ms/file)  ratio ours/go = ${(oursMs / goMs).toFixed(2)}`);
  console.log(`  go-mod-lens in-process:     ${inProcess.toFixed(1)} ms  ratio in-process/go = ${(inProcess / goMs).toFixed(4)}`);
}

function main(): void {
  const shared = sharedDir();
  if (!shared) {
    console.log('bench:parse needs ../shared/corpus beside the checkout; nothing to measure.');
    return;
  }
  console.log(`node ${process.version}, go ${goOracle()?.label ?? 'absent'}`);
  const paths = findFiles(join(shared, 'corpus'), (n) => n === 'go.mod' || n === 'go.work' || n === 'go.sum');
  const inputs = paths.map((p) => ({ path: p, name: basename(p), text: readFileSync(p, 'utf8') }));
  corpusThroughput(inputs);
  const big = largestGoMod(inputs);
  largestTime(big);
  const n = Number(process.env.GML_BENCH_GO_SAMPLES ?? 60);
  const mods = inputs.filter((f) => f.name === 'go.mod');
  endToEnd([big.path], 'largest go.mod, end to end');
  endToEnd(mods.filter((_, i) => i % Math.max(1, Math.floor(mods.length / n)) === 0).slice(0, n).map((f) => f.path), 'corpus sample, end to end');
}

main();
