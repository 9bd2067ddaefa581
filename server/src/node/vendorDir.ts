/** Whether a module has a vendor directory (the go command's test for vendoring: os.Stat of dir/vendor is a directory). */
import { statSync } from 'node:fs';
import { join } from 'node:path';

export function hasVendorDir(moduleDir: string): boolean {
  return statSync(join(moduleDir, 'vendor'), { throwIfNoEntry: false })?.isDirectory() ?? false;
}
