import { describe, expect, it } from 'vitest';
import { checkUnit } from './check-unit';
import type { UnitWrite } from './port';

const write = (collection: UnitWrite['collection'], id: string, docId = id): UnitWrite => ({
  collection,
  id,
  expectedSeq: null,
  doc: { id: docId, _deleted: false },
});

describe('checkUnit', () => {
  it('accepts one state per document, the same id in two collections included', () => {
    expect(() => checkUnit([write('orders', 'o1'), write('payments', 'o1'), write('products', 'p1')])).not.toThrow();
  });

  it.each([
    ['a document twice', [write('products', 'p1'), write('products', 'p1')], /twice/],
    ['a document whose id is not the write id', [write('orders', 'o1', 'o2')], /does not match/],
  ])('refuses %s with INVALID_REQUEST', (_name, writes, message) => {
    expect(() => checkUnit(writes)).toThrow(expect.objectContaining({ code: 'INVALID_REQUEST', message: expect.stringMatching(message) }));
  });
});
