/**
 * better-sqlite3's errors as the storage's own, translated once at this adapter's edge.
 * SqliteError carries a stable `code` (SQLITE_BUSY, SQLITE_CONSTRAINT_UNIQUE, …); we branch on
 * that. Errors that are not the driver's (our own bugs) pass through untouched.
 */
import { StorageError, type StorageErrorCode } from '../errors';

function kindOf(code: string): StorageErrorCode {
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'DUPLICATE_KEY';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'CORRUPT_DATA';
  if (code === 'SQLITE_ERROR' || code === 'SQLITE_MISMATCH' || code === 'SQLITE_RANGE' || code.startsWith('SQLITE_CONSTRAINT')) {
    return 'INVALID_REQUEST';
  }
  // BUSY, LOCKED, IOERR_*, FULL, CANTOPEN, READONLY, PERM, …: the database is not usable right now.
  return 'UNAVAILABLE';
}

export function toStorageError(error: unknown): unknown {
  if (error instanceof StorageError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  return new StorageError(kindOf(code), `SQLite: ${(error as Error).message}`, { cause: error });
}
