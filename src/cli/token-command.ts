import { ApiTokenScope } from '../../schemas/index.js';
import { defaultDataDir } from '../core/index.js';
import { ApiTokens } from '../review/index.js';

/**
 * `plan-ingest token add <name> --scope read|review|admin`: makes an API
 * token for a downstream system and prints it, once (only its SHA-256 is
 * kept, in `<data dir>/api-tokens.json`, mode 0600).
 */
export async function tokenAddCommand(name: string, o: { scope: string }): Promise<void> {
  const scope = ApiTokenScope.safeParse(o.scope);
  if (!scope.success) throw new Error(`--scope must be read, review or admin, not "${o.scope}"`);
  if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(name)) throw new Error('a token name has 1 to 64 letters, digits, ".", "_" or "-"');
  const tokens = new ApiTokens(defaultDataDir());
  const token = await tokens.add(name, scope.data);
  process.stderr.write(`token ${name} (scope ${scope.data}) made; it is shown this once, send it as "Authorization: Bearer <token>":\n`);
  process.stdout.write(`${token}\n`);
}

/** `plan-ingest token list`: name, scope and creation time of every token (never the tokens). */
export async function tokenListCommand(): Promise<void> {
  const tokens = await new ApiTokens(defaultDataDir()).all();
  if (tokens.length === 0) process.stderr.write('no API tokens (plan-ingest token add <name> --scope read makes one)\n');
  for (const t of tokens) process.stdout.write(`${t.name}\t${t.scope}\t${t.created}\n`);
}

/** `plan-ingest token revoke <name>`: the token stops working at once, on running servers too. */
export async function tokenRevokeCommand(name: string): Promise<void> {
  if (!(await new ApiTokens(defaultDataDir()).revoke(name))) throw new Error(`no API token named ${name} (plan-ingest token list shows them)`);
  process.stdout.write(`token ${name} revoked\n`);
}
