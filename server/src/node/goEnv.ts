/**
 * The Go settings that decide where go.mod files come from (semantics §5.5), resolved the way the go
 * command resolves them (cmd/go internal/cfg): the process environment wins when a variable is set to a
 * non-empty value, then the `go env -w` file (GOENV), then `$GOROOT/go.env` (Go 1.21+), then Go's
 * built-in default. resolveGoEnv is a pure function of its inputs so that tests need no real home folder.
 */
import * as nodePath from 'node:path';
import { goQuote } from '../module/goString';
import { readRegularFile } from './readFile';
import { goFields } from '../syntax/text';

/** GoEnvSource says where a setting came from, for hovers and status messages. */
export type GoEnvSource = 'env' | 'file' | 'goroot' | 'default';

/** GoEnvKey names the variables resolveGoEnv reads. */
export type GoEnvKey =
  | 'GOPATH' | 'GOMODCACHE' | 'GOPROXY' | 'GONOPROXY' | 'GONOSUMDB' | 'GOPRIVATE' | 'GOSUMDB' | 'GOINSECURE'
  | 'GOFLAGS' | 'GOWORK' | 'GO111MODULE' | 'GOTOOLCHAIN' | 'GOROOT';

/** GoFlags is GOFLAGS split as Go splits it (strings.Fields), with the one flag we act on pulled out. */
export interface GoFlags {
  /** GOFLAGS as set */
  raw: string;
  /** every word of GOFLAGS */
  flags: string[];
  /** the value of the last `-mod=` flag; '' when absent or empty (Go then chooses the default) */
  mod: string;
  /** Go's complaints (`go: parsing $GOFLAGS: non-flag "x"`, `go: flag needs an argument: -mod …`) */
  errors: string[];
}

/** GoEnv is the resolved configuration; `problems` lists what the go command would reject or warn about. */
export interface GoEnv {
  gopath: string;
  gomodcache: string;
  goproxy: string;
  gonoproxy: string;
  gonosumdb: string;
  goprivate: string;
  gosumdb: string;
  goinsecure: string;
  goflags: GoFlags;
  /** raw GOWORK: '' or `auto` (search upward), `off`, or a path that must be absolute */
  gowork: string;
  go111module: string;
  gotoolchain: string;
  /** GOROOT when the environment or a file names it, else '' (the go binary would find its own) */
  goroot: string;
  /** the GOENV file that was consulted ('' for GOENV=off or when no config directory is known) */
  envFile: string;
  sources: Record<GoEnvKey, GoEnvSource>;
  problems: string[];
}

/** ReadTextFile returns a file's text, or undefined when it cannot be read. */
export type ReadTextFile = (absPath: string) => string | undefined;

/** GoEnvOptions: the operating system whose conventions apply (default: this process's). */
export interface GoEnvOptions {
  platform?: NodeJS.Platform;
}

type Env = Record<string, string | undefined>;

const DEFAULTS: Partial<Record<GoEnvKey, string>> = {
  GOPROXY: 'https://proxy.golang.org,direct',
  GOSUMDB: 'sum.golang.org',
  GOTOOLCHAIN: 'auto', // what $GOROOT/go.env sets since Go 1.21
};

/**
 * parseEnvFile reads a `go env -w` file as Go does: one `KEY=VALUE` per `\n`-separated line; lines
 * without `=`, or whose first byte is not `A`–`Z`, are ignored; nothing is trimmed (a `\r` before the
 * newline stays part of the value, and `KEY =v` defines the key `KEY `). A later line wins.
 */
export function parseEnvFile(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    const first = line.charCodeAt(0);
    if (eq < 0 || !(first >= 0x41 && first <= 0x5a)) continue;
    out.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return out;
}

/**
 * envFilePath is cfg.EnvFile: `$GOENV` when set (`off` disables the file), else os.UserConfigDir()/go/env —
 * `$XDG_CONFIG_HOME` (which must be absolute) or `$HOME/.config` on Unix, `$HOME/Library/Application Support`
 * on macOS, `%AppData%` on Windows. '' when there is no file to read.
 */
