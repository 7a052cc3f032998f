import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runJob, type JobOptions, type JobResult } from './job.js';

/**
 * Runs every input, spread over worker threads when there is more than one, in input order of
 * completion. One input failing never stops the others.
 */
export async function runBatch(inputs: string[], options: JobOptions, onDone: (result: JobResult, done: number) => void, threads = availableParallelism()): Promise<JobResult[]> {
  const results: JobResult[] = [];
  const record = (result: JobResult) => {
    results.push(result);
    onDone(result, results.length);
  };
  if (inputs.length <= 1 || threads <= 1) {
    for (const input of inputs) record(await runJob(input, options));
    return results;
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
  return results;
}
