/**
 * `go-mod-lens check [DIR…]` (issue 18): every diagnostic the language server would publish, over
 * every go.mod, go.work and go.sum under the directories — the same session and rules, severities from
 * `--severity code=level`, else `.go-mod-lens.json` in the current directory, else the defaults — as
 * text (`FILE:LINE:COL: level code: message`), JSON, GitHub workflow commands or SARIF 2.1.0. Exit
 * status 1 when a finding is at or above `--fail-on` (default error), 0 otherwise, 2 on usage errors.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeWorkspace } from './analysis/analyze';
import { Finding, FindingCode, Severity, chosenSeverity, defaultSeverity, findingCodes } from './analysis/findings';
import { Level, RepoConfig, isLevel, parseRepoConfig } from './analysis/repoConfig';
import { WorkspaceView } from './analysis/view';
import { planFix } from './features/codeActions';
import { createFeatureScanner } from './node/featureScan';
import { readTextFile, resolveGoEnv } from './node/goEnv';
import { LineIndex } from './syntax/text';
import { Session } from './workspace/session';
import { SummaryCache } from './graph/buildList';
import { RemoteVulnDb, loadVulnDb, vulnDbDir } from './node/vulnDb';
import { VulnIndex, indexEntries } from './vuln/match';

interface CheckIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** whether stderr is a terminal (a progress line is shown then) */
  stderrIsTTY?: boolean;
}

const LEVELS: Level[] = ['hint', 'information', 'warning', 'error'];
const rank = (l: Level): number => LEVELS.indexOf(l);

const usageText = 'check [--format text|json|github|sarif] [--severity CODE=LEVEL]… [--fail-on LEVEL|none] [--db DB] [-network] [DIR…]';

/** CheckedFinding: a finding with its severity chosen and its span as 1-based lines and columns (UTF-16). */
export interface CheckedFinding {
  file: string;
  level: Severity;
  code: FindingCode;
  message: string;
  start: { line: number; column: number };
  end: { line: number; column: number };
  finding: Finding;
}

export async function checkCommand(args: string[], io: CheckIO): Promise<number> {
  let format = 'text';
  let network = false;
  const dirs: string[] = [];
  const usage = (why: string): number => {
    io.stderr(`go-mod-lens: ${why}\nusage: go-mod-lens ${usageText}\n`);
    return 2;
  };
  const report: ReportFlags = { severity: {}, failOn: 'error', db: io.env.GOVULNDB ?? '' };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') {
      dirs.push(...args.slice(i + 1)); // what follows is directories, whatever their names
      break;
    }
    const m = /^--?(format|severity|fail-on|db)(?:=(.*))?$/.exec(args[i]);
    if (/^--?network$/.test(args[i])) network = true;
    else if (m) {
      const value = m[2] ?? args[++i];
      if (value === undefined) return usage(`flag --${m[1]} needs a value`);
      if (m[1] === 'format') {
        if (!['text', 'json', 'github', 'sarif'].includes(value)) return usage(`unknown format ${JSON.stringify(value)}`);
        format = value;
      } else {
        const wrong = reportFlag(m[1], value, report);
        if (wrong) return usage(wrong);
      }
    } else if (args[i].startsWith('-')) return usage(`unknown flag ${args[i]}`);
    else dirs.push(args[i]);
  }
  if (dirs.length === 0) dirs.push('.');
  const roots: string[] = [];
  for (const d of dirs) {
    const abs = resolve(io.cwd, d);
    if (!statSync(abs, { throwIfNoEntry: false })?.isDirectory()) return usage(`${d} is not a directory`);
    roots.push(abs);
  }
  const chosen = chosenSeverities(report, io.cwd);
  if (typeof chosen === 'string') return usage(chosen);

  const vulns = vulnOptions(report.db, io.cwd, network);
  if (typeof vulns === 'string') {
    io.stderr(`go-mod-lens: ${vulns}\n`);
    return 2;
  }
  const { findings: out, textOf: texts } = await collectFindings(roots, { env: io.env, network, severity: chosen, ...vulns }, io.stderrIsTTY ? (m) => io.stderr(m) : undefined);

  const shown = (file: string): string => {
    const rel = relative(io.cwd, file);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel.split(sep).join('/');
  };
  if (format === 'text') {
    for (const f of out) io.stdout(`${shown(f.file)}:${f.start.line}:${f.start.column}: ${f.level} ${f.code}: ${f.message.replace(/\n/g, '\n\t')}\n`);
  } else if (format === 'json') {
    io.stdout(JSON.stringify(out.map((f) => ({ file: shown(f.file), line: f.start.line, column: f.start.column, endLine: f.end.line, endColumn: f.end.column, severity: f.level, code: f.code, message: f.message, fixes: f.finding.fixes?.map((x) => x.title) })), null, '\t') + '\n');
  } else if (format === 'github') {
    const prop = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
    const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    const command = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;
    for (const f of out) io.stdout(`::${command[f.level]} file=${prop(shown(f.file))},line=${f.start.line},col=${f.start.column},endLine=${f.end.line},endColumn=${f.end.column},title=${prop(`go-mod-lens ${f.code}`)}::${data(f.message)}\n`);
  } else {
    io.stdout(JSON.stringify(sarif(out, io.cwd, shown, texts), null, 2) + '\n');
  }
  return out.some((f) => failsOn(f.level, report.failOn)) ? 1 : 0;
}

