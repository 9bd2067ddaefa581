/**
 * Push diagnostics from the real server: a client without the pull capability must receive, by
 * textDocument/publishDiagnostics, the same diagnostics the pull model gives (first fixture with a
 * @diag marker), and a one-character didChange must re-publish (break the module line: a `syntax`
 * diagnostic appears; repair it: it goes away); after an edit, the edited document is published
 * again with its version, another file only when its diagnostics change.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { checkDiagnostics } from './check';
import type { LspClient } from './client';
import { discoverFixtures, fixtureExpectations, fixturesRoot, prepareFixture, readFixture, startFixtureServer, type Fixture, type PreparedFixture } from './fixture';
import { formatRun, runFixture } from './runner';

function firstFixtureWithDiag(): Fixture | undefined {
  return discoverFixtures().find((fx) => {
    if (fx.config.skip || fx.configError) return false;
    try {
      return fixtureExpectations(fx).diags.length > 0;
    } catch {
      return false; // a malformed fixture fails in fixtures.test.ts
    }
  });
}

/** canonical is a diagnostic list as a comparable, order-independent string list. */
function canonical(ds: Diagnostic[]): string[] {
  return ds.map((d) => JSON.stringify([d.range, d.severity ?? null, d.code ?? null, d.message, d.source ?? null])).sort();
}

/** moduleLine finds an opened go.mod and the line of its module directive. */
function moduleLine(p: PreparedFixture): { rel: string; file: string; line: number } | undefined {
  for (const rel of p.files.filter((f) => f.endsWith('go.mod'))) {
    const line = readFileSync(join(p.root, rel), 'utf8').split(/\r?\n/).findIndex((l) => /^module\s/.test(l));
    if (line >= 0) return { rel, file: join(p.root, rel), line };
  }
  return undefined;
}

describe('LSP push diagnostics (real server over stdio)', function () {
  this.timeout(120000);
  const fx = firstFixtureWithDiag();
  if (!fx) {
    it.skip('no fixture with a @diag marker under test-fixtures/lsp');
    return;
  }
  const clients: LspClient[] = [];
  const roots: string[] = [];
  const start = async (pull: boolean): Promise<{ p: PreparedFixture; client: LspClient }> => {
    const p = prepareFixture(fx);
    roots.push(p.root);
    const client = await startFixtureServer(p, { pull });
    clients.push(client);
    for (const rel of p.files) await client.open(join(p.root, rel));
    return { p, client };
  };
  after(() => {
    for (const c of clients) c.dispose();
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });

  it(`${fx.name}: the markers hold with publishDiagnostics only`, async () => {
    const run = await runFixture(fx, { pull: false });
    if (run.mismatches.length) assert.fail(formatRun(fx.name, run));
    assert.equal(run.pulled, false);
  });

  it(`${fx.name}: publishDiagnostics carry what textDocument/diagnostic returns`, async () => {
    const pulling = await start(true);
    assert.ok(pulling.client.pullEnabled, 'the server offers no diagnosticProvider (pull diagnostics)');
    const pushing = await start(false);
    assert.equal(pushing.client.pullEnabled, false);
    const wants: Array<[string, string[]]> = [];
    for (const rel of pulling.p.files) wants.push([rel, canonical(await pulling.client.pullDiagnostics(join(pulling.p.root, rel)))]);
    // files with diagnostics first: once they have arrived, a file without any must not have a non-empty publish
    wants.sort((a, b) => b[1].length - a[1].length);
    for (const [rel, want] of wants) {
      const file = join(pushing.p.root, rel);
      const same = (pd: PublishDiagnosticsParams): boolean => JSON.stringify(canonical(pd.diagnostics)) === JSON.stringify(want);
      if (want.length === 0 && !pushing.client.freshPublish(file)) continue; // nothing published for this file: none
      await pushing.client.waitForPublish(file, same, `publishDiagnostics for ${rel} equal to the pulled ${JSON.stringify(want)}`)
        .catch((e: Error) => assert.fail(`${e.message}\nlatest publish: ${JSON.stringify(pushing.client.freshPublish(file) ?? null)}`));
    }
    await pulling.client.shutdown();
    await pushing.client.shutdown();
  });

  it(`${fx.name}: a one-character edit of the module line re-publishes (push) and re-pulls (pull)`, async () => {
    for (const pull of [false, true]) {
      const { p, client } = await start(pull);
      const target = moduleLine(p);
      if (!target) assert.fail(`${fx.name} has no go.mod with a module line among ${p.files.join(', ')}`);
      const { rel, file, line } = target;
      const markers = p.expectations.get(rel)?.diags ?? [];
      const asMarked = (ds: Diagnostic[]): boolean => checkDiagnostics(rel, markers, ds).length === 0;
      const syntaxOnLine = (ds: Diagnostic[]): boolean => ds.some((d) => d.code === 'syntax' && d.range.start.line === line);
      // the state before the edit: what the markers say (a push server may publish in stages)
      const before = pull ? await client.diagnostics(file)
        : (await client.waitForPublish(file, (pd) => asMarked(pd.diagnostics), `publishDiagnostics for ${rel} matching its markers`)).diagnostics;
      assert.deepEqual(checkDiagnostics(rel, markers, before), []);
      const at = { start: { line, character: 5 }, end: { line, character: 6 } }; // module -> modul
      await client.change(file, { range: at, text: '' });
      const broken = pull ? await client.diagnostics(file)
        : (await client.waitForPublish(file, (pd) => syntaxOnLine(pd.diagnostics), `a syntax diagnostic on line ${line + 1} after "modul"`)).diagnostics;
      assert.ok(syntaxOnLine(broken), `no syntax diagnostic on line ${line + 1} after the edit: ${JSON.stringify(broken)}`);
      await client.change(file, { range: { start: at.start, end: at.start }, text: 'e' });
      const repaired = pull ? await client.diagnostics(file)
        : (await client.waitForPublish(file, (pd) => asMarked(pd.diagnostics), `the syntax diagnostic on line ${line + 1} to go away`)).diagnostics;
      assert.deepEqual(checkDiagnostics(rel, markers, repaired), []);
      await client.shutdown();
    }
  });
});

