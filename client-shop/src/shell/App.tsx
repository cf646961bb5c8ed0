/**
 * The shop's shell: opens the local database, renders the catalogue from it, and starts
 * replication once /config.json says where the sync server is. Offline, the list still comes
 * from IndexedDB; the service worker serves the shell.
 */
import type { CollectionsReplication, SyncDatabase } from '@oa/client-sync';
import { useEffect, useMemo, useState } from 'react';
import { map } from 'rxjs';
import type { CatalogueCategory, CatalogueProduct } from '../features/catalogue/catalogue.logic';
import { CatalogueList } from '../features/catalogue/CatalogueList';
import { startShopData } from '../data/start-shop-data';
import { ConnectionIndicator } from './ConnectionIndicator';
import { UpdatePrompt } from './UpdatePrompt';
import { useObservable } from './use-observable';

export function App() {
  const [database, setDatabase] = useState<SyncDatabase | undefined>();
  const [replication, setReplication] = useState<CollectionsReplication | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    let cancelled = false;
    void startShopData().then(
      ({ database: db, replication: started }) => {
        if (cancelled) return;
        setDatabase(db);
        setReplication(started);
      },
      (error: unknown) => !cancelled && setProblem(error instanceof Error ? error.message : String(error)),
    );
    // The database and its replication live as long as the page: nothing to close on unmount.
    return () => {
      cancelled = true;
    };
  }, []);

  const products$ = useMemo(
    () => database?.collections.products!.find().$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as unknown as CatalogueProduct))),
    [database],
  );
  const categories$ = useMemo(
    () => database?.collections.categories!.find().$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as unknown as CatalogueCategory))),
    [database],
  );
  const products = useObservable(products$, undefined);
  const categories = useObservable(categories$, []);
  const streamConnected = useObservable(replication?.streamConnected$, false);

  return (
    <>
      <header className="top">
        <h1>Online Annavaram</h1>
        <ConnectionIndicator streamConnected={streamConnected} />
      </header>
      <UpdatePrompt />
      <main>
        {problem ? <p role="alert">This device could not open the shop’s storage: {problem}</p> : null}
        {products === undefined ? <p className="empty">Loading the catalogue…</p> : <CatalogueList products={products} categories={categories} />}
      </main>
    </>
  );
}
