/**
 * Turns a request's collection name and caller into what it may read, or the refusal:
 * unknown collection 404, no token for a collection that needs one 401, a role without read
 * access 403. Shared by pull and the stream.
 */
import { isCollectionName, readFilterFor, type Caller, type CollectionName, type ReadFilter } from '@oa/schema';
import { AppError } from '../http/app-error';

export interface ReadAccess {
  readonly collection: CollectionName;
  readonly filter: ReadFilter;
}

export function resolveCollection(name: string): CollectionName {
  if (!isCollectionName(name)) throw new AppError(404, 'UNKNOWN_COLLECTION', `There is no collection "${name.slice(0, 60)}"`);
  return name;
}

export function resolveRead(name: string, caller: Caller): ReadAccess {
  const collection = resolveCollection(name);
  const filter = readFilterFor(collection, caller);
  if (!filter) {
    if (caller.role === 'anonymous') throw new AppError(401, 'UNAUTHENTICATED', `Sign in to read ${collection}`);
    throw new AppError(403, 'FORBIDDEN', `Your role may not read ${collection}`);
  }
  return { collection, filter };
}
