/**
 * The edit planners against `go mod edit` (every go command there is): on corpus go.mod files, applying our minimal
 * edits and then formatting canonically must give exactly what `go mod edit -replace/-go/-require/
 * -droprequire … -print` prints. This checks that lines land where modfile puts them.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { planAddReplace, planAddRequire, planDropRequire, planSetGoVersion, planSetRequireVersion } from '../../src/edits/planners';
import { TextEdit, applyEdits } from '../../src/edits/textEdit';
import { splitPathVersion } from '../../src/module/modulePath';
import { formatModFile } from '../../src/syntax/format';
import { ModFile, parseModFile } from '../../src/syntax/modfile';
import { Rng } from '../fuzz/mutate';
import { downlevel } from '../oracle/downlevel';
import { compareRelease, findFiles, mapLimit, noShared, runGo, sharedDir } from '../oracle/env';
import { describeEachGo } from '../oracle/suites';
import { note } from '../support/notes';

interface Op {
  name: string;
  goArgs: string[];
  plan: (f: ModFile) => TextEdit[];
}

function versionFor(path: string): string {
  const major = splitPathVersion(path).pathMajor.replace(/^[./]/, '').replace(/-unstable$/, '');
  return `${major || 'v1'}.999.0`;
}

function opsFor(f: ModFile, rng: Rng): Op[] {
  const ops: Op[] = [
    { name: 'set go', goArgs: ['-go=1.18'], plan: (g) => planSetGoVersion(g, '1.18') },
    { name: 'add require', goArgs: ['-require=example.com/brand/new@v1.0.0'], plan: (g) => planAddRequire(g, 'example.com/brand/new', 'v1.0.0', false) },
    { name: 'wildcard replace of a new path', goArgs: ['-replace=example.com/zz=./zz'], plan: (g) => planAddReplace(g, { path: 'example.com/zz', version: '' }, { path: './zz', version: '' }) },
  ];
  if (f.require.length > 0) {
    const r = rng.pick(f.require).mod;
    const v = versionFor(r.path);
    ops.push(
      { name: `replace ${r.path}`, goArgs: [`-replace=${r.path}=./local`], plan: (g) => planAddReplace(g, { path: r.path, version: '' }, { path: './local', version: '' }) },
      { name: `replace ${r.path}@${r.version}`, goArgs: [`-replace=${r.path}@${r.version}=example.com/fork@v1.2.3`],
        plan: (g) => planAddReplace(g, r, { path: 'example.com/fork', version: 'v1.2.3' }) },
      { name: `require ${r.path}@${v}`, goArgs: [`-require=${r.path}@${v}`], plan: (g) => planSetRequireVersion(g, r.path, v) },
      { name: `drop ${r.path}`, goArgs: [`-droprequire=${r.path}`], plan: (g) => planDropRequire(g, r.path) },
    );
  }
  for (const x of f.replace.slice(0, 1)) {
    ops.push({ name: `update replace ${x.old.path}`, goArgs: [`-replace=${x.old.path}=./elsewhere`],
      plan: (g) => planAddReplace(g, { path: x.old.path, version: '' }, { path: './elsewhere', version: '' }) });
  }
  return ops;
}

describeEachGo('differential: edit planners against go mod edit', function (oracle) {
  this.timeout(20 * 60 * 1000);

  it('places and rewrites lines as go mod edit does', async function () {
    if (!sharedDir()) {
      note(noShared);
      this.skip();
    }
    const shared = sharedDir() as string;
    const modern = compareRelease(oracle.release, '1.21') >= 0; // current syntax and x/mod's 2023 printer
    const rng = new Rng(Number(process.env.GML_FUZZ_SEED ?? 3));
    const files = findFiles(join(shared, 'corpus'), (n) => n === 'go.mod')
      .map((p) => ({ p, text: readFileSync(p, 'utf8') }))
      .filter((x) => (modern || downlevel(x.text) === x.text) && parseModFile(x.text).errors.length === 0)
      .filter((_, i) => i % 4 === 0);
    const cases = files.flatMap(({ p, text }) => opsFor(parseModFile(text), rng).map((op) => ({ p, text, op })));
    const scratch = mkdtempSync(join(tmpdir(), 'gml-plan-'));
    const results = await mapLimit(cases, 4, async ({ p, text, op }, ) => {
      const dir = join(scratch, String(cases.findIndex((c) => c.op === op)));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'go.mod'), text);
      const go = await runGo(oracle, ['mod', 'edit', ...op.goArgs, '-print', 'go.mod'], dir);
      const edited = applyEdits(text, op.plan(parseModFile(text)));
      const ours = formatModFile(edited, 'go.mod', { legacy: !modern });
      const same = go.status === 0 && ours.ok && ours.text === go.stdout;
      return same ? undefined : { file: relative(shared, p), op: op.name, go: go.stdout || go.stderr, ours: ours.ok ? ours.text : JSON.stringify(ours.errors), edited };
    });
    const bad = results.filter((r) => r !== undefined);
    note(`planners vs ${oracle.label} go mod edit: ${cases.length} edits on ${files.length} corpus files; differences: ${bad.length}`);
    assert.deepEqual(bad.slice(0, 2), []);
  });
});
