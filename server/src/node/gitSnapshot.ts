/**
 * The module files of a git revision, without checking anything out (issue 18, `diff --base`): the
 * go.mod, go.work, go.sum, go.work.sum and vendor/modules.txt files the revision's tree holds,
 * read from the object store (`git ls-tree`, `git cat-file blob`: no filters, no hooks, no
 * fsmonitor) and written, in the same layout, into a directory the caller owns — so that the same
 * code that reads a working tree reads the revision.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

/** the files of a revision the module graph and the diagnostics read */
const MODULE_FILE = /(^|\/)(go\.mod|go\.work|go\.sum|go\.work\.sum|vendor\/modules\.txt)$/;

/** git runs git with the repository's own configuration kept from running anything (fsmonitor) or locking (optional locks). */
function git(cwd: string, args: string[], input?: string): Buffer {
  return execFileSync('git', ['-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false', ...args], {
    cwd, maxBuffer: 1 << 30, input, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
  });
}

/** gitError: the first line git wrote to stderr, else the error's message. */
function gitError(e: unknown): string {
  const err = e as { stderr?: Buffer; message?: string; code?: string };
  if (err.code === 'ENOENT') return 'git is not installed (or not on PATH)';
  const line = err.stderr?.toString('utf8').trim().split('\n').find((l) => l.trim() !== '');
  return line ?? err.message ?? String(e);
}

/** repositoryOf: the top directory of the git work tree holding dir, or why there is none. */
export function repositoryOf(dir: string): { top: string } | { error: string } {
  try {
    return { top: resolve(git(dir, ['rev-parse', '--show-toplevel']).toString('utf8').trim()) };
  } catch (e) {
    return { error: `${dir} is not in a git repository: ${gitError(e)}` };
  }
}

/** resolveRevision: the commit a revision names (a branch, a tag, origin/main, HEAD~1, a hash), or why it names none. */
export function resolveRevision(top: string, rev: string): { commit: string } | { error: string } {
  if (rev.startsWith('-')) return { error: `${rev}: not a revision` };
  try {
    return { commit: git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).toString('utf8').trim() };
  } catch (e) {
    const why = gitError(e);
    return { error: `${rev}: not a revision of the repository at ${top}${why && !/^Command failed/.test(why) ? ` (${why})` : ''}` };
  }
}

/**
 * snapshotRevision writes the module files of `commit`'s whole tree into `into`, at the same paths
 * relative to `into` as relative to the repository top; returns how many, and whether the tree has
 * the directory `within` (relative to the top, '' for the top) — or why it could not.
 */
export function snapshotRevision(top: string, commit: string, into: string, within = ''): { files: number; hasDir: boolean } | string {
  let listing: string;
  try {
    listing = git(top, ['ls-tree', '-r', '-z', '--full-tree', commit]).toString('utf8');
  } catch (e) {
    return `reading ${commit}: ${gitError(e)}`;
  }
  const wanted: { path: string; object: string }[] = [];
  let hasDir = within === '';
  for (const entry of listing.split('\0')) {
    // <mode> SP <type> SP <object> TAB <path>
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, object] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (!hasDir && path.startsWith(within + '/')) hasDir = true;
    if (type === 'blob' && mode !== '120000' && MODULE_FILE.test(path)) wanted.push({ path, object });
  }
  if (wanted.length === 0) return { files: 0, hasDir };
  // every blob in one git process: `<object> blob <size>\n<bytes>\n` each
  let out: Buffer;
  try {
    out = git(top, ['cat-file', '--batch'], wanted.map((w) => w.object).join('\n') + '\n');
  } catch (e) {
    return `reading the files of ${commit}: ${gitError(e)}`;
  }
  let at = 0;
  for (const w of wanted) {
    const nl = out.indexOf(10, at);
    const header = out.subarray(at, nl).toString('utf8').split(' ');
    if (nl < 0 || header[1] !== 'blob') return `reading ${w.path} at ${commit}: git cat-file answered ${JSON.stringify(header.join(' '))}`;
    const size = Number(header[2]);
    const bytes = out.subarray(nl + 1, nl + 1 + size);
    at = nl + 1 + size + 1;
    const target = resolve(into, w.path);
    const rel = relative(into, target);
    if (rel.startsWith('..') || rel.split(sep).includes('..')) continue; // never outside `into`
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  return { files: wanted.length, hasDir };
}

/** pathInRepository: dir's path relative to top ('' for top itself; symbolic links resolved, as git's top is). */
export function pathInRepository(top: string, dir: string): string {
  let real = resolve(dir);
  try {
    real = realpathSync(real);
  } catch {
    // a directory that is not there: as given
  }
  const rel = relative(top, real);
  return rel === '' ? '' : rel.split(sep).join('/');
}
