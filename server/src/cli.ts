/**
 * The go-mod-lens command line: the same services as the language server, in the shape of the go
 * command's own output so that scripts can use either.
 *
 *   go-mod-lens edit -json [FILE]          the parsed file, as `go mod edit -json` / `go work edit -json`
 *   go-mod-lens edit -fmt [-print] [FILE]  canonical formatting, as `go mod edit -fmt`
 *   go-mod-lens pseudo VERSION             decode a pseudo-version
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { decodePseudoVersion } from './module/pseudo';
import { goErrorLines } from './syntax/errors';
import { formatModFile, formatWorkFile } from './syntax/format';
import { goMarshalIndent, modFileJson, workFileJson } from './syntax/goJson';
import { parseModFile } from './syntax/modfile';
import { encodeGoUtf8 } from './syntax/text';
import { parseWorkFile } from './syntax/workfile';
import { readGoText } from './node/files';
import { graphCommand, listCommand, vulnCommand, whatIfCommand, whyCommand } from './cliGraph';
import { checkCommand } from './cliCheck';
import { diffCommand } from './cliDiff';
import { LATEST_GO, compareGoVersion, isValidGoVersion } from './module/goVersion';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** the environment (GOPROXY, GOMODCACHE, GOFLAGS, GOWORK, …); process.env when run as a command */
  env: Record<string, string | undefined>;
}

const usage = `usage: go-mod-lens <command> [arguments]

commands:
  edit -json [FILE]          print FILE (default ./go.mod; go.work recognised by name) as go mod edit -json does
  edit -fmt [-print] [FILE]  format FILE as go mod edit -fmt does; -print writes to stdout instead of FILE
  pseudo VERSION             decode a pseudo-version into base version, commit time and revision
  list [-u] [-json] [DIR]    the build list, as go list -mod=mod -m [-u] [-json] all prints it
  graph [DIR]                the module requirement graph, as go mod graph prints it
  graph --html OUT [DIR]     the module graph view as one self-contained HTML file
  why [DIR] MODULE           the requirement chains that make MODULE's version the selected one
  what-if [DIR] PATH@VERSION the change go get PATH@VERSION would make to the build list (-json: and go.mod)
  vuln [-db DB] [DIR]        known vulnerabilities of the modules built, from a local Go vulnerability database
  check [DIR…]               every diagnostic of the editor, for CI (text, json, github, sarif; exit 1 on errors)
  diff OLD NEW | --base REV  what a go.mod change does to the build list and the diagnostics (text, markdown, json)
  serve --stdio              run the language server over stdin/stdout (also --node-ipc, --socket=PORT)
  version                    print go-mod-lens's version (also --version)

go-mod-lens COMMAND -h shows the flags of one command.

list, graph, why and what-if read the module cache (GOMODCACHE) and GOPROXY when it is a file://
tree; other proxies only with -network. -go=VERSION emulates that go command (default ${LATEST_GO});
-mod=readonly keeps the requirements as written instead of re-rooting them as -mod=mod does.
They remember the go.mod files they read in an index under $XDG_CACHE_HOME/go-mod-lens (else
~/.cache/go-mod-lens; GOMODLENS_CACHE_DIR moves it); -cache=off, or GOMODLENS_CACHE_DIR=off,
neither reads nor writes it. Nothing else is written, except by edit -fmt and graph --html.
`;

/** graphFlags: the flags the module-graph commands share. */
const graphFlags = `  -go=VERSION         emulate that go command (default ${LATEST_GO})
  -network            let go-mod-lens ask an HTTP(S) GOPROXY for go.mod files the module cache lacks
  -cache=off          do not read or write the summary index (also GOMODLENS_CACHE_DIR=off)
`;

