/**
 * The disk side of the `go-below-features` diagnostic: walks a module's own packages, parses each
 * .go file with tree-sitter-go (WebAssembly, through web-tree-sitter) and asks the pure engine
 * (analysis/goFeatures) which language features they use, keeping the highest version needed.
 *
 * - Only the module's own packages: nested modules (a subdirectory holding a go.mod file),
 *   `vendor`, `testdata` and names starting with `.` or `_` are skipped, as `go build ./...` skips
 *   them; every `*.go` file counts, `_test.go` included. Symlinked directories are not followed.
 * - A file's `//go:build go1.N` line excuses features up to go1.N (the engine applies it), and a
 *   use of a predeclared name (`min`, `len`) does not count when another file of the same package
 *   (directory and package clause) declares that name at package level.
 * - Files over `maxFileBytes` (2 MB) are skipped; at most `maxFiles` (5,000) files are read, the
 *   first in path order.
 * - Results are cached per file, keyed by absolute path, mtimeMs and size: a rescan re-parses only
 *   what changed. `invalidate(path)` forgets a file (or everything under a directory).
 * - The two .wasm files are looked up beside the running script first (the bundled server in
 *   dist/ gets copies), else in node_modules: `web-tree-sitter/tree-sitter.wasm` and
 *   `tree-sitter-go/tree-sitter-go.wasm`. They are loaded once, on the first scan; when they cannot
 *   be, every scan rejects with an error saying which files it tried.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { FeatureUse, goFeaturesOf, goFileFactsOf } from '../analysis/goFeatures';
import { compareGoVersion } from '../module/goVersion';
import { decodeGoUtf8 } from '../syntax/text';
import { readRegularFileAsync } from './readFile';
// A require-style import: bundlers then pick the package's CommonJS build (its ESM build reads
// import.meta.url, which a CommonJS bundle does not have).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
import treeSitter = require('web-tree-sitter');

type Parser = treeSitter.Parser;
const { Language, Parser } = treeSitter;

/** ModuleFeatures: what a module's own code needs of its go line. */
export interface ModuleFeatures {
  /** The highest Go version a feature use needs; '' when none. */
  required: string;
  /** The first use (by file path, then position) of a feature needing `required`. */
  first?: FeatureUse & { file: string };
  /** How many .go files were analysed. */
  files: number;
}

export interface ScanModuleOptions {
  /** Polled between files; when it returns true the scan rejects with GoFeatureScanCancelled. */
  isCancelled?: () => boolean;
}

export interface GoFeatureScannerOptions {
  maxFileBytes?: number;
  maxFiles?: number;
  /** Where the two .wasm files are (default: goParserWasmPaths()). */
  wasm?: GoParserWasmPaths;
}

export interface GoParserWasmPaths {
  /** web-tree-sitter's runtime, tree-sitter.wasm. */
  runtime: string;
  /** The Go grammar, tree-sitter-go.wasm. */
  go: string;
}

/** GoFeatureScanCancelled is the rejection of a scan stopped by its isCancelled callback. */
export class GoFeatureScanCancelled extends Error {
  constructor() {
    super('go feature scan cancelled');
    this.name = 'GoFeatureScanCancelled';
  }
}

/** What the cache keeps of one file: enough to answer for any package context. */
interface FileSummary {
  packageName: string;
  packageScopeNames: string[];
  /** The first use per (version, unlessDeclared) pair, in position order. */
  uses: FeatureUse[];
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  summary: FileSummary;
}

/** GoFeatureScanner scans modules for language-feature uses, caching per file. */
export class GoFeatureScanner {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly maxFileBytes: number;
  private readonly maxFiles: number;
  private readonly wasm: GoParserWasmPaths | undefined;
  private parser: Promise<Parser> | undefined;
  private parses = 0;

  constructor(options: GoFeatureScannerOptions = {}) {
    this.maxFileBytes = options.maxFileBytes ?? 2 * 1024 * 1024;
    this.maxFiles = options.maxFiles ?? 5000;
    this.wasm = options.wasm;
  }

  /** parseCount is how many files this scanner has parsed (cache misses), for tests and logs. */
  get parseCount(): number {
    return this.parses;
  }

  /** invalidate forgets the cached result of a file, or of every file under a directory. */
  invalidate(path: string): void {
    this.cache.delete(path);
    const prefix = path.endsWith(sep) ? path : path + sep;
    for (const key of this.cache.keys()) if (key.startsWith(prefix)) this.cache.delete(key);
  }

