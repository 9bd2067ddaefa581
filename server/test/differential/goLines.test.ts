/**
 * The go-line diagnostics against the real go command (Go ≥ 1.21, which switches toolchains): for
 * each case the server runs with the oracle's version as the local toolchain and the same
 * GOTOOLCHAIN, and what its diagnostic says go does must be what go does —
 *  - go-above-toolchain: a go.mod or go.work go line above the running go stops it with
 *    GOTOOLCHAIN=local (our message quotes its error) and makes it switch with auto (to the release
 *    our message names, go1.N.0 for a language version 1.N);
 *  - go-below-dependency: a dependency's go line (≥ 1.21) above the main one stops a read-only build
 *    ("updates to go.mod needed") and go mod tidy raises the main go line to exactly the version our
 *    message (go get go@V) and quick fix name; above the running go as well, GOTOOLCHAIN=local stops the graph
 *    load with the error our message quotes.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { GoOracle, compareRelease, runGo, telemetryOff } from '../oracle/env';
import { describeEachGo } from '../oracle/suites';
import { LspClient } from '../lsp/client';
import { serverCommand } from '../lsp/fixture';
import { note } from '../support/notes';

interface Case {
  name: string;
  files: Record<string, string>;
  /** where go runs and the server's diagnostics are read (relative to the case folder) */
  dir: string;
  file: string;
  gotoolchain: string;
  code: string;
  /** what must hold between go's output and our diagnostic's message */
  check: (go: { stderr: string; goLineAfterTidy?: string }, message: string, oracle: GoOracle) => string | undefined;
}

const stderrLine = (stderr: string, re: RegExp): string | undefined => stderr.split('\n').map((l) => l.replace(/^go: /, '')).find((l) => re.test(l));

const cases: Case[] = [
  {
    name: 'go.mod above the running go, GOTOOLCHAIN=local', dir: 'm', file: 'm/go.mod', gotoolchain: 'local', code: 'go-above-toolchain',
    files: { 'm/go.mod': 'module example.com/m\n\ngo 1.99.0\n' },
    check: (go, msg) => {
      const err = stderrLine(go.stderr, /requires go >= 1\.99\.0/);
      return err && msg.includes(err) ? undefined : `go said ${JSON.stringify(err)}`;
    },
  },
  {
    name: 'go.mod with a language version above the running go, GOTOOLCHAIN=auto', dir: 'm', file: 'm/go.mod', gotoolchain: 'auto', code: 'go-above-toolchain',
    files: { 'm/go.mod': 'module example.com/m\n\ngo 1.99\n' },
    check: (go, msg) => {
      const target = /downloading (go\S+)/.exec(go.stderr)?.[1];
      return target && msg.includes(`switches to ${target} `) ? undefined : `go switched to ${target}`;
    },
  },
  {
    name: 'go.work above the running go, GOTOOLCHAIN=local', dir: 'w', file: 'w/go.work', gotoolchain: 'local', code: 'go-above-toolchain',
    files: { 'w/go.work': 'go 1.99.0\n\nuse ./a\n', 'w/a/go.mod': 'module example.com/a\n\ngo 1.21.0\n' },
    check: (go, msg) => {
      const err = stderrLine(go.stderr, /requires go >= 1\.99\.0/);
      return err && msg.includes(err) ? undefined : `go said ${JSON.stringify(err)}`;
    },
  },
  {
    name: 'a dependency above the main go line', dir: 'm', file: 'm/go.mod', gotoolchain: 'local', code: 'go-below-dependency',
    files: {
      'm/go.mod': 'module example.com/m\n\ngo 1.21.0\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../dep\n',
      'dep/go.mod': 'module example.com/dep\n\ngo 1.22.3\n',
      // code that uses the dependency, so go mod tidy keeps it (and raises the go line for it)
      'm/main.go': 'package main\n\nimport _ "example.com/dep"\n\nfunc main() {}\n',
      'dep/dep.go': 'package dep\n',
    },
    check: (go, msg) => {
      if (!/updates to go\.mod needed/.test(go.stderr)) return `a read-only go list did not stop: ${go.stderr}`;
      if (!msg.includes('"go: updates to go.mod needed"')) return 'our message does not say the build stops';
      // the dependency's package is imported here, so tidy raises the line too: to the version go get go@V names
      return msg.includes(`go get go@${go.goLineAfterTidy} raises this line`) ? undefined : `go mod tidy raised it to ${go.goLineAfterTidy}`;
    },
  },
  {
    name: 'a dependency above the running go, GOTOOLCHAIN=local', dir: 'm', file: 'm/go.mod', gotoolchain: 'local', code: 'go-below-dependency',
    files: {
      'm/go.mod': 'module example.com/m\n\ngo 1.21.0\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../dep\n',
      'dep/go.mod': 'module example.com/dep\n\ngo 1.99.0\n',
    },
    check: (go, msg) => {
      const err = stderrLine(go.stderr, /requires go >= 1\.99\.0/)?.replace(/^\S+@\S+: /, '');
      return err && msg.includes(err) ? undefined : `go said ${JSON.stringify(err)}`;
    },
  },
];

