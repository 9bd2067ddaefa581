/**
 * The requirement list ("summary") of a dependency's go.mod (semantics §3.3): read laxly, as the
 * go command reads every go.mod that is not a main module.
 */
import { goErrorLines } from '../syntax/errors';
import { parseModFile } from '../syntax/modfile';
import { compareGoVersion } from '../module/goVersion';
import { ModuleKey, keyedModule } from './mvs';
import { FetchFailure } from './source';

export type Pruning = 'pruned' | 'unpruned' | 'workspace';

export interface Summary {
  /** the path the module line declares ('' when there is none) */
  module: string;
  /** the go line ('' when there is none) */
  goVersion: string;
  /** pruned when the go line is 1.17 or later */
  pruning: 'pruned' | 'unpruned';
  require: ModuleKey[];
  deprecated: string;
  retract: { low: string; high: string; rationale: string }[];
}

/** pruningForGoVersion: module graph pruning starts at go 1.17. */
export function pruningForGoVersion(goVersion: string): 'pruned' | 'unpruned' {
  return goVersion !== '' && compareGoVersion(goVersion, '1.17') >= 0 ? 'pruned' : 'unpruned';
}

/** SummaryResult: a summary, or why not; `unavailable` when the go.mod is simply not on this machine (a fix is to download it). */
export type SummaryResult = { ok: true; summary: Summary } | { ok: false; message: string; unavailable?: FetchFailure; tooNew?: boolean };

/**
 * summarizeGoMod parses a dependency's go.mod laxly (modfile.ParseLax). `name` is used in the
 * parse error text, which reads as Go's: `parsing go.mod: go.mod:3: …`.
 */
export function summarizeGoMod(text: string, name = 'go.mod'): SummaryResult {
  const f = parseModFile(text, { name, strict: false });
  if (f.errors.length > 0) return { ok: false, message: `parsing ${name}: ${goErrorLines(name, text, f.errors).join('\n')}` };
  const goVersion = f.go?.version ?? '';
  return {
    ok: true,
    summary: {
      module: f.module?.path ?? '',
      goVersion,
      pruning: pruningForGoVersion(goVersion),
      require: f.require.map((r) => keyedModule(r.mod.path, r.mod.version)),
      deprecated: f.module?.deprecated ?? '',
      retract: f.retract.map((r) => ({ low: r.low, high: r.high, rationale: r.rationale })),
    },
  };
}
