import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['logs.fixture.ts'],
    setupFiles: ['../console-trap.ts'],
  },
});
