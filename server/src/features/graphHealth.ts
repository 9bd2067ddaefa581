/**
 * graphHealth: the dependency-health marks of the module graph view (issue 19): the known
 * vulnerabilities of each module version the build builds (the workspace's vulnerability database,
 * as the `vulnerable` diagnostic matches them) and the versions their author retracted (the
 * retract directives of the latest go.mod of the path in the module cache, as `retracted` reads them).
 */
import { latestInCache, retractionCovering } from '../analysis/buildRules';
import { WorkspaceView } from '../analysis/view';
import { Build } from '../graph/buildList';
import { showModule } from '../graph/mvs';
import { NodeHealth } from '../graphView/model';
import { matchBuild } from '../vuln/match';

/** HealthFacts: what the marks are read from (a workspace view has both; the CLI makes its own). */
export type HealthFacts = Pick<WorkspaceView, 'vulns' | 'cache'>;

export function graphHealth(ws: HealthFacts, build: Build): Record<string, NodeHealth> {
  const out: Record<string, NodeHealth> = {};
  const at = (id: string): NodeHealth => (out[id] ??= {});
  if (ws.vulns) {
    for (const f of matchBuild(ws.vulns, build)) {
      const id = f.Chain[f.Chain.length - 1];
      if (!id || f.Module === 'stdlib' || f.Module === 'toolchain') continue;
      (at(id).vulnerable ??= []).push(`${f.ID}: ${f.Summary}`);
    }
  }
  for (const m of build.graph.buildList()) {
    if (build.main.isMain(m) || m.path === 'go' || m.path === 'toolchain') continue;
    const latest = latestInCache(ws, m.path);
    const f = latest ? ws.cache.goMod(m.path, latest) : undefined;
    const r = f ? retractionCovering(f, m.path, m.version) : undefined;
    if (r) at(showModule(m)).retracted = r.rationale;
  }
  return out;
}
