#!/usr/bin/env node
'use strict';
// Entry point of the go-mod-lens command; the implementation is compiled from server/src/cli.ts.
const { runCli } = require('../server/out/src/cli.js');

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
}).then((status) => {
  process.exitCode = status;
});
