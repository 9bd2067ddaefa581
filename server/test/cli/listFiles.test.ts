/**
 * `go-mod-lens list -json`: the Time, Dir, GoMod, Sum and GoModSum fields of `go list -m -json all`
 * (graph/listFiles.ts, node/listFacts.ts, moduleInfo.ts's Time). A world covers each rule: modules
 * fully extracted in GOMODCACHE, only their .mod and .info in cache/download, a `.partial` left, a
 * missing `.ziphash`; `.info` Times with an offset and a fraction, and none; go.sum hashes, one
 * missing, two that disagree; replacements by a module version and by relative and absolute
 * directories; a module of the build list whose go.mod the graph does not read (go reads it for the
 * go line only where checksumOk lets it); a cached `.info` naming another version; a workspace; a
 * go.mod go fetches from a file:// GOPROXY.
 * Each go command found runs on a copy and we must print its bytes (folders normalized); the first
 * test needs no go command: it holds Go 1.26.8's output for the main world.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { goOracles, runGo } from '../oracle/env';
import { runOurs } from '../oracle/modgraph/compare';
import { putFile as put } from '../support/files';

/** goModHash is go.sum's h1 hash of a go.mod text (oracles.md §1). */
function goModHash(text: string): string {
  const inner = createHash('sha256').update(text).digest('hex');
  return 'h1:' + createHash('sha256').update(`${inner}  go.mod\n`).digest('base64');
}

const ZIP_A = 'h1:zipAzipAzipAzipAzipAzipAzipAzipAzipAzipAzip=';
const ZIP_D1 = 'h1:zipD1zipD1zipD1zipD1zipD1zipD1zipD1zipD1zi=';
const ZIP_D2 = 'h1:zipD2zipD2zipD2zipD2zipD2zipD2zipD2zipD2zi=';

interface World {
  root: string;
  /** where commands run */
  main: string;
  modcache: string;
  proxy: string;
}

/** makeWorld lays out the main world under root (see the file comment). */
function makeWorld(root: string): World {
  const w = join(root, 'w');
  const modcache = join(root, 'modcache');
  const dl = (p: string, v: string, ext: string) => join(modcache, 'cache/download', p, '@v', `${v}.${ext}`);
  const mods: Record<string, string> = {};
  const dep = (path: string, version: string, body: string, info: string | null, extracted: 'full' | 'partial' | 'no-ziphash' | 'none'): void => {
    const text = `module ${path}\n\ngo 1.17\n${body}`;
    mods[`${path}@${version}`] = text;
    put(dl(path, version, 'mod'), text);
    if (info !== null) put(dl(path, version, 'info'), info);
    if (extracted === 'none') return;
    put(join(modcache, `${path}@${version}`, 'go.mod'), text);
    if (extracted !== 'no-ziphash') put(dl(path, version, 'ziphash'), 'h1:whatever\n');
    if (extracted === 'partial') put(dl(path, version, 'partial'), '');
  };
  dep('example.com/a', 'v1.0.0', '\nrequire example.com/x v1.0.0\n', '{"Version":"v1.0.0","Time":"2023-01-01T00:00:00Z"}', 'full');
  dep('example.com/b', 'v1.0.0', '', '{"Version":"v1.0.0","Time":"2023-01-02T03:04:05.120+02:00"}\n', 'none');
  dep('example.com/c', 'v1.0.0', '', '{"Version":"v1.0.0"}', 'partial');
  dep('example.com/d', 'v1.0.0', '', '{"Version":"v1.0.0","Time":"2023-01-04T00:00:00+00:00"}', 'no-ziphash');
  dep('example.com/x', 'v1.0.0', '', '{"Version":"v1.0.0","Time":"2023-01-05T00:00:00Z"}', 'full');
  dep('example.com/h', 'v1.1.0', '', '{"Version":"v1.1.0","Time":"2023-01-06T00:00:00Z"}', 'full');
  put(join(w, 'local/e/go.mod'), 'module example.com/e\n\ngo 1.18\n');
  put(join(w, 'abs/f/go.mod'), 'module example.com/f\n\ngo 1.16\n');
  const main = join(w, 'main');
  put(join(main, 'go.mod'), 'module example.com/main\n\ngo 1.17\n\nrequire (\n' +
    ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((p) => `\texample.com/${p} v1.0.0\n`).join('') + ')\n\n' +
    `replace example.com/e => ../local/e\n\nreplace example.com/f => ${join(w, 'abs/f')}/\n\nreplace example.com/g => example.com/h v1.1.0\n`);
  // x's go.mod line is missing: -mod=readonly lists x without its go.mod (the graph never read it)
  const sum = (k: string) => `${k.replace('@', ' ')}/go.mod ${goModHash(mods[k])}\n`;
  put(join(main, 'go.sum'), `example.com/a v1.0.0 ${ZIP_A}\n` + sum('example.com/a@v1.0.0') + sum('example.com/b@v1.0.0') + sum('example.com/c@v1.0.0') +
    `example.com/d v1.0.0 ${ZIP_D1}\nexample.com/d v1.0.0 ${ZIP_D2}\n` + sum('example.com/d@v1.0.0') + sum('example.com/h@v1.1.0'));
  // a module only the file:// proxy has, for the proxy world
  const proxy = join(root, 'proxy');
  put(join(proxy, 'example.com/k/@v/v1.0.0.mod'), 'module example.com/k\n\ngo 1.20\n');
  put(join(proxy, 'example.com/k/@v/v1.0.0.info'), '{"Version":"v1.0.0","Time":"2024-02-03T04:05:06Z"}');
  put(join(w, 'viaproxy/go.mod'), 'module example.com/viaproxy\n\ngo 1.17\n\nrequire example.com/k v1.0.0\n');
  // a cached .info naming another version: the files looked at are those of v1.0.0 from Go 1.22, of v1.0.1 before
  dep('example.com/y', 'v1.0.0', '', '{"Version":"v1.0.1","Time":"2023-01-07T00:00:00Z"}', 'full');
  put(dl('example.com/y', 'v1.0.1', 'mod'), 'module example.com/y\n\ngo 1.19\n');
  put(join(w, 'other/go.mod'), 'module example.com/other\n\ngo 1.17\n\nrequire example.com/y v1.0.0\n');
  // a workspace: two members, one replacing by a directory relative to itself
  put(join(w, 'ws/go.work'), 'go 1.18\n\nuse (\n\t./p\n\t./q\n)\n');
  put(join(w, 'ws/p/go.mod'), 'module example.com/p\n\ngo 1.18\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/e v1.0.0\n)\n\nreplace example.com/e => ../../local/e\n');
  put(join(w, 'ws/p/go.sum'), `example.com/a v1.0.0 ${ZIP_A}\n` + sum('example.com/a@v1.0.0'));
  put(join(w, 'ws/q/go.mod'), 'module example.com/q\n\ngo 1.18\n\nrequire example.com/b v1.0.0\n');
  return { root, main, modcache, proxy };
}

