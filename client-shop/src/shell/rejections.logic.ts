/**
 * What the shopper reads when the server refused one of their saved changes: what it was, why,
 * and what they can do next. Pure: a rejection (collection, stable code, the server's message)
 * in, words out. Orders refused for stock are not here: they are stored as rejected orders with
 * their reason, and My orders shows them (orders.logic).
 */
import { toRejectionView as toSharedRejectionView, type PushRejection, type RejectionView } from '@oa/client-sync';

const subjects: Record<string, string> = {
  orders: 'Your order could not be placed',
  cart_items: 'A change to your cart was undone',
  wishlists: 'A change to your wishlist was undone',
  reviews: 'Your review was not posted',
  users: 'Your profile change was not saved',
  sessions: 'A device could not be signed out',
};

const nextSteps: Record<string, string> = {
  DUPLICATE_REVIEW: 'Your earlier review of it stays on the product page.',
  PRODUCT_UNAVAILABLE: 'It is no longer sold: choose something else from the shop.',
  BAD_RATING: 'Write the review again with 1 to 5 stars.',
  VALIDATION_FAILED: 'Check what you entered and save it again.',
  BAD_QUANTITY: 'Choose a quantity from 1 to 99.',
  TOO_MANY_LINES: 'Remove some items and try again.',
  EMPTY_ORDER: 'Add items to your cart and check out again.',
  UNAUTHENTICATED: 'Sign in again, then make the change again.',
  FORBIDDEN: 'This change is not allowed from the shop.',
  NOT_FOUND: 'It no longer exists: nothing else to do.',
  FIELD_NOT_WRITABLE: 'Only the shop can change that.',
};

/** What this app says about a refused change (client-sync's toRejectionView, in its words). */
export const toRejectionView = (rejection: PushRejection, index: number): RejectionView =>
  toSharedRejectionView(rejection, index, { subjects, nextSteps, otherSubject: 'A change could not be saved', otherNextStep: 'The shop shows what the server has; try again if you still want the change.' });
