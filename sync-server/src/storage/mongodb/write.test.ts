import { collections } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { toBlocks, toDuplicate } from './write';

describe('toDuplicate', () => {
  it('names the declared index whose fields the server reported', () => {
    expect(toDuplicate({ slug: 1 }, collections.products.indexes)).toEqual({ kind: 'duplicate', index: 'products_slug', fields: ['slug'] });
  });

  it('answers an unknown index with an empty name and the reported fields', () => {
    expect(toDuplicate({ sku: 1, size: 1 }, collections.products.indexes)).toEqual({ kind: 'duplicate', index: '', fields: ['sku', 'size'] });
    expect(toDuplicate(undefined, collections.products.indexes)).toEqual({ kind: 'duplicate', index: '', fields: [] });
  });
});

describe('toBlocks', () => {
  const ids = (blocks: Array<Array<{ id: string }>>) => blocks.map((block) => block.map((request) => request.id));

  it('cuts a batch into blocks of the given size, in order', () => {
    const requests = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
    expect(ids(toBlocks(requests, 2))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(toBlocks([], 2)).toEqual([]);
  });

  it('starts a new block when a document comes again, so its writes run one after the other', () => {
    const requests = ['a', 'b', 'a', 'c', 'b'].map((id) => ({ id }));
    expect(ids(toBlocks(requests, 64))).toEqual([['a', 'b'], ['a', 'c', 'b']]);
  });
});
