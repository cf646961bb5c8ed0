/** First pages pulled before the replication, handed to it once. */
import { describe, expect, it } from 'vitest';
import type { SyncTransport } from './create-http-transport';
import { prefetchPulls, withPrefetchedPulls } from './prefetched-pulls';
import type { PullAnswer } from './sync-protocol';

function countingTransport(baseUrl = 'http://sync.example', fail = false): SyncTransport & { pulls: string[] } {
  const pulls: string[] = [];
  return {
    baseUrl,
    pulls,
    async pull(collection, checkpoint, limit): Promise<PullAnswer> {
      pulls.push(`${collection}@${checkpoint ?? 'start'}/${limit}`);
      if (fail && pulls.length === 1) throw new Error('offline');
      return { documents: [{ id: `${collection}-${pulls.length}`, _deleted: false }], checkpoint: `c${pulls.length}` };
    },
    push: async () => ({ rejected: [], conflicts: [] }) as never,
  };
}

describe('prefetched pulls', () => {
  it('answers the first pull from the start with the prefetched page, without a second request', async () => {
    const transport = countingTransport();
    const prefetched = prefetchPulls(transport, ['products'], 1000);
    const replicating = withPrefetchedPulls(transport, prefetched);
    await expect(replicating.pull('products', undefined, 1000)).resolves.toEqual({ documents: [{ id: 'products-1', _deleted: false }], checkpoint: 'c1' });
    expect(transport.pulls).toEqual(['products@start/1000']);
  });

  it('gives each prefetched page once: the next pull from the start goes to the server', async () => {
    const transport = countingTransport();
    const replicating = withPrefetchedPulls(transport, prefetchPulls(transport, ['products'], 1000));
    await replicating.pull('products', undefined, 1000);
    await replicating.pull('products', undefined, 1000);
    expect(transport.pulls).toEqual(['products@start/1000', 'products@start/1000']);
  });

  it('pulls from a checkpoint, another collection or a smaller page from the server', async () => {
    const transport = countingTransport();
    const replicating = withPrefetchedPulls(transport, prefetchPulls(transport, ['products'], 1000));
    await replicating.pull('products', 'c9', 1000);
    await replicating.pull('categories', undefined, 1000);
    await replicating.pull('products', undefined, 100);
    expect(transport.pulls).toEqual(['products@start/1000', 'products@c9/1000', 'categories@start/1000', 'products@start/100']);
  });

  it('pulls again when the prefetch failed', async () => {
    const transport = countingTransport(undefined, true);
    const replicating = withPrefetchedPulls(transport, prefetchPulls(transport, ['products'], 1000));
    await expect(replicating.pull('products', undefined, 1000)).resolves.toMatchObject({ checkpoint: 'c2' });
  });

  it('ignores pages prefetched from another server', async () => {
    const prefetched = prefetchPulls(countingTransport('http://old.example'), ['products'], 1000);
    const transport = countingTransport('http://sync.example');
    await withPrefetchedPulls(transport, prefetched).pull('products', undefined, 1000);
    expect(transport.pulls).toEqual(['products@start/1000']);
  });
});
