/**
 * The index names the server creates per collection (the mission's, declared in schema/, plus
 * the sync indexes on owner fields, plus on MongoDB the unique `id` and `_seq`), for `verify`.
 * SQLite keeps `id` unique as a column constraint, which has no index name to check.
 */
import { collections, type CollectionName } from '@oa/schema';
import { ownerFieldsOf, syncIndexName } from '@oa/sync-server/storage';

export function expectedIndexes(collection: CollectionName, kind: 'sqlite' | 'mongodb'): string[] {
  return [
    ...(kind === 'mongodb' ? [`${collection}_id`, `${collection}_seq`] : []),
    ...collections[collection].indexes.map((index) => index.name),
    ...ownerFieldsOf(collection).map((field) => syncIndexName(collection, field)),
  ];
}
