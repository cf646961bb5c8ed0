/**
 * One page of the stored files, without their bytes, in name order (table `_files`; its primary
 * key on `name` is the index this walks). SQLite compares TEXT byte by byte (BINARY), the order
 * the port promises.
 */
import { checkFilesPage } from '../check-files-page';
import type { ListedFile } from '../port';
import type { SqliteContext } from './context';

interface ListedRow {
  readonly name: string;
  readonly content_type: string;
  readonly size: number;
}

export function listFiles(ctx: SqliteContext, after: string, limit: number): ListedFile[] {
  checkFilesPage(after, limit);
  const rows = ctx.prepare('SELECT name, content_type, size FROM _files WHERE name > ? ORDER BY name LIMIT ?').all(after, limit) as ListedRow[];
  return rows.map((row) => ({ name: row.name, contentType: row.content_type, size: row.size }));
}
