/**
 * `go-mod-lens diff OLD NEW` and `go-mod-lens diff --base REV [DIR]` (issue 18): what a change to
 * go.mod (go.work, go.sum) does to the build — the build list before and after in go get's words,
 * each module with the requirement that moves it (graph/buildDiff.ts), the go and toolchain lines,
 * and the diagnostics that appear or go away — as text, Markdown (a pull-request comment) or JSON.
 * OLD and NEW are go.mod files, directories, or git revisions of the repository holding DIR (read
 * from git's object store into a temporary directory: nothing is checked out).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { Severity } from './analysis/findings';
import { BuildDiff, MovedModule, changeHead, changeReason, changeVerb, diffBuilds, rootText } from './graph/buildDiff';
import { showModule } from './graph/mvs';
import { Build, SummaryCache } from './graph/buildList';
import { readTextFile, resolveGoEnv } from './node/goEnv';
import { diskWorkspaceFs, findMainModules } from './node/workspace';
import { CheckedFinding, ReportFlags, chosenSeverities, collectFindings, failsOn, reportFlag, vulnOptions } from './cliCheck';
import { goModCompare } from './module/goVersion';
import { GraphIO, buildDir, flushSummaryIndex, parseFlags } from './cliGraph';
import { pathInRepository, repositoryOf, resolveRevision, snapshotRevision } from './node/gitSnapshot';

const shape = 'diff [--format text|markdown|json] [--base REV] [--fail-on LEVEL|none] [--db DB] [-mod=mod|readonly] [-go=VERSION] [-network] (OLD NEW [DIR] | [DIR])';

/** Side: one of the two states compared — where the go command would run, and the tree its file names are relative to. */
interface Side {
  /** what the user named: a path, or `REV (commit)` */
  label: string;
  /** absolute directory the build is computed in (a main module's or a workspace's directory) */
  dir: string;
  /** absolute directory file names are shown relative to (the repository top, or the directory given) */
  root: string;
  /** the revision has no such directory (a module the change adds, or deletes): an empty build list */
  absent?: boolean;
}

/** FindingChange: a diagnostic present on one side only, its file relative to the side's root. */
interface FindingChange {
  file: string;
  line: number;
  column: number;
  level: Severity;
  code: string;
  message: string;
  /** what the finding is on (its span's text, versions left out): a finding on the same thing on both sides has changed, not appeared */
  subject: string;
}

interface DiffResult {
  old: Side;
  new: Side;
  diff: BuildDiff;
  /** changed: on the same subject on both sides with another message (new side's finding, old message) */
  findings: { added: FindingChange[]; resolved: FindingChange[]; changed: { was: string; now: FindingChange }[] };
}

