import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

/** Tests import sibling packages from source, so a change in core is seen without a rebuild. */
export default defineConfig({
  resolve: {
    alias: {
      // Before the package itself: the first matching alias wins.
      '@report-convert/core/node': fileURLToPath(new URL('./packages/core/src/node/index.ts', import.meta.url)),
      '@report-convert/core/outputCreator': fileURLToPath(new URL('./packages/core/src/outputCreator.ts', import.meta.url)),
      '@report-convert/core/systemError': fileURLToPath(new URL('./packages/core/src/systemError.ts', import.meta.url)),
      '@report-convert/core': pkg('core'),
      '@report-convert/to-docx': pkg('to-docx'),
      '@report-convert/to-xlsx': pkg('to-xlsx'),
      '@report-convert/to-pdf/fonts': fileURLToPath(new URL('./packages/to-pdf/src/fonts.ts', import.meta.url)),
      '@report-convert/to-pdf/linebreak': fileURLToPath(new URL('./packages/to-pdf/src/linebreak.ts', import.meta.url)),
      '@report-convert/to-pdf': pkg('to-pdf'),
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
