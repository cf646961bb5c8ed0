/** Keeps the storage benchmark runnable: a tiny run must complete and report sane figures. */
import { describe, expect, it } from 'vitest';
import { runStorageBench } from './storage';

describe('storage benchmark', () => {
  it('runs end to end at a tiny size and reports every figure', async () => {
    const lines: string[] = [];
    const result = await runStorageBench({ pullDocs: 300, largeDocs: 1500, pageSize: 100, log: (line) => lines.push(line) });
    expect(result.pullDocsPerSecond).toBeGreaterThan(0);
    expect(result.createsPerSecond).toBeGreaterThan(0);
    expect(result.updatesPerSecond).toBeGreaterThan(0);
    expect(result.orderUnitsPerSecond.alone).toBeGreaterThan(0);
    expect(result.orderUnitsPerSecond.tenAtOnce).toBeGreaterThan(0);
    expect(result.pageReadMs.large.docs).toBe(1500);
    expect(lines.some((line) => line.startsWith('pull of 300 documents'))).toBe(true);
  });
});
