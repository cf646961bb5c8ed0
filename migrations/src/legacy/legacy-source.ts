/**
 * Where the legacy data comes from: a folder of `mongoexport` files (folder/) or the old MongoDB
 * database itself (mongodb/). A narrow port of its own, because the storage port models only the
 * platform's documents (with `id` and a sequence), not raw legacy collections like `adminproducts`.
 */
import type { Problem } from '../errors';
import type { LegacyCollection, LegacyRecord } from './legacy-record';

export interface LegacyReadResult {
  readonly records: LegacyRecord[];
  /** Parts that could not be read (a malformed line), each naming where. */
  readonly problems: Problem[];
}

export interface BackupResult {
  readonly collection: LegacyCollection;
  readonly backup: string;
  readonly count: number;
  /** False when a complete backup was already there (a second run): it is kept, never overwritten. */
  readonly created: boolean;
}

export interface LegacySource {
  /** For reports: "folder /data/export" or "MongoDB online_annavaram". */
  readonly description: string;
  /**
   * A legacy collection's original documents: from its backup once one exists (so a second run,
   * or one after a crash, reads the same originals), else from the collection. Undefined when the
   * source has no such collection.
   */
  read(collection: LegacyCollection): Promise<LegacyReadResult | undefined>;
  /** Copies the originals to `<collection>_backup` unless a backup exists; a backup only ever appears whole. */
  backUp(collection: LegacyCollection): Promise<BackupResult>;
  /**
   * Legacy documents (without the platform's `id` and sequence) inside the platform's own
   * collections of the database being migrated, per collection: only a MongoDB source read in
   * place has any. The server's unique indexes cannot be built while they are there.
   */
  countInPlace(): Promise<Record<string, number>>;
  /**
   * Removes those documents from one platform collection, after checking that each one is in the
   * collection's backup, and drops the legacy indexes that would clash with the server's. The
   * merge writes them back as platform documents. Returns how many were removed.
   */
  retireInPlace(collection: LegacyCollection): Promise<number>;
  close(): Promise<void>;
}
