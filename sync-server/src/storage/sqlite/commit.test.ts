/** Group commit on SQLite: units sharing one transaction are each all or nothing and answered alone. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { collections } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import type { UnitWrite } from '../port';
import { commitUnits } from './commit';
import { openSqliteStorage } from './open-sqlite-storage';
import { createSqliteContext } from './context';
import { ensureCollections, ensureSequencesTable } from './ensure-collections';

function openContext(path = ':memory:') {
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  const ctx = createSqliteContext(db, () => new Date('2026-12-02T00:00:00.000Z'));
  ensureSequencesTable(ctx);
  ensureCollections(ctx, [
    { name: 'orders', indexes: collections.orders.indexes },
    { name: 'products', indexes: collections.products.indexes },
  ]);
  return ctx;
}

const order = (id: string): UnitWrite => ({ collection: 'orders', id, expectedSeq: null, doc: { id, _deleted: false, orderId: `OA-${id}` } });
const product = (id: string, fields: Record<string, unknown> = {}): UnitWrite => ({
  collection: 'products',
  id,
  expectedSeq: null,
  doc: { id, _deleted: false, slug: id, stock: 5, ...fields },
});
const ids = (ctx: ReturnType<typeof openContext>, table: string): string[] =>
  (ctx.db.prepare(`SELECT id FROM "${table}" ORDER BY seq`).all() as Array<{ id: string }>).map((row) => row.id);

describe('committing a group of units in one SQLite transaction', () => {
  it('commits the units that can be made and rolls back only the unit that cannot', () => {
    const ctx = openContext();
    const outcomes = commitUnits(ctx, [
      [order('o1'), product('p1')],
      // The second write takes p1's slug: the whole unit, its order included, is undone.
      [order('o2'), product('p2', { slug: 'p1' })],
      [order('o3'), product('p3')],
    ]);
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.result.kind : 'error'))).toEqual(['committed', 'duplicate', 'committed']);
    expect(ids(ctx, 'orders')).toEqual(['o1', 'o3']);
    expect(ids(ctx, 'products')).toEqual(['p1', 'p3']);
  });

  it('answers a later unit of the group that expected a state an earlier one changed as moved', () => {
    const ctx = openContext();
    const [first] = commitUnits(ctx, [[product('p1')]]);
    const seq = first!.ok && first!.result.kind === 'committed' ? first!.result.rows[0]!.row.seq : -1;
    const take = (id: string, stock: number): UnitWrite[] => [order(id), { ...product('p1', { stock }), expectedSeq: seq }];
    const outcomes = commitUnits(ctx, [take('o1', 4), take('o2', 3)]);
    expect(outcomes[0]).toMatchObject({ ok: true, result: { kind: 'committed' } });
    expect(outcomes[1]).toMatchObject({ ok: true, result: { kind: 'moved', collection: 'products', id: 'p1' } });
    expect(ids(ctx, 'orders')).toEqual(['o1']);
    expect(JSON.parse((ctx.db.prepare('SELECT doc FROM "products"').get() as { doc: string }).doc).stock).toBe(4);
  });

  it('stops a unit whose statement fails alone, with its error, and commits the rest', () => {
    const ctx = openContext();
    // A value JSON cannot hold fails inside the unit's savepoint, after its first write was made.
    const outcomes = commitUnits(ctx, [[order('o1')], [order('o2'), product('p2', { stock: 1n })], [order('o3')]]);
    expect(outcomes[0]).toMatchObject({ ok: true, result: { kind: 'committed' } });
    expect(outcomes[1]!.ok).toBe(false);
    expect(outcomes[2]).toMatchObject({ ok: true, result: { kind: 'committed' } });
    expect(ids(ctx, 'orders')).toEqual(['o1', 'o3']);
    expect(ids(ctx, 'products')).toEqual([]);
  });

  it('commits nothing of the group when the write lock cannot be had', () => {
    const folder = mkdtempSync(join(tmpdir(), 'oa-group-commit-'));
    try {
      const ctx = openContext(join(folder, 'db.sqlite'));
      ctx.db.pragma('busy_timeout = 0');
      // Another connection (another server process) holds the write lock.
      const other = new Database(join(folder, 'db.sqlite'));
      other.exec('BEGIN IMMEDIATE');
      expect(() => commitUnits(ctx, [[order('o1')], [order('o2')]])).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
      other.exec('ROLLBACK');
      other.close();
      expect(ids(ctx, 'orders')).toEqual([]);
      ctx.db.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('commits a unit submitted just before the storage closes, rather than leaving it waiting', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'oa-group-commit-'));
    try {
      const path = join(folder, 'db.sqlite');
      const storage = await openSqliteStorage({ path, pollIntervalMs: 0 });
      await storage.ensureCollections([{ name: 'orders', indexes: collections.orders.indexes }]);
      const committing = storage.commit([order('o1')]);
      await storage.close();
      expect((await committing).kind).toBe('committed');
      const reopened = await openSqliteStorage({ path, pollIntervalMs: 0 });
      await reopened.ensureCollections([{ name: 'orders', indexes: collections.orders.indexes }]);
      expect((await reopened.readByIds('orders', ['o1'])).map((row) => row.doc.id)).toEqual(['o1']);
      await reopened.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
