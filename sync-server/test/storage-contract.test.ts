/**
 * The storage contract on the project's database (SQLite; MongoDB as a replica set and as a
 * standalone in the MongoDB projects): a fresh database per test, as `npm start` opens it,
 * removed afterwards. Two handles on one database stand for two server processes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabase } from '../../scripts/mongo-standin/test-database';
import { describeStorageContract } from './storage-contract';
import { openTestStorage } from './test-storage';

const database = testDatabase();
describeStorageContract(database.kind === 'sqlite' ? 'sqlite' : `mongodb (${database.topology})`, async ({ now }) => {
  const folder = mkdtempSync(join(tmpdir(), 'oa-storage-'));
  const opened = await openTestStorage(folder, { now, sqlitePollIntervalMs: 50 });
  return {
    storage: opened.storage,
    openAnother: () => opened.openAnother(),
    async cleanup() {
      await opened.drop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
});
