/**
 * The storage contract on the MongoDB adapter, against the server in MONGODB_TEST_URL (a replica
 * set exercises change streams, a standalone the polling fallback): a fresh database per test,
 * dropped afterwards. Without the variable the suite is skipped, and says so.
 */
import { randomUUID } from 'node:crypto';
import { it } from 'vitest';
import type { Storage } from '../src/storage';
import { dropMongoDatabase } from '../src/storage/mongodb/drop-database';
import { openMongoStorage } from '../src/storage/mongodb/open-mongodb-storage';
import { describeStorageContract } from './storage-contract';

const url = process.env.MONGODB_TEST_URL;
const skipped = 'MongoDB adapter contract skipped: set MONGODB_TEST_URL to a replica-set or standalone MongoDB to run it';

if (url) {
  describeStorageContract('mongodb', async ({ now }) => {
    const databaseName = `oa_contract_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const open = () => openMongoStorage({ url, databaseName, now, pollIntervalMs: 50 });
    const handles: Storage[] = [await open()];
    return {
      storage: handles[0]!,
      async openAnother() {
        const another = await open();
        handles.push(another);
        return another;
      },
      async cleanup() {
        for (const handle of handles) await handle.close();
        await dropMongoDatabase(url, databaseName);
      },
    };
  });
} else {
  console.warn(skipped);
  it.skip(skipped, () => undefined);
}
