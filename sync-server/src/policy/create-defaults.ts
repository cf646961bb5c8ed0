/**
 * Server-owned values a new document starts with, before the creator's allowed fields are laid
 * over them (empty lists, zero ratings, moderation defaults). Owners and authors are set from
 * the caller by prepareWrite; orders and reviews are built by their domain rules instead.
 */
import type { CollectionName } from '@oa/schema';

/** An admin created through sync cannot sign in until a password is set through the auth endpoints. */
export const unusablePasswordHash = 'unset$';

export const createDefaults: Readonly<Partial<Record<CollectionName, Readonly<Record<string, unknown>>>>> = {
  products: { description: '', images: [], tags: [], ratingAverage: 0, ratingCount: 0, isActive: true },
  categories: { sortOrder: 0, isActive: true },
  wishlists: { productIds: [] },
  admins: { role: 'admin', isActive: true, passwordHash: unusablePasswordHash },
};
