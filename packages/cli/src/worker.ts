import { parentPort } from 'node:worker_threads';
import { runJob, type JobOptions } from './job.js';

// A batch worker: receives { input, options }, answers with the job's result. Bugs are reported, not thrown away.
parentPort!.on('message', async ({ input, options }: { input: string; options: JobOptions }) => {
  try {
    parentPort!.postMessage(await runJob(input, options));
  } catch (error) {
    parentPort!.postMessage({ input, status: 'failed', message: `internal error: ${(error as Error).stack ?? error}`, messageZh: `内部错误：${(error as Error).message}` });
  }
});
