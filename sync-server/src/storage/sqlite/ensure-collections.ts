/**
 * Tables and indexes. One table per collection: `seq` is the rowid (so a checkpoint page is a
 * range scan of the table itself), `id` is unique, `doc` holds the JSON document. Declared
 * indexes become expression indexes over json_extract, unique ones partial over live documents.
 */
import type { CollectionName, IndexSpec } from '@oa/schema';
import { ownerFieldsOf, syncIndexName, visibleFieldsOf, visibleIndexName } from '../sync-indexes';
import { toIndexBlockedError } from '../errors';
import type { SqliteContext } from './context';
import { isLive, jsonPath, jsonType, liveFlag } from './sql-filter';

export function ensureSequencesTable(ctx: SqliteContext): void {
  ctx.db.exec('CREATE TABLE IF NOT EXISTS _sequences (collection TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL) STRICT');
}

/** Files (product photos; put-file.ts): one row each, the bytes in the row, keyed by name. */
export function ensureFilesTable(ctx: SqliteContext): void {
  ctx.db.exec(
    'CREATE TABLE IF NOT EXISTS _files (name TEXT PRIMARY KEY NOT NULL, content_type TEXT NOT NULL, size INTEGER NOT NULL, created_at TEXT NOT NULL, bytes BLOB NOT NULL) STRICT',
  );
}

export function ensureCollections(
  ctx: SqliteContext,
  specs: ReadonlyArray<{ readonly name: CollectionName; readonly indexes: readonly IndexSpec[] }>,
): void {
  // IMMEDIATE: the write lock from the start, waited for (busy_timeout) when another process holds
  // it. A deferred transaction that began by reading (CREATE TABLE IF NOT EXISTS of an existing
  // table) fails at its first write with SQLITE_BUSY or SQLITE_BUSY_SNAPSHOT, without waiting,
  // when another process writes meanwhile: servers starting together on one new file stopped at start.
  const create = ctx.db.transaction(() => {
    for (const { name, indexes } of specs) {
      const table = ctx.register(name);
      ctx.db.exec(
        `CREATE TABLE IF NOT EXISTS ${table} (seq INTEGER PRIMARY KEY NOT NULL, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL) STRICT`,
      );
      ctx.db.prepare('INSERT OR IGNORE INTO _sequences (collection, seq) VALUES (?, 0)').run(name);
      for (const index of indexes) createIndex(ctx, name, table, index);
      // Owner-scoped pulls ("my orders since N") walk (owner, seq) instead of every row.
      for (const field of ownerFieldsOf(name)) {
        ctx.db.exec(`CREATE INDEX IF NOT EXISTS "${syncIndexName(name, field)}" ON ${table} (${jsonPath(field)}, seq)`);
      }
      // A first sync of the catalogue ("active products after N", live ones only) reads its rows
      // from this index, in seq order, without parsing a document to test it. The expressions are
      // the filter's own (sql-filter.ts), so the planner matches them.
      for (const fields of visibleFieldsOf(name)) {
        const terms = fields.flatMap((field) => [jsonPath(field), jsonType(field)]);
        ctx.db.exec(`CREATE INDEX IF NOT EXISTS "${visibleIndexName(name, fields)}" ON ${table} (${[...terms, liveFlag, 'seq'].join(', ')})`);
      }
      ctx.uniqueIndexes.set(name, indexes.filter((index) => index.unique));
    }
  });
  create.immediate();
}

function createIndex(ctx: SqliteContext, collection: CollectionName, table: string, index: IndexSpec): void {
  const columns = index.fields.map(([field, direction]) => `${jsonPath(field)} ${direction === -1 ? 'DESC' : 'ASC'}`);
  const unique = index.unique ? 'UNIQUE ' : '';
  // Unique only among live documents: a soft-deleted product must not hold its slug forever.
  const where = index.unique ? ` WHERE ${isLive}` : '';
  try {
    ctx.db.exec(`CREATE ${unique}INDEX IF NOT EXISTS "${index.name}" ON ${table} (${columns.join(', ')})${where}`);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw toIndexBlockedError(collection, index.name, error);
    throw error;
  }
}

export function listIndexes(ctx: SqliteContext, collection: CollectionName): string[] {
  ctx.table(collection);
  const rows = ctx.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name")
    .all(collection) as Array<{ name: string }>;
  return rows.map((row) => row.name);
}
