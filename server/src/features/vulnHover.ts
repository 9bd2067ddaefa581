/**
 * The vulnerabilities part of a hover (issue 17): on a require line, every known vulnerability of
 * the modules that require brings into the build (itself, or deeper along its chains), and on the go
 * or toolchain line those of the standard library and the go command — each with its id, aliases,
 * summary, affected packages, fixed version and page.
 */
import { BuildView, ModDoc, WorkDoc, WorkspaceView } from '../analysis/view';
import { VulnGroup, groupFindings, vulnBuild } from '../analysis/vulnRules';
import { chainPath as pathOf, matchBuild } from '../vuln/match';
import { mdCode, mdText } from './markdown';

/** vulnGroups: the vulnerable modules of a build view (none without a database or a complete build). */
function vulnGroups(ws: WorkspaceView, view: BuildView | undefined): VulnGroup[] {
  const b = view ? vulnBuild(view) : undefined;
  return ws.vulns && b ? groupFindings(matchBuild(ws.vulns, b)) : [];
}

function groupText(g: VulnGroup, title: string): string {
  const lines = [`**${title}** — ${g.findings.length} known ${g.findings.length === 1 ? 'vulnerability' : 'vulnerabilities'}${g.upgrade !== '' ? `; ${mdCode(g.upgrade)} fixes ${g.unfixed > 0 ? `${g.findings.length - g.unfixed} of them` : 'all of them'}` : ''}:`];
  for (const f of g.findings) {
    const pkgs = [...new Set(f.packages)];
    const shownPkgs = pkgs.length === 0 ? '' : ` Packages: ${pkgs.slice(0, 4).map(mdCode).join(', ')}${pkgs.length > 4 ? ` and ${pkgs.length - 4} more` : ''}.`;
    lines.push(`- [${mdText(f.ID)}](${f.url})${f.Aliases.length > 0 ? ` (${f.Aliases.map(mdText).join(', ')})` : ''}: ${mdText(f.Summary)}.${shownPkgs} ${f.Fixed !== '' ? `Fixed in ${mdCode(f.Fixed)}.` : 'No fixed version.'}`);
  }
  return lines.join('\n');
}

/** requireVulnText: the vulnerabilities a require of doc's module brings, or undefined when none. */
export function requireVulnText(doc: ModDoc, ws: WorkspaceView, view: BuildView | undefined, path: string): string | undefined {
  const own = doc.mod.module?.path;
  const groups = vulnGroups(ws, view).filter((g) => g.chain.length >= 2 && pathOf(g.chain[0]) === own && pathOf(g.chain[1]) === path);
  if (groups.length === 0) return undefined;
  return groups.map((g) => groupText(g, g.chain.length === 2 ? `${g.module}@${g.version}` : `${g.module}@${g.version}, through ${g.chain.slice(1, -1).join(' → ')}`)).join('\n\n');
}

/** goLineVulnText: the standard library's and the go command's vulnerabilities at the Go a go.mod or go.work asks for. */
export function goLineVulnText(ws: WorkspaceView, view: BuildView | undefined, doc: ModDoc | WorkDoc): string | undefined {
  if (!view || view.file !== doc.file) return undefined;
  const groups = vulnGroups(ws, view).filter((g) => g.module === 'stdlib' || g.module === 'toolchain');
  if (groups.length === 0) return undefined;
  return groups.map((g) => groupText(g, `${g.module === 'stdlib' ? 'Standard library' : 'The go command'} of ${g.version}`)).join('\n\n');
}
