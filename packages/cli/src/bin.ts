#!/usr/bin/env node
import { buffer } from 'node:stream/consumers';
import { main } from './cli.js';

const exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: async () => new Uint8Array(await buffer(process.stdin)),
  writeStdout: (bytes) => process.stdout.write(bytes),
  tty: Boolean(process.stderr.isTTY),
});
process.exitCode = exitCode;
