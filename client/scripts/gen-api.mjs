// Generates src/api/schema.gen.ts from openapi.json (the API's document, kept in step by the .NET test
// OpenApiSnapshotTests). `--check` regenerates in memory and fails when the checked-in file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('../', import.meta.url);
const documentUrl = new URL('openapi.json', root);
const outputUrl = new URL('src/api/schema.gen.ts', root);
const header =
  '// Generated from client/openapi.json by `npm run gen:api` (openapi-typescript). Do not edit by hand:\n' +
  '// refresh openapi.json with `UPDATE_OPENAPI_SNAPSHOT=1 dotnet test tests/WebApi.Tests --filter OpenApiSnapshot`,\n' +
  '// then run `npm run gen:api`.\n\n';

const document = JSON.parse(await readFile(documentUrl, 'utf8'));
const ast = await openapiTS(document, { alphabetize: false, exportType: false, defaultNonNullable: false });
const generated = header + astToString(ast);

if (process.argv.includes('--check')) {
  const current = await readFile(outputUrl, 'utf8').catch(() => '');
  if (current !== generated) {
    console.error(
      `${fileURLToPath(outputUrl)} is stale relative to client/openapi.json.\n` +
        'Run `npm run gen:api` in client/ and commit the result.',
    );
    process.exit(1);
  }
  console.log('src/api/schema.gen.ts matches openapi.json.');
} else {
  await writeFile(outputUrl, generated);
  console.log(`Wrote ${fileURLToPath(outputUrl)}.`);
}
