import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runJob, type JobOptions, type JobResult } from './job.js';

/**
 * Runs every input, spread over worker threads when there is more than one, handing each result to
 * `onDone` as it completes and keeping none: memory stays flat however long the batch. One input
 * failing never stops the others.
 */
export async function runBatch(inputs: string[], options: JobOptions, onDone: (result: JobResult, done: number) => void, threads = availableParallelism()): Promise<void> {
  let done = 0;
  const record = (result: JobResult) => onDone(result, ++done);
  if (inputs.length <= 1 || threads <= 1) {
    for (const input of inputs) record(await runJob(input, options));
    return;
  }
  const queue = [...inputs];
  const workers = Array.from({ length: Math.min(threads, inputs.length) }, () => new Worker(new URL('./worker.js', import.meta.url)));
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          const next = () => {
            const input = queue.shift();
            if (input === undefined) return void worker.terminate().then(() => resolve());
            worker.once('message', (result: JobResult) => {
              record(result);
              next();
            });
            worker.postMessage({ input, options });
          };
          worker.on('error', (error) => {
            record({ input: '(worker)', status: 'failed', message: `internal error: ${error.message}`, messageZh: `内部错误：${error.message}` });
            resolve();
          });
          next();
        }),
    ),
  );
}
