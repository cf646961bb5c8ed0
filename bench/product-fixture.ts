/** A realistic catalogue product of about 1 KB, numbered, for benchmarks. */
export function benchProduct(i: number): { id: string; _deleted: false } & Record<string, unknown> {
  const id = `bench-${String(i).padStart(8, '0')}`;
  return {
    id,
    _deleted: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    name: `Annavaram prasadam pack no. ${i}`,
    slug: `prasadam-pack-${i}`,
    description:
      'Traditional sweet prepared with wheat, jaggery and ghee at the Annavaram temple kitchen, packed fresh ' +
      'and sealed for travel. Best eaten within ten days. Contains nuts and milk. Store in a cool dry place, away ' +
      'from sunlight, and keep the pack closed after opening. Each pack is weighed and checked by hand before dispatch. '.repeat(2),
    price: 100 + (i % 400),
    mrp: 150 + (i % 400),
    categoryId: `cat-${i % 12}`,
    category: `Category ${i % 12}`,
    images: [`/images/products/${id}/front.webp`, `/images/products/${id}/back.webp`],
    imageUrl: `/images/products/${id}/front.webp`,
    stock: i % 50,
    totalStock: i % 50,
    unit: '500 g',
    tags: ['prasadam', 'sweet', `batch-${i % 30}`],
    // One in ten is inactive, so a shopper's pull exercises the visibility filter.
    isActive: i % 10 !== 0,
  };
}
