/**
 * The ids the server refused in the push being answered, per database and collection: the push
 * handler marks them, the collection's conflict handler takes (and forgets) them, so a refused
 * row takes the server's state instead of being merged and pushed again.
 */
const registry = new WeakMap<object, Map<string, Set<string>>>();

export function refusedRowsOf(database: object, collection: string): Set<string> {
  let byCollection = registry.get(database);
  if (!byCollection) registry.set(database, (byCollection = new Map()));
  let ids = byCollection.get(collection);
  if (!ids) byCollection.set(collection, (ids = new Set()));
  return ids;
}
