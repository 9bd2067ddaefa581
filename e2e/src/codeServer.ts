/**
 * codeServer: one code-server (VS Code 1.139 with a real Node extension host) on a free loopback
 * port, with every folder it writes (user data, extensions, XDG dirs, HOME) inside a temp folder, and
 * the go-mod-lens .vsix installed. The language server the extension starts inherits this
 * environment: offline (GOPROXY names an unreachable proxy; network access is off), no go.env, no summary cache, a private HOME.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerEntry, node24Dir } from './paths';

export interface CodeServer {
  /** url is http://127.0.0.1:PORT */
  url: string;
  /** home is the HOME of code-server and of the language server */
  home: string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** root is an empty temp folder that receives every file code-server writes */
  root: string;
  /** vsix lists the extensions to install (go-mod-lens first) */
  vsix: string[];
  /** logFile receives code-server's stdout and stderr */
  logFile: string;
  /** userSettings is written to User/settings.json before the start */
  userSettings: Record<string, unknown>;
}

/** startCodeServer installs the .vsix, starts code-server and waits until it answers /healthz. */
export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const entry = codeServerEntry();
  const node = join(node24Dir(), 'bin', 'node');
  for (const f of [entry, node]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run e2e/setup.sh first`);
  }
  const port = await freePort();
  const dirs = codeServerDirs(opts.root);
  writeFileSync(dirs.config, [
    `bind-addr: 127.0.0.1:${port}`, 'auth: none', 'cert: false', 'disable-telemetry: true', 'disable-update-check: true', '',
  ].join('\n'));
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(opts.userSettings, null, 2));
  const env = codeServerEnv(dirs.home);
  const common = ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  const installed = await run(node, [entry, ...common, ...opts.vsix.flatMap((v) => ['--install-extension', v]), '--force'], env);
  const count = installed.match(/successfully installed/gi)?.length ?? 0;
  if (count !== opts.vsix.length) throw new Error(`installing ${opts.vsix.join(', ')} failed:\n${installed}`);

  const log = createWriteStream(opts.logFile);
  const child = spawn(node, [entry, ...common, '--disable-workspace-trust', '--ignore-last-opened'], {
    env, cwd: dirs.home, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, 60_000);
  } catch (e) {
    await stopProcessGroup(child);
    throw e;
  }
  return { url, home: dirs.home, stop: () => stopProcessGroup(child) };
}

function codeServerDirs(root: string) {
  const d = {
    home: join(root, 'home'),
    config: join(root, 'config.yaml'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
  };
  for (const dir of [d.home, join(d.userData, 'User'), d.extensions]) mkdirSync(dir, { recursive: true });
  mkdirSync(join(d.home, '.run'), { recursive: true, mode: 0o700 }); // XDG_RUNTIME_DIR: code-server's IPC sockets
  return d;
}

/**
 * codeServerEnv is the whole environment of code-server, its extension host and so the language
 * server: Node 24 first on PATH, a private HOME and XDG dirs, and the go command's variables offline.
 */
export function codeServerEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: `${join(node24Dir(), 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: home,
    LANG: 'C.UTF-8',
    TMPDIR: process.env.TMPDIR ?? '/tmp',
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    XDG_RUNTIME_DIR: join(home, '.run'),
    // a proxy that cannot be reached, as a user's setup names one: with goModLens.network off (the
    // default) the server answers from the module cache (its go.mod files and version lists), and
    // anything that tried the network would fail
    GOPROXY: 'https://proxy.invalid',
    GOFLAGS: '-mod=mod',
    GOENV: 'off',
    GOSUMDB: 'off',
    GOTOOLCHAIN: 'local',
    GOMODLENS_CACHE_DIR: 'off',
  };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env, timeout: 120_000, maxBuffer: 10 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${args.join(' ')}: ${err.message}\n${stdout}${stderr}`));
      else resolve(stdout + stderr);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** waitForHealth polls /healthz until it answers 200, the process exits, or the deadline passes. */
async function waitForHealth(url: string, child: ChildProcess, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before answering`);
    if ((await statusOf(`${url}/healthz`)) === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${ms} ms`);
}

function statusOf(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.setTimeout(2000, () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** stopProcessGroup ends code-server and its children (extension hosts, language servers): its own group. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
  if (!killed) signal('SIGKILL');
  await exited;
  signal('SIGKILL'); // stragglers of the group (a language server outliving its host)
}
