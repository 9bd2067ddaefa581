/**
 * npm run bench:offline — `-network` when the network is not there (issue 15): how long
 * `go-mod-lens list -network` takes to say so on a go.mod with hundreds of requirements and an empty
 * module cache, against `go list -mod=mod -m all` with the same GOPROXY in the same run.
 *
 * Three ways a proxy can be unreachable: a host name that does not resolve (`proxy.invalid`: no
 * network, no DNS), a port nobody listens on (connection refused), and a server that accepts the
 * connection and never answers (a black hole: only a timeout ends it; ours is 10 s per request, the
 * go command has none of its own). Target: an unreachable proxy reported in under 2 s (the first two).
 *
 * The go.mod: the corpus go.mod with the most requirements when ../shared/corpus is there (tailscale,
 * 516), else 500 generated requirements. Environment: GML_BENCH_RUNS (default 3), GML_BENCH_SKIP_GO.
 */
import { spawnSync } from 'node:child_process';
import { createServer, Server, Socket } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseModFile } from '../src/syntax/modfile';
import { findFiles, goOracle, repoRoot } from '../test/oracle/env';

const runs = Number(process.env.GML_BENCH_RUNS ?? 3);

/** theGoMod: the corpus go.mod with the most requirements, or a generated one. */
function theGoMod(): { label: string; text: string } {
  const corpus = join(repoRoot, '..', 'shared', 'corpus');
  let best: { label: string; text: string; n: number } | undefined;
  for (const f of findFiles(corpus, (name) => name === 'go.mod')) {
    const text = readFileSync(f, 'utf8');
    const n = parseModFile(text, { name: 'go.mod' }).require.length;
    if (!best || n > best.n) best = { label: `${f.slice(corpus.length + 1)} (${n} requirements)`, text, n };
  }
  if (best) return best;
  const reqs = Array.from({ length: 500 }, (_, i) => `\texample.com/dep${i} v1.${i % 7}.0\n`).join('');
  return { label: 'generated (500 requirements)', text: `module example.com/main\n\ngo 1.22\n\nrequire (\n${reqs})\n` };
}

/** blackHole: a TCP server that accepts connections and never writes a byte. */
function blackHole(): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((s) => sockets.push(s));
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, port: (server.address() as { port: number }).port, sockets })));
}

/** closedPort: a port that was just free (nobody listens on it now). */
async function closedPort(): Promise<number> {
  const { server, port } = await blackHole();
  await new Promise((done) => server.close(done));
  return port;
}

/** GO_LIMIT_MS: the go command has no timeout of its own for a proxy that never answers: it is stopped here */
const GO_LIMIT_MS = 30_000;

function timed(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, limitMs = 120_000): { ms: number; status: number | null; firstLine: string } {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: limitMs, killSignal: 'SIGKILL' });
  const ms = performance.now() - t0;
  const killed = r.signal === 'SIGKILL' ? `stopped after ${limitMs / 1000} s without an answer` : '';
  return { ms, status: r.status, firstLine: killed || (r.stderr || r.stdout || String(r.error ?? '')).trim().split('\n')[0].slice(0, 160) };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const mod = theGoMod();
  const tmp = mkdtempSync(join(tmpdir(), 'gml-offline-'));
  const dir = join(tmp, 'main');
  mkdirSync(dir);
  // a network bench, not a version one: a go line this machine's go (and our default emulation) accepts
  writeFileSync(join(dir, 'go.mod'), mod.text.replace(/^go \S+$/m, 'go 1.22').replace(/^toolchain \S+$/m, ''));
  const hole = await blackHole();
  const refused = await closedPort();
  const go = process.env.GML_BENCH_SKIP_GO ? undefined : goOracle('1.26');
  console.log(`go-mod-lens bench:offline — ${mod.label}, empty module cache; ${runs} runs each; ${go ? go.label : 'no go command'}`);
  const cases: Array<{ label: string; proxy: string; target?: number }> = [
    { label: 'host does not resolve', proxy: 'https://proxy.invalid', target: 2000 },
    { label: 'connection refused', proxy: `http://127.0.0.1:${refused}`, target: 2000 },
    { label: 'black hole (never answers)', proxy: `http://127.0.0.1:${hole.port}` },
  ];
  const rows: string[] = [];
  for (const c of cases) {
    const base = { PATH: process.env.PATH, HOME: tmp, GOPROXY: c.proxy, GOFLAGS: '-mod=mod', GOSUMDB: 'off', GOWORK: 'off', GOTOOLCHAIN: 'local', GOENV: 'off' };
    const ours: number[] = [];
    const theirs: number[] = [];
    let oursLine = '';
    let goLine = '';
    for (let i = 0; i < runs; i++) {
      const cache = join(tmp, `modcache-${i}`);
      const o = timed(process.execPath, [join(repoRoot, 'bin', 'go-mod-lens.js'), 'list', '-network', '-cache=off', dir], dir, { ...base, GOMODCACHE: cache });
      ours.push(o.ms);
      oursLine = `exit ${o.status}: ${o.firstLine}`;
      if (go) {
        const g = timed(go.bin, ['list', '-m', 'all'], dir, { ...base, GOMODCACHE: join(tmp, `gocache-${i}`), GOCACHE: join(tmp, 'gobuild') }, GO_LIMIT_MS);
        theirs.push(g.ms);
        goLine = `exit ${g.status}: ${g.firstLine}`;
      }
      rmSync(cache, { recursive: true, force: true });
    }
    const m = median(ours);
    const verdict = c.target === undefined ? '' : m < c.target ? ' — target < 2 s: ok' : ' — target < 2 s: MISSED';
    console.log(`\n${c.label} (GOPROXY=${c.proxy})`);
    console.log(`  go-mod-lens list -network: median ${m.toFixed(0)} ms (${ours.map((x) => x.toFixed(0)).join(', ')})${verdict}\n    ${oursLine}`);
    if (go) console.log(`  go list -m all:            median ${median(theirs).toFixed(0)} ms (${theirs.map((x) => x.toFixed(0)).join(', ')}); ratio ours/go ${(m / median(theirs)).toFixed(2)}\n    ${goLine}`);
    rows.push(`| ${c.label} | ${m.toFixed(0)} ms | ${go ? `${median(theirs).toFixed(0)} ms | ${(m / median(theirs)).toFixed(2)}` : '— | —'} |`);
  }
  console.log(`\n| proxy | go-mod-lens list -network | go list -m all | ours / go |\n|---|---:|---:|---:|\n${rows.join('\n')}`);
  for (const s of hole.sockets) s.destroy();
  hole.server.close();
  rmSync(tmp, { recursive: true, force: true });
}

void main();
