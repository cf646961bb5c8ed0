/**
 * References that must point at the caller's own documents: a shopper's cart line may name only
 * their own cart. A reference to a document that does not exist yet is allowed (a cart made
 * offline may reach the server after its lines); one to someone else's document is refused.
 */
import { accessFor, type Caller, type CollectionName } from '@oa/schema';
import type { StoredDocument } from '../storage/port';

export interface OwnedReference {
  readonly field: string;
  readonly collection: CollectionName;
}

export const ownedReferences: Readonly<Partial<Record<CollectionName, readonly OwnedReference[]>>> = {
  cart_items: [{ field: 'cartId', collection: 'carts' }],
};

/** Whether `referenced` (the stored target, if any) may be named by this caller. */
export function mayReference(caller: Caller, reference: OwnedReference, referenced: StoredDocument | undefined): boolean {
  if (!referenced) return true;
  const owner = caller.role === 'anonymous' ? undefined : accessFor(reference.collection, caller.role)?.owner;
  return owner !== undefined && caller.role !== 'anonymous' && referenced[owner] === caller.id;
}
