import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The command-line tests start Node and LibreOffice as real processes.
    testTimeout: 120_000,
    // Test files share their worker's modules: the Open XML SDK validator's WebAssembly runtime
    // (about 3 s to start) starts once per worker, not once per file. No test changes global state.
    isolate: false,
    // Vitest's own default leaves one core free, which on a 2-core machine runs the files one at a
    // time (108 s against 73 s here): most tests wait on a browser, LibreOffice or npm anyway.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
