import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fileIdentity, makeDirectory, removeTempFiles, type BatchInput } from './files.js';
import type { JobOptions, JobResult } from './job.js';
import { systemReason } from '@report-convert/core/systemError';

/**
 * Inputs a worker holds at once. A job reads and writes synchronously, so one is enough; two in
 * flight interleave at the writers' awaits and measured no faster (33 against 36 reports/s, within
 * this machine's run-to-run noise).
 */
const IN_FLIGHT = 1;

export interface BatchControl {
  /** Worker threads; the number of cores by default. */
  threads?: number;
  /** Stops the batch: no new input starts, and workers are stopped before the returned promise settles. */
  signal?: AbortSignal;
}

/**
 * Runs every input, spread over worker threads when there is more than one, handing each result to
 * `onDone` as it completes and keeping none: memory stays flat however long the batch. One input
 * failing, even by crashing its worker, never stops the others. Stopped, it removes what it left half-written.
 */
export async function runBatch(inputs: BatchInput[], batchOptions: Omit<JobOptions, 'runId'>, onDone: (result: JobResult, done: number) => void, { threads = availableParallelism(), signal }: BatchControl = {}): Promise<void> {
  const options: JobOptions = { ...batchOptions, runId: randomBytes(6).toString('hex') };
  const protectedInputs = new Set(inputs.map((input) => fileIdentity(input.path)).filter((identity) => identity !== undefined));
  let done = 0;
  const record = (result: JobResult) => onDone(result, ++done);
  try {
    makeDirectory(options.outDir);
  } catch (error) {
    const why = systemReason(error);
    for (const { path: input } of inputs) record({ input, status: 'failed', message: `cannot create the output directory ${options.outDir} (${why.en})`, messageZh: `无法创建输出目录 ${options.outDir}（${why.zh}）` });
    return;
  }
  if (inputs.length <= 1 || threads <= 1) {
    // Loaded here, not at the top: a batch's main thread only hands out paths and never needs the converters.
    const { runJob } = await import('./job.js');
    const realFolders = new Map<string, string>();
    for (const input of inputs) {
      if (signal?.aborted) return;
      record(await runJob(input, options, protectedInputs, realFolders));
    }
    return;
  }
  let next = 0;
  const live = new Set<Worker>();
  signal?.addEventListener('abort', () => {
    next = inputs.length;
    for (const worker of live) void worker.terminate();
  });
  // Options and the inputs not to overwrite go to each worker once, not with every input.
  const workerData = { options, protectedInputs };
  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData });
      live.add(worker);
      const inFlight = new Set<string>();
      let ended = false;
      const feed = () => {
        while (inFlight.size < IN_FLIGHT && next < inputs.length) {
          const input = inputs[next++]!;
          inFlight.add(input.path);
          worker.postMessage(input);
        }
        if (inFlight.size === 0 && !ended) {
          ended = true;
          void worker.terminate().then(() => {
            live.delete(worker);
            resolve();
          });
        }
      };
      worker.on('message', (result: JobResult) => {
        inFlight.delete(result.input);
        record(result);
        feed();
      });
      const died = (why: string) => {
        live.delete(worker);
        if (ended) return;
        ended = true;
        if (signal?.aborted) return resolve(); // stopped on purpose: its input is neither done nor failed
        for (const input of inFlight) record({ input, status: 'failed', message: `internal error: ${why}`, messageZh: `内部错误：${why}` });
        // The rest of the queue goes on in a fresh worker.
        resolve(next < inputs.length ? runWorker() : undefined);
      };
      worker.on('error', (error) => died(error.message));
      worker.on('exit', (code) => died(`the worker stopped (exit code ${code})`));
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(threads, inputs.length) }, runWorker));
  // The workers are stopped: nothing is being written. (In this thread, a job writes synchronously and leaves nothing half-written.)
  if (signal?.aborted) removeTempFiles(inputs, options.outDir, options.runId);
}
