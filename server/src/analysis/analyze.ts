/**
 * analyzeWorkspace runs every rule over a WorkspaceView and groups the findings by file. Each rule
 * is isolated: one that throws is reported through `onError` and the others still run.
 */
import { dependencyGoFindings, featureFindings, toolchainFindings } from './goRules';
import { lifecycleFindings, missingFindings, requirementFindings, unusedReplaceFindings } from './buildRules';
import { parseFindings, pseudoFindings, sumFindings } from './fileRules';
import { Finding } from './findings';
import { replaceIneffectiveFindings, replaceMissingFindings } from './replaceRules';
import { ModuleKey } from '../graph/mvs';
import { WorkspaceView } from './view';
import { sumMismatchFindings, sumMissingFindings, workFindings } from './workSumRules';

export interface AnalyzeOptions {
  /** how to say that path@version's go.mod is not available (mentions the module cache and the network setting) */
  missingMessage: (m: ModuleKey) => string;
  onError?: (rule: string, err: unknown) => void;
  /** kept by a long-lived caller (the server) so that an edit re-runs only what depends on it */
  memo?: AnalyzeMemo;
}

/**
 * AnalyzeMemo: what one analysis can hand to the next. Rules that read nothing but one parsed file
 * (syntax, pseudo-versions, go.sum lines) are remembered per parsed document — the session keeps
 * the same document object while a file's text is unchanged — and each file's de-duplicated list
 * is reused while the findings that make it up are the same objects.
 */
export class AnalyzeMemo {
  readonly byDoc = new WeakMap<object, Map<string, Finding[]>>();
  readonly byFile = new Map<string, { input: Finding[]; output: Finding[] }>();
}

/** analyzeWorkspace: every finding of the view, by absolute file path. */
export function analyzeWorkspace(ws: WorkspaceView, options: AnalyzeOptions): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const memo = options.memo;
  const add = (rule: string, f: () => Finding[], doc?: object): void => {
    try {
      let found: Finding[] | undefined;
      if (doc && memo) {
        let rules = memo.byDoc.get(doc);
        if (!rules) memo.byDoc.set(doc, (rules = new Map()));
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
    add('parse', () => parseFindings(doc), doc);
    add('pseudo', () => pseudoFindings(doc.file, doc.mod), doc);
    add('replace-ineffective', () => replaceIneffectiveFindings(doc, ws));
    add('features', () => featureFindings(doc, ws));
    const go = doc.mod.go;
    if (ws.mainOf.get(doc.file) !== undefined) add('toolchain', () => toolchainFindings(doc.file, go?.version, go?.line ?? { start: 0, end: 0 }, ws, ws.gotoolchain));
  }
  for (const doc of ws.works.values()) {
    add('parse', () => parseFindings(doc), doc);
    add('pseudo', () => pseudoFindings(doc.file, doc.work), doc);
    add('work', () => workFindings(doc, ws));
    const go = doc.work.go;
    add('toolchain', () => toolchainFindings(doc.file, go?.version, go?.line ?? { start: 0, end: 0 }, ws, ws.gotoolchain));
  }
  for (const doc of ws.sums.values()) {
    add('sum', () => sumFindings(doc), doc);
    add('sum-mismatch', () => sumMismatchFindings(doc, ws));
  }
  for (const view of ws.builds.values()) {
    add('requirements', () => requirementFindings(view));
    add('missing', () => missingFindings(view, options.missingMessage, ws));
    add('lifecycle', () => lifecycleFindings(view, ws));
    add('replace-unused', () => unusedReplaceFindings(view));
    add('replace-missing', () => replaceMissingFindings(view, ws));
    add('go-below-dependency', () => dependencyGoFindings(view, ws));
    add('sum-missing', () => sumMissingFindings(view, ws));
  }
  return dedupe(out, memo);
}

/** dedupe drops a finding reported twice (a go.mod that is main in two builds, e.g. module mode and a go.work). */
function dedupe(byFile: Map<string, Finding[]>, memo: AnalyzeMemo | undefined): Map<string, Finding[]> {
  if (memo) for (const file of memo.byFile.keys()) if (!byFile.has(file)) memo.byFile.delete(file);
  for (const [file, list] of byFile) {
    const last = memo?.byFile.get(file);
    if (last && last.input.length === list.length && last.input.every((f, i) => f === list[i])) {
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
