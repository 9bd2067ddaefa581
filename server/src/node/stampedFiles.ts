/**
 * The disk stat cache of the session's files (disk access, so it lives in node/): what a file held
 * when last read, trusted while its mtime, size and inode stay the same.
 */
import { statSync } from 'node:fs';
import { FileSource, UnreadableFile } from '../graph/source';
import { DiskFileSource, OverlayFileSource } from './fileSource';

/**
 * StampedFiles reads through to the overlay (buffers, then disk) but keeps each disk file's text
 * while its mtime and size stay the same: a keystroke in one go.mod must not re-read and re-decode
 * every go.mod and go.sum of a 150-module workspace. A stat costs far less than a read, but a
 * stat of every file on every keystroke still adds up (4 ms per edit in a 300-file workspace), so
 * an answer less than FRESH_MS old is trusted: changes on disk arrive as watched-file
 * notifications (which call forget), and without them within FRESH_MS of the next request.
 */
const FRESH_MS = 1000;

export class StampedFiles implements FileSource {
  private readonly texts = new Map<string, { stamp: string; text: string | undefined; at: number }>();
  private readonly dirs = new Map<string, { dir: boolean; at: number }>();

  private readonly disk = new DiskFileSource();

  constructor(private readonly overlay: OverlayFileSource) {}

  readText(file: string): string | undefined {
    const buffer = this.overlay.bufferText(file);
    if (buffer !== undefined) return buffer;
    const now = performance.now();
    const hit = this.texts.get(file);
    if (hit && now - hit.at < FRESH_MS) return hit.text;
    let st;
    try {
      st = statSync(file);
    } catch {
      this.texts.set(file, { stamp: '', text: undefined, at: now });
      return undefined;
    }
    const stamp = st.isFile() ? `${st.mtimeMs}:${st.size}:${st.ino}` : '';
    if (hit && hit.stamp === stamp) {
      hit.at = now;
      return hit.text;
    }
    const text = stamp === '' ? undefined : this.disk.readText(file);
    this.texts.set(file, { stamp, text, at: now });
    return text;
  }

  /** isDirectory: whether path is a directory on disk, an answer trusted for FRESH_MS like a file's */
  isDirectory(path: string): boolean {
    const now = performance.now();
    const hit = this.dirs.get(path);
    if (hit && now - hit.at < FRESH_MS) return hit.dir;
    const dir = statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
    this.dirs.set(path, { dir, at: now });
    return dir;
  }

  readError(file: string): UnreadableFile | undefined {
    return this.overlay.readError(file);
  }

  forget(path: string): void {
    this.texts.delete(path);
    this.dirs.delete(path);
  }

  /** forgetAll: every answer is checked against the disk again (a rescan). */
  forgetAll(): void {
    this.texts.clear();
    this.dirs.clear();
  }
}
