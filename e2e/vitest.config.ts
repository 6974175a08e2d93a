import { defineConfig } from 'vitest/config';

// End-to-end flows in Chromium against the real server. One file at a time: each starts its own Haven.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
