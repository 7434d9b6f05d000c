// Copies the SPA's generated API types (client/src/api/schema.gen.ts, made from client/openapi.json by
// openapi-typescript) into this package as a declaration file; `--check` fails when the copy is stale. Run from
// client/ (`npm run gen:sdk`), where openapi-typescript is installed.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const source = new URL('../../../client/src/api/schema.gen.ts', import.meta.url);
const target = new URL('../src/schema.gen.d.ts', import.meta.url);
const note = '// Copied from client/src/api/schema.gen.ts by `npm run gen:sdk` in client/. Do not edit by hand.\n';
const wanted = note + (await readFile(source, 'utf8'));

if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== wanted) {
    console.error(`${fileURLToPath(target)} is stale: run \`npm run gen:sdk\` in client/ and commit the result.`);
    process.exit(1);
  }
  console.log('sdk/typescript/src/schema.gen.d.ts matches the SPA client.');
} else {
  await writeFile(target, wanted);
  console.log(`Wrote ${fileURLToPath(target)}.`);
}
