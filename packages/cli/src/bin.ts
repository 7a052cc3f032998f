#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { buffer } from 'node:stream/consumers';
import { main } from './cli.js';

// A batch runs a worker per core, each with its own V8 heap. The writers allocate fast, and V8 then
// lets a heap grow to several times what is live (34 MB); 115% growth keeps each worker near what it
// uses. 5,000 generated reports on 2 cores: V8's default 520+ MB peak RSS; 130% 405 MB at 42.2/s;
// 115% 386 MB at 41.9/s; 100% 373 MB at 39.2/s. Workers started later take the flag; one given on
// the command line wins.
// Each worker's V8 compiles the writers' and readers' large functions anew, in the background on the same two
// cores, for the first few hundred reports (about 3.5 s of CPU in a batch of 100); inlining half as much into each
// keeps those compilations small. Alternating runs, 2026-11-29: CPU for 100 reports 13.9 → 12.8–13.8 s; 1,000:
// 65.7–66.8 → 61.7–63.0 s; 5,000: 235 → 220 s (41.3 → 44.0 reports/s). Half again (230) did no better.
const V8_FLAGS = { '--heap-growing-percent': 115, '--max-inlined-bytecode-size-cumulative': 460 };
for (const [flag, value] of Object.entries(V8_FLAGS)) if (!process.execArgv.some((arg) => arg.startsWith(flag))) setFlagsFromString(`${flag}=${value}`);

// A reader that stops reading (`report-convert check archive/ | head`) closes the pipe. Then write no
// more and stop: a batch as after Ctrl-C, so nothing is left half-written; anything else at once, as
// it writes no file. Never Node's stack trace for an unhandled EPIPE.
let pipeClosed = false;
let stopBatch: (() => void) | undefined;
const onPipeError = (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  if (pipeClosed) return;
  pipeClosed = true;
  if (stopBatch) stopBatch();
  else process.exit(process.exitCode ?? 0);
};
process.stdout.on('error', onPipeError);
process.stderr.on('error', onPipeError);
const write = (stream: NodeJS.WriteStream) => (s: string | Uint8Array) => void (pipeClosed || stream.write(s));

const exitCode = await main(process.argv.slice(2), {
  stdout: write(process.stdout),
  stderr: write(process.stderr),
  stdin: async () => new Uint8Array(await buffer(process.stdin)),
  writeStdout: write(process.stdout),
  tty: Boolean(process.stderr.isTTY),
  stdoutIsTerminal: Boolean(process.stdout.isTTY),
  // The first Ctrl-C stops the batch cleanly (exit 130, 143 for SIGTERM); a second one kills at once, as usual.
  onInterrupt: (stop) => {
    stopBatch = stop;
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  },
});
process.exitCode = exitCode;
