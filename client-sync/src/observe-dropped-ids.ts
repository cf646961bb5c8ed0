/**
 * Which of some documents a replica was told to drop: the server answered them as deleted for
 * this reader (a tombstone, `{ id, _deleted: true }`), because they were deleted or stopped being
 * visible to it (a review the shop hid). RxDB's queries never return tombstones, so the storage is
 * asked for these ids with deleted ones included, again on each change to one of them (from any
 * tab). Not for listing deletions in general: it answers only for the ids it is given.
 */
import type { RxCollection } from 'rxdb';
import { filter, from, map, startWith, switchMap, type Observable } from 'rxjs';

export function observeDroppedIds(collection: RxCollection, ids: readonly string[]): Observable<ReadonlySet<string>> {
  const wanted = [...new Set(ids)];
  const isWanted = new Set(wanted);
  const primaryPath = collection.schema.primaryPath as string;
  return collection.$.pipe(
    filter((event) => isWanted.has(event.documentId)),
    startWith(undefined),
    switchMap(() => from(collection.storageInstance.findDocumentsById(wanted, true))),
    map((documents) => new Set(documents.filter((document) => document._deleted).map((document) => String((document as Record<string, unknown>)[primaryPath])))),
  );
}
