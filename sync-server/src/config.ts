/**
 * The server's configuration, from the environment, parsed once at start. Anything wrong stops
 * the server with every problem listed, rather than failing later on the first request.
 */
import { z } from 'zod';
import { StorageError } from './storage/errors';
import { parseDatabaseUrl, type DatabaseTarget } from './storage/create-storage';

export const defaultDatabaseUrl = 'file:./data/platform.db';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly database: DatabaseTarget;
}

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).default(defaultDatabaseUrl),
});

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Bad configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd: string = process.cwd()): Config {
  // An empty variable means "not set", as it does in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const { PORT, HOST, DATABASE_URL } = parsed.data;
  let database: DatabaseTarget;
  try {
    database = parseDatabaseUrl(DATABASE_URL, cwd);
  } catch (error) {
    if (error instanceof StorageError) throw new ConfigError([error.message]);
    throw error;
  }
  return { port: PORT, host: HOST, databaseUrl: DATABASE_URL, database };
}
