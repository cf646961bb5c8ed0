/**
 * Attempt counters in the shared database (collection `_attempts`), through rate-limiter-flexible's
 * MongoDB store: one findOneAndUpdate upsert per attempt, so every server process counts together;
 * a TTL index removes ended windows. Its indexes are built here, awaited, not in the background.
 */
import { RateLimiterMongo } from 'rate-limiter-flexible';
import type { AttemptCounter, AttemptCounterOptions } from '../port';
import { checkAttemptCounterOptions, toAttemptCounter } from '../to-attempt-counter';
import type { MongoContext } from './context';
import { toStorageError } from './to-storage-error';

export async function createAttemptCounter(ctx: MongoContext, options: AttemptCounterOptions): Promise<AttemptCounter> {
  checkAttemptCounterOptions(options);
  const limiter = new RateLimiterMongo({
    storeClient: ctx.client,
    dbName: ctx.db.databaseName,
    tableName: '_attempts',
    keyPrefix: options.name,
    points: options.limit,
    duration: options.windowSeconds,
    disableIndexesCreation: true,
  });
  try {
    await limiter.createIndexes();
  } catch (error) {
    throw toStorageError(error);
  }
  return toAttemptCounter(limiter, toStorageError);
}
