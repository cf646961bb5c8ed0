/** observeDroppedIds in React: which of these ids the replica was told to drop; empty until known. */
import { useMemo } from 'react';
import type { SyncDatabase } from '../create-database';
import { observeDroppedIds } from '../observe-dropped-ids';
import { useObservable } from './use-observable';

const none: ReadonlySet<string> = new Set();

export function useDroppedIds(database: SyncDatabase | undefined, collection: string, ids: readonly string[]): ReadonlySet<string> {
  // The ids are compared by value: a new array with the same ids is the same question.
  const key = [...ids].sort().join('\n');
  const dropped$ = useMemo(() => {
    const rx = database?.collections[collection];
    return rx && key !== '' ? observeDroppedIds(rx, key.split('\n')) : undefined;
  }, [database, collection, key]);
  return useObservable(dropped$, none);
}
