import { defineConfig } from 'vitest/config';

// One fast-check seed for every property (FC_SEED or a fixed default), printed on failure.
const FC_SETUP = './tests/support/fast-check-seed.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/fault/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
          setupFiles: [FC_SETUP],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          setupFiles: [FC_SETUP],
          // Each e2e file starts its own processes and browser; two cores, so one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
