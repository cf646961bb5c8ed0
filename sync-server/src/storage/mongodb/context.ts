/**
 * What every MongoDB verb works with: the client and database, the sequence documents, the
 * unique indexes declared per collection (to name the index a duplicate key hit), the clock for
 * `updatedAt` and the lease length. Also the write and read concerns, stated once here.
 */
import { GridFSBucket, ReadConcern, type Collection, type Db, type Document, type MongoClient } from 'mongodb';
import { isCollectionName, type CollectionName, type IndexSpec } from '@oa/schema';
import { StorageError } from '../errors';

/** Where the per-collection sequence documents live (see sequence.ts). */
export const sequencesCollection = '_sync_sequences';
/** The GridFS bucket of stored files (put-file.ts): collections `photos.files` and `photos.chunks`. */
export const filesBucketName = 'photos';

/** One lease: a seq handed to a writer, readable by nobody past it until released or expired. */
export interface Lease {
  readonly seq: number;
  readonly until: Date;
}

export interface SequenceDocument {
  _id: string;
  seq: number;
  pending: Lease[];
  /** The database's time of the last release (so a releaser learns it from the same update). */
  releasedAt?: Date;
}

// A write is acknowledged only once a majority holds it: a failover can then not roll it back
// after a reader has moved its checkpoint past it. `wtimeoutMS` bounds the wait for that majority:
// past it the server answers with a write-concern error (the write's fate unknown), never a hang.
export type MajorityWrite = { readonly writeConcern: { readonly w: 'majority'; readonly wtimeoutMS: number } };
export function majorityWriteOf(wtimeoutMS: number): MajorityWrite {
  return { writeConcern: { w: 'majority', wtimeoutMS } };
}
// Sequence documents and change pages are read at the majority commit point, for the same reason:
// a reader must never see (and checkpoint past) a state that a failover could still undo.
export const majorityRead = { readConcern: { level: 'majority' } } as const;

export interface MongoContext {
  readonly client: MongoClient;
  readonly db: Db;
  readonly now: () => Date;
  readonly leaseMs: number;
  /** Options of every write (majority, bounded in time). */
  readonly majorityWrite: MajorityWrite;
  readonly sequences: Collection<SequenceDocument>;
  /** Stored files (product photos), written and read at the majority commit point. */
  readonly files: GridFSBucket;
  readonly uniqueIndexes: Map<CollectionName, readonly IndexSpec[]>;
  /** Marks a collection as set up (ensureCollections) and returns it. */
  register(collection: CollectionName): Collection<Document>;
  /** A collection set up by ensureCollections; anything else is refused before reaching the driver. */
  collection(collection: CollectionName): Collection<Document>;
}

export function createMongoContext(
  client: MongoClient,
  databaseName: string,
  options: { readonly now: () => Date; readonly leaseMs: number; readonly wtimeoutMS: number },
): MongoContext {
  const majorityWrite = majorityWriteOf(options.wtimeoutMS);
  // Primary reads: a sync reader wants the newest state, and a conflict answer read from a
  // lagging secondary would send a writer an outdated `current`.
  const db = client.db(databaseName, { ...majorityWrite, readPreference: 'primary' });
  const registered = new Set<CollectionName>();
  return {
    client,
    db,
    now: options.now,
    leaseMs: options.leaseMs,
    majorityWrite,
    sequences: db.collection<SequenceDocument>(sequencesCollection),
    // GridFS reads through collections of the Db it is given, so it gets one that reads at the
    // majority commit point: a file is answered 'exists' (and served) only once no failover can
    // take it back, as for change pages. Writes are majority, as every write here.
    files: new GridFSBucket(client.db(databaseName, { ...majorityWrite, readConcern: new ReadConcern('majority'), readPreference: 'primary' }), {
      bucketName: filesBucketName,
      writeConcern: majorityWrite.writeConcern,
    }),
    uniqueIndexes: new Map(),
    register(collection) {
      if (!isCollectionName(collection)) throw new StorageError('INVALID_REQUEST', `unknown collection ${JSON.stringify(collection)}`);
      registered.add(collection);
      return db.collection(collection);
    },
    collection(collection) {
      if (!registered.has(collection)) {
        throw new StorageError('INVALID_REQUEST', `collection ${JSON.stringify(collection)} is not set up (ensureCollections)`);
      }
      return db.collection(collection);
    },
  };
}
