/** Small file helpers shared by the tests. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** putFile writes data to file, creating its directory first. */
export function putFile(file: string, data: string | Uint8Array = ''): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
}

/** putOsvEntry writes a made-up Go vulnerability entry (OSV) for one module into dir, as a database of OSV files holds it. */
export function putOsvEntry(dir: string, id: string, module: string, summary: string, events: Record<string, string>[]): void {
  putFile(join(dir, `${id}.json`), JSON.stringify({
    schema_version: '1.3.1', id, modified: '2099-01-01T00:00:00Z', summary,
    affected: [{ package: { name: module, ecosystem: 'Go' }, ranges: [{ type: 'SEMVER', events }] }],
  }));
}
