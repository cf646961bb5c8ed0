/**
 * Attempt counters in the SQLite file itself (table `_attempts`), through rate-limiter-flexible's
 * better-sqlite3 store: one atomic upsert per attempt, so every process on the file counts together.
 */
import { RateLimiterSQLite } from 'rate-limiter-flexible';
import { StorageError } from '../errors';
import type { AttemptCounter, AttemptCounterOptions } from '../port';
import { checkAttemptCounterOptions, toAttemptCounter } from '../to-attempt-counter';
import type { SqliteContext } from './context';
import { toStorageError } from './to-storage-error';

export async function createAttemptCounter(ctx: SqliteContext, options: AttemptCounterOptions): Promise<AttemptCounter> {
  checkAttemptCounterOptions(options);
  const limiter = await new Promise<RateLimiterSQLite>((resolve, reject) => {
    const created: RateLimiterSQLite = new RateLimiterSQLite(
      { storeClient: ctx.db, storeType: 'better-sqlite3', tableName: '_attempts', keyPrefix: options.name, points: options.limit, duration: options.windowSeconds },
      (error?: unknown) => (error ? reject(toStorageError(error)) : resolve(created)),
    );
  });
  return toAttemptCounter(limiter, (error) =>
    ctx.db.open ? toStorageError(error) : new StorageError('UNAVAILABLE', 'the SQLite storage is closed', { cause: error }),
  );
}
