/**
 * `vulnerable` (issue 17): the module versions a build builds that the user's vulnerability
 * database lists (vuln/match.ts, govulncheck -scan module's matching), one finding per vulnerable
 * module on the require that brings it — its own require when the main module requires it, else the
 * direct require its shortest chain starts with (the chain in the message) — and the standard
 * library on the toolchain line (else the go line) it is matched against. The build matched is the
 * one a default read-only `go build` loads (the roots as written), else the -mod=mod one; none while
 * go.mod files are missing (a version MVS has not seen yet may already be fixed).
 */
import { Build } from '../graph/buildList';
import { MainModule } from '../graph/mainModules';
import { compare } from '../module/semver';
import { VulnFinding, chainPath, matchBuild } from '../vuln/match';
import { semverOf } from '../vuln/osv';
import { memberFile } from './buildRules';
import { Finding } from './findings';
import { BuildView, WorkspaceView } from './view';

/** vulnBuild: the build whose modules are matched, or none. */
export function vulnBuild(view: BuildView): Build | undefined {
  const b = view.readonly && !view.readonly.error ? view.readonly : view.build;
  return b && b.missing.length === 0 && !b.error ? b : undefined;
}

/** VulnGroup: the findings on one module (or the standard library), with the fix that covers every fixable one. */
export interface VulnGroup {
  module: string;
  version: string;
  chain: string[];
  findings: VulnFinding[];
  /** the lowest version fixing every finding that has a fix ('' when none has one) */
  upgrade: string;
  /** findings without a fixed version above the one built */
  unfixed: number;
}

/** groupFindings gathers the findings of a build by module, in build-list order (the standard library first). */
export function groupFindings(found: VulnFinding[]): VulnGroup[] {
  const groups = new Map<string, VulnGroup>();
  for (const f of found) {
    let g = groups.get(f.Module);
    if (!g) groups.set(f.Module, (g = { module: f.Module, version: f.Version, chain: f.Chain, findings: [], upgrade: '', unfixed: 0 }));
    g.findings.push(f);
    if (f.Fixed === '') g.unfixed++;
    else if (g.upgrade === '' || compare(semverOf(f.Fixed), semverOf(g.upgrade)) > 0) g.upgrade = f.Fixed;
  }
  return [...groups.values()];
}

/** vulnerableFindings: the `vulnerable` findings of one build. */
export function vulnerableFindings(view: BuildView, ws: WorkspaceView): Finding[] {
  const b = vulnBuild(view);
  if (!ws.vulns || !b || !view.main) return [];
  const main = view.main;
  const out: Finding[] = [];
  for (const g of groupFindings(matchBuild(ws.vulns, b))) {
    const ids = g.findings.map((f) => `${f.ID}${f.Aliases.length > 0 ? ` (${f.Aliases.join(', ')})` : ''}: ${f.Summary}`);
    const list = ids.length <= 5 ? ids.join('; ') : `${ids.slice(0, 5).join('; ')}; and ${ids.length - 5} more (hover for all)`;
    const fix = g.upgrade === '' ? 'no fixed version is known' : g.unfixed > 0 ? `${g.upgrade} fixes ${g.findings.length - g.unfixed} of them (${g.unfixed} have no fix yet)` : `fixed in ${g.upgrade}`;
    if (g.module === 'stdlib' || g.module === 'toolchain') {
      const file = main.workspace ? main.workspace.file : memberFile(main.modules[0]);
      const f = main.workspace ? main.workspace.work : main.modules[0].modFile;
      const line = f.toolchain?.line ?? f.go?.line;
      if (!line) continue;
      const what = g.module === 'stdlib' ? 'the standard library' : 'the go command';
      const asked = f.toolchain ? `toolchain ${f.toolchain.name}` : `go ${f.go?.version}`;
      // the fix: a toolchain line naming the oldest Go that fixes them all (module mode; go.work keeps its own)
      const fixes: Finding['fixes'] = g.upgrade !== '' && !main.workspace ? [{ title: `Set toolchain ${g.upgrade}`, data: { kind: 'set-toolchain', target: file, name: g.upgrade } }] : undefined;
      out.push({
        code: 'vulnerable', file, start: line.start, end: line.end, severity: 'information',
        message: `${g.findings.length} known ${g.findings.length === 1 ? 'vulnerability' : 'vulnerabilities'} in ${what} of ${g.version}, the oldest toolchain this ${main.workspace ? 'go.work' : 'go.mod'} lets build it (${asked}); ${fix}: ${list}`,
        fixes,
      });
      continue;
    }
    const root = g.chain[0];
    const member: MainModule | undefined = main.modules.find((m) => m.path === root);
    if (!member || g.chain.length < 2) continue;
    const direct = chainPath(g.chain[1]);
    const req = member.modFile.require.find((r) => r.mod.path === direct);
    if (!req) continue;
    const own = g.chain.length === 2;
    const path = chainPath(g.chain[g.chain.length - 1]);
    const through = own ? '' : `, required through ${g.chain.slice(1).join(' → ')}`;
    const built = path === g.module ? `${g.module}@${g.version}` : `${path}, built as ${g.module}@${g.version}`;
    const fixes: Finding['fixes'] = [];
    if (g.upgrade !== '' && path === g.module) {
      if (own) fixes.push({ title: `Upgrade ${path} to ${g.upgrade}`, data: { kind: 'set-require', target: memberFile(member), path, version: g.upgrade } });
      fixes.push({ title: `Preview go get ${path}@${g.upgrade}…`, data: { kind: 'preview-go-get', target: memberFile(member), path, version: g.upgrade } });
    }
    out.push({
      code: 'vulnerable', file: memberFile(member), start: req.line.start, end: req.line.end,
      message: `${g.findings.length} known ${g.findings.length === 1 ? 'vulnerability' : 'vulnerabilities'} in ${built}${through}; ${fix}: ${list}`,
      fixes: fixes.length > 0 ? fixes : undefined,
    });
  }
  return out;
}
