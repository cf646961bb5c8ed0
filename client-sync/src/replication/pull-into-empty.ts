/**
 * The first sync of a pull-only collection (a shop's catalogue) on a device that holds none of it:
 * pages are pulled and written with the collection's own bulk insert, a few thousand at a time,
 * the next page on its way while the last batch is written. RxDB's replication would read each
 * incoming document back twice before writing it (its conflict check and the storage's revision
 * check), which on IndexedDB is most of a first sync's time; a collection that is empty and never
 * written locally has nothing to compare. Returns the checkpoint the replication continues from.
 */
import type { RxCollection } from 'rxdb';
import type { SyncTransport } from '../transport/create-http-transport';

export interface PullIntoEmptyOptions {
  readonly collection: RxCollection;
  readonly transport: SyncTransport;
  /** Documents per local write. */
  readonly batchSize: number;
  /** Called with the documents of each page as it arrives. */
  readonly onPage?: (documents: number) => void;
  readonly isCancelled?: () => boolean;
}

/** The server's page cap. */
const pageSize = 1000;
/** A first sync may answer pages with no documents while its checkpoint moves; this many in a row end it. */
const maxEmptyPages = 50;

export async function pullIntoEmpty(options: PullIntoEmptyOptions): Promise<string | undefined> {
  const { collection, transport } = options;
  let checkpoint: string | undefined;
  let batch: Record<string, unknown>[] = [];
  let writing: Promise<unknown> = Promise.resolve();
  let emptyPages = 0;
  const flush = async (): Promise<void> => {
    const documents = batch;
    batch = [];
    await writing;
    // Tombstones name documents a fresh device never had: nothing to write for them. The
    // replication's own `_deleted` flag is RxDB's to set, not a field of the document.
    writing = documents.length === 0 ? Promise.resolve() : collection.bulkInsert(documents);
  };
  for (;;) {
    if (options.isCancelled?.()) break;
    const page = await transport.pull(collection.name, checkpoint, pageSize);
    const moved = page.checkpoint !== checkpoint;
    checkpoint = page.checkpoint;
    options.onPage?.(page.documents.length);
    for (const document of page.documents) {
      if (document._deleted) continue;
      const { _deleted: _ignored, ...fields } = document;
      batch.push(fields);
    }
    if (batch.length >= options.batchSize) await flush();
    if (page.documents.length === 0) {
      if (!moved || ++emptyPages >= maxEmptyPages) break;
    } else emptyPages = 0;
  }
  await flush();
  await writing;
  return checkpoint;
}
