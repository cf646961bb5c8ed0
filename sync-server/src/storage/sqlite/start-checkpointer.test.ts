/**
 * The WAL checkpointer on a real SQLite file: committed pages reach the database file from the
 * worker thread (the committing connection's own checkpoint waits for 64 MB of WAL, so nothing
 * else copies them here), and the storage closes with it.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collections } from '@oa/schema';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSqliteStorage } from './open-sqlite-storage';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'oa-checkpointer-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const sizeOf = (path: string): number => statSync(path).size;

async function until(predicate: () => boolean, ms: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < ms; await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (predicate()) return true;
  }
  return predicate();
}

it('copies committed pages into the database file from its worker thread, and stops with the storage', async () => {
  const path = join(folder, 'platform.db');
  const storage = await openSqliteStorage({ path, pollIntervalMs: 0, checkpointIntervalMs: 20 });
  await storage.ensureCollections([{ name: 'products', indexes: collections.products.indexes }]);
  const before = sizeOf(path);
  const text = 'x'.repeat(1000);
  for (let batch = 0; batch < 4; batch++) {
    await storage.write('products', Array.from({ length: 250 }, (_, i) => {
      const id = `p-${batch}-${i}`;
      return { id, expectedSeq: null, doc: { id, _deleted: false, name: id, slug: id, description: text, isActive: true } };
    }));
  }
  // About 1.3 MB of documents: in the file well before SQLite's own checkpoint (64 MB) would run.
  expect(await until(() => sizeOf(path) > before + 1_000_000, 5000)).toBe(true);
  await storage.close();
  const reopened = await openSqliteStorage({ path, pollIntervalMs: 0 });
  await reopened.ensureCollections([{ name: 'products', indexes: collections.products.indexes }]);
  expect(await reopened.latestCheckpoint('products')).toBe(1000);
  await reopened.close();
});
