/**
 * Hostile input through the real server (issue 20): files that must not crash or freeze it. A
 * 600 MiB go.mod — reached by a directory replace, or alone in a workspace folder — and named pipes
 * (a FIFO as a go.sum in the workspace, as a .mod in the module cache) get a diagnostic saying what
 * is wrong, the server keeps answering, and its memory stays bounded. Module paths and directories
 * written as Markdown links, images and HTML are shown as text wherever the client renders Markdown
 * (rendered with marked, as VS Code renders it).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { buildListTooltip, tooltipCommands } from '../../src/features/statusTooltip';
import { loadMarkdown, markdownHtmlTags, markdownTargets, markdownToText } from '../support/markdown';
import { note } from '../support/notes';
import { LspClient } from './client';
import { serverCommand } from './fixture';
import { putFile } from '../support/files';

/** rssMiB is a process's resident memory from /proc (Linux), or undefined elsewhere. */
function rssMiB(pid: number | undefined): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

const text = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const messages = (ds: Diagnostic[]): string => ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}: ${text(d)}`).join('\n');

describe('hostile input: huge files and named pipes', function () {
  this.timeout(120_000);
  let root = '';
  let client: LspClient | undefined;

  before(function () {
    root = mkdtempSync(join(tmpdir(), 'gml-hostile-'));
    const put = (p: string, text: string): void => putFile(join(root, p), text);
    put('ws/go.mod', 'module example.com/main\n\ngo 1.21\n\nrequire (\n\texample.com/big v1.0.0\n\texample.com/piped v1.0.0\n)\n\nreplace example.com/big => ../big\n');
    put('big/go.mod', '');
    truncateSync(join(root, 'big/go.mod'), 600 << 20); // sparse: 600 MiB of NUL bytes
    put('alone/go.mod', '');
    truncateSync(join(root, 'alone/go.mod'), 600 << 20);
    const cached = join(root, 'modcache/cache/download/example.com/piped/@v');
    mkdirSync(cached, { recursive: true });
    writeFileSync(join(cached, 'list'), 'v1.0.0\n');
    try {
      execFileSync('mkfifo', [join(cached, 'v1.0.0.mod'), join(root, 'ws/go.sum')]);
    } catch {
      this.skip(); // no mkfifo (not a POSIX system)
    }
  });

  after(async () => {
    await client?.shutdown().catch(() => client?.dispose());
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('reports each file on its own line 1, keeps answering, and stays small', async () => {
    const home = join(root, '.home');
    client = await LspClient.start({
      ...serverCommand(),
      env: {
        PATH: process.env.PATH, HOME: home, GOPATH: join(home, 'go'), XDG_CACHE_HOME: join(home, '.cache'), GOENV: 'off',
        GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOMODCACHE: join(root, 'modcache'), GOMODLENS_CACHE_DIR: 'off', GOSUMDB: 'off',
      },
      folders: [join(root, 'ws'), join(root, 'alone')],
      pullDiagnostics: true,
      timeoutMs: 30_000,
    });
    const main = await client.open(join(root, 'ws/go.mod'));
    const mainDiags = await client.pullDiagnostics(main.uri);
    const sumDiags = await client.pullDiagnostics(join(root, 'ws/go.sum'));
    const aloneDiags = await client.pullDiagnostics(join(root, 'alone/go.mod'));
    const bigDiags = await client.pullDiagnostics(join(root, 'big/go.mod'));
    const hover = await client.hover(main.uri, { line: 5, character: 3 });
    const rss = rssMiB(client.pid);
    note(`server RSS after the 600 MiB files and named pipes: ${rss?.toFixed(0) ?? '?'} MiB\n` +
      `ws/go.mod:\n${messages(mainDiags)}\nws/go.sum:\n${messages(sumDiags)}\nalone/go.mod:\n${messages(aloneDiags)}\nbig/go.mod:\n${messages(bigDiags)}`);

    const tooLarge = /file too large \(600 MiB; go-mod-lens reads files up to 16 MiB\)/;
    const bigRequire = main.text.split('\n').findIndex((l) => l.includes('example.com/big v1.0.0'));
    assert.ok(mainDiags.some((d) => d.code === 'build-error' && d.range.start.line === bigRequire && tooLarge.test(text(d)) && text(d).includes('../big/go.mod')), messages(mainDiags));
    assert.deepEqual(aloneDiags.map((d) => [d.code, d.range.start.line]), [['file-unreadable', 0]], messages(aloneDiags));
    assert.match(text(aloneDiags[0]), tooLarge);
    assert.deepEqual(sumDiags.map((d) => [d.code, d.range.start.line]), [['file-unreadable', 0]], messages(sumDiags));
    assert.match(text(sumDiags[0]), /not a regular file \(a named pipe\)/);
    assert.ok(hover, 'the server still answers a hover');
    if (rss !== undefined) assert.ok(rss < 400, `server RSS ${rss.toFixed(0)} MiB`);
    assert.equal(client.exitStatus, undefined, 'the server is still running');
  });
});

describe('hostile input: Markdown injection', function () {
  this.timeout(60_000);
  let root = '';
  let client: LspClient | undefined;
  const evilPath = 'example.com/[click me](https://evil.example/)';
  const evilDir = './b [run](command:goModLens.restartServer) <img src=x> ![i](https://evil.example/i.png)';

  before(async () => {
    await loadMarkdown();
    root = mkdtempSync(join(tmpdir(), 'gml-inject-'));
    mkdirSync(join(root, 'ws', evilDir), { recursive: true });
    writeFileSync(join(root, 'ws/go.mod'), `module example.com/inj\n\ngo 1.21\n\nrequire "${evilPath}" v1.0.0\n\nrequire example.com/b v1.0.0\n\nreplace example.com/b => "${evilDir}"\n`);
    writeFileSync(join(root, 'ws', evilDir, 'go.mod'), 'module example.com/b\n\ngo 1.21\n');
  });
  after(async () => {
    await client?.shutdown().catch(() => client?.dispose());
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** safe: nothing to follow but our own pkg.go.dev link, no HTML, and the hostile text shown as it is. */
  const assertSafe = (where: string, md: string, shows: string[]): void => {
    const bad = markdownTargets(md).filter((t) => !t.startsWith('https://pkg.go.dev/example.com/b@'));
    assert.deepEqual(bad, [], `${where}: followable targets in ${JSON.stringify(md)}`);
    assert.deepEqual(markdownHtmlTags(md), [], `${where}: HTML in ${JSON.stringify(md)}`);
    const text = markdownToText(md).replace(/\s+/g, ' ');
    for (const s of shows) assert.ok(text.includes(s), `${where}: ${JSON.stringify(s)} not shown in ${JSON.stringify(text)}`);
  };

  it('hovers and inlay-hint tooltips show workspace strings as text, never as links or HTML', async () => {
    const home = join(root, '.home');
    client = await LspClient.start({
      ...serverCommand(),
      env: { PATH: process.env.PATH, HOME: home, GOPATH: join(home, 'go'), GOENV: 'off', GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOMODCACHE: join(home, 'modcache'), GOMODLENS_CACHE_DIR: 'off' },
      folders: [join(root, 'ws')], pullDiagnostics: true,
    });
    const doc = await client.open(join(root, 'ws/go.mod'));
    const lines = doc.text.split('\n');
    const at = (needle: string): { line: number; character: number } => {
      const line = lines.findIndex((l) => l.includes(needle));
      return { line, character: lines[line].indexOf(needle) + 2 };
    };
    const hoverMd = async (needle: string): Promise<string> => {
      const h = await client?.hover(doc.uri, at(needle));
      assert.ok(h && !Array.isArray(h.contents) && typeof h.contents === 'object' && 'kind' in h.contents, `hover on ${needle}: ${JSON.stringify(h)}`);
      return h.contents.value;
    };
    assertSafe('require hover', await hoverMd('example.com/[click'), [evilPath]);
    assertSafe('replaced require hover', await hoverMd('example.com/b v1.0.0'), [`Replaced in this build by ${evilDir}`]);
    assertSafe('replace hover', await hoverMd('example.com/b =>'), [evilDir]);
    const hints = await client.inlayHints(doc.uri);
    assert.ok(hints.length > 0, 'no inlay hints');
    for (const h of hints) if (h.tooltip && typeof h.tooltip !== 'string') assertSafe(`hint ${JSON.stringify(h.label)}`, h.tooltip.value, []);
  });

  it('the status bar tooltip (trusted Markdown) links only its two commands', () => {
    const incomplete = `1 go.mod file(s) not available: [x](command:goModLens.explainVersion?%5B%22a%22%5D) <command:goModLens.showModuleGraph> $(bug)`;
    const md = buildListTooltip({ mainFile: '/w/go.mod', main: ['example.com/m'], lines: [], count: 3, incomplete });
    assert.deepEqual(markdownTargets(md), tooltipCommands.map((c) => `command:${c}`));
    assert.ok(markdownToText(md).includes(incomplete), markdownToText(md));
    assert.ok(md.includes('\\$(bug)'), 'a theme icon in the server text is escaped');
  });
});
