/** Keeps the peers' workload runnable and its dataset the one the peers were measured on. */
import { describe, expect, it } from 'vitest';
import { generate, generatePushDocs, sha256 } from './dataset.mjs';
import { runPeersWorkload } from './peers-workload';

describe("the peers' workload", () => {
  it('generates the byte-identical dataset the other sync servers were measured on', () => {
    // The figure dataset.mjs printed where it was given (../shared/bench): 10,000 products, 9,873,172 bytes.
    const json = JSON.stringify(generate());
    expect(json.length).toBe(9_873_172);
    expect(sha256(json)).toBe('3c09983c13ff0c199cddd3bc3298818552ee81bc6f10e6fc21d6d68d0cb10327');
    expect(new Set(generatePushDocs().map((doc) => doc.id)).size).toBe(2000);
  });

  it('runs end to end at a tiny size, the server agreeing with the bare pager on what a shopper sees', { timeout: 60_000 }, async () => {
    const lines: string[] = [];
    const result = await runPeersWorkload({ products: 300, pushDocs: 200, streams: [5], writes: 2, pullRounds: 1, log: (line) => lines.push(line) });
    expect(result.pulls.map((pull) => pull.pageSize)).toEqual([100, 1000]);
    // About one in ten of the dataset's products is inactive, which a shopper does not see.
    expect(result.pulls[0]!.documents).toBeGreaterThan(240);
    expect(result.pulls[0]!.documents).toBeLessThan(300);
    expect(result.pulls.every((pull) => pull.docsPerSecond > 0 && pull.bareDocsPerSecond > 0)).toBe(true);
    expect(result.pushDocsPerSecond).toBeGreaterThan(0);
    expect(result.streams[0]!.max).toBeGreaterThanOrEqual(result.streams[0]!.p50);
    expect(lines).toHaveLength(4);
  });
});
