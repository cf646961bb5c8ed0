/**
 * Reads an RxDB query as plain objects in React, re-rendering when the result changes (RxDB's
 * event-reduce keeps that cheap). undefined until the first result, so screens can tell
 * "loading" from "empty".
 */
import type { SyncDatabase } from '../create-database';
import { useMemo } from 'react';
import { map } from 'rxjs';
import { useObservable } from './use-observable';

export function useDocuments<T>(database: SyncDatabase | undefined, collection: string, selector?: Record<string, unknown>): T[] | undefined {
  const key = JSON.stringify(selector ?? {});
  const documents$ = useMemo(
    () => database?.collections[collection]?.find(selector ? { selector } : {}).$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as T))),
    // The selector is compared by value: a new object with the same content is the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [database, collection, key],
  );
  return useObservable<T[] | undefined>(documents$, undefined);
}
