/**
 * Deletes the IndexedDB databases whose names start with `prefix`: RxDB's Dexie storage empties
 * its databases on remove() but leaves them, named after their person, so signing out deletes
 * them too (shared phones). A tab still holding one open blocks its deletion until it closes.
 */
export async function deleteIndexedDatabases(prefix: string): Promise<void> {
  const all = (await indexedDB.databases?.().catch(() => [])) ?? [];
  await Promise.all(
    all
      .map((info) => info.name)
      .filter((name): name is string => name?.startsWith(prefix) === true)
      .map(
        (name) =>
          new Promise<void>((done) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = request.onerror = request.onblocked = () => done();
          }),
      ),
  );
}
