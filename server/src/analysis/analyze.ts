/**
 * analyzeWorkspace runs every rule over a WorkspaceView and groups the findings by file. Each rule
 * is isolated: one that throws is reported through `onError` and the others still run.
 */
import { dependencyGoFindings, featureFindings, toolchainFindings } from './goRules';
import { vendorFindings } from './vendorRules';
import { RuleMemo } from './memo';
import { lifecycleFindings, missingFindings, requirementFindings, replaceDirMissingFindings, unusedReplaceFindings } from './buildRules';
import { parseFindings, pseudoFindings, sumFindings, unreadableFindings } from './fileRules';
import { Finding } from './findings';
import { replaceIneffectiveFindings, replaceMissingFindings } from './replaceRules';
import { ModuleKey } from '../graph/mvs';
import { WorkspaceView } from './view';
import { sumMismatchFindings, sumMissingFindings, workFindings } from './workSumRules';
import { vulnerableFindings } from './vulnRules';

export interface AnalyzeOptions {
  /** how to say that path@version's go.mod is not available (mentions the module cache and the network setting) */
  missingMessage: (missing: readonly ModuleKey[], own: boolean) => string;
  onError?: (rule: string, err: unknown) => void;
  /** kept by a long-lived caller (the server) so that an edit re-runs only what depends on it */
  memo?: AnalyzeMemo;
}

/**
 * AnalyzeMemo: what one analysis can hand to the next. Rules that read nothing but one parsed file
 * (syntax, pseudo-versions, go.sum lines) are remembered per parsed document — the session keeps
 * the same document object while a file's text is unchanged. Rules over a build are remembered per
 * build view while everything else they read (every document, build view, feature scan, the module
 * cache facts and the toolchain) is the very same objects — the session hands back the same state
 * when a typo is repaired or an edit undone. Each file's de-duplicated list is reused while the
 * findings that make it up are the same objects.
 */
export class AnalyzeMemo extends RuleMemo {
  readonly byDoc = new WeakMap<object, Map<string, Finding[]>>();
  readonly byBuild = new WeakMap<object, { inputs: unknown[]; rules: Map<string, Finding[]> }>();
  readonly byFile = new Map<string, { input: Finding[]; output: Finding[] }>();
}

/** analyzeWorkspace: every finding of the view, by absolute file path. */
export function analyzeWorkspace(ws: WorkspaceView, options: AnalyzeOptions): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const memo = options.memo;
  const add = (rule: string, f: () => Finding[], doc?: object, remembered?: Map<string, Finding[]>): void => {
    try {
      let found: Finding[] | undefined;
      let rules = remembered;
      if (!rules && doc && memo) {
        rules = memo.byDoc.get(doc);
        if (!rules) memo.byDoc.set(doc, (rules = new Map()));
      }
      if (rules) {
        found = rules.get(rule);
        if (!found) rules.set(rule, (found = f()));
      } else found = f();
      for (const x of found) {
        const list = out.get(x.file) ?? [];
        list.push(x);
        out.set(x.file, list);
      }
    } catch (err) {
      options.onError?.(rule, err);
    }
  };
  for (const doc of ws.mods.values()) {
    add('unreadable', () => unreadableFindings(doc), doc);
    add('parse', () => parseFindings(doc), doc);
    add('pseudo', () => pseudoFindings(doc.file, doc.mod, memo), doc);
    add('replace-ineffective', () => replaceIneffectiveFindings(doc, ws));
    add('features', () => featureFindings(doc, ws));
    add('vendor', () => vendorFindings(doc, ws));
    const go = doc.mod.go;
    if (ws.mainOf.get(doc.file) !== undefined) add('toolchain', () => toolchainFindings(doc.file, go?.version, go?.line ?? { start: 0, end: 0 }, ws, ws.gotoolchain));
  }
  for (const doc of ws.works.values()) {
    add('unreadable', () => unreadableFindings(doc), doc);
    add('parse', () => parseFindings(doc), doc);
    add('pseudo', () => pseudoFindings(doc.file, doc.work, memo), doc);
    add('work', () => workFindings(doc, ws));
    const go = doc.work.go;
    add('toolchain', () => toolchainFindings(doc.file, go?.version, go?.line ?? { start: 0, end: 0 }, ws, ws.gotoolchain));
  }
  for (const doc of ws.sums.values()) {
    add('unreadable', () => unreadableFindings(doc), doc);
    add('sum', () => sumFindings(doc), doc);
    add('sum-mismatch', () => sumMismatchFindings(doc, ws, memo));
  }
  const inputs = memo ? buildRuleInputs(ws) : [];
  for (const view of ws.builds.values()) {
    let rules: Map<string, Finding[]> | undefined;
    if (memo) {
      const hit = memo.byBuild.get(view);
      rules = hit && sameItems(hit.inputs, inputs) ? hit.rules : new Map();
      if (rules !== hit?.rules) memo.byBuild.set(view, { inputs, rules });
    }
    add('requirements', () => requirementFindings(view, memo), undefined, rules);
    add('missing', () => missingFindings(view, options.missingMessage, ws), undefined, rules);
    add('lifecycle', () => lifecycleFindings(view, ws, memo), undefined, rules);
    add('replace-unused', () => unusedReplaceFindings(view), undefined, rules);
    add('replace-dir-missing', () => replaceDirMissingFindings(view), undefined, rules);
    add('replace-missing', () => replaceMissingFindings(view, ws), undefined, rules);
    add('go-below-dependency', () => dependencyGoFindings(view, ws), undefined, rules);
    add('sum-missing', () => sumMissingFindings(view, ws), undefined, rules);
    add('vulnerable', () => vulnerableFindings(view, ws), undefined, rules);
  }
  return dedupe(out, memo);
}

/** buildRuleInputs: everything of the view the build rules read besides their own build view, as objects to compare by identity. */
function buildRuleInputs(ws: WorkspaceView): unknown[] {
  return [ws.cache, ws.emulate, ws.toolchain, ws.gotoolchain, ws.vulns, ...ws.mods.values(), ...ws.works.values(), ...ws.sums.values(), ...ws.builds.values(), ...ws.features.values()];
}

/** sameItems: the same objects (or primitives) in the same order. */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** dedupe drops a finding reported twice (a go.mod that is main in two builds, e.g. module mode and a go.work). */
function dedupe(byFile: Map<string, Finding[]>, memo: AnalyzeMemo | undefined): Map<string, Finding[]> {
  if (memo) for (const file of memo.byFile.keys()) if (!byFile.has(file)) memo.byFile.delete(file);
  for (const [file, list] of byFile) {
    const last = memo?.byFile.get(file);
    if (last && sameItems(last.input, list)) {
      byFile.set(file, last.output);
      continue;
    }
    // by code and span first; messages are compared only where those agree (they are long)
    const seen = new Map<string, string[]>();
    byFile.set(file, list.filter((f) => {
      const k = `${f.code}\0${f.start}\0${f.end}`;
      const messages = seen.get(k);
      if (!messages) {
        seen.set(k, [f.message]);
        return true;
      }
      if (messages.includes(f.message)) return false;
      messages.push(f.message);
      return true;
    }));
    memo?.byFile.set(file, { input: list, output: byFile.get(file) as Finding[] });
  }
  return byFile;
}