/** ReportFlags: the flags check and diff share — severities by code, the level that fails, the vulnerability database. */
export interface ReportFlags {
  severity: Record<string, Level>;
  failOn: Severity | 'none';
  db: string;
}

/**
 * reportFlag applies one of the shared flags (severity CODE=LEVEL, fail-on LEVEL|none, db DB) to
 * `into`; a string says what is wrong with its value.
 */
export function reportFlag(name: string, value: string, into: ReportFlags): string | undefined {
  if (name === 'db') into.db = value;
  else if (name === 'fail-on') {
    if (value !== 'none' && !(LEVELS as string[]).includes(value)) return `--fail-on takes error, warning, information, hint or none, not ${JSON.stringify(value)}`;
    into.failOn = value as Severity | 'none';
  } else if (name === 'severity') {
    const kv = /^([a-z-]+)=([a-z]+)$/.exec(value);
    if (!kv || !(findingCodes as readonly string[]).includes(kv[1]) || !isLevel(kv[2])) return `--severity takes CODE=LEVEL (a diagnostic code, and error, warning, information, hint or off), not ${JSON.stringify(value)}`;
    into.severity[kv[1]] = kv[2];
  } else return `unknown flag --${name}`;
  return undefined;
}

/** chosenSeverities: the repository's `.go-mod-lens.json` in cwd under the command line's --severity; a string when the file is malformed. */
export function chosenSeverities(flags: ReportFlags, cwd: string): Record<string, Level> | string {
  const config = readConfig(resolve(cwd, '.go-mod-lens.json'));
  return typeof config === 'string' ? config : { ...config.severity, ...flags.severity };
}

/** failsOn: a finding of this level fails the command at --fail-on. */
export function failsOn(level: Severity, failOn: Severity | 'none'): boolean {
  return failOn !== 'none' && rank(level) >= rank(failOn);
}

/** What collectFindings needs: the environment, network access, the severities chosen, a vulnerability database. */
export interface FindingsOptions {
  env: Record<string, string | undefined>;
  network: boolean;
  severity: Record<string, Level>;
  vulns?: VulnIndex;
  vulnRemote?: RemoteVulnDb;
  /** scan the modules' .go files for the language features they use (go-below-features); default on */
  scanGoFiles?: boolean;
  /** go.mod summaries shared with the caller's own builds */
  summaries?: SummaryCache;
}

/**
 * collectFindings: every diagnostic the server would publish for the go.mod, go.work and go.sum
 * files under `roots`, with its severity chosen (`off` ones left out), sorted by file and position;
 * `progress` gets a progress line (ending in \r) while it runs.
 */
export async function collectFindings(roots: string[], o: FindingsOptions, progress?: (line: string) => void): Promise<{ findings: CheckedFinding[]; textOf: (file: string) => string }> {
  const env = resolveGoEnv(o.env, readTextFile);
  const session = new Session({
    env, network: o.network, gotoolchain: o.env.GOTOOLCHAIN ?? '', vulns: o.vulns, vulnRemote: o.vulnRemote, summaries: o.summaries,
    scanFeatures: o.scanGoFiles === false ? undefined : createFeatureScanner(() => undefined),
  });
  session.setFolders(roots);
  let ws: WorkspaceView = await session.view();
  await session.vulnSettled();
  progress?.(`go-mod-lens: checking ${ws.mods.size} go.mod, ${ws.works.size} go.work and ${ws.sums.size} go.sum files…\r`);
  if (o.scanGoFiles !== false) for (const file of ws.mods.keys()) await session.ensureFeatures(file);
  ws = await session.view();
  const byFile = analyzeWorkspace(ws, { missingMessage: (missing, own) => session.missingMessage(missing, own).replace(/goModLens\.network/g, '-network') });
  progress?.(' '.repeat(80) + '\r');

  const inRoots = (f: string): boolean => roots.some((r) => f === r || f.startsWith(r.endsWith(sep) ? r : r + sep));
  const out: CheckedFinding[] = [];
  for (const [file, list] of byFile) {
    if (!inRoots(file)) continue;
    const text = textOf(ws, file);
    const lines = new LineIndex(text);
    for (const f of list) {
      const level = chosenSeverity(f, o.severity);
      if (level === 'off') continue;
      const at = (off: number) => {
        const p = lines.offsetToLsp(Math.max(0, Math.min(off, text.length)));
        return { line: p.line + 1, column: p.character + 1 };
      };
      out.push({ file, level, code: f.code, message: f.message, start: at(f.start), end: at(Math.max(f.start, f.end)), finding: f });
    }
  }
  out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start.line - b.start.line || a.start.column - b.start.column));
  return { findings: out, textOf: (file) => textOf(ws, file) };
}

/**
 * vulnOptions: the vulnerability database DB (-db, else GOVULNDB) names, as the session takes it —
 * read now when it is on this machine, fetched for the modules built when it is served (-network);
 * none when DB is empty; a string when it cannot be used.
 */
