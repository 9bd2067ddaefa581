/** Reading workspace files from disk, decoded as Go decodes them. */
import { decodeGoUtf8 } from '../syntax/text';
import { readRegularFile } from './readFile';

/** readGoText reads a file as text with Go's treatment of invalid UTF-8 (one rune per bad byte, see decodeGoUtf8). */
export function readGoText(path: string): string {
  return decodeGoUtf8(readRegularFile(path));
}
