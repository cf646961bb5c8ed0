/** Keeps the sync benchmark runnable: a tiny run against the real server process must complete. */
import { describe, expect, it } from 'vitest';
import { startStandin, standinUnavailableReason } from '../scripts/mongo-standin/start-standin';
import { withDatabaseName } from '../scripts/mongo-standin/test-database';
import { totalOf } from './mongo-command-counts';
import { runSyncBench } from './sync';

describe('sync benchmark', () => {
  it('runs end to end at a tiny size and reports every figure', { timeout: 60_000 }, async () => {
    const lines: string[] = [];
    const result = await runSyncBench({ products: 150, pushDocs: 600, orders: 10, heavyOrders: 3, log: (line) => lines.push(line) });
    expect(result.pullDocsPerSecond).toBeGreaterThan(0);
    expect(result.pushDocsPerSecond).toBeGreaterThan(0);
    expect(result.ordersPerSecond).toBeGreaterThan(0);
    expect(lines).toHaveLength(4);
    expect(lines.find((line) => line.startsWith('worst push'))).toMatch(/event loop held at most [\d.]+ ms/);
  });

  // Its own stand-in (this file runs in the SQLite project): only the round trips, briefly.
  it.skipIf(standinUnavailableReason())('counts MongoDB round trips per operation in the server process', { timeout: 120_000 }, async () => {
    const standin = await startStandin('replset');
    try {
      const lines: string[] = [];
      const { roundTrips } = await runSyncBench({
        products: 150, pushDocs: 0, orders: 0, heavyOrders: 0, log: (line) => lines.push(line),
        mongodbUrl: withDatabaseName(standin.url, 'oa_bench_test'),
        roundTrips: { only: true, repeats: 1, idleSeconds: 1, settleMs: 100 },
      });
      const totals = Object.fromEntries(roundTrips!.operations.map((op) => [op.operation, totalOf(op.request)]));
      // Every operation reaches MongoDB; a page is read as watermark then documents (read-changes.ts).
      expect(Object.values(totals).every((total) => total > 0)).toBe(true);
      expect(roundTrips!.operations.find((op) => /^pull: next page of 100( \(|$)/.test(op.operation))!.request).toEqual({ 'aggregate _sync_sequences': 1, 'aggregate products': 1 });
      expect(roundTrips!.operations.map((op) => op.operation)).toContain('order: 3 lines (shopper)');
      // Idle, a replica set's process still follows its change stream.
      expect(roundTrips!.idle.perSecond['getMore $changeStream']).toBeGreaterThan(0);
      expect(lines.some((line) => line.startsWith('idle, one process'))).toBe(true);
    } finally {
      await standin.stop();
    }
  });
});
