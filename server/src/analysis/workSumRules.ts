/**
 * go.work and go.sum rules: a `use` directory without a go.mod, conflicting member replaces that
 * need a go.work replace, go.sum lacking `/go.mod` lines the build reads, and go.sum hashes that
 * disagree with the module cache (a tampering warning).
 */
import { isAbsolute, join } from 'node:path';
import { missingGoModSums } from '../graph/consistency';
import { RuleMemo } from './memo';
import { Finding } from './findings';
import { BuildView, SumDoc, WorkDoc, WorkspaceView } from './view';

/** workFindings: use directories without go.mod, and the workspace's configuration errors. */
export function workFindings(doc: WorkDoc, ws: WorkspaceView): Finding[] {
  const out: Finding[] = [];
  for (const u of doc.work.use) {
    const dir = isAbsolute(u.path) ? u.path : join(doc.dir, u.path);
    if (ws.hasFile(join(dir, 'go.mod'))) continue;
    out.push({ code: 'work-use-missing', file: doc.file, start: u.pathToken.start, end: u.pathToken.end, message: `${u.path} has no go.mod: the go command stops (go: cannot load module ${u.path} listed in go.work file: open ${join(dir, 'go.mod')}: no such file or directory); create it with go mod init, or drop this use` });
  }
  const view = ws.builds.get(doc.file);
  for (const e of [...(view?.main?.errors ?? []), ...(view?.main?.lateErrors ?? [])]) {
    if (!e.startsWith('conflicting replacements')) continue;
    const path = /^conflicting replacements (?:found )?for ([^\s:]+)/.exec(e);
    const line = doc.work.go?.line ?? doc.work.use[0]?.line;
    out.push({ code: 'work-replace-conflict', file: doc.file, start: line?.start ?? 0, end: line?.end ?? 0, message: `go: ${e}\n(workspace members replace ${path?.[1] ?? 'a module'} differently; add a replace for it to go.work, which overrides the members')` });
  }
  return out;
}

/** sumMissingFindings: go.sum lacks `/go.mod` lines for go.mod files the (read-only) build reads. */
export function sumMissingFindings(view: BuildView, ws: WorkspaceView): Finding[] {
  const b = view.readonly ?? view.build;
  if (!b || !view.main || view.main.workspace || b.missing.length > 0) return [];
  const lacking = missingGoModSums(b, view.sums);
  if (lacking.length === 0) return [];
  const sumFile = join(view.main.modules[0].dir, 'go.sum');
  const doc = ws.sums.get(sumFile);
  const names = lacking.slice(0, 10).map((l) => `${l.actual.path} ${l.actual.version}/go.mod`);
  const more = lacking.length > 10 ? ` and ${lacking.length - 10} more` : '';
  const message = `go.sum lacks ${lacking.length} checksum${lacking.length > 1 ? 's' : ''} of go.mod files the build reads: ${names.join(', ')}${more}. A default go build stops with "missing go.sum entry for go.mod file"; run go mod download ${lacking[0].actual.path} (or go mod tidy)`;
  if (doc) {
    const end = doc.text.length;
    return [{ code: 'sum-missing', file: sumFile, start: Math.max(0, doc.text.lastIndexOf('\n', end - 2) + 1), end, message }];
  }
  const mod = view.main.modules[0].modFile.module?.line;
  return [{ code: 'sum-missing', file: join(view.main.modules[0].dir, 'go.mod'), start: mod?.start ?? 0, end: mod?.end ?? 0, message: `there is no go.sum: ${message}` }];
}

/**
 * sumMismatchFindings: a go.sum hash that disagrees with what the module cache holds. With a memo,
 * remembered per parsed go.sum and module-cache view: a keystroke elsewhere does not re-check
 * thousands of lines.
 */
export function sumMismatchFindings(doc: SumDoc, ws: WorkspaceView, memo?: RuleMemo): Finding[] {
  const hit = memo?.sumMismatch.get(doc);
  if (hit && hit.cache === ws.cache) return hit.findings;
  const findings = checkSumLines(doc, ws);
  memo?.sumMismatch.set(doc, { cache: ws.cache, findings });
  return findings;
}

function checkSumLines(doc: SumDoc, ws: WorkspaceView): Finding[] {
  const out: Finding[] = [];
  for (const l of doc.sum.lines) {
    if (!l.hash.text.startsWith('h1:')) continue;
    const have = l.goMod ? ws.cache.goModHash(l.path.text, l.moduleVersion) : ws.cache.zipHash(l.path.text, l.moduleVersion);
    if (have === undefined || have === l.hash.text) continue;
    out.push({
      code: 'sum-mismatch', file: doc.file, start: l.hash.start, end: l.hash.end,
      message: `checksum mismatch for ${l.path.text} ${l.version.text}: go.sum says ${l.hash.text} but the ${l.goMod ? 'go.mod' : 'module zip'} in the module cache hashes to ${have}. Either go.sum or the module cache was tampered with; the go command refuses to use it (verifying ${l.path.text}@${l.version.text}: checksum mismatch). Find out which is right before changing either (go mod verify, go clean -modcache)`,
    });
  }
  return out;
}
