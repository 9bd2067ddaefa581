/** Reading workspace files from disk, decoded as Go decodes them. */
import { readFileSync } from 'node:fs';
import { decodeGoUtf8 } from '../syntax/text';

/** readGoText reads a file as text with Go's treatment of invalid UTF-8 (one U+FFFD per bad byte). */
export function readGoText(path: string): string {
  return decodeGoUtf8(readFileSync(path));
}