/** commandHelp: the usage of each command, printed by go-mod-lens COMMAND -h (status 0). */
const commandHelp: Record<string, string> = {
  edit: `usage: go-mod-lens edit [-json | -fmt [-print]] [-go=VERSION] [FILE]

FILE is a go.mod (default ./go.mod) or a go.work (recognised by its name).
  -json        print it as go mod edit -json (go work edit -json) does
  -fmt         format it in place as go mod edit -fmt does; with -print, write the result to stdout
  -go=VERSION  the fields and printer of that go command (default ${LATEST_GO})
`,
  pseudo: `usage: go-mod-lens pseudo VERSION

Decodes a pseudo-version (v0.0.0-20191109021931-daa7c04131f5) into its base version, commit time
(UTC) and revision, as JSON.
`,
  list: `usage: go-mod-lens list [-u] [-json] [-mod=mod|readonly] [flags] [DIR]

The build list of the main module in DIR (default .), as go list -mod=mod -m all prints it; -json as
go list -m -json all; -u as go list -m -u all: the update available for each module (the newest
allowed release of its major version, from the @v/list files of the module cache and a file://
GOPROXY, an HTTP(S) one with -network), and which versions are retracted and modules deprecated.
  -json               one JSON object per module
  -u                  available updates, retractions and deprecations
  -mod=readonly       the requirements as written (go's default mode) instead of re-rooted (-mod=mod)
${graphFlags}`,
  graph: `usage: go-mod-lens graph [flags] [--html OUT.html [-db DB]] [DIR]

The requirement graph of the main module in DIR (default .), as go mod graph prints it. With --html,
the module graph view as one self-contained HTML file OUT.html instead (written also when the graph
is incomplete: the view marks what is missing; a note on stderr says so), with the versions their
author retracted marked (from the module cache) and, given a vulnerability database (-db DB, else
GOVULNDB, as vuln takes it), the vulnerable ones.
${graphFlags}`,
  why: `usage: go-mod-lens why [-mod=mod|readonly] [flags] [DIR] MODULE

The requirement chains that make MODULE's version the selected one in DIR's build (default .), and
the lower requirements MVS overrode. When go.mod files are missing from the module cache, the chains
that could be read are printed (each is certain) and the version is marked as possibly higher; the
exit status is then 1.
${graphFlags}`,
  'what-if': `usage: go-mod-lens what-if [-json] [flags] [DIR] PATH@VERSION

What go get PATH@VERSION would change in the build list of DIR's main module (default .), one line
per module in go get's words; -json adds the go.mod requirements go get would write and the build
lists before and after. VERSION may be none.
${graphFlags}`,
  vuln: `usage: go-mod-lens vuln [-json] [-db DB] [flags] [DIR]

The known vulnerabilities of every module version DIR's build builds (default .), module by module
as govulncheck -scan module reports them: a replaced module is matched as its replacement, the
standard library as the toolchain the main module asks for (toolchain line, else go line). DB (or
GOVULNDB) is a directory or file:// URL holding a copy of vuln.go.dev (index/, ID/) or a directory
of OSV files, or with -network a served one (https://vuln.go.dev: the entries of the modules built
only); nothing is fetched without -network. -json prints {"Findings": [{ID, Aliases, Summary,
Module, Version, Fixed, Chain}]}. Exit status 1 when there are findings, 0 when none, 2 on error.
${graphFlags}`,
  check: `usage: go-mod-lens check [--format text|json|github|sarif] [--severity CODE=LEVEL]… [--fail-on LEVEL|none] [--db DB] [-network] [DIR…]

Every diagnostic the language server would show, for every go.mod, go.work and go.sum under the
directories (default .): text (FILE:LINE:COL: level code: message), json, github (workflow commands
that annotate a pull request) or sarif (SARIF 2.1.0, with fixes where there is a quick fix).
Severities: --severity CODE=LEVEL (error, warning, information, hint, off), else .go-mod-lens.json in
the current directory ({"diagnostics": {"severity": {CODE: LEVEL}}}), else each code's default.
The vulnerable diagnostic needs a vulnerability database: --db DB, else GOVULNDB (as vuln takes it).
Exit status 1 when a finding is at or above --fail-on (default error; none never fails), 0 otherwise,
2 on usage errors.
`,
  diff: `usage: go-mod-lens diff [--format text|markdown|json] [--fail-on LEVEL|none] [--db DB] [flags] (OLD NEW [DIR] | --base REV [DIR])

What a change does to the build: the build list of OLD and of NEW compared in go get's words
(upgraded, downgraded, added, removed; replaced when only the replacement changes), each module with
the requirement that moves it (the go.mod line that names it, else the module that requires the new
version — or required the old one — and the changed go.mod line heading that chain), the go and
toolchain lines, and the diagnostics that appear or go away (as check reports them; --db or GOVULNDB
for vulnerable, .go-mod-lens.json and --severity for severities).
OLD and NEW are go.mod files, directories, or git revisions of the repository holding DIR (default .),
read with git from its object store (nothing is checked out). --base REV compares REV with DIR as it
is on disk. --format markdown writes a pull-request comment; json one object. Exit status 1 when a new
finding is at or above --fail-on (default none) or a side cannot be built, 2 on usage errors.
${graphFlags}  -mod=readonly       the requirements as written instead of re-rooted (-mod=mod, the default)
`,
  serve: `usage: go-mod-lens serve --stdio | --node-ipc | --socket=PORT

Runs the language server (go.mod, go.work, go.sum) over the given transport.
`,
  version: `usage: go-mod-lens version

Prints go-mod-lens's version.
`,
};

