/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { bundleReport } from './scripts/bundle-report.mjs';

// `npm run dev` serves the SPA on :5173 and forwards the API's paths to it (./run.sh serves it on :5080).
const api = process.env.API_URL ?? 'http://127.0.0.1:5080';
const proxied = ['/api', '/health', '/.well-known', '/swagger'];

export default defineConfig({
  plugins: [
    react(),
    bundleReport({
      budgets: [{ name: 'landing (/)', module: 'src/features/landing/LandingPage.tsx', maxGzipKb: 200 }],
    }),
  ],
  build: {
    // The API serves the SPA from its web root (src/WebApi/wwwroot, git-ignored).
    outDir: '../src/WebApi/wwwroot',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The timings warning reports the CSS plugins' work on every build: noise here.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: api, changeOrigin: false }])),
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: { modules: { classNameStrategy: 'non-scoped' } },
    restoreMocks: true,
    // Five seconds by default; the asynchronous queries above may wait up to ten on a busy machine.
    testTimeout: 30_000,
  },
});
