/**
 * The storage port: everything the sync server asks of a database, shaped by replication.
 * Two adapters implement it (sqlite/, mongodb/) and one contract suite holds both to it
 * (test/storage-contract.ts). Only adapters import database drivers.
 *
 * Checkpoints are per-collection sequence numbers (`seq`) assigned by the storage at commit.
 * The guarantee every adapter gives: once `readChanges` has returned rows up to a checkpoint,
 * no write that becomes visible later will ever carry a seq at or below it. That is what lets a
 * reader page forward without skipping writes that were still committing (docs/ARCHITECTURE.md).
 */
import type { CollectionName, Filter, IndexSpec } from '@oa/schema';

/** A stored document as the sync layer sees it: always an id, the soft-delete flag and `updatedAt`. */
export interface StoredDocument {
  readonly id: string;
  readonly _deleted: boolean;
  readonly updatedAt: string;
  readonly [field: string]: unknown;
}

export interface StoredRow {
  /** The collection's sequence number of the write that produced this state. */
  readonly seq: number;
  readonly doc: StoredDocument;
}

export interface ReadChangesQuery {
  readonly collection: CollectionName;
  /** Return rows with a seq above this (0 for the start). */
  readonly after: number;
  readonly limit: number;
  /** Rows outside the scope are not returned at all (ownership). */
  readonly scope?: Filter;
  /**
   * Rows in scope that do not match `visible` come back as tombstones carrying only
   * `{ id, _deleted: true, updatedAt }`, or are skipped when `hidden` is 'skip' (a first sync,
   * where the reader holds nothing that would need deleting).
   */
  readonly visible?: Filter;
  readonly hidden?: 'tombstone' | 'skip';
  /** Top-level fields left out of every returned document (secrets), dropped by the database. */
  readonly omit?: readonly string[];
}

export interface ChangesPage {
  readonly rows: readonly StoredRow[];
  /**
   * Where the next read continues. A full page ends at its last row; a page that is not full
   * moves it up to the highest safe sequence (past rows the reader skipped or may not see, and
   * past sequence numbers spent on refused writes). It never passes a write still committing.
   */
  readonly checkpoint: number;
}

/** A change as JSON text, ready to send on: the document `readChanges` returns, serialised. */
export interface JsonChangeRow {
  readonly seq: number;
  readonly json: string;
}

export interface JsonChangesPage {
  readonly rows: readonly JsonChangeRow[];
  readonly checkpoint: number;
}

export interface WriteRequest {
  readonly id: string;
  /**
   * The seq the writer read and based this write on, or null for "must not exist yet".
   * The write happens only if the stored state still has exactly this seq (compare-and-set).
   */
  readonly expectedSeq: number | null;
  /** The whole new state. `id` must equal the request's id; `updatedAt` is set by the storage. */
  readonly doc: Readonly<Record<string, unknown>> & { readonly _deleted: boolean };
}

export type WriteResult =
  | { readonly kind: 'written'; readonly row: StoredRow }
  /** The stored state was not the expected one; `current` is it (null: the document does not exist). */
  | { readonly kind: 'conflict'; readonly current: StoredRow | null }
  /** A unique index refused the value of these fields (another live document holds it). */
  | { readonly kind: 'duplicate'; readonly index: string; readonly fields: readonly string[] };

/** One write of a unit of work: a conditional write (as WriteRequest) in any collection. */
export interface UnitWrite extends WriteRequest {
  readonly collection: CollectionName;
}

export type CommitResult =
  /** Every write applied, together; rows in the order of the unit's writes. */
  | { readonly kind: 'committed'; readonly rows: ReadonlyArray<{ readonly collection: CollectionName; readonly row: StoredRow }> }
  /**
   * Nothing applied: this document was not in the state the unit expected (another writer moved
   * it, or it exists / does not). `current` is its state now (null: absent). The rule re-reads
   * and re-plans.
   */
  | { readonly kind: 'moved'; readonly collection: CollectionName; readonly id: string; readonly current: StoredRow | null }
  /** Nothing applied: a unique index refused this write's value (another live document holds it). */
  | { readonly kind: 'duplicate'; readonly collection: CollectionName; readonly id: string; readonly index: string; readonly fields: readonly string[] };

/** One batch of committed changes of one collection, in seq order. */
export interface Change {
  readonly collection: CollectionName;
  readonly rows: readonly StoredRow[];
  readonly checkpoint: number;
}

export interface ChangeFeed {
  /**
   * Calls `listener` with every change committed after the subscription, in seq order per
   * collection, from this process and (through the database) from any other process.
   * Rows carry full documents: the caller filters them per reader. Returns unsubscribe.
   */
  subscribe(listener: (change: Change) => void): () => void;
}