/** packageVersion: the version in go-mod-lens's package.json (found upward from this file: dist/ or server/out/src/). */
function packageVersion(): string {
  for (let dir = __dirname, i = 0; i < 5; dir = dirname(dir), i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'go-mod-lens' && pkg.version) return pkg.version;
    } catch {
      // not here: one directory up
    }
  }
  return 'unknown';
}

/**
 * serveCommand starts the language server, loaded only now (from beside this file: dist/server.js
 * in the bundle, server/out/src/server.js when compiled) so the other commands start fast. The
 * returned promise never settles: the server owns the process until the client says exit.
 */
function serveCommand(args: string[], io: CliIO): Promise<number> | number {
  if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
    io.stderr('usage: go-mod-lens serve --stdio | --node-ipc | --socket=PORT\n');
    return 2;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const server = require(join(__dirname, 'server.js')) as { startServer: () => void };
  server.startServer();
  return new Promise<number>(() => undefined);
}

/** runCli runs one command and returns its exit status (0 ok, 1 failure, 2 usage). */
export async function runCli(args: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = args;
  if (command !== undefined && commandHelp[command] && rest.some((a) => a === '-h' || a === '-help' || a === '--help')) {
    io.stdout(commandHelp[command]);
    return 0;
  }
  try {
    switch (command) {
      case 'version': case '-version': case '--version': case '-v':
        io.stdout(`go-mod-lens ${packageVersion()}\n`);
        return 0;
      case 'edit': return editCommand(rest, io);
      case 'pseudo': return pseudoCommand(rest, io);
      case 'list': return await listCommand(rest, io);
      case 'graph': return await graphCommand(rest, io);
      case 'why': return await whyCommand(rest, io);
      case 'what-if': return await whatIfCommand(rest, io);
      case 'vuln': return await vulnCommand(rest, io);
      case 'diff': return await diffCommand(rest, io);
      case 'check': return await checkCommand(rest, { ...io, stderrIsTTY: process.stderr.isTTY === true });
      case 'serve': return serveCommand(rest, io);
      case 'help': case '-h': case '-help': case '--help':
        io.stdout(usage);
        return 0;
      default:
        io.stderr(command ? `go-mod-lens: unknown command ${JSON.stringify(command)}\n${usage}` : usage);
        return 2;
    }
  } catch (e) {
    io.stderr(`go-mod-lens: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

function editCommand(args: string[], io: CliIO): number {
  const flags = new Set<string>();
  const files: string[] = [];
  let go = LATEST_GO;
  for (const a of args) {
    const v = /^--?go=(.*)$/.exec(a);
    if (v && isValidGoVersion(v[1])) go = v[1];
    else if (a.startsWith('-')) flags.add(a.replace(/^--?/, '-'));
    else files.push(a);
  }
  const unknown = [...flags].filter((f) => !['-json', '-fmt', '-print'].includes(f));
  if (unknown.length > 0 || files.length > 1 || flags.size === 0) {
    io.stderr(`usage: go-mod-lens edit [-fmt|-print|-json] [-go=VERSION] [FILE]\n`);
    return 2;
  }
  if (flags.has('-json') && flags.has('-print')) {
    io.stderr('go-mod-lens: cannot use both -json and -print\n');
    return 2;
  }
  const file = files[0] ?? 'go.mod';
  const path = resolve(io.cwd, file);
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    io.stderr(`go-mod-lens: ${file} is a directory; edit reads a go.mod or go.work file (e.g. ${join(file, 'go.mod')})\n`);
    return 1;
  }
  if (/\.sum$/.test(basename(file))) {
    io.stderr(`go-mod-lens: ${file} is a checksum file; edit reads a go.mod or go.work file\n`);
    return 1;
  }
  const text = readGoText(path);
  const isWork = basename(file).endsWith('.work');
  if (flags.has('-json')) {
    const parsed = isWork ? parseWorkFile(text, file) : parseModFile(text, { name: file });
    if (parsed.errors.length > 0) return reportErrors(file, text, parsed.errors, io);
    io.stdout(goMarshalIndent('use' in parsed ? workFileJson(parsed) : modFileJson(parsed, go), compareGoVersion(go, '1.22') < 0));
    return 0;
  }
  const legacy = compareGoVersion(go, '1.21') < 0; // golang.org/x/mod's printer before 2023
  const formatted = isWork ? formatWorkFile(text, file, { legacy }) : formatModFile(text, file, { legacy });
  if (!formatted.ok) return reportErrors(file, text, formatted.errors, io);
  if (flags.has('-print')) io.stdout(formatted.text);
  else if (formatted.text !== text) writeFileSync(path, encodeGoUtf8(formatted.text));
  return 0;
}

function reportErrors(file: string, text: string, errors: Parameters<typeof goErrorLines>[2], io: CliIO): number {
  for (const line of goErrorLines(file, text, errors)) io.stderr(line + '\n');
  return 1;
}

function pseudoCommand(args: string[], io: CliIO): number {
  if (args.length !== 1) {
    io.stderr('usage: go-mod-lens pseudo VERSION\n');
    return 2;
  }
  const d = decodePseudoVersion(args[0]);
  if (!d.ok) {
    io.stderr(`go-mod-lens: ${d.error.toString()}\n`);
    return 1;
  }
  const fields = [['base', d.base], ['time', d.time.toISOString().replace(/\.\d{3}Z$/, 'Z')], ['rev', d.rev]];
  io.stdout(`{${fields.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}\n`);
  return 0;
}

/**
 * processIO is this process's CliIO: text goes out as the bytes Go would write (an invalid byte read
 * from a file is written as that byte, encodeGoUtf8), in the current directory and environment.
 */
export function processIO(): CliIO {
  // a reader that stops early (`go-mod-lens list | head -1`) closes the pipe: end quietly, with the
  // status a program killed by SIGPIPE has (as the go command does), not with a stack trace
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(128 + 13);
    });
  }
  return {
    stdout: (s) => process.stdout.write(encodeGoUtf8(s)),
    stderr: (s) => process.stderr.write(encodeGoUtf8(s)),
    cwd: process.cwd(),
    env: process.env,
  };
}

if (require.main === module) {
  void runCli(process.argv.slice(2), processIO()).then((status) => (process.exitCode = status));
}
