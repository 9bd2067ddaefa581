// Error values of golang.org/x/mod/module, as plain data with Go's exact texts. They are returned, never
// thrown, and do not extend Error: building a stack trace for every rejected version in a hot loop would
// cost more than the check itself.

import { goQuote } from './goString';

/**
 * InvalidVersionError is module.InvalidVersionError: `version "V" invalid: MSG`, or
 * `pseudo-version "V" invalid: MSG` when the version was read as a pseudo-version. `message` is the
 * inner reason alone (Go's Err), e.g. `should be v2, not v1`.
 */
export class InvalidVersionError {
  constructor(
    readonly version: string,
    readonly message: string,
    readonly pseudo = false,
  ) {}

  /** noun is "version" or "pseudo-version", as Go words the error. */
  get noun(): string {
    return this.pseudo ? 'pseudo-version' : 'version';
  }

  toString(): string {
    return `${this.noun} ${goQuote(this.version)} invalid: ${this.message}`;
  }
}

/** PathKind names the three path grammars of module.CheckPath / CheckImportPath / CheckFilePath. */
export type PathKind = 'module' | 'import' | 'file';

/** InvalidPathError is module.InvalidPathError: `malformed module path "P": MSG` (or import/file). */
export class InvalidPathError {
  constructor(
    readonly kind: PathKind,
    readonly path: string,
    readonly message: string,
  ) {}

  toString(): string {
    return `malformed ${this.kind} path ${goQuote(this.path)}: ${this.message}`;
  }
}

/** ModuleErrorCause is what a ModuleError can wrap: a module error value, a JS Error, or a message. */
export type ModuleErrorCause = InvalidVersionError | InvalidPathError | ModuleError | Error | string;

/** errorText is Go's err.Error() for a cause: the message without JS's "Error: " prefix. */
export function errorText(err: ModuleErrorCause): string {
  if (typeof err === 'string') return err;
  if (err instanceof InvalidVersionError || err instanceof InvalidPathError || err instanceof ModuleError) {
    return err.toString();
  }
  return err.message;
}

/**
 * ModuleError is module.ModuleError, printed like Go: `P@V: invalid version: MSG` when it wraps an
 * InvalidVersionError (using that error's version and noun), else `P@V: ERR`, or `module P: ERR`
 * when the version is empty.
 */
export class ModuleError {
  constructor(
    readonly path: string,
    readonly version: string,
    readonly err: ModuleErrorCause,
  ) {}

  toString(): string {
    const e = this.err;
    if (e instanceof InvalidVersionError) return `${this.path}@${e.version}: invalid ${e.noun}: ${e.message}`;
    if (this.version !== '') return `${this.path}@${this.version}: ${errorText(e)}`;
    return `module ${this.path}: ${errorText(e)}`;
  }
}

/**
 * versionError is module.VersionError: wraps err for path@version, unless err already is a ModuleError
 * for that same module version (then it is returned as is, so wrapping twice prints once).
 */
export function versionError(path: string, version: string, err: ModuleErrorCause): ModuleError {
  if (err instanceof ModuleError && err.path === path && err.version === version) return err;
  return new ModuleError(path, version, err);
}
