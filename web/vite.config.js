// Vite config for the static site: relative asset paths so it works under any path (GitHub project
// pages); the build's id and file sizes defined for the code (plugins/buildInfo.js); and a service
// worker written into dist with the whole site precached (plugins/precache.js, sw/serviceWorker.js).
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { buildInfo } from './plugins/buildInfo.js';
import { precache } from './plugins/precache.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  base: './',
  plugins: [preact(), buildInfo(root), precache()],
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
