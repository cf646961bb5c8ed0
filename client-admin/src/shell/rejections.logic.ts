/**
 * What an admin reads when the server refused one of their saved changes (other than an order's
 * move, which its page explains): what it was, why, and what to do next. Pure.
 */
import { toRejectionView as toSharedRejectionView, type PushRejection, type RejectionView } from '@oa/client-sync';

const subjects: Record<string, string> = {
  products: 'A product change was not saved',
  categories: 'A category change was not saved',
  reviews: 'A moderation change was not saved',
  admins: 'An admin change was not saved',
};

const nextSteps: Record<string, string> = {
  VALIDATION_FAILED: 'Open it again, fix what the message names and save.',
  DUPLICATE: 'Choose another slug and save again.',
  UNKNOWN_REFERENCE: 'Choose a category that exists and save again.',
  CANNOT_CHANGE_SELF: 'Another admin can do this for you.',
  LAST_ACTIVE_ADMIN: 'Add or activate another admin first.',
  FORBIDDEN: 'Admins cannot make this change.',
  FIELD_NOT_WRITABLE: 'That field is the server’s to set.',
  UNAUTHENTICATED: 'Sign in again, then make the change again.',
};

/** What this app says about a refused change (client-sync's toRejectionView, in its words). */
export const toRejectionView = (rejection: PushRejection, index: number): RejectionView =>
  toSharedRejectionView(rejection, index, { subjects, nextSteps, otherSubject: 'A change was not saved', otherNextStep: 'The app shows what the server has; make the change again if it is still needed.' });
