/**
 * node server/out/bench/goFeatureBench.js [DIR] — the go-below-features scan of a copy of one
 * module directory (default: Go 1.19's src/net, 334 .go files outside testdata): cold (first scan in a fresh process,
 * loading the .wasm files included), warm (same scanner, nothing changed), after touching one
 * file, and a second cold scan in the same process (parser already compiled by V8).
 */
import { cpSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GoFeatureScanner } from '../src/node/goFeatureScan';

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const out = await run();
  return [out, Number(process.hrtime.bigint() - t0) / 1e6];
}

async function main(): Promise<void> {
  const source = process.argv[2] ?? '/usr/lib/go-1.19/src/net';
  const dir = join(mkdtempSync(join(tmpdir(), 'gml-feature-bench-')), 'm');
  cpSync(source, dir, { recursive: true });
  try {
    await report(source, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function report(source: string, dir: string): Promise<void> {
  const scanner = new GoFeatureScanner();
  const [cold, coldMs] = await timed(() => scanner.scanModule(dir));
  const [, warmMs] = await timed(() => scanner.scanModule(dir));
  if (cold.first) {
    const now = new Date();
    utimesSync(cold.first.file, now, now); // mtime changes, content does not
  }
  const [, touchedMs] = await timed(() => scanner.scanModule(dir));
  const again = new GoFeatureScanner();
  const [, cold2Ms] = await timed(() => again.scanModule(dir));
  console.log(`${source}: ${cold.files} files, required ${cold.required || 'nothing'}` +
    (cold.first ? ` (${cold.first.feature} at ${cold.first.file.slice(dir.length + 1)}:${cold.first.line + 1})` : ''));
  console.log(`cold ${coldMs.toFixed(0)} ms, warm ${warmMs.toFixed(0)} ms, one file touched ${touchedMs.toFixed(0)} ms, ` +
    `cold again in-process ${cold2Ms.toFixed(0)} ms; parses ${scanner.parseCount}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
