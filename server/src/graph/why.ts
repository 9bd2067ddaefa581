/**
 * Provenance (design: "the graph keeps provenance"): why a module has its selected version — the
 * requirement edges that name exactly that version, the shortest chain from a main module through
 * each of them, and the lower versions that lost.
 */
import { Build } from './buildList';
import { ModGraph, ModuleKey, cmpVersion, showModule } from './mvs';

/** RequirementEdge: a requirement on some path at `version`, held by the go.mod of `by` (an edge of the graph). */
export interface RequirementEdge {
  /** the module version whose go.mod holds the requirement */
  by: ModuleKey;
  version: string;
}

export interface Selection {
  path: string;
  /** the selected version ('none' when the path is not in the build list) */
  version: string;
  /** requirements on exactly the selected version: these set it */
  setBy: RequirementEdge[];
  /** for each of them, a shortest requirement chain from a main module, ending at the selected module */
  chains: ModuleKey[][];
  /** requirements on lower versions, which MVS overrode */
  lower: RequirementEdge[];
}

/** requirersOf: every requirement on path in the graph, in breadth-first order of the requiring node (ModGraph.requirers). */
export function requirersOf(g: ModGraph, path: string): readonly RequirementEdge[] {
  return g.requirers(path);
}

/** selectionSetters splits the requirements on path into those that set its selected version and lower ones. */
export function selectionSetters(build: Build, path: string): { version: string; setBy: RequirementEdge[]; lower: RequirementEdge[] } {
  const version = build.graph.selectedVersion(path);
  const all = requirersOf(build.graph, path);
  const setBy = all.filter((r) => r.version === version);
  const lower = all.filter((r) => r.version !== version && cmpVersion(path, r.version, version) < 0);
  return { version, setBy, lower };
}

/** explainSelection gathers the provenance of path's selected version in a build. */
export function explainSelection(build: Build, path: string): Selection {
  const { version, setBy, lower } = selectionSetters(build, path);
  const target = { path, version };
  const chains = setBy.map((s) => [...(shortestChain(build.graph, s.by) ?? [s.by]), target]);
  return { path, version, setBy, chains, lower };
}

/** shortestChain is the breadth-first shortest requirement chain from a root to m. */
export function shortestChain(g: ModGraph, m: ModuleKey): ModuleKey[] | undefined {
  return g.chainTo(m);
}

const show = showModule;

/** selectionText renders a Selection for the CLI's `why` command. */
export function selectionText(s: Selection): string {
  if (s.version === 'none') return `# ${s.path}\n(${s.path} is not in the build list)\n`;
  const lines = [`# ${s.path}@${s.version}`];
  if (s.setBy.length === 0) lines.push(`(selected as a main module)`);
  s.chains.forEach((chain) => {
    lines.push(chain.map(show).join(' -> '));
  });
  if (s.lower.length > 0) {
    lines.push(`lower requirements, overridden by minimal version selection:`);
    for (const l of s.lower) lines.push(`\t${show(l.by)} requires ${s.path}@${l.version}`);
  }
  return lines.join('\n') + '\n';
}
