/**
 * Stores a file once under its name (table `_files`, ensure-collections.ts). One INSERT OR
 * IGNORE: atomic, so of concurrent stores of one name, in this process or another on the file,
 * exactly one answers 'stored' and the rest 'exists', and nothing stored is ever overwritten.
 */
import { checkNewFile } from '../check-new-file';
import type { NewFile, PutFileResult } from '../port';
import type { SqliteContext } from './context';

export function putFile(ctx: SqliteContext, file: NewFile): PutFileResult {
  checkNewFile(file);
  // better-sqlite3 binds a Buffer as a BLOB (a plain Uint8Array it refuses); this one shares the bytes, no copy.
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  const { changes } = ctx
    .prepare('INSERT OR IGNORE INTO _files (name, content_type, size, created_at, bytes) VALUES (?, ?, ?, ?, ?)')
    .run(file.name, file.contentType, bytes.length, ctx.now().toISOString(), bytes);
  return changes === 1 ? 'stored' : 'exists';
}
