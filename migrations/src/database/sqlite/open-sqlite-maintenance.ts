/**
 * The ledger, lock and index listing on the embedded SQLite file: two small tables beside the
 * platform's (`_migrations`, `_migration_lock`). A second connection to the same file, as other
 * processes open it (WAL mode, waiting for the write lock rather than failing).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MigrationError } from '../../errors';
import type { LedgerEntry, Maintenance } from '../../runner/ledger';

/** `readOnly`: for `verify`, which must not create anything (the file must exist). */
export function openSqliteMaintenance(path: string, options: { readonly readOnly?: boolean } = {}): Maintenance {
  let db: Database.Database;
  try {
    if (options.readOnly) {
      db = new Database(path, { readonly: true, fileMustExist: true });
    } else {
      mkdirSync(dirname(path), { recursive: true });
      db = new Database(path);
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE IF NOT EXISTS _migrations (id TEXT PRIMARY KEY NOT NULL, entry TEXT NOT NULL) STRICT');
      db.exec('CREATE TABLE IF NOT EXISTS _migration_lock (name TEXT PRIMARY KEY NOT NULL, owner TEXT NOT NULL, until INTEGER NOT NULL) STRICT');
    }
    db.pragma('busy_timeout = 5000');
  } catch (cause) {
    throw new MigrationError('DATABASE_UNAVAILABLE', `cannot open the SQLite database ${path}: ${(cause as Error).message}`, [], { cause });
  }
  const put = (id: string, json: string) => db.prepare('INSERT INTO _migrations (id, entry) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET entry = excluded.entry').run(id, json);
  return {
    ledger: {
      async list() {
        const rows = db.prepare('SELECT entry FROM _migrations ORDER BY id').all() as Array<{ entry: string }>;
        return rows.map((row) => JSON.parse(row.entry) as LedgerEntry);
      },
      async record(entry) {
        put(entry.id, JSON.stringify(entry));
      },
      async replaceAll(entries) {
        // One transaction: a reader (another connection) or a crash part-way sees the old ledger or
        // the new one, never the delete without the inserts (SQLite rolls an unfinished one back).
        db.transaction(() => {
          db.exec('DELETE FROM _migrations');
          for (const entry of entries) put(entry.id, JSON.stringify(entry));
        })();
      },
      async lock(owner, ttlMs) {
        // IMMEDIATE: the read and the write happen under the write lock, so two runs cannot both
        // see the lock free.
        return db.transaction(() => {
          const now = Date.now();
          const held = db.prepare("SELECT owner, until FROM _migration_lock WHERE name = 'migrate'").get() as { owner: string; until: number } | undefined;
          if (held && held.owner !== owner && held.until > now) return false;
          db.prepare("INSERT INTO _migration_lock (name, owner, until) VALUES ('migrate', ?, ?) ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until").run(owner, now + ttlMs);
          return true;
        }).immediate();
      },
      async unlock(owner) {
        db.prepare("DELETE FROM _migration_lock WHERE name = 'migrate' AND owner = ?").run(owner);
      },
    },
    async listIndexes(collection) {
      const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(collection);
      if (!table) return undefined;
      const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name").all(collection) as Array<{ name: string }>;
      return rows.map((row) => row.name);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
