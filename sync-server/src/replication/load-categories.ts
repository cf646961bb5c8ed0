/** Every live category's id and name, to resolve product category aliases on a push. */
import type { CategoryRef } from '@oa/schema';
import type { Storage } from '../storage/port';

export async function loadCategories(storage: Storage): Promise<CategoryRef[]> {
  const categories: CategoryRef[] = [];
  let after = 0;
  for (;;) {
    const page = await storage.readChanges({ collection: 'categories', after, limit: 1000, hidden: 'skip' });
    for (const { doc } of page.rows) {
      if (typeof doc.name === 'string') categories.push({ id: doc.id, name: doc.name });
    }
    if (page.checkpoint === after || page.rows.length < 1000) return categories;
    after = page.checkpoint;
  }
}
