/**
 * The what-if code lens (issue 6 §2): above each require line of a module-mode main go.mod, the
 * versions of that module available offline and a command that asks what `go get path@version`
 * would do; and the answer to that request: the build-list change and the go.mod edit.
 */
import { CodeLens } from 'vscode-languageserver';
import { ModDoc, WorkspaceView } from '../analysis/view';
import { planGoGet } from '../edits/goGetEdit';
import { MainModuleSet } from '../graph/mainModules';
import { ModuleKey } from '../graph/mvs';
import { WhatIf, changeLines } from '../graph/whatIf';
import { Commands, WhatIfResult } from '../protocol';
import { spanToRange } from './positions';

/** whatIfMain: the main module set whose go.mod is doc, in module mode (go get changes that file). */
export function whatIfMain(doc: ModDoc, ws: WorkspaceView): MainModuleSet | undefined {
  if (ws.mainOf.get(doc.file) !== doc.file) return undefined;
  const main = ws.builds.get(doc.file)?.main;
  return main && !main.workspace ? main : undefined;
}

/**
 * whatIfLenses: one lens per required path (on its first require line), only where it can answer:
 * go get's answer needs the whole module graph, so a build with go.mod files missing from the
 * module cache (a fresh clone before go mod download) or that the go command stops on gets none.
 */
export function whatIfLenses(doc: ModDoc, ws: WorkspaceView, uri: string): CodeLens[] {
  if (!whatIfMain(doc, ws)) return [];
  const b = ws.builds.get(doc.file)?.build;
  if (!b || b.error || b.missing.length > 0) return [];
  const out: CodeLens[] = [];
  const seen = new Set<string>();
  for (const r of doc.mod.require) {
    if (seen.has(r.mod.path)) continue;
    seen.add(r.mod.path);
    const versions = ws.cache.versions(r.mod.path);
    const others = versions.filter((v) => v !== r.mod.version).length;
    const title = others > 0 ? `what if… (${others} other version${others === 1 ? '' : 's'} offline)` : 'what if… (go get @none)';
    out.push({ range: spanToRange(doc.lines, r.line.start, r.line.start), command: { title, command: Commands.whatIf, arguments: [uri, r.mod.path, versions] } });
  }
  return out;
}

/** whatIfAnswer turns a what-if result into the request's answer, with the go.mod edit on doc. */
export function whatIfAnswer(doc: ModDoc, r: WhatIf, targets: ModuleKey | ModuleKey[]): WhatIfResult {
  const query = (Array.isArray(targets) ? targets : [targets]).map((t) => `${t.path}@${t.version}`).join(' ');
  if (!r.ok) return { ok: false, error: `go get ${query}: ${r.error}`, lines: [], edits: [] };
  const edits = planGoGet(doc.text, r.requirements, r.goLine?.to, r.toolchainLine?.to).map((e) => ({ range: spanToRange(doc.lines, e.start, e.end), newText: e.newText }));
  // go get's lines: the requested module, go.mod's requirements and its go/toolchain lines, not the whole build list
  const lines = changeLines(r);
  const ids = (ms: { path: string; version: string }[]): string => ms.map((m) => `${m.path} ${m.version}`).join('\n');
  const moved = ids(r.before) !== ids(r.after);
  return { ok: true, lines: lines.length > 0 ? lines : [moved ? 'go get reports no change (the build list still changes)' : 'no change to the build list'], edits };
}
