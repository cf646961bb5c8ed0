import { describe, expect, it } from 'vitest';
import { createConflictHandler } from './create-conflict-handler';

const wishlist = (productIds: string[]) => ({ id: 'w1', _deleted: false, userId: 'u1', productIds });

describe('the conflict handler of a replicated collection', () => {
  it('takes the server’s state for a row it refused, even where merging is allowed', async () => {
    const refused = new Set(['w1']);
    const handler = createConflictHandler({ merge: { sets: ['productIds'] }, takeRefused: (id) => refused.delete(id) });
    const resolved = await handler.resolve({ assumedMasterState: wishlist([]), realMasterState: wishlist(['a']), newDocumentState: wishlist(['b']) }, 'test');
    expect(resolved).toEqual(wishlist(['a']));
    expect(refused.size).toBe(0);
  });

  it('merges a true conflict when the collection has merge rules', async () => {
    const handler = createConflictHandler({ merge: { sets: ['productIds'] }, takeRefused: () => false });
    const resolved = await handler.resolve({ assumedMasterState: wishlist([]), realMasterState: wishlist(['a']), newDocumentState: wishlist(['b']) }, 'test');
    expect(resolved).toEqual(wishlist(['a', 'b']));
  });

  it('takes the server’s state when the collection has no merge rules', async () => {
    const handler = createConflictHandler({ takeRefused: () => false });
    const resolved = await handler.resolve({ assumedMasterState: wishlist([]), realMasterState: wishlist(['a']), newDocumentState: wishlist(['b']) }, 'test');
    expect(resolved).toEqual(wishlist(['a']));
  });

  it('finds two states equal by their content, attachments or not', () => {
    const handler = createConflictHandler({ takeRefused: () => false });
    expect(handler.isEqual(wishlist(['a']), { ...wishlist(['a']), _attachments: {} } as never, 'test')).toBe(true);
    expect(handler.isEqual(wishlist(['a']), wishlist(['b']), 'test')).toBe(false);
  });
});
