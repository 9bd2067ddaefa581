/** Small file helpers shared by the tests. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** putFile writes data to file, creating its directory first. */
export function putFile(file: string, data: string | Uint8Array = ''): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
}
