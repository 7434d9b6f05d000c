import type { Plugin } from 'vite';

export function bundleReport(options: { budgets: { name: string; module: string; maxGzipKb: number }[] }): Plugin;
