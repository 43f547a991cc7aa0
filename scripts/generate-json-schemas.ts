/**
 * Writes the published JSON Schema files into schemas/ from the zod schemas
 * (`npm run schemas`). A test fails when the committed files are stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PUBLISHED_SCHEMAS, toJsonSchema } from '../schemas/index.js';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
for (const name of Object.keys(PUBLISHED_SCHEMAS) as (keyof typeof PUBLISHED_SCHEMAS)[]) {
  writeFileSync(`${dir}${name}`, `${JSON.stringify(toJsonSchema(name), null, 2)}\n`);
  console.log(`schemas/${name}`);
}
