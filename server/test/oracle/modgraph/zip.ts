/**
 * writeModuleZip writes module zips the go command accepts (stored entries, no compression):
 * `path@version/go.mod` and any other files. `go get` downloads the zip of the module it is asked
 * for (to look for a package at its path), so the proxy of a what-if scenario needs one per
 * version; `go mod tidy` reads the packages in them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Materialized, materialize } from './materialize';
import { Scenario, escapeModulePath, goModText } from './scenario';

const table = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const b of data) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function writeModuleZip(file: string, path: string, version: string, goMod: string, files: Record<string, string> = {}): void {
  const entries = [['go.mod', goMod], ...Object.entries(files)].map(([n, text]) => ({ name: Buffer.from(`${path}@${version}/${n}`), data: Buffer.from(text) }));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6); // needed
    central.writeUInt16LE(0x21, 14); // flags, method, time: 0; date 1980-01-01
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42); // extra, comment, disk, attributes: 0; then the local header's offset
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...locals, ...centrals, end]));
}

/** materializeWithZips materializes s and adds a module zip for every version its proxy serves (go get downloads them). */
export function materializeWithZips(s: Scenario, root: string): Materialized {
  const m = materialize(s, root);
  for (const v of s.modules) {
    const dir = join(m.proxy, escapeModulePath(v.path), '@v');
    writeModuleZip(join(dir, `${escapeModulePath(v.version)}.zip`), v.path, v.version, goModText(v.declares === undefined ? v.path : v.declares, v, '../local'));
  }
  return m;
}
