/**
 * Workspace files as the analysis sees them: the disk, overridden by open editor buffers (design.md
 * "FileSource"). Text from disk is decoded as Go decodes it (decodeGoUtf8: one rune per invalid byte).
 */
import * as nodePath from 'node:path';
import { FileSource, MaybePromise, UnreadableFile } from '../graph/source';
import { decodeGoUtf8 } from '../syntax/text';
import { isMissing, readRegularFile } from './readFile';

/**
 * DiskFileSource reads regular files up to the size limit (symbolic links followed, as Go's os.Stat
 * does); a missing file, a directory, a FIFO, a file too large or unreadable is undefined, and
 * readError says which. It never throws.
 */
export class DiskFileSource implements FileSource {
  readText(absPath: string): string | undefined {
    try {
      return decodeGoUtf8(readRegularFile(absPath));
    } catch {
      return undefined;
    }
  }

  readError(absPath: string): UnreadableFile | undefined {
    try {
      readRegularFile(absPath);
      return undefined;
    } catch (err) {
      return { missing: isMissing(err), message: err instanceof Error ? err.message : String(err) };
    }
  }
}

/**
 * OverlayFileSource answers from open editor buffers first (`setBuffer`), and from `base` (the disk by
 * default) for every other path. Paths are compared after path.resolve, so `a/../b` and `b` are one file.
 */
export class OverlayFileSource implements FileSource {
  private readonly buffers = new Map<string, string>();

  constructor(private readonly base: FileSource = new DiskFileSource()) {}

  /** setBuffer makes text the content of absPath until clearBuffer (an editor opened or changed it). */
  setBuffer(absPath: string, text: string): void {
    this.buffers.set(nodePath.resolve(absPath), text);
  }

  /** clearBuffer forgets the buffer of absPath (the editor closed it); the disk answers again. */
  clearBuffer(absPath: string): void {
    this.buffers.delete(nodePath.resolve(absPath));
  }

  /** bufferText is the open buffer's text of absPath, if any. */
  bufferText(absPath: string): string | undefined {
    return this.buffers.get(nodePath.resolve(absPath));
  }

  /** hasBuffer is whether absPath is currently answered from an editor buffer. */
  hasBuffer(absPath: string): boolean {
    return this.buffers.has(nodePath.resolve(absPath));
  }

  /** bufferPaths lists the paths with open buffers, sorted. */
  bufferPaths(): string[] {
    return [...this.buffers.keys()].sort();
  }

  readError(absPath: string): UnreadableFile | undefined {
    return this.buffers.has(nodePath.resolve(absPath)) ? undefined : this.base.readError?.(absPath);
  }

  readText(absPath: string): MaybePromise<string | undefined> {
    const text = this.buffers.get(nodePath.resolve(absPath));
    if (text !== undefined) return text;
    try {
      const r = this.base.readText(absPath);
      return r instanceof Promise ? r.catch(() => undefined) : r;
    } catch {
      return undefined;
    }
  }
}