describe('LSP push diagnostics: what is published again after an edit', function () {
  this.timeout(60000);
  let p: PreparedFixture | undefined;
  let client: LspClient | undefined;
  after(() => {
    client?.dispose();
    if (p) rmSync(p.root, { recursive: true, force: true });
  });

  it('republishes the edited document with its version, and another file only when its diagnostics change', async () => {
    p = prepareFixture(readFixture(join(fixturesRoot, 'replace-chain')));
    client = await startFixtureServer(p, { pull: false });
    const main = join(p.root, 'ws/go.mod');
    const dep = join(p.root, 'ws/A/go.mod'); // not open: its diagnostics come from the workspace model
    const ineffective = (pd: PublishDiagnosticsParams): boolean => pd.diagnostics.some((d) => d.code === 'replace-ineffective');
    const doc = await client.open(main);
    const opened = await client.nextPublish(main);
    assert.equal(opened.version, 1);
    await client.waitForPublish(dep, ineffective, 'replace-ineffective on A/go.mod');
    const depCount = client.published(dep).length;
    // a space in a comment: the edited document is published again for version 2, A/go.mod is not
    await client.change(main, doc.text.replace('// A replace chain', '//  A replace chain'));
    const edited = await client.nextPublish(main);
    assert.equal(edited.version, 2);
    assert.deepEqual(edited.diagnostics.map((d) => d.code), opened.diagnostics.map((d) => d.code));
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(client.published(dep).length, depCount, `A/go.mod published again: ${JSON.stringify(client.published(dep).slice(depCount))}`);
    // the main module replaces B too: A's replace is no longer a problem, so A/go.mod is published again
    await client.change(main, `${doc.text}\nreplace B => ./B\n`);
    await client.waitFor(() => (client?.published(dep).slice(depCount).some((pd) => !ineffective(pd)) ? true : undefined), 'A/go.mod published without replace-ineffective');
    // ten changes in a burst: gathered, not ten publishing passes; the last version is published
    const mainCount = client.published(main).length;
    const sends: Array<Promise<unknown>> = [];
    for (let i = 0; i < 10; i++) sends.push(client.change(main, `${doc.text}\n// burst ${i}\n`));
    await Promise.all(sends);
    const last = await client.nextPublish(main);
    assert.equal(last.version, 13);
    await new Promise((r) => setTimeout(r, 200));
    const passes = client.published(main).length - mainCount;
    assert.ok(passes >= 1 && passes < 10, `${passes} publishes for a burst of 10 changes`);
    await client.shutdown();
  });
});
