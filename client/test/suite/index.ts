/**
 * index is the extension-tests entry VS Code calls (--extensionTestsPath): it runs the suite file
 * named by $GML_SUITE with mocha (an ES module, hence the dynamic import) inside the extension host.
 */
import { join } from 'node:path';

export async function run(): Promise<void> {
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: !process.env.NO_COLOR, reporter: 'spec' });
  mocha.addFile(join(__dirname, `${process.env.GML_SUITE ?? 'replaceChain'}.test.js`));
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} test(s) failed`);
}