  /** scanModule analyses the module rooted at moduleDir (an absolute path). */
  async scanModule(moduleDir: string, options: ScanModuleOptions = {}): Promise<ModuleFeatures> {
    const parser = await this.goParser();
    const cancelled = options.isCancelled ?? ((): boolean => false);
    const paths = (await listModuleGoFiles(moduleDir, cancelled)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const summaries = new Map<string, FileSummary>();
    for (const path of paths) {
      if (summaries.size >= this.maxFiles) break;
      if (cancelled()) throw new GoFeatureScanCancelled();
      const summary = await this.summaryOf(parser, path);
      if (summary) summaries.set(path, summary);
    }
    this.forgetMissing(moduleDir, new Set(paths));
    return combine(summaries);
  }

  private async summaryOf(parser: Parser, path: string): Promise<FileSummary | undefined> {
    let info;
    try {
      info = await stat(path);
    } catch {
      return undefined; // removed while we walked
    }
    if (!info.isFile() || info.size > this.maxFileBytes) return undefined;
    const hit = this.cache.get(path);
    if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return hit.summary;
    let bytes;
    try {
      bytes = await readRegularFileAsync(path, this.maxFileBytes);
    } catch {
      return undefined;
    }
    const summary = summarize(parser, decodeGoUtf8(bytes).replace(/^\uFEFF/, ''));
    this.parses++;
    this.cache.set(path, { mtimeMs: info.mtimeMs, size: info.size, summary });
    await new Promise((resolve) => setImmediate(resolve)); // let the server answer requests between parses
    return summary;
  }

  /** forgetMissing drops cache entries of files under moduleDir that the last walk did not see. */
  private forgetMissing(moduleDir: string, seen: Set<string>): void {
    const prefix = moduleDir.endsWith(sep) ? moduleDir : moduleDir + sep;
    for (const key of this.cache.keys()) if (key.startsWith(prefix) && !seen.has(key)) this.cache.delete(key);
  }

  private goParser(): Promise<Parser> {
    this.parser ??= createGoParser(this.wasm);
    return this.parser;
  }
}

/** summarize parses one file and keeps its facts and the first use per kind of requirement. */
function summarize(parser: Parser, text: string): FileSummary {
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    const facts = goFileFactsOf(tree.rootNode);
    const seen = new Set<string>();
    const uses = goFeaturesOf(tree.rootNode).filter((u) => {
      const key = u.version + '|' + (u.unlessDeclared ?? []).join(',');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { packageName: facts.packageName, packageScopeNames: facts.packageScopeNames, uses };
  } finally {
    tree.delete();
  }
}

/**
 * combine applies the package-level shadowing (a use relying on a predeclared name does not count
 * when another file of the same package, i.e. same directory and package clause, declares that
 * name) and picks the highest version and its first use in path order.
 */
function combine(summaries: Map<string, FileSummary>): ModuleFeatures {
  const scopes = new Map<string, Set<string>>();
  for (const [path, s] of summaries) {
    const key = dirname(path) + '\0' + s.packageName;
    const names = scopes.get(key) ?? new Set<string>();
    for (const n of s.packageScopeNames) names.add(n);
    scopes.set(key, names);
  }
  let required = '';
  let first: (FeatureUse & { file: string }) | undefined;
  for (const [path, s] of summaries) {
    const names = scopes.get(dirname(path) + '\0' + s.packageName);
    for (const use of s.uses) {
      if (use.unlessDeclared?.some((n) => names?.has(n))) continue;
      if (required === '' || compareGoVersion(use.version, required) > 0) {
        required = use.version;
        first = { ...use, file: path };
      }
    }
  }
  return first ? { required, first, files: summaries.size } : { required, files: summaries.size };
}

/** listModuleGoFiles lists the .go files of the module's own packages (see the file comment). */
async function listModuleGoFiles(root: string, cancelled: () => boolean): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, isRoot: boolean): Promise<void> => {
    if (cancelled()) throw new GoFeatureScanCancelled();
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (!isRoot && entries.some((e) => e.name === 'go.mod' && (e.isFile() || e.isSymbolicLink()))) return;
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.startsWith('_')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'vendor' && e.name !== 'testdata') await walk(path, false);
      } else if (e.name.endsWith('.go') && (e.isFile() || e.isSymbolicLink())) {
        out.push(path);
      }
    }
  };
  await walk(root, true);
  return out;
}

/**
 * goParserWasmPaths finds tree-sitter.wasm and tree-sitter-go.wasm: beside the running script
 * (the bundle in dist/), else in node_modules. Throws when neither place has one.
 */
export function goParserWasmPaths(): GoParserWasmPaths {
  const find = (file: string, request: string): string => {
    const beside = join(__dirname, file);
    return existsSync(beside) ? beside : require.resolve(request);
  };
  return {
    runtime: find('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm'),
    go: find('tree-sitter-go.wasm', 'tree-sitter-go/tree-sitter-go.wasm'),
  };
}

let runtimeReady: Promise<void> | undefined;

/**
 * createGoParser initialises web-tree-sitter's runtime (once per process) and returns a parser
 * for Go; it rejects with an error naming the .wasm files it tried.
 */
export async function createGoParser(paths?: GoParserWasmPaths): Promise<Parser> {
  let where = 'tree-sitter.wasm and tree-sitter-go.wasm (beside the server or in node_modules)';
  try {
    const wasm = paths ?? goParserWasmPaths();
    where = `${wasm.runtime} and ${wasm.go}`;
    runtimeReady ??= readFile(wasm.runtime).then((wasmBinary) => Parser.init({ wasmBinary }));
    await runtimeReady.catch((err: unknown) => {
      runtimeReady = undefined; // a later call may try other paths
      throw err;
    });
    const go = await Language.load(new Uint8Array(await readFile(wasm.go)));
    const parser = new Parser();
    parser.setLanguage(go);
    return parser;
  } catch (err) {
    const cause = err instanceof Error ? err.message : String(err);
    throw new Error(`cannot load the Go parser from ${where}: ${cause}`, { cause: err });
  }
}
