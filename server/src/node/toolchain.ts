/**
 * probeToolchain asks the configured go binary for its version (`go env GOVERSION`). It is the only
 * process the server ever starts, and the caller runs it only in trusted workspaces. Never throws:
 * any failure (no binary, timeout, odd output) is undefined.
 */
import { execFile } from 'node:child_process';
import { isValidGoVersion } from '../module/goVersion';

export function probeToolchain(goBinary: string, env: NodeJS.ProcessEnv, timeoutMs = 5000): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      execFile(goBinary, ['env', 'GOVERSION'], { env: { ...env, GOTOOLCHAIN: 'local', GOFLAGS: '' }, timeout: timeoutMs, windowsHide: true }, (err, stdout) => {
        const v = String(stdout ?? '').trim().replace(/^go/, '').replace(/ .*$/, '');
        resolve(!err && isValidGoVersion(v) ? v : undefined);
      });
    } catch {
      resolve(undefined);
    }
  });
}
