/**
 * Go lines above the running go command (Go ≥ 1.21). The go command compares every go line it reads
 * with its own version (gover.Local): a main go.mod or go.work that needs a newer Go makes it switch
 * toolchains when GOTOOLCHAIN allows (`auto`, or `…+auto`), and otherwise stop with a TooNewError;
 * a dependency's go line ≥ 1.21 above it stops the module graph load the same way; a workspace
 * member's go line above the go.work's is refused in every mode (errWorkTooOld).
 */
import { compareGoVersion } from '../module/goVersion';

/** switchesToolchain: GOTOOLCHAIN lets the go command fetch a newer toolchain (auto, or a name with +auto). */
export function switchesToolchain(gotoolchain: string): boolean {
  return gotoolchain === '' || gotoolchain === 'auto' || gotoolchain.endsWith('+auto');
}

/**
 * tooNewMessage is gover.TooNewError's text: `WHAT requires go >= V (running go L; GOTOOLCHAIN=X)`,
 * the GOTOOLCHAIN part when it is set to something other than auto.
 */
export function tooNewMessage(what: string, goVersion: string, local: string, gotoolchain: string): string {
  const explain = gotoolchain !== '' && gotoolchain !== 'auto' ? `; GOTOOLCHAIN=${gotoolchain}` : '';
  return `${what} requires go >= ${goVersion} (running go ${local}${explain})`;
}

/**
 * isTooNew: go line v (≥ 1.21 where `strict`) is above the running go command's version `local`.
 * A `local` of 1.21 or later given as a language version only (`1.26`: the CLI's default, or
 * -go=1.26) stands for every release of that line, whose go commands all build a module asking for
 * 1.26.N: only a higher language version is too new.
 */
export function isTooNew(v: string, local: string, strict = false): boolean {
  if (v === '' || (strict && compareGoVersion(v, '1.21') < 0)) return false;
  if (/^1\.\d+$/.test(local) && compareGoVersion(local, '1.21') >= 0) return compareGoVersion(/^1\.\d+/.exec(v)?.[0] ?? v, local) > 0;
  return compareGoVersion(v, local) > 0;
}

/**
 * workTooOldMessage is errWorkTooOld: a member (shown as its directory) whose go line is above the
 * go.work's (`''` when go.work has none: it then implicitly requires go 1.18).
 */
export function workTooOldMessage(memberDir: string, memberGo: string, workGo: string): string {
  return `module ${memberDir} listed in go.work file requires go >= ${memberGo}, but go.work ${workGo === '' ? 'implicitly requires' : 'lists'} go ${workGo || '1.18'}; to update it:\n\tgo work use`;
}
