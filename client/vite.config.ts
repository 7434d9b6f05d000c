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
    // Budgets for a busy machine (two cores shared with builds): a component test that needs this long is slow, not
    // broken; a broken one still fails.
    testTimeout: 30_000,
  },
});