export async function diffCommand(args: string[], io: GraphIO): Promise<number> {
  let format = 'text';
  let base: string | undefined;
  const report: ReportFlags = { severity: {}, failOn: 'none', db: io.env.GOVULNDB ?? '' };
  const rest: string[] = [];
  const usage = (why: string): number => {
    io.stderr(`go-mod-lens: ${why}\nusage: go-mod-lens ${shape}\n`);
    return 2;
  };
  const dashes = args.indexOf('--');
  const positional = dashes < 0 ? [] : args.slice(dashes + 1); // after --: operands, whatever their names
  if (dashes >= 0) args = args.slice(0, dashes);
  for (let i = 0; i < args.length; i++) {
    const m = /^--?(format|base|fail-on|db|severity)(?:=(.*))?$/.exec(args[i]);
    if (!m) {
      rest.push(args[i]);
      continue;
    }
    const value = m[2] ?? args[++i];
    if (value === undefined) return usage(`flag --${m[1]} needs a value`);
    if (m[1] === 'format') {
      if (!['text', 'markdown', 'json'].includes(value)) return usage(`unknown format ${JSON.stringify(value)} (text, markdown or json)`);
      format = value;
    } else if (m[1] === 'base') base = value;
    else {
      const wrong = reportFlag(m[1], value, report);
      if (wrong) return usage(wrong);
    }
  }
  const flags = parseFlags(rest);
  if (typeof flags === 'string') return usage(flags);
  if (flags.json) format = 'json';
  const operands = [...flags.args, ...positional];
  if (base !== undefined ? operands.length > 1 : operands.length < 2 || operands.length > 3) {
    return usage(base !== undefined ? 'with --base, give at most one DIR' : 'give OLD and NEW (go.mod files, directories or git revisions), or --base REV');
  }
  const chosen = chosenSeverities(report, io.cwd);
  if (typeof chosen === 'string') return usage(chosen);
  const vulns = vulnOptions(report.db, io.cwd, flags.network);
  if (typeof vulns === 'string') {
    io.stderr(`go-mod-lens: ${vulns}\n`);
    return 2;
  }

  const scratch = mkdtempSync(join(tmpdir(), 'go-mod-lens-diff-'));
  try {
    const [oldArg, newArg, dirArg] = base !== undefined ? [base, operands[0] ?? '.', operands[0] ?? '.'] : [operands[0], operands[1], operands[2] ?? '.'];
    const newIsDir = base !== undefined;
    const sides = resolveSides(oldArg, newArg, dirArg, newIsDir, io.cwd, scratch);
    if (typeof sides === 'string') return usage(sides);
    const [before, after] = sides;
    const builds: (Build | undefined)[] = [];
    // one store of go.mod summaries for both sides' builds and diagnostics: most go.mod files are the same
    let summaries: SummaryCache | undefined;
    for (const side of [before, after]) {
      // a side without the directory (a module the change adds, or deletes) or without any go.mod: an empty build list
      if (side.absent || findMainModules(side.dir, resolveGoEnv(io.env, readTextFile), diskWorkspaceFs()).kind === 'none') {
        builds.push(undefined);
        continue;
      }
      // rootsNeeded: the roots go rewrites an unpruned go.mod to (-mod=mod), so that the chains are edges of go mod graph
      const b = await buildDir(side.dir, io, flags, flags.mode === 'mod', false, summaries);
      if (typeof b === 'string') {
        io.stderr(`go-mod-lens: ${side.label}: ${b.replace(/^go-mod-lens: /, '')}\n`);
        return 1;
      }
      builds.push(b.build);
      summaries ??= b.bio.cache;
    }
    if (!builds[0] && !builds[1]) {
      io.stderr(`go-mod-lens: neither ${before.label} nor ${after.label} has a go.mod or go.work at ${dirArg}\n`);
      return 1;
    }
    flushSummaryIndex();
    const diff = diffBuilds(builds[0], builds[1]);
    const found = [];
    for (const side of [before, after]) {
      const { findings, textOf: texts } = await collectFindings([side.dir], { env: io.env, network: flags.network, severity: chosen, scanGoFiles: false, summaries, ...vulns });
      found.push(findings.map((f) => relativeFinding(f, side, texts(f.file))));
    }
    const result: DiffResult = { old: before, new: after, diff, findings: compareFindings(found[0], found[1]) };
    io.stdout(format === 'json' ? jsonOf(result) : format === 'markdown' ? markdownOf(result) : textOf(result));
    return result.findings.added.some((f) => failsOn(f.level, report.failOn)) ? 1 : 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * resolveSides: OLD and NEW as directories to build in. A path on disk is a directory (used as it
 * is) or a file (a go.mod or go.work: its directory; any other name is copied, with the go.sum beside
 * it, into a scratch directory as go.mod); anything else must be a revision of the git repository
 * holding DIR, whose module files are written into the scratch directory in the repository's layout.
 */
function resolveSides(oldArg: string, newArg: string, dirArg: string, newIsWorkTree: boolean, cwd: string, scratch: string): [Side, Side] | string {
  const dir = resolve(cwd, dirArg);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return `${dirArg} is not a directory`;
  let repo: { top: string } | undefined;
  const sides: Side[] = [];
  for (const [i, arg] of [oldArg, newArg].entries()) {
    const abs = resolve(cwd, arg);
    const st = i === 1 && newIsWorkTree ? statSync(dir) : statSync(abs, { throwIfNoEntry: false });
    if (st?.isDirectory()) {
      sides.push({ label: i === 1 && newIsWorkTree ? 'the working tree' : arg, dir: i === 1 && newIsWorkTree ? dir : abs, root: i === 1 && newIsWorkTree ? dir : abs });
      continue;
    }
    if (st) {
      const name = basename(abs);
      if (name === 'go.mod' || name === 'go.work') {
        sides.push({ label: arg, dir: dirname(abs), root: dirname(abs) });
        continue;
      }
      // another name (go.mod.orig, old.mod): read as the go.mod of a directory of its own
      const into = join(scratch, `file-${i}`);
      mkdirSync(into, { recursive: true });
      writeFileSync(join(into, 'go.mod'), readFileSync(abs));
      const sum = join(dirname(abs), 'go.sum');
      if (existsSync(sum)) copyFileSync(sum, join(into, 'go.sum'));
      sides.push({ label: arg, dir: into, root: into });
      continue;
    }
    if (!repo) {
      const r = repositoryOf(dir);
      if ('error' in r) return `${arg} is neither a file nor a directory, and ${r.error}`;
      repo = r;
    }
    const rev = resolveRevision(repo.top, arg);
    if ('error' in rev) return `${arg} is neither a file nor a directory, nor ${rev.error.replace(/^\S+: /, 'a revision: ')}`;
    const into = join(scratch, `rev-${i}`);
    mkdirSync(into, { recursive: true });
    const within = pathInRepository(repo.top, dir);
    const snap = snapshotRevision(repo.top, rev.commit, into, within);
    if (typeof snap === 'string') return snap;
    sides.push({ label: `${arg} (${rev.commit.slice(0, 12)})`, dir: join(into, within), root: into, absent: !snap.hasDir });
  }
  // a working tree compared with a revision: its names relative to the repository top, as the revision's are
  if (repo) for (const s of sides) if (!s.root.startsWith(scratch + sep)) s.root = repo.top;
  // a revision without DIR: an empty directory there (no go.mod), which the build reports as go would
  for (const s of sides) if (s.dir.startsWith(scratch + sep)) mkdirSync(s.dir, { recursive: true });
  return [sides[0], sides[1]];
}

/** relativeFinding: a finding with its file relative to the side's root and that root taken out of its message. */
function relativeFinding(f: CheckedFinding, side: Side, text: string): FindingChange {
  const rel = relative(side.root, f.file).split(sep).join('/');
  const message = f.message.split(side.root + sep).join('').split(side.root).join('.');
  const subject = text.slice(f.finding.start, Math.min(f.finding.end, f.finding.start + 300)).replace(/\bv\d[^\s]*/g, '').replace(/\s+/g, ' ').trim();
  return { file: rel, line: f.start.line, column: f.start.column, level: f.level, code: f.code, message, subject };
}

/**
 * compareFindings: the findings only NEW has (added), only OLD has (resolved), and those on the same
 * subject (file, code, what the span says but its versions) on both sides with other messages (changed).
 */
function compareFindings(before: FindingChange[], after: FindingChange[]): DiffResult['findings'] {
  const full = (f: FindingChange): string => `${f.file}\0${f.code}\0${f.message}`;
  const [oldFull, newFull] = [new Set(before.map(full)), new Set(after.map(full))];
  const resolved = before.filter((f) => !newFull.has(full(f)));
  const added: FindingChange[] = [];
  const changed: { was: string; now: FindingChange }[] = [];
  const subject = (f: FindingChange): string => `${f.file}\0${f.code}\0${f.subject}`;
  for (const f of after) {
    if (oldFull.has(full(f))) continue;
    const i = resolved.findIndex((o) => subject(o) === subject(f));
    if (i < 0) {
      added.push(f);
      continue;
    }
    changed.push({ was: resolved[i].message, now: f });
    resolved.splice(i, 1);
  }
  return { added, resolved, changed };
}

/** lineChanges: the go and toolchain lines, as go get (≥ 1.21) reports them. */
function lineChanges(d: BuildDiff): string[] {
  const out: string[] = [];
  const word = (from: string, to: string, which: string): string => {
    if (from === '') return `added ${which} ${to}`;
    if (to === '') return `removed ${which} ${from}`;
    return `${goModCompare(which, from, to) < 0 ? 'upgraded' : 'downgraded'} ${which} ${from} => ${to}`;
  };
  if (d.goLine) out.push(word(d.goLine.from, d.goLine.to, 'go'));
  if (d.toolchainLine) out.push(word(d.toolchainLine.from, d.toolchainLine.to, 'toolchain'));
  for (const p of d.mainModules.added) out.push(`added main module ${p}`);
  for (const p of d.mainModules.removed) out.push(`removed main module ${p}`);
  return out;
}

/** summaryOf: `3 modules change (2 upgraded, 1 added)`, or that none does. */
function summaryOf(d: BuildDiff): string {
  const n = d.changes.length;
  if (n === 0) return 'the build list does not change';
  const counts = new Map<string, number>();
  for (const c of d.changes) counts.set(changeVerb(c), (counts.get(changeVerb(c)) ?? 0) + 1);
  const parts = ['upgraded', 'downgraded', 'added', 'removed', 'replaced'].filter((k) => counts.has(k)).map((k) => `${counts.get(k)} ${k}`);
  return `${n} ${n === 1 ? 'module changes' : 'modules change'} in the build list (${parts.join(', ')})`;
}

function findingsSummary(r: DiffResult): string {
  const [a, b, c] = [r.findings.added.length, r.findings.resolved.length, r.findings.changed.length];
  return `${a} new ${a === 1 ? 'finding' : 'findings'}, ${b} resolved${c > 0 ? `, ${c} changed` : ''}`;
}

const findingLine = (f: FindingChange): string => `${f.file}:${f.line}:${f.column}: ${f.level} ${f.code}: ${f.message.replace(/\n/g, '\n\t\t')}`;

function textOf(r: DiffResult): string {
  const lines = [`# ${r.old.label} => ${r.new.label}`];
  lines.push(...lineChanges(r.diff));
  for (const c of r.diff.changes) lines.push(changeHead(c), `\t${changeReason(c)}`);
  if (r.findings.added.length > 0) lines.push('new findings:', ...r.findings.added.map((f) => `\t${findingLine(f)}`));
  if (r.findings.resolved.length > 0) lines.push('resolved findings:', ...r.findings.resolved.map((f) => `\t${findingLine(f)}`));
  if (r.findings.changed.length > 0) lines.push('changed findings:', ...r.findings.changed.map((c) => `\t${findingLine(c.now)}\n\t\t(was: ${c.was.replace(/\n/g, ' ')})`));
  lines.push(`${summaryOf(r.diff)}; ${findingsSummary(r)}.`);
  return lines.join('\n') + '\n';
}

/** cell: text safe in a Markdown table cell (pipes escaped, no line breaks). */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string): string => (s === '' ? '' : '`' + s.replace(/`/g, "'") + '`');

/** markdownReason: changeReason's words for a module no go.mod line names, with module versions and the go.mod line as code. */
function markdownReason(c: MovedModule): string {
  const chain = c.requiredBy;
  const rising = c.kind === 'upgraded' || c.kind === 'added';
  if (chain.length < 2) return cell(changeReason(c));
  const by = chain[chain.length - 2];
  const root = c.root ? `; go.mod: ${code(rootText(c.root))}` : '';
  return `${rising ? 'required by' : 'was required by'} ${code(by.version === '' ? by.path : `${by.path}@${by.version}`)}${root}`;
}

function markdownOf(r: DiffResult): string {
  const d = r.diff;
  const out: string[] = [];
  const findings = r.findings.added.length + r.findings.resolved.length + r.findings.changed.length > 0 ? `; ${findingsSummary(r)}` : '';
  out.push(`### go-mod-lens: ${summaryOf(d)}${findings}`, '');
  out.push(`Comparing ${code(r.old.label)} with ${code(r.new.label)}.`, '');
  const lineWords = lineChanges(d);
  if (lineWords.length > 0) out.push(...lineWords.map((l) => `- ${l}`), '');
  if (d.changes.length > 0) {
    out.push('| Module | Before | After | Change | Why |', '|---|---|---|---|---|');
    for (const c of d.changes) {
      const why = c.mainChange ? cell(changeReason(c)) : c.direct && c.root ? `go.mod: ${code(rootText(c.root))}` : markdownReason(c);
      const replaced = c.replace ? ` (replacement: ${code(c.replace.from) || 'none'} → ${code(c.replace.to) || 'none'})` : '';
      out.push(`| ${code(c.path)} | ${c.from} | ${c.to} | ${changeVerb(c)}${replaced} | ${why} |`);
    }
    out.push('');
    const deep = d.changes.filter((c) => !c.direct && c.requiredBy.length > 2);
    if (deep.length > 0) {
      out.push('<details><summary>Requirement chains of the modules no go.mod line names</summary>', '');
      for (const c of deep) out.push(`- ${code(c.path)}: ${c.requiredBy.map((m) => code(showModule(m))).join(' → ')}`);
      out.push('', '</details>', '');
    }
  }
  if (r.findings.added.length + r.findings.resolved.length + r.findings.changed.length > 0) {
    out.push(`<details${r.findings.added.length > 0 ? ' open' : ''}><summary>Findings: ${findingsSummary(r)}</summary>`, '');
    for (const f of r.findings.added) out.push(`- **new** ${f.level} ${code(f.code)} at ${code(`${f.file}:${f.line}`)}: ${cell(f.message)}`);
    for (const f of r.findings.resolved) out.push(`- resolved ${f.level} ${code(f.code)} (was at ${code(`${f.file}:${f.line}`)}): ${cell(f.message)}`);
    for (const c of r.findings.changed) out.push(`- changed ${c.now.level} ${code(c.now.code)} at ${code(`${c.now.file}:${c.now.line}`)}: ${cell(c.now.message)} (was: ${cell(c.was)})`);
    out.push('', '</details>', '');
  }
  return out.join('\n') + '\n';
}

function jsonOf(r: DiffResult): string {
  const d = r.diff;
  const moved = (c: MovedModule) => ({
    Path: c.path, From: c.from || undefined, To: c.to || undefined, Kind: changeVerb(c), Direct: c.direct,
    Replace: c.replace ? { From: c.replace.from || undefined, To: c.replace.to || undefined } : undefined,
    MainChange: c.mainChange, RequiredBy: c.requiredBy.map(showModule), Root: c.root ? { Path: c.root.path, From: c.root.from || undefined, To: c.root.to || undefined } : undefined,
    Reason: changeReason(c),
  });
  const finding = (f: FindingChange) => ({ File: f.file, Line: f.line, Column: f.column, Severity: f.level, Code: f.code, Message: f.message });
  return JSON.stringify({
    Old: r.old.label, New: r.new.label,
    GoLine: d.goLine ? { From: d.goLine.from || undefined, To: d.goLine.to || undefined } : undefined,
    Toolchain: d.toolchainLine ? { From: d.toolchainLine.from || undefined, To: d.toolchainLine.to || undefined } : undefined,
    MainModules: d.mainModules.added.length + d.mainModules.removed.length > 0 ? { Added: d.mainModules.added, Removed: d.mainModules.removed } : undefined,
    Requirements: d.roots.map((x) => ({ Path: x.path, From: x.from || undefined, To: x.to || undefined })),
    Changes: d.changes.map(moved),
    Findings: { New: r.findings.added.map(finding), Resolved: r.findings.resolved.map(finding), Changed: r.findings.changed.map((c) => ({ ...finding(c.now), Was: c.was })) },
    Summary: `${summaryOf(d)}; ${findingsSummary(r)}`,
  }, null, '\t') + '\n';
}
