// A Vite plugin that prints, after every production build, each JavaScript chunk's gzipped size and what each
// budgeted route costs on first load (its chunk, the entry, and everything they import statically), and fails
// the build when a route is over its budget. The landing page must stay within 200 KB of gzipped JavaScript.
import { gzipSync } from 'node:zlib';
import path from 'node:path';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** @param {{ budgets: { name: string, module: string, maxGzipKb: number }[] }} options */
export function bundleReport({ budgets }) {
  return {
    name: 'bundle-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const gzip = new Map(chunks.map((chunk) => [chunk.fileName, gzipSync(chunk.code, { level: 9 }).length]));
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const entry = chunks.find((chunk) => chunk.isEntry);

      const closure = (start) => {
        const seen = new Set();
        const visit = (fileName) => {
          if (seen.has(fileName)) return;
          seen.add(fileName);
          for (const imported of byFile.get(fileName)?.imports ?? []) visit(imported);
        };
        start.forEach(visit);
        return seen;
      };

      const rows = chunks
        .map((chunk) => ({ file: chunk.fileName, raw: Buffer.byteLength(chunk.code), gz: gzip.get(chunk.fileName) }))
        .sort((a, b) => b.gz - a.gz);
      const width = Math.max(...rows.map((row) => row.file.length));
      const lines = ['', 'JavaScript chunks (gzipped):'];
      for (const row of rows) lines.push(`  ${row.file.padEnd(width)}  ${kb(row.gz).padStart(9)}  (${kb(row.raw)} raw)`);
      lines.push(`  ${'total'.padEnd(width)}  ${kb(rows.reduce((sum, row) => sum + row.gz, 0)).padStart(9)}`);

      const failures = [];
      lines.push('', 'First-load JavaScript per route (gzipped):');
      for (const budget of budgets) {
        const target = path.resolve(budget.module);
        const routeChunk = chunks.find((chunk) => chunk.facadeModuleId && path.resolve(chunk.facadeModuleId) === target);
        if (!entry || !routeChunk) {
          failures.push(`${budget.name}: no chunk is built from ${budget.module}; is it still lazily imported?`);
          continue;
        }
        const files = closure([entry.fileName, routeChunk.fileName]);
        const total = [...files].reduce((sum, file) => sum + (gzip.get(file) ?? 0), 0);
        const ok = total <= budget.maxGzipKb * 1024;
        lines.push(
          `  ${budget.name}: ${kb(total)} of ${budget.maxGzipKb} KB budget ${ok ? 'OK' : 'OVER BUDGET'} (${files.size} files)`,
        );
        if (!ok) failures.push(`${budget.name} loads ${kb(total)} of JavaScript, over its ${budget.maxGzipKb} KB budget.`);
      }
      console.log(lines.join('\n') + '\n');
      if (failures.length > 0) this.error(failures.join('\n'));
    },
  };
}
