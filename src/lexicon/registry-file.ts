import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LearnedAliases, RegistryFile } from '../../schemas/index.js';

const SHIPPED = [new URL('../../models/agency-registry.json', import.meta.url), new URL('../../../models/agency-registry.json', import.meta.url)].map((u) => fileURLToPath(u));

let shipped: RegistryFile | null = null;

/** The shipped agency registry (models/agency-registry.json), parsed once with its schema. */
export function shippedRegistryFile(): RegistryFile {
  if (!shipped) {
    const path = SHIPPED.find((p) => existsSync(p));
    if (!path) throw new Error('the agency registry (models/agency-registry.json) is missing');
    shipped = RegistryFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  }
  return shipped;
}

/** What went wrong reading a user's file: the caller records it; the file then teaches nothing. */
export interface UserFileProblem {
  file: string;
  message: string;
}

function readUserFile<T>(dataDir: string | null, name: string, parse: (v: unknown) => T, empty: T, problems?: UserFileProblem[]): T {
  if (!dataDir) return empty;
  const file = join(dataDir, name);
  if (!existsSync(file)) return empty;
  try {
    return parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    problems?.push({ file, message: (e as Error).message.split('\n')[0] ?? String(e) });
    return empty;
  }
}

/** The user's extension of the registry (`<data dir>/agency-registry.json`); empty when there is none or it is not valid. */
export function userRegistryFile(dataDir: string | null, problems?: UserFileProblem[]): RegistryFile {
  return readUserFile(dataDir, 'agency-registry.json', (v) => RegistryFile.parse(v), RegistryFile.parse({}), problems);
}

/** Aliases reviewers taught (`<data dir>/agency-aliases.json`). */
export function learnedAliases(dataDir: string | null, problems?: UserFileProblem[]): LearnedAliases {
  return readUserFile(dataDir, 'agency-aliases.json', (v) => LearnedAliases.parse(v), [], problems);
}

/** The shipped registry and the user's extension, in that order. */
export function registryFiles(dataDir: string | null): RegistryFile[] {
  return [shippedRegistryFile(), userRegistryFile(dataDir)];
}

/** Every name and alias of the registries, one per line: correct Vietnamese for the restoration model. */
export function registryNames(dataDir: string | null): string[] {
  return registryFiles(dataDir).flatMap((f) => f.agencies.flatMap((a) => [a.name, ...a.aliases]));
}
