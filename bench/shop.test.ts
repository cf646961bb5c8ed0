/** Keeps the shop benchmark runnable: a tiny run in Chromium against the real servers must complete and report every figure. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from '../e2e/harness';
import { runShopBench } from './shop';

describe.skipIf(!existsSync(chromiumPath))('shop benchmark', () => {
  it('runs end to end at a tiny size and reports every figure', { timeout: 120_000 }, async () => {
    const lines: string[] = [];
    const result = await runShopBench({ products: 200, offlineReloads: 1, log: (line) => lines.push(line) });
    expect(result.firstLoadGzipBytes).toBeGreaterThan(0);
    expect(result.syncMs).toBeGreaterThan(0);
    expect(result.firstRouteBytes).toBeGreaterThan(1000);
    expect(result.firstSyncBytes).toBeGreaterThan(1000);
    expect(result.offlineReloadMs).toHaveLength(1);
    expect(lines).toHaveLength(4);
  });
});
