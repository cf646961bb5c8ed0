/**
 * The migration tools' one error model: a stable code to branch on, a message for people, and
 * for bad input every problem found (each naming the document or file line and what is wrong).
 * The CLIs print these and exit non-zero; nothing here is ever shown as a stack trace.
 */
export type MigrationErrorCode =
  /** The legacy data cannot be merged as it is; `problems` lists every reason. Nothing was written. */
  | 'INVALID_LEGACY_DATA'
  /** The legacy source (a folder or a MongoDB) cannot be opened or read. */
  | 'LEGACY_SOURCE_UNAVAILABLE'
  /** Legacy documents appeared in a live collection after its backup was taken: not retired, not lost. */
  | 'LEGACY_CHANGED_SINCE_BACKUP'
  /** The database still holds legacy documents the storage cannot read yet (before the legacy merge). */
  | 'LEGACY_DATA_IN_PLACE'
  | 'BACKUP_NOT_FOUND'
  /** A backup folder without its manifest, or with a file missing: a backup that never finished. */
  | 'BACKUP_INCOMPLETE'
  /** A backup whose files do not match their manifest (checksum, count, unreadable line). */
  | 'BACKUP_DAMAGED'
  /** A stored file whose name cannot be a file name in a backup folder (a path separator, a leading dot): nothing was backed up. */
  | 'UNSAFE_FILE_NAME'
  /** A migration threw; the ledger records it as failed and later ones did not run. */
  | 'MIGRATION_FAILED'
  /** Another `migrate` holds the ledger's lock. */
  | 'MIGRATION_LOCKED'
  /** Rows kept changing under a write (a server running meanwhile?): retried, then given up. */
  | 'WRITE_CONFLICT'
  | 'DATABASE_UNAVAILABLE'
  | 'BAD_ARGUMENTS';

/** One thing wrong with the input: where (a file and line, or a collection and id) and what. */
export interface Problem {
  readonly code: ProblemCode;
  readonly where: string;
  readonly message: string;
}

export type ProblemCode =
  | 'MALFORMED_EXPORT'
  | 'MISSING_FIELD'
  | 'UNPARSEABLE_PRICE'
  | 'INVALID_FIELD'
  | 'DUPLICATE_ID'
  | 'ALIAS_CONFLICT';

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    readonly problems: readonly Problem[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isMigrationError(error: unknown): error is MigrationError {
  return error instanceof MigrationError;
}

/** How a problem reads in a report: `adminproducts.json line 3: UNPARSEABLE_PRICE: price "abc" is not a number`. */
export function describeProblem(problem: Problem): string {
  return `${problem.where}: ${problem.code}: ${problem.message}`;
}
