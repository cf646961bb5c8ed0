/** The SQLite page query's plan: a first sync of the catalogue walks the visibility index rather than reading every document. */
import Database from 'better-sqlite3';
import { collections, readFilterFor, anonymousCaller } from '@oa/schema';
import { describe, expect, it } from 'vitest';
import { createSqliteContext } from './context';
import { ensureCollections, ensureSequencesTable } from './ensure-collections';
import { readChangesJson } from './read-changes';

function planOfFirstSync(): string {
  const db = new Database(':memory:');
  const ctx = createSqliteContext(db, () => new Date());
  ensureSequencesTable(ctx);
  ensureCollections(ctx, [{ name: 'products', indexes: collections.products.indexes }]);
  const statements: string[] = [];
  const prepare = ctx.prepare.bind(ctx);
  const { visible } = readFilterFor('products', anonymousCaller)!;
  readChangesJson({ ...ctx, prepare: (sql) => (statements.push(sql), prepare(sql)) }, { collection: 'products', after: 0, limit: 100, visible, hidden: 'skip' });
  const page = statements.find((sql) => sql.includes('ORDER BY seq'))!;
  const params = [0, ...Array.from({ length: (page.match(/\?/g) ?? []).length - 1 }, () => 100)];
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${page}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join(' | ');
  db.close();
  return plan;
}

describe('reading a first sync of the catalogue on SQLite', () => {
  it('walks the visibility index in sequence order, testing no document', () => {
    expect(planOfFirstSync()).toMatch(/USING INDEX products_sync_visible_isActive \(<expr>=\? AND <expr>=\? AND <expr>=\? AND seq>\?\)/);
  });
});
