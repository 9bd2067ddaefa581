/**
 * Inlay hints in go.mod and go.work: after a required version, the version MVS selects when it
 * differs (`→ v1.3.0`, or always when the setting says so) and the replacement in effect
 * (`⇒ ./A`); after each pseudo-version, its commit date, with the full decoding as the tooltip.
 */
import { InlayHint, InlayHintKind, MarkupKind } from 'vscode-languageserver';
import { versionTokens, pseudoDecoded } from '../analysis/fileRules';
import { ModDoc, WorkDoc, WorkspaceView } from '../analysis/view';
import { cmpVersion } from '../graph/mvs';
import { ModFile } from '../syntax/modfile';
import { WorkFile } from '../syntax/workfile';
import { Settings } from '../protocol';
import { buildViewOf, selectionTooltip, upgradeOf, upgradeText } from './explain';
import { mdText } from './markdown';
import { offsetToPosition } from './positions';

/** SelectionHintData: what a selected-version hint sent without its tooltip needs to get it (inlayHint/resolve). */
export interface SelectionHintData {
  file: string;
  path: string;
}

/**
 * inlayHintsFor computes the hints of one go.mod or go.work, in [start, end) offsets. With
 * lazyTooltips (a client that resolves tooltips), a selected-version hint carries no tooltip but the
 * data selectionTooltip needs: the chain that explains a version is worked out only for the hint the
 * user points at, not for every require line on every keystroke.
 */
export function inlayHintsFor(doc: ModDoc | WorkDoc, ws: WorkspaceView | undefined, settings: Settings, start: number, end: number, lazyTooltips = false): InlayHint[] {
  const f: ModFile | WorkFile = 'mod' in doc ? doc.mod : doc.work;
  const out: { offset: number; order: number; hint: InlayHint }[] = [];
  const within = (o: number): boolean => o >= start && o <= end;
  if (settings.inlayHints.pseudoVersionDate) {
    const seen = new Set<number>();
    for (const t of versionTokens(f)) {
      if (seen.has(t.token.start) || !within(t.token.end)) continue;
      seen.add(t.token.start);
      const d = pseudoDecoded(t.version);
      if (!d) continue;
      out.push({ offset: t.token.end, order: 0, hint: {
        position: offsetToPosition(doc.lines, t.token.end), label: d.date, paddingLeft: true,
        tooltip: { kind: MarkupKind.Markdown, value: `${mdText(d.message)}\n\n(${mdText(`${t.path} ${t.version}`)})` },
      } });
    }
  }
  const view = ws && 'mod' in doc ? buildViewOf(doc, ws) : undefined;
  if (view?.build && 'mod' in doc && settings.inlayHints.selectedVersion !== 'off') {
    for (const r of doc.mod.require) {
      if (!within(r.versionToken.end)) continue;
      const b = view.build;
      if (b.main.isMain({ path: r.mod.path, version: '' })) {
        out.push({ offset: r.versionToken.end, order: 1, hint: { position: offsetToPosition(doc.lines, r.versionToken.end), label: '⇒ workspace module', paddingLeft: true, tooltip: `${r.mod.path} is a module of this workspace: it is built from its directory, whatever version is required here.` } });
        continue;
      }
      const sel = b.graph.selectedVersion(r.mod.path);
      const label: string[] = [];
      if (sel !== 'none' && (settings.inlayHints.selectedVersion === 'always' || sel !== r.mod.version)) {
        label.push(cmpVersion(r.mod.path, r.mod.version, sel) === 0 ? `= ${sel}` : `→ ${sel}`);
      }
      const eff = sel === 'none' ? undefined : b.main.replacement({ path: r.mod.path, version: sel });
      if (eff) label.push(eff.version === '' ? `⇒ ${eff.path}` : `⇒ ${eff.path} ${eff.version}`);
      if (label.length === 0) continue;
      out.push({ offset: r.versionToken.end, order: 1, hint: {
        position: offsetToPosition(doc.lines, r.versionToken.end), label: label.join(' '), paddingLeft: true, kind: InlayHintKind.Type,
        ...(lazyTooltips ? { data: { file: doc.file, path: r.mod.path } satisfies SelectionHintData } : { tooltip: selectionTooltip(view, r.mod.path) }),
      } });
    }
  }
  if (ws?.upgrades?.has(doc.file) && 'mod' in doc && settings.upgrades !== 'off') {
    for (const r of doc.mod.require) {
      if (!within(r.versionToken.end) || (settings.upgrades === 'direct' && r.indirect)) continue;
      const u = upgradeOf(ws, doc, view?.build, r.mod.path, r.mod.version);
      if (!u?.update) continue;
      out.push({ offset: r.versionToken.end, order: 2, hint: {
        position: offsetToPosition(doc.lines, r.versionToken.end), label: `${u.update.version} available`, paddingLeft: true,
        tooltip: { kind: MarkupKind.Markdown, value: upgradeText(r.mod.path, u) },
      } });
    }
  }
  return out.sort((a, b) => a.offset - b.offset || a.order - b.order).map((x) => x.hint);
}
