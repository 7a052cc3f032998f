#!/usr/bin/env node
// The command's entry point, outside dist/ so that npm links it at install, before the first build.
try {
  await import('../dist/bin.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/bin.js')) throw error;
  process.stderr.write('report-convert is not built yet: run `npm run build` at the top of the repository.\n');
  process.exitCode = 2;
}