const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

describeEachGo('differential: go-line diagnostics against the go command', function (oracle) {
  this.timeout(120_000);
  let root = '';
  before(function () {
    if (compareRelease(oracle.release, '1.21') < 0) {
      note(`skipped: ${oracle.label} predates toolchain switching`);
      this.skip();
    }
    root = telemetryOff(mkdtempSync(join(tmpdir(), 'gml-golines-')));
  });
  after(() => { if (root) rmSync(root, { recursive: true, force: true }); });

  for (const c of cases) {
    it(c.name, async () => {
      const dir = join(root, c.name.replace(/\W+/g, '-'));
      for (const [f, text] of Object.entries(c.files)) {
        mkdirSync(join(dir, f, '..'), { recursive: true });
        writeFileSync(join(dir, f), text);
      }
      const env = { GOTOOLCHAIN: c.gotoolchain, GOFLAGS: '-mod=readonly', GOPROXY: 'off', GOWORK: '' };
      const list = await runGo(oracle, ['list', '-m', 'all'], join(dir, c.dir), env);
      let goLineAfterTidy: string | undefined;
      if (c.code === 'go-below-dependency' && !/1\.99/.test(c.files['dep/go.mod'])) {
        await runGo(oracle, ['mod', 'tidy'], join(dir, c.dir), { ...env, GOFLAGS: '' });
        goLineAfterTidy = /^go (\S+)$/m.exec(readFileSync(join(dir, c.dir, 'go.mod'), 'utf8'))?.[1];
        writeFileSync(join(dir, c.file), c.files[c.file]); // the server reads the file as it was
      }
      const home = join(root, '.home');
      const client = await LspClient.start({
        ...serverCommand(),
        env: { PATH: process.env.PATH, HOME: home, GOENV: 'off', GOPROXY: 'off', GOTOOLCHAIN: c.gotoolchain, GOMODCACHE: join(home, 'modcache'), GOMODLENS_CACHE_DIR: 'off', GOFLAGS: '' },
        folders: [dir], settings: { toolchainVersion: oracle.emulate }, pullDiagnostics: true,
      });
      try {
        const doc = await client.open(join(dir, c.file));
        const diags = (await client.pullDiagnostics(doc.uri)).filter((d) => d.code === c.code);
        assert.equal(diags.length, 1, `one ${c.code} diagnostic: ${JSON.stringify(diags)}`);
        const problem = c.check({ stderr: list.stderr, goLineAfterTidy }, messageOf(diags[0]), oracle);
        assert.equal(problem, undefined, `${problem}\nour message: ${messageOf(diags[0])}\ngo: ${list.stderr}`);
      } finally {
        await client.shutdown().catch(() => client.dispose());
      }
    });
  }
});
