/**
 * Picks the adapter from DATABASE_URL: `file:…` is the embedded SQLite file, `mongodb://` or
 * `mongodb+srv://` is MongoDB (database from the URL's path, default online_annavaram).
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StorageError } from './errors';
import type { Storage, StorageOptions } from './port';
import { openSqliteStorage } from './sqlite/open-sqlite-storage';

/** Where the server (and the operator commands) keep their data when DATABASE_URL is unset. */
export const defaultDatabaseUrl = 'file:./data/platform.db';

export type DatabaseTarget =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'mongodb'; readonly url: string };

/** Pure: what a DATABASE_URL points at, or a StorageError saying what is wrong with it. */
export function parseDatabaseUrl(url: string, cwd: string = process.cwd()): DatabaseTarget {
  const trimmed = url.trim();
  if (trimmed.startsWith('mongodb://') || trimmed.startsWith('mongodb+srv://')) return { kind: 'mongodb', url: trimmed };
  if (trimmed.startsWith('file:')) {
    const rest = trimmed.slice('file:'.length);
    if (rest === ':memory:') return { kind: 'sqlite', path: ':memory:' };
    const path = rest.startsWith('//') ? fileURLToPath(trimmed) : rest;
    if (path.length === 0) throw new StorageError('INVALID_REQUEST', 'DATABASE_URL "file:" needs a path, e.g. file:./data/platform.db');
    return { kind: 'sqlite', path: isAbsolute(path) ? path : resolve(cwd, path) };
  }
  throw new StorageError(
    'INVALID_REQUEST',
    `DATABASE_URL must start with file: (embedded SQLite), mongodb:// or mongodb+srv://; got "${trimmed.split(':')[0]}:…"`,
  );
}

export interface CreateStorageOptions extends StorageOptions {
  readonly onFeedError?: (error: unknown) => void;
  /** SQLite only: checkpoint the WAL from a worker thread this often (ms); see start-checkpointer.ts. */
  readonly checkpointIntervalMs?: number;
}

export async function createStorage(target: DatabaseTarget, options: CreateStorageOptions = {}): Promise<Storage> {
  if (target.kind === 'sqlite') return openSqliteStorage({ path: target.path, ...options });
  // Loaded only when used: an embedded set-up never loads the MongoDB driver.
  const { openMongoStorage } = await import('./mongodb/open-mongodb-storage');
  const { checkpointIntervalMs: _sqliteOnly, ...mongoOptions } = options;
  return openMongoStorage({ url: target.url, ...mongoOptions });
}
