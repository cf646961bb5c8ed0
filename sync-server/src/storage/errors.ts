/**
 * The storage's own errors. Adapters translate driver errors into these at their edge, once,
 * keeping the driver error as `cause`; everything above branches on `code`, never on a message.
 * Conflicts and duplicate keys on a write are not errors: they are per-row results (port.ts).
 */
export type StorageErrorCode =
  /** The database cannot be reached or refused the operation for now; retrying later may work. */
  | 'UNAVAILABLE'
  /** A unique index refused a value outside a conditional write (e.g. creating an index over duplicates). */
  | 'DUPLICATE_KEY'
  /** The caller asked for something the storage cannot do (bad configuration, a bad argument). */
  | 'INVALID_REQUEST'
  /** A stored document could not be read back (corrupt JSON, a missing id). */
  | 'CORRUPT_DATA';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A unique index that cannot be built because stored documents already share its values (written
 * before the index existed). Start-up stops with this rather than run without the guarantee.
 */
export function toIndexBlockedError(collection: string, index: string, cause: unknown): StorageError {
  return new StorageError(
    'DUPLICATE_KEY',
    `the unique index ${collection}.${index} cannot be built: live ${collection} documents already share its values. ` +
      'Run `npm run migrate` (with every sync server stopped), which settles the duplicates an earlier version could store, then start again.',
    { cause },
  );
}

export function isStorageError(error: unknown): error is StorageError {
  return error instanceof StorageError;
}
