import { describe, expect, it } from 'vitest';
import { adminId, legacyCollectionsFixture, userId, writeLegacyExport } from '../../../test/legacy-fixture';
import { openFolderSource } from '../folder/open-folder-source';
import type { LegacyRecord } from '../legacy-record';
import { planLegacyMerge } from './plan-legacy-merge';

async function input() {
  const source = openFolderSource(writeLegacyExport(legacyCollectionsFixture()));
  const read = async (name: Parameters<typeof source.read>[0]): Promise<LegacyRecord[]> => (await source.read(name))?.records ?? [];
  return {
    adminProducts: await read('adminproducts'),
    userProducts: await read('products'),
    categories: await read('categories'),
    referring: { orders: await read('orders'), reviews: await read('reviews'), cart_items: await read('cart_items'), wishlists: await read('wishlists') },
    existing: { categories: [], productSlugs: new Map<string, string>() },
    now: '2026-01-01T00:00:00.000Z',
  };
}

describe('planLegacyMerge', () => {
  it('plans 75 products from 50 admin and 45 user products overlapping in 20', async () => {
    const plan = planLegacyMerge(await input());
    expect(plan.problems).toEqual([]);
    expect(plan.products).toHaveLength(75);
    expect(plan.figures).toMatchObject({ adminProducts: 50, userProducts: 45, matched: 20, products: 75, droppedFields: { sku: 50 } });
    // Every legacy id (85 distinct: 10 were shared by both backends) leads to a planned product.
    expect(plan.idMap.size).toBe(85);
    const ids = new Set(plan.products.map((p) => p.id));
    expect([...plan.idMap.values()].every((id) => ids.has(id))).toBe(true);
    expect(plan.idMap.get(userId(15))).toBe(adminId(15));
  });

  it('is the same plan every time (what makes a second run a no-op)', async () => {
    const given = await input();
    expect(planLegacyMerge(given)).toEqual(planLegacyMerge(given));
  });

  it('keeps clear of slugs the platform already holds for other products', async () => {
    const plan = planLegacyMerge({ ...(await input()), existing: { categories: [], productSlugs: new Map([['product-1', 'demo-product-1']]) } });
    expect(plan.products.find((p) => p.id === adminId(1))?.slug).toBe('product-1-2');
  });
});
