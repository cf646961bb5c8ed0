/**
 * The ledger: which migrations ran, when, and how it went, kept in the database being migrated
 * (SQLite: table `_migrations`; MongoDB: one `_migration_ledger` document), so every operator and
 * every machine sees the same history. Also a lock, so two `npm run migrate` at once cannot both
 * apply the same migration. Every change to it is atomic: it is the only record of what ran.
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
  /**
   * Makes the ledger exactly these entries (a restore), as one atomic change: a reader, or a crash
   * part-way, sees the old ledger or the new one, never an empty or half-written one.
   */
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

/** Pure: the entries in ledger order (by id, as `list` returns them). */
export function inLedgerOrder(entries: readonly LedgerEntry[]): LedgerEntry[] {
  return [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Pure: the ledger with `entry` recorded, replacing the entry of the same id. */
export function withEntry(entries: readonly LedgerEntry[], entry: LedgerEntry): LedgerEntry[] {
  return inLedgerOrder([...entries.filter((existing) => existing.id !== entry.id), entry]);
}