export function vulnOptions(db: string, cwd: string, network: boolean): { vulns?: VulnIndex; vulnRemote?: RemoteVulnDb } | string {
  if (db === '') return {};
  const where = vulnDbDir(db, cwd, network);
  if ('error' in where) return `vulnerability database: ${where.error}`;
  if ('url' in where) return { vulnRemote: new RemoteVulnDb(where.url) };
  const loaded = loadVulnDb(where.dir);
  return { vulns: indexEntries(loaded.entries) };
}

/** readConfig: the repository's `.go-mod-lens.json` (analysis/repoConfig.ts); none when absent, a string when malformed. */
function readConfig(file: string): RepoConfig | string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { severity: {} };
  }
  return parseRepoConfig(text, file);
}

function textOf(ws: WorkspaceView, file: string): string {
  return (ws.mods.get(file) ?? ws.works.get(file) ?? ws.sums.get(file))?.text ?? readTextFile(file) ?? '';
}

/** help: one line per code for SARIF rules (README.md's table says more). */
const help: Record<FindingCode, string> = {
  'syntax': 'The file does not parse as the go command parses it.',
  'replace-ineffective': "A dependency's replace directive, which the go command ignores outside the main module.",
  'replace-missing': 'A module the build uses is replaced by a workspace go.mod but not by the main module.',
  'replace-unused': 'A replace directive for a module the module graph never reaches.',
  'replace-dir-missing': 'A replacement directory that does not exist or has no go.mod.',
  'go-below-dependency': 'The go line is below a dependency\'s go line.',
  'go-below-features': 'The go line is below what the module\'s own .go files use.',
  'go-above-toolchain': 'The go line is above the local toolchain.',
  'pseudo-version': 'A pseudo-version, decoded (commit time and revision).',
  'pseudo-version-invalid': 'A version that the go command reads as a malformed pseudo-version.',
  'version-raised': 'MVS selects a higher version than the requirement names.',
  'not-tidy': 'go list -m all stops here: updates to go.mod needed.',
  'major-version': 'A version whose major does not match the module path.',
  'module-missing': 'A go.mod the build needs is not in the module cache.',
  'excluded': 'The required version is excluded.',
  'retracted': 'The required version is retracted by its author.',
  'deprecated': 'The module is deprecated by its author.',
  'work-use-missing': 'A go.work use directory without go.mod.',
  'work-replace-conflict': 'Workspace members replace a module differently.',
  'sum-malformed': 'A go.sum line without three fields.',
  'sum-missing': 'go.sum lacks checksums the build needs.',
  'sum-mismatch': 'A go.sum checksum that differs from the module cache.',
  'build-error': 'The go command stops on this build.',
  'file-unreadable': 'The file is there but cannot be read.',
  'vendor-inconsistent': 'vendor/modules.txt does not match go.mod.',
  'vulnerable': 'A module version with a known vulnerability.',
};

/** sarif: the findings as a SARIF 2.1.0 log — one rule per code, physical locations, fixes where a quick fix exists. */
function sarif(out: CheckedFinding[], cwd: string, shown: (file: string) => string, texts: (file: string) => string): unknown {
  const codes = [...new Set(out.map((f) => f.code))].sort();
  const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
  const location = (file: string, s: { line: number; column: number }, e: { line: number; column: number }) => ({
    physicalLocation: { artifactLocation: { uri: encodeURI(shown(file)), uriBaseId: 'SRCROOT' }, region: { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column } },
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'go-mod-lens', version: '0.1.0', informationUri: 'https://github.com/go-mod-lens/go-mod-lens',
          rules: codes.map((c) => ({ id: c, shortDescription: { text: help[c] }, help: { text: `${help[c]} See the diagnostic codes in go-mod-lens's README.` }, defaultConfiguration: { level: level[(defaultSeverity[c] === 'off' ? 'hint' : defaultSeverity[c])] } })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
      results: out.map((f) => {
        const fixes = (f.finding.fixes ?? []).flatMap((fix) => {
          const text = texts(fix.data.target);
          const edits = planFix(fix.data, text);
          if (!edits || edits.length === 0) return [];
          const lines = new LineIndex(text);
          const pos = (o: number) => {
            const p = lines.offsetToLsp(o);
            return { line: p.line + 1, column: p.character + 1 };
          };
          return [{
            description: { text: fix.title },
            artifactChanges: [{
              artifactLocation: { uri: encodeURI(shown(fix.data.target)), uriBaseId: 'SRCROOT' },
              replacements: edits.map((e) => {
                const [s, en] = [pos(e.start), pos(e.end)];
                return { deletedRegion: { startLine: s.line, startColumn: s.column, endLine: en.line, endColumn: en.column }, insertedContent: { text: e.newText } };
              }),
            }],
          }];
        });
        return {
          ruleId: f.code, ruleIndex: codes.indexOf(f.code), level: level[f.level], message: { text: f.message },
          locations: [location(f.file, f.start, f.end)],
          ...(fixes.length > 0 ? { fixes } : {}),
        };
      }),
    }],
  };
}
