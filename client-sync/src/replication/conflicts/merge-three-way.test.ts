import { describe, expect, it } from 'vitest';
import { mergeThreeWay, type MergeableDocument } from './merge-three-way';

const doc = (fields: Record<string, unknown>): MergeableDocument => ({ id: 'd1', _deleted: false, ...fields });

describe('merging an offline change into the server’s newer state', () => {
  it.each([
    [
      'keeps this device’s edit of one field and the other device’s edit of another',
      { name: 'Asha', phone: '9000000000' },
      { name: 'Asha', phone: '9111111111' },
      { name: 'Asha K', phone: '9000000000' },
      { name: 'Asha K', phone: '9111111111' },
    ],
    [
      'lets this device’s edit win when both changed the same field',
      { name: 'Asha' },
      { name: 'Asha R' },
      { name: 'Asha K' },
      { name: 'Asha K' },
    ],
    [
      'takes the server’s value for a field this device did not touch',
      { name: 'Asha', addresses: [] },
      { name: 'Asha', addresses: [{ id: 'a1' }] },
      { name: 'Asha', addresses: [] },
      { name: 'Asha', addresses: [{ id: 'a1' }] },
    ],
    [
      'removes a field this device cleared',
      { name: 'Asha', phone: '9000000000' },
      { name: 'Asha R', phone: '9000000000' },
      { name: 'Asha' },
      { name: 'Asha R' },
    ],
  ])('%s', (_title, assumed, real, local, expected) => {
    expect(mergeThreeWay({ assumed: doc(assumed), real: doc(real), local: doc(local) })).toEqual(doc(expected));
  });

  it.each([
    ['adds what each side added', ['a'], ['a', 'b'], ['a', 'c'], ['a', 'b', 'c']],
    ['removes what this device removed, keeping the other’s addition', ['a', 'b'], ['a', 'b', 'c'], ['a'], ['a', 'c']],
    ['removes what the other device removed', ['a', 'b'], ['b'], ['a', 'b', 'd'], ['b', 'd']],
    ['takes everything this device has when it created the document too', undefined, ['x'], ['y'], ['x', 'y']],
  ])('merges a set field: %s', (_title, assumed, real, local, expected) => {
    const result = mergeThreeWay(
      { assumed: assumed === undefined ? undefined : doc({ productIds: assumed }), real: doc({ productIds: real }), local: doc({ productIds: local }) },
      { sets: ['productIds'] },
    );
    expect(result.productIds).toEqual(expected);
  });

  it('keeps a merged set within its cap, dropping the oldest', () => {
    const result = mergeThreeWay({ assumed: doc({ productIds: [] }), real: doc({ productIds: ['a', 'b'] }), local: doc({ productIds: ['c'] }) }, { sets: ['productIds'], maxSetSize: 2 });
    expect(result.productIds).toEqual(['b', 'c']);
  });

  it('never brings back a document the server deleted', () => {
    const real = { id: 'd1', _deleted: true };
    expect(mergeThreeWay({ assumed: doc({ name: 'A' }), real, local: doc({ name: 'B' }) })).toEqual(real);
  });

  it('keeps this device’s deletion', () => {
    expect(mergeThreeWay({ assumed: doc({ name: 'A' }), real: doc({ name: 'B' }), local: { id: 'd1', _deleted: true } })._deleted).toBe(true);
  });

  it('keeps the server’s timestamps', () => {
    const merged = mergeThreeWay({
      assumed: doc({ name: 'A', updatedAt: '2026-01-01T00:00:00.000Z' }),
      real: doc({ name: 'A', updatedAt: '2026-01-02T00:00:00.000Z' }),
      local: doc({ name: 'B', updatedAt: '2026-01-03T00:00:00.000Z' }),
    });
    expect(merged).toEqual(doc({ name: 'B', updatedAt: '2026-01-02T00:00:00.000Z' }));
  });
});
