/**
 * The storage port with every operation timed into the metrics (by operation, ok or error): a
 * decorator, so neither adapter knows about metrics. Each method of the port is wrapped as it is
 * read, so one added to the port later is timed too; plain values (`kind`, `atomicUnits`, the
 * change feed) pass through untouched. Not a place for retries or error translation.
 */
import { performance } from 'node:perf_hooks';
import type { Storage } from '../storage/port';
import type { Metrics } from './create-metrics';

/** Not a database round trip worth a latency figure. */
const untimed = new Set<PropertyKey>(['close']);

export function instrumentStorage(storage: Storage, metrics: Pick<Metrics, 'observeDatabase'>): Storage {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(storage, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || typeof property !== 'string' || untimed.has(property)) return value;
      let timed = wrapped.get(property);
      if (!timed) {
        const operation = value as (...args: unknown[]) => unknown;
        timed = async (...args: unknown[]) => {
          const started = performance.now();
          try {
            const result = await operation.apply(target, args);
            metrics.observeDatabase(property, (performance.now() - started) / 1000, 'ok');
            return result;
          } catch (error) {
            metrics.observeDatabase(property, (performance.now() - started) / 1000, 'error');
            throw error;
          }
        };
        wrapped.set(property, timed);
      }
      return timed;
    },
  });
}