export function envFilePath(env: Env, platform: NodeJS.Platform = process.platform): string {
  const goenv = env.GOENV ?? '';
  if (goenv !== '') return goenv === 'off' ? '' : goenv;
  const p = pathFor(platform);
  let dir: string;
  if (platform === 'win32') {
    dir = env.AppData ?? env.APPDATA ?? '';
  } else if (platform === 'darwin') {
    dir = env.HOME ? env.HOME + '/Library/Application Support' : '';
  } else {
    dir = env.XDG_CONFIG_HOME ?? '';
    if (dir === '') dir = env.HOME ? env.HOME + '/.config' : '';
    else if (!p.isAbsolute(dir)) dir = ''; // Go 1.20+: "path in $XDG_CONFIG_HOME is relative"
  }
  return dir === '' ? '' : p.join(dir, 'go', 'env');
}

/** parseGoFlags is base.InitGOFLAGS + SetFromGOFLAGS for the checks that matter here, and the `-mod` value. */
export function parseGoFlags(value: string): GoFlags {
  const flags = goFields(value);
  const result: GoFlags = { raw: value, flags, mod: '', errors: [] };
  for (const f of flags) {
    if (!f.startsWith('-') || f === '-' || f === '--' || f.startsWith('---') || f.startsWith('-=') || f.startsWith('--=')) {
      result.errors.push(`go: parsing $GOFLAGS: non-flag ${goQuote(f)}`);
      continue;
    }
    const eq = f.indexOf('=');
    let name = eq < 0 ? f : f.slice(0, eq);
    if (name.startsWith('--')) name = name.slice(1);
    if (name !== '-mod') continue;
    if (eq < 0) result.errors.push('go: flag needs an argument: -mod (from $GOFLAGS)');
    else result.mod = f.slice(eq + 1);
  }
  return result;
}

/** pathFor picks the path flavour of a platform, so Windows rules can be tested anywhere. */
function pathFor(platform: NodeJS.Platform): nodePath.PlatformPath {
  return platform === 'win32' ? nodePath.win32 : nodePath.posix;
}

/** Layers is cfg.Getenv: process env (non-empty), then the GOENV file, then $GOROOT/go.env. */
class Layers {
  readonly sources = {} as Record<GoEnvKey, GoEnvSource>;

  constructor(private readonly env: Env, private readonly file: Map<string, string>, private goroot: Map<string, string>) {}

  setGoroot(goroot: Map<string, string>): void {
    this.goroot = goroot;
  }

  get(key: GoEnvKey): string {
    const fromEnv = this.env[key] ?? '';
    if (fromEnv !== '') return this.note(key, 'env', fromEnv);
    const fromFile = this.file.get(key) ?? '';
    if (fromFile !== '') return this.note(key, 'file', fromFile);
    return this.note(key, 'goroot', this.goroot.get(key) ?? '');
  }

  /** or is envOr: the value, else def (recorded as a default). */
  or(key: GoEnvKey, def: string): string {
    const v = this.get(key);
    return v !== '' ? v : this.note(key, 'default', def);
  }

  private note(key: GoEnvKey, source: GoEnvSource, value: string): string {
    this.sources[key] = value === '' ? 'default' : source;
    return value;
  }
}

/**
 * resolveGoEnv returns the settings the go command would use, given the process environment and a
 * file reader (used for the GOENV file and `$GOROOT/go.env`). It never throws; what Go would refuse
 * (a relative GOPATH entry, an unknown GO111MODULE, a malformed GOFLAGS) is listed in `problems`.
 */