function env(world: World, extra: Record<string, string> = {}): Record<string, string> {
  return {
    HOME: world.root, GOMODLENS_CACHE_DIR: 'off', GOENV: 'off', GOFLAGS: '-mod=mod', GOWORK: 'off', GOPROXY: 'off',
    GOMODCACHE: world.modcache, GOSUMDB: 'off', GONOSUMDB: '', GONOPROXY: '', GOPRIVATE: '', GOTOOLCHAIN: 'local', ...extra,
  };
}

/** A case: where it runs (below w/), our flags, go's list flags, and the environment beyond env(). */
interface Case {
  name: string;
  dir: string;
  ours: string[];
  go: string[];
  env?: (w: World, modcache: string) => Record<string, string>;
  /** a fresh, empty module cache for each side (the proxy case): go fills its own */
  freshCache?: boolean;
}

const cases: Case[] = [
  { name: 'module mode, -mod=mod', dir: 'main', ours: [], go: ['-mod=mod'] },
  { name: 'module mode, -mod=readonly', dir: 'main', ours: ['-mod=readonly'], go: ['-mod=readonly'], env: () => ({ GOFLAGS: '' }) },
  { name: 'a cached .info naming another version', dir: 'other', ours: [], go: ['-mod=mod'] },
  { name: 'workspace', dir: 'ws/p', ours: [], go: [], env: (w) => ({ GOFLAGS: '', GOWORK: join(w.root, 'w', 'ws', 'go.work') }) },
  { name: 'a go.mod fetched from a file:// GOPROXY', dir: 'viaproxy', ours: [], go: ['-mod=mod'], env: (w) => ({ GOPROXY: pathToFileURL(w.proxy).href }), freshCache: true },
];

