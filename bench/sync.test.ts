/** Keeps the sync benchmark runnable: a tiny run against the real server process must complete. */
import { describe, expect, it } from 'vitest';
import { runSyncBench } from './sync';

describe('sync benchmark', () => {
  it('runs end to end at a tiny size and reports every figure', { timeout: 60_000 }, async () => {
    const lines: string[] = [];
    const result = await runSyncBench({ products: 150, pushDocs: 600, orders: 10, streams: 5, writes: 2, log: (line) => lines.push(line) });
    expect(result.pullDocsPerSecond).toBeGreaterThan(0);
    expect(result.pushDocsPerSecond).toBeGreaterThan(0);
    expect(result.ordersPerSecond).toBeGreaterThan(0);
    expect(result.streamDelayMs.max).toBeGreaterThanOrEqual(result.streamDelayMs.p50);
    expect(lines).toHaveLength(5);
  });
});
