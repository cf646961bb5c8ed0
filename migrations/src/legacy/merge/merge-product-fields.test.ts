import { describe, expect, it } from 'vitest';
import { mergeProductFields } from './merge-product-fields';
import type { LegacyProductFields } from './read-legacy-product';

describe('mergeProductFields', () => {
  it.each<[string, LegacyProductFields | undefined, LegacyProductFields | undefined, LegacyProductFields]>([
    ['admin wins price, stock and isActive', { price: 60, stock: 5, isActive: false }, { price: 55, stock: 9, isActive: true }, { price: 60, stock: 5, isActive: false }],
    ['the user side fills gaps', { name: 'Laddu', price: 60 }, { name: 'laddu', description: 'Sweet', unit: '250 g' }, { name: 'Laddu', price: 60, description: 'Sweet', unit: '250 g' }],
    ['an empty admin image list is a gap', { images: [] }, { images: ['/u.jpg'] }, { images: ['/u.jpg'] }],
    ['a zero stock on the admin side is a value, not a gap', { stock: 0 }, { stock: 4 }, { stock: 0 }],
    ['ratings come from the user side', { ratingAverage: 1, ratingCount: 1 }, { ratingAverage: 4.5, ratingCount: 12 }, { ratingAverage: 4.5, ratingCount: 12 }],
    ['ratings fall back to the admin side', { ratingAverage: 3 }, {}, { ratingAverage: 3 }],
    [
      'earliest creation, latest update',
      { createdAt: '2024-02-01T00:00:00.000Z', updatedAt: '2024-03-01T00:00:00.000Z' },
      { createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-04-01T00:00:00.000Z' },
      { createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-04-01T00:00:00.000Z' },
    ],
    ['only one side: taken as it is', undefined, { name: 'Kumkum', price: 5 }, { name: 'Kumkum', price: 5 }],
  ])('%s', (_case, admin, user, expected) => {
    expect(mergeProductFields(admin, user)).toEqual(expected);
  });
});