describe('go-mod-lens list -json: Time, Dir, GoMod, Sum, GoModSum', () => {
  const root = mkdtempSync(join(tmpdir(), 'gml-list-files-'));
  const world = makeWorld(root);
  after(() => rmSync(root, { recursive: true, force: true }));

  it('prints what Go 1.26.8 prints for the main world (no go command needed)', async () => {
    const r = await runOurs(['list', '-json', world.main], world.main, env(world));
    assert.equal(r.stderr, '');
    const W = join(root, 'w');
    const C = world.modcache;
    const obj = (o: Record<string, unknown>) => JSON.stringify(o, null, '\t') + '\n';
    const sum = (p: string, _v: string) => {
      const text = `module ${p}\n\ngo 1.17\n${p === 'example.com/a' ? '\nrequire example.com/x v1.0.0\n' : ''}`;
      return goModHash(text);
    };
    const expected = [
      obj({ Path: 'example.com/main', Main: true, Dir: `${W}/main`, GoMod: `${W}/main/go.mod`, GoVersion: '1.17' }),
      obj({ Path: 'example.com/a', Version: 'v1.0.0', Time: '2023-01-01T00:00:00Z', Dir: `${C}/example.com/a@v1.0.0`, GoMod: `${C}/cache/download/example.com/a/@v/v1.0.0.mod`, GoVersion: '1.17', Sum: ZIP_A, GoModSum: sum('example.com/a', 'v1.0.0') }),
      obj({ Path: 'example.com/b', Version: 'v1.0.0', Time: '2023-01-02T03:04:05.12+02:00', GoMod: `${C}/cache/download/example.com/b/@v/v1.0.0.mod`, GoVersion: '1.17', GoModSum: sum('example.com/b', 'v1.0.0') }),
      obj({ Path: 'example.com/c', Version: 'v1.0.0', Time: '0001-01-01T00:00:00Z', GoMod: `${C}/cache/download/example.com/c/@v/v1.0.0.mod`, GoVersion: '1.17', GoModSum: sum('example.com/c', 'v1.0.0') }),
      obj({ Path: 'example.com/d', Version: 'v1.0.0', Time: '2023-01-04T00:00:00Z', GoMod: `${C}/cache/download/example.com/d/@v/v1.0.0.mod`, GoVersion: '1.17', GoModSum: sum('example.com/d', 'v1.0.0') }),
      obj({ Path: 'example.com/e', Version: 'v1.0.0', Replace: { Path: '../local/e', Dir: `${W}/local/e`, GoMod: `${W}/local/e/go.mod`, GoVersion: '1.18' }, Dir: `${W}/local/e`, GoMod: `${W}/local/e/go.mod`, GoVersion: '1.18' }),
      obj({ Path: 'example.com/f', Version: 'v1.0.0', Replace: { Path: `${W}/abs/f/`, Dir: `${W}/abs/f/`, GoMod: `${W}/abs/f/go.mod`, GoVersion: '1.16' }, Dir: `${W}/abs/f/`, GoMod: `${W}/abs/f/go.mod`, GoVersion: '1.16' }),
      obj({
        Path: 'example.com/g', Version: 'v1.0.0',
        Replace: { Path: 'example.com/h', Version: 'v1.1.0', Time: '2023-01-06T00:00:00Z', Dir: `${C}/example.com/h@v1.1.0`, GoMod: `${C}/cache/download/example.com/h/@v/v1.1.0.mod`, GoVersion: '1.17', GoModSum: sum('example.com/h', 'v1.1.0') },
        Dir: `${C}/example.com/h@v1.1.0`, GoMod: `${C}/cache/download/example.com/h/@v/v1.1.0.mod`, GoVersion: '1.17',
      }),
      obj({ Path: 'example.com/x', Version: 'v1.0.0', Time: '2023-01-05T00:00:00Z', Indirect: true, Dir: `${C}/example.com/x@v1.0.0`, GoMod: `${C}/cache/download/example.com/x/@v/v1.0.0.mod`, GoVersion: '1.17' }),
    ].join('');
    assert.equal(r.stdout, expected);
    assert.equal(r.status, 0);
  });

  for (const oracle of goOracles()) {
    describe(`against ${oracle.label}`, () => {
      for (const c of cases) {
        it(`${c.name}: the same bytes as go list ${c.go.join(' ')} -m -json all`, async () => {
          // go runs on a copy of w/ (it may rewrite go.mod and go.sum); its folders are mapped back
          const copy = mkdtempSync(join(root, 'go-'));
          cpSync(join(root, 'w'), join(copy, 'w'), { recursive: true });
          const goCache = c.freshCache ? join(copy, 'modcache') : world.modcache;
          const ourCache = c.freshCache ? join(mkdtempSync(join(root, 'ours-')), 'modcache') : world.modcache;
          if (c.freshCache) mkdirSync(ourCache, { recursive: true });
          const goEnvExtra: Record<string, string> = { ...env(world), GOMODCACHE: goCache, ...c.env?.(world, goCache) };
          if (goEnvExtra.GOWORK !== 'off') goEnvExtra.GOWORK = goEnvExtra.GOWORK.replace(join(root, 'w'), join(copy, 'w'));
          const go = await runGo(oracle, ['list', ...c.go, '-m', '-json', 'all'], join(copy, 'w', c.dir), goEnvExtra);
          assert.equal(go.status, 0, go.stderr);
          const want = go.stdout.split(join(copy, 'w')).join(join(root, 'w')).split(goCache).join('$GOMODCACHE');
          const dir = join(root, 'w', c.dir);
          const ours = await runOurs(['list', '-json', `-go=${oracle.emulate}`, ...c.ours, dir], dir, { ...env(world), GOMODCACHE: ourCache, ...c.env?.(world, ourCache) });
          assert.equal(ours.stderr, '');
          assert.equal(ours.stdout.split(ourCache).join('$GOMODCACHE'), want);
        });
      }
    });
  }
  if (goOracles().length === 0) it('skipped: no go command (Go 1.26 at /usr/local/go, golang-1.19-go, or GO_MOD_LENS_GO) to compare with');
});
