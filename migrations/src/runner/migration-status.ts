/** The ledger read against the known migrations: what is applied, failed, pending, or unknown here. Pure. */
import type { LedgerEntry } from './ledger';
import type { Migration } from './migration';

export interface StatusRow {
  readonly id: string;
  readonly description: string;
  readonly status: 'applied' | 'failed' | 'pending' | 'unknown';
  readonly at?: string;
  readonly error?: string;
}

export function migrationStatus(migrations: readonly Migration[], entries: readonly LedgerEntry[]): StatusRow[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const known = new Set(migrations.map((m) => m.id));
  const rows: StatusRow[] = migrations.map((migration) => {
    const entry = byId.get(migration.id);
    if (!entry) return { id: migration.id, description: migration.description, status: 'pending' };
    return {
      id: migration.id,
      description: migration.description,
      status: entry.status,
      at: entry.finishedAt,
      ...(entry.error ? { error: `${entry.error.code}: ${entry.error.message}` } : {}),
    };
  });
  // Applied by a newer version of the code than this one: worth saying, never undone.
  for (const entry of entries) {
    if (!known.has(entry.id)) rows.push({ id: entry.id, description: '(not known to this version of the code)', status: 'unknown', at: entry.finishedAt });
  }
  return rows;
}
