/**
 * Differential test of `go-mod-lens list -u [-json]` (issue 17) against `go list -m -u [-json] all`
 * of Go 1.26 on random module-mode worlds whose file:// proxy serves `@v/list`, `.info` and `.mod`
 * files (the MVS generator: tags, pre-releases, +incompatible versions, retractions, exclusions,
 * replacements, versions without `.info`): the same output, error lines and exit status.
 * GML_LISTU_ROUNDS (default 60), GML_FUZZ_SEED.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { GoOracle, mapLimit, repoRoot, runGo } from '../oracle/env';
import { describeWithGo } from '../oracle/suites';
import { note } from '../support/notes';
import { scratchRoot } from '../oracle/modgraph/differential';
import { generateScenario, scenarioSeed } from '../oracle/modgraph/generate';
import { copyTree, materialize, removeTree } from '../oracle/modgraph/materialize';
import { goModuleEnv } from '../oracle/modgraph/runGoOracle';
import { describeScenario } from '../oracle/modgraph/scenario';

const rounds = Number(process.env.GML_LISTU_ROUNDS ?? 60);
const seed = Number(process.env.GML_FUZZ_SEED ?? 7);

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

describeWithGo('1.26', 'differential: list -u against go list -m -u all', function (oracle: GoOracle) {
  this.timeout(20 * 60 * 1000);
  const scratch = scratchRoot(undefined, 'gml-listu-');
  after(() => { if (!process.env.GML_KEEP_SCRATCH) removeTree(scratch); });

  it(`${rounds} random worlds: text and -json, updates, retractions, deprecations`, async () => {
    const failures: string[] = [];
    const counts = { updates: 0, retracted: 0, deprecated: 0, errors: 0, goFailed: 0 };
    await mapLimit(Array.from({ length: rounds }, (_, i) => i), 2, async (i) => {
      const s = generateScenario(scenarioSeed(seed + 3000, i), { workspaceRate: 0, modern: true });
      const root = scratchRoot(scratch);
      const m = materialize(s, root);
      const differences: string[] = [];
      for (const json of [false, true]) {
        const goCopy = join(root, 'runs', `go-${json}`);
        const ourCopy = join(root, 'runs', `ours-${json}`);
        copyTree(m.src, goCopy);
        copyTree(m.src, ourCopy);
        const goEnv = goModuleEnv(m, goCopy, 'proxy', join(root, `modcache-go-${json}`));
        const go: Run = { ...await runGo(oracle, ['list', '-m', '-u', ...(json ? ['-json'] : []), 'all'], join(goCopy, m.runDir), goEnv) };
        const ourEnv = { ...process.env, ...goModuleEnv(m, ourCopy, 'proxy', join(root, `modcache-ours-${json}`)), HOME: root, GOMODLENS_CACHE_DIR: 'off' };
        const r = spawnSync(process.execPath, [join(repoRoot, 'bin/go-mod-lens.js'), 'list', '-u', `-go=${oracle.version.replace(/^go/, '')}`, ...(json ? ['-json'] : []), '.'], { cwd: join(ourCopy, m.runDir), env: ourEnv, encoding: 'utf8', maxBuffer: 1 << 26 });
        // the two runs' directories differ only by name
        const same = (text: string, who: string): string => text.split(`runs/${who}-${json}`).join('runs/RUN').split(`modcache-${who}-${json}`).join('modcache-RUN');
        go.stdout = same(go.stdout, 'go');
        go.stderr = same(go.stderr, 'go');
        const ours: Run = { status: r.status ?? -1, stdout: same(r.stdout, 'ours'), stderr: same(r.stderr, 'ours') };
        if (!json) {
          if (go.status !== 0) counts.goFailed++;
          counts.updates += (go.stdout.match(/ \[v/g) ?? []).length;
          counts.retracted += (go.stdout.match(/\(retracted\)/g) ?? []).length;
          counts.deprecated += (go.stdout.match(/\(deprecated\)/g) ?? []).length;
        } else counts.errors += (go.stdout.match(/"Err":/g) ?? []).length;
        const label = json ? 'list -u -json' : 'list -u';
        if (go.status !== ours.status) differences.push(`${label}: exit status go ${go.status}, ours ${ours.status}`);
        if (go.stdout !== ours.stdout) differences.push(`${label}: stdout differs\n--- go\n${go.stdout}--- ours\n${ours.stdout}`);
        if (go.stderr.replace(/\r/g, '') !== ours.stderr) differences.push(`${label}: stderr differs\n--- go\n${go.stderr}--- ours\n${ours.stderr}`);
      }
      if (differences.length > 0) failures.push(`world ${i}: ${differences.join('\n')}\n${describeScenario(s)}`);
      else removeTree(root);
    });
    note(`${rounds} worlds against ${oracle.label} (seed ${seed}): ${rounds - failures.length} identical; go printed ${counts.updates} updates, ${counts.retracted} (retracted), ${counts.deprecated} (deprecated), ${counts.errors} module errors in -json; go failed on ${counts.goFailed}`);
    assert.equal(failures.length, 0, failures.slice(0, 2).join('\n\n'));
  });
});