export interface Storage {
  readonly kind: 'sqlite' | 'mongodb';
  /** Creates the tables/collections and indexes for these collections; safe to run again. */
  ensureCollections(specs: ReadonlyArray<{ readonly name: CollectionName; readonly indexes: readonly IndexSpec[] }>): Promise<void>;
  /** Names of the indexes present on a collection (for `verify` and the tests). */
  listIndexes(collection: CollectionName): Promise<string[]>;
  readChanges(query: ReadChangesQuery): Promise<ChangesPage>;
  /**
   * The same page with each document as JSON text, for a pull that only sends documents on:
   * an adapter that holds them as JSON (SQLite) hands the text over without parsing it.
   */
  readChangesJson(query: ReadChangesQuery): Promise<JsonChangesPage>;
  /** The highest checkpoint a reader can safely have reached now. */
  latestCheckpoint(collection: CollectionName): Promise<number>;
  /** Rows by id, deleted ones included, in no particular order; unknown ids are absent. */
  readByIds(collection: CollectionName, ids: readonly string[], options?: { readonly omit?: readonly string[] }): Promise<StoredRow[]>;
  /** The first live (not deleted) document matching the filter, e.g. a user by email. */
  findOne(collection: CollectionName, filter: Filter): Promise<StoredRow | undefined>;
  /** Live documents matching the filter, oldest change first, at most `limit` (e.g. a product's reviews). */
  findMany(collection: CollectionName, filter: Filter, limit: number): Promise<StoredRow[]>;
  /**
   * Conditional writes, one result per request in the same order. Each row is atomic and
   * independent: a conflict or duplicate in one never undoes or blocks another. A batch as a
   * whole is not atomic: when the call rejects (UNAVAILABLE), some rows may have been written;
   * retrying is safe, since a row already applied then answers as a conflict with its state.
   */
  write(collection: CollectionName, requests: readonly WriteRequest[]): Promise<WriteResult[]>;
  /**
   * A unit of work: conditional writes, possibly across collections, that commit all or nothing.
   * Either every write is applied, atomically for every reader (no page or live event ever shows
   * part of a unit), or none is and the answer names the first write that could not be made.
   * When the call rejects (UNAVAILABLE: the database did not answer), the unit either committed
   * whole or not at all; committing it again is safe (its writes then answer `moved`).
   * A document may appear in a unit once. A storage that cannot give all or nothing (a MongoDB
   * standalone: no transactions) says so in `atomicUnits`: it applies the writes one by one and,
   * at the first it cannot make, undoes the others (answered as above); readers may see the
   * middle and a crash may leave it, so it is for development only.
   */
  commit(writes: readonly UnitWrite[]): Promise<CommitResult>;
  /** Whether `commit` is all or nothing here (false only on a MongoDB without transactions). */
  readonly atomicUnits: boolean;
  readonly changes: ChangeFeed;
  /**
   * A counter of attempts per key (a client address) over a fixed window, kept in this database
   * so a limit holds across every server process sharing it (rate-limiter-flexible's store for
   * the adapter's driver). Several counters may share a database under different names.
   */
  createAttemptCounter(options: AttemptCounterOptions): Promise<AttemptCounter>;
  /**
   * Binary files kept in the database (product photos), written once under a content-addressed
   * name: the name is derived from the bytes, so a file already stored under it is this file.
   * Storing a name that exists changes nothing (not its bytes, not its type) and answers
   * 'exists'; it is never an error. Concurrent stores of one name all succeed; each answers
   * 'stored' or 'exists' (an adapter may keep two identical copies; readers see one). Once it
   * has answered, any handle on the database reads the file. Files are never changed or deleted.
   */
  putFile(file: NewFile): Promise<PutFileResult>;
  /** A stored file, bytes and all (files are small: photos are 2 MiB at most), or undefined. */
  readFile(name: string): Promise<StoredFile | undefined>;
  /**
   * One page of the stored files, without their bytes: those named after `after` ('' for the
   * start), in ascending byte order of name, at most `limit` (1 to maxFilesPage); fewer only at
   * the end. Each name is listed once, however many copies an adapter keeps, with what readFile
   * reads. For a backup to go through every file without holding them all.
   */
  listFiles(after: string, limit: number): Promise<ListedFile[]>;
  close(): Promise<void>;
}

export interface NewFile {
  /** 1 to 255 characters; the caller derives it from the bytes (a digest), so it names one content. */
  readonly name: string;
  /** The media type it is served with, e.g. image/webp. */
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

export type PutFileResult = 'stored' | 'exists';

export interface StoredFile {
  readonly name: string;
  readonly contentType: string;
  /** Exactly the bytes stored (a Buffer). */
  readonly bytes: Uint8Array;
  /** The length of `bytes`. */
  readonly size: number;
  /** When it was first stored: an ISO-8601 UTC instant. */
  readonly createdAt: string;
}

/** A stored file as listFiles names it: what readFile would read, less the bytes. */
export interface ListedFile {
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
}

/** The most files one listFiles page may ask for. */
export const maxFilesPage = 1000;

export interface AttemptCounterOptions {
  /** Letters, digits and dashes; counters of different names never share a count. */
  readonly name: string;
  /** Attempts allowed per key in a window. */
  readonly limit: number;
  readonly windowSeconds: number;
}

export interface AttemptCounter {
  /** Counts one attempt for `key`; when over the limit, how long until the window ends. */
  take(key: string): Promise<{ readonly allowed: boolean; readonly retryAfterSeconds: number }>;
}

/** What every adapter is given: a clock for `updatedAt` (tests pass their own). */
export interface StorageOptions {
  readonly now?: () => Date;
}
