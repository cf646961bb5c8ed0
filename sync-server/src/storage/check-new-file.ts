/**
 * Pure: what every adapter checks of a file before it reaches the database: a name and a content
 * type that are plain printable text of a sane length, and bytes. What the bytes must be (a
 * photo whose digest is its name) is the caller's rule (photos/), not the storage's. The backup
 * checks its index of files against the same predicates, so a restore never meets a refusal.
 */
import { StorageError } from './errors';
import type { NewFile } from './port';

/** Printable ASCII without spaces: a name is a key, never a path or a display string. */
const namePattern = /^[\x21-\x7e]{1,255}$/;
const contentTypePattern = /^[\x20-\x7e]{1,255}$/;

/** Whether a name is one the storage accepts for a file (also what a backup checks its index against). */
export function isFileName(name: unknown): name is string {
  return typeof name === 'string' && namePattern.test(name);
}

/** Whether a content type is one the storage accepts for a file. */
export function isFileContentType(contentType: unknown): contentType is string {
  return typeof contentType === 'string' && contentTypePattern.test(contentType);
}

export function checkNewFile(file: NewFile): void {
  if (!isFileName(file.name)) {
    throw new StorageError('INVALID_REQUEST', `bad file name ${JSON.stringify(String(file.name).slice(0, 80))}`);
  }
  if (!isFileContentType(file.contentType)) {
    throw new StorageError('INVALID_REQUEST', `bad content type for file ${file.name}`);
  }
  if (!(file.bytes instanceof Uint8Array)) throw new StorageError('INVALID_REQUEST', `file ${file.name} has no bytes`);
}
