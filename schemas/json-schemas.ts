import { z } from 'zod';
import { Document } from './document.js';
import { ChangeEntry } from './queue.js';
import { Assignment, Indicator } from './records.js';

/**
 * The JSON Schema files published in schemas/ (file name → zod schema).
 * `npm run schemas` writes them; a test fails when they are stale.
 */
export const PUBLISHED_SCHEMAS = {
  'document.schema.json': Document,
  'indicator.schema.json': Indicator,
  'assignment.schema.json': Assignment,
  'change-entry.schema.json': ChangeEntry,
} as const;

/** JSON Schema (draft 2020-12) for one published schema. */
export function toJsonSchema(name: keyof typeof PUBLISHED_SCHEMAS): Record<string, unknown> {
  const schema = z.toJSONSchema(PUBLISHED_SCHEMAS[name], { target: 'draft-2020-12', io: 'output' });
  return { $id: `urn:plan-ingest:schema:${name}`, title: name.replace('.schema.json', ''), ...schema };
}
