import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from './ledger';
import type { Migration } from './migration';
import { migrationStatus } from './migration-status';

const migration = (id: string): Migration => ({ id, description: `does ${id}`, run: async () => undefined });
const entry = (id: string, status: LedgerEntry['status'], error?: LedgerEntry['error']): LedgerEntry => ({ id, status, startedAt: 't0', finishedAt: 't1', ...(error ? { error } : {}) });

describe('migrationStatus', () => {
  it.each<[string, string[], LedgerEntry[], Array<[string, string]>]>([
    ['nothing applied: all pending', ['a', 'b'], [], [['a', 'pending'], ['b', 'pending']]],
    ['applied then pending', ['a', 'b'], [entry('a', 'applied')], [['a', 'applied'], ['b', 'pending']]],
    ['a failure stays visible', ['a', 'b'], [entry('a', 'applied'), entry('b', 'failed', { code: 'X', message: 'boom' })], [['a', 'applied'], ['b', 'failed']]],
    ['an entry this code does not know', ['a'], [entry('a', 'applied'), entry('z', 'applied')], [['a', 'applied'], ['z', 'unknown']]],
  ])('%s', (_case, ids, entries, expected) => {
    expect(migrationStatus(ids.map(migration), entries).map((row) => [row.id, row.status])).toEqual(expected);
  });

  it('carries the failure code and message', () => {
    const [row] = migrationStatus([migration('a')], [entry('a', 'failed', { code: 'INVALID_LEGACY_DATA', message: 'bad' })]);
    expect(row?.error).toBe('INVALID_LEGACY_DATA: bad');
  });
});
