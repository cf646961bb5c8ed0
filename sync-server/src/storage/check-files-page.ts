/**
 * Pure: what every adapter checks of a listFiles call before it reaches the database: `after` is
 * a string (matched as a value, never as a query) and the page is bounded, so no caller can ask
 * for every file's row at once.
 */
import { StorageError } from './errors';
import { maxFilesPage } from './port';

export function checkFilesPage(after: string, limit: number): void {
  if (typeof after !== 'string') throw new StorageError('INVALID_REQUEST', 'listFiles: `after` must be a name or the empty string');
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > maxFilesPage) {
    throw new StorageError('INVALID_REQUEST', `listFiles: bad limit ${limit} (1 to ${maxFilesPage})`);
  }
}
