#!/usr/bin/env node
'use strict';
// Entry point of the go-mod-lens command: the bundled CLI (dist/cli.js, from npm run build), or
// the compiled sources when they are newer (during development, after a plain `tsc -b`).
const { statSync } = require('node:fs');
const { join } = require('node:path');

const mtime = (p) => statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? -1;
const bundled = join(__dirname, '../dist/cli.js');
const compiled = join(__dirname, '../server/out/src/cli.js');
// tsc -b rewrites .tsbuildinfo whenever any output changed, so it dates the compiled tree as a whole.
const compiledAt = Math.max(mtime(compiled), mtime(join(__dirname, '../server/out/.tsbuildinfo')));
const { runCli, processIO } = require(mtime(bundled) >= compiledAt ? bundled : compiled);

runCli(process.argv.slice(2), processIO()).then((status) => {
  process.exitCode = status;
});
