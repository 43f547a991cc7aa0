import { z } from 'zod';

/**
 * What an API token may do, each scope including the ones before it:
 * `read` (every GET of the API), `review` (also edits, as a reviewer would),
 * `admin` (also the queue dashboard).
 */
export const ApiTokenScope = z.enum(['read', 'review', 'admin']);
export type ApiTokenScope = z.infer<typeof ApiTokenScope>;

/**
 * An API token for a downstream system, as `<data dir>/api-tokens.json`
 * keeps it: never the token itself, only its SHA-256 (the token is 32
 * random bytes, so a fast hash is enough: there is nothing to guess).
 */
export const ApiToken = z.object({
  name: z.string().regex(/^[\p{L}\p{N}._-]{1,64}$/u),
  scope: ApiTokenScope,
  /** SHA-256 of the token, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  created: z.string(),
});
export type ApiToken = z.infer<typeof ApiToken>;
