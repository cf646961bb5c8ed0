/** Reads a stored file, bytes and all, by its name (table `_files`); undefined when there is none. */
import { StorageError } from '../errors';
import type { StoredFile } from '../port';
import type { SqliteContext } from './context';

interface FileRow {
  readonly name: string;
  readonly content_type: string;
  readonly size: number;
  readonly created_at: string;
  readonly bytes: Buffer;
}

export function readFile(ctx: SqliteContext, name: string): StoredFile | undefined {
  const row = ctx.prepare('SELECT name, content_type, size, created_at, bytes FROM _files WHERE name = ?').get(name) as FileRow | undefined;
  if (!row) return undefined;
  if (!Buffer.isBuffer(row.bytes) || row.bytes.length !== row.size) throw new StorageError('CORRUPT_DATA', `file ${name} does not hold the ${row.size} bytes it was stored with`);
  return { name: row.name, contentType: row.content_type, bytes: row.bytes, size: row.size, createdAt: row.created_at };
}
