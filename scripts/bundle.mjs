// Bundles the CLI into one file (dist/cli.js): Node starts a command faster when it loads one
// module instead of fifty. The VS Code extension's bundles join this script in a later issue.
import { build } from 'esbuild';

await build({
  entryPoints: ['server/src/cli.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: 'dist/cli.js',
  sourcemap: true,
  logLevel: 'warning',
});
