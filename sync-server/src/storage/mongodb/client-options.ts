/**
 * The driver options the adapter adds to an operator's URL: time limits on every operation, each
 * only where the URL (or the caller) does not set it. Pure; the URL is never rewritten.
 */
import type { MongoClientOptions } from 'mongodb';

/**
 * Time limits on every operation, unless the URL or the caller sets them (driver 7 ignores the
 * client-side `timeoutMS`, so the classic options are the bound). Without them an unreachable
 * primary holds a request for 30 s and a lagging majority for as long as it lags; with them the
 * request fails with UNAVAILABLE, which the HTTP edge answers 503 DATABASE_UNAVAILABLE with
 * Retry-After. A change stream's getMore waits at most a second (maxAwaitTimeMS), well inside
 * the socket timeout.
 */
export const defaultTimeouts = {
  /** Finding a primary (default 30 s in the driver). */
  serverSelectionTimeoutMS: 5_000,
  /** Waiting for a pooled connection when every one is busy (default: forever). */
  waitQueueTimeoutMS: 5_000,
  /** Silence on a connection in the middle of an operation (default: forever). */
  socketTimeoutMS: 15_000,
  /** A majority acknowledging a write (majority writes, see context.ts). */
  wtimeoutMS: 5_000,
} as const;

/**
 * Pure: the client options with each of defaultTimeouts added where neither the URL nor the
 * given options name it (options given in code would override the URL's in the driver, so a
 * default is only added when the URL is silent: an operator's URL always wins).
 */
export function withDefaultTimeouts(url: string, clientOptions: MongoClientOptions = {}): MongoClientOptions {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  const inUrl = new Set([...new URLSearchParams(query).keys()].map((name) => name.toLowerCase()));
  const given = new Set(Object.keys(clientOptions).map((name) => name.toLowerCase()));
  const added = Object.entries(defaultTimeouts).filter(([name]) => !inUrl.has(name.toLowerCase()) && !given.has(name.toLowerCase()));
  return { ...Object.fromEntries(added), ...clientOptions };
}
