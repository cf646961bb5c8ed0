/** Test helper: breaks a database on purpose by dropping one index (only this folder imports the driver). */
import Database from 'better-sqlite3';

export function dropSqliteIndex(path: string, index: string): void {
  const db = new Database(path);
  try {
    db.exec(`DROP INDEX "${index.replace(/"/g, '')}"`);
  } finally {
    db.close();
  }
}
