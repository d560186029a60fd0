import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The reliability stage of npm test (docs/reliability.md): real `tasklens start` servers killed, their database
 * stopped under them, and loaded. One file at a time: each starts servers and the machine has 2 cores.
 */
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ['reliability/**/*.test.ts'],
    globalSetup: ['reliability/support/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
