import { parentPort, workerData } from 'node:worker_threads';
import type { BatchInput } from './files.js';
import { runJob, type JobOptions } from './job.js';

// A batch worker: receives input paths, answers each with its job's result. Bugs are reported, not thrown away.
const { options, protectedInputs } = workerData as { options: JobOptions; protectedInputs: Set<string> };
// A worker lives for one run: the output folders it resolves stay resolved.
const realFolders = new Map<string, string>();
parentPort!.on('message', async (input: BatchInput) => {
  try {
    parentPort!.postMessage(await runJob(input, options, protectedInputs, realFolders));
  } catch (error) {
    parentPort!.postMessage({ input: input.path, status: 'failed', message: `internal error: ${(error as Error).stack ?? error}`, messageZh: `内部错误：${(error as Error).message}` });
  }
});
