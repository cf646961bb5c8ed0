/**
 * The ledger: which migrations ran, when, and how it went, kept in the database being migrated
 * (`_migrations`), so every operator and every machine sees the same history. Also a lock, so two
 * `npm run migrate` at once cannot both apply the same migration.
 */
export interface LedgerEntry {
  readonly id: string;
  readonly status: 'applied' | 'failed';
  readonly startedAt: string;
  readonly finishedAt: string;
  /** What the migration reported (counts), as JSON. */
  readonly report?: unknown;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface Ledger {
  list(): Promise<LedgerEntry[]>;
  /** Inserts or replaces the entry with this id. */
  record(entry: LedgerEntry): Promise<void>;
  /** Makes the ledger exactly these entries (a restore). */
  replaceAll(entries: readonly LedgerEntry[]): Promise<void>;
  /**
   * Takes the run lock for `owner` until `ttlMs` from now. False while another owner holds an
   * unexpired lock. The expiry lets a run killed mid-way (its lock never released) be followed.
   */
  lock(owner: string, ttlMs: number): Promise<boolean>;
  unlock(owner: string): Promise<void>;
}

/** The database-side tools the migration commands need beyond the storage port. */
export interface Maintenance {
  readonly ledger: Ledger;
  /** Index names on a collection (without MongoDB's `_id_`), or undefined when it does not exist. */
  listIndexes(collection: string): Promise<string[] | undefined>;
  close(): Promise<void>;
}