export function resolveGoEnv(env: Env, readFile: ReadTextFile = () => undefined, options: GoEnvOptions = {}): GoEnv {
  const platform = options.platform ?? process.platform;
  const p = pathFor(platform);
  const envFile = envFilePath(env, platform);
  const fileVars = envFile === '' ? new Map<string, string>() : parseEnvFile(safeRead(readFile, envFile) ?? '');
  const layers = new Layers(env, fileVars, new Map());
  const goroot = layers.get('GOROOT');
  if (goroot !== '' && p.isAbsolute(goroot)) layers.setGoroot(parseEnvFile(safeRead(readFile, p.join(goroot, 'go.env')) ?? ''));
  const problems: string[] = [];
  const gopath = resolveGopath(env, layers, platform, goroot, problems);
  const gomodcache = layers.or('GOMODCACHE', gopathDir(gopath, platform));
  if (gomodcache === '') problems.push('module cache not found: neither GOMODCACHE nor GOPATH is set');
  else if (!p.isAbsolute(gomodcache)) problems.push(`GOMODCACHE entry is relative; must be absolute path: ${goQuote(gomodcache)}.`);
  const goprivate = layers.get('GOPRIVATE');
  const goflags = parseGoFlags(layers.get('GOFLAGS'));
  problems.push(...goflags.errors);
  const go111module = layers.get('GO111MODULE');
  if (!['', 'on', 'off', 'auto'].includes(go111module)) problems.push(`go: unknown environment setting GO111MODULE=${go111module}`);
  return {
    gopath, gomodcache, goprivate, goflags, go111module, goroot, envFile, problems,
    goproxy: layers.or('GOPROXY', DEFAULTS.GOPROXY ?? ''),
    gonoproxy: layers.or('GONOPROXY', goprivate),
    gonosumdb: layers.or('GONOSUMDB', goprivate),
    gosumdb: layers.or('GOSUMDB', DEFAULTS.GOSUMDB ?? ''),
    goinsecure: layers.get('GOINSECURE'),
    gowork: layers.get('GOWORK'),
    gotoolchain: layers.or('GOTOOLCHAIN', DEFAULTS.GOTOOLCHAIN ?? ''),
    sources: layers.sources,
  };
}

/**
 * resolveGopath is GOPATH with go/build's default ($HOME/go, %USERPROFILE%\go; none when that is
 * GOROOT) and cmd/go main's checks: entries may not start with `~` or be relative — except that a
 * relative *inferred* GOPATH is silently dropped, as Go does.
 */
function resolveGopath(env: Env, layers: Layers, platform: NodeJS.Platform, goroot: string, problems: string[]): string {
  const p = pathFor(platform);
  const explicit = layers.get('GOPATH');
  let gopath = explicit;
  if (gopath === '') {
    const home = (platform === 'win32' ? env.USERPROFILE : env.HOME) ?? '';
    const def = home === '' ? '' : p.join(home, 'go');
    gopath = def !== '' && goroot !== '' && p.normalize(def) === p.normalize(goroot) ? '' : def;
  }
  for (const entry of splitList(gopath, platform)) {
    if (entry === '') continue;
    if (entry.startsWith('~')) {
      problems.push(`go: GOPATH entry cannot start with shell metacharacter '~': ${goQuote(entry)}`);
    } else if (!p.isAbsolute(entry)) {
      if (explicit === '') return '';
      problems.push(`go: GOPATH entry is relative; must be absolute path: ${goQuote(entry)}.\nFor more details see: 'go help gopath'`);
    }
  }
  return gopath;
}

/** splitList is filepath.SplitList: '' has no entries; `:` separates on Unix, `;` on Windows. */
export function splitList(list: string, platform: NodeJS.Platform = process.platform): string[] {
  if (list === '') return [];
  return list.split(platform === 'win32' ? ';' : ':');
}

/** gopathDir is cfg.gopathDir("pkg/mod"): under the first GOPATH entry, or '' when that entry is empty. */
function gopathDir(gopath: string, platform: NodeJS.Platform): string {
  const first = splitList(gopath, platform)[0] ?? '';
  return first === '' ? '' : pathFor(platform).join(first, 'pkg', 'mod');
}

function safeRead(readFile: ReadTextFile, absPath: string): string | undefined {
  try {
    return readFile(absPath);
  } catch {
    return undefined;
  }
}

/** readTextFile is the ReadTextFile for the real disk: undefined for a missing or unreadable file. */
export function readTextFile(absPath: string): string | undefined {
  try {
    return new TextDecoder().decode(readRegularFile(absPath));
  } catch {
    return undefined;
  }
}

/** currentGoEnv resolves the settings of this process (process.env and the real disk). */
export function currentGoEnv(): GoEnv {
  return resolveGoEnv(process.env, readTextFile);
}
