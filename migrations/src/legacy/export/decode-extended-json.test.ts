import { describe, expect, it } from 'vitest';
import { decodeExtendedJson } from './decode-extended-json';

describe('decodeExtendedJson', () => {
  const cases: Array<[string, unknown, unknown]> = [
    ['an ObjectId becomes its lowercase hex', { $oid: '64A1B2C3D4E5F60718293A4B' }, '64a1b2c3d4e5f60718293a4b'],
    ['a relaxed date becomes ISO-8601', { $date: '2024-01-02T03:04:05Z' }, '2024-01-02T03:04:05.000Z'],
    ['a v1 numeric date', { $date: 1704164645000 }, '2024-01-02T03:04:05.000Z'],
    ['a canonical date', { $date: { $numberLong: '1704164645000' } }, '2024-01-02T03:04:05.000Z'],
    ['a decimal price', { $numberDecimal: '1299.50' }, 1299.5],
    ['a canonical int', { $numberInt: '42' }, 42],
    ['a canonical double', { $numberDouble: '4.5' }, 4.5],
    ['a safe long', { $numberLong: '9000' }, 9000],
    ['a long beyond 2^53 stays exact, as a string', { $numberLong: '9223372036854775807' }, '9223372036854775807'],
    ['a DBRef becomes the id it points at', { $ref: 'categories', $id: { $oid: '64a1b2c3d4e5f60718293a4b' } }, '64a1b2c3d4e5f60718293a4b'],
    ['plain values pass through', { name: 'Laddu', tags: ['a'], n: 1, ok: true, none: null }, { name: 'Laddu', tags: ['a'], n: 1, ok: true, none: null }],
    [
      'nested documents and arrays are decoded',
      { items: [{ product: { $oid: 'aaaaaaaaaaaaaaaaaaaaaaaa' }, qty: { $numberInt: '2' } }] },
      { items: [{ product: 'aaaaaaaaaaaaaaaaaaaaaaaa', qty: 2 }] },
    ],
    ['an object with other keys besides $oid is not a wrapper', { $oid: 'x', other: 1 }, { $oid: 'x', other: 1 }],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(decodeExtendedJson(input)).toEqual(expected);
  });
});
