import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withGetManyByRange, type CoreTable } from './get-many-by-range';

/** Dexie's lower level as IndexedDB answers it: documents by primary key `id`, requests counted. */
function createTable(ids: readonly string[]): CoreTable & { requests: Record<string, number> } {
  const rows = new Map(ids.map((id) => [id, { id, name: `doc ${id}` }]));
  const requests = { getMany: 0, count: 0, query: 0 };
  const inRange = (range: { lower: unknown; upper: unknown }) =>
    [...rows.values()].filter((row) => row.id >= (range.lower as string) && row.id <= (range.upper as string)).sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    requests,
    schema: { primaryKey: { extractKey: (value) => (value as { id: string }).id } },
    async getMany({ keys }) {
      requests.getMany++;
      return keys.map((key) => rows.get(key as string));
    },
    async count({ query }) {
      requests.count++;
      return inRange(query.range).length;
    },
    async query({ query }) {
      requests.query++;
      return { result: inRange(query.range) };
    },
  };
}

const ids = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `p-${String(from + i).padStart(5, '0')}`);

describe('reading many documents by id in one range read', () => {
  it('answers a first sync’s reads into an empty table without reading each id', async () => {
    const table = createTable([]);
    const found = await withGetManyByRange(table).getMany({ trans: {}, keys: ids(0, 2000) });
    expect(found).toHaveLength(2000);
    expect(found.every((doc) => doc === undefined)).toBe(true);
    expect(table.requests).toEqual({ getMany: 0, count: 1, query: 0 });
  });

  it('reads the range once when it holds about the documents asked for, in the order asked, missing ones undefined', async () => {
    const table = createTable(ids(0, 100));
    const keys = [...ids(50, 150)].reverse();
    const found = await withGetManyByRange(table).getMany({ trans: {}, keys });
    expect(found.map((doc) => (doc as { id: string } | undefined)?.id)).toEqual(keys.map((key) => (key < 'p-00100' ? key : undefined)));
    expect(table.requests).toEqual({ getMany: 0, count: 1, query: 1 });
  });

  it('reads by id when the range holds many other documents (a few updates across a large catalogue)', async () => {
    const table = createTable(ids(0, 10_000));
    const keys = ids(0, 10_000).filter((_, i) => i % 100 === 0);
    const found = await withGetManyByRange(table).getMany({ trans: {}, keys });
    expect(found.map((doc) => (doc as { id: string }).id)).toEqual(keys);
    expect(table.requests.getMany).toBe(1);
    expect(table.requests.query).toBe(0);
  });

  it('leaves small reads and keys that are not strings to Dexie', async () => {
    const table = createTable(ids(0, 10));
    await withGetManyByRange(table).getMany({ trans: {}, keys: ids(0, 5) });
    await withGetManyByRange(table).getMany({ trans: {}, keys: [...ids(0, 40), 7] });
    expect(table.requests).toEqual({ getMany: 2, count: 0, query: 0 });
  });

  it('always answers what reading each id would', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 120 }),
        fc.array(fc.string({ maxLength: 6 }), { minLength: 0, maxLength: 120 }),
        async (stored, asked) => {
          const table = createTable(stored);
          const expected = await table.getMany({ trans: {}, keys: asked });
          expect(await withGetManyByRange(table).getMany({ trans: {}, keys: asked })).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
