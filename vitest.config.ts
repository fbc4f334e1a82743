import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The command-line tests start Node and LibreOffice as real processes.
    testTimeout: 120_000,
  },
});
