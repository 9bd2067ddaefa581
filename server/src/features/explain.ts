/**
 * The explanation of a selected version that hovers and inlay hints share: which build explains it,
 * the chain text (Markdown) and the build a go.mod is main in. Hover and inlay hints both import this
 * module; neither imports the other.
 */
import { MarkupContent, MarkupKind } from 'vscode-languageserver';
import { BuildView, ModDoc, ModuleUpgradeFacts, WorkspaceView } from '../analysis/view';
import { Build } from '../graph/buildList';
import { showModule } from '../graph/mvs';
import { explainSelection } from '../graph/why';
import { mdText } from './markdown';

const show = showModule;

/** buildOf: the build in which file is a main module, or the build of that go.mod/go.work itself. */
export function buildOf(ws: WorkspaceView, file: string): BuildView | undefined {
  return ws.builds.get(ws.mainOf.get(file) ?? file);
}

/** buildViewOf is the build in which doc is a main module (none for a go.mod that is main nowhere). */
export function buildViewOf(doc: ModDoc, ws: WorkspaceView): BuildView | undefined {
  const id = ws.mainOf.get(doc.file);
  return id === undefined ? undefined : ws.builds.get(id);
}

/**
 * explainingBuild picks the build whose edges explain path's selection to the reader: the one with
 * the requirements as written (read-only), unless -mod=mod's root sync selects another version —
 * after root sync the main module "requires" the selected version itself, which explains nothing.
 */
export function explainingBuild(view: BuildView, path: string): Build | undefined {
  const b = view.build;
  const r = view.readonly;
  if (b && r && r.graph.selectedVersion(path) === b.graph.selectedVersion(path)) return r;
  return b;
}

/** explainChainText is the "why" of path's selected version, as Markdown. */
export function explainChainText(b: Build, path: string): string {
  const s = explainSelection(b, path);
  if (s.version === 'none') return `${mdText(path)} is not in the build list.`;
  const lines = [`**${mdText(path)} ${mdText(s.version)}** is selected because:`];
  for (const c of s.chains.slice(0, 3)) lines.push(`- ${c.map((m) => mdText(show(m))).join(' → ')}`);
  if (s.chains.length > 3) lines.push(`- … and ${s.chains.length - 3} more`);
  if (s.lower.length > 0) {
    const few = s.lower.slice(0, 4).map((l) => `${mdText(show(l.by))} asks for ${mdText(l.version)}`).join('; ');
    lines.push(`\nLower requirements lose to it (MVS takes the highest): ${few}${s.lower.length > 4 ? '; …' : ''}.`);
  }
  return lines.join('\n');
}

/** selectionTooltip explains the version the build selects for path: the chain, the lower requirements. */
export function selectionTooltip(view: BuildView, path: string): MarkupContent | undefined {
  const b = explainingBuild(view, path) ?? view.build;
  return b ? { kind: MarkupKind.Markdown, value: explainChainText(b, path) } : undefined;
}

/**
 * upgradeOf: what the upgrade checks found for one requirement of doc, looked up as the session keys
 * them (workspace/session.ts upgradeMains): by the version the build selects, else the one required.
 */
export function upgradeOf(ws: WorkspaceView, doc: ModDoc, build: Build | undefined, path: string, required: string): ModuleUpgradeFacts | undefined {
  const sel = build?.graph.selectedVersion(path);
  return ws.upgrades?.get(doc.file)?.get(`${path}@${sel && sel !== 'none' ? sel : required}`);
}

/** upgradeText: the newer versions of a requirement, as the hint's tooltip and the hover say them. */
export function upgradeText(path: string, u: ModuleUpgradeFacts): string {
  const parts: string[] = [];
  if (u.update) parts.push(`**${mdText(u.update.version)}** is the newest allowed release of ${mdText(path)} (what \`go list -m -u\` reports)`);
  if (u.patch && u.patch.version !== u.update?.version) parts.push(`newest patch of this minor version: ${mdText(u.patch.version)}`);
  if (u.major) parts.push(`next major version: ${mdText(u.major.path)} ${mdText(u.major.version)} (another module path: imports change)`);
  return parts.length === 0 ? '' : `Newer versions: ${parts.join('; ')}.`;
}

