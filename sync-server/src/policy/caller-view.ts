/**
 * What one caller may see of one stored document: the document without secrets, a tombstone
 * carrying only its id (in scope but not visible), or nothing at all (outside the caller's
 * scope). Used for every document that leaves the server outside a pull page: conflicts,
 * rejections' authoritative states, stream events.
 */
import { matchesFilter, omitSecrets, readFilterFor, type Caller, type CollectionName } from '@oa/schema';
import type { StoredDocument } from '../storage/port';

export type CallerView =
  | { readonly kind: 'visible'; readonly doc: StoredDocument }
  | { readonly kind: 'hidden'; readonly doc: StoredDocument }
  | { readonly kind: 'none' };

export function tombstoneOf(doc: { readonly id: string; readonly updatedAt?: unknown }): StoredDocument {
  return { id: doc.id, _deleted: true, updatedAt: typeof doc.updatedAt === 'string' ? doc.updatedAt : '' };
}

export function toCallerView(collection: CollectionName, caller: Caller, doc: StoredDocument | undefined): CallerView {
  if (!doc) return { kind: 'none' };
  const filter = readFilterFor(collection, caller);
  if (!filter || !matchesFilter(doc, filter.scope)) return { kind: 'none' };
  if (!matchesFilter(doc, filter.visible)) return { kind: 'hidden', doc: tombstoneOf(doc) };
  return { kind: 'visible', doc: omitSecrets(collection, doc) };
}

/**
 * The state a client should hold for this id: the visible document, or a deletion carrying only
 * the id (for a document it may not see, or one that does not exist). Never leaks content, nor
 * whether a document exists outside the caller's scope: the deletion is the same either way, with
 * no `updatedAt` of the stored one (that would tell when its owner last changed it).
 */
export function authoritativeState(collection: CollectionName, caller: Caller, id: string, doc: StoredDocument | undefined): StoredDocument {
  const view = toCallerView(collection, caller, doc);
  return view.kind === 'none' ? tombstoneOf({ id }) : view.doc;
}
