import { firstValueFrom } from 'rxjs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncDatabase, type SyncDatabase } from './create-database';
import { observeDroppedIds } from './observe-dropped-ids';

const review = (id: string) => ({
  id,
  _deleted: false,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  productId: 'p1',
  product: 'p1',
  userId: 'u1',
  user: 'u1',
  rating: 4,
  comment: 'Good',
  reviewText: 'Good',
  isApproved: true,
  isDeleted: false,
});

let database: SyncDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

async function openReviews(name: string) {
  database = await createSyncDatabase({ name, storage: getRxStorageMemory(), collections: ['reviews'], multiInstance: false });
  return database.collections.reviews!;
}

describe('observeDroppedIds', () => {
  it('names the asked-for documents the replica holds as deleted, and only those', async () => {
    const reviews = await openReviews('dropped-ids-held');
    await reviews.bulkInsert([review('kept'), review('hidden'), review('other-hidden')]);
    await (await reviews.findOne('hidden').exec())!.remove();
    await (await reviews.findOne('other-hidden').exec())!.remove();
    const dropped = await firstValueFrom(observeDroppedIds(reviews, ['kept', 'hidden', 'never-stored']));
    expect([...dropped]).toEqual(['hidden']);
  });

  it('answers again when one of them is dropped later, and when it comes back', async () => {
    const reviews = await openReviews('dropped-ids-live');
    await reviews.insert(review('mine'));
    const answers: string[][] = [];
    const subscription = observeDroppedIds(reviews, ['mine']).subscribe((dropped) => answers.push([...dropped]));
    try {
      await expect.poll(() => answers).toEqual([[]]);
      await (await reviews.findOne('mine').exec())!.remove();
      await expect.poll(() => answers.at(-1)).toEqual(['mine']);
      // Shown again (the shop approved it after all): the replication writes it back over the tombstone.
      await reviews.upsert({ ...review('mine'), updatedAt: '2026-12-02T00:00:00.000Z' });
      await expect.poll(() => answers.at(-1)).toEqual([]);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('does not answer again for changes to other documents', async () => {
    const reviews = await openReviews('dropped-ids-others');
    const answers: number[] = [];
    const subscription = observeDroppedIds(reviews, ['mine']).subscribe((dropped) => answers.push(dropped.size));
    try {
      await expect.poll(() => answers).toEqual([0]);
      await reviews.insert(review('someone-else'));
      await (await reviews.findOne('someone-else').exec())!.remove();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(answers).toEqual([0]);
    } finally {
      subscription.unsubscribe();
    }
  });
});
