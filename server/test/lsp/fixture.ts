/**
 * Fixture workspaces of the tier-2 tests: `test-fixtures/lsp/<scenario>/` holds `ws/` (the folder
 * opened), optionally `modcache/` (GOMODCACHE), `fixture.json`, `markers.txt` and golden files.
 *
 * prepareFixture copies a fixture to a temporary directory (quick fixes and the server must never
 * touch the repository), reads its markers and decides which files the runner opens;
 * startFixtureServer starts the real server on the copy, offline and with a private home.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { repoRoot } from '../oracle/env';
import { LspClient } from './client';
import {
  addMarker, countExpectations, emptyExpectations, MarkerError, mergeExpectations, parseFileMarkers, parseMarkersTxt,
  splitLines, type Expectations,
} from './markers';

/** FixtureConfig is fixture.json. */
export interface FixtureConfig {
  /** the goModLens configuration section */
  settings?: unknown;
  /** extra environment; ${fixture} is replaced by the absolute path of the fixture's copy */
  env?: Record<string, string>;
  /** workspace folders, relative to the fixture (default ["ws"]) */
  folders?: string[];
  /** pull diagnostics (default true); false runs the fixture with publishDiagnostics only */
  pull?: boolean;
  skip?: string;
}

export interface Fixture {
  name: string;
  dir: string;
  config: FixtureConfig;
  /** fixture.json could not be read */
  configError?: string;
}

/** fixturesRoot is test-fixtures/lsp in the repository. */
export const fixturesRoot = join(repoRoot, 'test-fixtures/lsp');

/** discoverFixtures lists the scenario directories (names starting with . or _ are not scenarios). */
export function discoverFixtures(root = fixturesRoot): Fixture[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).sort()
    .filter((name) => !/^[._]/.test(name) && statSync(join(root, name)).isDirectory())
    .map((name) => readFixture(join(root, name)));
}

/** readFixture reads one scenario directory's fixture.json (absent = defaults). */
export function readFixture(dir: string): Fixture {
  const file = join(dir, 'fixture.json');
  const fx: Fixture = { name: basename(dir), dir, config: {} };
  if (!existsSync(file)) return fx;
  try {
    fx.config = JSON.parse(readFileSync(file, 'utf8')) as FixtureConfig;
    const known = ['settings', 'env', 'folders', 'pull', 'skip'];
    const unknown = Object.keys(fx.config).filter((k) => !known.includes(k));
    if (unknown.length) fx.configError = `fixture.json: unknown keys ${unknown.join(', ')} (known: ${known.join(', ')})`;
  } catch (e) {
    fx.configError = `fixture.json: ${(e as Error).message}`;
  }
  return fx;
}

/** PreparedFixture is a fixture copied to a temporary directory with its markers read. */
export interface PreparedFixture {
  fixture: Fixture;
  /** absolute path of the copy; expectation files are relative to it */
  root: string;
  folders: string[];
  env: NodeJS.ProcessEnv;
  /** files the runner opens, relative to root, sorted */
  files: string[];
  /** expectations per file (relative to root) */
  expectations: Map<string, Expectations>;
}

/** prepareFixture copies the fixture and reads its markers; malformed markers throw MarkerError. */
export function prepareFixture(fx: Fixture): PreparedFixture {
  if (fx.configError) throw new MarkerError(fx.configError);
  const root = realpathSync(mkdtempSync(join(tmpdir(), `gml-lsp-${fx.name}-`)));
  cpSync(fx.dir, root, { recursive: true });
  const folders = (fx.config.folders ?? ['ws']).map((f) => join(root, f));
  return { fixture: fx, root, folders, env: fixtureEnv(fx, root), ...readExpectations(root, folders) };
}

/** fixtureExpectations reads a fixture's markers in place (without copying it). */
export function fixtureExpectations(fx: Fixture): Expectations {
  if (fx.configError) throw new MarkerError(fx.configError);
  const { expectations } = readExpectations(fx.dir, (fx.config.folders ?? ['ws']).map((f) => join(fx.dir, f)));
  return [...expectations.values()].reduce(mergeExpectations, emptyExpectations());
}

