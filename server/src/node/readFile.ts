/**
 * Bounded reads of regular files: every file go-mod-lens reads from the workspace, the module cache
 * or a file:// proxy goes through here. A FIFO, socket or device is refused before a byte is read
 * (opened non-blocking, so a named pipe without a writer cannot freeze the server), and a file above
 * the size limit is refused from its size (a 600 MiB go.mod would otherwise be decoded into a string
 * Node cannot hold). Errors carry Go's wording (`open X: no such file or directory`) and a code.
 */
import { closeSync, constants, fstatSync, openSync, readSync, Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * MAX_FILE_BYTES is the largest go.mod, go.work, go.sum, .info or @v/list read: 16 MiB, the go
 * command's own limit for a go.mod it downloads (modfetch/codehost.MaxGoMod). Real files are far
 * smaller (Kubernetes' go.sum is about 100 KB).
 */
export const MAX_FILE_BYTES = 16 << 20;

/** ReadErrorCode: an errno code from the system (ENOENT, EACCES, …), or ENOTREG / EFBIG from the checks here. */
export class ReadError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** readRegularFile reads path whole, or throws a ReadError (missing, not regular, too large, unreadable). */
export function readRegularFile(path: string, limit = MAX_FILE_BYTES): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, openFlags);
  } catch (err) {
    throw ioError('open', path, err);
  }
  try {
    let buf = firstBuffer(checkedSize(path, fstatSync(fd), limit), limit);
    let total = 0;
    for (;;) {
      buf = withRoom(path, buf, total, limit);
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) return filled(path, buf, total, limit);
      total += n;
    }
  } catch (err) {
    throw err instanceof ReadError ? err : ioError('read', path, err);
  } finally {
    closeSync(fd);
  }
}

/** readRegularFileAsync is readRegularFile without blocking the event loop (large scans of .go files). */
export async function readRegularFileAsync(path: string, limit = MAX_FILE_BYTES): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, openFlags);
  } catch (err) {
    throw ioError('open', path, err);
  }
  try {
    let buf = firstBuffer(checkedSize(path, await handle.stat(), limit), limit);
    let total = 0;
    for (;;) {
      buf = withRoom(path, buf, total, limit);
      const { bytesRead } = await handle.read(buf, total, buf.length - total, null);
      if (bytesRead === 0) return filled(path, buf, total, limit);
      total += bytesRead;
    }
  } catch (err) {
    throw err instanceof ReadError ? err : ioError('read', path, err);
  } finally {
    await handle.close();
  }
}

/** checkedSize refuses what is not a regular file, or is larger than limit; else the size fstat gives. */
function checkedSize(path: string, st: Stats, limit: number): number {
  if (st.isDirectory()) throw new ReadError('EISDIR', `read ${path}: is a directory`); // as Go's os.ReadFile says
  if (!st.isFile()) throw new ReadError('ENOTREG', `open ${path}: not a regular file (${fileKind(st)})`);
  if (st.size > limit) throw tooLarge(path, st.size, limit);
  return st.size;
}

/*
 * The read loops fill one buffer sized from fstat (plus a byte, to see the end of file), grow it if
 * the file grew meanwhile, and never hold more than limit + 1 bytes: the extra byte proves the file
 * too large.
 */
function firstBuffer(size: number, limit: number): Buffer {
  return Buffer.allocUnsafe(Math.min(size, limit) + 1);
}

/** withRoom returns buf, or a larger copy when the first total bytes fill it. */
function withRoom(path: string, buf: Buffer, total: number, limit: number): Buffer {
  if (total < buf.length) return buf;
  if (total > limit) throw tooLarge(path, total, limit);
  const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, limit + 1));
  buf.copy(bigger, 0, 0, total);
  return bigger;
}

/** filled is the bytes read, once the end of file was seen. */
function filled(path: string, buf: Buffer, total: number, limit: number): Uint8Array {
  if (total > limit) throw tooLarge(path, total, limit);
  return buf.subarray(0, total);
}

function tooLarge(path: string, size: number, limit: number): ReadError {
  return new ReadError('EFBIG', `read ${path}: file too large (${formatBytes(size)}; go-mod-lens reads files up to ${formatBytes(limit)})`);
}

/** formatBytes: 600 MiB, 16 MiB, 12 KiB, 10 bytes. */
export function formatBytes(n: number): string {
  if (n >= 1 << 30) return `${+(n / (1 << 30)).toFixed(1)} GiB`;
  if (n >= 1 << 20) return `${+(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1 << 10) return `${+(n / (1 << 10)).toFixed(1)} KiB`;
  return `${n} bytes`;
}

function fileKind(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a file';
}

/** Go's texts for the errno values a read meets (syscall.Errno.Error), keyed by Node's codes. */
const errnoText: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EFBIG: 'file too large',
  EINVAL: 'invalid argument',
};

/** ioError turns a thrown system error into a ReadError worded as Go's *PathError (`open X: permission denied`). */
export function ioError(op: string, path: string, err: unknown): ReadError {
  const code = typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : 'EIO';
  const text = errnoText[code] ?? (err instanceof Error ? err.message : String(err));
  return new ReadError(code, `${op} ${path}: ${text}`);
}

/** isMissing: the error says the file does not exist (ENOENT, or a path through a non-directory). */
export function isMissing(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
