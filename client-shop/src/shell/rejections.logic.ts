/**
 * What the shopper reads when the server refused one of their saved changes: what it was, why,
 * and what they can do next. Pure: a rejection (collection, stable code, the server's message)
 * in, words out. Orders refused for stock are not here: they are stored as rejected orders with
 * their reason, and My orders shows them (orders.logic). The one change the shop makes to a placed
 * order is cancelling it, so an order refused with a change's code reads as a cancel refused.
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
  REVIEW_HIDDEN: 'What you wrote is kept in the review form, if you want to copy it; ask the shop if you think your review should be shown.',
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
  INVALID_TRANSITION: 'The order stays as it is now: open it in My orders to see where it is.',
  ORDER_NOT_UPDATED: 'Open the order in My orders and cancel it again.',
};

/** Codes the server answers a change to a placed order with, never a placement (sync-server's order rules). */
const orderChangeCodes = new Set(['INVALID_TRANSITION', 'ORDER_NOT_UPDATED', 'FORBIDDEN', 'FIELD_NOT_WRITABLE']);

/** What this app says about a refused change (client-sync's toRejectionView, in its words). */
export function toRejectionView(rejection: PushRejection, index: number): RejectionView {
  const view = toSharedRejectionView(rejection, index, { subjects, nextSteps, otherSubject: 'A change could not be saved', otherNextStep: 'The shop shows what the server has; try again if you still want the change.' });
  // Branching on the stable code, never the message: "Your order could not be placed" would be wrong here.
  return rejection.collection === 'orders' && orderChangeCodes.has(rejection.code) ? { ...view, what: 'Your order was not cancelled' } : view;
}