/** readExpectations finds the files to open under the folders and reads their markers and markers.txt. */
function readExpectations(root: string, folders: string[]): { files: string[]; expectations: Map<string, Expectations> } {
  for (const f of folders) {
    if (!existsSync(f) || !statSync(f).isDirectory()) throw new MarkerError(`workspace folder ${relative(root, f)} does not exist`);
  }
  const expectations = new Map<string, Expectations>();
  const add = (rel: string, e: Expectations): void => {
    expectations.set(rel, mergeExpectations(expectations.get(rel) ?? emptyExpectations(), e));
  };
  const files = new Set<string>();
  for (const folder of folders) {
    for (const abs of walk(folder)) {
      const rel = relative(root, abs);
      const name = basename(abs);
      if (name === 'go.mod' || name === 'go.work' || name === 'go.sum') files.add(rel);
      if (name === 'go.mod' || name === 'go.work' || name.endsWith('.go')) {
        const e = parseFileMarkers(rel, readFileSync(abs, 'utf8'));
        if (countExpectations(e) > 0) {
          add(rel, e);
          files.add(rel);
        }
      }
    }
  }
  readMarkersTxt(root, add, files);
  return { files: [...files].sort(), expectations };
}

/** readMarkersTxt adds the expectations of markers.txt (paths relative to the fixture). */
function readMarkersTxt(root: string, add: (rel: string, e: Expectations) => void, files: Set<string>): void {
  const file = join(root, 'markers.txt');
  if (!existsSync(file)) return;
  for (const entry of parseMarkersTxt(readFileSync(file, 'utf8'))) {
    const abs = join(root, entry.file);
    if (!existsSync(abs)) throw new MarkerError(`${entry.origin}: ${entry.file} does not exist in the fixture`);
    const rel = relative(root, abs);
    const lines = splitLines(readFileSync(abs, 'utf8'));
    const e = emptyExpectations();
    for (const m of entry.markers) addMarker(e, m, { file: rel, line: entry.line }, lines[entry.line]);
    add(rel, e);
    files.add(rel);
  }
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** fixtureEnv is the server's environment: offline, private home and module cache, plus the fixture's env. */
export function fixtureEnv(fx: Fixture, root: string): NodeJS.ProcessEnv {
  const home = join(root, '.home');
  mkdirSync(home, { recursive: true });
  let modcache = join(root, 'modcache');
  if (!existsSync(modcache)) {
    modcache = join(home, 'empty-modcache');
    mkdirSync(modcache, { recursive: true });
  }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    GOPATH: join(home, 'go'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_CONFIG_HOME: join(home, '.config'),
    GOENV: 'off',
    GOFLAGS: '-mod=mod',
    GOPROXY: 'off',
    GOTOOLCHAIN: 'local',
    GOMODCACHE: modcache,
    GOMODLENS_CACHE_DIR: 'off',
    GOSUMDB: 'off',
  };
  if (process.env.NODE_V8_COVERAGE) env.NODE_V8_COVERAGE = process.env.NODE_V8_COVERAGE;
  for (const [k, v] of Object.entries(fx.config.env ?? {})) env[k] = String(v).split('${fixture}').join(root);
  return env;
}

/** serverCommand is how the tests start the server: node bin/go-mod-lens.js serve --stdio. */
export function serverCommand(): ServerCommand {
  return { command: process.execPath, args: [join(repoRoot, 'bin/go-mod-lens.js'), 'serve', '--stdio'], cwd: repoRoot };
}

export interface ServerCommand {
  command: string;
  args: string[];
  cwd: string;
}

/** startFixtureServer starts the real server (or opts.server, for the runner's own tests) on a prepared fixture. */
export function startFixtureServer(p: PreparedFixture, opts: { pull: boolean; server?: ServerCommand }): Promise<LspClient> {
  const server = opts.server ?? serverCommand();
  return LspClient.start({ ...server, env: p.env, folders: p.folders, settings: p.fixture.config.settings, pullDiagnostics: opts.pull });
}
