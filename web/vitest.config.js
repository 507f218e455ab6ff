// Vitest config: tests live in ../tests/web; DOM tests opt into happy-dom per file.
import { availableParallelism } from 'node:os';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact({ prefreshEnabled: false })],
  // The tests sit outside web/, so bare imports from them must resolve from web/node_modules.
  resolve: { dedupe: ['preact', '@testing-library/preact'] },
  server: { fs: { allow: ['..'] } },
  test: {
    dir: '../tests/web',
    include: ['**/*.test.{js,jsx}'],
    globalSetup: ['../tests/web/trainedModels.setup.js'], // every model trained once per run
    environment: 'node',
    // Vitest keeps a core for its own process (one worker on two cores), which idles while the
    // files run: a file on every core ran the suite in 58 s instead of 108 s (Vitest's own count).
    maxWorkers: availableParallelism(),
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
