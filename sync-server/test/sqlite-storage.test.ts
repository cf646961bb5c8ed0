/**
 * The storage contract on the embedded SQLite adapter: a real database file per test, in its own
 * temporary folder, with the same WAL settings `npm start` uses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStorage } from '../src/storage';
import { describeStorageContract } from './storage-contract';

describeStorageContract('sqlite', async ({ now }) => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-storage-'));
  const path = join(folder, 'platform.db');
  const handles = [await openSqliteStorage({ path, now, pollIntervalMs: 50 })];
  return {
    storage: handles[0]!,
    async openAnother() {
      const another = await openSqliteStorage({ path, now, pollIntervalMs: 50 });
      handles.push(another);
      return another;
    },
    async cleanup() {
      for (const handle of handles) await handle.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
});
